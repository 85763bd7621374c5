//! The jump popup: the query, the count of headings found, and the list, each row
//! a heading's label and title with the matched characters marked and a dimmed
//! breadcrumb; the selected row highlighted. Drawn over a cleared box.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::document::{HeadingId, Outline};
use crate::layout::safe::visible_char;
use crate::layout::wrap::{display_width, truncate};
use crate::tui::app::App;
use crate::tui::jump::Jump;

/// Columns a breadcrumb step without a label gets.
const BREADCRUMB_TITLE: usize = 10;

pub(super) fn draw(frame: &mut Frame, app: &App, jump: &Jump, theme: Theme, area: Rect) {
    let width = (area.width * 4 / 5).clamp(area.width.min(20), area.width);
    let height = (area.height * 3 / 4).clamp(area.height.min(5), area.height);
    let popup = super::centred(area, width, height);
    let inner_width = usize::from(width.saturating_sub(2));
    let rows = usize::from(height.saturating_sub(3));
    // `…` while the list shown is of a query typed before, this one's on its way.
    let waiting = if app.looking_up() { "… " } else { "" };
    let count = format!(
        "{waiting}{}/{}",
        jump.count().min(jump.selected + 1),
        jump.count()
    );
    let prompt = format!(
        " › {}▏",
        jump.query.chars().map(visible_char).collect::<String>()
    );
    let pad = inner_width.saturating_sub(display_width(&prompt) + display_width(&count));
    let mut lines = vec![Line::from(vec![
        Span::styled(truncate(&prompt, inner_width), theme.heading(4)),
        Span::raw(" ".repeat(pad)),
        Span::styled(count, theme.separator()),
    ])];
    let first = jump.selected.saturating_sub(rows.saturating_sub(1));
    for (index, hit) in jump.hits().iter().enumerate().skip(first).take(rows) {
        let selected = index == jump.selected;
        lines.push(hit_line(
            &app.document.outline,
            hit.id,
            &app.jump_matched(hit.id),
            selected,
            theme,
            inner_width,
        ));
    }
    if app.heading_index_pending() {
        lines.push(Line::styled(" 正在准备标题索引……", theme.separator()));
    }
    super::draw_popup(frame, popup, "跳转", lines, theme);
}

/// One heading: label and title with matched characters marked, then its breadcrumb.
fn hit_line<'a>(
    outline: &Outline,
    id: HeadingId,
    matched: &[usize],
    selected: bool,
    theme: Theme,
    width: usize,
) -> Line<'a> {
    let heading = outline.get(id);
    let base = if selected {
        theme.tree_cursor(true)
    } else {
        theme.body()
    };
    let marked: Vec<Range<usize>> = matched.iter().map(|&i| i..i + 1).collect();
    let style = super::marking(base, theme.heading(1), &marked);
    let (mut spans, mut used) = super::styled_spans(&heading.display(), style, width);
    let crumbs = crate::layout::breadcrumb(outline, &outline.ancestors(id), BREADCRUMB_TITLE);
    if !crumbs.is_empty() && used + 4 < width {
        let crumbs = truncate(&format!("  {crumbs}"), width - used);
        used += display_width(&crumbs);
        spans.push(Span::styled(crumbs, base.patch(theme.separator())));
    }
    spans.push(Span::styled(" ".repeat(width.saturating_sub(used)), base));
    Line::from(spans)
}
