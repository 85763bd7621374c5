//! The reader's state and its one mutator: `App::update(Action) -> bool`.
//!
//! Owns the document, the reading position, the outline pane's cursor and
//! expansion, focus, the open popup, and what the next frame shows (`view`).
//! Knows nothing of the terminal: keys become actions in `keymap`, frames are
//! drawn by `draw` from `&App` alone. The outline pane's folding and cursor are in
//! `outline`; the popups (jump, search) and stepping through search hits in
//! `popups`, how their rankings and searches are answered in `asking`.

mod asking;
mod bookmarking;
mod outline;
mod places;
mod popups;
mod reading;
mod view;

use std::sync::Arc;

use crate::document::{Document, HeadingId, HeadingKind};
use crate::layout::rows::{Position, ReaderLayout};
use crate::search::Index;
use crate::study::anchor::Found;
use crate::study::progress::Progress;
use crate::study::store::history::History;
use crate::study::store::record::Record;
use crate::tui::bookmarks::CursorMove;
use crate::tui::lookup::{Generation, Lookups};
use crate::tui::search::TextSearch;

use outline::OutlineFacts;
pub use popups::Popup;
pub use view::{Geometry, Mark, TreeRow, View};

/// Widest comfortable text measure by default: about 40 CJK characters.
pub const DEFAULT_MEASURE: u16 = 80;
/// Below this width the outline pane is hidden until asked for.
pub const NARROW: u16 = 80;

/// What the app asks of the reader's loop, which owns the terminal and files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Put this text on the system clipboard.
    Copy(String),
    /// Read the files again and put the new document in place.
    Reload,
    /// Give the terminal back and stop until resumed.
    Suspend,
    /// Keep this phrase in the search history for the runs to come.
    RememberSearch(String),
}

/// Which pane takes the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Outline,
    Reader,
}

/// What keys mean at the moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// No popup: keys move through the pane that has the focus.
    Reading(Focus),
    /// The jump popup: typing goes into its query.
    Jump,
    /// The search popup with the keys in its prompt.
    SearchPrompt,
    /// The search popup with the keys in its list of hits.
    SearchList,
    /// The note prompt of a bookmark: typing goes into the note.
    Note,
    /// The bookmark list.
    Bookmarks,
    /// The study statistics: any key closes them.
    Stats,
}

/// Everything a user can do, once keys and mouse are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the reader.
    Quit,
    /// Move the keys to the other pane.
    SwitchFocus,
    /// Scroll the reader by rows (negative: up).
    Scroll(isize),
    /// Scroll the reader by half screens (negative: up).
    HalfPages(isize),
    /// Scroll the reader by screens (negative: up).
    Pages(isize),
    /// Go to the start of the text.
    Top,
    /// Go to the end of the text.
    Bottom,
    /// Go to the next (or, negative, previous) heading.
    Heading(isize),
    /// Go to the next (or, negative, previous) document or part.
    Document(isize),
    /// Show or hide the outline pane.
    ToggleOutline,
    /// Show or hide the help overlay.
    ToggleHelp,
    /// Close whatever is open (a popup goes back where it started); with nothing
    /// open, stop highlighting search hits.
    Dismiss,
    /// Open the jump popup.
    OpenJump,
    /// Open the search popup.
    OpenSearch,
    /// Type a character into the open popup's prompt.
    Type(char),
    /// Erase the last character of the popup's prompt.
    Erase,
    /// Move the popup's selection by rows; the reader previews it.
    Select(isize),
    /// Show an earlier (negative) or later phrase of the search history.
    History(isize),
    /// Move the search popup's keys between its prompt and its list.
    ToggleList,
    /// Go to the popup's selection and close it.
    Accept,
    /// Go to the next (or, negative, previous) search hit.
    NextHit(isize),
    /// Move the cursor of the note prompt, or delete at it.
    Cursor(CursorMove),
    /// Bookmark the reading position (a note prompt opens).
    AddBookmark,
    /// Open the bookmark list.
    OpenBookmarks,
    /// Edit the note of the bookmark selected in the list.
    EditNote,
    /// Delete the bookmark selected in the list.
    DeleteBookmark,
    /// Bring back the bookmark deleted last while the list is open.
    UndoDelete,
    /// Show this document's bookmarks or all documents'.
    ToggleScope,
    /// Mark the section being read as read, or as unread again.
    ToggleRead,
    /// Show the study statistics.
    OpenStats,
    /// Copy the paragraph being read, with its citation, to the clipboard.
    Copy,
    /// Read the file again (it changed on disk).
    Reload,
    /// Stop for now, giving the terminal back (Ctrl-Z; `fg` resumes).
    Suspend,
    /// Move the outline cursor by rows (negative: up); the reader follows.
    OutlineMove(isize),
    /// Open the heading under the outline cursor (or go to its first child).
    Expand,
    /// Close it (or go to its parent).
    Collapse,
    /// Open or close it.
    ToggleExpand,
    /// The terminal is now this many columns and rows.
    Resize(u16, u16),
    /// The mouse wheel turned by rows over the given column.
    Wheel { column: u16, rows: isize },
    /// A click at a column and row of the screen.
    Click { column: u16, row: u16 },
}

/// The state an update is compared on to tell whether the screen changed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ScreenState {
    top: Position,
    focus: Focus,
    help: bool,
    popup: Option<(String, usize, bool)>,
    search: Option<(String, usize)>,
    cursor: Option<usize>,
    tree_scroll: usize,
    size: (u16, u16),
    outline_shown: Option<bool>,
}

/// The reader's whole state.
#[derive(Debug)]
pub struct App {
    pub name: String,
    /// Shared with the worker that looks things up for the popups, if any.
    pub document: Arc<Document>,
    /// Tells the document from the one it replaced ([`App::replace_document`]).
    generation: Generation,
    /// The worker that ranks and searches for the popups; without one, they are
    /// answered at once.
    lookups: Option<Lookups>,
    pub focus: Focus,
    pub help: bool,
    /// A message for the status line, shown until the next action.
    pub message: Option<String>,
    /// The popup that is open, if any.
    pub popup: Option<Popup>,
    /// Search keys of the headings, built when the jump popup first opens.
    heading_index: Option<Arc<Index>>,
    /// The headings' search keys are being built off the reader's thread.
    heading_index_coming: bool,
    /// The last search's hits, highlighted and stepped through with `n`/`N`.
    pub text_search: Option<TextSearch>,
    /// Phrases searched for in this run.
    history: History,
    /// Where the reader was put to show the current hit: `n` goes on from that hit
    /// while the reader stays there, from the screen's top once it has moved.
    landed: Option<Position>,
    /// What is kept of this document: bookmarks, position.
    pub record: Record,
    /// What the reader's loop is asked to do outside the app, in order.
    requests: Vec<Request>,
    /// The records of the other documents, for the list of all bookmarks.
    pub others: Vec<Record>,
    /// Where each of this document's bookmarks is found.
    placed: Vec<Found>,
    /// Headings with a bookmark in their section or below.
    bookmarked: Vec<bool>,
    /// Bookmarks changed since the last save.
    unsaved: bool,
    /// Bookmarks made in this run, to tell apart ids made in the same second.
    serial: u32,
    /// The time now, in milliseconds since the Unix epoch (replaced in tests).
    clock: fn() -> u64,
    /// Which sections are read.
    progress: Progress,
    /// This run's reading time and finished sections.
    session: reading::SessionClock,
    /// Sections whose last row is on screen.
    section_ends_on_screen: Vec<HeadingId>,
    /// The place at the top when a run of resizes began.
    kept_through_resizes: Option<crate::study::anchor::Place>,
    /// Where the reader was left last time, when the opening of the document could
    /// not place it, and the top of the screen then.
    pending_resume: Option<(crate::study::anchor::Anchor, Position)>,
    pub quit: bool,
    /// Top row of the reader.
    pub top: Position,
    /// The user's choice to show the outline; `None` follows the width.
    outline_shown: Option<bool>,
    expanded: Vec<bool>,
    /// Each heading's place among its siblings: (1-based index, count).
    siblings: Vec<(u32, u32)>,
    /// Where each heading's subtree ends (the outline steps over closed ones).
    subtree_ends: Vec<usize>,
    /// Widest text measure the reader may use.
    max_measure: u16,
    /// Headings shown in the outline (their ancestors open), kept until one opens
    /// or closes.
    visible: Vec<usize>,
    visible_stale: bool,
    /// A heading opened or closed during the current update.
    folding_changed: bool,
    /// Outline cursor, an index into the headings.
    cursor: Option<usize>,
    /// First outline row on screen, among the visible headings.
    tree_scroll: usize,
    size: (u16, u16),
    layout: ReaderLayout,
    pub view: View,
}

impl App {
    pub fn new(name: String, document: Document, width: u16, height: u16) -> Self {
        let outline = OutlineFacts::of(&document);
        let geometry = Geometry::new(width, height, width >= NARROW, DEFAULT_MEASURE);
        let mut app = Self {
            name,
            generation: 0,
            lookups: None,
            focus: Focus::Reader,
            help: false,
            message: None,
            popup: None,
            heading_index: None,
            heading_index_coming: false,
            text_search: None,
            history: History::default(),
            landed: None,
            pending_resume: None,
            record: Record::new(""),
            requests: Vec::new(),
            others: Vec::new(),
            placed: Vec::new(),
            bookmarked: Vec::new(),
            unsaved: false,
            serial: 0,
            clock: crate::study::store::now_millis,
            progress: Progress::default(),
            session: reading::SessionClock::default(),
            section_ends_on_screen: Vec::new(),
            kept_through_resizes: None,
            quit: false,
            top: Position::default(),
            outline_shown: None,
            cursor: (!document.outline.headings.is_empty()).then_some(0),
            expanded: outline.expanded,
            siblings: outline.siblings,
            subtree_ends: outline.subtree_ends,
            max_measure: DEFAULT_MEASURE,
            visible: Vec::new(),
            visible_stale: true,
            folding_changed: false,
            tree_scroll: 0,
            size: (width, height),
            layout: ReaderLayout::new(geometry.measure),
            document: Arc::new(document),
            view: View::default(),
        };
        app.reload_progress();
        app.refresh();
        app
    }

    /// Puts the whole document in place of the first part it was shown from,
    /// keeping the reading position.
    pub fn replace_document(&mut self, document: Document) {
        let here = self.anchor_here();
        let outline = OutlineFacts::of(&document);
        self.expanded = outline.expanded;
        self.siblings = outline.siblings;
        self.subtree_ends = outline.subtree_ends;
        self.document = Arc::new(document);
        self.generation += 1;
        self.layout = ReaderLayout::new(self.geometry().measure);
        self.visible_stale = true;
        self.find_again(here);
        self.place_bookmarks();
        self.reload_progress();
        self.cursor = (!self.document.outline.headings.is_empty()).then_some(0);
        // The headings' search keys were the old document's.
        self.heading_index = None;
        self.search_again();
        if self.popup.is_none() {
            self.follow_reading();
        }
        self.refresh();
    }

    pub fn geometry(&self) -> Geometry {
        let shown = self.outline_shown.unwrap_or(self.size.0 >= NARROW);
        Geometry::new(self.size.0, self.size.1, shown, self.max_measure)
    }

    /// What the loop is asked to do, oldest first; the list is emptied.
    pub fn take_requests(&mut self) -> Vec<Request> {
        std::mem::take(&mut self.requests)
    }

    /// Sets what tells the time (milliseconds since the Unix epoch).
    pub fn set_clock(&mut self, clock: fn() -> u64) {
        self.clock = clock;
    }

    /// Sets the widest text measure, in columns (the default is 80).
    pub fn set_max_measure(&mut self, columns: u16) {
        self.max_measure = columns.max(1);
        self.refresh();
    }

    /// The current section's place among its siblings: (1-based index, count).
    pub fn section_place(&self) -> Option<(u32, u32)> {
        self.view.current.map(|id| self.siblings[id.0 as usize])
    }

    /// Shows `message` in the status line until the next action.
    pub fn show_message(&mut self, message: String) {
        self.message = Some(message);
    }

    /// Applies an action; returns whether anything on screen changed.
    pub fn update(&mut self, action: Action) -> bool {
        let had_message = self.message.take().is_some();
        let before = self.screen_state();
        self.folding_changed = false;
        self.count_time();
        if !matches!(action, Action::Resize(..)) {
            self.kept_through_resizes = None;
        }
        let ends_before = self.section_ends_on_screen.clone();
        self.apply(action);
        self.show_moves(before.top);
        // Text scrolled through is read; text jumped over is not.
        if matches!(
            action,
            Action::Scroll(_) | Action::HalfPages(_) | Action::Pages(_) | Action::Wheel { .. }
        ) {
            self.note_seen(&ends_before);
        }
        let said = self.message.is_some();
        self.quit || had_message || said || self.folding_changed || before != self.screen_state()
    }

    /// Brings the outline and the screen up to date after a change that may have
    /// moved the reader from `top`.
    fn show_moves(&mut self, top: Position) {
        if self.top != top && self.focus == Focus::Reader {
            self.follow_reading();
        }
        self.refresh();
    }

    /// What decides the screen, besides which headings are open.
    fn screen_state(&self) -> ScreenState {
        ScreenState {
            top: self.top,
            focus: self.focus,
            help: self.help,
            popup: self.popup.as_ref().map(Popup::state),
            search: self
                .text_search
                .as_ref()
                .map(|s| (s.query.text().to_string(), s.current)),
            cursor: self.cursor,
            tree_scroll: self.tree_scroll,
            size: self.size,
            outline_shown: self.outline_shown,
        }
    }

    fn apply(&mut self, action: Action) {
        let height = self.geometry().body_height as isize;
        match action {
            Action::Quit => self.quit = true,
            Action::SwitchFocus => {
                self.focus = match self.focus {
                    Focus::Reader if self.geometry().outline_width > 0 => Focus::Outline,
                    _ => Focus::Reader,
                }
            }
            Action::Scroll(rows) => self.scroll(rows),
            Action::HalfPages(n) => self.scroll(n * (height / 2).max(1)),
            Action::Pages(n) => self.scroll(n * (height - 1).max(1)),
            Action::Top => self.top = Position::default(),
            Action::Bottom => self.top = self.layout.last_top(&self.document, height as usize),
            Action::Heading(n) => self.jump_heading(n, |_| true),
            Action::Document(n) => self.jump_heading(n, |k| {
                matches!(k, HeadingKind::File | HeadingKind::Part | HeadingKind::Doc)
            }),
            Action::ToggleOutline => {
                let shown = self.geometry().outline_width > 0;
                self.outline_shown = Some(!shown);
                if shown {
                    self.focus = Focus::Reader;
                }
            }
            Action::ToggleHelp => self.help = !self.help,
            Action::Dismiss => self.dismiss(),
            Action::OpenJump => self.open_jump(),
            Action::OpenSearch => self.open_search(),
            Action::Type(c) => self.type_char(c),
            Action::Erase => self.erase(),
            Action::Select(n) => self.select_in_popup(n),
            Action::History(n) => self.browse_history(n),
            Action::ToggleList => self.toggle_list(),
            Action::Accept => self.accept(),
            Action::NextHit(n) => self.next_hit(n),
            Action::Cursor(movement) => self.move_note_cursor(movement),
            Action::AddBookmark => self.add_bookmark(),
            Action::OpenBookmarks => self.open_bookmarks(),
            Action::EditNote => self.edit_note(),
            Action::DeleteBookmark => self.delete_bookmark(),
            Action::UndoDelete => self.undo_delete(),
            Action::ToggleScope => self.toggle_scope(),
            Action::ToggleRead => self.toggle_read(),
            Action::OpenStats => {
                self.popup = Some(Popup::Stats);
                self.help = false;
            }
            Action::Copy => self.copy_paragraph(),
            Action::Reload => self.requests.push(Request::Reload),
            Action::Suspend => self.requests.push(Request::Suspend),
            Action::OutlineMove(n) => self.move_cursor(n),
            Action::Expand => self.expand(),
            Action::Collapse => self.collapse(),
            Action::ToggleExpand => {
                if let Some(c) = self.cursor.filter(|&c| self.has_children(c)) {
                    self.set_expanded(c, !self.expanded[c]);
                }
            }
            Action::Resize(width, height) => self.resize(width, height),
            Action::Wheel { column, rows } => {
                if column < self.geometry().outline_width {
                    self.move_cursor(rows);
                } else {
                    self.scroll(rows);
                }
            }
            Action::Click { column, row } => self.click(column, row),
        }
        if self.help && !matches!(action, Action::ToggleHelp | Action::Resize(..)) {
            self.help = false;
        }
    }

    /// What keys mean now.
    pub fn mode(&self) -> Mode {
        match &self.popup {
            None => Mode::Reading(self.focus),
            Some(Popup::Jump(_)) => Mode::Jump,
            Some(Popup::Search(prompt)) if prompt.in_list => Mode::SearchList,
            Some(Popup::Search(_)) => Mode::SearchPrompt,
            Some(Popup::Note(..)) => Mode::Note,
            Some(Popup::Bookmarks(_)) => Mode::Bookmarks,
            Some(Popup::Stats) => Mode::Stats,
        }
    }

    fn scroll(&mut self, rows: isize) {
        let height = self.geometry().body_height as usize;
        let last = self.layout.last_top(&self.document, height);
        let moved = self.layout.step(&self.document, self.top, rows);
        // Scrolling down stops where the last screen is full (or where it already is).
        self.top = match (rows > 0 && later(moved, last), later(self.top, last)) {
            (true, true) => self.top,
            (true, false) => last,
            _ => moved,
        };
    }

    /// Goes to the next heading (of the kinds `wanted`) after the top, or the
    /// previous one before it.
    fn jump_heading(&mut self, n: isize, wanted: impl Fn(HeadingKind) -> bool) {
        let headings = &self.document.outline.headings;
        let here = self.top.paragraph;
        // Headings are in text order: the search starts where the top falls.
        let target = if n > 0 {
            let after = headings.partition_point(|h| h.paragraph <= here);
            headings[after..].iter().find(|h| wanted(h.kind))
        } else {
            let at_start = self.top.row == 0;
            let before = headings
                .partition_point(|h| h.paragraph < here || (h.paragraph == here && !at_start));
            headings[..before].iter().rev().find(|h| wanted(h.kind))
        };
        if let Some(heading) = target {
            self.top = Position {
                paragraph: heading.paragraph,
                row: 0,
            };
        }
    }

    /// A new terminal size. The character that was at the top before the first of
    /// a run of resizes stays on the top row through all of them.
    fn resize(&mut self, width: u16, height: u16) {
        let kept = match self.kept_through_resizes {
            Some(place) => place,
            None => self.place_here(),
        };
        self.kept_through_resizes = Some(kept);
        self.size = (width, height);
        let measure = self.geometry().measure;
        self.layout.set_measure(&self.document, measure, self.top);
        self.go_to_place(kept);
        if self.geometry().outline_width == 0 {
            self.focus = Focus::Reader;
        }
    }

    /// Prepares `view` for the next frame.
    fn refresh(&mut self) {
        let geometry = self.geometry();
        if self.layout.measure() != geometry.measure {
            self.top = self
                .layout
                .set_measure(&self.document, geometry.measure, self.top);
        }
        let rows = self
            .layout
            .window(&self.document, self.top, usize::from(geometry.body_height));
        self.view.marks = self.marks(&rows);
        self.view.gutter = self.gutter(&rows);
        self.section_ends_on_screen = self.section_ends(&rows);
        self.view.reader = rows.into_iter().map(|(_, row)| row).collect();
        self.view.current = self.section_at_top();
        self.view.geometry = Some(geometry);
        self.refresh_tree(geometry);
    }

    /// The headings from the top of the tree down to the current section.
    pub fn breadcrumb(&self) -> Vec<HeadingId> {
        let mut chain: Vec<HeadingId> = self
            .ancestors_of_current()
            .into_iter()
            .map(|i| HeadingId(i as u32))
            .collect();
        chain.reverse();
        chain
    }

    /// How far through the text the top of the screen is, in percent.
    pub fn percent(&self) -> usize {
        let total = self.document.paragraphs.len().max(1);
        (self.top.paragraph * 100 / total).min(100)
    }
}

/// Whether `a` is further into the text than `b`.
fn later(a: Position, b: Position) -> bool {
    (a.paragraph, a.row) > (b.paragraph, b.row)
}
