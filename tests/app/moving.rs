//! Moving through the text and the outline, resizing, several files, messages.

use super::*;

#[test]
fn next_and_previous_heading_move_between_headings() {
    let mut app = sample_app(120, 40);
    assert!(app.update(Action::Heading(1)));
    assert_eq!(app.top().row, 0);
    assert_eq!(
        app.document().paragraphs[app.top().paragraph].kind,
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
        let id = app.document().paragraphs[app.top().paragraph]
            .heading
            .expect("heading");
        kinds.push(app.document().outline.get(id).kind);
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
    let bottom = app.top();
    assert!(!app.update(Action::Scroll(1)));
    assert!(!app.update(Action::Pages(1)));
    assert_eq!(app.top(), bottom);
    assert_eq!(app.view().reader.len(), 29, "the last screen is full");
    app.update(Action::Top);
    assert!(!app.update(Action::Scroll(-1)));
}

#[test]
fn resizing_keeps_the_text_at_the_top() {
    let mut app = sample_app(120, 40);
    app.update(Action::Pages(40));
    let before = app.top().paragraph;
    let first_chars: String = app.view().reader[0].text.chars().take(4).collect();
    app.update(Action::Resize(50, 20));
    assert_eq!(app.top().paragraph, before);
    let text = &app.document().paragraphs[before].text;
    let row = &app.view().reader[0];
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
    let current = app.view().current.expect("a section");
    let row = app
        .view()
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
    assert_eq!(app.focus(), Focus::Outline);
    app.update(Action::OutlineMove(2));
    let selected = app
        .view()
        .tree
        .iter()
        .find(|r| r.selected)
        .expect("cursor")
        .id;
    assert_eq!(
        app.top().paragraph,
        app.document().outline.get(selected).paragraph
    );
    let shown = app.view().tree.len();
    app.update(Action::Collapse);
    app.update(Action::Collapse);
    assert!(
        app.view().tree.iter().any(|r| r.expanded == Some(false)) || app.view().tree.len() <= shown
    );
}

#[test]
fn a_narrow_terminal_hides_the_outline_until_asked() {
    let mut app = sample_app(60, 20);
    assert_eq!(app.geometry().outline_width, 0);
    app.update(Action::SwitchFocus);
    assert_eq!(app.focus(), Focus::Reader, "nothing to focus");
    app.update(Action::ToggleOutline);
    assert!(app.geometry().outline_width > 0);
    app.update(Action::ToggleOutline);
    assert_eq!(app.geometry().outline_width, 0);
}

#[test]
fn a_click_on_an_outline_row_selects_it() {
    let mut app = sample_app(120, 40);
    let target = app.view().tree[3].id;
    app.update(Action::Click { column: 5, row: 3 });
    assert_eq!(app.focus(), Focus::Outline);
    assert_eq!(
        app.top().paragraph,
        app.document().outline.get(target).paragraph
    );
}

#[test]
fn help_opens_and_any_key_or_escape_closes_it() {
    let mut app = sample_app(80, 24);
    app.update(Action::ToggleHelp);
    assert!(app.help_shown());
    app.update(Action::Dismiss);
    assert!(!app.help_shown());
}

#[test]
fn several_files_read_as_one_with_a_heading_each() {
    let packet = gangmu::build(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/packet.txt"
    )));
    let news = gangmu::build(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/news.txt"
    )));
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
        // Titles lose their letter spacing (`总　　则` is 总则); an attachment
        // label alone on its line has its title in the paragraph after it.
        let unspaced = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let title = unspaced(heading.title.trim_end_matches('。'));
        let shown = |k: usize| {
            combined
                .paragraphs
                .get(k)
                .is_some_and(|p| unspaced(&p.text).contains(&title))
        };
        let label_alone = combined.paragraphs[heading.paragraph].text == heading.label;
        assert!(
            shown(heading.paragraph)
                || (label_alone && shown(heading.paragraph + 1))
                || heading.title.is_empty(),
            "{heading:?}"
        );
        let parent_depth = heading.parent.map_or(0, |p| combined.outline.get(p).depth);
        assert_eq!(heading.depth, parent_depth + 1);
    }
    let mut app = App::new("two files".into(), combined, 120, 40);
    app.update(Action::Document(1));
    let at = app.document().paragraphs[app.top().paragraph]
        .heading
        .expect("heading");
    assert_eq!(app.document().outline.get(at).kind, HeadingKind::Doc);
}

#[test]
fn a_message_stays_until_the_next_action() {
    let mut app = sample_app(100, 30);
    app.update(Msg::Notice("⚠ some bytes were replaced".to_string()));
    assert!(app.message().is_some());
    assert!(
        app.update(Action::Scroll(0)),
        "clearing the message changes the screen"
    );
    assert!(app.message().is_none());
}

#[test]
fn the_whole_document_replaces_its_opening_without_moving_the_reader() {
    let text = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/plans-2021.txt"
    ));
    let opening = gangmu::build(gangmu::parse::input::opening(text, 128 * 1024));
    let mut app = App::new("plans-2021.txt".into(), opening, 120, 40);
    app.update(Action::Heading(1));
    app.update(Action::Heading(1));
    let (top, title) = (app.top(), top_heading_title(&app));
    app.update(whole_arrives(&app, gangmu::build(text)));
    assert_eq!(app.top(), top);
    assert_eq!(top_heading_title(&app), title);
    assert_eq!(app.document().outline.headings.len(), 681);
    let current = app.view().current.expect("a section");
    assert!(
        app.view()
            .tree
            .iter()
            .any(|r| r.id == current && r.selected)
    );
}

#[test]
fn an_opening_is_cut_at_a_line_end_never_inside_a_character() {
    let text = "第一行文字\n第二行文字\n第三行文字\n";
    for bytes in 0..text.len() {
        let opening = gangmu::parse::input::opening(text, bytes);
        assert!(text.is_char_boundary(opening.len()));
        let at_line_end = opening == text || text[opening.len()..].starts_with('\n');
        // Else the line ran on for `bytes` more: it is cut near `bytes`.
        let line_runs_on = !text.as_bytes()[bytes..(2 * bytes).min(text.len())].contains(&b'\n');
        assert!(
            at_line_end || (line_runs_on && opening.len() + 3 > bytes),
            "{bytes}"
        );
    }
}

#[test]
fn a_file_saved_as_one_long_line_opens_with_a_short_opening() {
    let text = "数字经济发展，".repeat(100_000);
    let opening = gangmu::parse::input::opening(&text, gangmu::parse::input::OPENING_BYTES);
    assert!(
        opening.len() <= gangmu::parse::input::OPENING_BYTES
            && opening.len() > gangmu::parse::input::OPENING_BYTES - 3
    );
    assert!(text.starts_with(opening));
}

#[test]
fn an_empty_document_is_read_moved_through_and_left_without_a_panic() {
    for text in ["", "\n\n  \n"] {
        let mut app = App::new("empty.txt".into(), gangmu::build(text), 80, 24);
        for action in [
            Action::Scroll(1),
            Action::Pages(1),
            Action::Bottom,
            Action::Count(3),
            Action::Line(5),
            Action::Percent(Some(50)),
            Action::Jumps(-1),
            Action::Jumps(1),
            Action::Return,
            Action::Heading(1),
            Action::Copy,
            Action::AddBookmark,
            Action::Accept,
            Action::ToggleRead,
            Action::OpenJump,
            Action::Dismiss,
            Action::Quit,
        ] {
            app.update(action);
        }
        assert!(app.quitting());
        assert!(app.record().position.is_some(), "the place is kept");
    }
}

#[test]
fn at_the_end_the_status_names_the_last_section_on_screen_at_100_percent() {
    let mut app = sample_app(80, 24);
    app.update(Action::Bottom);
    assert_eq!(app.percent(), 100);
    let last = app.document().paragraphs.len() - 1;
    let last_section = app.document().paragraphs[last].heading;
    assert_eq!(app.view().current, last_section, "the last section visible");
    assert_eq!(app.breadcrumb().last().copied(), last_section);
    app.update(Action::Scroll(-30));
    assert!(app.percent() < 100, "away from the end");
}
