//! The reading position as an anchor (`anchor`): taken for the store, found again
//! when a document is reopened, and kept across the whole document replacing its
//! opening. A resume that the opening cannot place waits for the whole document,
//! unless the reader has moved by then.

use super::App;
use crate::layout::rows::{Position, RowKind};
use crate::study::anchor::{Anchor, Found, Place};

impl App {
    /// The anchor of the first character on screen.
    pub fn anchor_here(&mut self) -> Anchor {
        let place = self.place_here();
        Anchor::at(&self.document, place.paragraph, place.offset)
    }

    /// The first character on screen.
    pub(super) fn place_here(&mut self) -> Place {
        let rows = self.layout.rows(&self.document, self.top.paragraph);
        Place {
            paragraph: self.top.paragraph,
            offset: rows.get(self.top.row).map_or(0, |r| r.first_char),
        }
    }

    /// The anchor of the first row of text on screen (a gap or a box's edge at
    /// the top is passed over): where a bookmark goes.
    pub fn anchor_of_first_text(&mut self) -> Anchor {
        let height = usize::from(self.geometry().body_height);
        let first_text = self
            .layout
            .window(&self.document, self.top, height)
            .into_iter()
            .find(|(_, row)| row.holds_text());
        match first_text {
            Some((position, row)) => Anchor::at(&self.document, position.paragraph, row.first_char),
            None => self.anchor_here(),
        }
    }

    /// Goes to where the reader was left (`anchor`). When only the opening of the
    /// document is in, a place it cannot find is looked for again in the whole.
    pub fn resume_at(&mut self, anchor: Anchor) {
        match anchor.find(&self.document) {
            Found::Exact(place) | Found::Moved(place) => {
                self.go_to_place(place);
                self.pending_resume = None;
            }
            Found::Section(_) | Found::Unplaced => {
                self.pending_resume = Some((anchor, self.top));
            }
        }
        self.follow_reading();
        self.refresh();
    }

    /// After the whole document replaced its opening: the place a resume waited
    /// for, if the reader has not moved since; else the place being read.
    pub(super) fn find_again(&mut self, here: Anchor) {
        let anchor = match self.pending_resume.take() {
            Some((anchor, top)) if top == self.top => anchor,
            _ => here,
        };
        match anchor.find(&self.document).place() {
            Some(place) => self.go_to_place(place),
            None => self.top = Position::default(),
        }
    }

    /// Puts the row holding character `place.offset` of its paragraph at the top
    /// (the gap after the paragraph for its end).
    pub fn go_to_place(&mut self, place: Place) {
        let last = self.document.paragraphs.len().saturating_sub(1);
        let paragraph = place.paragraph.min(last);
        let rows = self.layout.rows(&self.document, paragraph);
        let row = rows
            .iter()
            .rposition(|r| {
                // A place at the paragraph's very end is its gap row.
                r.first_char < place.offset
                    || (r.first_char == place.offset
                        && (r.kind == RowKind::Gap || !r.text.is_empty()))
            })
            .unwrap_or(0);
        self.top = Position { paragraph, row };
    }
}
