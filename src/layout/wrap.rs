//! One paragraph to rows no wider than a number of terminal columns, with the
//! line-breaking rules a reader of Chinese expects (W3C clreq, basic level).
//!
//! Breaks are allowed between CJK characters and at spaces; Latin words and numbers
//! (`5.2%`, `2035`) stay whole, and so do `——` and `……`. No row starts with a
//! closing mark (`，。、）」》”` …) and none ends with an opening one (`（《“` …):
//! where a row would, a character is carried to the next row instead. Widths are
//! terminal columns from unicode-width (ambiguous characters narrow, as ratatui
//! counts them). Used by `gangmu text --width` and by the reader; no UI here.

use std::ops::Range;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width in terminal columns (unicode-width, ambiguous characters narrow).
pub fn display_width(s: &str) -> usize {
    s.width()
}

fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Marks that never start a row.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '：'
            | '；'
            | '！'
            | '？'
            | '）'
            | '】'
            | '」'
            | '』'
            | '》'
            | '〉'
            | '”'
            | '’'
            | '〕'
            | '］'
            | '｝'
            | '％'
            | '‰'
            | '・'
            | '·'
            | '〗'
            | '〙'
            | ','
            | '.'
            | ':'
            | ';'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
            | '%'
    )
}

/// Marks that never end a row.
fn is_opening(c: char) -> bool {
    matches!(
        c,
        '（' | '【'
            | '「'
            | '『'
            | '《'
            | '〈'
            | '“'
            | '‘'
            | '〔'
            | '［'
            | '｛'
            | '〖'
            | '〘'
            | '('
            | '['
            | '{'
    )
}

/// Letters and digits that make up a Latin word or a number.
fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || (c.is_alphanumeric() && !is_wide_script(c))
}

/// Scripts written without spaces, where a break may fall between any two characters.
fn is_wide_script(c: char) -> bool {
    char_width(c) == 2
}

/// Whether a row may end after `before` and the next start at `after`, with
/// `spaced` telling whether spaces stood between them.
fn may_break(before: char, after: char, spaced: bool) -> bool {
    if char_width(after) == 0 || is_closing(after) || is_opening(before) {
        return false;
    }
    if (before == '—' && after == '—') || (before == '…' && after == '…') {
        return false;
    }
    if spaced {
        // A number and its unit stay together: `2035 年`, `38.6 亿`.
        return !(before.is_ascii_digit() && is_wide_script(after));
    }
    if is_word(before) && is_word(after) {
        return false;
    }
    // Inside a number or a word: `5.2`, `3-5`, `don't`.
    if matches!(before, '.' | '-' | '\'' | '/' | '_' | '@' | '+') && is_word(after) {
        return false;
    }
    if before.is_ascii_digit() && (is_wide_script(after) || matches!(after, '.' | '%')) {
        return false;
    }
    true
}

/// A place where the current row could end.
#[derive(Clone, Copy)]
struct Opportunity {
    /// End of the row's text (spaces before the break excluded).
    row_end: usize,
    /// Where the next row would start.
    next_start: usize,
    /// Width of the current row up to `next_start`.
    width_at_next: usize,
}

/// Splits `text` (one paragraph, no newlines) into rows of at most `width` display
/// columns, as byte ranges into `text`. Spaces where a row breaks are dropped; a
/// character wider than `width` stands alone on its row.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut rows = Vec::new();
    let mut start = skip_spaces(text, 0);
    let mut row_width = 0;
    let mut opportunity: Option<Opportunity> = None;
    let mut previous: Option<(usize, char)> = None;
    let mut spaced = false;
    let mut text_end = start;
    for (i, c) in text.char_indices() {
        if i < start {
            continue;
        }
        if c == ' ' {
            spaced = true;
            row_width += 1;
            continue;
        }
        if let Some((_, before)) = previous
            && i > start
            && may_break(before, c, spaced)
        {
            opportunity = Some(Opportunity {
                row_end: text_end,
                next_start: i,
                width_at_next: row_width,
            });
        }
        let w = char_width(c);
        if row_width + w > width && text_end > start {
            let (row, next) = match opportunity.filter(|o| o.row_end > start) {
                Some(o) => {
                    row_width -= o.width_at_next;
                    ((start..o.row_end), o.next_start)
                }
                None => {
                    let cut = forced_cut(text, start, text_end, c);
                    row_width = display_width(&text[cut..i]) + if spaced { 1 } else { 0 };
                    ((start..cut), cut)
                }
            };
            rows.push(trim_end(text, row));
            start = skip_spaces(text, next);
            if start > next {
                row_width = row_width.saturating_sub(start - next);
            }
            opportunity = None;
        }
        row_width += w;
        text_end = i + c.len_utf8();
        previous = Some((i, c));
        spaced = false;
    }
    if start < text.len() {
        let row = trim_end(text, start..text.len());
        if !row.is_empty() {
            rows.push(row);
        }
    }
    rows
}

/// Where to cut a row that has no break opportunity: just before `next`, or one
/// character earlier if `next` may not start a row (or the row would end with an
/// opening mark), as long as the row keeps at least one character.
fn forced_cut(text: &str, start: usize, end: usize, next: char) -> usize {
    let row = &text[start..end];
    let carry = is_closing(next) || row.chars().next_back().is_some_and(is_opening);
    match row.char_indices().next_back() {
        Some((last, _)) if carry && last > 0 => start + last,
        _ => end,
    }
}

fn skip_spaces(text: &str, from: usize) -> usize {
    from + text[from..].len() - text[from..].trim_start_matches(' ').len()
}

fn trim_end(text: &str, row: Range<usize>) -> Range<usize> {
    let trimmed = text[row.clone()].trim_end_matches(' ');
    row.start..row.start + trimmed.len()
}

/// `text` cut to at most `width` columns, ending in `…` when cut.
pub fn truncate(text: &str, width: usize) -> String {
    cut(text, width, '…').0
}

/// `text` cut to at most `width` columns, the last column given to `marker` (one
/// column wide) when anything was cut; and whether it was.
pub fn cut(text: &str, width: usize, marker: char) -> (String, bool) {
    if display_width(text) <= width {
        return (text.to_string(), false);
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = char_width(c);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push(marker);
    }
    (out, true)
}

/// Test and debugging aid: the rows joined with '\n'.
pub fn render_rows(text: &str, width: usize) -> String {
    let rows: Vec<&str> = wrap(text, width).into_iter().map(|r| &text[r]).collect();
    rows.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_fills_each_row_and_never_splits_a_wide_character() {
        assert_eq!(
            render_rows("一二三四五六七八九十", 10),
            "一二三四五\n六七八九十"
        );
        assert_eq!(
            render_rows("一二三四五六七八九十", 11),
            "一二三四五\n六七八九十"
        );
        assert_eq!(render_rows("一二三", 1), "一\n二\n三");
    }

    #[test]
    fn latin_breaks_at_spaces_and_keeps_words_whole() {
        assert_eq!(
            render_rows("the quick brown fox", 10),
            "the quick\nbrown fox"
        );
        assert_eq!(
            render_rows("internationalisation", 8),
            "internat\nionalisa\ntion"
        );
    }

    #[test]
    fn numbers_stay_with_their_units() {
        assert_eq!(
            render_rows("到 2025 年，研发经费投入强度达到 5%以上", 12),
            "到 2025 年，\n研发经费投入\n强度达到 5%\n以上"
        );
        assert_eq!(render_rows("增长5.2%左右", 6), "增长\n5.2%左\n右");
    }

    #[test]
    fn closing_marks_never_start_a_row() {
        assert_eq!(render_rows("一二三四，五六", 8), "一二三\n四，五六");
        assert_eq!(render_rows("一二三四。”五六", 8), "一二三\n四。”五\n六");
        assert_eq!(render_rows("一二三（四五）", 8), "一二三\n（四五）");
        assert_eq!(render_rows("一二三《四》", 6), "一二三\n《四》");
        assert_eq!(render_rows("一二三四五，六", 10), "一二三四\n五，六");
    }

    #[test]
    fn opening_marks_never_end_a_row() {
        assert_eq!(render_rows("一二三“四五六”", 8), "一二三\n“四五六”");
        assert_eq!(render_rows("甲乙（丙）丁", 6), "甲乙\n（丙）\n丁");
    }

    #[test]
    fn dashes_and_ellipses_stay_whole() {
        assert_eq!(render_rows("一二三——四五", 7), "一二三\n——四五");
        assert_eq!(render_rows("一二三……四五", 7), "一二三\n……四五");
    }

    #[test]
    fn truncation_marks_the_cut() {
        assert_eq!(truncate("第十五章 打造数字经济新优势", 12), "第十五章 打…");
        assert_eq!(truncate("短", 12), "短");
        assert_eq!(truncate("一二", 1), "…");
        assert_eq!(truncate("一二", 0), "");
    }

    #[test]
    fn edge_cases() {
        assert_eq!(render_rows("", 10), "");
        assert!(wrap("", 10).is_empty());
        // Too narrow for any legal break: rows still fit.
        assert_eq!(render_rows("“中”", 2), "“\n中\n”");
        assert_eq!(render_rows("  leading", 20), "leading");
    }

    /// Pseudo-paragraphs of five corpus lines each.
    fn corpus_paragraphs() -> Vec<String> {
        let text = include_str!("../../assets/plans-2021.txt");
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        lines.chunks(5).take(600).map(|c| c.concat()).collect()
    }

    #[test]
    fn rows_fit_rejoin_and_respect_the_rules_across_the_corpus() {
        for width in [20, 41, 80, 137] {
            for paragraph in corpus_paragraphs() {
                let rows: Vec<&str> = wrap(&paragraph, width)
                    .into_iter()
                    .map(|r| &paragraph[r])
                    .collect();
                for row in &rows {
                    assert!(display_width(row) <= width, "{width}: {row:?}");
                }
                let squeeze = |s: &str| s.replace(' ', "");
                assert_eq!(squeeze(&rows.concat()), squeeze(&paragraph));
                for pair in rows.windows(2) {
                    let first = pair[1].chars().next().expect("no empty rows");
                    let last = pair[0].chars().next_back().expect("no empty rows");
                    let forced = pair[0].chars().count() == 1;
                    assert!(
                        forced || !is_closing(first),
                        "{width}: row starts with {first}: {pair:?}"
                    );
                    assert!(
                        forced || !is_opening(last),
                        "{width}: row ends with {last}: {pair:?}"
                    );
                }
            }
        }
    }
}
