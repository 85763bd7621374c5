//! The interactive reader's loop: events to actions, a frame drawn only when
//! something changed, and what the app asks of the world outside it (the
//! clipboard, reading the files again, stopping for Ctrl-Z). The terminal is
//! `screen`'s, the store `memory`'s, building off the thread `building`'s.
//!
//! A quit, `SIGTERM` and `SIGHUP` all leave the same way: the study session and
//! the reading position are saved, then the terminal is given back.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

use anyhow::Context;
use gangmu::parse::input::{self, Text};
use gangmu::study::store::Store;
use gangmu::study::store::record::Record;
use gangmu::tui::app::{App, Request};
use gangmu::tui::draw::backend::CjkBackend;
use gangmu::tui::draw::theme::Theme;
use gangmu::tui::{self, keymap};
use ratatui::Terminal;
use ratatui::crossterm::event;

use crate::building::{Built, build_the_whole, first_document};
use crate::memory::{Memory, save_bookmarks};
use crate::terminal::{self as screen, Signals};
use crate::watchdog::Watchdog;

/// How long to wait for an event before looking for signals and for the whole
/// document being built.
const POLL: Duration = Duration::from_millis(15);
/// How long to wait for an event while a popup waits for the worker's answer.
const ANSWER_POLL: Duration = Duration::from_millis(1);

/// How the reader was asked to run.
pub struct Options {
    /// Widest text measure, in columns.
    pub measure: u16,
    /// The data directory asked for on the command line.
    pub data_dir: Option<PathBuf>,
    /// The files read (none for the built-in sample), to read again on `R`.
    pub files: Vec<PathBuf>,
    /// Where the texts were read from, as the store records them.
    pub paths: Vec<String>,
}

/// Reads the texts in the terminal until the user quits; where the reader was
/// left is saved for next time.
pub fn run(texts: Vec<(String, Text)>, options: Options) -> anyhow::Result<()> {
    let name = match texts.as_slice() {
        [(only, _)] => only.clone(),
        [(first, _), ..] => format!("{first} 等 {} 个文件", texts.len()),
        [] => String::new(),
    };
    let mut warnings: Vec<String> = texts.iter().flat_map(|(_, t)| t.warnings.clone()).collect();
    let signals = Signals::register().context("watching for signals")?;
    // The document's identity is hashed and its record read while the first
    // screen is made ready: about a millisecond each for the sample.
    let started = std::thread::scope(|scope| {
        let memory = scope.spawn(|| Memory::open(&texts, &options));
        let ready = first_screen(name, &texts, options.measure);
        let memory = memory
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        ready.map(|(terminal, app)| (memory, terminal, app))
    });
    let (mut memory, terminal, app) = started.inspect_err(|_| screen::leave())?;
    // What happened to the reader's own data comes first.
    warnings.splice(0..0, std::mem::take(&mut memory.notices));
    let watchdog = Watchdog::start(memory.store_for_saving());
    let mut reader = Reader {
        terminal,
        watchdog,
        memory,
        signals,
        pending: None,
        unbuilt: Some(texts),
        others: None,
        options,
        farewell: None,
        unhanded: true,
    };
    let result = reader.run(app, &warnings);
    let farewell = reader.farewell.take();
    drop(reader);
    screen::leave();
    if let Some(error) = farewell {
        eprintln!("gangmu: warning: the reading position and bookmarks were not saved: {error}");
    }
    result
}

/// The terminal taken, and the app showing the first document at its size.
fn first_screen(
    name: String,
    texts: &[(String, Text)],
    measure: u16,
) -> anyhow::Result<(Terminal<CjkBackend<std::io::Stdout>>, App)> {
    let first = first_document(texts);
    screen::enter();
    let terminal = Terminal::new(CjkBackend::new(std::io::stdout()))?;
    let size = terminal.size()?;
    let mut app = App::new(name, first, size.width, size.height);
    app.set_max_measure(measure);
    Ok((terminal, app))
}

/// The loop's state besides the app.
struct Reader {
    terminal: Terminal<CjkBackend<std::io::Stdout>>,
    /// Saves and ends the process if the terminal goes away.
    watchdog: Watchdog,
    memory: Memory,
    signals: Signals,
    /// The whole document and its headings' search keys, on their way from the
    /// worker thread.
    pending: Option<Receiver<Built>>,
    /// The texts, until the first screen is out: only then is the whole built,
    /// so that building it does not slow the first screen down.
    unbuilt: Option<Vec<(String, Text)>>,
    /// The other documents' records (for the bookmark list), on their way.
    others: Option<Receiver<Vec<Record>>>,
    options: Options,
    /// What could not be saved on the way out, said once the screen is back.
    farewell: Option<String>,
    /// A key came since the watchdog was last given the record.
    unhanded: bool,
}

impl Reader {
    fn run(&mut self, mut app: App, warnings: &[String]) -> anyhow::Result<()> {
        // Typing into a popup never waits for a search of the document.
        app.look_up_elsewhere();
        let position = self.memory.record.position.clone();
        app.set_records(self.memory.record.clone(), Vec::new());
        app.set_history(std::mem::take(&mut self.memory.history));
        if let Some(position) = position {
            app.resume_at(position.value);
        }
        if let Some(first) = warnings.first() {
            app.show_message(format!("⚠ {first}"));
        }
        let theme = Theme::from_environment();
        loop {
            self.terminal.draw(|frame| tui::draw(frame, &app, theme))?;
            // The key that asked for a ranking or a search is on screen: now ask.
            app.send_questions();
            if let Some(texts) = self.unbuilt.take() {
                self.pending = build_the_whole(texts);
                self.others = self.memory.others();
            }
            // Debug builds panic on request after a frame, so that the tests can
            // see the terminal given back after a panic.
            #[cfg(debug_assertions)]
            if std::env::var_os("GANGMU_TEST_PANIC").is_some() {
                panic!("a panic asked for by GANGMU_TEST_PANIC");
            }
            if !self.next_change(&mut app)? {
                return Ok(());
            }
        }
    }

    /// Waits until something on screen changed (`true`) or the reader is to end
    /// (`false`, with everything saved).
    fn next_change(&mut self, app: &mut App) -> anyhow::Result<bool> {
        loop {
            if self.signals.quit() {
                app.quit = true;
            }
            if app.quit {
                self.save_on_the_way_out(app);
                return Ok(false);
            }
            if self.signals.take_suspend() {
                self.suspend(app)?;
                return Ok(true);
            }
            if let Some(others) = &self.others {
                match others.try_recv() {
                    Ok(others) => {
                        app.set_others(others);
                        self.others = None;
                        return Ok(true);
                    }
                    Err(TryRecvError::Disconnected) => self.others = None,
                    Err(TryRecvError::Empty) => {}
                }
            }
            if let Some(pending) = &self.pending {
                match pending.try_recv() {
                    Ok(Built::Whole(whole)) => {
                        app.replace_document(whole);
                        app.expect_heading_index();
                        return Ok(true);
                    }
                    Ok(Built::HeadingIndex(index)) => {
                        app.set_heading_index(index);
                        return Ok(true);
                    }
                    Err(TryRecvError::Disconnected) => self.pending = None,
                    Err(TryRecvError::Empty) => {}
                }
            }
            if app.receive_answers() {
                return Ok(true);
            }
            let wait = if app.looking_up() { ANSWER_POLL } else { POLL };
            if !event::poll(wait)? {
                // Idle: the watchdog gets the record as it is now, once.
                if std::mem::take(&mut self.unhanded) {
                    self.watchdog.hand_over(app.record_to_keep());
                }
                continue;
            }
            let event = event::read()?;
            let mut changed = false;
            for action in keymap::actions(&event, app.mode()) {
                changed |= app.update(action);
            }
            if app.take_unsaved() {
                save_bookmarks(&self.memory, app);
            }
            for request in app.take_requests() {
                self.serve(request, app)?;
                changed = true;
            }
            // Handed over when the keys stop, not after each (a copy of the
            // whole record, sessions and read marks included).
            self.unhanded = true;
            if changed && !app.quit {
                return Ok(true);
            }
        }
    }

    /// Does what the app asked.
    fn serve(&mut self, request: Request, app: &mut App) -> anyhow::Result<()> {
        match request {
            Request::Copy(text) => screen::copy_to_clipboard(&text)?,
            Request::Suspend => self.suspend(app)?,
            Request::Reload => self.reload(app),
            Request::RememberSearch(phrase) => match self.memory.remember_search(&phrase) {
                Ok(Some(history)) => app.set_history(history),
                Ok(None) => {}
                Err(error) => app.show_message(tui::words::search_history_not_saved(&error)),
            },
        }
        Ok(())
    }

    /// Saves the place, gives the terminal back and stops; on `fg`, takes the
    /// terminal again and has everything drawn anew.
    fn suspend(&mut self, app: &mut App) -> anyhow::Result<()> {
        self.save_position(app);
        screen::suspend()?;
        self.terminal.clear()?;
        self.terminal.hide_cursor()?;
        Ok(())
    }

    /// Reads the files again: the new document takes the place of the old (built
    /// off the thread if long), the reading position and bookmarks found again by
    /// their headings and text, the record following the file's new text.
    fn reload(&mut self, app: &mut App) {
        if self.options.files.is_empty() {
            app.show_message("内置示例无需重新读入".to_string());
            return;
        }
        if self.options.files.iter().any(|f| f.as_os_str() == "-") {
            app.show_message("标准输入无法重新读入".to_string());
            return;
        }
        let texts: anyhow::Result<Vec<(String, Text)>> = self
            .options
            .files
            .iter()
            .map(|f| Ok((crate::file_name(f), input::read_text(f)?)))
            .collect();
        match texts {
            Err(error) => {
                app.show_message(format!("⚠ 无法重新读入（{error:#}）：仍显示原来的内容"))
            }
            Ok(texts) => {
                let parts: Vec<&str> = texts.iter().map(|(_, t)| t.text.as_str()).collect();
                let id = Store::document_id(&parts);
                if id == app.record.document {
                    app.show_message("文件没有变化".to_string());
                    return;
                }
                app.record.document = id;
                let here = app.anchor_here();
                app.replace_document(first_document(&texts));
                let pending = build_the_whole(texts);
                // Looked for again in the whole, if the opening does not hold it.
                app.resume_at(here);
                self.pending = pending;
                app.show_message("已重新读入：位置和书签按标题和文字重新找到".to_string());
            }
        }
    }

    fn save_position(&mut self, app: &mut App) {
        app.keep_position();
        if let Err(error) = self.memory.save(&app.record) {
            app.show_message(tui::words::position_not_saved(&error));
        }
    }

    fn save_on_the_way_out(&mut self, app: &mut App) {
        app.finish_session();
        app.keep_position();
        self.farewell = self
            .memory
            .save(&app.record)
            .err()
            .as_ref()
            .map(tui::words::save_error);
    }
}
