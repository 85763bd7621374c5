//! Reading progress: which sections are read, and how much of each heading's text
//! (its own section and everything under it) that makes, weighed by length. A
//! section is a heading's own text, up to the next heading of any level. Read
//! marks are kept by heading path (`anchor::heading_path`), so they survive a new
//! extraction of the file. No terminal code.

use std::cell::OnceCell;
use std::hash::BuildHasher;

use rustc_hash::FxBuildHasher;

use crate::document::{Document, HeadingId};
use crate::study::anchor::step;
use crate::study::store::record::ReadMark;

/// How much of a heading has been read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Unread,
    Partly,
    Read,
}

/// What progress needs to know of a document's sections, whoever reads it:
/// each heading's own length and its subtree's, and the headings by their
/// paths, where read marks are looked up. Worked out once per document, on the
/// thread that builds a long one (on 101 MB, summing every paragraph's length
/// when the whole came held the keys 1.1–1.3 ms, and finding 17 read marks by
/// going through all 98,000 headings 2 ms more).
#[derive(Debug, Clone, Default)]
pub struct Sections {
    /// Bytes of each heading's own section.
    own: Vec<u64>,
    /// Bytes of each heading's subtree, its own section included.
    subtree: Vec<u64>,
    /// Bytes of the whole document: every top-level heading's subtree.
    whole: u64,
    /// Every heading by the hash of its path, in the order of the hashes;
    /// made when first asked for (a short text without read marks never needs
    /// it).
    by_path: OnceCell<Vec<(u64, HeadingId)>>,
}

impl Sections {
    /// The lengths of `document`'s sections; its headings are looked up by
    /// their paths when read marks are first looked for.
    pub fn of(document: &Document) -> Self {
        let headings = &document.outline.headings;
        let own: Vec<u64> = (0..headings.len())
            .map(|index| {
                let (start, end) = own_span(document, HeadingId(index as u32));
                document.paragraphs[start..end]
                    .iter()
                    .map(|p| p.text.len() as u64)
                    .sum()
            })
            .collect();
        let mut subtree = own.clone();
        let mut whole = 0;
        // Children come after their parents: each sum is whole before its
        // parent's takes it in.
        for index in (0..headings.len()).rev() {
            match headings[index].parent {
                Some(parent) => subtree[parent.0 as usize] += subtree[index],
                None => whole += subtree[index],
            }
        }
        Self {
            own,
            subtree,
            whole,
            by_path: OnceCell::new(),
        }
    }

    /// Looks `document`'s headings up by their paths now, so that finding
    /// read marks later costs only the marks.
    pub fn look_up_paths(&self, document: &Document) {
        self.by_path(document);
    }

    /// The headings by the hash of their path.
    fn by_path(&self, document: &Document) -> &[(u64, HeadingId)] {
        self.by_path.get_or_init(|| {
            let headings = &document.outline.headings;
            let mut hashes: Vec<u64> = Vec::with_capacity(headings.len());
            for (index, heading) in headings.iter().enumerate() {
                // A parent comes before its children: its hash is known.
                let above = heading
                    .parent
                    .and_then(|p| hashes.get(p.0 as usize).copied());
                hashes.push(step_hash(above, step(document, HeadingId(index as u32))));
            }
            let mut by_path: Vec<(u64, HeadingId)> = hashes
                .into_iter()
                .enumerate()
                .map(|(index, hash)| (hash, HeadingId(index as u32)))
                .collect();
            by_path.sort_unstable();
            by_path
        })
    }

    /// The headings whose path may be `path` (those whose hash is its).
    fn maybe_at(&self, document: &Document, path: &[String]) -> impl Iterator<Item = HeadingId> {
        let hash = path
            .iter()
            .fold(None, |above, step| Some(step_hash(above, step)));
        let by_path = self.by_path(document);
        let first = by_path.partition_point(|&(h, _)| Some(h) < hash);
        by_path[first..]
            .iter()
            .take_while(move |&&(h, _)| Some(h) == hash)
            .map(|&(_, id)| id)
    }
}

/// The hash of a path: of the path `above` its last step, and that `step`.
fn step_hash(above: Option<u64>, step: &str) -> u64 {
    FxBuildHasher.hash_one((above, step))
}

/// The read sections of a document and the sums over its outline.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    sections: Sections,
    /// Each heading's own section is read.
    read: Vec<bool>,
    /// Bytes read of each heading's subtree.
    read_in: Vec<u64>,
    /// Bytes read of the whole document.
    whole_read: u64,
}

impl Progress {
    /// Nothing read yet of the document whose sections are `sections`.
    pub fn new(sections: Sections) -> Self {
        let count = sections.own.len();
        Self {
            sections,
            read: vec![false; count],
            read_in: vec![0; count],
            whole_read: 0,
        }
    }

    /// Progress of `document` as the `marks` kept of earlier runs say.
    pub fn marked(document: &Document, marks: &[ReadMark]) -> Self {
        let mut progress = Self::new(Sections::of(document));
        progress.read_as(document, marks);
        progress
    }

    /// Reads the `marks` kept of earlier runs in place of every mark made so
    /// far: the sections they name are read, the rest unread.
    pub fn read_as(&mut self, document: &Document, marks: &[ReadMark]) {
        self.read.fill(false);
        self.read_in.fill(0);
        self.whole_read = 0;
        for mark in marks.iter().filter(|m| m.read) {
            let found: Vec<HeadingId> = self
                .sections
                .maybe_at(document, &mark.path)
                .filter(|&id| has_path(document, id, &mark.path))
                .collect();
            for id in found {
                self.mark(document, id, true);
            }
        }
    }

    /// Marks a heading's own section read or unread; whether that changed it.
    pub fn mark(&mut self, document: &Document, id: HeadingId, read: bool) -> bool {
        let Some(slot) = self.read.get_mut(id.0 as usize) else {
            return false;
        };
        if *slot == read {
            return false;
        }
        *slot = read;
        // Only the heading's own sum, its ancestors' and the whole's change.
        let own = self.sections.own[id.0 as usize];
        let add = |total: &mut u64| *total = if read { *total + own } else { *total - own };
        let mut next = Some(id);
        while let Some(at) = next {
            add(&mut self.read_in[at.0 as usize]);
            next = document.outline.get(at).parent;
        }
        add(&mut self.whole_read);
        true
    }

    /// Whether a heading's own section is read.
    pub fn is_read(&self, id: HeadingId) -> bool {
        self.read.get(id.0 as usize).copied().unwrap_or(false)
    }

    /// How much of a heading, its subtree included, is read.
    pub fn state(&self, id: HeadingId) -> State {
        let index = id.0 as usize;
        match (self.read_in.get(index), self.sections.subtree.get(index)) {
            (Some(&read), Some(&all)) if all > 0 && read >= all => State::Read,
            (Some(&read), _) if read > 0 => State::Partly,
            (Some(0), Some(0)) if self.is_read(id) => State::Read,
            _ => State::Unread,
        }
    }

    /// Percent read of a heading, its subtree included.
    pub fn percent(&self, id: HeadingId) -> u8 {
        let index = id.0 as usize;
        match (self.read_in.get(index), self.sections.subtree.get(index)) {
            (Some(&read), Some(&all)) => percent(read, all),
            _ => 0,
        }
    }

    /// Percent read of the whole document.
    pub fn document_percent(&self) -> u8 {
        percent(self.whole_read, self.sections.whole)
    }
}

/// Whether the steps from the top of the outline down to `id` are `path`.
fn has_path(document: &Document, id: HeadingId, path: &[String]) -> bool {
    let mut at = Some(id);
    for wanted in path.iter().rev() {
        let Some(here) = at else {
            return false;
        };
        if step(document, here) != wanted {
            return false;
        }
        at = document.outline.get(here).parent;
    }
    at.is_none()
}

fn percent(read: u64, all: u64) -> u8 {
    (read * 100)
        .checked_div(all)
        .map_or(0, |p| p.min(100) as u8)
}

/// The paragraphs of a heading's own section: from its paragraph to the next
/// heading's.
pub fn own_span(document: &Document, id: HeadingId) -> (usize, usize) {
    let headings = &document.outline.headings;
    let start = headings[id.0 as usize].paragraph;
    let end = headings[id.0 as usize + 1..]
        .iter()
        .map(|h| h.paragraph)
        .find(|&p| p > start)
        .unwrap_or(document.paragraphs.len());
    (start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "第一章 总则\n\u{3000}\u{3000}第一段正文。\n第一节 目的\n\u{3000}\u{3000}第二段正文，长一些的一段。\n第二节 范围\n\u{3000}\u{3000}第三段。\n第二章 附则\n\u{3000}\u{3000}本办法自发布之日起施行。\n";

    fn id(document: &Document, title: &str) -> HeadingId {
        let index = document
            .outline
            .headings
            .iter()
            .position(|h| h.title == title)
            .expect("a heading");
        HeadingId(index as u32)
    }

    #[test]
    fn a_chapter_is_partly_read_until_all_its_sections_are() {
        let document = crate::build(TEXT);
        let mut progress = Progress::marked(&document, &[]);
        let chapter = id(&document, "总则");
        assert_eq!(progress.state(chapter), State::Unread);
        assert!(progress.mark(&document, id(&document, "目的"), true));
        assert_eq!(progress.state(chapter), State::Partly);
        assert!(progress.percent(chapter) > 0 && progress.percent(chapter) < 100);
        progress.mark(&document, chapter, true);
        progress.mark(&document, id(&document, "范围"), true);
        assert_eq!(progress.state(chapter), State::Read);
        assert_eq!(progress.percent(chapter), 100);
        assert!(progress.document_percent() < 100);
        assert!(!progress.mark(&document, chapter, true), "no change");
    }

    /// Marking and unmarking sections one at a time keeps every sum what adding
    /// up the read sections under each heading gives.
    #[test]
    fn sums_kept_as_sections_are_marked_are_the_sums_made_afresh() {
        let document = crate::build(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/plans-2021.txt"
        )));
        let mut progress = Progress::marked(&document, &[]);
        let count = document.outline.headings.len();
        for step in [3, 7, 2, 5] {
            for index in (0..count).step_by(step) {
                let read = !progress.is_read(HeadingId(index as u32));
                progress.mark(&document, HeadingId(index as u32), read);
            }
            let mut afresh = vec![0; count];
            let mut whole = 0;
            for index in (0..count).filter(|&i| progress.read[i]) {
                let id = HeadingId(index as u32);
                let own = progress.sections.own[index];
                for at in document.outline.ancestors(id).into_iter().chain([id]) {
                    afresh[at.0 as usize] += own;
                }
                whole += own;
            }
            assert_eq!(
                (&progress.read_in, progress.whole_read),
                (&afresh, whole),
                "after every {step}th"
            );
        }
        assert!(progress.document_percent() > 0);
    }

    #[test]
    fn a_subtree_holds_its_own_section_and_every_one_under_it() {
        let document = crate::build(TEXT);
        let sections = Sections::of(&document);
        let chapter = id(&document, "总则").0 as usize;
        let under = ["目的", "范围"].map(|title| sections.own[id(&document, title).0 as usize]);
        assert!(under.iter().all(|&own| own > 0));
        assert_eq!(
            sections.subtree[chapter],
            sections.own[chapter] + under[0] + under[1]
        );
        let total: usize = document.paragraphs.iter().map(|p| p.text.len()).sum();
        let before_any: usize = document.paragraphs[..document.outline.headings[0].paragraph]
            .iter()
            .map(|p| p.text.len())
            .sum();
        assert_eq!(sections.whole, (total - before_any) as u64);
    }

    #[test]
    fn marks_read_again_take_the_place_of_every_earlier_mark() {
        let document = crate::build(TEXT);
        let mut progress = Progress::marked(&document, &[]);
        progress.mark(&document, id(&document, "目的"), true);
        let marks = [ReadMark {
            path: vec!["第二章".into()],
            read: true,
            at: 1,
        }];
        progress.read_as(&document, &marks);
        assert!(!progress.is_read(id(&document, "目的")));
        assert_eq!(progress.state(id(&document, "总则")), State::Unread);
        assert_eq!(progress.state(id(&document, "附则")), State::Read);
        let appendix = id(&document, "附则").0 as usize;
        assert_eq!(progress.whole_read, progress.sections.subtree[appendix]);
    }

    #[test]
    fn marks_of_an_earlier_run_are_found_by_their_paths() {
        let document = crate::build(TEXT);
        let marks = [ReadMark {
            path: vec!["第二章".into()],
            read: true,
            at: 1,
        }];
        let progress = Progress::marked(&document, &marks);
        assert_eq!(progress.state(id(&document, "附则")), State::Read);
        assert_eq!(progress.state(id(&document, "总则")), State::Unread);
    }

    #[test]
    fn a_mark_finds_only_the_heading_with_its_whole_path() {
        let document =
            crate::build("第一章 总则\n一、目的\n正文。\n第二章 附则\n一、目的\n正文。\n");
        let mark = |path: &[&str]| ReadMark {
            path: path.iter().map(|&step| step.to_string()).collect(),
            read: true,
            at: 1,
        };
        let read_under = |marks: &[ReadMark]| -> Vec<String> {
            let progress = Progress::marked(&document, marks);
            let headings = &document.outline.headings;
            (0..headings.len())
                .map(|index| HeadingId(index as u32))
                .filter(|&at| progress.is_read(at))
                .map(|at| {
                    document
                        .outline
                        .get(at)
                        .parent
                        .map_or_else(String::new, |p| step(&document, p).to_string())
                        + "/"
                        + step(&document, at)
                })
                .collect()
        };
        assert_eq!(read_under(&[mark(&["第二章", "一、"])]), ["第二章/一、"]);
        assert!(
            read_under(&[mark(&["一、"])]).is_empty(),
            "not a path from the top"
        );
        assert!(read_under(&[mark(&["第三章", "一、"])]).is_empty());
        assert!(read_under(&[mark(&["前言", "第二章", "一、"])]).is_empty());
    }
}
