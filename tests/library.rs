//! Several files and folders at once: `grep`, `find` and `terms` over a folder
//! of work reports (one of them a binary file that is skipped), rows led by the
//! file, files in order of the year in their names or titles.

use assert_cmd::Command;

const LIBRARY: &str = "tests/fixtures/library";

/// The binary, with a cache of built documents of its own, dropped afterwards.
fn gangmu() -> Command {
    let mut command = Command::cargo_bin("gangmu").expect("the binary is built");
    command.env("GANGMU_CACHE_DIR", cache_dir().path());
    command
}

/// One cache for all the tests here: they share entries as runs of a user do.
fn cache_dir() -> &'static tempfile::TempDir {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("a temporary folder"))
}

/// The standard output of `gangmu args`, and its exit code.
fn run(args: &[&str]) -> (String, Option<i32>) {
    let output = gangmu().args(args).output().expect("runs");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    (text, output.status.code())
}

#[test]
fn grep_over_a_folder_leads_each_row_with_its_file() {
    let (text, code) = run(&["grep", LIBRARY, "新质生产力"]);
    assert_eq!(code, Some(0));
    let files: Vec<&str> = text
        .lines()
        .map(|l| l.split('\t').next().unwrap_or(""))
        .collect();
    assert_eq!(files.len(), 3, "{text}");
    assert!(files[0].ends_with("gwr-2024.txt"), "{text}");
    assert!(
        files[1..].iter().all(|f| f.ends_with("gwr-2025.txt")),
        "{text}"
    );
    assert!(text.lines().all(|l| l.split('\t').count() == 4), "{text}");
}

#[test]
fn grep_names_the_binary_file_it_skips_and_goes_on() {
    let output = gangmu()
        .args(["grep", LIBRARY, "人民公社"])
        .output()
        .expect("runs");
    assert!(output.status.success());
    let errors = String::from_utf8(output.stderr).expect("UTF-8");
    assert!(errors.contains("figure.png"), "{errors}");
    assert!(!String::from_utf8(output.stdout).expect("UTF-8").is_empty());
}

#[test]
fn grep_over_one_file_prints_as_before() {
    let (text, code) = run(&["grep", "tests/fixtures/library/gwr-2024.txt", "新质生产力"]);
    assert_eq!(code, Some(0));
    let row: Vec<&str> = text.lines().next().expect("a hit").split('\t').collect();
    assert_eq!(row.len(), 3, "{text}");
    assert_eq!(row[0], "98");
}

#[test]
fn grep_over_several_files_finds_nothing_with_status_one() {
    let (text, code) = run(&["grep", LIBRARY, "不存在的说法"]);
    assert_eq!(code, Some(1));
    assert!(text.is_empty());
}

#[test]
fn terms_tsv_has_a_row_for_every_file_in_year_order() {
    let (text, code) = run(&["terms", "--tsv", LIBRARY, "新质生产力"]);
    assert_eq!(code, Some(0));
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    let files: Vec<&str> = rows
        .iter()
        .map(|r| r[0].rsplit('/').next().unwrap_or(""))
        .collect();
    // The report without a year in its name sorts by the year in its title (2013).
    assert_eq!(
        files,
        [
            "gwr-1959.txt",
            "gwr-1978.txt",
            "zhengfu-gongzuo-baogao.txt",
            "gwr-2024.txt",
            "gwr-2025.txt"
        ]
    );
    let counts: Vec<&str> = rows.iter().map(|r| r[2]).collect();
    assert_eq!(counts, ["0", "0", "0", "1", "2"]);
}

#[test]
fn grep_and_terms_agree_on_every_file() {
    for phrase in ["高质量发展", "人民公社", "改革"] {
        let (grepped, _) = run(&["grep", LIBRARY, phrase]);
        let (counted, _) = run(&["terms", "--tsv", LIBRARY, phrase]);
        for row in counted.lines() {
            let fields: Vec<&str> = row.split('\t').collect();
            let hits = grepped
                .lines()
                .filter(|l| l.split('\t').next() == Some(fields[0]))
                .count();
            assert_eq!(fields[2], hits.to_string(), "{phrase} in {}", fields[0]);
        }
    }
}

#[test]
fn terms_by_section_sums_to_the_file_counts() {
    let (by_file, _) = run(&["terms", "--tsv", LIBRARY, "高质量发展"]);
    let (by_section, _) = run(&[
        "terms",
        "--tsv",
        "--by",
        "section",
        "--depth",
        "2",
        LIBRARY,
        "高质量发展",
    ]);
    let total = |text: &str, column: usize| -> usize {
        text.lines()
            .filter_map(|l| l.split('\t').nth(column)?.parse::<usize>().ok())
            .sum()
    };
    assert!(by_section.lines().all(|l| l.split('\t').count() == 4));
    assert_eq!(total(&by_file, 2), total(&by_section, 3));
    assert!(total(&by_file, 2) > 0);
}

#[test]
fn terms_table_has_a_bar_for_each_count() {
    let (text, code) = run(&["terms", LIBRARY, "高质量发展", "人民公社"]);
    assert_eq!(code, Some(0));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 6, "a header and a row per file: {text}");
    assert!(lines[0].contains("高质量发展") && lines[0].contains("人民公社"));
    let widest = lines
        .iter()
        .find(|l| l.contains("gwr-2024.txt"))
        .expect("a row");
    assert!(widest.contains("12 ████████████"), "{text}");
}

#[test]
fn terms_without_a_phrase_is_an_error() {
    let output = gangmu()
        .args(["terms", LIBRARY, LIBRARY])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn find_over_a_folder_names_the_file_of_each_heading() {
    let (text, code) = run(&["find", LIBRARY, "新质生产力"]);
    assert_eq!(code, Some(0));
    let first: Vec<&str> = text
        .lines()
        .next()
        .expect("a heading")
        .split('\t')
        .collect();
    assert_eq!(first.len(), 6, "{text}");
    assert!(first[0].starts_with(LIBRARY), "{text}");
}

#[test]
fn a_folder_with_nothing_readable_is_an_error() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("a.png"), b"\x89PNG\r\n\x1a\n\0\0\0\0").expect("written");
    let output = gangmu()
        .args(["grep", &dir.path().display().to_string(), "x"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let errors = String::from_utf8(output.stderr).expect("UTF-8");
    assert!(errors.contains("a.png"), "{errors}");
}

#[cfg(unix)]
#[test]
fn a_link_that_loops_and_a_link_back_are_skipped() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path();
    std::fs::write(root.join("a.txt"), "2020年工作报告\n\n推进改革。\n").expect("written");
    std::os::unix::fs::symlink(root.join("loop"), root.join("loop")).expect("a link");
    std::os::unix::fs::symlink(root, root.join("back")).expect("a link");
    let output = gangmu()
        .args(["grep", &root.display().to_string(), "改革"])
        .output()
        .expect("runs");
    assert!(output.status.success());
    let found = String::from_utf8(output.stdout).expect("UTF-8");
    assert_eq!(found.lines().count(), 1, "{found}");
    let errors = String::from_utf8(output.stderr).expect("UTF-8");
    assert!(errors.contains("loop"), "{errors}");
    assert!(errors.contains("back"), "{errors}");
}

#[test]
fn a_second_grep_reads_the_cache_and_a_damaged_entry_is_built_again() {
    let cache = tempfile::tempdir().expect("a temporary folder");
    let grep = || {
        let output = Command::cargo_bin("gangmu")
            .expect("the binary is built")
            .env("GANGMU_CACHE_DIR", cache.path())
            .args(["grep", LIBRARY, "高质量发展"])
            .output()
            .expect("runs");
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    let first = grep();
    let entries: Vec<std::path::PathBuf> = std::fs::read_dir(cache.path())
        .expect("the cache is made")
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(entries.len(), 5, "one entry per text file");
    assert_eq!(grep(), first);
    // Entries cut short or emptied are not trusted: the same rows come back.
    for entry in &entries {
        let raw = std::fs::read(entry).expect("an entry");
        std::fs::write(entry, &raw[..raw.len() / 3]).expect("cut short");
    }
    assert_eq!(grep(), first);
    let whole = std::fs::read(&entries[0]).expect("rewritten");
    assert!(serde_json::from_slice::<serde_json::Value>(&whole).is_ok());
}

#[test]
fn a_folder_mixes_text_word_files_and_web_pages() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (from, to) in [
        ("tests/fixtures/library/gwr-2024.txt", "gwr-2024.txt"),
        (
            "tests/fixtures/formats/gwr-jilin-2025.docx",
            "gwr-jilin-2025.docx",
        ),
        (
            "tests/fixtures/formats/gov-article-gbk.html",
            "article.html",
        ),
    ] {
        std::fs::copy(from, dir.path().join(to)).expect("copied");
    }
    let folder = dir.path().display().to_string();
    let (text, code) = run(&["terms", "--tsv", &folder, "发展"]);
    assert_eq!(code, Some(0));
    let rows: Vec<(&str, usize)> = text
        .lines()
        .filter_map(|l| {
            let fields: Vec<&str> = l.split('\t').collect();
            let name = fields[0].rsplit('/').next()?;
            Some((name, fields[2].parse().ok()?))
        })
        .collect();
    let names: Vec<&str> = rows.iter().map(|r| r.0).collect();
    assert_eq!(
        names,
        ["gwr-2024.txt", "gwr-jilin-2025.docx", "article.html"]
    );
    assert!(rows.iter().all(|r| r.1 > 0), "{text}");
}

/// A saved list names a library's files a line each, relative to the list;
/// grep and terms take it as they take the files.
#[test]
fn a_saved_list_of_files_is_a_library() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let list = dir.path().join("近两年.txt");
    let library = std::fs::canonicalize(LIBRARY).expect("the fixture folder");
    std::fs::write(
        &list,
        format!(
            "# 近两年的报告\n{}\n\n{}\n",
            library.join("gwr-2025.txt").display(),
            library.join("gwr-2024.txt").display()
        ),
    )
    .expect("written");
    let word = format!("@{}", list.display());
    let (grepped, code) = run(&["grep", &word, "新质生产力"]);
    assert_eq!(code, Some(0));
    let files: Vec<&str> = grepped
        .lines()
        .map(|l| l.split('\t').next().unwrap_or(""))
        .collect();
    assert_eq!(files.len(), 3, "{grepped}");
    assert!(
        files[0].ends_with("gwr-2024.txt"),
        "in year order: {grepped}"
    );
    let (counted, code) = run(&["terms", "--tsv", &word, "新质生产力"]);
    assert_eq!(code, Some(0));
    assert_eq!(
        counted.lines().count(),
        2,
        "a row for each file listed: {counted}"
    );
    let missing = format!("@{}", dir.path().join("none.txt").display());
    let (_, code) = run(&["grep", &missing, "新质生产力"]);
    assert_eq!(
        code,
        Some(2),
        "a list that is not there is a file that is not"
    );
}
