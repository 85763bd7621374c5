//! What `gangmu diff` prints: one row per change (`op old_line new_line
//! breadcrumb text`, TAB-separated, lines empty where they do not apply, a
//! changed sentence inline as `[-old-]{+new+}`), the same changes in a form to
//! read on a terminal (coloured unless `NO_COLOR`), and `--stat`'s counts.
//! Text from either document leaves through `layout::safe`.

use std::collections::HashMap;
use std::io::{self, Write};

use crate::compare::{Change, Piece, Stat, Version, compare, diff_chars};
use crate::document::{Document, HeadingId};
use crate::layout::breadcrumb;
use crate::layout::safe::visible;
use crate::parse::source;

/// Columns a breadcrumb step without a label gets.
const STEP_TITLE: usize = 24;

/// The two versions compared.
#[derive(Clone, Copy)]
pub struct Pair<'a> {
    pub old: &'a Document,
    pub new: &'a Document,
}

/// How the changes are written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// One TAB-separated row per change, the contract.
    Tsv,
    /// Two lines per change to read, with colours or without.
    Readable { colour: bool },
}

/// What `gangmu diff` prints.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Print {
    Changes(Form),
    Stat,
}

/// Compares the texts `old` and `new` as documents and prints what `print`
/// asks for; whether they differ.
pub fn write_diff(old: &str, new: &str, print: Print, out: &mut impl Write) -> io::Result<bool> {
    let pair = Pair {
        old: &crate::build(old),
        new: &crate::build(new),
    };
    let (old_lines, new_lines) = (source::lines(old).lines, source::lines(new).lines);
    let changes = compare(
        Version {
            document: pair.old,
            lines: &old_lines,
        },
        Version {
            document: pair.new,
            lines: &new_lines,
        },
    );
    match print {
        Print::Changes(form) => write_changes(&changes, pair, form, out)?,
        Print::Stat => out.write_all(stat_text(&Stat::of(&changes)).as_bytes())?,
    }
    Ok(!changes.is_empty())
}

/// The changes that turn the text `old` into `new`, laid along the new
/// version for the compare view.
pub fn along(old: &str, new: &str) -> crate::compare::along::Along {
    let (old_document, new_document) = (crate::build(old), crate::build(new));
    let (old_lines, new_lines) = (source::lines(old).lines, source::lines(new).lines);
    let changes = compare(
        Version {
            document: &old_document,
            lines: &old_lines,
        },
        Version {
            document: &new_document,
            lines: &new_lines,
        },
    );
    crate::compare::along::lay(&old_document, &new_document, changes)
}

/// One change's fields: op, old line, new line, breadcrumb, text.
struct Row {
    op: &'static str,
    old: Option<u32>,
    new: Option<u32>,
    breadcrumb: String,
    text: Vec<Piece>,
}

/// Writes `changes` in `form`.
pub fn write_changes(
    changes: &[Change],
    pair: Pair,
    form: Form,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut crumbs = (Crumbs::of(pair.old), Crumbs::of(pair.new));
    for change in changes {
        let row = row(change, pair, &mut crumbs);
        let line = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
        match form {
            Form::Tsv => writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}",
                row.op,
                line(row.old),
                line(row.new),
                row.breadcrumb,
                inline(&row.text, false)
            )?,
            Form::Readable { colour } => {
                let head = format!(
                    "{:<15} {:>5} {:>5}  {}",
                    row.op,
                    line(row.old),
                    line(row.new),
                    row.breadcrumb
                );
                if colour {
                    writeln!(out, "\x1b[2m{head}\x1b[0m")?;
                } else {
                    writeln!(out, "{head}")?;
                }
                writeln!(out, "    {}", inline(&row.text, colour))?;
            }
        }
    }
    Ok(())
}

/// The fields of `change`: a section by its heading under the breadcrumb of
/// the headings above it (a moved one by its old heading changed into its new,
/// which shows a renumbering); a sentence under its section's breadcrumb (the
/// new version's where it is in the new version).
fn row(change: &Change, pair: Pair, (old_crumbs, new_crumbs): &mut (Crumbs, Crumbs)) -> Row {
    let same = |text: &str| vec![Piece::Same(text.to_string())];
    match change {
        Change::SectionAdded { new, .. } => section_row(
            "section-added",
            (None, Some(new.line)),
            new.section,
            pair.new,
        ),
        Change::SectionRemoved { old, .. } => section_row(
            "section-removed",
            (Some(old.line), None),
            old.section,
            pair.old,
        ),
        Change::SectionMoved { old, new } => {
            let mut row = section_row(
                "section-moved",
                (Some(old.line), Some(new.line)),
                new.section,
                pair.new,
            );
            row.text = diff_chars(
                &display(pair.old, old.section),
                &display(pair.new, new.section),
            );
            row
        }
        Change::Changed { old, new, pieces } => Row {
            op: "changed",
            old: Some(old.line),
            new: Some(new.line),
            breadcrumb: new_crumbs.within(new.section),
            text: pieces.clone(),
        },
        Change::Added { new, text, .. } => Row {
            op: "added",
            old: None,
            new: Some(new.line),
            breadcrumb: new_crumbs.within(new.section),
            text: same(text),
        },
        Change::Removed { old, text, .. } => Row {
            op: "removed",
            old: Some(old.line),
            new: None,
            breadcrumb: old_crumbs.within(old.section),
            text: same(text),
        },
    }
}

/// A section's row at `lines` (old, new): its heading, of `document`, under
/// the breadcrumb of the headings above it.
fn section_row(
    op: &'static str,
    (old, new): (Option<u32>, Option<u32>),
    section: Option<HeadingId>,
    document: &Document,
) -> Row {
    let outline = &document.outline;
    let crumbs = section.map_or_else(String::new, |id| {
        breadcrumb(outline, &outline.ancestors(id), STEP_TITLE)
    });
    Row {
        op,
        old,
        new,
        breadcrumb: crumbs,
        text: vec![Piece::Same(display(document, section))],
    }
}

/// A section's heading as lists show it (label and title).
fn display(document: &Document, section: Option<HeadingId>) -> String {
    section.map_or_else(String::new, |id| document.outline.get(id).display())
}

/// The breadcrumbs of a document's sections, each made once: most changes are
/// sentences under a few sections.
struct Crumbs<'a> {
    document: &'a Document,
    known: HashMap<HeadingId, String>,
}

impl<'a> Crumbs<'a> {
    fn of(document: &'a Document) -> Self {
        Self {
            document,
            known: HashMap::new(),
        }
    }

    /// The breadcrumb of a section, itself included.
    fn within(&mut self, section: Option<HeadingId>) -> String {
        let Some(id) = section else {
            return String::new();
        };
        let outline = &self.document.outline;
        (self.known.entry(id))
            .or_insert_with(|| {
                let mut chain = outline.ancestors(id);
                chain.push(id);
                breadcrumb(outline, &chain, STEP_TITLE)
            })
            .clone()
    }
}

/// Pieces as one line, made safe: changes as `[-old-]{+new+}`, or in colour
/// (removed red and struck through, added green and underlined, so that they
/// differ on any background and for readers who do not tell red from green).
pub fn inline(pieces: &[Piece], colour: bool) -> String {
    pieces
        .iter()
        .map(|piece| match (piece, colour) {
            (Piece::Same(text), _) => visible(text),
            (Piece::Removed(text), false) => format!("[-{}-]", visible(text)),
            (Piece::Added(text), false) => format!("{{+{}+}}", visible(text)),
            (Piece::Removed(text), true) => format!("\x1b[31;9m{}\x1b[0m", visible(text)),
            (Piece::Added(text), true) => format!("\x1b[32;4m{}\x1b[0m", visible(text)),
        })
        .collect()
}

/// `--stat`: the counts, three lines.
pub fn stat_text(stat: &Stat) -> String {
    format!(
        "sections: {} added, {} removed, {} changed, {} moved\n\
         sentences: {} changed, {} added, {} removed\n\
         characters: {} added, {} removed\n",
        stat.sections_added,
        stat.sections_removed,
        stat.sections_changed,
        stat.sections_moved,
        stat.sentences_changed,
        stat.sentences_added,
        stat.sentences_removed,
        stat.chars_added,
        stat.chars_removed
    )
}
