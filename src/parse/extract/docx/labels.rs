//! A number written in one of Word's number formats (`w:numFmt`): `一`, `1`,
//! `甲`, `①`, `a`, `iv`, … as a numbered paragraph shows it.

/// The number formats Word offers that a policy document uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) enum Format {
    #[default]
    Decimal,
    DecimalZero,
    FullWidth,
    /// 一, 十一, 二十 (`chineseCounting`, `chineseCountingThousand`, …).
    ChineseCounting,
    /// 壹, 拾壹 (`chineseLegalSimplified`).
    ChineseLegal,
    /// 一〇一: one ideograph per digit (`ideographDigital`).
    IdeographDigital,
    /// 甲乙丙丁 (`ideographTraditional`).
    Stems,
    /// 子丑寅卯 (`ideographZodiac`).
    Branches,
    /// ① (`decimalEnclosedCircle`…).
    Circled,
    /// ⑴ (`decimalEnclosedParen`).
    Parenthesised,
    /// ⒈ (`decimalEnclosedFullstop`).
    FullStop,
    UpperLetter,
    LowerLetter,
    UpperRoman,
    LowerRoman,
    /// The number is not shown (`none`).
    Hidden,
    Bullet,
}

impl Format {
    /// The format `w:numFmt` names; decimal for one not known here.
    pub(super) fn named(name: &str) -> Self {
        match name {
            "decimalZero" => Self::DecimalZero,
            "decimalFullWidth" | "decimalFullWidth2" => Self::FullWidth,
            "chineseCounting"
            | "chineseCountingThousand"
            | "japaneseCounting"
            | "taiwaneseCounting"
            | "taiwaneseCountingThousand" => Self::ChineseCounting,
            "chineseLegalSimplified" => Self::ChineseLegal,
            "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => {
                Self::IdeographDigital
            }
            "ideographTraditional" => Self::Stems,
            "ideographZodiac" => Self::Branches,
            "decimalEnclosedCircle"
            | "decimalEnclosedCircleChinese"
            | "ideographEnclosedCircle" => Self::Circled,
            "decimalEnclosedParen" => Self::Parenthesised,
            "decimalEnclosedFullstop" => Self::FullStop,
            "upperLetter" => Self::UpperLetter,
            "lowerLetter" => Self::LowerLetter,
            "upperRoman" => Self::UpperRoman,
            "lowerRoman" => Self::LowerRoman,
            "none" => Self::Hidden,
            "bullet" => Self::Bullet,
            _ => Self::Decimal,
        }
    }
}

const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const LEGAL_DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const STEMS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const BRANCHES: [char; 12] = [
    '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥',
];

/// `n` written in `format`. Formats with a fixed set of signs (①…⑳, 甲…癸)
/// go on in decimals, or round again, past their end, as Word does.
pub(super) fn number_text(format: Format, n: u32) -> String {
    match format {
        Format::Decimal => n.to_string(),
        Format::DecimalZero => format!("{n:02}"),
        Format::FullWidth => n
            .to_string()
            .chars()
            .map(|d| char::from_u32(d as u32 - '0' as u32 + 0xFF10).unwrap_or(d))
            .collect(),
        Format::ChineseCounting => counting(n, &DIGITS, ['十', '百', '千']),
        Format::ChineseLegal => counting(n, &LEGAL_DIGITS, ['拾', '佰', '仟']),
        Format::IdeographDigital => n
            .to_string()
            .chars()
            .map(|d| DIGITS[d as usize - '0' as usize])
            .collect(),
        Format::Stems => cycle(n, &STEMS),
        Format::Branches => cycle(n, &BRANCHES),
        Format::Circled => enclosed(n, 0x2460),
        Format::Parenthesised => enclosed(n, 0x2474),
        Format::FullStop => enclosed(n, 0x2488),
        Format::UpperLetter => letters(n, b'A'),
        Format::LowerLetter => letters(n, b'a'),
        Format::UpperRoman => roman(n),
        Format::LowerRoman => roman(n).to_lowercase(),
        Format::Hidden | Format::Bullet => String::new(),
    }
}

/// 一 … 十, 十一, 二十一, 一百零一, 一千: as Chinese counts. Ten to nineteen
/// start `十`, not `一十`; a zero inside the number is said once, as `零`.
fn counting(n: u32, digits: &[char; 10], units: [char; 3]) -> String {
    if n == 0 {
        return digits[0].to_string();
    }
    if n >= 10_000 {
        return n.to_string();
    }
    let places = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut text = String::new();
    let mut zero_pending = false;
    for (at, &digit) in places.iter().enumerate() {
        if digit == 0 {
            zero_pending = !text.is_empty();
            continue;
        }
        if zero_pending {
            text.push('零');
            zero_pending = false;
        }
        let unit = units.get(2_usize.wrapping_sub(at)).copied();
        let leading_ten = at == 2 && digit == 1 && text.is_empty();
        if !leading_ten {
            text.push(digits[digit as usize]);
        }
        if let Some(unit) = unit {
            text.push(unit);
        }
    }
    text
}

/// Signs that go round: 甲 … 癸, then 甲 again.
fn cycle(n: u32, signs: &[char]) -> String {
    let at = (n.max(1) - 1) as usize % signs.len();
    signs[at].to_string()
}

/// ① … ⑳ from the sign of 1 at `first`; decimals past 20.
fn enclosed(n: u32, first: u32) -> String {
    match n {
        1..=20 => char::from_u32(first + n - 1).map_or_else(|| n.to_string(), String::from),
        _ => n.to_string(),
    }
}

/// A … Z, then AA … ZZ, AAA …: Word repeats the letter.
fn letters(n: u32, a: u8) -> String {
    let n = n.max(1) - 1;
    let letter = char::from(a + (n % 26) as u8);
    std::iter::repeat_n(letter, (n / 26) as usize % 64 + 1).collect()
}

fn roman(mut n: u32) -> String {
    const NUMERALS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    if n == 0 || n > 3999 {
        return n.to_string();
    }
    let mut text = String::new();
    for (value, numeral) in NUMERALS {
        while n >= value {
            text.push_str(numeral);
            n -= value;
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counting_reads_as_chinese_counts() {
        let shown: Vec<String> = [1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 1000, 1001]
            .iter()
            .map(|&n| number_text(Format::ChineseCounting, n))
            .collect();
        assert_eq!(
            shown,
            [
                "一",
                "九",
                "十",
                "十一",
                "十九",
                "二十",
                "二十一",
                "九十九",
                "一百",
                "一百零一",
                "一百一十",
                "一千",
                "一千零一"
            ]
        );
    }

    #[test]
    fn fixed_sign_formats_go_on_past_their_end() {
        assert_eq!(number_text(Format::Stems, 1), "甲");
        assert_eq!(number_text(Format::Stems, 11), "甲");
        assert_eq!(number_text(Format::Branches, 3), "寅");
        assert_eq!(number_text(Format::Circled, 3), "③");
        assert_eq!(number_text(Format::Circled, 21), "21");
        assert_eq!(number_text(Format::Parenthesised, 2), "⑵");
        assert_eq!(number_text(Format::FullWidth, 12), "１２");
        assert_eq!(number_text(Format::IdeographDigital, 2025), "二〇二五");
        assert_eq!(number_text(Format::ChineseLegal, 12), "拾贰");
        assert_eq!(number_text(Format::LowerLetter, 28), "bb");
        assert_eq!(number_text(Format::UpperRoman, 14), "XIV");
    }
}
