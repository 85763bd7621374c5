//! The bookmark popups: the note prompt (a one-line editor that takes Chinese
//! from the terminal's input method, with a cursor that knows wide characters,
//! from `tui-input`; the terminal's cursor is put at the prompt's, so an input
//! method's candidates appear there), the bookmark list (this document or all of
//! them, two rows a bookmark: where it is and when, then its note and text, with
//! undo of deletions while it is open), and making a new bookmark. `App` drives
//! them.

use super::Backdrop;
use crate::layout::rows::Position;
use crate::layout::safe::visible;
use crate::layout::wrap::{display_width, truncate};
use crate::study::anchor::Anchor;
use crate::study::anchor::Found;
use crate::study::store::record::{Bookmark, Record, Timestamp};
use crate::study::when::date;
use crate::tui::action::{Action, CursorMove, Focus, Mode};
use crate::tui::bindings::{hint, key_name};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use tui_input::{Input, InputRequest};

impl CursorMove {
    fn request(self) -> InputRequest {
        match self {
            CursorMove::Left => InputRequest::GoToPrevChar,
            CursorMove::Right => InputRequest::GoToNextChar,
            CursorMove::Home => InputRequest::GoToStart,
            CursorMove::End => InputRequest::GoToEnd,
            CursorMove::Delete => InputRequest::DeleteNextChar,
            CursorMove::DeleteWord => InputRequest::DeletePrevWord,
        }
    }
}

/// The open note prompt: for a new bookmark at a place, or to edit one's note.
#[derive(Debug, Clone)]
pub struct NotePrompt {
    pub input: Input,
    pub target: NoteTarget,
}

/// What the note is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteTarget {
    /// A bookmark to be made here.
    New(Anchor),
    /// The bookmark with this id; the list goes on showing afterwards.
    Existing(String),
}

impl NotePrompt {
    pub fn new(target: NoteTarget, note: &str) -> Self {
        Self {
            input: Input::new(note.to_string()),
            target,
        }
    }

    pub fn type_char(&mut self, c: char) {
        if !c.is_control() {
            self.input.handle(InputRequest::InsertChar(c));
        }
    }

    pub fn erase(&mut self) {
        self.input.handle(InputRequest::DeletePrevChar);
    }

    pub fn move_cursor(&mut self, movement: CursorMove) {
        self.input.handle(movement.request());
    }

    /// The note as typed, without surrounding white space.
    pub fn note(&self) -> &str {
        self.input.value().trim()
    }
}

/// Which bookmarks the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    ThisDocument,
    AllDocuments,
}

/// One row of the bookmark list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The document's record the bookmark is in: `None` for the one being read.
    pub other: Option<usize>,
    pub bookmark: Bookmark,
}

/// The open bookmark list.
#[derive(Debug, Clone)]
pub struct BookmarkList {
    pub scope: Scope,
    pub selected: usize,
    /// Bookmarks deleted while the list is open, the last deleted last, with the
    /// place they had in the record.
    pub deleted: Vec<(usize, Bookmark)>,
    /// The reader's position when the list opened.
    pub origin: Position,
}

impl BookmarkList {
    pub fn new(origin: Position) -> Self {
        Self {
            scope: Scope::ThisDocument,
            selected: 0,
            deleted: Vec::new(),
            origin,
        }
    }

    /// The rows shown: this document's bookmarks in document order, then (for all
    /// documents) the others', each document's newest first.
    pub fn entries(&self, record: &Record, others: &[Record]) -> Vec<Entry> {
        let mut entries: Vec<Entry> = record
            .bookmarks
            .iter()
            .map(|b| Entry {
                other: None,
                bookmark: b.clone(),
            })
            .collect();
        if self.scope == Scope::AllDocuments {
            for (index, other) in others.iter().enumerate() {
                let mut theirs: Vec<&Bookmark> = other.bookmarks.iter().collect();
                theirs.sort_by_key(|b| std::cmp::Reverse(b.created));
                entries.extend(theirs.into_iter().map(|b| Entry {
                    other: Some(index),
                    bookmark: b.clone(),
                }));
            }
        }
        entries
    }

    pub fn move_by(&mut self, n: isize, count: usize) {
        let last = count.saturating_sub(1) as isize;
        self.selected = (self.selected as isize + n).clamp(0, last.max(0)) as usize;
    }
}

/// A bookmark at `anchor` with `note`, made at `now`; `serial` tells apart the
/// bookmarks made in the same second by this process.
pub fn new_bookmark(anchor: Anchor, note: &str, now: Timestamp, serial: u32) -> Bookmark {
    Bookmark {
        id: format!("{now:x}-{:x}-{serial:x}", std::process::id()),
        anchor,
        note: note.to_string(),
        created: now,
        modified: now,
    }
}

/// Columns a step of a bookmark's path gets.
const STEP: usize = 12;

pub(crate) fn draw_note(frame: &mut Frame, prompt: &NotePrompt, theme: Theme, area: Rect) {
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
    frame.set_cursor_position(ratatui::layout::Position::new(
        popup.x + 1 + (display_width(label) + cursor) as u16,
        popup.y + 2,
    ));
}

pub(crate) fn draw_list(frame: &mut Frame, list: &BookmarkList, under: &Backdrop, area: Rect) {
    let theme = under.theme;
    let width = (area.width * 4 / 5).clamp(area.width.min(30), area.width);
    let height = (area.height * 3 / 4).clamp(area.height.min(6), area.height);
    let popup = super::centred(area, width, height);
    let inner = usize::from(width.saturating_sub(2));
    let entries = list.entries(under.record, under.others);
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
                let found = under
                    .record
                    .bookmarks
                    .iter()
                    .position(|b| b.id == bookmark.id)
                    .and_then(|at| under.bookmark_places.get(at).copied());
                let unplaced = matches!(found, Some(Found::Unplaced | Found::Section(_)));
                let mark = if unplaced {
                    "（未找到原文）"
                } else {
                    ""
                };
                format!("{}{mark}", path_of(&bookmark.anchor.path))
            }
            Some(other) => under.others[other]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_note_prompt_edits_chinese_with_a_cursor() {
        let anchor = Anchor {
            path: Vec::new(),
            paragraph: 0,
            offset: 0,
            snippet: String::new(),
        };
        let mut prompt = NotePrompt::new(NoteTarget::New(anchor), "");
        for c in "考点重庆".chars() {
            prompt.type_char(c);
        }
        prompt.move_cursor(CursorMove::Left);
        prompt.move_cursor(CursorMove::Left);
        prompt.type_char('：');
        assert_eq!(prompt.note(), "考点：重庆");
        assert_eq!(prompt.input.visual_cursor(), 6, "three wide characters");
        prompt.move_cursor(CursorMove::End);
        prompt.erase();
        assert_eq!(prompt.note(), "考点：重");
        prompt.type_char('\u{1b}');
        assert_eq!(
            prompt.note(),
            "考点：重",
            "control characters are not typed"
        );
    }

    #[test]
    fn ids_differ_within_a_second() {
        let anchor = Anchor {
            path: Vec::new(),
            paragraph: 0,
            offset: 0,
            snippet: String::new(),
        };
        let a = new_bookmark(anchor.clone(), "", 100, 1);
        let b = new_bookmark(anchor, "", 100, 2);
        assert_ne!(a.id, b.id);
    }
}
