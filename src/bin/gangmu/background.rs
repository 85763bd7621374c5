//! The palette for the terminal at start-up. With the theme left to `auto`, the
//! terminal is asked for its background colour (OSC 11) as the reader takes it,
//! and the answer is waited for a moment only, while the first screen is made
//! ready: keys typed meanwhile are kept for the reader, and an answer that
//! comes later still changes the palette (the loop listens for it), so none of
//! it is ever read as keys. Without an answer, `COLORFGBG` says, else dark.

use std::io::Write;
use std::time::{Duration, Instant};

use gangmu::tui::background::{self, Heard, ReplyListener, ThemeChoice};
use gangmu::tui::theme::{Palette, Theme};
use ratatui::crossterm::event::{self, Event};

/// How long the first screen waits for the terminal's answer at most.
const WAIT: Duration = Duration::from_millis(60);

/// How much longer it waits for the rest of an answer begun.
const WAIT_FOR_THE_REST: Duration = Duration::from_millis(200);

/// The question asked, if it was.
pub(crate) struct Question {
    choice: ThemeChoice,
    asked_at: Option<Instant>,
}

/// The palette found, keys typed while waiting, and the listener for an answer
/// still to come.
pub(crate) struct Found {
    pub theme: Theme,
    pub typed: Vec<Event>,
    pub listener: Option<ReplyListener>,
}

/// Asks the terminal for its background when the palette is left to it and
/// there are colours at all (the terminal must be in raw mode already).
pub(crate) fn ask(choice: ThemeChoice) -> Question {
    let asks = choice == ThemeChoice::Auto
        && Theme::from_environment(Palette::Dark).has_colour()
        && std::env::var_os("TERM").is_none_or(|term| term != "dumb");
    let asked_at = asks.then(|| {
        let mut out = std::io::stdout();
        // A terminal that cannot be written to is found out by the first frame.
        let _ = out.write_all(background::QUERY.as_bytes());
        let _ = out.flush();
        Instant::now()
    });
    Question { choice, asked_at }
}

impl Question {
    /// The theme to draw with: the setting's palette, or the terminal's answer
    /// if it comes in time, else `COLORFGBG`'s, else dark.
    pub(crate) fn settle(self) -> Found {
        let theme = Theme::from_environment(Palette::Dark);
        let guessed = std::env::var("COLORFGBG")
            .ok()
            .and_then(|value| background::palette_of_colorfgbg(&value))
            .unwrap_or_default();
        let Some(asked_at) = self.asked_at else {
            let palette = self.choice.fixed().unwrap_or(guessed);
            return Found {
                theme: theme.with_palette(palette),
                typed: Vec::new(),
                listener: None,
            };
        };
        let (answer, typed, listener) = wait_for_answer(asked_at + WAIT);
        Found {
            theme: theme.with_palette(answer.unwrap_or(guessed)),
            typed,
            listener,
        }
    }
}

/// Reads what the terminal sends until its answer or `deadline` (a little later
/// if an answer has begun): the palette answered, the keys read, and the
/// listener if no answer came.
fn wait_for_answer(deadline: Instant) -> (Option<Palette>, Vec<Event>, Option<ReplyListener>) {
    let mut listener = ReplyListener::default();
    let mut typed = Vec::new();
    loop {
        let until = if listener.is_holding() {
            deadline + WAIT_FOR_THE_REST
        } else {
            deadline
        };
        let left = until.saturating_duration_since(Instant::now());
        if left.is_zero() || !event::poll(left).unwrap_or(false) {
            return (None, typed, Some(listener));
        }
        let Ok(event) = event::read() else {
            return (None, typed, Some(listener));
        };
        match listener.hear(&event) {
            Heard::Keys(keys) => typed.extend(keys),
            Heard::Held => {}
            Heard::Answer(palette) => return (palette, typed, None),
        }
    }
}
