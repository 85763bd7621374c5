//! What each action does: the dispatch from an [`Action`] to the part of the
//! app that carries it out, and the moves of the reader itself (scrolling, to
//! the next heading or document, a new terminal size).

use super::{Action, App, Focus, Popup, Request};
use crate::document::HeadingKind;
use crate::layout::rows::Position;
use crate::tui::popup::help::last_top;
use crate::tui::words;

impl App {
    pub(super) fn apply(&mut self, action: Action) {
        let height = self.geometry().body_height as isize;
        match action {
            Action::Quit => self.leave(),
            Action::SwitchFocus => {
                self.focus = match self.focus {
                    Focus::Reader if self.geometry().outline_width > 0 => Focus::Outline,
                    _ => Focus::Reader,
                }
            }
            Action::Scroll(rows) => self.scroll(rows),
            Action::HalfPages(n) => self.scroll(n * (height / 2).max(1)),
            Action::Pages(n) => self.scroll(n * (height - 1).max(1)),
            Action::Top => self.reader.top = Position::default(),
            Action::Bottom => {
                self.reader.top = self.reader.layout.last_top(&self.document, height as usize);
            }
            Action::Line(line) => self.go_to_line(line),
            Action::Percent(Some(percent)) => self.go_to_percent(percent),
            Action::Percent(None) => self.message = Some(words::PERCENT_NEEDS_A_NUMBER.to_string()),
            // Digits are taken into the count before an action is applied.
            // The compare view's own keys do nothing in the reader.
            Action::Count(_)
            | Action::ChangeBracket(_)
            | Action::NextChange(_)
            | Action::SideBySide => {}
            Action::Jumps(steps) => self.walk_jumps(steps),
            Action::Return => self.return_from_jump(),
            Action::Heading(n) => self.jump_headings(n, |_| true),
            Action::Document(n) => self.jump_headings(n, |k| {
                matches!(k, HeadingKind::File | HeadingKind::Part | HeadingKind::Doc)
            }),
            Action::ToggleOutline => {
                let shown = self.geometry().outline_width > 0;
                self.outline.outline_shown = Some(!shown);
                if shown {
                    self.focus = Focus::Reader;
                }
            }
            Action::ToggleHelp => self.help = self.help.xor(Some(0)),
            Action::HelpScroll(rows) => self.scroll_help(rows),
            Action::Dismiss => self.dismiss(),
            Action::OpenJump => self.open_jump(),
            Action::OpenSearch => self.open_search(false),
            Action::OpenSearchBack => self.open_search(true),
            Action::Type(c) => self.type_char(c),
            Action::Erase => self.erase(),
            Action::Select(n) => self.select_in_popup(n),
            Action::History(n) => self.browse_history(n),
            Action::ToggleList => self.toggle_list(),
            Action::Accept => self.accept(),
            Action::NextHit(n) => self.next_hit(n),
            Action::Cursor(movement) => self.edit_prompt(movement),
            Action::AddBookmark => self.add_bookmark(),
            Action::OpenBookmarks => self.open_bookmarks(),
            Action::EditNote => self.edit_note(),
            Action::DeleteBookmark => self.delete_bookmark(),
            Action::UndoDelete => self.undo_delete(),
            Action::ToggleScope => self.toggle_scope(),
            Action::ToggleRead => self.toggle_read(),
            Action::OpenStats => {
                self.popup = Some(Popup::Stats);
                self.help = None;
            }
            Action::OpenTerms => self.open_terms(),
            Action::Copy => self.copy_paragraph(),
            Action::Reload => self.ask(Request::Reload),
            Action::Suspend => self.suspend(),
            Action::OutlineMove(n) => self.move_cursor(n),
            Action::Expand => self.expand(),
            Action::Collapse => self.collapse(),
            Action::ToggleExpand => {
                if let Some(c) = self
                    .outline
                    .cursor
                    .filter(|&c| self.outline.has_children(c))
                {
                    self.outline.set_expanded(c, !self.outline.expanded[c]);
                }
            }
            Action::Resize(width, height) => self.resize(width, height),
            Action::Wheel { rows, .. } if self.help.is_some() => self.scroll_help(rows),
            Action::Wheel { column, rows } => {
                if column < self.geometry().outline_width {
                    self.move_cursor(rows);
                } else {
                    self.scroll(rows);
                }
            }
            Action::Click { column, row } => self.click(column, row),
        }
        let keeps_help = matches!(
            action,
            Action::ToggleHelp | Action::HelpScroll(_) | Action::Resize(..) | Action::Wheel { .. }
        );
        if !keeps_help {
            self.help = None;
        }
    }

    /// Moves the help's first row shown by `rows`, no further than its last row
    /// at the bottom of the panes.
    fn scroll_help(&mut self, rows: isize) {
        let last = last_top(self.geometry().body_height);
        if let Some(top) = self.help {
            self.help = Some(top.saturating_add_signed(rows).min(last));
        }
    }

    fn scroll(&mut self, rows: isize) {
        let height = self.geometry().body_height as usize;
        let last = self.reader.layout.last_top(&self.document, height);
        let moved = self
            .reader
            .layout
            .step(&self.document, self.reader.top, rows);
        // Scrolling down stops where the last screen is full (or where it already is).
        self.reader.top = match (rows > 0 && later(moved, last), later(self.reader.top, last)) {
            (true, true) => self.reader.top,
            (true, false) => last,
            _ => moved,
        };
    }

    /// Goes `n` headings (of the kinds `wanted`) on, or back.
    fn jump_headings(&mut self, n: isize, wanted: impl Fn(HeadingKind) -> bool) {
        for _ in 0..n.unsigned_abs() {
            let top = self.reader.top;
            self.jump_heading(n.signum(), &wanted);
            if self.reader.top == top {
                break;
            }
        }
    }

    /// Goes to the next heading (of the kinds `wanted`) after the top, or the
    /// previous one before it.
    fn jump_heading(&mut self, n: isize, wanted: impl Fn(HeadingKind) -> bool) {
        let headings = &self.document.outline.headings;
        let here = self.reader.top.paragraph;
        // Headings are in text order: the search starts where the top falls.
        let target = if n > 0 {
            let after = headings.partition_point(|h| h.paragraph <= here);
            headings[after..].iter().find(|h| wanted(h.kind))
        } else {
            let at_start = self.reader.top.row == 0;
            let before = headings
                .partition_point(|h| h.paragraph < here || (h.paragraph == here && !at_start));
            headings[..before].iter().rev().find(|h| wanted(h.kind))
        };
        if let Some(heading) = target {
            self.reader.top = Position {
                paragraph: heading.paragraph,
                row: 0,
            };
        }
    }

    /// A new terminal size. The character that was at the top before the first of
    /// a run of resizes stays on the top row through all of them.
    fn resize(&mut self, width: u16, height: u16) {
        let kept = match self.reader.kept_through_resizes {
            Some(place) => place,
            None => self.place_here(),
        };
        self.reader.kept_through_resizes = Some(kept);
        self.reader.size = (width, height);
        let measure = self.geometry().measure;
        self.reader
            .layout
            .set_measure(&self.document, measure, self.reader.top);
        self.go_to_place(kept);
        if self.geometry().outline_width == 0 {
            self.focus = Focus::Reader;
        }
    }
}

/// Whether `a` is further into the text than `b`.
fn later(a: Position, b: Position) -> bool {
    (a.paragraph, a.row) > (b.paragraph, b.row)
}
