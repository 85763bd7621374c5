//! Signals, suspending, reloading, hostile text, a vanished terminal and a panic.

use super::*;

impl Session {
    /// Sends a signal to the program (`kill -NAME`).
    fn signal(&self, name: &str) {
        let pid = self.child.process_id().expect("a process id");
        let status = std::process::Command::new("kill")
            .args([&format!("-{name}"), &pid.to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success(), "kill -{name}");
    }

    /// Reads output for a while, for a screen that may not change.
    fn settle(&mut self) {
        while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(300)) {
            self.take(&bytes);
        }
    }

    fn assert_terminal_restored(&self) {
        let screen = self.parser.screen();
        assert!(!screen.alternate_screen(), "left on the alternate screen");
        assert!(!screen.hide_cursor(), "cursor left hidden");
        assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
        assert!(!screen.bracketed_paste(), "bracketed paste left on");
    }
}

/// The number of study sessions saved in a data directory's only record.
fn sessions_saved(data: &tempfile::TempDir) -> usize {
    let documents = data.path().join("documents");
    let Ok(entries) = std::fs::read_dir(documents) else {
        return 0;
    };
    entries
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let record: serde_json::Value =
                serde_json::from_slice(&std::fs::read(p).expect("reads")).expect("JSON");
            record["sessions"].as_array().map_or(0, Vec::len)
        })
        .sum()
}

#[test]
fn every_signal_that_ends_the_reader_saves_and_gives_the_terminal_back() {
    // INT and QUIT come from another process (`kill`, `timeout -s INT`): typed,
    // Ctrl-C is a key in raw mode.
    for signal in ["TERM", "HUP", "INT", "QUIT"] {
        let data = tempfile::tempdir().expect("a temp dir");
        let data_dir = data.path().to_str().expect("a UTF-8 path");
        let mut session = Session::start(&["--data-dir", data_dir, "assets/plans-2021.txt"]);
        session.wait_for("q 退出");
        session.keys("]]");
        session.wait_for("› 一、");
        session.signal(signal);
        let status = session.exit_status();
        assert!(status.success(), "{signal}: {status:?}");
        session.assert_terminal_restored();
        assert_eq!(sessions_saved(&data), 1, "{signal}: the session was saved");
    }
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_fg_takes_it_again() {
    let mut session = Session::start(&["assets/plans-2021.txt"]);
    session.wait_for("q 退出");
    session.keys("\x1a");
    session.settle();
    session.assert_terminal_restored();
    session.signal("CONT");
    session.wait_for("q 退出");
    assert!(
        session.parser.screen().alternate_screen(),
        "back on the reader's screen"
    );
    session.quit();
    session.assert_terminal_restored();
}

#[test]
fn r_reads_a_changed_file_again_and_finds_the_bookmark_in_it() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = dir.path().join("plans.txt");
    let sample = std::fs::read_to_string("assets/plans-2021.txt").expect("the sample");
    std::fs::write(&file, &sample).expect("writes");
    let mut session = Session::start(&[file.to_str().expect("UTF-8")]);
    session.wait_for_the_whole_sample();
    session.keys("R");
    session.wait_for("文件没有变化");
    session.keys("f");
    session.wait_for("跳转");
    session.keys("szjj\r");
    session.wait_for("› 第十五章");
    session.bookmark("考点");
    std::fs::write(
        &file,
        format!("编者按\n\n\u{3000}\u{3000}新加的一段说明。\n\n{sample}"),
    )
    .expect("edits");
    session.keys("R");
    session.wait_for("已重新读入");
    // A key takes the message away; the breadcrumb shows where the reader is.
    session.keys("jk");
    session.wait_for("› 第十五章");
    session.keys("'");
    session.wait_for("书签 · 本文件 1");
    assert!(
        !session.screen().contains("未找到原文"),
        "{}",
        session.screen()
    );
    session.close_popup();
    std::fs::remove_file(&file).expect("removes");
    session.keys("R");
    session.wait_for("无法重新读入");
    session.quit();
}

#[test]
fn a_file_full_of_escape_sequences_leaves_the_screen_intact() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = dir.path().join("escapes.txt");
    let nasty = [
        "\u{1b}]0;PWNED\u{7}",        // window title
        "\u{1b}[2J\u{1b}[H",          // clear screen, cursor home
        "\u{1b}[?1049l",              // leave the alternate screen
        "\u{1b}[?1000l\u{1b}[?2004l", // mouse and bracketed paste off
        "\u{1b}(0",                   // line-drawing character set
        "\u{1b}[31;5m",               // red, blinking
        "\u{9b}2J",                   // C1 CSI
        "\u{1b}]52;c;cHduZWQ=\u{7}",  // clipboard
    ]
    .concat();
    let text = format!(
        "一、标题{nasty}结束\n\u{3000}\u{3000}正文开始{nasty}正文结束。\n二、第二节{nasty}\n\u{3000}\u{3000}尾声。\n"
    );
    std::fs::write(&file, text).expect("writes");
    let mut session = Session::start(&[file.to_str().expect("UTF-8")]);
    session.wait_for("正文结束");
    session.keys("/");
    session.wait_for("搜索");
    session.keys("正文");
    session.wait_for("1/2");
    session.close_popup();
    session.keys("m");
    session.wait_for("加书签");
    session.keys("\r");
    session.keys("'");
    session.wait_for("书签 · 本文件 1");
    let screen = session.parser.screen();
    assert!(screen.alternate_screen(), "still on the reader's screen");
    assert!(screen.bracketed_paste(), "bracketed paste still on");
    assert_ne!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
    assert!(
        session.screen().contains("标题␛]0;PWNED␇"),
        "{}",
        session.screen()
    );
    // Nothing from the file went out raw: no title, no clipboard, no clearing.
    let raw = String::from_utf8_lossy(&session.raw);
    assert!(!raw.contains("\u{1b}]0;PWNED"), "a title was set");
    assert!(
        !raw.contains("\u{1b}]52;c;cHduZWQ="),
        "the clipboard was written"
    );
    assert!(!raw.contains("\u{1b}(0") && !raw.contains("\u{1b}[?1049l\u{1b}[?1000l"));
    session.close_popup();
    session.quit();
    session.assert_terminal_restored();
}

#[test]
fn a_terminal_that_goes_away_ends_the_reader_with_its_place_saved() {
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
    use std::os::unix::process::CommandExt;
    let data = tempfile::tempdir().expect("a temp dir");
    let (mut master, mut slave) = (0, 0);
    // SAFETY: openpty fills two descriptors, owned below.
    let opened = unsafe {
        libc::openpty(
            &raw mut master,
            &raw mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(opened, 0, "a pty");
    // Neither end may leak into the reader (it would keep the terminal alive).
    for fd in [master, slave] {
        // SAFETY: a descriptor just opened.
        unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    }
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_gangmu"));
    command
        .args([
            "--data-dir",
            data.path().to_str().expect("UTF-8"),
            "assets/plans-2021.txt",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("TERM", "xterm-256color")
        .stdin(slave.try_clone().expect("dup"))
        .stdout(slave.try_clone().expect("dup"))
        .stderr(slave.try_clone().expect("dup"));
    // SAFETY: setsid and TIOCSCTTY only, between fork and exec.
    unsafe {
        command.pre_exec(|| {
            libc::setsid();
            libc::ioctl(0, libc::TIOCSCTTY, 0);
            Ok(())
        });
    }
    let mut child = command.spawn().expect("spawns");
    // Only the reader keeps the terminal's other end open.
    drop(command);
    drop(slave);
    let mut terminal = std::fs::File::from(master);
    std::thread::sleep(Duration::from_millis(500));
    // Drain what was drawn, answer nothing, press ] once.
    let mut buffer = vec![0u8; 65536];
    // SAFETY: a non-blocking read of what is there.
    unsafe { libc::fcntl(terminal.as_raw_fd(), libc::F_SETFL, libc::O_NONBLOCK) };
    let _ = terminal.read(&mut buffer);
    terminal.write_all(b"]").expect("types");
    std::thread::sleep(Duration::from_millis(300));
    let _ = terminal.read(&mut buffer);
    drop(terminal); // the terminal goes away
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().expect("waits") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the reader outlived its terminal");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
    let records: Vec<_> = std::fs::read_dir(data.path().join("documents"))
        .expect("the store was written")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    let record: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&records[0]).expect("reads")).expect("JSON");
    assert!(record["position"].is_object(), "{record}");
}

/// A failed test leaves no reader running behind it.
impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

#[test]
fn a_panic_gives_the_terminal_back_and_says_what_happened() {
    let mut session =
        Session::start_with(&["assets/plans-2021.txt"], &[("GANGMU_TEST_PANIC", "1")]);
    let status = session.exit_status();
    assert!(!status.success());
    session.assert_terminal_restored();
    assert!(
        session.screen().contains("GANGMU_TEST_PANIC"),
        "{}",
        session.screen()
    );
}

#[test]
fn a_phrase_found_a_hundred_thousand_times_in_one_paragraph_never_stops_the_keys() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("one-paragraph.txt");
    let paragraph = "数字".repeat(262_144);
    let text =
        format!("第一章 总则\n\u{3000}\u{3000}{paragraph}\n第二章 其他\n\u{3000}\u{3000}正文。\n");
    std::fs::write(&path, text).expect("writes");
    let data = tempfile::tempdir().expect("a temp dir");
    let data_dir = data.path().to_str().expect("a UTF-8 path");
    let file = path.to_str().expect("a UTF-8 path");
    let mut session = Session::start(&["--data-dir", data_dir, file]);
    session.wait_for("q 退出");
    session.keys("/数");
    // The hits are marked on screen and counted up to the cap.
    session.wait_for("100000+");
    session.keys("字");
    session.wait_for("/ 数字");
    session.keys("\r");
    session.wait_for("hit 1/100000+");
    session.keys("nN");
    session.quit();
    assert!(session.exit_status().success());
}

#[test]
fn a_save_s_temporary_file_left_by_a_killed_run_is_swept_at_the_next_start() {
    let data = tempfile::tempdir().expect("a temp dir");
    let documents = data.path().join("documents");
    std::fs::create_dir_all(&documents).expect("makes the folder");
    // Left by a run killed during a save: its process is gone.
    let left = documents.join(format!(".gangmu-save-{}-Xy12Ab", i32::MAX));
    // Being written by a run that lives (this one), and by an earlier version.
    let live = documents.join(format!(".gangmu-save-{}-Zz98Yy", std::process::id()));
    let recent = documents.join(".tmpQw3Er4");
    for file in [&left, &live, &recent] {
        std::fs::write(file, b"{\"version\":").expect("writes");
    }
    let data_dir = data.path().to_str().expect("a UTF-8 path");
    let mut session = Session::start(&["--data-dir", data_dir, "assets/plans-2021.txt"]);
    session.wait_for("q 退出");
    session.quit();
    assert!(session.exit_status().success());
    assert!(!left.exists(), "the killed run's file is swept");
    assert!(
        live.exists() && recent.exists(),
        "files a live run may be writing stay"
    );
}
