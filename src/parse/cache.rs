//! The cache of built documents for a library: one file per text, named by the
//! BLAKE3 hash of the decoded text, in the platform's cache directory
//! (`~/.cache/gangmu` on Linux, or `GANGMU_CACHE_DIR`). A second open of the same
//! files reads them from there instead of building them again. An entry is
//! trusted only when it is whole, was written by this very build of gangmu
//! (its version and the program file's size and time), is for the same text
//! (hash and length), and its document keeps the outline's promises; anything
//! else is built again and written over. Writes go to a temporary file renamed
//! into place, so a reader never sees half an entry. An entry read is touched,
//! so that its time says when it was last used; [`Cache::sweep`] removes the
//! entries unused for [`UNUSED_DAYS`] (those of earlier builds of gangmu among
//! them, which no build reads again) and temporary files a crash left. The
//! identities found for files by their paths (`known`) are kept here too.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::parse::progress::Progress;

mod known;

pub use known::{Identities, Stamp};

/// The variable that puts the cache elsewhere (tests, a shared machine).
pub const CACHE_DIR_VARIABLE: &str = "GANGMU_CACHE_DIR";

/// Days after which an entry not used is removed.
pub const UNUSED_DAYS: u64 = 30;

/// Seconds in a day.
const DAY: u64 = 24 * 60 * 60;

/// The file whose time says when the cache was last swept.
const SWEPT: &str = ".swept";

/// What the temporary file of a write is named with.
const TEMPORARY_PREFIX: &str = ".gangmu-cache-";

/// Where built documents are kept, and which build of gangmu keeps them.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
    build: String,
}

/// One entry as it is written.
#[derive(Serialize, Deserialize)]
struct Entry {
    build: String,
    text_hash: String,
    text_bytes: usize,
    document: Document,
}

impl Cache {
    /// The cache `GANGMU_CACHE_DIR` names, else the platform's; `None` when
    /// there is no such place.
    pub fn locate() -> Option<Self> {
        let dir = match std::env::var_os(CACHE_DIR_VARIABLE) {
            Some(dir) if !dir.is_empty() => PathBuf::from(dir),
            _ => directories::ProjectDirs::from("", "", "gangmu")?
                .cache_dir()
                .to_path_buf(),
        };
        Some(Self::at(&dir))
    }

    /// The folder the cache is in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The cache in `dir`.
    pub fn at(dir: &Path) -> Self {
        Self {
            dir: dir.to_path_buf(),
            build: this_build(),
        }
    }

    /// The document of `text`: from the cache when a good entry is there, else
    /// built (its bytes counted into `progress`) and kept for next time. A cache
    /// that cannot be written only costs the time saved.
    pub fn build_reporting(&self, text: &str, progress: &Progress) -> Document {
        let hash = blake3::hash(text.as_bytes()).to_hex().to_string();
        let path = self.dir.join(format!("{hash}.json"));
        if let Some(document) = self.read(&path, &hash, text.len()) {
            progress.advance(text.len());
            return document;
        }
        let document = crate::build_reporting(text, progress);
        let entry = Entry {
            build: self.build.clone(),
            text_hash: hash,
            text_bytes: text.len(),
            document,
        };
        let _ = self.write(&path, &entry);
        entry.document
    }

    /// The document of `text` if the cache has a good entry for it.
    pub fn cached(&self, text: &str) -> Option<Document> {
        let hash = blake3::hash(text.as_bytes()).to_hex().to_string();
        self.read(&self.dir.join(format!("{hash}.json")), &hash, text.len())
    }

    /// The document of `text`, from the cache or built.
    pub fn build(&self, text: &str) -> Document {
        self.build_reporting(text, &Progress::default())
    }

    /// The entry at `path`, if it is whole, of this build and of this text.
    fn read(&self, path: &Path, hash: &str, bytes: usize) -> Option<Document> {
        let raw = std::fs::read(path).ok()?;
        let entry: Entry = serde_json::from_slice(&raw).ok()?;
        let fits = entry.build == self.build
            && entry.text_hash == hash
            && entry.text_bytes == bytes
            && entry.document.check().is_ok();
        if fits {
            touch(path);
        }
        fits.then_some(entry.document)
    }

    /// Removes the entries not used for [`UNUSED_DAYS`] and the temporary files
    /// of writes older than a day, at most once a day; how many it removed.
    /// Only files named as the cache names its own are looked at.
    pub fn sweep(&self, now: std::time::SystemTime) -> usize {
        let marker = self.dir.join(SWEPT);
        if age_in_days(&marker, now).is_some_and(|days| days < 1) || !self.dir.is_dir() {
            return 0;
        }
        let _ = std::fs::File::create(&marker);
        sweep_folder(&self.dir, now) + sweep_folder(&self.dir.join(known::FOLDER), now)
    }

    /// Writes `entry` to `path` in the cache, through a temporary file renamed
    /// into place.
    fn write(&self, path: &Path, entry: &impl Serialize) -> std::io::Result<()> {
        let folder = path.parent().unwrap_or(&self.dir);
        std::fs::create_dir_all(folder)?;
        let mut file = tempfile::Builder::new()
            .prefix(TEMPORARY_PREFIX)
            .tempfile_in(folder)?;
        let mut writer = std::io::BufWriter::new(file.as_file_mut());
        serde_json::to_writer(&mut writer, entry)?;
        writer.flush()?;
        drop(writer);
        file.persist(path).map_err(|e| e.error)?;
        Ok(())
    }
}

/// Removes from `folder` the entries not used for [`UNUSED_DAYS`] and the
/// temporary files of writes older than a day; how many.
fn sweep_folder(folder: &Path, now: std::time::SystemTime) -> usize {
    let Ok(listing) = std::fs::read_dir(folder) else {
        return 0;
    };
    let mut removed = 0;
    for path in listing.flatten().map(|entry| entry.path()) {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let most_days = if is_entry_name(name) {
            UNUSED_DAYS
        } else if name.starts_with(TEMPORARY_PREFIX) {
            1
        } else {
            continue;
        };
        let old = age_in_days(&path, now).is_some_and(|days| days >= most_days);
        if old && std::fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Sets the time of the entry at `path` to now: it was used. A touch that
/// fails only makes the sweep remove it sooner.
fn touch(path: &Path) {
    let _ = set_time(path, std::time::SystemTime::now());
}

/// Sets the modification time of the file at `path`.
fn set_time(path: &Path, time: std::time::SystemTime) -> std::io::Result<()> {
    std::fs::File::options()
        .append(true)
        .open(path)
        .and_then(|file| file.set_modified(time))
}

/// Whether `name` is an entry's: a BLAKE3 hash in hex, then `.json`.
fn is_entry_name(name: &str) -> bool {
    name.strip_suffix(".json")
        .is_some_and(|hash| hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Whole days since the file at `path` was last changed, as of `now`.
fn age_in_days(path: &Path, now: std::time::SystemTime) -> Option<u64> {
    let changed = std::fs::metadata(path).ok()?.modified().ok()?;
    Some(now.duration_since(changed).ok()?.as_secs() / DAY)
}

/// This build of gangmu: its version and its program file's size and time, so
/// that a rebuilt or another gangmu never trusts what this one wrote.
fn this_build() -> String {
    let program = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| {
            let time = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{}-{time}", m.len())
        })
        .unwrap_or_default();
    format!("{}/{program}", env!("CARGO_PKG_VERSION"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "2024年政府工作报告\n\n一、回顾\n\n发展新质生产力。\n";

    fn entries(dir: &Path) -> Vec<PathBuf> {
        std::fs::read_dir(dir)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn a_second_build_reads_the_entry() {
        let dir = tempfile::tempdir().expect("a folder");
        let cache = Cache::at(dir.path());
        let built = cache.build(TEXT);
        let files = entries(dir.path());
        assert_eq!(files.len(), 1);
        // An entry changed by hand is what a second build returns: it was read.
        let raw = std::fs::read_to_string(&files[0]).expect("the entry");
        std::fs::write(&files[0], raw.replace("新质生产力", "新质生产率")).expect("written");
        let again = cache.build(TEXT);
        assert_eq!(built.paragraphs.len(), again.paragraphs.len());
        assert!(
            again
                .paragraphs
                .iter()
                .any(|p| p.text.contains("新质生产率"))
        );
    }

    /// `path`'s time set `days` before now.
    pub(super) fn aged(path: &Path, days: u64) {
        let then = std::time::SystemTime::now() - std::time::Duration::from_secs(days * DAY);
        set_time(path, then).expect("aged");
    }

    #[test]
    fn the_sweep_removes_entries_unused_for_a_month_and_old_temporary_files() {
        let dir = tempfile::tempdir().expect("a folder");
        let cache = Cache::at(dir.path());
        cache.build(TEXT);
        let used = entries(dir.path()).remove(0);
        let unused = dir.path().join(format!("{}.json", "a".repeat(64)));
        let left_by_a_crash = dir.path().join(format!("{TEMPORARY_PREFIX}x1"));
        let fresh_write = dir.path().join(format!("{TEMPORARY_PREFIX}x2"));
        let someone_elses = dir.path().join("notes.json");
        for path in [&unused, &left_by_a_crash, &fresh_write, &someone_elses] {
            std::fs::write(path, "{}").expect("written");
        }
        for path in [&used, &unused, &someone_elses] {
            aged(path, UNUSED_DAYS + 5);
        }
        aged(&left_by_a_crash, 2);
        // Reading the old entry makes it used now.
        assert!(cache.cached(TEXT).is_some());
        assert_eq!(cache.sweep(std::time::SystemTime::now()), 2);
        let mut left = entries(dir.path());
        left.sort();
        let mut expected = vec![used, fresh_write, someone_elses, dir.path().join(SWEPT)];
        expected.sort();
        assert_eq!(left, expected);
        // Not again the same day.
        std::fs::write(&unused, "{}").expect("written");
        aged(&unused, UNUSED_DAYS + 5);
        assert_eq!(cache.sweep(std::time::SystemTime::now()), 0);
    }

    #[test]
    fn a_truncated_or_foreign_entry_is_built_again() {
        let dir = tempfile::tempdir().expect("a folder");
        let cache = Cache::at(dir.path());
        let built = cache.build(TEXT);
        let path = entries(dir.path()).remove(0);
        let raw = std::fs::read_to_string(&path).expect("the entry");
        std::fs::write(&path, &raw[..raw.len() / 2]).expect("written");
        let again = cache.build(TEXT);
        assert_eq!(again.paragraphs.len(), built.paragraphs.len());
        assert_eq!(std::fs::read_to_string(&path).expect("rewritten"), raw);
        let other = Cache {
            dir: dir.path().to_path_buf(),
            build: "0.0.0/another".to_string(),
        };
        std::fs::write(&path, raw.replace("新质生产力", "新质生产率")).expect("written");
        let rebuilt = other.build(TEXT);
        assert!(
            rebuilt
                .paragraphs
                .iter()
                .any(|p| p.text.contains("新质生产力"))
        );
    }
}
