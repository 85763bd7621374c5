//! Paragraphs under construction: lines go in one at a time and are joined into
//! text as they come, so no copy of the lines is kept.

use crate::document::{HeadingId, Paragraph, ParagraphKind};
use crate::parse::scan;
use crate::parse::source::{Line, is_ideograph, is_space};

/// A paragraph being built.
#[derive(Debug)]
pub(super) struct Draft {
    pub kind: ParagraphKind,
    pub in_box: bool,
    pub heading: Option<HeadingId>,
    text: String,
    /// Content-line indices of the first and the latest line added.
    first: usize,
    last: usize,
    /// Source line numbers spanned (a resumed paragraph spans a box).
    first_number: u32,
    last_number: u32,
    /// The last contents entry still waits for its leader and page number.
    entry_open: bool,
}

impl Draft {
    pub(super) fn new(kind: ParagraphKind, in_box: bool, heading: Option<HeadingId>) -> Self {
        Self {
            kind,
            in_box,
            heading,
            text: String::new(),
            first: usize::MAX,
            last: 0,
            first_number: u32::MAX,
            last_number: 0,
            entry_open: false,
        }
    }

    /// Adds content line `index`.
    pub(super) fn push(&mut self, index: usize, line: &Line) {
        match self.kind {
            ParagraphKind::Body | ParagraphKind::Heading => append(&mut self.text, line.text),
            ParagraphKind::Table => self.push_row(line.text),
            ParagraphKind::Contents => {
                let continues_entry = self.entry_open && scan::label(line.text).is_none();
                if continues_entry {
                    append(&mut self.text, line.text);
                } else {
                    self.push_row(line.text);
                }
                self.entry_open = !scan::has_leader_or_page(line.text);
            }
        }
        self.first = self.first.min(index);
        self.last = index;
        self.first_number = self.first_number.min(line.number);
        self.last_number = self.last_number.max(line.number);
    }

    fn push_row(&mut self, row: &str) {
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        self.text.push_str(row);
    }

    /// Keeps only `part` of the paragraph's one line: a line that carries two
    /// headings is split between their paragraphs.
    pub(super) fn keep_only(&mut self, part: &str) {
        debug_assert_eq!(self.first, self.last, "a paragraph of one line");
        self.text.clear();
        self.text.push_str(part);
    }

    /// The paragraph's text so far.
    pub(super) fn text(&self) -> &str {
        &self.text
    }

    /// Content-line index of the latest line added.
    pub(super) fn last_line(&self) -> usize {
        self.last
    }

    /// Whether content line `line` is the first line of this paragraph.
    pub(super) fn starts_at(&self, line: usize) -> bool {
        self.first == line
    }

    /// Gives back the spare capacity the text grew by.
    pub(super) fn seal(&mut self) {
        self.text.shrink_to_fit();
    }

    pub(super) fn into_paragraph(self) -> Paragraph {
        Paragraph {
            kind: self.kind,
            text: self.text,
            first_line: self.first_number.min(self.last_number),
            last_line: self.last_number,
            in_box: self.in_box,
            heading: self.heading,
        }
    }
}

/// Appends one wrapped line's text to a paragraph: nothing between CJK characters,
/// one space between two Latin letters or digits.
pub(super) fn append(text: &mut String, next: &str) {
    let needs_space = matches!(
        (text.chars().next_back(), next.chars().next()),
        (Some(a), Some(b)) if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric()
    );
    if needs_space {
        text.push(' ');
    }
    text.push_str(next);
}

/// A title without its letter spacing: the spaces a typesetter put between the
/// characters of a short title (`综    合`, `总 则`) go, the space between two
/// phrases (`坚持创新驱动发展 全面塑造发展新优势`) stays.
pub(super) fn fold_letter_spacing(title: &str) -> String {
    let words: Vec<&str> = title.split(is_space).filter(|w| !w.is_empty()).collect();
    let mut folded = String::with_capacity(title.len());
    for (k, word) in words.iter().enumerate() {
        if k > 0 {
            let previous = words[k - 1];
            let spaced = is_cjk_word(previous)
                && is_cjk_word(word)
                && (previous.chars().count() == 1 || word.chars().count() == 1);
            if !spaced {
                folded.push(' ');
            }
        }
        folded.push_str(word);
    }
    folded
}

fn is_cjk_word(word: &str) -> bool {
    word.chars().all(is_ideograph)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_letter_spacing_but_not_the_space_between_phrases() {
        assert_eq!(fold_letter_spacing("综    合"), "综合");
        assert_eq!(fold_letter_spacing("总 则"), "总则");
        assert_eq!(fold_letter_spacing("水 产 品"), "水产品");
        assert_eq!(
            fold_letter_spacing("坚持创新驱动发展 全面塑造发展新优势"),
            "坚持创新驱动发展 全面塑造发展新优势"
        );
        assert_eq!(fold_letter_spacing("2023 年周口市"), "2023 年周口市");
        assert_eq!(fold_letter_spacing("专栏 3"), "专栏 3");
    }

    #[test]
    fn joins_cjk_with_nothing_and_latin_with_a_space() {
        let mut text = String::from("规划和");
        append(&mut text, "2035 年远景目标");
        assert_eq!(text, "规划和2035 年远景目标");
        let mut text = String::from("Made in");
        append(&mut text, "China 2025");
        assert_eq!(text, "Made in China 2025");
        let mut text = String::from("到 2025");
        append(&mut text, "年");
        assert_eq!(text, "到 2025年");
    }
}
