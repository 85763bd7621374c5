//! The help overlay: the reading keys, a line each as the bindings table says
//! them, and what the status row's figures mean, drawn over a cleared box in the
//! middle.

use crate::layout::wrap::display_width;
use crate::tui::bindings::help_lines;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

/// Columns the keys take before their meaning.
const KEY_COLUMN: usize = 18;

/// Columns one key and its meaning take.
const ENTRY_WIDTH: u16 = 42;

/// Every key in one column, or in two side by side when the terminal is too low
/// for one and wide enough for two.
pub(crate) fn draw(frame: &mut Frame, theme: Theme, area: Rect) {
    let keys = help_lines();
    let keys = keys
        .iter()
        .map(|line| entry(&line.key_names().join(" "), line.zh));
    let status = STATUS_LEGEND.iter().map(|(sign, what)| entry(sign, what));
    let entries: Vec<String> = keys.chain(status).collect();
    let count = entries.len() as u16;
    let two_columns = count + 2 > area.height && area.width >= 2 * ENTRY_WIDTH + 3;
    let (columns, rows) = if two_columns {
        (2, count.div_ceil(2))
    } else {
        (1, count)
    };
    let popup = super::centred(area, columns * ENTRY_WIDTH + 2, rows + 2);
    let lines: Vec<Line> = (0..usize::from(rows))
        .map(|row| {
            let row_entries: Vec<&str> = (0..usize::from(columns))
                .filter_map(|column| entries.get(column * usize::from(rows) + row))
                .map(String::as_str)
                .collect();
            Line::from(row_entries.concat())
        })
        .collect();
    super::draw_popup(frame, popup, "帮助", lines, theme);
}

/// What the figures on the status row say, after the keys.
const STATUS_LEGEND: [(&str, &str); 3] = [
    ("§ k/n", "所在节是同级第 k 节，共 n 节"),
    ("n%", "屏幕顶端在全文中的位置"),
    ("已读 n%", "标为已读的部分占全文"),
];

/// One key and its meaning, padded to [`ENTRY_WIDTH`].
fn entry(keys: &str, what: &str) -> String {
    let pad = KEY_COLUMN.saturating_sub(display_width(keys));
    let text = format!(" {keys}{}{what}", " ".repeat(pad));
    let fill = usize::from(ENTRY_WIDTH).saturating_sub(display_width(&text));
    format!("{text}{}", " ".repeat(fill))
}
