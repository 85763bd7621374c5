//! The compare view of `gangmu diff` on a terminal: the new version with what
//! changed marked in it, the outline marking each section's changes, `]c` / `[c`
//! going through the changes in the order they show, and the old version beside
//! the new on a wide terminal. [`CompareView`] is its state and its one mutator
//! `update`; `rows` lays its text out (the first screen's rows at once, the
//! rest once it is drawn: `lay_rest`), `outline` and `text` draw its panes,
//! `status` its status row, `draw` the frame. Keys come through the bindings
//! table (modes `Compare` and `CompareBracket`). Nothing is saved: a comparison
//! is not a document read, so it keeps no bookmarks and no progress.

mod draw;
mod outline;
pub mod rows;
mod status;
mod text;

use ratatui_crossterm::crossterm::event::Event;

use crate::compare::along::Along;
use crate::tui::action::{Action, Mode};
use crate::tui::keymap;
use rows::{Form, Laid};

pub use draw::draw;

/// The narrowest terminal that shows the two versions side by side.
pub const SIDE_BY_SIDE_WIDTH: u16 = 120;
/// Below this width the outline pane is hidden.
const NARROW: u16 = 80;
/// Rows shown above a change gone to.
const CONTEXT: usize = 3;
/// Widest text column when one version is shown.
const MEASURE: u16 = 80;

/// The compare view's whole state.
#[derive(Debug)]
pub struct CompareView {
    /// The two files' names, old and new.
    pub(crate) names: (String, String),
    pub(crate) along: Along,
    size: (u16, u16),
    side_by_side: bool,
    /// Changes bracketed in the text (no colours to mark them).
    brackets: bool,
    /// `]` or `[` typed, waiting for `c`.
    bracket: Option<i8>,
    /// The rows, and the row each change starts on.
    pub(crate) laid: Laid,
    /// The changes in the order they show.
    order: Vec<usize>,
    /// The first row on screen.
    pub(crate) top: usize,
    /// The change gone to last (its place in `order`), until the view scrolls.
    current: Option<usize>,
    pub(crate) message: Option<String>,
    /// The help, when shown: the first of its rows on screen.
    pub(crate) help: Option<usize>,
    quitting: bool,
}

impl CompareView {
    /// The view of `along` between `names` (old, new) on a terminal of
    /// `width` × `height`; `brackets`: mark changes in the text, for a theme
    /// without colours.
    pub fn new(names: (String, String), along: Along, size: (u16, u16), brackets: bool) -> Self {
        let mut view = Self {
            names,
            laid: Laid::new(&along),
            along,
            size,
            side_by_side: false,
            brackets,
            bracket: None,
            order: Vec::new(),
            top: 0,
            current: None,
            message: None,
            help: None,
            quitting: false,
        };
        // Only the first screen's rows; the rest when the screen is drawn.
        view.lay_out_past(usize::from(size.1));
        view
    }

    /// Lays out the rows not laid out yet.
    pub fn lay_rest(&mut self) {
        if !self.laid.complete(&self.along) {
            self.laid.lay_past(&self.along, self.form(), usize::MAX);
            self.sort_changes();
        }
    }

    /// What keys mean now.
    pub fn mode(&self) -> Mode {
        if self.help.is_some() {
            return Mode::Help;
        }
        self.bracket.map_or(Mode::Compare, Mode::CompareBracket)
    }

    /// Applies a terminal event; whether the screen changed.
    pub fn input(&mut self, event: &Event) -> bool {
        match keymap::action(event, self.mode()) {
            Some(action) => self.update(action),
            // Any other key after `]` or `[` drops it.
            None => self.bracket.take().is_some(),
        }
    }

    /// Applies an action; whether the screen changed.
    pub fn update(&mut self, action: Action) -> bool {
        let had_message = self.message.take().is_some();
        let before = (
            self.top,
            self.current,
            self.side_by_side,
            self.size,
            self.help,
        );
        let pending = self.bracket.take();
        self.lay_rest();
        match action {
            Action::Quit => self.quitting = true,
            Action::ToggleHelp => self.help = self.help.xor(Some(0)),
            Action::Dismiss => self.help = None,
            Action::HelpScroll(rows) => self.scroll_help(rows),
            Action::ChangeBracket(direction) => self.bracket = Some(direction),
            Action::NextChange(direction) => self.go_to_change(direction),
            Action::SideBySide => self.toggle_side_by_side(),
            Action::Scroll(rows) | Action::Wheel { rows, .. } => self.scroll(rows),
            Action::Pages(n) => self.scroll(n.saturating_mul(self.page())),
            Action::HalfPages(n) => self.scroll(n.saturating_mul(self.page() / 2)),
            Action::Top => self.scroll_to(0),
            Action::Bottom => self.scroll_to(usize::MAX),
            Action::Resize(width, height) => {
                self.size = (width, height);
                self.lay_out();
            }
            _ => {}
        }
        self.quitting
            || had_message
            || self.message.is_some()
            || pending != self.bracket
            || before
                != (
                    self.top,
                    self.current,
                    self.side_by_side,
                    self.size,
                    self.help,
                )
    }

    /// Moves the help `rows` down (up if negative), its last row at the bottom
    /// at most.
    fn scroll_help(&mut self, rows: isize) {
        let last = crate::tui::popup::help::compare_last_top(self.size.1.saturating_sub(1));
        if let Some(top) = self.help {
            self.help = Some(top.saturating_add_signed(rows).min(last));
        }
    }

    /// Whether the user asked to leave.
    pub fn quitting(&self) -> bool {
        self.quitting
    }

    /// The comparison shown.
    pub fn along(&self) -> &Along {
        &self.along
    }

    /// The first row on screen.
    pub fn top(&self) -> usize {
        self.top
    }

    /// Whether the old version is shown beside the new.
    pub fn side_by_side(&self) -> bool {
        self.side_by_side
    }

    /// The change the view is at, counted from 1 in the order they show (0
    /// before the first), and how many there are.
    pub fn change_count(&self) -> (usize, usize) {
        let at = match self.current {
            Some(k) => k + 1,
            None => self
                .order
                .iter()
                .filter(|&&c| self.laid.change_rows[c] <= self.cursor_row())
                .count(),
        };
        (at, self.order.len())
    }

    /// The change gone to last, if the view has not scrolled since (an index
    /// into `along.changes`).
    pub fn current_change(&self) -> Option<usize> {
        self.current.map(|k| self.order[k])
    }

    /// The rows of text on screen.
    pub fn body_height(&self) -> usize {
        usize::from(self.size.1.saturating_sub(1))
    }

    /// The terminal's size.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// Columns of the outline pane (its separator included), 0 when hidden.
    pub fn outline_width(&self) -> u16 {
        let (width, _) = self.size;
        if self.side_by_side || width < NARROW {
            0
        } else {
            (width / 3).clamp(16, 44)
        }
    }

    /// Columns of one text column.
    fn column_width(&self) -> u16 {
        let room = self.size.0 - self.outline_width();
        if self.side_by_side {
            (room.saturating_sub(3) / 2).max(1)
        } else {
            room.saturating_sub(2).clamp(1, MEASURE)
        }
    }

    /// The section the top of the screen is in (of the new version).
    pub fn section_at_top(&self) -> Option<crate::document::HeadingId> {
        let block = self.laid.rows.get(self.top).map_or(0, |row| row.block);
        self.along.blocks.get(block).and_then(|b| b.section)
    }

    /// The title of the new version's section `heading`, as the outline shows it.
    pub fn along_heading(&self, heading: crate::document::HeadingId) -> String {
        self.along
            .blocks
            .iter()
            .find(|b| b.section == Some(heading) && b.opening.is_some())
            .and_then(|b| b.opening.as_ref())
            .map_or_else(String::new, |o| o.title.clone())
    }

    /// How far through the rows the top of the screen is, in percent.
    pub fn percent(&self) -> usize {
        (self.top * 100).checked_div(self.last_top()).unwrap_or(100)
    }

    /// The last row the top of the screen may be on.
    fn last_top(&self) -> usize {
        let rows = self.laid.rows.len();
        rows.saturating_sub(self.body_height().max(1))
    }

    /// The row a change gone to is shown on: `CONTEXT` rows under the top.
    fn cursor_row(&self) -> usize {
        if self.top == 0 {
            // At the start, a change in the first rows is not yet passed.
            return self
                .current
                .map_or(0, |k| self.laid.change_rows[self.order[k]]);
        }
        self.top + CONTEXT
    }

    fn page(&self) -> isize {
        isize::try_from(self.body_height().max(2) - 1).unwrap_or(1)
    }

    fn scroll(&mut self, rows: isize) {
        let top = self.top.saturating_add_signed(rows);
        self.scroll_to(top);
    }

    fn scroll_to(&mut self, row: usize) {
        let top = row.min(self.last_top());
        if top != self.top {
            self.current = None;
        }
        self.top = top;
    }

    /// Goes to the next change after the one the view is at (or before it).
    fn go_to_change(&mut self, direction: isize) {
        let here = self.cursor_row();
        let target = match (self.current, direction > 0) {
            (Some(k), true) => (k + 1 < self.order.len()).then_some(k + 1),
            (Some(k), false) => k.checked_sub(1),
            (None, true) => self
                .order
                .iter()
                .position(|&c| self.laid.change_rows[c] > here || (self.top == 0 && here == 0)),
            (None, false) => self
                .order
                .iter()
                .rposition(|&c| self.laid.change_rows[c] < here),
        };
        let Some(k) = target else {
            self.message = Some(if direction > 0 {
                "已是最后一处改动".to_string()
            } else {
                "已是第一处改动".to_string()
            });
            return;
        };
        self.scroll_to(self.laid.change_rows[self.order[k]].saturating_sub(CONTEXT));
        self.current = Some(k);
    }

    fn toggle_side_by_side(&mut self) {
        if !self.side_by_side && self.size.0 < SIDE_BY_SIDE_WIDTH {
            self.message = Some(format!(
                "并排显示需要至少 {SIDE_BY_SIDE_WIDTH} 列宽，终端现在 {} 列",
                self.size.0
            ));
            return;
        }
        self.side_by_side = !self.side_by_side;
        self.lay_out();
    }

    /// How the rows are laid out now.
    fn form(&self) -> Form {
        Form {
            width: usize::from(self.column_width()),
            two: self.side_by_side,
            brackets: self.brackets,
        }
    }

    /// Puts the changes in the order they show (those not laid out last).
    fn sort_changes(&mut self) {
        let change_rows = &self.laid.change_rows;
        let mut order: Vec<usize> = (0..change_rows.len()).collect();
        order.sort_by_key(|&c| (change_rows[c], c));
        self.order = order;
    }

    /// Lays all the rows out again for the size and form, the block at the top
    /// (or the change gone to) kept in view.
    fn lay_out(&mut self) {
        self.lay_out_past(usize::MAX);
    }

    /// Lays the rows out again as far as row `rows` at least.
    fn lay_out_past(&mut self, rows: usize) {
        if self.side_by_side && self.size.0 < SIDE_BY_SIDE_WIDTH {
            self.side_by_side = false;
            self.message = Some(format!("终端窄于 {SIDE_BY_SIDE_WIDTH} 列，不再并排显示"));
        }
        let kept_block = self.laid.rows.get(self.top).map(|row| row.block);
        let current = self.current;
        self.laid = Laid::new(&self.along);
        self.laid.lay_past(&self.along, self.form(), rows);
        self.sort_changes();
        let top = match (current, kept_block) {
            (Some(k), _) => self.laid.change_rows[self.order[k]].saturating_sub(CONTEXT),
            (None, Some(block)) => (self.laid.rows.iter())
                .position(|r| r.block == block)
                .unwrap_or(0),
            (None, None) => 0,
        };
        self.scroll_to(top);
        self.current = current;
    }
}
