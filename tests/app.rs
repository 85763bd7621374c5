//! The reader's state transitions, without a terminal: actions in, state out.

use gangmu::app::{Action, App, Focus, Popup};
use gangmu::document::{HeadingKind, ParagraphKind};

fn sample_app(width: u16, height: u16) -> App {
    let document = gangmu::build(include_str!("../assets/plans-2021.txt"));
    App::new("plans-2021.txt".to_string(), document, width, height)
}

fn top_heading_title(app: &App) -> String {
    let paragraph = &app.document.paragraphs[app.top.paragraph];
    let id = paragraph.heading.expect("a section");
    app.document.outline.get(id).title.clone()
}

#[test]
fn next_and_previous_heading_move_between_headings() {
    let mut app = sample_app(120, 40);
    assert!(app.update(Action::Heading(1)));
    assert_eq!(app.top.row, 0);
    assert_eq!(
        app.document.paragraphs[app.top.paragraph].kind,
        ParagraphKind::Heading
    );
    assert_eq!(
        top_heading_title(&app),
        "中共中央关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议"
    );
    app.update(Action::Heading(1));
    assert_eq!(
        top_heading_title(&app),
        "全面建成小康社会，开启全面建设社会主义现代化国家新征程"
    );
    app.update(Action::Heading(-1));
    assert_eq!(
        top_heading_title(&app),
        "中共中央关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议"
    );
}

#[test]
fn next_document_skips_to_documents_and_parts() {
    let mut app = sample_app(120, 40);
    let mut kinds = Vec::new();
    for _ in 0..4 {
        app.update(Action::Document(1));
        let id = app.document.paragraphs[app.top.paragraph]
            .heading
            .expect("heading");
        kinds.push(app.document.outline.get(id).kind);
    }
    assert_eq!(
        kinds,
        [
            HeadingKind::Doc,
            HeadingKind::Doc,
            HeadingKind::Doc,
            HeadingKind::Part
        ]
    );
}

#[test]
fn the_end_is_a_full_screen_and_scrolling_past_it_changes_nothing() {
    let mut app = sample_app(100, 30);
    app.update(Action::Bottom);
    let bottom = app.top;
    assert!(!app.update(Action::Scroll(1)));
    assert!(!app.update(Action::Pages(1)));
    assert_eq!(app.top, bottom);
    assert_eq!(app.view.reader.len(), 29, "the last screen is full");
    app.update(Action::Top);
    assert!(!app.update(Action::Scroll(-1)));
}

#[test]
fn resizing_keeps_the_text_at_the_top() {
    let mut app = sample_app(120, 40);
    app.update(Action::Pages(40));
    let before = app.top.paragraph;
    let first_chars: String = app.view.reader[0].text.chars().take(4).collect();
    app.update(Action::Resize(50, 20));
    assert_eq!(app.top.paragraph, before);
    let text = &app.document.paragraphs[before].text;
    let row = &app.view.reader[0];
    let from_row: String = text.chars().skip(row.first_char).collect();
    assert!(from_row.contains(&first_chars) || row.text.is_empty());
}

#[test]
fn the_outline_follows_the_reading_position() {
    let mut app = sample_app(120, 40);
    for _ in 0..3 {
        app.update(Action::Document(1));
    }
    for _ in 0..60 {
        app.update(Action::Heading(1));
    }
    let current = app.view.current.expect("a section");
    let row = app
        .view
        .tree
        .iter()
        .find(|r| r.id == current)
        .expect("current heading shown");
    assert!(row.selected && row.current);
}

#[test]
fn the_outline_cursor_moves_the_reader_and_folds() {
    let mut app = sample_app(120, 40);
    app.update(Action::SwitchFocus);
    assert_eq!(app.focus, Focus::Outline);
    app.update(Action::OutlineMove(2));
    let selected = app
        .view
        .tree
        .iter()
        .find(|r| r.selected)
        .expect("cursor")
        .id;
    assert_eq!(
        app.top.paragraph,
        app.document.outline.get(selected).paragraph
    );
    let shown = app.view.tree.len();
    app.update(Action::Collapse);
    app.update(Action::Collapse);
    assert!(
        app.view.tree.iter().any(|r| r.expanded == Some(false)) || app.view.tree.len() <= shown
    );
}

#[test]
fn a_narrow_terminal_hides_the_outline_until_asked() {
    let mut app = sample_app(60, 20);
    assert_eq!(app.geometry().outline_width, 0);
    app.update(Action::SwitchFocus);
    assert_eq!(app.focus, Focus::Reader, "nothing to focus");
    app.update(Action::ToggleOutline);
    assert!(app.geometry().outline_width > 0);
    app.update(Action::ToggleOutline);
    assert_eq!(app.geometry().outline_width, 0);
}

#[test]
fn a_click_on_an_outline_row_selects_it() {
    let mut app = sample_app(120, 40);
    let target = app.view.tree[3].id;
    app.update(Action::Click { column: 5, row: 3 });
    assert_eq!(app.focus, Focus::Outline);
    assert_eq!(
        app.top.paragraph,
        app.document.outline.get(target).paragraph
    );
}

#[test]
fn help_opens_and_any_key_or_escape_closes_it() {
    let mut app = sample_app(80, 24);
    app.update(Action::ToggleHelp);
    assert!(app.help);
    app.update(Action::Dismiss);
    assert!(!app.help);
}

#[test]
fn several_files_read_as_one_with_a_heading_each() {
    let packet = gangmu::build(include_str!("fixtures/packet.txt"));
    let news = gangmu::build(include_str!("fixtures/news.txt"));
    let (packet_headings, news_headings) =
        (packet.outline.headings.len(), news.outline.headings.len());
    let combined = gangmu::Document::combine(vec![
        ("packet.txt".into(), packet),
        ("news.txt".into(), news),
    ]);
    let tops: Vec<&str> = combined
        .outline
        .children(None)
        .map(|id| combined.outline.get(id).title.as_str())
        .collect();
    assert_eq!(tops, ["packet.txt", "news.txt"]);
    assert_eq!(
        combined.outline.headings.len(),
        packet_headings + news_headings + 2
    );
    for heading in &combined.outline.headings {
        let paragraph = &combined.paragraphs[heading.paragraph];
        assert!(
            paragraph
                .text
                .contains(heading.title.trim_end_matches('。'))
                || heading.title.is_empty()
        );
        let parent_depth = heading.parent.map_or(0, |p| combined.outline.get(p).depth);
        assert_eq!(heading.depth, parent_depth + 1);
    }
    let mut app = App::new("two files".into(), combined, 120, 40);
    app.update(Action::Document(1));
    let at = app.document.paragraphs[app.top.paragraph]
        .heading
        .expect("heading");
    assert_eq!(app.document.outline.get(at).kind, HeadingKind::Doc);
}

#[test]
fn a_message_stays_until_the_next_action() {
    let mut app = sample_app(100, 30);
    app.show_message("⚠ some bytes were replaced".to_string());
    assert!(app.message.is_some());
    assert!(
        app.update(Action::Scroll(0)),
        "clearing the message changes the screen"
    );
    assert!(app.message.is_none());
}

#[test]
fn the_whole_document_replaces_its_opening_without_moving_the_reader() {
    let text = include_str!("../assets/plans-2021.txt");
    let opening = gangmu::build(gangmu::input::opening(text, 128 * 1024));
    let mut app = App::new("plans-2021.txt".into(), opening, 120, 40);
    app.update(Action::Heading(1));
    app.update(Action::Heading(1));
    let (top, title) = (app.top, top_heading_title(&app));
    app.replace_document(gangmu::build(text));
    assert_eq!(app.top, top);
    assert_eq!(top_heading_title(&app), title);
    assert_eq!(app.document.outline.headings.len(), 681);
    let current = app.view.current.expect("a section");
    assert!(app.view.tree.iter().any(|r| r.id == current && r.selected));
}

#[test]
fn an_opening_is_cut_at_a_line_end_never_inside_a_character() {
    let text = "第一行文字\n第二行文字\n第三行文字\n";
    for bytes in 0..text.len() {
        let opening = gangmu::input::opening(text, bytes);
        assert!(opening.is_empty() || text[opening.len()..].starts_with('\n') || opening == text);
    }
}

#[test]
fn the_jump_popup_previews_jumps_and_goes_back_on_escape() {
    let mut app = sample_app(120, 40);
    let start = app.top;
    app.update(Action::OpenJump);
    assert!(matches!(app.popup, Some(Popup::Jump(_))));
    for c in "szjj".chars() {
        app.update(Action::Type(c));
    }
    assert_eq!(
        top_heading_title(&app),
        "打造数字经济新优势",
        "the reader previews the best match"
    );
    app.update(Action::Select(1));
    assert_ne!(top_heading_title(&app), "打造数字经济新优势");
    app.update(Action::Dismiss);
    assert!(app.popup.is_none());
    assert_eq!(app.top, start, "Esc goes back");
    app.update(Action::OpenJump);
    for c in "第十五章".chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Erase);
    app.update(Action::Type('章'));
    app.update(Action::Accept);
    assert!(app.popup.is_none());
    assert_eq!(top_heading_title(&app), "打造数字经济新优势");
}

#[test]
fn an_open_jump_popup_is_ranked_again_when_the_whole_document_arrives() {
    let text = include_str!("../assets/plans-2021.txt");
    let opening = gangmu::build(gangmu::input::opening(text, 32 * 1024));
    let mut app = App::new("plans-2021.txt".into(), opening, 120, 40);
    app.update(Action::OpenJump);
    for c in "szjj".chars() {
        app.update(Action::Type(c));
    }
    app.replace_document(gangmu::build(text));
    let Some(Popup::Jump(jump)) = &app.popup else {
        panic!("the popup is still open");
    };
    assert_eq!(jump.query, "szjj");
    let first = app.document.outline.get(jump.hits()[0].id);
    assert_eq!(first.title, "打造数字经济新优势");
    app.update(Action::Accept);
    assert_eq!(top_heading_title(&app), "打造数字经济新优势");
}

/// Types `phrase` into the open popup.
fn type_in(app: &mut App, phrase: &str) {
    for c in phrase.chars() {
        app.update(Action::Type(c));
    }
}

/// The characters of the reader's rows that are marked as hits (current or not).
fn marked_on_screen(app: &App, current: bool) -> Vec<String> {
    app.view
        .reader
        .iter()
        .zip(&app.view.marks)
        .flat_map(|(row, marks)| {
            marks.iter().filter(move |m| m.current == current).map(|m| {
                row.text
                    .chars()
                    .skip(m.chars.start)
                    .take(m.chars.len())
                    .collect::<String>()
            })
        })
        .collect()
}

#[test]
fn searching_previews_the_first_hit_from_the_reading_position_and_enter_goes_there() {
    let mut app = sample_app(120, 40);
    let start = app.top;
    app.update(Action::OpenSearch);
    type_in(&mut app, "乡村振兴");
    let Some(Popup::Search(prompt)) = &app.popup else {
        panic!("the search popup is open");
    };
    let hits = prompt.search.as_ref().expect("a search").hits().len();
    assert!(hits > 20, "{hits} hits");
    assert_ne!(app.top, start, "the reader previews the first hit");
    assert_eq!(marked_on_screen(&app, true).concat(), "乡村振兴");
    app.update(Action::Dismiss);
    assert_eq!(app.top, start, "Esc goes back");
    assert!(app.text_search.is_none());

    app.update(Action::OpenSearch);
    type_in(&mut app, "乡村振兴");
    app.update(Action::Accept);
    assert!(app.popup.is_none());
    let search = app.text_search.as_ref().expect("the search stays");
    assert_eq!(search.current, 0);
    assert_eq!(search.count_label(search.current), format!("1/{hits}"));
    let hit = search.hits()[0];
    assert_eq!(app.top.paragraph, hit.paragraph);
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
    let count = app.text_search.as_ref().expect("found").hits().len();
    let paragraph_of = |app: &App| {
        let search = app.text_search.as_ref().expect("found");
        search.hits()[search.current].paragraph
    };
    let first = paragraph_of(&app);
    app.update(Action::NextHit(1));
    assert_eq!(app.text_search.as_ref().map(|s| s.current), Some(1));
    assert!(paragraph_of(&app) >= first);
    app.update(Action::NextHit(-1));
    app.update(Action::NextHit(-1));
    assert_eq!(
        app.text_search.as_ref().map(|s| s.current),
        Some(count - 1),
        "N from the first hit goes round to the last"
    );
    assert!(app.message.as_deref().is_some_and(|m| m.contains("末尾")));
    app.update(Action::Dismiss);
    assert!(app.text_search.is_none(), "Esc stops marking the hits");
    assert!(marked_on_screen(&app, true).is_empty());
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
    let top = app.top.paragraph;
    app.update(Action::NextHit(1));
    let search = app.text_search.as_ref().expect("found");
    let hit = search.hits()[search.current];
    assert!(hit.paragraph >= top, "{} before {top}", hit.paragraph);
    let before = search.hits()[search.current.saturating_sub(1)];
    assert!(search.current == 0 || before.paragraph <= top);
}

#[test]
fn a_phrase_not_found_is_said_and_the_reader_stays() {
    let mut app = sample_app(120, 40);
    let start = app.top;
    app.update(Action::OpenSearch);
    type_in(&mut app, "不会出现的短语");
    app.update(Action::Accept);
    assert_eq!(app.top, start);
    assert!(app.text_search.is_none());
    assert_eq!(app.message.as_deref(), Some("未找到：不会出现的短语"));
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
    let Some(Popup::Search(prompt)) = &app.popup else {
        panic!("the search popup is open");
    };
    assert_eq!(prompt.input, "数字经济");
    assert!(prompt.selected_hit().is_some());
}

#[test]
fn the_list_takes_the_arrows_after_tab() {
    use gangmu::app::Mode;
    let mut app = sample_app(120, 40);
    app.update(Action::OpenSearch);
    type_in(&mut app, "数字经济");
    assert_eq!(app.mode(), Mode::SearchPrompt);
    app.update(Action::ToggleList);
    assert_eq!(app.mode(), Mode::SearchList);
    app.update(Action::Select(1));
    let Some(Popup::Search(prompt)) = &app.popup else {
        panic!("the search popup is open");
    };
    let second = prompt.selected_hit().expect("a second hit");
    assert_eq!(
        app.top.paragraph, second.paragraph,
        "the reader previews it"
    );
    app.update(Action::Accept);
    assert_eq!(app.text_search.as_ref().map(|s| s.current), Some(1));
}

#[test]
fn a_search_is_made_again_when_the_whole_document_arrives() {
    let text = include_str!("../assets/plans-2021.txt");
    let opening = gangmu::build(gangmu::input::opening(text, 32 * 1024));
    let mut app = App::new("plans-2021.txt".into(), opening, 120, 40);
    app.update(Action::OpenSearch);
    type_in(&mut app, "乡村振兴");
    app.update(Action::Accept);
    let before = app.text_search.as_ref().expect("found").hits().len();
    app.replace_document(gangmu::build(text));
    let after = app.text_search.as_ref().expect("found").hits().len();
    assert!(
        after > before,
        "{before} hits in the opening, {after} in the whole"
    );
}

/// An app showing the opening of the sample, the whole on its way.
fn opening_app() -> (App, gangmu::Document) {
    let text = include_str!("../assets/plans-2021.txt");
    let opening = gangmu::build(gangmu::input::opening(text, 32 * 1024));
    let app = App::new("plans-2021.txt".into(), opening, 120, 40);
    (app, gangmu::build(text))
}

/// Where the reader was left deep in the sample: in 第十五章, some rows down.
fn left_in_chapter_15() -> gangmu::anchor::Anchor {
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
    app.resume_at(anchor.clone());
    app.replace_document(whole);
    assert_eq!(app.anchor_here(), anchor);
}

#[test]
fn a_resume_is_dropped_once_the_reader_has_moved() {
    let (mut app, whole) = opening_app();
    app.resume_at(left_in_chapter_15());
    app.update(Action::Scroll(3));
    let moved = app.anchor_here();
    app.replace_document(whole);
    assert_eq!(app.anchor_here(), moved);
}

#[test]
fn the_whole_document_keeps_the_row_being_read() {
    let (mut app, whole) = opening_app();
    app.update(Action::Scroll(7));
    let here = app.anchor_here();
    assert!(app.top.row > 0 || app.top.paragraph > 0);
    app.replace_document(whole);
    assert_eq!(app.anchor_here(), here);
}

#[test]
fn a_jump_popup_opened_before_the_search_keys_arrive_ranks_when_they_do() {
    let mut app = sample_app(120, 40);
    app.expect_heading_index();
    app.update(Action::OpenJump);
    type_in(&mut app, "szjj");
    let Some(Popup::Jump(jump)) = &app.popup else {
        panic!("the jump popup is open");
    };
    assert!(jump.hits().is_empty() && app.heading_index_pending());
    app.set_heading_index(gangmu::search::Index::new(&app.document.outline));
    assert!(!app.heading_index_pending());
    assert_eq!(
        top_heading_title(&app),
        "打造数字经济新优势",
        "ranked and previewed"
    );
}

/// Takes the worker's answers until no popup waits for one (at most ten seconds).
fn receive_all_answers(app: &mut App) {
    let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while app.looking_up() {
        app.receive_answers();
        assert!(std::time::Instant::now() < until, "no answer in 10 s");
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
}

/// The ids of the rows of the open jump popup.
fn jump_rows(app: &App) -> Vec<gangmu::document::HeadingId> {
    let Some(Popup::Jump(jump)) = &app.popup else {
        panic!("the jump popup is open");
    };
    jump.hits().iter().map(|hit| hit.id).collect()
}

#[test]
fn ranking_off_the_thread_shows_what_ranking_here_shows() {
    let mut here = sample_app(120, 40);
    let mut elsewhere = sample_app(120, 40);
    elsewhere.look_up_elsewhere();
    for app in [&mut here, &mut elsewhere] {
        app.update(Action::OpenJump);
    }
    receive_all_answers(&mut elsewhere);
    for c in "szjj".chars() {
        here.update(Action::Type(c));
        elsewhere.update(Action::Type(c));
        assert!(
            elsewhere.looking_up(),
            "the key is taken before the ranking"
        );
        receive_all_answers(&mut elsewhere);
        assert_eq!(jump_rows(&elsewhere), jump_rows(&here), "after {c}");
    }
    assert_eq!(top_heading_title(&elsewhere), "打造数字经济新优势");
}

#[test]
fn enter_before_the_answer_goes_where_the_answer_says() {
    let mut app = sample_app(120, 40);
    app.look_up_elsewhere();
    app.update(Action::OpenJump);
    type_in(&mut app, "szjj");
    app.update(Action::Accept);
    receive_all_answers(&mut app);
    assert!(app.popup.is_none(), "the popup closed once ranked");
    assert_eq!(top_heading_title(&app), "打造数字经济新优势");

    app.update(Action::OpenSearch);
    type_in(&mut app, "双城经济圈");
    app.update(Action::Accept);
    receive_all_answers(&mut app);
    assert!(app.popup.is_none(), "the popup closed once searched");
    let search = app.text_search.as_ref().expect("the search stays");
    assert_eq!(search.hits().len(), 36);
    assert_eq!(marked_on_screen(&app, true).concat(), "双城经济圈");
}

#[test]
fn an_answer_about_the_opening_is_not_taken_for_the_whole() {
    let (mut app, whole) = opening_app();
    app.look_up_elsewhere();
    app.update(Action::OpenSearch);
    type_in(&mut app, "乡村振兴");
    // The whole arrives before the worker has answered about the opening.
    app.replace_document(whole);
    receive_all_answers(&mut app);
    let Some(Popup::Search(prompt)) = &app.popup else {
        panic!("the search popup is open");
    };
    let mut here = sample_app(120, 40);
    here.update(Action::OpenSearch);
    type_in(&mut here, "乡村振兴");
    let Some(Popup::Search(expected)) = &here.popup else {
        panic!("the search popup is open");
    };
    let hits = |prompt: &gangmu::text_search::SearchPrompt| {
        prompt.search.as_ref().map(|s| s.hits().to_vec())
    };
    assert_eq!(hits(prompt), hits(expected));
}

#[test]
fn rows_far_down_the_list_are_put_in_order_off_the_thread_too() {
    let mut here = sample_app(120, 40);
    let mut elsewhere = sample_app(120, 40);
    elsewhere.look_up_elsewhere();
    for app in [&mut here, &mut elsewhere] {
        app.update(Action::OpenJump);
        type_in(app, "s");
    }
    receive_all_answers(&mut elsewhere);
    // `s` matches 467 headings of the sample; the list starts with 256 in order.
    assert!(jump_rows(&elsewhere).len() < 400);
    for app in [&mut here, &mut elsewhere] {
        app.update(Action::Select(400));
    }
    receive_all_answers(&mut elsewhere);
    let rows = jump_rows(&elsewhere);
    assert!(rows.len() > 400, "{} rows in order", rows.len());
    assert_eq!(rows, jump_rows(&here));
    assert_eq!(elsewhere.top, here.top, "the 401st heading previewed");

    // Enter before those rows are in order goes to the row selected once they are.
    for app in [&mut here, &mut elsewhere] {
        app.update(Action::Dismiss);
        app.update(Action::OpenJump);
        type_in(app, "s");
    }
    receive_all_answers(&mut elsewhere);
    for app in [&mut here, &mut elsewhere] {
        app.update(Action::Select(420));
        app.update(Action::Accept);
    }
    assert!(elsewhere.popup.is_some(), "waits for the rows");
    receive_all_answers(&mut elsewhere);
    assert!(elsewhere.popup.is_none());
    assert_eq!(elsewhere.top, here.top, "the 421st heading");
}
