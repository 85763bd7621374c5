//! The headings found for a query, put in order only as far as they are looked
//! at. Matches by number and as a run of characters are scored as they are found;
//! fuzzy matches are only known to match until rows are asked for that they
//! might reach, because fuzzy scoring is where ranking spends its time (most of
//! 90 ms at 100 MB for `szj`) and a fuzzy match scores far below any run. The
//! rows handed out are always those the whole ranking would put there.
//!
//! A hit's place is one number ([`rank`]): lower first.

use super::packed::HeadingKeys;
use super::query::Query;
use super::{Hit, Index, NUMBER_MATCH, score};
use crate::document::{HeadingId, HeadingKind};

/// The headings matching a query: the first ones in order, the rest not yet.
#[derive(Clone)]
pub struct Ranking {
    /// Boxed: a query's substring finder is large, and a ranking lives in the
    /// jump popup.
    query: Box<Query>,
    /// Best first: the first rows of the whole ranking.
    settled: Vec<Hit>,
    /// Scored hits not yet in order, as their ranks.
    scored: Vec<u128>,
    /// Headings matching only fuzzily, not yet scored.
    unscored: Vec<HeadingId>,
}

impl std::fmt::Debug for Ranking {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Ranking({:?}: {} settled of {})",
            self.query.text,
            self.settled.len(),
            self.len()
        )
    }
}

impl Ranking {
    pub(super) fn new(query: Query, scored: Vec<u128>, unscored: Vec<HeadingId>) -> Self {
        Self {
            query: Box::new(query),
            settled: Vec::new(),
            scored,
            unscored,
        }
    }

    /// Hits already in order.
    pub(super) fn settled_as(query: Query, settled: Vec<Hit>) -> Self {
        Self {
            settled,
            ..Self::new(query, Vec::new(), Vec::new())
        }
    }

    /// Nothing found, for nothing asked.
    pub fn empty() -> Self {
        Self::new(Query::new(""), Vec::new(), Vec::new())
    }

    /// How many headings match.
    pub fn len(&self) -> usize {
        self.settled.len() + self.scored.len() + self.unscored.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The hits in order so far ([`Ranking::settle`]), best first.
    pub fn settled(&self) -> &[Hit] {
        &self.settled
    }

    /// Every heading that matches, in no particular order.
    pub fn ids(&self) -> Vec<HeadingId> {
        let settled = self.settled.iter().map(|hit| hit.id);
        let scored = self.scored.iter().map(|&rank| HeadingId(rank as u32));
        settled
            .chain(scored)
            .chain(self.unscored.iter().copied())
            .collect()
    }

    /// Puts the first `rows` hits in order (all of them if there are fewer),
    /// scoring the fuzzy matches only if one of them could be among those rows.
    pub fn settle(&mut self, index: &Index, rows: usize) {
        let wanted = rows.saturating_sub(self.settled.len());
        if wanted == 0 || self.scored.is_empty() && self.unscored.is_empty() {
            return;
        }
        let ahead = if self.unscored.is_empty() {
            self.scored.len()
        } else {
            // Ranks below this one score more than any fuzzy match can.
            let floor = u128::from(score_bits(score::most_fuzzy(&self.query))) << 64;
            partition(&mut self.scored, |&rank| rank < floor)
        };
        if ahead >= wanted {
            let first = &mut self.scored[..ahead];
            first.select_nth_unstable(wanted - 1);
            first[..wanted].sort_unstable();
            self.settled.extend(self.scored.drain(..wanted).map(hit_of));
        } else {
            self.score_the_rest(index);
            self.scored.sort_unstable();
            self.settled.extend(self.scored.drain(..).map(hit_of));
        }
    }

    /// Every hit in order.
    pub fn into_hits(mut self, index: &Index) -> Vec<Hit> {
        self.settle(index, usize::MAX);
        self.settled
    }

    /// Scores the fuzzy matches.
    fn score_the_rest(&mut self, index: &Index) {
        for id in self.unscored.drain(..) {
            let Some(keys) = index.keys.get(id.0 as usize) else {
                continue;
            };
            if let Some((score, _)) = score::fuzzily(keys, &self.query) {
                self.scored.push(rank(keys, Hit { id, score }));
            }
        }
    }
}

/// Moves the items for which `first` holds to the front; how many there are.
fn partition<T>(items: &mut [T], first: impl Fn(&T) -> bool) -> usize {
    let mut front = 0;
    for at in 0..items.len() {
        if first(&items[at]) {
            items.swap(front, at);
            front += 1;
        }
    }
    front
}

/// Where a hit ranks, as one number that holds it, lower first: by score, higher
/// first; ties, numbers by kind (chapters before articles), other matches the
/// shorter title (up to 16M characters) and the coarser heading first; then in
/// document order.
pub(super) fn rank(keys: HeadingKeys, hit: Hit) -> u128 {
    let (length, kind) = if hit.score >= NUMBER_MATCH {
        (0, number_priority(keys.kind()))
    } else {
        (keys.title_chars().min(LONGEST), keys.kind() as usize)
    };
    u128::from(score_bits(hit.score)) << 64
        | ((length << 8 | kind) as u128) << 32
        | u128::from(hit.id.0)
}

/// A score as the high half of a rank: higher scores lower.
fn score_bits(score: i64) -> u64 {
    // Flipping the sign bit orders scores as unsigned numbers; inverting, downwards.
    !(score as u64 ^ 1 << 63)
}

/// Longest title length [`rank`] tells apart.
const LONGEST: usize = (1 << 24) - 1;

/// The hit a rank holds.
fn hit_of(rank: u128) -> Hit {
    Hit {
        id: HeadingId(rank as u32),
        score: (!((rank >> 64) as u64) ^ 1 << 63) as i64,
    }
}

/// Which headings a bare number finds first: chapters, then the other levels of a
/// plan, then articles and numbered items.
fn number_priority(kind: HeadingKind) -> usize {
    match kind {
        HeadingKind::Zhang => 0,
        HeadingKind::Pian => 1,
        HeadingKind::Jie => 2,
        HeadingKind::Tiao => 3,
        HeadingKind::H3 => 4,
        HeadingKind::H1 => 5,
        HeadingKind::H2 => 6,
        HeadingKind::H4 => 7,
        _ => 8,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::keys::Keys;

    /// Queries of three letters or more spelt from the sample's headings with
    /// gaps (every other letter of a spelling, from its first or second: six of
    /// the pinyin, three of the initials), and every other character of a title
    /// (three): the kind that match fuzzily.
    fn gapped_queries(outline: &crate::document::Outline) -> Vec<String> {
        let mut queries: Vec<String> = Vec::new();
        for heading in outline.headings.iter().step_by(29) {
            let keys = Keys::of(heading);
            let spellings = keys.pinyin.iter().map(|s| (s, 6));
            for (spelling, letters) in spellings.chain(keys.initials.iter().map(|s| (s, 3))) {
                for from in 0..2 {
                    let gapped = spelling.letters.chars().skip(from).step_by(2).take(letters);
                    queries.push(gapped.collect());
                }
            }
            queries.push(heading.title.chars().step_by(2).take(3).collect());
        }
        queries.retain(|q| q.chars().count() >= 3);
        queries.sort();
        queries.dedup();
        queries
    }

    /// The headings that match `query` by scoring every one in full.
    fn matching_in_full(index: &Index, query: &str) -> Vec<HeadingId> {
        let query = Query::new(query);
        let numbered = index.numbers.get(&query.text).cloned().unwrap_or_default();
        let scored = (0..index.keys.len()).filter(|&at| {
            let keys = index.keys.get(at).expect("in range");
            score::score(keys, &query).is_some()
        });
        let mut ids: Vec<_> = scored.map(|at| HeadingId(at as u32)).collect();
        ids.extend(numbered);
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// A fuzzy match scores below the bound the ranking trusts, and the headings
    /// found to match, before any fuzzy match is scored, are those that match
    /// when every heading is scored in full.
    #[test]
    fn fuzzy_matches_are_counted_exactly_and_score_below_the_bound() {
        let document = crate::build(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/plans-2021.txt"
        )));
        let outline = &document.outline;
        let index = Index::new(outline);
        let queries = gapped_queries(outline);
        assert!(queries.len() > 150, "{}", queries.len());
        let mut fuzzy_hits = 0;
        for query in &queries {
            let ranking = index.rank_among(outline, query, None, None);
            let most = score::most_fuzzy(&ranking.query);
            let mut found = ranking.ids();
            found.sort_unstable();
            assert_eq!(found, matching_in_full(&index, query), "{query}");
            let unscored = ranking.unscored.clone();
            let hits = ranking.into_hits(&index);
            assert_eq!(hits.len(), found.len(), "{query}");
            for hit in hits.iter().filter(|hit| unscored.contains(&hit.id)) {
                assert!(hit.score < most, "{query}: {} ≥ {most}", hit.score);
                fuzzy_hits += 1;
            }
        }
        assert!(fuzzy_hits > 4000, "{fuzzy_hits}");
    }

    /// Rows put in order a few at a time, as the list is scrolled, are the rows
    /// of the whole ranking, for queries whose runs outrank their fuzzy matches.
    #[test]
    fn settling_a_few_rows_at_a_time_gives_the_whole_ranking() {
        let document = crate::build(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/plans-2021.txt"
        )));
        let outline = &document.outline;
        let index = Index::new(outline);
        for query in [
            "szj",
            "jsh",
            "xdh",
            "fzgg",
            "shuzijj",
            "gzlfz",
            "数字jj",
            "第十五",
        ] {
            let whole = index.rank(outline, query, None);
            let mut ranking = index.rank_among(outline, query, None, None);
            for rows in (1..whole.len() + 5).step_by(5) {
                ranking.settle(&index, rows);
                let settled = ranking.settled();
                assert!(settled.len() >= rows.min(whole.len()), "{query} {rows}");
                assert_eq!(settled, &whole[..settled.len()], "{query} {rows}");
            }
        }
    }
}
