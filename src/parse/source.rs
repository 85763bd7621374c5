//! Decoded text to content lines: what the PDF extraction left, cleaned.
//!
//! Owns the line-level cleaning: blank lines, page-number lines (`- 14 -`, a bare
//! page number after a run of blank lines), running heads and feet once proven
//! (see `drop_running_heads`), the leading space that marks a new PDF page,
//! U+3000 indents, no-break and en/em spaces, trailing padding. Every content
//! line keeps its 1-based source line number. Knows nothing of headings or paragraphs.

use std::collections::HashMap;

use unicode_width::UnicodeWidthChar;

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
    let mut out = Vec::with_capacity(text.bytes().filter(|&b| b == b'\n').count() + 1);
    let mut pages = Pages::default();
    let mut blanks = 0u16;
    let mut followed_by_one_blank = 0usize;
    let mut after_blank = 0usize;
    let mut after_page_number = false;
    for (index, raw) in text.split('\n').enumerate() {
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
    drop_running_heads(&mut out, &pages.edges);
    Lines {
        lines: out,
        double_spaced,
        blank_separated,
    }
}

/// The content lines that open or close a page, in order, and the page each is
/// on. Pages are counted by the breaks the text shows (a page number, a line
/// that opens with a single space, three blank lines); only lines at the edges
/// are kept, a few in a hundred.
#[derive(Default)]
struct Pages {
    edges: Vec<Edge>,
    /// The page being read: how many breaks have been seen.
    page: u32,
}

/// A content line at a page edge.
#[derive(Debug, Clone, Copy)]
struct Edge {
    /// Index of the line among the content lines.
    line: usize,
    page: u32,
}

impl Pages {
    /// The content line `line` opens a new page.
    fn starts_at(&mut self, line: usize) {
        self.page = self.page.saturating_add(1);
        self.edges.push(Edge {
            line,
            page: self.page,
        });
    }

    /// The content line `line` closes the page being read.
    fn ends_at(&mut self, line: usize) {
        if self.edges.last().is_none_or(|edge| edge.line != line) {
            self.edges.push(Edge {
                line,
                page: self.page,
            });
        }
    }
}

/// Longest line that can be a running head or foot.
const MAX_RUNNING_HEAD_CHARS: usize = 40;
/// Fewest pages a running head must appear on.
const MIN_RUNNING_HEAD_PAGES: u32 = 3;
/// A running head appears on at least one page in this many of the pages from
/// its first copy to its last.
const RUNNING_HEAD_SPACING: u32 = 3;

/// Drops running heads and feet: copies of a short line, page numbers in it
/// aside, that a page-edge line could not be mistaken for. The copies must
/// stand at the top or bottom of pages and nowhere else, and be dense: a journal
/// or gazette prints its name, a document its title, on every page or every
/// other page of the stretch it heads, so a running head is on at least one
/// page in [`RUNNING_HEAD_SPACING`] from its first copy to its last, and on at
/// least [`MIN_RUNNING_HEAD_PAGES`]. The stretch is the head's own, not the
/// file's, so each article of a compilation can have its own head. A title or
/// a line of text that merely opens a few pages far apart (a document printed
/// twice in one file, a heading that falls at a page top) is not one, and
/// stays. The first copy stays too, since a document's title often serves as
/// its running head.
fn drop_running_heads(lines: &mut Vec<Line>, edges: &[Edge]) {
    // Lines at page edges first: most files have no running heads at all.
    let at_edges = spread_as_running_heads(lines, edges);
    if at_edges.is_empty() {
        return;
    }
    // Then everywhere: a running head appears nowhere but at page edges. Each
    // line that has one of the keys is noted with the key's number.
    let mut key = String::new();
    let mut heads: Vec<RunningHead> = Vec::with_capacity(at_edges.len());
    heads.resize_with(at_edges.len(), RunningHead::default);
    // A line can have a key only if its key would start as one does: most lines
    // are ruled out by a character or two instead of a key built.
    let firsts: Vec<Option<char>> = at_edges.keys().map(|k| k.chars().next()).collect();
    let may_have_a_key = |text: &str| {
        let first = text.chars().find(|&c| !c.is_ascii_digit() && !is_space(c));
        firsts.contains(&first)
    };
    let mut edges = edges.iter().map(|edge| edge.line).peekable();
    let mut noted = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let edge = edges.next_if_eq(&index).is_some();
        if !may_have_a_key(line.text) || !running_head_key(line.text, &mut key) {
            continue;
        }
        let Some(&number) = at_edges.get(key.as_str()) else {
            continue;
        };
        let head = &mut heads[number];
        head.off_the_edges |= !edge;
        head.first.get_or_insert(index);
        noted.push((index, number));
    }
    let mut dropped = vec![false; lines.len()];
    for (index, number) in noted {
        let head = &heads[number];
        dropped[index] = !head.off_the_edges && head.first != Some(index);
    }
    let mut index = 0;
    lines.retain(|_| {
        index += 1;
        !dropped[index - 1]
    });
}

/// The keys of the lines at page edges whose copies are spread over the pages as
/// a running head's are, each with a number of its own from 0.
fn spread_as_running_heads(lines: &[Line], edges: &[Edge]) -> HashMap<String, usize> {
    let mut key = String::new();
    let mut spreads: HashMap<String, Spread> = HashMap::new();
    for edge in edges {
        let Some(line) = lines.get(edge.line) else {
            continue;
        };
        if running_head_key(line.text, &mut key) {
            match spreads.get_mut(key.as_str()) {
                Some(spread) => spread.add(edge.page),
                None => {
                    spreads.insert(key.clone(), Spread::new(edge.page));
                }
            }
        }
    }
    spreads
        .into_iter()
        .filter(|(_, spread)| spread.is_running_head())
        .enumerate()
        .map(|(number, (key, _))| (key, number))
        .collect()
}

/// The pages a would-be running head stands at the edge of.
struct Spread {
    first: u32,
    last: u32,
    /// Pages it is on, each counted once.
    pages: u32,
}

impl Spread {
    fn new(page: u32) -> Self {
        Spread {
            first: page,
            last: page,
            pages: 1,
        }
    }

    /// Another copy, on `page` (edges come in page order).
    fn add(&mut self, page: u32) {
        if page != self.last {
            self.last = page;
            self.pages += 1;
        }
    }

    /// On enough pages, and on enough of the pages from its first to its last.
    fn is_running_head(&self) -> bool {
        let stretch = self.last - self.first + 1;
        self.pages >= MIN_RUNNING_HEAD_PAGES
            && u64::from(self.pages) * u64::from(RUNNING_HEAD_SPACING) >= u64::from(stretch)
    }
}

/// What the lines of one would-be running head showed.
#[derive(Default)]
struct RunningHead {
    /// One of them is away from the page edges: not a running head.
    off_the_edges: bool,
    /// The first of them, which stays.
    first: Option<usize>,
}

/// Whether `text` can be a running head: short, and not a sentence or a piece
/// of one (none of `。！？；，` in it). If so, what is compared of it is put in
/// `key`: the text without digits (page numbers) and spaces.
fn running_head_key(text: &str, key: &mut String) -> bool {
    key.clear();
    if text.len() > MAX_RUNNING_HEAD_CHARS * 4 {
        return false;
    }
    for (count, c) in text.chars().enumerate() {
        if count == MAX_RUNNING_HEAD_CHARS || matches!(c, '。' | '！' | '？' | '；' | '，') {
            return false;
        }
        if !c.is_ascii_digit() && !is_space(c) {
            key.push(c);
        }
    }
    true
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
    fn drops_a_running_head_but_keeps_its_first_occurrence() {
        let page =
            |n: usize| format!(" 青州市人民政府公报\n\n正文第{n}页的内容。\n\n\n\n- {n} -\n\n");
        let text: String = (1..=4).map(page).collect();
        let kept: Vec<&str> = lines(&text).lines.iter().map(|l| l.text).collect();
        assert_eq!(
            kept,
            [
                "青州市人民政府公报",
                "正文第1页的内容。",
                "正文第2页的内容。",
                "正文第3页的内容。",
                "正文第4页的内容。"
            ]
        );
        let twice: String = (1..=2).map(page).collect();
        assert_eq!(lines(&twice).lines.len(), 4);
    }

    #[test]
    fn keeps_a_line_at_page_edges_that_is_found_mid_page_too() {
        let page = |n: usize| {
            format!(
                " 工作要求

正文第{n}页。



- {n} -

"
            )
        };
        let mut text: String = (1..=4).map(page).collect();
        text.push_str(
            " 第五页开头

工作要求

正文第5页。
",
        );
        let kept = lines(&text).lines;
        assert_eq!(kept.iter().filter(|l| l.text == "工作要求").count(), 5);
    }

    #[test]
    fn keeps_a_title_that_opens_three_pages_far_apart() {
        // Thirty pages with a gazette's name at the foot of every other page; a
        // short notice is printed on page 2 and again on pages 14 and 27, its
        // title opening the page each time.
        let title = "关于做好春季植树工作的通知";
        let page = |n: usize| {
            let top = if matches!(n, 2 | 14 | 27) { title } else { "" };
            let foot = if n % 2 == 1 {
                "青州市人民政府公报\n"
            } else {
                ""
            };
            format!(" {top}\n\n正文第{n}页的内容。\n\n{foot}\n\n\n- {n} -\n\n")
        };
        let text: String = (1..=30).map(page).collect();
        let kept = lines(&text).lines;
        let count = |wanted: &str| kept.iter().filter(|l| l.text == wanted).count();
        assert_eq!(
            count(title),
            3,
            "a title on 3 pages in 26 is no running head"
        );
        assert_eq!(
            count("青州市人民政府公报"),
            1,
            "a foot on every other page is one"
        );
        assert_eq!(kept.len(), 3 + 1 + 30);
    }

    #[test]
    fn a_running_head_is_short_and_no_sentence() {
        let mut key = String::new();
        assert!(running_head_key(
            "青州市人民政府公报 2021年 第3期",
            &mut key
        ));
        assert_eq!(key, "青州市人民政府公报年第期");
        for text in [
            "发展为了人民、发展依靠人民，维护",
            "全面推进。",
            "是否？",
            "甲；乙",
        ] {
            assert!(!running_head_key(text, &mut key), "{text}");
        }
        assert!(running_head_key(
            &"长".repeat(MAX_RUNNING_HEAD_CHARS),
            &mut key
        ));
        assert!(!running_head_key(
            &"长".repeat(MAX_RUNNING_HEAD_CHARS + 1),
            &mut key
        ));
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
