//! The in-order pairing of two lists of highest total weight (a weighted
//! longest common subsequence), shared by the matching of sections and the
//! pairing of rewritten sentences. Weights are whole numbers, so ties are
//! exact; among equal pairings, the one found first from the end is kept.

/// Pairs `(i, j)` of `0..rows` and `0..columns`, both rising, of highest total
/// `weight`; `weight(i, j)` is `None` where `i` and `j` may not pair.
pub(crate) fn in_order(
    rows: usize,
    columns: usize,
    mut weight: impl FnMut(usize, usize) -> Option<u32>,
) -> Vec<(usize, usize)> {
    let width = columns + 1;
    let mut best = vec![0u64; (rows + 1) * width];
    for i in 1..=rows {
        for j in 1..=columns {
            let diagonal =
                weight(i - 1, j - 1).map_or(0, |w| best[(i - 1) * width + j - 1] + u64::from(w));
            best[i * width + j] = diagonal
                .max(best[(i - 1) * width + j])
                .max(best[i * width + j - 1]);
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (rows, columns);
    while i > 0 && j > 0 {
        let here = best[i * width + j];
        if here == best[(i - 1) * width + j] {
            i -= 1;
        } else if here == best[i * width + j - 1] {
            j -= 1;
        } else {
            pairs.push((i - 1, j - 1));
            i -= 1;
            j -= 1;
        }
    }
    pairs.reverse();
    pairs
}

/// A similarity from 0 to 1 as a weight, when it reaches `least`.
pub(crate) fn weight(similarity: f64, least: f64) -> Option<u32> {
    (similarity >= least).then(|| (similarity * 1000.0).round() as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_heaviest_in_order_pairing_wins() {
        // a b c d against a c d b: a, c and d pair in order; b cannot also.
        let old = ["a", "b", "c", "d"];
        let new = ["a", "c", "d", "b"];
        let pairs = in_order(old.len(), new.len(), |i, j| (old[i] == new[j]).then_some(1));
        assert_eq!(pairs, [(0, 0), (2, 1), (3, 2)]);
    }
}
