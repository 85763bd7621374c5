//! The text the comparison works on: a section's sentences cut from its
//! reflowed paragraphs (a sentence ends at 。！？； with any closing quotes or
//! brackets after it, or at a paragraph's or table row's end), each with a key
//! that leaves white space out, so that text wrapped or joined differently
//! compares equal; and a cheap similarity of two sentences, used to pair
//! rewritten ones: their shared character pairs through a 512-bit sketch
//! ([`Sketch`]), as sections' are counted exactly (`fingerprint`).

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
fn is_sentence_mark(c: char) -> bool {
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
    if has_blank(text) {
        Cow::Owned(text.chars().filter(|&c| !is_blank(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether `text` holds white space ([`is_blank`]), told from its bytes
/// without branching on them, so that the loop runs many bytes at a time:
/// each byte is looked at with the two after it, and a blank is one of
/// ASCII's, or the two or three bytes of U+0085, U+00A0, U+1680,
/// U+2000–U+200A, U+2028, U+2029, U+202F, U+205F or U+3000.
fn has_blank(text: &str) -> bool {
    let bytes = text.as_bytes();
    let Some(last_three) = bytes.len().checked_sub(2) else {
        return text.chars().any(is_blank);
    };
    let (firsts, seconds, thirds) = (&bytes[..last_three], &bytes[1..], &bytes[2..]);
    let within = firsts
        .iter()
        .zip(seconds)
        .zip(thirds)
        .fold(false, |found, ((&first, &second), &third)| {
            found | blank_at(first, second, third)
        });
    let (before_last, last) = (bytes[last_three], bytes[last_three + 1]);
    within || blank_at(before_last, last, 0) || blank_at(last, 0, 0)
}

/// Whether the bytes `first`, `second`, `third` begin a blank.
fn blank_at(first: u8, second: u8, third: u8) -> bool {
    let ascii = matches!(first, b'\t'..=b'\r' | b' ');
    let latin = first == 0xC2 && (second == 0x85 || second == 0xA0);
    let ogham = first == 0xE1 && second == 0x9A && third == 0x80;
    let spaces = first == 0xE2
        && ((second == 0x80 && (third <= 0x8A || matches!(third, 0xA8 | 0xA9 | 0xAF)))
            || (second == 0x81 && third == 0x9F));
    let ideographic = first == 0xE3 && second == 0x80 && third == 0x80;
    ascii | latin | ogham | spaces | ideographic
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
        if is_sentence_mark(c) {
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
    /// The sketch of a sentence's key (which holds no white space).
    pub(super) fn of(key: &str) -> Sketch {
        let mut bits = [0u64; 8];
        let mut set = |pair: u64| {
            let bit = (pair.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 55) as usize;
            bits[bit / 64] |= 1 << (bit % 64);
        };
        let mut chars = key.chars().map(u64::from);
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

    /// As `Fingerprints::similarity`: twice the bits both have over the bits
    /// of both.
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
    fn keys_leave_white_space_out() {
        assert_eq!(key("5G 网络\u{3000}建设"), "5G网络建设");
        assert_eq!(key("甲\u{a0}乙\u{2003}丙\u{3000}丁\n戊"), "甲乙丙丁戊");
        // Marks that share a lead byte with white space are no white space.
        assert!(matches!(key("网络、建设。「好」"), Cow::Borrowed(_)));
    }

    #[test]
    fn white_space_is_told_from_bytes_as_from_characters() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let text = format!("甲{c}乙");
            assert_eq!(has_blank(&text), is_blank(c), "U+{:04X}", u32::from(c));
        }
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
