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
