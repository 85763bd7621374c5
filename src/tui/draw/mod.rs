//! Drawing a frame: one renderer per pane, each reading `&App` only.
//!
//! The screen is the outline pane (`tree`), a separator and the reader pane
//! (`text`) above a status line (`status`), with the open popup or the help
//! overlay drawn last over a cleared area (each by its own file in `popup`).
//! Colours are `theme`'s, the terminal backend `backend`'s. Everything from the document reaches the screen through `layout::safe::visible`
//! (reader rows are safe when laid out; titles and snippets are made safe here).

pub mod backend;
mod status;
mod text;
pub mod theme;
mod tree;

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;

use crate::layout::safe::visible_char;
use crate::layout::wrap::display_width;
use crate::tui::app::App;
use crate::tui::popup::{self, Popup};
use theme::Theme;

/// `text` as spans within `width` columns (cut with `…` in `style_of(0)`'s style),
/// made safe, each character in the style `style_of` gives its index. Returns the
/// spans and the columns they take.
pub(crate) fn styled_spans<'a>(
    text: &str,
    style_of: impl Fn(usize) -> Style,
    width: usize,
) -> (Vec<Span<'a>>, usize) {
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0;
    let mut run = String::new();
    let mut run_style = style_of(0);
    let total = display_width(text);
    for (index, c) in text.chars().map(visible_char).enumerate() {
        let w = display_width(c.encode_utf8(&mut [0; 4]));
        if total > width && used + w + 1 > width {
            flush(&mut spans, &mut run, run_style);
            spans.push(Span::styled("…", style_of(0)));
            return (spans, used + 1);
        }
        let style = style_of(index);
        if style != run_style {
            flush(&mut spans, &mut run, run_style);
            run_style = style;
        }
        run.push(c);
        used += w;
    }
    flush(&mut spans, &mut run, run_style);
    (spans, used)
}

/// The style of characters in `marked` ranges: `base` patched with `mark`.
pub(crate) fn marking(
    base: Style,
    mark: Style,
    marked: &[Range<usize>],
) -> impl Fn(usize) -> Style {
    move |index| {
        if marked.iter().any(|r| r.contains(&index)) {
            base.patch(mark)
        } else {
            base
        }
    }
}

/// Ends a run of equally styled characters.
fn flush(spans: &mut Vec<Span<'_>>, run: &mut String, style: Style) {
    if !run.is_empty() {
        spans.push(Span::styled(std::mem::take(run), style));
    }
}

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
    match &app.popup {
        Some(Popup::Jump(popup)) => popup::jump::draw(frame, app, popup, theme, area),
        Some(Popup::Search(popup)) => popup::search::draw(frame, app, popup, theme, area),
        Some(Popup::Note(prompt, _)) => popup::bookmarks::draw_note(frame, prompt, theme, area),
        Some(Popup::Bookmarks(list)) => {
            popup::bookmarks::draw_list(frame, app, list, theme, area);
        }
        Some(Popup::Stats) => popup::stats::draw(frame, app, theme, area),
        None if app.help => popup::help::draw(frame, theme, area),
        None => {}
    }
}
