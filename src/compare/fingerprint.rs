//! How alike two sections' texts are, exactly: the share of neighbouring
//! character pairs they have in common (Dice's coefficient over the pairs,
//! counted with their repeats). Each distinct pair of the two versions gets a
//! number the first time it is seen, so a text's fingerprint is a list of small
//! numbers, and fingerprints are compared by counting, with no sorting: two at
//! a time ([`Fingerprints::similarity`]), or many old ones against many new
//! ones at once ([`Fingerprints::shared`]), where each new text's pairs are
//! listed by pair, so that an old text is read once for all of them.

use rustc_hash::FxHashMap;

/// A text's character pairs, as numbers given by one [`Fingerprints`].
pub(crate) type Fingerprint = Vec<u32>;

/// The numbering of character pairs shared by the fingerprints of both
/// versions, with the counts [`Fingerprints::similarity`] works in.
#[derive(Default)]
pub(crate) struct Fingerprints {
    numbers: FxHashMap<u64, u32>,
    /// How many times each pair is still unmatched, while fingerprints are
    /// compared; all zero between comparisons.
    counts: Vec<u32>,
    /// For each pair, its last posting, while many fingerprints are compared
    /// ([`NONE`] between comparisons).
    heads: Vec<u32>,
}

/// No posting.
const NONE: u32 = u32::MAX;

/// A new text that holds a pair: which one, how many times, and the posting of
/// the same pair before it.
struct Posting {
    text: u32,
    count: u32,
    next: u32,
}

impl Fingerprints {
    /// The pairs of neighbouring characters of a text given in pieces without
    /// white space (`text::key`). A single character is its own pair.
    pub(crate) fn of<'t>(&mut self, pieces: impl IntoIterator<Item = &'t str>) -> Fingerprint {
        let mut found = Vec::new();
        let mut last = None;
        for piece in pieces {
            // Most characters compared are ideographs, three bytes each.
            found.reserve(piece.len() / 3);
            self.numbers.reserve(piece.len() / 3);
            for c in piece.chars().map(u64::from) {
                if let Some(before) = last {
                    found.push(self.number((before << 32) | c));
                }
                last = Some(c);
            }
        }
        match last {
            Some(alone) if found.is_empty() => vec![self.number(alone)],
            _ => found,
        }
    }

    fn number(&mut self, pair: u64) -> u32 {
        let next = self.numbers.len() as u32;
        *self.numbers.entry(pair).or_insert(next)
    }

    /// How alike two fingerprints are, from 0 (nothing shared) to 1 (the same
    /// pairs): twice the pairs they share over the pairs of both. Two empty
    /// texts are alike.
    pub(crate) fn similarity(&mut self, a: &[u32], b: &[u32]) -> f64 {
        if a.is_empty() && b.is_empty() {
            return 1.0;
        }
        self.counts.resize(self.numbers.len(), 0);
        for &pair in a {
            self.counts[pair as usize] += 1;
        }
        let mut shared = 0usize;
        for &pair in b {
            let left = &mut self.counts[pair as usize];
            shared += usize::from(*left > 0);
            *left = left.saturating_sub(1);
        }
        for &pair in a {
            self.counts[pair as usize] = 0;
        }
        2.0 * shared as f64 / (a.len() + b.len()) as f64
    }

    /// The pairs each of `olds` shares with each of `news`, counted with their
    /// repeats: entry `i * news.len() + j` for `olds[i]` and `news[j]`.
    pub(crate) fn shared(&mut self, olds: &[&[u32]], news: &[&[u32]]) -> Vec<u32> {
        self.counts.resize(self.numbers.len(), 0);
        self.heads.resize(self.numbers.len(), NONE);
        let mut postings = Vec::new();
        for (text, print) in (0u32..).zip(news) {
            self.tally(print);
            for &pair in *print {
                let count = std::mem::take(&mut self.counts[pair as usize]);
                if count > 0 {
                    let head = &mut self.heads[pair as usize];
                    postings.push(Posting {
                        text,
                        count,
                        next: *head,
                    });
                    *head = postings.len() as u32 - 1;
                }
            }
        }
        let mut shared = vec![0; olds.len() * news.len()];
        for (row, print) in shared.chunks_exact_mut(news.len().max(1)).zip(olds) {
            self.tally(print);
            for &pair in *print {
                let count = std::mem::take(&mut self.counts[pair as usize]);
                let mut at = if count > 0 {
                    self.heads[pair as usize]
                } else {
                    NONE
                };
                while let Some(posting) = postings.get(at as usize) {
                    row[posting.text as usize] += count.min(posting.count);
                    at = posting.next;
                }
            }
        }
        for &pair in news.iter().copied().flatten() {
            self.heads[pair as usize] = NONE;
        }
        shared
    }

    fn tally(&mut self, print: &[u32]) {
        for &pair in print {
            self.counts[pair as usize] += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_counts_shared_pairs_with_their_repeats() {
        let mut prints = Fingerprints::default();
        let a = prints.of(["稳外贸政策力度"]);
        let b = prints.of(["进一步加大稳外贸", "政策力度"]);
        let alike = prints.similarity(&a, &b);
        assert!((alike - 12.0 / 17.0).abs() < 1e-9, "{alike}");
        assert!((prints.similarity(&a, &a) - 1.0).abs() < 1e-9);
        let unrelated = prints.of(["完全无关"]);
        assert!(prints.similarity(&a, &unrelated) < 1e-9);
        // 哈哈哈 has the pair 哈哈 twice, 哈哈 once: one is shared.
        let (thrice, twice) = (prints.of(["哈哈哈"]), prints.of(["哈哈"]));
        assert!((prints.similarity(&thrice, &twice) - 2.0 / 3.0).abs() < 1e-9);
        assert!((prints.similarity(&[], &[]) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn shared_counts_of_many_texts_at_once_are_those_of_each_pair() {
        let mut prints = Fingerprints::default();
        let texts = [
            "稳外贸政策力度",
            "哈哈哈",
            "进一步加大稳外贸政策力度",
            "哈哈",
            "",
            "力度",
        ];
        let texts: Vec<Fingerprint> = texts.iter().map(|t| prints.of([*t])).collect();
        let (olds, news): (Vec<&[u32]>, Vec<&[u32]>) = (
            texts[..3].iter().map(Vec::as_slice).collect(),
            texts[2..].iter().map(Vec::as_slice).collect(),
        );
        let shared = prints.shared(&olds, &news);
        for (i, old) in olds.iter().enumerate() {
            for (j, new) in news.iter().enumerate() {
                let alike = prints.similarity(old, new);
                let total = (old.len() + new.len()) as f64;
                let counted = f64::from(shared[i * news.len() + j]);
                assert!((alike * total - 2.0 * counted).abs() < 1e-9, "{i} {j}");
            }
        }
        assert_eq!(shared[news.len() + 1], 1, "哈哈哈 and 哈哈 share one 哈哈");
        assert_eq!(shared[0], 6, "稳外贸政策力度 is within the longer text");
    }
}
