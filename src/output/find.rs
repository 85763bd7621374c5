//! The rows of `gangmu find`: one found heading a line.

use crate::document::{HeadingId, Outline};
use crate::layout::breadcrumb;
use crate::layout::safe::visible;

/// Columns a breadcrumb step without a label gets.
const STEP_TITLE: usize = 24;

/// One found heading as `gangmu find` prints it: line, kind, label, title and the
/// breadcrumb of its ancestors, TAB-separated, made safe.
pub fn tsv_row(outline: &Outline, id: HeadingId) -> String {
    let heading = outline.get(id);
    format!(
        "{}\t{}\t{}\t{}\t{}",
        heading.line,
        heading.kind.name(),
        visible(&heading.label),
        visible(&heading.title),
        breadcrumb(outline, &outline.ancestors(id), STEP_TITLE)
    )
}
