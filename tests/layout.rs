//! The reader's layout over every paragraph of the sample at several widths: no
//! row wider than the measure, rows that rejoin to the paragraph, and no row that
//! starts with a closing mark or ends with an opening one where that was avoidable,
//! and each row's text found at its first character's index in the paragraph.

use gangmu::document::ParagraphKind;
use gangmu::layout::rows::{ReaderLayout, RowKind};
use gangmu::layout::wrap::display_width;

const CLOSING: &[char] = &[
    '，', '。', '、', '：', '；', '！', '？', '）', '】', '」', '』', '》', '〉', '”', '’',
];
const OPENING: &[char] = &['（', '【', '「', '『', '《', '〈', '“', '‘'];

#[test]
fn every_paragraph_of_the_sample_lays_out_within_the_rules() {
    let document = gangmu::build(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/plans-2021.txt"
    )));
    for width in [20u16, 41, 80, 137] {
        let mut layout = ReaderLayout::new(width);
        for (index, paragraph) in document.paragraphs.iter().enumerate() {
            let rows = layout.rows(&document, index);
            for row in &rows {
                let used = usize::from(row.indent)
                    + display_width(&row.text)
                    + if row.boxed { 2 } else { 0 };
                let edge = matches!(row.kind, RowKind::BoxTop | RowKind::BoxBottom);
                assert!(
                    edge || used <= usize::from(width),
                    "{width}: {used} columns: {:?}",
                    row.text
                );
            }
            let chars: Vec<char> = paragraph.text.chars().collect();
            for row in rows
                .iter()
                .filter(|r| matches!(r.kind, RowKind::Body | RowKind::Heading(_)))
            {
                let count = row.text.chars().count();
                let at: String = chars[row.first_char..row.first_char + count]
                    .iter()
                    .collect();
                assert_eq!(at, row.text, "{width}: paragraph {index}");
            }
            let text_rows: Vec<&str> = rows
                .iter()
                .filter(|r| matches!(r.kind, RowKind::Body | RowKind::Heading(_)))
                .map(|r| r.text.as_str())
                .collect();
            if matches!(paragraph.kind, ParagraphKind::Body | ParagraphKind::Heading) {
                let squeeze = |s: &str| s.replace(' ', "");
                assert_eq!(
                    squeeze(&text_rows.concat()),
                    squeeze(&paragraph.text),
                    "{width}: paragraph {index}"
                );
                for pair in text_rows.windows(2) {
                    let forced = pair[0].chars().count() <= 1;
                    let first = pair[1].chars().next().unwrap_or(' ');
                    let last = pair[0].chars().next_back().unwrap_or(' ');
                    assert!(
                        forced || !CLOSING.contains(&first),
                        "{width}: row starts with {first}: {pair:?}"
                    );
                    assert!(
                        forced || !OPENING.contains(&last),
                        "{width}: row ends with {last}: {pair:?}"
                    );
                }
            }
        }
    }
}
