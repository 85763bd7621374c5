//! The reader's layout of a paragraph too long to lay out whole (a text saved as
//! one line): every row the same as the paragraph wrapped at once, row by row
//! from the start, at its end after `G`, and at the same character after a new
//! width.

use gangmu::document::Document;
use gangmu::layout::rows::{Position, ReaderLayout};
use gangmu::layout::safe::visible;
use gangmu::layout::wrap::wrap;

/// The sample's lines joined into one paragraph of about `bytes`.
fn one_paragraph(bytes: usize) -> Document {
    let sample = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/plans-2021.txt"
    ));
    let joined: String = sample.lines().map(str::trim).collect();
    let mut end = bytes;
    while !joined.is_char_boundary(end) {
        end -= 1;
    }
    let document = gangmu::build(&format!("\u{3000}\u{3000}{}\n", &joined[..end]));
    assert_eq!(document.paragraphs.len(), 1);
    document
}

/// The text of each row of the paragraph wrapped at once (its indent laid out
/// as two full-width spaces, then dropped), and the empty gap row after them.
fn whole_rows(document: &Document, width: u16) -> Vec<String> {
    let indented = format!("\u{3000}\u{3000}{}", visible(&document.paragraphs[0].text));
    let indent = "\u{3000}\u{3000}".len();
    let mut rows: Vec<String> = wrap(&indented, usize::from(width))
        .into_iter()
        .filter(|range| range.end > indent)
        .map(|range| indented[range.start.max(indent)..range.end].to_string())
        .collect();
    rows.push(String::new());
    rows
}

fn shown(
    layout: &mut ReaderLayout,
    document: &Document,
    top: Position,
    height: usize,
) -> Vec<String> {
    layout
        .window(document, top, height)
        .into_iter()
        .map(|(_, row)| row.text)
        .collect()
}

#[test]
fn row_by_row_the_reader_shows_the_whole_paragraph_s_rows() {
    let document = one_paragraph(200_000);
    for width in [17u16, 40] {
        let whole = whole_rows(&document, width);
        let mut layout = ReaderLayout::new(width);
        assert_eq!(layout.rows(&document, 0).len(), whole.len());
        let mut top = Position::default();
        for (index, expected) in whole.iter().enumerate() {
            assert_eq!(top.row, index);
            assert_eq!(
                &shown(&mut layout, &document, top, 1)[0],
                expected,
                "{width}: row {index}"
            );
            top = layout.step(&document, top, 1);
        }
        // And back up a screen at a time.
        let back = layout.step(&document, top, -100);
        assert_eq!(
            shown(&mut layout, &document, back, 3),
            whole[back.row..back.row + 3]
        );
    }
}

#[test]
fn the_end_is_the_paragraph_s_last_rows() {
    let document = one_paragraph(300_000);
    let whole = whole_rows(&document, 50);
    let mut layout = ReaderLayout::new(50);
    let height = 24;
    let top = layout.last_top(&document, height);
    assert_eq!(top.row, whole.len() - height);
    assert_eq!(
        shown(&mut layout, &document, top, height),
        whole[whole.len() - height..]
    );
}

#[test]
fn a_new_width_keeps_the_character_at_the_top() {
    let document = one_paragraph(200_000);
    let mut layout = ReaderLayout::new(20);
    let top = Position {
        paragraph: 0,
        row: 1_234,
    };
    let first_char = layout
        .rows(&document, 0)
        .get(top.row)
        .expect("a row")
        .first_char;
    let moved = layout.set_measure(&document, 57, top);
    let rows = layout.rows(&document, 0);
    let at = |row: usize| rows.get(row).expect("a row").first_char;
    assert!(at(moved.row) <= first_char && at(moved.row + 1) > first_char);
    let whole = whole_rows(&document, 57);
    assert_eq!(rows.get(moved.row).expect("a row").text, whole[moved.row]);
}
