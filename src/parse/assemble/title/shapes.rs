//! What one line near a title shows: a title line, what stands under a title
//! (a subtitle, a dated record of adoption, a source line, a byline), the name of
//! a kind of document or of a law, a glossary heading, marks left open. One line
//! at a time; which block is a title is decided in `title`.

use crate::parse::scan;
use crate::parse::source::{is_ideograph, is_space};

/// Words a document's title ends with.
const DOCUMENT_NOUNS: &[&str] = &[
    "通知", "规划", "纲要", "建议", "说明", "讲话", "决定", "意见", "办法", "方案", "条例", "报告",
    "公报", "决议", "规定", "细则", "指示", "纪要", "批复", "通报", "指南", "计划", "要点", "通告",
    "公告", "函",
];

/// The heading of a glossary standing alone (`名词解释`, `注 释`); a lead-in
/// ending in a colon (`注释：`) is not one.
///
/// Asked of every line, so only its last characters other than spaces are
/// read: `注释` whole, or an ending `名词解释` or `名词注释`.
pub(super) fn is_glossary_title(text: &str) -> bool {
    let mut last = ['\0'; 4];
    let mut count = 0;
    for c in text
        .chars()
        .rev()
        .filter(|&c| !is_space(c))
        .take(last.len())
    {
        count += 1;
        last[last.len() - count] = c;
    }
    matches!(
        &last[last.len() - count..],
        ['注', '释'] | ['名', '词', '解' | '注', '释']
    )
}

/// Book-title marks and brackets `text` opens and does not close (negative where
/// it closes more than it opens).
pub(super) fn open_marks(text: &str) -> i32 {
    text.chars()
        .map(|c| match c {
            '《' | '（' | '(' => 1,
            '》' | '）' | ')' => -1,
            _ => 0,
        })
        .sum()
}

/// A dated record of adoption or amendment (or a piece of one) that has not
/// reached its end (`…通过`, `…修正`, `…批准`): the next line goes on with it.
pub(super) fn record_goes_on(text: &str) -> bool {
    let dated = scan::starts_with_date(text) || starts_with_year(text);
    (dated || open_marks(text) != 0) && !ends_a_record(text)
}

/// The end of a record of adoption, amendment or issue: `…会议通过`, `…批准`,
/// `…修正`, `国家档案局发布`, `自发布之日起施行`.
pub(in crate::parse::assemble) fn ends_a_record(text: &str) -> bool {
    let core = text.trim_end_matches(['）', ')', '。']);
    RECORD_VERBS.iter().any(|verb| core.ends_with(verb))
}

/// What a record of a text's adoption, amendment or issue ends with.
const RECORD_VERBS: [&str; 9] = [
    "通过", "批准", "修正", "修订", "发布", "公布", "印发", "颁布", "施行",
];

/// Opens with a year (`2014年9月26`), as a dated record does, even one broken
/// before its day.
pub(super) fn starts_with_year(text: &str) -> bool {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    digits == 4 && text[digits..].starts_with('年')
}

/// Opens with a year and a month (`2014年9月26`): a dated record, even one
/// broken before its day; never a title (`2023年周口市…公报` has no month).
pub(super) fn starts_with_year_and_month(text: &str) -> bool {
    let Some(after_year) = text.get(4..).filter(|_| starts_with_year(text)) else {
        return false;
    };
    let after_year = &after_year['年'.len_utf8()..];
    let digits = after_year.chars().take_while(char::is_ascii_digit).count();
    (1..=2).contains(&digits) && after_year[digits..].starts_with('月')
}

/// A title naming a law or a regulation: `…法`, `…条例`, `…规定`, `…办法`.
pub(super) fn names_a_law(text: &str) -> bool {
    text.ends_with(['法', '例', '定']) && !text.ends_with("方法") && !text.ends_with("做法")
}

/// A title ending with the name of a kind of document (通知, 规划, …).
pub(super) fn names_a_document(last_line: &str) -> bool {
    DOCUMENT_NOUNS.iter().any(|noun| last_line.ends_with(noun))
}

/// A line that can be part of a title: no sentence punctuation in it, none at its end.
pub(in crate::parse::assemble) fn is_title_line(text: &str) -> bool {
    !text.starts_with("附件")
        && !text.starts_with('—')
        && !scan::ends_with_punctuation(text)
        && !text.contains(['。', '；', '！', '？', '!', '?'])
        && !scan::is_bracketed_note(text)
        && !scan::starts_with_date(text)
        && !scan::is_document_number(text)
        && !scan::is_contents_title(text)
        && !scan::is_caption(text)
        && !crate::parse::assemble::unwrapped::is_piece_of_a_sentence(text)
        && !scan::starts_with_ordinal(text)
        && !scan::is_source_line(text)
        && !ends_a_record(text)
}

/// What stands under a title and keeps the next line from being another title:
/// a subtitle, a date, a document number, a byline.
pub(super) fn is_under_title(text: &str) -> bool {
    is_title_companion(text)
        || is_byline(text)
        || is_issuer(text)
        || ends_a_record(text)
        || starts_with_year_and_month(text)
}

/// What stands under a title: a subtitle or dated note, a document number, contents.
pub(super) fn is_title_companion(text: &str) -> bool {
    is_dated_note(text)
        || scan::is_source_line(text)
        || scan::is_document_number(text)
        || scan::is_contents_title(text)
        || text.starts_with('—')
}

/// A subtitle, a date or a dated record (of adoption, of amendment) standing under a
/// title.
pub(super) fn is_dated_note(text: &str) -> bool {
    scan::is_bracketed_note(text) || scan::starts_with_date(text)
}

/// A byline: a name alone on its line (`习近平`), perhaps after an office and a
/// space (`省长　胡玉亭`, `自治区主席 艾尔肯·吐尼亚孜`).
pub(super) fn is_byline(text: &str) -> bool {
    // Two to four ideographs, or a transcribed name with its middle dot; never
    // a word with punctuation (`一、前言`, `附图：`).
    let is_name = |name: &str| {
        let count = name.chars().filter(|&c| c != '·').count();
        let long_enough = (2..=4).contains(&count) || (name.contains('·') && count <= 12);
        long_enough && name.chars().all(|c| c == '·' || is_ideograph(c))
    };
    let words: Vec<&str> = text.split(is_space).filter(|w| !w.is_empty()).collect();
    let office_ok = |office: &str| office.chars().count() <= 16 && office.chars().all(is_ideograph);
    match words.as_slice() {
        [name] => is_name(name),
        [office, name] => office_ok(office) && is_name(name),
        _ => false,
    }
}

/// The name of a body that issues a text, alone on its line, as texts issued
/// by several list them under the title (`国家基本建设委员会`, `财政部`).
pub(super) fn is_issuer(text: &str) -> bool {
    let count = text.chars().count();
    (2..=MAX_ISSUER_CHARS).contains(&count)
        && text.chars().all(is_ideograph)
        && ISSUER_ENDINGS.iter().any(|ending| text.ends_with(ending))
}

/// Most characters in the name of a body issuing a text.
const MAX_ISSUER_CHARS: usize = 20;

/// What the name of a body issuing a text ends with.
const ISSUER_ENDINGS: [&str; 9] = [
    "委员会",
    "政府",
    "办公厅",
    "办公室",
    "局",
    "部",
    "厅",
    "署",
    "院",
];

/// A title as compared for repeats: no spaces, ○ read as 〇.
pub(super) fn normalise(title: &str) -> String {
    title
        .chars()
        .filter(|&c| !is_space(c))
        .map(|c| if c == '○' { '〇' } else { c })
        .collect()
}

/// A title's words alone, its spaces and punctuation left out, to compare two
/// settings of one title (`最高人民法院、最高人民检察院关于…` and
/// `最高人民法院 最高人民检察院` / `关于…`).
pub(super) fn words_of(title: &str) -> String {
    normalise(title)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_glossary_title_is_told_from_its_last_characters() {
        for (text, glossary) in [
            ("注释", true),
            ("注 释", true),
            ("  注\u{3000}释  ", true),
            ("名词解释", true),
            ("附件：名词解释", true),
            ("名 词 注 释", true),
            ("注释：", false),
            ("加注释", false),
            ("释", false),
            ("", false),
            ("名词解释。", false),
            ("本规划名词解释如下", false),
        ] {
            assert_eq!(is_glossary_title(text), glossary, "{text:?}");
        }
    }

    #[test]
    fn a_body_issuing_a_text_is_told_by_its_name_alone() {
        for (text, issuer) in [
            ("国家基本建设委员会", true),
            ("财政部", true),
            ("国务院办公厅", true),
            ("上海市人民政府", true),
            ("部", false),
            ("国家档案局发布", false),
            ("财政部、税务总局", false),
            ("关于加强档案工作的通知", false),
            ("第一章　总则", false),
        ] {
            assert_eq!(is_issuer(text), issuer, "{text:?}");
        }
    }
}
