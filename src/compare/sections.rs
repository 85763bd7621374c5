//! The sections of a document, as the comparison sees them: a section is a
//! heading with its own text (the paragraphs up to the next heading, cut into
//! sentences), and the text before the first heading is a section of its own,
//! the root. Each knows its parent, its size, a hash that tells the same
//! section at once, and fingerprints of its title and text for scoring.

use std::cell::OnceCell;
use std::hash::{Hash, Hasher};

use rustc_hash::FxHasher;

use crate::document::{Document, HeadingKind, ParagraphKind};

use super::fingerprint::{Fingerprint, Fingerprints};
use super::text::{Sentence, is_blank, key, sentences};

/// One section of a document.
#[derive(Debug)]
pub(crate) struct Section<'a> {
    /// The heading's kind; `None` for the root.
    pub kind: Option<HeadingKind>,
    /// The title, when the heading stands on its own line (a run-in article's
    /// title is part of its first sentence instead).
    pub title: Option<&'a str>,
    /// The section above (the root for top-level headings and for the root).
    pub parent: usize,
    pub sentences: Vec<Sentence<'a>>,
    /// The heading's title, however it stands.
    heading_title: &'a str,
    /// A hash of the kind, the title and the sentences: sections that differ
    /// almost never share it, so the same section is found without scoring.
    pub exact: u64,
    /// Fingerprints of the title and of the sentences, made when the
    /// section is first scored.
    title_print: OnceCell<Fingerprint>,
    body_print: OnceCell<Fingerprint>,
    /// Characters (white space aside) of the section with its subsections.
    pub size: usize,
}

impl Section<'_> {
    pub(super) fn title_print(&self, prints: &mut Fingerprints) -> &[u32] {
        self.title_print
            .get_or_init(|| prints.of([key(self.heading_title).as_ref()]))
    }

    pub(super) fn body_print(&self, prints: &mut Fingerprints) -> &[u32] {
        self.body_print
            .get_or_init(|| prints.of(self.sentences.iter().map(|s| s.key.as_ref())))
    }

    /// Whether two sections are the same: kind, title and sentences.
    pub(super) fn same_as(&self, other: &Section) -> bool {
        self.exact == other.exact
            && self.kind == other.kind
            && self.heading_title == other.heading_title
            && self.sentences.len() == other.sentences.len()
            && self
                .sentences
                .iter()
                .zip(&other.sentences)
                .all(|(a, b)| a.key == b.key)
    }
}

/// A document's sections: index 0 is the root, index `i + 1` heading `i`.
#[derive(Debug)]
pub(crate) struct Sections<'a> {
    pub list: Vec<Section<'a>>,
    /// The sections under each, in order.
    pub children: Vec<Vec<usize>>,
}

impl<'a> Sections<'a> {
    pub(super) fn of(document: &'a Document) -> Self {
        let headings = &document.outline.headings;
        let mut list: Vec<Section<'a>> = std::iter::once(None)
            .chain(headings.iter().map(Some))
            .map(|heading| Section {
                kind: heading.map(|h| h.kind),
                title: heading
                    .filter(|h| document.paragraphs[h.paragraph].kind == ParagraphKind::Heading)
                    .map(|h| h.title.as_str()),
                parent: heading
                    .and_then(|h| h.parent)
                    .map_or(0, |p| p.0 as usize + 1),
                sentences: Vec::new(),
                heading_title: heading.map_or("", |h| h.title.as_str()),
                exact: 0,
                title_print: OnceCell::new(),
                body_print: OnceCell::new(),
                size: 0,
            })
            .collect();
        for (index, paragraph) in document.paragraphs.iter().enumerate() {
            if paragraph.kind != ParagraphKind::Heading {
                let section = paragraph.heading.map_or(0, |h| h.0 as usize + 1);
                let from = run_in_label(document, index);
                sentences(index, paragraph, from, &mut list[section].sentences);
            }
        }
        let mut children = vec![Vec::new(); list.len()];
        for at in (0..list.len()).rev() {
            let section = &mut list[at];
            let mut hasher = FxHasher::default();
            (section.kind, section.heading_title).hash(&mut hasher);
            let mut body = 0;
            for sentence in &section.sentences {
                sentence.key.hash(&mut hasher);
                body += sentence.key.chars().count();
            }
            section.exact = hasher.finish();
            let title = section
                .title
                .map_or(0, |t| t.chars().filter(|&c| !is_blank(c)).count());
            section.size += title + body;
            if at > 0 {
                let (parent, size) = (section.parent, section.size);
                list[parent].size += size;
                children[parent].push(at);
            }
        }
        for list in &mut children {
            list.reverse();
        }
        Sections { list, children }
    }

    pub(super) fn len(&self) -> usize {
        self.list.len()
    }
}

/// Bytes of paragraph `index` taken by the label of a run-in heading it opens
/// (`（五）扩大高水平对外开放。…`), which renumbering changes and the outline
/// compares instead; 0 for other paragraphs.
fn run_in_label(document: &Document, index: usize) -> usize {
    let paragraph = &document.paragraphs[index];
    let Some(heading) = paragraph.heading.map(|h| document.outline.get(h)) else {
        return 0;
    };
    let opens = heading.paragraph == index && paragraph.text.starts_with(&heading.label);
    if opens { heading.label.len() } else { 0 }
}
