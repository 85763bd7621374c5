//! The bookmark popups: the note prompt (a one-line editor that takes Chinese
//! from the terminal's input method, with a cursor that knows wide characters,
//! from `tui-input`; the terminal's cursor is put at the prompt's, so an input
//! method's candidates appear there), the bookmark list (this document or all of
//! them, two rows a bookmark: where it is and when, then its note and text, with
//! undo of deletions while it is open), and making a new bookmark. `App` drives
//! them.

use super::Backdrop;
use super::line::LineInput;
use crate::document::{Document, ParagraphKind};
use crate::layout::rows::Position;
use crate::layout::safe::visible;
use crate::layout::wrap::{display_width, truncate};
use crate::search::text::{TextHit, snippet};
use crate::study::anchor::{Anchor, Found, Place};
use crate::study::store::record::{Bookmark, Record, Timestamp};
use crate::study::when::date;
use crate::tui::action::{Action, Focus, Mode};
use crate::tui::bindings::{hint, key_name};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// The open note prompt: for a new bookmark at a place, or to edit one's note.
#[derive(Debug, Clone)]
pub struct NotePrompt {
    pub input: LineInput,
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
            input: LineInput::new(note),
            target,
        }
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
        NoteTarget::New(anchor) => ("加书签", path_within(&anchor.path, inner)),
        NoteTarget::Existing(_) => ("修改笔记", String::new()),
    };
    let label = " 笔记：";
    let room = inner.saturating_sub(display_width(label) + 1);
    let view = prompt.input.view(room);
    let lines = vec![
        Line::styled(truncate(&format!(" {place}"), inner), theme.separator()),
        Line::from(vec![
            Span::styled(label, theme.heading(4)),
            Span::raw(truncate(&format!("{}{}", view.before, view.after), room)),
        ]),
    ];
    super::draw_popup(frame, popup, title, lines, theme);
    let cursor = display_width(label) + display_width(&view.before).min(room);
    super::place_cursor(frame, popup, cursor, 1);
}

pub(crate) fn draw_list(frame: &mut Frame, list: &BookmarkList, under: &Backdrop, area: Rect) {
    let theme = under.theme;
    let popup = super::list_box(area, (30, 6));
    let (width, height) = (popup.width, popup.height);
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
        let found = match entry.other {
            None => under
                .record
                .bookmarks
                .iter()
                .position(|b| b.id == bookmark.id)
                .and_then(|at| under.bookmark_places.get(at).copied()),
            Some(_) => None,
        };
        let place = match entry.other {
            None => {
                let unplaced = matches!(found, Some(Found::Unplaced | Found::Section(_)));
                let mark = if unplaced {
                    "（未找到原文）"
                } else {
                    ""
                };
                let room = inner.saturating_sub(display_width(mark) + 12);
                format!("{}{mark}", path_within(&bookmark.anchor.path, room))
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
        let passage = match found {
            Some(Found::Exact(place) | Found::Moved(place)) => {
                passage(under.document, place, inner)
            }
            _ => None,
        };
        let snippet = passage.unwrap_or_else(|| bookmark.anchor.snippet.clone());
        lines.push(note_row(&bookmark.note, &snippet, inner, base, theme));
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

/// A bookmark's second row: its note, then its text, in `width` columns.
fn note_row<'a>(note: &str, snippet: &str, width: usize, base: Style, theme: Theme) -> Line<'a> {
    let note = visible(note);
    let snippet = visible(&snippet.replace('\n', " "));
    let gap = if note.is_empty() { "" } else { "  " };
    let text = truncate(&format!("  {note}{gap}{snippet}"), width);
    let pad = width.saturating_sub(display_width(&text));
    let note_end = 2 + note.chars().count();
    let (note_part, rest): (String, String) = (
        text.chars().take(note_end).collect(),
        text.chars().skip(note_end).collect(),
    );
    Line::from(vec![
        Span::styled(note_part, base.patch(theme.heading(4))),
        Span::styled(rest, base.patch(theme.separator())),
        Span::styled(" ".repeat(pad), base),
    ])
}

/// The text the list shows of a bookmark at `place`, enough for `width`
/// columns: from the start of the clause the place is in; for a bookmark on a
/// heading, its title and the start of the text under it.
fn passage(document: &Document, place: Place, width: usize) -> Option<String> {
    let paragraph = document.paragraphs.get(place.paragraph)?;
    if paragraph.kind == ParagraphKind::Heading {
        let under = document.paragraphs[place.paragraph + 1..]
            .iter()
            .take_while(|p| p.kind != ParagraphKind::Heading)
            .find(|p| !p.text.trim().is_empty());
        let title = paragraph.text.replace('\n', " ");
        return Some(match under {
            Some(text) => format!("{title}：{}", truncate(&text.text, width)),
            None => title,
        });
    }
    let text = &paragraph.text;
    let at = text
        .char_indices()
        .nth(place.offset)
        .map_or(text.len(), |(at, _)| at);
    let hit = TextHit {
        paragraph: place.paragraph,
        start: at,
        end: at,
    };
    Some(snippet(text, &hit, (PASSAGE_LEAD, width)).0)
}

/// Characters before a bookmark's place its passage may start, back to the
/// clause's start.
const PASSAGE_LEAD: usize = 24;

/// A bookmark's path of headings as a breadcrumb in `width` columns: whole
/// titles where they fit, else each cut to an even share of the width (at least
/// [`STEP`] columns).
fn path_within(path: &[String], width: usize) -> String {
    let separators = 3 * path.len().saturating_sub(1);
    let share = (width.saturating_sub(separators) / path.len().max(1)).max(STEP);
    let steps: Vec<String> = path
        .iter()
        .map(|s| {
            // A contents page has neither label nor title; the outline calls it 目录.
            if s.is_empty() {
                "目录".to_string()
            } else {
                truncate(s, share)
            }
        })
        .collect();
    steps.join(" › ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::CursorMove;

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
            prompt.input.type_char(c);
        }
        prompt.input.edit(CursorMove::Left);
        prompt.input.edit(CursorMove::Left);
        prompt.input.type_char('：');
        assert_eq!(prompt.note(), "考点：重庆");
        assert_eq!(
            display_width(&prompt.input.view(40).before),
            6,
            "three wide characters"
        );
        prompt.input.edit(CursorMove::End);
        prompt.input.erase();
        assert_eq!(prompt.note(), "考点：重");
        prompt.input.type_char('\u{1b}');
        assert_eq!(
            prompt.note(),
            "考点：重",
            "control characters are not typed"
        );
    }

    #[test]
    fn a_bookmark_s_passage_starts_at_a_clause_and_a_heading_s_shows_its_text() {
        let body = "为了规范全市各级各类政务数据的管理和使用工作，促进政务数据共享开放，提升政府治理能力和公共服务水平，制定本办法。";
        let document = crate::build(&format!("第一章 总则\n\n\u{3000}\u{3000}{body}\n"));
        let heading = Place {
            paragraph: 0,
            offset: 0,
        };
        let shown = passage(&document, heading, 20).expect("a passage");
        assert!(shown.starts_with("第一章 总则：为了规范全市"), "{shown}");
        let offset = body.chars().position(|c| c == '制').expect("in the text");
        let inside = Place {
            paragraph: 1,
            offset,
        };
        let shown = passage(&document, inside, 40).expect("a passage");
        assert!(shown.starts_with("提升政府治理能力"), "{shown}");
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
