//! Fuzzy matching by fuzzy-matcher's skim V2 algorithm: a query's characters in
//! order in a text, gaps allowed, an alignment with affine gap costs and bonuses
//! for matches at the start of words, ignoring case. Ranking asks it for scores
//! only, of the headings the cheap tests in `query` let through; the positions
//! matched are asked for only for the rows the popup shows.
//!
//! A matcher keeps its score table between calls and, for a query with a repeated
//! letter, reads a cell of it that the call did not write, so a score could
//! depend on the texts matched before (5 scores in 2.4 million matches of the
//! sample's spellings, each after a random other; skim's issue 1071 is the same
//! fault). Each match therefore gets a fresh matcher; `use_cache(false)`, which
//! would avoid it, panics in fuzzy-matcher 0.3.7 (a `RefCell` borrowed twice).

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// More than any one character of a query can score in skim's V2 scoring (a
/// match, 16, with the bonus for a word's first character, 8, doubled for the
/// query's first character).
pub(super) const MOST_PER_CHAR: i64 = 16 + 8 * 2;

/// The score of `query` in `text`; `None` if its characters do not occur in
/// order.
pub(super) fn score(text: &str, query: &str) -> Option<i64> {
    matcher().fuzzy_match(text, query)
}

/// The positions (in characters) of `text` that `query` matches best.
pub(super) fn positions(text: &str, query: &str) -> Vec<usize> {
    matcher()
        .fuzzy_indices(text, query)
        .map_or_else(Vec::new, |(_, positions)| positions)
}

fn matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default().ignore_case()
}
