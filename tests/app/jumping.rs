//! The jump popup and its ranking, here and off the thread.

use super::*;

#[test]
fn the_jump_popup_previews_jumps_and_goes_back_on_escape() {
    let mut app = sample_app(120, 40);
    let start = app.top();
    app.update(Action::OpenJump);
    assert!(matches!(app.popup(), Some(Popup::Jump(_))));
    for c in "szjj".chars() {
        app.update(Action::Type(c));
    }
    assert_eq!(
        top_heading_title(&app),
        "打造数字经济新优势",
        "the reader previews the best match"
    );
    app.update(Action::Select(1));
    assert_ne!(top_heading_title(&app), "打造数字经济新优势");
    app.update(Action::Dismiss);
    assert!(app.popup().is_none());
    assert_eq!(app.top(), start, "Esc goes back");
    app.update(Action::OpenJump);
    for c in "第十五章".chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Erase);
    app.update(Action::Type('章'));
    app.update(Action::Accept);
    assert!(app.popup().is_none());
    assert_eq!(top_heading_title(&app), "打造数字经济新优势");
}

#[test]
fn an_open_jump_popup_is_ranked_again_when_the_whole_document_arrives() {
    let text = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/plans-2021.txt"
    ));
    let opening = gangmu::build(gangmu::parse::input::opening(text, 32 * 1024));
    let mut app = App::new("plans-2021.txt".into(), opening, 120, 40);
    app.update(Action::OpenJump);
    for c in "szjj".chars() {
        app.update(Action::Type(c));
    }
    app.update(whole_arrives(&app, gangmu::build(text)));
    let Some(Popup::Jump(jump)) = app.popup() else {
        panic!("the popup is still open");
    };
    assert_eq!(jump.query.value(), "szjj");
    let first = app.document().outline.get(jump.hits()[0].id);
    assert_eq!(first.title, "打造数字经济新优势");
    app.update(Action::Accept);
    assert_eq!(top_heading_title(&app), "打造数字经济新优势");
}
