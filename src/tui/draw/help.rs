//! The help overlay: every key, drawn over a cleared box in the middle.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::theme::Theme;
use crate::layout::wrap::display_width;

/// Columns the keys take before their meaning.
const KEY_COLUMN: usize = 18;

const KEYS: &[(&str, &str)] = &[
    ("j k ↓ ↑", "上下滚动一行"),
    ("空格 b PgDn PgUp", "翻页"),
    ("Ctrl-D Ctrl-U", "翻半页"),
    ("g G Home End", "开头 / 结尾"),
    ("] [", "下一个 / 上一个标题"),
    ("} {", "下一个 / 上一个文件"),
    ("f Ctrl-P", "跳转到标题"),
    ("/", "全文搜索"),
    ("n N", "下一处 / 上一处搜索结果"),
    ("m", "加书签（可写笔记）"),
    ("'", "书签列表"),
    ("x", "本节标为读完 / 未读"),
    ("S", "学习记录"),
    ("y", "复制本段及出处"),
    ("R", "文件改动后重新读入"),
    ("Esc", "关闭；取消搜索高亮"),
    ("Tab", "在目录和正文之间切换"),
    ("h l ← → Enter", "目录：收起 / 展开"),
    ("o", "显示 / 隐藏目录"),
    ("?", "帮助"),
    ("q Ctrl-C", "退出"),
];

/// Columns one key and its meaning take.
const ENTRY_WIDTH: u16 = 42;

/// Every key in one column, or in two side by side when the terminal is too low
/// for one and wide enough for two.
pub fn draw(frame: &mut Frame, theme: Theme, area: Rect) {
    let count = KEYS.len() as u16;
    let two_columns = count + 2 > area.height && area.width >= 2 * ENTRY_WIDTH + 3;
    let (columns, rows) = if two_columns {
        (2, count.div_ceil(2))
    } else {
        (1, count)
    };
    let popup = super::centred(area, columns * ENTRY_WIDTH + 2, rows + 2);
    let lines: Vec<Line> = (0..usize::from(rows))
        .map(|row| {
            let entries: Vec<String> = (0..usize::from(columns))
                .filter_map(|column| KEYS.get(column * usize::from(rows) + row))
                .map(|&(keys, what)| entry(keys, what))
                .collect();
            Line::from(entries.concat())
        })
        .collect();
    super::draw_popup(frame, popup, "帮助", lines, theme);
}

/// One key and its meaning, padded to [`ENTRY_WIDTH`].
fn entry(keys: &str, what: &str) -> String {
    let pad = KEY_COLUMN.saturating_sub(display_width(keys));
    let text = format!(" {keys}{}{what}", " ".repeat(pad));
    let fill = usize::from(ENTRY_WIDTH).saturating_sub(display_width(&text));
    format!("{text}{}", " ".repeat(fill))
}
