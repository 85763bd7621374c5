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
/// The row's runs are made only when it is drawn ([`SideText::segs`]).
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

/// How the rows are laid out: the columns of one text column, one column or
/// two (old beside new), and changes bracketed in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Form {
    pub width: usize,
    pub two: bool,
    pub brackets: bool,
}

/// The rows of an [`Along`] in a [`Form`], laid out block by block as far as
/// they are needed: the first screen's at once, the rest after it is drawn.
#[derive(Debug, Default)]
pub struct Laid {
    pub rows: Vec<Row>,
    /// For each change, the row it starts on: the earliest of its start rows
    /// in the columns (`usize::MAX` while its block is not laid out).
    pub change_rows: Vec<usize>,
    /// How many blocks are laid out.
    blocks: usize,
}

impl Laid {
    /// No rows yet, for the changes of `along`.
    pub fn new(along: &Along) -> Self {
        Self {
            rows: Vec::new(),
            change_rows: vec![usize::MAX; along.changes.len()],
            blocks: 0,
        }
    }

    /// Whether every block of `along` is laid out.
    pub fn complete(&self, along: &Along) -> bool {
        self.blocks == along.blocks.len()
    }

    /// Lays out the blocks of `along` in `form` until there are more than
    /// `rows` rows, or no block is left.
    pub fn lay_past(&mut self, along: &Along, form: Form, rows: usize) {
        while self.rows.len() <= rows && !self.complete(along) {
            self.lay_next(along, form);
        }
    }

    /// Lays out the next block, with the gap row after it.
    fn lay_next(&mut self, along: &Along, form: Form) {
        let index = self.blocks;
        let block = &along.blocks[index];
        let first = self.rows.len();
        let heading = block.opening.as_ref().map(|o| o.depth);
        let sides = sides(form.two);
        let columns: Vec<Column> = sides
            .iter()
            .map(|&side| lay_block(block, side, form.width, form.brackets))
            .collect();
        let height = columns
            .iter()
            .map(|c| c.rows.len())
            .max()
            .unwrap_or(0)
            .max(1);
        for r in 0..height {
            self.rows.push(Row {
                columns: columns
                    .iter()
                    .map(|c| c.rows.get(r).cloned().unwrap_or_default())
                    .collect(),
                block: index,
                heading,
            });
        }
        for (k, &change) in block.changes.iter().enumerate() {
            let start = columns.iter().map(|c| c.starts[k]).min().unwrap_or(0);
            if let Some(slot) = self.change_rows.get_mut(change) {
                *slot = first + start;
            }
        }
        self.rows.push(Row {
            columns: vec![0..0; sides.len()],
            block: index,
            heading: None,
        });
        self.blocks += 1;
    }
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
struct Column {
    rows: Vec<Range<usize>>,
    starts: Vec<usize>,
}

fn lay_block(block: &Block, side: Side, width: usize, brackets: bool) -> Column {
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
    Column { rows, starts }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn along() -> Along {
        let old = "一、总则\n甲乙丙丁。\n二、分则\n戊己庚辛。\n三、附则\n壬癸。\n";
        let new = "一、总则\n甲乙丙丁戊。\n二、分则\n戊己庚。\n三、附则\n壬癸子丑。\n";
        crate::output::diff::along(old, new)
    }

    #[test]
    fn rows_laid_out_in_steps_are_those_laid_out_at_once() {
        let along = along();
        for form in [
            Form {
                width: 6,
                two: false,
                brackets: true,
            },
            Form {
                width: 4,
                two: true,
                brackets: false,
            },
        ] {
            let mut whole = Laid::new(&along);
            whole.lay_past(&along, form, usize::MAX);
            assert!(whole.complete(&along));
            let mut steps = Laid::new(&along);
            steps.lay_past(&along, form, 2);
            assert!(steps.rows.len() > 2 && !steps.complete(&along), "{form:?}");
            let laid = steps.rows.len();
            assert!(steps.change_rows.contains(&usize::MAX));
            assert_eq!(steps.rows[..], whole.rows[..laid]);
            steps.lay_past(&along, form, usize::MAX);
            assert_eq!(steps.rows, whole.rows);
            assert_eq!(steps.change_rows, whole.change_rows);
        }
    }
}
