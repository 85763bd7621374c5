//! Building the document off the reader's thread: a long text is shown from its
//! opening at once while one worker thread builds the whole, which then takes
//! its place, and after it the search keys of its headings for the jump popup.
//! (Measured on a 101 MB file: the whole takes about a second and a half to
//! build, the opening a few milliseconds, the search keys two seconds more.)
//! While it builds, how much is done goes to the reader every tenth of a
//! second, for the status row. Texts whose identities were taken on trust (a
//! file known by its path, read whole here; a library known by its files')
//! are hashed here first, and come as read again if they changed.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::time::Duration;

use gangmu::document::Document;
use gangmu::parse::cache::Cache;
use gangmu::parse::input::{self, Text};
use gangmu::parse::library::in_parallel;
use gangmu::parse::progress::Progress;
use gangmu::search::Index;
use gangmu::tui::msg::Msg;
use gangmu::tui::prepared::Prepared;
use gangmu::tui::words;

use crate::memory;
use crate::reading::{self, Stamped, Texts, Unbuilt};

/// How much lower than the reader's own threads the building thread runs
/// (`nice`), so that where the two share a processor the thread answering a
/// key takes it at once, not at the scheduler's next tick: with the same
/// priority, keys pressed while 101 MB loaded were answered in 0.4 ms but
/// now and then in 4 ms, a tick here.
const BUILDING_NICENESS: i32 = 10;

/// The lowest priority there is (the highest `nice`).
const LOWEST: i32 = 19;

/// Lowers the calling thread's priority by [`BUILDING_NICENESS`]. Linux only:
/// there the call names the thread, elsewhere it would name the whole process.
pub(crate) fn yield_to_the_keys() {
    #[cfg(target_os = "linux")]
    if let Ok(now) = rustix::process::getpriority_process(None) {
        // Failing leaves the thread as it was: as fast, only not yielding.
        let lower = (now + BUILDING_NICENESS).min(LOWEST);
        let _ = rustix::process::setpriority_process(None, lower);
    }
}

/// The document to show first: the whole of a short text, the opening of a
/// long one ([`build_the_whole`] brings the rest); of a library, its first file.
pub(crate) fn first_document(texts: &[(String, Text)]) -> Document {
    if !is_long(texts) {
        return build_all(texts, &Progress::default());
    }
    let Some((name, text)) = texts.first() else {
        return Document::default();
    };
    if texts.len() == 1 {
        return gangmu::build(input::opening(&text.text, input::OPENING_BYTES));
    }
    // A library's first file as the cache has it, whole; else its opening.
    let part = Cache::locate()
        .and_then(|cache| cache.cached(&text.text))
        .unwrap_or_else(|| gangmu::build(input::opening(&text.text, input::OPENING_BYTES)));
    Document::combine(vec![(name.clone(), part)])
}

/// For a long text, says that it is loading (`Msg::Loading`), builds the
/// whole document and then its headings' search keys on a worker thread, and
/// sends them (`Msg::Whole`, `Msg::HeadingIndex`), each said to be `of` the
/// document with that identity. A file of which only the opening is read is
/// read whole there first.
pub(crate) fn build_the_whole(unbuilt: Unbuilt, of: String, messages: Sender<Msg>) {
    // Texts whose identities are to be checked are gone through whatever
    // their length.
    let total = match &unbuilt {
        Unbuilt::Texts(texts) if !is_long(texts) => return,
        Unbuilt::Texts(texts) | Unbuilt::Unchecked { texts, .. } => {
            texts.iter().map(|(_, t)| t.text.len()).sum()
        }
        Unbuilt::File { path, .. } => std::fs::metadata(path).map_or(0, |m| m.len() as usize),
    };
    // Sent before the worker starts, so that its whole comes after it.
    let _ = messages.send(Msg::Loading { of: of.clone() });
    let progress = Arc::new(Progress::default());
    tell_progress(Arc::clone(&progress), total, of.clone(), messages.clone());
    std::thread::spawn(move || {
        yield_to_the_keys();
        let (texts, whole_of) = match unbuilt {
            Unbuilt::Texts(texts) => (texts, of.clone()),
            Unbuilt::File { shown, path } => read_and_check(shown, &path, &of, &messages),
            Unbuilt::Unchecked { texts, stamped } => {
                let whole_of = checked(&texts, Some(stamped), &of);
                (texts, whole_of)
            }
        };
        // The reader may have quit already; then nobody waits for this.
        let whole = build_all(&texts, &progress);
        // The texts are in the document now: their memory is given back before
        // the search keys take theirs.
        drop(texts);
        let outline = whole.outline.clone();
        // What the reader works out of the document is worked out here, so
        // that the whole takes the opening's place without holding a key.
        let whole = Box::new(Prepared::of_long(whole));
        let whole = if whole_of == of {
            Msg::Whole {
                of,
                document: whole,
                index_coming: true,
            }
        } else {
            // Not the document known by the file's path: it changed since.
            Msg::Reloaded {
                of,
                id: whole_of.clone(),
                document: whole,
            }
        };
        if messages.send(whole).is_ok() {
            let index = Box::new(Index::new(&outline));
            let _ = messages.send(Msg::HeadingIndex {
                of: whole_of,
                index,
            });
        }
    });
}

/// Reads `files` again (`R`) on a thread of its own, the document `shown`
/// being theirs as they were: says so if they did not change; else sends the
/// new text's first document to take the old one's place, and builds the
/// whole if it is long. (Reading and hashing 101 MB again held the keys
/// 130 ms.)
pub(crate) fn read_again(files: Vec<PathBuf>, shown: String, messages: Sender<Msg>) {
    std::thread::spawn(move || {
        yield_to_the_keys();
        let read: anyhow::Result<Texts> = files
            .iter()
            .map(|f| Ok((crate::file_name(f), input::read_text(f)?)))
            .collect();
        let texts = match read {
            Ok(texts) => texts,
            Err(error) => {
                let _ = messages.send(Msg::Notice(words::not_reloaded(&error)));
                return;
            }
        };
        let id = memory::identity(&texts);
        if id == shown {
            let _ = messages.send(Msg::Notice(words::FILE_UNCHANGED.to_string()));
            return;
        }
        let document = Box::new(Prepared::new(first_document(&texts)));
        let reloaded = Msg::Reloaded {
            of: shown,
            id: id.clone(),
            document,
        };
        if messages.send(reloaded).is_ok() {
            build_the_whole(Unbuilt::Texts(texts), id, messages);
        }
    });
}

/// The whole of the file `path` whose opening is `shown`, and the identity of
/// the document it makes ([`checked`] against `of`, as its path said).
/// Warnings of its reading are sent to the reader; a file that cannot be read
/// now is only its opening.
fn read_and_check(shown: Texts, path: &Path, of: &str, messages: &Sender<Msg>) -> (Texts, String) {
    let stamped = reading::stamps(&[path.to_path_buf()]);
    let whole = match reading::read_whole(&shown, path) {
        Ok(whole) => whole,
        Err(error) => {
            let _ = messages.send(Msg::Notice(words::rest_not_read(&error)));
            return (shown, of.to_string());
        }
    };
    if let Some(first) = whole.iter().flat_map(|(_, t)| &t.warnings).next() {
        let _ = messages.send(Msg::Notice(format!("⚠ {first}")));
    }
    let id = checked(&whole, stamped, of);
    (whole, id)
}

/// The identity of `texts` read as one document: `of`, as their files' paths
/// and stamps said, unless one of them changed since (then the identities
/// found are kept for those paths, if `stamped`).
fn checked(texts: &Texts, stamped: Option<Stamped>, of: &str) -> String {
    let identities = memory::identities(texts);
    if identities.whole != of
        && let (Some(cache), Some(stamped)) = (Cache::locate(), stamped)
    {
        reading::remember_identities(&cache, &stamped, &identities);
    }
    identities.whole
}

/// Sends how much of `total` bytes is built, every [`PROGRESS_EVERY`], until
/// all is built or the reader has gone.
fn tell_progress(progress: Arc<Progress>, total: usize, of: String, messages: Sender<Msg>) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(PROGRESS_EVERY);
            let built = progress.built();
            let percent = (built * 100 / total.max(1)).min(100) as u8;
            let of = of.clone();
            if built >= total || messages.send(Msg::Built { of, percent }).is_err() {
                return;
            }
        }
    });
}

/// How often the progress figure is sent while a long text is built.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// Whether the texts are long enough to be shown from their opening first.
fn is_long(texts: &[(String, Text)]) -> bool {
    let total: usize = texts.iter().map(|(_, t)| t.text.len()).sum();
    total > 2 * input::OPENING_BYTES
}

/// The texts as one document: a single file as it is, several under one
/// heading each; their bytes counted into `progress` as they are built.
fn build_all(texts: &[(String, Text)], progress: &Progress) -> Document {
    if let [(_, only)] = texts {
        return gangmu::build_reporting(&only.text, progress);
    }
    // The files of a library are built on every core, or taken from the cache
    // of built documents where they are in it; entries long unused are swept
    // away on a thread of their own (the reader may quit before it is done).
    let cache = Cache::locate();
    if let Some(cache) = cache.clone() {
        std::thread::spawn(move || cache.sweep(std::time::SystemTime::now()));
    }
    Document::combine(in_parallel(texts, |(name, text)| {
        let document = match &cache {
            Some(cache) => cache.build_reporting(&text.text, progress),
            None => gangmu::build_reporting(&text.text, progress),
        };
        (name.clone(), document)
    }))
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;
    use rustix::process::getpriority_process;

    #[test]
    fn the_building_thread_alone_yields_to_the_keys() {
        let before = getpriority_process(None).expect("the test thread's priority");
        let building = std::thread::spawn(|| {
            yield_to_the_keys();
            getpriority_process(None).expect("the building thread's priority")
        })
        .join()
        .expect("the thread ends");
        assert_eq!(building, (before + BUILDING_NICENESS).min(LOWEST));
        let after = getpriority_process(None).expect("the test thread's priority");
        assert_eq!(after, before, "the rest of the process keeps its priority");
    }
}
