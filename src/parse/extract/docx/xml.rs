//! The few things every walk over a Word file's XML needs: an element's name,
//! its `w:val`-style attributes, the text of a text event and of an entity.
//! Word and WPS write the `w:` prefix for `WordprocessingML`; elements are
//! matched by their full name, so drawing text (`a:t`) is never taken for
//! document text.

use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart};

/// A reader over a whole part, which tolerates end tags that do not match (a
/// damaged part is read as far as it goes).
pub(super) fn reader(xml: &str) -> Reader<&[u8]> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = false;
    reader
}

/// The value of attribute `key` (`w:val`, `w:id`, …), entities decoded.
pub(super) fn attribute(element: &BytesStart<'_>, key: &str) -> Option<String> {
    let found = element.try_get_attribute(key).ok()??;
    found
        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .ok()
        .map(std::borrow::Cow::into_owned)
}

/// `w:val` as a number.
pub(super) fn number(element: &BytesStart<'_>, key: &str) -> Option<u32> {
    attribute(element, key)?.trim().parse().ok()
}

/// The character an entity or character reference stands for (`&amp;`, `&#x4E00;`).
pub(super) fn entity(reference: &BytesRef<'_>) -> Option<char> {
    if reference.is_char_ref() {
        return reference.resolve_char_ref().ok().flatten();
    }
    match reference.xml10_content().as_ref() {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

/// A part's bytes as text: UTF-8 (the rule), or UTF-16 named by its BOM.
pub(super) fn part_text(bytes: &[u8]) -> String {
    let (text, _, _) = encoding_rs::UTF_8.decode(bytes);
    text.into_owned()
}
