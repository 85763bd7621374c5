//! The diff of two sequences, as the runs both share and the runs that
//! differ, for the matching of sections, the alignment of sentences and the
//! characters of a changed sentence. It is imara-diff's Myers diff, whose
//! heuristics keep its time near linear on texts that differ throughout, so no
//! deadline is needed; its items are numbers (`Token`s), which [`Numbering`]
//! gives any items that can be hashed.

use std::hash::Hash;
use std::ops::Range;

use imara_diff::{Algorithm, Diff, Token};
use rustc_hash::{FxBuildHasher, FxHashMap};

/// A run of the diff: the same items on both sides, or a change (either side
/// possibly empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Run {
    pub old: Range<usize>,
    pub new: Range<usize>,
    pub same: bool,
}

/// Gives each distinct item a number, from 0 up: numbers without gaps, as the
/// diff keeps a count for each number up to the highest.
pub(crate) struct Numbering<T> {
    numbers: FxHashMap<T, u32>,
}

impl<T: Hash + Eq> Numbering<T> {
    pub(crate) fn new() -> Self {
        Self::with_capacity(0)
    }

    /// A numbering with room for `items` distinct items.
    pub(crate) fn with_capacity(items: usize) -> Self {
        Self {
            numbers: FxHashMap::with_capacity_and_hasher(items, FxBuildHasher),
        }
    }

    /// The numbers of `items`, the same item always the same number.
    pub(crate) fn of(&mut self, items: impl IntoIterator<Item = T>) -> Vec<Token> {
        items
            .into_iter()
            .map(|item| {
                let next = self.numbers.len() as u32;
                Token(*self.numbers.entry(item).or_insert(next))
            })
            .collect()
    }

    /// How many distinct items were numbered.
    fn count(&self) -> u32 {
        self.numbers.len() as u32
    }
}

/// The runs that turn `old` into `new` (numbered by `numbering`), in order,
/// covering both wholly; a change is never next to another change.
pub(crate) fn runs<T: Hash + Eq>(
    old: &[Token],
    new: &[Token],
    numbering: &Numbering<T>,
) -> Vec<Run> {
    let mut diff = Diff::default();
    diff.compute_with(Algorithm::Myers, old, new, numbering.count());
    let mut runs = Vec::new();
    let (mut at_old, mut at_new) = (0, 0);
    for hunk in diff.hunks() {
        let (before, after) = (hunk.before, hunk.after);
        let (old_start, new_start) = (before.start as usize, after.start as usize);
        if old_start > at_old || new_start > at_new {
            runs.push(Run {
                old: at_old..old_start,
                new: at_new..new_start,
                same: true,
            });
        }
        (at_old, at_new) = (before.end as usize, after.end as usize);
        runs.push(Run {
            old: old_start..at_old,
            new: new_start..at_new,
            same: false,
        });
    }
    if at_old < old.len() || at_new < new.len() {
        runs.push(Run {
            old: at_old..old.len(),
            new: at_new..new.len(),
            same: true,
        });
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs_of(old: &str, new: &str) -> Vec<(String, String, bool)> {
        let mut numbering = Numbering::new();
        let (o, n) = (numbering.of(old.chars()), numbering.of(new.chars()));
        let (old, new): (Vec<char>, Vec<char>) = (old.chars().collect(), new.chars().collect());
        runs(&o, &n, &numbering)
            .into_iter()
            .map(|run| {
                (
                    old[run.old].iter().collect(),
                    new[run.new].iter().collect(),
                    run.same,
                )
            })
            .collect()
    }

    #[test]
    fn runs_cover_both_sides_in_order() {
        let s = |a: &str, b: &str, same| (a.to_string(), b.to_string(), same);
        assert_eq!(
            runs_of("加大稳外贸政策力度", "进一步加大稳外贸力度"),
            [
                s("", "进一步", false),
                s("加大稳外贸", "加大稳外贸", true),
                s("政策", "", false),
                s("力度", "力度", true),
            ]
        );
        assert_eq!(runs_of("", ""), []);
        assert_eq!(runs_of("甲", ""), [s("甲", "", false)]);
    }
}
