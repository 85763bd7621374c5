//! `gangmu terms`: how often each phrase occurs, per file or per section of a
//! chosen depth, counted in the reflowed text (so across hard wraps and page
//! breaks, as `gangmu grep` and the reader's search find them). Printed as
//! TSV rows for scripts, or as an aligned table with a small bar per count.

use std::collections::HashMap;
use std::io::{self, Write};

use crate::document::{Document, HeadingId};
use crate::layout::safe::visible;
use crate::layout::wrap::display_width;
use crate::search::text::Query;

/// Columns a breadcrumb step without a label gets.
const STEP_TITLE: usize = 24;
/// Cells of the widest bar in the table.
const BAR_CELLS: usize = 12;

/// The counts of one file, or of one section of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub file: String,
    /// The section's breadcrumb, when counting by section (empty: before the
    /// first heading of that depth).
    pub section: Option<String>,
    /// The section's heading, when counting by section (`None`: the whole
    /// file, or the text before its first heading of that depth).
    pub heading: Option<HeadingId>,
    /// One count for each phrase, in the order given.
    pub counts: Vec<usize>,
}

/// How many times each query occurs in the whole of `document`.
pub fn count_file(document: &Document, queries: &[Query]) -> Vec<usize> {
    queries
        .iter()
        .map(|query| query.find_all(document, usize::MAX).hits.len())
        .collect()
}

/// How many times each query occurs under each heading at `depth` (1 the
/// top): a row for every such heading, 0 included, in document order; a hit in
/// text above that depth counts for the heading it is under, or for the text
/// before any heading (an empty breadcrumb), rows made only when they count.
pub fn count_sections(file: &str, document: &Document, queries: &[Query], depth: u16) -> Vec<Row> {
    let outline = &document.outline;
    let mut counts: HashMap<Option<HeadingId>, Vec<usize>> = outline
        .headings
        .iter()
        .enumerate()
        .filter(|(_, h)| h.depth == depth)
        .map(|(at, _)| (Some(HeadingId(at as u32)), vec![0; queries.len()]))
        .collect();
    for (phrase, query) in queries.iter().enumerate() {
        for hit in query.find_all(document, usize::MAX).hits {
            let section = section_at(document, hit.paragraph, depth);
            counts
                .entry(section)
                .or_insert_with(|| vec![0; queries.len()])[phrase] += 1;
        }
    }
    // In document order: the text before any heading first, then each heading
    // where its text starts.
    let start = |s: &Option<HeadingId>| s.map_or(0, |id| outline.get(id).paragraph + 1);
    let mut sections: Vec<Option<HeadingId>> = counts.keys().copied().collect();
    sections.sort_by_key(start);
    let counts: Vec<Vec<usize>> = sections
        .iter()
        .map(|s| counts.remove(s).unwrap_or_default())
        .collect();
    sections
        .into_iter()
        .zip(counts)
        .map(|(section, counts)| Row {
            file: file.to_string(),
            heading: section,
            section: Some(section.map_or(String::new(), |id| {
                let mut chain = outline.ancestors(id);
                chain.push(id);
                crate::layout::breadcrumb(outline, &chain, STEP_TITLE)
            })),
            counts,
        })
        .collect()
}

/// The heading at `depth` or above that paragraph `at` is under.
fn section_at(document: &Document, at: usize, depth: u16) -> Option<HeadingId> {
    let outline = &document.outline;
    let mut heading = document.paragraphs[at].heading?;
    while outline.get(heading).depth > depth {
        heading = outline.get(heading).parent?;
    }
    Some(heading)
}

/// The rows as TSV: `file phrase count`, or `file breadcrumb phrase count`
/// when counted by section; one line for each row and phrase.
pub fn write_tsv(rows: &[Row], phrases: &[String], out: &mut impl Write) -> io::Result<()> {
    for row in rows {
        let lead = match &row.section {
            Some(section) => format!("{}\t{section}", visible(&row.file)),
            None => visible(&row.file),
        };
        for (phrase, count) in phrases.iter().zip(&row.counts) {
            writeln!(out, "{lead}\t{}\t{count}", visible(phrase))?;
        }
    }
    Ok(())
}

/// The rows as a table for people: the file (and section), then for each
/// phrase its count and a bar as long as the count against the largest.
pub fn write_table(rows: &[Row], phrases: &[String], out: &mut impl Write) -> io::Result<()> {
    let label = |row: &Row| match &row.section {
        Some(section) if !section.is_empty() => format!("{} › {section}", visible(&row.file)),
        _ => visible(&row.file),
    };
    let labels: Vec<String> = rows.iter().map(label).collect();
    let label_width = labels.iter().map(|l| display_width(l)).max().unwrap_or(0);
    let most: Vec<usize> = (0..phrases.len())
        .map(|p| rows.iter().map(|r| r.counts[p]).max().unwrap_or(0))
        .collect();
    let number_width: Vec<usize> = most.iter().map(|m| m.to_string().len()).collect();
    let column_width: Vec<usize> = phrases
        .iter()
        .zip(&number_width)
        .map(|(phrase, width)| display_width(&visible(phrase)).max(width + 1 + BAR_CELLS))
        .collect();
    let mut head = pad("", label_width);
    for (phrase, width) in phrases.iter().zip(&column_width) {
        head.push_str("  ");
        head.push_str(&pad(&visible(phrase), *width));
    }
    writeln!(out, "{}", head.trim_end())?;
    for (row, text) in rows.iter().zip(&labels) {
        let mut line = pad(text, label_width);
        for (phrase, &count) in row.counts.iter().enumerate() {
            let cell = format!(
                "{count:>number$} {}",
                bar(count, most[phrase]),
                number = number_width[phrase]
            );
            line.push_str("  ");
            line.push_str(&pad(&cell, column_width[phrase]));
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// `text` and spaces up to `columns` terminal columns.
fn pad(text: &str, columns: usize) -> String {
    format!(
        "{text}{}",
        " ".repeat(columns.saturating_sub(display_width(text)))
    )
}

/// A bar of up to [`BAR_CELLS`] cells for `count` against `most`, in eighths;
/// any count above 0 shows at least a sliver.
pub fn bar(count: usize, most: usize) -> String {
    const EIGHTHS: [char; 8] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];
    if count == 0 || most == 0 {
        return String::new();
    }
    let eighths = (count * BAR_CELLS * 8 / most).max(1);
    let mut bar = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) {
        bar.push(EIGHTHS[eighths % 8 - 1]);
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bar_grows_with_its_count() {
        assert_eq!(bar(0, 10), "");
        assert_eq!(bar(10, 10), "█".repeat(BAR_CELLS));
        assert_eq!(bar(5, 10), "█".repeat(BAR_CELLS / 2));
        assert_eq!(bar(1, 1000), "▏");
    }

    #[test]
    fn sections_have_a_row_each_and_count_their_hits() {
        let text = "一、总体要求\n\n发展新质生产力。\n\n二、重点任务\n\n推进改革。\n";
        let document = crate::build(text);
        let queries = vec![Query::new("新质生产力").expect("a phrase")];
        let rows = count_sections("a.txt", &document, &queries, 1);
        let counts: Vec<usize> = rows.iter().map(|r| r.counts[0]).collect();
        assert_eq!(counts, [1, 0]);
        assert_eq!(rows.len(), 2);
    }
}
