//! The outline contract's TSV (`line kind depth label title`), as `gangmu outline`
//! prints it. Text from the file is made safe: control characters become visible
//! symbols, so a title can never break a row or reach the terminal raw.

use std::fmt::Write;

use crate::document::Outline;

/// The outline as TSV, one heading a line.
pub fn render(outline: &Outline) -> String {
    let mut out = String::new();
    for h in &outline.headings {
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            h.line,
            h.kind.name(),
            h.depth,
            visible(&h.label),
            visible(&h.title)
        );
    }
    out
}

/// Replaces control characters with their visible Unicode symbols (U+2400 block).
pub fn visible(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
            '\u{7F}' => '\u{2421}',
            '\u{80}'..='\u{9F}' => '\u{FFFD}',
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_visible() {
        assert_eq!(visible("a\tb\u{1b}[31m"), "a\u{2409}b\u{241b}[31m");
    }
}
