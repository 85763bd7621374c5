//! The compare view's rows: the blocks of an [`Along`] wrapped at a width,
//! either as one column (the new version, removed text kept in place) or as two
//! (the old version beside the new, a block's rows side by side so that the two
//! columns scroll together). Without colours, changes are bracketed in the text
//! itself (`[-…-]{+…+}`), as `gangmu diff` prints them. Text from the files is
//! made safe here. No terminal code.

use std::ops::Range;

use crate::compare::Piece;
use crate::compare::along::{Along, Block};
use crate::layout::safe::visible_char;
use crate::layout::wrap::wrap;

/// What a run of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ink {
    Same,
    Added,
    Removed,
}

/// A run of a row's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seg {
    pub text: String,
    pub ink: Ink,
}

/// One row of the view: for each column (one, or old and new), the bytes of
/// its block's text on that column's side that it shows, empty for a gap row.
/// The row's runs are made only when it is drawn ([`Shown::segs`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Row {
    pub columns: Vec<Range<usize>>,
    /// The block it shows (a gap row: the block before it).
    pub block: usize,
    /// The heading depth, for a heading's rows.
    pub heading: Option<u16>,
}

/// Which text a column shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Everything: the new version with what was taken out.
    Both,
    Old,
    New,
}

/// The rows of `along` at `width` columns per column; `two`: old beside new;
/// `brackets`: changes bracketed in the text. Also, for each change, the row it
/// starts on.
pub fn lay_rows(along: &Along, width: usize, two: bool, brackets: bool) -> (Vec<Row>, Vec<usize>) {
    let mut rows = Vec::new();
    let mut change_rows = vec![0; along.changes.len()];
    for (index, block) in along.blocks.iter().enumerate() {
        let first = rows.len();
        let heading = block.opening.as_ref().map(|o| o.depth);
        let sides = sides(two);
        let laid: Vec<Laid> = sides
            .iter()
            .map(|&side| lay_block(block, side, width, brackets))
            .collect();
        let height = laid.iter().map(|l| l.rows.len()).max().unwrap_or(0).max(1);
        for r in 0..height {
            let columns = laid
                .iter()
                .map(|l| l.rows.get(r).cloned().unwrap_or_default())
                .collect();
            rows.push(Row {
                columns,
                block: index,
                heading,
            });
        }
        // A change's row: the earliest of its start rows in the columns.
        for (k, &change) in block.changes.iter().enumerate() {
            let start = laid.iter().map(|l| l.starts[k]).min().unwrap_or(0);
            if let Some(slot) = change_rows.get_mut(change) {
                *slot = first + start;
            }
        }
        rows.push(Row {
            columns: vec![0..0; sides.len()],
            block: index,
            heading: None,
        });
    }
    (rows, change_rows)
}

/// The sides shown in columns: old and new side by side, or both in one.
pub fn sides(two: bool) -> &'static [Side] {
    if two {
        &[Side::Old, Side::New]
    } else {
        &[Side::Both]
    }
}

/// A block's rows in one column (bytes of its text on that side), and the row
/// each of its changes starts on.
struct Laid {
    rows: Vec<Range<usize>>,
    starts: Vec<usize>,
}

fn lay_block(block: &Block, side: Side, width: usize, brackets: bool) -> Laid {
    let SideText { text, piece_at, .. } = side_text(block, side, brackets);
    let mut rows = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        rows.extend(
            wrap(line, width)
                .into_iter()
                .map(|range| line_start + range.start..line_start + range.end),
        );
        line_start += line.len() + 1;
    }
    let row_of = |byte: usize| rows.partition_point(|r| r.start <= byte).saturating_sub(1);
    let starts = block
        .starts
        .iter()
        .map(|&piece| row_of(piece_at.get(piece).copied().unwrap_or(0)))
        .collect();
    Laid { rows, starts }
}

/// A block's text on one side: made safe to show, the ink of each byte, and
/// where each piece starts.
pub struct SideText {
    text: String,
    inks: Vec<Ink>,
    piece_at: Vec<usize>,
}

impl SideText {
    /// The runs of the text's bytes `range` (a row), by ink.
    pub fn segs(&self, range: Range<usize>) -> Vec<Seg> {
        let Some(text) = self.text.get(range.clone()) else {
            return Vec::new();
        };
        let inks = &self.inks[range];
        let mut segs: Vec<Seg> = Vec::new();
        let mut from = 0;
        while from < text.len() {
            let ink = inks[from];
            let to = inks[from..]
                .iter()
                .position(|&i| i != ink)
                .map_or(text.len(), |n| from + n);
            segs.push(Seg {
                text: text[from..to].to_string(),
                ink,
            });
            from = to;
        }
        segs
    }
}

/// A block's text for `side`, the ink of each byte, and where each piece starts.
pub fn side_text(block: &Block, side: Side, brackets: bool) -> SideText {
    let mut text = String::new();
    let mut inks = Vec::new();
    let mut piece_at = Vec::new();
    let mut push = |text: &mut String, s: &str, ink: Ink| {
        if s.chars().all(|c| c == '\n' || visible_char(c) == c) {
            text.push_str(s);
        } else {
            text.extend(
                s.chars()
                    .map(|c| if c == '\n' { c } else { visible_char(c) }),
            );
        }
        inks.resize(text.len(), ink);
    };
    for piece in &block.pieces {
        piece_at.push(text.len());
        let (body, ink, marks) = match piece {
            Piece::Same(body) => (body, Ink::Same, ("", "")),
            Piece::Added(body) => (body, Ink::Added, ("{+", "+}")),
            Piece::Removed(body) => (body, Ink::Removed, ("[-", "-]")),
        };
        let hidden = matches!(
            (side, ink),
            (Side::Old, Ink::Added) | (Side::New, Ink::Removed)
        );
        if hidden {
            continue;
        }
        if brackets && ink != Ink::Same {
            push(&mut text, marks.0, ink);
        }
        push(&mut text, body, ink);
        if brackets && ink != Ink::Same {
            push(&mut text, marks.1, ink);
        }
    }
    SideText {
        text,
        inks,
        piece_at,
    }
}
