//! The compare view's frame: the outline pane (`outline`), a separator, the
//! text (`text`, one column or two), the help over them when asked for, and the
//! status row (`status`), each drawn from `&CompareView` alone.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{CompareView, outline, status, text};
use crate::tui::theme::Theme;

/// Draws the whole compare view.
pub fn draw(frame: &mut Frame, view: &CompareView, theme: Theme) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    let body_height = area.height.saturating_sub(1);
    let outline_width = view.outline_width().min(area.width);
    if outline_width > 0 {
        let pane = Rect::new(area.x, area.y, outline_width, body_height);
        outline::draw(frame, view, theme, pane);
    }
    let pane = Rect::new(
        area.x + outline_width,
        area.y,
        area.width - outline_width,
        body_height,
    );
    text::draw(frame, view, theme, pane);
    if let Some(top) = view.help {
        let body = Rect::new(area.x, area.y, area.width, body_height);
        crate::tui::popup::help::draw_compare(frame, theme, body, top);
    }
    if area.height > body_height {
        let line = Rect::new(area.x, area.y + body_height, area.width, 1);
        status::draw(frame, view, theme, line);
    }
}
