//! The palette for the terminal at start-up. With the theme left to `auto`, the
//! terminal is asked for its background colour (OSC 11) as the reader takes it,
//! and the answer is waited for a moment only, while the first screen is made
//! ready: keys typed meanwhile are kept for the reader, and an answer that
//! comes later still changes the palette (the loop listens for it), so none of
//! it is ever read as keys. Without an answer, `COLORFGBG` says, else dark.
//!
//! What a terminal answered, or that it never did, is remembered in the cache
//! folder by its kind (`TERM`, `TERM_PROGRAM`, and whether screen or tmux
//! stands between): the next start of that kind draws its first screen at
//! once, in the palette answered last time, though it still asks and still
//! listens, so a palette changed since is drawn anew as soon as it is told.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use gangmu::parse::cache::Cache;

use gangmu::tui::background::{self, Heard, ReplyListener, ThemeChoice};
use gangmu::tui::theme::{Palette, Theme};
use ratatui_crossterm::crossterm::event::{self, Event};

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
    /// What is known of the terminal, if it was asked.
    pub asked: Option<Asked>,
}

/// A terminal asked: the file that says what its kind did last time, and what
/// it says.
pub(crate) struct Asked {
    file: PathBuf,
    recalled: Option<Known>,
}

impl Asked {
    /// Remembers, once the run is over, what the terminal did this time, if
    /// that is not what was recalled: never answered (`listener`, the one
    /// still waiting, is there), or answered with the palette of `theme`.
    pub(crate) fn remember(&self, listener: Option<&ReplyListener>, theme: Theme) {
        let known = match listener {
            Some(_) => Known::Silent,
            None => Known::Answered(theme.palette()),
        };
        if self.recalled != Some(known) {
            remember(&self.file, known);
        }
    }
}

/// What this kind of terminal did when last asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Known {
    /// It never answered.
    Silent,
    /// It answered, with this background.
    Answered(Palette),
}

impl Known {
    fn word(self) -> &'static str {
        match self {
            Known::Silent => "silent",
            Known::Answered(Palette::Dark) => "dark",
            Known::Answered(Palette::Light) => "light",
        }
    }

    fn of_word(word: &str) -> Option<Self> {
        match word.trim() {
            "silent" => Some(Known::Silent),
            "dark" => Some(Known::Answered(Palette::Dark)),
            "light" => Some(Known::Answered(Palette::Light)),
            _ => None,
        }
    }
}

/// The file that says what this kind of terminal did when last asked.
fn known_file() -> Option<PathBuf> {
    let cache = Cache::locate()?;
    let kind = terminal_kind(|name| std::env::var(name).ok());
    Some(cache.dir().join("terminals").join(kind))
}

/// This terminal's kind, from the environment (`var`), as a file name.
fn terminal_kind(var: impl Fn(&str) -> Option<String>) -> String {
    let between = match (var("TMUX").is_some(), var("STY").is_some()) {
        (true, _) => "tmux",
        (false, true) => "screen",
        (false, false) => "direct",
    };
    let named = |name| var(name).unwrap_or_default();
    format!("{}.{}.{between}", named("TERM"), named("TERM_PROGRAM"))
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Writes what the terminal did; a failure only costs the next start its wait.
fn remember(file: &Path, known: Known) {
    if let Some(folder) = file.parent() {
        let _ = std::fs::create_dir_all(folder);
    }
    let _ = std::fs::write(file, known.word());
}

/// What the terminal did last time, as `file` says.
fn recalled(file: &Path) -> Option<Known> {
    Known::of_word(&std::fs::read_to_string(file).ok()?)
}

/// How long the first screen waits for an answer: not at all from a terminal
/// known by what it did last time.
fn wait_for(known: Option<Known>) -> Duration {
    if known.is_some() {
        Duration::ZERO
    } else {
        WAIT
    }
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
    /// if it comes in time (at once, from a kind of terminal known), else the
    /// palette it answered last time, else `COLORFGBG`'s, else dark.
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
                asked: None,
            };
        };
        let file = known_file();
        let known = file.as_deref().and_then(recalled);
        let (answer, typed, listener) = wait_for_answer(asked_at + wait_for(known));
        let fallback = match known {
            Some(Known::Answered(palette)) => palette,
            _ => guessed,
        };
        Found {
            theme: theme.with_palette(answer.unwrap_or(fallback)),
            typed,
            listener,
            asked: file.map(|file| Asked {
                file,
                recalled: known,
            }),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_terminals_kind_is_a_file_name() {
        let env = |pairs: &'static [(&str, &str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(key, _)| *key == name)
                    .map(|(_, value)| (*value).to_string())
            }
        };
        let plain = terminal_kind(env(&[("TERM", "xterm-256color")]));
        let in_screen = terminal_kind(env(&[("TERM", "xterm-256color"), ("STY", "1.pts")]));
        let odd = terminal_kind(env(&[("TERM", "a/../b"), ("TERM_PROGRAM", "x y")]));
        assert_eq!(plain, "xterm-256color..direct");
        assert_eq!(in_screen, "xterm-256color..screen");
        assert_eq!(odd, "a_.._b.x_y.direct", "a file name, no folder");
    }

    #[test]
    fn what_a_terminal_did_is_recalled_and_not_waited_for() {
        let folder = tempfile::tempdir().expect("a temp dir");
        let file = folder.path().join("terminals").join("xterm..direct");
        assert_eq!(recalled(&file), None);
        assert_eq!(wait_for(recalled(&file)), WAIT, "unknown: waited for");
        for known in [
            Known::Silent,
            Known::Answered(Palette::Light),
            Known::Answered(Palette::Dark),
        ] {
            remember(&file, known);
            assert_eq!(recalled(&file), Some(known));
            assert_eq!(wait_for(recalled(&file)), Duration::ZERO);
        }
        std::fs::write(&file, "something else").expect("written");
        assert_eq!(recalled(&file), None, "a damaged file is not trusted");
    }
}
