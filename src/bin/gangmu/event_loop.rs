//! The reader's loop: it blocks on one channel of messages, which the thread
//! reading the terminal, the signal thread and the workers (building the whole
//! document, ranking and searching for the popups, reading the other records,
//! saving the bookmarks) all feed; each message goes through `App::update`, a frame is drawn only
//! when something changed, and what the app asks of the world outside it (the
//! clipboard, saving, reading the files again, stopping for Ctrl-Z) is done
//! here. An idle reader makes no wakeups. The terminal is `terminal`'s, the
//! store `memory`'s, building off the thread `building`'s, the palette
//! `background`'s (an answer of the terminal's that comes after the first
//! frame is picked out of the keys here, and changes it).
//!
//! A quit, `SIGTERM` and `SIGHUP` all leave the same way: the study session and
//! the reading position are saved, then the terminal is given back.

use std::io::Write;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use anyhow::Context;
use gangmu::parse::input::Text;
use gangmu::tui::app::{App, Request};
use gangmu::tui::background::{Heard, ReplyListener, ThemeChoice};
use gangmu::tui::draw::backend::ScreenBackend;
use gangmu::tui::msg::{Msg, OtherDocument};
use gangmu::tui::prepared::Prepared;
use gangmu::tui::theme::Theme;
use gangmu::tui::{self, words};
use ratatui::Terminal;

use crate::background::{self, Found};
use crate::building::{build_the_whole, first_document, read_again};
use crate::elsewhere;
use crate::memory::{Memory, save_bookmarks};
use crate::reading::{self, Start, Unbuilt};
use crate::terminal as screen;
use crate::watchdog::Watchdog;

/// How long the keys must stop before the watchdog is given the record.
const KEYS_STOPPED: Duration = Duration::from_millis(15);

/// How the reader was asked to run.
pub(crate) struct Options {
    /// Widest text measure, in columns.
    pub measure: u16,
    /// The palette asked for, or `auto`.
    pub theme: ThemeChoice,
    /// The data directory asked for on the command line.
    pub data_dir: Option<PathBuf>,
    /// The files read (none for the built-in sample), to read again on `R`.
    pub files: Vec<PathBuf>,
    /// Where the texts were read from, as the store records them.
    pub paths: Vec<String>,
    /// What was wrong in the settings, said first in the status line.
    pub problems: Vec<String>,
}

/// Reads the texts in the terminal until the user quits; where the reader was
/// left is saved for next time.
pub(crate) fn run(start: Start, options: Options) -> anyhow::Result<()> {
    let (shown, rest) = start.split();
    let (messages, inbox) = mpsc::channel();
    let signals = screen::catch_signals().context("watching for signals")?;
    // While the first screen is made ready, another thread finds the record:
    // it hashes the document's identity (reading the whole of a text only
    // begun, unless the file is known by its path), about a millisecond each
    // for the sample.
    let started = std::thread::scope(|scope| {
        let memory = scope.spawn(|| reading::remember(&shown, rest.as_deref(), &options));
        let ready = first_screen(reader_name(&shown), &shown, &options);
        let memory = memory
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        anyhow::Ok((memory?, ready?))
    });
    let ((mut memory, whole), (terminal, mut app, found)) =
        started.inspect_err(|_| screen::leave())?;
    let unbuilt = match (whole, rest) {
        (Some(whole), _) => {
            if !reading::begins_with(&whole, &shown) {
                // The file changed between the two reads: its whole is shown.
                app.update(Msg::Whole {
                    of: app.record().document.clone(),
                    document: Box::new(Prepared::new(first_document(&whole))),
                    index_coming: false,
                });
            }
            Unbuilt::Texts(whole)
        }
        (None, Some(path)) => Unbuilt::File { shown, path },
        (None, None) => Unbuilt::of(shown, &mut memory),
    };
    let mut warnings = unbuilt.warnings();
    for event in found.typed {
        // The loop holds the receiver: the send cannot fail.
        let _ = messages.send(Msg::Input(event));
    }
    // What happened to the reader's own data and settings comes first.
    warnings.splice(0..0, std::mem::take(&mut memory.notices));
    warnings.splice(0..0, options.problems.iter().cloned());
    let record = memory.take_record();
    let position = record.position.clone();
    let mut app = app
        .with_record(record)
        .with_history(std::mem::take(&mut memory.history));
    if let Some(position) = position {
        app.update(Msg::Resume(position.value));
    }
    if let Some(first) = warnings.first() {
        app.update(Msg::Notice(format!("⚠ {first}")));
    }
    let mut reader = Reader {
        terminal,
        watchdog: Watchdog::default(),
        memory,
        messages,
        unstarted: Some(Unstarted { unbuilt, signals }),
        options,
        theme: found.theme,
        listener: found.listener,
    };
    let result = reader.run(app, &inbox);
    let Reader {
        terminal,
        mut memory,
        listener,
        theme,
        ..
    } = reader;
    // The terminal first: the place is saved (and synced to the disk) while
    // the user already sees the shell's screen again.
    give_back(terminal);
    memory.finish_saving();
    let quit = result.as_ref().ok().and_then(Option::as_ref);
    let farewell = quit.and_then(|app| memory.save(app.record()).err());
    if let Some(asked) = &found.asked {
        asked.remember(listener.as_ref(), theme);
    }
    if let Some(error) = farewell.as_ref().map(words::save_error) {
        // Standard error may be the terminal that went away.
        let _ = writeln!(
            std::io::stderr(),
            "gangmu: warning: the reading position and bookmarks were not saved: {error}"
        );
    }
    // The app goes with the process: freeing a long document's millions of
    // parts one by one kept the shell waiting for its prompt 90 ms after `q`
    // (101 MB).
    result.map(std::mem::forget)
}

/// The name the reader shows for `texts`: the file's, or the first's and how
/// many there are.
fn reader_name(texts: &[(String, Text)]) -> String {
    match texts {
        [(only, _)] => only.clone(),
        [(first, _), ..] => format!("{first} 等 {} 个文件", texts.len()),
        [] => String::new(),
    }
}

/// Gives the terminal back. One that is gone (a hang-up) is let go without a
/// word: ratatui would print its failure to show the cursor on standard error,
/// which is that same terminal.
fn give_back(mut terminal: Terminal<ScreenBackend>) {
    if terminal.show_cursor().is_err() {
        std::mem::forget(terminal);
    }
    screen::leave();
}

/// The terminal taken, the app showing the first document at its size, and
/// the palette for the terminal (asked of it first, so that its answer comes
/// while the document and the app are made ready).
fn first_screen(
    name: String,
    texts: &[(String, Text)],
    options: &Options,
) -> anyhow::Result<(Terminal<ScreenBackend>, App, Found)> {
    screen::enter()?;
    let question = background::ask(options.theme);
    let first = first_document(texts);
    let terminal = Terminal::new(ScreenBackend::on_stdout())?;
    let size = terminal.size()?;
    let app = App::new(name, first, size.width, size.height).with_max_measure(options.measure);
    Ok((terminal, app, question.settle()))
}

/// What starts once the first screen is out.
struct Unstarted {
    /// What is left to build: only then is the whole built, and the keys read.
    unbuilt: Unbuilt,
    /// The signals caught: only then does a thread start to send them on.
    signals: screen::Signals,
}

/// The loop's state besides the app.
struct Reader {
    terminal: Terminal<ScreenBackend>,
    /// Saves and ends the process if the terminal goes away.
    watchdog: Watchdog,
    memory: Memory,
    /// Where the workers started here send what they made.
    messages: Sender<Msg>,
    /// What waits for the first screen to be out, so as not to slow it down;
    /// `None` from then on.
    unstarted: Option<Unstarted>,
    options: Options,
    theme: Theme,
    /// Listens for the terminal's answer about its background, when it was
    /// asked and has not answered yet.
    listener: Option<ReplyListener>,
}

impl Reader {
    /// Runs the reader until nothing can send it messages any more, or until
    /// the user quits: then the app is handed back, its record to be saved.
    fn run(&mut self, mut app: App, inbox: &Receiver<Msg>) -> anyhow::Result<Option<App>> {
        let mut changed = true;
        // A key came since the watchdog was last given the record.
        let mut unhanded = false;
        loop {
            if changed {
                let theme = self.theme;
                self.terminal.draw(|frame| tui::draw(frame, &app, theme))?;
            }
            // The key that asked for a ranking or a search is on screen: now ask.
            app.update(Msg::Drawn);
            if let Some(Unstarted { unbuilt, signals }) = self.unstarted.take() {
                // The threads that wait on the terminal and the signals and
                // answer the popups start once the first screen is out. Keys
                // typed and signals caught meanwhile wait: nothing is lost.
                signals.send_to(self.messages.clone());
                self.watchdog.watch(self.memory.store_for_saving());
                app = app.with_lookups(self.messages.clone());
                screen::send_input(self.messages.clone());
                let of = app.record().document.clone();
                build_the_whole(unbuilt, of, self.messages.clone());
                self.memory.send_others(app.record(), self.messages.clone());
            }
            // Debug builds panic on request after a frame, so that the tests can
            // see the terminal given back after a panic.
            #[cfg(debug_assertions)]
            assert!(
                std::env::var_os("GANGMU_TEST_PANIC").is_none(),
                "a panic asked for by GANGMU_TEST_PANIC"
            );
            let Some(msg) = self.next_message(inbox, &mut unhanded, &mut app) else {
                return Ok(None);
            };
            unhanded |= matches!(msg, Msg::Input(_));
            let (msgs, new_palette) = self.without_the_answer(msg);
            changed = new_palette;
            for msg in msgs {
                changed |= match msg {
                    Msg::OtherFound(found) => self.open_found(&mut app, *found),
                    msg => app.update(msg),
                };
            }
            for request in app.requests().to_vec() {
                if !self.serve(request, &mut app)? {
                    return Ok(Some(app));
                }
                changed = true;
            }
        }
    }

    /// The messages for the app once the terminal's answer about its
    /// background is taken out of the keys, and whether it changed the palette.
    fn without_the_answer(&mut self, msg: Msg) -> (Vec<Msg>, bool) {
        let (Some(listener), Msg::Input(event)) = (&mut self.listener, &msg) else {
            return (vec![msg], false);
        };
        match listener.hear(event) {
            Heard::Keys(keys) => (keys.into_iter().map(Msg::Input).collect(), false),
            Heard::Held => (Vec::new(), false),
            Heard::Answer(palette) => {
                self.listener = None;
                let before = self.theme;
                if let Some(palette) = palette {
                    self.theme = self.theme.with_palette(palette);
                }
                (Vec::new(), self.theme != before)
            }
        }
    }

    /// Waits for the next message; when the keys stop for a moment after a key,
    /// the watchdog is given the record as it is now (once: handing it over
    /// after each key would copy the whole record, sessions and read marks
    /// included). `None` once nothing can send any more.
    fn next_message(
        &self,
        inbox: &Receiver<Msg>,
        unhanded: &mut bool,
        app: &mut App,
    ) -> Option<Msg> {
        if std::mem::take(unhanded) {
            match inbox.recv_timeout(KEYS_STOPPED) {
                Ok(msg) => {
                    *unhanded = true;
                    return Some(msg);
                }
                Err(RecvTimeoutError::Timeout) => {
                    app.update(Msg::Idle);
                    if self.memory.may_save() {
                        let record = app.record_with_this_session();
                        self.watchdog
                            .hand_over(self.memory.records_to_save(&record));
                    }
                }
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
        inbox.recv().ok()
    }

    /// Does what the app asked; `false` when the reader is to end.
    fn serve(&mut self, request: Request, app: &mut App) -> anyhow::Result<bool> {
        match request {
            Request::Copy(text) => screen::copy_to_clipboard(&text)?,
            Request::Suspend => self.suspend(app)?,
            Request::Reload => self.reload(app),
            Request::Open {
                document,
                paths,
                at,
            } => elsewhere::find(document, paths, at, self.messages.clone()),
            Request::RememberSearch(phrase) => match self.memory.remember_search(&phrase) {
                Ok(Some(history)) => _ = app.update(Msg::History(history)),
                Ok(None) => {}
                Err(error) => _ = app.update(Msg::Notice(words::search_history_not_saved(&error))),
            },
            Request::SaveBookmarks => {
                let (record, messages) = (app.record().clone(), self.messages.clone());
                if self.memory.start_saving(record, messages) {
                    // Should the terminal go away before this save is done,
                    // the watchdog saves the bookmark too.
                    let record = app.record_with_this_session();
                    self.watchdog
                        .hand_over(self.memory.records_to_save(&record));
                } else {
                    for msg in save_bookmarks(&mut self.memory, app.record()) {
                        app.update(msg);
                    }
                }
            }
            // Saved once the terminal is given back.
            Request::Quit => return Ok(false),
        }
        Ok(true)
    }

    /// Saves the place (the app has put it in the record), gives the terminal
    /// back and stops; on `fg`, takes the terminal again and has everything
    /// drawn anew.
    fn suspend(&mut self, app: &mut App) -> anyhow::Result<()> {
        if let Err(error) = self.memory.save(app.record()) {
            app.update(Msg::Notice(words::position_not_saved(&error)));
        }
        screen::suspend()?;
        self.terminal.clear()?;
        self.terminal.hide_cursor()?;
        Ok(())
    }

    /// Reads the files again, off the thread: the new document takes the place
    /// of the old (its whole built off the thread if long), the reading
    /// position and bookmarks found again by their headings and text, the
    /// record following the file's new text. The sample and standard input
    /// cannot be read again.
    fn reload(&self, app: &mut App) {
        let files = &self.options.files;
        let cannot = if files.is_empty() {
            Some(words::SAMPLE_NOT_RELOADED)
        } else if files.iter().any(|f| f.as_os_str() == "-") {
            Some(words::STDIN_NOT_RELOADED)
        } else {
            None
        };
        if let Some(notice) = cannot {
            app.update(Msg::Notice(notice.to_string()));
            return;
        }
        let shown = app.record().document.clone();
        read_again(files.clone(), shown, self.messages.clone());
    }

    /// Opens another document, found and read off the thread, at one of its
    /// bookmarks in place of this one: this one's record saved first, the
    /// other's taken from the store then, its whole built off the thread.
    fn open_found(&mut self, app: &mut App, found: OtherDocument) -> bool {
        let unsaved = self
            .memory
            .save(app.close_for_another())
            .err()
            .map(|error| words::position_not_saved(&error));
        self.options.paths = found.files.iter().map(|f| crate::seen_path(f)).collect();
        self.options.files = found.files;
        let texts = found.texts;
        let mut memory = Memory::open_known(&found.id, &texts, &self.options);
        app.update(Msg::Opened {
            name: reader_name(&texts),
            document: Box::new(found.first),
            record: Box::new(memory.take_record()),
            at: found.at,
        });
        let of = app.record().document.clone();
        build_the_whole(Unbuilt::of(texts, &mut memory), of, self.messages.clone());
        memory.send_others(app.record(), self.messages.clone());
        let notice = unsaved.or_else(|| memory.notices.first().map(|n| format!("⚠ {n}")));
        if let Some(notice) = notice {
            app.update(Msg::Notice(notice));
        }
        self.memory = memory;
        true
    }
}
