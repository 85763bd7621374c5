//! The search popup, its history, and stepping through hits with n and N.

use super::*;

#[test]
fn searching_previews_the_first_hit_from_the_reading_position_and_enter_goes_there() {
    let mut app = sample_app(120, 40);
    let start = app.top();
    app.update(Action::OpenSearch);
    type_in(&mut app, "乡村振兴");
    let Some(Popup::Search(prompt)) = app.popup() else {
        panic!("the search popup is open");
    };
    let hits = prompt.search.as_ref().expect("a search").hits().len();
    assert!(hits > 20, "{hits} hits");
    assert_ne!(app.top(), start, "the reader previews the first hit");
    assert_eq!(marked_on_screen(&app, true).concat(), "乡村振兴");
    app.update(Action::Dismiss);
    assert_eq!(app.top(), start, "Esc goes back");
    assert!(app.text_search().is_none());

    app.update(Action::OpenSearch);
    type_in(&mut app, "乡村振兴");
    app.update(Action::Accept);
    assert!(app.popup().is_none());
    let search = app.text_search().expect("the search stays");
    assert_eq!(search.current, 0);
    assert_eq!(search.count_label(search.current), format!("1/{hits}"));
    let hit = search.hits()[0];
    assert_eq!(app.top().paragraph, hit.paragraph);
    assert_eq!(marked_on_screen(&app, true).concat(), "乡村振兴");
    // Hits 2 and 3 follow hit 1 within a few lines (558, 560, 562 in the source).
    app.update(Action::NextHit(1));
    assert_eq!(marked_on_screen(&app, true).concat(), "乡村振兴");
    assert!(
        marked_on_screen(&app, false).len() >= 2,
        "the other hits on screen"
    );
}

#[test]
fn n_and_shift_n_step_through_the_hits_and_go_round_at_the_ends() {
    let mut app = sample_app(120, 40);
    app.update(Action::OpenSearch);
    type_in(&mut app, "双城经济圈");
    app.update(Action::Accept);
    let count = app.text_search().expect("found").hits().len();
    let paragraph_of = |app: &App| {
        let search = app.text_search().expect("found");
        search.hits()[search.current].paragraph
    };
    let first = paragraph_of(&app);
    app.update(Action::NextHit(1));
    assert_eq!(app.text_search().map(|s| s.current), Some(1));
    assert!(paragraph_of(&app) >= first);
    app.update(Action::NextHit(-1));
    app.update(Action::NextHit(-1));
    assert_eq!(
        app.text_search().map(|s| s.current),
        Some(count - 1),
        "N from the first hit goes round to the last"
    );
    assert!(app.message().is_some_and(|m| m.contains("末尾")));
    app.update(Action::Dismiss);
    assert!(!app.hits_marked(), "Esc stops marking the hits");
    assert!(marked_on_screen(&app, true).is_empty());
    assert!(marked_on_screen(&app, false).is_empty());
    app.update(Action::NextHit(1));
    assert_eq!(
        app.text_search().map(|s| s.current),
        Some(0),
        "n goes on with the search after Esc"
    );
    assert!(app.hits_marked() && !marked_on_screen(&app, true).is_empty());
}

#[test]
fn n_after_scrolling_goes_on_from_the_top_of_the_screen() {
    let mut app = sample_app(120, 40);
    app.update(Action::OpenSearch);
    type_in(&mut app, "数字经济");
    app.update(Action::Accept);
    app.update(Action::Bottom);
    app.update(Action::Top);
    app.update(Action::Pages(100));
    let top = app.top().paragraph;
    app.update(Action::NextHit(1));
    let search = app.text_search().expect("found");
    let hit = search.hits()[search.current];
    assert!(hit.paragraph >= top, "{} before {top}", hit.paragraph);
    let before = search.hits()[search.current.saturating_sub(1)];
    assert!(search.current == 0 || before.paragraph <= top);
}

#[test]
fn a_phrase_not_found_is_said_and_the_reader_stays() {
    let mut app = sample_app(120, 40);
    let start = app.top();
    app.update(Action::OpenSearch);
    type_in(&mut app, "不会出现的短语");
    app.update(Action::Accept);
    assert_eq!(app.top(), start);
    assert!(app.text_search().is_none());
    assert_eq!(app.message(), Some("未找到：不会出现的短语"));
}

#[test]
fn the_search_history_comes_back_with_the_up_arrow() {
    let mut app = sample_app(120, 40);
    for phrase in ["数字经济", "乡村振兴"] {
        app.update(Action::OpenSearch);
        type_in(&mut app, phrase);
        app.update(Action::Accept);
    }
    app.update(Action::OpenSearch);
    app.update(Action::History(-1));
    app.update(Action::History(-1));
    let Some(Popup::Search(prompt)) = app.popup() else {
        panic!("the search popup is open");
    };
    assert_eq!(prompt.input.value(), "数字经济");
    assert!(prompt.selected_hit().is_some());
}

#[test]
fn the_list_takes_the_arrows_after_tab() {
    use gangmu::tui::app::Mode;
    let mut app = sample_app(120, 40);
    app.update(Action::OpenSearch);
    type_in(&mut app, "数字经济");
    assert_eq!(app.mode(), Mode::SearchPrompt);
    app.update(Action::ToggleList);
    assert_eq!(app.mode(), Mode::SearchList);
    app.update(Action::Select(1));
    let Some(Popup::Search(prompt)) = app.popup() else {
        panic!("the search popup is open");
    };
    let second = prompt.selected_hit().expect("a second hit");
    assert_eq!(
        app.top().paragraph,
        second.paragraph,
        "the reader previews it"
    );
    app.update(Action::Accept);
    assert_eq!(app.text_search().map(|s| s.current), Some(1));
}

#[test]
fn a_search_is_made_again_when_the_whole_document_arrives() {
    let text = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/plans-2021.txt"
    ));
    let opening = gangmu::build(gangmu::parse::input::opening(
        text,
        gangmu::parse::input::OPENING_BYTES,
    ));
    let mut app = App::new("plans-2021.txt".into(), opening, 120, 40);
    app.update(Action::OpenSearch);
    type_in(&mut app, "乡村振兴");
    app.update(Action::Accept);
    let before = app.text_search().expect("found").hits().len();
    app.update(whole_arrives(&app, gangmu::build(text)));
    let after = app.text_search().expect("found").hits().len();
    assert!(
        after > before,
        "{before} hits in the opening, {after} in the whole"
    );
}

#[test]
fn the_phrase_is_edited_at_the_cursor_and_enter_searches_the_edited_phrase() {
    use gangmu::tui::action::CursorMove;
    let mut app = sample_app(120, 40);
    app.update(Action::OpenSearch);
    type_in(&mut app, "乡村兴");
    app.update(Action::Cursor(CursorMove::Left));
    type_in(&mut app, "振");
    let Some(Popup::Search(prompt)) = app.popup() else {
        panic!("the search popup is open");
    };
    assert_eq!(prompt.input.value(), "乡村振兴");
    app.update(Action::Accept);
    let search = app.text_search().expect("the search stays");
    assert_eq!(search.query.text(), "乡村振兴");
    assert!(search.hits().len() > 20, "{} hits", search.hits().len());
}
