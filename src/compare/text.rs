//! The text the comparison works on: a section's sentences cut from its
//! reflowed paragraphs (a sentence ends at 。！？； with any closing quotes or
//! brackets after it, or at a paragraph's or table row's end), each with a key
//! that leaves white space out, so that text wrapped or joined differently
//! compares equal; and a cheap similarity of two texts (shared character pairs)
//! used to match sections and to pair rewritten sentences: exact for sections
//! ([`pairs`], [`similarity`]), through a 512-bit sketch for sentences
//! ([`Sketch`]), which many more pairs are tried of.

use std::borrow::Cow;

use crate::document::{Paragraph, ParagraphKind};

/// One sentence of a paragraph.
#[derive(Debug, Clone)]
pub(crate) struct Sentence<'a> {
    /// Index of its paragraph in the document.
    pub paragraph: usize,
    /// Byte where it starts in the paragraph's text.
    pub start: usize,
    /// The sentence as the paragraph holds it, white space at its ends trimmed.
    pub text: &'a str,
    /// The sentence without white space: what is compared.
    pub key: Cow<'a, str>,
}

/// Characters that end a sentence.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；')
}

/// Characters that close a sentence after its end mark (`。”`, `。）`).
fn closes(c: char) -> bool {
    matches!(c, '”' | '’' | '）' | ')' | '」' | '』' | '》' | '】')
}

/// Whether `c` is left out of keys: white space of any kind.
pub(crate) fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// A text without white space (borrowed when it has none, as most have).
pub(crate) fn key(text: &str) -> Cow<'_, str> {
    if text.contains(is_blank) {
        Cow::Owned(text.chars().filter(|&c| !is_blank(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// The sentences of paragraph `index` from byte `from` on (past a run-in
/// heading's label); a table's or contents' rows each end one.
pub(crate) fn sentences<'a>(
    index: usize,
    paragraph: &'a Paragraph,
    from: usize,
    out: &mut Vec<Sentence<'a>>,
) {
    let text = paragraph.text.as_str();
    let mut start = from;
    let mut chars = text[from..]
        .char_indices()
        .map(|(at, c)| (from + at, c))
        .peekable();
    while let Some((at, c)) = chars.next() {
        let mut end = at + c.len_utf8();
        let row_end = c == '\n' && paragraph.kind != ParagraphKind::Body;
        if ends_sentence(c) {
            while let Some(&(next, closing)) = chars.peek() {
                if !closes(closing) {
                    break;
                }
                end = next + closing.len_utf8();
                chars.next();
            }
        } else if !row_end {
            continue;
        }
        push(index, text, start..end, out);
        start = end;
    }
    push(index, text, start..text.len(), out);
}

/// Adds the sentence at `range` of `text`, trimmed, unless it is blank.
fn push<'a>(
    paragraph: usize,
    text: &'a str,
    range: std::ops::Range<usize>,
    out: &mut Vec<Sentence<'a>>,
) {
    let piece = &text[range.clone()];
    let trimmed = piece.trim_start_matches(is_blank);
    let start = range.start + (piece.len() - trimmed.len());
    let trimmed = trimmed.trim_end_matches(is_blank);
    if trimmed.is_empty() {
        return;
    }
    out.push(Sentence {
        paragraph,
        start,
        text: trimmed,
        key: key(trimmed),
    });
}

/// The pairs of neighbouring characters of a text given in pieces (white
/// space left out), sorted: a text's fingerprint for [`similarity`]. A single
/// character is its own pair.
pub(crate) fn pairs<'t>(pieces: impl IntoIterator<Item = &'t str> + Clone) -> Vec<u64> {
    // Most characters compared are ideographs, three bytes each.
    let guess = pieces.clone().into_iter().map(str::len).sum::<usize>() / 3;
    let mut chars = pieces
        .into_iter()
        .flat_map(str::chars)
        .filter(|&c| !is_blank(c))
        .map(u64::from);
    let Some(mut last) = chars.next() else {
        return Vec::new();
    };
    let mut found = Vec::with_capacity(guess);
    for c in chars {
        found.push((last << 32) | c);
        last = c;
    }
    if found.is_empty() {
        found.push(last);
    }
    found.sort_unstable();
    found
}

/// How alike two fingerprints are, from 0 (nothing shared) to 1 (the same pairs):
/// twice the pairs they share over the pairs of both (Dice's coefficient).
/// Two empty texts are alike.
pub(crate) fn similarity(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    // A merge of the sorted lists without branches on their values, which
    // the processor could not foresee.
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        let (left, right) = (a[i], b[j]);
        shared += usize::from(left == right);
        i += usize::from(left <= right);
        j += usize::from(right <= left);
    }
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// The pairs of neighbouring characters of a sentence as bits of a 512-bit
/// set: two sentences' share of pairs is the share of bits they both have
/// (a pair hashed onto the bit of another is rare at a sentence's length).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sketch {
    bits: [u64; 8],
    /// How many bits are set.
    ones: u32,
}

impl Sketch {
    pub(super) fn of(text: &str) -> Sketch {
        let mut bits = [0u64; 8];
        let mut set = |pair: u64| {
            let bit = (pair.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 55) as usize;
            bits[bit / 64] |= 1 << (bit % 64);
        };
        let mut chars = text.chars().filter(|&c| !is_blank(c)).map(u64::from);
        let Some(mut last) = chars.next() else {
            return Sketch { bits, ones: 0 };
        };
        let mut alone = true;
        for c in chars {
            set((last << 32) | c);
            last = c;
            alone = false;
        }
        if alone {
            set(last);
        }
        let ones = bits.iter().map(|b| b.count_ones()).sum();
        Sketch { bits, ones }
    }

    /// As [`similarity`]: twice the bits both have over the bits of both.
    pub(super) fn similarity(&self, other: &Sketch) -> f64 {
        let both: u32 = self
            .bits
            .iter()
            .zip(&other.bits)
            .map(|(&a, &b)| (a & b).count_ones())
            .sum();
        let total = self.ones + other.ones;
        if total == 0 {
            1.0
        } else {
            2.0 * f64::from(both) / f64::from(total)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(text: &str) -> Paragraph {
        Paragraph {
            kind: ParagraphKind::Body,
            text: text.to_string(),
            first_line: 1,
            last_line: 1,
            in_box: false,
            heading: None,
        }
    }

    fn cut(paragraph: &Paragraph) -> Vec<&str> {
        let mut out = Vec::new();
        sentences(0, paragraph, 0, &mut out);
        out.iter().map(|s| s.text).collect()
    }

    #[test]
    fn sentences_end_at_the_four_marks_with_their_closing_quotes() {
        let p = body("他说：“要稳。”再看； 好吗？行！尾巴");
        assert_eq!(
            cut(&p),
            ["他说：“要稳。”", "再看；", "好吗？", "行！", "尾巴"]
        );
    }

    #[test]
    fn each_table_row_is_a_sentence() {
        let mut p = body("指标 单位\n人口 万人\n");
        p.kind = ParagraphKind::Table;
        assert_eq!(cut(&p), ["指标 单位", "人口 万人"]);
    }

    #[test]
    fn keys_leave_white_space_out_and_similarity_counts_shared_pairs() {
        assert_eq!(key("5G 网络\u{3000}建设"), "5G网络建设");
        let a = pairs(["稳外贸政策力度"]);
        let b = pairs(["进一步加大稳外贸政策力度"]);
        let alike = similarity(&a, &b);
        assert!((alike - 12.0 / 17.0).abs() < 1e-9, "{alike}");
        assert!((similarity(&a, &a) - 1.0).abs() < 1e-9);
        assert!(similarity(&a, &pairs(["完全无关"])) < 1e-9);
    }

    #[test]
    fn a_sketch_is_as_alike_as_its_pairs_when_none_collide() {
        let (a, b) = ("稳外贸政策力度", "进一步加大稳外贸政策力度");
        let sketched = Sketch::of(a).similarity(&Sketch::of(b));
        assert!((sketched - 12.0 / 17.0).abs() < 1e-9, "{sketched}");
        assert!(Sketch::of("完全无关").similarity(&Sketch::of(a)) < 1e-9);
        assert!((Sketch::of("").similarity(&Sketch::of("")) - 1.0).abs() < 1e-9);
    }
}
