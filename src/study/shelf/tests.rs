//! A library's record put together from its files' and taken apart again.

use super::*;

fn anchor(path: &[&str], paragraph: usize, snippet: &str) -> Anchor {
    Anchor {
        path: path.iter().map(|s| (*s).to_string()).collect(),
        paragraph,
        offset: 0,
        snippet: snippet.to_string(),
    }
}

fn bookmark(id: &str, anchor: Anchor, created: u64) -> Bookmark {
    Bookmark {
        id: id.to_string(),
        anchor,
        note: format!("笔记{id}"),
        created,
        modified: created,
    }
}

fn mark(path: &[&str], read: bool, at: u64) -> ReadMark {
    ReadMark {
        path: path.iter().map(|s| (*s).to_string()).collect(),
        read,
        at,
    }
}

/// Two files with a bookmark each (one before the file's first heading), one
/// with a read mark, and a library record with a bookmark of its own.
fn shelf_and_library() -> (Shelf, Record) {
    let mut first = Record::new("a");
    first
        .bookmarks
        .push(bookmark("b1", anchor(&["一、"], 2, "甲"), 10));
    first.read.push(mark(&["一、"], true, 5));
    let mut second = Record::new("b");
    second
        .bookmarks
        .push(bookmark("b2", anchor(&[], 0, "乙"), 20));
    let shelf = Shelf::new(vec![
        ("gwr-2024.txt".to_string(), first, true),
        ("gwr-2025.txt".to_string(), second, true),
    ]);
    let mut library = Record::new("library");
    library.bookmarks.push(bookmark(
        "b0",
        anchor(&["gwr-2025.txt", "二、"], 1, "丙"),
        1,
    ));
    (shelf, library)
}

#[test]
fn the_files_bookmarks_and_marks_show_under_their_files() {
    let (mut shelf, library) = shelf_and_library();
    let combined = shelf.combined(&library);
    let shown: Vec<(&str, Vec<String>, usize)> = combined
        .bookmarks
        .iter()
        .map(|b| (b.id.as_str(), b.anchor.path.clone(), b.anchor.paragraph))
        .collect();
    assert_eq!(
        shown,
        [
            (
                "b0",
                vec!["gwr-2025.txt".to_string(), "二、".to_string()],
                1
            ),
            (
                "b1",
                vec!["gwr-2024.txt".to_string(), "一、".to_string()],
                2
            ),
            // Before the file's first heading: counted from the file's heading.
            ("b2", vec!["gwr-2025.txt".to_string()], 1),
        ]
    );
    assert_eq!(combined.read, [mark(&["gwr-2024.txt", "一、"], true, 5)]);
}

#[test]
fn taken_apart_unchanged_no_file_is_written() {
    let (mut shelf, library) = shelf_and_library();
    let combined = shelf.combined(&library);
    let split = shelf.split(&combined);
    assert!(split.files.is_empty(), "{:?}", split.files);
    assert_eq!(split.library.bookmarks, library.bookmarks, "its own stay");
}

#[test]
fn a_bookmark_made_or_deleted_in_the_library_goes_to_its_file() {
    let (mut shelf, library) = shelf_and_library();
    let mut record = shelf.combined(&library);
    record.bookmarks.push(bookmark(
        "b3",
        anchor(&["gwr-2024.txt", "三、"], 4, "丁"),
        30,
    ));
    record.bookmarks.retain(|b| b.id != "b2");
    record.deleted.push("b2".to_string());
    record.mark_read(
        vec!["gwr-2025.txt".to_string(), "二、".to_string()],
        true,
        40,
    );
    let split = shelf.split(&record);
    let [(0, first), (1, second)] = split.files.as_slice() else {
        panic!("both files change: {:?}", split.files);
    };
    let ids: Vec<&str> = first.bookmarks.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, ["b1", "b3"]);
    assert_eq!(first.bookmarks[1].anchor, anchor(&["三、"], 4, "丁"));
    assert!(second.bookmarks.is_empty());
    assert_eq!(second.deleted, ["b2"]);
    assert_eq!(second.read, [mark(&["二、"], true, 40)]);
    let own: Vec<&str> = split
        .library
        .bookmarks
        .iter()
        .map(|b| b.id.as_str())
        .collect();
    assert_eq!(own, ["b0"], "the library keeps only its own bookmarks");
}

#[test]
fn a_place_before_a_file_s_first_heading_comes_back_as_it_was() {
    let (mut shelf, library) = shelf_and_library();
    let combined = shelf.combined(&library);
    let mut record = combined.clone();
    record.bookmarks.iter_mut().for_each(|b| b.note.push('！'));
    let split = shelf.split(&record);
    let second = &split
        .files
        .iter()
        .find(|(i, _)| *i == 1)
        .expect("changed")
        .1;
    assert_eq!(second.bookmarks[0].anchor, anchor(&[], 0, "乙"));
    assert_eq!(second.bookmarks[0].note, "笔记b2！");
}

#[test]
fn a_bookmark_of_a_file_whose_record_cannot_be_written_stays_in_the_library() {
    let mut shelf = Shelf::new(vec![("gwr-2024.txt".to_string(), Record::new("a"), false)]);
    let mut record = shelf.combined(&Record::new("library"));
    record.bookmarks.push(bookmark(
        "b4",
        anchor(&["gwr-2024.txt", "一、"], 0, "戊"),
        50,
    ));
    let split = shelf.split(&record);
    assert!(split.files.is_empty(), "the file's record is not written");
    assert_eq!(split.library.bookmarks.len(), 1, "kept in the library's");
}
