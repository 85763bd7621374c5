//! A web page (or a fragment of one) to lines of text: decoded by the charset
//! it declares (a BOM, `<meta charset>`, `http-equiv`), else as any text is;
//! its nesting held to a depth the parser copes with (`nesting`); parsed by
//! `scraper` (entities decoded); its main content found (`content`) and set
//! out one block a line (`lines`).

mod content;
mod lines;
mod nesting;

use encoding_rs::{Encoding, UTF_8};
use scraper::Html;

use super::{ExtractError, Extracted};
use crate::parse::decode;

/// How far into a page its charset declaration, or its first tags, are looked for.
const SNIFF_BYTES: usize = 4096;

/// Tags that make text starting with a tag a web page.
const PAGE_TAGS: &[&[u8]] = &[
    b"<p>",
    b"<p ",
    b"<div",
    b"<h1",
    b"<h2",
    b"<h3",
    b"<h4",
    b"<h5",
    b"<h6",
    b"<table",
    b"<ul",
    b"<ol",
    b"<li",
    b"<br",
    b"<article",
    b"<section",
    b"<body",
    b"<head",
    b"<meta",
    b"<title",
];

/// Whether `bytes` start as a web page does: a doctype, `<html`, an XML
/// declaration before `<html`, or, for a fragment, a tag first and block tags
/// in the first few kilobytes. Comments before any of them are passed over. A
/// page saved as UTF-16 (Windows does) is looked at as its characters, not its
/// bytes.
pub(super) fn is_html(bytes: &[u8]) -> bool {
    match Encoding::for_bom(bytes) {
        Some((encoding, bom)) if encoding != UTF_8 => {
            let window = &bytes[bom..bytes.len().min(bom + 2 * SNIFF_BYTES)];
            let (head, _) = encoding.decode_without_bom_handling(window);
            starts_as_html(head.as_bytes())
        }
        _ => starts_as_html(bytes),
    }
}

/// [`is_html`] for bytes that are ASCII-compatible.
fn starts_as_html(bytes: &[u8]) -> bool {
    let mut rest = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    rest = rest.trim_ascii_start();
    // Only text that starts with a tag is looked at further: plain text pays
    // nothing for this test.
    if !rest.starts_with(b"<") {
        return false;
    }
    let head = rest[..rest.len().min(SNIFF_BYTES)].to_ascii_lowercase();
    let mut start = head.as_slice();
    while let Some(comment) = start.strip_prefix(b"<!--") {
        let Some(end) = memchr::memmem::find(comment, b"-->") else {
            return false;
        };
        start = comment[end + 3..].trim_ascii_start();
    }
    let has = |tag: &[u8]| memchr::memmem::find(&head, tag).is_some();
    if start.starts_with(b"<!doctype html") || start.starts_with(b"<html") {
        return true;
    }
    if start.starts_with(b"<?xml") {
        return has(b"<html");
    }
    start.get(1).is_some_and(u8::is_ascii_alphabetic) && PAGE_TAGS.iter().any(|tag| has(tag))
}

/// The text of a web page: its main content, one block a line.
pub fn extract(bytes: &[u8]) -> Result<Extracted, ExtractError> {
    let text = page_text(bytes)?;
    let (markup, too_deep) = nesting::capped(&text);
    let page = Html::parse_document(&markup);
    let mut extracted = lines::main_content(&page);
    if too_deep {
        extracted.notices.push(format!(
            "the page nests elements over {} deep; the deeper ones are read as part of those around them",
            nesting::MOST_OPEN
        ));
    }
    Ok(extracted)
}

/// The page's bytes decoded: by a byte-order mark, else by the charset its
/// `<meta>` declares, else as a text file would be. A page declared in a
/// legacy charset whose bytes are valid UTF-8 was saved again as UTF-8 (as
/// browsers do): UTF-8 it is.
fn page_text(bytes: &[u8]) -> Result<String, ExtractError> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return Ok(encoding
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned());
    }
    let declared = declared_charset(&bytes[..bytes.len().min(SNIFF_BYTES)]);
    match declared {
        Some(encoding) if encoding != UTF_8 && std::str::from_utf8(bytes).is_err() => {
            Ok(encoding.decode_without_bom_handling(bytes).0.into_owned())
        }
        _ => decode::decode(bytes)
            .map(|decoded| decoded.text)
            .map_err(|e| ExtractError::Damaged(e.to_string())),
    }
}

/// The encoding a `<meta charset="…">` or `<meta http-equiv="Content-Type"
/// content="…; charset=…">` in `head` names. A page cannot declare UTF-16 in
/// itself (it would not be ASCII to read); such a declaration means UTF-8.
fn declared_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    memchr::memmem::find_iter(&lower, b"<meta").find_map(|at| {
        let tag = &lower[at..];
        let tag = &tag[..memchr::memchr(b'>', tag).unwrap_or(tag.len())];
        let value = &tag[memchr::memmem::find(tag, b"charset")? + b"charset".len()..];
        let value = value
            .trim_ascii_start()
            .strip_prefix(b"=")?
            .trim_ascii_start();
        let value = value
            .strip_prefix(b"\"")
            .or(value.strip_prefix(b"'"))
            .unwrap_or(value);
        let end = value
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || b"-_:.".contains(&b)))
            .unwrap_or(value.len());
        let encoding = Encoding::for_label(&value[..end])?;
        Some(encoding.output_encoding())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_and_fragments_are_told_from_text() {
        assert!(is_html(b"<!DOCTYPE html>\n<html><body></body></html>"));
        assert!(is_html(b"\xEF\xBB\xBF  <HTML lang=zh>"));
        assert!(is_html(b"<!-- saved from url=(0051)https://x/ -->\n<html>"));
        assert!(is_html(
            b"<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"x\">\n<html>"
        ));
        assert!(is_html("<h1>标题</h1>\n<p>正文。</p>".as_bytes()));
        assert!(!is_html("第一章 总则\n<p>".as_bytes()));
        assert!(!is_html("<<中华人民共和国民法典>>\n<p>".as_bytes()));
        assert!(!is_html(b"<note>a remark</note> and more text"));
    }

    #[test]
    fn the_declared_charset_is_found_in_either_form() {
        let gbk = declared_charset(
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">",
        );
        assert_eq!(gbk.map(Encoding::name), Some("GBK"));
        let utf8 = declared_charset(b"<head><META CHARSET='utf-8'/>");
        assert_eq!(utf8.map(Encoding::name), Some("UTF-8"));
        let utf16 = declared_charset(b"<meta charset=utf-16le>");
        assert_eq!(utf16.map(Encoding::name), Some("UTF-8"));
        assert_eq!(declared_charset(b"<p>charset=gbk</p>"), None);
    }
}
