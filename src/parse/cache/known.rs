//! What the files read before were found to be: for a file, or files read as
//! one document (a library), the document's identity and each file's
//! (`Store::document_id`, kept as given), with each file's length,
//! modification time and inode when it was read whole. A file unchanged since
//! is known by its path before it is read whole, so that the reader can find
//! its record and show its first screen from its opening alone; the identity
//! is still checked once the whole is read. One small entry for each set of
//! paths, in the cache's `paths` folder, named by the hash of the paths and
//! swept as the cache's other entries are.

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

/// One entry as it is written: the files read as one document, in order.
#[derive(Serialize, Deserialize)]
struct Known {
    files: Vec<KnownFile>,
    /// The identity of the files read as one document.
    identity: String,
}

/// A file of an entry, with its stamp and its own identity.
#[derive(Serialize, Deserialize)]
struct KnownFile {
    path: String,
    stamp: Stamp,
    identity: String,
}

/// The identities of files read as one document: the whole's, and each file's
/// alone (for one file, the same).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identities {
    pub whole: String,
    pub each: Vec<String>,
}

impl Cache {
    /// The identities found for the files at these paths when each last had
    /// the stamp given with it.
    pub fn known_identities(&self, files: &[(String, Stamp)]) -> Option<Identities> {
        let entry = self.known_file(files);
        let known: Known = serde_json::from_slice(&std::fs::read(&entry).ok()?).ok()?;
        let fits = known.files.len() == files.len()
            && known
                .files
                .iter()
                .zip(files)
                .all(|(k, (path, stamp))| &k.path == path && k.stamp == *stamp)
            && !known.identity.is_empty();
        if !fits {
            return None;
        }
        super::touch(&entry);
        Some(Identities {
            whole: known.identity,
            each: known.files.into_iter().map(|f| f.identity).collect(),
        })
    }

    /// Keeps `identities` as those of the files at these paths with these
    /// stamps. A cache that cannot be written only costs the time saved.
    pub fn remember_identities(&self, files: &[(String, Stamp)], identities: &Identities) {
        if files.len() != identities.each.len() {
            return;
        }
        let known = Known {
            files: files
                .iter()
                .zip(&identities.each)
                .map(|((path, stamp), identity)| KnownFile {
                    path: path.clone(),
                    stamp: *stamp,
                    identity: identity.clone(),
                })
                .collect(),
            identity: identities.whole.clone(),
        };
        let _ = self.write(&self.known_file(files), &known);
    }

    /// The entry of these files: named by the hash of their paths.
    fn known_file(&self, files: &[(String, Stamp)]) -> PathBuf {
        let mut hasher = blake3::Hasher::new();
        for (index, (path, _)) in files.iter().enumerate() {
            if index > 0 {
                hasher.update(b"\n");
            }
            hasher.update(path.as_bytes());
        }
        let hash = hasher.finalize().to_hex();
        self.dir.join(FOLDER).join(format!("{hash}.json"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The identity known of the one file at `path` with `stamp`.
    fn known(cache: &Cache, path: &str, stamp: Stamp) -> Option<String> {
        cache
            .known_identities(&[(path.to_string(), stamp)])
            .map(|known| known.whole)
    }

    /// Keeps `identity` as that of the one file at `path` with `stamp`.
    fn remember(cache: &Cache, path: &str, stamp: Stamp, identity: &str) {
        let identities = Identities {
            whole: identity.to_string(),
            each: vec![identity.to_string()],
        };
        cache.remember_identities(&[(path.to_string(), stamp)], &identities);
    }

    /// A file known by its path as `abc`, in a fresh folder with the cache.
    struct Remembered {
        _dir: tempfile::TempDir,
        file: PathBuf,
        path: String,
        stamp: Stamp,
        cache: Cache,
    }

    impl Remembered {
        /// The cache's entry for the file.
        fn entry(&self) -> PathBuf {
            self.cache.known_file(&[(self.path.clone(), self.stamp)])
        }
    }

    fn a_known_file() -> Remembered {
        let (dir, file, cache) = a_file("一、总体要求\n");
        let path = file.display().to_string();
        let stamp = Stamp::of(&file).expect("a stamp");
        remember(&cache, &path, stamp, "abc");
        Remembered {
            _dir: dir,
            file,
            path,
            stamp,
            cache,
        }
    }

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
        assert_eq!(known(&cache, &path, stamp), None);
        remember(&cache, &path, stamp, "abc");
        assert_eq!(known(&cache, &path, stamp).as_deref(), Some("abc"));
        assert_eq!(known(&cache, "/elsewhere/report.txt", stamp), None);
    }

    #[test]
    fn a_file_changed_since_is_not_known() {
        let Remembered {
            _dir,
            file,
            path,
            stamp,
            cache,
        } = a_known_file();
        // Longer, then as long but at another time.
        std::fs::write(&file, "一、总体要求（修订）\n").expect("written");
        assert_eq!(
            known(&cache, &path, Stamp::of(&file).expect("a stamp")),
            None
        );
        std::fs::write(&file, "二、总体要求\n").expect("written");
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
        super::super::set_time(&file, later).expect("timed");
        let changed = Stamp::of(&file).expect("a stamp");
        assert_eq!(changed.bytes(), stamp.bytes());
        assert_eq!(known(&cache, &path, changed), None);
    }

    #[test]
    fn files_read_as_one_are_known_together_and_not_in_another_order() {
        let (dir, first, cache) = a_file("一、回顾\n");
        let second = dir.path().join("next.txt");
        std::fs::write(&second, "二、任务\n").expect("written");
        let files: Vec<(String, Stamp)> = [&first, &second]
            .iter()
            .map(|f| (f.display().to_string(), Stamp::of(f).expect("a stamp")))
            .collect();
        let identities = Identities {
            whole: "ab".to_string(),
            each: vec!["a".to_string(), "b".to_string()],
        };
        cache.remember_identities(&files, &identities);
        assert_eq!(cache.known_identities(&files), Some(identities));
        let reversed: Vec<(String, Stamp)> = files.iter().rev().cloned().collect();
        assert_eq!(cache.known_identities(&reversed), None);
        assert_eq!(cache.known_identities(&files[..1]), None);
    }

    #[test]
    fn an_entry_unused_for_a_month_is_swept_away() {
        let known = a_known_file();
        let entry = known.entry();
        super::super::tests::aged(&entry, super::super::UNUSED_DAYS + 1);
        assert_eq!(known.cache.sweep(std::time::SystemTime::now()), 1);
        assert!(!entry.exists());
    }

    #[test]
    fn a_damaged_entry_or_one_of_another_path_is_not_trusted() {
        let file = a_known_file();
        let entry = file.entry();
        let raw = std::fs::read_to_string(&entry).expect("the entry");
        std::fs::write(&entry, &raw[..raw.len() / 2]).expect("written");
        assert_eq!(known(&file.cache, &file.path, file.stamp), None);
        std::fs::write(&entry, raw.replace("report.txt", "other.txt")).expect("written");
        assert_eq!(known(&file.cache, &file.path, file.stamp), None);
    }
}
