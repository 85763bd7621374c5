//! Bytes to text: refusing what is not text, choosing the encoding, normalising
//! line endings. Owns nothing else: it knows no lines beyond turning CRLF and CR
//! into LF, and leaves control characters in accepted text for the reader to
//! neutralise.
//!
//! Order of decisions:
//!
//! 1. A known signature (PNG, JPEG, PDF, ELF, ZIP, …) is refused.
//! 2. A UTF-16 byte-order mark names the encoding; NUL bytes are fine there.
//! 3. Otherwise NUL bytes mean binary data, unless they are stray: a few, or at
//!    most one in a thousand bytes (left in the text, counted in
//!    [`Decoded::nul_bytes`] so the user can be told).
//! 4. Strict UTF-8 is UTF-8 (a UTF-8 BOM is removed). This is the fast path: one
//!    validation pass and at most one copy.
//! 5. A UTF-8 BOM before invalid bytes still names UTF-8, read lossily.
//! 6. UTF-8 with rare invalid sequences stays UTF-8, read lossily (see
//!    `mostly_utf8`).
//! 7. Lines of UTF-8 and lines of GB18030 in one file are read line by line, each
//!    in its own (`mixed`): no single encoding reads such a file.
//! 8. Anything else goes to chardetng (GB18030, Big5, `Shift_JIS`, windows-1252, …).
//!    Its guess is taken as it is: nothing is refused because it is unsure.
//! 9. After decoding, a text whose start is thick with control characters is
//!    refused as binary data (see `mostly_control_characters`).

mod mixed;

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE};

/// Text decoded from a file's bytes, line endings normalised to `\n`.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    /// Name of the encoding the bytes were read as ("UTF-8", "UTF-16LE", "GB18030", ...).
    pub encoding: &'static str,
    /// Some bytes were invalid in that encoding and were replaced with U+FFFD.
    pub lossy: bool,
    /// How many invalid byte sequences were replaced.
    pub replaced: usize,
    /// Stray NUL bytes left in the text (shown as ␀).
    pub nul_bytes: usize,
}

/// Why bytes are not read as text.
#[derive(Debug, thiserror::Error)]
pub enum DecodeError {
    /// The bytes are an image, an executable, a PDF, NUL bytes, ...; `what` says
    /// which, in a few lowercase words ("a PNG image").
    #[error("not a text file: {what}{}", hint(.what))]
    NotText { what: &'static str },
}

const PDF: &str = "a PDF document";

const ZIP: &str = "a ZIP archive";
const OLE: &str = "an Office document";
const NUL_BYTES: &str = "binary data (NUL bytes)";
const CONTROLS: &str = "binary data (control characters)";

/// What the user can do about a refused file, appended to the message.
fn hint(what: &str) -> &'static str {
    match what {
        PDF => " (extract its text first, e.g. with pdftotext)",
        ZIP => " (gangmu reads Word .docx files; save others as plain text first)",
        OLE => " (save it as .docx or as plain text first)",
        _ => "",
    }
}

/// How many bytes, from the first non-ASCII byte on, the encoding is guessed from.
/// chardetng reads about 25 MB/s: a whole 100 MB file would take four seconds,
/// and a mebibyte of Chinese text (some 350,000 characters) is plenty.
const SNIFF_BYTES: usize = 1 << 20;
/// Valid non-ASCII characters needed per invalid UTF-8 sequence for damaged UTF-8
/// to stay UTF-8. GB18030 or Big5 read as UTF-8 is the other way round: about
/// ten invalid sequences per accidentally valid character.
const VALID_PER_INVALID: usize = 3;
/// How many bytes at the start of the text the control-character check reads:
/// some 65,000 characters of Chinese text.
const CONTROL_SAMPLE_BYTES: usize = 192 * 1024;
/// Control characters allowed per thousand characters of that sample (1%).
const MAX_CONTROLS_PER_MILLE: usize = 10;
/// Up to this many control characters are always allowed, so that a short file
/// with a stray one or two is read.
const FREE_CONTROLS: usize = 8;

/// Decodes a file's bytes.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_cow(Cow::Borrowed(bytes))
}

/// Decodes bytes the caller no longer needs: valid UTF-8 (the common case) becomes
/// the text without a copy.
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    decode_cow(Cow::Owned(bytes))
}

fn decode_cow(bytes: Cow<'_, [u8]>) -> Result<Decoded, DecodeError> {
    if let Some(what) = binary_signature(&bytes) {
        return Err(DecodeError::NotText { what });
    }
    let decoded = if let Some(encoding) = utf16_bom(&bytes) {
        decode_as(encoding, &bytes[2..])
    } else if too_many_nul_bytes(&bytes) {
        return Err(DecodeError::NotText { what: NUL_BYTES });
    } else {
        match strict_utf8(bytes) {
            Ok(text) => Decoded {
                text,
                encoding: "UTF-8",
                lossy: false,
                replaced: 0,
                nul_bytes: 0,
            },
            Err(bytes) => decode_damaged_or_legacy(&bytes),
        }
    };
    if mostly_control_characters(&decoded.text) {
        return Err(DecodeError::NotText { what: CONTROLS });
    }
    let nul_bytes = memchr::memchr_iter(0, decoded.text.as_bytes()).count();
    Ok(Decoded {
        text: normalise_line_endings(decoded.text),
        nul_bytes,
        ..decoded
    })
}

/// More NUL bytes than a text holds by accident: over [`FREE_CONTROLS`] and over
/// one in a thousand bytes.
fn too_many_nul_bytes(bytes: &[u8]) -> bool {
    let nuls = memchr::memchr_iter(0, bytes).count();
    nuls > FREE_CONTROLS && nuls * 1000 > bytes.len()
}

/// The encoding named by a UTF-16 byte-order mark.
fn utf16_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    match Encoding::for_bom(bytes) {
        Some((encoding, _)) if encoding == UTF_16LE || encoding == UTF_16BE => Some(encoding),
        _ => None,
    }
}

/// Valid UTF-8 as a string without its BOM, copied at most once; the bytes back
/// if they are not valid UTF-8.
fn strict_utf8(bytes: Cow<'_, [u8]>) -> Result<String, Cow<'_, [u8]>> {
    const BOM: char = '\u{FEFF}';
    match bytes {
        Cow::Borrowed(bytes) => match simdutf8::basic::from_utf8(bytes) {
            Ok(text) => Ok(text.strip_prefix(BOM).unwrap_or(text).to_owned()),
            Err(_) => Err(Cow::Borrowed(bytes)),
        },
        Cow::Owned(bytes) => {
            if simdutf8::basic::from_utf8(&bytes).is_err() {
                return Err(Cow::Owned(bytes));
            }
            // SAFETY: `bytes` were just found to be UTF-8. (simdutf8 checks 100 MB
            // of Chinese text in 10 ms here, the standard library in 90.)
            let mut text = unsafe { String::from_utf8_unchecked(bytes) };
            if text.starts_with(BOM) {
                text.drain(..BOM.len_utf8());
            }
            Ok(text)
        }
    }
}

/// Bytes that are not valid UTF-8: a UTF-8 BOM still names UTF-8, then damaged
/// UTF-8 is told from a legacy encoding, which chardetng names.
fn decode_damaged_or_legacy(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        return decode_as(encoding, &bytes[bom_length..]);
    }
    let start = Encoding::ascii_valid_up_to(bytes);
    let end = bytes.len().min(start.saturating_add(SNIFF_BYTES));
    if mostly_utf8(&bytes[start..end], end == bytes.len()) {
        return decode_as(UTF_8, bytes);
    }
    if let Some((text, replaced)) = mixed::decode_by_lines(bytes) {
        return Decoded {
            text,
            encoding: "UTF-8 or GB18030, read line by line",
            lossy: replaced > 0,
            replaced,
            nul_bytes: 0,
        };
    }
    decode_as(guess_encoding(&bytes[..end], end == bytes.len()), bytes)
}

/// Whether bytes that are not valid UTF-8 are still UTF-8 with a few invalid
/// sequences (a truncated character, a stray Latin-1 byte): at least
/// [`VALID_PER_INVALID`] valid non-ASCII characters per invalid sequence. Legacy
/// Chinese encodings fail this by far, since their double bytes only rarely form
/// valid UTF-8. ASCII with a single stray high byte has no valid non-ASCII
/// character and so goes to chardetng, which knows windows-1252 and friends.
/// `whole` says the sample is all of the input; if not, a sequence cut off at its
/// end is not counted as invalid.
fn mostly_utf8(sample: &[u8], whole: bool) -> bool {
    let mut valid = 0;
    let mut invalid = 0;
    let mut chunks = sample.utf8_chunks().peekable();
    while let Some(chunk) = chunks.next() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        let cut_off = !whole && chunks.peek().is_none() && chunk.invalid().len() < 4;
        if !chunk.invalid().is_empty() && !cut_off {
            invalid += 1;
        }
    }
    invalid * VALID_PER_INVALID <= valid
}

/// chardetng's guess from a prefix of the input (`whole` if it is all of it).
/// `encoding_rs`'s GBK decoder is already the whole GB18030 decoder; the guess is
/// named GB18030 all the same, as that is what the file is.
fn guess_encoding(prefix: &[u8], whole: bool) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(prefix, whole);
    let encoding = detector.guess(None, Utf8Detection::Allow);
    if encoding == GBK { GB18030 } else { encoding }
}

/// Decodes without BOM sniffing (the caller has removed any BOM), replacing
/// invalid bytes with U+FFFD.
fn decode_as(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, lossy) = encoding.decode_without_bom_handling(bytes);
    let replaced = if lossy {
        text.chars().filter(|&c| c == '\u{FFFD}').count()
    } else {
        0
    };
    Decoded {
        text: text.into_owned(),
        encoding: encoding_name(encoding),
        lossy,
        replaced,
        nul_bytes: 0,
    }
}

/// The name shown to users: `encoding_rs` spells GB18030 in lower case.
fn encoding_name(encoding: &'static Encoding) -> &'static str {
    if encoding == GB18030 || encoding == GBK {
        "GB18030"
    } else {
        encoding.name()
    }
}

/// Well-known signatures of files that are not text. Most binary files also hold
/// NUL bytes and would be refused anyway; the signature gives a better message.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"II*\0", "a TIFF image"),
        (b"MM\0*", "a TIFF image"),
        (b"%PDF-", PDF),
        (b"\x7FELF", "an executable (ELF)"),
        (b"\xFE\xED\xFA\xCE", "an executable (Mach-O)"),
        (b"\xCE\xFA\xED\xFE", "an executable (Mach-O)"),
        (b"\xFE\xED\xFA\xCF", "an executable (Mach-O)"),
        (b"\xCF\xFA\xED\xFE", "an executable (Mach-O)"),
        (b"\xCA\xFE\xBA\xBE", "an executable (Mach-O or Java class)"),
        (b"\0asm", "a WebAssembly module"),
        (b"PK\x03\x04", ZIP),
        (b"PK\x05\x06", ZIP),
        (b"\x1F\x8B", "a gzip archive"),
        (b"BZh", "a bzip2 archive"),
        (b"\xFD7zXZ\0", "an xz archive"),
        (b"\x28\xB5\x2F\xFD", "a zstd archive"),
        (b"7z\xBC\xAF\x27\x1C", "a 7z archive"),
        (b"Rar!\x1A\x07", "a RAR archive"),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", OLE),
        (b"SQLite format 3\0", "an SQLite database"),
    ];
    if let Some((_, what)) = SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
    {
        return Some(what);
    }
    // "MZ" could begin a line of text; a PE header has NUL bytes right after it.
    if bytes.starts_with(b"MZ") && bytes.iter().take(64).any(|&b| b == 0) {
        return Some("an executable (PE)");
    }
    let riff = |kind: &[u8]| bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(kind);
    if riff(b"WEBP") {
        return Some("a WebP image");
    }
    if riff(b"WAVE") || riff(b"AVI ") {
        return Some("a sound or video file");
    }
    if bytes.get(4..8) == Some(b"ftyp") {
        return Some("a sound or video file");
    }
    None
}

/// Whether the characters of the first [`CONTROL_SAMPLE_BYTES`] hold more
/// than 1% C0 control characters (and more than [`FREE_CONTROLS`]). Tab, line
/// feed, carriage return, form feed (a page break) and escape (colour codes) are
/// not counted. Real documents have next to none of the rest; binary data read
/// as text has them everywhere, and one in a hundred characters would make the
/// text unreadable anyway. A stray one is kept: the reader shows it safely.
fn mostly_control_characters(text: &str) -> bool {
    let sample = &text.as_bytes()[..text.len().min(CONTROL_SAMPLE_BYTES)];
    // Counted byte by byte: a control character is one byte, no byte of a
    // longer character is below 0x80, and each character has one first byte.
    let controls = count_bytes(sample, is_counted_control);
    if controls <= FREE_CONTROLS {
        return false;
    }
    let chars = count_bytes(sample, |b| b & 0xC0 != 0x80);
    controls * 1000 > chars * MAX_CONTROLS_PER_MILLE
}

/// A C0 control character other than those text has (tab, line feed, carriage
/// return, form feed, escape).
fn is_counted_control(b: u8) -> bool {
    b < b' ' && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B)
}

/// How many of `bytes` are `counted`: into an 8-bit count for each run of 255,
/// which the compiler makes sixteen bytes at a time.
fn count_bytes(bytes: &[u8], counted: impl Fn(u8) -> bool) -> usize {
    bytes
        .chunks(255)
        .map(|run| usize::from(run.iter().fold(0u8, |n, &b| n + u8::from(counted(b)))))
        .sum()
}

/// CRLF and lone CR become LF, so line N is the N-th line whatever the line
/// endings. Done in place: CR and LF are ASCII, so the bytes stay UTF-8.
fn normalise_line_endings(text: String) -> String {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text;
    }
    let mut bytes = text.into_bytes();
    let (mut read, mut write) = (0, 0);
    while let Some(offset) = memchr::memchr(b'\r', &bytes[read..]) {
        bytes.copy_within(read..read + offset, write);
        write += offset;
        bytes[write] = b'\n';
        write += 1;
        read += offset + 1;
        if bytes.get(read) == Some(&b'\n') {
            read += 1;
        }
    }
    bytes.copy_within(read.., write);
    bytes.truncate(write + bytes.len() - read);
    debug_assert!(std::str::from_utf8(&bytes).is_ok());
    // SAFETY: the text was UTF-8, and the bytes moved lay between carriage
    // returns, which are ASCII and never inside a character: the text is made
    // of whole characters and line feeds, UTF-8 still. (Checked again, the
    // standard library took 220,000 instructions for a 20 KB text.)
    unsafe { String::from_utf8_unchecked(bytes) }
}

#[cfg(test)]
mod tests;
