//! The interactive reader's loop: terminal set-up and restore (ratatui's, which
//! also restores on a panic), events to actions, a frame drawn only when
//! something changed.

use std::io::stdout;

use gangmu::app::App;
use gangmu::document::Document;
use gangmu::ui::backend::CjkBackend;
use gangmu::ui::theme::Theme;
use gangmu::{keymap, ui};
use ratatui::Terminal;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

/// Reads `document` in the terminal until the user quits.
pub fn run(
    (name, document): (String, Document),
    measure: u16,
    warnings: Vec<String>,
) -> anyhow::Result<()> {
    // ratatui's init: raw mode, the alternate screen, and a panic hook that undoes
    // them. Frames then go through the CJK-aware backend.
    drop(ratatui::init());
    let mut terminal = Terminal::new(CjkBackend::new(stdout()))?;
    let _ = execute!(stdout(), EnableMouseCapture);
    // ratatui's own hook restores the screen on a panic; mouse reporting goes first.
    let restore_screen = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        restore_screen(info);
    }));
    let result = (|| -> anyhow::Result<()> {
        let size = terminal.size()?;
        let mut app = App::new(name, document, size.width, size.height);
        app.set_max_measure(measure);
        if let Some(first) = warnings.first() {
            app.show_message(format!("⚠ {first}"));
        }
        let theme = Theme::from_environment();
        loop {
            terminal.draw(|frame| ui::draw(frame, &app, theme))?;
            loop {
                let event = event::read()?;
                let changed =
                    keymap::action(&event, app.focus).is_some_and(|action| app.update(action));
                if app.quit {
                    return Ok(());
                }
                if changed {
                    break;
                }
            }
        }
    })();
    drop(terminal);
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}
