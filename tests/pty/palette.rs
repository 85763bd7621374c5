//! The palette chosen for the terminal's background, seen in the colours of the
//! emulated screen: `COLORFGBG`, the terminal's answer to the OSC 11 query
//! (in time, or after the first frame), and `NO_COLOR`.

use super::*;

/// The 16-colour indexes a palette draws text in on the terminal's background.
const YELLOW: u8 = 3;
const BLUE: u8 = 4;
const CYAN: u8 = 6;
const WHITE: u8 = 15;

/// The colours of the visible characters drawn on the terminal's background.
fn inks(session: &Session) -> Vec<vt100::Color> {
    let screen = session.parser.screen();
    let mut inks = Vec::new();
    for row in 0..ROWS {
        for column in 0..COLUMNS {
            let Some(cell) = screen.cell(row, column) else {
                continue;
            };
            let visible = !cell.contents().trim().is_empty();
            let on_background = cell.bgcolor() == vt100::Color::Default && !cell.inverse();
            if visible && on_background && !inks.contains(&cell.fgcolor()) {
                inks.push(cell.fgcolor());
            }
        }
    }
    inks
}

/// Reads output until the screen draws text in `colour`.
fn wait_for_ink(session: &mut Session, colour: u8) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !inks(session).contains(&vt100::Color::Idx(colour)) {
        assert!(
            Instant::now() < deadline,
            "no text in colour {colour}; inks {:?}",
            inks(session)
        );
        if let Ok(bytes) = session.output.recv_timeout(Duration::from_millis(100)) {
            session.take(&bytes);
        }
    }
}

fn assert_light(session: &Session) {
    let inks = inks(session);
    assert!(inks.contains(&vt100::Color::Idx(BLUE)), "{inks:?}");
    for faint in [YELLOW, CYAN, WHITE] {
        assert!(!inks.contains(&vt100::Color::Idx(faint)), "{inks:?}");
    }
}

#[test]
fn colorfgbg_of_a_light_background_gives_the_light_palette() {
    let mut session = Session::start_with(&["assets/plans-2021.txt"], &[("COLORFGBG", "0;15")]);
    session.wait_for_the_whole_sample();
    wait_for_ink(&mut session, BLUE);
    assert_light(&session);
    session.quit();
}

#[test]
fn colorfgbg_of_a_dark_background_gives_the_dark_palette() {
    let mut session = Session::start_with(&["assets/plans-2021.txt"], &[("COLORFGBG", "15;0")]);
    session.wait_for_the_whole_sample();
    wait_for_ink(&mut session, YELLOW);
    assert!(!inks(&session).contains(&vt100::Color::Idx(BLUE)));
    session.quit();
}

#[test]
fn the_terminals_answer_about_its_background_beats_colorfgbg() {
    let mut session = Session::start_with(&["assets/plans-2021.txt"], &[("COLORFGBG", "15;0")]);
    session.background = Some("rgb:ffff/ffff/ffff");
    session.wait_for_the_whole_sample();
    wait_for_ink(&mut session, BLUE);
    assert_light(&session);
    assert!(
        session.raw.windows(7).any(|w| w == b"\x1b]11;?\x1b"),
        "the terminal was never asked"
    );
    session.quit();
}

#[test]
fn a_late_answer_changes_the_palette_and_is_never_read_as_keys() {
    let mut session = Session::start(&["assets/plans-2021.txt"]);
    session.wait_for_the_whole_sample();
    wait_for_ink(&mut session, YELLOW);
    let before = session.screen();
    // Read as keys, the answer would move to the next heading (`]`) and beyond.
    session.keys("\x1b]11;rgb:fdfd/f6f6/e3e3\x1b\\");
    wait_for_ink(&mut session, BLUE);
    assert_light(&session);
    assert_eq!(session.screen(), before);
    // The keys after it act as keys.
    session.keys("]]");
    session.wait_for("› 一、");
    session.quit();
}

#[test]
fn keys_typed_before_the_first_frame_are_kept() {
    let mut session = Session::start(&["assets/plans-2021.txt"]);
    session.keys("]]");
    session.wait_for("› 一、");
    session.quit();
}

#[test]
fn no_color_draws_no_colour_whatever_the_background() {
    let env = [("COLORFGBG", "0;15"), ("NO_COLOR", "1")];
    let mut session = Session::start_with(&["assets/plans-2021.txt"], &env);
    session.wait_for_the_whole_sample();
    assert_eq!(inks(&session), vec![vt100::Color::Default]);
    assert!(
        !session.raw.windows(5).any(|w| w == b"\x1b]11;"),
        "asked for a background that is not used"
    );
    session.quit();
}

/// What the cache folder `cache` says of the terminals asked: the words in
/// its files for kinds of terminal.
fn recalled(cache: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(cache.join("terminals"))
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .collect()
        })
        .unwrap_or_default()
}

/// What a terminal did when asked is kept in the cache once the reader quits:
/// the next start draws in the palette it answered last time without waiting
/// for it, and a terminal that never answered is not waited for either. It is
/// asked all the same each time, and its answer still counts.
#[test]
fn what_a_terminal_answered_is_remembered_for_its_next_start() {
    let cache = tempfile::tempdir().expect("a temp dir");
    let env = [("GANGMU_CACHE_DIR", cache.path().to_str().expect("UTF-8"))];
    let asked = |session: &Session| session.raw.windows(7).any(|w| w == b"\x1b]11;?\x1b");

    let mut silent = Session::start_with(&["assets/plans-2021.txt"], &env);
    silent.wait_for_the_whole_sample();
    silent.quit();
    assert_eq!(recalled(cache.path()), ["silent"]);

    let mut late = Session::start_with(&["assets/plans-2021.txt"], &env);
    late.wait_for_the_whole_sample();
    assert!(asked(&late), "asked all the same");
    late.keys("\x1b]11;rgb:fdfd/f6f6/e3e3\x1b\\");
    wait_for_ink(&mut late, BLUE);
    late.quit();
    assert_eq!(recalled(cache.path()), ["light"]);

    // Light from its first screen, with no answer this time.
    let mut next = Session::start_with(&["assets/plans-2021.txt"], &env);
    next.wait_for_the_whole_sample();
    wait_for_ink(&mut next, BLUE);
    assert_light(&next);
    assert!(asked(&next), "asked all the same");
    next.quit();
    assert_eq!(recalled(cache.path()), ["silent"], "no answer this time");
}
