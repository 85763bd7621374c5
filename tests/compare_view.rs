//! The compare view of `gangmu diff`, drawn with ratatui's `TestBackend` and
//! kept as insta snapshots (coloured on the dark palette, and plain as under
//! `NO_COLOR`, at 120×40 and 80×24), and its state: `]c` / `[c` through the
//! changes in the order they show, the side-by-side toggle. The versions are
//! a shortened 2024 work report and a hand-edited copy of it.

use gangmu::compare::along::Along;
use gangmu::compare::{Change, Piece};
use gangmu::tui::action::Action;
use gangmu::tui::compare::{CompareView, draw};
use gangmu::tui::theme::{Palette, Theme};
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

const REPORT: &str = include_str!("fixtures/gwr-2024-short.txt");

/// `text` with `from` (found once) replaced by `to`.
fn edited(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "{from} once");
    text.replacen(from, to, 1)
}

/// The report with a sentence changed, one added, one removed, a heading's
/// title changed and its last section taken out.
fn second_version() -> String {
    let text = edited(
        REPORT,
        "保持工业经济平稳运行。",
        "保持工业经济平稳较快运行。",
    );
    let text = edited(
        &text,
        "请予审议，并请全国政协委员提出意见。",
        "请予审议，并请全国政协委员提出意见。这是新加的一句。",
    );
    let text = edited(
        &text,
        "城镇新增就业1244万人，城镇调查失业率平均为5.2%。",
        "",
    );
    let text = edited(&text, "一、2023年工作回顾", "一、2023年工作回顾与总结");
    let end = text.find("\n（十）").expect("the last section") + 1;
    text[..end].to_string()
}

fn along() -> Along {
    gangmu::output::diff::along(REPORT, &second_version())
}

fn view(width: u16, height: u16, brackets: bool) -> CompareView {
    let names = ("old.txt".to_string(), "new.txt".to_string());
    CompareView::new(names, along(), (width, height), brackets)
}

/// The screen as text, one row a line, a wide character standing for its two
/// cells; every row is checked to be exactly `width` cells.
fn screen(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let area = buffer.area;
    let mut rows = Vec::new();
    for y in 0..area.height {
        let mut row = String::new();
        let mut x = 0;
        while x < area.width {
            let symbol = buffer[(x, y)].symbol();
            let cells = unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
            row.push_str(symbol);
            x += cells;
        }
        assert_eq!(x, area.width, "row {y} overflows: {row:?}");
        rows.push(row);
    }
    rows.join("\n")
}

fn drawn(view: &CompareView, theme: Theme) -> Terminal<TestBackend> {
    let (width, height) = view.size();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| draw(frame, view, theme))
        .expect("draws");
    terminal
}

/// Where `needle` starts in the text pane (right of the outline): its row and
/// column (cells).
fn find_on(terminal: &Terminal<TestBackend>, needle: &str) -> Option<(u16, u16)> {
    let buffer = terminal.backend().buffer();
    let first = needle.chars().next()?.to_string();
    let area = buffer.area;
    let outline = (area.width / 3).clamp(16, 44);
    (0..area.height)
        .flat_map(|y| (outline..area.width).map(move |x| (x, y)))
        .find(|&(x, y)| {
            let mut at = x;
            needle.chars().all(|c| {
                let ok = at < area.width && buffer[(at, y)].symbol() == c.to_string();
                at += unicode_width::UnicodeWidthChar::width(c)
                    .unwrap_or(1)
                    .max(1) as u16;
                ok
            }) && buffer[(x, y)].symbol() == first
        })
        .map(|(x, y)| (y, x))
}

#[test]
fn the_view_at_120_by_40_on_the_dark_palette() {
    let view = view(120, 40, false);
    let terminal = drawn(&view, Theme::coloured(Palette::Dark));
    assert_snapshot!(screen(&terminal));
    let buffer = terminal.backend().buffer();
    // The added sentence and the words added to a title are on green.
    let (row, column) = find_on(&terminal, "是新加的一句").expect("the added sentence");
    assert_eq!(buffer[(column, row)].bg, Color::LightGreen);
    let (row, column) = find_on(&terminal, "与总结").expect("the changed title");
    assert_eq!(buffer[(column, row)].bg, Color::LightGreen);
    assert!(
        !screen(&terminal).contains("{+"),
        "no brackets with colours"
    );
}

#[test]
fn removed_text_is_struck_through_on_red() {
    let mut view = view(120, 40, false);
    while view
        .current_change()
        .is_none_or(|c| !matches!(view.along().changes[c], Change::Removed { .. }))
    {
        assert!(
            view.update(Action::NextChange(1)),
            "a removed sentence ahead"
        );
    }
    let terminal = drawn(&view, Theme::coloured(Palette::Dark));
    let (row, column) = find_on(&terminal, "城镇新增就业1244万人").expect("the removed sentence");
    let cell = &terminal.backend().buffer()[(column, row)];
    assert_eq!(cell.bg, Color::LightRed);
    assert!(cell.modifier.contains(Modifier::CROSSED_OUT));
}

#[test]
fn the_view_at_120_by_40_without_colours() {
    let view = view(120, 40, true);
    let text = screen(&drawn(&view, Theme::plain()));
    assert!(text.contains("{+这是新加的一句。+}"), "{text}");
    assert!(text.contains("工作回顾{+与总结+}"), "{text}");
    assert_snapshot!(text);
}

#[test]
fn the_view_at_80_by_24_on_the_dark_palette() {
    let view = view(80, 24, false);
    assert_snapshot!(screen(&drawn(&view, Theme::coloured(Palette::Dark))));
}

#[test]
fn the_view_at_80_by_24_without_colours() {
    let mut view = view(80, 24, true);
    view.update(Action::ChangeBracket(1));
    view.update(Action::NextChange(1));
    view.update(Action::ChangeBracket(1));
    view.update(Action::NextChange(1));
    let text = screen(&drawn(&view, Theme::plain()));
    assert!(text.contains("改动 2/"), "{text}");
    assert_snapshot!(text);
}

#[test]
fn the_outline_marks_the_removed_section_and_counts_changed_sentences() {
    let view = view(120, 40, true);
    let mut view = view;
    view.update(Action::Bottom);
    let text = screen(&drawn(&view, Theme::plain()));
    let removed = text
        .lines()
        .find(|line| line.contains("（十）"))
        .expect("the removed section has a row");
    assert!(removed.trim_start().starts_with('−'), "{removed}");
    assert!(text.contains("[-（十）"), "struck in the text: {text}");
}

#[test]
fn side_by_side_shows_old_and_new_and_scrolls_them_together() {
    let mut view = view(120, 40, true);
    assert!(view.update(Action::SideBySide));
    assert!(view.side_by_side());
    let text = screen(&drawn(&view, Theme::plain()));
    let title = text
        .lines()
        .find(|line| line.contains("工作回顾"))
        .expect("the changed heading");
    // Old on the left, new on the right, on one row.
    let (left, right) = title.split_once('│').expect("two columns");
    assert!(
        left.contains("工作回顾") && !left.contains("与总结"),
        "{title}"
    );
    assert!(right.contains("工作回顾{+与总结+}"), "{title}");
    assert_snapshot!(text);
    let before = screen(&drawn(&view, Theme::plain()));
    view.update(Action::Scroll(5));
    let after = screen(&drawn(&view, Theme::plain()));
    let rows_before: Vec<&str> = before.lines().collect();
    let rows_after: Vec<&str> = after.lines().collect();
    // Both columns moved by the same five rows.
    assert_eq!(rows_after[0], rows_before[5]);
    assert!(view.update(Action::SideBySide));
    assert!(!view.side_by_side());
}

#[test]
fn side_by_side_on_a_narrow_terminal_says_why_not() {
    let mut view = view(100, 30, true);
    assert!(view.update(Action::SideBySide));
    assert!(!view.side_by_side());
    let text = screen(&drawn(&view, Theme::plain()));
    let status = text.lines().last().expect("a status row");
    assert!(status.contains("120"), "{status}");
    assert!(status.contains("100"), "{status}");
}

#[test]
fn a_wide_view_narrowed_leaves_side_by_side() {
    let mut view = view(120, 40, true);
    view.update(Action::SideBySide);
    view.update(Action::Resize(100, 40));
    assert!(!view.side_by_side());
}

#[test]
fn next_and_previous_change_go_through_every_change_in_screen_order() {
    let mut view = view(80, 24, true);
    let total = view.change_count().1;
    assert_eq!(total, view.along().changes.len());
    assert!(total >= 5, "{total}");
    let mut seen = Vec::new();
    let mut tops = Vec::new();
    for _ in 0..total {
        view.update(Action::ChangeBracket(1));
        view.update(Action::NextChange(1));
        seen.push(view.current_change().expect("at a change"));
        tops.push(view.top());
        assert_eq!(view.change_count().0, seen.len());
    }
    let mut sorted = seen.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), total, "each change once: {seen:?}");
    assert!(tops.windows(2).all(|w| w[0] <= w[1]), "downwards: {tops:?}");
    // Past the last, ]c stays and says so.
    view.update(Action::NextChange(1));
    assert_eq!(view.current_change(), seen.last().copied());
    // [c comes back through them in the reverse order.
    let mut back = Vec::new();
    for _ in 1..total {
        view.update(Action::NextChange(-1));
        back.push(view.current_change().expect("at a change"));
    }
    let mut expected: Vec<usize> = seen[..total - 1].to_vec();
    expected.reverse();
    assert_eq!(back, expected);
}

#[test]
fn c_goes_to_a_change_only_after_a_bracket() {
    use ratatui_crossterm::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let key = |c: char| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    let mut view = view(80, 24, true);
    view.update(Action::Scroll(1));
    view.update(Action::Top);
    view.input(&key('c'));
    assert_eq!(view.current_change(), None, "c alone does nothing");
    view.input(&key(']'));
    view.input(&key('x'));
    view.input(&key('c'));
    assert_eq!(view.current_change(), None, "another key drops the bracket");
    view.input(&key(']'));
    view.input(&key('c'));
    assert!(view.current_change().is_some());
    view.input(&key('q'));
    assert!(view.quitting());
}

/// H (or F1, or ?) shows the compare view's own keys from the bindings table;
/// j scrolls it where it does not fit, Esc closes it, and keys then move the
/// text again.
#[test]
fn h_shows_the_compare_keys_and_esc_closes_them() {
    use ratatui_crossterm::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let key = |code: KeyCode| Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    let mut view = view(80, 24, true);
    assert!(view.input(&key(KeyCode::Char('H'))));
    let plain = Theme::plain();
    let shown = screen(&drawn(&view, plain));
    for says in [
        "]c",
        "下一处改动",
        "[c",
        "上一处改动",
        "并排显示旧版",
        "退出",
    ] {
        assert!(shown.contains(says), "{says} missing:\n{shown}");
    }
    assert_snapshot!(shown);
    let top = view.top();
    view.input(&key(KeyCode::Char('j')));
    assert_eq!(view.top(), top, "j scrolls the help, not the text");
    assert!(view.input(&key(KeyCode::Esc)));
    assert!(!screen(&drawn(&view, plain)).contains("并排显示旧版"));
    view.input(&key(KeyCode::Char('j')));
    assert_eq!(view.top(), top + 1, "j moves the text again");
}

/// A sentence added after a copy of itself in the same paragraph is marked
/// where it stands, not at the first copy.
#[test]
fn a_sentence_added_after_its_own_copy_is_marked_where_it_stands() {
    let sentence = "现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。";
    let twice = edited(REPORT, sentence, &sentence.repeat(2));
    let along = gangmu::output::diff::along(REPORT, &twice);
    assert_eq!(along.changes.len(), 1, "{:?}", along.changes);
    let block = &along.blocks[along.block_of[0]];
    assert_eq!(
        block.pieces,
        [
            Piece::Same(sentence.to_string()),
            Piece::Added(sentence.to_string())
        ]
    );
}

#[test]
fn the_first_screen_is_the_same_drawn_before_the_rows_below_it_are_laid_out() {
    for (width, height) in [(120, 40), (80, 24), (60, 12)] {
        let mut drawn_first = view(width, height, false);
        let first = screen(&drawn(&drawn_first, Theme::plain()));
        drawn_first.lay_rest();
        assert_eq!(screen(&drawn(&drawn_first, Theme::plain())), first);
        // A key lays the rest out before it acts: the end is the true end.
        let mut pressed = view(width, height, false);
        pressed.update(Action::Bottom);
        drawn_first.update(Action::Bottom);
        assert_eq!(pressed.top(), drawn_first.top());
        assert_eq!(pressed.percent(), 100);
        assert_eq!(
            screen(&drawn(&pressed, Theme::plain())),
            screen(&drawn(&drawn_first, Theme::plain()))
        );
    }
}
