//! Text from a file made safe to show: control characters and the escape sequences
//! they start become visible symbols, so nothing from a document can move the
//! cursor, change colours or retitle the terminal.

/// Replaces control characters with their visible Unicode symbols (U+2400 block).
pub fn visible(text: &str) -> String {
    text.chars().map(visible_char).collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_and_escapes_become_visible() {
        assert_eq!(visible("a\tb\u{1b}[31m"), "a b\u{241b}[31m");
        assert_eq!(visible("\u{9b}2J\u{202e}abc"), "\u{FFFD}2J\u{FFFD}abc");
        assert_eq!(visible("正文"), "正文");
    }
}
