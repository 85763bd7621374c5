//! A long file opened again. Known by its path, its record is found before it
//! is read whole, so its first screen needs only its opening: it resumes where
//! it was left and reaches its true end. Changed since with its length and
//! time kept, its new text is still what it shows once read whole, with the
//! place found again and the record following the new text. A library opened
//! again is known by its files' paths alike, and checked alike.

use std::path::{Path, PathBuf};

use super::Session;

/// A folder with the sample as `plans.txt`, and the data (and cache) folder the
/// sessions share.
fn a_long_file() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = dir.path().join("plans.txt");
    std::fs::copy("assets/plans-2021.txt", &file).expect("copies");
    let data = dir.path().join("data");
    (dir, file, data)
}

/// A reader on `file` (or folder), keeping its data in `data`.
fn open(file: &Path, data: &Path) -> Session {
    let cache = data.join("cache");
    Session::start_with(
        &[file.to_str().expect("UTF-8")],
        &[
            ("GANGMU_DATA_DIR", data.to_str().expect("UTF-8")),
            ("GANGMU_CACHE_DIR", cache.to_str().expect("UTF-8")),
        ],
    )
}

/// `file` with `old` replaced by `new` of as many bytes, its time kept.
fn change_keeping_length_and_time(file: &Path, old: &str, new: &str) -> String {
    assert_eq!(old.len(), new.len());
    let text = std::fs::read_to_string(file).expect("the text");
    let modified = std::fs::metadata(file)
        .and_then(|m| m.modified())
        .expect("a time");
    let changed = text.replace(old, new);
    std::fs::write(file, &changed).expect("edits");
    std::fs::File::options()
        .append(true)
        .open(file)
        .and_then(|f| f.set_modified(modified))
        .expect("keeps the time");
    changed
}

/// Opens `file`, goes to 第十五章 and quits there.
fn leave_in_chapter_15(file: &Path, data: &Path) {
    let mut session = open(file, data);
    session.wait_for_the_whole_sample();
    session.keys("f");
    session.wait_for("跳转");
    session.keys("szjj\r");
    session.wait_for("› 第十五章");
    session.quit();
}

/// The files in `folder`, by name.
fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .map(|listing| {
            listing
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_long_file_opened_again_is_known_by_its_path_resumes_and_reaches_its_end() {
    let (_dir, file, data) = a_long_file();
    leave_in_chapter_15(&file, &data);
    let known = data.join("cache/paths");
    assert_eq!(names_in(&known).len(), 1, "the file is known by its path");
    let mut session = open(&file, &data);
    session.wait_for("› 第十五章");
    session.wait_gone("载入中");
    session.keys("G");
    session.wait_for("100%");
    session.quit();
    assert_eq!(
        names_in(&data.join("documents")).len(),
        2,
        "one record and its lock"
    );
}

#[test]
fn a_file_changed_with_its_length_and_time_kept_shows_its_new_text() {
    let (_dir, file, data) = a_long_file();
    leave_in_chapter_15(&file, &data);
    // As many bytes: one three-byte character for another, and the old time.
    let changed = change_keeping_length_and_time(&file, "双城经济圈", "双城经济带");
    let mut session = open(&file, &data);
    session.wait_for("已重新读入");
    session.keys("jk");
    session.wait_for("› 第十五章");
    session.keys("/");
    session.wait_for("搜索");
    session.keys("双城经济带");
    // As often as the old text had it on one line (a few run across lines).
    session.wait_for("1/32");
    session.keys("\r");
    session.quit();
    let new_id = gangmu::study::store::Store::document_id(&[&changed]);
    let records = names_in(&data.join("documents"));
    assert!(records.contains(&format!("{new_id}.json")), "{records:?}");
    let known = data.join("cache/paths");
    let entry = std::fs::read_to_string(known.join(&names_in(&known)[0])).expect("the entry");
    assert!(entry.contains(&new_id), "{entry}");
}

#[test]
fn a_library_opened_again_is_known_by_its_files_and_one_changed_is_read_again() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let folder = dir.path().join("reports");
    std::fs::create_dir(&folder).expect("a folder");
    for year in ["2024", "2025"] {
        let name = format!("gwr-{year}.txt");
        std::fs::copy(format!("tests/fixtures/library/{name}"), folder.join(&name))
            .expect("copies");
    }
    let data = dir.path().join("data");
    for _ in 0..2 {
        let mut session = open(&folder, &data);
        session.wait_for("gwr-2024.txt");
        session.keys("G");
        session.wait_for("新领域新赛道跑出加速度");
        session.quit();
    }
    assert_eq!(
        names_in(&data.join("cache/paths")).len(),
        1,
        "the two files known as one"
    );
    let changed = folder.join("gwr-2025.txt");
    change_keeping_length_and_time(&changed, "跑出加速度", "跑出好速度");
    let mut session = open(&folder, &data);
    session.wait_for("已重新读入");
    session.keys("G");
    session.wait_for("新领域新赛道跑出好速度");
    session.quit();
}
