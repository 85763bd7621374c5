//! The reader's state and its one mutator: `App::update(Action) -> bool`.
//!
//! Owns the document, the reading position, the outline pane's cursor and
//! expansion, focus, the open popup, and what the next frame shows (`view`).
//! Knows nothing of the terminal: keys become actions in `keymap`, frames are
//! drawn by `ui` from `&App` alone. The popups (jump, search) and stepping
//! through search hits are in `popups`.

mod popups;

use std::ops::Range;

use crate::document::{Document, HeadingId, HeadingKind};
use crate::layout::reader::{Position, ReaderLayout, Row};
use crate::search::Index;
use crate::text_search::{History, TextSearch};

pub use popups::Popup;

/// Widest comfortable text measure by default: about 40 CJK characters.
pub const DEFAULT_MEASURE: u16 = 80;
/// Below this width the outline pane is hidden until asked for.
pub const NARROW: u16 = 80;

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

/// Where the panes are, for a terminal size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    /// Columns of the outline pane, 0 when hidden (its separator included).
    pub outline_width: u16,
    pub reader_width: u16,
    /// Rows above the status line.
    pub body_height: u16,
    /// Text measure and the columns before it in the reader pane.
    pub measure: u16,
    pub margin: u16,
}

impl Geometry {
    pub fn new(width: u16, height: u16, outline_shown: bool, max_measure: u16) -> Self {
        let body_height = height.saturating_sub(1);
        let outline_width = if outline_shown && width >= 20 {
            (width / 3).clamp(16, 44).min(width.saturating_sub(12))
        } else {
            0
        };
        let reader_width = width - outline_width;
        let measure = reader_width.saturating_sub(2).clamp(1, max_measure.max(1));
        let margin = (reader_width - measure.min(reader_width)) / 2;
        Self {
            outline_width,
            reader_width,
            body_height,
            measure,
            margin,
        }
    }
}

/// One row of the outline pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeRow {
    pub id: HeadingId,
    pub depth: u16,
    /// `Some(open)` for a heading with children.
    pub expanded: Option<bool>,
    pub selected: bool,
    /// The section being read lies in this heading.
    pub current: bool,
}

/// A search hit on a reader row: which characters of the row's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub chars: Range<usize>,
    /// The hit the reader is at (or the popup has selected).
    pub current: bool,
}

/// What the next frame shows, prepared by `update`.
#[derive(Debug, Default)]
pub struct View {
    pub geometry: Option<Geometry>,
    pub reader: Vec<Row>,
    /// For each reader row, the search hits on it.
    pub marks: Vec<Vec<Mark>>,
    pub tree: Vec<TreeRow>,
    /// The heading of the section at the top of the reader.
    pub current: Option<HeadingId>,
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
    pub document: Document,
    pub focus: Focus,
    pub help: bool,
    /// A message for the status line, shown until the next action.
    pub message: Option<String>,
    /// The popup that is open, if any.
    pub popup: Option<Popup>,
    /// Search keys of the headings, built when the jump popup first opens.
    heading_index: Option<Index>,
    /// The last search's hits, highlighted and stepped through with `n`/`N`.
    pub text_search: Option<TextSearch>,
    /// Phrases searched for in this run.
    history: History,
    /// Where the reader was put to show the current hit: `n` goes on from that hit
    /// while the reader stays there, from the screen's top once it has moved.
    landed: Option<Position>,
    pub quit: bool,
    /// Top row of the reader.
    pub top: Position,
    /// The user's choice to show the outline; `None` follows the width.
    outline_shown: Option<bool>,
    expanded: Vec<bool>,
    has_children: Vec<bool>,
    /// Each heading's place among its siblings: (1-based index, count).
    siblings: Vec<(u32, u32)>,
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
            focus: Focus::Reader,
            help: false,
            message: None,
            popup: None,
            heading_index: None,
            text_search: None,
            history: History::default(),
            landed: None,
            quit: false,
            top: Position::default(),
            outline_shown: None,
            cursor: (!document.outline.headings.is_empty()).then_some(0),
            expanded: outline.expanded,
            has_children: outline.has_children,
            siblings: outline.siblings,
            max_measure: DEFAULT_MEASURE,
            visible: Vec::new(),
            visible_stale: true,
            folding_changed: false,
            tree_scroll: 0,
            size: (width, height),
            layout: ReaderLayout::new(geometry.measure),
            document,
            view: View::default(),
        };
        app.refresh();
        app
    }

    /// Puts the whole document in place of the first part it was shown from,
    /// keeping the reading position.
    pub fn replace_document(&mut self, document: Document) {
        let outline = OutlineFacts::of(&document);
        self.expanded = outline.expanded;
        self.has_children = outline.has_children;
        self.siblings = outline.siblings;
        self.document = document;
        self.layout = ReaderLayout::new(self.geometry().measure);
        self.visible_stale = true;
        let last = self.document.paragraphs.len().saturating_sub(1);
        self.top = Position {
            paragraph: self.top.paragraph.min(last),
            row: 0,
        };
        self.cursor = (!self.document.outline.headings.is_empty()).then_some(0);
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
        self.apply(action);
        if self.top != before.top && self.focus == Focus::Reader {
            self.follow_reading();
        }
        self.refresh();
        self.quit || had_message || self.folding_changed || before != self.screen_state()
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
            Action::OutlineMove(n) => self.move_cursor(n),
            Action::Expand => self.expand(),
            Action::Collapse => self.collapse(),
            Action::ToggleExpand => {
                if let Some(c) = self.cursor.filter(|&c| self.has_children[c]) {
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

    /// The outline follows the section being read: its heading is revealed and,
    /// while the reader has the keys, the cursor sits on it.
    fn follow_reading(&mut self) {
        if let Some(id) = self.section_at_top() {
            self.reveal(id);
            self.cursor = Some(id.0 as usize);
        }
    }

    fn section_at_top(&self) -> Option<HeadingId> {
        self.document.paragraphs.get(self.top.paragraph)?.heading
    }

    fn reveal(&mut self, id: HeadingId) {
        let mut parent = self.document.outline.get(id).parent;
        while let Some(p) = parent {
            self.set_expanded(p.0 as usize, true);
            parent = self.document.outline.get(p).parent;
        }
    }

    fn move_cursor(&mut self, n: isize) {
        let cursor = self.cursor;
        let visible = self.visible_headings();
        if visible.is_empty() {
            return;
        }
        let at = cursor
            .and_then(|c| visible.binary_search(&c).ok())
            .unwrap_or(0);
        let to = (at as isize + n).clamp(0, visible.len() as isize - 1) as usize;
        let heading = visible[to];
        self.select(heading);
    }

    /// Puts the outline cursor on heading `index` and the reader at its text.
    fn select(&mut self, index: usize) {
        self.cursor = Some(index);
        let paragraph = self.document.outline.headings[index].paragraph;
        self.top = Position { paragraph, row: 0 };
    }

    fn expand(&mut self) {
        let Some(c) = self.cursor else { return };
        if self.has_children[c] && !self.expanded[c] {
            self.set_expanded(c, true);
        } else if self.has_children[c] {
            self.move_cursor(1);
        }
    }

    fn collapse(&mut self) {
        let Some(c) = self.cursor else { return };
        if self.has_children[c] && self.expanded[c] {
            self.set_expanded(c, false);
        } else if let Some(parent) = self.document.outline.headings[c].parent {
            self.select(parent.0 as usize);
        }
    }

    fn click(&mut self, column: u16, row: u16) {
        let geometry = self.geometry();
        if column >= geometry.outline_width || row >= geometry.body_height {
            return;
        }
        self.focus = Focus::Outline;
        let index = self.tree_scroll + usize::from(row);
        if let Some(&heading) = self.visible_headings().get(index) {
            if self.cursor == Some(heading) && self.has_children[heading] {
                self.set_expanded(heading, !self.expanded[heading]);
            }
            self.select(heading);
        }
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        let measure = self.geometry().measure;
        self.top = self.layout.set_measure(&self.document, measure, self.top);
        if self.geometry().outline_width == 0 {
            self.focus = Focus::Reader;
        }
    }

    fn set_expanded(&mut self, index: usize, open: bool) {
        if self.expanded[index] != open {
            self.expanded[index] = open;
            self.visible_stale = true;
            self.folding_changed = true;
        }
    }

    /// Indices of the headings shown in the outline: those whose ancestors are open.
    fn visible_headings(&mut self) -> &[usize] {
        if self.visible_stale {
            self.visible = self.compute_visible();
            self.visible_stale = false;
        }
        &self.visible
    }

    fn compute_visible(&self) -> Vec<usize> {
        let headings = &self.document.outline.headings;
        let mut shown = Vec::new();
        // `open_to[d]` tells whether everything down to depth `d` is open.
        let mut open_to: Vec<bool> = vec![true];
        for (index, heading) in headings.iter().enumerate() {
            let depth = usize::from(heading.depth);
            open_to.truncate(depth);
            let visible = open_to.iter().all(|&o| o);
            if visible {
                shown.push(index);
            }
            open_to.resize(depth, true);
            open_to.push(visible && self.expanded[index]);
        }
        shown
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
        self.view.reader = rows.into_iter().map(|(_, row)| row).collect();
        self.view.current = self.section_at_top();
        self.view.geometry = Some(geometry);
        self.refresh_tree(geometry);
    }

    fn refresh_tree(&mut self, geometry: Geometry) {
        let height = usize::from(geometry.body_height);
        let ancestors = self.ancestors_of_current();
        self.visible_headings();
        let visible = &self.visible;
        if let Some(at) = self.cursor.and_then(|c| visible.binary_search(&c).ok()) {
            if at < self.tree_scroll {
                self.tree_scroll = at;
            } else if height > 0 && at >= self.tree_scroll + height {
                self.tree_scroll = at + 1 - height;
            }
        }
        self.tree_scroll = self.tree_scroll.min(visible.len().saturating_sub(1));
        let headings = &self.document.outline.headings;
        self.view.tree = visible
            .iter()
            .skip(self.tree_scroll)
            .take(height)
            .map(|&index| TreeRow {
                id: HeadingId(index as u32),
                depth: headings[index].depth,
                expanded: self.has_children[index].then_some(self.expanded[index]),
                selected: self.cursor == Some(index),
                current: ancestors.contains(&index),
            })
            .collect();
    }

    /// The current section's heading and its ancestors.
    fn ancestors_of_current(&self) -> Vec<usize> {
        let mut chain = Vec::new();
        let mut next = self.section_at_top();
        while let Some(id) = next {
            chain.push(id.0 as usize);
            next = self.document.outline.get(id).parent;
        }
        chain
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

/// What the outline pane needs to know of a document's headings.
struct OutlineFacts {
    expanded: Vec<bool>,
    has_children: Vec<bool>,
    siblings: Vec<(u32, u32)>,
}

impl OutlineFacts {
    fn of(document: &Document) -> Self {
        let headings = &document.outline.headings;
        let mut has_children = vec![false; headings.len()];
        for heading in headings {
            if let Some(parent) = heading.parent {
                has_children[parent.0 as usize] = true;
            }
        }
        // Files, parts, documents and the top level start open.
        let expanded = headings
            .iter()
            .map(|h| {
                matches!(
                    h.kind,
                    HeadingKind::File | HeadingKind::Part | HeadingKind::Doc
                ) || h.parent.is_none()
            })
            .collect();
        Self {
            expanded,
            has_children,
            siblings: sibling_places(document),
        }
    }
}

/// Each heading's 1-based place among its siblings, and how many they are.
fn sibling_places(document: &Document) -> Vec<(u32, u32)> {
    let headings = &document.outline.headings;
    let group = |parent: Option<HeadingId>| parent.map_or(0, |p| p.0 as usize + 1);
    let mut counts = vec![0u32; headings.len() + 1];
    let places: Vec<u32> = headings
        .iter()
        .map(|h| {
            counts[group(h.parent)] += 1;
            counts[group(h.parent)]
        })
        .collect();
    headings
        .iter()
        .zip(places)
        .map(|(h, place)| (place, counts[group(h.parent)]))
        .collect()
}

/// Whether `a` is further into the text than `b`.
fn later(a: Position, b: Position) -> bool {
    (a.paragraph, a.row) > (b.paragraph, b.row)
}
