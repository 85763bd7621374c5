//! The sentences of two matched sections aligned: a diff of their keys (white
//! space left out) finds the unchanged ones; a run of sentences that differ
//! only in where they were cut (the same text) is no change; in the other runs,
//! old and new sentences alike enough ([`PAIRED`]) are paired in order as
//! changed, and the rest are removed or added.

use std::ops::Range;

use super::align::{in_order, weight};
use super::runs::{Numbering, Run, runs};
use super::text::{Sentence, Sketch};

/// Lowest similarity for an old and a new sentence to count as one changed.
const PAIRED: f64 = 0.45;
/// Most old × new sentences of one run that are tried as pairs; a larger run
/// (a section rewritten from end to end) is reported removed and added.
const MOST_TRIED: usize = 250_000;

/// What became of a sentence: indices into the old and the new sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    Changed(usize, usize),
    Removed(usize),
    Added(usize),
}

/// The steps that turn `old` into `new`, in order; unchanged sentences left out.
pub(crate) fn align<'a>(old: &'a [Sentence], new: &'a [Sentence]) -> Vec<Step> {
    let mut numbering = Numbering::new();
    let keys = |sentences: &'a [Sentence]| sentences.iter().map(|s| s.key.as_ref());
    let (old_keys, new_keys) = (numbering.of(keys(old)), numbering.of(keys(new)));
    let mut steps = Vec::new();
    let changed = runs(&old_keys, &new_keys, &numbering)
        .into_iter()
        .filter(|run| !run.same);
    for Run {
        old: olds,
        new: news,
        ..
    } in changed
    {
        if news.is_empty() {
            steps.extend(olds.map(Step::Removed));
        } else if olds.is_empty() {
            steps.extend(news.map(Step::Added));
        } else if !same_text(&old[olds.clone()], &new[news.clone()]) {
            // (The same text cut into sentences otherwise, a paragraph joined
            // to the next in one version only, is no change.)
            pair_up(old, new, olds, news, &mut steps);
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
