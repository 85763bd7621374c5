//! The compare view's outline pane: every section of the new version, and each
//! removed one where it stood, with a mark saying what changed in it: `+` added,
//! `−` removed (its title struck through), `↕` moved, or the number of its
//! sentences that changed. The section at the top of the text is in bold, and
//! kept in view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::CompareView;
use crate::compare::Change;
use crate::compare::along::{Along, Block};
use crate::layout::safe::visible;
use crate::layout::wrap::{display_width, truncate};
use crate::tui::theme::Theme;

/// Columns of the mark before each title.
const MARK: usize = 4;

/// One row of the pane.
struct Entry {
    block: usize,
    depth: u16,
    title: String,
    mark: String,
    removed: bool,
}

pub(super) fn draw(frame: &mut Frame, view: &CompareView, theme: Theme, area: Rect) {
    let entries = entries(&view.along);
    let top_block = view.laid.rows.get(view.top).map_or(0, |row| row.block);
    let current = entries.iter().rposition(|e| e.block <= top_block);
    let height = usize::from(area.height);
    let first = current.map_or(0, |c| c.saturating_sub(height / 2));
    let width = usize::from(area.width.saturating_sub(1));
    let lines: Vec<Line> = entries
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(index, entry)| {
            let indent = " ".repeat(usize::from(entry.depth.saturating_sub(1)));
            let mark = format!("{:>MARK$}", entry.mark);
            let title = truncate(
                &format!("{indent}{}", entry.title),
                width.saturating_sub(display_width(&mark) + 1),
            );
            let mut style = if entry.removed {
                theme.removed()
            } else {
                Style::new()
            };
            if Some(index) == current {
                style = style.patch(theme.tree_current());
            }
            Line::from(vec![
                Span::styled(mark, theme.tree_label()),
                Span::raw(" "),
                Span::styled(title, style),
            ])
        })
        .collect();
    let [list, separator] = ratatui::layout::Layout::horizontal([
        ratatui::layout::Constraint::Min(1),
        ratatui::layout::Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(lines), list);
    let bar: Vec<Line> = (0..area.height)
        .map(|_| Line::styled("│", theme.separator()))
        .collect();
    frame.render_widget(Paragraph::new(bar), separator);
}

/// The pane's rows: the blocks that open a section.
fn entries(along: &Along) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    for (index, block) in along.blocks.iter().enumerate() {
        let Some(opening) = &block.opening else {
            // A sentence's change counts for the section it is in.
            if let Some(last) = entries.last_mut() {
                let sentences = sentence_changes(along, block);
                add_count(&mut last.mark, sentences);
            }
            continue;
        };
        let mut entry = Entry {
            block: index,
            depth: opening.depth,
            title: visible(&opening.title),
            mark: String::new(),
            removed: false,
        };
        for &change in &block.changes {
            match &along.changes[change] {
                Change::SectionAdded { .. } => entry.mark = "+".to_string(),
                Change::SectionRemoved { .. } => {
                    entry.mark = "−".to_string();
                    entry.removed = true;
                }
                Change::SectionMoved { .. } => entry.mark = "↕".to_string(),
                _ => {}
            }
        }
        add_count(&mut entry.mark, sentence_changes(along, block));
        entries.push(entry);
    }
    entries
}

/// How many of a block's changes are sentences (or a title) changed, added or
/// removed.
fn sentence_changes(along: &Along, block: &Block) -> usize {
    block
        .changes
        .iter()
        .filter(|&&c| {
            matches!(
                along.changes[c],
                Change::Changed { .. } | Change::Added { .. } | Change::Removed { .. }
            )
        })
        .count()
}

/// Adds `more` to the count of changed sentences in `mark` (`+`, `−` and `↕`
/// stand alone).
fn add_count(mark: &mut String, more: usize) {
    if more == 0 {
        return;
    }
    let before = match mark.as_str() {
        "" => 0,
        text => match text.parse::<usize>() {
            Ok(n) => n,
            Err(_) => return,
        },
    };
    *mark = (before + more).to_string();
}
