//! What the files read before were found to be: for each path, the document's
//! identity (`Store::document_id`, kept as given) with the file's length,
//! modification time and inode when it was read whole. A file unchanged since
//! is known by its path before it is read whole, so that the reader can find
//! its record and show its first screen from its opening alone; the identity
//! is still checked once the whole is read. One small entry a path, in the
//! cache's `paths` folder, named by the hash of the path and swept as the
//! cache's other entries are.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Cache;

/// The folder of the cache the entries are in.
pub(super) const FOLDER: &str = "paths";

/// What says a file is unchanged: its length, modification time and inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    bytes: u64,
    modified_seconds: u64,
    modified_nanos: u32,
    inode: u64,
}

impl Stamp {
    /// The stamp of the file at `path` now, if it is a regular file whose
    /// time can be read.
    pub fn of(path: &Path) -> Option<Self> {
        let metadata = std::fs::metadata(path)
            .ok()
            .filter(std::fs::Metadata::is_file)?;
        let modified = metadata.modified().ok()?;
        let since = modified.duration_since(std::time::UNIX_EPOCH).ok()?;
        Some(Self {
            bytes: metadata.len(),
            modified_seconds: since.as_secs(),
            modified_nanos: since.subsec_nanos(),
            inode: inode(&metadata),
        })
    }

    /// The file's length in bytes.
    pub fn bytes(self) -> u64 {
        self.bytes
    }
}

#[cfg(unix)]
fn inode(metadata: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(metadata)
}

#[cfg(not(unix))]
fn inode(_: &std::fs::Metadata) -> u64 {
    0
}

/// One entry as it is written.
#[derive(Serialize, Deserialize)]
struct Known {
    path: String,
    stamp: Stamp,
    identity: String,
}

impl Cache {
    /// The identity found for the file at `path` when it last had `stamp`.
    pub fn known_identity(&self, path: &str, stamp: Stamp) -> Option<String> {
        let file = self.known_file(path);
        let known: Known = serde_json::from_slice(&std::fs::read(&file).ok()?).ok()?;
        let fits = known.path == path && known.stamp == stamp && !known.identity.is_empty();
        if fits {
            super::touch(&file);
        }
        fits.then_some(known.identity)
    }

    /// Keeps `identity` as that of the file at `path` with `stamp`. A cache
    /// that cannot be written only costs the time saved.
    pub fn remember_identity(&self, path: &str, stamp: Stamp, identity: &str) {
        let known = Known {
            path: path.to_string(),
            stamp,
            identity: identity.to_string(),
        };
        let _ = self.write(&self.known_file(path), &known);
    }

    fn known_file(&self, path: &str) -> PathBuf {
        let hash = blake3::hash(path.as_bytes()).to_hex();
        self.dir.join(FOLDER).join(format!("{hash}.json"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file with `text`, and the cache, in a fresh folder.
    fn a_file(text: &str) -> (tempfile::TempDir, PathBuf, Cache) {
        let dir = tempfile::tempdir().expect("a folder");
        let file = dir.path().join("report.txt");
        std::fs::write(&file, text).expect("written");
        let cache = Cache::at(&dir.path().join("cache"));
        (dir, file, cache)
    }

    #[test]
    fn an_unchanged_file_is_known_by_its_path() {
        let (_dir, file, cache) = a_file("一、总体要求\n");
        let path = file.display().to_string();
        let stamp = Stamp::of(&file).expect("a stamp");
        assert_eq!(cache.known_identity(&path, stamp), None);
        cache.remember_identity(&path, stamp, "abc");
        assert_eq!(cache.known_identity(&path, stamp).as_deref(), Some("abc"));
        assert_eq!(cache.known_identity("/elsewhere/report.txt", stamp), None);
    }

    #[test]
    fn a_file_changed_since_is_not_known() {
        let (_dir, file, cache) = a_file("一、总体要求\n");
        let path = file.display().to_string();
        let stamp = Stamp::of(&file).expect("a stamp");
        cache.remember_identity(&path, stamp, "abc");
        // Longer, then as long but at another time.
        std::fs::write(&file, "一、总体要求（修订）\n").expect("written");
        assert_eq!(
            cache.known_identity(&path, Stamp::of(&file).expect("a stamp")),
            None
        );
        std::fs::write(&file, "二、总体要求\n").expect("written");
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
        std::fs::File::options()
            .append(true)
            .open(&file)
            .and_then(|f| f.set_modified(later))
            .expect("timed");
        let changed = Stamp::of(&file).expect("a stamp");
        assert_eq!(changed.bytes(), stamp.bytes());
        assert_eq!(cache.known_identity(&path, changed), None);
    }

    #[test]
    fn an_entry_unused_for_a_month_is_swept_away() {
        let (_dir, file, cache) = a_file("一、总体要求\n");
        let path = file.display().to_string();
        let stamp = Stamp::of(&file).expect("a stamp");
        cache.remember_identity(&path, stamp, "abc");
        let entry = cache.known_file(&path);
        let then = std::time::SystemTime::now()
            - std::time::Duration::from_secs((super::super::UNUSED_DAYS + 1) * super::super::DAY);
        std::fs::File::options()
            .append(true)
            .open(&entry)
            .and_then(|f| f.set_modified(then))
            .expect("aged");
        assert_eq!(cache.sweep(std::time::SystemTime::now()), 1);
        assert!(!entry.exists());
    }

    #[test]
    fn a_damaged_entry_or_one_of_another_path_is_not_trusted() {
        let (_dir, file, cache) = a_file("一、总体要求\n");
        let path = file.display().to_string();
        let stamp = Stamp::of(&file).expect("a stamp");
        cache.remember_identity(&path, stamp, "abc");
        let entry = cache.known_file(&path);
        let raw = std::fs::read_to_string(&entry).expect("the entry");
        std::fs::write(&entry, &raw[..raw.len() / 2]).expect("written");
        assert_eq!(cache.known_identity(&path, stamp), None);
        std::fs::write(&entry, raw.replace("report.txt", "other.txt")).expect("written");
        assert_eq!(cache.known_identity(&path, stamp), None);
    }
}
