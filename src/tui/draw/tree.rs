//! The outline pane: the visible headings, indented by depth, open/closed marks,
//! labels aligned, long titles cut with `…`; the section being read in bold, the
//! cursor highlighted; in the first column ✓ for what is read and ◐ for what is
//! partly read, the percent read of parts, documents, 篇 and 章 on the right, a
//! star in the last column on headings with a bookmark below; a separator on
//! the right.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::theme::Theme;
use std::collections::HashMap;

use crate::document::HeadingId;
use crate::layout::safe::visible;
use crate::layout::wrap::{display_width, truncate};
use crate::study::progress::State;
use crate::tui::action::Focus;
use crate::tui::app::{App, TreeRow};

pub(super) fn draw(frame: &mut Frame, app: &App, theme: Theme, area: Rect) {
    let width = usize::from(area.width.saturating_sub(1));
    let rows = &app.view.tree[..app.view.tree.len().min(usize::from(area.height))];
    // Labels of siblings on screen take the same width, so their titles line up;
    // no wider than a third of the pane, so that one long label leaves the
    // titles room (it pushes its own title on instead).
    let most = width / 3;
    let mut label_widths: HashMap<Option<HeadingId>, usize> = HashMap::new();
    for row in rows {
        let heading = app.document.outline.get(row.id);
        let width = label_widths.entry(heading.parent).or_default();
        *width = (*width).max(display_width(&heading.label).min(most));
    }
    let star = rows.iter().any(|row| row.bookmarked);
    let lines: Vec<Line> = rows
        .iter()
        .map(|row| {
            let parent = app.document.outline.get(row.id).parent;
            let columns = Columns {
                pane: width,
                label: label_widths[&parent],
                star,
            };
            tree_line(app, theme, row, columns)
        })
        .collect();
    let text_area = Rect::new(area.x, area.y, area.width.saturating_sub(1), area.height);
    super::put_lines(frame, text_area, &lines);
    let separator: Vec<Line> = (0..area.height)
        .map(|_| Line::styled("│", theme.separator()))
        .collect();
    let separator_area = Rect::new(
        area.x + area.width.saturating_sub(1),
        area.y,
        1,
        area.height,
    );
    super::put_lines(frame, separator_area, &separator);
}

/// The widths a row of the outline is fitted to.
#[derive(Clone, Copy)]
struct Columns {
    /// The pane's, less its separator.
    pane: usize,
    /// The labels' of the row's siblings on screen.
    label: usize,
    /// Whether a row on screen has a star: then every row keeps a column for one,
    /// so that the percents line up.
    star: bool,
}

fn tree_line<'a>(app: &App, theme: Theme, row: &TreeRow, columns: Columns) -> Line<'a> {
    let Columns {
        pane: width,
        label: label_width,
        ..
    } = columns;
    let heading = app.document.outline.get(row.id);
    let indent = "  ".repeat(usize::from(row.depth.saturating_sub(1)));
    let mark = match row.expanded {
        Some(true) => "▾ ",
        Some(false) => "▸ ",
        None => "  ",
    };
    // The first column: the section being read, else how much is read.
    let current = match (row.current, row.read) {
        (true, _) => "›",
        (false, State::Read) => "✓",
        (false, State::Partly) => "◐",
        (false, State::Unread) => " ",
    };
    let prefix = format!("{current}{indent}{mark}");
    let label = visible(&heading.label);
    let label = format!(
        "{label}{}",
        " ".repeat(label_width.saturating_sub(display_width(&label)))
    );
    let title = visible(heading.shown_title());
    let gap = if label.is_empty() || title.is_empty() {
        ""
    } else {
        " "
    };
    // A bookmark below the heading: a star in the last column; before it, the
    // percent read of a part, document, 篇 or 章.
    let star = match (row.bookmarked, columns.star) {
        (true, _) => "★",
        (false, true) => " ",
        (false, false) => "",
    };
    let percent = row.percent.map_or(String::new(), |p| format!(" {p}%"));
    let tail = display_width(&percent) + display_width(star);
    let room = width.saturating_sub(display_width(&prefix) + tail);
    let label_shown = truncate(&label, room);
    let title_shown = truncate(
        title.as_str(),
        room.saturating_sub(display_width(&label_shown) + gap.len()),
    );
    let mut style = if row.current {
        theme.tree_current()
    } else {
        theme.body()
    };
    if row.selected {
        style = style.patch(theme.tree_cursor(app.focus == Focus::Outline));
    }
    let used = display_width(&prefix)
        + display_width(&label_shown)
        + gap.len()
        + display_width(&title_shown)
        + tail;
    Line::from(vec![
        Span::styled(prefix, style),
        Span::styled(label_shown, style.patch(theme.tree_label())),
        Span::styled(format!("{gap}{title_shown}"), style),
        Span::styled(" ".repeat(width.saturating_sub(used)), style),
        Span::styled(percent, style.patch(theme.separator())),
        Span::styled(star, style.patch(theme.bookmark())),
    ])
}
