//! What gangmu keeps of one document, as stored in its JSON file, and how two
//! versions of it (this run's and what another run saved meanwhile) are merged
//! so that neither loses anything.

use serde::{Deserialize, Serialize};

use crate::study::anchor::Anchor;

/// The format of the files this version writes; a file with a higher version is
/// from a newer gangmu and is never overwritten.
pub const VERSION: u32 = 1;

pub use crate::study::when::Timestamp;

/// Everything kept of one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub version: u32,
    /// The document's identity: a hash of its text with white space left out.
    pub document: String,
    /// Where the document was opened from, the most recent last.
    #[serde(default)]
    pub paths: Vec<String>,
    /// Where the reader was left, and when.
    #[serde(default)]
    pub position: Option<Stamped<Anchor>>,
    #[serde(default)]
    pub bookmarks: Vec<Bookmark>,
    /// Ids of deleted bookmarks, so that merging never brings one back.
    #[serde(default)]
    pub deleted: Vec<String>,
    /// Sections marked read (or unread again), the latest mark of each.
    #[serde(default)]
    pub read: Vec<ReadMark>,
    /// Each run of the reader on this document.
    #[serde(default)]
    pub sessions: Vec<Session>,
    /// The places jumped from, oldest first, and when they were kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jumps: Option<Stamped<Vec<Anchor>>>,
}

/// A section marked read or unread, by its path of headings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadMark {
    pub path: Vec<String>,
    pub read: bool,
    pub at: Timestamp,
}

/// One run of the reader: when, how long was spent reading which section
/// (pauses of over two minutes left out), and which sections were finished.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub id: String,
    pub start: Timestamp,
    pub end: Timestamp,
    #[serde(default)]
    pub sections: Vec<SectionTime>,
    #[serde(default)]
    pub finished: Vec<Vec<String>>,
}

/// Reading time spent in a section, by its path of headings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionTime {
    pub path: Vec<String>,
    pub millis: u64,
}

/// A value and when it was set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamped<T> {
    pub value: T,
    pub at: Timestamp,
}

/// A marked place with the reader's note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    /// Unique across runs and machines.
    pub id: String,
    pub anchor: Anchor,
    #[serde(default)]
    pub note: String,
    pub created: Timestamp,
    /// Last change to the note.
    pub modified: Timestamp,
}

impl Record {
    /// An empty record for the document with identity `document`.
    pub fn new(document: &str) -> Self {
        Self {
            version: VERSION,
            document: document.to_string(),
            paths: Vec::new(),
            position: None,
            bookmarks: Vec::new(),
            deleted: Vec::new(),
            read: Vec::new(),
            sessions: Vec::new(),
            jumps: None,
        }
    }

    /// Marks the section at `path` read or unread, as of `at`.
    pub fn mark_read(&mut self, path: Vec<String>, read: bool, at: Timestamp) {
        self.read.retain(|m| m.path != path);
        self.read.push(ReadMark { path, read, at });
    }

    /// Notes that the document was opened from `path`.
    pub fn seen_at(&mut self, path: &str) {
        self.paths.retain(|p| p != path);
        self.paths.push(path.to_string());
    }

    /// This record and `other` (the same document, saved elsewhere meanwhile) as
    /// one: every bookmark of either unless deleted in either, the later version of
    /// a bookmark changed in both, the later position and jump list, every path.
    #[must_use]
    pub fn merge(&self, other: &Record) -> Record {
        let mut deleted = self.deleted.clone();
        for id in &other.deleted {
            if !deleted.contains(id) {
                deleted.push(id.clone());
            }
        }
        let mut bookmarks: Vec<Bookmark> = Vec::new();
        for bookmark in self.bookmarks.iter().chain(&other.bookmarks) {
            if deleted.contains(&bookmark.id) {
                continue;
            }
            match bookmarks.iter_mut().find(|b| b.id == bookmark.id) {
                Some(kept) if bookmark.modified > kept.modified => *kept = bookmark.clone(),
                Some(_) => {}
                None => bookmarks.push(bookmark.clone()),
            }
        }
        bookmarks.sort_by(|a, b| (a.created, &a.id).cmp(&(b.created, &b.id)));
        let mut paths = other.paths.clone();
        for path in &self.paths {
            paths.retain(|p| p != path);
            paths.push(path.clone());
        }
        let position = later(self.position.as_ref(), other.position.as_ref());
        Record {
            version: VERSION,
            document: self.document.clone(),
            paths,
            position,
            bookmarks,
            deleted,
            read: merge_read(&self.read, &other.read),
            sessions: merge_sessions(&self.sessions, &other.sessions),
            jumps: later(self.jumps.as_ref(), other.jumps.as_ref()),
        }
    }
}

/// The later of two stamped values, mine when they are as old.
fn later<T: Clone>(mine: Option<&Stamped<T>>, theirs: Option<&Stamped<T>>) -> Option<Stamped<T>> {
    match (mine, theirs) {
        (Some(mine), Some(theirs)) if theirs.at > mine.at => Some(theirs.clone()),
        (None, theirs) => theirs.cloned(),
        (mine, _) => mine.cloned(),
    }
}

/// The latest mark of each section from either side.
fn merge_read(mine: &[ReadMark], theirs: &[ReadMark]) -> Vec<ReadMark> {
    let mut marks: Vec<ReadMark> = Vec::new();
    for mark in mine.iter().chain(theirs) {
        match marks.iter_mut().find(|m| m.path == mark.path) {
            Some(kept) if mark.at > kept.at => *kept = mark.clone(),
            Some(_) => {}
            None => marks.push(mark.clone()),
        }
    }
    marks
}

/// Every session of either side once, the longer record of a session saved twice.
fn merge_sessions(mine: &[Session], theirs: &[Session]) -> Vec<Session> {
    let mut sessions: Vec<Session> = Vec::new();
    for session in mine.iter().chain(theirs) {
        match sessions.iter_mut().find(|s| s.id == session.id) {
            Some(kept) if session.end > kept.end => *kept = session.clone(),
            Some(_) => {}
            None => sessions.push(session.clone()),
        }
    }
    sessions.sort_by(|a, b| (a.start, &a.id).cmp(&(b.start, &b.id)));
    sessions
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bookmark(id: &str, note: &str, modified: Timestamp) -> Bookmark {
        Bookmark {
            id: id.to_string(),
            anchor: Anchor {
                path: vec!["第一章".into()],
                paragraph: 1,
                offset: 0,
                snippet: "正文".into(),
            },
            note: note.to_string(),
            created: 1,
            modified,
        }
    }

    #[test]
    fn merging_keeps_both_sides_bookmarks_and_the_later_edit() {
        let mut mine = Record::new("doc");
        mine.bookmarks = vec![bookmark("a", "mine", 5), bookmark("b", "", 1)];
        let mut theirs = Record::new("doc");
        theirs.bookmarks = vec![bookmark("a", "theirs", 9), bookmark("c", "", 1)];
        let merged = mine.merge(&theirs);
        let notes: Vec<(&str, &str)> = merged
            .bookmarks
            .iter()
            .map(|b| (b.id.as_str(), b.note.as_str()))
            .collect();
        assert_eq!(notes, [("a", "theirs"), ("b", ""), ("c", "")]);
        assert_eq!(
            merged,
            theirs.merge(&mine),
            "the order of merging does not matter"
        );
    }

    #[test]
    fn a_deleted_bookmark_stays_deleted() {
        let mut mine = Record::new("doc");
        mine.deleted = vec!["a".into()];
        let mut theirs = Record::new("doc");
        theirs.bookmarks = vec![bookmark("a", "", 1)];
        assert!(mine.merge(&theirs).bookmarks.is_empty());
    }

    #[test]
    fn the_latest_read_mark_of_a_section_wins_and_sessions_are_kept_once() {
        let path = vec!["第一章".to_string()];
        let mut mine = Record::new("doc");
        mine.mark_read(path.clone(), true, 10);
        let mut theirs = Record::new("doc");
        theirs.mark_read(path.clone(), false, 20);
        let session = Session {
            id: "s".into(),
            start: 1,
            end: 5,
            sections: Vec::new(),
            finished: Vec::new(),
        };
        mine.sessions.push(session.clone());
        theirs.sessions.push(Session { end: 9, ..session });
        let merged = mine.merge(&theirs);
        assert_eq!(merged.read, theirs.read);
        assert_eq!(merged.sessions, theirs.sessions);
    }

    #[test]
    fn the_later_position_wins() {
        let anchor = bookmark("x", "", 0).anchor;
        let mut mine = Record::new("doc");
        mine.position = Some(Stamped {
            value: anchor.clone(),
            at: 10,
        });
        let mut theirs = Record::new("doc");
        theirs.position = Some(Stamped {
            value: Anchor {
                offset: 7,
                ..anchor
            },
            at: 20,
        });
        assert_eq!(mine.merge(&theirs).position, theirs.position);
        assert_eq!(theirs.merge(&mine).position, theirs.position);
    }
}
