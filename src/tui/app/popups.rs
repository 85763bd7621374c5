//! The reader's popups and search hits: the jump popup (headings ranked as typed),
//! the search popup (hits of a phrase listed under their sections), the reader's
//! preview of the selection while either is open, and `n`/`N` through the hits of
//! the last search once it is closed, with every hit marked on screen. How their
//! rankings and searches are answered is `asking`'s.

use std::sync::Arc;

use super::{App, Mark, Popup, Request};
use crate::layout::rows::{Position, Row};
use crate::layout::safe::is_hostile;
use crate::search::Index;
use crate::search::text::TextHit;
use crate::study::store::history::History;
use crate::tui::action::CursorMove;
use crate::tui::popup::jump::Jump;
use crate::tui::popup::search::{SearchPrompt, TextSearch};
use crate::tui::popup::terms::TermMap;
use crate::tui::words;

/// The last search, left behind when its popup closed, and the phrases
/// searched for.
#[derive(Debug, Default)]
pub(super) struct Hits {
    /// The last search's hits, highlighted and stepped through with `n`/`N`.
    pub(super) text_search: Option<TextSearch>,
    /// Phrases searched for, in earlier runs and this one.
    pub(super) history: History,
    /// Where the reader was put to show the current hit: `n` goes on from that hit
    /// while the reader stays there, from the screen's top once it has moved.
    pub(super) landed: Option<Position>,
    /// Its hits are marked on screen: Esc stops marking them, `n` and `N` go on
    /// with the search and mark them again.
    pub(super) marked: bool,
    /// It searched upwards (`?`): `n` goes up and `N` down, as in less.
    pub(super) backward: bool,
}

/// Rows of context kept above a hit the reader goes to.
const CONTEXT_ROWS: usize = 1;

impl App {
    /// The headings' search keys, once built.
    pub(crate) fn heading_index(&self) -> Option<&Index> {
        self.asking.heading_index.as_deref()
    }

    /// The search keys of the document's headings, built elsewhere; kept unless
    /// the jump popup built its own meanwhile.
    pub(super) fn set_heading_index(&mut self, index: Index) -> bool {
        let top = self.reader.top;
        self.asking.heading_index.get_or_insert(Arc::new(index));
        self.asking.heading_index_coming = false;
        // A jump popup opened meanwhile ranks now, and goes if Enter was pressed.
        self.rank_jump();
        self.preview();
        if let Some(Popup::Jump(jump)) = &self.popup
            && jump.accepted
        {
            self.accept();
        }
        self.show_moves(top);
        true
    }

    /// The jump popup waits for the headings' search keys.
    pub fn heading_index_pending(&self) -> bool {
        self.asking.heading_index_pending()
    }

    /// Builds the headings' search keys here unless they are on their way;
    /// whether they are at hand.
    fn ensure_heading_index(&mut self) -> bool {
        if self.asking.heading_index.is_none() && !self.asking.heading_index_coming {
            self.asking.heading_index = Some(Arc::new(Index::new(&self.document.outline)));
        }
        self.asking.heading_index.is_some()
    }

    pub(super) fn open_jump(&mut self) {
        self.popup = Some(Popup::Jump(Jump::new(self.reader.top, self.view.current)));
        self.help = None;
        if self.ensure_heading_index() {
            self.rank_jump();
        }
    }

    /// Opens the search popup, searching upwards when `backward` (`?`).
    pub(super) fn open_search(&mut self, backward: bool) {
        let byte = self.top_byte();
        let mut prompt = SearchPrompt::new(self.reader.top, byte);
        prompt.backward = backward;
        self.popup = Some(Popup::Search(prompt));
        self.help = None;
    }

    pub(super) fn type_char(&mut self, c: char) {
        // A control character (pasted, say) is never kept in a prompt: prompts
        // end up in notes, exports and the search history.
        if is_hostile(c) {
            return;
        }
        match &mut self.popup {
            Some(Popup::Jump(jump)) => {
                if jump.query.type_char(c) {
                    self.rank_jump();
                }
            }
            Some(Popup::Search(prompt)) => {
                prompt.type_char(c);
                self.search_in_popup();
            }
            Some(Popup::Note(prompt, _)) => {
                prompt.input.type_char(c);
            }
            Some(Popup::Terms(map)) if !map.counted() => _ = map.input.type_char(c),
            Some(Popup::Bookmarks(_) | Popup::Stats | Popup::Terms(_)) | None => {}
        }
        self.preview();
    }

    pub(super) fn erase(&mut self) {
        match &mut self.popup {
            Some(Popup::Jump(jump)) => {
                if jump.query.erase() {
                    self.rank_jump();
                }
            }
            Some(Popup::Search(prompt)) => {
                prompt.erase();
                self.search_in_popup();
            }
            Some(Popup::Note(prompt, _)) => {
                prompt.input.erase();
            }
            Some(Popup::Terms(map)) if !map.counted() => {
                map.input.erase();
            }
            Some(Popup::Bookmarks(_) | Popup::Stats | Popup::Terms(_)) | None => {}
        }
        self.preview();
    }

    /// Moves the open prompt's cursor, or deletes at it.
    pub(super) fn edit_prompt(&mut self, movement: CursorMove) {
        match &mut self.popup {
            Some(Popup::Jump(jump)) => {
                if jump.query.edit(movement) {
                    self.rank_jump();
                }
            }
            Some(Popup::Search(prompt)) => {
                let phrase = prompt.input.value().to_string();
                prompt.edit(movement);
                if prompt.input.value() != phrase {
                    self.search_in_popup();
                }
            }
            Some(Popup::Note(prompt, _)) => {
                prompt.input.edit(movement);
            }
            Some(Popup::Terms(map)) if !map.counted() => {
                map.input.edit(movement);
            }
            Some(Popup::Bookmarks(_) | Popup::Stats | Popup::Terms(_)) | None => {}
        }
        self.preview();
    }

    pub(super) fn select_in_popup(&mut self, n: isize) {
        match &mut self.popup {
            Some(Popup::Jump(jump)) => {
                jump.move_by(n);
                self.settle_jump();
            }
            Some(Popup::Search(prompt)) => prompt.move_by(n),
            Some(Popup::Bookmarks(list)) => {
                let count = list.entries(&self.record, &self.marks.others).len();
                list.move_by(n, count);
            }
            Some(Popup::Terms(map)) => map.move_by(n),
            Some(Popup::Note(..) | Popup::Stats) | None => {}
        }
        self.preview();
    }

    pub(super) fn browse_history(&mut self, steps: isize) {
        if let Some(Popup::Search(prompt)) = &mut self.popup {
            prompt.browse_history(&self.hits.history, steps);
            self.search_in_popup();
        }
        self.preview();
    }

    pub(super) fn toggle_list(&mut self) {
        if let Some(Popup::Search(prompt)) = &mut self.popup {
            prompt.in_list = !prompt.in_list && prompt.selected_hit().is_some();
        }
    }

    /// Goes to the popup's selection and closes it; a search's hits stay marked.
    /// Until the headings' keys or the answer for what was typed have come, it
    /// waits for them.
    pub(super) fn accept(&mut self) {
        let keys_coming = self.heading_index_pending();
        let answer_coming = self.looking_up();
        match &mut self.popup {
            Some(Popup::Jump(jump)) if keys_coming || answer_coming => {
                jump.accepted = true;
                return;
            }
            Some(Popup::Search(prompt)) if answer_coming => {
                prompt.accepted = true;
                return;
            }
            _ => {}
        }
        self.preview();
        let origin = self.popup.as_ref().and_then(Popup::origin);
        match self.popup.take() {
            Some(Popup::Search(prompt)) => self.finish_search(prompt),
            Some(Popup::Note(prompt, list)) => self.finish_note(prompt, list),
            Some(Popup::Bookmarks(list)) => self.go_to_bookmark(list),
            Some(Popup::Terms(map)) => self.finish_terms(map),
            Some(Popup::Jump(_) | Popup::Stats) | None => {}
        }
        // A heading, a hit or a bookmark gone to: a jump from where the popup opened.
        if let Some(origin) = origin.filter(|&o| o != self.reader.top)
            && self.popup.is_none()
        {
            self.jumped_from(origin);
        }
    }

    fn finish_search(&mut self, prompt: SearchPrompt) {
        let phrase = prompt.input.value().trim();
        if !phrase.is_empty() {
            self.hits.history.remember(phrase);
            self.requests
                .push(Request::RememberSearch(phrase.to_string()));
        }
        self.hits.text_search = prompt.search.filter(|s| !s.hits().is_empty());
        self.hits.backward = prompt.backward;
        match &mut self.hits.text_search {
            Some(search) => {
                search.current = prompt.selected;
                self.hits.landed = Some(self.reader.top);
                self.hits.marked = true;
            }
            None if !prompt.input.value().trim().is_empty() => {
                self.reader.top = prompt.origin;
                self.message = Some(words::not_found(prompt.input.value().trim()));
            }
            None => self.reader.top = prompt.origin,
        }
    }

    pub(super) fn open_terms(&mut self) {
        self.popup = Some(Popup::Terms(TermMap::new(self.reader.top)));
        self.help = None;
    }

    /// Enter in the term map: counts the phrases typed (the map stays open;
    /// it closes when none were), or opens the search for the selected bar's
    /// phrase from the start of its file or chapter, its first hit there shown.
    fn finish_terms(&mut self, map: TermMap) {
        if !map.counted() {
            if map.has_phrases() {
                self.popup = Some(Popup::Terms(map));
                self.count_terms();
            }
            return;
        }
        let Some((phrase, start)) = map.selection(&self.document) else {
            return;
        };
        let mut prompt = SearchPrompt::new(start, 0);
        prompt.origin = map.origin;
        phrase.chars().for_each(|c| prompt.type_char(c));
        self.popup = Some(Popup::Search(prompt));
        self.search_in_popup();
        self.preview();
    }

    /// Closes what is open: help, or a popup (the reader goes back where it was);
    /// with nothing open, the hits of the last search are no longer marked.
    pub(super) fn dismiss(&mut self) {
        if self.help.is_some() {
            self.help = None;
        } else if let Some(popup) = self.popup.take() {
            match popup {
                // Editing a note goes back to the list, unchanged.
                Popup::Note(_, Some(list)) => self.popup = Some(Popup::Bookmarks(list)),
                popup => self.reader.top = popup.origin().unwrap_or(self.reader.top),
            }
        } else {
            self.hits.marked = false;
        }
    }

    /// The reader shows the popup's selection while it is open.
    pub(super) fn preview(&mut self) {
        match &self.popup {
            Some(Popup::Jump(jump)) => {
                if let Some(id) = jump.selected_heading() {
                    self.reader.top = Position {
                        paragraph: self.document.outline.get(id).paragraph,
                        row: 0,
                    };
                }
            }
            Some(Popup::Search(prompt)) => match prompt.selected_hit() {
                Some(hit) => self.show_hit(hit),
                None => self.reader.top = prompt.origin,
            },
            Some(Popup::Note(..) | Popup::Bookmarks(_) | Popup::Stats | Popup::Terms(_)) | None => {
            }
        }
    }

    /// Goes `steps` hits on (or back) in the direction searched, from the current
    /// one; from the top of the screen if the reader has moved since.
    pub(super) fn next_hit(&mut self, steps: isize) {
        let steps = if self.hits.backward { -steps } else { steps };
        let byte = self.top_byte();
        let here = self.reader.top;
        let stayed = self.hits.landed == Some(here);
        let Some(search) = &mut self.hits.text_search else {
            self.message = Some(words::no_search());
            return;
        };
        let (to, wrapped) = if stayed {
            search.step(search.current, steps)
        } else {
            // The first hit from the top of the screen counts as one step on.
            let first = search.first_from(here.paragraph, byte);
            let past_end = search
                .hits()
                .last()
                .is_some_and(|h| (h.paragraph, h.start) < (here.paragraph, byte));
            if steps > 0 {
                (first, past_end)
            } else {
                search.step(first, steps)
            }
        };
        search.current = to;
        let hit = search.hits()[to];
        if wrapped {
            self.message = Some(if steps > 0 {
                words::WRAPPED_TO_START.to_string()
            } else {
                words::WRAPPED_TO_END.to_string()
            });
        }
        self.show_hit(hit);
        self.hits.marked = true;
        self.hits.landed = Some(self.reader.top);
    }

    /// Puts the row holding `hit` near the top of the reader.
    fn show_hit(&mut self, hit: TextHit) {
        let Some(paragraph) = self.document.paragraphs.get(hit.paragraph) else {
            return;
        };
        let char_index = paragraph
            .text
            .get(..hit.start)
            .map_or(0, |before| before.chars().count());
        let rows = self.reader.layout.rows(&self.document, hit.paragraph);
        let row = rows
            .last_where(|r| r.first_char <= char_index && r.holds_text())
            .unwrap_or(0);
        self.reader.top = Position {
            paragraph: hit.paragraph,
            row: row.saturating_sub(CONTEXT_ROWS),
        };
    }

    /// Byte offset in its paragraph of the first character on screen.
    pub(super) fn top_byte(&mut self) -> usize {
        let first_char = self.place_here().offset;
        let text = self
            .document
            .paragraphs
            .get(self.reader.top.paragraph)
            .map_or("", |p| p.text.as_str());
        text.char_indices()
            .nth(first_char)
            .map_or(text.len(), |(at, _)| at)
    }

    /// Searches the whole document again once it replaces its opening: the open
    /// popup's phrase and the last search's.
    pub(super) fn search_again(&mut self) {
        let byte = self.top_byte();
        let top = self.reader.top;
        match &mut self.popup {
            Some(Popup::Jump(jump)) => {
                let mut fresh = Jump::new(jump.origin, None);
                fresh.query = std::mem::take(&mut jump.query);
                *jump = fresh;
                if self.ensure_heading_index() {
                    self.rank_jump();
                }
            }
            Some(Popup::Search(prompt)) => {
                prompt.forget();
                self.search_in_popup();
            }
            // Counted again, in the whole document.
            Some(Popup::Terms(map)) if map.counted() => {
                map.count(&self.document);
            }
            Some(Popup::Note(..) | Popup::Bookmarks(_) | Popup::Stats | Popup::Terms(_)) | None => {
            }
        }
        if let Some(search) = self.hits.text_search.take() {
            let mut fresh = TextSearch::new(&self.document, search.query, None);
            fresh.current = fresh.first_from(top.paragraph, byte);
            self.hits.text_search = (!fresh.hits().is_empty()).then_some(fresh);
            self.hits.landed = None;
        }
    }

    /// The search hits on each of `rows`: the open search popup's, or the last
    /// search's.
    pub(super) fn marks(&self, rows: &[(Position, Row)]) -> Vec<Vec<Mark>> {
        let (search, current) = match &self.popup {
            Some(Popup::Search(prompt)) => (prompt.search.as_ref(), prompt.selected),
            Some(
                Popup::Jump(_)
                | Popup::Note(..)
                | Popup::Bookmarks(_)
                | Popup::Stats
                | Popup::Terms(_),
            ) => (None, 0),
            None if !self.hits.marked => (None, 0),
            None => (
                self.hits.text_search.as_ref(),
                self.hits.text_search.as_ref().map_or(0, |s| s.current),
            ),
        };
        let Some(search) = search else {
            return vec![Vec::new(); rows.len()];
        };
        let hits = search.hits();
        let mut starts = RowStarts::default();
        rows.iter()
            .map(|(position, row)| {
                let text = &self.document.paragraphs[position.paragraph].text;
                let start = starts.byte_of(position.paragraph, row.first_char, text);
                let on_row = RowText {
                    paragraph: position.paragraph,
                    text,
                    start,
                };
                row_marks(hits, current, row, &on_row)
            })
            .collect()
    }
}

/// Where rows start in their paragraph's text, in bytes, worked out from the
/// row before when it is in the same paragraph: the rows on screen cost a pass
/// over their own text, not over the paragraph from its start for each hit (a
/// phrase found 100,000 times in one long paragraph froze the reader).
#[derive(Default)]
struct RowStarts {
    /// The last row's paragraph, first character and first byte.
    last: Option<(usize, usize, usize)>,
}

impl RowStarts {
    /// The byte at which character `first_char` of paragraph `paragraph` starts.
    fn byte_of(&mut self, paragraph: usize, first_char: usize, text: &str) -> usize {
        let (from_char, from_byte) = match self.last {
            Some((p, c, b)) if p == paragraph && c <= first_char => (c, b),
            _ => (0, 0),
        };
        let byte = advance(text, from_byte, first_char - from_char);
        self.last = Some((paragraph, first_char, byte));
        byte
    }
}

/// The byte `chars` characters after byte `from` of `text` (its end at most).
fn advance(text: &str, from: usize, chars: usize) -> usize {
    let rest = text.get(from..).unwrap_or("");
    from + rest
        .char_indices()
        .nth(chars)
        .map_or(rest.len(), |(at, _)| at)
}

/// A row's place in its paragraph's text.
struct RowText<'a> {
    paragraph: usize,
    text: &'a str,
    /// The byte the row starts at.
    start: usize,
}

/// The hits on `row`, in the row's characters: only the hits that reach into
/// the row are looked at, found by their bytes.
fn row_marks(hits: &[TextHit], current: usize, row: &Row, on: &RowText) -> Vec<Mark> {
    if !row.holds_text() {
        return Vec::new();
    }
    let end = advance(on.text, on.start, row.text.chars().count());
    let first = hits.partition_point(|h| (h.paragraph, h.end) <= (on.paragraph, on.start));
    let chars_to = |byte: usize| on.text.get(on.start..byte).map_or(0, |t| t.chars().count());
    hits[first..]
        .iter()
        .enumerate()
        .take_while(|(_, h)| h.paragraph == on.paragraph && h.start < end)
        .map(|(k, hit)| Mark {
            chars: chars_to(hit.start.max(on.start))..chars_to(hit.end.min(end)),
            current: first + k == current,
        })
        .filter(|mark| !mark.chars.is_empty())
        .collect()
}
