//! The interactive reader's loop: terminal set-up and restore (ratatui's, which
//! also restores on a panic), events to actions, a frame drawn only when
//! something changed.
//!
//! A long text is shown from its opening first: that part is built at once and
//! drawn, while one worker thread builds the whole, which then takes its place.
//! (Measured on a 101 MB file: the whole takes about a second to build; the
//! opening, a few milliseconds.)

use std::io::{Write, stdout};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use gangmu::app::App;
use gangmu::document::Document;
use gangmu::input::{self, Text};
use gangmu::store::record::{Record, Stamped};
use gangmu::store::{self, Saved, Store};
use gangmu::ui::backend::CjkBackend;
use gangmu::ui::theme::Theme;
use gangmu::{keymap, ui};
use ratatui::Terminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;

/// Texts longer than this are shown from their opening while the rest is built.
const OPENING_BYTES: usize = 32 * 1024;
/// How often to look for the whole document while no key is pressed.
const POLL: Duration = Duration::from_millis(15);

/// How the reader was asked to run.
pub struct Options {
    /// Widest text measure, in columns.
    pub measure: u16,
    /// The data directory asked for on the command line.
    pub data_dir: Option<PathBuf>,
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
    let mut memory = Memory::open(&texts, &options);
    // What happened to the reader's own data comes first.
    if let Some(notice) = memory.notice.take() {
        warnings.insert(0, notice);
    }
    let (first, pending) = start_building(texts);
    // ratatui's init: raw mode, the alternate screen, and a panic hook that undoes
    // them. Frames then go through the CJK-aware backend.
    drop(ratatui::init());
    let mut terminal = Terminal::new(CjkBackend::new(stdout()))?;
    // Mouse reporting, and pasted text marked as such (so a line break in it is
    // not Enter).
    let _ = execute!(stdout(), EnableMouseCapture, EnableBracketedPaste);
    // ratatui's own hook restores the screen on a panic; mouse reporting goes first.
    let restore_screen = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
        restore_screen(info);
    }));
    // What could not be saved on the way out, said once the screen is back.
    let mut farewell: Option<String> = None;
    let result = (|| -> anyhow::Result<()> {
        let size = terminal.size()?;
        let mut app = App::new(name, first, size.width, size.height);
        app.set_max_measure(options.measure);
        let position = memory.record.position.clone();
        app.set_records(memory.record.clone(), memory.others.clone());
        if let Some(position) = position {
            app.resume_at(position.value);
        }
        if let Some(first) = warnings.first() {
            app.show_message(format!("⚠ {first}"));
        }
        let theme = Theme::from_environment();
        let mut pending = pending;
        loop {
            terminal.draw(|frame| ui::draw(frame, &app, theme))?;
            loop {
                if let Some(whole) = pending.as_ref().and_then(|p| p.try_recv().ok()) {
                    app.replace_document(whole);
                    pending = None;
                    break;
                }
                if pending.is_some() && !event::poll(POLL)? {
                    continue;
                }
                let event = event::read()?;
                let mut changed = false;
                for action in keymap::actions(&event, app.mode()) {
                    changed |= app.update(action);
                }
                if app.quit {
                    app.finish_session();
                    app.record.position = Some(Stamped {
                        value: app.anchor_here(),
                        at: store::now(),
                    });
                    farewell = memory.save(&app.record).err().map(|e| e.to_string());
                    return Ok(());
                }
                if app.take_unsaved() {
                    save_bookmarks(&memory, &mut app);
                }
                if let Some(text) = app.clipboard.take() {
                    copy_to_clipboard(&text)?;
                }
                if changed {
                    break;
                }
            }
        }
    })();
    drop(terminal);
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
    if let Some(error) = farewell {
        eprintln!("gangmu: warning: the reading position and bookmarks were not saved: {error}");
    }
    result
}

/// Puts `text` on the system clipboard through the terminal (OSC 52), which
/// works over ssh too; the text travels base64-encoded, so nothing in it reaches
/// the terminal as a command.
fn copy_to_clipboard(text: &str) -> std::io::Result<()> {
    use base64::Engine;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let mut out = stdout();
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
}

/// Saves a change to the bookmarks at once, taking in what other runs saved; a
/// failure is said in the status line and reading goes on.
fn save_bookmarks(memory: &Memory, app: &mut App) {
    match memory.save(&app.record) {
        Ok(Some(saved)) => {
            app.saved(saved.record);
            if let Some(notice) = saved.notice {
                app.show_message(format!("⚠ {notice}"));
            }
        }
        Ok(None) => app.show_message("⚠ 数据目录不可用：书签只保留到退出".to_string()),
        Err(error) => app.show_message(format!("⚠ 书签未能保存：{error}")),
    }
}

/// What the store keeps of the texts being read, and whether it may be saved.
struct Memory {
    store: Option<Store>,
    record: Record,
    /// The records of the other documents read before.
    others: Vec<Record>,
    writable: bool,
    /// What the user should be told on opening.
    notice: Option<String>,
}

impl Memory {
    fn open(texts: &[(String, Text)], options: &Options) -> Self {
        let parts: Vec<&str> = texts.iter().map(|(_, t)| t.text.as_str()).collect();
        let id = Store::document_id(&parts);
        let Some(store) = Store::locate(options.data_dir.as_deref()) else {
            return Self {
                store: None,
                record: Record::new(&id),
                others: Vec::new(),
                writable: false,
                notice: Some("找不到数据目录：本次不保存位置（可用 --data-dir 指定）".into()),
            };
        };
        // One file may be an edited version of one read before at the same path.
        let opened = match options.paths.as_slice() {
            [path] => store.open_at(&id, path),
            _ => store.open(&id),
        };
        let mut record = opened.record;
        for path in &options.paths {
            record.seen_at(path);
        }
        Self {
            others: store.records_except(&record),
            store: Some(store),
            record,
            writable: opened.writable,
            notice: opened.notice,
        }
    }

    /// Saves `record`, unless the store could not be read or found (`None`).
    fn save(&self, record: &Record) -> Result<Option<Saved>, store::SaveError> {
        match &self.store {
            Some(store) if self.writable => store.save(record).map(Some),
            _ => Ok(None),
        }
    }
}

/// The document to show first, and, for a long text, the whole one on its way.
fn start_building(texts: Vec<(String, Text)>) -> (Document, Option<Receiver<Document>>) {
    let total: usize = texts.iter().map(|(_, t)| t.text.len()).sum();
    if total <= 2 * OPENING_BYTES {
        return (build_all(texts), None);
    }
    let opening = {
        let (name, text) = &texts[0];
        let part = gangmu::build(input::opening(&text.text, OPENING_BYTES));
        if texts.len() > 1 {
            Document::combine(vec![(name.clone(), part)])
        } else {
            part
        }
    };
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        // The reader may have quit already; then nobody waits for this.
        let _ = sender.send(build_all(texts));
    });
    (opening, Some(receiver))
}

/// The texts as one document: a single file as it is, several under one heading each.
fn build_all(texts: Vec<(String, Text)>) -> Document {
    let mut documents: Vec<(String, Document)> = texts
        .into_iter()
        .map(|(name, text)| (name, text.build().document))
        .collect();
    if documents.len() == 1 {
        documents.pop().map(|(_, d)| d).unwrap_or_default()
    } else {
        Document::combine(documents)
    }
}
