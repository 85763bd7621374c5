//! Settings read from TOML: each setting, unknown keys and bad values named,
//! and what is right kept beside what is wrong.

use ratatui_crossterm::crossterm::event::KeyCode;

use super::*;

#[test]
fn every_setting_is_read() {
    let read = read(
        "theme = \"light\"\nmeasure = 72\ndata-dir = \"/tmp/notes\"\n\
         [keys]\nquit = \"Q\"\ntop = [\"g\", \"Home\"]\n",
    );
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    let config = read.config;
    assert_eq!(config.theme, Some(ThemeChoice::Light));
    assert_eq!(config.measure, Some(72));
    assert_eq!(config.data_dir, Some(PathBuf::from("/tmp/notes")));
    let names: Vec<&str> = config.keys.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["quit", "top"]);
    assert_eq!(config.keys[0].1[0].code, KeyCode::Char('Q'));
    assert_eq!(config.keys[1].1[1].code, KeyCode::Home);
}

#[test]
fn an_empty_file_gives_nothing_and_no_problem() {
    let read = read("# nothing set\n");
    assert_eq!(read.config, Config::default());
    assert!(read.problems.is_empty());
}

#[test]
fn unknown_keys_are_named_each_on_a_line_and_the_rest_applies() {
    let read = read("thme = \"light\"\nmeasure = 60\n[keys]\nquitt = \"Q\"\nquit = \"x\"\n");
    assert_eq!(
        read.problems,
        ["unknown key \"keys.quitt\"", "unknown key \"thme\""]
    );
    assert_eq!(read.config.measure, Some(60));
    assert_eq!(read.config.keys.len(), 1);
}

#[test]
fn bad_values_are_named_and_left_at_their_default() {
    let read =
        read("theme = \"bright\"\nmeasure = 5\ndata-dir = 3\n[keys]\nquit = \"Ctrl-\"\ntop = 7\n");
    assert_eq!(
        read.problems,
        [
            "bad value for \"data-dir\": not a string",
            "bad value for \"keys.quit\": \"Ctrl-\" is not a key",
            "bad value for \"keys.top\": not a key or a list of keys",
            "bad value for \"measure\": 5 is not from 10 to 65535",
            "bad value for \"theme\": \"bright\" is not auto, dark or light",
        ]
    );
    assert_eq!(read.config, Config::default());
}

#[test]
fn a_syntax_error_is_one_line_with_its_line_number() {
    let read = read("measure = 70\ntheme = light\n");
    assert_eq!(read.problems.len(), 1);
    let problem = &read.problems[0];
    assert!(problem.starts_with("line 2: "), "{problem}");
    assert!(!problem.contains('\n'), "{problem}");
    assert_eq!(read.config, Config::default());
}

#[test]
fn keys_given_replace_the_tables_own() {
    use crate::tui::action::{Action, Focus, Mode};
    use crate::tui::bindings::BINDINGS;
    let config = read("[keys]\nquit = \"Q\"\n").config;
    let keys = rebind::rebound(BINDINGS, &config.key_settings());
    let reading = Mode::Reading(Focus::Reader);
    let quit = BINDINGS
        .iter()
        .position(|b| b.action == Action::Quit && b.modes.contains(&reading))
        .expect("a quit row");
    assert_eq!(keys[quit], config.keys[0].1);
}
