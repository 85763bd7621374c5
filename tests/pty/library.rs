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
