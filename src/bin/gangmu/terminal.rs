//! The terminal while the reader has it: raw mode, the alternate screen, mouse
//! reporting and bracketed paste, put in place and taken away again on a clean
//! exit, a panic, `SIGTERM`/`SIGHUP` (noticed between events) and around a
//! suspend (Ctrl-Z or `SIGTSTP`: the terminal is given back, the process stops,
//! and on `fg` everything is put back and redrawn). Also the clipboard, written
//! through the terminal (OSC 52).

use std::io::{self, Write, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use signal_hook::consts::{SIGHUP, SIGTERM, SIGTSTP};

/// Signals noticed between events.
pub struct Signals {
    /// `SIGTERM` or `SIGHUP`: save and leave.
    quit: Arc<AtomicBool>,
    /// `SIGTSTP` from outside the terminal: stop as Ctrl-Z does.
    suspend: Arc<AtomicBool>,
}

impl Signals {
    pub fn register() -> io::Result<Self> {
        let quit = Arc::new(AtomicBool::new(false));
        let suspend = Arc::new(AtomicBool::new(false));
        signal_hook::flag::register(SIGTERM, Arc::clone(&quit))?;
        signal_hook::flag::register(SIGHUP, Arc::clone(&quit))?;
        signal_hook::flag::register(SIGTSTP, Arc::clone(&suspend))?;
        Ok(Self { quit, suspend })
    }

    pub fn quit(&self) -> bool {
        self.quit.load(Ordering::Relaxed)
    }

    /// Whether a stop was asked for since last asked.
    pub fn take_suspend(&self) -> bool {
        self.suspend.swap(false, Ordering::Relaxed)
    }
}

/// Takes the terminal: ratatui's set-up (raw mode, alternate screen, and a panic
/// hook that undoes them), then mouse reporting and bracketed paste, which the
/// panic hook also undoes.
pub fn enter() {
    drop(ratatui::init());
    turn_on_reporting();
    let restore_screen = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        turn_off_reporting();
        restore_screen(info);
    }));
}

/// Gives the terminal back as it was found. Errors are ignored: after a hang-up
/// there is no terminal to write to.
pub fn leave() {
    turn_off_reporting();
    ratatui::restore();
    let _ = execute!(stdout(), Show);
}

/// Gives the terminal back and stops the process; returns once it is continued
/// (`fg`), with the terminal taken again (the caller redraws everything).
pub fn suspend() -> io::Result<()> {
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
pub fn copy_to_clipboard(text: &str) -> io::Result<()> {
    use base64::Engine;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let mut out = stdout();
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
}
