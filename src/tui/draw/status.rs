//! The status line: the file, the breadcrumb of the section being read, the last
//! search and which of its hits the reader is at (`hit k/n`), the position, and
//! the main keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::layout::safe::visible;
use crate::layout::wrap::{display_width, truncate};
use crate::tui::app::App;

/// Columns a breadcrumb step without a label gets.
const STEP_TITLE: usize = 12;
/// Columns the phrase of the last search gets.
const SEARCH_PHRASE: usize = 16;
/// The main keys, shown when there is room.
const KEYS: &str = "f 跳转  / 搜索  m 书签  ? 帮助  q 退出 ";

pub fn draw(frame: &mut Frame, app: &App, theme: Theme, area: Rect) {
    let width = usize::from(area.width);
    let crumbs = crate::layout::breadcrumb(&app.document.outline, &app.breadcrumb(), STEP_TITLE);
    let left = format!(" 纲目 · {} │ {}", visible(&app.name), crumbs);
    let place = app
        .section_place()
        .map_or(String::new(), |(n, m)| format!("§ {n}/{m}  "));
    let search = app.text_search().map_or(String::new(), |search| {
        format!(
            "/{} hit {}  ",
            visible(&truncate(search.query.text(), SEARCH_PHRASE)),
            search.count_label(search.current)
        )
    });
    let stars = match app.record.bookmarks.len() {
        0 => String::new(),
        n => format!("★ {n}  "),
    };
    let read = match app.progress().document_percent() {
        0 => String::new(),
        n => format!("已读 {n}%  "),
    };
    let position = format!("  {search}{stars}{read}{}%  {place}", app.percent());
    let right = match &app.message {
        Some(message) => format!("{} ", visible(message)),
        // The keys only where the file and the whole breadcrumb still fit.
        None if display_width(&left) + display_width(&position) + display_width(KEYS) <= width => {
            format!("{position}{KEYS}")
        }
        None => position,
    };
    let right = truncate(&right, width);
    let left = truncate(&left, width - display_width(&right));
    let pad = width.saturating_sub(display_width(&left) + display_width(&right));
    let text = format!("{left}{}{right}", " ".repeat(pad));
    frame.render_widget(Paragraph::new(Line::styled(text, theme.status())), area);
}
