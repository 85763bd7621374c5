//! The opening of a long text and the whole replacing it; answers from the worker.

use super::*;

/// An app showing the opening of the sample, the whole on its way.
fn opening_app() -> (App, gangmu::Document) {
    let text = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/plans-2021.txt"
    ));
    let opening = gangmu::build(gangmu::parse::input::opening(
        text,
        gangmu::parse::input::OPENING_BYTES,
    ));
    let app = App::new("plans-2021.txt".into(), opening, 120, 40);
    (app, gangmu::build(text))
}

/// Where the reader was left deep in the sample: in 第十五章, some rows down.
fn left_in_chapter_15() -> gangmu::study::anchor::Anchor {
    let mut app = sample_app(120, 40);
    app.update(Action::OpenJump);
    type_in(&mut app, "szjj");
    app.update(Action::Accept);
    app.update(Action::Scroll(5));
    app.anchor_here()
}

#[test]
fn a_resume_beyond_the_opening_waits_for_the_whole_document() {
    let anchor = left_in_chapter_15();
    let (mut app, whole) = opening_app();
    app.update(Msg::Resume(anchor.clone()));
    app.update(whole_arrives(&app, whole));
    assert_eq!(app.anchor_here(), anchor);
}

#[test]
fn a_whole_that_turns_out_changed_still_goes_where_the_reader_was_left() {
    let anchor = left_in_chapter_15();
    let (mut app, whole) = opening_app();
    app.update(Msg::Resume(anchor.clone()));
    app.update(Msg::Reloaded {
        of: app.record().document.clone(),
        id: "changed".to_string(),
        document: Box::new(Prepared::new(whole)),
    });
    assert_eq!(app.anchor_here(), anchor);
    assert_eq!(app.record().document, "changed");
}

#[test]
fn sections_read_before_beyond_the_opening_are_read_once_the_whole_comes() {
    let mut before = sample_app(120, 40);
    before.update(Action::Bottom);
    before.update(Action::ToggleRead);
    let last = gangmu::document::HeadingId(before.document().outline.headings.len() as u32 - 1);
    assert!(before.progress().is_read(last));
    let (app, whole) = opening_app();
    let mut app = app.with_record(before.record().clone());
    assert!(app.document().outline.headings.len() <= last.0 as usize);
    app.update(whole_arrives(&app, whole));
    assert!(app.progress().is_read(last));
    assert_eq!(
        app.progress().document_percent(),
        before.progress().document_percent()
    );
}

#[test]
fn a_resume_is_dropped_once_the_reader_has_moved() {
    let (mut app, whole) = opening_app();
    app.update(Msg::Resume(left_in_chapter_15()));
    app.update(Action::Scroll(3));
    let moved = app.anchor_here();
    app.update(whole_arrives(&app, whole));
    assert_eq!(app.anchor_here(), moved);
}

#[test]
fn the_whole_document_keeps_the_row_being_read() {
    let (mut app, whole) = opening_app();
    app.update(Action::Scroll(7));
    let here = app.anchor_here();
    assert!(app.top().row > 0 || app.top().paragraph > 0);
    app.update(whole_arrives(&app, whole));
    assert_eq!(app.anchor_here(), here);
}

#[test]
fn a_jump_popup_opened_before_the_search_keys_arrive_ranks_when_they_do() {
    let (mut app, whole) = opening_app();
    app.update(Msg::Whole {
        of: app.record().document.clone(),
        document: Box::new(Prepared::of_long(whole)),
        index_coming: true,
    });
    app.update(Action::OpenJump);
    type_in(&mut app, "szjj");
    let Some(Popup::Jump(jump)) = app.popup() else {
        panic!("the jump popup is open");
    };
    assert!(jump.hits().is_empty() && app.heading_index_pending());
    let index = gangmu::search::Index::new(&app.document().outline);
    app.update(Msg::HeadingIndex {
        of: app.record().document.clone(),
        index: Box::new(index),
    });
    assert!(!app.heading_index_pending());
    assert_eq!(
        top_heading_title(&app),
        "打造数字经济新优势",
        "ranked and previewed"
    );
}

/// The ids of the rows of the open jump popup.
fn jump_rows(app: &App) -> Vec<gangmu::document::HeadingId> {
    let Some(Popup::Jump(jump)) = app.popup() else {
        panic!("the jump popup is open");
    };
    jump.hits().iter().map(|hit| hit.id).collect()
}

#[test]
fn ranking_off_the_thread_shows_what_ranking_here_shows() {
    let mut here = sample_app(120, 40);
    let (mut elsewhere, answers) = with_worker(sample_app(120, 40));
    for app in [&mut here, &mut elsewhere] {
        app.update(Action::OpenJump);
    }
    receive_all_answers(&mut elsewhere, &answers);
    for c in "szjj".chars() {
        here.update(Action::Type(c));
        elsewhere.update(Action::Type(c));
        assert!(
            elsewhere.looking_up(),
            "the key is taken before the ranking"
        );
        receive_all_answers(&mut elsewhere, &answers);
        assert_eq!(jump_rows(&elsewhere), jump_rows(&here), "after {c}");
    }
    assert_eq!(top_heading_title(&elsewhere), "打造数字经济新优势");
}

#[test]
fn enter_before_the_answer_goes_where_the_answer_says() {
    let (mut app, answers) = with_worker(sample_app(120, 40));
    app.update(Action::OpenJump);
    type_in(&mut app, "szjj");
    app.update(Action::Accept);
    receive_all_answers(&mut app, &answers);
    assert!(app.popup().is_none(), "the popup closed once ranked");
    assert_eq!(top_heading_title(&app), "打造数字经济新优势");

    app.update(Action::OpenSearch);
    type_in(&mut app, "双城经济圈");
    app.update(Action::Accept);
    receive_all_answers(&mut app, &answers);
    assert!(app.popup().is_none(), "the popup closed once searched");
    let search = app.text_search().expect("the search stays");
    assert_eq!(search.hits().len(), 36);
    assert_eq!(marked_on_screen(&app, true).concat(), "双城经济圈");
}

#[test]
fn an_answer_about_the_opening_is_not_taken_for_the_whole() {
    let (app, whole) = opening_app();
    let (mut app, answers) = with_worker(app);
    app.update(Action::OpenSearch);
    type_in(&mut app, "乡村振兴");
    // The whole arrives before the worker has answered about the opening.
    app.update(whole_arrives(&app, whole));
    receive_all_answers(&mut app, &answers);
    let Some(Popup::Search(prompt)) = app.popup() else {
        panic!("the search popup is open");
    };
    let mut here = sample_app(120, 40);
    here.update(Action::OpenSearch);
    type_in(&mut here, "乡村振兴");
    let Some(Popup::Search(expected)) = here.popup() else {
        panic!("the search popup is open");
    };
    let hits = |prompt: &gangmu::tui::popup::search::SearchPrompt| {
        prompt.search.as_ref().map(|s| s.hits().to_vec())
    };
    assert_eq!(hits(prompt), hits(expected));
}

#[test]
fn rows_far_down_the_list_are_put_in_order_off_the_thread_too() {
    let mut here = sample_app(120, 40);
    let (mut elsewhere, answers) = with_worker(sample_app(120, 40));
    for app in [&mut here, &mut elsewhere] {
        app.update(Action::OpenJump);
        type_in(app, "s");
    }
    receive_all_answers(&mut elsewhere, &answers);
    // `s` matches 467 headings of the sample; the list starts with 256 in order.
    assert!(jump_rows(&elsewhere).len() < 400);
    for app in [&mut here, &mut elsewhere] {
        app.update(Action::Select(400));
    }
    receive_all_answers(&mut elsewhere, &answers);
    let rows = jump_rows(&elsewhere);
    assert!(rows.len() > 400, "{} rows in order", rows.len());
    assert_eq!(rows, jump_rows(&here));
    assert_eq!(elsewhere.top(), here.top(), "the 401st heading previewed");

    // Enter before those rows are in order goes to the row selected once they are.
    for app in [&mut here, &mut elsewhere] {
        app.update(Action::Dismiss);
        app.update(Action::OpenJump);
        type_in(app, "s");
    }
    receive_all_answers(&mut elsewhere, &answers);
    for app in [&mut here, &mut elsewhere] {
        app.update(Action::Select(420));
        app.update(Action::Accept);
    }
    assert!(elsewhere.popup().is_some(), "waits for the rows");
    receive_all_answers(&mut elsewhere, &answers);
    assert!(elsewhere.popup().is_none());
    assert_eq!(elsewhere.top(), here.top(), "the 421st heading");
}

#[test]
fn the_share_of_the_whole_built_is_kept_until_the_whole_arrives() {
    let (mut app, whole) = opening_app();
    assert!(!app.update(built(&app, 10)), "nothing is loading yet");
    assert_eq!(app.built_percent(), None);
    assert!(
        !app.update(loading(&app)),
        "nothing to show until a share is told"
    );
    assert!(app.loading());
    assert_eq!(app.built_percent(), None);
    assert!(app.update(built(&app, 40)), "the figure is drawn anew");
    assert_eq!(app.built_percent(), Some(40));
    app.update(whole_arrives(&app, whole));
    assert_eq!(app.built_percent(), None);
}

#[test]
fn g_pressed_while_the_whole_is_on_its_way_ends_at_the_whole_s_end() {
    let (mut app, whole) = opening_app();
    app.update(loading(&app));
    assert!(app.loading());
    app.update(Action::Bottom);
    assert!(app.percent() < 100, "the opening's end is not the end");
    let last = whole.paragraphs.len() - 1;
    app.update(whole_arrives(&app, whole));
    assert!(!app.loading());
    assert_eq!(app.percent(), 100);
    let last_section = app.document().paragraphs[last].heading;
    assert_eq!(app.view().current, last_section, "at the true end");
}

/// The message that the whole of `app`'s document is being built.
fn loading(app: &App) -> Msg {
    Msg::Loading {
        of: app.record().document.clone(),
    }
}

/// The message that `percent` of the whole of `app`'s document is built.
fn built(app: &App, percent: u8) -> Msg {
    Msg::Built {
        of: app.record().document.clone(),
        percent,
    }
}

/// A document opened in place of another (a bookmark in another file) may
/// still be sent the old one's whole and progress by the worker that built
/// it: they are let go.
#[test]
fn the_whole_of_a_document_no_longer_shown_is_let_go() {
    let (app, whole) = opening_app();
    let mut app = app.with_record(gangmu::study::store::record::Record::new("this one"));
    app.update(loading(&app));
    let stale = |percent| Msg::Built {
        of: "the one before".into(),
        percent,
    };
    assert!(!app.update(stale(60)), "nothing to draw");
    assert_eq!(app.built_percent(), None, "the stale share is not shown");
    let headings = app.document().outline.headings.len();
    assert!(!app.update(Msg::Whole {
        of: "the one before".into(),
        document: Box::new(Prepared::new(whole.clone())),
        index_coming: false,
    }));
    assert!(!app.update(Msg::Reloaded {
        of: "the one before".into(),
        id: "the one before, changed".into(),
        document: Box::new(Prepared::new(whole.clone())),
    }));
    assert_eq!(app.document().outline.headings.len(), headings);
    assert_eq!(app.record().document, "this one");
    assert!(app.loading(), "still waiting for its own whole");
    app.update(whole_arrives(&app, whole));
    assert!(!app.loading());
    assert!(app.document().outline.headings.len() > headings);
}

#[test]
fn a_document_no_longer_shown_is_not_said_to_be_loading() {
    let (app, _) = opening_app();
    let mut app = app.with_record(gangmu::study::store::record::Record::new("this one"));
    app.update(Msg::Loading {
        of: "the one before".into(),
    });
    assert!(!app.loading());
}
