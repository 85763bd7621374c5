//! The settings file in the reader: keys given to actions (and the help
//! showing them), its problems in the status line, and the flags beating it.

use super::*;

/// A settings file holding `text`, kept while the test runs.
fn settings(text: &str) -> tempfile::NamedTempFile {
    let mut file = tempfile::Builder::new()
        .suffix(".toml")
        .tempfile()
        .expect("a temp file");
    file.write_all(text.as_bytes()).expect("writes");
    file
}

fn path(file: &tempfile::NamedTempFile) -> &str {
    file.path().to_str().expect("a UTF-8 path")
}

/// The key that opens the help, as the bindings table gives it.
fn help_key() -> String {
    use gangmu::tui::action::{Action, Focus, Mode};
    gangmu::tui::bindings::key_name(Mode::Reading(Focus::Reader), Action::ToggleHelp)
}

#[test]
fn a_key_given_in_the_settings_replaces_the_tables_own_and_the_help_shows_it() {
    let file = settings("[keys]\nquit = \"Q\"\nnext-heading = \"J\"\n");
    let mut session = Session::start(&["--config", path(&file), "assets/plans-2021.txt"]);
    session.wait_for_the_whole_sample();
    session.keys("JJ");
    session.wait_for("› 一、");
    session.keys(&help_key());
    session.wait_for("J [");
    session.wait_for("退出");
    let screen = session.screen();
    let quit = screen
        .lines()
        .find(|row| row.contains("退出"))
        .expect("the quit line");
    let keys = quit
        .split('│')
        .find(|cell| cell.contains("退出"))
        .expect("its cell");
    assert!(keys.trim_start().starts_with("Q "), "{screen}");
    session.close_popup();
    session.wait_gone("帮助");
    // `q` no longer quits; `Q` does.
    session.keys("q");
    std::thread::sleep(Duration::from_millis(300));
    assert!(session.child.try_wait().expect("waits").is_none(), "q quit");
    session.keys("Q");
    assert!(session.exit_status().success());
}

#[test]
fn problems_in_the_settings_are_said_in_the_status_line() {
    let file = settings("thme = \"light\"\n");
    let mut session = Session::start(&["--config", path(&file), "assets/plans-2021.txt"]);
    session.wait_for("unknown key \"thme\"");
    session.quit();
}

#[test]
fn the_theme_flag_beats_the_settings() {
    let file = settings("theme = \"light\"\n");
    let args = [
        "--config",
        path(&file),
        "--theme",
        "dark",
        "assets/plans-2021.txt",
    ];
    let mut session = Session::start(&args);
    session.wait_for_the_whole_sample();
    let screen = session.parser.screen();
    let colours: Vec<vt100::Color> = (0..COLUMNS)
        .filter_map(|column| screen.cell(0, column))
        .map(vt100::Cell::fgcolor)
        .collect();
    // The first row starts with the first part's title, a level-1 heading:
    // yellow in the dark palette, blue in the light one.
    assert!(colours.contains(&vt100::Color::Idx(3)), "{colours:?}");
    assert!(!colours.contains(&vt100::Color::Idx(4)), "{colours:?}");
    session.quit();
}

#[test]
fn the_settings_theme_is_taken_without_asking_the_terminal() {
    let file = settings("theme = \"light\"\n");
    let mut session = Session::start(&["--config", path(&file), "assets/plans-2021.txt"]);
    session.wait_for_the_whole_sample();
    assert!(
        !session.raw.windows(5).any(|w| w == b"\x1b]11;"),
        "asked the terminal"
    );
    session.quit();
}
