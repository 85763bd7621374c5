//! The bookmark popups: the note prompt (the terminal's cursor is put at the
//! prompt's, so an input method's candidates appear there) and the bookmark
//! list, two rows a bookmark: where it is and when, then its note and text.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::layout::safe::visible;
use crate::layout::wrap::{display_width, truncate};
use crate::study::anchor::Found;
use crate::study::when::date;
use crate::tui::app::{Action, App, Focus, Mode};
use crate::tui::bindings::{hint, key_name};
use crate::tui::bookmarks::{BookmarkList, NotePrompt, NoteTarget, Scope};

/// Columns a step of a bookmark's path gets.
const STEP: usize = 12;

pub(super) fn draw_note(frame: &mut Frame, prompt: &NotePrompt, theme: Theme, area: Rect) {
    let popup = super::centred(area, 64, 4);
    let inner = usize::from(popup.width.saturating_sub(2));
    let (title, place) = match &prompt.target {
        NoteTarget::New(anchor) => ("加书签", path_of(&anchor.path)),
        NoteTarget::Existing(_) => ("修改笔记", String::new()),
    };
    let label = " 笔记：";
    let room = inner.saturating_sub(display_width(label) + 1);
    let scroll = prompt.input.visual_scroll(room);
    let shown: String = visible(prompt.input.value())
        .chars()
        .scan(0usize, |column, c| {
            let start = *column;
            *column += display_width(c.encode_utf8(&mut [0; 4]));
            Some((start, c))
        })
        .filter(|(start, _)| *start >= scroll)
        .map(|(_, c)| c)
        .collect();
    let lines = vec![
        Line::styled(truncate(&format!(" {place}"), inner), theme.separator()),
        Line::from(vec![
            Span::styled(label, theme.heading(4)),
            Span::raw(truncate(&shown, room)),
        ]),
    ];
    super::draw_popup(frame, popup, title, lines, theme);
    let cursor = prompt
        .input
        .visual_cursor()
        .saturating_sub(scroll)
        .min(room);
    frame.set_cursor_position(Position::new(
        popup.x + 1 + (display_width(label) + cursor) as u16,
        popup.y + 2,
    ));
}

pub(super) fn draw_list(
    frame: &mut Frame,
    app: &App,
    list: &BookmarkList,
    theme: Theme,
    area: Rect,
) {
    let width = (area.width * 4 / 5).clamp(area.width.min(30), area.width);
    let height = (area.height * 3 / 4).clamp(area.height.min(6), area.height);
    let popup = super::centred(area, width, height);
    let inner = usize::from(width.saturating_sub(2));
    let entries = list.entries(&app.record, app.others());
    let (scope, other_scope) = match list.scope {
        Scope::ThisDocument => ("本文件", "全部"),
        Scope::AllDocuments => ("全部文件", "本文件"),
    };
    let title = format!("书签 · {scope} {}", entries.len());
    let shown = usize::from(height.saturating_sub(3)) / 2;
    let first = list.selected.saturating_sub(shown.saturating_sub(1));
    let mut lines = Vec::new();
    for (index, entry) in entries.iter().enumerate().skip(first).take(shown) {
        let base = if index == list.selected {
            theme.tree_cursor(true)
        } else {
            theme.body()
        };
        let bookmark = &entry.bookmark;
        let place = match entry.other {
            None => {
                let found = app
                    .record
                    .bookmarks
                    .iter()
                    .position(|b| b.id == bookmark.id)
                    .and_then(|at| app.bookmark_places().get(at).copied());
                let unplaced = matches!(found, Some(Found::Unplaced | Found::Section(_)));
                let mark = if unplaced {
                    "（未找到原文）"
                } else {
                    ""
                };
                format!("{}{mark}", path_of(&bookmark.anchor.path))
            }
            Some(other) => app.others()[other]
                .paths
                .last()
                .cloned()
                .unwrap_or_default(),
        };
        lines.push(two_sides(
            &visible(&place),
            &date(bookmark.created),
            inner,
            base,
        ));
        let note = visible(&bookmark.note);
        let snippet = visible(&bookmark.anchor.snippet.replace('\n', " "));
        let gap = if note.is_empty() { "" } else { "  " };
        let text = format!("  {note}{gap}{snippet}");
        let text = truncate(&text, inner);
        let pad = inner.saturating_sub(display_width(&text));
        let note_end = 2 + note.chars().count();
        let (note_part, rest): (String, String) = (
            text.chars().take(note_end).collect(),
            text.chars().skip(note_end).collect(),
        );
        lines.push(Line::from(vec![
            Span::styled(note_part, base.patch(theme.heading(4))),
            Span::styled(rest, base.patch(theme.separator())),
            Span::styled(" ".repeat(pad), base),
        ]));
    }
    if entries.is_empty() {
        let add = key_name(Mode::Reading(Focus::Reader), Action::AddBookmark);
        lines.push(Line::styled(
            format!(" 还没有书签：阅读时按 {add} 添加"),
            theme.separator(),
        ));
    }
    while lines.len() < usize::from(height.saturating_sub(3)) {
        lines.push(Line::raw(""));
    }
    let hints = list_hints(!list.deleted.is_empty(), other_scope);
    lines.push(Line::styled(truncate(&hints, inner), theme.separator()));
    super::draw_popup(frame, popup, &title, lines, theme);
}

/// The list's keys: go there, edit, delete, undo (when there is something to
/// undo), show `other_scope`, close.
fn list_hints(can_undo: bool, other_scope: &str) -> String {
    let list = Mode::Bookmarks;
    let mut hints = vec![
        hint(list, Action::Accept),
        hint(list, Action::EditNote),
        hint(list, Action::DeleteBookmark),
    ];
    if can_undo {
        hints.push(hint(list, Action::UndoDelete));
    }
    hints.push(format!(
        "{} {other_scope}",
        key_name(list, Action::ToggleScope)
    ));
    hints.push(hint(list, Action::Dismiss));
    format!(" {}", hints.join("  "))
}

/// `left` and `right` on one row of `width` columns, `right` flush right.
fn two_sides<'a>(left: &str, right: &str, width: usize, style: ratatui::style::Style) -> Line<'a> {
    let left = truncate(
        &format!(" {left}"),
        width.saturating_sub(display_width(right) + 1),
    );
    let pad = width.saturating_sub(display_width(&left) + display_width(right));
    Line::styled(format!("{left}{}{right}", " ".repeat(pad)), style)
}

/// A bookmark's path of headings as a breadcrumb, long titles cut.
fn path_of(path: &[String]) -> String {
    // A contents page has neither label nor title; the outline calls it 目录.
    let steps: Vec<String> = path
        .iter()
        .map(|s| {
            if s.is_empty() {
                "目录".to_string()
            } else {
                truncate(s, STEP)
            }
        })
        .collect();
    steps.join(" › ")
}
