//! Bookmarks in the reader, without a terminal: made with a Chinese note, listed,
//! gone to, edited, deleted and brought back, kept through saves merged with
//! another run's; marks in the gutter and the outline.

use gangmu::study::anchor::Anchor;
use gangmu::study::store::Store;
use gangmu::study::store::record::Record;
use gangmu::tui::action::CursorMove;
use gangmu::tui::app::{Action, App, Msg, Popup, Request};
use gangmu::tui::popup::bookmarks::Scope;

fn sample_app() -> App {
    let document = gangmu::build(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/plans-2021.txt"
    )));
    let mut app = App::new("plans-2021.txt".to_string(), document, 120, 40);
    app = app.with_clock(|| 1_800_000_000_000);
    app
}

fn type_in(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Type(c));
    }
}

/// Goes to 第十五章 by the jump popup.
fn go_to_chapter_15(app: &mut App) {
    app.update(Action::OpenJump);
    type_in(app, "szjj");
    app.update(Action::Accept);
}

fn bookmark_here(app: &mut App, note: &str) {
    app.update(Action::AddBookmark);
    type_in(app, note);
    app.update(Action::Accept);
}

#[test]
fn a_bookmark_keeps_its_place_and_its_chinese_note() {
    let mut app = sample_app();
    go_to_chapter_15(&mut app);
    let here = app.anchor_here();
    app.update(Action::AddBookmark);
    type_in(&mut app, "考点重庆");
    app.update(Action::Cursor(CursorMove::Left));
    app.update(Action::Cursor(CursorMove::Left));
    app.update(Action::Type('：'));
    app.update(Action::Accept);
    assert!(app.popup().is_none());
    assert!(asks_to_save(&app), "the loop is asked to save");
    app.update(Msg::Drawn);
    assert!(!asks_to_save(&app), "once");
    let bookmark = &app.record().bookmarks[0];
    assert_eq!(bookmark.note, "考点：重庆");
    assert_eq!(bookmark.anchor, here);
    assert_eq!(bookmark.created, 1_800_000_000);
    assert!(
        app.view().gutter.iter().any(|&marked| marked),
        "a mark in the gutter"
    );
    let chapter = app.view().current.expect("a section");
    assert!(
        app.view()
            .tree
            .iter()
            .any(|r| r.id == chapter && r.bookmarked)
    );
}

#[test]
fn escape_leaves_no_bookmark() {
    let mut app = sample_app();
    app.update(Action::AddBookmark);
    type_in(&mut app, "不要了");
    app.update(Action::Dismiss);
    assert!(app.record().bookmarks.is_empty());
    assert!(!asks_to_save(&app));
}

#[test]
fn the_list_goes_to_a_bookmark_and_edits_its_note() {
    let mut app = sample_app();
    go_to_chapter_15(&mut app);
    bookmark_here(&mut app, "数字经济");
    let marked = app.top();
    app.update(Action::Top);
    app.update(Action::OpenBookmarks);
    app.update(Action::EditNote);
    app.update(Action::Cursor(CursorMove::End));
    type_in(&mut app, "（重点）");
    app.update(Action::Accept);
    assert!(
        matches!(app.popup(), Some(Popup::Bookmarks(_))),
        "back in the list"
    );
    assert_eq!(app.record().bookmarks[0].note, "数字经济（重点）");
    app.update(Action::Accept);
    assert!(app.popup().is_none());
    assert_eq!(app.top(), marked);
}

#[test]
fn a_deleted_bookmark_comes_back_with_undo_even_after_saves() {
    let data = tempfile::tempdir().expect("a temp dir");
    let store = Store::at(data.path());
    let mut app = sample_app();
    app = app.with_record(Record::new("doc"));
    go_to_chapter_15(&mut app);
    bookmark_here(&mut app, "留着");
    let save = |app: &mut App| {
        assert!(asks_to_save(app));
        let saved = store.save(app.record()).expect("saves");
        app.update(Msg::Saved(Box::new(saved.record)));
    };
    save(&mut app);
    app.update(Action::OpenBookmarks);
    app.update(Action::DeleteBookmark);
    assert!(app.record().bookmarks.is_empty());
    save(&mut app);
    app.update(Action::UndoDelete);
    save(&mut app);
    assert_eq!(app.record().bookmarks.len(), 1);
    assert_eq!(app.record().bookmarks[0].note, "留着");
    assert_eq!(store.open("doc").record.bookmarks.len(), 1, "and on disk");
}

/// A document of another file, its bookmark deep inside it.
fn other_document() -> gangmu::Document {
    let body = "\u{3000}\u{3000}一段正文，说明总体要求。\n".repeat(60);
    let mut text = format!("一、总体要求\n{body}");
    text.push_str("二、重点任务\n\u{3000}\u{3000}别处的文字，书签在这里。\n");
    gangmu::build(&text)
}

#[test]
fn enter_on_another_documents_bookmark_opens_that_document_at_it() {
    let document = other_document();
    let paragraph = document
        .paragraphs
        .iter()
        .position(|p| p.text.starts_with("别处的文字"))
        .expect("the bookmarked paragraph");
    let anchor = Anchor::at(&document, paragraph, 0);
    let mut other = Record::new("other");
    other.seen_at("/home/user/重庆规划.txt");
    other
        .bookmarks
        .push(gangmu::tui::popup::bookmarks::new_bookmark(
            anchor.clone(),
            "另一文件",
            5,
            1,
        ));
    let mut app = sample_app().with_record(Record::new("this"));
    app.update(Msg::Others(vec![other.clone()]));
    app.update(Action::OpenBookmarks);
    app.update(Action::ToggleScope);
    let Some(Popup::Bookmarks(list)) = app.popup() else {
        panic!("the list is open");
    };
    assert_eq!(list.scope, Scope::AllDocuments);
    app.update(Action::Accept);
    let asked = Request::Open {
        document: "other".into(),
        paths: vec!["/home/user/重庆规划.txt".into()],
        at: anchor.clone(),
    };
    assert_eq!(app.requests(), [asked], "the loop is asked to open it");

    // The loop read the file and sends it in.
    let leaving = app.close_for_another().clone();
    app.update(Msg::Opened {
        name: "重庆规划.txt".into(),
        document: Box::new(document),
        record: Box::new(other),
        at: anchor,
    });
    assert!(app.popup().is_none());
    assert_eq!(app.record().document, "other");
    assert_eq!(app.anchor_here().paragraph, 1, "at the bookmark");
    assert_eq!(app.anchor_here().path, ["二、"]);
    assert!(
        app.others().iter().any(|r| r.document == "this"),
        "the document left is in the list of all documents"
    );
    assert!(!app.others().iter().any(|r| r.document == "other"));
    assert_eq!(leaving.document, "this");
    assert!(leaving.position.is_some(), "the place left is kept");
}

#[test]
fn a_bookmark_whose_text_is_gone_is_kept_and_said_to_be_unplaced() {
    let mut app = sample_app();
    let mut record = Record::new("doc");
    record
        .bookmarks
        .push(gangmu::tui::popup::bookmarks::new_bookmark(
            Anchor {
                path: vec!["第九部分".into()],
                paragraph: 3,
                offset: 2,
                snippet: "这段文字已经不在了".into(),
            },
            "旧笔记",
            5,
            1,
        ));
    app = app.with_record(record);
    assert_eq!(
        app.bookmark_places(),
        [gangmu::study::anchor::Found::Unplaced]
    );
    app.update(Action::OpenBookmarks);
    app.update(Action::Accept);
    assert!(matches!(app.popup(), Some(Popup::Bookmarks(_))));
    assert_eq!(app.record().bookmarks.len(), 1, "never dropped");
}

/// Whether the last update asked the loop to save the bookmarks.
fn asks_to_save(app: &App) -> bool {
    app.requests().contains(&Request::SaveBookmarks)
}

#[test]
fn a_save_that_finishes_after_later_changes_keeps_them() {
    // Bookmarks are saved off the key thread: the record a save started from
    // may be older than the app's when the save's answer comes.
    let data = tempfile::tempdir().expect("a temp dir");
    let store = Store::at(data.path());
    let mut app = sample_app();
    app = app.with_record(Record::new("doc"));
    go_to_chapter_15(&mut app);
    bookmark_here(&mut app, "先存的");
    assert!(asks_to_save(&app));
    let started_from = app.record().clone();
    app.update(Action::Pages(1));
    bookmark_here(&mut app, "后加的");
    let saved = store.save(&started_from).expect("saves");
    app.update(Msg::Saved(Box::new(saved.record)));
    let notes: Vec<&str> = app
        .record()
        .bookmarks
        .iter()
        .map(|b| b.note.as_str())
        .collect();
    assert_eq!(notes, ["先存的", "后加的"]);
}

#[test]
fn a_save_of_the_document_read_before_is_not_taken_in() {
    let mut app = sample_app();
    app = app.with_record(Record::new("doc"));
    bookmark_here(&mut app, "这一份的");
    let mut other = Record::new("another");
    let mut elsewhere = sample_app().with_record(Record::new("another"));
    bookmark_here(&mut elsewhere, "别的文件的");
    other.bookmarks = elsewhere.record().bookmarks.clone();
    app.update(Msg::Saved(Box::new(other)));
    assert_eq!(app.record().document, "doc");
    assert_eq!(app.record().bookmarks.len(), 1);
    assert_eq!(app.record().bookmarks[0].note, "这一份的");
}
