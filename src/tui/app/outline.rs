//! The outline pane's state: which headings are open, the cursor and the rows on
//! screen, the cursor following the reading position, and the facts about each
//! heading the pane needs (children, place among siblings).

use super::{App, Focus, Geometry, TreeRow};
use crate::document::HeadingId;
use crate::layout::rows::Position;
use crate::tui::prepared::OutlineShape;

impl App {
    /// The outline follows the section being read: its heading is revealed and,
    /// while the reader has the keys, the cursor sits on it.
    pub(super) fn follow_reading(&mut self) {
        if let Some(id) = self.section_at_top() {
            self.reveal(id);
            self.outline.cursor = Some(id.0 as usize);
        }
    }

    pub(super) fn section_at_top(&self) -> Option<HeadingId> {
        self.document
            .paragraphs
            .get(self.reader.top.paragraph)?
            .heading
    }

    pub(super) fn reveal(&mut self, id: HeadingId) {
        let mut parent = self.document.outline.get(id).parent;
        while let Some(p) = parent {
            self.outline.set_expanded(p.0 as usize, true);
            parent = self.document.outline.get(p).parent;
        }
    }

    pub(super) fn move_cursor(&mut self, n: isize) {
        let cursor = self.outline.cursor;
        let visible = self.outline.visible_headings();
        if visible.is_empty() {
            return;
        }
        let at = cursor
            .and_then(|c| visible.binary_search(&c).ok())
            .unwrap_or(0);
        let to = (at as isize + n).clamp(0, visible.len() as isize - 1) as usize;
        let heading = visible[to];
        self.select(heading);
    }

    /// Puts the outline cursor on heading `index` and the reader at its text.
    pub(super) fn select(&mut self, index: usize) {
        self.outline.cursor = Some(index);
        let paragraph = self.document.outline.headings[index].paragraph;
        self.reader.top = Position { paragraph, row: 0 };
    }

    pub(super) fn expand(&mut self) {
        let Some(c) = self.outline.cursor else { return };
        if self.outline.has_children(c) && !self.outline.expanded[c] {
            self.outline.set_expanded(c, true);
        } else if self.outline.has_children(c) {
            self.move_cursor(1);
        }
    }

    pub(super) fn collapse(&mut self) {
        let Some(c) = self.outline.cursor else { return };
        if self.outline.has_children(c) && self.outline.expanded[c] {
            self.outline.set_expanded(c, false);
        } else if let Some(parent) = self.document.outline.headings[c].parent {
            self.select(parent.0 as usize);
        }
    }

    pub(super) fn click(&mut self, column: u16, row: u16) {
        let geometry = self.geometry();
        if column >= geometry.outline_width || row >= geometry.body_height {
            return;
        }
        self.focus = Focus::Outline;
        let index = self.outline.tree_scroll + usize::from(row);
        if let Some(&heading) = self.outline.visible_headings().get(index) {
            if self.outline.cursor == Some(heading) && self.outline.has_children(heading) {
                self.outline
                    .set_expanded(heading, !self.outline.expanded[heading]);
            }
            self.select(heading);
        }
    }

    pub(super) fn refresh_tree(&mut self, geometry: Geometry) {
        let height = usize::from(geometry.body_height);
        let ancestors = self.ancestors_of_current();
        self.outline.scroll_to_cursor(height);
        let visible = &self.outline.visible;
        let headings = &self.document.outline.headings;
        self.view.tree = visible
            .iter()
            .skip(self.outline.tree_scroll)
            .take(height)
            .map(|&index| TreeRow {
                id: HeadingId(index as u32),
                depth: headings[index].depth,
                expanded: self
                    .outline
                    .has_children(index)
                    .then_some(self.outline.expanded[index]),
                selected: self.outline.cursor == Some(index),
                current: ancestors.contains(&index),
                bookmarked: self.marks.bookmarked.get(index).copied().unwrap_or(false),
                read: self.study.progress.state(HeadingId(index as u32)),
                percent: self.percent_shown(HeadingId(index as u32)),
            })
            .collect();
    }

    /// The current section's heading and its ancestors.
    pub(super) fn ancestors_of_current(&self) -> Vec<usize> {
        let mut chain = Vec::new();
        let mut next = self.view.current;
        while let Some(id) = next {
            chain.push(id.0 as usize);
            next = self.document.outline.get(id).parent;
        }
        chain
    }
}

/// The outline pane: which headings are open and shown, the cursor, the first
/// row on screen, and the facts about each heading the pane needs.
#[derive(Debug)]
pub(super) struct OutlinePane {
    /// The user's choice to show the outline; `None` follows the width.
    pub(super) outline_shown: Option<bool>,
    pub(super) expanded: Vec<bool>,
    /// Each heading's place among its siblings: (1-based index, count).
    pub(super) siblings: Vec<(u32, u32)>,
    /// Where each heading's subtree ends (the outline steps over closed ones).
    pub(super) subtree_ends: Vec<usize>,
    /// Headings shown in the outline (their ancestors open), kept until one opens
    /// or closes.
    pub(super) visible: Vec<usize>,
    pub(super) visible_stale: bool,
    /// A heading opened or closed during the current update.
    pub(super) folding_changed: bool,
    /// Outline cursor, an index into the headings.
    pub(super) cursor: Option<usize>,
    /// First outline row on screen, among the visible headings.
    pub(super) tree_scroll: usize,
}

impl OutlinePane {
    pub(super) fn new(shape: OutlineShape) -> Self {
        let mut pane = Self {
            outline_shown: None,
            expanded: Vec::new(),
            siblings: Vec::new(),
            subtree_ends: Vec::new(),
            visible: Vec::new(),
            visible_stale: true,
            folding_changed: false,
            cursor: None,
            tree_scroll: 0,
        };
        pane.show(shape);
        pane
    }

    /// Shows another document (the whole in place of its opening) by its
    /// outline's `shape`: its top-level headings open, the cursor on the
    /// first; the pane stays shown or hidden as it was.
    pub(super) fn show(&mut self, shape: OutlineShape) {
        self.cursor = (!shape.expanded.is_empty()).then_some(0);
        self.expanded = shape.expanded;
        self.siblings = shape.siblings;
        self.subtree_ends = shape.subtree_ends;
        self.visible_stale = true;
    }

    /// Whether heading `index` has headings under it.
    pub(super) fn has_children(&self, index: usize) -> bool {
        self.subtree_ends[index] > index + 1
    }

    pub(super) fn set_expanded(&mut self, index: usize, open: bool) {
        if self.expanded[index] != open {
            self.expanded[index] = open;
            self.visible_stale = true;
            self.folding_changed = true;
        }
    }

    /// Indices of the headings shown in the outline: those whose ancestors are open.
    pub(super) fn visible_headings(&mut self) -> &[usize] {
        if self.visible_stale {
            self.visible = self.compute_visible();
            self.visible_stale = false;
        }
        &self.visible
    }

    /// The headings whose ancestors are all open, in order: a closed heading's
    /// subtree is stepped over at once, so the cost is that of the rows shown.
    pub(super) fn compute_visible(&self) -> Vec<usize> {
        let mut shown = Vec::new();
        let mut index = 0;
        while index < self.subtree_ends.len() {
            shown.push(index);
            index = if self.expanded[index] {
                index + 1
            } else {
                self.subtree_ends[index]
            };
        }
        shown
    }

    /// Keeps the cursor's row on a screen of `height` rows.
    pub(super) fn scroll_to_cursor(&mut self, height: usize) {
        self.visible_headings();
        let visible = &self.visible;
        if let Some(at) = self.cursor.and_then(|c| visible.binary_search(&c).ok()) {
            if at < self.tree_scroll {
                self.tree_scroll = at;
            } else if height > 0 && at >= self.tree_scroll + height {
                self.tree_scroll = at + 1 - height;
            }
        }
        self.tree_scroll = self.tree_scroll.min(visible.len().saturating_sub(1));
    }
}

#[cfg(test)]
mod tests {
    use super::OutlinePane;
    use crate::document::Document;
    use crate::tui::prepared::OutlineShape;

    fn sample() -> Document {
        crate::build(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/plans-2021.txt"
        )))
    }

    /// The headings shown, found the long way: every heading whose ancestors
    /// are all open.
    fn visible_by_ancestors(pane: &OutlinePane, document: &Document) -> Vec<usize> {
        let outline = &document.outline;
        (0..outline.headings.len())
            .filter(|&index| {
                let mut parent = outline.headings[index].parent;
                while let Some(p) = parent {
                    if !pane.expanded[p.0 as usize] {
                        return false;
                    }
                    parent = outline.get(p).parent;
                }
                true
            })
            .collect()
    }

    #[test]
    fn closed_subtrees_are_stepped_over_exactly() {
        let document = sample();
        let mut pane = OutlinePane::new(OutlineShape::of(&document));
        let count = pane.expanded.len();
        for step in [1, 2, 3, 5, 7] {
            for index in 0..count {
                pane.expanded[index] = index % step == 0;
            }
            let shown = visible_by_ancestors(&pane, &document);
            assert_eq!(pane.compute_visible(), shown, "{step}");
        }
        pane.expanded.fill(true);
        assert_eq!(pane.compute_visible().len(), count);
    }

    #[test]
    fn folding_a_heading_changes_the_rows_shown_once() {
        let document = sample();
        let mut pane = OutlinePane::new(OutlineShape::of(&document));
        let parent = (0..pane.expanded.len())
            .find(|&i| pane.has_children(i) && pane.expanded[i])
            .expect("an open heading with children");
        let rows = pane.visible_headings().len();
        pane.set_expanded(parent, false);
        assert!(pane.folding_changed);
        assert!(pane.visible_headings().len() < rows);
        pane.folding_changed = false;
        pane.set_expanded(parent, false);
        assert!(
            !pane.folding_changed,
            "closing a closed heading changes nothing"
        );
    }
}
