//! Terminal events to [`Action`]s, by [`Mode`]: key presses through the
//! [`BINDINGS`](crate::tui::bindings::BINDINGS) table; here the rest: the mouse,
//! resizing, characters typed or pasted into a prompt, and the any-key that closes
//! the statistics.

use ratatui_crossterm::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind,
};

use crate::tui::action::{Action, Mode};
use crate::tui::bindings;

/// Rows the mouse wheel scrolls per notch.
const WHEEL_ROWS: isize = 3;

/// The actions an event asks for in `mode`: text pasted into a prompt is typed
/// into it (line breaks and other controls as spaces); any other event asks for
/// one action at most.
pub fn actions(event: &Event, mode: Mode) -> Vec<Action> {
    match event {
        Event::Paste(text) if is_prompt(mode) => text
            .chars()
            .map(|c| Action::Type(if c.is_control() { ' ' } else { c }))
            .collect(),
        _ => action(event, mode).into_iter().collect(),
    }
}

/// The action an event asks for in `mode`, if any.
pub fn action(event: &Event, mode: Mode) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            bindings::action_of(key, mode).or_else(|| unbound_key(key, mode))
        }
        Event::Mouse(mouse) => mouse_action(*mouse),
        Event::Resize(width, height) => Some(Action::Resize(*width, *height)),
        _ => None,
    }
}

/// Whether typing goes into a popup's prompt.
fn is_prompt(mode: Mode) -> bool {
    matches!(
        mode,
        Mode::Jump | Mode::SearchPrompt | Mode::Note | Mode::TermsPrompt
    )
}

/// What a key the table does not bind asks for: a prompt takes a character typed
/// without Ctrl; any key closes the statistics, and the help.
fn unbound_key(key: &KeyEvent, mode: Mode) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match (mode, key.code) {
        (Mode::Stats, _) => Some(Action::Dismiss),
        // A key the help does not scroll with closes it, and does nothing else.
        (Mode::Help, _) => Some(Action::ToggleHelp),
        (_, KeyCode::Char(c)) if is_prompt(mode) && !ctrl => Some(Action::Type(c)),
        _ => None,
    }
}

fn mouse_action(mouse: MouseEvent) -> Option<Action> {
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
    use crate::tui::app::Focus;

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
    fn the_help_scrolls_with_its_keys_and_closes_on_any_other() {
        assert_eq!(
            press(KeyCode::Char('j'), Mode::Help),
            Some(Action::HelpScroll(1))
        );
        assert_eq!(
            press(KeyCode::PageUp, Mode::Help),
            Some(Action::HelpScroll(-10))
        );
        assert_eq!(
            press(KeyCode::Char('G'), Mode::Help),
            Some(Action::ToggleHelp)
        );
        assert_eq!(
            press(KeyCode::Char('q'), Mode::Help),
            Some(Action::ToggleHelp)
        );
        assert_eq!(press(KeyCode::Esc, Mode::Help), Some(Action::Dismiss));
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
