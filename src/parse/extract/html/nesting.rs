//! A page's markup with its nesting held to a depth: start tags that would
//! open an element deeper than [`MOST_OPEN`] (and their end tags) are left
//! out, their text kept. The HTML parser checks the open elements at every
//! paragraph and block it starts, so a page of tens of thousands of nested
//! `<div>`s would take it minutes; no real page nests that deep.
//!
//! Only elements whose end tag is required are counted (`div`, `span`,
//! `table`, `font`, …): a paragraph or list item left unclosed, as old pages
//! do by the thousand, is never taken for nesting.

use std::borrow::Cow;
use std::collections::HashMap;

/// Elements open at once beyond which start tags are left out.
pub(super) const MOST_OPEN: usize = 512;

/// Elements that never have content, so never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen", "basefont", "bgsound", "frame",
];

/// Elements whose end tag may be left out: they close themselves.
const SELF_CLOSING: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rtc", "rp",
    "thead", "tbody", "tfoot", "colgroup", "caption", "html", "head", "body",
];

/// Elements whose content is text up to their end tag, never markup.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// The markup with start tags past [`MOST_OPEN`] open elements left out, and
/// whether any was.
pub(super) fn capped(markup: &str) -> (Cow<'_, str>, bool) {
    let bytes = markup.as_bytes();
    let mut kept = String::new();
    let mut copied = 0;
    let mut open = 0_usize;
    let mut left_out: HashMap<String, usize> = HashMap::new();
    let mut at = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + offset;
        let Some(tag) = Tag::read(markup, start) else {
            at = start + 1;
            continue;
        };
        at = tag.end;
        let drop = match tag.kind {
            Kind::Start if counts(&tag.name) => {
                if open >= MOST_OPEN {
                    *left_out.entry(tag.name.clone()).or_default() += 1;
                    true
                } else {
                    open += 1;
                    false
                }
            }
            Kind::End if counts(&tag.name) => match left_out.get_mut(&tag.name) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    true
                }
                _ => {
                    open = open.saturating_sub(1);
                    false
                }
            },
            _ => false,
        };
        if drop {
            kept.push_str(&markup[copied..start]);
            copied = tag.end;
        }
        if tag.kind == Kind::Start && RAW_TEXT.contains(&tag.name.as_str()) {
            at = raw_text_end(markup, at, &tag.name);
        }
    }
    if copied == 0 {
        return (Cow::Borrowed(markup), false);
    }
    kept.push_str(&markup[copied..]);
    (Cow::Owned(kept), true)
}

fn counts(name: &str) -> bool {
    !(VOID.contains(&name) || SELF_CLOSING.contains(&name))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Start,
    End,
    /// A comment, doctype, processing instruction or self-closed tag.
    Other,
}

struct Tag {
    kind: Kind,
    name: String,
    /// Just past its `>`.
    end: usize,
}

impl Tag {
    /// The tag at `start` (a `<`), if one is there.
    fn read(markup: &str, start: usize) -> Option<Self> {
        let rest = &markup[start + 1..];
        if let Some(comment) = rest.strip_prefix("!--") {
            let end = comment
                .find("-->")
                .map_or(markup.len(), |e| start + 4 + e + 3);
            return Some(Self::other(end));
        }
        if rest.starts_with(['!', '?']) {
            let end = rest.find('>').map_or(markup.len(), |e| start + 1 + e + 1);
            return Some(Self::other(end));
        }
        let (kind, name_at) = match rest.strip_prefix('/') {
            Some(_) => (Kind::End, start + 2),
            None => (Kind::Start, start + 1),
        };
        let name: String = markup[name_at..]
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        let close = tag_close(markup, name_at + name.len())?;
        let self_closed = markup[..close].ends_with('/');
        Some(Self {
            kind: if self_closed { Kind::Other } else { kind },
            name,
            end: close + 1,
        })
    }

    fn other(end: usize) -> Self {
        Self {
            kind: Kind::Other,
            name: String::new(),
            end,
        }
    }
}

/// Where a tag's closing `>` is, past quoted attribute values.
fn tag_close(markup: &str, from: usize) -> Option<usize> {
    let mut quote = None;
    for (offset, byte) in markup.as_bytes()[from..].iter().enumerate() {
        match (quote, byte) {
            (None, b'"' | b'\'') => quote = Some(*byte),
            (Some(q), b) if q == *b => quote = None,
            (None, b'>') => return Some(from + offset),
            _ => {}
        }
    }
    None
}

/// Where the raw text of element `name` that starts at `from` ends: at its
/// end tag, or the end of the markup.
fn raw_text_end(markup: &str, from: usize, name: &str) -> usize {
    let lower = |s: &str| s.to_ascii_lowercase();
    let closing = format!("</{name}");
    let mut at = from;
    while let Some(offset) = markup[at..].find("</") {
        let candidate = at + offset;
        let end = (candidate + closing.len()).min(markup.len());
        if markup.is_char_boundary(end) && lower(&markup[candidate..end]) == closing {
            return candidate;
        }
        at = candidate + 2;
    }
    markup.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_past_the_limit_keeps_its_text_and_loses_its_tags() {
        let deep = format!(
            "<body>{}<p>深处</p>{}<p>后文</p></body>",
            "<div>".repeat(MOST_OPEN + 10),
            "</div>".repeat(MOST_OPEN + 10)
        );
        let (capped, was) = capped(&deep);
        assert!(was);
        assert_eq!(capped.matches("<div>").count(), MOST_OPEN);
        assert_eq!(capped.matches("</div>").count(), MOST_OPEN);
        assert!(capped.contains("<p>深处</p>") && capped.contains("<p>后文</p>"));
    }

    #[test]
    fn unclosed_paragraphs_scripts_and_comments_are_not_nesting() {
        let page = format!(
            "<div>{}<script>var s = '<div>'.repeat(9999);</script><!-- <div> --></div>",
            "<p>一段<li>一项".repeat(MOST_OPEN * 2)
        );
        let (capped, was) = capped(&page);
        assert!(!was);
        assert!(matches!(capped, Cow::Borrowed(_)));
    }
}
