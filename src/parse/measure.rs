//! The local wrap width (measure) of hard-wrapped text.
//!
//! A PDF extraction breaks lines where the page's measure ran out, and the measure
//! differs between documents, between body text and 专栏 boxes, even between two
//! pages. So the measure is inferred per line from its neighbourhood: the widths of
//! nearby "steady" lines (a line as wide as both of its neighbours is in the middle of
//! a paragraph, so its width is the measure there). Text saved one paragraph per line
//! has no steady lines and so no measure: nothing in it is ever joined.

use crate::parse::scan::ends_sentence;
use crate::parse::source::Line;

/// How far (in content lines) to look for steady lines.
const REACH: usize = 40;
/// How many steady lines make a measure.
const SAMPLES: usize = 3;
/// Neighbours within this many columns count as equally wide.
const STEADY_SLACK: u16 = 4;
/// Narrower lines than this are never steady (table cells, short titles).
const MIN_STEADY: u16 = 16;
/// Widest plausible hard-wrap measure: longer lines are paragraphs saved whole.
const MAX_MEASURE: u16 = 120;
/// A line is measured against steady lines at most this much wider than itself:
/// enough for a first line's indent, not so much that a wider box next door counts.
const ABOVE: u16 = 10;

/// The measure at each line, or `None` where the text shows no hard wrapping.
/// Only lines marked as prose (not headings, contents entries or table rows) can
/// show the measure.
pub fn measures(lines: &[Line], prose: &[bool]) -> Vec<Option<u16>> {
    let steady = steady_widths(lines, prose, Steadiness::BothNeighbours);
    let paired = steady_widths(lines, prose, Steadiness::OneNeighbour);
    (0..lines.len())
        .map(|i| measure_at(i, lines, &steady, &paired))
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

/// Width of each prose line that is as wide as its neighbours.
fn steady_widths(lines: &[Line], prose: &[bool], steadiness: Steadiness) -> Vec<Option<u16>> {
    let close = |i: usize, j: Option<usize>| {
        j.and_then(|j| lines.get(j))
            .is_some_and(|n| n.width.abs_diff(lines[i].width) <= STEADY_SLACK && !n.indented())
    };
    (0..lines.len())
        .map(|i| {
            let w = lines[i].width;
            let (before, after) = (close(i, i.checked_sub(1)), close(i, Some(i + 1)));
            let neighbours = match steadiness {
                Steadiness::BothNeighbours => before && after,
                Steadiness::OneNeighbour => before || after,
            };
            let steady = (MIN_STEADY..=MAX_MEASURE).contains(&w)
                && neighbours
                && !lines[i].indented()
                && prose[i];
            steady.then_some(w)
        })
        .collect()
}

/// The median width of the nearest steady lines no narrower than the line itself
/// (less a little) and not much wider; failing that, the nearest steady line that
/// is not narrower. Where the text around is hard-wrapped (steady lines are in
/// reach) but all of them are narrower, the line belongs to a wider block, such as
/// a box of short items: its measure is that of lines paired with a neighbour of
/// their width, or the line's own width if it is the widest.
fn measure_at(
    i: usize,
    lines: &[Line],
    steady: &[Option<u16>],
    paired: &[Option<u16>],
) -> Option<u16> {
    let width = lines[i].width;
    if width > MAX_MEASURE {
        // No page is this wide: a paragraph saved on one line.
        return None;
    }
    let low = width.saturating_sub(2);
    let compatible = |w: u16| (low..=width + ABOVE).contains(&w);
    nearest(i, steady, compatible, SAMPLES)
        .or_else(|| nearest(i, steady, |w| w >= low, 1))
        .or_else(|| {
            // Hard-wrapped text around (several steady lines in reach), and this
            // line part of a block of similar lines or broken off mid-sentence.
            nearest(i, steady, |_| true, SAMPLES)?;
            let similar = |j: usize| {
                lines
                    .get(j)
                    .is_some_and(|n| (width.saturating_sub(12)..=width + 12).contains(&n.width))
            };
            let in_block = i.checked_sub(1).is_some_and(similar) || similar(i + 1);
            let broken_off = !ends_sentence(lines[i].text);
            (in_block || broken_off).then(|| nearest(i, paired, compatible, 2).unwrap_or(width))
        })
}

/// Median of the `SAMPLES` nearest steady widths that fit, if at least `enough`
/// of them are within reach.
fn nearest(
    i: usize,
    steady: &[Option<u16>],
    fits: impl Fn(u16) -> bool,
    enough: usize,
) -> Option<u16> {
    let enough = enough.min(SAMPLES);
    let mut found = [0u16; SAMPLES];
    let mut count = 0;
    for distance in 0..=REACH {
        let before = i.checked_sub(distance);
        let after = (distance > 0).then_some(i + distance);
        for j in [before, after].into_iter().flatten() {
            if let Some(Some(w)) = steady.get(j)
                && fits(*w)
            {
                found[count] = *w;
                count += 1;
                if count == SAMPLES {
                    found.sort_unstable();
                    return Some(found[SAMPLES / 2]);
                }
            }
        }
    }
    (count >= enough).then(|| {
        let found = &mut found[..count];
        found.sort_unstable();
        found[count / 2]
    })
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
