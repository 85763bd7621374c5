//! Section headings printed without a number: `关于国内建设`, `过去五年的回顾`,
//! `结束语` standing between the parts of a report whose body paragraphs are
//! indented.
//!
//! Such a heading has no label to go by, so its form must be plain: a short line
//! with no punctuation, set flush left on a line of its own after a paragraph that
//! ended a sentence, with an indented paragraph after it. Where the file numbers
//! its chapters (`第X章`, `第X篇`, `第X节`) or articles (`第X条`), it has its own
//! headings and a flush line is something else; nothing is marked there.
//!
//! A section marked here is a `zhang` with an empty label: it hangs under its
//! document, and the numbered headings after it (`一、` run afresh) hang under it.
//! So it must not stand inside a numbered section: where the run of the
//! coarsest numbered headings before it goes on after it (`二、` … the line …
//! `三、`), the line is a sub-heading of that section (or a spoken transition,
//! `先说工业战线上的情况`), and is left as it is.

use crate::document::HeadingKind;
use crate::parse::scan::{self, Label};
use crate::parse::source::{Line, is_ideograph};

/// Fewest characters in an unnumbered section heading.
const MIN_CHARS: usize = 2;
/// Most characters in one: longer unpunctuated lines are headlines or fragments.
const MAX_CHARS: usize = 24;

/// Gives each unnumbered section heading among `lines` a label of its own: a
/// `zhang` without a number.
pub(super) fn mark(lines: &[Line], labels: &mut [Option<Box<Label>>]) {
    let numbers_its_own = labels.iter().flatten().any(|label| {
        matches!(
            label.kind,
            HeadingKind::Pian | HeadingKind::Zhang | HeadingKind::Jie | HeadingKind::Tiao
        )
    });
    if numbers_its_own {
        return;
    }
    let candidates: Vec<usize> = (1..lines.len().saturating_sub(1))
        .filter(|&i| labels[i].is_none() && labels[i + 1].is_none() && stands_between(lines, i))
        .collect();
    if candidates.is_empty() {
        return;
    }
    let numbered = Numbered::new(labels);
    for i in candidates {
        if !numbered.run_goes_on_across(i) {
            labels[i] = Some(Box::new(unnumbered_section()));
        }
    }
}

/// The numbered (enumerated) labels of a file, in order.
struct Numbered {
    /// Line, kind and number of each.
    labels: Vec<(usize, HeadingKind, u32)>,
    /// The coarsest kind among the labels up to and including each.
    coarsest: Vec<HeadingKind>,
}

impl Numbered {
    fn new(labels: &[Option<Box<Label>>]) -> Self {
        let labels: Vec<(usize, HeadingKind, u32)> = labels
            .iter()
            .enumerate()
            .filter_map(|(i, label)| {
                let label = label.as_deref()?;
                let number = label.number.filter(|_| label.kind.is_enumerated())?;
                Some((i, label.kind, number))
            })
            .collect();
        let coarsest = labels
            .iter()
            .scan(HeadingKind::Box, |coarsest, &(_, kind, _)| {
                *coarsest = kind.min(*coarsest);
                Some(*coarsest)
            })
            .collect();
        Self { labels, coarsest }
    }

    /// The run of the coarsest numbered headings before line `i` goes on after
    /// it: the first of that kind after `i` takes the next number.
    fn run_goes_on_across(&self, i: usize) -> bool {
        let split = self.labels.partition_point(|&(line, _, _)| line < i);
        let Some(kind) = split.checked_sub(1).map(|last| self.coarsest[last]) else {
            return false;
        };
        let of_kind = |&&(_, k, _): &&(usize, HeadingKind, u32)| k == kind;
        let before = self.labels[..split].iter().rev().find(of_kind);
        let after = self.labels[split..].iter().find(of_kind);
        matches!((before, after), (Some(&(_, _, m)), Some(&(_, _, n))) if n == m + 1)
    }
}

/// Line `i` is set apart as a heading: flush left and alone, after a finished
/// paragraph and before an indented one, and shaped like a title.
fn stands_between(lines: &[Line], i: usize) -> bool {
    let (before, line, after) = (&lines[i - 1], &lines[i], &lines[i + 1]);
    !line.indented()
        && line.blanks_before() > 0
        && after.blanks_before() > 0
        && after.indented()
        && scan::ends_sentence(before.text)
        && is_section_title(line.text)
}

/// A short line of words with no punctuation that is not a date, a caption, a
/// table's row, a contents title or a counted point.
fn is_section_title(text: &str) -> bool {
    let chars = text.chars().count();
    (MIN_CHARS..=MAX_CHARS).contains(&chars)
        && text.chars().any(is_ideograph)
        && !text.contains([
            '，', '。', '；', '：', '！', '？', '…', ',', '.', ';', ':', '!', '?',
        ])
        && !scan::is_dateline(text)
        && !scan::is_caption(text)
        && !scan::is_table_row(text)
        && !scan::is_contents_title(text)
        && !scan::is_bracketed_note(text)
        && !scan::starts_with_ordinal(text)
        && !scan::has_leader_or_page(text)
}

fn unnumbered_section() -> Label {
    Label {
        kind: HeadingKind::Zhang,
        text: String::new(),
        number: None,
        rest: 0,
        start: 0,
        then: None,
    }
}
