//! Fuzzy jump to a heading: every heading's search keys (`keys`) and the ranking
//! of headings for a query, by text, pinyin, pinyin initials or number. A plain
//! synchronous function over the outline; the reader's popup and `gangmu find`
//! show its results. Full-text search over the reflowed text is `text`.

pub mod keys;
pub mod text;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::document::{HeadingId, HeadingKind, Outline};
use keys::{Keys, Spelling, fold};

/// A heading that matches a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub id: HeadingId,
    pub score: i64,
    /// Matched character positions in the heading as displayed (`keys::display`).
    pub matched: Vec<usize>,
}

/// Score of a query that is exactly a heading's number (`15`, `十五章`).
const NUMBER_MATCH: i64 = 100_000;
/// Extra for a number match in the document being read.
const SAME_DOCUMENT: i64 = 10_000;

/// The search keys of all headings of an outline, built once.
pub struct Index {
    keys: Vec<Keys>,
    matcher: SkimMatcherV2,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Index({} headings)", self.keys.len())
    }
}

impl Index {
    pub fn new(outline: &Outline) -> Self {
        Self {
            keys: outline.headings.iter().map(Keys::of).collect(),
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }

    /// Headings matching `query`, best first. An empty query lists every heading in
    /// document order, starting at `current`.
    pub fn rank(&self, outline: &Outline, query: &str, current: Option<HeadingId>) -> Vec<Hit> {
        self.rank_among(outline, query, current, None)
    }

    /// As [`Index::rank`], looking only at `candidates` (and at headings whose
    /// number the query is): the hits of a query this one extends, since a heading
    /// that did not match `数字` cannot match `数字经济`.
    pub fn rank_among(
        &self,
        outline: &Outline,
        query: &str,
        current: Option<HeadingId>,
        candidates: Option<&[HeadingId]>,
    ) -> Vec<Hit> {
        let query = fold(query);
        if query.is_empty() {
            return in_order_from(outline, current);
        }
        let initials_query = initials_of(&query);
        let current_document = current.and_then(|c| document_of(outline, c));
        let indices: Vec<usize> = match candidates {
            None => (0..self.keys.len()).collect(),
            Some(ids) => {
                let mut indices: Vec<usize> = ids.iter().map(|id| id.0 as usize).collect();
                indices.extend(
                    (0..self.keys.len()).filter(|&i| self.keys[i].numbers.contains(&query)),
                );
                indices.sort_unstable();
                indices.dedup();
                indices
            }
        };
        let mut hits: Vec<Hit> = indices
            .into_iter()
            .map(|index| (index, &self.keys[index]))
            .filter_map(|(index, keys)| {
                let id = HeadingId(index as u32);
                if !may_match(keys, &query, initials_query.as_deref()) {
                    return None;
                }
                let mut hit = self.score(keys, &query, initials_query.as_deref())?;
                if hit.0 >= NUMBER_MATCH
                    && current_document.is_some()
                    && document_of(outline, id) == current_document
                {
                    hit.0 += SAME_DOCUMENT;
                }
                let mut matched: Vec<usize> = hit
                    .1
                    .iter()
                    .filter_map(|&i| keys.shown_sources.get(i).copied())
                    .collect();
                matched.dedup();
                Some(Hit {
                    id,
                    score: hit.0,
                    matched,
                })
            })
            .collect();
        // Ties: numbers by kind (chapters before articles) in document order; other
        // matches the shorter title and the coarser heading first.
        hits.sort_by_key(|hit| {
            let heading = outline.get(hit.id);
            let number = hit.score >= NUMBER_MATCH;
            let length = if number {
                0
            } else {
                heading.title.chars().count()
            };
            let kind = if number {
                number_priority(heading.kind)
            } else {
                heading.kind as u8
            };
            (std::cmp::Reverse(hit.score), length, kind, hit.id)
        });
        hits
    }

    /// The best way `keys` match: the number exactly, the text, pinyin or initials
    /// as a run of characters, or any of them fuzzily.
    fn score(
        &self,
        keys: &Keys,
        query: &str,
        initials_query: Option<&str>,
    ) -> Option<(i64, Vec<usize>)> {
        if keys.numbers.iter().any(|n| n == query) {
            return Some((NUMBER_MATCH, Vec::new()));
        }
        let letters_only = query.chars().all(|c| c.is_ascii_alphanumeric());
        let mut spelled: Vec<(&[Spelling], &str)> = Vec::new();
        if letters_only {
            spelled.push((&keys.pinyin, query));
            spelled.push((&keys.initials, query));
        }
        if let Some(q) = initials_query {
            spelled.push((&keys.initials, q));
        }
        // A run of characters: the more of the title it covers, and the earlier in
        // the title it starts, the better.
        let length = (keys.shown.chars().count() - keys.title_start).max(1) as i64;
        let run_score = |start: usize, count: usize| {
            let start = start.saturating_sub(keys.title_start) as i64;
            RUN_MATCH + 1000 * count as i64 / length - start
        };
        let text_run = keys.shown.find(query).map(|at| {
            let start = keys.shown[..at].chars().count();
            let count = query.chars().count();
            (
                run_score(start, count) + 1,
                (start..start + count).collect(),
            )
        });
        let spelled_run = spelled
            .iter()
            .flat_map(|(spellings, q)| {
                spellings
                    .iter()
                    .filter_map(move |s| Some((s, run_in(s, q)?)))
            })
            .map(|(spelling, matched)| {
                let rare = RARE_READING * i64::from(spelling.rare_readings);
                (run_score(matched[0], matched.len()) - rare, matched)
            })
            .max_by_key(|(score, _)| *score);
        if let Some(best) = text_run
            .into_iter()
            .chain(spelled_run)
            .max_by_key(|(score, _)| *score)
        {
            return Some(best);
        }
        // One or two characters either occur as a run or hardly mean anything.
        if query.chars().count() < MIN_FUZZY_CHARS {
            return None;
        }
        let text = self.matcher.fuzzy_indices(&keys.shown, query);
        let fuzzy_spelled = spelled
            .iter()
            .filter_map(|(spellings, q)| self.best_fuzzy(spellings, q))
            .max_by_key(|(score, _)| *score);
        text.into_iter()
            .chain(fuzzy_spelled)
            .max_by_key(|(score, _)| *score)
    }

    fn best_fuzzy(&self, spellings: &[Spelling], query: &str) -> Option<(i64, Vec<usize>)> {
        spellings
            .iter()
            .filter_map(|spelling| {
                let (score, indices) = self.matcher.fuzzy_indices(&spelling.letters, query)?;
                let score = score - RARE_READING * i64::from(spelling.rare_readings);
                let mut matched: Vec<usize> =
                    indices.iter().map(|&i| spelling.sources[i]).collect();
                matched.dedup();
                Some((score, matched))
            })
            .max_by_key(|(s, _)| *s)
    }
}

/// Shortest query matched fuzzily (with gaps) rather than only as a run.
pub const MIN_FUZZY_CHARS: usize = 3;
/// Score of a query found as a run of characters (less its position).
const RUN_MATCH: i64 = 50_000;
/// Less for each character read with a rare reading (育 as zhou).
const RARE_READING: i64 = 2_000;

/// `query` as a run of letters in `spelling`, starting where a character starts:
/// the characters it spells.
fn run_in(spelling: &Spelling, query: &str) -> Option<Vec<usize>> {
    let letters = &spelling.letters;
    let mut from = 0;
    while let Some(found) = letters[from..].find(query) {
        let at = from + found;
        let starts_a_character = at == 0 || spelling.sources[at] != spelling.sources[at - 1];
        if starts_a_character {
            let first = spelling.sources[at];
            let last = spelling.sources[at + query.len() - 1];
            return Some((first..=last).collect());
        }
        from = at + 1;
    }
    None
}

/// Which headings a bare number finds first: chapters, then the other levels of a
/// plan, then articles and numbered items.
fn number_priority(kind: HeadingKind) -> u8 {
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

/// One found heading as `gangmu find` prints it: line, kind, label, title and the
/// breadcrumb of its ancestors, TAB-separated, made safe.
pub fn tsv_row(outline: &Outline, id: HeadingId) -> String {
    use crate::safe::visible;
    let heading = outline.get(id);
    format!(
        "{}\t{}\t{}\t{}\t{}",
        heading.line,
        heading.kind.name(),
        visible(&heading.label),
        visible(&heading.title),
        crate::layout::breadcrumb(outline, &outline.ancestors(id), 24)
    )
}

/// Whether `keys` can match at all: every letter or digit of the query (or of its
/// initials) occurs in them, and every Chinese character of a query without
/// letters occurs in the heading. Rules most headings out cheaply.
fn may_match(keys: &Keys, query: &str, initials_query: Option<&str>) -> bool {
    let letters = keys::ascii_mask(initials_query.unwrap_or(query));
    if keys.ascii & letters != letters {
        return false;
    }
    initials_query.is_some()
        || keys.numbers.iter().any(|n| n == query)
        || query
            .chars()
            .filter(|c| !c.is_ascii())
            .all(|c| keys.shown.contains(c))
}

/// A query mixing Chinese characters and pinyin letters (`数字jj`), as initials
/// (`szjj`); `None` for a query that is all one or the other.
fn initials_of(query: &str) -> Option<String> {
    use pinyin::ToPinyin;
    let has_chinese = query.chars().any(|c| c.to_pinyin().is_some());
    let has_letters = query.chars().any(|c| c.is_ascii_alphabetic());
    (has_chinese && has_letters).then(|| {
        query
            .chars()
            .map(|c| {
                c.to_pinyin()
                    .map_or(c, |p| p.plain().chars().next().unwrap_or(c))
            })
            .collect()
    })
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

fn in_order_from(outline: &Outline, current: Option<HeadingId>) -> Vec<Hit> {
    let count = outline.headings.len();
    let start = current.map_or(0, |c| c.0 as usize);
    (0..count)
        .map(|k| HeadingId(((start + k) % count.max(1)) as u32))
        .map(|id| Hit {
            id,
            score: 0,
            matched: Vec::new(),
        })
        .collect()
}
