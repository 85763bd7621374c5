//! The reader pane's rows: each paragraph laid out for the text measure, lazily and
//! only where it is needed, so a key press costs the same in any size of document.
//!
//! A position in the text is a paragraph and a row within it; across a change of
//! width it is kept as the index of that row's first character. No terminal
//! code: rows are plain text with a kind that the UI styles.

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use super::long::{LONG_BYTES, Laid, LongBody, Rows};
pub use super::row::{Row, RowKind};
use super::wrap::display_width;
use super::{contents, wrap};
use crate::document::{Document, HeadingKind, ParagraphKind};
use crate::layout::safe::visible;

/// A place in the text: a paragraph and a row of its layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    pub paragraph: usize,
    pub row: usize,
}

/// Indent of a body paragraph's first row: two full-width spaces.
pub(super) const PARAGRAPH_INDENT: u16 = 4;
/// Columns a box's border and padding take: `│ ` on the left, ` │` on the right.
pub const BOX_MARGIN: u16 = 4;

/// Layout of a document for one text measure, computed paragraph by paragraph.
#[derive(Debug, Default)]
pub struct ReaderLayout {
    measure: u16,
    rows: HashMap<usize, Rc<Laid>>,
}

/// Most laid-out paragraphs kept; beyond this the cache starts afresh.
const CACHE_LIMIT: usize = 4096;

impl ReaderLayout {
    pub fn new(measure: u16) -> Self {
        Self {
            measure: measure.max(1),
            rows: HashMap::new(),
        }
    }

    pub fn measure(&self) -> u16 {
        self.measure
    }

    /// Lays out for another measure; returns `position` moved to the row holding
    /// the same character.
    pub fn set_measure(
        &mut self,
        document: &Document,
        measure: u16,
        position: Position,
    ) -> Position {
        let measure = measure.max(1);
        if measure == self.measure {
            return position;
        }
        let first_char = self
            .rows(document, position.paragraph)
            .get(position.row)
            .map_or(0, |r| r.first_char);
        self.measure = measure;
        self.rows.clear();
        let rows = self.rows(document, position.paragraph);
        let row = rows
            .last_where(|r| r.first_char <= first_char && r.kind != RowKind::Gap)
            .unwrap_or(0);
        Position {
            paragraph: position.paragraph,
            row,
        }
    }

    /// The rows of paragraph `index`, a gap row last.
    pub fn rows<'d>(&mut self, document: &'d Document, index: usize) -> Rows<'d> {
        if self.rows.len() >= CACHE_LIMIT {
            self.rows.clear();
        }
        let measure = self.measure;
        let laid = self
            .rows
            .entry(index)
            .or_insert_with(|| Rc::new(lay_out(document, index, measure)))
            .clone();
        view(document, index, laid)
    }

    /// The rows of paragraph `index` as laid out already, or laid out now and
    /// not kept (for a look that must not change the layout).
    pub fn rows_now<'d>(&self, document: &'d Document, index: usize) -> Rows<'d> {
        let laid = match self.rows.get(&index) {
            Some(rows) => Rc::clone(rows),
            None => Rc::new(lay_out(document, index, self.measure)),
        };
        view(document, index, laid)
    }

    /// Moves `position` by `delta` rows, stopping at the first row and at the last.
    pub fn step(&mut self, document: &Document, position: Position, delta: isize) -> Position {
        let mut position = position;
        let mut remaining = delta.unsigned_abs();
        let last = document.paragraphs.len().saturating_sub(1);
        while remaining > 0 {
            if delta > 0 {
                let count = self.rows(document, position.paragraph).len();
                if position.row + 1 < count {
                    position.row += 1;
                } else if position.paragraph < last {
                    position = Position {
                        paragraph: position.paragraph + 1,
                        row: 0,
                    };
                } else {
                    break;
                }
            } else if position.row > 0 {
                position.row -= 1;
            } else if position.paragraph > 0 {
                let paragraph = position.paragraph - 1;
                let row = self.rows(document, paragraph).len().saturating_sub(1);
                position = Position { paragraph, row };
            } else {
                break;
            }
            remaining -= 1;
        }
        position
    }

    /// The `count` rows from `position` on, with the position of each.
    pub fn window(
        &mut self,
        document: &Document,
        position: Position,
        count: usize,
    ) -> Vec<(Position, Row)> {
        let mut out = Vec::with_capacity(count);
        let mut paragraph = position.paragraph;
        let mut row = position.row;
        while out.len() < count && paragraph < document.paragraphs.len() {
            let rows = self.rows(document, paragraph);
            for index in row..rows.len() {
                let Some(r) = rows.get(index) else { break };
                if out.len() == count {
                    break;
                }
                out.push((
                    Position {
                        paragraph,
                        row: index,
                    },
                    r,
                ));
            }
            paragraph += 1;
            row = 0;
        }
        out
    }

    /// The last position from which a screen of `height` rows still ends at the
    /// end of the text.
    pub fn last_top(&mut self, document: &Document, height: usize) -> Position {
        let last = document.paragraphs.len().saturating_sub(1);
        let rows = self.rows(document, last).len();
        let end = Position {
            paragraph: last,
            row: rows.saturating_sub(1),
        };
        self.step(document, end, -(height.saturating_sub(1) as isize))
    }
}

/// The rows of paragraph `index` of `document`, as laid out in `laid`.
fn view(document: &Document, index: usize, laid: Rc<Laid>) -> Rows<'_> {
    let text = document.paragraphs.get(index).map_or("", |p| &p.text);
    Rows::new(laid, text)
}

/// The level a heading is styled at.
fn level(kind: HeadingKind) -> u8 {
    match kind {
        HeadingKind::File | HeadingKind::Part | HeadingKind::Doc => 1,
        HeadingKind::Toc | HeadingKind::Pian | HeadingKind::Zhang => 2,
        HeadingKind::Jie | HeadingKind::Tiao | HeadingKind::H1 | HeadingKind::Box => 3,
        HeadingKind::H2 | HeadingKind::H3 | HeadingKind::H4 => 4,
    }
}

/// One paragraph at `measure` columns: by blocks when it is a long body
/// paragraph outside a box, else whole.
fn lay_out(document: &Document, index: usize, measure: u16) -> Laid {
    match document.paragraphs.get(index) {
        Some(paragraph)
            if paragraph.kind == ParagraphKind::Body
                && !paragraph.in_box
                && paragraph.text.len() > LONG_BYTES =>
        {
            let indent = PARAGRAPH_INDENT.min(measure);
            let long = LongBody::new(&paragraph.text, usize::from(measure), indent);
            Laid::Long(long)
        }
        _ => Laid::Whole(lay_out_whole(document, index, measure)),
    }
}

/// Rows of one paragraph at `measure` columns.
fn lay_out_whole(document: &Document, index: usize, measure: u16) -> Vec<Row> {
    // An empty document has no paragraph to lay out, not even the first.
    let Some(paragraph) = document.paragraphs.get(index) else {
        return Vec::new();
    };
    let boxed = paragraph.in_box;
    let width = if boxed {
        measure.saturating_sub(BOX_MARGIN).max(1)
    } else {
        measure
    };
    let mut rows = match paragraph.kind {
        ParagraphKind::Heading => {
            let kind = paragraph
                .heading
                .map_or(HeadingKind::H4, |id| document.outline.get(id).kind);
            heading_rows(&visible(&paragraph.text), width, level(kind))
        }
        ParagraphKind::Body => body_rows(&visible(&paragraph.text), width),
        ParagraphKind::Table => preformatted_rows(&paragraph.text, width, Fit::Cut),
        ParagraphKind::Contents => preformatted_rows(&paragraph.text, width, Fit::KeepPage),
    };
    for row in &mut rows {
        row.boxed = boxed;
    }
    let edge = |kind, first_char| Row {
        text: String::new(),
        kind,
        indent: 0,
        boxed: false,
        first_char,
    };
    if opens_box(document, index) {
        rows.insert(0, edge(RowKind::BoxTop, 0));
    }
    let closes_box = boxed
        && !document
            .paragraphs
            .get(index + 1)
            .is_some_and(|next| next.in_box && !opens_box(document, index + 1));
    let end = paragraph.text.chars().count();
    if closes_box {
        rows.push(edge(RowKind::BoxBottom, end));
    }
    // The gap between two paragraphs of a box is inside its frame.
    let gap_boxed = boxed && !closes_box;
    rows.push(Row {
        boxed: gap_boxed,
        ..edge(RowKind::Gap, end)
    });
    rows
}

/// Paragraph `index` is the title of a 专栏 box.
fn opens_box(document: &Document, index: usize) -> bool {
    let paragraph = &document.paragraphs[index];
    paragraph.kind == ParagraphKind::Heading
        && paragraph
            .heading
            .is_some_and(|id| document.outline.get(id).kind == HeadingKind::Box)
}

/// The character index in `text` where each of `ranges` (in order) starts.
fn first_chars(text: &str, ranges: &[Range<usize>]) -> Vec<usize> {
    let mut counted = (0, 0);
    ranges
        .iter()
        .map(|range| {
            let (byte, chars) = counted;
            counted = (range.start, chars + text[byte..range.start].chars().count());
            counted.1
        })
        .collect()
}

fn heading_rows(text: &str, width: u16, level: u8) -> Vec<Row> {
    let centred = level <= 2;
    let ranges = if centred {
        balanced_wrap(text, usize::from(width))
    } else {
        wrap::wrap(text, usize::from(width))
    };
    let firsts = first_chars(text, &ranges);
    ranges
        .into_iter()
        .zip(firsts)
        .map(|(range, first_char)| {
            let row = &text[range.clone()];
            let spare = width.saturating_sub(wrap::display_width(row) as u16);
            let indent = if centred { spare / 2 } else { 0 };
            Row {
                text: row.to_string(),
                kind: RowKind::Heading(level),
                indent,
                boxed: false,
                first_char,
            }
        })
        .collect()
}

/// A centred heading wrapped into as few rows as at `width`, but as even as they
/// can be: the narrowest width that needs no more rows, so that no row is left
/// with a character or two of its own.
fn balanced_wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let rows = wrap::wrap(text, width);
    if rows.len() < 2 {
        return rows;
    }
    let narrowest = wrap::display_width(text).div_ceil(rows.len());
    (narrowest..width)
        .map(|narrower| wrap::wrap(text, narrower))
        .find(|wrapped| wrapped.len() == rows.len())
        .unwrap_or(rows)
}

pub(super) fn body_rows(text: &str, width: u16) -> Vec<Row> {
    // The first row's indent is laid out as two full-width spaces, then dropped.
    let indented = format!("\u{3000}\u{3000}{text}");
    let shift = "\u{3000}\u{3000}".len();
    let ranges: Vec<Range<usize>> = wrap::wrap(&indented, usize::from(width))
        .into_iter()
        .filter(|range| range.end > shift)
        .collect();
    let firsts = first_chars(&indented, &ranges);
    ranges
        .into_iter()
        .zip(firsts)
        .map(|(range, first_char)| {
            let first = range.start == 0;
            let start = range.start.max(shift);
            Row {
                text: indented[start..range.end].to_string(),
                kind: RowKind::Body,
                indent: if first {
                    PARAGRAPH_INDENT.min(width)
                } else {
                    0
                },
                boxed: false,
                first_char: first_char.saturating_sub(2),
            }
        })
        .collect()
}

/// How a preformatted line too wide for its row is fitted.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fit {
    /// Cut, and the cut marked (a table row).
    Cut,
    /// Its entry cut and its page number kept (a contents line), else cut.
    KeepPage,
}

fn preformatted_rows(text: &str, width: u16, fit: Fit) -> Vec<Row> {
    let mut first_char = 0;
    text.split('\n')
        .map(|line| {
            let line = visible(line);
            let width = usize::from(width);
            let fitted = (fit == Fit::KeepPage && display_width(&line) > width)
                .then(|| contents::fit_entry(&line, width))
                .flatten();
            let (shown, cut) = match fitted {
                Some(fitted) => (fitted, false),
                None => wrap::cut(&line, width, '›'),
            };
            let row = Row {
                text: shown,
                kind: RowKind::Preformatted { cut },
                indent: 0,
                boxed: false,
                first_char,
            };
            first_char += line.chars().count() + 1;
            row
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(text: &str) -> Document {
        crate::build(text)
    }

    #[test]
    fn a_centred_heading_wraps_into_even_rows() {
        // 21 characters at 40 columns: 20 and 1 before, 11 and 10 now.
        let title = "中华人民共和国国民经济和社会发展规划纲要书";
        let rows: Vec<usize> = balanced_wrap(title, 40)
            .iter()
            .map(|range| title[range.clone()].chars().count())
            .collect();
        assert_eq!(rows.len(), 2);
        assert!(rows.iter().all(|&n| n >= 9), "{rows:?}");
        assert_eq!(balanced_wrap("总则", 40), wrap::wrap("总则", 40));
    }

    fn shown(layout: &mut ReaderLayout, document: &Document, p: usize) -> Vec<String> {
        layout
            .rows(document, p)
            .iter()
            .map(|r| format!("{}{}", " ".repeat(usize::from(r.indent)), r.text))
            .collect()
    }

    #[test]
    fn contents_lines_too_wide_keep_their_page_numbers() {
        let doc = document(
            "目  录\n第一章 坚持创新驱动发展全面塑造发展新优势 ………… 15\n第二章 附则 ………… 21\n\n第一章 坚持创新驱动发展全面塑造发展新优势\n\n正文。\n\n第二章 附则\n\n正文。\n",
        );
        let contents = doc
            .paragraphs
            .iter()
            .position(|p| p.kind == ParagraphKind::Contents)
            .expect("a contents paragraph");
        let mut layout = ReaderLayout::new(24);
        let rows = shown(&mut layout, &doc, contents);
        assert_eq!(rows.len(), 3, "two lines and the gap after: {rows:?}");
        assert!(
            rows[0].ends_with(" 15") && rows[0].starts_with("第一章 坚持"),
            "{rows:?}"
        );
        assert!(rows.iter().all(|r| display_width(r) <= 24), "{rows:?}");
        assert_eq!(rows[1], "第二章 附则 ………… 21");
    }

    #[test]
    fn body_paragraphs_are_indented_and_wrapped() {
        let doc = document(
            "一、总体要求\n\u{3000}\u{3000}坚持以人民为中心的发展思想，推动高质量发展。\n",
        );
        let mut layout = ReaderLayout::new(20);
        assert_eq!(
            shown(&mut layout, &doc, 1),
            [
                "    坚持以人民为中心",
                "的发展思想，推动高质",
                "量发展。",
                ""
            ]
        );
    }

    #[test]
    fn tables_are_cut_not_wrapped() {
        let doc = document(
            "1 地区生产总值增长（%） 预期性 9* 7.2*\n2 居民人均可支配收入增长（%） 预期性 9.5* 8.9*\n",
        );
        assert_eq!(doc.paragraphs[0].kind, ParagraphKind::Table);
        let mut layout = ReaderLayout::new(20);
        let rows = layout.rows(&doc, 0);
        assert!(rows.iter().all(|r| wrap::display_width(&r.text) <= 20));
        assert_eq!(rows[0].kind, RowKind::Preformatted { cut: true });
        assert!(rows[0].text.ends_with('›'));
    }

    #[test]
    fn contents_pages_keep_one_entry_a_row() {
        let doc = document("目 录\n第一章 总则……（1）\n第二章 附则……（9）\n第一章 总则\n");
        let mut layout = ReaderLayout::new(40);
        let contents = doc
            .paragraphs
            .iter()
            .position(|p| p.kind == ParagraphKind::Contents)
            .expect("contents");
        let rows: Vec<String> = layout
            .rows(&doc, contents)
            .iter()
            .map(|r| r.text.clone())
            .collect();
        assert_eq!(rows, ["第一章 总则……（1）", "第二章 附则……（9）", ""]);
    }

    #[test]
    fn control_characters_never_reach_a_row() {
        let doc = document("\u{3000}\u{3000}正文\u{1b}[2J清屏\u{7}。\n");
        let mut layout = ReaderLayout::new(40);
        let rows = layout.rows(&doc, 0);
        assert_eq!(rows[0].text, "正文\u{241b}[2J清屏\u{2407}。");
    }

    #[test]
    fn stepping_crosses_paragraphs_and_stops_at_the_ends() {
        let doc = document("\u{3000}\u{3000}第一段。\n\u{3000}\u{3000}第二段。\n");
        let mut layout = ReaderLayout::new(40);
        let start = Position::default();
        let next = layout.step(&doc, start, 2);
        assert_eq!(
            next,
            Position {
                paragraph: 1,
                row: 0
            }
        );
        assert_eq!(
            layout.step(&doc, next, 100),
            Position {
                paragraph: 1,
                row: 1
            }
        );
        assert_eq!(layout.step(&doc, next, -100), start);
    }

    #[test]
    fn a_new_measure_keeps_the_character_at_the_top() {
        let text = format!("\u{3000}\u{3000}{}\n", "一二三四五六七八九十".repeat(6));
        let doc = document(&text);
        let mut layout = ReaderLayout::new(20);
        let top = Position {
            paragraph: 0,
            row: 3,
        };
        let first_char = layout.rows(&doc, 0)[3].first_char;
        let moved = layout.set_measure(&doc, 40, top);
        let rows = layout.rows(&doc, 0);
        assert!(rows[moved.row].first_char <= first_char);
        assert!(
            rows.get(moved.row + 1)
                .is_none_or(|r| r.first_char > first_char || r.kind == RowKind::Gap)
        );
    }
}
