//! Numbers as policy documents print them: Chinese numerals (一 … 九十九, 一百零五,
//! 二〇三五), ASCII and full-width digits, circled numbers ① … ⑳.
//!
//! Pure functions over `&str`; used by `scan` to read heading labels.

/// Value of one Chinese digit character, if it is one.
fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' | 'Ｏ' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn chinese_unit(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// True for characters that can be part of a Chinese numeral.
pub fn is_chinese_numeral_char(c: char) -> bool {
    chinese_digit(c).is_some() || chinese_unit(c).is_some()
}

/// Reads a Chinese numeral such as `十五`, `二十一`, `一百零五`, `六十五`.
/// Returns `None` for an empty string or anything that is not a well-formed numeral
/// below ten thousand.
pub fn parse_chinese(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let mut total = 0u32;
    let mut pending: Option<u32> = None;
    let mut last_unit = u32::MAX;
    for c in s.chars() {
        if let Some(d) = chinese_digit(c) {
            if pending.is_some() && d != 0 {
                // Two digits in a row (二三) are not a numeral here.
                return None;
            }
            pending = if d == 0 { None } else { Some(d) };
        } else if let Some(unit) = chinese_unit(c) {
            if unit >= last_unit {
                return None;
            }
            total += pending.take().unwrap_or(1) * unit;
            last_unit = unit;
        } else {
            return None;
        }
    }
    Some(total + pending.unwrap_or(0))
}

/// Reads ASCII or full-width digits (`12`, `１２`).
pub fn parse_digits(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 24 {
        return None;
    }
    let mut n = 0u32;
    for c in s.chars() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => return None,
        };
        n = n.checked_mul(10)?.checked_add(d)?;
    }
    Some(n)
}

/// True for ASCII or full-width digits.
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Value of a circled number ① … ⑳.
pub fn circled(c: char) -> Option<u32> {
    let code = c as u32;
    (0x2460..=0x2473).contains(&code).then(|| code - 0x2460 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        let cases = [
            ("一", Some(1)),
            ("十", Some(10)),
            ("十五", Some(15)),
            ("二十", Some(20)),
            ("二十一", Some(21)),
            ("六十五", Some(65)),
            ("一百零五", Some(105)),
            ("一百一十", Some(110)),
            ("两千", Some(2000)),
            ("二三", None),
            ("十十", None),
            ("", None),
            ("第一", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_chinese(text), want, "{text}");
        }
    }

    #[test]
    fn digits_and_circles() {
        assert_eq!(parse_digits("60"), Some(60));
        assert_eq!(parse_digits("１２"), Some(12));
        assert_eq!(parse_digits("1a"), None);
        assert_eq!(parse_digits("99999999999999999999"), None);
        assert_eq!(circled('①'), Some(1));
        assert_eq!(circled('⑳'), Some(20));
        assert_eq!(circled('a'), None);
    }
}
