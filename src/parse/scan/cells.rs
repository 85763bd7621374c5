//! A line's table cells: whether a line is a row of a table as PDF extraction
//! leaves it, a value cell, or a table's or figure's caption. One line at a time,
//! like the rest of `scan`.

use super::{is_dateline, split_while};
use crate::parse::numeral::{is_chinese_numeral_char, is_digit};
use crate::parse::source::{is_ideograph, is_space};

/// A row of a table whose cells came out space-separated on one line:
/// `1 地区生产总值增长（%） 预期性 9* 7.2*`.
///
/// A row of two cells counts where a wide gap sets its value apart, as a PDF's
/// laid-out text sets a table's columns: `一、食品烟酒        99.2`.
pub fn is_table_row(line: &str) -> bool {
    if line.contains('。') || !has_cell_gap(line) {
        return false;
    }
    // The last cell first: most lines end in words, and are done with here.
    let body = line.trim_end_matches(is_space);
    let last = body.rsplit(is_space).next().unwrap_or_default();
    if last.is_empty() || !is_value_cell(last) || is_dateline(line) {
        return false;
    }
    let before = &body[..body.len() - last.len()];
    has_value_columns(cells(before)) || value_set_apart(before)
}

/// The cells of `text`: its runs of characters other than spaces.
fn cells(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        rest = rest.trim_start_matches(is_space);
        if rest.is_empty() {
            return None;
        }
        let (cell, after) = rest.split_at(rest.find(is_space).unwrap_or(rest.len()));
        rest = after;
        Some(cell)
    })
}

/// Whether the line has a space, a full-width space or a tab: the gaps that
/// extraction leaves between cells.
fn has_cell_gap(line: &str) -> bool {
    memchr::memchr2(b' ', b'\t', line.as_bytes()).is_some() || line.contains('\u{3000}')
}

/// Whether the cells before a row's last value hold two more cells, one of them
/// a value: three columns in all, two of them values.
fn has_value_columns<'a>(cells: impl Iterator<Item = &'a str>) -> bool {
    let (mut count, mut values) = (1, 1);
    for cell in cells {
        count += 1;
        values += usize::from(values < 2 && is_value_cell(cell));
        if count >= 3 && values >= 2 {
            return true;
        }
    }
    false
}

/// The gap at the end of `before`, what stands before a line's last cell, is
/// three or more columns wide, with a cell before it.
fn value_set_apart(before: &str) -> bool {
    let cells = before.trim_end_matches(is_space);
    let gap: usize = before[cells.len()..]
        .chars()
        .map(|c| if c == '\u{3000}' { 2 } else { 1 })
        .sum();
    gap >= 3 && !cells.is_empty()
}

/// A table's or a figure's caption: `表6 2023 年…`, `图1 …`, `附表 2`.
pub fn is_caption(line: &str) -> bool {
    let tail = line
        .strip_prefix("附")
        .unwrap_or(line)
        .strip_prefix(['表', '图']);
    let Some(tail) = tail.map(|t| t.trim_start_matches(is_space)) else {
        return false;
    };
    let (number, after) = split_while(tail, |c| is_digit(c) || is_chinese_numeral_char(c));
    !number.is_empty()
        && (after.is_empty() || after.starts_with(is_space) || after.starts_with(['：', ':', '　']))
}

/// A table cell holding a value: a number with its marks, or an indicator's type.
pub fn is_value_cell(cell: &str) -> bool {
    if matches!(
        cell,
        "预期性"
            | "约束性"
            | "左右"
            | "—"
            | "——"
            | "-"
            | "/"
            | "－"
            | "I"
            | "II"
            | "III"
            | "IV"
            | "V"
    ) || cell.chars().all(|c| ('Ⅰ'..='Ⅻ').contains(&c))
    {
        return true;
    }
    let mut core = cell;
    for qualifier in ["左右", "以上", "以下"] {
        core = core.strip_suffix(qualifier).unwrap_or(core);
    }
    // A number may carry a short unit: `2025年`, `50所`, `3.2万人`.
    let unit_start = core
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_ideograph(c))
        .last()
        .map_or(core.len(), |(i, _)| i);
    let core = if core.len() - unit_start <= 3 * 3 {
        &core[..unit_start]
    } else {
        core
    };
    // What a number is made of first: a cell of words (a line of prose) fails
    // at its first character.
    core.chars().all(|c| {
        is_digit(c)
            || matches!(
                c,
                '.' | '．'
                    | '%'
                    | '％'
                    | '*'
                    | '＊'
                    | '∶'
                    | ':'
                    | '/'
                    | '／'
                    | '【'
                    | '】'
                    | '['
                    | ']'
                    | '<'
                    | '>'
                    | '＜'
                    | '＞'
                    | '≤'
                    | '≥'
                    | '~'
                    | '～'
                    | '-'
                    | '－'
                    | '—'
                    | '–'
                    | '+'
                    | '＋'
                    | ','
            )
    }) && core.chars().any(is_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_rows() {
        assert!(is_table_row("1 地区生产总值增长（%） 预期性 9* 7.2*"));
        assert!(is_table_row("普通初中 115.0 118 预期性"));
        assert!(is_table_row("20.0 ＞20.0 预期性"));
        assert!(is_table_row(
            "#中心城区细颗粒物（PM2.5）浓度下降（%） 约束性 【18】 【42.1】"
        ));
        assert!(!is_table_row("2021 年 2 月 10 日"));
        assert!(!is_table_row("到 2025 年，研发经费投入强度达到 5%以上。"));
        assert!(!is_table_row("一 创新发展"));
        assert!(is_table_row("1　扩大普惠性资源　市教育局　2025年"));
        assert!(is_table_row(
            "一、食品烟酒                             99.2"
        ));
        assert!(is_table_row(
            "     #铁路              亿吨            0.80    -6.6"
        ));
        assert!(!is_table_row("一、综    合"));
        // Spaces after the last cell, and a gap of full-width spaces.
        assert!(is_table_row("普通初中 115.0 118 预期性   "));
        assert!(is_table_row("一、食品烟酒　　99.2"));
        assert!(!is_table_row("一、食品烟酒 99.2"));
        assert!(!is_table_row("   "));
        assert!(!is_table_row("全年全市地区生产总值同比增长 4.8%"));
        assert!(is_caption("表6   2023 年周口市交通运输主要指标及增速"));
        assert!(is_caption("图1 2017-2023 年周口市粮食总产量"));
        assert!(is_caption("表1"));
        assert!(!is_caption("表明我们的决心"));
        assert!(!is_caption("图书馆 11 个"));
    }
}
