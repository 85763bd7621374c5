//! The popups over the reader, one file each with its state, what it does with
//! the keys it is given and its drawing: jump to a heading (`jump`), search the
//! text (`search`), the note prompt and the bookmark list (`bookmarks`), the
//! study statistics (`stats`), the term map (`terms`) and the help overlay
//! (`help`); the line editor the three prompts type into (`line`). At most one
//! is open ([`Popup`]); the keys that reach it are the bindings table's.

pub mod bookmarks;
pub(crate) mod help;
pub mod jump;
pub mod line;
pub mod search;
pub(crate) mod stats;
pub mod terms;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::document::Document;
use crate::layout::rows::Position;
use crate::layout::wrap::display_width;
use crate::search::Index;
use crate::study::anchor::Found;
use crate::study::store::record::Record;
use crate::tui::theme::Theme;
use bookmarks::{BookmarkList, NotePrompt};
use jump::Jump;
use search::SearchPrompt;
use terms::TermMap;

/// The one popup open over the reader.
#[derive(Debug, Clone)]
pub enum Popup {
    Jump(Jump),
    Search(SearchPrompt),
    /// A bookmark's note, and the bookmark list to go back to after an edit.
    Note(NotePrompt, Option<BookmarkList>),
    Bookmarks(BookmarkList),
    /// The study statistics.
    Stats,
    /// The term map: its phrases, then a bar per file or chapter.
    Terms(TermMap),
}

/// What of a popup decides the screen, to tell whether a key changed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PopupState {
    /// A prompt with a list: what is typed and where the cursor is, the row
    /// selected, and the list's own marks.
    Prompt {
        typed: String,
        cursor: usize,
        selected: usize,
        marks: ListMarks,
    },
    /// The bookmark list: which bookmarks, how many were deleted (and can be
    /// brought back), the row selected.
    Bookmarks {
        scope: bookmarks::Scope,
        deleted: usize,
        selected: usize,
    },
    Stats,
}

/// The marks of a prompt's list besides its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct ListMarks {
    /// The keys move in the list, not in the prompt (the search).
    pub in_list: bool,
    /// The phrases typed are being counted (the term map).
    pub counting: bool,
    /// Some phrases were counted (the term map).
    pub counted: bool,
}

impl Popup {
    /// What of the popup decides the screen.
    pub(crate) fn state(&self) -> PopupState {
        let prompted = |line: &line::LineInput, selected, marks| PopupState::Prompt {
            typed: line.value().to_string(),
            cursor: line.cursor(),
            selected,
            marks,
        };
        match self {
            Popup::Jump(jump) => prompted(&jump.query, jump.selected, ListMarks::default()),
            Popup::Search(search) => {
                let marks = ListMarks {
                    in_list: search.in_list,
                    ..ListMarks::default()
                };
                prompted(&search.input, search.selected, marks)
            }
            Popup::Note(note, _) => prompted(&note.input, 0, ListMarks::default()),
            Popup::Bookmarks(list) => PopupState::Bookmarks {
                scope: list.scope,
                deleted: list.deleted.len(),
                selected: list.selected,
            },
            Popup::Stats => PopupState::Stats,
            Popup::Terms(map) => {
                let marks = ListMarks {
                    counting: map.is_counting(),
                    counted: map.counted(),
                    ..ListMarks::default()
                };
                prompted(&map.input, map.selected, marks)
            }
        }
    }

    /// Where the reader stood when the popup opened, if it moves the reader.
    pub(crate) fn origin(&self) -> Option<Position> {
        match self {
            Popup::Jump(jump) => Some(jump.origin),
            Popup::Search(prompt) => Some(prompt.origin),
            Popup::Bookmarks(list) => Some(list.origin),
            Popup::Terms(map) => Some(map.origin),
            Popup::Note(..) | Popup::Stats => None,
        }
    }
}

/// What of the reader a popup is drawn with, besides its own state.
pub(crate) struct Backdrop<'a> {
    /// The document shown, and the name of its file.
    pub(crate) document: &'a Document,
    pub(crate) name: &'a str,
    /// This document's record, where its bookmarks are found, and the other
    /// documents' records.
    pub(crate) record: &'a Record,
    pub(crate) bookmark_places: &'a [Found],
    pub(crate) others: &'a [Record],
    /// The headings' search keys (to mark what a query matched), if at hand.
    pub(crate) heading_index: Option<&'a Index>,
    /// The headings' search keys are still being built.
    pub(crate) index_pending: bool,
    /// The popup waits for the worker's answer to what was typed.
    pub(crate) looking_up: bool,
    pub(crate) theme: Theme,
}

/// The box of a popup that lists things, in the middle of `area`: four fifths
/// of its width and three quarters of its height, at least `least` (columns,
/// rows) where the area has them.
fn list_box(area: Rect, least: (u16, u16)) -> Rect {
    let width = (area.width * 4 / 5).clamp(area.width.min(least.0), area.width);
    let height = (area.height * 3 / 4).clamp(area.height.min(least.1), area.height);
    centred(area, width, height)
}

/// A `width` × `height` box in the middle of `area`.
fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let (width, height) = (width.min(area.width), height.min(area.height));
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// Puts the terminal's cursor `column` columns into `popup`'s row `row` (past its
/// border), where a prompt's cursor is: an input method's candidates appear there.
fn place_cursor(frame: &mut Frame, popup: Rect, column: usize, row: u16) {
    let column = u16::try_from(column).unwrap_or(u16::MAX);
    let x = popup.x.saturating_add(1).saturating_add(column);
    let right = popup.x + popup.width.saturating_sub(2);
    frame.set_cursor_position(ratatui::layout::Position::new(
        x.min(right),
        popup.y + row + 1,
    ));
}

/// Draws a popup: `lines` in a titled box at `popup`, over whatever was there.
fn draw_popup(
    frame: &mut Frame,
    popup: Rect,
    title: &str,
    lines: Vec<ratatui::text::Line>,
    theme: Theme,
) {
    clear_popup_area(frame, popup);
    let block = ratatui::widgets::Block::default()
        .borders(ratatui::widgets::Borders::ALL)
        .title(format!(" {title} "))
        .border_style(theme.separator());
    frame.render_widget(ratatui::widgets::Paragraph::new(lines).block(block), popup);
}

/// Clears `area` for a popup, and the wide characters cut by its left edge (a CJK
/// character whose right half would fall under the popup's border).
fn clear_popup_area(frame: &mut Frame, area: Rect) {
    frame.render_widget(ratatui::widgets::Clear, area);
    if area.x == 0 {
        return;
    }
    let buffer = frame.buffer_mut();
    for y in area.y..area.y + area.height {
        if let Some(cell) = buffer.cell_mut((area.x - 1, y))
            && display_width(cell.symbol()) > 1
        {
            cell.set_symbol(" ");
        }
    }
}
