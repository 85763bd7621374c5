//! The real binary in a real pseudo-terminal, read through a terminal emulator:
//! it opens the sample, moves by headings, jumps, searches, and on quitting leaves
//! the terminal as it found it (main screen, cursor shown, mouse reporting off).

use std::io::{Read, Write};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 30;
const COLUMNS: u16 = 100;

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("not zero")
}

struct Session {
    parser: vt100::Parser,
    /// Everything the program wrote, for what the emulator does not keep (OSC 52).
    raw: Vec<u8>,
    output: mpsc::Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    /// The session's data directory, removed with it.
    _data: tempfile::TempDir,
}

impl Session {
    fn start(args: &[&str]) -> Self {
        Self::start_with(args, &[])
    }

    fn start_with(args: &[&str], env: &[(&str, &str)]) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLUMNS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_gangmu"));
        command.args(args);
        command.cwd(env!("CARGO_MANIFEST_DIR"));
        command.env("TERM", "xterm-256color");
        // Never the user's own data: each session keeps its own.
        let data = tempfile::tempdir().expect("a temp dir");
        command.env("GANGMU_DATA_DIR", data.path());
        for (name, value) in env {
            command.env(name, value);
        }
        let child = pair.slave.spawn_command(command).expect("spawns");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let (sender, output) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 || sender.send(buffer[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        // Keep the master open for the session's life.
        std::mem::forget(pair.master);
        Self {
            parser: vt100::Parser::new(nonzero(ROWS), nonzero(COLUMNS), 0),
            raw: Vec::new(),
            output,
            writer,
            child,
            _data: data,
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Reads output until the screen shows `text`.
    fn wait_for(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while !self.screen().contains(text) {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "never showed {text:?}; screen:\n{}",
                self.screen()
            );
            if let Ok(bytes) = self
                .output
                .recv_timeout(left.min(Duration::from_millis(100)))
            {
                self.take(&bytes);
            }
        }
    }

    fn take(&mut self, bytes: &[u8]) {
        self.parser.process(bytes);
        self.raw.extend_from_slice(bytes);
        // Answer a cursor position query as a terminal does.
        if bytes.windows(4).any(|w| w == b"\x1b[6n") {
            let (row, column) = self.parser.screen().cursor_position();
            let answer = format!("\x1b[{};{}R", row + 1, column + 1);
            self.keys(&answer);
        }
    }

    /// Waits until the whole sample has replaced its opening (built off the
    /// reader's thread): then its three parts are counted in the status line.
    fn wait_for_the_whole_sample(&mut self) {
        self.wait_for("§ 1/3");
    }

    fn keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("types");
        self.writer.flush().expect("flushes");
    }

    /// Waits for the program to exit, reading what it writes until then.
    /// Adds a bookmark with `note` where the reader is.
    fn bookmark(&mut self, note: &str) {
        self.keys("m");
        self.wait_for("加书签");
        self.keys(&format!("{note}\r"));
        self.wait_for("已加书签");
    }

    /// Closes the open popup: Esc, then a pause, or the terminal reads Esc and
    /// the next key as Alt and that key.
    fn close_popup(&mut self) {
        self.keys("\x1b");
        std::thread::sleep(Duration::from_millis(100));
    }

    /// Quits; the reader exits cleanly.
    fn quit(&mut self) {
        self.keys("q");
        assert!(self.exit_status().success());
    }

    fn exit_status(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(50)) {
                self.take(&bytes);
            }
            if let Some(status) = self.child.try_wait().expect("waits") {
                while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(200)) {
                    self.take(&bytes);
                }
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "did not exit; screen:\n{}",
                self.screen()
            );
        }
    }
}

#[test]
fn reads_moves_by_headings_and_restores_the_terminal() {
    let mut session = Session::start(&["assets/plans-2021.txt"]);
    session.wait_for("第一部分 国家政策文件");
    session.wait_for("纲目 · plans-2021.txt");
    assert!(session.parser.screen().alternate_screen());
    session.keys("]]");
    session.wait_for("› 一、");
    session.keys("?");
    session.wait_for("帮助");
    session.keys("\x1b");
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
    session.wait_for("› 第十五章");
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
    use base64::Engine;
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
fn sigterm_and_sighup_save_and_give_the_terminal_back() {
    for signal in ["TERM", "HUP"] {
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
            &mut master,
            &mut slave,
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
    let mut buffer = [0u8; 65536];
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
