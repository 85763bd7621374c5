//! The compare view's rows: the blocks of an [`Along`] wrapped at a width,
//! either as one column (the new version, removed text kept in place) or as two
//! (the old version beside the new, a block's rows side by side so that the two
//! columns scroll together). Without colours, changes are bracketed in the text
//! itself (`[-…-]{+…+}`), as `gangmu diff` prints them. Text from the files is
//! made safe here. No terminal code.

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

/// One row of the view: one column of runs, or two (old, new).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Row {
    pub columns: Vec<Vec<Seg>>,
    /// The block it shows (a gap row: the block before it).
    pub block: usize,
    /// The heading depth, for a heading's rows.
    pub heading: Option<u16>,
}

/// Which text a column shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
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
        let sides: &[Side] = if two {
            &[Side::Old, Side::New]
        } else {
            &[Side::Both]
        };
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
            columns: vec![Vec::new(); sides.len()],
            block: index,
            heading: None,
        });
    }
    (rows, change_rows)
}

/// A block's rows in one column, and the row each of its changes starts on.
struct Laid {
    rows: Vec<Vec<Seg>>,
    starts: Vec<usize>,
}

fn lay_block(block: &Block, side: Side, width: usize, brackets: bool) -> Laid {
    let (text, inks, piece_at) = side_text(block, side, brackets);
    let mut rows = Vec::new();
    let mut row_starts = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        for range in wrap(line, width) {
            let (start, end) = (line_start + range.start, line_start + range.end);
            row_starts.push(start);
            rows.push(segs(&text[start..end], &inks[start..end]));
        }
        line_start += line.len() + 1;
    }
    let row_of = |byte: usize| row_starts.partition_point(|&s| s <= byte).saturating_sub(1);
    let starts = block
        .starts
        .iter()
        .map(|&piece| row_of(piece_at.get(piece).copied().unwrap_or(0)))
        .collect();
    Laid { rows, starts }
}

/// A block's text for `side`, the ink of each byte, and where each piece starts.
fn side_text(block: &Block, side: Side, brackets: bool) -> (String, Vec<Ink>, Vec<usize>) {
    let mut text = String::new();
    let mut inks = Vec::new();
    let mut piece_at = Vec::new();
    let mut push = |text: &mut String, s: &str, ink: Ink| {
        for c in s.chars() {
            let c = if c == '\n' { c } else { visible_char(c) };
            text.push(c);
            inks.extend(std::iter::repeat_n(ink, c.len_utf8()));
        }
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
    (text, inks, piece_at)
}

/// The runs of a row's text, by ink.
fn segs(text: &str, inks: &[Ink]) -> Vec<Seg> {
    let mut segs: Vec<Seg> = Vec::new();
    for (at, c) in text.char_indices() {
        let ink = inks[at];
        match segs.last_mut() {
            Some(last) if last.ink == ink => last.text.push(c),
            _ => segs.push(Seg {
                text: c.to_string(),
                ink,
            }),
        }
    }
    segs
}
