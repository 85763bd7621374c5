//! The reader's state and its one mutator: `App::update(Msg) -> bool`, which
//! says whether the screen changed. What the last update asks of the loop is
//! read from [`App::requests`]; everything else is read through getters.
//!
//! `App` holds the document, the record kept of it, the focus, the open popup
//! and what the next frame shows (`view`), and one part for each concern, each
//! in its own file with its methods: the reader pane (`places`: the top row, the
//! layout, finding places again), the outline pane (`outline`), reading
//! progress and the session (`reading`), bookmarks (`bookmarking`), going back
//! and counts (`jumping`), the popups'
//! questions to the worker (`asking`) and the last search (`popups`). What each
//! action does is `acting`'s. Knows nothing of the terminal: keys become
//! actions by the bindings table, frames are drawn by `draw` from `&App` alone.

mod acting;
mod asking;
mod bookmarking;
mod jumping;
mod outline;
mod places;
mod popups;
mod reading;
mod view;

use std::sync::Arc;
use std::sync::mpsc::Sender;

use crate::document::{Document, HeadingId};
use crate::layout::rows::{Position, ReaderLayout};
use crate::study::progress::Progress;
use crate::study::store::history::History;
use crate::study::store::record::Record;
pub use crate::tui::action::{Action, CursorMove, Focus, Mode};
use crate::tui::lookup::Lookups;
pub use crate::tui::msg::{Msg, Request};
use crate::tui::popup::search::TextSearch;
use crate::tui::prepared::Prepared;
use crate::tui::{keymap, words};

pub use crate::tui::popup::Popup;
use crate::tui::popup::PopupState;
use asking::Asking;
use bookmarking::Marks;
use jumping::{Counted, Jumps};
use outline::OutlinePane;
use places::{Loading, ReaderPane};
use popups::Hits;
use reading::Study;
pub use view::{Geometry, Mark, TreeRow, View};

/// Frees `old` on a thread of its own: a long document is millions of parts,
/// and freeing them one by one held the keys 40 ms (101 MB). Where no thread
/// can be made, it is freed here.
fn let_go<T: Send + 'static>(old: T) {
    let _ = std::thread::Builder::new().spawn(move || drop(old));
}

/// Widest comfortable text measure by default: about 40 CJK characters.
pub const DEFAULT_MEASURE: u16 = 80;
/// Below this width the outline pane is hidden until asked for.
pub const NARROW: u16 = 80;

/// The state an update is compared on to tell whether the screen changed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ScreenState {
    top: Position,
    focus: Focus,
    help: Option<usize>,
    popup: Option<PopupState>,
    search: Option<(String, usize, bool)>,
    cursor: Option<usize>,
    tree_scroll: usize,
    size: (u16, u16),
    outline_shown: Option<bool>,
}

/// The reader's whole state.
#[derive(Debug)]
pub struct App {
    /// The file's name, as citations give it.
    pub(crate) name: String,
    /// Shared with the worker that looks things up for the popups, if any.
    pub(crate) document: Arc<Document>,
    /// What is kept of this document: bookmarks, position, read marks, sessions.
    pub(crate) record: Record,
    /// The reader pane: the top row, the layout, the terminal's size.
    reader: ReaderPane,
    /// The outline pane: what is open, the cursor, the rows on screen.
    outline: OutlinePane,
    pub(crate) focus: Focus,
    /// The popup that is open, if any.
    pub(crate) popup: Option<Popup>,
    /// The help, when shown: the first of its rows on screen.
    pub(crate) help: Option<usize>,
    /// A message for the status line, shown until the next action.
    pub(crate) message: Option<String>,
    /// Reading progress and this run's study session.
    study: Study,
    /// Where the bookmarks are, and the other documents' records.
    marks: Marks,
    /// The popups' questions in flight, and the headings' search keys.
    asking: Asking,
    /// The last search's hits, and the phrases searched for.
    hits: Hits,
    /// The places jumped from, and the count being typed.
    jumps: Jumps,
    /// What the loop is asked to do by the last update, in order.
    requests: Vec<Request>,
    /// What the next frame shows, prepared by `update`.
    pub(crate) view: View,
}

impl App {
    pub fn new(name: String, document: Document, width: u16, height: u16) -> Self {
        let Prepared {
            document,
            shape,
            sections,
        } = Prepared::new(document);
        let geometry = Geometry::new(width, height, width >= NARROW, DEFAULT_MEASURE);
        let mut app = Self {
            name,
            record: Record::new(""),
            reader: ReaderPane::new((width, height), geometry.measure),
            outline: OutlinePane::new(shape),
            focus: Focus::Reader,
            popup: None,
            help: None,
            message: None,
            study: Study::of(sections),
            marks: Marks::default(),
            asking: Asking::default(),
            hits: Hits::default(),
            jumps: Jumps::default(),
            requests: Vec::new(),
            document: Arc::new(document),
            view: View::default(),
        };
        app.reload_progress();
        app.refresh();
        app
    }

    /// The app with the data kept of this document (bookmarks, position, read
    /// marks) in place.
    #[must_use]
    pub fn with_record(mut self, record: Record) -> Self {
        self.record = record;
        self.restore_jumps();
        self.place_bookmarks();
        self.reload_progress();
        self.refresh();
        self
    }

    /// The app with the phrases searched for in earlier runs.
    #[must_use]
    pub fn with_history(mut self, history: History) -> Self {
        self.hits.history = history;
        self
    }

    /// The app with another widest text measure, in columns (the default is 80).
    #[must_use]
    pub fn with_max_measure(mut self, columns: u16) -> Self {
        self.reader.max_measure = columns.max(1);
        self.refresh();
        self
    }

    /// The app with another clock (milliseconds since the Unix epoch).
    #[must_use]
    pub fn with_clock(mut self, clock: fn() -> u64) -> Self {
        self.study.clock = clock;
        self
    }

    /// The app with the popups' rankings and searches done by a worker thread,
    /// whose answers come as [`Msg::Answer`] through `messages`, so that typing
    /// never waits for them (for long documents).
    #[must_use]
    pub fn with_lookups(mut self, messages: Sender<Msg>) -> Self {
        self.asking.lookups = Some(Lookups::start(move |answer| {
            messages.send(Msg::Answer(answer)).is_ok()
        }));
        self
    }

    /// Applies what happened; returns whether anything on screen changed.
    pub fn update(&mut self, msg: impl Into<Msg>) -> bool {
        self.requests.clear();
        match msg.into() {
            Msg::Input(event) => {
                let mut changed = false;
                for action in keymap::actions(&event, self.mode()) {
                    changed |= self.act(action);
                }
                changed
            }
            Msg::Action(action) => self.act(action),
            Msg::Drawn => {
                self.asking.send_questions();
                false
            }
            Msg::Idle => {
                self.keep_position();
                false
            }
            Msg::Resume(anchor) => self.resume_at(anchor),
            Msg::Loading { of } => {
                if of == self.record.document {
                    self.reader.loading = Some(Loading::Begun);
                }
                false
            }
            Msg::Built { of, percent } => match &mut self.reader.loading {
                Some(loading) if of == self.record.document => {
                    *loading = Loading::Built(percent.min(99));
                    true
                }
                _ => false,
            },
            Msg::Whole {
                of,
                document,
                index_coming,
            } => {
                if of != self.record.document {
                    return false;
                }
                self.replace_document(*document);
                if index_coming {
                    self.asking.expect_heading_index();
                }
                true
            }
            Msg::HeadingIndex { of, index } => {
                of == self.record.document && self.set_heading_index(*index)
            }
            Msg::Reloaded { of, id, document } => {
                of == self.record.document && self.reloaded(id, *document)
            }
            Msg::Others(mut records) => {
                records.retain(|r| r.document != self.record.document);
                self.marks.others = records;
                matches!(self.popup, Some(Popup::Bookmarks(_)))
            }
            Msg::Opened {
                name,
                document,
                record,
                at,
            } => self.open_instead(name, *document, *record, at),
            // The loop's: it opens the document found and sends `Opened`.
            Msg::OtherFound(_) => false,
            Msg::Answer(answer) => self.receive_answer(answer),
            Msg::Saved(record) => self.saved(&record),
            Msg::History(history) => {
                self.hits.history = history;
                false
            }
            Msg::Notice(notice) => {
                self.message = Some(notice);
                true
            }
            // Not a key: a run ended so before any key is no study session.
            Msg::Terminate => {
                self.leave();
                true
            }
            // Not a key either: a stop before any key begins no session.
            Msg::Stop => {
                self.suspend();
                true
            }
        }
    }

    /// The document shown (its opening, until the whole is built).
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// What is kept of this document: bookmarks, position, read marks, sessions.
    pub fn record(&self) -> &Record {
        &self.record
    }

    /// The records of the other documents read before.
    pub fn others(&self) -> &[Record] {
        &self.marks.others
    }

    /// The top row of the reader.
    pub fn top(&self) -> Position {
        self.reader.top
    }

    /// Which pane takes the keys.
    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// The popup that is open, if any.
    pub fn popup(&self) -> Option<&Popup> {
        self.popup.as_ref()
    }

    /// Whether the help overlay is shown.
    pub fn help_shown(&self) -> bool {
        self.help.is_some()
    }

    /// The message in the status line, if any.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The last search, whose hits `n`/`N` go through.
    pub fn text_search(&self) -> Option<&TextSearch> {
        self.hits.text_search.as_ref()
    }

    /// Whether the last search searched upwards (`?`).
    pub fn search_backward(&self) -> bool {
        self.hits.backward
    }

    /// Whether the last search's hits are marked on screen (Esc stops it).
    pub fn hits_marked(&self) -> bool {
        self.hits.marked && self.hits.text_search.is_some()
    }

    /// Whether the document shown is the opening of a long text, the whole on
    /// its way.
    pub fn loading(&self) -> bool {
        self.reader.loading.is_some()
    }

    /// While the whole of a long text is on its way, the percent of it built,
    /// once it has been told (the first share comes a tenth of a second in, so
    /// a whole built sooner shows none).
    pub fn built_percent(&self) -> Option<u8> {
        match self.reader.loading {
            Some(Loading::Built(percent)) => Some(percent),
            _ => None,
        }
    }

    /// What the next frame shows.
    pub fn view(&self) -> &View {
        &self.view
    }

    /// What the last update asked of the loop, oldest first.
    pub fn requests(&self) -> &[Request] {
        &self.requests
    }

    /// Asks the loop for `request`, once per update.
    fn ask(&mut self, request: Request) {
        if !self.requests.contains(&request) {
            self.requests.push(request);
        }
    }

    /// Whether the last update asked to leave.
    pub fn quitting(&self) -> bool {
        self.requests.contains(&Request::Quit)
    }

    /// Applies an action; returns whether anything on screen changed.
    fn act(&mut self, action: Action) -> bool {
        let had_message = self.message.take().is_some();
        let action = match self.counting(action) {
            Counted::Taken => return true,
            Counted::Act(action) => action,
        };
        let before = self.screen_state();
        self.outline.folding_changed = false;
        self.count_time();
        if !matches!(action, Action::Resize(..)) {
            self.reader.kept_through_resizes = None;
        }
        let ends_before = self.study.section_ends_on_screen.clone();
        self.apply(action);
        self.note_jump(action, before.top);
        self.show_moves(before.top);
        // Text scrolled through is read; text jumped over is not.
        if matches!(
            action,
            Action::Scroll(_) | Action::HalfPages(_) | Action::Pages(_) | Action::Wheel { .. }
        ) {
            self.note_seen(&ends_before);
        }
        let said = self.message.is_some();
        self.quitting()
            || had_message
            || said
            || self.outline.folding_changed
            || before != self.screen_state()
    }

    /// Puts the whole document in place of the first part it was shown from,
    /// keeping the reading position.
    fn replace_document(&mut self, prepared: Prepared) {
        let Prepared {
            document,
            shape,
            sections,
        } = prepared;
        let here = self.anchor_here();
        // `G`, `50%` or `20G` pressed while the whole was on its way go there in
        // the whole.
        let again = self.take_pending_jump();
        self.reader.loading = None;
        self.outline.show(shape);
        let old = std::mem::replace(&mut self.document, Arc::new(document));
        let_go((old, self.asking.new_document()));
        self.forget_lines();
        self.reader.layout = ReaderLayout::new(self.geometry().measure);
        self.find_again(here);
        self.place_bookmarks();
        self.study.progress = Progress::new(sections);
        self.reload_progress();
        self.search_again();
        if self.popup.is_none() {
            self.follow_reading();
        }
        if let Some(target) = again {
            self.jump_again(target);
            if self.popup.is_none() {
                self.follow_reading();
            }
        }
        self.refresh();
    }

    /// The file read again: the new text's document takes the place of the old,
    /// the place and the bookmarks found again by their headings and text, the
    /// record following the new text.
    fn reloaded(&mut self, id: String, prepared: Prepared) -> bool {
        self.record.document = id;
        self.drop_pending_jump();
        // Where the reader is: the place it was left, if that waited for the
        // whole and the reader has not moved since; else the place shown.
        let here = match &self.reader.pending_resume {
            Some((anchor, top)) if *top == self.reader.top => anchor.clone(),
            _ => self.anchor_here(),
        };
        self.replace_document(prepared);
        // Looked for again in the whole, if the opening does not hold it.
        self.resume_at(here);
        self.message = Some(words::RELOADED.to_string());
        true
    }

    pub fn geometry(&self) -> Geometry {
        let (width, height) = self.reader.size;
        let shown = self.outline.outline_shown.unwrap_or(width >= NARROW);
        Geometry::new(width, height, shown, self.reader.max_measure)
    }

    /// The current section's place among its siblings: (1-based index, count).
    pub fn section_place(&self) -> Option<(u32, u32)> {
        self.view
            .current
            .map(|id| self.outline.siblings[id.0 as usize])
    }

    /// Brings the outline and the screen up to date after a change that may have
    /// moved the reader from `top`.
    fn show_moves(&mut self, top: Position) {
        if self.reader.top != top && self.focus == Focus::Reader {
            self.follow_reading();
        }
        self.refresh();
    }

    /// What decides the screen, besides which headings are open.
    fn screen_state(&self) -> ScreenState {
        ScreenState {
            top: self.reader.top,
            focus: self.focus,
            help: self.help,
            popup: self.popup.as_ref().map(Popup::state),
            search: self
                .hits
                .text_search
                .as_ref()
                .map(|s| (s.query.text().to_string(), s.current, self.hits.marked)),
            cursor: self.outline.cursor,
            tree_scroll: self.outline.tree_scroll,
            size: self.reader.size,
            outline_shown: self.outline.outline_shown,
        }
    }

    /// What keys mean now.
    pub fn mode(&self) -> Mode {
        if self.help.is_some() {
            return Mode::Help;
        }
        match &self.popup {
            None => Mode::Reading(self.focus),
            Some(Popup::Jump(_)) => Mode::Jump,
            Some(Popup::Search(prompt)) if prompt.in_list => Mode::SearchList,
            Some(Popup::Search(_)) => Mode::SearchPrompt,
            Some(Popup::Note(..)) => Mode::Note,
            Some(Popup::Bookmarks(_)) => Mode::Bookmarks,
            Some(Popup::Stats) => Mode::Stats,
            Some(Popup::Terms(map)) if map.counted() => Mode::TermMap,
            Some(Popup::Terms(_)) => Mode::TermsPrompt,
        }
    }

    /// Prepares `view` for the next frame.
    fn refresh(&mut self) {
        let geometry = self.geometry();
        if self.reader.layout.measure() != geometry.measure {
            self.reader.top =
                self.reader
                    .layout
                    .set_measure(&self.document, geometry.measure, self.reader.top);
        }
        let height = usize::from(geometry.body_height);
        let rows = self
            .reader
            .layout
            .window(&self.document, self.reader.top, height);
        // At the end, the section read is the last one on screen, not the top's.
        let last_shown = rows.last().map(|(position, _)| *position);
        self.view.at_end = last_shown.is_none_or(|last| self.is_last_row(last));
        let last_shown = last_shown.map(|position| position.paragraph);
        self.view.marks = self.marks(&rows);
        self.view.gutter = self.gutter(&rows);
        self.study.section_ends_on_screen = self.section_ends(&rows);
        self.view.reader = rows.into_iter().map(|(_, row)| row).collect();
        self.view.current = match last_shown {
            Some(paragraph) if self.view.at_end => self.document.paragraphs[paragraph].heading,
            _ => self.section_at_top(),
        };
        self.view.geometry = Some(geometry);
        self.refresh_tree(geometry);
    }

    /// Whether `position` is the last row of the text (the last paragraph is on
    /// screen, so its rows are laid out already).
    fn is_last_row(&self, position: Position) -> bool {
        let last = self.document.paragraphs.len().saturating_sub(1);
        position.paragraph == last
            && position.row + 1 >= self.reader.layout.rows_now(&self.document, last).len()
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

    /// How far through the text the top of the screen is, in percent: 100 once
    /// the end is on screen (not the end of an opening, the whole on its way).
    pub fn percent(&self) -> usize {
        if self.view.at_end && self.reader.loading.is_none() {
            return 100;
        }
        let total = self.document.paragraphs.len().max(1);
        (self.reader.top.paragraph * 100 / total).min(99)
    }
}
