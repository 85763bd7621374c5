//! The rows of `gangmu find`: one found heading a line, led by its file's name
//! when several files are searched; and writing the headings a query finds,
//! best first.

use std::io::{self, Write};

use crate::document::{HeadingId, Outline};
use crate::layout::breadcrumb;
use crate::layout::safe::visible;
use crate::search::Index;

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

/// One found heading of a library (files combined under `File` headings) as
/// `gangmu find` prints it: the file's name, then the row [`tsv_row`] prints,
/// its breadcrumb starting inside the file.
pub fn library_row(outline: &Outline, id: HeadingId) -> String {
    let heading = outline.get(id);
    let ancestors = outline.ancestors(id);
    let (file, inside) = match outline.file_of(id).filter(|&file| file != id) {
        Some(file) => (visible(&outline.get(file).title), &ancestors[1..]),
        None => (String::new(), ancestors.as_slice()),
    };
    format!(
        "{file}\t{}\t{}\t{}\t{}\t{}",
        heading.line,
        heading.kind.name(),
        visible(&heading.label),
        visible(&heading.title),
        breadcrumb(outline, inside, STEP_TITLE)
    )
}

/// Writes the headings `query` finds in `outline`, best first, at most `limit`,
/// one line each as `row` makes it (only the rows printed are put in order);
/// whether any was found.
pub fn write_found(
    outline: &Outline,
    query: &str,
    (limit, row): (usize, fn(&Outline, HeadingId) -> String),
    out: &mut impl Write,
) -> io::Result<bool> {
    let index = Index::new(outline);
    let mut ranking = index.rank_among(outline, query, None, None);
    ranking.settle(&index, limit);
    let hits = ranking.settled();
    for hit in hits.iter().take(limit) {
        writeln!(out, "{}", row(outline, hit.id))?;
    }
    Ok(!hits.is_empty())
}
