//! One paragraph to rows no wider than a number of terminal columns, with the
//! line-breaking rules a reader of Chinese expects (W3C clreq, basic level).
//!
//! This module owns display width, break opportunities and the 禁则 (characters
//! that may not start or end a row); it must not touch the terminal, ratatui or the
//! document model. Opportunities come from UAX #14 (`unicode-linebreak`), tailored
//! for Chinese: quotes between Chinese characters allow a break on their outer side
//! (rule `LB19a`, newer than the crate), `—` and middle dots (`·` `•`) never start a
//! row, a number stays with the unit that follows it (`2035 年`), and no row starts
//! with a closing mark (`，。、）」》”…` …) or ends with an opening one (`（《“` …).
//! Where a row would, the characters before it are carried to the next row. When no
//! legal break fits (a word wider than the row, a very narrow pane), the row is cut
//! anywhere that keeps it within the width, but never inside a grapheme cluster (a
//! letter with its marks, an emoji sequence, a flag: see `clusters`). Widths are terminal columns from
//! unicode-width with ambiguous characters narrow, as ratatui counts them (a terminal
//! that draws `“ ” — …` wide will misalign). Used by `gangmu text --width` and the
//! reader.

use std::ops::Range;

use unicode_linebreak::linebreaks;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use clusters::{CharClusters, Cluster, GraphemeClusters, takes_no_column};
pub(crate) use clusters::{char_width, is_a_cluster_alone};

/// Display width in terminal columns (unicode-width, ambiguous characters narrow).
pub fn display_width(s: &str) -> usize {
    s.width()
}

/// Splits `text` (one paragraph, no line breaks: no LF, CR or other character that
/// forces one) into rows of at most `width` display
/// columns. Returns byte ranges into `text`, in order; together they cover the text
/// exactly, except that spaces at a row boundary are dropped (no row starts with a
/// space that came from a break, none ends with spaces). A cluster wider than
/// `width` stands alone on its row. Never empty for non-empty text (text of spaces
/// only gives one empty row); empty for empty text.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    if text.is_empty() {
        return Vec::new();
    }
    let width = width.max(1);
    // Read character by character until a character that may join others (rare
    // outside emoji and non-Chinese scripts); then segment from the start.
    let mut characters = CharClusters::new(text);
    let rows = lay_out(&mut characters, text, width);
    if characters.gave_up {
        lay_out(GraphemeClusters::new(text), text, width)
    } else {
        rows
    }
}

/// The rows of `text` made of `clusters`.
fn lay_out(clusters: impl Iterator<Item = Cluster>, text: &str, width: usize) -> Vec<Range<usize>> {
    let mut wrapper = Wrapper::new(text, width);
    let mut breaks = linebreaks(text).map(|(at, _)| at).peekable();
    for cluster in clusters {
        while breaks.next_if(|&at| at < cluster.start).is_some() {}
        let uax = breaks.peek() == Some(&cluster.start);
        wrapper.add(&cluster, uax);
    }
    wrapper.finish()
}

/// Test and debugging aid: the rows joined with '\n'.
pub fn render_rows(text: &str, width: usize) -> String {
    let rows: Vec<&str> = wrap(text, width).into_iter().map(|r| &text[r]).collect();
    rows.join("\n")
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
    for grapheme in text.graphemes(true) {
        let w = display_width(grapheme);
        if used + w + 1 > width {
            break;
        }
        out.push_str(grapheme);
        used += w;
    }
    if width > 0 {
        out.push(marker);
    }
    (out, true)
}

/// Marks that never start a row: closing punctuation, full-width and ASCII, and
/// what must stay with the character before it (`…`, `—`, `%`).
const CLOSING: &[char] = &[
    '，', '。', '、', '：', '；', '！', '？', '）', '］', '｝', '】', '」', '』', '》', '〉', '〕',
    '〗', '〙', '〛', '｠', '〞', '〟', '”', '’', '．', '｡', '､', '｣', '…', '‥', '⋯', '—', '―',
    '％', '%', '‰', '‱', '℃', '℉', '°', '′', '″', ',', '.', ':', ';', '!', '?', ')', ']', '}',
];

/// Marks that never end a row.
const OPENING: &[char] = &[
    '（', '［', '｛', '【', '「', '『', '《', '〈', '〔', '〖', '〘', '〚', '｟', '〝', '｢', '“',
    '‘', '(', '[', '{',
];

fn is_closing(c: char) -> bool {
    may_be_mark(c) && CLOSING.contains(&c)
}

fn is_opening(c: char) -> bool {
    may_be_mark(c) && OPENING.contains(&c)
}

/// False for the common characters that are certainly no mark: ASCII letters and
/// digits, Chinese characters. A cheap test before looking through the lists.
fn may_be_mark(c: char) -> bool {
    !(c.is_ascii_alphanumeric() || ('\u{3400}'..='\u{9FFF}').contains(&c))
}

/// Middle dots (间隔号) join what stands on both sides (`马克思·恩格斯`): no row
/// starts with one, unless a space stands before it (then it is a bullet).
fn is_middle_dot(c: char) -> bool {
    matches!(c, '·' | '•' | '‧' | '・' | '･')
}

/// Characters drawn two columns wide: Chinese characters and full-width marks.
fn is_east_asian(c: char) -> bool {
    char_width(c) == Some(2)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// A Chinese character that may be the unit of a number before it (年, 亿, 吨).
fn is_unit(c: char) -> bool {
    is_east_asian(c) && c.is_alphabetic()
}

/// A place the current row may end: the next row starts at byte `at`, column
/// `column` (counted from the start of the paragraph).
#[derive(Clone, Copy)]
struct Mark {
    at: usize,
    column: usize,
}

/// A cluster already laid out, remembered for a forced cut.
#[derive(Clone, Copy)]
struct Seen {
    mark: Mark,
    base: char,
}

/// How many clusters a forced cut may carry to the next row to avoid a closing
/// mark at its start or an opening one at the end of the row before.
const LOOK_BACK: usize = 3;

/// Greedy line filling: each row ends at the last opportunity that fits.
struct Wrapper<'a> {
    text: &'a str,
    width: usize,
    rows: Vec<Range<usize>>,
    row: Mark,
    /// Column after the clusters seen so far.
    column: usize,
    /// The last opportunity in the current row.
    opportunity: Option<Mark>,
    /// The last clusters seen, oldest first.
    recent: [Option<Seen>; LOOK_BACK],
    /// The last character other than a space.
    visible: Option<char>,
}

impl<'a> Wrapper<'a> {
    fn new(text: &'a str, width: usize) -> Self {
        Self {
            text,
            width,
            rows: Vec::new(),
            row: Mark { at: 0, column: 0 },
            column: 0,
            opportunity: None,
            recent: [None; LOOK_BACK],
            visible: None,
        }
    }

    /// Lays out one cluster; `uax` says whether UAX #14 allows a break before it.
    /// Called for every character of the document: inlined, it costs 2% less.
    #[allow(clippy::inline_always)] // measured (instructions, callgrind)
    #[inline(always)]
    fn add(&mut self, cluster: &Cluster, uax: bool) {
        let here = Mark {
            at: cluster.start,
            column: self.column,
        };
        if self.may_break(cluster, uax) {
            self.opportunity = Some(here);
        }
        // Spaces hang past the edge; they are dropped where the row ends.
        if cluster.base != ' ' {
            while self.column + cluster.width - self.row.column > self.width
                && cluster.start > self.row.at
            {
                self.break_before(cluster, here);
            }
            self.visible = Some(cluster.base);
        }
        self.column += cluster.width;
        for i in 1..LOOK_BACK {
            self.recent[i - 1] = self.recent[i];
        }
        self.recent[LOOK_BACK - 1] = Some(Seen {
            mark: here,
            base: cluster.base,
        });
    }

    /// Whether a row may end before `cluster`: UAX #14 tailored for Chinese.
    fn may_break(&self, cluster: &Cluster, uax: bool) -> bool {
        let base = |k: usize| self.recent[k].map(|seen| seen.base);
        let (before2, before) = (base(LOOK_BACK - 2), base(LOOK_BACK - 1));
        let Some(before) = before else {
            return false;
        };
        let Some(visible) = self.visible else {
            // Only spaces so far.
            return uax;
        };
        let spaced = before == ' ';
        let at = cluster.base;
        if is_closing(at) || (is_middle_dot(at) && !spaced) || is_opening(visible) {
            return false;
        }
        if is_digit(visible) && is_unit(at) {
            return false;
        }
        uax || (!spaced && quote_break(before2, before, at, cluster.after))
    }

    /// Ends the current row before `cluster` (at `here`) or earlier.
    fn break_before(&mut self, cluster: &Cluster, here: Mark) {
        let end = match self.opportunity.take() {
            Some(mark) if mark.at > self.row.at => mark,
            _ => self.forced_cut(cluster.base, here),
        };
        self.push_row(end.at);
        self.row = end;
    }

    /// Ends the current row before byte `end`, unless it holds nothing but spaces.
    fn push_row(&mut self, end: usize) {
        let row = trim_end(self.text, self.row.at..end);
        if !row.is_empty() {
            self.rows.push(row);
        }
    }

    /// Where to end a row that has no legal break: just before `base` (at `here`),
    /// or a few clusters earlier if that keeps a closing mark from starting the next
    /// row and an opening one from ending this one; failing that, anywhere that does
    /// not split `——` or `……`. The row keeps at least one cluster.
    fn forced_cut(&self, base: char, here: Mark) -> Mark {
        self.latest_cut(base, here, |before, next| {
            !is_closing(next) && !is_opening(before)
        })
        .or_else(|| self.latest_cut(base, here, |before, next| !splits_pair(before, next)))
        .unwrap_or(here)
    }

    /// The latest place among the last few clusters, after the row's start, where
    /// `allowed(before, next)` holds and the next row would not start with a space.
    fn latest_cut(
        &self,
        base: char,
        here: Mark,
        allowed: impl Fn(char, char) -> bool,
    ) -> Option<Mark> {
        let (mut mark, mut next) = (here, base);
        for seen in self.recent.iter().rev() {
            let seen = (*seen)?;
            if mark.at <= self.row.at {
                return None;
            }
            if next != ' ' && allowed(seen.base, next) {
                return Some(mark);
            }
            (mark, next) = (seen.mark, seen.base);
        }
        None
    }

    fn finish(mut self) -> Vec<Range<usize>> {
        self.push_row(self.text.len());
        if self.rows.is_empty() {
            // Nothing but spaces.
            self.rows.push(0..0);
        }
        self.rows
    }
}

/// Breaks beside quotation marks between Chinese characters (UAX #14 rule `LB19a`,
/// which unicode-linebreak 0.1 predates): before `“` in `法。“十`, after `”` in
/// `五”时`. The sides facing the quoted text stay glued.
fn quote_break(before2: Option<char>, before: char, at: char, after: Option<char>) -> bool {
    let opens_here =
        matches!(at, '“' | '‘') && is_east_asian(before) && after.is_some_and(is_east_asian);
    let closed_before =
        matches!(before, '”' | '’') && is_east_asian(at) && before2.is_some_and(is_east_asian);
    opens_here || closed_before
}

/// Whether a row ending in `before` and the next starting with `next` would split
/// a doubled dash or ellipsis.
fn splits_pair(before: char, next: char) -> bool {
    before == next && matches!(next, '—' | '―' | '…' | '⋯')
}

/// The wrapper's promise for `text` (one paragraph with no line breaks, CR
/// included, as `safe::visible` leaves text) at `width`: rows in order, covering the
/// text but for spaces at row boundaries, no row boundary inside a grapheme cluster,
/// none wider than the width unless it holds a single cluster, none starting or
/// ending with a bare space.
pub fn check_rows(text: &str, width: usize) -> Result<(), String> {
    check_ranges(text, width, &wrap(text, width))
}

/// The checks of [`check_rows`] on given rows.
fn check_ranges(text: &str, width: usize, ranges: &[Range<usize>]) -> Result<(), String> {
    if ranges.is_empty() != text.is_empty() {
        return Err(format!("rows {ranges:?} for {text:?}"));
    }
    check_cover(text, ranges).map_err(|broken| format!("{width}: {broken} in {text:?}"))?;
    let boundaries: Vec<usize> = text
        .grapheme_indices(true)
        .map(|(at, _)| at)
        .chain([text.len()])
        .collect();
    for range in ranges {
        let splits = |at: &usize| boundaries.binary_search(at).is_err();
        if [range.start, range.end].iter().any(splits) {
            return Err(format!("{width}: {range:?} splits a cluster in {text:?}"));
        }
        check_row(&text[range.clone()], width, range.start > 0)
            .map_err(|broken| format!("{width}: {broken} in {text:?}"))?;
    }
    Ok(())
}

/// `row` without the bare spaces at its end (a space after a prepended sign, such
/// as the Arabic number sign, belongs to its cluster and stays).
fn trim_end(text: &str, row: Range<usize>) -> Range<usize> {
    let mut end = row.start + text[row.clone()].trim_end_matches(' ').len();
    if end < row.end && !clusters::ends_a_cluster(text, end) {
        end += 1;
    }
    row.start..end
}

/// Rows in order, covering `text` but for spaces between them.
fn check_cover(text: &str, ranges: &[Range<usize>]) -> Result<(), String> {
    let mut end = 0;
    for range in ranges {
        if range.start < end || range.end < range.start || text.get(range.clone()).is_none() {
            return Err(format!("rows out of order {ranges:?}"));
        }
        let skipped = &text[end..range.start];
        if skipped.chars().any(|c| c != ' ') {
            return Err(format!("lost {skipped:?}"));
        }
        end = range.end;
    }
    if text[end..].chars().any(|c| c != ' ') {
        return Err("lost the end".to_string());
    }
    Ok(())
}

/// One row: within the width unless it holds a single cluster, no bare space at
/// its end nor, unless it `follows` another row, at its start.
fn check_row(row: &str, width: usize, follows: bool) -> Result<(), String> {
    let shown = row.graphemes(true).filter(|g| !takes_no_column(g));
    if display_width(row) > width && shown.count() > 1 {
        return Err(format!("{row:?} too wide"));
    }
    let starts_bare = row.graphemes(true).next() == Some(" ");
    let ends_bare = row.graphemes(true).next_back() == Some(" ");
    if ends_bare || (follows && starts_bare) {
        return Err(format!("{row:?} has a space at its edge"));
    }
    Ok(())
}

mod clusters;
#[cfg(test)]
mod tests;
