//! The table against the key handler, the help screen and the README.

use std::fmt::Write as _;

use ratatui_crossterm::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::tui::keymap;

const EVERY_MODE: [Mode; 10] = [
    Mode::Reading(Focus::Reader),
    Mode::Reading(Focus::Outline),
    Mode::Jump,
    Mode::SearchPrompt,
    Mode::SearchList,
    Mode::Note,
    Mode::Bookmarks,
    Mode::Stats,
    Mode::TermsPrompt,
    Mode::TermMap,
];

/// Keys that are not characters, to try in every mode.
const NAMED_KEYS: [KeyCode; 18] = [
    KeyCode::Backspace,
    KeyCode::Enter,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::Tab,
    KeyCode::BackTab,
    KeyCode::Delete,
    KeyCode::Insert,
    KeyCode::Esc,
    KeyCode::F(1),
    KeyCode::F(5),
    KeyCode::Null,
];

/// Every printable ASCII character, a Chinese one and the named keys, each
/// alone and with Ctrl, Shift, Alt and Ctrl-Shift.
fn every_press() -> Vec<KeyEvent> {
    let modifiers = [
        KeyModifiers::NONE,
        KeyModifiers::CONTROL,
        KeyModifiers::SHIFT,
        KeyModifiers::ALT,
        KeyModifiers::CONTROL | KeyModifiers::SHIFT,
    ];
    (' '..='~')
        .chain(['中'])
        .map(KeyCode::Char)
        .chain(NAMED_KEYS)
        .flat_map(|code| modifiers.map(|held| KeyEvent::new(code, held)))
        .collect()
}

fn press(key: Key) -> Event {
    let held = if key.ctrl {
        KeyModifiers::CONTROL
    } else {
        KeyModifiers::NONE
    };
    Event::Key(KeyEvent::new(key.code, held))
}

#[test]
fn every_action_a_key_gives_has_a_help_row() {
    for mode in EVERY_MODE {
        for event in every_press() {
            for action in keymap::actions(&Event::Key(event), mode) {
                // Characters typed into a prompt are text, not keys of the table.
                if matches!(action, Action::Type(_)) {
                    continue;
                }
                let row = binding_for(mode, action);
                let said = row.map(|binding| binding.help);
                assert!(
                    said.is_some_and(|help| !help.zh().is_empty()),
                    "{event:?} gives {action:?} in {mode:?}, and no row of BINDINGS says so"
                );
                if let (Mode::Reading(_), Some(help)) = (mode, said) {
                    assert!(
                        matches!(help, Help::Line { .. }),
                        "{action:?} while reading is not on the help screen"
                    );
                }
            }
        }
    }
}

#[test]
fn every_key_of_the_table_gives_its_action() {
    for binding in BINDINGS {
        for &mode in binding.modes {
            for &key in binding.keys {
                assert_eq!(
                    keymap::actions(&press(key), mode),
                    vec![binding.action],
                    "{} in {mode:?}",
                    key.name()
                );
            }
        }
    }
}

#[test]
fn every_reading_key_is_named_on_the_help_screen() {
    let lines = help_lines();
    for binding in BINDINGS {
        let Help::Line { zh, .. } = binding.help else {
            continue;
        };
        let line = lines.iter().find(|line| line.zh == zh);
        for key in binding
            .keys
            .iter()
            .filter(|key| key.code != KeyCode::BackTab)
        {
            assert!(
                line.is_some_and(|line| line.keys.contains(key)),
                "{} is not on the line {zh}",
                key.name()
            );
        }
    }
}

#[test]
fn lines_name_plain_characters_first() {
    let names: Vec<String> = help_lines()
        .iter()
        .map(|line| line.key_names().join(" "))
        .collect();
    assert_eq!(names[0], "j k ↓ ↑");
    assert_eq!(names[1], "空格 b PgDn PgUp");
    assert!(names.contains(&"h l ← → Enter".to_string()), "{names:?}");
    assert!(names.contains(&"Tab".to_string()), "{names:?}");
}

#[test]
fn hints_take_the_first_key_and_the_table_s_word() {
    assert_eq!(hint(Mode::Bookmarks, Action::Accept), "Enter 前往");
    assert_eq!(hint(Mode::Bookmarks, Action::Dismiss), "Esc 关闭");
    assert_eq!(key_name(Mode::Bookmarks, Action::ToggleScope), "Tab");
    assert_eq!(
        key_name(Mode::Reading(Focus::Outline), Action::HalfPages(1)),
        "Ctrl-D"
    );
    assert_eq!(key_name(Mode::Jump, Action::EditNote), "");
}

/// The README's key table as [`BINDINGS`] says it.
fn readme_keys_table() -> String {
    let mut table = String::from("| keys | what they do |\n|---|---|\n");
    for line in help_lines() {
        let keys: Vec<String> = line
            .key_names()
            .iter()
            .map(|name| match name.as_str() {
                "空格" => "`Space`".to_string(),
                name => format!("`{name}`"),
            })
            .collect();
        let _ = writeln!(table, "| {} | {} |", keys.join(" "), line.en);
    }
    table
}

/// The table under `## Keys` in the README.
fn readme_keys_section() -> String {
    let readme = include_str!("../../../README.md");
    let section = readme.split("\n## Keys\n").nth(1).unwrap_or_default();
    section
        .lines()
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .fold(String::new(), |mut lines, line| {
            let _ = writeln!(lines, "{line}");
            lines
        })
}

#[test]
fn the_readme_key_table_is_the_bindings_table() {
    assert_eq!(
        readme_keys_section(),
        readme_keys_table(),
        "README.md's ## Keys table differs from BINDINGS"
    );
}
