//! Bytes to text: encoding detection, line-ending normalisation, refusing what is
//! not text.
//!
//! Order of decisions: known binary signatures are refused; a BOM names the
//! encoding (UTF-8, UTF-16LE/BE); valid UTF-8 is UTF-8; UTF-8 with a few invalid
//! bytes stays UTF-8, decoded lossily; anything else is given to chardetng
//! (GB18030, Big5, …). NUL bytes or many control characters mean binary data.
//! Owns nothing else: no knowledge of lines beyond turning CRLF and CR into LF.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::Encoding;

/// Text decoded from a file's bytes, line endings normalised to `\n`.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    /// Name of the encoding the bytes were read as ("UTF-8", "UTF-16LE", "GB18030", ...).
    pub encoding: &'static str,
    /// Some bytes were invalid in that encoding and were replaced with U+FFFD.
    pub lossy: bool,
}

/// Why bytes are not read as text.
#[derive(Debug, thiserror::Error)]
pub enum DecodeError {
    /// An image, an executable, a PDF, NUL bytes, ...
    #[error("not a text file: {what}")]
    NotText { what: &'static str },
}

/// Valid non-ASCII characters needed per invalid UTF-8 sequence for damaged UTF-8
/// to stay UTF-8 (GB18030 bytes read as UTF-8 are nearly all invalid, with hardly
/// a valid multi-byte character among them).
const VALID_PER_INVALID: usize = 3;
/// How much of the text the control-character check looks at.
const CONTROL_SAMPLE_CHARS: usize = 65_536;
/// Control characters allowed per thousand characters of that sample.
const MAX_CONTROLS_PER_MILLE: usize = 10;

/// Decodes a file's bytes.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some(what) = binary_signature(bytes) {
        return Err(DecodeError::NotText { what });
    }
    let (text, encoding, lossy) = match Encoding::for_bom(bytes) {
        Some((encoding, bom_length)) => {
            let (text, lossy) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
            (text.into_owned(), encoding.name(), lossy)
        }
        None => {
            if bytes.contains(&0) {
                return Err(DecodeError::NotText {
                    what: "binary data (NUL bytes)",
                });
            }
            decode_without_bom(bytes)
        }
    };
    if mostly_control_characters(&text) {
        return Err(DecodeError::NotText {
            what: "binary data (control characters)",
        });
    }
    Ok(Decoded {
        text: normalise_line_endings(text),
        encoding,
        lossy,
    })
}

/// Decodes bytes the caller no longer needs: valid UTF-8 (the common case) becomes
/// the text without a copy.
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    let plain_utf8 = binary_signature(&bytes).is_none()
        && Encoding::for_bom(&bytes).is_none()
        && !bytes.contains(&0)
        && std::str::from_utf8(&bytes).is_ok();
    if !plain_utf8 {
        return decode(&bytes);
    }
    let text = String::from_utf8(bytes).unwrap_or_default();
    if mostly_control_characters(&text) {
        return Err(DecodeError::NotText {
            what: "binary data (control characters)",
        });
    }
    Ok(Decoded {
        text: normalise_line_endings(text),
        encoding: "UTF-8",
        lossy: false,
    })
}

fn decode_without_bom(bytes: &[u8]) -> (String, &'static str, bool) {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_owned(), "UTF-8", false);
    }
    let lossy = String::from_utf8_lossy(bytes);
    let invalid = lossy.matches('\u{FFFD}').count();
    let non_ascii = lossy
        .chars()
        .filter(|&c| !c.is_ascii() && c != '\u{FFFD}')
        .count();
    if invalid * VALID_PER_INVALID <= non_ascii {
        return (lossy.into_owned(), "UTF-8", true);
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, Utf8Detection::Allow);
    let (text, _, lossy) = encoding.decode(bytes);
    (text.into_owned(), display_name(encoding), lossy)
}

/// encoding_rs's GBK decoder is the whole GB18030 decoder: call it that.
fn display_name(encoding: &'static Encoding) -> &'static str {
    if encoding == encoding_rs::GBK {
        "GB18030"
    } else {
        encoding.name()
    }
}

/// Well-known signatures of files that are not text.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (
            b"%PDF-",
            "a PDF document (extract its text first, e.g. with pdftotext)",
        ),
        (b"\x7FELF", "an executable (ELF)"),
        (b"\xCF\xFA\xED\xFE", "an executable (Mach-O)"),
        (b"\xFE\xED\xFA\xCF", "an executable (Mach-O)"),
        (b"\xCA\xFE\xBA\xBE", "an executable (Mach-O)"),
        (
            b"PK\x03\x04",
            "a ZIP archive (a .docx or .xlsx file is one: save it as text first)",
        ),
        (b"\x1F\x8B", "a gzip archive"),
        (b"7z\xBC\xAF\x27\x1C", "a 7z archive"),
        (b"Rar!\x1A\x07", "a RAR archive"),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "an Office document (save it as text first)",
        ),
        (b"\x00asm", "a WebAssembly module"),
    ];
    if let Some((_, what)) = SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
    {
        return Some(what);
    }
    if bytes.starts_with(b"MZ") && bytes.iter().take(512).any(|&b| b == 0) {
        return Some("an executable (PE)");
    }
    if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return Some("a WebP image");
    }
    None
}

/// Many C0 control characters (other than tab, line feed, carriage return, form
/// feed and escape) in the first part of the text: binary data, not a document.
/// A stray control character in real text is kept; the reader shows it safely.
fn mostly_control_characters(text: &str) -> bool {
    let mut chars = 0;
    let mut controls = 0;
    for c in text.chars().take(CONTROL_SAMPLE_CHARS) {
        chars += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C' | '\x1B') && (c as u32) < 0x20
        {
            controls += 1;
        }
    }
    controls > 8 && controls * 1000 > chars * MAX_CONTROLS_PER_MILLE
}

/// CRLF and lone CR become LF, so line N is the N-th line whatever the line ends.
fn normalise_line_endings(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHINESE: &str = "中华人民共和国国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n\
                           第一章 发展环境\n我国进入新发展阶段，发展基础更加坚实，发展条件深刻变化。\n";

    #[test]
    fn reads_utf8_with_and_without_a_bom() {
        let plain = decode(CHINESE.as_bytes()).expect("text");
        assert_eq!(
            (plain.text.as_str(), plain.encoding, plain.lossy),
            (CHINESE, "UTF-8", false)
        );
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), CHINESE.as_bytes()].concat();
        assert_eq!(decode(&with_bom).expect("text").text, CHINESE);
    }

    #[test]
    fn owned_bytes_decode_as_borrowed_ones_do() {
        let owned = decode_owned(CHINESE.replace('\n', "\r\n").into_bytes()).expect("text");
        assert_eq!((owned.text.as_str(), owned.encoding), (CHINESE, "UTF-8"));
        let (gb, _, _) = encoding_rs::GB18030.encode(CHINESE);
        assert_eq!(
            decode_owned(gb.into_owned()).expect("text").encoding,
            "GB18030"
        );
        assert!(decode_owned(b"\x7FELF\x02\x01".to_vec()).is_err());
    }

    #[test]
    fn reads_utf16_with_a_bom() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(CHINESE.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(CHINESE.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let le = decode(&le).expect("UTF-16LE");
        assert_eq!((le.text.as_str(), le.encoding), (CHINESE, "UTF-16LE"));
        let be = decode(&be).expect("UTF-16BE");
        assert_eq!((be.text.as_str(), be.encoding), (CHINESE, "UTF-16BE"));
    }

    #[test]
    fn detects_gb18030() {
        let (bytes, _, _) = encoding_rs::GB18030.encode(CHINESE);
        let decoded = decode(&bytes).expect("GB18030 text");
        assert_eq!(decoded.text, CHINESE);
        assert_eq!(decoded.encoding, "GB18030");
        assert!(!decoded.lossy);
    }

    #[test]
    fn normalises_every_kind_of_line_end() {
        let decoded = decode("一\r\n二\r三\n四\r\n".as_bytes()).expect("text");
        assert_eq!(decoded.text, "一\n二\n三\n四\n");
    }

    #[test]
    fn refuses_images_executables_and_nul_bytes() {
        let refused = |bytes: &[u8]| match decode(bytes) {
            Err(DecodeError::NotText { what }) => what,
            Ok(_) => panic!("accepted {bytes:?}"),
        };
        assert_eq!(refused(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), "a PNG image");
        assert_eq!(refused(b"\x7FELF\x02\x01\x01\0\0\0"), "an executable (ELF)");
        assert!(refused(b"%PDF-1.7\n").starts_with("a PDF document"));
        assert_eq!(refused("正文\0正文".as_bytes()), "binary data (NUL bytes)");
        let noise: Vec<u8> = (0..2000u32).map(|i| (i % 7 + 1) as u8).collect();
        assert_eq!(refused(&noise), "binary data (control characters)");
    }

    #[test]
    fn a_few_invalid_bytes_in_utf8_are_replaced() {
        let mut bytes = CHINESE.repeat(4).into_bytes();
        bytes.insert(30, 0xFF);
        let decoded = decode(&bytes).expect("text");
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(decoded.lossy);
        assert!(decoded.text.contains('\u{FFFD}'));
        assert!(decoded.text.ends_with("发展条件深刻变化。\n"));
        let short = decode(b"\xE7\xAC\xAC\xE4\xB8\x80\xFF\xE7\xAB\xA0").expect("text");
        assert_eq!(
            (short.text.as_str(), short.encoding),
            ("第一\u{FFFD}章", "UTF-8")
        );
    }

    #[test]
    fn a_stray_control_character_is_kept() {
        let decoded = decode("标题\x1b[31m\x07正文\n".as_bytes()).expect("text");
        assert_eq!(decoded.text, "标题\x1b[31m\x07正文\n");
    }

    #[test]
    fn empty_input_is_empty_text() {
        assert_eq!(decode(b"").expect("text").text, "");
    }
}
