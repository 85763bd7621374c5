//! Whole screens of the reader, drawn with ratatui's `TestBackend` and kept as insta
//! snapshots: the sample at the start, deep in a chapter, the help overlay, a
//! narrow terminal. CJK characters take two cells; the snapshots show them so.

use gangmu::tui::app::{Action, App};
use gangmu::tui::{self, theme::Theme};
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[path = "common/library.rs"]
mod library_fixture;
use library_fixture::library;

fn sample() -> gangmu::Document {
    gangmu::build(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/plans-2021.txt"
    )))
}

/// The screen as text, one row a line, a wide character standing for its two cells;
/// every row is checked to be exactly `width` cells.
fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| tui::draw(frame, app, Theme::plain()))
        .expect("draws");
    let buffer = terminal.backend().buffer();
    let mut rows = Vec::new();
    for y in 0..height {
        let mut row = String::new();
        let mut x = 0;
        while x < width {
            let symbol = buffer[(x, y)].symbol();
            let cells = unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
            row.push_str(symbol);
            x += cells;
        }
        assert_eq!(x, width, "row {y} overflows: {row:?}");
        rows.push(row);
    }
    rows.join("\n")
}

fn app(width: u16, height: u16, actions: &[Action]) -> App {
    let mut app = App::new("plans-2021.txt".to_string(), sample(), width, height);
    for &action in actions {
        app.update(action);
    }
    app
}

#[test]
fn start_at_120_by_40() {
    assert_snapshot!(screen(&app(120, 40, &[]), 120, 40));
}

#[test]
fn deep_in_a_chapter_at_80_by_24() {
    // The national plan is the third document; then into its fifteenth chapter.
    let mut actions = vec![
        Action::Document(1),
        Action::Document(1),
        Action::Document(1),
    ];
    actions.extend(std::iter::repeat_n(Action::Heading(1), 90));
    actions.push(Action::Scroll(5));
    assert_snapshot!(screen(&app(80, 24, &actions), 80, 24));
}

#[test]
fn help_overlay_at_80_by_24() {
    assert_snapshot!(screen(&app(80, 24, &[Action::ToggleHelp]), 80, 24));
}

#[test]
fn narrow_at_40_by_12_hides_the_outline() {
    assert_snapshot!(screen(&app(40, 12, &[Action::Pages(3)]), 40, 12));
}

#[test]
fn narrow_with_the_outline_asked_for() {
    assert_snapshot!(screen(&app(40, 12, &[Action::ToggleOutline]), 40, 12));
}

#[test]
fn tiny_terminals_draw_without_panicking() {
    for (width, height) in [(1, 1), (10, 3), (2, 40), (200, 2), (19, 5)] {
        let mut app = app(
            width,
            height,
            &[Action::Pages(2), Action::ToggleOutline, Action::ToggleHelp],
        );
        let text = screen(&app, width, height);
        assert!(!text.is_empty());
        app.update(Action::Resize(width + 7, height + 3));
        screen(&app, width + 7, height + 3);
    }
}

#[test]
fn the_search_popup_lists_hits_under_their_sections_at_100_by_30() {
    let mut actions = vec![Action::OpenSearch];
    actions.extend("双城经济圈".chars().map(Action::Type));
    assert_snapshot!(screen(&app(100, 30, &actions), 100, 30));
}

#[test]
fn search_hits_stay_marked_with_the_count_in_the_status_line() {
    let mut actions = vec![Action::OpenSearch];
    actions.extend("双城经济圈".chars().map(Action::Type));
    actions.extend([Action::Accept, Action::NextHit(1)]);
    let screen = screen(&app(100, 30, &actions), 100, 30);
    let status = screen.lines().last().expect("a status line");
    assert!(status.contains("/双城经济圈 hit 2/"), "{status}");
}

#[test]
fn the_bookmark_list_at_100_by_30() {
    use gangmu::study::store::record::Record;
    let mut app = app(100, 30, &[]);
    app = app.with_clock(|| 1_795_400_000_000);
    app = app.with_record(Record::new("doc"));
    for action in [
        Action::Document(1),
        Action::Document(1),
        Action::Document(1),
    ] {
        app.update(action);
    }
    app.update(Action::AddBookmark);
    for c in "考点：数字产业化".chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Accept);
    app.update(Action::Heading(1));
    app.update(Action::AddBookmark);
    app.update(Action::Accept);
    app.update(Action::OpenBookmarks);
    assert_snapshot!(screen(&app, 100, 30));
}

#[test]
fn help_in_two_columns_on_a_low_wide_terminal() {
    let screen = screen(&app(120, 16, &[Action::ToggleHelp]), 120, 16);
    assert!(screen.contains("上下滚动一行"), "{screen}");
    assert!(
        screen.contains("退出"),
        "the last key is there too:\n{screen}"
    );
}

#[test]
fn help_says_what_the_status_row_s_figures_mean() {
    let top = screen(&app(100, 40, &[Action::ToggleHelp]), 100, 40);
    assert!(top.contains("上下滚动一行"), "{top}");
    let screen = screen(
        &app(100, 40, &[Action::ToggleHelp, Action::HelpScroll(1000)]),
        100,
        40,
    );
    assert!(screen.contains("§ k/n"), "{screen}");
    assert!(screen.contains("已读 n%"), "{screen}");
}

#[test]
fn the_statistics_and_the_help_leave_the_status_row_in_view() {
    for action in [Action::OpenStats, Action::ToggleHelp] {
        let screen = screen(&app(40, 12, &[action]), 40, 12);
        let last = screen.lines().last().unwrap_or_default();
        assert!(last.contains("纲目"), "{action:?}:\n{screen}");
    }
}

#[test]
fn a_box_is_framed_on_both_sides() {
    let mut actions = vec![Action::OpenJump];
    actions.extend("专栏1".chars().map(Action::Type));
    actions.push(Action::Accept);
    let screen = screen(&app(120, 40, &actions), 120, 40);
    let rows: Vec<&str> = screen.lines().collect();
    let width_before = |row: &str, border: char| {
        let at = row.rfind(border)?;
        Some(gangmu::layout::wrap::display_width(&row[..at]))
    };
    let top = rows
        .iter()
        .position(|r| r.contains('┌'))
        .expect("a box top");
    let column = width_before(rows[top], '┐').expect("a top right corner");
    // Down to the box's bottom, or the status row if the box runs on below.
    let bottom = rows.iter().position(|r| r.contains('└'));
    for row in &rows[top + 1..bottom.unwrap_or(rows.len() - 1)] {
        // The outline's separator, the box's left border, its right border.
        assert_eq!(row.matches('│').count(), 3, "{screen}");
        assert_eq!(width_before(row, '│'), Some(column), "{screen}");
    }
    if let Some(bottom) = bottom {
        assert_eq!(width_before(rows[bottom], '┘'), Some(column), "{screen}");
    }
}

#[test]
fn while_the_whole_is_built_the_status_row_says_how_much_is_done() {
    let mut app = app(100, 30, &[]);
    app.update(gangmu::tui::msg::Msg::Loading {
        of: app.record().document.clone(),
    });
    app.update(gangmu::tui::msg::Msg::Built {
        of: app.record().document.clone(),
        percent: 37,
    });
    let screen = screen(&app, 100, 30);
    let status = screen.lines().last().expect("a status row");
    assert!(status.contains("载入中（37%）"), "{status}");
}

/// Opens the term map and counts `phrases` in it.
fn term_map(mut app: App, phrases: &str) -> App {
    app.update(Action::OpenTerms);
    for c in phrases.chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Accept);
    app
}

#[test]
fn term_map_of_a_library_has_a_bar_per_file() {
    let app = App::new("library".to_string(), library(), 100, 24);
    let app = term_map(app, "新质生产力 社会主义");
    assert_snapshot!(screen(&app, 100, 24));
}

#[test]
fn term_map_of_one_document_has_a_bar_per_chapter() {
    let mut app = term_map(app(100, 30, &[]), "数字经济");
    app.update(Action::Select(2));
    assert_snapshot!(screen(&app, 100, 30));
}

/// In a library the search's list names each file whole, with its count,
/// and lists the sections of it under it.
#[test]
fn the_search_list_of_a_library_lists_each_file_then_its_sections() {
    let mut app = App::new("library".to_string(), library(), 100, 24);
    app.update(Action::OpenSearch);
    for c in "新质生产力".chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::ToggleList);
    let shown = screen(&app, 100, 24);
    let rows: Vec<&str> = shown
        .lines()
        .filter_map(|row| row.split('│').nth(1))
        .map(str::trim_end)
        .collect();
    let files: Vec<&str> = rows
        .iter()
        .copied()
        .filter(|r| r.starts_with("gwr-"))
        .collect();
    assert_eq!(files.len(), 2, "a row a file:\n{shown}");
    assert!(
        files[0].starts_with("gwr-2024.txt") && files[0].ends_with(" 1"),
        "{shown}"
    );
    assert!(
        files[1].starts_with("gwr-2025.txt") && files[1].ends_with(" 2"),
        "{shown}"
    );
    // In the popup (the status row, under it, starts with a space).
    let sections = rows
        .iter()
        .filter(|r| !r.starts_with(' ') && r.contains(" › "))
        .count();
    assert_eq!(
        sections, 3,
        "the sections under them, without the file:\n{shown}"
    );
    assert!(!rows.iter().any(|r| r.contains("txt › ")), "{shown}");
}
