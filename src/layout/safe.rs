//! Text from a file made safe to show or to hand on. On screen and in what the
//! commands print, control characters and the escape sequences they start
//! become visible symbols ([`visible`]), so nothing from a document can move the
//! cursor, change colours or retitle the terminal. Text handed on as text (the
//! clipboard, what is typed into a prompt) has them left out instead
//! ([`stripped`]), so that pasting it anywhere runs nothing.

/// Replaces control characters with their visible Unicode symbols (U+2400 block).
pub fn visible(text: &str) -> String {
    if has_nothing_to_change(text) {
        return text.to_owned();
    }
    text.chars().map(visible_char).collect()
}

/// Whether no character of `text` is one [`visible_char`] changes, told mostly
/// from its bytes: those it changes are ASCII controls, or start with the byte
/// `C2` (C1 controls) or `E2` (the reordering characters), and only characters
/// with such a first byte are looked at. Most paragraphs have none of them, and
/// are copied whole.
fn has_nothing_to_change(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Folded without stopping early, so that it is done many bytes at a time.
    let controls = bytes
        .iter()
        .fold(0u8, |seen, &b| seen | u8::from(b.is_ascii_control()));
    // `C2` and `E2` only ever begin a character: `text[at..]` starts with one.
    controls == 0
        && memchr::memchr2_iter(0xC2, 0xE2, bytes).all(|at| {
            text[at..]
                .chars()
                .next()
                .is_none_or(|c| visible_char(c) == c)
        })
}

/// One character made safe: a tab becomes a space, the other C0 controls become
/// U+2400 + code, DEL becomes ␡, C1 controls and the invisible format characters
/// that reorder text become �.
pub fn visible_char(c: char) -> char {
    match c {
        '\t' => ' ',
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\u{7F}' => '\u{2421}',
        '\u{80}'..='\u{9F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => '\u{FFFD}',
        _ => c,
    }
}

/// Whether `c` may not be handed on as text: a control character other than
/// newline and TAB (C0, DEL and C1), or a format character that reorders text
/// (the bidirectional overrides and isolates).
pub fn is_hostile(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_reordering(c)
}

/// The bidirectional overrides and isolates, which make text read otherwise than
/// it is stored.
fn is_reordering(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with its escape sequences (ESC, or the C1 CSI and OSC, and what
/// follows up to the sequence's end) and every [`is_hostile`] character left
/// out; and how many characters were left out.
pub fn stripped(text: &str) -> (String, usize) {
    let mut kept = String::with_capacity(text.len());
    let mut left_out = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let sequence = match c {
            '\u{1B}' => skip_escape(&mut chars),
            '\u{9B}' => skip_until(&mut chars, is_csi_final),
            '\u{9D}' | '\u{90}' | '\u{98}' | '\u{9E}' | '\u{9F}' => {
                skip_until_string_end(&mut chars)
            }
            _ if is_hostile(c) => 0,
            _ => {
                kept.push(c);
                continue;
            }
        };
        left_out += 1 + sequence;
    }
    (kept, left_out)
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// Skips what follows an ESC: a CSI (`[` … final byte), a string (`]`, `P`,
/// `X`, `^`, `_` … BEL or ESC `\`), or one character; how many were skipped.
fn skip_escape(chars: &mut Chars) -> usize {
    match chars.peek() {
        Some('[') => {
            chars.next();
            1 + skip_until(chars, is_csi_final)
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            1 + skip_until_string_end(chars)
        }
        Some(&c) if !c.is_control() => {
            chars.next();
            1
        }
        _ => 0,
    }
}

/// The final byte of a control sequence.
fn is_csi_final(c: char) -> bool {
    ('\u{40}'..='\u{7E}').contains(&c)
}

/// Skips up to and including the first character `end` accepts (a character
/// that cannot belong to a sequence ends it too, and is kept); how many.
fn skip_until(chars: &mut Chars, end: impl Fn(char) -> bool) -> usize {
    let mut skipped = 0;
    while let Some(&c) = chars.peek() {
        if !c.is_ascii() || c == '\n' {
            break;
        }
        chars.next();
        skipped += 1;
        if end(c) {
            break;
        }
    }
    skipped
}

/// Skips a string sequence up to its end, BEL or ESC `\` (or the C1 ST), or
/// the end of the line; how many were skipped.
fn skip_until_string_end(chars: &mut Chars) -> usize {
    let mut skipped = 0;
    while let Some(&c) = chars.peek() {
        if c == '\n' {
            break;
        }
        chars.next();
        skipped += 1;
        match c {
            '\u{7}' | '\u{9C}' => break,
            '\u{1B}' if chars.peek() == Some(&'\\') => {
                chars.next();
                skipped += 1;
                break;
            }
            _ => {}
        }
    }
    skipped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_made_visible_is_an_ascii_control_or_starts_with_c2_or_e2() {
        for c in (0..=0x0010_FFFF).filter_map(char::from_u32) {
            if visible_char(c) != c {
                let first = c.to_string().as_bytes()[0];
                assert!(
                    c.is_ascii_control() || first == 0xC2 || first == 0xE2,
                    "U+{:04X}",
                    c as u32
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn text_is_made_visible_as_character_by_character(
            chars in proptest::collection::vec(proptest::sample::select(&[
                'a', ' ', '\t', '\n', '\u{1B}', '\u{7F}', '\u{80}', '\u{9F}', '\u{A0}', '\u{BF}',
                '\u{202A}', '\u{202E}', '\u{202F}', '\u{2029}', '\u{2066}', '\u{2069}',
                '\u{206A}', '“', '…', '—', '中', '，',
            ][..]), 0..16),
        ) {
            let text: String = chars.into_iter().collect();
            let one_by_one: String = text.chars().map(visible_char).collect();
            proptest::prop_assert_eq!(visible(&text), one_by_one);
        }
    }

    #[test]
    fn control_characters_and_escapes_become_visible() {
        assert_eq!(visible("a\tb\u{1b}[31m"), "a b\u{241b}[31m");
        assert_eq!(visible("\u{9b}2J\u{202e}abc"), "\u{FFFD}2J\u{FFFD}abc");
        assert_eq!(visible("正文"), "正文");
    }

    #[test]
    fn a_copy_holds_no_control_character_nor_escape_sequence() {
        let hostile =
            "正文开始\u{1b}[201~echo PWNED\u{7}\u{9b}2J结束。\u{1b}]0;title\u{7}\u{202e}末";
        let (text, left_out) = stripped(hostile);
        assert_eq!(text, "正文开始echo PWNED结束。末");
        assert_eq!(left_out, hostile.chars().count() - text.chars().count());
        assert!(!text.chars().any(is_hostile));
        assert_eq!(stripped("甲\n乙\t丙"), ("甲\n乙\t丙".to_string(), 0));
    }

    #[test]
    fn a_sequence_ends_where_a_terminal_would_end_it() {
        assert_eq!(stripped("\u{1b}[31数字").0, "数字");
        // An unended string sequence runs to the line's end, as on a terminal.
        assert_eq!(stripped("\u{1b}]0;标题\n正文").0, "\n正文");
        assert_eq!(stripped("a\u{1b}").0, "a");
    }
}
