//! One line in isolation: what its beginning shows (a heading label, a table of
//! contents title, a table row, a dateline, …).
//!
//! Low level only: nothing here looks at neighbouring lines. Whether a label really
//! starts a heading is decided in `assemble`, which knows the paragraph around it.

mod cells;

pub use cells::{is_caption, is_table_row, is_value_cell};

use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::numeral::{circled, is_chinese_numeral_char, is_digit, parse_chinese, parse_digits};
use crate::document::HeadingKind;
use crate::parse::source::is_space;

/// A heading label found at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub kind: HeadingKind,
    /// The label as printed, inner spaces folded (`第十二章`, `（三）`, `专栏 3`).
    pub text: String,
    /// Its number, where it has one.
    pub number: Option<u32>,
    /// Byte offset in the line where the text after the label begins
    /// (separating spaces skipped).
    pub rest: usize,
    /// Byte offset where the label itself begins: 0, unless it is the second
    /// heading of its line.
    pub start: usize,
    /// Byte offset where a second, finer heading begins on the same line
    /// (`第一章　总则　　第一条　为规范…`).
    pub then: Option<usize>,
}

impl Label {
    /// The heading's own text on `line` (the line it was read from): after the
    /// label, up to a second heading on the line.
    pub fn rest<'t>(&self, line: &'t str) -> &'t str {
        line[self.rest..self.then.unwrap_or(line.len())].trim_end_matches(is_space)
    }

    /// The label of the second heading on `line`, with offsets in `line`.
    pub fn second(&self, line: &str) -> Option<Label> {
        let start = self.then?;
        let mut second = structural(&line[start..])?;
        second.start = start;
        second.rest += start;
        second.then = second.then.map(|t| t + start);
        Some(second)
    }
}

/// Reads a heading label at the start of `line` (already trimmed).
pub fn label(line: &str) -> Option<Label> {
    structural(line)
        .or_else(|| chinese_enumeration(line))
        .or_else(|| bracketed(line))
        .or_else(|| arabic(line))
        .or_else(|| circled_label(line))
        .or_else(|| special(line))
}

/// `第X部分`, `第X篇`, `第X章`, `第X节`, `第X条`.
fn structural(line: &str) -> Option<Label> {
    let mut label = structural_alone(line)?;
    label.then = finer_structural_after(line, label.rest, label.kind);
    Some(label)
}

/// A structural label without looking for a finer one after it on its line: the
/// look scans the rest of the line, so a label found in that scan must not start
/// another (on a text saved as one line that would scan it once per 第).
fn structural_alone(line: &str) -> Option<Label> {
    let after = line.strip_prefix('第')?;
    let (number_text, tail) = split_while(after, |c| {
        is_chinese_numeral_char(c) || is_digit(c) || c == ' '
    });
    let number_text = number_text.trim();
    let number = parse_chinese(number_text).or_else(|| parse_digits(number_text))?;
    let (kind, unit) = [
        ("部分", HeadingKind::Part),
        ("篇", HeadingKind::Pian),
        // The books of a code (第二编 立案、侦查和提起公诉) rank as a plan's 篇.
        ("编", HeadingKind::Pian),
        ("章", HeadingKind::Zhang),
        ("节", HeadingKind::Jie),
        ("条", HeadingKind::Tiao),
    ]
    .into_iter()
    .find_map(|(unit, kind)| tail.starts_with(unit).then_some((kind, unit)))?;
    let mut rest_start = line.len() - tail.len() + unit.len();
    // An article put in later: 第一条之一.
    let inserted = (kind == HeadingKind::Tiao)
        .then(|| line[rest_start..].strip_prefix('之'))
        .flatten()
        .map(|t| split_while(t, is_chinese_numeral_char).0)
        .filter(|n| !n.is_empty());
    if let Some(n) = inserted {
        rest_start += '之'.len_utf8() + n.len();
    }
    let rest = &line[rest_start..];
    if starts_running_text(rest) {
        return None;
    }
    let rest = skip_spaces(line, rest_start);
    let inserted = inserted.map_or(String::new(), |n| format!("之{n}"));
    Some(Label {
        kind,
        text: format!("第{}{}{inserted}", number_text.replace(' ', ""), unit),
        number: Some(number),
        rest,
        start: 0,
        then: None,
    })
}

/// Where a finer structural label begins after a wide gap on a heading's line: the
/// 第一条 of `第一章　总则　　第一条　为规范…`. A gap is two spaces or an ideographic
/// space; a single ASCII space inside a title is not one.
fn finer_structural_after(line: &str, from: usize, kind: HeadingKind) -> Option<usize> {
    if kind >= HeadingKind::Tiao {
        return None;
    }
    let mut gap = 0;
    for (at, c) in line[from..].char_indices() {
        let at = from + at;
        if is_space(c) {
            gap += if c == ' ' { 1 } else { 2 };
            continue;
        }
        let wide_gap = gap >= 2;
        gap = 0;
        if c == '第'
            && wide_gap
            && structural_alone(&line[at..])
                .is_some_and(|l| l.kind > kind && l.kind <= HeadingKind::Tiao)
        {
            return Some(at);
        }
    }
    None
}

/// `一、` … `二十三、`.
fn chinese_enumeration(line: &str) -> Option<Label> {
    let (number_text, tail) = split_while(line, is_chinese_numeral_char);
    let tail = tail.strip_prefix('、')?;
    let number = parse_chinese(number_text)?;
    let rest = line.len() - tail.len();
    Some(Label {
        kind: HeadingKind::H1,
        text: format!("{number_text}、"),
        number: Some(number),
        rest: skip_spaces(line, rest),
        start: 0,
        then: None,
    })
}

/// `（一）` is h2, `（1）` is h4; ASCII brackets too.
fn bracketed(line: &str) -> Option<Label> {
    let (open, inner) = if let Some(t) = line.strip_prefix('（') {
        ('（', t)
    } else {
        ('(', line.strip_prefix('(')?)
    };
    let close_at = inner.find(['）', ')'])?;
    let number_text = inner[..close_at].trim_matches(is_space);
    let close = inner[close_at..].chars().next()?;
    let (kind, number) = if let Some(n) = parse_chinese(number_text) {
        (HeadingKind::H2, n)
    } else {
        (HeadingKind::H4, parse_digits(number_text)?)
    };
    let rest = line.len() - inner.len() + close_at + close.len_utf8();
    Some(Label {
        kind,
        text: format!("{open}{number_text}{close}"),
        number: Some(number),
        rest: skip_spaces(line, rest),
        start: 0,
        then: None,
    })
}

/// `1.` `1．` `1、` `1﹒` at the start of a paragraph; not `38.6`, not `1 小时`.
/// A full-width stop before a digit (`3．10种有色金属`) is read as a label: it
/// counts as one only where the numbering wants it (see `assemble`).
fn arabic(line: &str) -> Option<Label> {
    let (number_text, tail) = split_while(line, is_digit);
    let number = parse_digits(number_text)?;
    let mark = tail
        .chars()
        .next()
        .filter(|c| matches!(c, '.' | '．' | '、' | '﹒'))?;
    let after = &tail[mark.len_utf8()..];
    let decimal = mark == '.' && after.starts_with(is_digit);
    if decimal || after.starts_with(['%', '％']) {
        return None;
    }
    let rest = line.len() - after.len();
    Some(Label {
        kind: HeadingKind::H3,
        text: format!("{number_text}{mark}"),
        number: Some(number),
        rest: skip_spaces(line, rest),
        start: 0,
        then: None,
    })
}

/// `①` … `⑳`.
fn circled_label(line: &str) -> Option<Label> {
    let c = line.chars().next()?;
    let number = circled(c)?;
    Some(Label {
        kind: HeadingKind::H4,
        text: c.to_string(),
        number: Some(number),
        rest: skip_spaces(line, c.len_utf8()),
        start: 0,
        then: None,
    })
}

/// `专栏 3` boxes and `附件1` attachments.
fn special(line: &str) -> Option<Label> {
    let (word, kind) = if line.starts_with("专栏") {
        ("专栏", HeadingKind::Box)
    } else if line.starts_with("附件") {
        ("附件", HeadingKind::Doc)
    } else {
        return None;
    };
    let after = line[word.len()..].trim_start_matches(is_space);
    let (number_text, tail) = split_while(after, |c| is_digit(c) || is_chinese_numeral_char(c));
    let number = parse_digits(number_text).or_else(|| parse_chinese(number_text));
    let tail_trimmed = tail.trim_start_matches(is_space);
    let tail_trimmed = match kind {
        HeadingKind::Doc => {
            let t = tail_trimmed.trim_start_matches([':', '：']);
            // `附件：1．…` lists the attachments of a notice; it is not one.
            if number.is_none() && t.trim_start_matches(is_space).starts_with(is_digit) {
                return None;
            }
            t.trim_start_matches(is_space)
        }
        _ => tail_trimmed,
    };
    if kind == HeadingKind::Box && tail_trimmed.contains('。') {
        return None;
    }
    let text = match (kind, number_text) {
        (_, "") => word.to_string(),
        (HeadingKind::Box, n) => format!("{word} {n}"),
        (_, n) => format!("{word}{n}"),
    };
    Some(Label {
        kind,
        text,
        number,
        rest: line.len() - tail_trimmed.len(),
        start: 0,
        then: None,
    })
}

/// Text after a structural label that shows the line is running prose
/// (`第十五部分和结束语`, `第三章的规定`), not a heading.
fn starts_running_text(rest: &str) -> bool {
    rest.starts_with(|c: char| {
        matches!(
            c,
            '和' | '与'
                | '的'
                | '及'
                | '中'
                | '至'
                | '以'
                | '，'
                | '。'
                | '、'
                | '）'
                | '规'
                | '所'
                | '或'
                | '等'
                | '起'
                | '到'
        )
    })
}

fn split_while(s: &str, keep: impl Fn(char) -> bool) -> (&str, &str) {
    let end = s.find(|c: char| !keep(c)).unwrap_or(s.len());
    s.split_at(end)
}

fn skip_spaces(line: &str, from: usize) -> usize {
    line.len() - line[from..].trim_start_matches(is_space).len()
}

/// An ordinal of running text (`第一，` `第四、` `一是` `首先`): the start of a
/// paragraph that counts its points, never a heading or a title.
pub fn starts_with_ordinal(line: &str) -> bool {
    if ["首先", "其次", "其一", "其二", "其三"]
        .iter()
        .any(|w| line.starts_with(w))
    {
        return true;
    }
    let counted = line.strip_prefix('第').unwrap_or(line);
    let (number, after) = split_while(counted, is_chinese_numeral_char);
    let mark = if counted.len() == line.len() {
        after.starts_with('是')
    } else {
        after.starts_with(['，', '、', ','])
    };
    !number.is_empty() && mark
}

/// `目录`, `目 录`, `目　　录`: the title of a table of contents.
pub fn is_contents_title(line: &str) -> bool {
    let mut chars = line.chars().filter(|&c| !is_space(c));
    chars.next() == Some('目') && chars.next() == Some('录') && chars.next().is_none()
}

/// A table-of-contents entry's tail: leaders (`……`, `···`, `....`) or a page number
/// (`（13）`, `13`).
pub fn has_leader_or_page(line: &str) -> bool {
    has_leader(line) || ends_with_page_number(line)
}

/// Ends with a bracketed page number: `（13）`, `(13)`.
fn ends_with_page_number(line: &str) -> bool {
    let tail = line.trim_end_matches(is_space);
    let tail = tail
        .strip_suffix(['）', ')'])
        .map(|t| t.trim_end_matches(is_digit))
        .filter(|t| t.ends_with(['（', '(']));
    tail.is_some()
}

/// Leaders: `…`, or three dots of one kind in a row (`···`, `...`, `．．．`).
fn has_leader(line: &str) -> bool {
    // Searchers made once: every line is asked, most of them long.
    static LEADERS: LazyLock<[Finder<'static>; 5]> =
        LazyLock::new(|| ["…", "...", "···", "．．．", "・・・"].map(Finder::new));
    LEADERS
        .iter()
        .any(|leader| leader.find(line.as_bytes()).is_some())
}

/// Ends with punctuation that closes a sentence (`。！？；…` perhaps inside closing quotes).
pub fn ends_sentence(line: &str) -> bool {
    let core = line.trim_end_matches(['”', '’', '」', '』', '）', ')', '"']);
    core.ends_with(['。', '！', '？', '；', '!', '?', ';', '…'])
}

/// Ends with any punctuation that cannot close a title (`，、：` and sentence ends).
pub fn ends_with_punctuation(line: &str) -> bool {
    ends_sentence(line) || line.ends_with(['，', '、', '：', ',', ':'])
}

/// A line wholly in brackets: a subtitle, a dated note or a source line under a title
/// (`（征求意见稿）`, `（2021 年 4 月 22 日）`, `（来源：求是网）`).
pub fn is_bracketed_note(line: &str) -> bool {
    let inner = line
        .strip_prefix(['（', '('])
        .and_then(|t| t.strip_suffix(['）', ')']));
    inner.is_some_and(|t| !t.contains(['（', '(', '）', ')']))
}

/// A bare date line: `2021 年 2 月 10 日`, `二〇二一年二月十日`.
pub fn is_dateline(line: &str) -> bool {
    if !line.ends_with('日') || !line.contains('月') || line.len() > 60 {
        return false;
    }
    let compact: String = line.chars().filter(|&c| !is_space(c)).collect();
    let Some(year_end) = compact.find('年') else {
        return false;
    };
    let numeric =
        |s: &str| !s.is_empty() && s.chars().all(|c| is_digit(c) || is_chinese_numeral_char(c));
    let (year, tail) = compact.split_at(year_end);
    let tail = &tail['年'.len_utf8()..];
    let Some((month, day)) = tail.split_once('月') else {
        return false;
    };
    numeric(year) && numeric(month) && day.strip_suffix('日').is_some_and(numeric)
}

/// A line that opens with a full date (`2012年10月26日 第十一届…修正`): the record
/// of a law's adoption or amendment under its title, or a dateline; never a title.
pub fn starts_with_date(line: &str) -> bool {
    let Some(day) = line.char_indices().take(16).find(|&(_, c)| c == '日') else {
        return false;
    };
    is_dateline(&line[..day.0 + '日'.len_utf8()])
}

/// The lead of a news report: a dateline (`新华社北京 9 月 11 日电`, `本报北京5月12日讯`)
/// or a date that
/// opens the first sentence (`9 月 22 日，中共中央总书记…`).
pub fn opens_with_news_dateline(line: &str) -> bool {
    let compact: String = line.chars().filter(|&c| !is_space(c)).take(24).collect();
    let Some(digit) = compact.find(|c: char| is_digit(c)) else {
        return false;
    };
    let (place, date) = compact.split_at(digit);
    if place.chars().count() > 8 || place.contains(['，', '。', '：', '、']) {
        return false;
    }
    let (month, tail) = split_while(date, is_digit);
    let Some(tail) = tail.strip_prefix('月') else {
        return false;
    };
    let (day, tail) = split_while(tail, is_digit);
    !month.is_empty()
        && !day.is_empty()
        && tail
            .strip_prefix('日')
            .is_some_and(|t| t.starts_with(['电', '讯', '，', ',']))
}

/// Where a copy comes from, under its title: `来源：广西日报`, `稿件来源: 新华社`.
pub fn is_source_line(line: &str) -> bool {
    let after = ["来源", "稿件来源", "信息来源", "文章来源"]
        .iter()
        .find_map(|word| line.strip_prefix(word));
    after.is_some_and(|t| t.trim_start_matches(is_space).starts_with(['：', ':']))
}

/// A document number such as `渝府发〔2021〕6 号`.
pub fn is_document_number(line: &str) -> bool {
    (line.contains('〔') || line.contains('['))
        && line.trim_end_matches(is_space).ends_with('号')
        && line.chars().count() <= 30
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a line's label reads as: kind, label text, the text after it.
    type Reading<'a> = (HeadingKind, &'a str, &'a str);

    fn read(line: &str) -> Option<(HeadingKind, String, &str)> {
        label(line).map(|l| (l.kind, l.text, &line[l.rest..]))
    }

    #[test]
    fn labels() {
        use HeadingKind::*;
        let cases: &[(&str, Option<Reading>)] = &[
            (
                "第一部分 国家政策文件",
                Some((Part, "第一部分", "国家政策文件")),
            ),
            (
                "第二篇 坚持创新驱动发展",
                Some((Pian, "第二篇", "坚持创新驱动发展")),
            ),
            (
                "第六十五章　完善规划实施机制",
                Some((Zhang, "第六十五章", "完善规划实施机制")),
            ),
            ("第 3 节 推进", Some((Jie, "第3节", "推进"))),
            ("第五条 本办法", Some((Tiao, "第五条", "本办法"))),
            ("第一条之一 插入", Some((Tiao, "第一条之一", "插入"))),
            ("第二编 立案、侦查", Some((Pian, "第二编", "立案、侦查"))),
            ("一、发展环境", Some((H1, "一、", "发展环境"))),
            ("十五、全党", Some((H1, "十五、", "全党"))),
            ("（三）主要目标", Some((H2, "（三）", "主要目标"))),
            ("(2) 学前", Some((H4, "(2)", "学前"))),
            ("（1）学前教育", Some((H4, "（1）", "学前教育"))),
            ("1.推进学前教育", Some((H3, "1.", "推进学前教育"))),
            ("12．加强", Some((H3, "12．", "加强"))),
            ("3、完善", Some((H3, "3、", "完善"))),
            ("②加快", Some((H4, "②", "加快"))),
            (
                "专栏 5 战略性新兴产业重点方向",
                Some((Box, "专栏 5", "战略性新兴产业重点方向")),
            ),
            ("专栏 1", Some((Box, "专栏 1", ""))),
            ("附件1", Some((Doc, "附件1", ""))),
            ("附件 2：实施方案", Some((Doc, "附件2", "实施方案"))),
            ("附件：1．重庆市方案", None),
            ("38.6 亿立方米", None),
            ("3﹒完善", Some((H3, "3﹒", "完善"))),
            ("3．10种有色金属", Some((H3, "3．", "10种有色金属"))),
            ("53.3%。学前教育", None),
            ("1 小时通达", None),
            ("5G、千兆光纤", None),
            ("（重庆段）、爱国", None),
            ("（闸）除险加固", None),
            ("第一，关于", None),
            ("一是处理好", None),
            ("第十五部分和结束语", None),
            ("二○三五年", None),
        ];
        for (line, want) in cases {
            let want = want.map(|(k, l, r)| (k, l.to_string(), r));
            assert_eq!(read(line), want, "{line}");
        }
    }

    #[test]
    fn a_chapter_line_may_carry_its_first_article() {
        let line =
            "第一章\u{3000}总则\u{3000}\u{3000}第一条\u{2002}\u{3000}为规范管理，制定本办法。";
        let chapter = label(line).expect("a chapter");
        assert_eq!(chapter.rest(line), "总则");
        let article = chapter.second(line).expect("an article");
        assert_eq!(
            (article.kind, article.text.as_str()),
            (HeadingKind::Tiao, "第一条")
        );
        assert_eq!(&line[article.rest..], "为规范管理，制定本办法。");
        let spaced = "第一章　总 则";
        assert_eq!(label(spaced).and_then(|l| l.then), None);
        let mention = "第三章  适用第五条规定";
        assert_eq!(label(mention).and_then(|l| l.then), None);
    }

    #[test]
    fn line_shapes() {
        assert!(is_contents_title("目 录"));
        assert!(opens_with_news_dateline(
            "新华社北京 9 月 11 日电 中共中央总书记"
        ));
        assert!(opens_with_news_dateline(
            "9 月 22 日，中共中央总书记、国家主席"
        ));
        assert!(!opens_with_news_dateline("2021 年 9 月 22 日，全市召开"));
        assert!(!opens_with_news_dateline(
            "到 2025 年，研发经费投入强度达到 5%以上。"
        ));
        assert!(is_source_line("来源：广西日报"));
        assert!(is_source_line("稿件来源: 新华社"));
        assert!(!is_source_line("收入来源：工资"));
        assert!(starts_with_ordinal("第四，进一步扩大生产资料市场"));
        assert!(starts_with_ordinal("第五、关于文化教育"));
        assert!(starts_with_ordinal("一是处理好"));
        assert!(starts_with_ordinal("首先报告２００１年的工作"));
        assert!(!starts_with_ordinal("第四章 总则"));
        assert!(!starts_with_ordinal("一、总体要求"));
        assert!(is_contents_title("目　　录"));
        assert!(!is_contents_title("目录动态调整机制"));
        assert!(has_leader_or_page("第一篇 开启 ……………（13）"));
        assert!(has_leader_or_page("第一节 指导思想 (20)"));
        assert!(!has_leader_or_page("第一节 指导思想"));
        assert!(is_bracketed_note("（征求意见稿）"));
        assert!(is_bracketed_note("（2021 年 4 月 22 日）"));
        assert!(!is_bracketed_note("（一）指导思想"));
        assert!(is_dateline("2021 年 2 月 10 日"));
        assert!(is_dateline("二〇二一年二月十日"));
        assert!(!is_dateline("2021 年 2 月 10 日电"));
        assert!(starts_with_date(
            "2012年10月26日 第十一届全国人民代表大会常务委员会修正"
        ));
        assert!(starts_with_date("2021 年 2 月 10 日"));
        assert!(!starts_with_date("2023年周口市国民经济和社会发展统计公报"));
        assert!(!starts_with_date("新华社北京10月30日电"));
        assert!(is_document_number("渝府发〔2021〕6 号"));
        assert!(ends_sentence("共同把这次全会开好！"));
        assert!(ends_sentence("“决胜全面建成小康社会。”"));
        assert!(!ends_sentence("发展新优势"));
    }
}
