//! The compare view's status row: that it is a comparison and of which files,
//! the section at the top, which change the view is at (`改动 k/n`), the
//! percent, and the keys to go through the changes; a message in their place
//! when there is one.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::CompareView;
use crate::layout::safe::visible;
use crate::layout::wrap::{display_width, truncate};
use crate::tui::theme::Theme;

/// The keys named in the status row.
const KEYS: &str = "]c 下一处  [c 上一处  s 并排  H 帮助  q 退出 ";

pub(super) fn draw(frame: &mut Frame, view: &CompareView, theme: Theme, area: Rect) {
    let width = usize::from(area.width);
    let (old, new) = (visible(&view.names.0), visible(&view.names.1));
    let section = view.section_at_top().map_or(String::new(), |h| {
        let heading = &view.along_heading(h);
        format!(" │ {}", visible(heading))
    });
    let left = format!(" 纲目 · 对比 {old} → {new}{section}");
    let (k, n) = view.change_count();
    let figures = if n == 0 {
        "  没有改动  ".to_string()
    } else {
        format!("  改动 {k}/{n}  {}%  ", view.percent())
    };
    let right = match &view.message {
        Some(message) => format!("  {} ", visible(message)),
        None if display_width(&left) + display_width(&figures) + display_width(KEYS) <= width => {
            format!("{figures}{KEYS}")
        }
        None => figures,
    };
    let right = truncate(&right, width);
    let left = truncate(&left, width - display_width(&right));
    let pad = width.saturating_sub(display_width(&left) + display_width(&right));
    let text = format!("{left}{}{right}", " ".repeat(pad));
    frame.render_widget(Paragraph::new(Line::styled(text, theme.status())), area);
}
