//! Which palette suits the terminal: asked of the terminal itself (its answer
//! to an OSC 11 query names its background colour), else told by `COLORFGBG`,
//! else dark. Here the pure parts: the setting (`auto`, `dark`, `light`), what
//! the answers and `COLORFGBG` say, and [`ReplyListener`], which picks the
//! terminal's answer out of the keys read (crossterm reads it as keys: Alt-`]`,
//! `1`, `1`, `;`, …), so that none of it acts as a key, even when it comes late.
//! Writing the query and waiting are the binary's.

use std::str::FromStr;

use ratatui_crossterm::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use crate::tui::theme::Palette;

/// What the user asked for: a palette, or `Auto` to follow the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    #[default]
    Auto,
    Dark,
    Light,
}

impl FromStr for ThemeChoice {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, String> {
        match name {
            "auto" => Ok(Self::Auto),
            "dark" => Ok(Self::Dark),
            "light" => Ok(Self::Light),
            other => Err(format!("{other:?} is not auto, dark or light")),
        }
    }
}

impl ThemeChoice {
    /// The palette asked for, if not left to the terminal.
    pub fn fixed(self) -> Option<Palette> {
        match self {
            Self::Auto => None,
            Self::Dark => Some(Palette::Dark),
            Self::Light => Some(Palette::Light),
        }
    }
}

/// The query for the terminal's background colour (OSC 11), ended by ST.
pub const QUERY: &str = "\x1b]11;?\x1b\\";

/// The palette a `COLORFGBG` value (`15;0`, `0;default;15`) asks for: its last
/// field is the background, one of the 16 colours; 7 and 9–15 are light.
pub fn palette_of_colorfgbg(value: &str) -> Option<Palette> {
    let background: u8 = value.rsplit(';').next()?.trim().parse().ok()?;
    match background {
        0..=6 | 8 => Some(Palette::Dark),
        7 | 9..=15 => Some(Palette::Light),
        _ => None,
    }
}

/// The palette for the colour the terminal answered with: `rgb:RRRR/GGGG/BBBB`
/// (1 to 4 hex digits a channel; `rgba:` with a fourth) or `#RRGGBB`. Light when
/// dark text has more contrast on it than light text (WCAG luminance).
pub fn palette_of_colour(spec: &str) -> Option<Palette> {
    let channels = if let Some(rest) = spec
        .strip_prefix("rgb:")
        .or_else(|| spec.strip_prefix("rgba:"))
    {
        let fields: Vec<&str> = rest.split('/').collect();
        let rgb = fields.get(..3)?;
        [fraction(rgb[0])?, fraction(rgb[1])?, fraction(rgb[2])?]
    } else {
        let hex = spec.strip_prefix('#').filter(|h| h.len() == 6)?;
        [
            fraction(&hex[0..2])?,
            fraction(&hex[2..4])?,
            fraction(&hex[4..6])?,
        ]
    };
    let luminance = relative_luminance(channels);
    // The luminance where black and white text have equal contrast.
    Some(if luminance > 0.179 {
        Palette::Light
    } else {
        Palette::Dark
    })
}

/// A channel of 1 to 4 hex digits as a fraction of its full value.
fn fraction(hex: &str) -> Option<f64> {
    if hex.is_empty() || hex.len() > 4 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let value = u32::from_str_radix(hex, 16).ok()?;
    let full = (1u32 << (4 * hex.len())) - 1;
    Some(f64::from(value) / f64::from(full))
}

/// WCAG relative luminance. The power is the `libm` crate's: `f64::powf`
/// would load the system's maths library at every start, for this one call.
fn relative_luminance([r, g, b]: [f64; 3]) -> f64 {
    let linear = |c: f64| {
        if c <= 0.039_28 {
            c / 12.92
        } else {
            libm::pow((c + 0.055) / 1.055, 2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// What [`ReplyListener::hear`] made of an event.
#[derive(Debug, PartialEq, Eq)]
pub enum Heard {
    /// Keys to act on: the event, or events held that were not an answer after all.
    Keys(Vec<Event>),
    /// Part of what may be the answer: kept for now.
    Held,
    /// The answer, whole: the palette it names, if it names one.
    Answer(Option<Palette>),
}

/// Longest answer taken: `rgba:` and four channels of four digits, with room.
const LONGEST_ANSWER: usize = 40;

/// Picks the terminal's answer to [`QUERY`] out of the key events read. The
/// answer begins with Alt-`]` (a key the reader gives no meaning) and then
/// `11;`; anything else lets every event held go on as keys.
#[derive(Debug, Default)]
pub struct ReplyListener {
    held: Vec<Event>,
    /// The answer's text after Alt-`]`.
    text: String,
    /// The answer ended with a lone Esc: a `\` after it is the rest of its ST.
    ended_by_escape: bool,
}

impl ReplyListener {
    pub fn hear(&mut self, event: &Event) -> Heard {
        let Event::Key(key) = event else {
            return Heard::Keys(self.give_back(event));
        };
        if std::mem::take(&mut self.ended_by_escape) && key.code == KeyCode::Char('\\') {
            return Heard::Held;
        }
        if self.held.is_empty() {
            return if is_alt(key, ']') {
                self.held.push(event.clone());
                Heard::Held
            } else {
                Heard::Keys(vec![event.clone()])
            };
        }
        if let Some(ended) = self.answer_ends(key) {
            let palette = self.text.strip_prefix("11;").and_then(palette_of_colour);
            self.held.clear();
            self.text.clear();
            self.ended_by_escape = ended == End::ByEscape;
            return Heard::Answer(palette);
        }
        match key.code {
            KeyCode::Char(c) if self.may_continue(c, key.modifiers) => {
                self.held.push(event.clone());
                self.text.push(c);
                Heard::Held
            }
            _ => Heard::Keys(self.give_back(event)),
        }
    }

    /// Whether an answer was begun and is not finished.
    pub fn is_holding(&self) -> bool {
        !self.held.is_empty()
    }

    /// How `key` ends the answer begun, if it does: BEL (read as Ctrl-G), ST
    /// (Esc `\`, read as Alt-`\`, or as Esc and then `\`).
    fn answer_ends(&self, key: &KeyEvent) -> Option<End> {
        if !self.text.starts_with("11;") {
            return None;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('g') if ctrl => Some(End::Whole),
            KeyCode::Char('\\') if key.modifiers.contains(KeyModifiers::ALT) => Some(End::Whole),
            KeyCode::Esc => Some(End::ByEscape),
            _ => None,
        }
    }

    /// Whether `c` may come next in an answer: `11;`, then a colour's characters.
    fn may_continue(&self, c: char, modifiers: KeyModifiers) -> bool {
        let plain = !modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let next_of_prefix = "11;".chars().nth(self.text.len());
        let fits = match next_of_prefix {
            Some(expected) => c == expected,
            None => c.is_ascii_alphanumeric() || matches!(c, ':' | '/' | '#'),
        };
        plain && fits && self.text.len() < LONGEST_ANSWER
    }

    /// The events held, then `event`: they were keys after all.
    fn give_back(&mut self, event: &Event) -> Vec<Event> {
        self.text.clear();
        let mut keys = std::mem::take(&mut self.held);
        keys.push(event.clone());
        keys
    }
}

#[derive(Debug, PartialEq, Eq)]
enum End {
    Whole,
    ByEscape,
}

fn is_alt(key: &KeyEvent, c: char) -> bool {
    key.code == KeyCode::Char(c) && key.modifiers.contains(KeyModifiers::ALT)
}

#[cfg(test)]
mod tests;
