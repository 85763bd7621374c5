//! The term map (`t`): phrases counted per file of a library, and Enter going
//! to the selected file's first hit.

use super::*;
use gangmu::search::text::Query;
use gangmu::tui::action::CursorMove;

#[test]
fn the_map_has_a_bar_per_file_counting_as_the_search_finds() {
    let document = library();
    let query = Query::new("新质生产力").expect("a phrase");
    let hits = query.find_all(&document, usize::MAX).hits;
    let mut app = App::new("library".into(), document, 120, 40);
    app.update(Action::OpenTerms);
    type_in(&mut app, "新质生产力");
    app.update(Action::Accept);
    let Some(Popup::Terms(map)) = app.popup() else {
        panic!("the term map is open");
    };
    let counts: Vec<usize> = map.bars.iter().map(|b| b.count).collect();
    assert_eq!(counts.len(), 4, "a bar for every file, 0 included");
    assert_eq!(counts.iter().sum::<usize>(), hits.len());
    assert_eq!(counts[..2], [0, 0]);
}

#[test]
fn enter_on_a_file_searches_from_its_first_hit() {
    let document = library();
    let files: Vec<usize> = document
        .outline
        .headings
        .iter()
        .filter(|h| h.kind == HeadingKind::File)
        .map(|h| h.paragraph)
        .collect();
    let query = Query::new("新质生产力").expect("a phrase");
    let first_in_last_file = query
        .find_all(&document, usize::MAX)
        .hits
        .into_iter()
        .find(|hit| hit.paragraph > files[3])
        .expect("a hit in the last file");
    let mut app = App::new("library".into(), document, 120, 40);
    app.update(Action::OpenTerms);
    type_in(&mut app, "新质生产力");
    app.update(Action::Accept);
    app.update(Action::Select(3));
    app.update(Action::Accept);
    let Some(Popup::Search(prompt)) = app.popup() else {
        panic!("the search is open");
    };
    assert_eq!(prompt.input.value(), "新质生产力");
    assert_eq!(prompt.selected_hit(), Some(first_in_last_file));
    assert!(app.top().paragraph > files[3]);
    // Esc goes back to where the reader was before the map.
    app.update(Action::Dismiss);
    assert_eq!(app.top().paragraph, 0);
}

#[test]
fn enter_with_no_phrase_closes_the_map() {
    let mut app = sample_app(120, 40);
    app.update(Action::OpenTerms);
    type_in(&mut app, "  ");
    app.update(Action::Accept);
    assert!(app.popup().is_none());
}

/// The term map's prompt edits like every other: here a second phrase is put
/// in front of the first, and the map counts both.
#[test]
fn the_phrases_are_edited_at_the_cursor() {
    let mut app = sample_app(120, 40);
    app.update(Action::OpenTerms);
    type_in(&mut app, "数字经济");
    app.update(Action::Cursor(CursorMove::Home));
    type_in(&mut app, "双城 ");
    app.update(Action::Cursor(CursorMove::End));
    app.update(Action::Erase);
    app.update(Action::Erase);
    type_in(&mut app, "经济");
    app.update(Action::Accept);
    let Some(Popup::Terms(map)) = app.popup() else {
        panic!("the map is open");
    };
    assert_eq!(map.phrases, ["双城", "数字经济"]);
    assert!(map.bars.iter().any(|b| b.phrase == 0 && b.count > 0));
}

/// With a worker, Enter hands the counting to it: the map says it is counting
/// and the keys go on; the bars are those counted here.
#[test]
fn the_phrases_are_counted_off_the_key_thread() {
    let mut here = sample_app(120, 40);
    let (mut elsewhere, answers) = with_worker(sample_app(120, 40));
    for app in [&mut here, &mut elsewhere] {
        app.update(Action::OpenTerms);
        type_in(app, "数字经济 双城");
        app.update(Action::Accept);
    }
    let Some(Popup::Terms(map)) = elsewhere.popup() else {
        panic!("the map is open");
    };
    assert!(
        map.is_counting() && map.bars.is_empty(),
        "counting elsewhere"
    );
    assert!(elsewhere.looking_up());
    receive_all_answers(&mut elsewhere, &answers);
    let (Some(Popup::Terms(counted)), Some(Popup::Terms(expected))) =
        (elsewhere.popup(), here.popup())
    else {
        panic!("both maps are open");
    };
    assert!(!counted.is_counting());
    assert_eq!(counted.phrases, expected.phrases);
    assert_eq!(counted.bars, expected.bars);
    assert!(counted.bars.iter().any(|b| b.count > 0));
}
