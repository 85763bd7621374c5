//! A line of a table of contents fitted to a width: when the line is too wide,
//! its entry is cut and its leader shortened, never its page number, which is
//! what a contents line is read for. Knows nothing of rows or the terminal.

use crate::layout::wrap::{display_width, truncate};

/// Characters that lead an entry's title to its page number.
const LEADERS: &[char] = &[
    '…', '.', '·', '‥', '⋯', '．', '-', '—', '_', ' ', '\t', '\u{3000}',
];

/// `line` in at most `width` columns, its page number kept after its entry cut
/// short (`第三章 坚持创新驱动发展 全… 15`); `None` when the line has no page
/// number at its end or the width has no room for one (it is then cut like any
/// preformatted line).
pub fn fit_entry(line: &str, width: usize) -> Option<String> {
    let (entry, page) = split_entry(line)?;
    let page_width = display_width(page);
    // At least two columns of the entry, then a space before the page.
    let room = width
        .checked_sub(page_width + 1)
        .filter(|&room| room >= 2)?;
    let entry = truncate(entry, room);
    let fill = width - page_width - display_width(&entry);
    Some(format!("{entry}{}{page}", " ".repeat(fill)))
}

/// The entry and the page number of a contents line that ends in one (ASCII or
/// full-width digits, after a leader or a space).
fn split_entry(line: &str) -> Option<(&str, &str)> {
    let line = line.trim_end();
    let page_start = line
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_ascii_digit() || ('０'..='９').contains(&c))
        .last()?
        .0;
    let (rest, page) = line.split_at(page_start);
    let entry = rest.trim_end_matches(LEADERS);
    (!entry.is_empty() && entry.len() < rest.len()).then_some((entry, page))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_too_wide_keeps_its_page_number() {
        let line = "第三章 坚持创新驱动发展 全面塑造发展新优势 ………………………… 15";
        let fitted = fit_entry(line, 30).expect("a contents line");
        assert!(fitted.ends_with(" 15"), "{fitted}");
        assert_eq!(display_width(&fitted), 30, "{fitted}");
        assert!(fitted.starts_with("第三章 坚持创新驱动"), "{fitted}");
        assert!(fitted.contains("全…"), "{fitted}");
    }

    #[test]
    fn an_entry_without_a_page_number_is_left_to_the_cut() {
        assert_eq!(fit_entry("第一章 总则", 6), None);
        assert_eq!(fit_entry("2023", 3), None);
        assert_eq!(fit_entry("第一章 总则 ……… 1", 3), None);
    }

    #[test]
    fn a_page_number_in_full_width_digits_is_kept_too() {
        let fitted = fit_entry("第一章　总则和目标　　　　　　　　　１２", 14).expect("fits");
        assert_eq!(fitted, "第一章\u{3000}… １２");
    }
}
