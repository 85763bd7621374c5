//! Numbering runs: whether a label carries on the run of its kind. A run counts
//! up (`一、二、三、`); it starts afresh at 1 in a new scope. A 1 inside a run
//! that is not over is read ahead: if a short run counts up from it and then the
//! outer run goes on where it stopped, the short run is a list inside a section
//! (or the rows of a table), and its labels are not headings. One false or
//! nested member does not end the run around it.

use super::{Builder, Context};
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
        match last {
            Some((m, at)) if n == m + 1 => !self.context.continues_skipped_run(i, label, at),
            Some((m, _)) if n == 1 => m == 0 || !self.context.nested_run_at(i, label.kind, m),
            None => n == 1,
            Some(_) => false,
        }
    }
}

impl Context<'_> {
    /// `label` (on line `i`) goes on with a nested run that the run of its kind
    /// skipped since it last took a number on line `taken`: the labels before it
    /// count down to a 1 after `taken` (the 四、 of a list 一、二、三、四、 inside
    /// section 三、), and that 1 starts a nested run.
    fn continues_skipped_run(&self, i: usize, label: &Label, taken: usize) -> bool {
        let Some(mut wanted) = label.number.and_then(|n| n.checked_sub(1)) else {
            return false;
        };
        let before = self.labelled.partition_point(|&j| j < i);
        for &j in self.labelled[..before].iter().rev() {
            if j <= taken {
                return false;
            }
            let Some(previous) = self.labels[j].as_deref() else {
                continue;
            };
            if previous.kind < label.kind {
                return false;
            }
            if previous.kind != label.kind {
                continue;
            }
            if previous.number != Some(wanted) {
                return false;
            }
            if wanted == 1 {
                return self.nested_run_at(j, label.kind, label.number.unwrap_or(1) - 1);
            }
            wanted -= 1;
        }
        false
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
