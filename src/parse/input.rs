//! Reading a document: a path or `-` (standard input) to a [`Document`], with the
//! warnings a reader should see. File-system errors become one-line messages.
//! What a file holds is told by its content ([`extract::detect`]): a Word file
//! or a web page is extracted to text, anything else decoded as text.

use std::borrow::Cow;
use std::io::Read;
use std::path::Path;

use crate::document::Document;
use crate::parse::decode::{self, DecodeError, Decoded};
use crate::parse::extract::{self, ExtractError, Extracted, Format, MarkedHeading};
use crate::parse::pdf::{self, PdfError};

/// A document read from a file, and what went wrong on the way that did not stop it.
#[derive(Debug)]
pub struct Loaded {
    pub document: Document,
    pub warnings: Vec<String>,
}

/// Why a file could not be read as a document.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("reading {name}: {reason}")]
    Io { name: String, reason: String },
    #[error("reading {name}: {reason}")]
    NotText { name: String, reason: DecodeError },
    #[error("reading {name}: {reason}")]
    Extract { name: String, reason: ExtractError },
    #[error("reading {name}: {reason}")]
    Pdf { name: String, reason: PdfError },
}

/// A file's text, decoded or extracted, before it is built into a document.
#[derive(Debug)]
pub struct Text {
    /// One line a line of the file, or one block a line of a Word file or a
    /// web page: the text the outline's line numbers refer to.
    pub text: String,
    pub warnings: Vec<String>,
    /// What the file was.
    pub format: Format,
    /// The headings a Word file or a web page marks as such (none for text).
    pub marked_headings: Vec<MarkedHeading>,
}

impl Text {
    pub fn build(self) -> Loaded {
        Loaded {
            document: crate::build(&self.text),
            warnings: self.warnings,
        }
    }
}

/// Reads and builds the document at `path` (`-` for standard input).
pub fn load(path: &Path) -> Result<Loaded, InputError> {
    read_text(path).map(Text::build)
}

/// Builds the document from bytes already in memory; `name` names them in messages.
pub fn load_bytes(name: &str, bytes: &[u8]) -> Result<Loaded, InputError> {
    text_of(name, Cow::Borrowed(bytes)).map(Text::build)
}

/// Reads and decodes the file at `path` (`-` for standard input).
pub fn read_text(path: &Path) -> Result<Text, InputError> {
    let name = display_name(path);
    let bytes = read_bytes(path).map_err(|e| InputError::Io {
        name: name.clone(),
        reason: describe(&e),
    })?;
    text_of(&name, Cow::Owned(bytes))
}

/// Decodes or extracts bytes already in memory; `name` names them in messages.
pub fn text_from_bytes(name: &str, bytes: &[u8]) -> Result<Text, InputError> {
    text_of(name, Cow::Borrowed(bytes))
}

/// The text of a file's bytes, by what they hold.
fn text_of(name: &str, bytes: Cow<'_, [u8]>) -> Result<Text, InputError> {
    match extract::detect(&bytes) {
        Format::Text => text_from(name, decode_cow(bytes)),
        Format::Pdf => pdf_text(name, &bytes),
        Format::Docx => extracted(name, Format::Docx, extract::docx::extract(&bytes)),
        Format::Html => extracted(name, Format::Html, extract::html::extract(&bytes)),
    }
}

fn decode_cow(bytes: Cow<'_, [u8]>) -> Result<Decoded, DecodeError> {
    match bytes {
        Cow::Borrowed(bytes) => decode::decode(bytes),
        Cow::Owned(bytes) => decode::decode_owned(bytes),
    }
}

/// The text of a Word file or a web page, its notices as warnings.
fn extracted(
    name: &str,
    format: Format,
    extracted: Result<Extracted, ExtractError>,
) -> Result<Text, InputError> {
    let extracted = extracted.map_err(|reason| InputError::Extract {
        name: name.to_string(),
        reason,
    })?;
    Ok(Text {
        text: extracted.text,
        warnings: named(name, &extracted.notices),
        format,
        marked_headings: extracted.headings,
    })
}

/// The text layer of a PDF, its notices as warnings.
fn pdf_text(name: &str, bytes: &[u8]) -> Result<Text, InputError> {
    let extracted = pdf::extract(bytes).map_err(|reason| InputError::Pdf {
        name: name.to_string(),
        reason,
    })?;
    Ok(Text {
        text: extracted.text,
        warnings: named(name, &extracted.warnings),
        format: Format::Pdf,
        marked_headings: Vec::new(),
    })
}

/// What an extraction noticed, as warnings that name the file.
fn named(name: &str, notices: &[impl std::fmt::Display]) -> Vec<String> {
    notices
        .iter()
        .map(|notice| format!("{name}: {notice}"))
        .collect()
}

fn text_from(name: &str, decoded: Result<Decoded, DecodeError>) -> Result<Text, InputError> {
    let decoded = decoded.map_err(|reason| InputError::NotText {
        name: name.to_string(),
        reason,
    })?;
    let mut warnings = Vec::new();
    if decoded.nul_bytes > 0 {
        warnings.push(format!(
            "{name}: holds {} NUL byte(s); they are shown as \u{2400}",
            decoded.nul_bytes
        ));
    }
    if decoded.lossy {
        let per_mille = (decoded.replaced * 1000).div_ceil(decoded.text.len().max(1));
        warnings.push(format!(
            "{name}: some bytes are not valid {} ({} place(s), {}.{}% of the text); \
             they are shown as \u{FFFD}",
            decoded.encoding,
            decoded.replaced,
            per_mille / 10,
            per_mille % 10
        ));
    }
    Ok(Text {
        text: decoded.text,
        warnings,
        format: Format::Text,
        marked_headings: Vec::new(),
    })
}

/// The first `bytes` of `text` or so, cut at the end of a line: enough for the
/// first screens while the whole is built. A line that runs on for another
/// `bytes` and more (a file saved as one line) is cut between characters.
pub fn opening(text: &str, bytes: usize) -> &str {
    if text.len() <= bytes {
        return text;
    }
    let look = &text.as_bytes()[bytes..text.len().min(bytes.saturating_mul(2))];
    // A line feed is one byte, so the cut falls between characters.
    match look.iter().position(|&b| b == b'\n') {
        Some(end) => &text[..bytes + end],
        None if bytes.saturating_mul(2) >= text.len() => text,
        None => {
            let mut cut = bytes;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            &text[..cut]
        }
    }
}

/// How much of a long text is built and shown first, while the whole is built:
/// a few screens' worth, cut at a line's end ([`opening`]).
pub const OPENING_BYTES: usize = 16 * 1024;

/// How much of a long text file is read before the whole ([`read_opening`]):
/// more than twice the opening, so that what is built first from it is what
/// would be built from the whole.
pub const OPENING_READ: usize = 4 * OPENING_BYTES;

/// The opening of a long text file, read alone so that it can be shown while
/// the whole is read: its first [`OPENING_READ`] bytes or so, cut at the end of
/// a line. Only for a regular file over twice that long (and not too large to
/// read) whose opening is plain UTF-8 text, not all blank; `None` for anything
/// else, which is read whole. The whole decodes to a text that begins with
/// this one, unless the file changes in between.
pub fn read_opening(path: &Path) -> Option<Text> {
    if path == Path::new("-") {
        return None;
    }
    // Looked at before it is opened: opening a named pipe waits for a writer.
    let length = std::fs::metadata(path)
        .ok()
        .filter(std::fs::Metadata::is_file)?
        .len();
    if length <= 2 * OPENING_READ as u64 || length > MAX_BYTES {
        return None;
    }
    let mut head = Vec::with_capacity(OPENING_READ);
    let file = std::fs::File::open(path).ok()?;
    file.take(OPENING_READ as u64).read_to_end(&mut head).ok()?;
    opening_text(head)
}

/// The text of the first bytes of a longer file, cut at the end of their last
/// line, if they are plain UTF-8 text, not all blank (as [`read_opening`]).
pub fn opening_text(mut head: Vec<u8>) -> Option<Text> {
    head.truncate(memchr::memrchr(b'\n', &head)? + 1);
    if extract::detect(&head) != Format::Text {
        return None;
    }
    let decoded = decode::decode_owned(head).ok()?;
    let plain = decoded.encoding == "UTF-8"
        && !decoded.lossy
        && decoded.nul_bytes == 0
        && !decoded.text.trim().is_empty();
    plain.then(|| Text {
        text: decoded.text,
        warnings: Vec::new(),
        format: Format::Text,
        marked_headings: Vec::new(),
    })
}

/// How a path is named in messages: as given, `standard input` for `-`.
pub fn display_name(path: &Path) -> String {
    if path == Path::new("-") {
        "standard input".to_string()
    } else {
        path.display().to_string()
    }
}

/// The largest text gangmu reads: documents are read whole into memory, which
/// takes about three times their size.
pub const MAX_BYTES: u64 = 1 << 30;

/// The bytes of a file, a pipe or standard input, up to [`MAX_BYTES`]. Devices
/// (`/dev/zero`, a terminal's device file) and sockets are refused: they may
/// never end.
fn read_bytes(path: &Path) -> std::io::Result<Vec<u8>> {
    if path == Path::new("-") {
        return read_limited(std::io::stdin().lock(), 0);
    }
    let metadata = std::fs::metadata(path)?;
    let kind = metadata.file_type();
    if kind.is_dir() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "is a directory",
        ));
    }
    if !kind.is_file() && !is_pipe(kind) {
        return Err(std::io::Error::other(
            "not a regular file (a device or socket)",
        ));
    }
    if metadata.len() > MAX_BYTES {
        return Err(too_large());
    }
    // Room for the whole file at once (a pipe's length is 0): no copying as it
    // grows.
    let room = usize::try_from(metadata.len()).unwrap_or(0) + 1;
    read_limited(std::fs::File::open(path)?, room)
}

/// Whether `path` is a named pipe (a FIFO): reading it waits for a writer.
pub fn is_named_pipe(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| is_pipe(m.file_type()))
}

#[cfg(unix)]
fn is_pipe(kind: std::fs::FileType) -> bool {
    std::os::unix::fs::FileTypeExt::is_fifo(&kind)
}

#[cfg(not(unix))]
fn is_pipe(_: std::fs::FileType) -> bool {
    false
}

/// Reads to the end into a buffer with `room` bytes to start with, refusing
/// more than [`MAX_BYTES`].
fn read_limited(reader: impl Read, room: usize) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(room);
    reader.take(MAX_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

fn too_large() -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::FileTooLarge,
        format!(
            "too large: gangmu reads texts of up to {} MB",
            MAX_BYTES >> 20
        ),
    )
}

/// A lowercase, one-line description of an I/O error.
fn describe(error: &std::io::Error) -> String {
    use std::io::ErrorKind::{IsADirectory, NotFound, PermissionDenied};
    match error.kind() {
        NotFound => "no such file".to_string(),
        PermissionDenied => "permission denied".to_string(),
        IsADirectory => "is a directory".to_string(),
        _ => {
            let text = error.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text).to_string();
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => text,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file holding `bytes`, in a fresh folder.
    fn a_file(bytes: &[u8]) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("plan.txt");
        std::fs::write(&path, bytes).expect("written");
        (dir, path)
    }

    #[test]
    fn a_long_text_files_opening_is_its_first_lines_and_begins_its_whole() {
        let (_dir, path) = a_file(crate::sample::BYTES);
        let opening = read_opening(&path).expect("an opening");
        assert!(opening.text.ends_with('\n'));
        assert!(opening.text.len() <= OPENING_READ && opening.text.len() > OPENING_READ / 2);
        let whole = read_text(&path).expect("read whole");
        assert!(whole.text.starts_with(&opening.text));
        assert!(whole.text.len() > opening.text.len());
    }

    #[test]
    fn only_a_long_plain_utf8_text_file_is_read_from_its_opening() {
        let line = "第一章 总则\n第一条 为了规范数据管理，制定本办法。\n";
        let long = line.repeat(3 * OPENING_READ / line.len());
        let (_dir, short) = a_file(&long.as_bytes()[..OPENING_READ]);
        assert!(read_opening(&short).is_none(), "short enough to read whole");
        assert!(read_opening(Path::new("-")).is_none(), "standard input");
        let (gb18030, _, _) = encoding_rs::GB18030.encode(&long);
        let (_dir, legacy) = a_file(&gb18030);
        assert!(read_opening(&legacy).is_none(), "a legacy encoding");
        let (_dir, one_line) = a_file(long.replace('\n', "").as_bytes());
        assert!(
            read_opening(&one_line).is_none(),
            "no line ends in the opening"
        );
        let (_dir, blank) = a_file(&b"\n".repeat(3 * OPENING_READ));
        assert!(read_opening(&blank).is_none(), "all blank");
        let page = format!("<!DOCTYPE html><html><body><p>{long}</p></body></html>");
        let (_dir, html) = a_file(page.as_bytes());
        assert!(read_opening(&html).is_none(), "a web page");
        let (_dir, nul) = a_file(format!("\0{long}").as_bytes());
        assert!(read_opening(&nul).is_none(), "a NUL byte");
        let (_dir, plain) = a_file(long.as_bytes());
        assert!(read_opening(&plain).is_some());
    }

    #[test]
    fn a_named_pipe_is_not_opened_for_its_opening() {
        let dir = tempfile::tempdir().expect("a folder");
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.expect("mkfifo runs").success());
        // Opening it would wait for a writer that never comes.
        let (done, finished) = std::sync::mpsc::channel();
        std::thread::spawn(move || done.send(read_opening(&fifo).is_none()));
        let answer = finished.recv_timeout(std::time::Duration::from_secs(5));
        assert_eq!(answer, Ok(true));
    }
}
