//! The reader pane (`ReaderPane`: the top row, the layout, the terminal's size)
//! and the reading position as an anchor (`anchor`): taken for the store, found again
//! when a document is reopened, and kept across the whole document replacing its
//! opening. A resume that the opening cannot place waits for the whole document,
//! unless the reader has moved by then.

use super::App;
use crate::layout::rows::{Position, ReaderLayout, RowKind};
use crate::study::anchor::{Anchor, Found, Place};

/// The reader pane: which row is at the top, the rows laid out for the
/// measure, and the terminal's size.
#[derive(Debug)]
pub(super) struct ReaderPane {
    /// Top row of the reader.
    pub(super) top: Position,
    pub(super) layout: ReaderLayout,
    /// Columns and rows of the terminal.
    pub(super) size: (u16, u16),
    /// Widest text measure the reader may use.
    pub(super) max_measure: u16,
    /// The place at the top when a run of resizes began.
    pub(super) kept_through_resizes: Option<Place>,
    /// Where the reader was left last time, when the opening of the document could
    /// not place it, and the top of the screen then.
    pub(super) pending_resume: Option<(Anchor, Position)>,
    /// The document shown is the opening of a long text; the whole is on its
    /// way.
    pub(super) loading: Option<Loading>,
}

/// How far the whole of a long text on its way is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Loading {
    /// Begun, no share of it told yet: nothing is shown, so that a whole
    /// built in a moment never flashes a figure in the status row.
    Begun,
    /// This percent of it built, shown in the status row.
    Built(u8),
}

impl ReaderPane {
    pub(super) fn new(size: (u16, u16), measure: u16) -> Self {
        Self {
            top: Position::default(),
            layout: ReaderLayout::new(measure),
            size,
            max_measure: super::DEFAULT_MEASURE,
            kept_through_resizes: None,
            pending_resume: None,
            loading: None,
        }
    }
}

impl App {
    /// The anchor of the first character on screen.
    pub fn anchor_here(&self) -> Anchor {
        self.anchor_at(self.reader.top)
    }

    /// The first character on screen.
    pub(super) fn place_here(&self) -> Place {
        self.place_at(self.reader.top)
    }

    /// The first character of the row at `position`.
    fn place_at(&self, position: Position) -> Place {
        let rows = self
            .reader
            .layout
            .rows_now(&self.document, position.paragraph);
        Place {
            paragraph: position.paragraph,
            offset: rows.get(position.row).map_or(0, |r| r.first_char),
        }
    }

    /// The anchor of the first character of the row at `position`.
    pub(super) fn anchor_at(&self, position: Position) -> Anchor {
        let place = self.place_at(position);
        Anchor::at(&self.document, place.paragraph, place.offset)
    }

    /// The anchor of the first row of text on screen (a gap or a box's edge at
    /// the top is passed over): where a bookmark goes.
    pub(super) fn anchor_of_first_text(&mut self) -> Anchor {
        let height = usize::from(self.geometry().body_height);
        let first_text = self
            .reader
            .layout
            .window(&self.document, self.reader.top, height)
            .into_iter()
            .find(|(_, row)| row.holds_text());
        match first_text {
            Some((position, row)) => Anchor::at(&self.document, position.paragraph, row.first_char),
            None => self.anchor_here(),
        }
    }

    /// Goes to where the reader was left (`anchor`). When only the opening of the
    /// document is in, a place it cannot find is looked for again in the whole.
    pub(super) fn resume_at(&mut self, anchor: Anchor) -> bool {
        match anchor.find(&self.document) {
            Found::Exact(place) | Found::Moved(place) => {
                self.go_to_place(place);
                self.reader.pending_resume = None;
            }
            Found::Section(_) | Found::Unplaced => {
                self.reader.pending_resume = Some((anchor, self.reader.top));
            }
        }
        self.follow_reading();
        self.refresh();
        true
    }

    /// After the whole document replaced its opening: the place a resume waited
    /// for, if the reader has not moved since; else the place being read.
    pub(super) fn find_again(&mut self, here: Anchor) {
        let anchor = match self.reader.pending_resume.take() {
            Some((anchor, top)) if top == self.reader.top => anchor,
            _ => here,
        };
        match anchor.find(&self.document).place() {
            Some(place) => self.go_to_place(place),
            None => self.reader.top = Position::default(),
        }
    }

    /// Puts the row holding character `place.offset` of its paragraph at the top
    /// (the gap after the paragraph for its end).
    pub(super) fn go_to_place(&mut self, place: Place) {
        let last = self.document.paragraphs.len().saturating_sub(1);
        let paragraph = place.paragraph.min(last);
        let rows = self.reader.layout.rows(&self.document, paragraph);
        let row = rows
            .last_where(|r| {
                // A place at the paragraph's very end is its gap row.
                r.first_char < place.offset
                    || (r.first_char == place.offset
                        && (r.kind == RowKind::Gap || !r.text.is_empty()))
            })
            .unwrap_or(0);
        self.reader.top = Position { paragraph, row };
    }
}
