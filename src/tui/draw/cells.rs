//! Putting laid-out rows into the screen's cells, as ratatui's
//! `Buffer::set_line` does, but quicker for Chinese text. `set_line` splits
//! every span into grapheme clusters and measures each one, which took more of
//! a first screen than drawing all the rest of it. Nearly every character of a
//! row of Chinese text is a cluster of its own whatever stands beside it (the
//! wrapper's test, `layout::wrap::is_a_cluster_alone`): those are put straight
//! into their cells. From the first character that is not, or the one just
//! before it (a mark joins the character it follows), the span goes through
//! `set_stringn` as before.

use ratatui::buffer::Buffer;
use ratatui::layout::Position;
use ratatui::style::Style;
use ratatui::text::Line;

use crate::layout::wrap::{char_width, is_a_cluster_alone};

/// The cells `c` takes, if it is a cluster of its own whatever stands beside
/// it and not a control character: Latin, Chinese and their punctuation.
fn width_alone(c: char) -> Option<u16> {
    if c.is_control() || !is_a_cluster_alone(c) {
        return None;
    }
    char_width(c)
        .filter(|&cells| cells > 0)
        .map(|cells| cells as u16)
}

/// Puts `line` at (`x`, `y`) in at most `width` columns: the cells
/// `Buffer::set_line` would fill, filled the same.
pub(crate) fn put_line(buffer: &mut Buffer, x: u16, y: u16, line: &Line, width: u16) {
    let area = buffer.area;
    if !area.contains(Position::new(area.x, y)) {
        return;
    }
    let row = Row {
        first: usize::from(y - area.y) * usize::from(area.width),
        left: area.x,
        y,
        end: area.right().min(x.saturating_add(width)),
    };
    let mut x = x.max(area.x);
    for span in line {
        if x >= row.end {
            break;
        }
        let style = line.style.patch(span.style);
        x = row.put_span(buffer, x, &span.content, style);
    }
}

/// A row of the buffer being filled.
struct Row {
    /// The index of its first cell in the buffer's cells.
    first: usize,
    /// The column of its first cell.
    left: u16,
    y: u16,
    /// The column it is filled up to.
    end: u16,
}

impl Row {
    /// Puts `text` from column `x`: where it ended. Each character is put once
    /// the next is known to be a cluster alone too (a mark after it would join
    /// it); from the first that is not, `set_stringn` puts the rest, as
    /// `set_line` would. As in `set_line`, a span ends at a character that does
    /// not fit.
    fn put_span(&self, buffer: &mut Buffer, mut x: u16, text: &str, style: Style) -> u16 {
        let mut pending: Option<(usize, char, u16)> = None;
        for (at, c) in text.char_indices() {
            let Some(cells) = width_alone(c) else {
                let from = pending.map_or(at, |(start, _, _)| start);
                let room = usize::from(self.end - x);
                return buffer.set_stringn(x, self.y, &text[from..], room, style).0;
            };
            if let Some((_, before, before_cells)) = pending.replace((at, c, cells)) {
                if !self.put_char(buffer, x, before, before_cells, style) {
                    return x;
                }
                x += before_cells;
            }
        }
        if let Some((_, last, cells)) = pending
            && self.put_char(buffer, x, last, cells, style)
        {
            x += cells;
        }
        x
    }

    /// Puts `c`, `cells` wide, at column `x` if it fits; whether it did. The
    /// cell a wide character covers is left blank, as `set_line` leaves it.
    fn put_char(&self, buffer: &mut Buffer, x: u16, c: char, cells: u16, style: Style) -> bool {
        if x + cells > self.end {
            return false;
        }
        let at = self.first + usize::from(x - self.left);
        buffer.content[at].set_char(c).set_style(style);
        for covered in &mut buffer.content[at + 1..at + usize::from(cells)] {
            covered.reset();
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::buffer::CellWidth;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Modifier};
    use ratatui::text::Span;
    use unicode_segmentation::UnicodeSegmentation;

    #[test]
    fn every_character_measured_at_a_glance_is_a_cluster_of_that_width() {
        for c in (0..=0x0010_FFFF).filter_map(char::from_u32) {
            let Some(cells) = width_alone(c) else {
                continue;
            };
            let alone = c.to_string();
            assert_eq!(alone.cell_width(), cells, "{c:?} U+{:04X}", c as u32);
            let twice = format!("{c}{c}");
            assert_eq!(twice.graphemes(true).count(), 2, "U+{:04X}", c as u32);
            assert!(!c.is_control(), "U+{:04X}", c as u32);
        }
    }

    /// Characters of every kind a row may hold: ASCII, CJK, punctuation of
    /// both widths, a combining mark, a joiner, an emoji and its variation
    /// selector, a regional indicator, a control, Latin-1, a soft hyphen, a
    /// Hangul syllable and a vowel jamo that joins it.
    #[rustfmt::skip]
    const ALPHABET: &[char] = &[
        'a', ' ', '1', '中', '文', '，', '。', '“', '”', '—', '…', '·', '\u{301}', '\u{200D}',
        '\u{1F600}', '\u{FE0F}', '\u{1F1E8}', '\u{7}', '\u{302A}', '\u{3099}', 'か', 'ﾞ',
        'é', '\u{AD}', '한', '\u{1161}',
    ];

    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(ALPHABET), 0..12)
            .prop_map(|chars| chars.into_iter().collect())
    }

    fn style() -> impl Strategy<Value = Style> {
        prop_oneof![
            Just(Style::new()),
            Just(Style::new().fg(Color::Yellow)),
            Just(Style::new().bg(Color::Blue).add_modifier(Modifier::BOLD)),
        ]
    }

    proptest! {
        #[test]
        fn rows_fill_the_cells_set_line_fills(
            spans in proptest::collection::vec((text(), style()), 0..4),
            line_style in style(),
            (left, top) in (0u16..4, 0u16..3),
            (x, y) in (0u16..6, 0u16..2),
            width in 0u16..24,
        ) {
            let line = Line::from(
                spans.into_iter().map(|(text, style)| Span::styled(text, style)).collect::<Vec<_>>(),
            )
            .style(line_style);
            // A buffer that is not at the screen's corner, as a pane's is not.
            let area = Rect::new(left, top, 20, 2);
            let mut ours = Buffer::empty(area);
            let mut theirs = Buffer::empty(area);
            put_line(&mut ours, left + x, top + y, &line, width);
            theirs.set_line(left + x, top + y, &line, width);
            prop_assert_eq!(ours, theirs);
        }
    }
}
