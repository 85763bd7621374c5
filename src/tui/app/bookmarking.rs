//! Bookmarks in the reader: `m` makes one at the reading position with a note,
//! `'` lists them (this document or all), Enter goes to one, `e` edits its note,
//! `d` deletes it and `u` brings it back while the list is open. Each bookmark is
//! placed in the document by its anchor; the reader's gutter and the outline mark
//! where they are. A change asks the reader's loop to save them at once.

use super::{App, Popup, Request};
use crate::document::Document;
use crate::layout::rows::{Position, Row};
use crate::study::anchor::Anchor;
use crate::study::anchor::{Found, Place};
use crate::study::store::record::{Bookmark, Record};
use crate::tui::popup::bookmarks::{BookmarkList, NotePrompt, NoteTarget, Scope, new_bookmark};
use crate::tui::words;

/// Where this document's bookmarks are, and the other documents' records.
#[derive(Debug, Default)]
pub(super) struct Marks {
    /// The records of the other documents, for the list of all bookmarks.
    pub(super) others: Vec<Record>,
    /// Where each of this document's bookmarks is found.
    pub(super) placed: Vec<Found>,
    /// Headings with a bookmark in their section or below.
    pub(super) bookmarked: Vec<bool>,
    /// Bookmarks made in this run, to tell apart ids made in the same second.
    pub(super) serial: u32,
}

impl App {
    /// Takes in the record as a save left it, merged with what other runs
    /// saved. The save ran off the key thread, so the record may have changed
    /// here since: the two are merged, not replaced. A save of the document
    /// read before another was opened is no longer this one's.
    pub(super) fn saved(&mut self, record: &Record) -> bool {
        if record.document != self.record.document {
            return false;
        }
        self.record = self.record.merge(record);
        self.place_bookmarks();
        self.refresh();
        true
    }

    /// Where each bookmark of this document is found, in record order.
    pub fn bookmark_places(&self) -> &[Found] {
        &self.marks.placed
    }

    pub(super) fn place_bookmarks(&mut self) {
        self.marks.placed = self
            .record
            .bookmarks
            .iter()
            .map(|b| b.anchor.find(&self.document))
            .collect();
        let headings = &self.document.outline.headings;
        self.marks.bookmarked = vec![false; headings.len()];
        for place in self.marks.placed.iter().filter_map(|f| f.place()) {
            let mut next = self
                .document
                .paragraphs
                .get(place.paragraph)
                .and_then(|p| p.heading);
            while let Some(id) = next {
                self.marks.bookmarked[id.0 as usize] = true;
                next = self.document.outline.get(id).parent;
            }
        }
    }

    pub(super) fn add_bookmark(&mut self) {
        let anchor = self.anchor_of_first_text();
        self.popup = Some(Popup::Note(
            NotePrompt::new(NoteTarget::New(anchor), ""),
            None,
        ));
        self.help = None;
    }

    pub(super) fn open_bookmarks(&mut self) {
        self.popup = Some(Popup::Bookmarks(BookmarkList::new(self.reader.top)));
        self.help = None;
    }

    /// Moves the cursor of the note prompt.
    /// Makes the bookmark, or changes its note; an edit goes back to the list.
    pub(super) fn finish_note(&mut self, prompt: NotePrompt, list: Option<BookmarkList>) {
        let now = (self.study.clock)() / 1000;
        let note = prompt.note().to_string();
        match prompt.target {
            NoteTarget::New(anchor) => {
                self.marks.serial += 1;
                let bookmark = new_bookmark(anchor, &note, now, self.marks.serial);
                self.record.bookmarks.push(bookmark);
                self.message = Some(words::BOOKMARKED.to_string());
            }
            NoteTarget::Existing(id) => {
                if let Some(bookmark) = self.record.bookmarks.iter_mut().find(|b| b.id == id) {
                    bookmark.note = note;
                    bookmark.modified = now;
                }
                self.popup = list.map(Popup::Bookmarks);
            }
        }
        self.ask(Request::SaveBookmarks);
        self.place_bookmarks();
    }

    /// The bookmark the list has selected, and the record it is in (`None`: this
    /// document's).
    fn selected_bookmark(&self, list: &BookmarkList) -> Option<(Option<usize>, Bookmark)> {
        let entry = list
            .entries(&self.record, &self.marks.others)
            .into_iter()
            .nth(list.selected)?;
        Some((entry.other, entry.bookmark))
    }

    /// Goes to the selected bookmark of this document and closes the list.
    pub(super) fn go_to_bookmark(&mut self, list: BookmarkList) {
        match self.selected_bookmark(&list) {
            Some((None, bookmark)) => {
                if let Some(place) = bookmark.anchor.find(&self.document).place() {
                    self.go_to_place(place);
                } else {
                    self.message = Some(words::BOOKMARK_NOT_FOUND.to_string());
                    self.popup = Some(Popup::Bookmarks(list));
                }
            }
            Some((Some(other), bookmark)) => {
                let record = &self.marks.others[other];
                let open = Request::Open {
                    document: record.document.clone(),
                    paths: record.paths.clone(),
                    at: bookmark.anchor,
                };
                // The list stays until the other document is in.
                self.popup = Some(Popup::Bookmarks(list));
                self.ask(open);
            }
            None => {}
        }
    }

    /// Another document is to take this one's place: the session ends and the
    /// place is kept; the record to save before it goes.
    pub fn close_for_another(&mut self) -> &Record {
        self.finish_session();
        self.keep_position();
        &self.record
    }

    /// Another document, opened at a bookmark of it, takes this one's place.
    /// Of this one nothing stays but what belongs to the reader: the lookup
    /// worker, the search history, the measure, the clock, the outline pane
    /// shown or hidden, and the other documents' records (until the store's
    /// list comes again), this one's among them.
    pub(super) fn open_instead(
        &mut self,
        name: String,
        document: Document,
        record: Record,
        at: Anchor,
    ) -> bool {
        let (width, height) = self.reader.size;
        let mut next =
            App::new(name, document, width, height).with_max_measure(self.reader.max_measure);
        next.outline.outline_shown = self.outline.outline_shown;
        next.study.clock = self.study.clock;
        next.hits.history = std::mem::take(&mut self.hits.history);
        next.asking.lookups = self.asking.lookups.take();
        // Answers still coming about the old document are not for the new.
        next.asking.generation = self.asking.generation + 1;
        let mut others = std::mem::take(&mut self.marks.others);
        others.retain(|r| r.document != record.document);
        others.push(std::mem::replace(&mut self.record, Record::new("")));
        next.marks.others = others;
        super::let_go((
            std::mem::take(&mut self.document),
            self.asking.new_document(),
        ));
        *self = next.with_record(record);
        self.resume_at(at);
        true
    }

    pub(super) fn edit_note(&mut self) {
        let Some(Popup::Bookmarks(list)) = self.popup.take() else {
            return;
        };
        match self.selected_bookmark(&list) {
            Some((None, bookmark)) => {
                let prompt = NotePrompt::new(NoteTarget::Existing(bookmark.id), &bookmark.note);
                self.popup = Some(Popup::Note(prompt, Some(list)));
            }
            _ => self.popup = Some(Popup::Bookmarks(list)),
        }
    }

    pub(super) fn delete_bookmark(&mut self) {
        let Some(Popup::Bookmarks(list)) = &mut self.popup else {
            return;
        };
        let entries = list.entries(&self.record, &self.marks.others);
        let Some(entry) = entries.get(list.selected).filter(|e| e.other.is_none()) else {
            return;
        };
        let id = &entry.bookmark.id;
        if let Some(at) = self.record.bookmarks.iter().position(|b| &b.id == id) {
            let bookmark = self.record.bookmarks.remove(at);
            self.record.deleted.push(bookmark.id.clone());
            list.deleted.push((at, bookmark));
            list.move_by(0, entries.len() - 1);
            self.ask(Request::SaveBookmarks);
            self.place_bookmarks();
        }
    }

    pub(super) fn undo_delete(&mut self) {
        let Some(Popup::Bookmarks(list)) = &mut self.popup else {
            return;
        };
        if let Some((at, mut bookmark)) = list.deleted.pop() {
            // Back under a new id: the old one stays deleted wherever the deletion
            // was saved already, and merging must not undo the undo.
            self.marks.serial += 1;
            bookmark.id = format!("{}~{:x}", bookmark.id, self.marks.serial);
            let at = at.min(self.record.bookmarks.len());
            self.record.bookmarks.insert(at, bookmark);
            list.selected = at;
            self.ask(Request::SaveBookmarks);
            self.place_bookmarks();
        }
    }

    pub(super) fn toggle_scope(&mut self) {
        if let Some(Popup::Bookmarks(list)) = &mut self.popup {
            list.scope = match list.scope {
                Scope::ThisDocument => Scope::AllDocuments,
                Scope::AllDocuments => Scope::ThisDocument,
            };
            list.selected = 0;
        }
    }

    /// For each reader row, whether a bookmark is on it.
    pub(super) fn gutter(&self, rows: &[(Position, Row)]) -> Vec<bool> {
        rows.iter()
            .map(|(position, row)| {
                let end = row.first_char + row.text.chars().count().max(1);
                self.marks.placed.iter().filter_map(|f| f.place()).any(
                    |Place { paragraph, offset }| {
                        paragraph == position.paragraph
                            && row.holds_text()
                            && (row.first_char..end).contains(&offset)
                    },
                )
            })
            .collect()
    }
}
