//! Hostile and odd input, as the command line meets it: each case gives either a
//! readable document (with a warning where something was wrong) or a one-line
//! message and exit status 2, never a panic; and nothing from a file reaches the
//! terminal as a control character or an escape sequence.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

const SAMPLE: &str = "assets/plans-2021.txt";

fn gangmu() -> Command {
    Command::cargo_bin("gangmu").expect("the binary is built")
}

fn run(args: &[&str], file: &Path) -> Output {
    gangmu().args(args).arg(file).output().expect("runs")
}

/// A file in a temporary directory holding `bytes`.
fn file_with(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("writes");
    path
}

/// Checks a refusal: status 2, nothing on standard output, one line naming the
/// file on standard error.
fn assert_refused(output: &Output, file: &Path, reason: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(output.stdout.is_empty());
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let expected = format!("gangmu: reading {}: {reason}", file.display());
    assert!(stderr.starts_with(&expected), "{stderr}");
}

/// Nothing that a terminal would take as a command: no C0 control but line feed,
/// no ESC, no C1 control.
fn assert_inert(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t') || ('\u{80}'..='\u{9f}').contains(&c)
        })
        .collect();
    assert!(
        bad.is_empty(),
        "control characters reach the terminal: {bad:?}"
    );
}

#[test]
fn an_empty_or_blank_file_is_an_empty_document() {
    let dir = tempfile::tempdir().expect("a temp dir");
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("blank.txt", "  \n\n\t \n\u{3000}\u{3000}\n".as_bytes()),
    ] {
        let file = file_with(&dir, name, bytes);
        for command in ["outline", "text"] {
            let output = run(&[command], &file);
            assert!(output.status.success(), "{name} {command}");
            assert!(output.stdout.is_empty(), "{name} {command}");
        }
    }
}

#[test]
fn one_line_of_20_mb_without_a_line_end_is_read_and_wrapped() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let line = "数字经济发展".repeat(20 * 1024 * 1024 / 18);
    let file = file_with(&dir, "line.txt", line.as_bytes());
    let output = run(&["text", "--width", "60"], &file);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert_eq!(text.replace('\n', ""), line);
    assert!(
        text.lines()
            .all(|row| unicode_width::UnicodeWidthStr::width(row) <= 60)
    );
}

#[test]
fn two_hundred_thousand_headings_are_all_in_the_outline() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let text = (1..=200_000).fold(String::new(), |mut text, n| {
        let _ = writeln!(text, "{n}. 第{n}项工作要求");
        text
    });
    let file = file_with(&dir, "many.txt", text.as_bytes());
    let output = run(&["outline"], &file);
    assert!(output.status.success());
    let outline = String::from_utf8(output.stdout).expect("UTF-8");
    assert_eq!(outline.lines().count(), 200_000);
    assert!(outline.ends_with("200000\th3\t1\t200000.\t第200000项工作要求\n"));
}

#[test]
fn twenty_levels_of_numbering_keep_the_outline_consistent() {
    // Every child is one level below its parent.
    fn check(nodes: &serde_json::Value, depth: u64) -> usize {
        nodes.as_array().map_or(0, |nodes| {
            nodes
                .iter()
                .map(|node| {
                    assert_eq!(node["depth"].as_u64(), Some(depth), "{node}");
                    1 + check(&node["children"], depth + 1)
                })
                .sum()
        })
    }
    let labels = [
        "第一部分",
        "第一篇",
        "第一章",
        "第一节",
        "第一条",
        "一、",
        "（一）",
        "1.",
        "（1）",
        "①",
    ];
    let mut text = String::new();
    for round in 0..2 {
        for (depth, label) in labels.iter().enumerate() {
            let _ = write!(
                text,
                "{label}第{round}轮第{depth}层标题\n\u{3000}\u{3000}正文。\n"
            );
        }
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = file_with(&dir, "deep.txt", text.as_bytes());
    let output = run(&["outline", "--json"], &file);
    assert!(output.status.success());
    let tree: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert!(check(&tree, 1) >= labels.len());
}

#[test]
fn images_executables_devices_and_directories_are_refused() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let png = file_with(
        &dir,
        "picture.png",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10",
    );
    assert_refused(
        &run(&["outline"], &png),
        &png,
        "not a text file: a PNG image",
    );
    let executable = std::env::current_exe().expect("this test's executable");
    assert_refused(
        &run(&["outline"], &executable),
        &executable,
        "not a text file",
    );
    let zero = Path::new("/dev/zero");
    assert_refused(&run(&["text"], zero), zero, "not a regular file");
    assert_refused(&run(&["text"], dir.path()), dir.path(), "is a directory");
    let missing = dir.path().join("missing.txt");
    assert_refused(&run(&["text"], &missing), &missing, "no such file");
    let noise: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 251) as u8).collect();
    let binary = file_with(&dir, "noise.bin", &noise);
    assert_refused(&run(&["text"], &binary), &binary, "not a text file");
}

#[test]
fn a_file_without_read_permission_is_refused_unless_the_reader_is_root() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = file_with(&dir, "secret.txt", "一、总则\n".as_bytes());
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let output = run(&["outline"], &file);
    // Root reads any file; everyone else is refused.
    if std::fs::read(&file).is_ok() {
        assert!(output.status.success());
    } else {
        assert_refused(&output, &file, "permission denied");
    }
}

#[test]
fn a_named_pipe_is_read_to_its_end() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let fifo = named_pipe(&dir);
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(fifo, "一、总则\n\u{3000}\u{3000}正文。\n"))
    };
    let output = run(&["outline"], &fifo);
    writer.join().expect("joins").expect("writes");
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "1\th1\t1\t一、\t总则\n"
    );
}

/// A named pipe made in `dir`.
fn named_pipe(dir: &tempfile::TempDir) -> PathBuf {
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    fifo
}

/// Whether a line of `stderr` holds `text` within ten seconds.
fn said(stderr: impl std::io::Read + Send + 'static, text: &'static str) -> bool {
    use std::io::BufRead;
    let (found, seen) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let any = std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
            .any(|line| line.contains(text));
        let _ = found.send(any);
    });
    seen.recv_timeout(std::time::Duration::from_secs(10))
        .unwrap_or(false)
}

#[test]
fn a_named_pipe_without_a_writer_is_waited_for_and_said_so_and_ctrl_c_ends_it() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let fifo = named_pipe(&dir);
    for ending in ["a writer", "Ctrl-C"] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_gangmu"))
            .arg("outline")
            .arg(&fifo)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("starts");
        let stderr = child.stderr.take().expect("stderr");
        if !said(stderr, "waiting for data on") {
            let _ = child.kill();
            panic!("{ending}: nothing said while waiting for a writer");
        }
        if ending == "a writer" {
            std::fs::write(&fifo, "一、总则\n\u{3000}\u{3000}正文。\n").expect("writes");
        } else {
            let pid = child.id().to_string();
            let sent = std::process::Command::new("kill")
                .args(["-INT", &pid])
                .status();
            assert!(sent.expect("kill runs").success());
        }
        let output = child.wait_with_output().expect("ends");
        assert_eq!(
            output.status.success(),
            ending == "a writer",
            "{ending}: {output:?}"
        );
    }
}

#[test]
fn a_file_of_utf8_and_gb18030_lines_is_read_with_every_character_right() {
    let utf8_part =
        "第一章 总则\n\u{3000}\u{3000}为了规范数据管理，促进数据开发利用，制定本办法。\n";
    let gb_part =
        "第二章 管理\n\u{3000}\u{3000}各部门应当按照职责做好数据管理工作，保障数据安全。\n";
    let gb_text = gb_part.repeat(50);
    let (gb_bytes, _, _) = encoding_rs::GB18030.encode(&gb_text);
    let mut bytes = utf8_part.repeat(80).into_bytes(); // about 8 KB
    bytes.extend_from_slice(&gb_bytes); // about 5 KB
    bytes.extend_from_slice(b"\xff\xfe\xfd\n");
    bytes.extend_from_slice(utf8_part.repeat(40).as_bytes()); // about 4 KB
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = file_with(&dir, "mixed.txt", &bytes);
    let output = run(&["text"], &file);
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        text.matches("为了规范数据管理").count(),
        120,
        "every UTF-8 line"
    );
    assert_eq!(
        text.matches("保障数据安全").count(),
        50,
        "every GB18030 line"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("UTF-8 or GB18030, read line by line"),
        "{stderr}"
    );
    assert!(stderr.contains("1 place(s)"), "{stderr}");
}

#[test]
fn utf16_and_mixed_line_ends_give_the_same_outline_as_utf8() {
    let utf8 = std::fs::read_to_string(SAMPLE).expect("the sample");
    let expected = run(&["outline"], Path::new(SAMPLE)).stdout;
    let dir = tempfile::tempdir().expect("a temp dir");
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(utf8.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(utf8.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    // Every third line ending CRLF, every fifth CR (where the next line is not
    // blank: CR and a blank line's LF would make one CRLF).
    let lines: Vec<&str> = utf8.split('\n').collect();
    let mixed: String = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let next_blank = lines.get(i + 1).is_none_or(|l| l.is_empty());
            match i % 15 {
                0 | 3 | 6 | 9 | 12 => format!("{line}\r\n"),
                5 | 10 if !next_blank => format!("{line}\r"),
                _ => format!("{line}\n"),
            }
        })
        .collect();
    for (name, bytes) in [
        ("le.txt", le),
        ("be.txt", be),
        ("mixed.txt", mixed.into_bytes()),
    ] {
        let file = file_with(&dir, name, &bytes);
        let output = run(&["outline"], &file);
        assert!(output.status.success(), "{name}");
        let (got, wanted) = (
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&expected),
        );
        let first_difference = got.lines().zip(wanted.lines()).find(|(a, b)| a != b);
        assert_eq!(first_difference, None, "{name}");
        assert_eq!(got.lines().count(), wanted.lines().count(), "{name}");
    }
}

#[test]
fn stray_nul_bytes_are_read_with_a_warning_and_many_refused() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let stray = file_with(
        &dir,
        "stray.txt",
        "一、总则\n\u{3000}\u{3000}正文\0带空字节。\n".as_bytes(),
    );
    let output = run(&["text"], &stray);
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("正文\u{2400}带空字节"));
    assert!(String::from_utf8_lossy(&output.stderr).contains("NUL byte"));
    let many = file_with(&dir, "many.txt", "正文\0".repeat(100).as_bytes());
    assert_refused(
        &run(&["text"], &many),
        &many,
        "not a text file: binary data (NUL bytes)",
    );
}

#[test]
fn tabs_marks_emoji_and_right_to_left_text_are_shown_within_the_width() {
    let text = "一、e\u{301} 组合 👨\u{200d}👩\u{200d}👧 ☺\u{fe0f} 零\u{200b}宽 שלום\n\u{3000}\u{3000}正文\t有制表符，\u{202e}反向\u{202c}文字。\n";
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = file_with(&dir, "unicode.txt", text.as_bytes());
    let output = run(&["text", "--width", "12"], &file);
    assert!(output.status.success());
    let shown = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(
        shown
            .lines()
            .all(|row| unicode_width::UnicodeWidthStr::width(row) <= 12),
        "{shown}"
    );
    assert!(
        !shown.contains('\t') && !shown.contains('\u{202e}'),
        "{shown:?}"
    );
    let outline = String::from_utf8(run(&["outline"], &file).stdout).expect("UTF-8");
    assert!(
        outline.contains("e\u{301} 组合 👨\u{200d}👩\u{200d}👧"),
        "{outline}"
    );
}

#[test]
fn escape_sequences_and_controls_in_a_file_never_reach_the_terminal() {
    let text = "一、标题\u{1b}]0;pwned\u{7}\u{1b}[2J\n\u{3000}\u{3000}正文\u{1b}[31m红\u{1b}[0m\u{9b}2J\u{85}\u{8}。\n二、第二\u{1b}[5m节\n\u{3000}\u{3000}更多\u{1b}P正文。\n";
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = file_with(&dir, "escapes.txt", text.as_bytes());
    for args in [
        &["outline"][..],
        &["outline", "--json"],
        &["text"],
        &["text", "--width", "20"],
        &["find", "--limit", "5"],
    ] {
        let mut command = gangmu();
        command.args(args).arg(&file);
        if args[0] == "find" {
            command.arg("第二");
        }
        let output = command.output().expect("runs");
        assert!(output.status.success(), "{args:?}");
        assert_inert(&output.stdout);
    }
    let grep = gangmu()
        .arg("grep")
        .arg(&file)
        .arg("正文")
        .output()
        .expect("runs");
    assert!(grep.status.success());
    assert_inert(&grep.stdout);
    let shown = String::from_utf8(run(&["outline"], &file).stdout).expect("UTF-8");
    assert!(
        shown.contains("标题\u{241b}]0;pwned\u{2407}\u{241b}[2J"),
        "{shown}"
    );
}
