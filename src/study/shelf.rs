//! A library's records. The library's own record keeps where the reader was in
//! it: its position, the places jumped from and the reading sessions. Each file
//! keeps its own bookmarks and read marks, in its own record, as when it is read
//! alone, so that a bookmark made in one place is there in the other. The reader
//! works on one record: [`Shelf::combined`] puts every file's bookmarks and
//! marks under the file's heading (the first step of their paths), and
//! [`Shelf::split`] takes them apart again for saving.
//!
//! Nothing is moved out of a record: bookmarks the library kept itself (made
//! before its files kept their own) stay in it, and its read marks stay too (a
//! file's copy and the library's are the same mark; the later one counts).

use crate::study::anchor::Anchor;
use crate::study::store::record::{Bookmark, ReadMark, Record};

/// The files of a library: the step of each one's heading (its name), its
/// record as last read or saved, and whether that record may be written (a
/// file whose record may not keeps its new bookmarks in the library's); and
/// the bookmarks the library's own record holds.
#[derive(Debug, Clone, Default)]
pub struct Shelf {
    files: Vec<(String, Record)>,
    writable: Vec<bool>,
    /// Ids of the bookmarks of the library's own record.
    own: Vec<String>,
}

/// The records a library's record splits into, to save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// The library's own record.
    pub library: Record,
    /// Each file's record whose bookmarks, deletions or read marks changed, with
    /// its place among the files.
    pub files: Vec<(usize, Record)>,
}

impl Shelf {
    /// The files, in library order, each under its heading's step, with
    /// whether its record may be written.
    pub fn new(files: Vec<(String, Record, bool)>) -> Self {
        let writable = files.iter().map(|(_, _, writable)| *writable).collect();
        let files = files
            .into_iter()
            .map(|(step, record, _)| (step, record))
            .collect();
        Self {
            files,
            writable,
            own: Vec::new(),
        }
    }

    /// `library` as the reader works on it: with every file's bookmarks and
    /// read marks under the file's step, and its deletions.
    pub fn combined(&mut self, library: &Record) -> Record {
        self.own = library.bookmarks.iter().map(|b| b.id.clone()).collect();
        let mut record = library.clone();
        for (step, file) in &self.files {
            for bookmark in &file.bookmarks {
                if !self.own.contains(&bookmark.id) {
                    record.bookmarks.push(Bookmark {
                        anchor: under_file(step, &bookmark.anchor),
                        ..bookmark.clone()
                    });
                }
            }
            for mark in &file.read {
                let path = prefixed(step, &mark.path);
                match record.read.iter_mut().find(|m| m.path == path) {
                    Some(kept) if kept.at >= mark.at => {}
                    Some(kept) => {
                        *kept = ReadMark {
                            path,
                            ..mark.clone()
                        }
                    }
                    None => record.read.push(ReadMark {
                        path,
                        ..mark.clone()
                    }),
                }
            }
            for id in &file.deleted {
                if !record.deleted.contains(id) {
                    record.deleted.push(id.clone());
                }
            }
        }
        record
            .bookmarks
            .sort_by(|a, b| (a.created, &a.id).cmp(&(b.created, &b.id)));
        record
    }

    /// `record` (the reader's, as [`Shelf::combined`] made it and the reader
    /// changed it) taken apart: the library's own record (its own bookmarks,
    /// every deletion and read mark) and the records of the files it changes.
    pub fn split(&self, record: &Record) -> Split {
        // The file whose record takes a bookmark: the one it is under, unless
        // the library's own record has it or the file's may not be written.
        let of_file = |b: &Bookmark| {
            let file = self
                .files
                .iter()
                .position(|(step, _)| b.anchor.path.first() == Some(step))?;
            (!self.own.contains(&b.id) && self.writable[file]).then_some(file)
        };
        let mut library = record.clone();
        library.bookmarks.retain(|b| of_file(b).is_none());
        let mut files = Vec::new();
        for (index, (step, file)) in self.files.iter().enumerate() {
            let bookmarks: Vec<Bookmark> = record
                .bookmarks
                .iter()
                .filter(|b| of_file(b) == Some(index))
                .map(|b| Bookmark {
                    anchor: in_file(&b.anchor),
                    ..b.clone()
                })
                .collect();
            let read: Vec<ReadMark> = record
                .read
                .iter()
                .filter(|m| m.path.first() == Some(step))
                .map(|m| ReadMark {
                    path: m.path[1..].to_vec(),
                    ..m.clone()
                })
                .collect();
            // A bookmark of this file deleted in the library is deleted here.
            let mut deleted = file.deleted.clone();
            for id in &record.deleted {
                let known = file.bookmarks.iter().any(|b| &b.id == id);
                if known && !deleted.contains(id) {
                    deleted.push(id.clone());
                }
            }
            let changed = Record {
                bookmarks,
                deleted,
                read,
                ..file.clone()
            };
            if &changed != file && self.writable[index] {
                files.push((index, changed));
            }
        }
        Split { library, files }
    }

    /// Takes the record of file `index` as saved (merged with what other runs
    /// saved).
    pub fn saved(&mut self, index: usize, record: Record) {
        if let Some((_, file)) = self.files.get_mut(index) {
            *file = record;
        }
    }
}

/// `path` under the file's step.
fn prefixed(step: &str, path: &[String]) -> Vec<String> {
    std::iter::once(step.to_string())
        .chain(path.iter().cloned())
        .collect()
}

/// A place in a file as a place in the library. Before the file's first
/// heading, paragraphs count from the file's heading, which the library puts
/// before the file's first paragraph.
fn under_file(step: &str, anchor: &Anchor) -> Anchor {
    Anchor {
        path: prefixed(step, &anchor.path),
        paragraph: anchor.paragraph + usize::from(anchor.path.is_empty()),
        ..anchor.clone()
    }
}

/// A place in the library, under a file's heading, as a place in that file.
fn in_file(anchor: &Anchor) -> Anchor {
    let path = anchor.path[1..].to_vec();
    Anchor {
        paragraph: anchor
            .paragraph
            .saturating_sub(usize::from(path.is_empty())),
        path,
        ..anchor.clone()
    }
}

#[cfg(test)]
mod tests;
