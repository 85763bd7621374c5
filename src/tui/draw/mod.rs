//! Drawing a frame: one renderer per pane, each reading `&App` only.
//!
//! The screen is the outline pane (`tree`), a separator and the reader pane
//! (`text`) above a status line (`status`), with the open popup or the help
//! overlay drawn last over a cleared area (each by its own file in `popup`).
//! Colours are `theme`'s, the terminal backend `backend`'s. Everything from the document reaches the screen through `layout::safe::visible`
//! (reader rows are safe when laid out; titles and snippets are made safe here).

pub mod backend;
mod cells;
mod status;
mod text;
mod tree;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::study::stats::Stats;
use crate::tui::app::App;
use crate::tui::popup::{self, Backdrop, Popup};
use crate::tui::theme::Theme;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App, theme: Theme) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    let geometry = app.geometry();
    let body = Rect::new(
        area.x,
        area.y,
        area.width,
        geometry.body_height.min(area.height),
    );
    let outline = Rect::new(
        body.x,
        body.y,
        geometry.outline_width.min(body.width),
        body.height,
    );
    let reader = Rect::new(
        body.x + outline.width,
        body.y,
        body.width - outline.width,
        body.height,
    );
    if outline.width > 0 {
        tree::draw(frame, app, theme, outline);
    }
    text::draw(frame, app, theme, reader);
    if area.height > body.height {
        let line = Rect::new(area.x, area.y + body.height, area.width, 1);
        status::draw(frame, app, theme, line);
    }
    draw_popup(frame, app, theme, area, body);
}

/// Draws the open popup, or the help overlay, over the panes; the statistics
/// and the help over the panes only (`body`), the status row left in view.
fn draw_popup(frame: &mut Frame, app: &App, theme: Theme, area: Rect, body: Rect) {
    let under = Backdrop {
        document: &app.document,
        name: &app.name,
        record: &app.record,
        bookmark_places: app.bookmark_places(),
        others: app.others(),
        heading_index: app.heading_index(),
        index_pending: app.heading_index_pending(),
        looking_up: app.looking_up(),
        theme,
    };
    match &app.popup {
        Some(Popup::Jump(jump)) => popup::jump::draw(frame, jump, &under, area),
        Some(Popup::Search(prompt)) => popup::search::draw(frame, prompt, &under, area),
        Some(Popup::Note(prompt, _)) => popup::bookmarks::draw_note(frame, prompt, theme, area),
        Some(Popup::Bookmarks(list)) => popup::bookmarks::draw_list(frame, list, &under, area),
        Some(Popup::Terms(map)) => popup::terms::draw(frame, map, &under, area),
        Some(Popup::Stats) => {
            let record = app.record_with_this_session();
            let lines = Stats::of(&record, &app.document).lines();
            popup::stats::draw(frame, &lines, theme, body);
        }
        None => {
            if let Some(top) = app.help {
                popup::help::draw(frame, theme, body, top);
            }
        }
    }
}

/// Puts `lines` in `area`, one a row from its top, each cut at its right edge:
/// what a `Paragraph` without wrapping draws, without laying the lines out a
/// second time (the panes' rows are laid out already).
fn put_lines(frame: &mut Frame, area: Rect, lines: &[Line]) {
    let buffer = frame.buffer_mut();
    for (line, y) in lines.iter().zip(area.top()..area.bottom()) {
        cells::put_line(buffer, area.x, y, line, area.width);
    }
}
