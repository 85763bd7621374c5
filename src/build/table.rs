//! Tables whose cells came out space-separated on one line, or one per line:
//! a run of rows (`1 地区生产总值增长（%） 预期性 9* 7.2*`) with the short header
//! fragments and group rows between them, kept row by row.

use super::Context;
use crate::outline::scan;

/// Most short fragments allowed between two rows (a header split over lines).
const MAX_FRAGMENT_RUN: usize = 6;
/// Fewest rows that make a table.
const MIN_ROWS: usize = 2;

/// If a table starts at line `i`, its end (exclusive).
pub(super) fn region_at(context: &Context, i: usize) -> Option<usize> {
    let lines = &context.lines;
    let mut rows = 0;
    let mut last_row = None;
    let mut fragments = 0;
    let mut j = i;
    while j < lines.len() {
        let text = lines[j].text;
        if scan::is_table_row(text) {
            rows += 1;
            last_row = Some(j);
            fragments = 0;
        } else if is_fragment(text) && fragments < MAX_FRAGMENT_RUN {
            fragments += 1;
        } else {
            break;
        }
        j += 1;
    }
    let first_is_part = scan::is_table_row(lines[i].text) || is_fragment(lines[i].text);
    (rows >= MIN_ROWS && first_is_part)
        .then_some(last_row)
        .flatten()
        .map(|last| last + 1)
}

/// A short piece of a table: a header cell, a group row (`一 创新发展`), a wrapped
/// cell; never a sentence.
fn is_fragment(text: &str) -> bool {
    text.chars().count() <= 20
        && !text.contains(['。', '，', '；', '：'])
        && !scan::is_contents_title(text)
}
