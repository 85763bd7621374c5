//! The only file that names keys: terminal events to [`Action`]s, by focus.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind,
};

use crate::app::{Action, Focus};

/// Rows the mouse wheel scrolls per notch.
const WHEEL_ROWS: isize = 3;

/// The action an event asks for, if any; `jumping` while the jump popup is open.
pub fn action(event: &Event, focus: Focus, jumping: bool) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release && jumping => jump_key(key),
        Event::Key(key) if key.kind != KeyEventKind::Release => key_action(key, focus),
        Event::Mouse(mouse) => mouse_action(mouse),
        Event::Resize(width, height) => Some(Action::Resize(*width, *height)),
        _ => None,
    }
}

/// Keys while the jump popup is open: typing goes into the query.
fn jump_key(key: &KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('c') if ctrl => Some(Action::Quit),
        KeyCode::Char('p' | 'k') if ctrl => Some(Action::JumpMove(-1)),
        KeyCode::Char('n' | 'j') if ctrl => Some(Action::JumpMove(1)),
        KeyCode::Char(c) if !ctrl => Some(Action::JumpType(c)),
        KeyCode::Up => Some(Action::JumpMove(-1)),
        KeyCode::Down => Some(Action::JumpMove(1)),
        KeyCode::PageUp => Some(Action::JumpMove(-10)),
        KeyCode::PageDown => Some(Action::JumpMove(10)),
        KeyCode::Backspace => Some(Action::JumpErase),
        KeyCode::Enter => Some(Action::JumpAccept),
        KeyCode::Esc => Some(Action::Dismiss),
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
            _ => None,
        };
    }
    let common = match key.code {
        KeyCode::Char('q') => Some(Action::Quit),
        KeyCode::Char('f') => Some(Action::OpenJump),
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
