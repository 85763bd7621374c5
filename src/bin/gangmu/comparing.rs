//! `gangmu diff` on a terminal: the compare view, run until the user quits.
//! The terminal is taken and given back as the reader does (`terminal`), the
//! palette found as the reader finds it (`background`, the terminal's late
//! answer picked out of the keys); keys come on one channel with the signals
//! (`SIGTERM` and `SIGHUP` leave as `q` does, `SIGTSTP` stops as in the
//! reader) and go to `CompareView`, which says whether to draw again. Nothing
//! is saved.

use gangmu::compare::along::Along;
use gangmu::tui::background::{Heard, ReplyListener, ThemeChoice};
use gangmu::tui::compare::{CompareView, draw};
use gangmu::tui::draw::backend::ScreenBackend;
use gangmu::tui::msg::Msg;
use gangmu::tui::theme::Theme;
use ratatui::Terminal;
use ratatui_crossterm::crossterm::event::Event;

use crate::background;
use crate::terminal as screen;

/// Shows the comparison `along` of the files `names` (old, new) until the user
/// quits; the terminal is given back whatever happens.
pub(crate) fn run(names: (String, String), along: Along, theme: ThemeChoice) -> anyhow::Result<()> {
    let result = screen::enter()
        .map_err(anyhow::Error::from)
        .and_then(|()| show(names, along, theme));
    screen::leave();
    result
}

fn show(names: (String, String), along: Along, choice: ThemeChoice) -> anyhow::Result<()> {
    let question = background::ask(choice);
    let mut terminal = Terminal::new(ScreenBackend::on_stdout())?;
    let size = terminal.size()?;
    let found = question.settle();
    let mut theme = found.theme;
    let mut listener = found.listener;
    let brackets = !theme.has_colour();
    let mut view = CompareView::new(names, along, (size.width, size.height), brackets);
    for event in &found.typed {
        view.input(event);
    }
    let (messages, inbox) = std::sync::mpsc::channel();
    screen::catch_signals()?.send_to(messages.clone());
    screen::send_input(messages);
    let mut changed = true;
    while !view.quitting() {
        if changed {
            terminal.draw(|frame| draw(frame, &view, theme))?;
        }
        // The first screen is out: the rows below it now.
        view.lay_rest();
        changed = match inbox.recv() {
            Ok(Msg::Input(event)) => {
                let (keys, palette_changed) = without_the_answer(&mut listener, &mut theme, event);
                keys.iter()
                    .fold(palette_changed, |changed, key| view.input(key) | changed)
            }
            Ok(Msg::Stop) => {
                screen::suspend()?;
                terminal.clear()?;
                true
            }
            // `SIGTERM`, `SIGHUP`, or the terminal gone: leave.
            Ok(Msg::Terminate) | Err(_) => break,
            Ok(_) => false,
        };
    }
    if let Some(asked) = &found.asked {
        asked.remember(listener.as_ref(), theme);
    }
    terminal.show_cursor()?;
    Ok(())
}

/// The events to act on, the terminal's answer about its background taken out
/// (it changes the palette), and whether the palette changed.
fn without_the_answer(
    listener: &mut Option<ReplyListener>,
    theme: &mut Theme,
    event: Event,
) -> (Vec<Event>, bool) {
    let Some(heard) = listener.as_mut().map(|l| l.hear(&event)) else {
        return (vec![event], false);
    };
    match heard {
        Heard::Keys(keys) => (keys, false),
        Heard::Held => (Vec::new(), false),
        Heard::Answer(palette) => {
            *listener = None;
            let before = *theme;
            if let Some(palette) = palette {
                *theme = theme.with_palette(palette);
            }
            (Vec::new(), *theme != before)
        }
    }
}
