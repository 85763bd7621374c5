//! The status line: the file, the breadcrumb of the section being read, the last
//! search and which of its hits the reader is at (`hit k/n`), the position, and
//! the main keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::document::{HeadingId, Outline};
use crate::layout::fit_breadcrumb;
use crate::layout::safe::visible;
use crate::layout::wrap::{display_width, truncate};
use crate::tui::action::{Action, Focus, Mode};
use crate::tui::app::App;
use crate::tui::bindings::key_name;
use crate::tui::theme::Theme;

/// Columns the phrase of the last search gets.
const SEARCH_PHRASE: usize = 16;
/// The main keys, shown when there is room, and the word each is shown with.
const MAIN_KEYS: [(Action, &str); 5] = [
    (Action::OpenJump, "跳转"),
    (Action::OpenSearch, "搜索"),
    (Action::AddBookmark, "书签"),
    (Action::ToggleHelp, "帮助"),
    (Action::Quit, "退出"),
];

pub(super) fn draw(frame: &mut Frame, app: &App, theme: Theme, area: Rect) {
    let width = usize::from(area.width);
    let outline = &app.document.outline;
    let chain = app.breadcrumb();
    let name = visible(&app.name);
    let whole = format!(
        "{PREFIX}{name}{BEFORE_CRUMBS}{}",
        fit_breadcrumb(outline, &chain, usize::MAX)
    );
    let position = position(app);
    let keys = main_keys();
    let right = match &app.message {
        Some(message) => format!("{} ", visible(message)),
        // The keys only where the file and the whole breadcrumb still fit.
        None if display_width(&whole) + display_width(&position) + display_width(&keys)
            <= width =>
        {
            format!("{position}{keys}")
        }
        None => position,
    };
    let right = truncate(&right, width);
    let left = left_part(outline, &chain, &name, width - display_width(&right));
    let pad = width.saturating_sub(display_width(&left) + display_width(&right));
    let text = format!("{left}{}{right}", " ".repeat(pad));
    frame.render_widget(Paragraph::new(Line::styled(text, theme.status())), area);
}

/// What opens the status line.
const PREFIX: &str = " 纲目 · ";
/// What stands between the file's name and the breadcrumb.
const BEFORE_CRUMBS: &str = " │ ";
/// The opening when the file's name has no room.
const PREFIX_WITHOUT_NAME: &str = " 纲目 │ ";

/// The file and the breadcrumb of `chain` in `room` columns: the breadcrumb first
/// (its innermost heading foremost), then as much of the file's name as is left
/// room.
fn left_part(outline: &Outline, chain: &[HeadingId], name: &str, room: usize) -> String {
    let crumbs_room = room.saturating_sub(display_width(PREFIX_WITHOUT_NAME));
    let crumbs = fit_breadcrumb(outline, chain, crumbs_room);
    let name_room = room
        .saturating_sub(display_width(&crumbs))
        .saturating_sub(display_width(PREFIX) + display_width(BEFORE_CRUMBS));
    // A name cut to fewer than four columns says nothing.
    let left = if name_room >= display_width(name).min(4) {
        format!(
            "{PREFIX}{}{BEFORE_CRUMBS}{crumbs}",
            truncate(name, name_room)
        )
    } else {
        format!("{PREFIX_WITHOUT_NAME}{crumbs}")
    };
    truncate(&left, room)
}

/// The right side's figures: the count being typed, the last search and its
/// hit, bookmarks, the share read, the position and the section's place among
/// its siblings.
fn position(app: &App) -> String {
    let place = app
        .section_place()
        .map_or(String::new(), |(n, m)| format!("§ {n}/{m}  "));
    let marked = app.text_search().filter(|_| app.hits_marked());
    let sign = if app.search_backward() { '?' } else { '/' };
    let search = marked.map_or(String::new(), |search| {
        format!(
            "{sign}{} hit {}  ",
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
    // While a long text is still being built (this much of it so far), the
    // place's percent is of the opening.
    let loading = app
        .built_percent()
        .map_or(String::new(), |built| format!("载入中（{built}%） "));
    let count = app
        .count()
        .map_or(String::new(), |count| format!("计数 {count}  "));
    format!(
        "  {count}{search}{stars}{read}{loading}{}%  {place}",
        app.percent()
    )
}

/// `f 跳转  / 搜索  …  q 退出 `, the keys named as the bindings table names them.
fn main_keys() -> String {
    let reading = Mode::Reading(Focus::Reader);
    let hints: Vec<String> = MAIN_KEYS
        .iter()
        .map(|&(action, word)| format!("{} {word}", key_name(reading, action)))
        .collect();
    format!("{} ", hints.join("  "))
}
