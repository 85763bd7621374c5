//! The temporary files a save writes before it renames them into place: named
//! so that they can be told apart (`.gangmu-save-<pid>-XXXXXX`), and swept at
//! the start of a run once nobody can be writing them: the run that made them
//! is gone, or they are older than any save takes. A run killed during a save
//! (`kill -9`, a power cut) leaves one behind; nothing else does.

use std::fs;
use std::io;
use std::path::Path;
use std::time::{Duration, SystemTime};

use tempfile::NamedTempFile;

/// How a save's temporary file is named, before the run's process id.
const PREFIX: &str = ".gangmu-save-";

/// How the temporary files of earlier gangmu versions were named (tempfile's
/// default): swept only once they are old.
const OLD_PREFIX: &str = ".tmp";

/// Older than this, no save is still writing a temporary file.
const STALE: Duration = Duration::from_secs(10 * 60);

/// A new temporary file in `dir` for a save by this run.
pub(super) fn temporary_file_in(dir: &Path) -> io::Result<NamedTempFile> {
    tempfile::Builder::new()
        .prefix(&format!("{PREFIX}{}-", std::process::id()))
        .tempfile_in(dir)
}

/// Removes the saves' temporary files in `dir` that no live run is writing;
/// how many were removed. A file that cannot be looked at is left alone.
pub(super) fn sweep(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .filter(|entry| is_stale(&entry.file_name().to_string_lossy(), &entry.path()))
        .filter(|entry| fs::remove_file(entry.path()).is_ok())
        .count()
}

/// Whether the file `name` at `path` is a save's temporary file that nobody is
/// writing: its run has ended, or it is older than any save takes.
fn is_stale(name: &str, path: &Path) -> bool {
    let old = || {
        fs::metadata(path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|at| SystemTime::now().duration_since(at).ok())
            .is_some_and(|age| age > STALE)
    };
    match name.strip_prefix(PREFIX) {
        Some(rest) => run_of(rest).is_some_and(|pid| !is_running(pid)) || old(),
        None => name.starts_with(OLD_PREFIX) && old(),
    }
}

/// The process id in what follows the prefix (`<pid>-XXXXXX`).
fn run_of(rest: &str) -> Option<i32> {
    rest.split('-').next()?.parse().ok()
}

/// Whether a process `pid` is running (one that may not be signalled is).
fn is_running(pid: i32) -> bool {
    let Some(pid) = rustix::process::Pid::from_raw(pid) else {
        return false;
    };
    match rustix::process::test_kill_process(pid) {
        Ok(()) => true,
        Err(error) => error != rustix::io::Errno::SRCH,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dead_run_s_file_goes_and_a_live_one_s_stays() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let ours = temporary_file_in(dir.path()).expect("a temporary file");
        let dead = dir.path().join(format!("{PREFIX}{}-abcdef", i32::MAX));
        let other = dir.path().join("record.json");
        fs::write(&dead, b"{").expect("writes");
        fs::write(&other, b"{}").expect("writes");
        assert_eq!(sweep(dir.path()), 1);
        assert!(!dead.exists());
        assert!(ours.path().exists(), "this run is alive");
        assert!(other.exists(), "not a temporary file");
    }

    #[test]
    fn an_old_temporary_file_of_an_earlier_version_goes_once_it_is_old() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let old = dir.path().join(".tmpA1b2C3");
        let file = fs::File::create(&old).expect("creates");
        assert_eq!(sweep(dir.path()), 0, "it may be being written");
        let long_ago = SystemTime::now() - STALE - Duration::from_secs(60);
        file.set_modified(long_ago).expect("sets the time");
        assert_eq!(sweep(dir.path()), 1);
    }
}
