//! A place in a document that survives a new width, a re-extraction and light
//! edits: the path of headings down to its section (by label, or title where there
//! is none), the paragraph within the section, the character within the
//! paragraph, and a few characters of text from there on. Never a screen row.
//!
//! Finding it again tries, in turn: the same paragraph and character under the
//! same headings with the same text; the text elsewhere in that section; the text
//! anywhere, nearest the old place. Where the text is gone the anchor falls back
//! to its section and says so; where the section is gone too, it is unplaced and
//! kept as it is (bookmarks are never dropped).

use serde::{Deserialize, Serialize};

use crate::document::{Document, HeadingId};

/// Characters of text kept to find the place again.
const SNIPPET_CHARS: usize = 16;

/// A place in a document, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// Each heading from the top of the outline down to the section, by label
    /// (or title, for headings without one).
    pub path: Vec<String>,
    /// Paragraphs after the section's heading paragraph (0: the heading itself).
    pub paragraph: usize,
    /// Character in that paragraph.
    pub offset: usize,
    /// The text from there on, a few characters.
    pub snippet: String,
}

/// A place in a document as laid out now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub paragraph: usize,
    /// Character in the paragraph.
    pub offset: usize,
}

/// How an anchor was found again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// Its text where it was.
    Exact(Place),
    /// Its text, elsewhere (the document was edited or extracted again).
    Moved(Place),
    /// Its text is gone; the start of its section.
    Section(Place),
    /// Neither its text nor its section is in the document.
    Unplaced,
}

impl Found {
    /// Where to show it, if anywhere.
    pub fn place(self) -> Option<Place> {
        match self {
            Found::Exact(p) | Found::Moved(p) | Found::Section(p) => Some(p),
            Found::Unplaced => None,
        }
    }
}

impl Anchor {
    /// The anchor of character `offset` of paragraph `paragraph`.
    pub fn at(document: &Document, paragraph: usize, offset: usize) -> Self {
        let section = document.paragraphs.get(paragraph).and_then(|p| p.heading);
        let (path, first) = match section {
            Some(id) => (
                heading_path(document, id),
                document.outline.get(id).paragraph.min(paragraph),
            ),
            None => (Vec::new(), 0),
        };
        let text = document.paragraphs.get(paragraph).map_or("", |p| &p.text);
        Self {
            path,
            paragraph: paragraph - first,
            offset,
            snippet: text.chars().skip(offset).take(SNIPPET_CHARS).collect(),
        }
    }

    /// Finds the anchor in `document`.
    pub fn find(&self, document: &Document) -> Found {
        let section = find_section(document, &self.path);
        let (start, end) = match section {
            Some(id) => section_span(document, id),
            None => (0, 0),
        };
        if section.is_some() || self.path.is_empty() {
            let at = start + self.paragraph;
            if let Some(offset) = self.offset_in(document, at, Some(self.offset)) {
                return Found::Exact(Place {
                    paragraph: at,
                    offset,
                });
            }
        }
        if let Some(place) = self.search(document, start..end, start + self.paragraph) {
            return Found::Moved(place);
        }
        let everywhere = 0..document.paragraphs.len();
        if let Some(place) = self.search(document, everywhere, start + self.paragraph) {
            return Found::Moved(place);
        }
        match section {
            Some(_) => Found::Section(Place {
                paragraph: start,
                offset: 0,
            }),
            None => Found::Unplaced,
        }
    }

    /// Where the snippet is in paragraph `index`: at `expected` if given (and
    /// nowhere else), or anywhere.
    fn offset_in(
        &self,
        document: &Document,
        index: usize,
        expected: Option<usize>,
    ) -> Option<usize> {
        let text = &document.paragraphs.get(index)?.text;
        if self.snippet.is_empty() {
            return expected.filter(|&o| o <= text.chars().count());
        }
        if let Some(offset) = expected {
            let from: String = text.chars().skip(offset).take(SNIPPET_CHARS).collect();
            (from == self.snippet).then_some(offset)
        } else {
            let byte = text.find(&self.snippet)?;
            Some(text[..byte].chars().count())
        }
    }

    /// The paragraph of `range` holding the snippet nearest to paragraph `near`.
    fn search(
        &self,
        document: &Document,
        range: std::ops::Range<usize>,
        near: usize,
    ) -> Option<Place> {
        if self.snippet.is_empty() {
            return None;
        }
        range
            .filter_map(|index| {
                let offset = self.offset_in(document, index, None)?;
                Some(Place {
                    paragraph: index,
                    offset,
                })
            })
            .min_by_key(|place| place.paragraph.abs_diff(near))
    }
}

/// One heading's step in a path: its label, or its title where it has none.
pub fn step(document: &Document, id: HeadingId) -> &str {
    let heading = document.outline.get(id);
    if heading.label.is_empty() {
        &heading.title
    } else {
        &heading.label
    }
}

/// The path of headings from the top of the outline down to `id`.
pub fn heading_path(document: &Document, id: HeadingId) -> Vec<String> {
    let mut chain = document.outline.ancestors(id);
    chain.push(id);
    chain
        .into_iter()
        .map(|at| step(document, at).to_string())
        .collect()
}

/// The heading at the end of `path`, if every step is there.
pub fn find_section(document: &Document, path: &[String]) -> Option<HeadingId> {
    let mut parent: Option<HeadingId> = None;
    for wanted in path {
        let found = document
            .outline
            .children(parent)
            .find(|&id| step(document, id) == wanted)?;
        parent = Some(found);
    }
    parent
}

/// The paragraphs of a section: from its heading's paragraph to the next
/// heading's that is not under it.
fn section_span(document: &Document, id: HeadingId) -> (usize, usize) {
    let outline = &document.outline;
    let heading = outline.get(id);
    let next = outline.headings[id.0 as usize + 1..]
        .iter()
        .find(|h| h.depth <= heading.depth)
        .map_or(document.paragraphs.len(), |h| h.paragraph);
    (heading.paragraph, next.max(heading.paragraph))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "第一章 总则\n\u{3000}\u{3000}第一段正文，讲总的要求和原则。\n\u{3000}\u{3000}第二段正文，讲具体的做法和步骤。\n第二章 附则\n\u{3000}\u{3000}本办法自发布之日起施行。\n";

    #[test]
    fn an_anchor_is_found_where_it_was() {
        let document = crate::build(TEXT);
        let anchor = Anchor::at(&document, 2, 3);
        assert_eq!(anchor.path, ["第一章"]);
        assert_eq!(anchor.paragraph, 2);
        assert_eq!(anchor.snippet, "正文，讲具体的做法和步骤。");
        assert_eq!(
            anchor.find(&document),
            Found::Exact(Place {
                paragraph: 2,
                offset: 3
            })
        );
    }

    #[test]
    fn lines_added_at_the_top_move_the_anchor_with_its_text() {
        let document = crate::build(TEXT);
        let anchor = Anchor::at(&document, 2, 3);
        let edited = crate::build(&format!("前言\n\u{3000}\u{3000}新加的一段。\n{TEXT}"));
        let (Found::Exact(place) | Found::Moved(place)) = anchor.find(&edited) else {
            panic!("found");
        };
        let text: String = edited.paragraphs[place.paragraph]
            .text
            .chars()
            .skip(place.offset)
            .collect();
        assert!(text.starts_with("正文，讲具体的做法"), "{text}");
    }

    #[test]
    fn text_gone_falls_back_to_the_section_and_a_gone_section_is_unplaced() {
        let document = crate::build(TEXT);
        let anchor = Anchor::at(&document, 4, 0);
        let edited = crate::build(&TEXT.replace("本办法自发布之日起施行。", "另行规定。"));
        assert!(matches!(anchor.find(&edited), Found::Section(_)));
        let other = crate::build("第九章 其他\n\u{3000}\u{3000}无关的内容。\n");
        assert_eq!(anchor.find(&other), Found::Unplaced);
    }

    #[test]
    fn an_anchor_keeps_its_text_through_a_round_trip_to_json() {
        let document = crate::build(TEXT);
        let anchor = Anchor::at(&document, 1, 0);
        let json = serde_json::to_string(&anchor).expect("serialises");
        let back: Anchor = serde_json::from_str(&json).expect("deserialises");
        assert_eq!(back, anchor);
    }
}
