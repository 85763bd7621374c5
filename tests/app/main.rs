//! The reader's state transitions, without a terminal: actions in, state out.

mod going_back;
mod jumping;
mod moving;
mod opening;
mod searching;
mod terms;

use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use gangmu::document::{HeadingKind, ParagraphKind};
use gangmu::tui::app::{Action, App, Focus, Msg, Popup};
use gangmu::tui::prepared::Prepared;

#[path = "../common/library.rs"]
mod library_fixture;
use library_fixture::library;

fn sample_app(width: u16, height: u16) -> App {
    let document = gangmu::build(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/plans-2021.txt"
    )));
    App::new("plans-2021.txt".to_string(), document, width, height)
}

fn top_heading_title(app: &App) -> String {
    let paragraph = &app.document().paragraphs[app.top().paragraph];
    let id = paragraph.heading.expect("a section");
    app.document().outline.get(id).title.clone()
}

/// Types `phrase` into the open popup.
fn type_in(app: &mut App, phrase: &str) {
    for c in phrase.chars() {
        app.update(Action::Type(c));
    }
}

/// The characters of the reader's rows that are marked as hits (current or not).
fn marked_on_screen(app: &App, current: bool) -> Vec<String> {
    app.view()
        .reader
        .iter()
        .zip(&app.view().marks)
        .flat_map(|(row, marks)| {
            marks.iter().filter(move |m| m.current == current).map(|m| {
                row.text
                    .chars()
                    .skip(m.chars.start)
                    .take(m.chars.len())
                    .collect::<String>()
            })
        })
        .collect()
}

/// The message that the whole document has arrived, its search keys not on
/// their way.
fn whole_arrives(app: &App, document: gangmu::Document) -> Msg {
    Msg::Whole {
        of: app.record().document.clone(),
        document: Box::new(Prepared::of_long(document)),
        index_coming: false,
    }
}

/// `app` with a worker thread that ranks and searches for its popups, and the
/// channel the worker's answers come on.
fn with_worker(app: App) -> (App, Receiver<Msg>) {
    let (messages, inbox) = mpsc::channel();
    (app.with_lookups(messages), inbox)
}

/// Takes the worker's answers until no popup waits for one (at most ten seconds).
fn receive_all_answers(app: &mut App, answers: &Receiver<Msg>) {
    let until = Instant::now() + Duration::from_secs(10);
    while app.looking_up() {
        // The questions go out once the frame that asked is on screen.
        app.update(Msg::Drawn);
        if let Ok(answer) = answers.recv_timeout(Duration::from_millis(10)) {
            app.update(answer);
        }
        assert!(Instant::now() < until, "no answer in 10 s");
    }
}
