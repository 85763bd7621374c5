//! The jump popup's state: the query typed, the headings ranked for it, the one
//! selected, and where the reader stood when the popup opened (to go back on Esc).
//! No terminal code; `App` drives it and `ui::jump` draws it.

use crate::document::{HeadingId, Outline};
use crate::layout::reader::Position;
use crate::search::{Hit, Index};

/// An open jump popup.
#[derive(Debug, Clone)]
pub struct Jump {
    pub query: String,
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// The reader's position before the popup opened.
    pub origin: Position,
    /// The section being read then: its document's headings rank first.
    pub reading: Option<HeadingId>,
}

impl Jump {
    pub fn new(origin: Position, reading: Option<HeadingId>) -> Self {
        Self {
            query: String::new(),
            hits: Vec::new(),
            selected: 0,
            origin,
            reading,
        }
    }

    /// Ranks the headings for the current query, selecting the best.
    pub fn rank(&mut self, index: &Index, outline: &Outline) {
        self.hits = index.rank(outline, &self.query, self.reading);
        self.selected = 0;
    }

    /// Moves the selection by `n` rows, within the list.
    pub fn move_by(&mut self, n: isize) {
        let last = self.hits.len().saturating_sub(1) as isize;
        self.selected = (self.selected as isize + n).clamp(0, last.max(0)) as usize;
    }

    pub fn selected_heading(&self) -> Option<HeadingId> {
        self.hits.get(self.selected).map(|hit| hit.id)
    }
}
