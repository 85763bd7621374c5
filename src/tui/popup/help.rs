//! The help overlay: the reading keys, a line each as the bindings table says
//! them; each popup's keys and the help's own; going back with `''` and Tab;
//! the mouse; and what the status row's figures mean. The compare view has one
//! of its own: its keys and the help's. Drawn over a cleared box
//! in the middle, in two columns where everything fits so, else in one that
//! scrolls.

use crate::layout::wrap::display_width;
use crate::tui::action::{Action, Focus, Mode};
use crate::tui::bindings::{described, help_lines, hints_of, key_name};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

/// Columns the keys take before their meaning.
const KEY_COLUMN: usize = 18;

/// Columns one key and its meaning take.
const ENTRY_WIDTH: u16 = 42;

/// The popups whose keys the help lists, each under its name.
const POPUPS: [(Mode, &str); 6] = [
    (Mode::Jump, "跳转"),
    (Mode::SearchPrompt, "搜索：输入"),
    (Mode::SearchList, "搜索：结果"),
    (Mode::Bookmarks, "书签"),
    (Mode::Note, "笔记"),
    (Mode::Help, "帮助"),
];

/// What the mouse does.
const MOUSE: [(&str, &str); 2] = [
    ("滚轮", "滚动正文、目录或帮助"),
    ("点击", "选中目录中的标题"),
];

/// What the figures on the status row say.
const STATUS_LEGEND: [(&str, &str); 4] = [
    ("计数 n", "输入中的计数前缀，Esc 取消"),
    ("§ k/n", "同级标题中的第 k 个，共 n 个"),
    ("n%", "屏幕顶端在全文中的位置"),
    ("已读 n%", "标为已读的部分占全文"),
];

/// The last first row the help scrolls to in `height` rows (its frame
/// included): its last row at the bottom.
pub(crate) fn last_top(height: u16) -> usize {
    last_top_of(entries().len(), height)
}

/// The same for the compare view's help.
pub(crate) fn compare_last_top(height: u16) -> usize {
    last_top_of(compare_entries().len(), height)
}

fn last_top_of(count: usize, height: u16) -> usize {
    count.saturating_sub(usize::from(height.saturating_sub(2)))
}

/// Every row of the compare view's help: going through the changes (`]c`
/// `[c`), its other keys, then the help's. The reader's help names the compare
/// view's keys `对比：…`; here that goes without saying.
fn compare_entries() -> Vec<String> {
    let mut rows = Vec::new();
    for direction in [1, -1] {
        let bracket = key_name(Mode::Compare, Action::ChangeBracket(direction));
        for (keys, word) in hints_of(Mode::CompareBracket(direction)) {
            rows.push(entry(&format!("{bracket}{keys}"), word));
        }
    }
    rows.extend(described(Mode::Compare).iter().map(|(keys, says)| {
        let says = says.strip_prefix("对比：").unwrap_or(says);
        entry(keys, says)
    }));
    rows.push(entry("〔帮助〕", ""));
    rows.extend(
        hints_of(Mode::Help)
            .iter()
            .map(|(keys, word)| entry(keys, word)),
    );
    rows
}

/// Every row of the help, reading keys first.
fn entries() -> Vec<String> {
    let mut rows: Vec<String> = help_lines()
        .iter()
        .map(|line| entry(&line.key_names().join(" "), line.zh))
        .collect();
    for (mode, name) in POPUPS {
        rows.push(entry(&format!("〔{name}〕"), ""));
        rows.extend(hints_of(mode).iter().map(|(keys, word)| entry(keys, word)));
    }
    rows.extend(going_back());
    rows.push(entry("〔鼠标〕", ""));
    rows.extend(MOUSE.iter().map(|(what, does)| entry(what, does)));
    rows.push(entry("〔状态栏〕", ""));
    rows.extend(STATUS_LEGEND.iter().map(|(sign, says)| entry(sign, says)));
    rows
}

/// What going back takes besides its keys' line: `''`, which is `'` typed in the
/// bookmark list it opens, and Tab after Ctrl-O, which is how most terminals
/// send Ctrl-I.
fn going_back() -> [String; 3] {
    let reading = Mode::Reading(Focus::Reader);
    let list = key_name(reading, Action::OpenBookmarks);
    let again = key_name(Mode::Bookmarks, Action::Return);
    let back = key_name(reading, Action::Jumps(-1));
    let tab = key_name(reading, Action::SwitchFocus);
    [
        entry("〔后退〕", ""),
        entry(&format!("{list}{again}"), "回到跳转前，再按返回"),
        entry(&format!("{back} 后 {tab}"), "前进（Ctrl-I 即 Tab）"),
    ]
}

/// The help from its row `top` on: in two columns when all of it fits so, else
/// in one column, as many rows as the terminal has, the last rows never
/// scrolled above the bottom.
pub(crate) fn draw(frame: &mut Frame, theme: Theme, area: Rect, top: usize) {
    draw_entries(frame, theme, area, top, &entries());
}

/// The compare view's help, as [`draw`] draws the reader's.
pub(crate) fn draw_compare(frame: &mut Frame, theme: Theme, area: Rect, top: usize) {
    draw_entries(frame, theme, area, top, &compare_entries());
}

fn draw_entries(frame: &mut Frame, theme: Theme, area: Rect, top: usize, entries: &[String]) {
    let count = entries.len();
    let room = usize::from(area.height.saturating_sub(2));
    let two_columns =
        count > room && count.div_ceil(2) <= room && area.width >= 2 * ENTRY_WIDTH + 3;
    let lines: Vec<Line> = if two_columns {
        let rows = count.div_ceil(2);
        (0..rows)
            .map(|row| {
                let right = entries.get(rows + row).map_or("", String::as_str);
                Line::from(format!("{}{right}", entries[row]))
            })
            .collect()
    } else {
        let first = top.min(last_top_of(count, area.height));
        entries[first..(first + room).min(count)]
            .iter()
            .map(|row| Line::from(row.as_str()))
            .collect()
    };
    let columns = if two_columns { 2 } else { 1 };
    let height = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let popup = super::centred(area, columns * ENTRY_WIDTH + 2, height + 2);
    let title = if !two_columns && count > room {
        "帮助（j k 滚动）"
    } else {
        "帮助"
    };
    super::draw_popup(frame, popup, title, lines, theme);
}

/// One key and its meaning, padded to [`ENTRY_WIDTH`].
fn entry(keys: &str, what: &str) -> String {
    let pad = KEY_COLUMN.saturating_sub(display_width(keys));
    let text = format!(" {keys}{}{what}", " ".repeat(pad));
    let fill = usize::from(ENTRY_WIDTH).saturating_sub(display_width(&text));
    format!("{text}{}", " ".repeat(fill))
}
