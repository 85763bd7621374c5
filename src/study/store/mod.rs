//! The reader's own data (where each document was left, bookmarks and notes),
//! one JSON file per document under the data directory, written so that nothing
//! is ever lost:
//!
//! - a document is known by a hash of its text with white space left out, so a
//!   moved or renamed file (or one with other line ends) keeps its data;
//! - a save takes the document's lock, reads what another run may have saved
//!   meanwhile, merges, and replaces the file atomically (temporary file in the
//!   same directory, fsync, rename);
//! - a file that cannot be parsed, is empty or truncated, or comes from a newer
//!   gangmu is moved aside as `<name>.corrupt-<time>`, never overwritten, and the
//!   user is told;
//! - a file that cannot be read is never written over in that run;
//! - a save's temporary file left by a run killed meanwhile is swept at the
//!   start of a later run, never while its run may still be writing it (`litter`).
//!
//! The phrases searched for are kept the same way, for all documents at once
//! (`history`).
//!
//! No terminal code and no words for the user: what happened comes back as a
//! typed [`Notice`] or [`SaveError`] (`notice`), and the reader and the commands
//! decide what to say.

pub mod history;
mod litter;
mod notice;
pub mod record;

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

pub use notice::{DataFile, Notice, Problem, SaveError};
use record::{Record, Timestamp, VERSION};

/// Bytes hashed at a time when computing a document's identity.
const HASH_BUFFER: usize = 64 * 1024;

/// The environment variable naming the data directory.
pub const DATA_DIR_VARIABLE: &str = "GANGMU_DATA_DIR";

/// Where gangmu keeps its data.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

/// A document's record as found in the store.
#[derive(Debug)]
pub struct Opened {
    pub record: Record,
    /// What the user should be told (a file moved aside, one that cannot be
    /// read, a record taken over from an earlier version).
    pub notice: Option<Notice>,
    /// Whether saving may write the file: not when it exists but could not be read.
    pub writable: bool,
}

/// A save that happened: the record as merged with what was on disk.
#[derive(Debug)]
pub struct Saved {
    pub record: Record,
    /// A file moved aside on the way.
    pub notice: Option<Notice>,
}

/// What finding an earlier version of a document needs of a record; the rest
/// of the file is skipped over, not built.
#[derive(serde::Deserialize)]
struct Seen {
    #[serde(default)]
    paths: Vec<String>,
    #[serde(default)]
    position: Option<SeenAt>,
}

#[derive(serde::Deserialize)]
struct SeenAt {
    at: Timestamp,
}

/// What reading a document's file gave.
enum OnDisk {
    Missing,
    Found(Box<Record>),
    /// Moved aside; the notice says why and where.
    MovedAside(Notice),
    Unreadable(io::Error),
}

impl Store {
    /// The store in `dir`.
    pub fn at(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The store the user asked for (`--data-dir`), else the one `GANGMU_DATA_DIR`
    /// names, else the platform's data directory (`$XDG_DATA_HOME/gangmu` on
    /// Linux). `None` when there is no home to find one in.
    pub fn locate(asked: Option<&Path>) -> Option<Self> {
        if let Some(dir) = asked {
            return Some(Self::at(dir));
        }
        if let Some(dir) = std::env::var_os(DATA_DIR_VARIABLE).filter(|d| !d.is_empty()) {
            return Some(Self::at(dir));
        }
        directories::ProjectDirs::from("", "", "gangmu").map(|d| Self::at(d.data_dir()))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The identity of a document: its text hashed with white space (ASCII white
    /// space, U+3000 and no-break spaces) left out, so line ends, blank lines and
    /// indents do not change it.
    pub fn document_id(texts: &[&str]) -> String {
        let mut hasher = blake3::Hasher::new();
        for text in texts {
            without_white_space(text, |piece| {
                hasher.update(piece);
            });
        }
        identity_of(&hasher)
    }

    /// The identities of `texts` read as one document and of each alone, as
    /// [`Store::document_id`] gives them, in one pass over each text: its white
    /// space is left out once, for its own hash and the whole's.
    pub fn document_ids(texts: &[&str]) -> (String, Vec<String>) {
        let mut whole = blake3::Hasher::new();
        let each = texts
            .iter()
            .map(|text| {
                let mut alone = blake3::Hasher::new();
                without_white_space(text, |piece| {
                    alone.update(piece);
                    whole.update(piece);
                });
                identity_of(&alone)
            })
            .collect();
        (identity_of(&whole), each)
    }

    /// Removes the temporary files of saves that no live run is writing (left
    /// by a run killed during a save); how many.
    pub fn sweep_temporary_files(&self) -> usize {
        litter::sweep(&self.dir) + litter::sweep(&self.documents())
    }

    fn documents(&self) -> PathBuf {
        self.dir.join("documents")
    }

    fn file_of(&self, document: &str) -> PathBuf {
        self.documents().join(format!("{document}.json"))
    }

    /// The record of `document`, or a new one; a damaged file is moved aside.
    pub fn open(&self, document: &str) -> Opened {
        let path = self.file_of(document);
        match read(&path) {
            OnDisk::Missing => Opened {
                record: Record::new(document),
                notice: None,
                writable: true,
            },
            OnDisk::Found(record) => Opened {
                record: *record,
                notice: None,
                writable: true,
            },
            OnDisk::MovedAside(notice) => Opened {
                record: Record::new(document),
                notice: Some(notice),
                writable: true,
            },
            OnDisk::Unreadable(error) => Opened {
                record: Record::new(document),
                notice: Some(Notice::Unreadable {
                    file: DataFile::Record,
                    path,
                    error,
                }),
                writable: false,
            },
        }
    }

    /// The record of `document` opened from `path`; when there is none, the
    /// record of an earlier version of the file at `path` (it was edited or
    /// extracted again), taken over under the new identity. Its anchors find their
    /// places again by headings and text; the earlier record is left as it is.
    pub fn open_at(&self, document: &str, path: &str) -> Opened {
        let opened = self.open(document);
        let fresh = opened.record == Record::new(document) && opened.notice.is_none();
        if !fresh {
            return opened;
        }
        match self.latest_seen_at(path) {
            Some(earlier) => Opened {
                record: Record {
                    document: document.to_string(),
                    ..earlier
                },
                notice: Some(Notice::TakenOver),
                writable: true,
            },
            None => opened,
        }
    }

    /// The records of the other documents, for the list of all bookmarks: not
    /// `current`, nor earlier versions of it (a record seen at one of its paths).
    pub fn records_except(&self, current: &Record) -> Vec<Record> {
        let mut records: Vec<Record> = self
            .all_records()
            .into_iter()
            .filter(|r| r.document != current.document)
            .filter(|r| !r.paths.iter().any(|p| current.paths.contains(p)))
            .collect();
        records.sort_by(|a, b| a.paths.cmp(&b.paths));
        records
    }

    /// Every record that can be read and parsed; the others are left alone.
    fn all_records(&self) -> Vec<Record> {
        self.record_files()
            .filter_map(|bytes| parse(&bytes).ok())
            .collect()
    }

    /// The record last read of those seen at `path`. Only the paths and the
    /// time of each record are parsed until it is found: this happens before a
    /// new document's first screen, with every document read before in the store.
    fn latest_seen_at(&self, path: &str) -> Option<Record> {
        let mut seen: Vec<(Timestamp, Vec<u8>)> = self
            .record_files()
            .filter_map(|bytes| {
                let seen: Seen = serde_json::from_slice(&bytes).ok()?;
                let at = seen.position.map_or(0, |p| p.at);
                seen.paths.iter().any(|p| p == path).then_some((at, bytes))
            })
            .collect();
        seen.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
        seen.into_iter().find_map(|(_, bytes)| parse(&bytes).ok())
    }

    /// The bytes of every record file that can be read.
    fn record_files(&self) -> impl Iterator<Item = Vec<u8>> {
        let entries = fs::read_dir(self.documents()).into_iter().flatten();
        entries.filter_map(|entry| {
            let path = entry.ok()?.path();
            let is_record = path.extension().is_some_and(|e| e == "json");
            fs::read(path).ok().filter(|_| is_record)
        })
    }

    /// Saves `record`, merged with what another run saved meanwhile; returns the
    /// merged record.
    pub fn save(&self, record: &Record) -> Result<Saved, SaveError> {
        let path = self.file_of(&record.document);
        let _lock = lock(&path)?;
        let (merged, notice) = match read(&path) {
            OnDisk::Found(theirs) => (record.merge(&theirs), None),
            OnDisk::Missing => (record.clone(), None),
            OnDisk::MovedAside(notice) => (record.clone(), Some(notice)),
            OnDisk::Unreadable(_) => return Err(SaveError::Unreadable { path }),
        };
        write_atomically(&path, &merged).map_err(write_failed(&path))?;
        Ok(Saved {
            record: merged,
            notice,
        })
    }
}

/// Takes the lock of the file at `path` (making its directory if need be),
/// held until the returned file is dropped: a save reads, merges and writes
/// under it, so that runs saving at once each see what the other saved.
fn lock(path: &Path) -> Result<File, SaveError> {
    let failed = write_failed(path);
    fs::create_dir_all(path.parent().unwrap_or(Path::new("."))).map_err(&failed)?;
    let lock = File::create(path.with_extension("lock")).map_err(&failed)?;
    lock.lock().map_err(&failed)?;
    Ok(lock)
}

/// The error of a write of `path` that failed.
fn write_failed(path: &Path) -> impl Fn(io::Error) -> SaveError + '_ {
    move |source| SaveError::Write {
        path: path.to_path_buf(),
        source,
    }
}

/// An identity as it is written: the first 32 hex digits of the hash.
fn identity_of(hasher: &blake3::Hasher) -> String {
    hasher.finalize().to_hex()[..32].to_string()
}

/// Gives `take` the bytes of `text` with its white space left out, in pieces:
/// runs between white space are gathered and given in large pieces, which a
/// hasher takes much faster than many short ones.
fn without_white_space(text: &str, mut take: impl FnMut(&[u8])) {
    let bytes = text.as_bytes();
    let mut buffer = Vec::with_capacity(HASH_BUFFER + 1024);
    let mut at = 0;
    while at < bytes.len() {
        let (space, length) = next_white_space(bytes, at);
        buffer.extend_from_slice(&bytes[at..space]);
        at = space + length;
        if buffer.len() >= HASH_BUFFER {
            take(&buffer);
            buffer.clear();
        }
    }
    take(&buffer);
}

/// Where the next white space at or after `from` starts, and its length in
/// bytes; the end of `bytes` and 0 if there is none. Sixteen bytes are looked
/// at a time, without stopping at each, so that the compiler can look at them
/// together: in Chinese text white space is far between, but the first byte of
/// U+3000 also begins the common marks `。` and `、`.
fn next_white_space(bytes: &[u8], from: usize) -> (usize, usize) {
    const LANES: usize = 16;
    let mut at = from;
    while let Some(window) = bytes.get(at..at + LANES + 2) {
        let found = (0..LANES).fold(false, |found, i| {
            found | starts_white_space(window[i], window[i + 1], window[i + 2])
        });
        if found {
            break;
        }
        at += LANES;
    }
    while at < bytes.len() {
        let length = white_space_at(&bytes[at..]);
        if length > 0 {
            return (at, length);
        }
        at += 1;
    }
    (bytes.len(), 0)
}

/// Whether white space starts at a byte `b` followed by `next` and `after`
/// (what [`white_space_at`] takes, told without branching).
#[allow(
    clippy::needless_bitwise_bool,
    reason = "with `&&` the sixteen bytes are looked at one by one: the identity of the sample takes 1.44 ms, against 0.43"
)]
fn starts_white_space(b: u8, next: u8, after: u8) -> bool {
    let ascii = (b == b' ') | (b.wrapping_sub(b'\t') <= 0x0D - b'\t');
    let no_break = (b == 0xC2) & (next == 0xA0);
    let ideographic = (b == 0xE3) & (next == 0x80) & (after == 0x80);
    ascii | no_break | ideographic
}

/// The length in bytes of the white space `bytes` start with (0 if none).
fn white_space_at(bytes: &[u8]) -> usize {
    match bytes {
        [b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C, ..] => 1,
        [0xC2, 0xA0, ..] => 2,
        [0xE3, 0x80, 0x80, ..] => 3,
        _ => 0,
    }
}

/// The record in `path`, moving it aside if it is damaged or from a newer gangmu.
fn read(path: &Path) -> OnDisk {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return OnDisk::Missing,
        Err(error) => return OnDisk::Unreadable(error),
    };
    let problem = match parse(&bytes) {
        Ok(record) => return OnDisk::Found(Box::new(record)),
        Err(problem) => problem,
    };
    match move_aside(path) {
        Ok(aside) => OnDisk::MovedAside(Notice::MovedAside {
            file: DataFile::Record,
            problem,
            aside,
        }),
        Err(error) => OnDisk::Unreadable(error),
    }
}

/// A record from a file's bytes, or what is wrong with them.
pub fn parse(bytes: &[u8]) -> Result<Record, Problem> {
    parse_versioned(bytes, VERSION)
}

/// What a file's bytes hold, in a format of at most `version`, or what is
/// wrong with them.
fn parse_versioned<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    version: u32,
) -> Result<T, Problem> {
    // The version first (the rest is skipped over, not kept), then the whole
    // straight into its type: half the time of going through a JSON value.
    #[derive(serde::Deserialize)]
    struct Versioned {
        version: Option<u64>,
    }
    let versioned: Versioned = serde_json::from_slice(bytes).map_err(|_| Problem::Damaged)?;
    match versioned.version {
        Some(v) if v > u64::from(version) => Err(Problem::Newer),
        Some(_) => serde_json::from_slice(bytes).map_err(|_| Problem::Damaged),
        None => Err(Problem::Damaged),
    }
}

/// Renames `path` to `<path>.corrupt-<time>` (with a counter if that exists).
fn move_aside(path: &Path) -> io::Result<PathBuf> {
    let stamp = now();
    for attempt in 0u32.. {
        let suffix = if attempt == 0 {
            format!("corrupt-{stamp}")
        } else {
            format!("corrupt-{stamp}-{attempt}")
        };
        let mut name = path.as_os_str().to_owned();
        name.push(".");
        name.push(suffix);
        let aside = PathBuf::from(name);
        if !aside.exists() {
            fs::rename(path, &aside)?;
            return Ok(aside);
        }
    }
    Err(io::Error::other("no free name to move the file aside to"))
}

/// Writes `value` to `path` so that the file is always whole: a temporary file
/// in the same directory, flushed to disk, renamed over it.
fn write_atomically(path: &Path, value: &impl serde::Serialize) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut file = litter::temporary_file_in(dir)?;
    // Buffered: serde writes a record a few bytes at a time.
    let mut writer = io::BufWriter::new(file.as_file_mut());
    serde_json::to_writer_pretty(&mut writer, value)?;
    writer.write_all(b"\n")?;
    writer.flush()?;
    drop(writer);
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    // The rename itself reaches the disk with the directory.
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Milliseconds since the Unix epoch, now.
pub fn now_millis() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

/// Seconds since the Unix epoch, now.
pub fn now() -> Timestamp {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The store's promise for any bytes in a record file: read as a record, or
/// refused; a record read writes back and reads again as the same record.
pub fn check_round_trip(bytes: &[u8]) -> Result<(), String> {
    let Ok(record) = crate::study::store::parse(bytes) else {
        return Ok(());
    };
    let written = serde_json::to_vec(&record).map_err(|e| e.to_string())?;
    match crate::study::store::parse(&written) {
        Ok(again) if again == record => Ok(()),
        Ok(again) => Err(format!("{record:?} read back as {again:?}")),
        Err(problem) => Err(format!("{record:?} written reads as {problem:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The identity as its definition says: the text with white space left
    /// out, hashed.
    fn by_definition(texts: &[&str]) -> String {
        let white = |c: char| {
            matches!(
                c,
                ' ' | '\t' | '\n' | '\r' | '\x0B' | '\x0C' | '\u{A0}' | '\u{3000}'
            )
        };
        let kept: String = texts
            .iter()
            .flat_map(|t| t.chars())
            .filter(|&c| !white(c))
            .collect();
        blake3::hash(kept.as_bytes()).to_hex()[..32].to_string()
    }

    #[test]
    fn a_librarys_identities_are_its_whole_and_each_file_alone() {
        let sample = std::str::from_utf8(crate::sample::BYTES).expect("the sample is UTF-8");
        let texts = [
            "一、总则\n\u{3000}\u{3000}正文。\n",
            sample,
            "",
            "第二章 附则\n",
        ];
        let (whole, each) = Store::document_ids(&texts);
        assert_eq!(whole, Store::document_id(&texts));
        let alone: Vec<String> = texts.iter().map(|t| Store::document_id(&[t])).collect();
        assert_eq!(each, alone);
    }

    #[test]
    fn the_identity_leaves_out_white_space_and_nothing_else() {
        let sample = std::str::from_utf8(crate::sample::BYTES).expect("the sample is UTF-8");
        let tricky = "第一章\u{3000}总则。、\u{A0}\u{85}x\x0B\x0C\x01 \t\r\n「」ぁ\u{3001}\u{3000}";
        let long = tricky.repeat(40);
        for texts in [
            vec![sample],
            vec![tricky],
            vec![long.as_str(), sample],
            vec!["", "\u{3000}"],
            vec!["a\u{3000}"],
        ] {
            assert_eq!(
                Store::document_id(&texts),
                by_definition(&texts),
                "{texts:?}"
            );
        }
    }
}
