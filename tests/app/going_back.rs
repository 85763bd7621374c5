//! Going back (Ctrl-O, Ctrl-I, `''`) through the places jumped from, kept in the
//! record; counts before a key; percent and line jumps, also while a long text
//! is still loading; searching upwards.

use gangmu::layout::rows::Position;

use super::*;

/// Goes to the heading found for `query` with the jump popup.
fn jump_to(app: &mut App, query: &str) {
    app.update(Action::OpenJump);
    type_in(app, query);
    app.update(Action::Accept);
}

/// Types `digits` as a count.
fn count(app: &mut App, digits: &str) {
    for digit in digits.bytes() {
        app.update(Action::Count(digit - b'0'));
    }
}

/// The places jumped from, as the record keeps them once the keys stop.
fn kept_jumps(app: &mut App) -> Vec<gangmu::study::anchor::Anchor> {
    app.update(Msg::Idle);
    app.record()
        .jumps
        .clone()
        .map(|j| j.value)
        .unwrap_or_default()
}

/// The paragraph of the heading titled `title`, and its source line.
fn heading(app: &App, title: &str) -> (usize, u32) {
    let heading = app
        .document()
        .outline
        .headings
        .iter()
        .find(|h| h.title == title)
        .expect("the heading");
    (heading.paragraph, heading.line)
}

#[test]
fn ctrl_o_goes_back_from_a_heading_found_and_ctrl_i_forward_again() {
    let mut app = sample_app(120, 40);
    app.update(Action::Scroll(7));
    let start = app.top();
    jump_to(&mut app, "szjj");
    assert_eq!(top_heading_title(&app), "打造数字经济新优势");
    let there = app.top();
    app.update(Action::Jumps(-1));
    assert_eq!(app.top(), start, "back where the jump started");
    app.update(Action::Jumps(1));
    assert_eq!(app.top(), there, "forward again");
    // Most terminals send Ctrl-I as Tab: right after a step back it steps forward.
    app.update(Action::Jumps(-1));
    app.update(Action::SwitchFocus);
    assert_eq!(app.top(), there);
    assert_eq!(app.focus(), Focus::Reader);
    app.update(Action::Scroll(1));
    app.update(Action::SwitchFocus);
    assert_eq!(app.focus(), Focus::Outline, "otherwise Tab switches panes");
}

#[test]
fn a_jump_after_going_back_drops_the_places_ahead_as_in_vim() {
    let mut app = sample_app(120, 40);
    app.update(Action::Heading(3));
    let x = app.top();
    jump_to(&mut app, "szjj");
    let y = app.top();
    app.update(Action::Bottom);
    let z = app.top();
    app.update(Action::Jumps(-1));
    assert_eq!(app.top(), y);
    app.update(Action::Jumps(-1));
    assert_eq!(app.top(), x);
    count(&mut app, "50");
    app.update(Action::Percent(None));
    let w = app.top();
    assert_ne!(w, z);
    app.update(Action::Jumps(1));
    assert_eq!(app.top(), w, "nothing ahead any more: {:?}", app.message());
    assert!(app.message().is_some(), "and it says so");
    app.update(Action::Jumps(-1));
    assert_eq!(app.top(), x);
    app.update(Action::Jumps(-1));
    assert_eq!(app.top(), x, "nothing before");
    assert_eq!(kept_jumps(&mut app).len(), 2, "x and w");
}

#[test]
fn the_same_place_is_kept_once_and_the_last_hundred_places_are_kept() {
    let mut app = sample_app(120, 40);
    app.update(Action::Bottom);
    app.update(Action::Bottom);
    app.update(Action::Top);
    assert_eq!(
        kept_jumps(&mut app).len(),
        2,
        "G from the start, g from the end"
    );
    for round in 0..150 {
        count(&mut app, &(round % 90 + 5).to_string());
        app.update(Action::Percent(None));
    }
    let kept = kept_jumps(&mut app);
    assert_eq!(kept.len(), 100);
    // Three steps back from where the last jump went (round 149) is where the
    // jump of round 146 went.
    app.update(Action::Jumps(-3));
    assert_eq!(app.percent(), 146 % 90 + 5);
}

#[test]
fn quote_quote_returns_before_the_last_jump_and_again_comes_back() {
    let mut app = sample_app(120, 40);
    app.update(Action::Scroll(12));
    let start = app.top();
    app.update(Action::Return);
    assert_eq!(app.top(), start, "no jump yet");
    jump_to(&mut app, "szjj");
    let there = app.top();
    app.update(Action::OpenBookmarks);
    app.update(Action::Return);
    assert!(app.popup().is_none(), "the list typed into closes");
    assert_eq!(app.top(), start);
    app.update(Action::Return);
    assert_eq!(app.top(), there);
}

#[test]
fn searches_bookmarks_and_the_outline_are_jumps_and_a_run_through_the_outline_is_one() {
    let mut app = sample_app(120, 40);
    let start = app.top();
    app.update(Action::OpenSearch);
    type_in(&mut app, "双城经济圈");
    app.update(Action::Accept);
    let hit = app.top();
    assert_ne!(hit, start);
    app.update(Action::NextHit(1));
    app.update(Action::Jumps(-1));
    assert_eq!(app.top(), hit, "n was a jump");
    app.update(Action::Jumps(-1));
    assert_eq!(app.top(), start, "so was the search");

    let mut app = sample_app(120, 40);
    app.update(Action::Scroll(4));
    let start = app.top();
    app.update(Action::SwitchFocus);
    for _ in 0..5 {
        app.update(Action::OutlineMove(1));
    }
    assert_ne!(app.top(), start);
    app.update(Action::Jumps(-1));
    assert_eq!(app.top(), start, "five moves in the outline, one jump");
}

#[test]
fn the_places_jumped_from_outlive_a_restart_at_another_width() {
    let mut app = sample_app(120, 40);
    app.update(Action::Scroll(30));
    let before = app.anchor_here();
    let paragraph = app.top().paragraph;
    jump_to(&mut app, "szjj");
    app.update(Action::Quit);
    let record = app.record().clone();
    assert_eq!(
        record.jumps.as_ref().map(|j| j.value.clone()),
        Some(vec![before])
    );

    let mut again = sample_app(60, 20).with_record(record.clone());
    let resume = record.position.clone().expect("a position").value;
    again.update(Msg::Resume(resume));
    assert_eq!(top_heading_title(&again), "打造数字经济新优势");
    again.update(Action::Jumps(-1));
    assert_eq!(again.top().paragraph, paragraph, "reflowed, found again");
    let mut once_more = sample_app(60, 20).with_record(record);
    once_more.update(Action::Return);
    assert_eq!(once_more.top().paragraph, paragraph, "'' too");
}

#[test]
fn a_count_repeats_a_move_shows_while_typed_and_escape_drops_it() {
    let mut app = sample_app(120, 40);
    let mut five_times = sample_app(120, 40);
    for _ in 0..5 {
        five_times.update(Action::Scroll(1));
    }
    app.update(Action::Count(5));
    assert_eq!(app.count(), Some(5));
    assert_eq!(app.top(), Position::default(), "a digit moves nothing");
    app.update(Action::Scroll(1));
    assert_eq!(app.count(), None);
    assert_eq!(app.top(), five_times.top());

    count(&mut app, "12");
    assert_eq!(app.count(), Some(12));
    app.update(Action::Dismiss);
    assert_eq!(app.count(), None, "Esc drops the count");
    app.update(Action::Scroll(1));
    five_times.update(Action::Scroll(1));
    assert_eq!(app.top(), five_times.top(), "one line, not twelve");

    count(&mut app, "3");
    app.update(Action::Heading(1));
    let mut thrice = sample_app(120, 40);
    thrice.update(Action::Scroll(6));
    for _ in 0..3 {
        thrice.update(Action::Heading(1));
    }
    assert_eq!(app.top(), thrice.top(), "3] is three headings on");
}

#[test]
fn three_n_goes_three_hits_on() {
    let mut app = sample_app(120, 40);
    app.update(Action::OpenSearch);
    type_in(&mut app, "双城经济圈");
    app.update(Action::Accept);
    count(&mut app, "3");
    app.update(Action::NextHit(1));
    assert_eq!(app.text_search().map(|s| s.current), Some(3));
}

#[test]
fn fifty_percent_and_a_line_number_with_g() {
    let mut app = sample_app(120, 40);
    count(&mut app, "50");
    app.update(Action::Percent(None));
    assert_eq!(app.percent(), 50);
    app.update(Action::Percent(None));
    assert_eq!(app.percent(), 50, "% alone stays");
    assert!(
        app.message().is_some_and(|m| m.contains("50%")),
        "and says how"
    );

    let (paragraph, line) = heading(&app, "打造数字经济新优势");
    count(&mut app, &line.to_string());
    app.update(Action::Bottom);
    assert_eq!(app.top(), Position { paragraph, row: 0 }, "{line}G");
    app.update(Action::Top);
    count(&mut app, &line.to_string());
    app.update(Action::Top);
    assert_eq!(app.top(), Position { paragraph, row: 0 }, "{line}g");
    count(&mut app, "99999");
    app.update(Action::Bottom);
    assert_eq!(app.percent(), 100, "a line past the end is the end");
}

/// An app showing the opening of the sample while the whole is on its way.
fn loading_app() -> (App, gangmu::Document) {
    let text = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/plans-2021.txt"
    ));
    let opening = gangmu::build(gangmu::parse::input::opening(text, 32 * 1024));
    let mut app = App::new("plans-2021.txt".into(), opening, 120, 40);
    app.update(Msg::Loading {
        of: app.record().document.clone(),
    });
    (app, gangmu::build(text))
}

#[test]
fn a_percent_pressed_while_loading_lands_at_that_percent_of_the_whole() {
    let (mut app, whole) = loading_app();
    count(&mut app, "50");
    app.update(Action::Percent(None));
    app.update(whole_arrives(&app, whole));
    assert_eq!(app.percent(), 50);
    let total = app.document().paragraphs.len();
    assert_eq!(app.top().paragraph, (50 * total).div_ceil(100));
}

#[test]
fn a_line_pressed_while_loading_lands_on_that_line_of_the_whole() {
    let (mut app, whole) = loading_app();
    let whole_app = App::new("plans-2021.txt".into(), whole.clone(), 120, 40);
    let (paragraph, line) = heading(&whole_app, "打造数字经济新优势");
    count(&mut app, &line.to_string());
    app.update(Action::Bottom);
    app.update(whole_arrives(&app, whole));
    assert_eq!(app.top(), Position { paragraph, row: 0 });
}

#[test]
fn a_percent_is_not_made_again_once_the_reader_has_moved() {
    let (mut app, whole) = loading_app();
    count(&mut app, "50");
    app.update(Action::Percent(None));
    app.update(Action::Scroll(-2));
    let here = app.anchor_here();
    app.update(whole_arrives(&app, whole));
    assert_eq!(app.anchor_here(), here);
}

#[test]
fn searching_upwards_selects_the_hit_above_and_n_goes_on_upwards() {
    let mut app = sample_app(120, 40);
    count(&mut app, "60");
    app.update(Action::Percent(None));
    let top = app.top();
    app.update(Action::OpenSearchBack);
    type_in(&mut app, "双城经济圈");
    app.update(Action::Accept);
    assert!(app.search_backward());
    let search = app.text_search().expect("found");
    let first = search.hits()[search.current];
    assert!(first.paragraph < top.paragraph, "above the top");
    let below = search
        .hits()
        .iter()
        .position(|h| h.paragraph >= top.paragraph);
    assert_eq!(
        below.map(|b| b - 1),
        Some(search.current),
        "the nearest above"
    );
    let current = search.current;
    app.update(Action::NextHit(1));
    assert_eq!(
        app.text_search().map(|s| s.current),
        Some(current - 1),
        "n: up"
    );
    app.update(Action::NextHit(-1));
    app.update(Action::NextHit(-1));
    assert_eq!(
        app.text_search().map(|s| s.current),
        Some(current + 1),
        "N: down"
    );
}

#[test]
fn a_click_in_the_outline_and_a_bookmark_gone_to_are_jumps() {
    let mut app = sample_app(120, 40);
    app.update(Action::Scroll(9));
    let start = app.top();
    app.update(Action::Click { column: 5, row: 3 });
    assert_ne!(app.top(), start);
    app.update(Action::Jumps(-1));
    assert_eq!(app.top(), start, "back from the click");

    let mut app = sample_app(120, 40);
    jump_to(&mut app, "szjj");
    app.update(Action::AddBookmark);
    app.update(Action::Accept);
    let marked = app.top();
    app.update(Action::Top);
    app.update(Action::Scroll(3));
    let start = app.top();
    app.update(Action::OpenBookmarks);
    app.update(Action::Accept);
    assert_eq!(app.top(), marked, "at the bookmark");
    app.update(Action::Return);
    assert_eq!(app.top(), start, "'' back from the bookmark");
}

#[test]
fn a_line_number_is_of_the_file_being_read_when_several_are() {
    let build = |text: &str| gangmu::build(text);
    let packet = build(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/packet.txt"
    )));
    let news = build(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/news.txt"
    )));
    let news_line = news.paragraphs[2].first_line;
    let combined = gangmu::Document::combine(vec![
        ("packet.txt".into(), packet),
        ("news.txt".into(), news),
    ]);
    let files: Vec<usize> = combined
        .outline
        .children(None)
        .map(|id| combined.outline.get(id).paragraph)
        .collect();
    let mut app = App::new("two files".into(), combined, 120, 40);
    app.update(Action::Document(1));
    app.update(Action::Line(1));
    assert_eq!(
        app.top().paragraph,
        0,
        "line 1 of packet.txt: its file heading"
    );
    // In news.txt, a number is a line of news.txt.
    let news_start = files[1];
    while app.top().paragraph < news_start {
        app.update(Action::Pages(1));
    }
    app.update(Action::Line(news_line as usize));
    assert_eq!(
        app.top().paragraph,
        news_start + 1 + 2,
        "news.txt's paragraph 2"
    );
}
