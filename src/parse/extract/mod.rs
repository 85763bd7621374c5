//! Documents that are not plain text: what a file is, told by its content
//! (never its name), and the text of a Word file or a web page, one block a
//! line, as the rest of `parse` reads plain text.
//!
//! `detect` looks only at a file's first bytes for text, so plain text pays
//! nothing for it. `docx` walks a Word file's XML by hand (paragraphs, tables,
//! numbering labels, footnotes); `html` decodes a web page by its declared
//! charset and keeps its main content. Both give an [`Extracted`]: the text
//! (line N is the N-th block) and the headings the file marks as such (Word's
//! heading styles and outline levels, HTML's `h1`–`h6`), kept as evidence.
//!
//! Owns no outline rules; imports nothing above `parse`.

pub mod docx;
pub mod html;

/// What a file holds, judged by its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Anything not recognised below: decoded as text.
    Text,
    /// A zip archive holding `word/document.xml`.
    Docx,
    /// A web page or a fragment of one.
    Html,
    /// A file starting `%PDF-`.
    Pdf,
}

/// What a file is, from its bytes: a signature, then the start of a web page.
pub fn detect(bytes: &[u8]) -> Format {
    if bytes.starts_with(b"%PDF-") {
        Format::Pdf
    } else if docx::is_docx(bytes) {
        Format::Docx
    } else if html::is_html(bytes) {
        Format::Html
    } else {
        Format::Text
    }
}

/// A heading the file itself marks: Word's heading style or outline level, or
/// an HTML heading element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkedHeading {
    /// The line of the extracted text (0-based).
    pub line: usize,
    /// 1 for the top level (`Heading 1`, outline level 0, `h1`), up to 9.
    pub level: u8,
}

/// The text of a Word file or a web page, one block a line.
#[derive(Debug, Default)]
pub struct Extracted {
    pub text: String,
    /// Headings marked by the file, in line order.
    pub headings: Vec<MarkedHeading>,
    /// What was left out or cut short, in a few words each, for the user.
    pub notices: Vec<String>,
}

impl Extracted {
    /// What every extraction promises, for the fuzz targets: each marked
    /// heading stands on a line of the text, in order, and the text builds into
    /// a consistent outline; the promise broken, if one is.
    pub fn check(&self) -> Result<(), String> {
        let lines = self.text.lines().count();
        let mut last = None;
        for heading in &self.headings {
            if heading.line >= lines {
                return Err("a marked heading past the text".to_string());
            }
            if last >= Some(heading.line) {
                return Err("marked headings out of order".to_string());
            }
            last = Some(heading.line);
        }
        crate::build(&self.text).check()
    }

    /// Ends the current line: the next block starts a new one.
    fn push_line(&mut self, line: &str) {
        self.text.push_str(line);
        self.text.push('\n');
    }
}

/// Why a Word file or a web page could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// The file is damaged or is not what it seemed: `what` says how.
    #[error("{0}")]
    Damaged(String),
}

/// Appends `piece` to `line` as text saved one paragraph a line would join two
/// pieces: nothing between two ideographs (or next to a space already there),
/// one space between other characters.
fn join_into(line: &mut String, piece: &str) {
    let (Some(last), Some(first)) = (line.chars().last(), piece.chars().next()) else {
        line.push_str(piece);
        return;
    };
    if needs_space(last, first) {
        line.push(' ');
    }
    line.push_str(piece);
}

fn needs_space(last: char, first: char) -> bool {
    !(last.is_whitespace() || first.is_whitespace() || is_wide(last) || is_wide(first))
}

/// Characters a CJK text sets without spaces around them: ideographs, kana,
/// hangul and full-width punctuation.
fn is_wide(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}' | '\u{FF00}'..='\u{FFEF}' | '\u{20000}'..='\u{3FFFF}')
}

#[cfg(test)]
mod tests;
