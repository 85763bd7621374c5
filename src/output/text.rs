//! The reflowed document as plain text, for `gangmu text` and for piping: no
//! terminal codes, control characters made visible.
//!
//! Without a width, one heading or paragraph per line (table and contents rows one
//! per line) and a blank line between blocks; with a width, paragraphs and headings
//! wrapped by the reader's own wrapper (contents entries one by one), rows of tables
//! left whole. `write_source` prints the text before reflow, line by line.

use crate::document::{Document, ParagraphKind};
use crate::layout::safe::visible;
use crate::layout::wrap;

/// Writes the document's text to `out`.
pub fn write_text(
    document: &Document,
    width: Option<usize>,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    for (index, paragraph) in document.paragraphs.iter().enumerate() {
        if index > 0 {
            out.write_all(b"\n")?;
        }
        let rows_kept = paragraph.kind == ParagraphKind::Table;
        for row in paragraph.text.split('\n') {
            let row = visible(row);
            match width {
                Some(width) if !rows_kept => {
                    for range in wrap::wrap(&row, width) {
                        writeln!(out, "{}", &row[range])?;
                    }
                }
                _ => writeln!(out, "{row}")?,
            }
        }
    }
    Ok(())
}

/// Writes the text before reflow, line for line (a table row's TABs kept),
/// control characters made visible.
pub fn write_source(text: &str, out: &mut impl std::io::Write) -> std::io::Result<()> {
    for line in text.lines() {
        let line: String = line
            .chars()
            .map(|c| {
                if c == '\t' {
                    c
                } else {
                    crate::layout::safe::visible_char(c)
                }
            })
            .collect();
        writeln!(out, "{line}")?;
    }
    Ok(())
}
