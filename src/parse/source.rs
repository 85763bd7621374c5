//! Decoded text to content lines: what the PDF extraction left, cleaned.
//!
//! Owns the line-level cleaning: blank lines, page-number lines (`- 14 -`, a bare
//! page number after a run of blank lines), running heads and feet once proven
//! (see `drop_running_heads`), the leading space that marks a new PDF page,
//! U+3000 indents, no-break and en/em spaces, trailing padding. Every content
//! line keeps its 1-based source line number. Knows nothing of headings or paragraphs.

use unicode_width::UnicodeWidthChar;

mod running_heads;

use running_heads::{Pages, drop_running_heads};

/// One non-blank, non-artefact line of the source.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    /// 1-based line number in the source.
    pub number: u32,
    /// The line without leading and trailing white space of any kind.
    pub text: &'a str,
    /// Width of `text` as the page set it: CJK and ambiguous characters two columns.
    pub width: u16,
    /// Width of the raw line's indent in columns (U+3000 two, a tab four), up to
    /// 255.
    indent: u8,
    /// Blank lines before it (up to 63) and two flags, in one byte: a line is
    /// made for each line of the text, so at 100 MB each byte of it is 1.4 MB.
    packed: u8,
}

/// Bits of [`Line::packed`].
const PAGE_START: u8 = 1 << 7;
const INDENTED: u8 = 1 << 6;
const BLANKS: u8 = INDENTED - 1;

impl Line<'_> {
    /// The raw line began with a single ASCII space: a new PDF page starts here.
    pub fn page_start(&self) -> bool {
        self.packed & PAGE_START != 0
    }

    /// The raw line began with an indent (U+3000, two or more spaces, a tab):
    /// the start of a paragraph in text saved one paragraph per line.
    pub fn indented(&self) -> bool {
        self.packed & INDENTED != 0
    }

    /// Width of that indent in columns, up to 255.
    pub fn indent(&self) -> u16 {
        u16::from(self.indent)
    }

    /// Blank lines between this line and the previous content line, up to 63.
    pub fn blanks_before(&self) -> u16 {
        u16::from(self.packed & BLANKS)
    }
}

/// The content lines of a text and what the cleaning learnt about its layout.
#[derive(Debug)]
pub struct Lines<'a> {
    pub lines: Vec<Line<'a>>,
    /// Nearly every line is followed by a blank line, so blank lines say nothing
    /// about paragraphs.
    pub double_spaced: bool,
    /// Most lines stand after a blank line: where the text is not wrapped, blank
    /// lines part its paragraphs, and lines with none between them are pieces of
    /// one (a web page's link text on a line of its own).
    pub blank_separated: bool,
}

/// A CJK unified ideograph of the basic block (U+4E00–U+9FFF).
pub fn is_ideograph(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// True for the white space that extraction leaves around and inside lines.
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{3000}' | '\u{00A0}' | '\u{2000}'
            ..='\u{200B}' | '\u{202F}' | '\u{205F}' | '\u{FEFF}' | '\u{0C}' | '\r'
    )
}

/// Width of `s` as typeset: wide and ambiguous characters count two columns.
/// (The reader's wrapper uses terminal widths instead; see `layout::wrap`.)
pub fn typeset_width(s: &str) -> u16 {
    let bytes = s.as_bytes();
    let mut width = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Fast paths over the bytes: ASCII, and the three-byte forms of U+3000–U+9FFF
        // (CJK punctuation, kana, ideographs), all two columns wide.
        if b < 0x80 {
            width += usize::from(b >= 0x20 && b != 0x7F);
            i += 1;
        } else if (0xE3..=0xE9).contains(&b) {
            width += 2;
            i += 3;
        } else {
            let c = s[i..].chars().next().unwrap_or('\u{FFFD}');
            width += typeset_char_width(c);
            i += c.len_utf8();
        }
    }
    width.min(u16::MAX as usize) as u16
}

/// One character's typeset width, with the common cases (ASCII, CJK ideographs and
/// punctuation, full-width forms) answered without a table lookup.
fn typeset_char_width(c: char) -> usize {
    match c {
        ' '..='~' => 1,
        '\u{3000}'..='\u{303E}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF01}'..='\u{FF60}' => 2,
        _ => c.width_cjk().unwrap_or(0),
    }
}

/// Splits `text` into cleaned content lines.
pub fn lines(text: &str) -> Lines<'_> {
    // Sized up front: a 100 MB text has millions of lines, and growing the vector
    // step by step would touch its memory several times over.
    let mut out = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    let mut pages = Pages::default();
    let mut blanks = 0u16;
    let mut followed_by_one_blank = 0usize;
    let mut after_blank = 0usize;
    let mut after_page_number = false;
    for (index, raw) in split_lines(text).enumerate() {
        let trimmed = raw.trim_matches(is_space);
        if trimmed.is_empty() {
            blanks = blanks.saturating_add(1);
            continue;
        }
        if is_page_number(trimmed, blanks) {
            blanks = blanks.saturating_add(1);
            if let Some(last) = out.len().checked_sub(1) {
                pages.ends_at(last);
            }
            after_page_number = true;
            continue;
        }
        if blanks == 1 {
            followed_by_one_blank += 1;
        }
        after_blank += usize::from(blanks > 0);
        let page_start = is_page_start(raw);
        if after_page_number || page_start || blanks >= 3 {
            pages.starts_at(out.len());
        }
        after_page_number = false;
        let flag = |set: bool, bit: u8| if set { bit } else { 0 };
        out.push(Line {
            number: u32::try_from(index + 1).unwrap_or(u32::MAX),
            text: trimmed,
            width: typeset_width(trimmed),
            indent: u8::try_from(indent_width(raw)).unwrap_or(u8::MAX),
            packed: flag(page_start, PAGE_START)
                | flag(is_indented(raw), INDENTED)
                | u8::try_from(blanks).unwrap_or(BLANKS).min(BLANKS),
        });
        blanks = 0;
    }
    let double_spaced = out.len() >= 4 && followed_by_one_blank * 10 >= out.len() * 6;
    let blank_separated = out.len() >= 4 && after_blank * 2 >= out.len();
    drop_running_heads(&mut out, &pages);
    Lines {
        lines: out,
        double_spaced,
        blank_separated,
    }
}

/// `text` split at each `\n`, as `str::split` does, found by a vectorised search.
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
    ends.scan(0, move |start, end| {
        let line = &text[*start..end];
        *start = end + 1;
        Some(line)
    })
}

fn is_page_start(raw: &str) -> bool {
    let mut chars = raw.chars();
    chars.next() == Some(' ')
        && chars
            .next()
            .is_some_and(|c| !is_space(c) || c == '\u{2003}')
}

fn indent_width(raw: &str) -> u16 {
    let columns: usize = raw
        .chars()
        .take_while(|&c| is_space(c))
        .map(|c| match c {
            '\u{3000}' => 2,
            '\t' => 4,
            _ => 1,
        })
        .sum();
    columns.min(u16::MAX as usize) as u16
}

fn is_indented(raw: &str) -> bool {
    raw.starts_with('\u{3000}') || raw.starts_with("  ") || raw.starts_with('\t')
}

/// A page-number line: `- 14 -`, `— 14 —`, `第 3 页`, `3/20`, or a bare number
/// standing after a run of blank lines (where a page ends).
fn is_page_number(text: &str, blanks_before: u16) -> bool {
    if text.len() > MAX_PAGE_NUMBER_BYTES {
        return false;
    }
    let dashes = |c: char| matches!(c, '-' | '－' | '—' | '–' | '‐');
    if let Some(inner) = text
        .strip_prefix(dashes)
        .and_then(|t| t.strip_suffix(dashes))
    {
        return is_number(inner.trim_matches(is_space));
    }
    if let Some(inner) = text.strip_prefix('第').and_then(|t| t.strip_suffix('页')) {
        return is_number(inner.trim_matches(is_space));
    }
    if let Some((a, b)) = text.split_once('/') {
        return is_number(a.trim()) && is_number(b.trim());
    }
    blanks_before >= 2 && is_number(text)
}

/// Longest page-number line, in bytes: `－ 1234 －`, `第 1234 页`, `1234 / 1234`
/// with some spaces.
const MAX_PAGE_NUMBER_BYTES: usize = 24;

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_blanks_and_page_numbers_and_keeps_line_numbers() {
        let text = "第一行\n\n第二行\n\n\n\n- 14 -\n\n 第三行\n\n\n\n7\n\n第四行\n\n1\n";
        let got = lines(text);
        let seen: Vec<(u32, &str, bool)> = got
            .lines
            .iter()
            .map(|l| (l.number, l.text, l.page_start()))
            .collect();
        assert_eq!(
            seen,
            vec![
                (1, "第一行", false),
                (3, "第二行", false),
                (9, "第三行", true),
                (15, "第四行", false),
                (17, "1", false),
            ]
        );
    }

    #[test]
    fn a_line_keeps_its_blanks_and_flags_in_one_byte() {
        let text = format!("甲\n{}\u{3000}\u{3000}乙\n\n 丙\n", "\n".repeat(70));
        let got = lines(&text).lines;
        assert_eq!(got[1].blanks_before(), 63, "capped");
        assert!(got[1].indented() && !got[1].page_start());
        assert_eq!(got[1].indent(), 4);
        assert!(got[2].page_start() && !got[2].indented());
        assert_eq!(got[2].blanks_before(), 1);
        // Made for every line of a text: 24 bytes, not 32.
        assert_eq!(std::mem::size_of::<Line>(), 24);
    }

    #[test]
    fn notices_a_blank_line_after_every_line() {
        assert!(lines("甲\n\n乙\n\n丙\n\n丁\n\n戊\n").double_spaced);
        assert!(!lines("甲\n乙\n丙\n\n丁\n戊\n").double_spaced);
        let web = lines("甲\n\n乙\n链接\n丙\n\n\n丁\n\n戊\n\n己\n");
        assert!(web.blank_separated && !web.double_spaced);
        assert!(!lines("甲\n乙\n丙\n\n丁\n戊\n").blank_separated);
    }

    #[test]
    fn trims_every_kind_of_padding() {
        let got = lines("\u{3000}\u{3000}正文\u{00A0}\u{2002}\n\u{2003}\n");
        assert_eq!(got.lines.len(), 1);
        assert_eq!(got.lines[0].text, "正文");
        assert!(got.lines[0].indented());
        assert!(!got.double_spaced);
    }

    #[test]
    fn typeset_width_counts_ambiguous_as_wide() {
        assert_eq!(typeset_width("“十四五”"), 10);
        assert_eq!(typeset_width("2035 年"), 7);
        assert_eq!(typeset_width("（一）　ＡＢ"), 12);
        assert_eq!(typeset_width("e\u{301}"), 1);
    }
}
