//! The reader pane: the laid-out rows at the text measure, centred, headings
//! styled by level, boxes framed on both sides, cut table rows marked, search
//! hits highlighted (the current one more strongly), bookmarked rows marked in the
//! margin.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::layout::rows::RowKind;
use crate::tui::app::{App, Mark};
use crate::tui::theme::Theme;

/// A box's top or bottom edge across the measure, between its two corners.
fn edge(corners: [char; 2], measure: u16) -> String {
    let mut edge = String::from(corners[0]);
    edge.extend(std::iter::repeat_n(
        '─',
        usize::from(measure.saturating_sub(2)),
    ));
    edge.push(corners[1]);
    edge
}

/// The spaces that bring a boxed row of `used` columns to the box's right
/// border, and the border.
fn right_border(used: usize, measure: u16) -> String {
    let inside = usize::from(measure.saturating_sub(1));
    format!("{}│", " ".repeat(inside.saturating_sub(used)))
}

pub(super) fn draw(frame: &mut Frame, app: &App, theme: Theme, area: Rect) {
    let geometry = app.geometry();
    let margin = " ".repeat(usize::from(geometry.margin));
    let lines: Vec<Line> = app
        .view
        .reader
        .iter()
        .zip(&app.view.marks)
        .zip(&app.view.gutter)
        .take(usize::from(area.height))
        .map(|((row, marks), &bookmarked)| {
            let text = |base: Style| marked_text(&row.text, marks, base, theme);
            let mut spans = vec![Span::raw(margin.clone())];
            if bookmarked && !margin.is_empty() {
                // The bookmark's mark takes the margin's last column.
                spans = vec![
                    Span::raw(" ".repeat(margin.len() - 1)),
                    Span::styled("▍", theme.bookmark()),
                ];
            }
            let margin_spans = spans.len();
            if row.boxed {
                spans.push(Span::styled("│ ", theme.box_border()));
            }
            spans.push(Span::raw(" ".repeat(usize::from(row.indent))));
            match row.kind {
                RowKind::Heading(level) => spans.extend(text(theme.heading(level))),
                RowKind::Body => spans.extend(text(theme.body())),
                RowKind::Preformatted { cut } => {
                    let shown = row
                        .text
                        .strip_suffix('›')
                        .filter(|_| cut)
                        .unwrap_or(&row.text);
                    spans.extend(marked_text(shown, marks, theme.preformatted(), theme));
                    if cut {
                        spans.push(Span::styled("›", theme.cut_marker()));
                    }
                }
                RowKind::Gap => {}
                RowKind::BoxTop => spans.push(Span::styled(
                    edge(['┌', '┐'], geometry.measure),
                    theme.box_border(),
                )),
                RowKind::BoxBottom => spans.push(Span::styled(
                    edge(['└', '┘'], geometry.measure),
                    theme.box_border(),
                )),
            }
            if row.boxed {
                let used = spans[margin_spans..].iter().map(Span::width).sum();
                spans.push(Span::styled(
                    right_border(used, geometry.measure),
                    theme.box_border(),
                ));
            }
            Line::from(spans)
        })
        .collect();
    super::put_lines(frame, area, &lines);
}

/// A row's text (already safe) with its search hits highlighted.
fn marked_text<'a>(text: &str, marks: &[Mark], base: Style, theme: Theme) -> Vec<Span<'a>> {
    if marks.is_empty() {
        return vec![Span::styled(text.to_string(), base)];
    }
    let style = |index: usize| {
        marks
            .iter()
            .find(|m| m.chars.contains(&index))
            .map_or(base, |m| base.patch(theme.search_hit(m.current)))
    };
    crate::tui::spans::styled_spans(text, style, usize::MAX).0
}
