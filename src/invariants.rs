//! What must hold whatever the input: rows of the wrapper within their width and
//! together the whole text, an outline whose tree is consistent with its depths
//! and its paragraphs, a store record that reads back as it was written. Checked
//! by the unit tests, by property tests over random input and by the fuzz
//! targets (`fuzz/`); each check returns what is broken rather than panicking.

use crate::document::Document;
use crate::layout::wrap::{display_width, is_attached, wrap};

/// The wrapper's promise for `text` (one paragraph with no line breaks, CR
/// included, as `safe::visible` leaves text) at `width`: rows in order, covering the text
/// but for spaces at row boundaries, none wider than the width unless it holds a
/// single character, none starting or ending with a space.
pub fn wrapped_rows(text: &str, width: usize) -> Result<(), String> {
    let ranges = wrap(text, width);
    if ranges.is_empty() != text.is_empty() {
        return Err(format!("rows {ranges:?} for {text:?}"));
    }
    let mut end = 0;
    for range in &ranges {
        if range.start < end || range.end < range.start || text.get(range.clone()).is_none() {
            return Err(format!("{width}: rows out of order {ranges:?} in {text:?}"));
        }
        let skipped = &text[end..range.start];
        if skipped.chars().any(|c| c != ' ') {
            return Err(format!("{width}: lost {skipped:?} in {text:?}"));
        }
        end = range.end;
    }
    if text[end..].chars().any(|c| c != ' ') {
        return Err(format!("{width}: lost the end of {text:?}"));
    }
    for range in &ranges {
        let row = &text[range.clone()];
        let alone = row.chars().filter(|&c| !is_attached(c)).count() == 1;
        if display_width(row) > width && !alone {
            return Err(format!("{width}: {row:?} too wide in {text:?}"));
        }
        if row.ends_with(' ') || (range.start > 0 && row.starts_with(' ')) {
            return Err(format!("{width}: {row:?} has a space at its edge"));
        }
    }
    Ok(())
}

/// The outline's promise: parents come before their children, a child is one
/// level below its parent and the top is level 1, every heading points at a
/// paragraph and every paragraph at a heading that exists.
pub fn outline(document: &Document) -> Result<(), String> {
    let headings = &document.outline.headings;
    for (index, heading) in headings.iter().enumerate() {
        let depth = match heading.parent {
            Some(parent) if parent.0 as usize >= index => {
                return Err(format!("heading {index} comes before its parent"));
            }
            Some(parent) => headings[parent.0 as usize].depth + 1,
            None => 1,
        };
        if heading.depth != depth {
            return Err(format!(
                "heading {index} at depth {} under depth {}",
                heading.depth,
                depth - 1
            ));
        }
        if heading.paragraph >= document.paragraphs.len() {
            return Err(format!("heading {index} points past the paragraphs"));
        }
    }
    for (index, paragraph) in document.paragraphs.iter().enumerate() {
        if paragraph
            .heading
            .is_some_and(|h| h.0 as usize >= headings.len())
        {
            return Err(format!("paragraph {index} points past the headings"));
        }
        if paragraph.first_line > paragraph.last_line {
            return Err(format!("paragraph {index} ends before it starts"));
        }
    }
    Ok(())
}

/// The store's promise for any bytes in a record file: read as a record, or
/// refused; a record read writes back and reads again as the same record.
pub fn store_round_trip(bytes: &[u8]) -> Result<(), String> {
    let Ok(record) = crate::store::parse(bytes) else {
        return Ok(());
    };
    let written = serde_json::to_vec(&record).map_err(|e| e.to_string())?;
    match crate::store::parse(&written) {
        Ok(again) if again == record => Ok(()),
        Ok(again) => Err(format!("{record:?} read back as {again:?}")),
        Err(problem) => Err(format!("{record:?} written is {problem}")),
    }
}
