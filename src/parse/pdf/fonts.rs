//! A PDF font as a decoder: the bytes of a shown string to codes, each code to
//! its text and its advance. Owns the choice of where a code's text comes from:
//! the font's `ToUnicode` map first (as poppler does), then a predefined Chinese
//! `CMap` read with `encoding_rs` (`GBK-EUC-H`, `GB-EUC-H`, `UniGB-UCS2-H`,
//! `UniGB-UTF16-H` …), then the simple encodings lopdf knows. A font none of these
//! reads (an `Identity-H` font without `ToUnicode`) is marked unreadable: its
//! codes are counted, never shown as text.

use encoding_rs::{GB18030, UTF_16BE};
use lopdf::{Dictionary, Document, Encoding, Object};

use super::resolve;

/// How a shown string's bytes split into character codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Codes {
    /// A simple font: one byte per code.
    OneByte,
    /// `Identity-H`, `UniGB-UCS2-H` and other two-byte `CMaps`.
    TwoBytes,
    /// `GBK-EUC-H`, `GB-EUC-H`, `GBK2K-H`: ASCII in one byte, the rest in two
    /// (four in GB18030's four-byte form).
    Euc,
    /// `UniGB-UTF16-H`: two bytes, four for a surrogate pair.
    Utf16,
}

/// Where a code's text comes from.
enum Text<'a> {
    /// The font's `ToUnicode` map, or an encoding lopdf reads.
    Lopdf(Encoding<'a>),
    /// A predefined `CMap` whose codes are those of a character encoding.
    Predefined(&'static encoding_rs::Encoding),
    /// Nothing says what the codes mean.
    Unreadable,
}

/// The advances of a font's codes, in thousandths of the font size.
enum Widths {
    /// A simple font: `/Widths` from `/FirstChar`.
    Simple { first: u32, widths: Vec<f64> },
    /// A CID font: `/W` ranges by CID (the code, under `Identity-H`).
    Cid {
        ranges: Vec<(u32, u32, f64)>,
        default: f64,
        identity: bool,
    },
}

/// One code of a shown string: its text (empty when unreadable), its advance in
/// text space (before the font size), and whether it is the single byte 32 that
/// word spacing applies to.
#[derive(Debug)]
pub(super) struct Glyph {
    pub text: String,
    pub advance: f64,
    pub word_space: bool,
}

/// A font ready to decode shown strings.
pub(super) struct Font<'a> {
    codes: Codes,
    text: Text<'a>,
    widths: Widths,
    /// The font matrix's horizontal scale: 0.001 but for Type3 fonts.
    scale: f64,
}

impl<'a> Font<'a> {
    /// Reads the font dictionary `dict`; `limit` bounds the inflation of its
    /// `ToUnicode` stream.
    pub(super) fn new(doc: &'a Document, dict: &'a Dictionary, limit: usize) -> Font<'a> {
        let composite = dict.has_type(b"Font") && name_of(doc, dict, b"Subtype") == Some(b"Type0");
        let encoding = name_of(doc, dict, b"Encoding").unwrap_or_default();
        let codes = if composite {
            codes_of_cmap(encoding)
        } else {
            Codes::OneByte
        };
        Font {
            codes,
            text: text_source(doc, dict, encoding, limit),
            widths: if composite {
                cid_widths(
                    doc,
                    dict,
                    encoding == b"Identity-H" || encoding == b"Identity-V",
                )
            } else {
                simple_widths(doc, dict)
            },
            scale: font_scale(doc, dict),
        }
    }

    /// Whether nothing tells this font's codes' text.
    pub(super) fn unreadable(&self) -> bool {
        matches!(self.text, Text::Unreadable)
    }

    /// The codes of `bytes`, decoded.
    pub(super) fn glyphs(&self, bytes: &[u8]) -> Vec<Glyph> {
        let mut glyphs = Vec::with_capacity(bytes.len());
        let mut rest = bytes;
        while !rest.is_empty() {
            let length = self.code_length(rest).min(rest.len());
            let (code, after) = rest.split_at(length);
            rest = after;
            let mut text = self.text_of(code);
            // A map to line feeds, form feeds or NUL would break the lines and pages.
            text.retain(|c| !c.is_control());
            glyphs.push(Glyph {
                text,
                advance: self.width_of(code) * self.scale,
                word_space: code == [32],
            });
        }
        glyphs
    }

    fn code_length(&self, bytes: &[u8]) -> usize {
        match (self.codes, bytes) {
            (Codes::Euc, [lead, second, ..]) if *lead > 0x80 => {
                if (0x30..=0x39).contains(second) {
                    4
                } else {
                    2
                }
            }
            (Codes::Utf16, [lead, ..]) if (0xD8..=0xDB).contains(lead) => 4,
            (Codes::OneByte | Codes::Euc, _) => 1,
            (Codes::TwoBytes | Codes::Utf16, _) => 2,
        }
    }

    fn text_of(&self, code: &[u8]) -> String {
        match &self.text {
            Text::Lopdf(encoding) => encoding.bytes_to_string(code).unwrap_or_default(),
            Text::Predefined(encoding) => encoding
                .decode_without_bom_handling_and_without_replacement(code)
                .map(String::from)
                .unwrap_or_default(),
            Text::Unreadable => String::new(),
        }
    }

    fn width_of(&self, code: &[u8]) -> f64 {
        let number = code.iter().fold(0u32, |n, &b| (n << 8) | u32::from(b));
        match &self.widths {
            Widths::Simple { first, widths } => number
                .checked_sub(*first)
                .and_then(|i| widths.get(i as usize))
                .copied()
                .filter(|&w| w > 0.0)
                .unwrap_or(500.0),
            Widths::Cid {
                ranges,
                default,
                identity,
            } => {
                if !identity {
                    // Without the CMap's CID table, a one-byte (ASCII) code is
                    // half width and the others take the default.
                    return if code.len() == 1 || number < 0x100 {
                        500.0
                    } else {
                        *default
                    };
                }
                ranges
                    .iter()
                    .find(|(low, high, _)| (*low..=*high).contains(&number))
                    .map_or(*default, |&(_, _, w)| w)
            }
        }
    }
}

/// The predefined `CMaps` of Adobe-GB1 and the encodings their codes are in.
fn predefined(encoding: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    match encoding {
        b"GBK-EUC-H" | b"GBK-EUC-V" | b"GBpc-EUC-H" | b"GBpc-EUC-V" | b"GB-EUC-H" | b"GB-EUC-V"
        | b"GBKp-EUC-H" | b"GBKp-EUC-V" | b"GBK2K-H" | b"GBK2K-V" => Some(GB18030),
        b"UniGB-UCS2-H" | b"UniGB-UCS2-V" | b"UniGB-UTF16-H" | b"UniGB-UTF16-V" => Some(UTF_16BE),
        _ => None,
    }
}

fn codes_of_cmap(encoding: &[u8]) -> Codes {
    match encoding {
        b"UniGB-UTF16-H" | b"UniGB-UTF16-V" => Codes::Utf16,
        name if predefined(name) == Some(GB18030) => Codes::Euc,
        _ => Codes::TwoBytes,
    }
}

fn text_source<'a>(
    doc: &'a Document,
    dict: &'a Dictionary,
    encoding: &[u8],
    limit: usize,
) -> Text<'a> {
    if dict.get(b"ToUnicode").is_ok() {
        let mut own = dict.clone();
        own.remove(b"Encoding");
        if let Ok(Encoding::UnicodeMapEncoding(map)) = own.get_font_encoding_with_limit(doc, limit)
        {
            return Text::Lopdf(Encoding::UnicodeMapEncoding(map));
        }
    }
    if let Some(known) = predefined(encoding) {
        return Text::Predefined(known);
    }
    let composite = name_of(doc, dict, b"Subtype") == Some(b"Type0");
    if composite {
        return Text::Unreadable;
    }
    match dict.get_font_encoding_with_limit(doc, limit) {
        Ok(Encoding::SimpleEncoding(_)) | Err(_) => Text::Unreadable,
        Ok(found) => Text::Lopdf(found),
    }
}

fn simple_widths(doc: &Document, dict: &Dictionary) -> Widths {
    let first = dict
        .get(b"FirstChar")
        .ok()
        .and_then(|o| resolve(doc, o).as_i64().ok())
        .unwrap_or(0);
    let widths = dict
        .get(b"Widths")
        .ok()
        .and_then(|o| resolve(doc, o).as_array().ok())
        .map(|array| {
            array
                .iter()
                .map(|w| number(doc, w).unwrap_or(0.0))
                .collect()
        })
        .unwrap_or_default();
    Widths::Simple {
        first: u32::try_from(first).unwrap_or(0),
        widths,
    }
}

/// `/W` and `/DW` of the font's descendant CID font.
fn cid_widths(doc: &Document, dict: &Dictionary, identity: bool) -> Widths {
    let descendant = dict
        .get(b"DescendantFonts")
        .ok()
        .and_then(|o| resolve(doc, o).as_array().ok())
        .and_then(|a| a.first())
        .and_then(|o| resolve(doc, o).as_dict().ok());
    let default = descendant
        .and_then(|d| d.get(b"DW").ok())
        .and_then(|o| number(doc, o))
        .unwrap_or(1000.0);
    let array = descendant
        .and_then(|d| d.get(b"W").ok())
        .and_then(|o| resolve(doc, o).as_array().ok());
    Widths::Cid {
        ranges: array.map(|a| width_ranges(doc, a)).unwrap_or_default(),
        default,
        identity,
    }
}

/// A `/W` array (`c [w1 w2 …]` and `c1 c2 w` entries) as ranges of CIDs.
fn width_ranges(doc: &Document, array: &[Object]) -> Vec<(u32, u32, f64)> {
    let mut ranges = Vec::new();
    let mut items = array.iter().map(|o| resolve(doc, o)).peekable();
    while let Some(first) = items.next().and_then(|o| o.as_i64().ok()) {
        let first = u32::try_from(first).unwrap_or(0);
        match items.next() {
            Some(Object::Array(widths)) => {
                for (offset, width) in widths.iter().enumerate() {
                    let cid = first.saturating_add(offset as u32);
                    ranges.push((cid, cid, number(doc, width).unwrap_or(1000.0)));
                }
            }
            Some(last) => {
                let last = last
                    .as_i64()
                    .ok()
                    .and_then(|l| u32::try_from(l).ok())
                    .unwrap_or(first);
                let width = items.next().and_then(|w| number(doc, w)).unwrap_or(1000.0);
                ranges.push((first, last, width));
            }
            None => break,
        }
    }
    ranges
}

/// The font matrix's horizontal scale (Type3 fonts set their own).
fn font_scale(doc: &Document, dict: &Dictionary) -> f64 {
    dict.get(b"FontMatrix")
        .ok()
        .and_then(|o| resolve(doc, o).as_array().ok())
        .and_then(|m| m.first())
        .and_then(|a| number(doc, a))
        .filter(|a| a.is_finite() && *a != 0.0)
        .unwrap_or(0.001)
}

fn name_of<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    dict.get(key)
        .ok()
        .and_then(|o| resolve(doc, o).as_name().ok())
}

pub(super) fn number(doc: &Document, object: &Object) -> Option<f64> {
    resolve(doc, object).as_float().ok().map(f64::from)
}
