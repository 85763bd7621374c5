//! One row of the reader pane: its text, safe to draw, and the kind the UI styles
//! it by.

/// How a row is to be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A heading, level 1 (parts, documents) to 4 (the finest numbered headings).
    Heading(u8),
    Body,
    /// A row of a table or contents page, shown as it is; `cut` when it was too wide.
    Preformatted {
        cut: bool,
    },
    /// The empty row between paragraphs.
    Gap,
    /// The top and bottom edges of a 专栏 box.
    BoxTop,
    BoxBottom,
}

/// One row of the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Safe to draw: control characters made visible.
    pub text: String,
    pub kind: RowKind,
    /// Columns of indent before the text (paragraph indent, centring).
    pub indent: u16,
    /// Inside a 专栏 box.
    pub boxed: bool,
    /// Index of the row's first character in its paragraph's text (characters,
    /// which are the same in the text and in its visible form).
    pub first_char: usize,
}

impl Row {
    /// Whether the row shows text of its paragraph (not a gap or a box's edge).
    pub fn holds_text(&self) -> bool {
        matches!(
            self.kind,
            RowKind::Body | RowKind::Heading(_) | RowKind::Preformatted { .. }
        )
    }
}
