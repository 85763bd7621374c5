//! Every style the reader uses, in one place. Plain 16-colour styles, so any
//! terminal shows them; with `NO_COLOR` set only bold, reverse and dim remain.

use ratatui::style::{Color, Modifier, Style};

/// The reader's styles.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    colour: bool,
}

impl Theme {
    /// Colours unless the `NO_COLOR` convention asks for none.
    pub fn from_environment() -> Self {
        Self {
            colour: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    pub fn plain() -> Self {
        Self { colour: false }
    }

    fn fg(self, colour: Color) -> Style {
        if self.colour {
            Style::new().fg(colour)
        } else {
            Style::new()
        }
    }

    pub fn heading(self, level: u8) -> Style {
        match level {
            1 => self.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            2 => self.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            3 => self.fg(Color::Green).add_modifier(Modifier::BOLD),
            _ => Style::new().add_modifier(Modifier::BOLD),
        }
    }

    pub fn body(self) -> Style {
        Style::new()
    }

    pub fn preformatted(self) -> Style {
        self.fg(Color::White)
    }

    pub fn cut_marker(self) -> Style {
        self.fg(Color::DarkGray).add_modifier(Modifier::DIM)
    }

    pub fn box_border(self) -> Style {
        self.fg(Color::Blue)
    }

    pub fn separator(self) -> Style {
        self.fg(Color::DarkGray)
    }

    pub fn tree_label(self) -> Style {
        self.fg(Color::Cyan)
    }

    pub fn tree_current(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn tree_cursor(self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }

    /// A search hit in the text; `current` for the one the reader is at.
    pub fn search_hit(self, current: bool) -> Style {
        match (self.colour, current) {
            (true, false) => Style::new().fg(Color::Black).bg(Color::Yellow),
            (true, true) => Style::new()
                .fg(Color::Black)
                .bg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            (false, false) => Style::new().add_modifier(Modifier::UNDERLINED),
            (false, true) => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        }
    }

    /// A bookmark's mark in the reader's gutter and the outline.
    pub fn bookmark(self) -> Style {
        self.fg(Color::Magenta).add_modifier(Modifier::BOLD)
    }

    pub fn status(self) -> Style {
        if self.colour {
            Style::new().fg(Color::Black).bg(Color::Cyan)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }
}
