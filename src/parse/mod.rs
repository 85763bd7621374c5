//! Bytes to a [`Document`](crate::document::Document): everything that reads a file.
//!
//! `input` reads files and standard input, `extract` tells a PDF, a Word file
//! or a web page by its content and takes its text out (a PDF's text layer by
//! `pdf`), `decode` turns bytes into text (or refuses them), `source` cleans
//! the text into content lines (page artefacts
//! dropped), `measure` finds the local wrap width, `scan` reports the label a
//! line starts with (numerals in `numeral`), and `assemble` is the one pass that
//! decides over the whole document: headings, titles, contents, tables, boxes,
//! paragraphs and the outline tree (`progress` counts how far it has gone, for a
//! long text built off the reader's thread). `locate` maps a place in the reflowed text
//! back to its source line. `library` reads many files and folders as one
//! library, in parallel and in a natural order; `cache` keeps the documents
//! built for it by the hash of their text.
//!
//! Imports only `document`; never the terminal.

pub mod assemble;
pub mod cache;
pub mod decode;
pub mod extract;
pub mod input;
pub mod library;
pub mod locate;
pub mod measure;
pub mod numeral;
pub mod pdf;
pub mod progress;
pub mod scan;
pub mod source;

pub use assemble::{build, build_reporting};
