//! Text saved one paragraph a line, as web pages are copied: there is no wrap
//! width to go by, so a line is a paragraph, except where the copy broke a
//! sentence. A web page sets link text (`關於憲法草案的報告`, `中国大陆`) on a
//! line of its own, cutting the sentence around it into pieces; the pieces are
//! one paragraph again, never headings or titles.

use super::draft::Draft;
use super::{Builder, Context, PROSE_CHARS};
use crate::document::ParagraphKind;
use crate::parse::scan;

/// Marks that open a quotation or a bracket.
const OPENING: &[char] = &['《', '“', '（', '(', '「', '『', '【', '〔'];

/// Marks that close a quotation or a bracket: a sentence may still go on after them.
const CLOSING: &[char] = &['”', '’', '」', '』', '》', '）', ')', '"', '〕', '】'];

impl Builder<'_, '_> {
    /// In text without a measure, line `i` carries on the open paragraph `draft`,
    /// whose last sentence broke off unfinished.
    pub(super) fn carries_on_broken_sentence(&self, draft: &Draft, i: usize) -> bool {
        let context = self.context;
        let line = &context.lines[i];
        // Where blank lines part paragraphs, lines with none between them are
        // pieces of one.
        let no_blank_between = context.blank_separated && line.blanks_before() == 0;
        draft.kind == ParagraphKind::Body
            && context.may_carry_on(i)
            && (no_blank_between || starts_mid_sentence(line.text) || broke_off(draft.text()))
    }
}

impl Context<'_> {
    /// Line `i`, in text without a measure, carries on the line before it, a
    /// heading's title perhaps: it starts mid-sentence, or the line before ends
    /// on a mark that leaves the sentence open (`三、关于《`). (A title that ends on
    /// a word is whole: only a paragraph's prose says a sentence broke off there.)
    pub(super) fn carries_on(&self, before: &str, i: usize) -> bool {
        self.may_carry_on(i)
            && (starts_mid_sentence(self.lines[i].text) || ends_on_an_open_mark(before))
    }

    /// Line `i` does not show a paragraph start of its own: no indent, no blank
    /// line before it (where blank lines count), no label.
    fn may_carry_on(&self, i: usize) -> bool {
        let line = &self.lines[i];
        let separate = line.indented() || (line.blanks_before() > 0 && !self.double_spaced);
        !separate && self.labels[i].is_none()
    }
}

/// A title line cannot end on an opening mark (`我国第一部《`) or open with a
/// mark no sentence starts with.
pub(super) fn is_piece_of_a_sentence(text: &str) -> bool {
    starts_mid_sentence(text) || text.ends_with(OPENING)
}

/// A line that opens with a mark no sentence starts with: `，也可能…`, `》第五条…`.
fn starts_mid_sentence(line: &str) -> bool {
    line.starts_with([
        '，', '。', '、', '；', '：', '！', '？', '》', '）', '」', '』', '】', '〕', ',', '.',
        ';', ':',
    ])
}

/// Ends on an opening mark or a comma: what follows belongs to the sentence.
fn ends_on_an_open_mark(text: &str) -> bool {
    text.ends_with(OPENING) || text.ends_with(['，', '、', ','])
}

/// A paragraph whose last sentence broke off: it ends on an opening mark or a
/// comma (`中央《`, `管辖区，属于`), or on a word, after prose (a comma earlier,
/// or more words than a title has).
fn broke_off(text: &str) -> bool {
    if ends_on_an_open_mark(text) {
        return true;
    }
    let core = text.trim_end_matches(CLOSING);
    // A Chinese sentence breaks off on a character; a line ending in Latin
    // letters is an address or a code (`原文链接：https://…html`).
    let ends_on_a_word = core
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() && !c.is_ascii());
    let prose =
        core.contains(['，', '。', '；', '、', '：', ',']) || core.chars().count() >= PROSE_CHARS;
    ends_on_a_word && prose && !scan::ends_with_punctuation(core)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_broken_by_link_text() {
        assert!(broke_off("我們第一届全國人民代表大會第一次會議，在"));
        assert!(broke_off("體現了中央《"));
        assert!(broke_off("五中全会以后，国务院根据中央《建议》"));
        assert!(
            !broke_off("根据中央《建议》"),
            "short and no comma: a title"
        );
        assert!(!broke_off("政府工作报告"));
        assert!(!broke_off("各位代表："));
        assert!(!broke_off("现在，我代表国务院，向大会报告工作，请予审议。"));
        assert!(starts_mid_sentence("》第五条第一项"));
        assert!(!starts_mid_sentence("（RCEP）生效实施"));
    }
}
