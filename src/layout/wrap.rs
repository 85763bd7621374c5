//! One paragraph to rows no wider than a number of terminal columns, with the
//! line-breaking rules a reader of Chinese expects (W3C clreq, basic level).
//!
//! This module owns display width, break opportunities and the 禁则 (characters
//! that may not start or end a row); it must not touch the terminal, ratatui or the
//! document model. Opportunities come from UAX #14 (`unicode-linebreak`), tailored
//! for Chinese: quotes between Chinese characters allow a break on their outer side
//! (rule LB19a, newer than the crate), `—` and middle dots (`·` `•`) never start a
//! row, a number stays with the unit that follows it (`2035 年`), and no row starts
//! with a closing mark (`，。、）」》”…` …) or ends with an opening one (`（《“` …).
//! Where a row would, the characters before it are carried to the next row. When no
//! legal break fits (a word wider than the row, a very narrow pane), the row is cut
//! anywhere that keeps it within the width. Widths are terminal columns from
//! unicode-width with ambiguous characters narrow, as ratatui counts them (a terminal
//! that draws `“ ” — …` wide will misalign). Used by `gangmu text --width` and the
//! reader.

use std::iter::Peekable;
use std::ops::Range;
use std::str::CharIndices;

use unicode_linebreak::linebreaks;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width in terminal columns (unicode-width, ambiguous characters narrow).
pub fn display_width(s: &str) -> usize {
    s.width()
}

/// Splits `text` (one paragraph, no line breaks: no LF, CR or other character that
/// forces one) into rows of at most `width` display
/// columns. Returns byte ranges into `text`, in order; together they cover the text
/// exactly, except that spaces at a row boundary are dropped (no row starts with a
/// space that came from a break, none ends with spaces). A character wider than
/// `width` stands alone on its row. Never empty for non-empty text (text of spaces
/// only gives one empty row); empty for empty text.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    if text.is_empty() {
        return Vec::new();
    }
    let mut wrapper = Wrapper::new(text, width.max(1));
    let mut breaks = linebreaks(text).map(|(at, _)| at).peekable();
    for cluster in Clusters::new(text) {
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
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
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

/// Marks that never start a row: closing punctuation, full-width and ASCII, and
/// what must stay with the character before it (`…`, `—`, `%`).
const CLOSING: &str = "，。、：；！？）］｝】」』》〉〕〗〙〛｠〞〟”’．｡､｣…‥⋯—―％%‰‱℃℉°′″,.:;!?)]}";

/// Marks that never end a row.
const OPENING: &str = "（［｛【「『《〈〔〖〘〚｟〝｢“‘([{";

fn is_closing(c: char) -> bool {
    may_be_mark(c) && CLOSING.contains(c)
}

fn is_opening(c: char) -> bool {
    may_be_mark(c) && OPENING.contains(c)
}

/// False for the common characters that are certainly no mark: ASCII letters and
/// digits, Chinese characters. A cheap test before searching the lists.
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
    c.width() == Some(2)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// A Chinese character that may be the unit of a number before it (年, 亿, 吨).
fn is_unit(c: char) -> bool {
    is_east_asian(c) && c.is_alphabetic()
}

/// Characters that attach to the character before them and take no column.
pub(crate) fn is_attached(c: char) -> bool {
    c.width() == Some(0)
}

/// A character with the zero-width characters that follow it: never split.
struct Cluster {
    start: usize,
    base: char,
    /// Columns, measured as `display_width` measures the cluster.
    width: usize,
    /// The base of the next cluster.
    after: Option<char>,
}

/// The clusters of a text, in order.
struct Clusters<'a> {
    text: &'a str,
    chars: Peekable<CharIndices<'a>>,
}

impl<'a> Clusters<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            chars: text.char_indices().peekable(),
        }
    }
}

impl Iterator for Clusters<'_> {
    type Item = Cluster;

    fn next(&mut self) -> Option<Cluster> {
        let (start, base) = self.chars.next()?;
        let mut end = start + base.len_utf8();
        // A space stays bare: it may be dropped at a row's edge.
        while let Some((at, c)) = self.chars.next_if(|&(_, c)| base != ' ' && is_attached(c)) {
            end = at + c.len_utf8();
        }
        let single = end == start + base.len_utf8();
        let width = match base.width() {
            Some(width) if single => width,
            // As `display_width` counts it (a control character is one column).
            _ => self.text[start..end].width(),
        };
        Some(Cluster {
            start,
            base,
            width,
            after: self.chars.peek().map(|&(_, c)| c),
        })
    }
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
        let row = trim_end(self.text, self.row.at..end.at);
        if !row.is_empty() {
            self.rows.push(row);
        }
        self.row = end;
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
        let row = trim_end(self.text, self.row.at..self.text.len());
        if !row.is_empty() {
            self.rows.push(row);
        }
        if self.rows.is_empty() {
            // Nothing but spaces.
            self.rows.push(0..0);
        }
        self.rows
    }
}

/// Breaks beside quotation marks between Chinese characters (UAX #14 rule LB19a,
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

fn trim_end(text: &str, row: Range<usize>) -> Range<usize> {
    let trimmed = text[row.clone()].trim_end_matches(' ');
    row.start..row.start + trimmed.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Closing marks no row may start with, written out apart from the code.
    const MUST_NOT_START: &[char] = &[
        '，', '。', '、', '：', '；', '！', '？', '）', '】', '」', '』', '》', '〉', '”', '’',
        '…', '—', '%', '％', ')', ',', '.', ':', ';', '!', '?', '·',
    ];
    /// Opening marks no row may end with.
    const MUST_NOT_END: &[char] = &['（', '【', '「', '『', '《', '〈', '“', '‘', '(', '['];

    #[test]
    fn cjk_fills_each_row_and_never_splits_a_wide_character() {
        let text = "全面深化改革取得重大突破";
        assert_eq!(render_rows(text, 10), "全面深化改\n革取得重大\n突破");
        assert_eq!(render_rows(text, 11), "全面深化改\n革取得重大\n突破");
        assert_eq!(render_rows(text, 24), text);
    }

    #[test]
    fn latin_breaks_at_spaces_and_keeps_words_whole() {
        assert_eq!(
            render_rows("the quick brown fox jumps", 10),
            "the quick\nbrown fox\njumps"
        );
        assert_eq!(render_rows("the   quick", 5), "the\nquick");
    }

    #[test]
    fn a_word_wider_than_the_row_is_cut_by_characters() {
        assert_eq!(
            render_rows("internationalisation", 8),
            "internat\nionalisa\ntion"
        );
        assert_eq!(
            render_rows("see internationalisation", 8),
            "see\ninternat\nionalisa\ntion"
        );
        // A cut that would start a row with a comma carries a letter instead.
        assert_eq!(render_rows("abcdefgh, ij", 8), "abcdefg\nh, ij");
    }

    #[test]
    fn mixed_latin_and_cjk_keeps_numbers_with_their_units() {
        let text = "到 2025 年，研发经费投入强度达到 5%以上";
        assert_eq!(
            render_rows(text, 12),
            "到 2025 年，\n研发经费投入\n强度达到 5%\n以上"
        );
        assert_eq!(
            render_rows(text, 10),
            "到\n2025 年，\n研发经费投\n入强度达到\n5%以上"
        );
        assert_eq!(render_rows("GDP增长AI大模型", 7), "GDP增长\nAI大模\n型");
    }

    #[test]
    fn numbers_and_percentages_stay_whole() {
        assert_eq!(render_rows("增长5.2%左右", 6), "增长\n5.2%左\n右");
        assert_eq!(render_rows("总额38.6亿元", 6), "总额\n38.6亿\n元");
        assert_eq!(render_rows("从2021年到2035年", 9), "从2021年\n到2035年");
    }

    #[test]
    fn pause_and_stop_marks_never_start_a_row() {
        assert_eq!(render_rows("一二三四，五六", 8), "一二三\n四，五六");
        assert_eq!(render_rows("一二三四。五六", 8), "一二三\n四。五六");
        assert_eq!(render_rows("一二三四、五六", 8), "一二三\n四、五六");
        assert_eq!(render_rows("一二三四：五六", 8), "一二三\n四：五六");
        assert_eq!(render_rows("一二三四！”五", 8), "一二三\n四！”五");
    }

    #[test]
    fn closing_brackets_and_quotes_never_start_a_row() {
        assert_eq!(render_rows("甲（乙丙丁）戊", 10), "甲（乙丙\n丁）戊");
        assert_eq!(render_rows("他说「好的」然后", 10), "他说「好\n的」然后");
        assert_eq!(render_rows("学习《纲要》全文", 10), "学习《纲\n要》全文");
        assert_eq!(render_rows("提出“十四五”规划", 11), "提出“十四\n五”规划");
    }

    #[test]
    fn opening_marks_never_end_a_row() {
        assert_eq!(render_rows("一二三（四五）", 8), "一二三\n（四五）");
        assert_eq!(render_rows("一二三《四》", 8), "一二三\n《四》");
        assert_eq!(render_rows("一二三“四五六”", 8), "一二三\n“四五六”");
        assert_eq!(render_rows("甲乙（丙）丁", 6), "甲乙\n（丙）\n丁");
    }

    #[test]
    fn quotes_between_chinese_characters_break_on_their_outer_side() {
        // unicode-linebreak alone glues `法。“十` and `五”时`; LB19a breaks there.
        assert_eq!(
            render_rows("依法。“十四五”时期", 8),
            "依法。\n“十四五”\n时期"
        );
        assert_eq!(render_rows("提出“十四五”规划", 12), "提出“十四五”\n规划");
        // Latin inside the quotes: no break before the opening quote.
        assert_eq!(render_rows("他说“Hello”然后", 9), "他\n说“Hello”\n然后");
    }

    #[test]
    fn dashes_ellipses_and_middle_dots_stay_with_what_precedes_them() {
        assert_eq!(render_rows("一二三——四五", 7), "一二\n三——四\n五");
        assert_eq!(render_rows("一二三——四五", 8), "一二三——\n四五");
        assert_eq!(render_rows("一二三……四五", 7), "一二\n三……四\n五");
        assert_eq!(render_rows("一二三……四五", 8), "一二三……\n四五");
        assert_eq!(render_rows("马克思·恩格斯", 6), "马克\n思·恩\n格斯");
        assert_eq!(render_rows("马克思•恩格斯", 6), "马克\n思•恩\n格斯");
    }

    #[test]
    fn width_one_and_two() {
        assert_eq!(render_rows("一二三", 1), "一\n二\n三");
        assert_eq!(render_rows("ab", 1), "a\nb");
        assert_eq!(render_rows("一，", 1), "一\n，");
        assert_eq!(render_rows("一二", 0), "一\n二");
        // Too narrow for any legal break: rows still fit.
        assert_eq!(render_rows("“中”", 2), "“\n中\n”");
        assert_eq!(render_rows("中文。", 2), "中\n文\n。");
        assert_eq!(render_rows("（一）", 2), "（\n一\n）");
        assert_eq!(render_rows("a“b”c", 2), "a\n“b\n”c");
        // When something must give, a doubled dash stays whole.
        assert_eq!(render_rows("规——", 3), "规\n——");
        assert_eq!(render_rows("一……", 2), "一\n……");
    }

    #[test]
    fn empty_text_and_spaces() {
        assert!(wrap("", 10).is_empty());
        assert_eq!(render_rows("", 10), "");
        assert_eq!(wrap("   ", 10), vec![0..0]);
        assert_eq!(render_rows("  leading", 20), "  leading");
        assert_eq!(render_rows("      ab", 3), "ab");
        assert_eq!(render_rows("trailing   ", 20), "trailing");
        assert_eq!(wrap("ab cd", 3), vec![0..2, 3..5]);
    }

    #[test]
    fn zero_width_characters_stay_with_their_base() {
        let e = "e\u{301}";
        assert_eq!(render_rows(&e.repeat(3), 2), format!("{e}{e}\n{e}"));
        assert_eq!(
            render_rows("一\u{200B}二\u{200D}三", 2),
            "一\u{200B}\n二\u{200D}\n三"
        );
        // Emoji with a presentation selector is two columns.
        assert_eq!(render_rows("a☺\u{FE0F}b", 2), "a\n☺\u{FE0F}\nb");
    }

    #[test]
    fn control_characters_do_not_crash() {
        let text = "a\tb\u{0}c\r\nd\u{7f}中\u{1b}[";
        for width in 1..8 {
            check_fit_and_cover(text, width);
        }
    }

    #[test]
    fn truncation_marks_the_cut() {
        assert_eq!(truncate("第十五章 打造数字经济新优势", 12), "第十五章 打…");
        assert_eq!(truncate("短", 12), "短");
        assert_eq!(truncate("一二", 1), "…");
        assert_eq!(truncate("一二", 0), "");
    }

    /// The rows of `text`, checked against [`crate::invariants::wrapped_rows`].
    fn check_fit_and_cover(text: &str, width: usize) -> Vec<&str> {
        if let Err(broken) = crate::invariants::wrapped_rows(text, width) {
            panic!("{broken}");
        }
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    /// As `check_fit_and_cover`, and no row starts with a closing mark or ends
    /// with an opening one unless the row before holds a single character.
    fn check_invariants(text: &str, width: usize) {
        let rows = check_fit_and_cover(text, width);
        for pair in rows.windows(2) {
            let forced = pair[0].chars().filter(|&c| !is_attached(c)).count() <= 1;
            let first = pair[1].chars().next().unwrap_or(' ');
            let last = pair[0].chars().next_back().unwrap_or(' ');
            assert!(
                forced || !MUST_NOT_START.contains(&first),
                "{width}: row starts with {first}: {pair:?}"
            );
            assert!(
                forced || !MUST_NOT_END.contains(&last),
                "{width}: row ends with {last}: {pair:?}"
            );
        }
    }

    /// Pseudo-paragraphs of five non-empty corpus lines each.
    fn corpus_paragraphs() -> Vec<String> {
        let text = include_str!("../../assets/plans-2021.txt");
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        lines.chunks(5).map(|c| c.concat()).collect()
    }

    #[test]
    fn rows_fit_rejoin_and_respect_the_rules_across_the_corpus() {
        let paragraphs = corpus_paragraphs();
        assert!(paragraphs.len() > 100);
        for width in [20, 41, 80, 137] {
            for paragraph in &paragraphs {
                check_invariants(paragraph, width);
            }
        }
    }

    #[test]
    fn rows_fit_and_rejoin_on_random_mixtures() {
        const PIECES: &[&str] = &[
            "中",
            "国",
            "，",
            "。",
            "、",
            "（",
            "）",
            "《",
            "》",
            "“",
            "”",
            "‘",
            "’",
            "——",
            "……",
            "…",
            "—",
            "·",
            "•",
            " ",
            "  ",
            "a",
            "word",
            "2025",
            "5.2%",
            "％",
            "年",
            "e\u{301}",
            "\u{200B}",
            "\u{3000}",
            "☺\u{FE0F}",
            "👍🏽",
            "(",
            ")",
            ",",
            ".",
            "\t",
            "ｶ",
            "한",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..2000 {
            let len = (next() % 30) as usize;
            let text: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            for width in 1..14 {
                check_fit_and_cover(&text, width);
            }
        }
    }
}
