//! The reader's own data for the texts being read: their record in the store,
//! opened (or taken over from an earlier version of the file) at the start and
//! saved after each change to the bookmarks (on a thread of its own,
//! `Saving`, so that the key does not wait for the disk), on a suspend, and at
//! the end (each of those once the saves still running are finished). A
//! library's record keeps where the reader was in it; its files' bookmarks and
//! read marks are kept in each file's own record (`study::shelf`), read with
//! it and saved into them. A library's identity and its files' are hashed
//! together, or taken from the cache when it knows the files unchanged (then
//! they are checked once the first screen is out, `building`).

use std::sync::mpsc::Sender;
use std::thread::JoinHandle;

use gangmu::parse::cache::{Cache, Identities};
use gangmu::parse::input::Text;
use gangmu::parse::library::in_parallel;
use gangmu::study::shelf::Shelf;
use gangmu::study::store::history::History;
use gangmu::study::store::record::Record;
use gangmu::study::store::{self, Saved, Store};
use gangmu::tui::msg::Msg;
use gangmu::tui::words;

use crate::event_loop::Options;
use crate::reading::{self, Stamped};

/// The identity of the document `texts` make.
pub(crate) fn identity(texts: &[(String, Text)]) -> String {
    Store::document_id(&parts(texts))
}

/// The identities of `texts` read as one document and of each alone.
pub(crate) fn identities(texts: &[(String, Text)]) -> Identities {
    let (whole, each) = Store::document_ids(&parts(texts));
    Identities { whole, each }
}

fn parts(texts: &[(String, Text)]) -> Vec<&str> {
    texts.iter().map(|(_, t)| t.text.as_str()).collect()
}

/// Saves a change to the bookmarks at once, taking in what other runs saved;
/// what the app is to be told: the record as saved, and a failure to say in the
/// status line (reading goes on).
pub(crate) fn save_bookmarks(memory: &mut Memory, record: &Record) -> Vec<Msg> {
    bookmarks_saved(memory.save(record))
}

/// What the app is to be told of a save of the bookmarks (see
/// [`save_bookmarks`]).
pub(crate) fn bookmarks_saved(saved: Result<Option<Saved>, store::SaveError>) -> Vec<Msg> {
    match saved {
        Ok(Some(saved)) => {
            let notice = saved.notice.map(|n| Msg::Notice(words::warning(&n)));
            std::iter::once(Msg::Saved(Box::new(saved.record)))
                .chain(notice)
                .collect()
        }
        Ok(None) => vec![Msg::Notice(words::BOOKMARKS_KEPT_UNTIL_EXIT.to_string())],
        Err(error) => vec![Msg::Notice(words::bookmarks_not_saved(&error))],
    }
}

/// Saves of the bookmarks running on threads of their own, so that a key that
/// changes them does not wait for the disk; each tells the app what it saved
/// through the loop's messages. Saves of one record take turns on its lock;
/// a library's give back its shelf as they left it, and run one at a time.
#[derive(Default)]
struct Saving {
    running: Vec<JoinHandle<Option<Shelf>>>,
}

impl Saving {
    /// Runs `save` on a thread of its own and tells the app what it saved.
    fn start(
        &mut self,
        messages: Sender<Msg>,
        save: impl FnOnce() -> (Result<Option<Saved>, store::SaveError>, Option<Shelf>) + Send + 'static,
    ) {
        self.running.retain(|save| !save.is_finished());
        self.running.push(std::thread::spawn(move || {
            let (saved, files_left) = save();
            for msg in bookmarks_saved(saved) {
                let _ = messages.send(msg);
            }
            files_left
        }));
    }

    /// Waits for the saves still running; the shelf the last of a library's
    /// left.
    fn finish(&mut self) -> Option<Shelf> {
        let mut files_left = None;
        for save in self.running.drain(..) {
            if let Ok(Some(files)) = save.join() {
                files_left = Some(files);
            }
        }
        files_left
    }
}

/// What the store keeps of the texts being read, and whether it may be saved.
pub(crate) struct Memory {
    store: Option<Store>,
    record: Record,
    writable: bool,
    /// The phrases searched for in earlier runs (the app takes them).
    pub history: History,
    /// What the user should be told on opening, of the record and of the
    /// search history, in words (the reader takes them).
    pub notices: Vec<String>,
    /// For a library: its files' records.
    shelf: Option<Shelf>,
    /// Saves of the bookmarks not finished yet.
    saving: Saving,
    /// The files and their stamps, when the identities were known by them
    /// (not hashed): to be checked once the first screen is out.
    pub unchecked: Option<Stamped>,
}

impl Memory {
    /// What the store keeps of `texts`; for a library, its files' records
    /// too, each found by the file's own identity (hashed with the library's).
    pub(crate) fn open(texts: &[(String, Text)], options: &Options) -> Self {
        if !is_library(texts, options) {
            return Self::open_as(&identity(texts), texts, options);
        }
        let Some(store) = Store::locate(options.data_dir.as_deref()) else {
            return Self::without_store(&identity(texts));
        };
        let (identities, unchecked) = library_identities(texts, options);
        let files = in_parallel(&identities.each, |id| store.open(id));
        let mut memory = Self::open_in(store, &identities.whole, texts, Some(files), options);
        memory.unchecked = unchecked;
        memory
    }

    /// The same for texts whose identity `id` is known (a library's files are
    /// told apart again).
    pub(crate) fn open_known(id: &str, texts: &[(String, Text)], options: &Options) -> Self {
        if is_library(texts, options) {
            return Self::open(texts, options);
        }
        Self::open_as(id, texts, options)
    }

    /// What the store keeps of the document `id`, one file's, of which
    /// `texts` are (the whole, or its opening when the file is known by its
    /// path).
    pub(crate) fn open_as(id: &str, texts: &[(String, Text)], options: &Options) -> Self {
        let Some(store) = Store::locate(options.data_dir.as_deref()) else {
            return Self::without_store(id);
        };
        Self::open_in(store, id, texts, None, options)
    }

    /// A fresh record of the document `id` that cannot be saved: there is no
    /// data directory to keep it in.
    fn without_store(id: &str) -> Self {
        Self {
            store: None,
            record: Record::new(id),
            writable: false,
            history: History::default(),
            notices: vec![words::NO_DATA_DIRECTORY.to_string()],
            shelf: None,
            saving: Saving::default(),
            unchecked: None,
        }
    }

    /// The record of `id` in `store`, with a library's `files` (their records
    /// as opened) put on its shelf.
    fn open_in(
        store: Store,
        id: &str,
        texts: &[(String, Text)],
        files: Option<Vec<store::Opened>>,
        options: &Options,
    ) -> Self {
        store.sweep_temporary_files();
        // One file may be an edited version of one read before at the same path.
        let opened = match options.paths.as_slice() {
            [path] => store.open_at(id, path),
            _ => store.open(id),
        };
        let mut record = opened.record;
        for path in &options.paths {
            record.seen_at(path);
        }
        let searched = store.search_history();
        let mut notices: Vec<String> = [opened.notice, searched.notice]
            .iter()
            .flatten()
            .map(words::notice)
            .collect();
        let mut shelf = files.map(|files| shelve(texts, files, &options.paths, &mut notices));
        if let Some(shelf) = &mut shelf {
            record = shelf.combined(&record);
        }
        Self {
            store: Some(store),
            record,
            writable: opened.writable,
            history: searched.history,
            notices,
            shelf,
            saving: Saving::default(),
            unchecked: None,
        }
    }

    /// The record as opened, for the app to take (its own is left empty).
    pub(crate) fn take_record(&mut self) -> Record {
        let empty = Record::new(&self.record.document);
        std::mem::replace(&mut self.record, empty)
    }

    /// Reads the records of the documents read before other than `current`
    /// (the app's) on a thread of their own, and sends them: with many
    /// documents, reading them all takes a while, and the first screen needs
    /// none of them.
    pub(crate) fn send_others(&self, current: &Record, messages: Sender<Msg>) {
        let Some(store) = self.store.clone() else {
            return;
        };
        let current = Record {
            paths: current.paths.clone(),
            ..Record::new(&current.document)
        };
        std::thread::spawn(move || {
            // The reader may have quit already; then nobody waits for them.
            let _ = messages.send(Msg::Others(store.records_except(&current)));
        });
    }

    /// Keeps `phrase` in the search history; the history as saved (`None`
    /// without a store).
    pub(crate) fn remember_search(
        &self,
        phrase: &str,
    ) -> Result<Option<History>, store::SaveError> {
        match &self.store {
            Some(store) => store.remember_search(phrase).map(Some),
            None => Ok(None),
        }
    }

    /// Whether the record may be saved: the store was found and its record of
    /// the document read.
    pub(crate) fn may_save(&self) -> bool {
        self.writable_store().is_some()
    }

    /// The store to save in, if saving is allowed.
    pub(crate) fn store_for_saving(&self) -> Option<Store> {
        self.writable_store().cloned()
    }

    /// The store, if the record may be saved in it ([`Memory::may_save`]).
    fn writable_store(&self) -> Option<&Store> {
        self.store.as_ref().filter(|_| self.writable)
    }

    /// The records `record` (the reader's) is saved as, in the order they
    /// are written: a library's files' first, then its own; any other
    /// document's, itself. What the watchdog saves if the terminal goes away.
    pub(crate) fn records_to_save(&self, record: &Record) -> Vec<Record> {
        let Some(files) = &self.shelf else {
            return vec![record.clone()];
        };
        let split = files.split(record);
        let own = std::iter::once(split.library);
        split
            .files
            .into_iter()
            .map(|(_, file)| file)
            .chain(own)
            .collect()
    }

    /// Saves a change to the bookmarks on a thread of its own (see
    /// [`Saving`]); `false` when it may not be saved (the app is to be told
    /// by [`save_bookmarks`]). A library's save waits for the one before it,
    /// which leaves the shelf its files' records are on.
    pub(crate) fn start_saving(&mut self, record: Record, messages: Sender<Msg>) -> bool {
        let Some(store) = self.store_for_saving() else {
            return false;
        };
        let Some(kept) = self.shelf.take() else {
            self.saving
                .start(messages, move || (store.save(&record).map(Some), None));
            return true;
        };
        // The shelf as the save before left it, if one ran.
        let mut files = self.saving.finish().unwrap_or(kept);
        self.shelf = Some(files.clone());
        self.saving.start(messages, move || {
            let saved = save_library(&store, &mut files, &record).map(Some);
            (saved, Some(files))
        });
        true
    }

    /// Waits for the saves still running.
    pub(crate) fn finish_saving(&mut self) {
        if let Some(files) = self.saving.finish() {
            self.shelf = Some(files);
        }
    }

    /// Saves `record`, once the saves still running are done, unless the
    /// store could not be read or found (`None`).
    pub(crate) fn save(&mut self, record: &Record) -> Result<Option<Saved>, store::SaveError> {
        self.finish_saving();
        let Some(store) = self.store_for_saving() else {
            return Ok(None);
        };
        match &mut self.shelf {
            Some(files) => save_library(&store, files, record).map(Some),
            None => store.save(record).map(Some),
        }
    }
}

/// Saves a library's `record` as its own and its files' records, and puts
/// what comes back together again.
fn save_library(
    store: &Store,
    files: &mut Shelf,
    record: &Record,
) -> Result<Saved, store::SaveError> {
    let split = files.split(record);
    // The files first: a bookmark left out of the library's record is in
    // its file's before the library's is written, so a run killed between
    // the two loses nothing.
    for (index, file) in split.files {
        files.saved(index, store.save(&file)?.record);
    }
    let saved = store.save(&split.library)?;
    Ok(Saved {
        record: files.combined(&saved.record),
        notice: saved.notice,
    })
}

/// A library's identities, and its files with their stamps if the cache knew
/// the identities by them; else they are hashed (in one pass over each file)
/// and kept for next time.
fn library_identities(
    texts: &[(String, Text)],
    options: &Options,
) -> (Identities, Option<Stamped>) {
    let cache = Cache::locate();
    let stamped = reading::stamps(&options.files);
    if let (Some(cache), Some(stamped)) = (&cache, &stamped)
        && let Some(known) = reading::known_identities(cache, stamped)
    {
        return (known, Some(stamped.clone()));
    }
    let identities = identities(texts);
    if let (Some(cache), Some(stamped)) = (cache, stamped) {
        reading::remember_identities(&cache, &stamped, &identities);
    }
    (identities, None)
}

/// Whether `texts` are a library: several, each read from one of the paths.
fn is_library(texts: &[(String, Text)], options: &Options) -> bool {
    texts.len() >= 2 && texts.len() == options.paths.len()
}

/// A library's shelf: each file's record as `opened`, noted as seen at its
/// path, with whether it may be saved; what went wrong with one goes into
/// `notices`.
fn shelve(
    texts: &[(String, Text)],
    opened: Vec<store::Opened>,
    paths: &[String],
    notices: &mut Vec<String>,
) -> Shelf {
    let mut files = Vec::with_capacity(texts.len());
    for (((name, _), path), opened) in texts.iter().zip(paths).zip(opened) {
        notices.extend(opened.notice.as_ref().map(words::notice));
        let mut record = opened.record;
        record.seen_at(path);
        files.push((name.clone(), record, opened.writable));
    }
    Shelf::new(files)
}

#[cfg(test)]
mod tests {
    use gangmu::parse::input;
    use gangmu::study::anchor::Anchor;
    use gangmu::study::store::record::Bookmark;
    use gangmu::tui::background::ThemeChoice;

    use super::*;

    /// A library of two reports opened with its data in `data`.
    fn library(data: &std::path::Path) -> Memory {
        let texts: Vec<(String, Text)> = [
            ("gwr-2024.txt", "一、回顾\n"),
            ("gwr-2025.txt", "二、任务\n"),
        ]
        .iter()
        .map(|(name, text)| {
            let text = input::text_from_bytes(name, text.as_bytes()).expect("text");
            ((*name).to_string(), text)
        })
        .collect();
        let options = Options {
            measure: 80,
            theme: ThemeChoice::Auto,
            data_dir: Some(data.to_path_buf()),
            files: Vec::new(),
            paths: vec!["/r/gwr-2024.txt".to_string(), "/r/gwr-2025.txt".to_string()],
            problems: Vec::new(),
        };
        Memory::open(&texts, &options)
    }

    #[test]
    fn a_librarys_bookmark_is_handed_over_in_its_files_record_not_the_librarys() {
        let data = tempfile::tempdir().expect("a folder");
        let mut memory = library(data.path());
        let mut record = memory.take_record();
        record.bookmarks.push(Bookmark {
            id: "b1".to_string(),
            anchor: Anchor {
                path: vec!["gwr-2025.txt".to_string(), "二、".to_string()],
                paragraph: 1,
                offset: 0,
                snippet: "任务".to_string(),
            },
            note: String::new(),
            created: 1,
            modified: 1,
        });
        let records = memory.records_to_save(&record);
        let (library, files) = records.split_last().expect("the library's own last");
        assert_eq!(library.document, record.document);
        assert!(library.bookmarks.is_empty(), "{library:?}");
        let holding: Vec<&Record> = files.iter().filter(|f| !f.bookmarks.is_empty()).collect();
        assert_eq!(holding.len(), 1);
        assert_eq!(
            holding[0].bookmarks[0].anchor.path,
            vec!["二、".to_string()]
        );
    }
}
