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

pub fn draw(frame: &mut Frame, theme: Theme, area: Rect) {
    let popup = super::centred(area, 44, KEYS.len() as u16 + 2);
    let lines: Vec<Line> = KEYS
        .iter()
        .map(|(keys, what)| {
            let pad = KEY_COLUMN.saturating_sub(display_width(keys));
            Line::from(format!(" {keys}{}{what}", " ".repeat(pad)))
        })
        .collect();
    super::draw_popup(frame, popup, "帮助", lines, theme);
}
