//! How two documents' sections match. The roots always match each other.
//! Sections match by a score of their titles and their text (`scores`: labels
//! left out, so that a renumbered `（十）` → `（九）` still matches) and by
//! position:
//! 1. the children of two matched sections are aligned in order, keeping the
//!    alignment of highest total score ([`ALIGNED`] at least per pair);
//! 2. children left over on both sides match across that order when they are
//!    alike enough ([`MOVED_AMONG_SIBLINGS`]): the new one is moved;
//! 3. children still left over between the same two aligned pairs match in
//!    order with less likeness ([`IN_PLACE`]): a section rewritten where it
//!    stood, which its position vouches for;
//! 4. once the tree is walked, sections still unmatched anywhere match across
//!    parents when they are much alike ([`MOVED_ACROSS`]): a section moved to
//!    another chapter.
//!
//! What is left unmatched was added or removed.

use super::align::{in_order, weight};
use super::runs::{Numbering, runs};
use super::scores::Scores;
use super::sections::Sections;

/// Lowest score for two sections to match in order.
const ALIGNED: f64 = 0.3;
/// Lowest score for two sections under matched parents to match out of order.
const MOVED_AMONG_SIBLINGS: f64 = 0.3;
/// Lowest score for two sections to match across parents.
const MOVED_ACROSS: f64 = 0.5;
/// Lowest score for two sections left in the same place between matched
/// ones to match: one section rewritten where it stood.
const IN_PLACE: f64 = 0.15;

/// Which sections of two documents match.
#[derive(Debug)]
pub(crate) struct Matching {
    /// For each old section, the new one it matched.
    pub old_to_new: Vec<Option<usize>>,
    /// For each new section, the old one it matched.
    pub new_to_old: Vec<Option<usize>>,
    /// For each new section, whether it matched out of order.
    pub moved: Vec<bool>,
}

impl Matching {
    fn pair(&mut self, old: usize, new: usize, moved: bool) {
        self.old_to_new[old] = Some(new);
        self.new_to_old[new] = Some(old);
        self.moved[new] = moved;
    }

    /// Of the old and the new sections given, those not matched yet.
    fn unmatched(
        &self,
        olds: impl IntoIterator<Item = usize>,
        news: impl IntoIterator<Item = usize>,
    ) -> (Vec<usize>, Vec<usize>) {
        (
            not_in(olds, &self.old_to_new),
            not_in(news, &self.new_to_old),
        )
    }
}

/// The `ids` that `matched` has no match for.
fn not_in(ids: impl IntoIterator<Item = usize>, matched: &[Option<usize>]) -> Vec<usize> {
    ids.into_iter()
        .filter(|&id| matched[id].is_none())
        .collect()
}

/// Matches the sections of `old` and `new` (see the module's comment).
pub(crate) fn match_sections(old: &Sections, new: &Sections) -> Matching {
    let mut matching = Matching {
        old_to_new: vec![None; old.len()],
        new_to_old: vec![None; new.len()],
        moved: vec![false; new.len()],
    };
    matching.pair(0, 0, false);
    let scores = Scores::new(old, new);
    let mut queue = vec![(0, 0)];
    walk(&scores, &mut matching, &mut queue);
    let (old_left, new_left) = matching.unmatched(0..old.len(), 0..new.len());
    for (o, n) in match_across(&scores, (&old_left, &new_left), MOVED_ACROSS) {
        matching.pair(o, n, true);
        queue.push((o, n));
    }
    walk(&scores, &mut matching, &mut queue);
    matching
}

/// Matches the children of each matched pair in `queue`, and theirs in turn.
fn walk(scores: &Scores, matching: &mut Matching, queue: &mut Vec<(usize, usize)>) {
    while let Some((o, n)) = queue.pop() {
        let (old_children, new_children) = matching.unmatched(
            scores.old.children[o].iter().copied(),
            scores.new.children[n].iter().copied(),
        );
        let in_order = align(scores, (&old_children, &new_children), ALIGNED);
        for &(a, b) in &in_order {
            matching.pair(a, b, false);
        }
        let (old_left, new_left) = matching.unmatched(old_children, new_children);
        let across = match_across(scores, (&old_left, &new_left), MOVED_AMONG_SIBLINGS);
        for &(a, b) in &across {
            matching.pair(a, b, true);
        }
        let in_place = match_in_place(scores, matching, &in_order, (&old_left, &new_left));
        for &(a, b) in &in_place {
            matching.pair(a, b, false);
        }
        queue.extend(in_order.into_iter().chain(across).chain(in_place));
    }
}

/// The in-order pairs of `old_ids` and `new_ids` of highest total score, each
/// pair scoring `least` at least. The same sections in the same order (found
/// by a diff of their hashes) pair first, and only the others are scored.
fn align(
    scores: &Scores,
    (old_ids, new_ids): (&[usize], &[usize]),
    least: f64,
) -> Vec<(usize, usize)> {
    let (old_same, new_same) = same_in_order(scores, old_ids, new_ids);
    let unpaired = |ids: &[usize], same: &[Option<usize>]| -> Vec<usize> {
        ids.iter()
            .zip(same)
            .filter(|(_, same)| same.is_none())
            .map(|(&id, _)| id)
            .collect()
    };
    scores.fill(&unpaired(old_ids, &old_same), &unpaired(new_ids, &new_same));
    in_order(old_ids.len(), new_ids.len(), |i, j| {
        match (old_same[i], new_same[j]) {
            (Some(paired), _) if paired == j => weight(1.0, least),
            (None, None) => weight(scores.get(old_ids[i], new_ids[j]), least),
            _ => None,
        }
    })
    .into_iter()
    .map(|(i, j)| (old_ids[i], new_ids[j]))
    .collect()
}

/// For each of `old_ids` and of `new_ids`, the position of the same section on
/// the other side, where a diff of their hashes pairs them.
fn same_in_order(
    scores: &Scores,
    old_ids: &[usize],
    new_ids: &[usize],
) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let mut numbering = Numbering::new();
    let hashes = |sections: &Sections, ids: &[usize]| -> Vec<u64> {
        ids.iter().map(|&id| sections.list[id].exact).collect()
    };
    let old_hashes = numbering.of(hashes(scores.old, old_ids));
    let new_hashes = numbering.of(hashes(scores.new, new_ids));
    let mut old_same = vec![None; old_ids.len()];
    let mut new_same = vec![None; new_ids.len()];
    for run in runs(&old_hashes, &new_hashes, &numbering) {
        if !run.same {
            continue;
        }
        for (i, j) in run.old.zip(run.new) {
            if scores.old.list[old_ids[i]].same_as(&scores.new.list[new_ids[j]]) {
                old_same[i] = Some(j);
                new_same[j] = Some(i);
            }
        }
    }
    (old_same, new_same)
}

/// Sections of `left` (old, new) still unmatched that lie between the same two
/// pairs of `aligned`, matched in order when they score [`IN_PLACE`] at least.
fn match_in_place(
    scores: &Scores,
    matching: &Matching,
    aligned: &[(usize, usize)],
    (old_left, new_left): (&[usize], &[usize]),
) -> Vec<(usize, usize)> {
    let gap_of = |id: usize, side: fn(&(usize, usize)) -> usize| {
        aligned.partition_point(|pair| side(pair) < id)
    };
    let mut found = Vec::new();
    for gap in 0..=aligned.len() {
        let olds: Vec<usize> = old_left
            .iter()
            .copied()
            .filter(|&o| matching.old_to_new[o].is_none() && gap_of(o, |p| p.0) == gap)
            .collect();
        let news: Vec<usize> = new_left
            .iter()
            .copied()
            .filter(|&n| matching.new_to_old[n].is_none() && gap_of(n, |p| p.1) == gap)
            .collect();
        if !olds.is_empty() && !news.is_empty() {
            found.extend(align(scores, (&olds, &news), IN_PLACE));
        }
    }
    found
}

/// Pairs of `old_ids` and `new_ids` scoring `least` at least, best first,
/// each id in one pair at most.
fn match_across(
    scores: &Scores,
    (old_ids, new_ids): (&[usize], &[usize]),
    least: f64,
) -> Vec<(usize, usize)> {
    scores.fill(old_ids, new_ids);
    let mut candidates: Vec<(f64, usize, usize)> = old_ids
        .iter()
        .flat_map(|&o| new_ids.iter().map(move |&n| (scores.get(o, n), o, n)))
        .filter(|&(s, _, _)| s >= least)
        .collect();
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut old_taken, mut new_taken) =
        (vec![false; scores.old.len()], vec![false; scores.new.len()]);
    let mut found = Vec::new();
    for (_, o, n) in candidates {
        if !old_taken[o] && !new_taken[n] {
            old_taken[o] = true;
            new_taken[n] = true;
            found.push((o, n));
        }
    }
    found
}
