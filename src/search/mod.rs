//! Fuzzy jump to a heading: every heading's search keys (`keys`) and the ranking
//! of headings for a query, by text, pinyin, pinyin initials or number. A plain
//! synchronous function over the outline; the reader's popup and `gangmu find`
//! show its results, the popup marking the characters matched ([`Index::matched`])
//! of the rows it shows.
//!
//! The keys are packed in document order (`packed`); a query rules most headings
//! out by a few bits and an in-order test (`query`) before any is scored
//! (`score`, fuzzily by fuzzy-matcher, `fuzzy`), and ranks ties in document order.
//! Fuzzy matches are scored only when the rows asked for may reach them
//! (`ranking`).
//! Full-text search over the reflowed text is `text`.

mod fuzzy;
pub mod keys;
mod packed;
mod query;
mod ranking;
mod score;
pub mod text;

use std::collections::HashMap;

use crate::document::{HeadingId, HeadingKind, Outline};
use crate::parse::library::in_parallel;
use keys::Keys;
use packed::{HeadingKeys, PackedKeys};
pub use query::MIN_FUZZY_CHARS;
use query::Query;
pub use ranking::Ranking;
use ranking::rank;

/// A heading that matches a query; [`Index::matched`] tells which of its
/// characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub id: HeadingId,
    pub score: i64,
}

/// Score of a query that is exactly a heading's number (`15`, `十五章`).
const NUMBER_MATCH: i64 = 100_000;

/// Headings one thread goes through at a time when a query is ranked: a
/// document with fewer is ranked on the thread that asks.
const HEADINGS_A_PIECE: usize = 8192;

/// Extra for a number match in the document being read.
const SAME_DOCUMENT: i64 = 10_000;

/// The search keys of all headings of an outline, built once.
pub struct Index {
    keys: PackedKeys,
    /// The headings each form of a number names, in document order.
    numbers: HashMap<String, Vec<HeadingId>>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Index({} headings)", self.keys.len())
    }
}

impl Index {
    pub fn new(outline: &Outline) -> Self {
        let mut packed = PackedKeys::with_capacity(outline.headings.len());
        let mut numbers: HashMap<String, Vec<HeadingId>> = HashMap::new();
        for (index, heading) in outline.headings.iter().enumerate() {
            let keys = Keys::of(heading);
            for number in &keys.numbers {
                let ids = numbers.entry(number.clone()).or_default();
                ids.push(HeadingId(index as u32));
            }
            packed.push(heading, &keys);
        }
        Self {
            keys: packed,
            numbers,
        }
    }

    /// Headings matching `query`, best first. An empty query lists every heading in
    /// document order, starting at `current`.
    pub fn rank(&self, outline: &Outline, query: &str, current: Option<HeadingId>) -> Vec<Hit> {
        self.rank_among(outline, query, current, None)
            .into_hits(self)
    }

    /// As [`Index::rank`], put in order only as far as asked for
    /// ([`Ranking::settle`]), and looking only at `candidates` (and at headings
    /// whose number the query is): the hits of a query this one extends, since a
    /// heading that did not match `数字` cannot match `数字经济`.
    pub fn rank_among(
        &self,
        outline: &Outline,
        query: &str,
        current: Option<HeadingId>,
        candidates: Option<&[HeadingId]>,
    ) -> Ranking {
        let query = Query::new(query);
        if query.text.is_empty() {
            let hits = in_order_from(outline, current).map(|id| Hit { id, score: 0 });
            return Ranking::settled_as(query, hits.collect());
        }
        let numbered = Numbered {
            ids: self.numbers.get(&query.text).map_or(&[], Vec::as_slice),
            outline,
            document: current.and_then(|c| document_of(outline, c)),
        };
        match candidates {
            None => self.ranked(query, &numbered, (0..self.keys.len() as u32).map(HeadingId)),
            Some(candidates) => {
                let mut ids = [candidates, numbered.ids].concat();
                ids.sort_unstable();
                ids.dedup();
                self.ranked(query, &numbered, ids.into_iter())
            }
        }
    }

    /// The hits among `ids`, which come in document order: numbers and runs
    /// scored, fuzzy matches left for the ranking to score when it needs them.
    /// Many headings (a 100 MB text has some 100,000) are gone through in
    /// pieces on every core.
    fn ranked(
        &self,
        query: Query,
        numbered: &Numbered,
        ids: impl Iterator<Item = HeadingId>,
    ) -> Ranking {
        let ids: Vec<HeadingId> = ids.collect();
        let pieces: Vec<&[HeadingId]> = ids.chunks(HEADINGS_A_PIECE).collect();
        let sifted = in_parallel(&pieces, |piece| self.sift(&query, numbered, piece));
        let (mut scored, mut unscored) = (Vec::new(), Vec::new());
        for (piece_scored, piece_unscored) in sifted {
            scored.extend(piece_scored);
            unscored.extend(piece_unscored);
        }
        Ranking::new(query, scored, unscored)
    }

    /// The headings of `ids` that `query` matches: those scored (numbers and
    /// runs, ranked) and those matched fuzzily, in order.
    fn sift(
        &self,
        query: &Query,
        numbered: &Numbered,
        ids: &[HeadingId],
    ) -> (Vec<u128>, Vec<HeadingId>) {
        let (mut scored, mut unscored) = (Vec::new(), Vec::new());
        for &id in ids {
            let Some(keys) = self.keys.get(id.0 as usize) else {
                continue;
            };
            if numbered.ids.binary_search(&id).is_ok() {
                let score = numbered.score(id);
                scored.push(rank(keys, Hit { id, score }));
                continue;
            }
            if !query.may_match(keys) {
                continue;
            }
            match score::matches(keys, query) {
                Some(score::Found::Run(score)) => scored.push(rank(keys, Hit { id, score })),
                Some(score::Found::Fuzzily) => unscored.push(id),
                None => {}
            }
        }
        (scored, unscored)
    }

    /// The characters of heading `id` as displayed ([`Heading::display`](crate::document::Heading::display)) that
    /// `query` matches, as ranking matched them: none for its number.
    pub fn matched(&self, query: &str, id: HeadingId) -> Vec<usize> {
        let query = Query::new(query);
        let number = || {
            let ids = self.numbers.get(&query.text);
            ids.is_some_and(|ids| ids.binary_search(&id).is_ok())
        };
        let Some(keys) = self.keys.get(id.0 as usize) else {
            return Vec::new();
        };
        if query.text.is_empty() || number() {
            return Vec::new();
        }
        let Some((_, matched)) = match_of(keys, &query) else {
            return Vec::new();
        };
        let shown = keys.shown_sources();
        let mut positions: Vec<usize> = score::positions(keys, &query, matched)
            .into_iter()
            .filter_map(|at| shown.get(at).map(|&s| s as usize))
            .collect();
        positions.dedup();
        positions
    }
}

/// The headings whose number a query is, and the document being read.
struct Numbered<'a> {
    ids: &'a [HeadingId],
    outline: &'a Outline,
    document: Option<HeadingId>,
}

impl Numbered<'_> {
    /// The score of heading `id`, one of `ids`: more in the document being read.
    fn score(&self, id: HeadingId) -> i64 {
        let same = self.document.is_some() && document_of(self.outline, id) == self.document;
        NUMBER_MATCH + if same { SAME_DOCUMENT } else { 0 }
    }
}

/// How `keys` match `query` other than by number, if they do.
fn match_of<'a>(keys: HeadingKeys<'a>, query: &Query) -> Option<(i64, score::Matched<'a>)> {
    if !query.may_match(keys) {
        return None;
    }
    score::score(keys, query)
}

/// The document (or file, or part) a heading belongs to.
fn document_of(outline: &Outline, id: HeadingId) -> Option<HeadingId> {
    let mut next = Some(id);
    while let Some(at) = next {
        let heading = outline.get(at);
        if matches!(heading.kind, HeadingKind::Doc | HeadingKind::File) {
            return Some(at);
        }
        next = heading.parent;
    }
    None
}

/// Every heading in document order, starting at `current`.
fn in_order_from(outline: &Outline, current: Option<HeadingId>) -> impl Iterator<Item = HeadingId> {
    let count = outline.headings.len();
    let start = current.map_or(0, |c| c.0 as usize);
    (0..count).map(move |k| HeadingId(((start + k) % count.max(1)) as u32))
}
