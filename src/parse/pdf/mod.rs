//! A PDF's text layer as text in the shape `pdftotext -layout` gives, which the
//! rest of `parse` reads: pages in order, each page's lines top to bottom, a
//! form feed between pages. [`extract`] is the one entry point, from the file's
//! bytes to its text and the warnings a reader should see.
//!
//! lopdf reads the file (cross-reference repair, decryption with the empty
//! password, bounded inflation); `walk` follows the text operators of each page,
//! `fonts` turns shown strings into text, `lines` sets the runs into lines. A
//! file without a text layer, one protected by a password, or one too damaged to
//! read gets a [`PdfError`]; text that cannot be decoded is left out and
//! counted, never shown as Latin-1 junk.
//!
//! Bounded on hostile input: each stream, and the content streams of the whole
//! document together, inflate to at most [`stream_limit`] bytes (20 times the
//! file), and the operations drawn are budgeted (see `walk`), so loops in the
//! object graph, the page tree or the forms end.

mod fonts;
mod lines;
mod walk;

use lopdf::{Document, LoadOptions, Object};

/// The most one stream, or all of a document's content streams together, may
/// inflate to, whatever the file's size.
pub const MAX_STREAM: usize = 512 << 20;
/// Drawing operations every document may take; a file may take two more per
/// byte (real files take less than one).
const MIN_OPERATIONS: usize = 500_000;

/// A PDF's text and what a reader should know about it.
#[derive(Debug)]
pub struct Extracted {
    /// The pages' text, each page's lines ending in `\n`, a form feed between pages.
    pub text: String,
    pub warnings: Vec<String>,
}

/// Why a PDF gives no text.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PdfError {
    #[error("not a readable PDF ({0})")]
    Damaged(String),
    #[error("the PDF is protected by a password (only PDFs that open without one can be read)")]
    Encrypted,
    #[error("the PDF has no pages")]
    NoPages,
    #[error(
        "the PDF has no text layer ({pages} page(s), scanned or drawn): it needs OCR first, \
         e.g. with ocrmypdf"
    )]
    NeedsOcr { pages: usize },
    #[error("the PDF's text is in fonts without a Unicode map: it cannot be read as text")]
    Undecodable,
}

/// The most the streams of a file of `file_len` bytes may inflate to: 20 times
/// the file, at least 16 MB, at most [`MAX_STREAM`].
pub fn stream_limit(file_len: usize) -> usize {
    file_len.saturating_mul(20).clamp(16 << 20, MAX_STREAM)
}

/// The text of the PDF in `bytes`.
pub fn extract(bytes: &[u8]) -> Result<Extracted, PdfError> {
    let doc = open(bytes)?;
    let mut warnings = Vec::new();
    if doc.xref_recovery.is_some() {
        warnings.push(
            "the file is damaged (its index was rebuilt): some text may be missing".to_string(),
        );
    }
    let pages = page_ids(&doc, &mut warnings);
    if pages.is_empty() {
        return Err(PdfError::NoPages);
    }
    let operations = MIN_OPERATIONS.saturating_add(bytes.len().saturating_mul(2));
    let mut walker = walk::Walker::new(&doc, operations, stream_limit(bytes.len()));
    let mut tally = Tally::default();
    let mut text = String::new();
    for (index, &id) in pages.iter().enumerate() {
        if index > 0 {
            text.push('\u{c}');
        }
        let page = walker.page(id);
        text.push_str(&tally.page(index + 1, page, &mut warnings));
    }
    tally
        .finish(pages.len(), warnings)
        .map(|warnings| Extracted { text, warnings })
}

/// Loads the document, decrypting it with the empty password where it is encrypted.
fn open(bytes: &[u8]) -> Result<Document, PdfError> {
    let options = LoadOptions {
        max_decompressed_size: Some(stream_limit(bytes.len())),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| match e {
        lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) => PdfError::Encrypted,
        other => PdfError::Damaged(lowercase(&other.to_string())),
    })?;
    if doc.is_encrypted() {
        return Err(PdfError::Encrypted);
    }
    Ok(doc)
}

/// The pages in order, each once: a page tree that lists a page again (or loops
/// back on itself) is read once per page, with a warning.
fn page_ids(doc: &Document, warnings: &mut Vec<String>) -> Vec<lopdf::ObjectId> {
    let mut seen = std::collections::HashSet::new();
    let mut pages = Vec::new();
    let mut repeated = false;
    for id in doc.page_iter() {
        if seen.insert(id) {
            pages.push(id);
        } else {
            repeated = true;
        }
    }
    if repeated {
        warnings
            .push("the page tree lists some pages more than once; each is read once".to_string());
    }
    pages
}

/// What the pages held, to tell a scan and text that cannot be decoded.
#[derive(Default)]
struct Tally {
    chars: usize,
    image_pages: Vec<usize>,
    unreadable: usize,
    junk: usize,
}

impl Tally {
    fn page(&mut self, number: usize, page: walk::Page, warnings: &mut Vec<String>) -> String {
        if let Some(why) = page.cut {
            warnings.push(format!("page {number} is cut short: {why}"));
        }
        self.unreadable += page.unreadable;
        let (runs, junk): (Vec<_>, Vec<_>) =
            page.runs.into_iter().partition(|run| !is_junk(&run.text));
        self.junk += junk.iter().map(|r| r.text.chars().count()).sum::<usize>();
        let text = lines::page_text(runs);
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        if chars == 0 && page.images > 0 {
            self.image_pages.push(number);
        }
        self.chars += chars;
        text
    }

    fn finish(self, pages: usize, mut warnings: Vec<String>) -> Result<Vec<String>, PdfError> {
        if self.chars == 0 {
            return Err(if self.unreadable + self.junk > 0 {
                PdfError::Undecodable
            } else {
                PdfError::NeedsOcr { pages }
            });
        }
        if !self.image_pages.is_empty() {
            warnings.push(format!(
                "page(s) {} have only images, no text (scanned?): they need OCR",
                list(&self.image_pages)
            ));
        }
        let left_out = self.unreadable + self.junk;
        if left_out > 0 {
            warnings.push(format!(
                "{left_out} character(s) in fonts without a Unicode map were left out"
            ));
        }
        Ok(warnings)
    }
}

/// Text that a font without a Unicode map gave as its raw codes: mostly Latin-1
/// letters, control characters, private-use or replacement characters.
fn is_junk(text: &str) -> bool {
    let mut suspect = 0;
    let mut total = 0;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        total += 1;
        if matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{ff}' | '\u{e000}'..='\u{f8ff}' | '\u{fffd}')
        {
            suspect += 1;
        }
    }
    suspect >= 2 && suspect * 2 >= total
}

fn list(numbers: &[usize]) -> String {
    let shown: Vec<String> = numbers.iter().take(10).map(ToString::to_string).collect();
    let more = if numbers.len() > 10 { ", …" } else { "" };
    format!("{}{more}", shown.join(", "))
}

fn lowercase(message: &str) -> String {
    let mut chars = message.chars();
    chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `object`, or what it refers to (references followed a bounded number of times).
fn resolve<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    doc.dereference(object).map_or(object, |(_, found)| found)
}

#[cfg(test)]
mod tests;
