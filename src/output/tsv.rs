//! The outline contract's TSV (`line kind depth label title`), as `gangmu outline`
//! prints it. Text from the file is made safe: control characters become visible
//! symbols, so a title can never break a row or reach the terminal raw.

use std::fmt::Write;

use crate::document::Outline;
use crate::layout::safe::visible;

/// The outline as TSV, one heading a line.
pub fn render(outline: &Outline) -> String {
    let mut out = String::new();
    for h in &outline.headings {
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            h.line,
            h.kind.name(),
            h.depth,
            visible(&h.label),
            visible(&h.title)
        );
    }
    out
}
