//! Reading progress and the study session in the reader: a section becomes read
//! once the end of its text has come on screen by scrolling (not by a jump over
//! the text), or when `x` marks it (`x` again unmarks it);
//! time is counted to the section being read between one key and the next, pauses
//! of over two minutes left out. At the end of a run the session goes into the
//! record.

use std::collections::HashMap;

use super::App;
use crate::document::HeadingId;
use crate::document::{HeadingKind, ParagraphKind};
use crate::layout::rows::{Position, Row, RowKind};
use crate::layout::safe::stripped;
use crate::study::anchor::heading_path;
use crate::study::progress::{Progress, Sections, State};
use crate::study::store::record::{Record, SectionTime, Session, Stamped};
use crate::tui::words;

/// A pause longer than this is not reading time.
pub(super) const IDLE_MILLIS: u64 = 2 * 60 * 1000;

/// This run of the reader, as it goes.
#[derive(Debug, Clone, Default)]
pub(super) struct SessionClock {
    /// When it started, in milliseconds (set at the first key).
    start: Option<u64>,
    /// The last key, in milliseconds.
    last: Option<u64>,
    /// Milliseconds spent in each section, by its path of headings (which, unlike
    /// a heading's index, outlives the document being read again).
    spent: HashMap<Vec<String>, u64>,
    /// Sections finished in this run, in the order they were.
    finished: Vec<Vec<String>>,
}

/// Reading progress and this run's study session.
#[derive(Debug)]
pub(super) struct Study {
    /// The time now, in milliseconds since the Unix epoch (replaced in tests).
    pub(super) clock: fn() -> u64,
    /// Which sections are read.
    pub(super) progress: Progress,
    /// This run's reading time and finished sections.
    pub(super) session: SessionClock,
    /// Sections whose last row is on screen.
    pub(super) section_ends_on_screen: Vec<HeadingId>,
}

impl SessionClock {
    /// A key at `now` (milliseconds): the time since the last key goes to
    /// `section`, the one being read, unless it was a pause.
    fn count(&mut self, now: u64, section: Option<Vec<String>>) {
        self.start.get_or_insert(now);
        if let (Some(last), Some(section)) = (self.last, section) {
            let pause = now.saturating_sub(last);
            if pause <= IDLE_MILLIS {
                *self.spent.entry(section).or_default() += pause;
            }
        }
        self.last = Some(now);
    }

    /// This run as a session, if a key was pressed.
    fn so_far(&self) -> Option<Session> {
        let clock = self;
        let start = clock.start?;
        let mut sections: Vec<SectionTime> = clock
            .spent
            .iter()
            .filter(|&(_, &millis)| millis > 0)
            .map(|(path, &millis)| SectionTime {
                path: path.clone(),
                millis,
            })
            .collect();
        sections.sort_by(|a, b| a.path.cmp(&b.path));
        let finished = clock.finished.clone();
        let end = clock.last.unwrap_or(start);
        Some(Session {
            id: format!("{:x}-{:x}", start, std::process::id()),
            start: start / 1000,
            end: end / 1000,
            sections,
            finished,
        })
    }
}

impl Study {
    /// Nothing read yet of the document whose sections are `sections`.
    pub(super) fn of(sections: Sections) -> Self {
        Self {
            clock: crate::study::store::now_millis,
            progress: Progress::new(sections),
            session: SessionClock::default(),
            section_ends_on_screen: Vec::new(),
        }
    }
}

impl App {
    /// Progress from the marks in the record, for the document as it is now.
    pub(super) fn reload_progress(&mut self) {
        self.study
            .progress
            .read_as(&self.document, &self.record.read);
    }

    pub fn progress(&self) -> &Progress {
        &self.study.progress
    }

    /// Counts the time since the last key to the section at the top.
    pub(super) fn count_time(&mut self) {
        let now = (self.study.clock)();
        let section = self.view.current.map(|id| heading_path(&self.document, id));
        self.study.session.count(now, section);
    }

    /// Marks read the sections whose end was on screen before a scroll
    /// (`ends_before`) or is now (not while a popup previews other places).
    pub(super) fn note_seen(&mut self, ends_before: &[HeadingId]) {
        if self.popup.is_some() {
            return;
        }
        let ends_now = std::mem::take(&mut self.study.section_ends_on_screen);
        for &id in ends_before.iter().chain(&ends_now) {
            self.set_read(id, true);
        }
        self.study.section_ends_on_screen = ends_now;
    }

    /// `x`: the section at the top read, with everything under it, or all of
    /// it unread again once it is all read.
    pub(super) fn toggle_read(&mut self) {
        if let Some(id) = self.view.current {
            let read = self.study.progress.state(id) != State::Read;
            let first = id.0 as usize;
            for index in first..self.outline.subtree_ends[first] {
                self.set_read(HeadingId(index as u32), read);
            }
            self.message = Some(words::marked_read(read).to_string());
        }
    }

    fn set_read(&mut self, id: HeadingId, read: bool) {
        if self.study.progress.mark(&self.document, id, read) {
            let path = heading_path(&self.document, id);
            self.record
                .mark_read(path.clone(), read, (self.study.clock)() / 1000);
            if read {
                self.study.session.finished.push(path);
            } else {
                self.study.session.finished.retain(|f| f != &path);
            }
        }
    }

    /// Ends this run: its session goes into the record (if a key was pressed).
    pub(super) fn finish_session(&mut self) {
        if self.study.session.start.is_some() {
            self.count_time();
        }
        if let Some(session) = self.study.session.so_far() {
            self.record.sessions.push(session);
        }
        self.study.session = SessionClock::default();
    }

    /// The record with this run's session so far added: what `S` shows.
    pub fn record_with_this_session(&self) -> Record {
        let mut record = self.record.clone();
        record.sessions.extend(self.study.session.so_far());
        record
    }

    /// Notes in the record where the reader is now, to come back to, and the
    /// places it jumped from.
    pub(super) fn keep_position(&mut self) {
        let at = (self.study.clock)() / 1000;
        self.record.position = Some(Stamped {
            value: self.anchor_here(),
            at,
        });
        self.keep_jumps(at);
    }

    /// Ctrl-Z, or a stop from outside: the place is kept and the loop asked
    /// to give the terminal back until `fg`.
    pub(super) fn suspend(&mut self) {
        self.keep_position();
        self.ask(super::Request::Suspend);
    }

    /// Ends this run: the session and the place being read go into the record,
    /// and the loop is asked to save it and leave.
    pub(super) fn leave(&mut self) {
        self.finish_session();
        self.keep_position();
        self.ask(super::Request::Quit);
    }

    /// `y`: the paragraph being read with its citation, for the clipboard.
    pub(super) fn copy_paragraph(&mut self) {
        let height = usize::from(self.geometry().body_height);
        let rows = self
            .reader
            .layout
            .window(&self.document, self.reader.top, height);
        let paragraphs = &self.document.paragraphs;
        let is_body = |p: usize| paragraphs[p].kind == ParagraphKind::Body;
        let Some(paragraph) = rows
            .iter()
            .map(|(position, _)| position.paragraph)
            .find(|&p| is_body(p))
            .or_else(|| rows.first().map(|(position, _)| position.paragraph))
        else {
            return;
        };
        let text = &paragraphs[paragraph].text;
        let citation = paragraphs[paragraph]
            .heading
            .map_or_else(String::new, |id| {
                crate::study::notes::citation(&self.document, id, &self.name)
            });
        // What reaches the clipboard must run nothing when pasted.
        let (copy, left_out) = stripped(&format!("{text}\n{citation}"));
        self.requests.push(super::Request::Copy(copy));
        self.message = Some(words::copied(left_out));
    }
}

impl App {
    /// The sections whose own text ends on one of `rows` (a paragraph's gap row is
    /// its last).
    pub(super) fn section_ends(&self, rows: &[(Position, Row)]) -> Vec<HeadingId> {
        let paragraphs = &self.document.paragraphs;
        rows.iter()
            .filter(|(_, row)| row.kind == RowKind::Gap)
            .filter_map(|(position, _)| {
                let section = paragraphs[position.paragraph].heading?;
                let next = paragraphs.get(position.paragraph + 1);
                let ends = next
                    .is_none_or(|p| p.heading != Some(section) || p.kind == ParagraphKind::Heading);
                ends.then_some(section)
            })
            .collect()
    }

    /// The percent a tree row shows: for parts, documents, 篇 and 章 partly read.
    pub(super) fn percent_shown(&self, id: HeadingId) -> Option<u8> {
        let kind = self.document.outline.get(id).kind;
        let coarse = matches!(
            kind,
            HeadingKind::File
                | HeadingKind::Part
                | HeadingKind::Doc
                | HeadingKind::Pian
                | HeadingKind::Zhang
        );
        let state = self.study.progress.state(id);
        let percent = self.study.progress.percent(id);
        (coarse && state == State::Partly && percent > 0).then_some(percent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(name: &str) -> Vec<String> {
        vec![name.to_string()]
    }

    #[test]
    fn time_between_keys_goes_to_the_section_read_and_pauses_do_not() {
        let mut clock = SessionClock::default();
        assert!(clock.so_far().is_none(), "no key, no session");
        clock.count(1_000_000, Some(section("一")));
        clock.count(1_030_000, Some(section("一")));
        clock.count(1_030_000 + IDLE_MILLIS + 1, Some(section("二")));
        clock.count(1_030_000 + IDLE_MILLIS + 5_001, Some(section("二")));
        let session = clock.so_far().expect("a session");
        let millis: Vec<(String, u64)> = session
            .sections
            .iter()
            .map(|s| (s.path.concat(), s.millis))
            .collect();
        assert_eq!(
            millis,
            [("一".to_string(), 30_000), ("二".to_string(), 5_000)]
        );
        assert_eq!(
            (session.start, session.end),
            (1_000, 1_030 + IDLE_MILLIS / 1000 + 5)
        );
    }
}
