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
/// Fewest lines in a column of row names set after the values.
const MIN_ROW_NAMES: usize = 3;

/// A line asked about, with the end of the table that starts there, if one
/// does.
pub(super) type Asked = (usize, Option<usize>);

/// If a table starts at line `i`, its end (exclusive).
pub(super) fn region_at(context: &Context, i: usize) -> Option<usize> {
    let recent = context.recent_tables.get();
    if let Some(&(_, end)) = recent.iter().flatten().find(|(asked, _)| *asked == i) {
        return end;
    }
    let end = find_region(context, i);
    context.recent_tables.set([Some((i, end)), recent[0]]);
    end
}

fn find_region(context: &Context, i: usize) -> Option<usize> {
    let lines = &context.lines;
    let first = lines.get(i)?;
    if !context.is_table_row(i) && !is_value_line(first.text) && !is_fragment(first.text) {
        return None;
    }
    let mut rows = 0;
    let mut value_lines = 0;
    let mut last_cell = None;
    let mut fragments = 0;
    let mut j = i;
    while j < lines.len() {
        let text = lines[j].text;
        if context.is_table_row(j) {
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
    if one_per_line {
        return Some(row_names_end(context, end));
    }
    (rows >= MIN_ROWS).then_some(end)
}

/// End of the row names that plain extraction sets after a column of values, one
/// per line (`居民消费价格指数` / `城市` / `一、食品烟酒` …): a block of at least
/// three short fragments starting at `from`, no blank line inside it.
fn row_names_end(context: &Context, from: usize) -> usize {
    let lines = &context.lines;
    let mut end = from;
    while end < lines.len()
        && is_fragment(lines[end].text)
        && (end == from || lines[end].blanks_before() == 0)
    {
        end += 1;
    }
    if end - from >= MIN_ROW_NAMES {
        end
    } else {
        from
    }
}

/// A line that is one value cell: `6`, `6左右`, `【18】`, `预期性`.
fn is_value_line(text: &str) -> bool {
    scan::is_value_cell(text)
}

/// A short piece of a table: a header cell, a group row (`一 创新发展`), a row
/// name (`其中：夏粮`), a wrapped cell; never a sentence or its lead-in.
fn is_fragment(text: &str) -> bool {
    text.chars().count() <= MAX_FRAGMENT_CHARS
        && !text.contains(['。', '，', '；'])
        && !text.ends_with(['：', ':'])
        && !scan::is_contents_title(text)
}
