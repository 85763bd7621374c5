//! The compare view's text pane: the rows laid out by `rows`, in one column
//! centred at the text measure, or in two (old │ new) that scroll together;
//! headings styled by depth, removed text struck through and added text marked
//! in the theme's colours (bracketed in the text when there are none).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::CompareView;
use super::rows::{Ink, Row, Seg, SideText, side_text, sides};
use crate::layout::wrap::display_width;
use crate::tui::theme::Theme;

pub(super) fn draw(frame: &mut Frame, view: &CompareView, theme: Theme, area: Rect) {
    let width = usize::from(area.width);
    let rows = view
        .laid
        .rows
        .iter()
        .skip(view.top)
        .take(usize::from(area.height));
    let mut texts = Texts::of(view);
    let lines: Vec<Line> = if view.side_by_side() {
        let column = width.saturating_sub(3) / 2;
        rows.map(|row| two_columns(&mut texts, row, column, theme))
            .collect()
    } else {
        let measure = width
            .saturating_sub(2)
            .clamp(1, usize::from(super::MEASURE));
        let margin = " ".repeat((width - measure.min(width)) / 2);
        rows.map(|row| {
            let mut spans = vec![Span::raw(margin.clone())];
            spans.extend(column_spans(&mut texts, row, 0, theme));
            Line::from(spans)
        })
        .collect()
    };
    frame.render_widget(Paragraph::new(lines), area);
}

/// The text of the blocks on screen, each side made once for the frame.
struct Texts<'v> {
    view: &'v CompareView,
    /// For each column, the block whose text was made last, and that text.
    last: [Option<(usize, SideText)>; 2],
}

impl<'v> Texts<'v> {
    fn of(view: &'v CompareView) -> Self {
        Self {
            view,
            last: [None, None],
        }
    }

    /// The runs of `row`'s column `index`.
    fn segs(&mut self, row: &Row, index: usize) -> Vec<Seg> {
        let (Some(range), Some(&side), Some(block)) = (
            row.columns.get(index),
            sides(self.view.side_by_side()).get(index),
            self.view.along.blocks.get(row.block),
        ) else {
            return Vec::new();
        };
        let Some(last) = self.last.get_mut(index) else {
            return Vec::new();
        };
        if range.is_empty() {
            return Vec::new();
        }
        if !matches!(last, Some((made, _)) if *made == row.block) {
            *last = Some((row.block, side_text(block, side, self.view.brackets)));
        }
        last.as_ref()
            .map(|(_, text)| text.segs(range.clone()))
            .unwrap_or_default()
    }
}

/// A row of two columns, the old one padded to `column` and a separator.
fn two_columns(texts: &mut Texts, row: &Row, column: usize, theme: Theme) -> Line<'static> {
    let mut spans = column_spans(texts, row, 0, theme);
    let used: usize = spans.iter().map(|s| display_width(&s.content)).sum();
    spans.push(Span::raw(" ".repeat(column.saturating_sub(used) + 1)));
    spans.push(Span::styled("│ ", theme.separator()));
    spans.extend(column_spans(texts, row, 1, theme));
    Line::from(spans)
}

/// The spans of a row's column `index`.
fn column_spans(texts: &mut Texts, row: &Row, index: usize, theme: Theme) -> Vec<Span<'static>> {
    let base = row.heading.map_or(theme.body(), |depth| {
        theme.heading(u8::try_from(depth).unwrap_or(u8::MAX))
    });
    texts
        .segs(row, index)
        .into_iter()
        .map(|seg| {
            let style = style_of(&seg, base, theme);
            Span::styled(seg.text, style)
        })
        .collect()
}

fn style_of(seg: &Seg, base: Style, theme: Theme) -> Style {
    match seg.ink {
        Ink::Same => base,
        Ink::Added => base.patch(theme.added()),
        Ink::Removed => base.patch(theme.removed()),
    }
}
