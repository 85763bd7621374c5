//! Going back, and counts: the places jumped from (a heading found with `f` or
//! the outline, a search hit, `g` `G`, a line, a percent, a bookmark), walked
//! with Ctrl-O and Ctrl-I and left for `''`, kept per document in the record as
//! anchors so that they outlive a reflow at another width; the count typed
//! before a key (`5j`, `50%`, `20G`); the jumps to a line and a percent; and
//! those that need the whole document, made again when it replaces its opening.

use super::{Action, App};
use crate::document::{Document, HeadingKind};
use crate::layout::rows::Position;
use crate::study::anchor::Anchor;
use crate::study::jumps::JumpList;
use crate::study::store::record::Stamped;
use crate::tui::words;

/// The largest count kept: more digits are not taken.
const MOST_COUNT: usize = 9_999_999;

/// The places jumped from, the count being typed, and a jump waiting for the
/// whole document.
#[derive(Debug, Default)]
pub(super) struct Jumps {
    list: JumpList<Anchor>,
    /// Where the last jump, or step back or forward, left from: `''` goes there.
    previous: Option<Anchor>,
    /// The last action stepped back or forward, and moved: Tab (what most
    /// terminals send for Ctrl-I) steps forward.
    walking: bool,
    /// Where the outline last took the reader: moving through the outline from
    /// there goes on with the same jump.
    outline_landed: Option<Position>,
    /// The count typed so far.
    count: Option<usize>,
    /// A jump to a place of the whole document (its end, a percent, a line)
    /// made while only its opening may be in, and where it landed.
    pending: Option<(Target, Position)>,
    /// Where the lines of the document shown are, made at the first `20G`.
    lines: Option<LineIndex>,
}

/// The source lines of a document's paragraphs, for finding a line in
/// logarithmic time (a linear pass took up to 8 ms at 100 MB).
#[derive(Debug)]
struct LineIndex {
    /// For each paragraph, the furthest line reached by it or a paragraph
    /// before it in its file: rising within each file (a 专栏 box set after the
    /// paragraph it interrupted reaches less far than that paragraph).
    reach: Vec<u32>,
    /// The first paragraph of each file, where several are read together.
    files: Vec<usize>,
}

impl LineIndex {
    fn new(document: &Document) -> Self {
        let files: Vec<usize> = document
            .outline
            .headings
            .iter()
            .filter(|h| h.kind == HeadingKind::File)
            .map(|h| h.paragraph)
            .collect();
        let mut reach = Vec::with_capacity(document.paragraphs.len());
        let mut furthest = 0;
        for (index, paragraph) in document.paragraphs.iter().enumerate() {
            if files.binary_search(&index).is_ok() {
                furthest = 0;
            }
            furthest = furthest.max(paragraph.last_line);
            reach.push(furthest);
        }
        Self { reach, files }
    }

    /// The paragraphs of the file holding paragraph `here`: all of them when
    /// one file is read. Empty only when the document is.
    fn file_span(&self, here: usize) -> (usize, usize) {
        let at = self.files.partition_point(|&p| p <= here);
        let start = at.checked_sub(1).map_or(0, |i| self.files[i]);
        let end = self.files.get(at).copied().unwrap_or(self.reach.len());
        (start, end)
    }
}

/// Where a jump that needs the whole document goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    End,
    Percent(usize),
    Line(usize),
}

/// What a key did to the count.
pub(super) enum Counted {
    /// It was a digit, or Esc dropping the count: nothing else to do.
    Taken,
    /// The action to carry out, with the count typed before it.
    Act(Action),
}

impl App {
    /// The places jumped from, as kept in the record.
    pub(super) fn restore_jumps(&mut self) {
        let places = self
            .record
            .jumps
            .as_ref()
            .map(|kept| kept.value.clone())
            .unwrap_or_default();
        self.jumps.previous = places.last().cloned();
        self.jumps.list = JumpList::new(places);
    }

    /// Puts the places jumped from in the record, stamped `at`.
    pub(super) fn keep_jumps(&mut self, at: u64) {
        let places = self.jumps.list.places();
        if !places.is_empty() {
            let value = places.to_vec();
            self.record.jumps = Some(Stamped { value, at });
        }
    }

    /// The count being typed, if any: the status line shows it.
    pub fn count(&self) -> Option<usize> {
        self.jumps.count
    }

    /// Takes a digit into the count, or Esc as dropping it; any other action
    /// takes the count, Tab right after a step back or forward steps forward.
    pub(super) fn counting(&mut self, action: Action) -> Counted {
        match action {
            Action::Count(digit) => {
                let count = self.jumps.count.unwrap_or(0);
                let more = count.saturating_mul(10) + usize::from(digit);
                self.jumps.count = Some(if more > MOST_COUNT { count } else { more });
                Counted::Taken
            }
            Action::Dismiss if self.jumps.count.take().is_some() => Counted::Taken,
            // A new size changes nothing of what is being typed.
            Action::Resize(..) => Counted::Act(action),
            Action::SwitchFocus if self.jumps.walking && self.popup.is_none() => {
                Counted::Act(self.counted(Action::Jumps(1)))
            }
            action => Counted::Act(self.counted(action)),
        }
    }

    fn counted(&mut self, action: Action) -> Action {
        match self.jumps.count.take() {
            Some(count) => action.counted(count),
            None => action,
        }
    }

    /// After `action` moved the reader from `from`: a jump keeps `from` to come
    /// back to (a run of moves through the outline counts as one jump), and a
    /// jump that needs the whole document is noted to be made again.
    pub(super) fn note_jump(&mut self, action: Action, from: Position) {
        if !matches!(action, Action::Resize(..)) {
            self.jumps.walking = matches!(action, Action::Jumps(_)) && self.reader.top != from;
        }
        let target = match action {
            Action::Bottom => Some(Target::End),
            Action::Percent(Some(n)) => Some(Target::Percent(n)),
            Action::Line(n) => Some(Target::Line(n)),
            _ => None,
        };
        if let Some(target) = target {
            self.jumps.pending = Some((target, self.reader.top));
        }
        if !action.is_jump() || self.popup.is_some() || self.reader.top == from {
            return;
        }
        let in_outline = matches!(
            action,
            Action::OutlineMove(_) | Action::Expand | Action::Collapse | Action::Click { .. }
        );
        let goes_on = in_outline && self.jumps.outline_landed == Some(from);
        self.jumps.outline_landed = in_outline.then_some(self.reader.top);
        if !goes_on {
            self.jumped_from(from);
        }
    }

    /// Keeps `from` as the place the reader jumped from.
    pub(super) fn jumped_from(&mut self, from: Position) {
        let anchor = self.anchor_at(from);
        self.jumps.list.jump(anchor.clone());
        self.jumps.previous = Some(anchor);
    }

    /// Ctrl-O (negative `steps`) and Ctrl-I: back or forward through the places
    /// jumped from.
    pub(super) fn walk_jumps(&mut self, steps: isize) {
        let here = self.anchor_here();
        let target = if steps < 0 {
            self.jumps.list.back(here.clone(), steps.unsigned_abs())
        } else {
            self.jumps.list.forward(steps.unsigned_abs())
        };
        let Some(target) = target else {
            self.message = Some(words::no_more_jumps(steps < 0));
            return;
        };
        if self.go_to_anchor(&target) {
            self.jumps.previous = Some(here);
        }
    }

    /// `''`: back to where the reader was before the last jump, itself a jump
    /// (so that `''` again returns). Typed in the bookmark list (`'` opens it), it
    /// closes the list first.
    pub(super) fn return_from_jump(&mut self) {
        if let Some(popup) = self.popup.take() {
            self.reader.top = popup.origin().unwrap_or(self.reader.top);
        }
        let Some(target) = self.jumps.previous.clone() else {
            self.message = Some(words::NO_JUMP_YET.to_string());
            return;
        };
        let from = self.reader.top;
        if self.go_to_anchor(&target) && self.reader.top != from {
            self.jumped_from(from);
        }
    }

    /// Goes to `anchor`; says so when it is no longer in the text.
    fn go_to_anchor(&mut self, anchor: &Anchor) -> bool {
        let Some(place) = anchor.find(&self.document).place() else {
            self.message = Some(words::JUMP_NOT_FOUND.to_string());
            return false;
        };
        self.go_to_place(place);
        true
    }

    /// `50%`: the paragraph that far into the text at the top, as the status
    /// line's percent counts paragraphs.
    pub(super) fn go_to_percent(&mut self, percent: usize) {
        let total = self.document.paragraphs.len();
        let paragraph = (percent.min(100) * total).div_ceil(100);
        self.go_to_paragraph(paragraph);
    }

    /// `20G`: the paragraph made from source line `line` of the file being read
    /// (the lines `gangmu outline`, `find` and `grep` print), or the end when the
    /// file is shorter: the first whose last line reaches it.
    pub(super) fn go_to_line(&mut self, line: usize) {
        let here = self.reader.top.paragraph;
        let lines = self
            .jumps
            .lines
            .get_or_insert_with(|| LineIndex::new(&self.document));
        let (start, end) = lines.file_span(here);
        if start == end {
            return;
        }
        let line = u32::try_from(line).unwrap_or(u32::MAX);
        let at = lines.reach[start..end].partition_point(|&reach| reach < line);
        let paragraph = if at == end - start {
            end - 1
        } else {
            start + at
        };
        self.go_to_paragraph(paragraph);
    }

    /// Another document is shown: the index of its lines is to be made anew.
    pub(super) fn forget_lines(&mut self) {
        self.jumps.lines = None;
    }

    /// Paragraph `paragraph` at the top, no further than the last screen.
    fn go_to_paragraph(&mut self, paragraph: usize) {
        let height = usize::from(self.geometry().body_height);
        let last = self.reader.layout.last_top(&self.document, height);
        let wanted = Position { paragraph, row: 0 };
        self.reader.top = if (wanted.paragraph, wanted.row) > (last.paragraph, last.row) {
            last
        } else {
            wanted
        };
    }

    /// The jump to the whole document's end, a percent or a line, if one was
    /// made and the reader has not moved since: to be made again in the whole.
    pub(super) fn take_pending_jump(&mut self) -> Option<Target> {
        let (target, landed) = self.jumps.pending.take()?;
        (landed == self.reader.top).then_some(target)
    }

    /// Makes a jump that needed the whole document again, in the whole.
    pub(super) fn jump_again(&mut self, target: Target) {
        match target {
            Target::End => self.go_to_paragraph(usize::MAX),
            Target::Percent(n) => self.go_to_percent(n),
            Target::Line(n) => self.go_to_line(n),
        }
    }

    /// Forgets a jump waiting for the whole document (the file was read again).
    pub(super) fn drop_pending_jump(&mut self) {
        self.jumps.pending = None;
    }
}
