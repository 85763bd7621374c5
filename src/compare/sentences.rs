//! The sentences of two matched sections aligned: a diff of their keys (white
//! space left out) finds the unchanged ones; a run of sentences that differ
//! only in where they were cut (the same text) is no change; in the other runs,
//! old and new sentences alike enough ([`PAIRED`]) are paired in order as
//! changed, and the rest are removed or added.

use std::collections::HashMap;
use std::ops::Range;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

use super::align::{in_order, weight};
use super::text::{Sentence, Sketch};

/// Lowest similarity for an old and a new sentence to count as one changed.
const PAIRED: f64 = 0.45;
/// Most old × new sentences of one run that are tried as pairs; a larger run
/// (a section rewritten from end to end) is reported removed and added.
const MOST_TRIED: usize = 250_000;
/// Longest the sentence diff of one section may search before it settles.
const DEADLINE: Duration = Duration::from_millis(200);

/// What became of a sentence: indices into the old and the new sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    Changed(usize, usize),
    Removed(usize),
    Added(usize),
}

/// The steps that turn `old` into `new`, in order; unchanged sentences left out.
pub(crate) fn align<'a>(old: &'a [Sentence], new: &'a [Sentence]) -> Vec<Step> {
    // Each distinct key as a number, which the diff compares faster.
    let mut numbers: HashMap<&str, u32> = HashMap::new();
    let mut number = |s: &'a Sentence| {
        let next = numbers.len() as u32;
        *numbers.entry(s.key.as_ref()).or_insert(next)
    };
    let old_keys: Vec<u32> = old.iter().map(&mut number).collect();
    let new_keys: Vec<u32> = new.iter().map(&mut number).collect();
    let deadline = Instant::now() + DEADLINE;
    let ops = capture_diff_slices_deadline(Algorithm::Myers, &old_keys, &new_keys, Some(deadline));
    let mut steps = Vec::new();
    for op in ops {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {}
            DiffTag::Delete => steps.extend(old_range.map(Step::Removed)),
            DiffTag::Insert => steps.extend(new_range.map(Step::Added)),
            // The same text cut into sentences otherwise (a paragraph joined
            // to the next in one version only) is no change.
            DiffTag::Replace if same_text(&old[old_range.clone()], &new[new_range.clone()]) => {}
            DiffTag::Replace => pair_up(old, new, old_range, new_range, &mut steps),
        }
    }
    steps
}

/// Whether two runs of sentences hold the same text.
fn same_text(old: &[Sentence], new: &[Sentence]) -> bool {
    old.iter()
        .flat_map(|s| s.key.chars())
        .eq(new.iter().flat_map(|s| s.key.chars()))
}

/// Pairs the old sentences `olds` with the new `news` in order, keeping the
/// pairing of highest total similarity; the others are removed and added, the
/// removed first where both fall between the same pairs.
fn pair_up(
    old: &[Sentence],
    new: &[Sentence],
    olds: Range<usize>,
    news: Range<usize>,
    steps: &mut Vec<Step>,
) {
    if olds.len() * news.len() > MOST_TRIED {
        steps.extend(olds.map(Step::Removed));
        steps.extend(news.map(Step::Added));
        return;
    }
    let old_sketches: Vec<Sketch> = olds.clone().map(|i| Sketch::of(&old[i].key)).collect();
    let new_sketches: Vec<Sketch> = news.clone().map(|j| Sketch::of(&new[j].key)).collect();
    let paired = in_order(olds.len(), news.len(), |i, j| {
        weight(old_sketches[i].similarity(&new_sketches[j]), PAIRED)
    });
    let (mut i, mut j) = (olds.start, news.start);
    for (a, b) in paired
        .into_iter()
        .map(|(a, b)| (olds.start + a, news.start + b))
        .chain(std::iter::once((olds.end, news.end)))
    {
        steps.extend((i..a).map(Step::Removed));
        steps.extend((j..b).map(Step::Added));
        if a < olds.end {
            steps.push(Step::Changed(a, b));
        }
        (i, j) = (a + 1, b + 1);
    }
}
