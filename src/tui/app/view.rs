//! What the next frame shows, as `update` prepares it: where the panes are
//! (`Geometry`), the outline's rows, the reader's rows with their search marks
//! and bookmarks. The drawing code reads it and nothing else of the layout.

use std::ops::Range;

use crate::document::HeadingId;
use crate::layout::rows::Row;

/// Where the panes are, for a terminal size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    /// Columns of the outline pane, 0 when hidden (its separator included).
    pub outline_width: u16,
    pub reader_width: u16,
    /// Rows above the status line.
    pub body_height: u16,
    /// Text measure and the columns before it in the reader pane.
    pub measure: u16,
    pub margin: u16,
}

impl Geometry {
    pub fn new(width: u16, height: u16, outline_shown: bool, max_measure: u16) -> Self {
        let body_height = height.saturating_sub(1);
        let outline_width = if outline_shown && width >= 20 {
            (width / 3).clamp(16, 44).min(width.saturating_sub(12))
        } else {
            0
        };
        let reader_width = width - outline_width;
        let measure = reader_width.saturating_sub(2).clamp(1, max_measure.max(1));
        let margin = (reader_width - measure.min(reader_width)) / 2;
        Self {
            outline_width,
            reader_width,
            body_height,
            measure,
            margin,
        }
    }
}

/// One row of the outline pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeRow {
    pub id: HeadingId,
    pub depth: u16,
    /// `Some(open)` for a heading with children.
    pub expanded: Option<bool>,
    pub selected: bool,
    /// The section being read lies in this heading.
    pub current: bool,
    /// A bookmark lies in this heading's section or below.
    pub bookmarked: bool,
    /// How much of the heading (its subtree included) is read.
    pub read: crate::study::progress::State,
    /// Percent read, for parts, documents, 篇 and 章 partly read.
    pub percent: Option<u8>,
}

/// A search hit on a reader row: which characters of the row's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub chars: Range<usize>,
    /// The hit the reader is at (or the popup has selected).
    pub current: bool,
}

/// What the next frame shows, prepared by `update`.
#[derive(Debug, Default)]
pub struct View {
    pub geometry: Option<Geometry>,
    pub reader: Vec<Row>,
    /// For each reader row, the search hits on it.
    pub marks: Vec<Vec<Mark>>,
    /// For each reader row, whether a bookmark is on it.
    pub gutter: Vec<bool>,
    pub tree: Vec<TreeRow>,
    /// The heading of the section being read: the top's, or at the end the last
    /// one on screen.
    pub current: Option<HeadingId>,
    /// The end of the text is on screen.
    pub at_end: bool,
}
