//! The store as the reader uses it, in a temporary data directory: records
//! round-trip; damaged, empty, truncated and newer files are moved aside with a
//! notice saying why and where, and never overwritten; a file that cannot be
//! read is never written over; a directory that cannot be written gives an
//! error, not a panic; runs saving at once never lose each other's bookmarks.

use std::fs;
use std::path::PathBuf;

use gangmu::study::anchor::Anchor;
use gangmu::study::store::record::{Bookmark, Record, Stamped};
use gangmu::study::store::{DataFile, Notice, Problem, SaveError, Store};

fn anchor(offset: usize) -> Anchor {
    Anchor {
        path: vec!["第一部分".into(), "第十五章".into()],
        paragraph: 2,
        offset,
        snippet: "打造数字经济新优势".into(),
    }
}

fn bookmark(id: &str, note: &str) -> Bookmark {
    Bookmark {
        id: id.to_string(),
        anchor: anchor(3),
        note: note.to_string(),
        created: 100,
        modified: 100,
    }
}

fn record_file(dir: &tempfile::TempDir, document: &str) -> PathBuf {
    dir.path()
        .join("documents")
        .join(format!("{document}.json"))
}

/// The files beside a document's record, by name.
fn files_in(dir: &tempfile::TempDir) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir.path().join("documents"))
        .expect("the documents directory")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_record_round_trips() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let store = Store::at(dir.path());
    let mut record = Record::new("doc1");
    record.seen_at("/home/user/plans.txt");
    record.position = Some(Stamped {
        value: anchor(5),
        at: 1_700_000_000,
    });
    record.bookmarks.push(bookmark("b1", "考点：数字产业化"));
    store.save(&record).expect("saves");
    let opened = store.open("doc1");
    assert_eq!(opened.record, record);
    assert!(opened.notice.is_none() && opened.writable);
    assert_eq!(store.open("other").record, Record::new("other"));
}

#[test]
fn damaged_files_are_moved_aside_and_kept_byte_for_byte() {
    let cases: [(&str, &[u8], Problem); 4] = [
        ("garbage", b"\x00\xffnot json at all", Problem::Damaged),
        ("empty", b"", Problem::Damaged),
        (
            "truncated",
            br#"{"version": 1, "document": "doc", "bookmarks": [{"id": "#,
            Problem::Damaged,
        ),
        (
            "newer",
            br#"{"version": 99, "document": "doc", "future": true}"#,
            Problem::Newer,
        ),
    ];
    for (case, bytes, expected) in cases {
        let dir = tempfile::tempdir().expect("a temp dir");
        let store = Store::at(dir.path());
        fs::create_dir_all(dir.path().join("documents")).expect("dir");
        fs::write(record_file(&dir, "doc"), bytes).expect("writes");
        let opened = store.open("doc");
        let Some(Notice::MovedAside {
            file: DataFile::Record,
            problem,
            aside,
        }) = opened.notice
        else {
            panic!("{case}: {:?}", opened.notice);
        };
        assert_eq!(problem, expected, "{case}");
        assert_eq!(opened.record, Record::new("doc"), "{case}");
        let names = files_in(&dir);
        assert_eq!(names.len(), 1, "{case}: {names:?}");
        assert!(
            names[0].starts_with("doc.json.corrupt-"),
            "{case}: {names:?}"
        );
        assert_eq!(
            aside,
            dir.path().join("documents").join(&names[0]),
            "{case}"
        );
        assert_eq!(fs::read(aside).expect("kept"), bytes, "{case}");
        // Saving now writes a new file beside the one kept aside.
        store.save(&opened.record).expect("saves");
        assert_eq!(
            files_in(&dir).len(),
            3,
            "{case}: record, lock, the old file"
        );
    }
}

#[test]
fn a_file_that_cannot_be_read_is_never_written_over() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let store = Store::at(dir.path());
    // A directory where the file should be cannot be read as one, even by root.
    fs::create_dir_all(record_file(&dir, "doc")).expect("dir");
    let opened = store.open("doc");
    assert!(!opened.writable);
    assert!(
        matches!(
            &opened.notice,
            Some(Notice::Unreadable { file: DataFile::Record, path, .. })
                if *path == record_file(&dir, "doc")
        ),
        "{:?}",
        opened.notice
    );
    assert!(matches!(
        store.save(&opened.record),
        Err(SaveError::Unreadable { path }) if path == record_file(&dir, "doc")
    ));
    assert!(record_file(&dir, "doc").is_dir(), "left as it was");
}

#[test]
fn a_data_directory_that_cannot_be_made_is_an_error() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let blocked = dir.path().join("data");
    fs::write(&blocked, "a file, not a directory").expect("writes");
    let store = Store::at(&blocked);
    let error = store.save(&Record::new("doc")).expect_err("cannot save");
    assert!(matches!(error, SaveError::Write { .. }), "{error:?}");
    let opened = store.open("doc");
    assert!(
        matches!(opened.notice, Some(Notice::Unreadable { .. })),
        "the user is told: {:?}",
        opened.notice
    );
}

#[test]
fn runs_saving_at_once_never_lose_a_bookmark() {
    const RUNS: usize = 4;
    const ROUNDS: usize = 50;
    let dir = tempfile::tempdir().expect("a temp dir");
    std::thread::scope(|scope| {
        for run in 0..RUNS {
            let path = dir.path().to_path_buf();
            scope.spawn(move || {
                // Each run has its own store and its own view of the record, as
                // two readers open on the same document do.
                let store = Store::at(path);
                let mut record = store.open("doc").record;
                for round in 0..ROUNDS {
                    record
                        .bookmarks
                        .push(bookmark(&format!("{run}-{round}"), "note"));
                    record = store.save(&record).expect("saves").record;
                }
            });
        }
    });
    let record = Store::at(dir.path()).open("doc").record;
    assert_eq!(record.bookmarks.len(), RUNS * ROUNDS);
}

#[test]
fn the_identity_of_a_document_ignores_white_space_and_line_ends() {
    let text = "第一章 总则\n\n第一条 为了……\n";
    let same = Store::document_id(&["第一章  总则\r\n第一条\u{3000}为了……\r\n"]);
    assert_eq!(Store::document_id(&[text]), same);
    assert_ne!(
        Store::document_id(&[text]),
        Store::document_id(&["第二章 附则"])
    );
}

#[test]
fn an_edited_file_takes_over_the_record_of_its_earlier_version() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let store = Store::at(dir.path());
    let mut earlier = Record::new("version1");
    earlier.seen_at("/home/user/plans.txt");
    earlier.bookmarks.push(bookmark("b1", "考点"));
    store.save(&earlier).expect("saves");
    let mut other = Record::new("other");
    other.seen_at("/home/user/other.txt");
    store.save(&other).expect("saves");

    let opened = store.open_at("version2", "/home/user/plans.txt");
    assert_eq!(opened.record.document, "version2");
    assert_eq!(opened.record.bookmarks, earlier.bookmarks);
    assert!(
        matches!(opened.notice, Some(Notice::TakenOver)),
        "the user is told: {:?}",
        opened.notice
    );
    let others = store.records_except(&opened.record);
    assert_eq!(
        others.len(),
        1,
        "the earlier version is not another document"
    );
    assert_eq!(others[0].document, "other");
    assert_eq!(store.open("version1").record, earlier, "left as it was");
    let unrelated = store.open_at("version3", "/elsewhere/new.txt");
    assert_eq!(unrelated.record, Record::new("version3"));
}

#[test]
fn of_several_earlier_versions_the_one_read_last_is_taken_over() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let store = Store::at(dir.path());
    for (document, at, note) in [("v1", 100, "旧"), ("v2", 300, "新"), ("v3", 200, "中")] {
        let mut record = Record::new(document);
        record.seen_at("/home/user/plans.txt");
        record.position = Some(Stamped {
            value: anchor(0),
            at,
        });
        record.bookmarks.push(bookmark(document, note));
        store.save(&record).expect("saves");
    }
    // One from a newer gangmu, read later still, is not taken over.
    let newer = dir.path().join("documents").join("v4.json");
    fs::write(
        &newer,
        r#"{"version": 99, "document": "v4", "paths": ["/home/user/plans.txt"], "position": {"value": null, "at": 900}}"#,
    )
    .expect("writes");
    let opened = store.open_at("v5", "/home/user/plans.txt");
    assert_eq!(opened.record.document, "v5");
    assert_eq!(opened.record.bookmarks[0].note, "新");
}

/// Rounds each process of the test below saves a new bookmark in.
const PROCESS_ROUNDS: usize = 60;

/// Run as a child process by `two_processes_saving_at_once_never_lose_a_bookmark`:
/// adds a bookmark and saves, round after round, as a reader would.
#[test]
#[ignore = "a child of two_processes_saving_at_once_never_lose_a_bookmark"]
fn store_worker() {
    let (Some(dir), Some(run)) = (
        std::env::var_os("GANGMU_TEST_STORE_DIR"),
        std::env::var("GANGMU_TEST_STORE_RUN").ok(),
    ) else {
        return;
    };
    let store = Store::at(PathBuf::from(dir));
    let mut record = store.open("doc").record;
    for round in 0..PROCESS_ROUNDS {
        record
            .bookmarks
            .push(bookmark(&format!("{run}-{round}"), "note"));
        record = store.save(&record).expect("saves").record;
    }
}

#[test]
fn two_processes_saving_at_once_never_lose_a_bookmark() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let exe = std::env::current_exe().expect("the test binary");
    let children: Vec<_> = ["a", "b"]
        .iter()
        .map(|run| {
            std::process::Command::new(&exe)
                .args(["store_worker", "--exact", "--ignored", "--quiet"])
                .env("GANGMU_TEST_STORE_DIR", dir.path())
                .env("GANGMU_TEST_STORE_RUN", run)
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("spawns")
        })
        .collect();
    for mut child in children {
        assert!(child.wait().expect("waits").success());
    }
    let record = Store::at(dir.path()).open("doc").record;
    assert_eq!(record.bookmarks.len(), 2 * PROCESS_ROUNDS);
}

/// The phrases of a store's search history.
fn phrases(store: &Store) -> Vec<String> {
    store.search_history().history.phrases().to_vec()
}

#[test]
fn the_search_history_is_kept_across_runs_most_recent_last_and_once() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let store = Store::at(dir.path());
    assert!(phrases(&store).is_empty());
    for phrase in ["乡村振兴", "双城经济圈", "乡村振兴"] {
        store.remember_search(phrase).expect("saves");
    }
    assert_eq!(phrases(&Store::at(dir.path())), ["双城经济圈", "乡村振兴"]);
    for n in 0..150 {
        store.remember_search(&format!("短语{n}")).expect("saves");
    }
    let kept = phrases(&store);
    assert_eq!(kept.len(), gangmu::study::store::history::HISTORY_LIMIT);
    assert_eq!(kept.last().map(String::as_str), Some("短语149"));
}

#[test]
fn runs_searching_at_once_never_lose_a_phrase() {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::thread::scope(|scope| {
        for run in 0..4 {
            let path = dir.path().to_path_buf();
            scope.spawn(move || {
                let store = Store::at(path);
                for round in 0..20 {
                    store
                        .remember_search(&format!("{run}-{round}"))
                        .expect("saves");
                }
            });
        }
    });
    assert_eq!(phrases(&Store::at(dir.path())).len(), 80);
}

#[test]
fn a_damaged_search_history_is_moved_aside_and_one_unreadable_left_alone() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let store = Store::at(dir.path());
    let file = dir.path().join("search-history.json");
    fs::write(&file, b"{\"version\": 1, \"phr").expect("writes");
    let found = store.search_history();
    assert!(found.history.phrases().is_empty());
    let Some(Notice::MovedAside {
        file: DataFile::SearchHistory,
        problem: Problem::Damaged,
        aside: kept,
    }) = found.notice
    else {
        panic!("the user is told: {:?}", found.notice);
    };
    let aside: Vec<_> = fs::read_dir(dir.path())
        .expect("the data directory")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("search-history.json.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1, "kept aside");
    assert_eq!(kept, dir.path().join(&aside[0]));
    assert_eq!(
        fs::read(dir.path().join(&aside[0])).expect("reads"),
        b"{\"version\": 1, \"phr",
        "byte for byte"
    );
    store.remember_search("新的").expect("saves afresh");
    assert_eq!(phrases(&store), ["新的"]);

    let other = tempfile::tempdir().expect("a temp dir");
    let store = Store::at(other.path());
    fs::create_dir_all(other.path().join("search-history.json")).expect("dir");
    assert!(matches!(
        store.search_history().notice,
        Some(Notice::Unreadable {
            file: DataFile::SearchHistory,
            ..
        })
    ));
    assert!(matches!(
        store.remember_search("不写"),
        Err(SaveError::Unreadable { .. })
    ));
    assert!(
        other.path().join("search-history.json").is_dir(),
        "left as it was"
    );
}

#[test]
fn a_search_history_from_a_newer_gangmu_is_moved_aside_as_newer() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = dir.path().join("search-history.json");
    fs::write(&file, r#"{"version": 99, "phrases": ["将来"]}"#).expect("writes");
    let found = Store::at(dir.path()).search_history();
    assert!(found.history.phrases().is_empty());
    assert!(
        matches!(
            found.notice,
            Some(Notice::MovedAside {
                file: DataFile::SearchHistory,
                problem: Problem::Newer,
                ..
            })
        ),
        "{:?}",
        found.notice
    );
    assert!(!file.exists(), "moved aside, not written over");
}
