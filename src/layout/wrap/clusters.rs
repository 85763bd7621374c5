//! What the wrapper never splits: an extended grapheme cluster (UAX #29, from
//! `unicode-segmentation`: a letter with its marks, an emoji sequence joined by
//! ZWJ, a flag) with the clusters of no width that follow it (a zero-width
//! space). A space alone stays a cluster of its own, so that it may be dropped at
//! a row's edge. Most text (Chinese, Latin, their punctuation) is made of
//! characters that are clusters by themselves; it is read character by character
//! (segmenting it would make `gangmu text` a third slower).

use std::iter::Peekable;
use std::str::CharIndices;

use unicode_segmentation::{GraphemeCursor, GraphemeIndices, UnicodeSegmentation};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// A piece of text the wrapper lays out whole.
pub(super) struct Cluster {
    pub start: usize,
    /// The character the line-breaking rules look at: the first one, or for a
    /// space with marks on it, the first mark (only a bare space is a space).
    pub base: char,
    /// Columns, measured as `display_width` measures the cluster.
    pub width: usize,
    /// The base of the next cluster.
    pub after: Option<char>,
}

impl Cluster {
    /// Called for every character of the document: inlined, it costs 5% less.
    #[allow(clippy::inline_always)] // measured (instructions, callgrind)
    #[inline(always)]
    fn new(text: &str, range: (usize, usize), base: char, after: Option<char>) -> Self {
        let (start, end) = range;
        let single = end == start + base.len_utf8();
        let width = match char_width(base) {
            Some(width) if single => width,
            // As `display_width` counts it (a control character is one column).
            _ => text[start..end].width(),
        };
        Self {
            start,
            base,
            width,
            after,
        }
    }
}

/// The clusters of a text of characters that are clusters by themselves, read
/// character by character. Stops at the first character that may not be one,
/// and says so in `gave_up`: the text must then be segmented.
pub(super) struct CharClusters<'a> {
    text: &'a str,
    chars: Peekable<CharIndices<'a>>,
    pub gave_up: bool,
}

impl<'a> CharClusters<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Self {
            text,
            chars: text.char_indices().peekable(),
            gave_up: false,
        }
    }
}

impl Iterator for CharClusters<'_> {
    type Item = Cluster;

    fn next(&mut self) -> Option<Cluster> {
        let (start, base) = self.chars.next()?;
        let mut end = start + base.len_utf8();
        let mut alone = is_a_cluster_alone(base);
        while let Some((at, c)) = self.chars.next_if(|&(_, c)| base != ' ' && is_attached(c)) {
            alone &= is_a_cluster_alone(c);
            end = at + c.len_utf8();
        }
        if !alone {
            self.gave_up = true;
            return None;
        }
        let after = self.chars.peek().map(|&(_, c)| c);
        Some(Cluster::new(self.text, (start, end), base, after))
    }
}

/// The clusters of any text, from its graphemes.
pub(super) struct GraphemeClusters<'a> {
    text: &'a str,
    graphemes: Peekable<GraphemeIndices<'a>>,
}

impl<'a> GraphemeClusters<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Self {
            text,
            graphemes: text.grapheme_indices(true).peekable(),
        }
    }
}

impl Iterator for GraphemeClusters<'_> {
    type Item = Cluster;

    fn next(&mut self) -> Option<Cluster> {
        let (start, first) = self.graphemes.next()?;
        let mut end = start + first.len();
        let base = base_of(first);
        while let Some((at, next)) = self
            .graphemes
            .next_if(|&(_, next)| base != ' ' && takes_no_column(next))
        {
            end = at + next.len();
        }
        let after = self.graphemes.peek().map(|&(_, next)| base_of(next));
        Some(Cluster::new(self.text, (start, end), base, after))
    }
}

/// Whether `c` is a grapheme cluster by itself whatever stands beside it (UAX #29:
/// no mark, joiner, prepended sign, Hangul jamo or syllable, regional indicator or
/// carriage return): true for Latin, Chinese, and their punctuation and symbols.
pub(crate) fn is_a_cluster_alone(c: char) -> bool {
    // The common cases first: ASCII and the like, then Chinese characters.
    if c < '\u{300}' {
        return c != '\r';
    }
    if ('\u{309B}'..='\u{9FFF}').contains(&c) {
        return true;
    }
    matches!(c,
        '\u{2000}'..='\u{200A}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205F}'
        | '\u{2070}'..='\u{20CF}'
        | '\u{2100}'..='\u{2BFF}'
        | '\u{3000}'..='\u{3029}'
        | '\u{3030}'..='\u{3098}'
        | '\u{FF01}'..='\u{FF9D}'
        | '\u{FFE0}'..='\u{FFEF}'
    )
}

/// Whether a cluster ends at byte `at` of `text`, a character boundary.
pub(super) fn ends_a_cluster(text: &str, at: usize) -> bool {
    let (before, after) = text.split_at(at);
    let alone = |c: Option<char>| c.is_none_or(is_a_cluster_alone);
    if alone(before.chars().next_back()) && alone(after.chars().next()) {
        return true;
    }
    GraphemeCursor::new(at, text.len(), true)
        .is_boundary(text, 0)
        .unwrap_or(true)
}

/// The character of a grapheme that the line-breaking rules look at: the first
/// one other than a space, or a space.
fn base_of(grapheme: &str) -> char {
    let mut chars = grapheme.chars();
    let first = chars.next().unwrap_or(' ');
    if first == ' ' {
        chars.next().unwrap_or(' ')
    } else {
        first
    }
}

/// Whether a grapheme takes no column (a zero-width space, a stray mark).
pub(super) fn takes_no_column(grapheme: &str) -> bool {
    let mut chars = grapheme.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => is_attached(c),
        _ => grapheme.width() == 0,
    }
}

/// Characters that attach to the character before them and take no column.
fn is_attached(c: char) -> bool {
    char_width(c) == Some(0)
}

/// A character's columns, as unicode-width counts them; printable ASCII and
/// Chinese characters (most of what is wrapped) without looking them up.
pub(crate) fn char_width(c: char) -> Option<usize> {
    match c {
        ' '..='~' => Some(1),
        '\u{4E00}'..='\u{9FFF}' => Some(2),
        _ => c.width(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_taken_for_clusters_alone_are_clusters_alone_beside_anything() {
        let alone = (0..=0x10_FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_a_cluster_alone(c));
        for c in alone {
            // Beside a letter, itself, and Hangul jamo (leading, vowel, trailing).
            for pair in [
                format!("a{c}"),
                format!("{c}a"),
                format!("{c}{c}"),
                format!("\u{1100}{c}"),
                format!("{c}\u{1161}"),
                format!("{c}\u{11A8}"),
            ] {
                assert_eq!(pair.graphemes(true).count(), 2, "{c:?} in {pair:?}");
            }
        }
    }

    fn seen(clusters: impl Iterator<Item = Cluster>) -> Vec<(usize, char, usize)> {
        clusters.map(|c| (c.start, c.base, c.width)).collect()
    }

    #[test]
    fn read_by_characters_or_segmented_the_clusters_are_the_same() {
        let corpus = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/plans-2021.txt"
        ));
        let mixed = "ab  c中\u{3000}“文”\t\u{0}—…·①℃％";
        for text in corpus.lines().chain([mixed]) {
            let mut characters = CharClusters::new(text);
            let read = seen(&mut characters);
            assert!(!characters.gave_up, "{text:?}");
            assert_eq!(read, seen(GraphemeClusters::new(text)), "{text:?}");
        }
    }

    #[test]
    fn widths_told_without_looking_them_up_are_those_looked_up() {
        for c in (' '..='~').chain('\u{4E00}'..='\u{9FFF}') {
            assert_eq!(char_width(c), c.width(), "{c:?}");
        }
    }

    #[test]
    fn reading_by_characters_gives_up_at_a_mark_that_takes_a_column() {
        let mut characters = CharClusters::new("ab कि");
        assert_eq!(characters.by_ref().count(), 3);
        assert!(characters.gave_up);
    }
}
