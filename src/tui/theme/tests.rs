//! Both palettes against the backgrounds they are for: every colour is readable
//! there, measured as WCAG contrast with xterm's own 16 colours.

use super::*;

/// xterm's default RGB for a colour of the 16.
fn rgb(colour: Color) -> [u8; 3] {
    match colour {
        Color::Black => [0, 0, 0],
        Color::Red => [205, 0, 0],
        Color::Green => [0, 205, 0],
        Color::Yellow => [205, 205, 0],
        Color::Blue => [0, 0, 238],
        Color::Magenta => [205, 0, 205],
        Color::Cyan => [0, 205, 205],
        Color::Gray => [229, 229, 229],
        Color::DarkGray => [127, 127, 127],
        Color::LightRed => [255, 0, 0],
        Color::LightGreen => [0, 255, 0],
        Color::LightYellow => [255, 255, 0],
        Color::LightBlue => [92, 92, 255],
        Color::LightMagenta => [255, 0, 255],
        Color::LightCyan => [0, 255, 255],
        Color::White => [255, 255, 255],
        other => panic!("not one of the 16 colours: {other:?}"),
    }
}

/// WCAG relative luminance.
fn luminance([r, g, b]: [u8; 3]) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (a, b) = (luminance(a), luminance(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// The colours of `palette`, whatever the environment says.
fn coloured(palette: Palette) -> Theme {
    Theme::coloured(palette)
}

/// Every style by the name of its role.
fn roles(theme: Theme) -> Vec<(&'static str, Style)> {
    vec![
        ("heading 1", theme.heading(1)),
        ("heading 2", theme.heading(2)),
        ("heading 3", theme.heading(3)),
        ("heading 4", theme.heading(4)),
        ("body", theme.body()),
        ("preformatted", theme.preformatted()),
        ("cut marker", theme.cut_marker()),
        ("box border", theme.box_border()),
        ("separator", theme.separator()),
        ("tree label", theme.tree_label()),
        ("tree current", theme.tree_current()),
        ("tree cursor", theme.tree_cursor(true)),
        ("tree cursor unfocused", theme.tree_cursor(false)),
        ("search hit", theme.search_hit(false)),
        ("search hit current", theme.search_hit(true)),
        ("bookmark", theme.bookmark()),
        ("status", theme.status()),
        ("removed", theme.removed()),
        ("added", theme.added()),
    ]
}

/// The contrast WCAG asks of large text and of what is not text (frames).
const READABLE: f64 = 3.0;

fn assert_readable(palette: Palette, background: [u8; 3]) {
    for (role, style) in roles(coloured(palette)) {
        let back = style.bg.map_or(background, rgb);
        if let Some(fore) = style.fg {
            let ratio = contrast(rgb(fore), back);
            assert!(
                ratio >= READABLE,
                "{palette:?}: {role} ({fore:?}) has contrast {ratio:.2} on {back:?}"
            );
        }
    }
}

#[test]
fn every_colour_of_the_dark_palette_reads_on_black() {
    assert_readable(Palette::Dark, [0, 0, 0]);
}

#[test]
fn every_colour_of_the_light_palette_reads_on_white() {
    assert_readable(Palette::Light, [255, 255, 255]);
}

#[test]
fn the_light_palette_draws_nothing_in_white_yellow_or_cyan_on_the_background() {
    for (role, style) in roles(coloured(Palette::Light)) {
        if style.bg.is_none() {
            let fore = style.fg;
            assert!(
                !matches!(
                    fore,
                    Some(Color::White | Color::Gray | Color::Yellow | Color::Cyan)
                ),
                "{role}: {fore:?}"
            );
        }
    }
}

#[test]
fn the_palettes_differ_where_the_background_shows() {
    let dark = coloured(Palette::Dark);
    let light = coloured(Palette::Light);
    assert_ne!(dark.heading(1), light.heading(1));
    assert_ne!(dark.preformatted(), light.preformatted());
    assert_eq!(dark.status(), light.status());
}

#[test]
fn without_colour_only_attributes_remain_in_either_palette() {
    for palette in [Palette::Dark, Palette::Light] {
        for (role, style) in roles(Theme::plain().with_palette(palette)) {
            assert_eq!((style.fg, style.bg), (None, None), "{role}");
        }
    }
}
