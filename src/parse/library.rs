//! A library: the files named and those under the folders named (recursively),
//! read in parallel and put in a natural order: a year in the file's name, else
//! in its title, sorts by year; files without one come after, by name. A file
//! that cannot be read (missing, a permission refused, binary, a device, a link
//! that loops) is set aside with its reason, so that nothing in a folder can make
//! the others fail. A saved list of files (`@LIST`) names them a line each
//! (`list`).

mod list;

pub use list::{expand_lists, is_list};

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::parse::input::{self, Text};

/// One file of a library, read and decoded.
#[derive(Debug)]
pub struct Book {
    /// Where it was found (under a folder named, as the folder was named).
    pub path: PathBuf,
    pub text: Text,
}

/// The files of a library in order, and what could not be read.
#[derive(Debug, Default)]
pub struct Shelf {
    pub books: Vec<Book>,
    /// One line for each file or folder set aside: `reading NAME: reason`.
    pub skipped: Vec<String>,
}

/// Whether `paths` make a library rather than one file: several, or a folder.
pub fn is_library(paths: &[PathBuf]) -> bool {
    paths.len() > 1 || paths.iter().any(|p| p.is_dir())
}

/// Reads the files of `paths` (files and folders), in parallel, in a natural order.
pub fn open(paths: &[PathBuf]) -> Shelf {
    let (files, mut skipped) = gather(paths);
    let read = in_parallel(&files, |path| input::read_text(path));
    let mut books = Vec::new();
    for (path, text) in files.into_iter().zip(read) {
        match text {
            Ok(text) => books.push(Book { path, text }),
            Err(error) => skipped.push(error.to_string()),
        }
    }
    books.sort_by_cached_key(|book| order_key(&book.path, &book.text.text));
    Shelf { books, skipped }
}

/// The files named and found under the folders named, each once, and what was
/// set aside while looking.
fn gather(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<String>) {
    let mut walk = Walk::default();
    for path in paths {
        if path.is_dir() {
            walk.folder(path);
        } else {
            // Named on the command line: read as it is (a pipe, `-`), or refused
            // with its reason when read.
            walk.files.push(path.clone());
        }
    }
    (walk.files, walk.skipped)
}

/// What a walk through folders found so far.
#[derive(Default)]
struct Walk {
    files: Vec<PathBuf>,
    skipped: Vec<String>,
    /// The folders entered, as their real paths: a link back to one is not
    /// followed again.
    entered: Vec<PathBuf>,
}

impl Walk {
    fn folder(&mut self, folder: &Path) {
        let name = input::display_name(folder);
        match std::fs::canonicalize(folder) {
            Ok(real) if self.entered.contains(&real) => {
                self.skipped
                    .push(format!("reading {name}: a link to a folder already read"));
                return;
            }
            Ok(real) => self.entered.push(real),
            Err(error) => {
                self.skipped
                    .push(format!("reading {name}: {}", words(&error)));
                return;
            }
        }
        let entries = match std::fs::read_dir(folder) {
            Ok(entries) => entries,
            Err(error) => {
                self.skipped
                    .push(format!("reading {name}: {}", words(&error)));
                return;
            }
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            self.entry(&path);
        }
    }

    fn entry(&mut self, path: &Path) {
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            return;
        }
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => self.folder(path),
            Ok(meta) if meta.is_file() => self.files.push(path.to_path_buf()),
            // A pipe or a device in a folder would wait or never end.
            Ok(_) => self.skipped.push(format!(
                "reading {}: not a regular file",
                input::display_name(path)
            )),
            Err(error) => self.skipped.push(format!(
                "reading {}: {}",
                input::display_name(path),
                words(&error)
            )),
        }
    }
}

/// A lowercase, one-line description of a file-system error.
fn words(error: &std::io::Error) -> String {
    use std::io::ErrorKind::{NotFound, PermissionDenied};
    match error.kind() {
        NotFound => "no such file".to_string(),
        PermissionDenied => "permission denied".to_string(),
        _ if error.raw_os_error() == Some(LOOP_ERROR) => "a link that loops".to_string(),
        _ => {
            let text = error.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text);
            text.to_lowercase()
        }
    }
}

/// ELOOP: too many levels of symbolic links.
#[cfg(target_os = "linux")]
const LOOP_ERROR: i32 = 40;
#[cfg(not(target_os = "linux"))]
const LOOP_ERROR: i32 = 62;

/// Where a file goes in the library: by the year in its name, else in its
/// title (its first lines), else after those with a year; then by name.
fn order_key(path: &Path, text: &str) -> (u32, String) {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let title: String = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(TITLE_LINES)
        .collect();
    let year = year_in(&name).or_else(|| year_in(&title));
    (year.unwrap_or(u32::MAX), path.display().to_string())
}

/// The lines of a text that are read for a year in its title.
const TITLE_LINES: usize = 3;

/// The first year (1800–2199) written in `text` with four ASCII digits standing alone.
pub fn year_in(text: &str) -> Option<u32> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|at| {
        let digits = &bytes[at..at + 4];
        let alone = (at == 0 || !bytes[at - 1].is_ascii_digit())
            && bytes.get(at + 4).is_none_or(|b| !b.is_ascii_digit());
        if !alone || !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let year = digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0'));
        (1800..2200).contains(&year).then_some(year)
    })
}

/// `work` done on each item by as many threads as there are cores, the
/// results in the items' order.
pub fn in_parallel<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(items.len());
    if threads <= 1 {
        return items.iter().map(work).collect();
    }
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<Option<R>>> = Mutex::new(items.iter().map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let at = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(at) else { break };
                    let result = work(item);
                    if let Ok(mut done) = done.lock() {
                        done[at] = Some(result);
                    }
                }
            });
        }
    });
    done.into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .into_iter()
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_stands_alone_in_a_name() {
        assert_eq!(year_in("gwr-1954.txt"), Some(1954));
        assert_eq!(year_in("2025年政府工作报告"), Some(2025));
        assert_eq!(year_in("plan-12345.txt"), None);
        assert_eq!(year_in("notes.txt"), None);
    }

    #[test]
    fn files_with_a_year_come_first_by_year() {
        let mut keys = [
            order_key(Path::new("b/notes.txt"), ""),
            order_key(Path::new("z/report-1999.txt"), ""),
            order_key(Path::new("a/untitled.txt"), "2003年国务院政府工作报告\n"),
        ];
        keys.sort();
        let years: Vec<u32> = keys.iter().map(|k| k.0).collect();
        assert_eq!(years, [1999, 2003, u32::MAX]);
    }

    #[test]
    fn work_in_parallel_keeps_the_order() {
        let items: Vec<usize> = (0..100).collect();
        assert_eq!(
            in_parallel(&items, |n| n * 2),
            (0..100).map(|n| n * 2).collect::<Vec<_>>()
        );
    }
}
