//! The status line: the file, the breadcrumb of the section being read, the
//! position, and the main keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::app::App;
use crate::layout::wrap::{display_width, truncate};
use crate::safe::visible;

/// Columns a breadcrumb step without a label gets.
const STEP_TITLE: usize = 12;

pub fn draw(frame: &mut Frame, app: &App, theme: Theme, area: Rect) {
    let width = usize::from(area.width);
    let crumbs = crate::layout::breadcrumb(&app.document.outline, &app.breadcrumb(), STEP_TITLE);
    let left = format!(" 纲目 · {} │ {}", visible(&app.name), crumbs);
    let place = app
        .section_place()
        .map_or(String::new(), |(n, m)| format!("§ {n}/{m}  "));
    let right = match &app.message {
        Some(message) => format!("{} ", visible(message)),
        None => format!("{}%  {place}f 跳转  ? 帮助  q 退出 ", app.percent()),
    };
    let room = width.saturating_sub(display_width(&right));
    let left = truncate(&left, room);
    let pad = width.saturating_sub(display_width(&left) + display_width(&right));
    let text = if display_width(&right) > width {
        truncate(&left, width)
    } else {
        format!("{left}{}{right}", " ".repeat(pad))
    };
    frame.render_widget(Paragraph::new(Line::styled(text, theme.status())), area);
}
