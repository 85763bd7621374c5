//! Looking things up off the reader's thread: the jump popup's ranking, the
//! search popup's hits and the term map's counts, worked out by one worker thread, so that typing into a
//! popup over a long document never waits for the document to be searched. Of
//! the questions waiting, only the latest of each kind is answered; each answer
//! says which document it was worked out on, so that one about the opening of
//! a long text is not taken for the whole. No terminal code: `App` asks and
//! takes the answers.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};

use crate::document::Document;
use crate::search::{Index, Ranking};
use crate::tui::popup::jump::{RankAsk, SettleAsk};
use crate::tui::popup::search::{SearchAsk, TextSearch};
use crate::tui::popup::terms::{CountAsk, Counted};

/// The worker thread, through the channel of its questions, and the questions
/// asked but not yet sent. Its answers go where [`Lookups::start`] says.
pub struct Lookups {
    asks: Sender<Question>,
    held: Vec<Question>,
}

/// Which document a question is about: the opening of a long text and the
/// whole are told apart.
pub type Generation = u64;

/// One question for the worker, with what it needs.
pub enum Ask {
    Rank(RankAsk, Arc<Index>),
    /// More rows of the jump popup's list in order.
    Settle(SettleAsk, Arc<Index>),
    Search(SearchAsk),
    /// The term map's phrases counted per file or chapter.
    Count(CountAsk),
}

struct Question {
    ask: Ask,
    document: Arc<Document>,
    generation: Generation,
}

/// What the worker worked out.
pub enum Answered {
    /// The ranking of the jump popup's query.
    Ranked { query: String, ranking: Ranking },
    /// The same, with more rows in order.
    Settled { query: String, ranking: Ranking },
    /// The hits of the search popup's phrase.
    Searched {
        input: String,
        search: Option<TextSearch>,
    },
    /// The term map's count of the phrases typed as `input`.
    Counted { input: String, counted: Counted },
}

/// An answer and the document it is about.
pub struct Answer {
    pub answered: Answered,
    pub generation: Generation,
}

impl std::fmt::Debug for Answer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match &self.answered {
            Answered::Ranked { .. } => "ranked",
            Answered::Settled { .. } => "settled",
            Answered::Searched { .. } => "searched",
            Answered::Counted { .. } => "counted",
        };
        write!(f, "Answer({kind}, generation {})", self.generation)
    }
}

impl std::fmt::Debug for Lookups {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Lookups")
    }
}

impl Lookups {
    /// Starts the worker, which hands each answer to `deliver` (`false`: nobody
    /// takes answers any more, and the worker ends); it ends too when this is
    /// dropped.
    pub fn start(deliver: impl Fn(Answer) -> bool + Send + 'static) -> Self {
        let (asks, questions) = mpsc::channel();
        std::thread::spawn(move || serve(&questions, deliver));
        Self {
            asks,
            held: Vec::new(),
        }
    }

    /// Asks `ask` about `document`, once [`Lookups::send`] sends it.
    pub fn ask(&mut self, ask: Ask, document: Arc<Document>, generation: Generation) {
        self.held.push(Question {
            ask,
            document,
            generation,
        });
    }

    /// Sends the questions asked. (The reader sends them once the key that
    /// asked is on screen, so that the worker does not slow that frame down.)
    pub fn send(&mut self) {
        for question in self.held.drain(..) {
            // The worker only stops when this is dropped, so the question arrives.
            let _ = self.asks.send(question);
        }
    }
}

/// Answers questions until nobody asks any more: each time, the latest
/// waiting question of each kind.
fn serve(questions: &Receiver<Question>, deliver: impl Fn(Answer) -> bool) {
    while let Ok(first) = questions.recv() {
        let (mut rank, mut settle, mut search, mut count) = (None, None, None, None);
        for question in std::iter::once(first).chain(questions.try_iter()) {
            match question.ask {
                Ask::Rank(..) => rank = Some(question),
                Ask::Settle(..) => settle = Some(question),
                Ask::Search(_) => search = Some(question),
                Ask::Count(_) => count = Some(question),
            }
        }
        for question in [rank, settle, search, count].into_iter().flatten() {
            if !deliver(answer(question)) {
                return;
            }
        }
    }
}

fn answer(question: Question) -> Answer {
    let Question {
        ask,
        document,
        generation,
    } = question;
    let answered = match ask {
        Ask::Rank(ask, index) => Answered::Ranked {
            query: ask.query.clone(),
            ranking: ask.run(&index, &document.outline),
        },
        Ask::Settle(ask, index) => Answered::Settled {
            query: ask.query.clone(),
            ranking: ask.run(&index),
        },
        Ask::Search(ask) => Answered::Searched {
            input: ask.input.clone(),
            search: ask.run(&document),
        },
        Ask::Count(ask) => Answered::Counted {
            counted: ask.run(&document),
            input: ask.input,
        },
    };
    Answer {
        answered,
        generation,
    }
}
