//! The only file that names keys: terminal events to [`Action`]s, by focus.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind,
};

use crate::tui::app::{Action, Focus, Mode};
use crate::tui::bookmarks::CursorMove;

/// Rows the mouse wheel scrolls per notch.
const WHEEL_ROWS: isize = 3;

/// The actions an event asks for in `mode`: text pasted into a prompt is typed
/// into it (line breaks and other controls as spaces); any other event asks for
/// one action at most.
pub fn actions(event: &Event, mode: Mode) -> Vec<Action> {
    match event {
        Event::Paste(text) if matches!(mode, Mode::Jump | Mode::SearchPrompt | Mode::Note) => text
            .chars()
            .map(|c| Action::Type(if c.is_control() { ' ' } else { c }))
            .collect(),
        _ => action(event, mode).into_iter().collect(),
    }
}

/// The action an event asks for in `mode`, if any.
pub fn action(event: &Event, mode: Mode) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => match mode {
            Mode::Reading(focus) => key_action(key, focus),
            Mode::Jump => popup_key(key)
                .or_else(|| prompt_key(key))
                .or_else(|| jump_key(key)),
            Mode::SearchPrompt => popup_key(key)
                .or_else(|| prompt_key(key))
                .or_else(|| search_prompt_key(key)),
            Mode::SearchList => popup_key(key).or_else(|| search_list_key(key)),
            Mode::Note => note_key(key).or_else(|| prompt_key(key)),
            Mode::Bookmarks => popup_key(key).or_else(|| bookmark_list_key(key)),
            // Any key closes the statistics (Ctrl-C still quits).
            Mode::Stats => popup_key(key).or(Some(Action::Dismiss)),
        },
        Event::Mouse(mouse) => mouse_action(mouse),
        Event::Resize(width, height) => Some(Action::Resize(*width, *height)),
        _ => None,
    }
}

/// Keys every popup takes: moving the selection, Enter, Esc, Ctrl-C.
fn popup_key(key: &KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('c') if ctrl => Some(Action::Quit),
        KeyCode::Char('p' | 'k') if ctrl => Some(Action::Select(-1)),
        KeyCode::Char('n' | 'j') if ctrl => Some(Action::Select(1)),
        KeyCode::PageUp => Some(Action::Select(-10)),
        KeyCode::PageDown => Some(Action::Select(10)),
        KeyCode::Enter => Some(Action::Accept),
        KeyCode::Esc => Some(Action::Dismiss),
        _ => None,
    }
}

/// A popup's prompt: typing and erasing.
fn prompt_key(key: &KeyEvent) -> Option<Action> {
    match key.code {
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => Some(Action::Type(c)),
        KeyCode::Backspace => Some(Action::Erase),
        _ => None,
    }
}

/// The jump popup's arrows move through the headings.
fn jump_key(key: &KeyEvent) -> Option<Action> {
    match key.code {
        KeyCode::Up => Some(Action::Select(-1)),
        KeyCode::Down => Some(Action::Select(1)),
        _ => None,
    }
}

/// The search prompt's arrows go through the history; Tab moves to the list.
fn search_prompt_key(key: &KeyEvent) -> Option<Action> {
    match key.code {
        KeyCode::Up => Some(Action::History(-1)),
        KeyCode::Down => Some(Action::History(1)),
        KeyCode::Tab | KeyCode::BackTab => Some(Action::ToggleList),
        _ => None,
    }
}

/// The note prompt: a line editor (arrows, Home, End, Delete, Ctrl-A/E/W), Enter
/// keeps the note, Esc drops it.
fn note_key(key: &KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let movement = match key.code {
        KeyCode::Char('c') if ctrl => return Some(Action::Quit),
        KeyCode::Enter => return Some(Action::Accept),
        KeyCode::Esc => return Some(Action::Dismiss),
        KeyCode::Char('a') if ctrl => CursorMove::Home,
        KeyCode::Char('e') if ctrl => CursorMove::End,
        KeyCode::Char('w') if ctrl => CursorMove::DeleteWord,
        KeyCode::Left => CursorMove::Left,
        KeyCode::Right => CursorMove::Right,
        KeyCode::Home => CursorMove::Home,
        KeyCode::End => CursorMove::End,
        KeyCode::Delete => CursorMove::Delete,
        _ => return None,
    };
    Some(Action::Cursor(movement))
}

/// The bookmark list: move, Enter goes there, `e` edits the note, `d` deletes,
/// `u` undoes, Tab shows this document's or all documents' bookmarks.
fn bookmark_list_key(key: &KeyEvent) -> Option<Action> {
    match key.code {
        KeyCode::Char('k') | KeyCode::Up => Some(Action::Select(-1)),
        KeyCode::Char('j') | KeyCode::Down => Some(Action::Select(1)),
        KeyCode::Char('e') => Some(Action::EditNote),
        KeyCode::Char('d') | KeyCode::Delete => Some(Action::DeleteBookmark),
        KeyCode::Char('u') => Some(Action::UndoDelete),
        KeyCode::Char('a') | KeyCode::Tab | KeyCode::BackTab => Some(Action::ToggleScope),
        KeyCode::Char('q' | '\'') => Some(Action::Dismiss),
        _ => None,
    }
}

/// In the search popup's list, keys move through the hits; `/` and Tab go back to
/// the prompt.
fn search_list_key(key: &KeyEvent) -> Option<Action> {
    match key.code {
        KeyCode::Char('k') | KeyCode::Up => Some(Action::Select(-1)),
        KeyCode::Char('j') | KeyCode::Down => Some(Action::Select(1)),
        KeyCode::Char('/') | KeyCode::Tab | KeyCode::BackTab => Some(Action::ToggleList),
        KeyCode::Char('q') => Some(Action::Dismiss),
        _ => None,
    }
}

fn key_action(key: &KeyEvent, focus: Focus) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl {
        return match key.code {
            KeyCode::Char('c') => Some(Action::Quit),
            KeyCode::Char('p') => Some(Action::OpenJump),
            KeyCode::Char('d') => Some(Action::HalfPages(1)),
            KeyCode::Char('u') => Some(Action::HalfPages(-1)),
            KeyCode::Char('z') => Some(Action::Suspend),
            _ => None,
        };
    }
    let common = match key.code {
        KeyCode::Char('q') => Some(Action::Quit),
        KeyCode::Char('f') => Some(Action::OpenJump),
        KeyCode::Char('/') => Some(Action::OpenSearch),
        KeyCode::Char('n') => Some(Action::NextHit(1)),
        KeyCode::Char('N') => Some(Action::NextHit(-1)),
        KeyCode::Char('m') => Some(Action::AddBookmark),
        KeyCode::Char('x') => Some(Action::ToggleRead),
        KeyCode::Char('S') => Some(Action::OpenStats),
        KeyCode::Char('y') => Some(Action::Copy),
        KeyCode::Char('R') => Some(Action::Reload),
        KeyCode::Char('\'') => Some(Action::OpenBookmarks),
        KeyCode::Esc => Some(Action::Dismiss),
        KeyCode::Tab | KeyCode::BackTab => Some(Action::SwitchFocus),
        KeyCode::Char('?') => Some(Action::ToggleHelp),
        KeyCode::Char('o') => Some(Action::ToggleOutline),
        KeyCode::Char(' ') | KeyCode::PageDown => Some(Action::Pages(1)),
        KeyCode::Char('b') | KeyCode::PageUp => Some(Action::Pages(-1)),
        KeyCode::Char(']') => Some(Action::Heading(1)),
        KeyCode::Char('[') => Some(Action::Heading(-1)),
        KeyCode::Char('}') => Some(Action::Document(1)),
        KeyCode::Char('{') => Some(Action::Document(-1)),
        KeyCode::Char('g') | KeyCode::Home => Some(Action::Top),
        KeyCode::Char('G') | KeyCode::End => Some(Action::Bottom),
        _ => None,
    };
    if common.is_some() {
        return common;
    }
    match focus {
        Focus::Reader => match key.code {
            KeyCode::Char('j') | KeyCode::Down => Some(Action::Scroll(1)),
            KeyCode::Char('k') | KeyCode::Up => Some(Action::Scroll(-1)),
            _ => None,
        },
        Focus::Outline => match key.code {
            KeyCode::Char('j') | KeyCode::Down => Some(Action::OutlineMove(1)),
            KeyCode::Char('k') | KeyCode::Up => Some(Action::OutlineMove(-1)),
            KeyCode::Char('l') | KeyCode::Right => Some(Action::Expand),
            KeyCode::Char('h') | KeyCode::Left => Some(Action::Collapse),
            KeyCode::Enter => Some(Action::ToggleExpand),
            _ => None,
        },
    }
}

fn mouse_action(mouse: &MouseEvent) -> Option<Action> {
    match mouse.kind {
        MouseEventKind::ScrollDown => Some(Action::Wheel {
            column: mouse.column,
            rows: WHEEL_ROWS,
        }),
        MouseEventKind::ScrollUp => Some(Action::Wheel {
            column: mouse.column,
            rows: -WHEEL_ROWS,
        }),
        MouseEventKind::Down(_) => Some(Action::Click {
            column: mouse.column,
            row: mouse.row,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mode: Mode) -> Option<Action> {
        action(&Event::Key(KeyEvent::from(code)), mode)
    }

    #[test]
    fn the_arrows_mean_what_the_popup_needs() {
        assert_eq!(press(KeyCode::Up, Mode::Jump), Some(Action::Select(-1)));
        assert_eq!(
            press(KeyCode::Up, Mode::SearchPrompt),
            Some(Action::History(-1))
        );
        assert_eq!(
            press(KeyCode::Up, Mode::SearchList),
            Some(Action::Select(-1))
        );
        assert_eq!(
            press(KeyCode::Char('j'), Mode::SearchPrompt),
            Some(Action::Type('j'))
        );
        assert_eq!(
            press(KeyCode::Char('j'), Mode::SearchList),
            Some(Action::Select(1))
        );
    }

    #[test]
    fn pasted_text_is_typed_into_a_prompt_and_ignored_elsewhere() {
        let paste = Event::Paste("数字\n经济".to_string());
        let typed = actions(&paste, Mode::Note);
        assert_eq!(
            typed,
            "数字 经济".chars().map(Action::Type).collect::<Vec<_>>()
        );
        assert!(actions(&paste, Mode::Reading(Focus::Reader)).is_empty());
    }

    #[test]
    fn search_keys_while_reading() {
        let reading = Mode::Reading(Focus::Reader);
        assert_eq!(press(KeyCode::Char('/'), reading), Some(Action::OpenSearch));
        assert_eq!(press(KeyCode::Char('n'), reading), Some(Action::NextHit(1)));
        assert_eq!(
            press(KeyCode::Char('N'), reading),
            Some(Action::NextHit(-1))
        );
    }
}
