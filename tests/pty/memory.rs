//! Memory: the reader on a text saved as one long line peaks at under three times
//! the file's size above what it takes for a file of a few lines, once the whole
//! text is in and the reader has gone to its end.

use super::Session;

/// The sample with its line breaks removed, repeated to at least `bytes`.
fn one_line_text(bytes: usize) -> String {
    let sample = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/plans-2021.txt"
    ));
    let line: String = sample.lines().map(str::trim).collect();
    line.repeat(bytes.div_ceil(line.len()))
}

/// The peak resident memory of the session's program so far, in bytes.
fn peak_memory(session: &Session) -> usize {
    let pid = session.child.process_id().expect("a process id");
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("its status");
    let kilobytes = status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| {
            value
                .trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<usize>()
                .ok()
        })
        .expect("a VmHWM line");
    kilobytes * 1024
}

/// Opens `file`, waits until the whole text is in, goes to its end, and gives the
/// peak memory.
fn peak_after_the_end(file: &str) -> usize {
    let mut session = Session::start(&[file]);
    session.wait_for("q 退出");
    session.wait_gone("载入中");
    session.keys("G");
    session.wait_for("100%");
    let peak = peak_memory(&session);
    session.quit();
    peak
}

#[test]
fn a_text_saved_as_one_line_takes_under_three_times_its_size() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let small = dir.path().join("few-lines.txt");
    std::fs::write(&small, "第一章 总则\n\u{3000}\u{3000}正文。\n").expect("writes");
    let long = dir.path().join("one-line.txt");
    let text = one_line_text(6_000_000);
    std::fs::write(&long, &text).expect("writes");
    let fixed = peak_after_the_end(small.to_str().expect("a UTF-8 path"));
    let peak = peak_after_the_end(long.to_str().expect("a UTF-8 path"));
    let ratio = peak.saturating_sub(fixed) as f64 / text.len() as f64;
    assert!(
        ratio < 3.0,
        "{} MB above {} MB for a {} MB line: {ratio:.2}× its size",
        peak.saturating_sub(fixed) / 1_000_000,
        fixed / 1_000_000,
        text.len() / 1_000_000
    );
}
