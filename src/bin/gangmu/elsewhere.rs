//! Finding and reading another document, to go to one of its bookmarks, off
//! the key thread: its record keeps the paths it was read from (the most
//! recent last) and its identity, by which the right files are told from files
//! moved or changed. The loop opens what is found (`Msg::OtherFound`).

use std::path::PathBuf;
use std::sync::mpsc::Sender;

use gangmu::study::anchor::Anchor;
use gangmu::tui::msg::{Msg, OtherDocument};
use gangmu::tui::words;

use crate::building::{first_document, yield_to_the_keys};
use crate::library::Opened;

/// Finds and reads the document `document` (its identity), read before from
/// `paths`, on a thread of its own, and sends it to the loop to be opened at
/// `at` (`Msg::OtherFound`), or what to tell the user instead. (Reading and hashing
/// a 101 MB file again held the keys 173–179 ms.)
pub(crate) fn find(document: String, paths: Vec<String>, at: Anchor, messages: Sender<Msg>) {
    std::thread::spawn(move || {
        yield_to_the_keys();
        let found = match texts_of(&document, &paths) {
            Ok((opened, id)) => Msg::OtherFound(Box::new(OtherDocument {
                id,
                first: first_document(&opened.texts),
                texts: opened.texts,
                files: opened.files,
                at,
            })),
            Err(notice) => Msg::Notice(notice),
        };
        let _ = messages.send(found);
    });
}

/// The texts of the document `document` (its identity), read before from
/// `paths`, as the reader opens them, and the identity they have. Several
/// files read as one are read together again; one file is looked for at each
/// of its paths, newest first; where no path holds the same text, the newest
/// that is there is read (the file was changed since, and its record follows
/// it, as on any opening).
pub(crate) fn texts_of(document: &str, paths: &[String]) -> Result<(Opened, String), String> {
    let files: Vec<PathBuf> = paths
        .iter()
        .map(PathBuf::from)
        .filter(|p| p.exists())
        .collect();
    let Some(newest) = files.last() else {
        let path = paths.last().map_or("", String::as_str);
        return Err(words::bookmark_file_unread(path, words::FILE_GONE));
    };
    let with_identity = |opened: Opened| {
        let id = crate::memory::identity(&opened.texts);
        (opened, id)
    };
    if files.len() > 1
        && let Ok((together, id)) = crate::open_texts(&files).map(with_identity)
        && id == document
    {
        return Ok((together, id));
    }
    // Newest first; what the newest path holds is read once, and kept for
    // when no path holds the same text.
    let read = |file: &PathBuf| crate::open_texts(std::slice::from_ref(file)).map(with_identity);
    let at_newest = match read(newest) {
        Ok((opened, id)) if id == document => return Ok((opened, id)),
        other => other,
    };
    for file in files.iter().rev().skip(1) {
        if let Ok((opened, id)) = read(file)
            && id == document
        {
            return Ok((opened, id));
        }
    }
    at_newest.map_err(|error| {
        words::bookmark_file_unread(&newest.display().to_string(), &format!("{error:#}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "一、总体要求\n\u{3000}\u{3000}坚持稳中求进。\n";

    fn id_of(text: &str) -> String {
        gangmu::study::store::Store::document_id(&[text])
    }

    fn path(dir: &tempfile::TempDir, name: &str) -> String {
        dir.path().join(name).display().to_string()
    }

    #[test]
    fn a_file_moved_since_is_found_at_its_newest_path_that_holds_it() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let (gone, old, new) = (
            path(&dir, "a.txt"),
            path(&dir, "b.txt"),
            path(&dir, "c.txt"),
        );
        std::fs::write(&old, TEXT).expect("written");
        std::fs::write(&new, "另一份文件。\n").expect("written");
        let (opened, id) = texts_of(&id_of(TEXT), &[old.clone(), gone, new]).expect("found");
        assert_eq!(id, id_of(TEXT));
        assert_eq!(opened.files, [PathBuf::from(old)]);
        assert_eq!(opened.texts[0].1.text, TEXT);
    }

    #[test]
    fn a_file_changed_since_is_read_at_its_newest_path() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let file = path(&dir, "a.txt");
        std::fs::write(&file, "一、总体要求\n\u{3000}\u{3000}改过的文字。\n").expect("written");
        let (opened, id) = texts_of(&id_of(TEXT), std::slice::from_ref(&file)).expect("read");
        assert_eq!(opened.files, [PathBuf::from(file)]);
        assert_ne!(id, id_of(TEXT), "the identity of the text as it is now");
    }

    #[test]
    fn a_file_at_none_of_its_paths_is_said_to_be_gone() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let file = path(&dir, "a.txt");
        let said = texts_of(&id_of(TEXT), std::slice::from_ref(&file)).err();
        assert_eq!(
            said,
            Some(words::bookmark_file_unread(&file, words::FILE_GONE))
        );
    }
}
