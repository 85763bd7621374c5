//! The phrases searched for, across runs and documents (as a shell keeps its
//! commands): one JSON file beside the documents' records, saved as they are —
//! under a lock, merged with what another run saved meanwhile, replaced
//! atomically; a damaged file moved aside, never written over.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::layout::safe::stripped;

use super::{
    DataFile, Notice, SaveError, Store, lock, move_aside, parse_versioned, write_atomically,
    write_failed,
};

/// Most phrases kept in the search history.
pub const HISTORY_LIMIT: usize = 100;

/// Version of the file's format.
const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct OnDisk {
    version: u32,
    /// The most recent last.
    phrases: Vec<String>,
}

/// Phrases searched for, the most recent last.
#[derive(Debug, Clone, Default)]
pub struct History {
    phrases: Vec<String>,
}

impl History {
    /// The history of `phrases`, the most recent last (the last
    /// [`HISTORY_LIMIT`] of them).
    /// A phrase with a control character (a file edited by hand) keeps only
    /// its text: the history comes back into the search prompt.
    pub fn from_phrases(phrases: Vec<String>) -> Self {
        let mut phrases: Vec<String> = phrases
            .into_iter()
            .map(|phrase| stripped(&phrase).0)
            .filter(|phrase| !phrase.trim().is_empty())
            .collect();
        let extra = phrases.len().saturating_sub(HISTORY_LIMIT);
        phrases.drain(..extra);
        Self { phrases }
    }

    /// The phrases, the most recent last.
    pub fn phrases(&self) -> &[String] {
        &self.phrases
    }

    /// Keeps `phrase` as the most recent, once.
    pub fn remember(&mut self, phrase: &str) {
        self.phrases.retain(|p| p != phrase);
        self.phrases.push(phrase.to_string());
        if self.phrases.len() > HISTORY_LIMIT {
            self.phrases.remove(0);
        }
    }
}

/// What was found in the file.
pub struct Found {
    pub history: History,
    /// What the user should be told (the file moved aside or unreadable).
    pub notice: Option<Notice>,
}

impl Store {
    fn history_file(&self) -> PathBuf {
        self.dir().join("search-history.json")
    }

    /// The phrases searched for before.
    pub fn search_history(&self) -> Found {
        match read(&self.history_file()) {
            Ok((history, notice)) => Found { history, notice },
            Err(notice) => Found {
                history: History::default(),
                notice: Some(notice),
            },
        }
    }

    /// Keeps `phrase` as the most recent, with what other runs kept meanwhile;
    /// returns the history as saved.
    pub fn remember_search(&self, phrase: &str) -> Result<History, SaveError> {
        let path = self.history_file();
        let _lock = lock(&path)?;
        let (mut history, _) =
            read(&path).map_err(|_| SaveError::Unreadable { path: path.clone() })?;
        history.remember(phrase);
        let on_disk = OnDisk {
            version: VERSION,
            phrases: history.phrases().to_vec(),
        };
        write_atomically(&path, &on_disk).map_err(write_failed(&path))?;
        Ok(history)
    }
}

/// The history in `path`, empty if there is none, and what the user should be
/// told: a damaged file, or one from a newer gangmu, is moved aside (the
/// history starts afresh); `Err` when the file could not be read or moved.
fn read(path: &Path) -> Result<(History, Option<Notice>), Notice> {
    let unreadable = |error: io::Error| Notice::Unreadable {
        file: DataFile::SearchHistory,
        path: path.to_path_buf(),
        error,
    };
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            return Ok((History::default(), None));
        }
        Err(error) => return Err(unreadable(error)),
    };
    let problem = match parse_versioned::<OnDisk>(&bytes, VERSION) {
        Ok(found) => return Ok((History::from_phrases(found.phrases), None)),
        Err(problem) => problem,
    };
    let aside = move_aside(path).map_err(unreadable)?;
    let notice = Notice::MovedAside {
        file: DataFile::SearchHistory,
        problem,
        aside,
    };
    Ok((History::default(), Some(notice)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_with_control_characters_comes_back_as_its_text() {
        let history = History::from_phrases(vec![
            "数字\u{1b}[31m经济".to_string(),
            "\u{7}".to_string(),
            "乡村振兴".to_string(),
        ]);
        assert_eq!(history.phrases(), ["数字经济", "乡村振兴"]);
    }
}
