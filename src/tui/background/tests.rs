//! The setting, `COLORFGBG`, the terminal's answers, and the answer picked out
//! of the keys as crossterm reads it.

use super::*;

#[test]
fn colorfgbg_names_the_background_last() {
    assert_eq!(palette_of_colorfgbg("0;15"), Some(Palette::Light));
    assert_eq!(palette_of_colorfgbg("15;0"), Some(Palette::Dark));
    assert_eq!(palette_of_colorfgbg("0;default;7"), Some(Palette::Light));
    assert_eq!(palette_of_colorfgbg("7;8"), Some(Palette::Dark));
    assert_eq!(palette_of_colorfgbg("15;default"), None);
    assert_eq!(palette_of_colorfgbg(""), None);
    assert_eq!(palette_of_colorfgbg("0;255"), None);
}

#[test]
fn an_answered_colour_is_light_or_dark_by_its_luminance() {
    assert_eq!(
        palette_of_colour("rgb:ffff/ffff/ffff"),
        Some(Palette::Light)
    );
    assert_eq!(palette_of_colour("rgb:0000/0000/0000"), Some(Palette::Dark));
    // Solarized light and dark, as two-digit channels.
    assert_eq!(palette_of_colour("rgb:fd/f6/e3"), Some(Palette::Light));
    assert_eq!(palette_of_colour("rgb:00/2b/36"), Some(Palette::Dark));
    assert_eq!(palette_of_colour("rgba:f/f/f/f"), Some(Palette::Light));
    assert_eq!(palette_of_colour("#1e1e1e"), Some(Palette::Dark));
    assert_eq!(palette_of_colour("rgb:ffff/ffff"), None);
    assert_eq!(palette_of_colour("rgb:fffff/0/0"), None);
    assert_eq!(palette_of_colour("white"), None);
}

#[test]
fn the_setting_reads_auto_dark_or_light() {
    assert_eq!("auto".parse(), Ok(ThemeChoice::Auto));
    assert_eq!(
        "light".parse::<ThemeChoice>().map(ThemeChoice::fixed),
        Ok(Some(Palette::Light))
    );
    assert!("bright".parse::<ThemeChoice>().is_err());
}

/// The events crossterm reads from `bytes`, as its parser makes them.
fn read_as_keys(bytes: &str) -> Vec<Event> {
    let mut events = Vec::new();
    let mut chars = bytes.chars().peekable();
    while let Some(c) = chars.next() {
        let key = match c {
            '\x1b' => match chars.next() {
                Some(next) => KeyEvent::new(KeyCode::Char(next), KeyModifiers::ALT),
                None => KeyEvent::from(KeyCode::Esc),
            },
            '\x07' => KeyEvent::new(KeyCode::Char('g'), KeyModifiers::CONTROL),
            c if c.is_ascii_uppercase() => KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT),
            c => KeyEvent::from(KeyCode::Char(c)),
        };
        events.push(Event::Key(key));
    }
    events
}

/// What the listener makes of `events`: the keys let through and the answers.
fn hear_all(listener: &mut ReplyListener, events: &[Event]) -> (Vec<Event>, Vec<Option<Palette>>) {
    let mut keys = Vec::new();
    let mut answers = Vec::new();
    for event in events {
        match listener.hear(event) {
            Heard::Keys(passed) => keys.extend(passed),
            Heard::Held => {}
            Heard::Answer(palette) => answers.push(palette),
        }
    }
    (keys, answers)
}

#[test]
fn the_answer_is_taken_out_of_the_keys_around_it() {
    let mut listener = ReplyListener::default();
    let events = read_as_keys("G\x1b]11;rgb:FFFF/FFFF/FFFF\x1b\\j");
    let (keys, answers) = hear_all(&mut listener, &events);
    assert_eq!(keys, read_as_keys("Gj"));
    assert_eq!(answers, vec![Some(Palette::Light)]);
    assert!(!listener.is_holding());
}

#[test]
fn an_answer_ended_by_bel_or_by_a_lone_escape_is_taken_whole() {
    let mut listener = ReplyListener::default();
    let (keys, answers) = hear_all(&mut listener, &read_as_keys("\x1b]11;rgb:0/0/0\x07q"));
    assert_eq!(
        (keys, answers),
        (read_as_keys("q"), vec![Some(Palette::Dark)])
    );
    // The ST's Esc read alone, its `\` after it.
    let mut events = read_as_keys("\x1b]11;rgb:f/f/f");
    events.push(Event::Key(KeyEvent::from(KeyCode::Esc)));
    events.extend(read_as_keys("\\n"));
    let (keys, answers) = hear_all(&mut listener, &events);
    assert_eq!(
        (keys, answers),
        (read_as_keys("n"), vec![Some(Palette::Light)])
    );
}

#[test]
fn alt_bracket_that_is_not_an_answer_goes_on_as_keys() {
    let mut listener = ReplyListener::default();
    let events = read_as_keys("\x1b]1j");
    let (keys, answers) = hear_all(&mut listener, &events);
    assert_eq!(keys, events);
    assert!(answers.is_empty());
    let events = read_as_keys("\x1b]11;rgb:0/0/0 x");
    let (keys, _) = hear_all(&mut listener, &events);
    assert_eq!(keys, events);
}

#[test]
fn an_answer_without_a_colour_is_an_answer_with_no_palette() {
    let mut listener = ReplyListener::default();
    let (keys, answers) = hear_all(&mut listener, &read_as_keys("\x1b]11;\x07"));
    assert!(keys.is_empty());
    assert_eq!(answers, vec![None]);
}
