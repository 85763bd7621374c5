//! The outline as an indented tree for people, as `gangmu outline --tree`
//! prints it: a heading a line, its source line number first (right-aligned),
//! then its label and title indented two columns a level. The TSV and JSON are
//! for scripts; this is for reading. Text from the file is made safe.

use std::fmt::Write;

use crate::document::Outline;
use crate::layout::safe::visible;

/// Columns each level of depth indents a heading.
const INDENT: usize = 2;

/// The outline as an indented tree, one heading a line.
pub fn render(outline: &Outline) -> String {
    let widest = outline
        .headings
        .iter()
        .map(|h| h.line.to_string().len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for heading in &outline.headings {
        let indent = INDENT * usize::from(heading.depth.saturating_sub(1));
        let _ = writeln!(
            out,
            "{:>widest$}  {:indent$}{}",
            heading.line,
            "",
            visible(&heading.display())
        );
    }
    out
}
