//! What flows into the reader and out of it. Everything that changes the
//! reader's state arrives as one [`Msg`] on one channel, fed by the thread that
//! reads the terminal and by the workers, and goes through `App::update`, the
//! only mutator; what the app needs done outside itself (the clipboard, saving,
//! reading the files again) it asks of the loop as [`Request`]s.

use std::path::PathBuf;

use ratatui_crossterm::crossterm::event::Event;

use crate::document::Document;
use crate::parse::input::Text;
use crate::search::Index;
use crate::study::anchor::Anchor;
use crate::study::store::history::History;
use crate::study::store::record::Record;
use crate::tui::action::Action;
use crate::tui::lookup::Answer;
use crate::tui::prepared::Prepared;

/// Another document found and read, for the loop to open (`Msg::OtherFound`).
#[derive(Debug)]
pub struct OtherDocument {
    pub id: String,
    pub texts: Vec<(String, Text)>,
    pub files: Vec<PathBuf>,
    pub first: Document,
    pub at: Anchor,
}

/// One thing that happened, for `App::update`.
#[derive(Debug)]
pub enum Msg {
    /// A key, a paste, the mouse or a new terminal size, from the terminal.
    Input(Event),
    /// What the user does, once keys and mouse are read (tests send these).
    Action(Action),
    /// The frame asked for is on screen: questions held for the worker go out.
    Drawn,
    /// The keys stopped for a moment: the place being read goes into the record.
    Idle,
    /// Go to where the reader was left, when the document was last read.
    Resume(Anchor),
    /// The document shown is the opening of a long text: the whole is being
    /// built off the thread. Each message from the building worker names the
    /// document it is `of` (its identity, as the record has it), so that one
    /// for a document no longer shown is let go.
    Loading { of: String },
    /// How much of the whole, in percent, is built so far.
    Built { of: String, percent: u8 },
    /// The whole document, built off the thread, takes its opening's place;
    /// `index_coming`: its headings' search keys are on their way too (a jump
    /// popup waits for them rather than building its own).
    Whole {
        of: String,
        document: Box<Prepared>,
        index_coming: bool,
    },
    /// The headings' search keys, built off the thread.
    HeadingIndex { of: String, index: Box<Index> },
    /// The file of the document `of` was read again (`R`, or as the whole was
    /// built) and changed: the new text's identity and (the opening of) its
    /// document, in which the place being read is found again.
    Reloaded {
        of: String,
        id: String,
        document: Box<Prepared>,
    },
    /// The records of the other documents read before, for the list of all
    /// bookmarks (one of the document shown, read before it was opened here, is
    /// left out).
    Others(Vec<Record>),
    /// For the loop, not the app: another document asked for
    /// (`Request::Open`) is read off the thread: its identity, texts and
    /// files, its first document (the opening of a long one), and the
    /// bookmark's place. The loop saves this one's record, takes the other's
    /// from the store and sends the app [`Msg::Opened`].
    OtherFound(Box<OtherDocument>),
    /// Another document, read to go to one of its bookmarks, takes this one's
    /// place: its name, (the opening of) its document, its record, and the
    /// bookmark's place.
    Opened {
        name: String,
        document: Box<Document>,
        record: Box<Record>,
        at: Anchor,
    },
    /// The worker's answer to a popup's question.
    Answer(Answer),
    /// The record as saved, merged with what other runs saved meanwhile.
    Saved(Box<Record>),
    /// The search history as saved.
    History(History),
    /// Something to tell the user in the status line, until the next action.
    Notice(String),
    /// `SIGTERM` or `SIGHUP`: end the session (if a key began one) and leave.
    Terminate,
    /// `SIGTSTP` from outside the terminal: stop as Ctrl-Z does.
    Stop,
}

impl From<Action> for Msg {
    fn from(action: Action) -> Self {
        Msg::Action(action)
    }
}

/// What the app asks of the reader's loop, which owns the terminal and files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Put this text on the system clipboard.
    Copy(String),
    /// Read the files again and put the new document in place.
    Reload,
    /// Save the place, give the terminal back and stop until resumed.
    Suspend,
    /// Keep this phrase in the search history for the runs to come.
    RememberSearch(String),
    /// Save the record now: its bookmarks changed.
    SaveBookmarks,
    /// Open `document` (its identity), read before from `paths` (the most
    /// recent last), and go to `at` in it.
    Open {
        document: String,
        paths: Vec<String>,
        at: Anchor,
    },
    /// Save the record (the session is in it, and the place) and leave.
    Quit,
}
