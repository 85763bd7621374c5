//! Going back after a jump (Ctrl-O, `''`, and after a restart), counts and
//! percent jumps, and searching upwards, typed as a person types them.

use super::*;

/// Ctrl-O as the terminal sends it.
const CTRL_O: &str = "\x0f";

impl Session {
    /// The status row: the screen's last.
    fn status(&self) -> String {
        self.screen().lines().last().unwrap_or_default().to_string()
    }

    /// Reads output until the status row shows `text`.
    fn wait_for_status(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while !self.status().contains(text) {
            assert!(
                Instant::now() < deadline,
                "{text:?} never in the status row; screen:\n{}",
                self.screen()
            );
            if let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(100)) {
                self.take(&bytes);
            }
        }
    }

    /// The reader pane's rows: the columns right of the outline.
    fn reader_rows(&self) -> Vec<String> {
        let outline = (COLUMNS / 3).clamp(16, 44);
        let rows: Vec<String> = self
            .parser
            .screen()
            .rows(outline, COLUMNS - outline)
            .collect();
        rows[..rows.len() - 1].to_vec()
    }

    /// Goes to 第十五章 with the jump popup, from a place two headings down.
    fn jump_from_a_heading_to_chapter_15(&mut self) {
        self.wait_for_the_whole_sample();
        self.keys("]]");
        self.wait_for_status("› 一、");
        self.keys("f");
        self.wait_for("跳转");
        self.keys("szjj\r");
        self.wait_for_status("› 第十五章");
    }
}

#[test]
fn ctrl_o_after_a_jump_to_a_heading_returns_and_tab_goes_forward_again() {
    let mut session = Session::start(&["assets/plans-2021.txt"]);
    session.jump_from_a_heading_to_chapter_15();
    session.keys(CTRL_O);
    session.wait_for_status("› 一、");
    // Ctrl-I is Tab to this terminal: right after Ctrl-O it goes forward.
    session.keys("\t");
    session.wait_for_status("› 第十五章");
    session.quit();
}

#[test]
fn quote_quote_returns_before_the_last_jump_and_again_comes_back() {
    let mut session = Session::start(&["assets/plans-2021.txt"]);
    session.jump_from_a_heading_to_chapter_15();
    session.keys("''");
    session.wait_for_status("› 一、");
    session.keys("''");
    session.wait_for_status("› 第十五章");
    session.quit();
}

#[test]
fn the_places_jumped_from_are_there_after_a_restart() {
    let data = tempfile::tempdir().expect("a temp dir");
    let data_dir = data.path().to_str().expect("a UTF-8 path");
    let args = ["--data-dir", data_dir, "assets/plans-2021.txt"];
    let mut session = Session::start(&args);
    session.jump_from_a_heading_to_chapter_15();
    session.quit();

    let mut again = Session::start(&args);
    // The place is found in the whole sample, once it is in.
    again.wait_for_status("› 第十五章");
    again.keys(CTRL_O);
    again.wait_for_status("› 一、");
    again.quit();
}

#[test]
fn fifty_percent_and_five_j_as_typed() {
    let mut session = Session::start(&["assets/plans-2021.txt"]);
    session.wait_for_the_whole_sample();
    let before = session.reader_rows();
    session.keys("5");
    session.wait_for_status("计数 5");
    session.keys("j");
    session.wait_until_status_lacks("计数");
    let deadline = Instant::now() + Duration::from_secs(20);
    while session.reader_rows()[0] != before[5] {
        assert!(
            Instant::now() < deadline,
            "not five rows down:\n{}",
            session.screen()
        );
        if let Ok(bytes) = session.output.recv_timeout(Duration::from_millis(100)) {
            session.take(&bytes);
        }
    }
    session.keys("50%");
    session.wait_for_status(" 50%  ");
    session.quit();
}

#[test]
fn a_question_mark_searches_upwards_and_n_goes_on_upwards() {
    let mut session = Session::start(&["assets/plans-2021.txt"]);
    session.wait_for_the_whole_sample();
    session.keys("60%");
    session.wait_for_status(" 60%  ");
    session.keys("?");
    session.wait_for("向上搜索");
    session.keys("双城经济圈\r");
    session.wait_for_status("?双城经济圈 hit ");
    let hit = |status: &str| -> usize {
        let after = status.split("hit ").nth(1).expect("a hit");
        after
            .split('/')
            .next()
            .expect("k/n")
            .parse()
            .expect("a number")
    };
    let first = hit(&session.status());
    assert!(first > 1, "a hit above 60%: {}", session.status());
    session.keys("n");
    session.wait_for_status(&format!("hit {}/36", first - 1));
    session.keys("N");
    session.wait_for_status(&format!("hit {first}/36"));
    session.quit();
}

impl Session {
    /// Reads output until the status row no longer shows `text`.
    fn wait_until_status_lacks(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.status().contains(text) {
            assert!(
                Instant::now() < deadline,
                "{text:?} stays:\n{}",
                self.screen()
            );
            if let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(100)) {
                self.take(&bytes);
            }
        }
    }
}
