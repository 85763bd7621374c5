//! The study statistics popup (`S`): the lines `gangmu stats` prints, this run
//! included so far.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::layout::wrap::truncate;
use crate::tui::theme::Theme;

/// Draws `lines` (the statistics, as `Stats::lines` gives them).
pub(crate) fn draw(frame: &mut Frame, lines: &[String], theme: Theme, area: Rect) {
    let width = (area.width * 4 / 5).clamp(area.width.min(30), area.width);
    let popup = super::centred(area, width, lines.len() as u16 + 2);
    let inner = usize::from(width.saturating_sub(2));
    let lines = lines
        .iter()
        .map(|line| Line::raw(truncate(&format!(" {line}"), inner)))
        .collect();
    super::draw_popup(frame, popup, "学习记录", lines, theme);
}
