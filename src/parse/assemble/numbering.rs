//! Numbering runs: whether a label carries on the run of its kind. A run counts
//! up (`一、二、三、`); it starts afresh at 1 in a new scope. A 1 inside a run
//! that is not over is read ahead: if a short run counts up from it and then the
//! outer run goes on where it stopped, the short run is a list inside a section
//! (or the rows of a table), and its labels are not headings. One false or
//! nested member does not end the run around it.

use super::{Builder, Context, PROSE_CHARS};
use crate::document::HeadingKind;
use crate::parse::scan::Label;

/// How many labelled lines to read ahead for the outer run going on.
const LOOKAHEAD: usize = 400;

impl Builder<'_, '_> {
    /// `label` (on line `i`) follows the last number of its kind, or starts a new
    /// run at 1 that is not a list nested inside the run already open.
    pub(super) fn in_sequence(&self, i: usize, label: &Label) -> bool {
        let Some(n) = label.number else {
            return false;
        };
        let last = self.last_number[label.kind as usize];
        // Articles are plain to see: they count up, from wherever an extract
        // starts, past gaps the text leaves (an article repealed), and an article
        // put in later (第一条之一) keeps its number.
        if label.kind == HeadingKind::Tiao {
            return last.is_none_or(|(m, _)| n >= m || n == 1);
        }
        // `3．10种` may be a number; it is a label only where the run wants a 3.
        if label.kind == HeadingKind::H3
            && self.context.lines[i].text[label.rest..].starts_with(|c: char| c.is_ascii_digit())
        {
            return last.is_some_and(|(m, _)| n == m + 1);
        }
        match last {
            Some((m, at)) if n == m + 1 => self
                .context
                .skipped_run_start(i, label, at)
                .is_none_or(|one| !self.goes_on_with_list(i, label, one, (m, at))),
            Some((m, at)) if n == 1 => m == 0 || !self.restarts_inside(i, m, at),
            None => n == 1,
            Some(_) => false,
        }
    }

    /// `label` (on line `i`) goes on with the list that starts at line `one`
    /// inside the run that last took `m` (on line `taken`), not with that run:
    /// the run goes on after the list, or the list's items run on into prose as
    /// this one does.
    fn goes_on_with_list(&self, i: usize, label: &Label, one: usize, taken: (u32, usize)) -> bool {
        let (m, at) = taken;
        let context = self.context;
        let nested = context.nested_run_at(one, label.kind, m);
        let list_form = context.labels[one]
            .as_deref()
            .is_some_and(|first| self.list_item_inside_run(one, first, at))
            && runs_on(label.rest(context.lines[i].text));
        nested || list_form
    }

    /// The 1 on line `i` starts a list inside the run that last took `m` (on line
    /// `taken`), not a run of its own.
    fn restarts_inside(&self, i: usize, m: u32, taken: usize) -> bool {
        let Some(label) = self.context.labels[i].as_deref() else {
            return false;
        };
        self.context.nested_run_at(i, label.kind, m) || self.list_item_inside_run(i, label, taken)
    }

    /// A 1 that runs on into prose (`一、固定资产投资总规模，包括…。`) where the run
    /// it would restart, in the same section, had titles alone on their lines
    /// (the last on line `taken`): an item of a list, not a heading.
    fn list_item_inside_run(&self, i: usize, label: &Label, taken: usize) -> bool {
        let lines = &self.context.lines;
        let same_section = !self
            .headings
            .iter()
            .rev()
            .take_while(|h| h.line > lines[taken].number)
            .any(|h| h.kind < label.kind);
        let outer = self.context.labels[taken].as_deref();
        let outer_alone = outer.is_some_and(|o| !runs_on(o.rest(lines[taken].text)));
        same_section && outer_alone && runs_on(label.rest(lines[i].text))
    }
}

/// A label's text runs on into prose: a sentence ends inside it, it ends on a
/// mark that leaves its sentence open, or it is a whole sentence longer than
/// titles are.
fn runs_on(rest: &str) -> bool {
    let inner = rest.trim_end_matches('。');
    let long_sentence = inner.len() < rest.len() && inner.chars().count() >= PROSE_CHARS;
    inner.contains('。') || long_sentence || rest.ends_with(['；', '，', '、', ';', ','])
}

impl Context<'_> {
    /// Where the labels before `label` (on line `i`) count down from it to a 1
    /// after line `taken`, where its run last took a number, that 1's line: `label`
    /// may go on with a run the outer run skipped (the 四、 of a list 一、二、三、四、
    /// inside section 三、).
    fn skipped_run_start(&self, i: usize, label: &Label, taken: usize) -> Option<usize> {
        let mut wanted = label.number?.checked_sub(1)?;
        let before = self.labelled.partition_point(|&j| j < i);
        for &j in self.labelled[..before].iter().rev() {
            let previous = self.labels[j].as_deref()?;
            if j <= taken || previous.kind < label.kind {
                return None;
            }
            if previous.kind != label.kind {
                continue;
            }
            if previous.number != Some(wanted) {
                return None;
            }
            if wanted == 1 {
                return Some(j);
            }
            wanted -= 1;
        }
        None
    }

    /// The run of `kind` that restarts at line `i` counts up (perhaps followed by
    /// more such runs) and then, within the same scope (before a coarser label),
    /// `outer_last + 1` follows.
    fn nested_run_at(&self, i: usize, kind: HeadingKind, outer_last: u32) -> bool {
        let start = self.labelled.partition_point(|&j| j <= i);
        let mut expected = 2;
        for &j in self.labelled[start..].iter().take(LOOKAHEAD) {
            let Some(label) = self.labels[j].as_deref() else {
                continue;
            };
            if label.kind < kind {
                return false;
            }
            if label.kind != kind {
                continue;
            }
            match label.number {
                Some(n) if n == expected => expected += 1,
                // Another short run: one more list in the same section.
                Some(1) => expected = 2,
                Some(n) => return n == outer_last + 1,
                None => {}
            }
        }
        false
    }
}
