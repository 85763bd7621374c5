//! What the store has to tell its caller about its own files, and why a save
//! did not happen: the facts only (which file, what was wrong with it, where it
//! was kept aside, the error met). The reader and the commands word them.

use std::io;
use std::path::PathBuf;

/// Which of the store's files a notice is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataFile {
    /// A document's record: its bookmarks and the place it was left at.
    Record,
    /// The phrases searched for, for all documents.
    SearchHistory,
}

/// Why a file's bytes could not be taken as what they should hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Not the file's format: not JSON, empty, cut short, fields missing.
    Damaged,
    /// Written by a newer gangmu, in a format this one does not know.
    Newer,
}

/// Something the user should be told about the store's files.
#[derive(Debug)]
pub enum Notice {
    /// `file` could not be read for `problem`; it was moved to `aside`, never
    /// overwritten, and this run starts afresh.
    MovedAside {
        file: DataFile,
        problem: Problem,
        aside: PathBuf,
    },
    /// `file`, at `path`, could not be read (or moved aside); it is left as it
    /// is and not written in this run.
    Unreadable {
        file: DataFile,
        path: PathBuf,
        error: io::Error,
    },
    /// The document's text has changed since it was last read at the same
    /// path: the record of that earlier version was taken over.
    TakenOver,
}

/// Why a save did not happen.
#[derive(Debug)]
pub enum SaveError {
    /// The file at `path`, its directory or its lock could not be written.
    Write { path: PathBuf, source: io::Error },
    /// The file at `path` could not be read when it was opened; it is left as
    /// it is.
    Unreadable { path: PathBuf },
}
