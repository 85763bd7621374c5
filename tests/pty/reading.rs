//! Reading, jumping, searching, bookmarks and the clipboard, as a user does them.

use base64::Engine;

use super::*;

#[test]
fn reads_moves_by_headings_and_restores_the_terminal() {
    let mut session = Session::start(&["assets/plans-2021.txt"]);
    session.wait_for("第一部分 国家政策文件");
    session.wait_for("纲目 · plans-2021.txt");
    assert!(session.parser.screen().alternate_screen());
    session.keys("]]");
    session.wait_for("› 一、");
    session.keys("H");
    session.wait_for("帮助（j k 滚动）");
    session.close_popup();
    session.keys("q");
    let status = session.exit_status();
    assert!(status.success(), "{status:?}");
    let screen = session.parser.screen();
    assert!(!screen.alternate_screen(), "left on the alternate screen");
    assert!(!screen.hide_cursor(), "cursor left hidden");
    assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
}

#[test]
fn jumps_to_a_heading_by_its_pinyin_initials() {
    let mut session = Session::start(&["assets/plans-2021.txt"]);
    session.wait_for_the_whole_sample();
    session.keys("f");
    session.wait_for("跳转");
    session.keys("szjj");
    session.wait_for("1/");
    session.keys("\r");
    // The status row names the section read with its title, not its label alone.
    session.wait_for("› 第十五章 打造数字经济新优势");
    session.quit();
}

#[test]
fn the_jump_query_is_edited_at_its_start_and_the_terminal_cursor_follows() {
    let mut session = Session::start(&["assets/plans-2021.txt"]);
    session.wait_for_the_whole_sample();
    session.keys("f");
    session.wait_for("跳转");
    session.keys("jj");
    session.wait_for("› jj▏");
    // Ctrl-A goes to the start of the query; what is typed goes in there.
    session.keys("\x01sz");
    session.wait_for("› sz▏jj");
    let screen = session.parser.screen();
    let (rows, columns) = (screen.size().0.get(), screen.size().1.get());
    let row = (0..rows)
        .find(|&row| {
            screen
                .contents_between(row, 0, row, columns)
                .contains("› sz▏jj")
        })
        .expect("the prompt's row");
    let column = (0..columns)
        .find(|&column| {
            screen
                .cell(row, column)
                .is_some_and(|c| c.contents() == "▏")
        })
        .expect("the prompt's cursor");
    // The cursor is put there after the screen is drawn.
    let deadline = Instant::now() + Duration::from_secs(5);
    while session.parser.screen().cursor_position() != (row, column) && Instant::now() < deadline {
        if let Ok(bytes) = session.output.recv_timeout(Duration::from_millis(100)) {
            session.take(&bytes);
        }
    }
    let screen = session.parser.screen();
    assert_eq!(
        screen.cursor_position(),
        (row, column),
        "the terminal cursor"
    );
    assert!(!screen.hide_cursor(), "the terminal cursor is shown");
    session.keys("\r");
    session.wait_for("› 第十五章 打造数字经济新优势");
    session.quit();
}

#[test]
fn searches_the_text_and_steps_through_the_hits() {
    let mut session = Session::start(&["assets/plans-2021.txt"]);
    session.wait_for_the_whole_sample();
    session.keys("/");
    session.wait_for("搜索");
    session.keys("双城经济圈");
    session.wait_for("1/36");
    session.keys("\r");
    session.wait_for("/双城经济圈 hit 1/36");
    session.keys("n");
    session.wait_for("hit 2/36");
    session.quit();
}

#[test]
fn reopening_a_document_returns_to_where_it_was_left() {
    let data = tempfile::tempdir().expect("a temp dir");
    let data_dir = data.path().to_str().expect("a UTF-8 path");
    let args = ["--data-dir", data_dir, "assets/plans-2021.txt"];
    let mut session = Session::start(&args);
    session.wait_for_the_whole_sample();
    session.keys("f");
    session.wait_for("跳转");
    session.keys("szjj\r");
    session.wait_for("› 第十五章");
    session.keys("jjj");
    session.quit();
    let saved: Vec<_> = std::fs::read_dir(data.path().join("documents"))
        .expect("the store was written")
        .collect();
    assert!(!saved.is_empty());

    let mut again = Session::start(&args);
    again.wait_for("› 第十五章");
    again.quit();
}

#[test]
fn a_bookmark_with_a_chinese_note_is_there_after_reopening() {
    let data = tempfile::tempdir().expect("a temp dir");
    let data_dir = data.path().to_str().expect("a UTF-8 path");
    let args = ["--data-dir", data_dir, "assets/plans-2021.txt"];
    let mut session = Session::start(&args);
    session.wait_for_the_whole_sample();
    session.keys("}}}");
    session.wait_for("§ 3/3");
    session.bookmark("考点：重庆");
    session.quit();

    let mut again = Session::start(&args);
    again.wait_for("★ 1");
    again.keys("'");
    again.wait_for("书签 · 本文件 1");
    again.wait_for("考点：重庆");
    again.close_popup();
    again.quit();
}

/// A bookmark is saved off the key thread, while the reader goes on: it is on
/// disk before the reader quits.
#[test]
fn a_bookmark_is_on_disk_while_the_reader_goes_on() {
    let data = tempfile::tempdir().expect("a temp dir");
    let data_dir = data.path().to_str().expect("a UTF-8 path");
    let mut session = Session::start(&["--data-dir", data_dir, "assets/plans-2021.txt"]);
    session.wait_for_the_whole_sample();
    session.bookmark("存盘了吗");
    wait_until_saved(data.path(), &["存盘了吗"]);
    session.keys("j");
    session.quit();
}

/// The other documents' records are read after the first screen: a bookmark
/// made in one file is in the list of all files when another is read.
#[test]
fn the_list_of_all_files_holds_a_bookmark_made_in_another() {
    let data = tempfile::tempdir().expect("a temp dir");
    let data_dir = data.path().to_str().expect("a UTF-8 path");
    let mut session = Session::start(&["--data-dir", data_dir, "tests/fixtures/news.txt"]);
    session.wait_for("纲目");
    session.bookmark("另一份文件");
    session.quit();

    let mut again = Session::start(&["--data-dir", data_dir, "assets/plans-2021.txt"]);
    again.wait_for_the_whole_sample();
    again.keys("'");
    again.wait_for("书签 · 本文件 0");
    again.keys("\t");
    again.wait_for("另一份文件");
    again.close_popup();
    again.quit();
}

/// Enter on a bookmark made in another file opens that file at the bookmark,
/// in the same run: here a long one, shown from its opening while its whole is
/// built, the bookmark deep in the whole.
#[test]
fn enter_on_a_bookmark_of_another_file_opens_it_there() {
    let data = tempfile::tempdir().expect("a temp dir");
    let data_dir = data.path().to_str().expect("a UTF-8 path");
    let mut session = Session::start(&["--data-dir", data_dir, "assets/plans-2021.txt"]);
    session.wait_for_the_whole_sample();
    session.keys("f");
    session.wait_for("跳转");
    session.keys("szjj\r");
    session.wait_for("› 第十五章");
    session.bookmark("数字经济");
    session.quit();

    let mut again = Session::start(&["--data-dir", data_dir, "tests/fixtures/news.txt"]);
    again.wait_for("纲目 · news.txt");
    again.keys("'");
    again.wait_for("书签 · 本文件 0");
    again.keys("\t");
    again.wait_for("数字经济");
    again.keys("\r");
    again.wait_for("纲目 · plans-2021.txt");
    // Chapter 15 is far past the opening: the whole has come.
    again.wait_for("› 第十五章");
    assert!(
        again.screen().contains("打造数字经济新优势"),
        "{}",
        again.screen()
    );
    // Back in the list, the file left is among the others.
    again.keys("'");
    again.wait_for("书签 · 本文件 1");
    again.close_popup();
    again.quit();
}

/// The other file is read off the key thread: when it is gone, the reader says
/// so and goes on with the document it shows.
#[test]
fn enter_on_a_bookmark_of_a_file_gone_says_so() {
    let data = tempfile::tempdir().expect("a temp dir");
    let data_dir = data.path().to_str().expect("a UTF-8 path");
    let file = data.path().join("copy.txt");
    std::fs::copy("assets/plans-2021.txt", &file).expect("copied");
    let mut session = Session::start(&["--data-dir", data_dir, file.to_str().expect("UTF-8")]);
    session.wait_for_the_whole_sample();
    session.bookmark("将要删去");
    session.quit();
    std::fs::remove_file(&file).expect("removed");

    let mut again = Session::start(&["--data-dir", data_dir, "tests/fixtures/news.txt"]);
    again.wait_for("纲目 · news.txt");
    again.keys("'");
    again.wait_for("书签 · 本文件 0");
    again.keys("\t");
    again.wait_for("将要删去");
    again.keys("\r");
    again.wait_for("文件已不在原处");
    again.close_popup();
    // A key takes the message away: the document shown is still this one.
    again.keys("j");
    again.wait_for("纲目 · news.txt");
    again.quit();
}

#[test]
fn a_phrase_searched_for_comes_back_with_the_up_arrow_in_the_next_run() {
    let data = tempfile::tempdir().expect("a temp dir");
    let data_dir = data.path().to_str().expect("a UTF-8 path");
    let args = ["--data-dir", data_dir, "assets/plans-2021.txt"];
    let mut session = Session::start(&args);
    session.wait_for_the_whole_sample();
    session.keys("/");
    session.wait_for("搜索");
    session.keys("双城经济圈");
    session.wait_for("1/36");
    session.keys("\r");
    session.wait_for("hit 1/36");
    session.quit();

    // The history is there from the start (the reader resumes at the hit).
    let mut again = Session::start(&args);
    again.wait_for("纲目");
    again.keys("/");
    again.wait_for("搜索");
    again.keys("\x1b[A");
    again.wait_for("/ 双城经济圈");
    again.close_popup();
    again.quit();
}

#[test]
fn y_sends_the_paragraph_and_its_citation_to_the_clipboard() {
    let mut session = Session::start(&["assets/plans-2021.txt"]);
    session.wait_for_the_whole_sample();
    session.keys("f");
    session.wait_for("跳转");
    session.keys("szjj\r");
    session.wait_for("› 第十五章");
    session.keys("y");
    session.wait_for("已复制");
    let raw = String::from_utf8_lossy(&session.raw).into_owned();
    let start = raw.find("\x1b]52;c;").expect("an OSC 52 sequence") + "\x1b]52;c;".len();
    let end = start + raw[start..].find('\x07').expect("its end");
    let copied = base64::engine::general_purpose::STANDARD
        .decode(&raw[start..end])
        .expect("base64");
    let copied = String::from_utf8(copied).expect("UTF-8");
    assert!(copied.starts_with("充分发挥海量数据"), "{copied}");
    assert!(copied.ends_with("》第五篇第十五章"), "{copied}");
    session.quit();
}

#[test]
fn a_corrupt_store_file_is_kept_aside_and_the_user_told() {
    let data = tempfile::tempdir().expect("a temp dir");
    let data_dir = data.path().to_str().expect("a UTF-8 path");
    let args = ["--data-dir", data_dir, "assets/plans-2021.txt"];
    let mut session = Session::start(&args);
    session.wait_for("q 退出");
    session.bookmark("留着");
    session.quit();
    let documents = data.path().join("documents");
    let record = std::fs::read_dir(&documents)
        .expect("written")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .expect("a record");
    let whole = std::fs::read(&record).expect("reads");
    std::fs::write(&record, &whole[..whole.len() / 2]).expect("cuts it in half");

    let mut again = Session::start(&args);
    again.wait_for("已另存为");
    again.quit();
    let aside: Vec<_> = std::fs::read_dir(&documents)
        .expect("the directory")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    let kept = std::fs::read(documents.join(&aside[0])).expect("kept");
    assert_eq!(kept, whole[..whole.len() / 2], "kept as it was");
}

#[test]
fn text_pasted_into_a_note_stays_in_the_prompt() {
    let mut session = Session::start(&["assets/plans-2021.txt"]);
    session.wait_for("q 退出");
    session.keys("m");
    session.wait_for("加书签");
    // A bracketed paste with a line break: typed in, not taken as Enter.
    session.keys("\x1b[200~考点\n重庆\x1b[201~");
    session.wait_for("笔记：考点 重庆");
    assert!(session.screen().contains("加书签"), "still open");
    session.keys("\r");
    session.wait_for("已加书签");
    session.quit();
}

#[test]
fn a_text_piped_in_on_a_terminal_opens_the_reader_with_the_keys_from_the_terminal() {
    let mut session = Session::start_in_shell("cat assets/plans-2021.txt | \"$GANGMU\" -");
    session.wait_for("q 退出");
    session.keys("]]");
    session.wait_for("› 一、");
    session.quit();
    assert!(session.exit_status().success());
}

#[test]
fn the_help_scrolls_to_its_last_row_and_a_key_it_does_not_know_only_closes_it() {
    let mut session = Session::start(&["assets/plans-2021.txt"]);
    session.wait_for_the_whole_sample();
    session.keys("H");
    session.wait_for("帮助（j k 滚动）");
    // Everything the help says is reachable: the status row's figures last.
    session.keys("          ");
    session.wait_for("已读 n%");
    // G closes the help and does not also go to the end.
    session.keys("G");
    session.wait_gone("已读 n%");
    assert!(
        session.screen().contains(" 0%  § 1/3"),
        "{}",
        session.screen()
    );
    session.quit();
}
