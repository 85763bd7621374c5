//! How the popups' questions are answered: the jump popup's ranking (and more
//! of its rows in order as the selection moves) and the search popup's hits,
//! worked out at once, or, once [`App::look_up_elsewhere`] is called, asked of
//! the worker in `lookup` and taken as they come ([`App::receive_answers`]),
//! each answer only if it is still for what the popup shows.

use std::sync::Arc;

use super::{App, Popup};
use crate::tui::lookup::{Answer, Answered, Ask, Lookups};

impl App {
    /// Ranks the headings for the jump popup's query: here, or by the worker
    /// (the popup shows the last ranking until the answer comes).
    pub(super) fn rank_jump(&mut self) {
        let (Some(Popup::Jump(jump)), Some(index)) = (&mut self.popup, &self.heading_index) else {
            return;
        };
        match &mut self.lookups {
            Some(lookups) => {
                let ask = Ask::Rank(jump.ask(), Arc::clone(index));
                lookups.ask(ask, Arc::clone(&self.document), self.generation);
            }
            None => jump.rank(index, &self.document.outline),
        }
    }

    /// Puts the jump popup's list in order as far as the selection needs: here,
    /// or by the worker (scoring every fuzzy match can take 70 ms at 100 MB).
    pub(super) fn settle_jump(&mut self) {
        let (Some(Popup::Jump(jump)), Some(index)) = (&mut self.popup, &self.heading_index) else {
            return;
        };
        let Some(rows) = jump.rows_wanted() else {
            return;
        };
        let ask = jump.settle_ask(rows);
        match &mut self.lookups {
            Some(lookups) => {
                let ask = Ask::Settle(ask, Arc::clone(index));
                lookups.ask(ask, Arc::clone(&self.document), self.generation);
            }
            None => {
                let query = ask.query.clone();
                jump.settled(&query, ask.run(index));
            }
        }
    }

    /// Searches for the search popup's phrase: here, or by the worker.
    pub(super) fn search_in_popup(&mut self) {
        let Some(Popup::Search(prompt)) = &mut self.popup else {
            return;
        };
        match &mut self.lookups {
            Some(lookups) => {
                let ask = Ask::Search(prompt.ask());
                lookups.ask(ask, Arc::clone(&self.document), self.generation);
            }
            None => prompt.refresh(&self.document),
        }
    }

    /// Has the popups' rankings and searches done by a worker thread from now
    /// on, so that typing never waits for them (for long documents).
    pub fn look_up_elsewhere(&mut self) {
        self.lookups.get_or_insert_with(Lookups::start);
    }

    /// Whether an open popup waits for the worker's answer.
    pub fn looking_up(&self) -> bool {
        match &self.popup {
            Some(Popup::Jump(jump)) => {
                self.heading_index.is_some() && (jump.waiting() || jump.rows_wanted().is_some())
            }
            Some(Popup::Search(prompt)) => prompt.waiting(),
            _ => false,
        }
    }

    /// Sends the worker the questions asked since last time.
    pub fn send_questions(&mut self) {
        if let Some(lookups) = &mut self.lookups {
            lookups.send();
        }
    }

    /// Takes the worker's answers that have come (sending the questions asked
    /// first); whether the screen changed.
    pub fn receive_answers(&mut self) -> bool {
        self.send_questions();
        let answers: Vec<Answer> = match &self.lookups {
            Some(lookups) => lookups.answers().collect(),
            None => return false,
        };
        let top = self.top;
        let mut changed = false;
        for answer in answers {
            // An answer about the opening of a long text is of no use for the whole.
            if answer.generation == self.generation {
                changed |= self.take_answer(answer.answered);
            }
        }
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
