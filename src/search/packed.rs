//! The search keys of every heading packed into a few flat arrays in document
//! order, so that ranking reads them in sequence instead of chasing each heading's
//! strings about memory; and one heading's keys as a borrowed view. Besides the
//! keys themselves, each heading keeps the letters of every reading of its
//! characters in one string, in which anything found letter by letter in one of its
//! spellings is found too.

use crate::document::{Heading, HeadingKind};

use super::keys::{Keys, Spelling, ascii_mask};

/// Every heading's keys.
pub(super) struct PackedKeys {
    /// Per heading, apart as they are read first, of every heading: the ASCII
    /// letters and digits found anywhere in its keys, and the other characters of
    /// its text ([`char_bits`]).
    bits: Vec<[u64; 2]>,
    headings: Vec<Packed>,
    /// Per heading: its text ([`Keys::shown`]); the letters of every reading of its
    /// characters in pinyin, then in initials; its spellings, pinyin then initials,
    /// each after a line feed.
    text: String,
    /// Per heading: for each character of its text, the position it came from as
    /// displayed; then, for each character its spellings spell (every spelling
    /// spells the same ones), its position in the text.
    positions: Vec<u32>,
    /// Per spelling, one bit a byte: where its characters start.
    starts: Vec<u64>,
    spellings: Vec<PackedSpelling>,
}

/// Where a spelling's letters and starts are, how many of its characters are read
/// with other than their usual reading, and which letters a to z it has, as bits.
struct PackedSpelling {
    letters: std::ops::Range<usize>,
    starts: usize,
    rare_readings: u32,
    alphabet: u32,
}

/// Where one heading's keys are, and what else ranking needs of it.
struct Packed {
    /// Where in `text` its text, readings in pinyin, readings in initials and
    /// spellings start, and where the last end.
    text: [usize; 5],
    /// Where in `positions` those of its text and of its spelled characters start,
    /// and where the last end.
    positions: [usize; 3],
    /// Where in `spellings` its pinyin and its initials start, and where they end.
    spellings: [usize; 3],
    title_start: usize,
    folded_title_chars: usize,
    title_chars: usize,
    kind: HeadingKind,
}

/// One heading's keys, borrowed from the store.
#[derive(Clone, Copy)]
pub(super) struct HeadingKeys<'a> {
    store: &'a PackedKeys,
    bits: &'a [u64; 2],
    packed: &'a Packed,
}

/// Which spellings of a heading to look at.
#[derive(Clone, Copy)]
pub(super) enum Spellings {
    /// Pinyin and initials.
    All,
    Initials,
    None,
}

/// One spelling of a heading's title, borrowed from the store; its letters are
/// read only when asked for.
#[derive(Clone, Copy)]
pub(super) struct Spelled<'a> {
    store: &'a PackedKeys,
    packed: &'a PackedSpelling,
    /// The position in the heading's text of each character spelled.
    sources: &'a [u32],
}

impl PackedKeys {
    pub(super) fn with_capacity(headings: usize) -> Self {
        Self {
            bits: Vec::with_capacity(headings),
            headings: Vec::with_capacity(headings),
            text: String::new(),
            positions: Vec::new(),
            starts: Vec::new(),
            spellings: Vec::new(),
        }
    }

    /// Adds the keys of the next heading.
    pub(super) fn push(&mut self, heading: &Heading, keys: &Keys) {
        let start = self.text.len();
        self.text.push_str(&keys.shown);
        let pinyin_start = self.text.len();
        self.text.push_str(&all_readings(&keys.pinyin));
        let initials_start = self.text.len();
        self.text.push_str(&all_readings(&keys.initials));
        let spellings_start = self.text.len();
        let positions_start = self.positions.len();
        self.positions
            .extend(keys.shown_sources.iter().map(|&s| s as u32));
        let spelled_start = self.positions.len();
        if let Some(spelling) = keys.pinyin.first() {
            let starts = starts_of(spelling);
            let spelled = starts.map(|at| spelling.sources[at] as u32);
            self.positions.extend(spelled);
        }
        let first_spelling = self.spellings.len();
        for spelling in keys.pinyin.iter().chain(&keys.initials) {
            let packed = self.pack(spelling);
            self.spellings.push(packed);
        }
        self.bits.push([keys.ascii, char_bits(&keys.shown)]);
        self.headings.push(Packed {
            text: [
                start,
                pinyin_start,
                initials_start,
                spellings_start,
                self.text.len(),
            ],
            positions: [positions_start, spelled_start, self.positions.len()],
            spellings: [
                first_spelling,
                first_spelling + keys.pinyin.len(),
                self.spellings.len(),
            ],
            title_start: keys.title_start,
            folded_title_chars: keys.folded_title_chars,
            title_chars: keys.title_chars,
            kind: heading.kind,
        });
    }

    /// Writes the letters and starts of `spelling`, each spelling after a line
    /// feed, and tells where they are.
    fn pack(&mut self, spelling: &Spelling) -> PackedSpelling {
        self.text.push('\n');
        let letters = self.text.len()..self.text.len() + spelling.letters.len();
        self.text.push_str(&spelling.letters);
        let starts = self.starts.len();
        self.starts
            .resize(starts + spelling.letters.len().div_ceil(64), 0);
        for at in starts_of(spelling) {
            self.starts[starts + at / 64] |= 1 << (at % 64);
        }
        PackedSpelling {
            letters,
            starts,
            rare_readings: spelling.rare_readings,
            alphabet: alphabet(&spelling.letters),
        }
    }

    pub(super) fn len(&self) -> usize {
        self.headings.len()
    }

    /// The keys of heading `index`.
    pub(super) fn get(&self, index: usize) -> Option<HeadingKeys<'_>> {
        Some(HeadingKeys {
            store: self,
            bits: self.bits.get(index)?,
            packed: self.headings.get(index)?,
        })
    }
}

/// The bytes of `spelling` where a character starts.
fn starts_of(spelling: &Spelling) -> impl Iterator<Item = usize> {
    let sources = &spelling.sources;
    (0..sources.len()).filter(move |&at| at == 0 || sources[at] != sources[at - 1])
}

impl<'a> HeadingKeys<'a> {
    /// `label title` as shown, folded ([`Keys::shown`]).
    pub(super) fn shown(self) -> &'a str {
        &self.store.text[self.packed.text[0]..self.packed.text[1]]
    }

    /// The bytes of `shown`, to scan.
    pub(super) fn shown_bytes(self) -> &'a [u8] {
        self.bytes(0)
    }

    /// For each character of `shown`, the position it came from as displayed.
    pub(super) fn shown_sources(self) -> &'a [u32] {
        &self.store.positions[self.packed.positions[0]..self.packed.positions[1]]
    }

    /// The letters of every pinyin reading of each character in turn.
    pub(super) fn pinyin_readings(self) -> &'a [u8] {
        self.bytes(1)
    }

    /// The same for the initials.
    pub(super) fn initials_readings(self) -> &'a [u8] {
        self.bytes(2)
    }

    /// Every spelling, each after a line feed.
    pub(super) fn all_spellings(self) -> &'a [u8] {
        self.bytes(3)
    }

    /// Part `part` of the heading's text, as bytes: scanning them needs no
    /// check that the slice starts and ends on a character, which reads memory
    /// the scan may not need and costs most of ranking's time at 100 MB.
    fn bytes(self, part: usize) -> &'a [u8] {
        let range = self.packed.text[part]..self.packed.text[part + 1];
        self.store.text.as_bytes().get(range).unwrap_or_default()
    }

    /// The spellings asked for: full toneless pinyin, then initials, each the
    /// usual readings first.
    pub(super) fn spellings(self, which: Spellings) -> impl Iterator<Item = Spelled<'a>> {
        let [pinyin, initials, end] = self.packed.spellings;
        let range = match which {
            Spellings::All => pinyin..end,
            Spellings::Initials => initials..end,
            Spellings::None => end..end,
        };
        let store = self.store;
        let spelled = &store.positions[self.packed.positions[1]..self.packed.positions[2]];
        store.spellings[range].iter().map(move |packed| Spelled {
            store,
            packed,
            sources: spelled,
        })
    }

    /// The ASCII letters and digits found anywhere in the keys, as bits.
    pub(super) fn ascii(self) -> u64 {
        self.bits[0]
    }

    /// The other characters of `shown`, as bits ([`char_bits`]).
    pub(super) fn chars(self) -> u64 {
        self.bits[1]
    }

    /// Where the title starts in `shown`, in characters.
    pub(super) fn title_start(self) -> usize {
        self.packed.title_start
    }

    /// Characters of the title in `shown`, at least one.
    pub(super) fn folded_title_chars(self) -> usize {
        self.packed.folded_title_chars
    }

    /// Characters of the heading's title.
    pub(super) fn title_chars(self) -> usize {
        self.packed.title_chars
    }

    pub(super) fn kind(self) -> HeadingKind {
        self.packed.kind
    }
}

impl<'a> Spelled<'a> {
    pub(super) fn letters(self) -> &'a str {
        &self.store.text[self.packed.letters.clone()]
    }

    /// The letters as bytes, to scan ([`HeadingKeys::bytes`]).
    pub(super) fn letter_bytes(self) -> &'a [u8] {
        let letters = self.packed.letters.clone();
        self.store.text.as_bytes().get(letters).unwrap_or_default()
    }

    /// How many characters are read with other than their usual reading.
    pub(super) fn rare_readings(self) -> u32 {
        self.packed.rare_readings
    }

    /// Whether the letters have every letter a to z of `alphabet` ([`alphabet`]).
    pub(super) fn has_letters(self, alphabet: u32) -> bool {
        self.packed.alphabet & alphabet == alphabet
    }

    /// One bit a byte of the letters: where a character starts.
    fn starts(self) -> &'a [u64] {
        let words = self.packed.letters.len().div_ceil(64);
        &self.store.starts[self.packed.starts..self.packed.starts + words]
    }

    /// Whether a character starts at byte `at` of the letters.
    pub(super) fn starts_at(self, at: usize) -> bool {
        self.starts()
            .get(at / 64)
            .is_some_and(|word| word >> (at % 64) & 1 == 1)
    }

    /// The position in the heading's text of the character that byte `at` of the
    /// letters spells.
    pub(super) fn source(self, at: usize) -> usize {
        let (word, bit) = (at / 64, at % 64);
        let starts = self.starts();
        let before: u32 = starts.iter().take(word).map(|w| w.count_ones()).sum();
        let within = starts
            .get(word)
            .map_or(0, |w| (w & u64::MAX >> (63 - bit)).count_ones());
        let spelled = (before + within).saturating_sub(1) as usize;
        self.sources.get(spelled).map_or(0, |&p| p as usize)
    }
}

/// The letters a to z of `text`, one bit each.
pub(super) fn alphabet(text: &str) -> u32 {
    (ascii_mask(text) & ((1 << 26) - 1)) as u32
}

/// The characters of `text` beyond ASCII, each hashed to one of 64 bits: a text
/// lacking a bit of a query's lacks one of its characters.
pub(super) fn char_bits(text: &str) -> u64 {
    text.chars().filter(|c| !c.is_ascii()).fold(0, |bits, c| {
        bits | 1 << (u32::from(c).wrapping_mul(0x9E37_79B1) >> 26)
    })
}

/// The letters of `spellings` as one string: for each character in turn (every
/// spelling spells the same ones), every distinct part of a spelling that came
/// from it.
fn all_readings(spellings: &[Spelling]) -> String {
    let mut parts: Vec<_> = spellings.iter().map(parts_of).collect();
    let mut readings = String::new();
    let mut distinct: Vec<&str> = Vec::new();
    loop {
        distinct.clear();
        for part in parts.iter_mut().filter_map(Iterator::next) {
            if !distinct.contains(&part) {
                distinct.push(part);
            }
        }
        if distinct.is_empty() {
            return readings;
        }
        for part in &distinct {
            readings.push_str(part);
        }
    }
}

/// A spelling cut into the letters of each character.
fn parts_of(spelling: &Spelling) -> impl Iterator<Item = &str> {
    let mut from = 0;
    std::iter::from_fn(move || {
        let source = *spelling.sources.get(from)?;
        let length = spelling.sources[from..]
            .iter()
            .take_while(|&&s| s == source)
            .count();
        let part = spelling.letters.get(from..from + length)?;
        from += length;
        Some(part)
    })
}

#[cfg(test)]
mod tests {
    use super::{PackedKeys, Spellings};
    use crate::search::keys::Keys;
    use crate::search::query::in_order;

    /// Every heading of the sample, packed: its spellings read back as they were,
    /// with the character each byte spells, and each found in order in the
    /// letters of its readings.
    #[test]
    fn packed_spellings_read_back_as_the_keys() {
        let document = crate::build(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/plans-2021.txt"
        )));
        let mut store = PackedKeys::with_capacity(document.outline.headings.len());
        for (index, heading) in document.outline.headings.iter().enumerate() {
            let keys = Keys::of(heading);
            store.push(heading, &keys);
            let packed = store.get(index).expect("just pushed");
            assert_eq!(packed.shown(), keys.shown);
            let spellings: Vec<_> = keys.pinyin.iter().chain(&keys.initials).collect();
            let read: Vec<_> = packed.spellings(Spellings::All).collect();
            assert_eq!(read.len(), spellings.len());
            for (k, (spelling, read)) in spellings.into_iter().zip(read).enumerate() {
                assert_eq!(read.letters(), spelling.letters);
                assert_eq!(read.rare_readings(), spelling.rare_readings);
                for (at, &source) in spelling.sources.iter().enumerate() {
                    assert_eq!(read.source(at), source, "{} at {at}", spelling.letters);
                    let starts = at == 0 || spelling.sources[at - 1] != source;
                    assert_eq!(read.starts_at(at), starts);
                }
                let readings = if k < keys.pinyin.len() {
                    packed.pinyin_readings()
                } else {
                    packed.initials_readings()
                };
                assert!(
                    in_order(spelling.letters.as_bytes(), readings),
                    "{}",
                    spelling.letters
                );
            }
        }
    }
}
