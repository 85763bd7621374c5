//! The terminal while the reader has it: raw mode, the alternate screen, mouse
//! reporting and bracketed paste, put in place and taken away again on a clean
//! exit, a panic, `SIGTERM`/`SIGHUP`/`SIGINT`/`SIGQUIT` (sent to the loop as
//! messages) and around a
//! suspend (Ctrl-Z or `SIGTSTP`: the terminal is given back, the process stops,
//! and on `fg` everything is put back and redrawn). Also the clipboard, written
//! through the terminal (OSC 52).

use std::io::{self, Write, stdout};
use std::sync::mpsc::Sender;

use gangmu::tui::msg::Msg;
use ratatui_crossterm::crossterm::cursor::Show;
use ratatui_crossterm::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui_crossterm::crossterm::execute;
use ratatui_crossterm::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};

/// The signals that end or stop the reader, caught from the moment they are
/// asked for and kept until [`Signals::send_to`] sends them on (none is lost
/// meanwhile): `SIGTERM`, `SIGHUP`, and `SIGINT` and `SIGQUIT` from another
/// process (typed, Ctrl-C is a key in raw mode), and `SIGTSTP` from outside the
/// terminal.
pub(crate) struct Signals(signal_hook::iterator::Signals);

/// Catches the signals that end or stop the reader.
pub(crate) fn catch_signals() -> io::Result<Signals> {
    let watched = [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP];
    signal_hook::iterator::Signals::new(watched).map(Signals)
}

impl Signals {
    /// Sends the signals as messages, from a thread of their own: the ending
    /// ones as [`Msg::Terminate`] (save and leave), `SIGTSTP` as [`Msg::Stop`]
    /// (stop as Ctrl-Z does).
    pub(crate) fn send_to(self, messages: Sender<Msg>) {
        let Self(mut signals) = self;
        std::thread::spawn(move || {
            for signal in signals.forever() {
                let msg = if signal == SIGTSTP {
                    Msg::Stop
                } else {
                    Msg::Terminate
                };
                if messages.send(msg).is_err() {
                    return;
                }
            }
        });
    }
}

/// Sends what the terminal reports (keys, pastes, the mouse, new sizes) as
/// messages, from a thread of their own that waits for it; ends when the reader
/// no longer listens or the terminal cannot be read.
pub(crate) fn send_input(messages: Sender<Msg>) {
    std::thread::spawn(move || {
        while let Ok(event) = event::read() {
            if messages.send(Msg::Input(event)).is_err() {
                return;
            }
        }
    });
}

/// Takes the terminal: raw mode, the alternate screen, mouse reporting and
/// bracketed paste, with a panic hook that gives it all back before the panic
/// is reported. (Not `ratatui::init`, which also makes a terminal of its own,
/// and two screens' worth of cells, only to drop them.)
pub(crate) fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    // One write: the alternate screen, then mouse reporting and bracketed paste.
    execute!(
        stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        report(info);
    }));
    Ok(())
}

/// Gives the terminal back as it was found. Errors are ignored, and not said:
/// after a hang-up there is no terminal to write to, standard error included
/// (which is why this is not `ratatui::restore`, which would say them).
pub(crate) fn leave() {
    turn_off_reporting();
    let _ = disable_raw_mode();
    let _ = execute!(stdout(), LeaveAlternateScreen, Show);
}

/// Gives the terminal back and stops the process; returns once it is continued
/// (`fg`), with the terminal taken again (the caller redraws everything).
pub(crate) fn suspend() -> io::Result<()> {
    leave();
    signal_hook::low_level::emulate_default_handler(SIGTSTP)?;
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen)?;
    turn_on_reporting();
    Ok(())
}

fn turn_on_reporting() {
    let _ = execute!(stdout(), EnableMouseCapture, EnableBracketedPaste);
}

fn turn_off_reporting() {
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
}

/// Puts `text` on the system clipboard through the terminal (OSC 52), which
/// works over ssh too; the text travels base64-encoded, so nothing in it reaches
/// the terminal as a command.
pub(crate) fn copy_to_clipboard(text: &str) -> io::Result<()> {
    use base64::Engine;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let mut out = stdout();
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
}
