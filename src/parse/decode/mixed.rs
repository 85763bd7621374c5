//! Text pasted together from two sources: lines of UTF-8 and lines of GB18030
//! in one file (and perhaps a few bytes valid in neither). No single encoding
//! reads such a file; guessed as one, every character of the other part is
//! wrong, and a guess of a single-byte encoding makes all of it wrong. Read line
//! by line, each line in whichever of the two reads it (UTF-8 first), a line
//! valid in neither in the one that replaces fewer of its bytes.

use encoding_rs::GB18030;

/// What the lines of a file are, in bytes.
#[derive(Debug, Default, PartialEq, Eq)]
struct Census {
    /// Lines with non-ASCII text that are valid UTF-8.
    utf8: usize,
    /// Lines with non-ASCII text that are GB18030 and not UTF-8.
    gb18030: usize,
    /// Lines valid in neither.
    neither: usize,
}

/// Least bytes of non-ASCII text each encoding must read for a file to be taken
/// as a mix (a few accidentally valid lines do not make one).
const LEAST_OF_EACH: usize = 64;
/// Most share of the non-ASCII lines' bytes, in percent, that may be valid in
/// neither encoding.
const MOST_NEITHER_PERCENT: usize = 5;

/// The text of `bytes` read line by line, and how many bytes were replaced, if
/// the file is a mix of UTF-8 and GB18030 lines; `None` if it is not.
pub(super) fn decode_by_lines(bytes: &[u8]) -> Option<(String, usize)> {
    if !is_mixed(&census(bytes)) {
        return None;
    }
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut replaced = 0;
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        replaced += decode_line(line, &mut text);
    }
    Some((text, replaced))
}

fn census(bytes: &[u8]) -> Census {
    let mut census = Census::default();
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        if line.is_ascii() {
            continue;
        }
        let count = if std::str::from_utf8(line).is_ok() {
            &mut census.utf8
        } else if GB18030
            .decode_without_bom_handling_and_without_replacement(line)
            .is_some()
        {
            &mut census.gb18030
        } else {
            &mut census.neither
        };
        *count += line.len();
    }
    census
}

fn is_mixed(census: &Census) -> bool {
    let total = census.utf8 + census.gb18030 + census.neither;
    census.utf8 >= LEAST_OF_EACH
        && census.gb18030 >= LEAST_OF_EACH
        && census.neither * 100 <= total * MOST_NEITHER_PERCENT
}

/// Appends `line` decoded to `text`; how many of its bytes were replaced.
fn decode_line(line: &[u8], text: &mut String) -> usize {
    if let Ok(valid) = std::str::from_utf8(line) {
        text.push_str(valid);
        return 0;
    }
    let as_utf8 = String::from_utf8_lossy(line);
    let (as_gb18030, _) = GB18030.decode_without_bom_handling(line);
    let utf8_errors = replacements(&as_utf8);
    let gb18030_errors = replacements(&as_gb18030);
    if gb18030_errors <= utf8_errors {
        text.push_str(&as_gb18030);
        gb18030_errors
    } else {
        text.push_str(&as_utf8);
        utf8_errors
    }
}

fn replacements(text: &str) -> usize {
    text.chars().filter(|&c| c == '\u{FFFD}').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gb18030(text: &str) -> Vec<u8> {
        GB18030.encode(text).0.into_owned()
    }

    #[test]
    fn lines_of_utf8_and_gb18030_are_each_read_in_their_own() {
        let utf8 =
            "第一章 总则\n\u{3000}\u{3000}为了规范数据管理，促进数据开发利用，制定本办法。\n";
        let gb =
            "第二章 管理\n\u{3000}\u{3000}各部门应当按照职责做好数据管理工作，保障数据安全。\n";
        let mut bytes = utf8.repeat(3).into_bytes();
        bytes.extend(gb18030(&gb.repeat(3)));
        bytes.extend(b"\xff\xfe stray\n");
        bytes.extend(utf8.as_bytes());
        let (text, replaced) = decode_by_lines(&bytes).expect("a mix");
        assert!(text.starts_with(&utf8.repeat(3)), "{text}");
        assert!(text.contains(&gb.repeat(3)), "{text}");
        assert!(text.ends_with(utf8), "{text}");
        assert_eq!(replaced, 2);
    }

    #[test]
    fn a_file_in_one_encoding_is_no_mix() {
        let gb = "第二章 管理\n\u{3000}\u{3000}各部门应当按照职责做好数据管理工作。\n".repeat(20);
        assert!(decode_by_lines(&gb18030(&gb)).is_none());
        let latin = b"caf\xe9 cr\xe8me br\xfbl\xe9e\n".repeat(20);
        assert!(decode_by_lines(&latin).is_none());
    }
}
