//! Reading progress and study sessions, with an injected clock: sections read by
//! scrolling or by `x`, not by jumping over them; marks kept in the record and
//! found again; reading time per section with pauses over two minutes left out.

use std::sync::atomic::{AtomicU64, Ordering};

use gangmu::document::HeadingId;
use gangmu::study::progress::State;
use gangmu::tui::app::{Action, App, Msg};
use gangmu::tui::prepared::Prepared;

fn sample_app() -> App {
    let document = gangmu::build(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/plans-2021.txt"
    )));
    App::new("plans-2021.txt".to_string(), document, 120, 40)
}

/// Jumps to the heading `query` finds first.
fn jump_to(app: &mut App, query: &str) {
    app.update(Action::OpenJump);
    for c in query.chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Accept);
}

fn heading(app: &App, title: &str) -> HeadingId {
    let index = app
        .document()
        .outline
        .headings
        .iter()
        .position(|h| h.title == title)
        .expect("a heading");
    HeadingId(index as u32)
}

#[test]
fn scrolling_past_a_section_reads_it_and_jumping_over_does_not() {
    let mut app = sample_app();
    let first = heading(
        &app,
        "全面建成小康社会，开启全面建设社会主义现代化国家新征程",
    );
    for _ in 0..10 {
        app.update(Action::Heading(1));
    }
    assert_eq!(app.progress().state(first), State::Unread, "jumped over");
    app.update(Action::Top);
    for _ in 0..40 {
        app.update(Action::Pages(1));
    }
    assert_eq!(app.progress().state(first), State::Read);
    assert!(
        app.record()
            .read
            .iter()
            .any(|m| m.read && m.path.last().is_some_and(|s| s == "一、"))
    );
    assert!(app.progress().document_percent() > 0);
}

#[test]
fn x_marks_the_section_read_and_unread_and_the_outline_shows_it() {
    let mut app = sample_app();
    jump_to(&mut app, "szjj");
    let chapter = app.view().current.expect("a section");
    app.update(Action::ToggleRead);
    assert!(app.progress().is_read(chapter));
    let part = app.document().outline.ancestors(chapter)[0];
    assert_eq!(app.progress().state(part), State::Partly);
    app.update(Action::ToggleRead);
    assert!(!app.progress().is_read(chapter));
    let mark = app.record().read.last().expect("a mark");
    assert!(!mark.read, "the latest mark says unread");
}

#[test]
fn marks_are_found_again_when_the_document_is_reopened() {
    let mut app = sample_app();
    app.update(Action::Heading(1));
    app.update(Action::Heading(1));
    app.update(Action::ToggleRead);
    let chapter = app.view().current.expect("a section");
    let record = app.record().clone();
    let mut again = sample_app();
    again = again.with_record(record);
    assert!(again.progress().is_read(chapter));
}

static NOW: AtomicU64 = AtomicU64::new(0);

fn clock() -> u64 {
    NOW.load(Ordering::SeqCst)
}

fn at(seconds: u64) {
    NOW.store(1_800_000_000_000 + seconds * 1000, Ordering::SeqCst);
}

#[test]
fn session_time_goes_to_the_section_read_and_long_pauses_do_not_count() {
    let mut app = sample_app();
    app = app.with_clock(clock);
    at(0);
    app.update(Action::Heading(1));
    let first = app.view().current.expect("a section");
    at(30);
    app.update(Action::Scroll(1)); // 30 s reading the first section
    at(30 + 600);
    app.update(Action::Heading(1)); // a ten-minute pause: not counted
    let second = app.view().current.expect("a section");
    assert_ne!(first, second);
    at(30 + 600 + 45);
    app.update(Action::Scroll(1)); // 45 s on the second
    at(30 + 600 + 45 + 5);
    app.update(Action::Quit); // 5 s more
    let session = app.record().sessions.last().expect("a session");
    assert_eq!(session.start, 1_800_000_000);
    assert_eq!(session.end, 1_800_000_000 + 680);
    let seconds = |id: HeadingId| {
        let path = gangmu::study::anchor::heading_path(app.document(), id);
        session
            .sections
            .iter()
            .find(|s| s.path == path)
            .map_or(0, |s| s.millis / 1000)
    };
    assert_eq!(seconds(first), 30);
    assert_eq!(seconds(second), 50);
    let first_path = gangmu::study::anchor::heading_path(app.document(), first);
    assert!(session.finished.contains(&first_path), "scrolled past");
}

#[test]
fn y_copies_the_paragraph_being_read_with_its_citation() {
    let mut app = sample_app();
    jump_to(&mut app, "szjj");
    app.update(Action::Copy);
    let requests = app.requests().to_vec();
    let [gangmu::tui::app::Request::Copy(copied)] = requests.as_slice() else {
        panic!("one copy asked for: {requests:?}");
    };
    assert!(
        copied.starts_with("充分发挥海量数据和丰富应用场景优势"),
        "{copied}"
    );
    assert!(
        copied.ends_with("\n——《中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要》第五篇第十五章"),
        "{copied}"
    );
    assert!(app.message().is_some_and(|m| m.contains("已复制")));
}

#[test]
fn the_statistics_popup_shows_this_run_and_any_key_closes_it() {
    use gangmu::tui::app::{Mode, Popup};
    let mut app = sample_app();
    app.update(Action::Pages(3));
    app.update(Action::OpenStats);
    assert!(matches!(app.popup(), Some(Popup::Stats)));
    assert_eq!(app.mode(), Mode::Stats);
    let record = app.record_with_this_session();
    assert_eq!(record.sessions.len(), 1, "this run so far");
    assert!(app.record().sessions.is_empty(), "not yet kept");
    app.update(Action::Dismiss);
    assert!(app.popup().is_none());
}

#[test]
fn a_run_ended_by_a_signal_before_any_key_is_no_session() {
    let mut app = sample_app();
    app.update(Msg::Terminate);
    assert!(app.quitting());
    assert!(
        app.record().sessions.is_empty(),
        "{:?}",
        app.record().sessions
    );
    let mut app = sample_app();
    app.update(Action::Pages(1));
    app.update(Msg::Terminate);
    assert_eq!(app.record().sessions.len(), 1, "a key began the session");
}

#[test]
fn a_stop_from_outside_before_any_key_begins_no_session() {
    let mut app = sample_app();
    app.update(Msg::Stop);
    assert!(
        app.requests().contains(&gangmu::tui::app::Request::Suspend),
        "{:?}",
        app.requests()
    );
    app.update(Msg::Terminate);
    assert!(
        app.record().sessions.is_empty(),
        "{:?}",
        app.record().sessions
    );
}

#[test]
fn a_session_outlives_the_document_being_read_again() {
    let mut app = sample_app();
    app = app.with_clock(clock);
    at(1000);
    app.update(Action::Bottom);
    at(1010);
    app.update(Action::Scroll(-1));
    // Read again as a much shorter document: the old headings' indices are gone.
    app.update(Msg::Whole {
        of: app.record().document.clone(),
        document: Box::new(Prepared::new(gangmu::build(
            "一、总则\n\u{3000}\u{3000}正文。\n",
        ))),
        index_coming: false,
    });
    at(1020);
    app.update(Action::Scroll(1));
    app.update(Action::Quit);
    let session = app.record().sessions.last().expect("a session");
    assert!(
        session.sections.iter().any(|s| s.millis >= 10_000),
        "{session:?}"
    );
}

#[test]
fn y_copies_no_control_character_and_says_how_many_it_left_out() {
    let text =
        "第一章 总则\n\u{3000}\u{3000}正文开始\u{1b}[201~echo PWNED\u{7}\u{9b}2J结束。\u{202e}\n";
    let mut app = App::new("a.txt".to_string(), gangmu::build(text), 100, 30);
    app.update(Action::Copy);
    let [gangmu::tui::app::Request::Copy(copied)] = app.requests() else {
        panic!("one copy asked for: {:?}", app.requests());
    };
    assert!(
        copied.starts_with("正文开始echo PWNED结束。\n"),
        "{copied:?}"
    );
    assert!(
        !copied.chars().any(gangmu::layout::safe::is_hostile),
        "{copied:?}"
    );
    assert!(
        app.message()
            .is_some_and(|m| m.contains("略去 11 个控制字符")),
        "{:?}",
        app.message()
    );
}

#[test]
fn a_control_character_pasted_into_a_note_is_not_kept() {
    let mut app = sample_app();
    app.update(Action::AddBookmark);
    for c in "考点\u{1b}\u{202e}\u{9b}重庆".chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Accept);
    assert_eq!(app.record().bookmarks[0].note, "考点重庆");
}

#[test]
fn x_marks_a_heading_with_everything_under_it() {
    let mut app = sample_app();
    jump_to(&mut app, "第十五章");
    let chapter = app.view().current.expect("a section");
    let outline = &app.document().outline;
    let under: Vec<HeadingId> = (chapter.0 + 1..outline.headings.len() as u32)
        .map(HeadingId)
        .take_while(|&id| outline.ancestors(id).contains(&chapter))
        .collect();
    assert!(!under.is_empty(), "第十五章 has sections");
    app.update(Action::ToggleRead);
    assert_eq!(app.progress().state(chapter), State::Read);
    assert!(under.iter().all(|&id| app.progress().is_read(id)));
    app.update(Action::ToggleRead);
    assert_eq!(app.progress().state(chapter), State::Unread);
}
