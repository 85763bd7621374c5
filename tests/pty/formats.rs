//! A Word file read in the reader as a text file is: its numbered headings in
//! the outline, a jump, a bookmark, and both found again on reopening.

use super::*;

/// The text pane's first row: what the reader is at.
fn top_row(session: &Session) -> String {
    let screen = session.screen();
    let first = screen.lines().next().unwrap_or_default();
    first
        .split('│')
        .nth(1)
        .unwrap_or_default()
        .trim()
        .to_string()
}

#[test]
fn a_word_file_opens_in_the_reader_and_keeps_its_place_and_bookmarks() {
    let data = tempfile::tempdir().expect("a temp dir");
    let data_dir = data.path().to_str().expect("a UTF-8 path");
    let args = [
        "--data-dir",
        data_dir,
        "tests/fixtures/formats/numbered.docx",
    ];
    let mut session = Session::start(&args);
    session.wait_for("纲目 · numbered.docx");
    session.wait_for("（二）主要目标");
    session.keys("f");
    session.wait_for("跳转");
    session.keys("szjc");
    session.wait_for("1/");
    session.keys("\r");
    session.wait_gone("跳转");
    assert_eq!(top_row(&session), "（一）建设数字基础设施");
    session.bookmark("算力与网络");
    session.quit();

    let mut again = Session::start(&args);
    again.wait_for("★ 1");
    // The bookmark's mark (▍) in the margin, then the text.
    assert_eq!(top_row(&again), "▍（一）建设数字基础设施");
    again.keys("'");
    again.wait_for("算力与网络");
    again.close_popup();
    again.quit();
}
