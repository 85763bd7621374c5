//! A Word file (DOCX: a zip archive of XML parts) to lines of text: the body
//! (`body`), with the labels of automatic numbering (`numbering`, in the
//! formats of `labels`), what paragraph styles give (`styles`) and footnotes
//! (`notes`).
//!
//! The parts are inflated within a budget, [`inflation_budget`], so a small
//! file that inflates to gigabytes (a zip bomb) is stopped early, with a
//! message, in bounded memory.

mod body;
mod labels;
mod notes;
mod numbering;
mod styles;
mod xml;

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use super::{ExtractError, Extracted};

/// The part that holds a Word file's body.
const BODY: &str = "word/document.xml";

/// How much the parts of a file of `size` bytes may inflate to, together:
/// twenty times the file, at least 16 MiB (a short, repetitive XML compresses
/// further) and at most 512 MiB.
pub fn inflation_budget(size: usize) -> u64 {
    const LEAST: u64 = 16 << 20;
    const MOST: u64 = 512 << 20;
    (size as u64).saturating_mul(20).clamp(LEAST, MOST)
}

/// Whether `bytes` are a zip archive that names a Word body: its directory (or,
/// in a truncated file, a local header) holds the body's name.
pub(super) fn is_docx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") && memchr::memmem::find(bytes, BODY.as_bytes()).is_some()
}

/// What the parts may still inflate to, of `limit` bytes in all.
struct Budget {
    left: u64,
    limit: u64,
}

/// The parts a body refers to.
#[derive(Debug, Default)]
struct Parts {
    styles: styles::Styles,
    numbering: numbering::Numbering,
    footnotes: notes::Notes,
    endnotes: notes::Notes,
}

/// The text of a Word file, one paragraph or table row a line.
pub fn extract(bytes: &[u8]) -> Result<Extracted, ExtractError> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(&e))?;
    let limit = inflation_budget(bytes.len());
    let mut budget = Budget { left: limit, limit };
    let body = read_part(&mut archive, BODY, &mut budget)?
        .ok_or_else(|| ExtractError::Damaged(format!("a zip archive without {BODY}")))?;
    let mut part = |name: &str| read_part(&mut archive, name, &mut budget);
    let mut parts = Parts {
        styles: styles::Styles::parse(&part("word/styles.xml")?.unwrap_or_default()),
        numbering: numbering::Numbering::parse(&part("word/numbering.xml")?.unwrap_or_default()),
        footnotes: notes::Notes::parse(
            &part("word/footnotes.xml")?.unwrap_or_default(),
            "w:footnote",
        ),
        endnotes: notes::Notes::parse(&part("word/endnotes.xml")?.unwrap_or_default(), "w:endnote"),
    };
    Ok(body::lines(&body, &mut parts))
}

/// A part's text, inflated within what is left of `budget`; `None` if the
/// archive has no such part.
fn read_part(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
    budget: &mut Budget,
) -> Result<Option<String>, ExtractError> {
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(error) => return Err(damaged(&error)),
    };
    let mut bytes = Vec::new();
    file.take(budget.left.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| damaged(&e))?;
    let size = bytes.len() as u64;
    if size > budget.left {
        return Err(ExtractError::Damaged(format!(
            "a Word document that inflates to over {} MB, too much for its size; not opened",
            budget.limit >> 20
        )));
    }
    budget.left -= size;
    Ok(Some(xml::part_text(&bytes)))
}

fn damaged(error: &dyn std::fmt::Display) -> ExtractError {
    let reason = error.to_string();
    let reason = reason.split('\n').next().unwrap_or_default();
    ExtractError::Damaged(format!(
        "a damaged Word document ({})",
        reason.to_lowercase()
    ))
}

/// Text on one line: runs of white space made one space, none kept between
/// two ideographs.
fn one_line(text: &str) -> String {
    let mut line = String::new();
    for piece in text.split_whitespace() {
        super::join_into(&mut line, piece);
    }
    line
}
