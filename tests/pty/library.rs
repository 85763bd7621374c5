//! A folder opened as a library: its files in order of their years, the last
//! one reached with the end key, and a file that is not text named in a notice.

use super::*;

#[test]
fn opens_a_folder_reaches_its_last_year_and_names_the_file_skipped() {
    let mut session = Session::start(&["tests/fixtures/library"]);
    session.wait_for("gwr-1959.txt");
    // The binary file is set aside, named with its reason; the others open.
    session.wait_for("figure.png");
    session.wait_for("跳过");
    session.keys("G");
    // The end of the last year's report, the last file, is on screen.
    session.wait_for("新领域新赛道跑出加速度");
    session.quit();
}

/// A bookmark made in a file read within a library is there when the file is
/// read alone, and one made in it alone is there in the library: each file
/// keeps its own, the library where the reader was in it.
#[test]
fn a_file_keeps_its_bookmarks_in_a_library_and_alone() {
    let data = tempfile::tempdir().expect("a temp dir");
    let data_dir = data.path().to_str().expect("a UTF-8 path");
    let library = [
        "--data-dir",
        data_dir,
        "tests/fixtures/library/gwr-2024.txt",
        "tests/fixtures/library/gwr-2025.txt",
    ];
    let mut session = Session::start(&library);
    session.wait_for("gwr-2024.txt");
    session.keys("G");
    session.wait_for("新领域新赛道跑出加速度");
    session.bookmark("库中书签");
    session.quit();

    let alone = [
        "--data-dir",
        data_dir,
        "tests/fixtures/library/gwr-2025.txt",
    ];
    let mut session = Session::start(&alone);
    session.wait_for("纲目");
    session.keys("'");
    session.wait_for("书签 · 本文件 1");
    session.wait_for("库中书签");
    session.close_popup();
    session.bookmark("单独书签");
    session.quit();

    let mut session = Session::start(&library);
    session.wait_for("gwr-2024.txt");
    session.keys("'");
    session.wait_for("书签 · 本文件 2");
    session.wait_for("库中书签");
    session.wait_for("单独书签");
    session.close_popup();
    session.quit();
}

/// A library's bookmarks are saved off the key thread too, one save after the
/// other: two made at once are both in their file's record while the reader
/// goes on.
#[test]
fn two_bookmarks_made_at_once_in_a_library_are_both_on_disk() {
    let data = tempfile::tempdir().expect("a temp dir");
    let data_dir = data.path().to_str().expect("a UTF-8 path");
    let mut session = Session::start(&[
        "--data-dir",
        data_dir,
        "tests/fixtures/library/gwr-2024.txt",
        "tests/fixtures/library/gwr-2025.txt",
    ]);
    session.wait_for("gwr-2024.txt");
    session.keys("G");
    session.wait_for("新领域新赛道跑出加速度");
    session.bookmark("库中其一");
    session.keys("k");
    session.bookmark("库中其二");
    wait_until_saved(data.path(), &["库中其一", "库中其二"]);
    session.quit();
}
