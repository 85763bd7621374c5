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

/// The other parts a body may refer to.
const STYLES: &str = "word/styles.xml";
const NUMBERING: &str = "word/numbering.xml";
const FOOTNOTES: &str = "word/footnotes.xml";
const ENDNOTES: &str = "word/endnotes.xml";

/// The text of a Word file, one paragraph or table row a line. A file cut
/// short (its zip directory, at the end, lost) is read from its start as far
/// as it goes, with a notice.
pub fn extract(bytes: &[u8]) -> Result<Extracted, ExtractError> {
    let limit = inflation_budget(bytes.len());
    let mut budget = Budget { left: limit, limit };
    let mut archive = match ZipArchive::new(Cursor::new(bytes)) {
        Ok(archive) => archive,
        Err(error) => return cut_short(bytes, &mut budget, &error),
    };
    let body = read_part(&mut archive, BODY, &mut budget)?
        .ok_or_else(|| ExtractError::Damaged(format!("a zip archive without {BODY}")))?;
    let mut part = |name: &str| read_part(&mut archive, name, &mut budget);
    let mut parts = Parts::parse(
        &part(STYLES)?.unwrap_or_default(),
        &part(NUMBERING)?.unwrap_or_default(),
        &part(FOOTNOTES)?.unwrap_or_default(),
        &part(ENDNOTES)?.unwrap_or_default(),
    );
    Ok(body::lines(&body, &mut parts))
}

impl Parts {
    /// The parts from their XML (empty where the file has none).
    fn parse(styles: &str, numbering: &str, footnotes: &str, endnotes: &str) -> Self {
        Self {
            styles: styles::Styles::parse(styles),
            numbering: numbering::Numbering::parse(numbering),
            footnotes: notes::Notes::parse(footnotes, "w:footnote"),
            endnotes: notes::Notes::parse(endnotes, "w:endnote"),
        }
    }
}

/// A Word file whose zip directory is lost (`error`): its parts read one after
/// another from the start, the last as far as it goes; the body's text up to
/// where it breaks off, with a notice, or the error if the body is not there.
fn cut_short(
    bytes: &[u8],
    budget: &mut Budget,
    error: &ZipError,
) -> Result<Extracted, ExtractError> {
    let mut found: Vec<(String, String)> = Vec::new();
    let mut stream = Cursor::new(bytes);
    while let Ok(Some(file)) = zip::read::read_zipfile_from_stream(&mut stream) {
        let Ok(name) = file.name().map(|name| name.to_string()) else {
            continue;
        };
        if ![BODY, STYLES, NUMBERING, FOOTNOTES, ENDNOTES].contains(&name.as_str()) {
            continue;
        }
        let mut inflated = Vec::new();
        // What was inflated before the file broke off is kept.
        let broke_off = file
            .take(budget.left.saturating_add(1))
            .read_to_end(&mut inflated)
            .is_err();
        budget.take(inflated.len())?;
        found.push((name, xml::part_text(&inflated)));
        if broke_off {
            break;
        }
    }
    let part = |wanted: &str| {
        found
            .iter()
            .find(|(name, _)| name == wanted)
            .map_or("", |(_, text)| text.as_str())
    };
    if !found.iter().any(|(name, _)| name == BODY) {
        return Err(damaged(error));
    }
    let mut parts = Parts::parse(
        part(STYLES),
        part(NUMBERING),
        part(FOOTNOTES),
        part(ENDNOTES),
    );
    let mut extracted = body::lines(part(BODY), &mut parts);
    extracted.notices.insert(
        0,
        "the Word document is cut short; its text is shown as far as it goes".to_string(),
    );
    Ok(extracted)
}

impl Budget {
    /// Takes `size` inflated bytes out of what is left; an error once there
    /// is not enough.
    fn take(&mut self, size: usize) -> Result<(), ExtractError> {
        let size = size as u64;
        if size > self.left {
            return Err(ExtractError::Damaged(format!(
                "a Word document that inflates to over {} MB, too much for its size; not opened",
                self.limit >> 20
            )));
        }
        self.left -= size;
        Ok(())
    }
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
    budget.take(bytes.len())?;
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
