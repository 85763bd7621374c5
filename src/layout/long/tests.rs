//! A long paragraph laid out by blocks gives the rows of the whole paragraph laid
//! out at once: at several widths, read in pieces of several sizes, each row
//! asked for in any order across the blocks' edges, and a character found on its
//! row.

use super::*;
use crate::layout::rows::{PARAGRAPH_INDENT, body_rows};

/// Running text of the sample, its lines joined by a control character:
/// Chinese with 禁则 punctuation (，。、）《》“”…), numbers with their units.
fn running_text(bytes: usize) -> String {
    let sample = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/plans-2021.txt"
    ));
    let joined = sample
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\u{1b}");
    let mut end = bytes.min(joined.len());
    while !joined.is_char_boundary(end) {
        end -= 1;
    }
    joined[..end].to_string()
}

/// The rows of `text` laid out whole, as a body paragraph, the gap after them.
fn whole_rows(text: &str, width: u16) -> Vec<Row> {
    let mut rows = body_rows(&visible(text), width);
    rows.push(Row {
        text: String::new(),
        kind: RowKind::Gap,
        indent: 0,
        boxed: false,
        first_char: text.chars().count(),
    });
    rows
}

fn long_body(text: &str, width: u16, piece_bytes: usize) -> LongBody {
    let indent = PARAGRAPH_INDENT.min(width);
    LongBody::by_pieces(text, usize::from(width), indent, piece_bytes)
}

#[test]
fn rows_by_blocks_are_the_rows_of_the_whole_paragraph() {
    let text = running_text(40_000);
    for width in [1u16, 2, 7, 20, 41, 80, 137] {
        let whole = whole_rows(&text, width);
        assert!(whole.len() > 2 * BLOCK, "{width}: {} rows", whole.len());
        for piece_bytes in [1, 301, 4096, PIECE_BYTES] {
            let long = long_body(&text, width, piece_bytes);
            let rows: Vec<Row> = (0..long.len()).filter_map(|i| long.get(&text, i)).collect();
            assert_eq!(rows, whole, "width {width}, pieces of {piece_bytes} bytes");
        }
    }
}

#[test]
fn any_row_is_found_from_its_block_in_any_order() {
    let text = running_text(30_000);
    let whole = whole_rows(&text, 30);
    let long = long_body(&text, 30, 997);
    assert_eq!(long.len(), whole.len());
    // Back and forth across the blocks' edges, more blocks than are kept.
    let count = whole.len();
    let edges = (1..count / BLOCK).flat_map(|b| [b * BLOCK - 1, b * BLOCK]);
    let order: Vec<usize> = edges.chain((0..count).rev().step_by(37)).collect();
    for index in order {
        assert_eq!(
            long.get(&text, index).as_ref(),
            whole.get(index),
            "row {index}"
        );
    }
    assert_eq!(long.get(&text, count), None);
}

#[test]
fn a_character_is_found_on_its_row() {
    let text = running_text(50_000);
    let whole = whole_rows(&text, 33);
    let rows = Rows::new(
        Rc::new(Laid::Long(long_body(&text, 33, PIECE_BYTES))),
        &text,
    );
    let last = whole[whole.len() - 2].first_char;
    for wanted in [0, 1, 2, 500, 9_999, last, last + 1, usize::MAX] {
        let expected = whole
            .iter()
            .rposition(|r| r.first_char <= wanted && r.holds_text());
        let found = rows.last_where(|r| r.first_char <= wanted && r.holds_text());
        assert_eq!(found, expected, "character {wanted}");
    }
}
