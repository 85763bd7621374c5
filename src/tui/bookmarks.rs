//! Bookmarks apart from the terminal: the note prompt (a one-line editor that
//! takes Chinese from the terminal's input method, with a cursor that knows wide
//! characters, from `tui-input`), the bookmark list (this document or all of
//! them, with undo of deletions while it is open), and making a new bookmark.
//! `App` drives them; `draw::bookmarks` draws them.

use tui_input::{Input, InputRequest};

use crate::layout::rows::Position;
use crate::study::anchor::Anchor;
use crate::study::store::record::{Bookmark, Record, Timestamp};

/// How the cursor of a prompt moves or what it deletes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CursorMove {
    Left,
    Right,
    Home,
    End,
    /// Delete the character under the cursor.
    Delete,
    /// Delete the word before the cursor.
    DeleteWord,
}

impl CursorMove {
    fn request(self) -> InputRequest {
        match self {
            CursorMove::Left => InputRequest::GoToPrevChar,
            CursorMove::Right => InputRequest::GoToNextChar,
            CursorMove::Home => InputRequest::GoToStart,
            CursorMove::End => InputRequest::GoToEnd,
            CursorMove::Delete => InputRequest::DeleteNextChar,
            CursorMove::DeleteWord => InputRequest::DeletePrevWord,
        }
    }
}

/// The open note prompt: for a new bookmark at a place, or to edit one's note.
#[derive(Debug, Clone)]
pub struct NotePrompt {
    pub input: Input,
    pub target: NoteTarget,
}

/// What the note is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteTarget {
    /// A bookmark to be made here.
    New(Anchor),
    /// The bookmark with this id; the list goes on showing afterwards.
    Existing(String),
}

impl NotePrompt {
    pub fn new(target: NoteTarget, note: &str) -> Self {
        Self {
            input: Input::new(note.to_string()),
            target,
        }
    }

    pub fn type_char(&mut self, c: char) {
        if !c.is_control() {
            self.input.handle(InputRequest::InsertChar(c));
        }
    }

    pub fn erase(&mut self) {
        self.input.handle(InputRequest::DeletePrevChar);
    }

    pub fn move_cursor(&mut self, movement: CursorMove) {
        self.input.handle(movement.request());
    }

    /// The note as typed, without surrounding white space.
    pub fn note(&self) -> &str {
        self.input.value().trim()
    }
}

/// Which bookmarks the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    ThisDocument,
    AllDocuments,
}

/// One row of the bookmark list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The document's record the bookmark is in: `None` for the one being read.
    pub other: Option<usize>,
    pub bookmark: Bookmark,
}

/// The open bookmark list.
#[derive(Debug, Clone)]
pub struct BookmarkList {
    pub scope: Scope,
    pub selected: usize,
    /// Bookmarks deleted while the list is open, the last deleted last, with the
    /// place they had in the record.
    pub deleted: Vec<(usize, Bookmark)>,
    /// The reader's position when the list opened.
    pub origin: Position,
}

impl BookmarkList {
    pub fn new(origin: Position) -> Self {
        Self {
            scope: Scope::ThisDocument,
            selected: 0,
            deleted: Vec::new(),
            origin,
        }
    }

    /// The rows shown: this document's bookmarks in document order, then (for all
    /// documents) the others', each document's newest first.
    pub fn entries(&self, record: &Record, others: &[Record]) -> Vec<Entry> {
        let mut entries: Vec<Entry> = record
            .bookmarks
            .iter()
            .map(|b| Entry {
                other: None,
                bookmark: b.clone(),
            })
            .collect();
        if self.scope == Scope::AllDocuments {
            for (index, other) in others.iter().enumerate() {
                let mut theirs: Vec<&Bookmark> = other.bookmarks.iter().collect();
                theirs.sort_by_key(|b| std::cmp::Reverse(b.created));
                entries.extend(theirs.into_iter().map(|b| Entry {
                    other: Some(index),
                    bookmark: b.clone(),
                }));
            }
        }
        entries
    }

    pub fn move_by(&mut self, n: isize, count: usize) {
        let last = count.saturating_sub(1) as isize;
        self.selected = (self.selected as isize + n).clamp(0, last.max(0)) as usize;
    }
}

/// A bookmark at `anchor` with `note`, made at `now`; `serial` tells apart the
/// bookmarks made in the same second by this process.
pub fn new_bookmark(anchor: Anchor, note: &str, now: Timestamp, serial: u32) -> Bookmark {
    Bookmark {
        id: format!("{now:x}-{:x}-{serial:x}", std::process::id()),
        anchor,
        note: note.to_string(),
        created: now,
        modified: now,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_note_prompt_edits_chinese_with_a_cursor() {
        let anchor = Anchor {
            path: Vec::new(),
            paragraph: 0,
            offset: 0,
            snippet: String::new(),
        };
        let mut prompt = NotePrompt::new(NoteTarget::New(anchor), "");
        for c in "考点重庆".chars() {
            prompt.type_char(c);
        }
        prompt.move_cursor(CursorMove::Left);
        prompt.move_cursor(CursorMove::Left);
        prompt.type_char('：');
        assert_eq!(prompt.note(), "考点：重庆");
        assert_eq!(prompt.input.visual_cursor(), 6, "three wide characters");
        prompt.move_cursor(CursorMove::End);
        prompt.erase();
        assert_eq!(prompt.note(), "考点：重");
        prompt.type_char('\u{1b}');
        assert_eq!(
            prompt.note(),
            "考点：重",
            "control characters are not typed"
        );
    }

    #[test]
    fn ids_differ_within_a_second() {
        let anchor = Anchor {
            path: Vec::new(),
            paragraph: 0,
            offset: 0,
            snippet: String::new(),
        };
        let a = new_bookmark(anchor.clone(), "", 100, 1);
        let b = new_bookmark(anchor, "", 100, 2);
        assert_ne!(a.id, b.id);
    }
}
