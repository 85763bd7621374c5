//! The search popup, in the lower part of the screen so the reader above shows the
//! selected hit in its place: the phrase, the count of hits, and the hits listed
//! under the breadcrumbs of their sections, each with the text around it and the
//! phrase marked; the selected hit highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::layout::safe::visible;
use crate::layout::wrap::{display_width, truncate};
use crate::search::text::snippet;
use crate::tui::app::{Action, App, Mode};
use crate::tui::bindings::hint;
use crate::tui::search::{ListRow, SearchPrompt, TextSearch};

/// Columns a breadcrumb step without a label gets.
const BREADCRUMB_TITLE: usize = 10;
/// Columns a hit row is indented by, under its section.
const HIT_INDENT: usize = 2;

pub(super) fn draw(frame: &mut Frame, app: &App, prompt: &SearchPrompt, theme: Theme, area: Rect) {
    let width = (area.width * 9 / 10).clamp(area.width.min(20), area.width);
    let height = (area.height * 3 / 5).clamp(area.height.min(5), area.height);
    // Above the status line, which keeps showing where the reader is.
    let bottom = area.height.saturating_sub(1).max(height);
    let popup = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + bottom - height,
        width,
        height,
    );
    let inner_width = usize::from(width.saturating_sub(2));
    let rows = usize::from(height.saturating_sub(3));
    let mut lines = vec![prompt_line(prompt, theme, inner_width)];
    if let Some(search) = &prompt.search {
        let selected_row = search.row_of(prompt.selected);
        let first = selected_row.saturating_sub(rows.saturating_sub(1));
        for row in search.list_rows(first, rows) {
            lines.push(match row {
                ListRow::Section(group) => section_line(app, search, group, theme, inner_width),
                ListRow::Hit(hit) => {
                    let selected = (hit == prompt.selected, prompt.in_list);
                    hit_line(app, search, hit, selected, (theme, inner_width))
                }
            });
        }
    }
    super::draw_popup(frame, popup, "搜索", lines, theme);
}

/// `/ phrase▏` and the count of hits on the right (搜索中… while they are on
/// their way).
fn prompt_line<'a>(prompt: &SearchPrompt, theme: Theme, width: usize) -> Line<'a> {
    let cursor = if prompt.in_list { "" } else { "▏" };
    let typed = format!(" / {}{cursor}", visible(&prompt.input));
    let count = match &prompt.search {
        // The hits shown are of a phrase typed before; those of this one follow.
        _ if prompt.waiting() => "搜索中…".to_string(),
        Some(search) if search.hits().is_empty() => "未找到".to_string(),
        Some(search) => search.count_label(prompt.selected),
        None => format!(
            "{}  {}",
            hint(Mode::SearchPrompt, Action::ToggleList),
            hint(Mode::SearchPrompt, Action::History(-1))
        ),
    };
    let pad = width.saturating_sub(display_width(&typed) + display_width(&count));
    Line::from(vec![
        Span::styled(truncate(&typed, width), theme.heading(4)),
        Span::raw(" ".repeat(pad)),
        Span::styled(count, theme.separator()),
    ])
}

/// A section: the breadcrumb of its ancestors, its label and title, its count.
fn section_line<'a>(
    app: &App,
    search: &TextSearch,
    group: usize,
    theme: Theme,
    width: usize,
) -> Line<'a> {
    let group = &search.groups[group];
    let count = format!(" {}", group.count);
    let outline = &app.document.outline;
    let name = group.heading.map_or_else(
        || visible(&app.name),
        |id| crate::layout::named_under(outline, &outline.ancestors(id), id, BREADCRUMB_TITLE),
    );
    let name = truncate(&name, width.saturating_sub(display_width(&count)));
    let pad = width.saturating_sub(display_width(&name) + display_width(&count));
    Line::from(vec![
        Span::styled(name, theme.heading(3)),
        Span::raw(" ".repeat(pad)),
        Span::styled(count, theme.separator()),
    ])
}

/// A hit: the text around it, the phrase marked; highlighted when `selected.0`,
/// more strongly while the list has the keys (`selected.1`).
fn hit_line<'a>(
    app: &App,
    search: &TextSearch,
    index: usize,
    selected: (bool, bool),
    (theme, width): (Theme, usize),
) -> Line<'a> {
    let hit = &search.hits()[index];
    let text = &app.document.paragraphs[hit.paragraph].text;
    let room = width.saturating_sub(HIT_INDENT);
    // About a third of the row before the hit (Chinese characters are two columns).
    let (around, found) = snippet(text, hit, (room / 6, room));
    let base = if selected.0 {
        theme.tree_cursor(selected.1)
    } else {
        theme.body()
    };
    let mut spans = vec![Span::styled(" ".repeat(HIT_INDENT), base)];
    let style = super::marking(base, theme.search_hit(false), std::slice::from_ref(&found));
    let (marked, used) = super::styled_spans(&around, style, room);
    spans.extend(marked);
    spans.push(Span::styled(" ".repeat(room.saturating_sub(used)), base));
    Line::from(spans)
}
