//! The rows of a body paragraph too long to lay out whole (a text saved as one
//! line): one pass over its text, a piece at a time, finds where every
//! `BLOCK`-th row starts, and the rows themselves are laid out a block at a time
//! when they are wanted, from the nearest such start. Memory then grows with the
//! blocks kept, not with the paragraph's length; the rows are the same as the
//! whole paragraph laid out at once.

use std::cell::{OnceCell, RefCell};
use std::ops::{Index, Range};
use std::rc::Rc;

use super::row::{Row, RowKind};
use super::safe::visible;
use super::wrap;

/// Body paragraphs longer than this (bytes) are laid out by blocks.
pub(super) const LONG_BYTES: usize = 1 << 16;
/// Rows laid out together, from one known row start.
const BLOCK: usize = 64;
/// Bytes of text wrapped at a time in the pass that finds the row starts.
const PIECE_BYTES: usize = 1 << 16;
/// Rows at the end of a piece that are not trusted: where they break may depend
/// on text after the piece. The pass goes on from the first of them.
const UNSURE_ROWS: usize = 4;
/// Text past a block's end wrapped with it, so that its last row breaks as it does
/// in the whole paragraph.
const LOOKAHEAD_BYTES: usize = 4096;
/// Blocks of rows kept laid out.
const BLOCKS_KEPT: usize = 8;
/// The body indent laid out before the first row: two full-width spaces.
const INDENT: &str = "\u{3000}\u{3000}";

/// One paragraph laid out: every row, or a long body paragraph by blocks.
#[derive(Debug)]
pub(super) enum Laid {
    Whole(Vec<Row>),
    Long(LongBody),
}

/// The rows of one paragraph. A long body paragraph's rows are laid out a block
/// at a time as they are asked for; `iter` and indexing lay it out whole.
pub struct Rows<'d> {
    laid: Rc<Laid>,
    text: &'d str,
    all: OnceCell<Vec<Row>>,
}

impl<'d> Rows<'d> {
    pub(super) fn new(laid: Rc<Laid>, text: &'d str) -> Self {
        Self {
            laid,
            text,
            all: OnceCell::new(),
        }
    }

    pub fn len(&self) -> usize {
        match &*self.laid {
            Laid::Whole(rows) => rows.len(),
            Laid::Long(long) => long.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, index: usize) -> Option<Row> {
        match &*self.laid {
            Laid::Whole(rows) => rows.get(index).cloned(),
            Laid::Long(long) => long.get(self.text, index),
        }
    }

    /// The last row for which `before` holds, where it holds for the rows up to
    /// some row and for none after (as for `first_char` at most some character).
    pub fn last_where(&self, before: impl Fn(&Row) -> bool) -> Option<usize> {
        match &*self.laid {
            Laid::Whole(rows) => rows.iter().rposition(before),
            Laid::Long(_) => {
                let (mut low, mut high) = (0, self.len());
                while low < high {
                    let middle = low + (high - low) / 2;
                    if self.get(middle).is_some_and(|row| before(&row)) {
                        low = middle + 1;
                    } else {
                        high = middle;
                    }
                }
                low.checked_sub(1)
            }
        }
    }

    /// Every row (a long paragraph laid out whole: for tests and short paragraphs).
    pub fn iter(&self) -> std::slice::Iter<'_, Row> {
        self.all_rows().iter()
    }

    fn all_rows(&self) -> &[Row] {
        match &*self.laid {
            Laid::Whole(rows) => rows,
            Laid::Long(long) => self
                .all
                .get_or_init(|| (0..long.len()).filter_map(|i| self.get(i)).collect()),
        }
    }
}

impl<'r> IntoIterator for &'r Rows<'_> {
    type Item = &'r Row;
    type IntoIter = std::slice::Iter<'r, Row>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl Index<usize> for Rows<'_> {
    type Output = Row;

    fn index(&self, index: usize) -> &Row {
        &self.all_rows()[index]
    }
}

/// Where a row starts: its byte and its character in the paragraph's text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Start {
    byte: usize,
    char: usize,
}

/// A long body paragraph laid out for one width.
#[derive(Debug)]
pub(super) struct LongBody {
    width: usize,
    /// Columns of the first row's indent.
    indent: u16,
    /// The start of rows 0, BLOCK, 2·BLOCK, …
    starts: Vec<Start>,
    /// Rows of text (the gap after them not counted).
    rows: usize,
    /// Characters in the paragraph: the gap row's first character.
    end_char: usize,
    /// Blocks laid out lately, the newest last.
    blocks: RefCell<Vec<(usize, Rc<Vec<Row>>)>>,
}

/// The rows of a piece of the paragraph wrapped from a row start.
struct Piece {
    /// The piece as laid out: made visible, the indent before it at the start.
    laid: String,
    /// Bytes of `laid` before the paragraph's text (the indent, or none).
    shift: usize,
    ranges: Vec<Range<usize>>,
    /// Each row's first character, in the paragraph.
    firsts: Vec<usize>,
    /// The piece runs to the paragraph's end.
    whole_rest: bool,
}

impl LongBody {
    /// Finds the row starts of `text` at `width` columns, the first row indented
    /// `indent` columns.
    pub(super) fn new(text: &str, width: usize, indent: u16) -> Self {
        Self::by_pieces(text, width, indent, PIECE_BYTES)
    }

    /// As `new`, reading the text `piece_bytes` at a time (more where a piece
    /// holds too few rows to trust any).
    fn by_pieces(text: &str, width: usize, indent: u16, piece_bytes: usize) -> Self {
        let width = width.max(1);
        let mut starts = Vec::new();
        let mut rows = 0;
        let mut at = Start::default();
        let mut bytes = piece_bytes.max(1);
        loop {
            let piece = wrap_piece(text, at, width, bytes);
            let sure = if piece.whole_rest {
                piece.ranges.len()
            } else {
                piece.ranges.len().saturating_sub(UNSURE_ROWS)
            };
            if sure == 0 && !piece.whole_rest {
                bytes *= 2;
                continue;
            }
            let mut bytes_of = CharBytes::new(text, at);
            for &first in &piece.firsts[..sure] {
                if rows % BLOCK == 0 {
                    starts.push(bytes_of.start(first));
                }
                rows += 1;
            }
            if piece.whole_rest {
                break;
            }
            at = bytes_of.start(piece.firsts[sure]);
            bytes = piece_bytes.max(1);
        }
        Self {
            width,
            indent,
            starts,
            rows,
            end_char: text.chars().count(),
            blocks: RefCell::new(Vec::new()),
        }
    }

    /// Rows, the gap after the text included.
    pub(super) fn len(&self) -> usize {
        self.rows + 1
    }

    /// Row `index` of the paragraph `text`, laying out its block if need be.
    pub(super) fn get(&self, text: &str, index: usize) -> Option<Row> {
        if index == self.rows {
            return Some(Row {
                text: String::new(),
                kind: RowKind::Gap,
                indent: 0,
                boxed: false,
                first_char: self.end_char,
            });
        }
        if index > self.rows {
            return None;
        }
        let block = self.block(text, index / BLOCK);
        block.get(index % BLOCK).cloned()
    }

    fn block(&self, text: &str, block: usize) -> Rc<Vec<Row>> {
        if let Some((_, rows)) = self.blocks.borrow().iter().find(|(b, _)| *b == block) {
            return Rc::clone(rows);
        }
        let rows = Rc::new(self.lay_out_block(text, block));
        let mut blocks = self.blocks.borrow_mut();
        if blocks.len() >= BLOCKS_KEPT {
            blocks.remove(0);
        }
        blocks.push((block, Rc::clone(&rows)));
        rows
    }

    fn lay_out_block(&self, text: &str, block: usize) -> Vec<Row> {
        let Some(&start) = self.starts.get(block) else {
            return Vec::new();
        };
        let bytes = self
            .starts
            .get(block + 1)
            .map_or(text.len(), |next| next.byte - start.byte + LOOKAHEAD_BYTES);
        let count = BLOCK.min(self.rows - block * BLOCK);
        let piece = wrap_piece(text, start, self.width, bytes);
        piece
            .ranges
            .iter()
            .zip(&piece.firsts)
            .take(count)
            .map(|(range, &first_char)| Row {
                text: piece.laid[range.start.max(piece.shift)..range.end].to_string(),
                kind: RowKind::Body,
                indent: if range.start == 0 && piece.shift > 0 {
                    self.indent
                } else {
                    0
                },
                boxed: false,
                first_char,
            })
            .collect()
    }
}

/// Wraps up to `bytes` of `text` from the row start `at` (to a character's end).
fn wrap_piece(text: &str, at: Start, width: usize, bytes: usize) -> Piece {
    let mut end = at.byte.saturating_add(bytes).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let shown = visible(&text[at.byte..end]);
    let (laid, shift) = if at.byte == 0 {
        (format!("{INDENT}{shown}"), INDENT.len())
    } else {
        (shown, 0)
    };
    let ranges: Vec<Range<usize>> = wrap::wrap(&laid, width)
        .into_iter()
        .filter(|range| range.end > shift)
        .collect();
    let indent_chars = if shift > 0 { INDENT.chars().count() } else { 0 };
    let mut counted = (0, 0);
    let firsts = ranges
        .iter()
        .map(|range| {
            let (byte, chars) = counted;
            counted = (range.start, chars + laid[byte..range.start].chars().count());
            at.char + counted.1.saturating_sub(indent_chars)
        })
        .collect();
    Piece {
        laid,
        shift,
        ranges,
        firsts,
        whole_rest: end == text.len(),
    }
}

/// Bytes of characters in `text`, counted forward from a start.
struct CharBytes<'t> {
    text: &'t str,
    at: Start,
}

impl<'t> CharBytes<'t> {
    fn new(text: &'t str, at: Start) -> Self {
        Self { text, at }
    }

    /// The start of character `char` (at or after the last one asked for).
    fn start(&mut self, char: usize) -> Start {
        let ahead = char - self.at.char;
        let byte = self.text[self.at.byte..]
            .char_indices()
            .nth(ahead)
            .map_or(self.text.len(), |(offset, _)| self.at.byte + offset);
        self.at = Start { byte, char };
        self.at
    }
}

#[cfg(test)]
mod tests;
