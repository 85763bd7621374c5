//! Places kept by anchors on the sample: through a new width, lines inserted at
//! the top, and the paragraph itself wrapped anew.

use gangmu::study::anchor::{Anchor, Found};
use gangmu::tui::app::{Action, App, Msg};

const SAMPLE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/plans-2021.txt"
));

/// An anchor in the middle of a long body paragraph of 第十五章's first 节.
fn anchor_in(document: &gangmu::Document) -> (usize, Anchor) {
    let paragraph = document
        .paragraphs
        .iter()
        .position(|p| p.text.starts_with("聚焦高端芯片、操作系统"))
        .expect("the paragraph");
    (paragraph, Anchor::at(document, paragraph, 40))
}

/// The text at an anchor's place, a few characters.
fn text_at(document: &gangmu::Document, found: Found) -> String {
    let place = found.place().expect("placed");
    document.paragraphs[place.paragraph]
        .text
        .chars()
        .skip(place.offset)
        .take(10)
        .collect()
}

#[test]
fn lines_inserted_at_the_top_move_the_anchor_with_its_text() {
    let document = gangmu::build(SAMPLE);
    let (_, anchor) = anchor_in(&document);
    let edited = gangmu::build(&format!(
        "编者按\n\n\u{3000}\u{3000}新加的说明文字。\n\n{SAMPLE}"
    ));
    let found = anchor.find(&edited);
    assert!(
        matches!(found, Found::Exact(_) | Found::Moved(_)),
        "{found:?}"
    );
    assert!(anchor.snippet.starts_with(&text_at(&edited, found)));
}

#[test]
fn a_paragraph_wrapped_anew_keeps_the_anchor() {
    let document = gangmu::build(SAMPLE);
    let (paragraph, anchor) = anchor_in(&document);
    let (first, last) = (
        document.paragraphs[paragraph].first_line as usize,
        document.paragraphs[paragraph].last_line as usize,
    );
    // The paragraph's source lines as one line, as a re-extraction might give it.
    let lines: Vec<&str> = SAMPLE.split('\n').collect();
    let joined: String = lines[first - 1..last].iter().map(|l| l.trim()).collect();
    let mut rewrapped: Vec<String> = lines[..first - 1]
        .iter()
        .map(std::string::ToString::to_string)
        .collect();
    rewrapped.push(format!("\u{3000}\u{3000}{joined}"));
    rewrapped.extend(lines[last..].iter().map(std::string::ToString::to_string));
    let edited = gangmu::build(&rewrapped.join("\n"));
    let found = anchor.find(&edited);
    assert!(
        matches!(found, Found::Exact(_) | Found::Moved(_)),
        "{found:?}"
    );
    assert!(anchor.snippet.starts_with(&text_at(&edited, found)));
}

#[test]
fn a_new_width_keeps_the_reading_position() {
    let document = gangmu::build(SAMPLE);
    let (paragraph, _) = anchor_in(&document);
    let place = Anchor::at(&document, paragraph, 120);
    let mut app = App::new("plans-2021.txt".into(), document, 120, 40);
    app.update(Msg::Resume(place));
    let before = app.anchor_here();
    for (width, height) in [(60, 20), (200, 50), (41, 12), (120, 40)] {
        app.update(Action::Resize(width, height));
        let now = app.anchor_here();
        assert_eq!(now.path, before.path);
        assert_eq!(now.paragraph, before.paragraph);
        // The row at the top holds the same character.
        assert!(now.offset <= 120, "{width}: {}", now.offset);
        assert!(
            120 - now.offset < usize::from(width),
            "{width}: {}",
            now.offset
        );
    }
}
