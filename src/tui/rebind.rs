//! Keys given to the reader's actions by the user's settings (`[keys] quit =
//! "Q"`): the names of the actions a setting may give keys to, key names as
//! the help writes them (`j`, `Ctrl-D`, `PgDn`, `空格`), and the bindings table
//! with those keys in place of the table's own. Pure: the settings file is
//! read elsewhere, and the table made here is put in place by
//! `bindings::install`.

use ratatui_crossterm::crossterm::event::KeyCode;

use crate::tui::action::{Action, Focus, Mode};
use crate::tui::bindings::{Binding, Key};

/// The name a setting gives each action of the reading keys, and the actions
/// (in the text and in the outline) it stands for.
pub const ACTION_NAMES: &[(&str, &[Action])] = &[
    ("down", &[Action::Scroll(1), Action::OutlineMove(1)]),
    ("up", &[Action::Scroll(-1), Action::OutlineMove(-1)]),
    ("page-down", &[Action::Pages(1)]),
    ("page-up", &[Action::Pages(-1)]),
    ("half-page-down", &[Action::HalfPages(1)]),
    ("half-page-up", &[Action::HalfPages(-1)]),
    ("top", &[Action::Top]),
    ("bottom", &[Action::Bottom]),
    ("percent", &[Action::Percent(None)]),
    ("back", &[Action::Jumps(-1)]),
    ("forward", &[Action::Jumps(1)]),
    ("next-heading", &[Action::Heading(1)]),
    ("previous-heading", &[Action::Heading(-1)]),
    ("next-document", &[Action::Document(1)]),
    ("previous-document", &[Action::Document(-1)]),
    ("jump", &[Action::OpenJump]),
    ("search", &[Action::OpenSearch]),
    ("search-backward", &[Action::OpenSearchBack]),
    ("next-hit", &[Action::NextHit(1)]),
    ("previous-hit", &[Action::NextHit(-1)]),
    ("bookmark", &[Action::AddBookmark]),
    ("bookmarks", &[Action::OpenBookmarks]),
    ("mark-read", &[Action::ToggleRead]),
    ("stats", &[Action::OpenStats]),
    ("terms", &[Action::OpenTerms]),
    ("copy", &[Action::Copy]),
    ("reload", &[Action::Reload]),
    ("suspend", &[Action::Suspend]),
    ("dismiss", &[Action::Dismiss]),
    ("switch-pane", &[Action::SwitchFocus]),
    ("close-heading", &[Action::Collapse]),
    ("open-heading", &[Action::Expand]),
    ("toggle-heading", &[Action::ToggleExpand]),
    ("outline", &[Action::ToggleOutline]),
    ("help", &[Action::ToggleHelp]),
    ("quit", &[Action::Quit]),
];

/// The actions a setting's name stands for.
pub fn actions_named(name: &str) -> Option<&'static [Action]> {
    ACTION_NAMES
        .iter()
        .find(|(known, _)| *known == name)
        .map(|&(_, actions)| actions)
}

/// A key from its name: a character (`j`, `Q`, `[`), `Ctrl-` (or `C-`) and a
/// character, or a named key as the help names it (`Enter`, `Esc`, `Tab`,
/// `空格`/`Space`, `↑`/`Up`, `PgUp`/`PageUp`, `Del`/`Delete`, …; names in any
/// case).
pub fn parse_key(name: &str) -> Option<Key> {
    let lower = name.to_lowercase();
    for prefix in ["ctrl-", "c-"] {
        if let Some(rest) = lower.strip_prefix(prefix)
            && let Some(c) = single_char(rest)
        {
            return Some(Key {
                code: KeyCode::Char(c),
                ctrl: true,
            });
        }
    }
    let code = match named_code(&lower) {
        Some(code) => code,
        None => KeyCode::Char(single_char(name)?),
    };
    Some(Key { code, ctrl: false })
}

fn single_char(text: &str) -> Option<char> {
    let mut chars = text.chars();
    let c = chars.next()?;
    (chars.next().is_none() && !c.is_control()).then_some(c)
}

fn named_code(lower: &str) -> Option<KeyCode> {
    let code = match lower {
        "space" | "空格" => KeyCode::Char(' '),
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backspace" => KeyCode::Backspace,
        "del" | "delete" => KeyCode::Delete,
        "up" | "↑" => KeyCode::Up,
        "down" | "↓" => KeyCode::Down,
        "left" | "←" => KeyCode::Left,
        "right" | "→" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pgup" | "pageup" => KeyCode::PageUp,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        _ => return function_key(lower),
    };
    Some(code)
}

/// `f1` to `f12`.
fn function_key(lower: &str) -> Option<KeyCode> {
    let n: u8 = lower.strip_prefix('f')?.parse().ok()?;
    (1..=12).contains(&n).then_some(KeyCode::F(n))
}

/// The modes the settings' keys are for: reading, in either pane.
const READING: [Mode; 2] = [Mode::Reading(Focus::Reader), Mode::Reading(Focus::Outline)];

/// `table` with the keys of `given` (an action's name and its keys, one after
/// another, later ones winning) in place of the keys the table gives those
/// actions while reading; a key given to an action is taken from every other
/// action of the same modes, so that no key does two things. The popups keep
/// their keys.
pub fn rebound(table: &[Binding], given: &[(&str, Vec<Key>)]) -> Vec<Vec<Key>> {
    let mut keys: Vec<Vec<Key>> = table.iter().map(|b| b.keys.to_vec()).collect();
    for (name, new_keys) in given {
        let Some(actions) = actions_named(name) else {
            continue;
        };
        for (binding, keys) in table.iter().zip(&mut keys) {
            if !binding.modes.iter().any(|mode| READING.contains(mode)) {
                continue;
            }
            if actions.contains(&binding.action) {
                keys.clone_from(new_keys);
            } else {
                keys.retain(|key| !new_keys.contains(key));
            }
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::bindings::BINDINGS;

    fn keys_of(keys: &[Vec<Key>], action: Action, mode: Mode) -> Vec<Key> {
        BINDINGS
            .iter()
            .zip(keys)
            .find(|(b, _)| b.action == action && b.modes.contains(&mode))
            .map(|(_, keys)| keys.clone())
            .unwrap_or_default()
    }

    const READER: Mode = Mode::Reading(Focus::Reader);

    #[test]
    fn keys_are_read_as_the_help_names_them() {
        let ch = |c| Key {
            code: KeyCode::Char(c),
            ctrl: false,
        };
        assert_eq!(parse_key("Q"), Some(ch('Q')));
        assert_eq!(parse_key("空格"), Some(ch(' ')));
        assert_eq!(parse_key("space"), Some(ch(' ')));
        let ctrl_d = Key {
            code: KeyCode::Char('d'),
            ctrl: true,
        };
        assert_eq!(parse_key("Ctrl-D"), Some(ctrl_d));
        assert_eq!(parse_key("C-d"), Some(ctrl_d));
        assert_eq!(parse_key("PgDn").map(|k| k.code), Some(KeyCode::PageDown));
        assert_eq!(parse_key("↑").map(|k| k.code), Some(KeyCode::Up));
        assert_eq!(parse_key("F5").map(|k| k.code), Some(KeyCode::F(5)));
        assert_eq!(parse_key("Ctrl-"), None);
        assert_eq!(parse_key("jk"), None);
        assert_eq!(parse_key("F13"), None);
        assert_eq!(parse_key("\u{7}"), None);
    }

    #[test]
    fn a_key_given_to_an_action_replaces_its_keys_while_reading_only() {
        let given = [("quit", vec![parse_key("Q").expect("a key")])];
        let keys = rebound(BINDINGS, &given);
        assert_eq!(keys_of(&keys, Action::Quit, READER), given[0].1);
        // The popups keep Ctrl-C.
        assert_eq!(
            keys_of(&keys, Action::Quit, Mode::Jump),
            vec![parse_key("Ctrl-C").expect("a key")]
        );
    }

    #[test]
    fn a_key_given_to_one_action_is_taken_from_the_others() {
        let j = parse_key("j").expect("a key");
        let keys = rebound(BINDINGS, &[("bottom", vec![j])]);
        assert_eq!(keys_of(&keys, Action::Bottom, READER), vec![j]);
        let down = keys_of(&keys, Action::Scroll(1), READER);
        assert!(!down.contains(&j), "{down:?}");
        assert!(down.contains(&parse_key("Down").expect("a key")));
    }

    #[test]
    fn every_reading_action_with_a_help_line_has_a_name() {
        use crate::tui::bindings::Help;
        for binding in BINDINGS {
            let reading = binding.modes.iter().any(|mode| READING.contains(mode));
            // A count's digits are the digits: no setting moves them.
            let digit = matches!(binding.action, Action::Count(_));
            if reading && !digit && matches!(binding.help, Help::Line { .. }) {
                assert!(
                    ACTION_NAMES
                        .iter()
                        .any(|(_, actions)| actions.contains(&binding.action)),
                    "{:?} has no name",
                    binding.action
                );
            }
        }
    }
}
