//! Drawing: one renderer per region, each reading `&App` only.
//!
//! The screen is the outline pane, a separator and the reader pane above a status
//! line, with a popup (jump, search) or the help overlay drawn last over a cleared
//! area. Everything from the document reaches the screen through `layout::safe::visible`
//! (reader rows are safe when laid out; titles and snippets are made safe here).

pub mod backend;
mod bookmarks;
mod help;
mod jump;
mod search;
mod stats;
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
use crate::tui::app::{App, Popup};
use theme::Theme;

/// `text` as spans within `width` columns (cut with `…` in `style_of(0)`'s style),
/// made safe, each character in the style `style_of` gives its index. Returns the
/// spans and the columns they take.
fn styled_spans<'a>(
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
fn marking(base: Style, mark: Style, marked: &[Range<usize>]) -> impl Fn(usize) -> Style {
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
            && crate::layout::wrap::display_width(cell.symbol()) > 1
        {
            cell.set_symbol(" ");
        }
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
        Some(Popup::Jump(popup)) => jump::draw(frame, app, popup, theme, area),
        Some(Popup::Search(popup)) => search::draw(frame, app, popup, theme, area),
        Some(Popup::Note(prompt, _)) => bookmarks::draw_note(frame, prompt, theme, area),
        Some(Popup::Bookmarks(list)) => bookmarks::draw_list(frame, app, list, theme, area),
        Some(Popup::Stats) => stats::draw(frame, app, theme, area),
        None if app.help => help::draw(frame, theme, area),
        None => {}
    }
}
