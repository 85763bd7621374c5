//! Full-text search: every place a phrase occurs in the reflowed text, so a phrase
//! that a hard wrap or a page break split in the source is found whole.
//!
//! A query is a plain substring, not a pattern. ASCII letters match either case,
//! and the ASCII forms of letters, digits and punctuation match their full-width
//! forms both ways (`5G` finds `５Ｇ`, `（三）` finds `(三)`); white space in the query
//! matches any run of white space, or none. Hits are byte ranges in the paragraphs'
//! own text, in document order. Owns neither the popup nor the command line.

use regex::Regex;

use crate::document::{Document, HeadingId};

/// Most hits the reader keeps for one query; a query that occurs more often than
/// this is too common to step through, and its count is shown as `100000+`.
pub const MAX_HITS: usize = 100_000;

/// One place a query occurs: bytes `start..end` of a paragraph's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TextHit {
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

/// The hits of one query, in document order.
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub hits: Vec<TextHit>,
    /// More hits exist than were kept.
    pub truncated: bool,
}

/// A query made ready to search with.
#[derive(Debug, Clone)]
pub struct Query {
    text: String,
    regex: Regex,
}

impl Query {
    /// The query for `text`; `None` when it has nothing to look for (empty or
    /// white space only).
    pub fn new(text: &str) -> Option<Self> {
        let trimmed = text.trim_matches(char::is_whitespace);
        if trimmed.is_empty() {
            return None;
        }
        let regex = Regex::new(&pattern_of(trimmed)).ok()?;
        Some(Self {
            text: trimmed.to_string(),
            regex,
        })
    }

    /// The query as typed, without surrounding white space.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether every text this query matches also matches `other`'s query, so
    /// only `other`'s hit paragraphs need searching (a query typed further).
    pub fn narrows(&self, other: &Query) -> bool {
        self.text.starts_with(&other.text)
    }

    /// Every occurrence in the document, in order, up to `limit`.
    pub fn find_all(&self, document: &Document, limit: usize) -> Found {
        self.find_in(document, 0..document.paragraphs.len(), limit)
    }

    /// Occurrences in the given paragraphs (in ascending order), up to `limit`.
    pub fn find_in(
        &self,
        document: &Document,
        paragraphs: impl IntoIterator<Item = usize>,
        limit: usize,
    ) -> Found {
        let mut found = Found::default();
        for index in paragraphs {
            let Some(paragraph) = document.paragraphs.get(index) else {
                continue;
            };
            for m in self.regex.find_iter(&paragraph.text) {
                if found.hits.len() == limit {
                    found.truncated = true;
                    return found;
                }
                found.hits.push(TextHit {
                    paragraph: index,
                    start: m.start(),
                    end: m.end(),
                });
            }
        }
        found
    }
}

/// Any run of white space, or none: the characters `char::is_whitespace` tells
/// (Unicode's `White_Space`), named one by one, as the program's `regex` has no
/// Unicode classes (`Cargo.toml`).
const WHITE_SPACE_RUN: &str = r"[\t\n\x0B\f\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}]*";

/// The regular expression matching `query` as a folded substring.
fn pattern_of(query: &str) -> String {
    let mut pattern = String::new();
    let mut in_space = false;
    for c in query.chars() {
        if c.is_whitespace() {
            if !in_space {
                pattern.push_str(WHITE_SPACE_RUN);
            }
            in_space = true;
            continue;
        }
        in_space = false;
        let ascii = half_width(c);
        if ascii.is_ascii_graphic() {
            let mut forms = vec![ascii, full_width(ascii)];
            if ascii.is_ascii_alphabetic() {
                let other = if ascii.is_ascii_lowercase() {
                    ascii.to_ascii_uppercase()
                } else {
                    ascii.to_ascii_lowercase()
                };
                forms.extend([other, full_width(other)]);
            }
            pattern.push('[');
            for form in forms {
                pattern.push_str(&regex::escape(form.encode_utf8(&mut [0; 4])));
            }
            pattern.push(']');
        } else {
            pattern.push_str(&regex::escape(c.encode_utf8(&mut [0; 4])));
        }
    }
    pattern
}

/// The full-width form (U+FF01–U+FF5E) of a printable ASCII character.
fn full_width(c: char) -> char {
    char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)
}

/// The ASCII form of a full-width character; other characters unchanged.
fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Hits grouped by the section they fall in, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The section's heading (`None` for text before the first heading).
    pub heading: Option<HeadingId>,
    /// In a library, the file the section is in.
    pub file: Option<HeadingId>,
    /// Indices into the hits of the first hit of the group and the count.
    pub first: usize,
    pub count: usize,
}

/// The hits' sections, each with its run of hits.
pub fn groups(document: &Document, hits: &[TextHit]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for (index, hit) in hits.iter().enumerate() {
        let heading = document.paragraphs[hit.paragraph].heading;
        match groups.last_mut() {
            Some(group) if group.heading == heading => group.count += 1,
            _ => groups.push(Group {
                heading,
                file: heading.and_then(|h| document.outline.file_of(h)),
                first: index,
                count: 1,
            }),
        }
    }
    groups
}

/// Marks that end a clause or a sentence: a snippet starts after one, never
/// on one.
const CLAUSE_MARKS: &[char] = &['，', '。', '；', '：', '！', '？', '、', ',', ';', ':'];

/// Text around a hit: up to `before` characters before it and `after` after it,
/// within its paragraph, table rows joined by a space; cut mid-sentence, it
/// starts at a clause's start. Returns the snippet and the
/// hit's char range within it.
pub fn snippet(
    text: &str,
    hit: &TextHit,
    (before, after): (usize, usize),
) -> (String, std::ops::Range<usize>) {
    let start = hit.start.min(text.len());
    let end = hit.end.clamp(start, text.len());
    let mut lead: Vec<char> = text[..start].chars().rev().take(before).collect();
    lead.reverse();
    // Cut mid-sentence, the lead starts at its first clause's start instead.
    let cut = lead.len() < text[..start].chars().count();
    if cut && let Some(mark) = lead.iter().position(|c| CLAUSE_MARKS.contains(c)) {
        lead.drain(..=mark);
    }
    let skip = lead
        .iter()
        .take_while(|c| CLAUSE_MARKS.contains(c) || c.is_whitespace())
        .count();
    lead.drain(..skip);
    lead.reverse();
    let found: String = text[start..end].chars().collect();
    let tail: String = text[end..].chars().take(after).collect();
    let mut out: String = lead.iter().rev().collect();
    let from = lead.len();
    let to = from + found.chars().count();
    out.push_str(&found);
    out.push_str(&tail);
    let out = out.replace('\n', " ");
    (out, from..to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(text: &str, query: &str) -> Vec<String> {
        let document = crate::build(text);
        let query = Query::new(query).expect("a query");
        query
            .find_all(&document, MAX_HITS)
            .hits
            .iter()
            .map(|h| document.paragraphs[h.paragraph].text[h.start..h.end].to_string())
            .collect()
    }

    #[test]
    fn chinese_is_found_as_a_substring() {
        assert_eq!(
            hits("\u{3000}\u{3000}发展数字经济，数字中国。\n", "数字"),
            ["数字", "数字"]
        );
    }

    #[test]
    fn latin_letters_ignore_case_and_width() {
        assert_eq!(
            hits("\u{3000}\u{3000}加快５Ｇ网络和5g应用，推进ＡＩ。\n", "5G"),
            ["５Ｇ", "5g"]
        );
        assert_eq!(hits("\u{3000}\u{3000}推进ＡＩ。\n", "ａｉ"), ["ＡＩ"]);
        assert_eq!(
            hits("\u{3000}\u{3000}见（三）与(三)。\n", "(三)"),
            ["（三）", "(三)"]
        );
    }

    #[test]
    fn white_space_in_the_query_matches_any_or_none() {
        assert_eq!(
            hits("\u{3000}\u{3000}5G 网络与5G网络。\n", "5G 网络"),
            ["5G 网络", "5G网络"]
        );
    }

    #[test]
    fn the_white_space_run_is_what_char_tells_white_space() {
        let run = Regex::new(&format!("^{WHITE_SPACE_RUN}$")).expect("compiles");
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let text = c.encode_utf8(&mut [0; 4]).to_string();
            assert_eq!(run.is_match(&text), c.is_whitespace(), "{c:?}");
        }
    }

    #[test]
    fn a_query_of_white_space_finds_nothing() {
        assert!(Query::new(" \u{3000} ").is_none());
    }

    #[test]
    fn pattern_characters_are_literal() {
        assert_eq!(hits("\u{3000}\u{3000}增长 7.2*（%）。\n", "7.2*"), ["7.2*"]);
        assert!(hits("\u{3000}\u{3000}增长 712。\n", "7.2").is_empty());
    }

    #[test]
    fn snippets_keep_context_and_mark_the_hit() {
        let text = "一二三四五数字六七八九十";
        let hit = TextHit {
            paragraph: 0,
            start: "一二三四五".len(),
            end: "一二三四五数字".len(),
        };
        let (snippet, range) = snippet(text, &hit, (2, 3));
        assert_eq!(snippet, "四五数字六七八");
        assert_eq!(range, 2..4);
    }

    #[test]
    fn a_snippet_cut_mid_sentence_starts_at_a_clause() {
        let text = "加快发展现代产业体系，推动数字经济和实体经济深度融合。";
        let at = text.find("数字").unwrap_or_default();
        let hit = TextHit {
            paragraph: 0,
            start: at,
            end: at + "数字".len(),
        };
        let (wide, range) = snippet(text, &hit, (8, 4));
        assert_eq!(wide, "推动数字经济和实");
        assert_eq!(range, 2..4);
        // A lead that would open on the comma starts after it.
        let (narrow, range) = snippet(text, &hit, (3, 2));
        assert_eq!(narrow, "推动数字经济");
        assert_eq!(range, 2..4);
    }
}
