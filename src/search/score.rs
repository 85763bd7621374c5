//! How well one heading's keys match a query (other than by number): its text,
//! pinyin or initials as a run of characters, or else, for three characters or
//! more, any of them fuzzily; and, asked for afterwards, the characters matched.
//! A spelling that cannot beat the best match found so far, being read with rare
//! readings, is not searched. Whether keys match fuzzily is told apart from how
//! well ([`matches()`], [`fuzzily`]), the second costing far more.

use std::ops::Range;

use super::fuzzy::{self, MOST_PER_CHAR};
use super::packed::{HeadingKeys, Spelled};
use super::query::{MIN_FUZZY_CHARS, Query, chars_nearby, in_order, in_order_nearby};

/// Score of a query found as a run of characters (less its position).
const RUN_MATCH: i64 = 50_000;
/// Most a run adds to `RUN_MATCH` for the share of the title it covers.
const RUN_SHARE: i64 = 1000;
/// Less for each character read with a rare reading (育 as zhou).
const RARE_READING: i64 = 2_000;

/// How a heading's keys matched best.
#[derive(Clone, Copy)]
pub(super) enum Matched<'a> {
    /// As a run of these characters of the heading's text.
    Run(usize, usize),
    /// Fuzzily in the heading's text.
    Text,
    /// Fuzzily in this spelling.
    Spelled(Spelled<'a>),
}

/// How a heading's keys match a query.
pub(super) enum Found {
    /// As a run of characters, with this score.
    Run(i64),
    /// Fuzzily only: [`fuzzily`] scores it, at most [`most_fuzzy`].
    Fuzzily,
}

/// Whether and how `keys` match `query`: a run is scored, a fuzzy match only
/// found.
pub(super) fn matches(keys: HeadingKeys, query: &Query) -> Option<Found> {
    if let Some((score, _)) = best_run(keys, query) {
        return Some(Found::Run(score));
    }
    if query.chars < MIN_FUZZY_CHARS {
        return None;
    }
    let letters = query.letters().as_bytes();
    let in_spelling = |spelling: Spelled| {
        spelling.has_letters(query.alphabet)
            && in_order_nearby(letters, spelling.letter_bytes(), |at| {
                spelling.starts_at(at)
            })
    };
    let in_text = || text_in_order(query, keys);
    (in_text() || keys.spellings(query.spelled()).any(in_spelling)).then_some(Found::Fuzzily)
}

/// More than any fuzzy match of `query` scores.
pub(super) fn most_fuzzy(query: &Query) -> i64 {
    let chars = query.chars.max(query.letters().chars().count());
    MOST_PER_CHAR * chars as i64
}

/// Whether the query's characters occur in order in the heading's text, close
/// enough together to be a match ([`chars_nearby`]).
fn text_in_order(query: &Query, keys: HeadingKeys) -> bool {
    in_order(query.text.as_bytes(), keys.shown_bytes()) && chars_nearby(&query.text, keys.shown())
}

/// The score of the best match of `keys`, and how they matched; among equal
/// scores the last found (text, then pinyin, then initials).
pub(super) fn score<'a>(keys: HeadingKeys<'a>, query: &Query) -> Option<(i64, Matched<'a>)> {
    if let Some((score, run)) = best_run(keys, query) {
        return Some((score, Matched::Run(run.start, run.end)));
    }
    // One or two characters either occur as a run or hardly mean anything.
    if query.chars < MIN_FUZZY_CHARS {
        return None;
    }
    fuzzily(keys, query)
}

/// The characters of the heading's text (`keys.shown`) that `matched`.
pub(super) fn positions(keys: HeadingKeys, query: &Query, matched: Matched) -> Vec<usize> {
    match matched {
        Matched::Run(start, end) => (start..end).collect(),
        Matched::Text => fuzzy::positions(keys.shown(), &query.text),
        Matched::Spelled(spelling) => {
            // As before spellings were packed: positions in characters are taken
            // as positions in bytes.
            let mut positions: Vec<usize> = fuzzy::positions(spelling.letters(), query.letters())
                .into_iter()
                .map(|at| spelling.source(at))
                .collect();
            positions.dedup();
            positions
        }
    }
}

/// The best of the matches offered: a match whose bound is below the best so far
/// is not looked for; of equal scores the last offered wins.
struct Best<T>(Option<(i64, T)>);

impl<T> Best<T> {
    fn offer(&mut self, bound: i64, found: impl FnOnce() -> Option<(i64, T)>) {
        if self.0.as_ref().is_some_and(|(best, _)| bound < *best) {
            return;
        }
        if let Some(found) = found()
            && self.0.as_ref().is_none_or(|(best, _)| found.0 >= *best)
        {
            self.0 = Some(found);
        }
    }
}

/// The query as a run of characters: the more of the title it covers, and the
/// earlier in the title it starts, the better.
fn best_run(keys: HeadingKeys, query: &Query) -> Option<(i64, Range<usize>)> {
    let length = keys.folded_title_chars() as i64;
    let run_score = |run: &Range<usize>| {
        let start = run.start.saturating_sub(keys.title_start()) as i64;
        RUN_MATCH + RUN_SHARE * run.len() as i64 / length - start
    };
    let mut best = Best(None);
    best.offer(RUN_MATCH + RUN_SHARE + 1, || {
        let shown = keys.shown_bytes();
        let at = find(shown, query.text.as_bytes())?;
        let start = chars_in(&shown[..at]);
        let run = start..start + query.chars;
        Some((run_score(&run) + 1, run))
    });
    if !query.in_spellings(keys) {
        return best.0;
    }
    for spelling in keys.spellings(query.spelled()) {
        let rare = RARE_READING * i64::from(spelling.rare_readings());
        best.offer(RUN_MATCH + RUN_SHARE - rare, || {
            if !spelling.has_letters(query.alphabet) {
                return None;
            }
            let run = run_in(spelling, query)?;
            Some((run_score(&run) - rare, run))
        });
    }
    best.0
}

/// The query's letters as a run in `spelling`, starting where a character starts:
/// the characters they spell.
fn run_in(spelling: Spelled, query: &Query) -> Option<Range<usize>> {
    let length = query.letters().len();
    let mut from = 0;
    while let Some(at) = query.find_letters(spelling.letter_bytes(), from) {
        if spelling.starts_at(at) {
            let last = spelling.source(at + length - 1);
            return Some(spelling.source(at)..last + 1);
        }
        from = at + 1;
    }
    None
}

/// The characters UTF-8 `bytes` hold: those that do not continue one.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// Where `needle` first occurs in `text`.
fn find(text: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let mut at = 0;
    loop {
        at += memchr::memchr(first, text.get(at..)?)?;
        if text.get(at + 1..at + needle.len()) == Some(rest) {
            return Some(at);
        }
        at += 1;
    }
}

/// The best fuzzy match of the text or a spelling; a spelling's rare readings
/// count against it.
pub(super) fn fuzzily<'a>(keys: HeadingKeys<'a>, query: &Query) -> Option<(i64, Matched<'a>)> {
    let mut best = Best(None);
    best.offer(i64::MAX, || {
        if !text_in_order(query, keys) {
            return None;
        }
        Some((fuzzy::score(keys.shown(), &query.text)?, Matched::Text))
    });
    let letters = query.letters();
    let most = MOST_PER_CHAR * letters.chars().count() as i64;
    for spelling in keys.spellings(query.spelled()) {
        let rare = RARE_READING * i64::from(spelling.rare_readings());
        best.offer(most - rare, || {
            if !spelling.has_letters(query.alphabet)
                || !in_order_nearby(letters.as_bytes(), spelling.letter_bytes(), |at| {
                    spelling.starts_at(at)
                })
            {
                return None;
            }
            let score = fuzzy::score(spelling.letters(), letters)?;
            Some((score - rare, Matched::Spelled(spelling)))
        });
    }
    best.0
}
