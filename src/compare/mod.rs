//! Comparing two versions of a document: which sections were added, removed or
//! moved, which sentences changed, and inside a changed sentence which words.
//! It compares `Document`s, not lines: their sections (`sections`) are matched
//! by the outline (`matching`: titles and text, scored in `scores` from
//! `fingerprint`s, and position, so a renumbered section still matches),
//! sentences within matched sections are aligned after reflow
//! (`sentences`, cut by `text`), so different hard wraps change nothing, and a
//! changed sentence is diffed by characters grouped into words (`chars`).
//!
//! The result is plain data, [`Change`]s in the new version's order with the
//! source lines of both versions, for `output` to print and a view to show.
//! Imports `document` and `parse` (source lines); never the terminal.

mod align;
pub mod along;
mod chars;
mod fingerprint;
mod matching;
mod runs;
mod scores;
mod sections;
mod sentences;
mod stat;
mod text;

use crate::document::{Document, HeadingId};
use crate::parse::locate::source_line;
use crate::parse::source::Line;

pub use chars::{Piece, diff as diff_chars};
use matching::{Matching, match_sections};
use sections::Sections;
use sentences::Step;
pub use stat::Stat;

/// One version of a document: what it was built into and the content lines of
/// the text it was built from (`parse::source::lines`), for source lines.
#[derive(Clone, Copy)]
pub struct Version<'a> {
    pub document: &'a Document,
    pub lines: &'a [Line<'a>],
}

/// Where a change is in one version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// 1-based source line: of the heading for a section, of the sentence's start
    /// for a sentence.
    pub line: u32,
    /// The section: the heading itself for a section, the heading a sentence is
    /// under for a sentence (`None` before the first heading).
    pub section: Option<HeadingId>,
    /// Where a sentence stands among the paragraphs; `None` for a section or
    /// a title.
    pub spot: Option<Spot>,
}

/// Where a sentence stands in its version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spot {
    /// Its paragraph, an index into the document's paragraphs.
    pub paragraph: usize,
    /// The byte it starts at in the paragraph's text.
    pub start: usize,
}

/// One difference between the old and the new version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A section only the new version has, with its subsections; `size` counts
    /// its characters (white space aside).
    SectionAdded { new: Place, size: usize },
    /// A section only the old version has, with its subsections.
    SectionRemoved { old: Place, size: usize },
    /// A section found out of its old order, or under another parent.
    SectionMoved { old: Place, new: Place },
    /// A sentence (or a heading's title) rewritten.
    Changed {
        old: Place,
        new: Place,
        pieces: Vec<Piece>,
    },
    /// A sentence only the new version has, in a section both have
    /// (`old_section` being that section in the old version).
    Added {
        old_section: Option<HeadingId>,
        new: Place,
        text: String,
    },
    /// A sentence only the old version has, in a section both have.
    Removed {
        old: Place,
        new_section: Option<HeadingId>,
        text: String,
    },
}

/// The changes that turn `old` into `new`, in the new version's order (a
/// removed section where it stood, after what preceded it).
pub fn compare(old: Version, new: Version) -> Vec<Change> {
    let old_sections = Sections::of(old.document);
    let new_sections = Sections::of(new.document);
    let matching = match_sections(&old_sections, &new_sections);
    let sides = Sides {
        old,
        new,
        old_sections: &old_sections,
        new_sections: &new_sections,
        matching: &matching,
    };
    let mut groups: Vec<((usize, usize, usize), Vec<Change>)> = Vec::new();
    for n in 0..new_sections.len() {
        let changes = match matching.new_to_old[n] {
            Some(o) => sides.matched(o, n),
            None if sides.parent_matched_new(n) => vec![Change::SectionAdded {
                new: sides.new_place(n),
                size: new_sections.list[n].size,
            }],
            None => continue,
        };
        groups.push(((n, 0, 0), changes));
    }
    for o in 0..old_sections.len() {
        if matching.old_to_new[o].is_none() && sides.parent_matched_old(o) {
            let change = Change::SectionRemoved {
                old: sides.old_place(o),
                size: old_sections.list[o].size,
            };
            groups.push(((sides.anchor(o), 1, o), vec![change]));
        }
    }
    groups.sort_by_key(|(key, _)| *key);
    groups
        .into_iter()
        .flat_map(|(_, changes)| changes)
        .collect()
}

/// Both versions, their sections and how they match.
struct Sides<'s, 'a> {
    old: Version<'a>,
    new: Version<'a>,
    old_sections: &'s Sections<'a>,
    new_sections: &'s Sections<'a>,
    matching: &'s Matching,
}

/// The heading of section `index` (0 is the root, which has none).
fn heading_of(index: usize) -> Option<HeadingId> {
    index.checked_sub(1).map(|i| HeadingId(i as u32))
}

impl Sides<'_, '_> {
    fn old_place(&self, o: usize) -> Place {
        section_place(self.old.document, o)
    }

    fn new_place(&self, n: usize) -> Place {
        section_place(self.new.document, n)
    }

    fn parent_matched_new(&self, n: usize) -> bool {
        let parent = self.new_sections.list[n].parent;
        self.matching.new_to_old[parent].is_some()
    }

    fn parent_matched_old(&self, o: usize) -> bool {
        let parent = self.old_sections.list[o].parent;
        self.matching.old_to_new[parent].is_some()
    }

    /// The new section after which removed old section `o` is listed: the match
    /// of the nearest old section before it that has one (the roots match).
    fn anchor(&self, o: usize) -> usize {
        (0..o)
            .rev()
            .find_map(|before| self.matching.old_to_new[before])
            .unwrap_or(0)
    }

    /// The changes of matched sections `o` and `n`: a move, a changed title,
    /// then the sentences.
    fn matched(&self, o: usize, n: usize) -> Vec<Change> {
        let mut changes = Vec::new();
        let (old_place, new_place) = (self.old_place(o), self.new_place(n));
        if self.matching.moved[n] {
            changes.push(Change::SectionMoved {
                old: old_place,
                new: new_place,
            });
        }
        let (old_section, new_section) = (&self.old_sections.list[o], &self.new_sections.list[n]);
        if let (Some(old_title), Some(new_title)) = (old_section.title, new_section.title)
            && text::key(old_title) != text::key(new_title)
        {
            changes.push(Change::Changed {
                old: old_place,
                new: new_place,
                pieces: chars::diff(old_title, new_title),
            });
        }
        let (olds, news) = (&old_section.sentences, &new_section.sentences);
        let old_at = |i: usize| sentence_place(self.old, &olds[i], old_place.section);
        let new_at = |j: usize| sentence_place(self.new, &news[j], new_place.section);
        for step in sentences::align(olds, news) {
            changes.push(match step {
                Step::Changed(i, j) => Change::Changed {
                    old: old_at(i),
                    new: new_at(j),
                    pieces: chars::diff(olds[i].text, news[j].text),
                },
                Step::Removed(i) => Change::Removed {
                    old: old_at(i),
                    new_section: new_place.section,
                    text: olds[i].text.to_string(),
                },
                Step::Added(j) => Change::Added {
                    old_section: old_place.section,
                    new: new_at(j),
                    text: news[j].text.to_string(),
                },
            });
        }
        changes
    }
}

/// Where section `index` of `document` is: its heading's line (the root: line 1).
fn section_place(document: &Document, index: usize) -> Place {
    let section = heading_of(index);
    Place {
        line: section.map_or(1, |h| document.outline.get(h).line),
        section,
        spot: None,
    }
}

/// Where a sentence is: the source line of its first character.
fn sentence_place(
    version: Version,
    sentence: &text::Sentence,
    section: Option<HeadingId>,
) -> Place {
    let paragraph = &version.document.paragraphs[sentence.paragraph];
    let line = if paragraph.first_line == paragraph.last_line {
        paragraph.first_line
    } else {
        source_line(version.lines, paragraph, sentence.start)
    };
    Place {
        line,
        section,
        spot: Some(Spot {
            paragraph: sentence.paragraph,
            start: sentence.start,
        }),
    }
}
