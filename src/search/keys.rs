//! Search keys of one heading: what a user may type to find it. The heading's text
//! folded (NFKC, lower case: full-width digits and brackets match ASCII), its full
//! toneless pinyin and pinyin initials (every reading of a heteronym, within a
//! cap), and the forms of its number (`第十五章`, `十五章`, `15章`, `15`); with what
//! ranking needs at hand: the lengths that break ties, and the letters and digits
//! found anywhere in them, as bits.

use pinyin::{ToPinyin, ToPinyinMulti};
use unicode_normalization::UnicodeNormalization;

use crate::document::Heading;
use crate::parse::numeral::parse_chinese;

/// Most pinyin spellings kept per heading (heteronyms multiply them).
const MAX_SPELLINGS: usize = 8;

/// Text as search keys compare it: NFKC, lower case, no white space.
pub fn fold(text: &str) -> String {
    text.nfkc()
        .flat_map(char::to_lowercase)
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// A pinyin spelling of a text, with the character each letter came from.
#[derive(Debug, Clone, Default)]
pub struct Spelling {
    pub letters: String,
    /// For each byte of `letters`, the char index in the shown text.
    pub sources: Vec<usize>,
    /// How many characters are read with other than their usual reading.
    pub rare_readings: u32,
}

/// Everything one heading can be found by.
#[derive(Debug, Clone)]
pub struct Keys {
    /// `label title` as shown, folded.
    pub shown: String,
    /// For each character of `shown`, the character of the heading as displayed
    /// ([`Heading::display`](crate::document::Heading::display)) it came from.
    pub shown_sources: Vec<usize>,
    /// Full toneless pinyin spellings.
    pub pinyin: Vec<Spelling>,
    /// Pinyin initials, one letter a character.
    pub initials: Vec<Spelling>,
    /// Number forms of the label (`十五章`, `15章`, `15`…), folded.
    pub numbers: Vec<String>,
    /// Where the title starts in `shown`, in characters.
    pub title_start: usize,
    /// Characters of the title in `shown`, at least one: a run's share of it counts.
    pub folded_title_chars: usize,
    /// Characters of the heading's title: of equal matches, the shorter title ranks
    /// first.
    pub title_chars: usize,
    /// The ASCII letters and digits found anywhere in these keys, as bits.
    pub ascii: u64,
}

impl Keys {
    pub fn of(heading: &Heading) -> Self {
        let mut shown = String::new();
        let mut shown_sources = Vec::new();
        for (index, c) in heading.display().chars().enumerate() {
            for folded in std::iter::once(c).nfkc().flat_map(char::to_lowercase) {
                if !folded.is_whitespace() {
                    shown.push(folded);
                    shown_sources.push(index);
                }
            }
        }
        // Pinyin spells the title; the label is found by its number forms.
        let title_start = if heading.title.is_empty() {
            0
        } else {
            fold(&heading.label).chars().count()
        };
        let title: String = shown.chars().skip(title_start).collect();
        let (mut pinyin, mut initials) = spellings(&title);
        for spelling in pinyin.iter_mut().chain(initials.iter_mut()) {
            spelling.sources.iter_mut().for_each(|s| *s += title_start);
        }
        let numbers = number_forms(&heading.label);
        let ascii = ascii_mask(&shown)
            | pinyin
                .iter()
                .chain(&initials)
                .fold(0, |m, s| m | ascii_mask(&s.letters))
            | numbers.iter().fold(0, |m, n| m | ascii_mask(n));
        Self {
            numbers,
            ascii,
            title_start,
            folded_title_chars: shown_sources.len().saturating_sub(title_start).max(1),
            title_chars: heading.title.chars().count(),
            shown,
            shown_sources,
            pinyin,
            initials,
        }
    }
}

/// The ASCII letters and digits of `text`, one bit each.
pub fn ascii_mask(text: &str) -> u64 {
    text.bytes().fold(0, |mask, b| match b {
        b'a'..=b'z' => mask | 1 << (b - b'a'),
        b'0'..=b'9' => mask | 1 << (26 + b - b'0'),
        _ => mask,
    })
}

/// Words of policy documents whose heteronyms are read otherwise than the
/// characters' usual readings, with the reading of each character.
const WORD_READINGS: &[(&str, &[&str])] = &[
    ("重庆", &["chong", "qing"]),
    ("银行", &["yin", "hang"]),
    ("行业", &["hang", "ye"]),
    ("长江", &["chang", "jiang"]),
    ("长三角", &["chang", "san", "jiao"]),
    ("长期", &["chang", "qi"]),
    ("长效", &["chang", "xiao"]),
    ("重新", &["chong", "xin"]),
    ("重复", &["chong", "fu"]),
    ("调整", &["tiao", "zheng"]),
    ("调控", &["tiao", "kong"]),
];

/// The reading each character of `text` takes in a known word, if any.
fn word_readings(text: &str) -> Vec<Option<&'static str>> {
    let chars: Vec<char> = text.chars().collect();
    let mut readings = vec![None; chars.len()];
    for (word, word_readings) in WORD_READINGS {
        let word: Vec<char> = word.chars().collect();
        for start in 0..chars.len().saturating_sub(word.len() - 1) {
            if chars[start..start + word.len()] == word[..] {
                for (k, reading) in word_readings.iter().enumerate() {
                    readings[start + k] = Some(*reading);
                }
            }
        }
    }
    readings
}

/// Full pinyin and initials of `text`, every reading of heteronyms up to the cap;
/// the usual reading (or the reading in a known word) first.
fn spellings(text: &str) -> (Vec<Spelling>, Vec<Spelling>) {
    let mut full = vec![Spelling::default()];
    let mut initials = vec![Spelling::default()];
    let in_words = word_readings(text);
    for (index, c) in text.chars().enumerate() {
        let mut readings: Vec<&'static str> = match c.to_pinyin_multi() {
            Some(multi) => multi.into_iter().map(pinyin::Pinyin::plain).collect(),
            None => Vec::new(),
        };
        if readings.is_empty() {
            readings = c.to_pinyin().map(|p| vec![p.plain()]).unwrap_or_default();
        }
        // Readings before this index are usual ones: the character's own, and
        // the one it takes in a known word.
        let mut usual = 1;
        if let Some(in_word) = in_words[index]
            && let Some(at) = readings.iter().position(|r| *r == in_word)
            && at > 0
        {
            readings[..=at].rotate_right(1);
            usual = 2;
        }
        if readings.is_empty() {
            // Not a Chinese character: letters and digits stand for themselves.
            if c.is_ascii_alphanumeric() {
                for spelling in full.iter_mut().chain(initials.iter_mut()) {
                    spelling.letters.push(c);
                    spelling.sources.push(index);
                }
            }
            continue;
        }
        full = extend(full, &readings, (index, usual), |r| r);
        initials = extend(initials, &readings, (index, usual), |r| &r[..1]);
    }
    (full, initials)
}

/// Each spelling continued with each reading (distinct), within the cap: every
/// spelling with the first reading, then as many as there is room for with the
/// others. `at` is the character's index and how many of its readings are usual.
fn extend(
    mut spellings: Vec<Spelling>,
    readings: &[&'static str],
    (index, usual): (usize, usize),
    part: impl Fn(&'static str) -> &'static str,
) -> Vec<Spelling> {
    let mut parts: Vec<&str> = readings.iter().map(|r| part(r)).collect();
    let usual_part = parts.get(usual.saturating_sub(1)).copied();
    parts.dedup();
    let usual = parts
        .iter()
        .position(|p| Some(*p) == usual_part)
        .map_or(1, |at| at + 1);
    let room = MAX_SPELLINGS.saturating_sub(spellings.len());
    let others: Vec<Spelling> = parts
        .iter()
        .enumerate()
        .skip(1)
        .flat_map(|(n, reading)| spellings.iter().map(move |s| (n, reading, s)))
        .take(room)
        .map(|(n, reading, spelling)| {
            let mut next = spelling.clone();
            next.push(reading, index, n >= usual);
            next
        })
        .collect();
    if let Some(first) = parts.first() {
        for spelling in &mut spellings {
            spelling.push(first, index, false);
        }
    }
    spellings.extend(others);
    spellings
}

impl Spelling {
    /// Continues the spelling with `reading`, of the character at `index`, a rare
    /// reading or not.
    fn push(&mut self, reading: &str, index: usize, rare: bool) {
        self.rare_readings += u32::from(rare);
        self.letters.push_str(reading);
        self.sources
            .extend(std::iter::repeat_n(index, reading.len()));
    }
}

/// Ways to type the number in a label: `第十五章` → `第十五章`, `十五章`, `15章`, `第15章`,
/// `15`; `（三）` → `3`; `12.` → `12`.
fn number_forms(label: &str) -> Vec<String> {
    let folded = fold(label);
    let inner: String = folded
        .trim_start_matches('第')
        .trim_end_matches(['、', '.', ')', '）'])
        .trim_start_matches(['(', '（'])
        .to_string();
    let unit: String = inner
        .chars()
        .skip_while(|c| !matches!(c, '部' | '篇' | '章' | '节' | '条'))
        .collect();
    let digits_part: String = inner
        .chars()
        .take_while(|c| !matches!(c, '部' | '篇' | '章' | '节' | '条'))
        .collect();
    let number = parse_chinese(&digits_part).or_else(|| digits_part.parse().ok());
    let mut forms = vec![folded.clone()];
    if let Some(n) = number {
        if !unit.is_empty() {
            forms.push(format!("{digits_part}{unit}"));
            forms.push(format!("{n}{unit}"));
            forms.push(format!("第{n}{unit}"));
        }
        forms.push(n.to_string());
    }
    forms.sort();
    forms.dedup();
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_makes_full_width_forms_ascii() {
        assert_eq!(fold("（１）５Ｇ　网络"), "(1)5g网络");
    }

    #[test]
    fn heteronyms_give_every_reading_within_the_cap() {
        let (full, initials) = spellings("重庆");
        let initials: Vec<&str> = initials.iter().map(|s| s.letters.as_str()).collect();
        assert!(
            initials.contains(&"cq") && initials.contains(&"zq"),
            "{initials:?}"
        );
        assert!(full.iter().any(|s| s.letters == "chongqing"));
        let (full, _) = spellings("重重重重重重重重重重");
        assert!(full.len() <= MAX_SPELLINGS);
    }

    #[test]
    fn number_forms_of_labels() {
        assert_eq!(
            number_forms("第十五章"),
            ["15", "15章", "十五章", "第15章", "第十五章"]
        );
        assert_eq!(number_forms("（三）"), ["(三)", "3"]);
        assert_eq!(number_forms("12."), ["12", "12."]);
    }
}
