//! How alike two sections are, each pair worked out once. The matching asks
//! for the scores of a block at a time (the children of two matched sections,
//! or every section left over), and a block's texts are compared all at once
//! (`Fingerprints::shared`): each old text is read once for every new one.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use super::fingerprint::Fingerprints;
use super::sections::{Section, Sections};

/// The scores of pairs of sections of two versions, each worked out once.
pub(super) struct Scores<'s, 'a> {
    pub old: &'s Sections<'a>,
    pub new: &'s Sections<'a>,
    known: RefCell<FxHashMap<(usize, usize), f64>>,
    prints: RefCell<Fingerprints>,
}

impl<'s, 'a> Scores<'s, 'a> {
    pub(super) fn new(old: &'s Sections<'a>, new: &'s Sections<'a>) -> Self {
        Self {
            old,
            new,
            known: RefCell::default(),
            prints: RefCell::default(),
        }
    }

    /// How alike old section `o` and new section `n` are, from 0 to 1.
    pub(super) fn get(&self, o: usize, n: usize) -> f64 {
        if let Some(&score) = self.known.borrow().get(&(o, n)) {
            return score;
        }
        self.fill(&[o], &[n]);
        self.known.borrow()[&(o, n)]
    }

    /// Works out the scores of every pair of `old_ids` and `new_ids` not
    /// known yet.
    pub(super) fn fill(&self, old_ids: &[usize], new_ids: &[usize]) {
        let mut known = self.known.borrow_mut();
        let unknown = |o: usize, n: usize| !known.contains_key(&(o, n));
        let olds: Vec<usize> = (old_ids.iter().copied())
            .filter(|&o| new_ids.iter().any(|&n| unknown(o, n)))
            .collect();
        let news: Vec<usize> = (new_ids.iter().copied())
            .filter(|&n| olds.iter().any(|&o| unknown(o, n)))
            .collect();
        if olds.is_empty() || news.is_empty() {
            return;
        }
        let prints = &mut *self.prints.borrow_mut();
        let bodies = |sections: &'s Sections<'a>, ids: &[usize], prints: &mut Fingerprints| {
            ids.iter()
                .map(|&id| sections.list[id].body_print(prints))
                .collect::<Vec<&'s [u32]>>()
        };
        let old_bodies = bodies(self.old, &olds, prints);
        let new_bodies = bodies(self.new, &news, prints);
        let shared = prints.shared(&old_bodies, &new_bodies);
        for (row, &o) in shared.chunks_exact(news.len()).zip(&olds) {
            for (&shared, &n) in row.iter().zip(&news) {
                known
                    .entry((o, n))
                    .or_insert_with(|| score(&self.old.list[o], &self.new.list[n], shared, prints));
            }
        }
    }
}

/// How alike two sections are, from 0 to 1: their titles' and their texts'
/// similarity (twice the character pairs shared, `shared_body` for the texts,
/// over the pairs of both), the mean of both where both have some; 0 across
/// kinds.
fn score(old: &Section, new: &Section, shared_body: u32, prints: &mut Fingerprints) -> f64 {
    if old.kind != new.kind {
        return 0.0;
    }
    let (old_title, new_title) = (old.title_print(prints), new.title_print(prints));
    let titled = !old_title.is_empty() || !new_title.is_empty();
    let title = prints.similarity(old_title, new_title);
    if old.sentences.is_empty() && new.sentences.is_empty() {
        return if titled { title } else { 1.0 };
    }
    let pairs = old.body_print(prints).len() + new.body_print(prints).len();
    let body = 2.0 * f64::from(shared_body) / pairs as f64;
    if titled {
        f64::midpoint(title, body)
    } else {
        body
    }
}
