//! Every style the reader uses, in one place, in two palettes: one for a dark
//! terminal background and one for a light one. Plain 16-colour styles, so any
//! terminal shows them; every colour drawn on the terminal's own background is
//! one that stays readable on it (yellow, cyan and green vanish on white, as
//! white does). With `NO_COLOR` set only bold, reverse, underline and dim remain.

use ratatui::style::{Color, Modifier, Style};

/// Which background the colours are chosen for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Palette {
    /// Light text on a dark background (the default when nothing says).
    #[default]
    Dark,
    /// Dark text on a light background.
    Light,
}

/// The reader's styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    colour: bool,
    palette: Palette,
}

/// The colours a palette gives the roles drawn on the terminal's background.
struct Inks {
    headings: [Color; 3],
    preformatted: Color,
    faint: Color,
    frame: Color,
    label: Color,
    bookmark: Color,
}

const DARK: Inks = Inks {
    headings: [Color::Yellow, Color::Cyan, Color::Green],
    preformatted: Color::White,
    faint: Color::DarkGray,
    frame: Color::LightBlue,
    label: Color::Cyan,
    bookmark: Color::Magenta,
};

const LIGHT: Inks = Inks {
    headings: [Color::Blue, Color::Magenta, Color::Red],
    preformatted: Color::Black,
    faint: Color::DarkGray,
    frame: Color::Blue,
    label: Color::Blue,
    bookmark: Color::Red,
};

impl Theme {
    /// The colours of `palette`, unless the `NO_COLOR` convention asks for none.
    pub fn from_environment(palette: Palette) -> Self {
        let colour = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        Self { colour, palette }
    }

    /// The colours of `palette`, whatever the environment says.
    pub fn coloured(palette: Palette) -> Self {
        Self {
            colour: true,
            palette,
        }
    }

    /// No colours at all.
    pub fn plain() -> Self {
        Self {
            colour: false,
            palette: Palette::Dark,
        }
    }

    /// Whether the theme has colours at all.
    pub fn has_colour(self) -> bool {
        self.colour
    }

    /// The same theme for another background.
    #[must_use]
    pub fn with_palette(self, palette: Palette) -> Self {
        Self { palette, ..self }
    }

    /// The background the colours are chosen for.
    pub fn palette(self) -> Palette {
        self.palette
    }

    fn inks(self) -> &'static Inks {
        match self.palette {
            Palette::Dark => &DARK,
            Palette::Light => &LIGHT,
        }
    }

    fn fg(self, colour: Color) -> Style {
        if self.colour {
            Style::new().fg(colour)
        } else {
            Style::new()
        }
    }

    pub fn heading(self, level: u8) -> Style {
        let bold = Modifier::BOLD;
        match level {
            1..=3 => self
                .fg(self.inks().headings[usize::from(level - 1)])
                .add_modifier(bold),
            _ => Style::new().add_modifier(bold),
        }
    }

    pub fn body(self) -> Style {
        Style::new()
    }

    pub fn preformatted(self) -> Style {
        self.fg(self.inks().preformatted)
    }

    /// The `›` that says a table row goes on past the pane. Dim only on a dark
    /// background: dim grey on white is too faint to see.
    pub fn cut_marker(self) -> Style {
        let style = self.fg(self.inks().faint);
        match self.palette {
            Palette::Dark => style.add_modifier(Modifier::DIM),
            Palette::Light => style,
        }
    }

    pub fn box_border(self) -> Style {
        self.fg(self.inks().frame)
    }

    pub fn separator(self) -> Style {
        self.fg(self.inks().faint)
    }

    pub fn tree_label(self) -> Style {
        self.fg(self.inks().label)
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

    /// A search hit in the text; `current` for the one the reader is at. Both
    /// colours are given, so it reads alike on either background.
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

    /// Text only the old version has, in the compare view: struck through, and
    /// on a light red ground (both colours given, so it reads alike on either
    /// background).
    pub fn removed(self) -> Style {
        let struck = Style::new().add_modifier(Modifier::CROSSED_OUT);
        if self.colour {
            struck.fg(Color::Black).bg(Color::LightRed)
        } else {
            struck
        }
    }

    /// Text only the new version has, in the compare view: on a light green
    /// ground, or underlined without colours.
    pub fn added(self) -> Style {
        if self.colour {
            Style::new().fg(Color::Black).bg(Color::LightGreen)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }

    /// A bookmark's mark in the reader's gutter and the outline.
    pub fn bookmark(self) -> Style {
        self.fg(self.inks().bookmark).add_modifier(Modifier::BOLD)
    }

    /// The status row: both colours given, so it reads alike on either background.
    pub fn status(self) -> Style {
        if self.colour {
            Style::new().fg(Color::Black).bg(Color::Cyan)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }
}

#[cfg(test)]
mod tests;
