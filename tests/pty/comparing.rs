//! `gangmu diff A B` on a terminal opens the compare view: `]c` goes to the
//! first change, which shows on screen, and `q` leaves with the terminal as it
//! was found and the exit status diff gives (1: different).

use super::*;

const REPORT: &str = include_str!("../fixtures/gwr-2024-short.txt");

/// The report with one sentence rewritten, deep enough not to be on the first
/// screen.
fn edited_report() -> String {
    let from = "保持工业经济平稳运行。";
    assert_eq!(REPORT.matches(from).count(), 1);
    REPORT.replacen(from, "保持工业经济平稳较快运行。", 1)
}

#[test]
fn diff_opens_the_compare_view_goes_to_a_change_and_leaves_cleanly() {
    let dir = tempfile::tempdir().expect("a directory");
    let (old, new) = (dir.path().join("old.txt"), dir.path().join("new.txt"));
    std::fs::write(&old, REPORT).expect("written");
    std::fs::write(&new, edited_report()).expect("written");
    let (old, new) = (old.to_string_lossy(), new.to_string_lossy());
    let mut session = Session::start(&["diff", &old, &new]);
    session.wait_for("对比 old.txt → new.txt");
    assert!(session.parser.screen().alternate_screen());
    assert!(
        !session.screen().contains("较快"),
        "the change is not on the first screen:\n{}",
        session.screen()
    );
    session.keys("]c");
    session.wait_for("较快");
    session.wait_for("改动 1/1");
    session.keys("q");
    let status = session.exit_status();
    assert_eq!(status.exit_code(), 1, "different, as diff says");
    let screen = session.parser.screen();
    assert!(!screen.alternate_screen(), "left on the alternate screen");
    assert!(!screen.hide_cursor(), "cursor left hidden");
    assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
}

#[test]
fn diff_of_a_file_with_itself_on_a_terminal_prints_nothing_and_exits_0() {
    let dir = tempfile::tempdir().expect("a directory");
    let old = dir.path().join("old.txt");
    std::fs::write(&old, REPORT).expect("written");
    let old = old.to_string_lossy();
    let mut session = Session::start(&["diff", &old, &old]);
    let status = session.exit_status();
    assert_eq!(status.exit_code(), 0);
    assert!(!session.parser.screen().alternate_screen());
    assert_eq!(session.screen().trim(), "", "nothing printed");
}

/// Sends `kill -NAME` to the session's program.
fn kill(session: &Session, name: &str) {
    let pid = session.child.process_id().expect("a process id");
    let status = std::process::Command::new("kill")
        .args([&format!("-{name}"), &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success(), "kill -{name}");
}

#[test]
fn the_signals_that_end_the_compare_view_give_the_terminal_back() {
    let dir = tempfile::tempdir().expect("a directory");
    let (old, new) = (dir.path().join("old.txt"), dir.path().join("new.txt"));
    std::fs::write(&old, REPORT).expect("written");
    std::fs::write(&new, edited_report()).expect("written");
    let (old, new) = (old.to_string_lossy(), new.to_string_lossy());
    for signal in ["TERM", "HUP"] {
        let mut session = Session::start(&["diff", &old, &new]);
        session.wait_for("对比 old.txt → new.txt");
        kill(&session, signal);
        let status = session.exit_status();
        assert_eq!(status.exit_code(), 1, "{signal}: {status:?}");
        let screen = session.parser.screen();
        assert!(
            !screen.alternate_screen(),
            "{signal}: left on the alternate screen"
        );
        assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
    }
}
