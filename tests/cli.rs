//! The `gangmu` command as a user runs it: output formats, standard input, errors
//! and exit statuses, a closed pipe.

use std::io::Read;
use std::process::{Command as StdCommand, Stdio};

use assert_cmd::Command;
use predicates::prelude::*;

const SAMPLE: &str = "assets/plans-2021.txt";

fn gangmu() -> Command {
    Command::cargo_bin("gangmu").expect("the binary is built")
}

#[test]
fn outline_prints_the_contract_tsv() {
    let output = gangmu().args(["outline", SAMPLE]).output().expect("runs");
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows.len(), 681);
    assert_eq!(rows[0], "1\tpart\t1\t第一部分\t国家政策文件");
    assert!(rows.iter().all(|r| r.split('\t').count() == 5));
    assert!(
        rows.contains(&"7708\ttoc\t3\t\t目录"),
        "letter spacing folded"
    );
}

#[test]
fn outline_json_is_the_same_tree() {
    let output = gangmu()
        .args(["outline", "--json", SAMPLE])
        .output()
        .expect("runs");
    assert!(output.status.success());
    let tree: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let parts = tree.as_array().expect("a list of top-level headings");
    assert_eq!(parts.len(), 3);
    assert_eq!(parts[0]["label"], "第一部分");
    assert_eq!(parts[0]["children"][0]["kind"], "doc");
    let count = |v: &serde_json::Value| -> usize {
        fn walk(v: &serde_json::Value) -> usize {
            v.as_array()
                .map_or(0, |a| a.iter().map(|n| 1 + walk(&n["children"])).sum())
        }
        walk(v)
    };
    assert_eq!(count(&tree), 681);
}

#[test]
fn text_prints_one_block_a_line_with_blank_lines_between() {
    let output = gangmu().args(["text", SAMPLE]).output().expect("runs");
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    let blocks: Vec<&str> = text.split("\n\n").collect();
    assert_eq!(blocks[0], "第一部分 国家政策文件");
    assert_eq!(
        blocks[1],
        "中共中央关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议"
    );
    assert!(blocks[2].starts_with("“十四五”时期是我国全面建成小康社会"));
    assert!(blocks[2].ends_with("提出以下建议。"));
    assert!(!text.contains("- 14 -"));
    assert!(!text.contains('\u{1b}'));
}

#[test]
fn text_with_a_width_wraps_every_paragraph_row_within_it() {
    let output = gangmu()
        .args(["text", "--width", "41", SAMPLE])
        .output()
        .expect("runs");
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    let document = gangmu::build(&std::fs::read_to_string(SAMPLE).expect("sample"));
    let table_rows: std::collections::HashSet<&str> = document
        .paragraphs
        .iter()
        .filter(|p| p.kind == gangmu::document::ParagraphKind::Table)
        .flat_map(|p| p.text.lines())
        .collect();
    for row in text.lines().filter(|l| !table_rows.contains(l)) {
        let width = unicode_width::UnicodeWidthStr::width(row);
        assert!(width <= 41, "{width} columns: {row}");
    }
    assert!(text.lines().count() > 10_000);
}

#[test]
fn a_dash_reads_standard_input() {
    gangmu()
        .args(["outline", "-"])
        .write_stdin("一、总体要求\n\u{3000}\u{3000}坚持稳中求进。\n二、主要任务\n")
        .assert()
        .success()
        .stdout("1\th1\t1\t一、\t总体要求\n3\th1\t1\t二、\t主要任务\n");
}

#[test]
fn a_missing_file_is_one_line_and_status_2() {
    gangmu()
        .args(["outline", "no-such-file.txt"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("gangmu: reading no-such-file.txt: no such file\n");
}

#[test]
fn a_directory_is_refused() {
    gangmu()
        .args(["text", "tests"])
        .assert()
        .code(2)
        .stderr("gangmu: reading tests: is a directory\n");
}

#[test]
fn binary_input_is_refused_with_the_file_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let png = dir.path().join("picture.png");
    std::fs::write(
        &png,
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0",
    )
    .expect("write");
    gangmu()
        .arg("outline")
        .arg(&png)
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(format!(
            "gangmu: reading {}: not a text file",
            png.display()
        )))
        .stderr(
            predicate::str::ends_with("\n")
                .and(predicate::function(|s: &str| s.lines().count() == 1)),
        );
}

#[test]
fn gb18030_input_gives_the_same_outline_as_utf8() {
    let utf8 = std::fs::read_to_string(SAMPLE).expect("sample");
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(&utf8);
    assert!(!unmappable);
    let from_gb = gangmu()
        .args(["outline", "-"])
        .write_stdin(gb.into_owned())
        .output()
        .expect("runs");
    let from_utf8 = gangmu().args(["outline", SAMPLE]).output().expect("runs");
    assert!(from_gb.status.success());
    assert_eq!(from_gb.stdout, from_utf8.stdout);
}

#[test]
fn invalid_bytes_are_read_with_a_warning() {
    let mut bytes = "第一章 总则\n\n本办法适用于全市。".as_bytes().to_vec();
    bytes.insert(10, 0xFF);
    gangmu()
        .args(["text", "-"])
        .write_stdin(bytes)
        .assert()
        .success()
        .stdout(predicate::str::contains("本办法适用于全市。"))
        .stderr(predicate::str::starts_with(
            "gangmu: warning: standard input:",
        ));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("gangmu"))
        .args(["text", SAMPLE])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    let mut first = [0u8; 64];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut first)
        .expect("reads");
    let status = child.wait().expect("exits");
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("reads");
    assert!(status.success(), "status {status:?}, stderr {stderr:?}");
    assert_eq!(stderr, "");
}

#[test]
fn no_file_reads_the_built_in_sample() {
    gangmu()
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "第一部分 国家政策文件\n\n中共中央关于制定",
        ));
}

/// Where the build script could link the program statically (`build.rs`), it
/// asks for no dynamic loader (no `PT_INTERP` segment) and is still placed at a
/// random address (a position-independent `ET_DYN` file); elsewhere it asks for
/// the loader. Either way it starts.
#[cfg(all(target_os = "linux", target_env = "gnu", target_pointer_width = "64"))]
#[test]
fn the_program_is_linked_as_the_build_script_says() {
    let program = std::fs::read(assert_cmd::cargo::cargo_bin("gangmu")).expect("reads");
    let (position_independent, asks_for_a_loader) = elf_kind(&program);
    assert!(
        position_independent,
        "the program is not position-independent"
    );
    let static_pie = option_env!("GANGMU_STATIC_PIE").is_some();
    assert_eq!(asks_for_a_loader, !static_pie, "static PIE: {static_pie}");
    gangmu().arg("--version").assert().success();
}

/// Whether a 64-bit little-endian ELF file is of type `ET_DYN`, and whether a
/// program header names an interpreter (`PT_INTERP`).
fn elf_kind(elf: &[u8]) -> (bool, bool) {
    let number = |at: usize, width: usize| {
        elf[at..at + width]
            .iter()
            .rev()
            .fold(0usize, |n, &byte| n << 8 | usize::from(byte))
    };
    assert_eq!(
        &elf[..6],
        b"\x7fELF\x02\x01",
        "a 64-bit little-endian ELF file"
    );
    let (table, entry, count) = (number(32, 8), number(54, 2), number(56, 2));
    let interpreter = (0..count).any(|i| number(table + i * entry, 4) == 3);
    (number(16, 2) == 3, interpreter)
}

#[test]
fn find_prints_ranked_headings_with_breadcrumbs() {
    let output = gangmu()
        .args(["find", SAMPLE, "szjj", "--limit", "3"])
        .output()
        .expect("runs");
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(
        rows[0][..4],
        ["2792", "zhang", "第十五章", "打造数字经济新优势"]
    );
    assert!(rows[0][4].ends_with("› 第五篇"), "{:?}", rows[0][4]);
}

#[test]
fn find_with_nothing_found_fails_as_grep_does() {
    gangmu()
        .args(["find", SAMPLE, "量子纠缠"])
        .assert()
        .code(1)
        .stdout("");
}

#[test]
fn find_leaves_out_letters_strewn_over_a_long_title() {
    let output = gangmu()
        .args(["find", "--limit", "1000", SAMPLE, "xyz"])
        .output()
        .expect("runs");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    // x, y and z are initials of this title, but eleven characters apart.
    assert!(
        !text.contains("习近平总书记在经济社会领域专家座谈会上的重要讲话"),
        "{text}"
    );
    assert!(!text.contains("需要说明的几个重点问题"), "{text}");
    // 续营造 spells xyz as a run of initials: that is a match.
    assert!(text.contains("持续营造风清气正良好政治生态"), "{text}");
}

#[test]
fn find_names_every_table_of_contents_even_one_that_lost_its_title() {
    let output = gangmu()
        .args(["find", SAMPLE, "mulu"])
        .output()
        .expect("runs");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    let contents: Vec<&str> = text
        .lines()
        .filter(|row| row.split('\t').nth(1) == Some("toc"))
        .map(|row| row.split('\t').next().unwrap_or_default())
        .collect();
    assert_eq!(contents, ["1612", "7708"], "{text}");
}

/// `gangmu grep`'s rows: (line, breadcrumb, snippet).
fn grep(phrase: &str) -> (Option<i32>, Vec<(u32, String, String)>) {
    let output = gangmu()
        .args(["grep", SAMPLE, phrase])
        .output()
        .expect("runs");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    let rows = text
        .lines()
        .map(|row| {
            let fields: Vec<&str> = row.split('\t').collect();
            assert_eq!(fields.len(), 3, "{row}");
            let line = fields[0].parse().expect("a line number");
            (line, fields[1].to_string(), fields[2].to_string())
        })
        .collect();
    (output.status.code(), rows)
}

#[test]
fn grep_finds_a_phrase_across_a_page_break() {
    // 双城 ends line 688; a page number stands at 692; 经济圈 opens line 694.
    let (status, rows) = grep("推进成渝地区双城经济圈建设。推进以县城");
    assert_eq!(status, Some(0));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, 688);
    assert_eq!(rows[0].1, "第一部分 › 中共中央关于制定国民经… › 八、 › 31.");
    assert!(
        rows[0].2.contains("成渝地区双城经济圈建设。"),
        "{}",
        rows[0].2
    );
}

#[test]
fn grep_finds_a_phrase_across_a_hard_wrap_and_a_box() {
    // 公办园， ends line 13391; 专栏 4 comes between; 支持民办园 opens line 13423.
    let (_, rows) = grep("公办园，支持民办园");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, 13391);
    assert!(rows[0].1.ends_with("（二） › 1."), "{}", rows[0].1);
}

#[test]
fn grep_gives_each_hit_the_line_it_starts_on() {
    // 数字经济 occurs twice in article 15.: on its first line and on the next.
    let (_, rows) = grep("数字经济");
    let lines: Vec<u32> = rows.iter().map(|r| r.0).collect();
    assert!(lines.windows(2).all(|w| w[0] <= w[1]), "{lines:?}");
    assert_eq!(&lines[..2], [383, 385]);
    assert!(rows.iter().any(|r| r.1.ends_with("第五篇 › 第十五章")));
}

#[test]
fn grep_without_a_hit_exits_with_status_1() {
    let (status, rows) = grep("不会出现的短语");
    assert_eq!(status, Some(1));
    assert!(rows.is_empty());
}

#[test]
fn grep_matches_letters_in_either_case_and_width() {
    let (_, lower) = grep("5g");
    let (_, upper) = grep("５Ｇ");
    assert!(lower.len() >= 3);
    assert_eq!(lower, upper);
}

/// A data directory holding a record of the sample: a bookmark with a note in
/// 第十五章 and a session of 25 minutes.
fn data_with_a_record() -> tempfile::TempDir {
    use gangmu::study::anchor::Anchor;
    use gangmu::study::store::record::{Bookmark, Record, SectionTime, Session};
    let data = tempfile::tempdir().expect("a temp dir");
    let text = std::fs::read_to_string(SAMPLE).expect("the sample");
    let document = gangmu::build(&text);
    let chapter = document
        .outline
        .headings
        .iter()
        .find(|h| h.title == "打造数字经济新优势")
        .expect("第十五章");
    let mut record = Record::new(&gangmu::study::store::Store::document_id(&[&text]));
    record.bookmarks.push(Bookmark {
        id: "b1".into(),
        anchor: Anchor::at(&document, chapter.paragraph + 1, 0),
        note: "考点：数字产业化".into(),
        created: 1_800_000_000,
        modified: 1_800_000_000,
    });
    let path = |id| gangmu::study::anchor::heading_path(&document, id);
    let section = document.paragraphs[chapter.paragraph]
        .heading
        .expect("a section");
    record.sessions.push(Session {
        id: "s1".into(),
        start: 1_800_000_000,
        end: 1_800_000_000 + 1_500,
        sections: vec![SectionTime {
            path: path(section),
            millis: 1_200_000,
        }],
        finished: vec![path(section)],
    });
    gangmu::study::store::Store::at(data.path())
        .save(&record)
        .expect("saves");
    data
}

/// `gangmu ARGS --data-dir DATA` on the sample.
fn on_sample_with_data(args: &[&str], data: &tempfile::TempDir) -> std::process::Output {
    on_sample_with_data_in_zone(args, data, "UTC0")
}

/// As [`on_sample_with_data`], with `TZ` set to `zone` (a POSIX zone, known
/// without a time zone database).
fn on_sample_with_data_in_zone(
    args: &[&str],
    data: &tempfile::TempDir,
    zone: &str,
) -> std::process::Output {
    gangmu()
        .env("TZ", zone)
        .args(args)
        .arg("--data-dir")
        .arg(data.path())
        .arg(SAMPLE)
        .output()
        .expect("runs")
}

#[test]
fn notes_export_markdown_grouped_by_document_and_chapter() {
    let data = data_with_a_record();
    let output = on_sample_with_data(&["notes"], &data);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(text.starts_with("# 《plans-2021.txt》学习笔记\n"), "{text}");
    assert!(
        text.contains("\n### 第五篇 › 第十五章 打造数字经济新优势\n"),
        "{text}"
    );
    assert!(
        text.contains("- **考点：数字产业化**（2027-01-15）\n  > 充分发挥海量数据"),
        "{text}"
    );
    assert!(text.contains("》第五篇第十五章\n"), "{text}");
}

#[test]
fn notes_export_json_for_scripts() {
    let data = data_with_a_record();
    let output = on_sample_with_data(&["notes", "--format", "json"], &data);
    let notes: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(notes[0]["note"], "考点：数字产业化");
    assert_eq!(notes[0]["placed"], true);
    assert_eq!(notes[0]["breadcrumb"].as_array().map(Vec::len), Some(4));
}

#[test]
fn stats_print_sessions_and_time_per_chapter() {
    let data = data_with_a_record();
    let output = on_sample_with_data(&["stats"], &data);
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "《plans-2021.txt》");
    assert!(
        lines[1].starts_with("学习 1 次，阅读共 20 分，已读 "),
        "{text}"
    );
    assert!(
        text.contains("2027-01-15 08:00  25 分         20 分         1\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "\n20 分         第一部分 › 中华人民共和国… › 第五篇 › 第十五章 打造数字经济新优势\n"
        ),
        "{text}"
    );
}

#[test]
fn notes_of_a_document_without_bookmarks_say_so() {
    let data = tempfile::tempdir().expect("a temp dir");
    let output = on_sample_with_data(&["notes"], &data);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(text.contains("还没有书签"), "{text}");
}

#[test]
fn stats_tell_the_time_where_the_reader_is() {
    let data = data_with_a_record();
    let output = on_sample_with_data_in_zone(&["stats"], &data, "CST-8");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(text.contains("2027-01-15 16:00  25 分"), "{text}");
}

#[test]
fn stats_of_a_document_never_read_say_so() {
    let data = tempfile::tempdir().expect("a temp dir");
    let output = on_sample_with_data(&["stats"], &data);
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("还没有学习记录"));
}

#[test]
fn the_data_directory_may_be_given_before_the_command_or_after_it() {
    let data = data_with_a_record();
    let dir = data.path().to_str().expect("a UTF-8 path");
    // Before a command that does not use it, it is let be.
    let plain = gangmu()
        .args(["outline", "assets/plans-2021.txt"])
        .output()
        .expect("runs");
    let before = gangmu()
        .args(["--data-dir", dir, "outline", "assets/plans-2021.txt"])
        .output()
        .expect("runs");
    assert!(before.status.success(), "{before:?}");
    assert_eq!(before.stdout, plain.stdout);
    // Before or after a command that uses it, it is the same.
    let before = gangmu()
        .args(["--data-dir", dir, "notes", "assets/plans-2021.txt"])
        .output()
        .expect("runs");
    let after = gangmu()
        .args(["notes", "--data-dir", dir, "assets/plans-2021.txt"])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&before.stdout).contains("考点：数字产业化"));
    assert_eq!(before.stdout, after.stdout);
}
