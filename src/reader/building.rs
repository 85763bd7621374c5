//! Building the document off the reader's thread: a long text is shown from its
//! opening at once while one worker thread builds the whole, which then takes
//! its place, and after it the search keys of its headings for the jump popup.
//! (Measured on a 101 MB file: the whole takes about a second and a half to
//! build, the opening a few milliseconds, the search keys two seconds more.)

use std::sync::mpsc::{self, Receiver};

use gangmu::document::Document;
use gangmu::input::{self, Text};
use gangmu::search::Index;

/// What the worker thread sends, in this order.
pub enum Built {
    /// The whole document.
    Whole(Document),
    /// The search keys of its headings.
    HeadingIndex(Index),
}

/// Texts longer than this are shown from their opening while the rest is built.
const OPENING_BYTES: usize = 32 * 1024;

/// The document to show first, and, for a long text, the whole one on its way.
pub fn start_building(texts: Vec<(String, Text)>) -> (Document, Option<Receiver<Built>>) {
    let total: usize = texts.iter().map(|(_, t)| t.text.len()).sum();
    if total <= 2 * OPENING_BYTES {
        return (build_all(texts), None);
    }
    let opening = {
        let (name, text) = &texts[0];
        let part = gangmu::build(input::opening(&text.text, OPENING_BYTES));
        if texts.len() > 1 {
            Document::combine(vec![(name.clone(), part)])
        } else {
            part
        }
    };
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        // The reader may have quit already; then nobody waits for this.
        let whole = build_all(texts);
        let outline = whole.outline.clone();
        if sender.send(Built::Whole(whole)).is_ok() {
            let _ = sender.send(Built::HeadingIndex(Index::new(&outline)));
        }
    });
    (opening, Some(receiver))
}

/// The texts as one document: a single file as it is, several under one heading each.
fn build_all(texts: Vec<(String, Text)>) -> Document {
    let mut documents: Vec<(String, Document)> = texts
        .into_iter()
        .map(|(name, text)| (name, text.build().document))
        .collect();
    if documents.len() == 1 {
        documents.pop().map(|(_, d)| d).unwrap_or_default()
    } else {
        Document::combine(documents)
    }
}
