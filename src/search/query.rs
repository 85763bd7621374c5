//! A query as ranking compares it with headings: folded, and as initials when it
//! mixes Chinese characters and letters (`数字jj` as `szjj`); which spellings of a
//! heading it is compared with; and the quick tests that rule most headings out
//! before any of their keys is searched. Knows nothing of scores.

use memchr::memmem::Finder;
use pinyin::ToPinyin;

use super::keys::{ascii_mask, fold};
use super::packed::{HeadingKeys, Spellings, alphabet, char_bits};

#[derive(Clone)]
pub(super) struct Query {
    /// The query folded as keys are ([`fold`]).
    pub text: String,
    /// Characters in `text`.
    pub chars: usize,
    /// What is compared with spellings, if anything: the query if it is all letters
    /// and digits, its initials if it mixes Chinese characters and letters.
    letters: Option<String>,
    /// Whether `letters` are compared with the pinyin as well as the initials.
    pinyin: bool,
    /// The ASCII letters and digits a heading must have, as bits.
    ascii: u64,
    /// The letters a to z of `letters`, as bits ([`alphabet`]).
    pub alphabet: u32,
    /// The other characters of `text`, as bits ([`char_bits`]).
    char_bits: u64,
    letters_finder: Option<Finder<'static>>,
}

impl Query {
    pub(super) fn new(query: &str) -> Self {
        let text = fold(query);
        let pinyin = text.chars().all(|c| c.is_ascii_alphanumeric());
        let initials = initials_of(&text);
        let letters = initials.or_else(|| pinyin.then(|| text.clone()));
        Self {
            chars: text.chars().count(),
            pinyin,
            ascii: ascii_mask(letters.as_deref().unwrap_or(&text)),
            alphabet: alphabet(letters.as_deref().unwrap_or_default()),
            char_bits: char_bits(&text),
            letters_finder: letters.as_ref().map(|l| Finder::new(l).into_owned()),
            letters,
            text,
        }
    }

    /// What is compared with spellings.
    pub(super) fn letters(&self) -> &str {
        self.letters.as_deref().unwrap_or_default()
    }

    /// The spellings compared with [`Query::letters`]: the pinyin and the initials
    /// for letters, the initials for a mixed query.
    pub(super) fn spelled(&self) -> Spellings {
        match (self.pinyin, self.letters.is_some()) {
            (true, _) => Spellings::All,
            (false, true) => Spellings::Initials,
            (false, false) => Spellings::None,
        }
    }

    /// Whether `keys` can match other than by number: they have every letter and
    /// digit asked for; and a query short enough to match only as a run occurs as
    /// it is in the text, or its letters in a spelling; a longer one occurs in
    /// order, gaps allowed, in the text, or its letters in the readings of the
    /// title's characters.
    pub(super) fn may_match(&self, keys: HeadingKeys) -> bool {
        if keys.ascii() & self.ascii != self.ascii {
            return false;
        }
        let text_may = keys.chars() & self.char_bits == self.char_bits;
        if self.runs_only() {
            let in_text = || memchr::memmem::find(keys.shown_bytes(), self.text.as_bytes());
            return self.in_spellings(keys) || text_may && in_text().is_some();
        }
        let in_readings = |letters: &str| {
            let letters = letters.as_bytes();
            self.pinyin && in_order(letters, keys.pinyin_readings())
                || in_order(letters, keys.initials_readings())
        };
        self.letters.as_deref().is_some_and(in_readings)
            || text_may && in_order(self.text.as_bytes(), keys.shown_bytes())
    }

    /// Whether the query is short enough to match only as a run.
    fn runs_only(&self) -> bool {
        self.chars < MIN_FUZZY_CHARS
    }

    /// Whether the letters of the query occur as they are in a spelling of `keys`.
    pub(super) fn in_spellings(&self, keys: HeadingKeys) -> bool {
        self.letters.is_some() && self.find_letters(keys.all_spellings(), 0).is_some()
    }

    /// Where the letters of the query first occur as they are in `text`, at or
    /// after byte `from`.
    pub(super) fn find_letters(&self, text: &[u8], from: usize) -> Option<usize> {
        let finder = self.letters_finder.as_ref()?;
        Some(from + finder.find(text.get(from..)?)?)
    }
}

/// Shortest query matched fuzzily (with gaps) rather than only as a run.
pub const MIN_FUZZY_CHARS: usize = 3;

/// Whether the bytes of `needle` occur in `text` in order, with or without gaps.
/// (A plain loop: the texts are titles and their spellings, too short for
/// `memchr` to pay for setting up each search.)
pub(super) fn in_order(needle: &[u8], text: &[u8]) -> bool {
    let mut rest = text.iter();
    needle.iter().all(|n| rest.any(|t| t == n))
}

/// Most characters a fuzzy match may skip between its first and last: `szjj`
/// may pass over 化 in 数字化经济, but letters strewn over a long title (`xyz` in
/// 习近平…领域专家座谈会) are noise, not a match. A count, not a share of the
/// query, so that a heading a query matches is matched by every query it
/// begins with, as narrowing hits keystroke by keystroke needs.
pub(super) const MOST_SKIPPED: usize = 2;

/// Whether `needle` occurs in `text` in order skipping at most [`MOST_SKIPPED`]
/// characters between its first and last; `starts` tells whether a character
/// of the heading starts at an item of `text` (a spelling's letters are items,
/// several to a character).
pub(super) fn in_order_nearby<T: PartialEq>(
    needle: &[T],
    text: &[T],
    starts: impl Fn(usize) -> bool,
) -> bool {
    fewest_skipped(needle, text, starts).is_some_and(|skipped| skipped <= MOST_SKIPPED)
}

/// Whether the characters of `needle` occur in `text` in order skipping at most
/// [`MOST_SKIPPED`] of them.
pub(super) fn chars_nearby(needle: &str, text: &str) -> bool {
    let needle: Vec<char> = needle.chars().collect();
    let text: Vec<char> = text.chars().collect();
    in_order_nearby(&needle, &text, |_| true)
}

/// The fewest characters of `text` passed over between the first and the last
/// item of `needle`, matched in order; items of one character skipped inside it
/// (the `u` of `shu` in `shzjj`) cost nothing. `None` if not in order at all.
fn fewest_skipped<T: PartialEq>(
    needle: &[T],
    text: &[T],
    starts: impl Fn(usize) -> bool,
) -> Option<usize> {
    let (first, rest) = needle.split_first()?;
    // This runs for every spelling of every heading a query may match, tens of
    // thousands at 100 MB: a needle not in order at all is told at once, and
    // the two rows each step reads and writes are kept from call to call.
    let mut left = text.iter();
    if !needle.iter().all(|n| left.any(|t| t == n)) {
        return None;
    }
    ROWS.with_borrow_mut(|(ending, next)| {
        ending.clear();
        ending.extend(text.iter().map(|t| (t == first).then_some(0)));
        next.clear();
        next.resize(text.len(), None);
        for wanted in rest {
            step(ending, next, wanted, text, &starts);
            std::mem::swap(ending, next);
        }
        ending
            .iter()
            .flatten()
            .min()
            .map(|&skipped| skipped as usize)
    })
}

/// For each item of a text, the fewest skipped by a match ending there.
type Row = Vec<Option<isize>>;

thread_local! {
    /// The rows of [`fewest_skipped`], kept for its next call on this thread.
    static ROWS: std::cell::RefCell<(Row, Row)> =
        const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
}

/// From the fewest skipped for matches ending at each byte (`ending`), the same
/// for one more byte `wanted` matched after them, into `next`.
fn step<T: PartialEq>(
    ending: &[Option<isize>],
    next: &mut [Option<isize>],
    wanted: &T,
    text: &[T],
    starts: &impl Fn(usize) -> bool,
) {
    // Over matches ending in characters before this one: skipped less the index
    // of the character they end in; and over those ending in this character.
    let (mut earlier, mut same): (Option<isize>, Option<isize>) = (None, None);
    let mut char_index: isize = -1;
    next.fill(None);
    for (at, item) in text.iter().enumerate() {
        if starts(at) {
            earlier = min(earlier, same.map(|s| s - char_index));
            same = None;
            char_index += 1;
        }
        if item == wanted {
            next[at] = min(earlier.map(|e| e + char_index - 1), same);
        }
        same = min(same, ending[at]);
    }
}

fn min(a: Option<isize>, b: Option<isize>) -> Option<isize> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        _ => a.or(b),
    }
}

/// A query mixing Chinese characters and pinyin letters (`数字jj`), as initials
/// (`szjj`); `None` for a query that is all one or the other.
fn initials_of(query: &str) -> Option<String> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn nearby(needle: &str, text: &str) -> bool {
        chars_nearby(needle, text)
    }

    #[test]
    fn a_fuzzy_match_skips_at_most_two_characters() {
        assert!(nearby("数经", "数字经济"));
        assert!(nearby("数经", "数字化经济"));
        assert!(!nearby("数经", "数字化的经济"));
        // The closest occurrence counts, not the first.
        assert!(nearby("数经", "数据与数字经济"));
        assert!(!nearby("xyz", "xjpzsjzjjshlyzjztlyz"));
        assert!(nearby("xyz", "xjpzsjzjjshlxyzjzt"));
    }

    #[test]
    fn letters_inside_one_character_s_spelling_cost_nothing() {
        // `shzjj` in shu zi jing ji: the u, the i and the ing are skipped inside
        // characters, none of which is passed over.
        let spelling = b"shuzijingji";
        let starts = |at: usize| [0, 3, 5, 9].contains(&at);
        assert_eq!(fewest_skipped(b"shzjj", spelling, starts), Some(0));
        assert_eq!(fewest_skipped(b"sj", spelling, starts), Some(1));
        assert_eq!(fewest_skipped(b"js", spelling, starts), None);
    }
}
