//! The local wrap width (measure) of hard-wrapped text.
//!
//! A PDF extraction breaks lines where the page's measure ran out, and the measure
//! differs between documents, between body text and 专栏 boxes, even between two
//! pages. So the measure is inferred per line from its neighbourhood: the widths of
//! nearby "steady" lines (a line as wide as both of its neighbours is in the middle of
//! a paragraph, so its width is the measure there). Text saved one paragraph per line
//! has no steady lines and so no measure: nothing in it is ever joined.
//!
//! Read off the same lines: whether the wrapped text's paragraphs are short
//! (a sentence or two), the odds the reflow weighs at a full stop that ends a
//! full line.

use crate::parse::scan::ends_sentence;
use crate::parse::source::Line;

/// How far (in content lines) to look for steady lines.
const REACH: usize = 40;
/// How many steady lines make a measure.
const SAMPLES: usize = 3;
/// Neighbours within this many columns count as equally wide.
const STEADY_SLACK: u16 = 4;
/// Narrower lines than this (ten ideographs) are never steady: table cells,
/// short titles, the names of the bodies issuing a text, listed one a line.
const MIN_STEADY: u16 = 20;
/// Widest plausible hard-wrap measure: longer lines are paragraphs saved whole.
const MAX_MEASURE: u16 = 120;
/// A line is measured against steady lines at most this much wider than itself:
/// enough for a first line's indent, not so much that a wider box next door counts.
const ABOVE: u16 = 10;

/// The measure at each line, or `None` where the text shows no hard wrapping.
/// Only lines marked as prose (not headings, contents entries or table rows) can
/// show the measure.
pub fn measures(lines: &[Line], prose: &[bool]) -> Vec<Option<u16>> {
    let edges: Vec<Option<u16>> = (0..lines.len()).map(|i| right_edge(lines, i)).collect();
    let steady = steady_widths(&edges, prose, Steadiness::BothNeighbours);
    let paired = steady_widths(&edges, prose, Steadiness::OneNeighbour);
    let (mut steady, mut paired) = (InReach::new(&steady), InReach::new(&paired));
    (0..lines.len())
        .map(|i| {
            steady.move_to(i);
            paired.move_to(i);
            measure_at(i, lines, &steady, &paired)
        })
        .collect()
}

/// How a line shows it reached the measure.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Steadiness {
    /// As wide as the lines on both sides: the middle of a paragraph.
    BothNeighbours,
    /// As wide as one neighbour: enough in a box of short items.
    OneNeighbour,
}

/// Width of each prose line that is as wide as its neighbours, the lines
/// known by their right `edges`.
fn steady_widths(
    edges: &[Option<u16>],
    prose: &[bool],
    steadiness: Steadiness,
) -> Vec<Option<u16>> {
    let close = |w: u16, j: Option<usize>| {
        j.and_then(|j| edges.get(j).copied().flatten())
            .is_some_and(|n| n.abs_diff(w) <= STEADY_SLACK)
    };
    (0..edges.len())
        .map(|i| {
            let w = edges[i]?;
            let (before, after) = (close(w, i.checked_sub(1)), close(w, Some(i + 1)));
            let neighbours = match steadiness {
                Steadiness::BothNeighbours => before && after,
                Steadiness::OneNeighbour => before || after,
            };
            let steady = (MIN_STEADY..=MAX_MEASURE).contains(&w) && neighbours && prose[i];
            steady.then_some(w)
        })
        .collect()
}

/// Most columns a paragraph's first line is indented by.
const PARAGRAPH_INDENT: u16 = 8;

/// Where line `i` ends, in columns from the margin: its width; for a
/// paragraph's first line, its indent as well, since a full first line ends
/// at the measure too. An indented line counts only as a first line, with an
/// unindented line below it: `None` for one indented further (a centred
/// title) or among indented lines (text saved one paragraph a line).
fn right_edge(lines: &[Line], i: usize) -> Option<u16> {
    let line = &lines[i];
    if !line.indented() {
        return Some(line.width);
    }
    is_indented_first_line(lines, i).then(|| line.width.saturating_add(line.indent()))
}

/// Line `i` is indented as a paragraph's first line, with an unindented line
/// (the paragraph going on) below it.
fn is_indented_first_line(lines: &[Line], i: usize) -> bool {
    let line = &lines[i];
    line.indented()
        && line.indent() <= PARAGRAPH_INDENT
        && lines.get(i + 1).is_some_and(|next| !next.indented())
}

/// Whether the paragraphs of hard-wrapped text that does not indent them hold
/// two sentences or fewer on the whole (a law's articles, not a plan's
/// paragraphs): the sentences ended against the lines that end well short of
/// the measure, which end a paragraph. Then a line that ends a sentence at the
/// full width ends its paragraph more often than not, as a sentence ends a
/// line's width as often wherever it stands.
pub fn paragraphs_are_short(lines: &[Line], measures: &[Option<u16>]) -> bool {
    // A long text is sampled: the odds need a thousand lines or two.
    let every = (lines.len() / ODDS_SAMPLE).max(1);
    let full_stop = memchr::memmem::Finder::new("。");
    let (mut sentences, mut paragraph_ends, mut indented_starts) = (0usize, 0usize, 0usize);
    for (i, (line, measure)) in lines.iter().zip(measures).enumerate().step_by(every) {
        let Some(measure) = measure else { continue };
        // Sentences counted by their full stops.
        sentences += full_stop.find_iter(line.text.as_bytes()).count();
        let short = line.width.saturating_add(PARAGRAPH_END_SHORTFALL) < *measure;
        paragraph_ends += usize::from(short && ends_sentence(line.text));
        indented_starts += usize::from(is_indented_first_line(lines, i));
    }
    let indents_mark_paragraphs = indented_starts * 4 >= paragraph_ends;
    paragraph_ends > 0 && sentences <= 2 * paragraph_ends && !indents_mark_paragraphs
}

/// About how many lines [`paragraphs_are_short`] looks at.
const ODDS_SAMPLE: usize = 2048;

/// Columns short of the measure that show a line ends its paragraph.
const PARAGRAPH_END_SHORTFALL: u16 = 8;

/// The median width of the nearest steady lines no narrower than the line itself
/// (less a little) and not much wider; failing that, the nearest steady line that
/// is not narrower. Where the text around is hard-wrapped (steady lines are in
/// reach) but all of them are narrower, the line belongs to a wider block, such as
/// a box of short items: its measure is that of lines paired with a neighbour of
/// their width, or the line's own width if it is the widest.
fn measure_at(i: usize, lines: &[Line], steady: &InReach, paired: &InReach) -> Option<u16> {
    let width = lines[i].width;
    if width > MAX_MEASURE {
        // No page is this wide: a paragraph saved on one line.
        return None;
    }
    let low = width.saturating_sub(2);
    let compatible = |w: u16| (low..=width + ABOVE).contains(&w);
    steady
        .nearest(i, compatible, SAMPLES)
        .or_else(|| steady.nearest(i, |w| w >= low, 1))
        .or_else(|| {
            // Hard-wrapped text around (several steady lines in reach), and this
            // line part of a block of similar lines or broken off mid-sentence.
            steady.nearest(i, |_| true, SAMPLES)?;
            let similar = |j: usize| {
                lines
                    .get(j)
                    .is_some_and(|n| (width.saturating_sub(12)..=width + 12).contains(&n.width))
            };
            let in_block = i.checked_sub(1).is_some_and(similar) || similar(i + 1);
            let broken_off = !ends_sentence(lines[i].text);
            (in_block || broken_off).then(|| paired.nearest(i, compatible, 2).unwrap_or(width))
        })
}

/// The steady lines within [`REACH`] of one line, kept up to date as that line
/// moves down the text: each steady line is taken in and let go once. (Looking
/// at every line within reach, for each line and each question asked of it,
/// was a sixth of building a law saved a paragraph to a line.)
struct InReach<'a> {
    widths: &'a [Option<u16>],
    /// The steady lines taken in, with their widths, in order; those in reach
    /// from `first` on.
    steady: Vec<(usize, u16)>,
    /// The first steady line in reach (`REACH` above the line at most).
    first: usize,
    /// The first steady line at or below the line.
    split: usize,
    /// The first line not yet taken in.
    ahead: usize,
}

/// How many steady lines out of reach are kept before they are let go.
const LET_GO: usize = 1024;

impl<'a> InReach<'a> {
    fn new(widths: &'a [Option<u16>]) -> Self {
        Self {
            widths,
            steady: Vec::with_capacity(LET_GO + 2 * REACH + 1),
            first: 0,
            split: 0,
            ahead: 0,
        }
    }

    /// Moves the reach to `line`; lines come in rising order.
    fn move_to(&mut self, line: usize) {
        let end = (line + REACH + 1).min(self.widths.len());
        for j in self.ahead..end {
            if let Some(width) = self.widths[j] {
                self.steady.push((j, width));
            }
        }
        self.ahead = self.ahead.max(end);
        self.first += self.steady[self.first..]
            .iter()
            .take_while(|&&(j, _)| j + REACH < line)
            .count();
        self.split += self.steady[self.split..]
            .iter()
            .take_while(|&&(j, _)| j < line)
            .count();
        if self.first > LET_GO {
            self.steady.drain(..self.first);
            self.split -= self.first;
            self.first = 0;
        }
    }

    /// Median of the `SAMPLES` nearest steady widths that fit, if at least
    /// `enough` of them are within reach of `line`.
    fn nearest(&self, line: usize, fits: impl Fn(u16) -> bool, enough: usize) -> Option<u16> {
        let enough = enough.min(SAMPLES);
        let mut found = [0u16; SAMPLES];
        let mut count = 0;
        for width in self.nearest_first(line).filter(|&w| fits(w)).take(SAMPLES) {
            found[count] = width;
            count += 1;
        }
        (count >= enough).then(|| {
            let found = &mut found[..count];
            found.sort_unstable();
            found[count / 2]
        })
    }

    /// The widths in reach of `line` (the reach moved there), nearest first;
    /// of two as near, the one above first.
    fn nearest_first(&self, line: usize) -> impl Iterator<Item = u16> + '_ {
        let (above, below) = self.steady[self.first..].split_at(self.split - self.first);
        let (mut above, mut below) = (above.iter().rev().peekable(), below.iter().peekable());
        std::iter::from_fn(move || {
            let take_below = match (above.peek(), below.peek()) {
                (Some(&&(up, _)), Some(&&(down, _))) => line - up > down - line,
                (None, Some(_)) => true,
                (_, None) => false,
            };
            let next = if take_below {
                below.next()
            } else {
                above.next()
            };
            next.map(|&(_, width)| width)
        })
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;
    use crate::parse::source::lines;

    fn widths_and_measures(text: &str) -> Vec<(u16, Option<u16>)> {
        let lines = lines(text).lines;
        let m = measures(&lines, &vec![true; lines.len()]);
        lines.iter().map(|l| l.width).zip(m).collect()
    }

    #[test]
    fn finds_the_measure_of_a_hard_wrapped_paragraph() {
        let text = "一二三四五六七八九十一二三四五六七八\n\
                    一二三四五六七八九十一二三四五六七八九十\n\
                    一二三四五六七八九十一二三四五六七八九十\n\
                    一二三四五六七八九十一二三四五六七八九十\n\
                    一二三四五\n";
        let got = widths_and_measures(text);
        assert!(got.iter().all(|&(_, m)| m == Some(40)), "{got:?}");
    }

    #[test]
    fn a_box_and_the_body_around_it_keep_their_own_measures() {
        let body = "甲".repeat(28);
        let boxed = "乙".repeat(36);
        let mut text = String::new();
        for _ in 0..6 {
            let _ = writeln!(text, "{body}");
        }
        for _ in 0..6 {
            let _ = writeln!(text, "{boxed}");
        }
        for _ in 0..6 {
            let _ = writeln!(text, "{body}");
        }
        let got = widths_and_measures(&text);
        for (w, m) in got {
            assert_eq!(m, Some(w), "a {w}-column line measured as {m:?}");
        }
    }

    #[test]
    fn short_paragraphs_with_indented_first_lines_show_the_measure() {
        // Two-line paragraphs, each first line indented two ideographs: no
        // unindented line has an unindented neighbour, but every line ends at 40.
        let first = format!("\u{3000}\u{3000}{}", "甲".repeat(18));
        let second = "乙".repeat(20);
        let text = format!("{first}\n{second}\n").repeat(4);
        let got = widths_and_measures(&text);
        assert!(got.iter().all(|&(_, m)| m == Some(40)), "{got:?}");
    }

    #[test]
    fn indented_lines_among_indented_lines_show_no_measure() {
        // Text saved one paragraph a line, each indented: lines of one length
        // are not a wrap width.
        let line = format!("\u{3000}\u{3000}{}", "甲".repeat(12));
        let text = format!("{line}\n").repeat(6);
        let got = widths_and_measures(&text);
        assert!(got.iter().all(|&(_, m)| m.is_none()), "{got:?}");
    }

    /// The nearest widths as a plain look at every distance would find them:
    /// at each distance from 0 to `REACH`, the line above, then the line below.
    fn nearest_by_every_distance(widths: &[Option<u16>], line: usize) -> Vec<u16> {
        let mut found = Vec::new();
        for distance in 0..=REACH {
            let above = line.checked_sub(distance);
            let below = (distance > 0).then_some(line + distance);
            for j in [above, below].into_iter().flatten() {
                if let Some(Some(width)) = widths.get(j) {
                    found.push(*width);
                }
            }
        }
        found
    }

    proptest::proptest! {
        #[test]
        fn the_reach_gives_the_nearest_widths_in_order(
            widths in proptest::collection::vec(proptest::option::weighted(0.3, 16u16..60), 0..300),
        ) {
            let mut reach = InReach::new(&widths);
            for line in 0..widths.len() {
                reach.move_to(line);
                let nearest: Vec<u16> = reach.nearest_first(line).collect();
                proptest::prop_assert_eq!(nearest, nearest_by_every_distance(&widths, line));
            }
        }
    }

    #[test]
    fn the_median_of_the_nearest_that_fit() {
        let widths = [Some(40), None, Some(30), None, Some(44), Some(42), Some(20)];
        let mut reach = InReach::new(&widths);
        reach.move_to(3);
        // Nearest first: 30 (above), 44 (below), 42, 40, 20; those of 40 or more: 44, 42, 40.
        assert_eq!(reach.nearest(3, |w| w >= 40, 3), Some(42));
        assert_eq!(reach.nearest(3, |w| w < 25, 1), Some(20));
        assert_eq!(reach.nearest(3, |w| w < 25, 2), None);
    }

    #[test]
    fn text_saved_one_paragraph_per_line_has_no_measure() {
        let text = format!(
            "{}\n{}\n{}\n{}\n",
            "字".repeat(150),
            "字".repeat(90),
            "字".repeat(200),
            "字".repeat(75)
        );
        assert!(widths_and_measures(&text).iter().all(|&(_, m)| m.is_none()));
    }
}
