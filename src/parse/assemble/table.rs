//! Tables as PDF extraction leaves them: rows whose cells came out space-separated
//! on one line (`1 地区生产总值增长（%） 预期性 9* 7.2*`), or cells that came out
//! one per line (`地区生产总值增长（%）` / `6` / `6左右` / `预期性`), with the short
//! header fragments and group rows between them. Kept row by row.

use super::Context;
use crate::parse::scan;

/// Most short fragments allowed between two rows (a header split over lines).
const MAX_FRAGMENT_RUN: usize = 6;
/// Longest header cell, group row or wrapped cell.
const MAX_FRAGMENT_CHARS: usize = 30;
/// Fewest space-separated rows that make a table.
const MIN_ROWS: usize = 2;
/// Fewest one-per-line value cells, and lines in all, that make a table.
const MIN_VALUE_LINES: usize = 3;
const MIN_CELL_LINES: usize = 6;

/// If a table starts at line `i`, its end (exclusive).
pub(super) fn region_at(context: &Context, i: usize) -> Option<usize> {
    let lines = &context.lines;
    let first = lines.get(i)?;
    if !is_row(first.text) && !is_fragment(first.text) {
        return None;
    }
    let mut rows = 0;
    let mut value_lines = 0;
    let mut last_cell = None;
    let mut fragments = 0;
    let mut j = i;
    while j < lines.len() {
        let text = lines[j].text;
        if scan::is_table_row(text) {
            rows += 1;
        } else if is_value_line(text) {
            value_lines += 1;
        } else if is_fragment(text) && fragments < MAX_FRAGMENT_RUN {
            fragments += 1;
            j += 1;
            continue;
        } else {
            break;
        }
        last_cell = Some(j);
        fragments = 0;
        j += 1;
    }
    let end = last_cell? + 1;
    let one_per_line = value_lines >= MIN_VALUE_LINES && end - i >= MIN_CELL_LINES;
    (rows >= MIN_ROWS || one_per_line).then_some(end)
}

fn is_row(text: &str) -> bool {
    scan::is_table_row(text) || is_value_line(text)
}

/// A line that is one value cell: `6`, `6左右`, `【18】`, `预期性`.
fn is_value_line(text: &str) -> bool {
    scan::is_value_cell(text)
}

/// A short piece of a table: a header cell, a group row (`一 创新发展`), a wrapped
/// cell; never a sentence.
fn is_fragment(text: &str) -> bool {
    text.chars().count() <= MAX_FRAGMENT_CHARS
        && !text.contains(['。', '，', '；', '：'])
        && !scan::is_contents_title(text)
}
