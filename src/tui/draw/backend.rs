//! The terminal backend the reader draws through: crossterm's, with one change for
//! Chinese text. ratatui's crossterm backend moves the cursor explicitly after every
//! wide character, which triples the bytes of a screen of Chinese. Here the cursor
//! is trusted to advance two columns after a CJK character (terminals agree on
//! those) and is still moved explicitly after anything whose width terminals may
//! disagree on (ambiguous punctuation, emoji). The terminal is never asked where
//! its cursor is: the reader fills the screen and puts the cursor where it wants
//! it, and an answer to the question would race the thread reading keys.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use ratatui_crossterm::IntoCrossterm;
use ratatui_crossterm::crossterm::cursor::{Hide, MoveTo, Show};
use ratatui_crossterm::crossterm::style::{
    Attribute, SetAttribute, SetBackgroundColor, SetForegroundColor,
};
use ratatui_crossterm::crossterm::terminal::{self, Clear};
use ratatui_crossterm::crossterm::{execute, queue};

/// A crossterm backend drawing CJK text without a cursor move per character.
pub struct CjkBackend<W: Write> {
    writer: W,
    /// Where the cursor was last put.
    cursor: Position,
}

/// The backend the reader draws its screens through: standard output, with a
/// frame's bytes gathered and written at once when it is flushed (standard
/// output alone writes a kilobyte at a time).
pub type ScreenBackend = CjkBackend<io::BufWriter<io::Stdout>>;

impl ScreenBackend {
    pub fn on_stdout() -> Self {
        Self::new(io::BufWriter::with_capacity(FRAME_BYTES, io::stdout()))
    }
}

/// Room for a frame of Chinese text on a large terminal, written at once.
const FRAME_BYTES: usize = 64 * 1024;

impl<W: Write> CjkBackend<W> {
    pub fn new(writer: W) -> Self {
        Self {
            writer,
            cursor: Position::ORIGIN,
        }
    }

    pub fn writer(&self) -> &W {
        &self.writer
    }
}

/// Characters every terminal draws two columns wide, each a grapheme cluster
/// of its own beside any other such character: CJK ideographs, kana, Hangul
/// syllables, CJK punctuation and full-width forms. (The combining marks among
/// CJK punctuation and kana, U+302A–U+302F and U+3099–U+309A, are left out.)
fn surely_wide(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2E99}'
        | '\u{2E9B}'..='\u{2EF3}'
        | '\u{2F00}'..='\u{2FD5}'
        | '\u{3000}'..='\u{3029}'
        | '\u{3030}'..='\u{303E}'
        | '\u{3041}'..='\u{3096}'
        | '\u{309B}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF01}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}')
}

/// Where the cursor stands after printing `symbol` at column `x`, if certain.
fn advance(symbol: &str, x: u16) -> Option<u16> {
    let mut chars = symbol.chars();
    let first = chars.next()?;
    let single = chars.all(|c| unicode_width::UnicodeWidthChar::width(c) == Some(0));
    match first {
        ' '..='~' if single => Some(x + 1),
        c if single && surely_wide(c) => Some(x + 2),
        _ => None,
    }
}

const ATTRIBUTES: [(Modifier, Attribute); 8] = [
    (Modifier::BOLD, Attribute::Bold),
    (Modifier::DIM, Attribute::Dim),
    (Modifier::ITALIC, Attribute::Italic),
    (Modifier::UNDERLINED, Attribute::Underlined),
    (Modifier::SLOW_BLINK, Attribute::SlowBlink),
    (Modifier::RAPID_BLINK, Attribute::RapidBlink),
    (Modifier::REVERSED, Attribute::Reverse),
    (Modifier::CROSSED_OUT, Attribute::CrossedOut),
];

impl<W: Write> Backend for CjkBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let writer = &mut self.writer;
        let mut fg = Color::Reset;
        let mut bg = Color::Reset;
        let mut modifier = Modifier::empty();
        let mut cursor: Option<(u16, u16)> = None;
        for (x, y, cell) in content {
            if cursor != Some((x, y)) {
                // crossterm's `MoveTo`, written without its formatting layers.
                write!(writer, "\x1b[{};{}H", y + 1, x + 1)?;
            }
            if cell.modifier != modifier {
                // Start from plain and set what the cell has; colours go with it.
                queue!(writer, SetAttribute(Attribute::Reset))?;
                for (flag, attribute) in ATTRIBUTES {
                    if cell.modifier.contains(flag) {
                        queue!(writer, SetAttribute(attribute))?;
                    }
                }
                modifier = cell.modifier;
                fg = Color::Reset;
                bg = Color::Reset;
            }
            if cell.fg != fg {
                queue!(writer, SetForegroundColor(cell.fg.into_crossterm()))?;
                fg = cell.fg;
            }
            if cell.bg != bg {
                queue!(writer, SetBackgroundColor(cell.bg.into_crossterm()))?;
                bg = cell.bg;
            }
            writer.write_all(cell.symbol().as_bytes())?;
            cursor = advance(cell.symbol(), x).map(|next| (next, y));
        }
        queue!(writer, SetAttribute(Attribute::Reset))
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        execute!(self.writer, Hide)
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        execute!(self.writer, Show)
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.cursor)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.cursor = position.into();
        execute!(self.writer, MoveTo(self.cursor.x, self.cursor.y))
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        let kind = match clear_type {
            ClearType::All => terminal::ClearType::All,
            ClearType::AfterCursor => terminal::ClearType::FromCursorDown,
            ClearType::BeforeCursor => terminal::ClearType::FromCursorUp,
            ClearType::CurrentLine => terminal::ClearType::CurrentLine,
            ClearType::UntilNewLine => terminal::ClearType::UntilNewLine,
        };
        execute!(self.writer, Clear(kind))
    }

    fn size(&self) -> io::Result<Size> {
        let (width, height) = terminal::size()?;
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let size = terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size {
                width: size.columns,
                height: size.rows,
            },
            pixels: Size {
                width: size.width,
                height: size.height,
            },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;

    /// What drawing `text` on a fresh screen writes.
    fn drawn(text: &str) -> String {
        let area = Rect::new(0, 0, 20, 1);
        let mut buffer = Buffer::empty(area);
        buffer.set_string(0, 0, text, ratatui::style::Style::new());
        let blank = Buffer::empty(area);
        let mut backend = CjkBackend::new(Vec::new());
        backend
            .draw(blank.diff(&buffer).into_iter())
            .expect("draws");
        String::from_utf8(backend.writer().clone()).expect("UTF-8")
    }

    #[test]
    fn cjk_text_is_drawn_without_a_cursor_move_per_character() {
        let out = drawn("中文正文abc");
        assert_eq!(out.matches("\u{1b}[1;").count(), 1, "{out:?}");
        assert!(out.contains("中文正文abc"), "{out:?}");
    }

    #[test]
    fn characters_trusted_to_be_wide_are_two_columns_and_no_mark() {
        for c in (0..=0x0010_FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| surely_wide(c))
        {
            assert_eq!(
                unicode_width::UnicodeWidthChar::width(c),
                Some(2),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn ambiguous_characters_are_followed_by_a_cursor_move() {
        let out = drawn("“中”文");
        assert!(out.matches("\u{1b}[1;").count() >= 3, "{out:?}");
    }
}
