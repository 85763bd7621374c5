//! How the popups' questions are answered: the jump popup's ranking (and more
//! of its rows in order as the selection moves) and the search popup's hits,
//! worked out at once, or, for an app made [`App::with_lookups`], asked of the
//! worker in `lookup` and taken as they come (`Msg::Answer`), each answer only
//! if it is still for what the popup shows.

use std::sync::Arc;

use super::{App, Popup};
use crate::search::Index;
use crate::tui::lookup::{Answer, Answered, Ask, Generation, Lookups};

/// The popups' questions in flight, and the headings' search keys they rank by.
#[derive(Debug, Default)]
pub(super) struct Asking {
    /// Tells the document from the one it replaced: an answer about the
    /// opening of a long text is of no use for the whole.
    pub(super) generation: Generation,
    /// The worker that ranks and searches for the popups; without one, they are
    /// answered at once.
    pub(super) lookups: Option<Lookups>,
    /// Search keys of the headings, built when the jump popup first opens.
    pub(super) heading_index: Option<Arc<Index>>,
    /// The headings' search keys are being built off the reader's thread.
    pub(super) heading_index_coming: bool,
}

impl Asking {
    /// Another document is shown: the keys and answers were the old one's;
    /// the old keys, to be let go.
    pub(super) fn new_document(&mut self) -> Option<Arc<Index>> {
        self.generation += 1;
        self.heading_index.take()
    }

    /// The search keys of the document's headings are being built elsewhere:
    /// a jump popup opened meanwhile waits for them rather than building its own
    /// (seconds, at 100 MB).
    pub(super) fn expect_heading_index(&mut self) {
        self.heading_index_coming = self.heading_index.is_none();
    }

    /// The jump popup waits for the headings' search keys.
    pub(super) fn heading_index_pending(&self) -> bool {
        self.heading_index.is_none() && self.heading_index_coming
    }

    /// Sends the worker the questions asked since last time.
    pub(super) fn send_questions(&mut self) {
        if let Some(lookups) = &mut self.lookups {
            lookups.send();
        }
    }
}

impl App {
    /// Ranks the headings for the jump popup's query: here, or by the worker
    /// (the popup shows the last ranking until the answer comes).
    pub(super) fn rank_jump(&mut self) {
        let (Some(Popup::Jump(jump)), Some(index)) = (&mut self.popup, &self.asking.heading_index)
        else {
            return;
        };
        match &mut self.asking.lookups {
            Some(lookups) => {
                let ask = Ask::Rank(jump.ask(), Arc::clone(index));
                lookups.ask(ask, Arc::clone(&self.document), self.asking.generation);
            }
            None => jump.rank(index, &self.document.outline),
        }
    }

    /// Puts the jump popup's list in order as far as the selection needs: here,
    /// or by the worker (scoring every fuzzy match can take 70 ms at 100 MB).
    pub(super) fn settle_jump(&mut self) {
        let (Some(Popup::Jump(jump)), Some(index)) = (&mut self.popup, &self.asking.heading_index)
        else {
            return;
        };
        let Some(rows) = jump.rows_wanted() else {
            return;
        };
        let ask = jump.settle_ask(rows);
        if let Some(lookups) = &mut self.asking.lookups {
            let ask = Ask::Settle(ask, Arc::clone(index));
            lookups.ask(ask, Arc::clone(&self.document), self.asking.generation);
        } else {
            let query = ask.query.clone();
            jump.settled(&query, ask.run(index));
        }
    }

    /// Searches for the search popup's phrase: here, or by the worker.
    pub(super) fn search_in_popup(&mut self) {
        let Some(Popup::Search(prompt)) = &mut self.popup else {
            return;
        };
        match &mut self.asking.lookups {
            Some(lookups) => {
                let ask = Ask::Search(prompt.ask());
                lookups.ask(ask, Arc::clone(&self.document), self.asking.generation);
            }
            None => prompt.refresh(&self.document),
        }
    }

    /// Counts the term map's phrases: here, or by the worker (counting a
    /// common word through a 100 MB text takes some 40 ms).
    pub(super) fn count_terms(&mut self) {
        let Some(Popup::Terms(map)) = &mut self.popup else {
            return;
        };
        match &mut self.asking.lookups {
            Some(lookups) => {
                map.counting = Some(map.input.value().to_string());
                let ask = Ask::Count(map.ask());
                lookups.ask(ask, Arc::clone(&self.document), self.asking.generation);
            }
            None => map.count(&self.document),
        }
    }

    /// Whether an open popup waits for the worker's answer.
    pub fn looking_up(&self) -> bool {
        match &self.popup {
            Some(Popup::Jump(jump)) => {
                self.asking.heading_index.is_some()
                    && (jump.waiting() || jump.rows_wanted().is_some())
            }
            Some(Popup::Search(prompt)) => prompt.waiting(),
            Some(Popup::Terms(map)) => map.is_counting(),
            _ => false,
        }
    }

    /// Takes the worker's answer if it is about the document shown; whether
    /// the screen changed.
    pub(super) fn receive_answer(&mut self, answer: Answer) -> bool {
        if answer.generation != self.asking.generation {
            return false;
        }
        let top = self.reader.top;
        let changed = self.take_answer(answer.answered);
        if changed {
            self.show_moves(top);
        }
        changed
    }

    /// Shows the answer if it is for what the popup has now; goes where Enter
    /// asked to go while it was awaited.
    fn take_answer(&mut self, answered: Answered) -> bool {
        let (taken, accepted) = match (&mut self.popup, answered) {
            (Some(Popup::Jump(jump)), Answered::Ranked { query, ranking }) => {
                (jump.answer(&query, ranking), jump.accepted)
            }
            (Some(Popup::Jump(jump)), Answered::Settled { query, ranking }) => {
                (jump.settled(&query, ranking), jump.accepted)
            }
            (Some(Popup::Search(prompt)), Answered::Searched { input, search }) => {
                (prompt.answer(&input, search), prompt.accepted)
            }
            (Some(Popup::Terms(map)), Answered::Counted { input, counted }) => {
                (map.answer(&input, counted), false)
            }
            _ => (false, false),
        };
        if taken {
            self.preview();
            if accepted {
                self.accept();
            }
        }
        taken
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Outline;

    #[test]
    fn another_document_drops_the_keys_and_tells_its_answers_apart() {
        let mut asking = Asking {
            heading_index: Some(Arc::new(Index::new(&Outline::default()))),
            ..Asking::default()
        };
        asking.expect_heading_index();
        assert!(!asking.heading_index_pending(), "the keys are at hand");
        asking.new_document();
        assert_eq!(asking.generation, 1);
        assert!(asking.heading_index.is_none());
        assert!(!asking.heading_index_pending(), "none said to be coming");
        asking.expect_heading_index();
        assert!(asking.heading_index_pending());
    }
}
