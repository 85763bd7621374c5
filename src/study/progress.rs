//! Reading progress: which sections are read, and how much of each heading's text
//! (its own section and everything under it) that makes, weighed by length. A
//! section is a heading's own text, up to the next heading of any level. Read
//! marks are kept by heading path (`anchor::heading_path`), so they survive a new
//! extraction of the file. No terminal code.

use rustc_hash::FxHashMap;

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

/// The read sections of a document and the sums over its outline.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    /// Each heading's own section is read.
    read: Vec<bool>,
    /// Bytes of each heading's own section.
    own: Vec<u64>,
    /// For each heading, bytes read and bytes in all, its subtree included.
    totals: Vec<(u64, u64)>,
    /// The same for the whole document: every top-level heading's.
    whole: (u64, u64),
}

impl Progress {
    /// Nothing read yet, then the `marks` kept of earlier runs.
    pub fn new(document: &Document, marks: &[ReadMark]) -> Self {
        let headings = &document.outline.headings;
        let own = (0..headings.len())
            .map(|index| {
                let (start, end) = own_span(document, HeadingId(index as u32));
                document.paragraphs[start..end]
                    .iter()
                    .map(|p| p.text.len() as u64)
                    .sum()
            })
            .collect();
        let mut progress = Self {
            read: marked_read(document, marks),
            own,
            totals: Vec::new(),
            whole: (0, 0),
        };
        progress.sum(document);
        progress
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
        let own = self.own[id.0 as usize];
        let add = |total: &mut u64| *total = if read { *total + own } else { *total - own };
        let mut next = Some(id);
        while let Some(at) = next {
            add(&mut self.totals[at.0 as usize].0);
            next = document.outline.get(at).parent;
        }
        add(&mut self.whole.0);
        true
    }

    /// Whether a heading's own section is read.
    pub fn is_read(&self, id: HeadingId) -> bool {
        self.read.get(id.0 as usize).copied().unwrap_or(false)
    }

    /// How much of a heading, its subtree included, is read.
    pub fn state(&self, id: HeadingId) -> State {
        match self.totals.get(id.0 as usize) {
            Some(&(read, all)) if all > 0 && read >= all => State::Read,
            Some(&(read, _)) if read > 0 => State::Partly,
            Some(&(0, 0)) if self.is_read(id) => State::Read,
            _ => State::Unread,
        }
    }

    /// Percent read of a heading, its subtree included.
    pub fn percent(&self, id: HeadingId) -> u8 {
        self.totals
            .get(id.0 as usize)
            .map_or(0, |&(read, all)| percent(read, all))
    }

    /// Percent read of the whole document.
    pub fn document_percent(&self) -> u8 {
        percent(self.whole.0, self.whole.1)
    }

    /// Sums each heading's subtree, children before their parents.
    fn sum(&mut self, document: &Document) {
        let headings = &document.outline.headings;
        self.totals = (0..headings.len())
            .map(|i| {
                let own = self.own[i];
                (if self.read[i] { own } else { 0 }, own)
            })
            .collect();
        self.whole = (0, 0);
        for index in (0..headings.len()).rev() {
            let (read, all) = self.totals[index];
            let total = match headings[index].parent {
                Some(parent) => &mut self.totals[parent.0 as usize],
                None => &mut self.whole,
            };
            total.0 += read;
            total.1 += all;
        }
    }
}

/// Whether each heading is one the `marks` say was read: its path of steps is
/// a read mark's. The headings are told apart by the length of their own step
/// first, which their array holds: only those whose step may end a mark's path
/// are read further, up through their parents (on a 101 MB text, hashing all
/// 98,000 headings' paths held the loop 17.7–19.4 ms when the whole came).
fn marked_read(document: &Document, marks: &[ReadMark]) -> Vec<bool> {
    let mut by_last: FxHashMap<&str, Vec<&[String]>> = FxHashMap::default();
    for mark in marks.iter().filter(|m| m.read) {
        if let Some(last) = mark.path.last() {
            by_last.entry(last).or_default().push(&mark.path);
        }
    }
    let longest = by_last.keys().map(|last| last.len()).max();
    let mut as_long = vec![false; longest.map_or(0, |l| l + 1)];
    for last in by_last.keys() {
        as_long[last.len()] = true;
    }
    (0..document.outline.headings.len())
        .map(|index| {
            let id = HeadingId(index as u32);
            let own = step(document, id);
            as_long.get(own.len()).copied().unwrap_or(false)
                && by_last
                    .get(own)
                    .is_some_and(|paths| paths.iter().any(|path| has_path(document, id, path)))
        })
        .collect()
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
        let mut progress = Progress::new(&document, &[]);
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

    /// Marking and unmarking sections one at a time keeps every sum what summing
    /// the whole outline again gives.
    #[test]
    fn sums_kept_as_sections_are_marked_are_the_sums_made_afresh() {
        let document = crate::build(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/plans-2021.txt"
        )));
        let mut progress = Progress::new(&document, &[]);
        let count = document.outline.headings.len();
        for step in [3, 7, 2, 5] {
            for index in (0..count).step_by(step) {
                let read = !progress.is_read(HeadingId(index as u32));
                progress.mark(&document, HeadingId(index as u32), read);
            }
            let kept = (progress.totals.clone(), progress.whole);
            progress.sum(&document);
            assert_eq!(
                kept,
                (progress.totals.clone(), progress.whole),
                "after every {step}th"
            );
        }
        assert!(progress.document_percent() > 0);
    }

    #[test]
    fn marks_of_an_earlier_run_are_found_by_their_paths() {
        let document = crate::build(TEXT);
        let marks = [ReadMark {
            path: vec!["第二章".into()],
            read: true,
            at: 1,
        }];
        let progress = Progress::new(&document, &marks);
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
            let progress = Progress::new(&document, marks);
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
