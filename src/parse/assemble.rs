//! Content lines to a [`Document`]: the one place where document-level rules live.
//!
//! A single pass over the cleaned lines decides, line by line, whether a line starts
//! a heading, a document title, a table of contents, a table, or a paragraph, or
//! continues the paragraph before it. It uses `scan` for what a line shows and
//! `measure` for the local wrap width; joining text is done by `draft`.
//!
//! The rules, in brief:
//! - a line continues the paragraph when the line before it reached the measure
//!   (less a first-line indent), did not end a sentence at a clearly short width,
//!   and the line is not indented or wider than the measure;
//! - a label (`第三章`, `一、`, `1.`) starts a heading only at the start of a paragraph
//!   (a wrapped body line beginning `一、制度并轨` is not one), and enumerated labels
//!   only in sequence (`5.` does not follow `2.`);
//! - a 专栏 box is a leaf: nothing inside it is a heading until a heading as coarse as
//!   the one the box hangs under, or until the body text resumes at its own measure;
//! - a paragraph broken off mid-sentence by something of another measure (a box, part
//!   of a box continued from the previous page) resumes where its measure returns.

mod contents;
mod draft;
mod headings;
mod numbering;
mod sections;
mod table;
mod title;
mod tree;
mod unwrapped;

use std::cell::Cell;

use crate::document::{Document, HeadingId, HeadingKind, ParagraphKind};
use crate::parse::measure;
use crate::parse::progress::{PASSES, Progress, Tally};
use crate::parse::scan::{self, Label};
use crate::parse::source::{self, Line};
use draft::Draft;

/// Characters beyond which a sentence, or a paragraph without a sentence end, is
/// prose and not a title.
const PROSE_CHARS: usize = 40;

/// Builds the document model of a decoded text.
pub fn build(text: &str) -> Document {
    build_reporting(text, &Progress::default())
}

/// Builds the document model of a decoded text, counting its bytes into
/// `progress` as the passes go through it.
pub fn build_reporting(text: &str, progress: &Progress) -> Document {
    let mut tally = Tally::new(progress, text.len());
    let source = source::lines(text);
    tally.reached(PASSES[0]);
    let mut labels: Vec<Option<Box<Label>>> = source
        .lines
        .iter()
        .map(|l| scan::label(l.text).map(Box::new))
        .collect();
    sections::mark(&source.lines, &mut labels);
    // Asked of a line again and again (the measure, where tables start and
    // end, titles): told once.
    let table_rows: Vec<bool> = source
        .lines
        .iter()
        .map(|line| scan::is_table_row(line.text))
        .collect();
    let prose: Vec<bool> = source
        .lines
        .iter()
        .zip(&labels)
        .zip(&table_rows)
        .map(|((line, label), &table_row)| is_prose(line.text, label.as_deref(), table_row))
        .collect();
    tally.reached(PASSES[..2].iter().sum());
    let labelled = (0..labels.len()).filter(|&i| labels[i].is_some()).collect();
    let measures = measure::measures(&source.lines, &prose);
    let short_paragraphs = measure::paragraphs_are_short(&source.lines, &measures);
    let context = Context {
        measures,
        short_paragraphs,
        recent_tables: Cell::new([None; 2]),
        table_rows,
        labels,
        labelled,
        lines: source.lines,
        double_spaced: source.double_spaced,
        blank_separated: source.blank_separated,
    };
    let mut builder = Builder::new(&context);
    let lines = context.lines.len();
    let mut i = 0;
    let mut next_tally = 0;
    while i < lines {
        if i >= next_tally {
            tally.deciding(i, lines);
            next_tally = i + TALLY_LINES;
        }
        i = builder.step(i);
    }
    let gathered = builder.finish();
    // At 100 MB the lines and their labels are tens of megabytes: they go
    // before the outline is linked, which the peak of memory would add them to.
    drop(context);
    let document = gathered.into_document();
    tally.done();
    document
}

/// Lines the deciding pass goes through between two counts of its progress.
const TALLY_LINES: usize = 4096;

/// A line that can show the measure of running text: a line broken mid-sentence,
/// not a heading title, not a contents entry, not a table row, not a record of
/// adoption under a title. A numbered item that runs on into a sentence
/// (`1.实施…计划。建设…`) is prose. (Lines that end a sentence are left out: in
/// text saved one paragraph per line every line does, and similar lengths there
/// must not pass for a measure.)
fn is_prose(text: &str, label: Option<&Label>, table_row: bool) -> bool {
    let runs_on = label.is_none_or(|l| text[l.rest..].contains(['。', '，']));
    runs_on
        && !table_row
        && !scan::ends_sentence(text)
        && !scan::has_leader_or_page(text)
        && !title::ends_a_record(text)
}

/// Everything known about the lines before the pass starts.
struct Context<'a> {
    lines: Vec<Line<'a>>,
    measures: Vec<Option<u16>>,
    /// Heading labels, boxed: few lines have one.
    labels: Vec<Option<Box<Label>>>,
    /// The lines that have a label, in order.
    labelled: Vec<usize>,
    double_spaced: bool,
    blank_separated: bool,
    /// Paragraphs of the wrapped text hold a sentence or two
    /// ([`measure::paragraphs_are_short`]).
    short_paragraphs: bool,
    /// The two lines last asked whether a table starts there, each with the
    /// table's end if one does ([`table::region_at`]): the title and
    /// paragraph rules ask about a line and the next one, then again.
    recent_tables: Cell<[Option<table::Asked>; 2]>,
    /// Which lines are rows of a table ([`scan::is_table_row`]).
    table_rows: Vec<bool>,
}

impl Context<'_> {
    fn len(&self) -> usize {
        self.lines.len()
    }

    /// Whether line `i` is a row of a table whose cells came out on one line.
    fn is_table_row(&self, i: usize) -> bool {
        self.table_rows[i]
    }

    /// Columns between line `i` and its measure; `None` where there is no measure.
    fn shortfall(&self, i: usize) -> Option<u16> {
        self.measures[i].map(|m| m.saturating_sub(self.lines[i].width))
    }

    /// Whether line `next` continues the paragraph whose last line is `prev`.
    fn continues(&self, prev: usize, next: usize, prev_is_first: bool) -> bool {
        let (p, q) = (&self.lines[prev], &self.lines[next]);
        if q.indented() || (!self.double_spaced && q.blanks_before() > 0) {
            return false;
        }
        let Some(measure) = self.measures[prev] else {
            return self.carries_on(p.text, next);
        };
        // A line much wider than the measure belongs to another block (a box).
        if q.width > measure + 6 {
            return false;
        }
        let shortfall = measure.saturating_sub(p.width);
        let sentence_ended = scan::ends_sentence(p.text);
        // A sentence ended at the full width ends a paragraph as often as the
        // text's paragraphs end after a sentence or two.
        if sentence_ended && self.short_paragraphs {
            return false;
        }
        let allowed = match (prev_is_first, sentence_ended) {
            (false, false) => 6,
            (false, true) => 3,
            (true, false) => 8,
            (true, true) => 5,
        };
        shortfall <= allowed && !(sentence_ended && self.starts_indented_paragraph(next, measure))
    }

    /// A line one indent short of the measure, followed by a full line: the first
    /// line of a new paragraph whose indent the extraction dropped.
    fn starts_indented_paragraph(&self, i: usize, measure: u16) -> bool {
        let short_by = measure.saturating_sub(self.lines[i].width);
        (4..=8).contains(&short_by)
            && self
                .lines
                .get(i + 1)
                .is_some_and(|n| n.width + 3 >= measure && !n.indented())
    }
}

/// What came just before the current line, as far as document titles care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Before {
    /// Nothing yet (or only the file's own title).
    Start,
    Part,
    /// An attachment label (`附件1`).
    Attachment,
    /// A document title.
    Title,
    Heading,
    /// A paragraph; `note` for a dateline or a bracketed note closing a notice.
    Paragraph {
        note: bool,
    },
}

/// An open 专栏 box.
#[derive(Debug, Clone, Copy)]
struct OpenBox {
    /// Kind of the heading the box hangs under: one as coarse closes the box.
    parent_kind: Option<HeadingKind>,
    parent: Option<HeadingId>,
    /// Measure of the box's own text, once seen.
    measure: Option<u16>,
    /// Measure of the body text around the box.
    outer: Option<u16>,
}

/// A paragraph that broke off mid-sentence at full width, waiting to resume.
#[derive(Debug, Clone, Copy)]
struct Unfinished {
    draft: usize,
    measure: u16,
    /// First line after the break.
    from: usize,
}

struct Builder<'c, 'a> {
    context: &'c Context<'a>,
    drafts: Vec<Draft>,
    headings: Vec<tree::HeadingDraft>,
    ancestors: tree::Ancestors,
    /// Body paragraph that the next line may continue.
    open: Option<usize>,
    unfinished: Option<Unfinished>,
    open_box: Option<OpenBox>,
    /// Heading whose section the following paragraphs belong to.
    section: Option<HeadingId>,
    /// Last number taken per enumerated kind, and the line it stands on, for
    /// the sequence check.
    last_number: [Option<(u32, usize)>; HeadingKind::COUNT],
    /// Measure of the latest full body line outside boxes.
    body_measure: Option<u16>,
    before: Before,
    /// Title of the current document, normalised, to recognise a repeat of it.
    doc_title: Option<String>,
    file_title: Option<String>,
    /// Where each heading line's text last appears, by contents key; built the
    /// first time an untitled contents page is suspected.
    last_heading_lines: Option<std::collections::HashMap<String, usize>>,
}

impl<'c, 'a> Builder<'c, 'a> {
    fn new(context: &'c Context<'a>) -> Self {
        Self {
            context,
            drafts: Vec::new(),
            headings: Vec::new(),
            ancestors: tree::Ancestors::default(),
            open: None,
            unfinished: None,
            open_box: None,
            section: None,
            last_number: [None; HeadingKind::COUNT],
            body_measure: None,
            before: Before::Start,
            doc_title: None,
            file_title: None,
            last_heading_lines: None,
        }
    }

    /// Handles the block starting at line `i`; returns the first line after it.
    fn step(&mut self, i: usize) -> usize {
        if let Some(end) = self.contents_at(i) {
            return end;
        }
        if let Some(label) = &self.context.labels[i]
            && self.accepts_heading(i, label)
        {
            return self.heading(i, label);
        }
        let after_sentence = self.after_full_sentence(i);
        // A table (or its caption) may follow a sentence that ended at full width.
        let paragraph_start = self.at_paragraph_start(i)
            || (after_sentence && table::region_at(self.context, i).is_some());
        let may_start = paragraph_start || after_sentence;
        if may_start
            && self.open_box.is_none()
            && let Some(end) = self.title_at(i)
        {
            return end;
        }
        if !paragraph_start {
            if let Some(open) = self.open {
                self.drafts[open].push(i, &self.context.lines[i]);
                self.note_line(i);
            }
            return i + 1;
        }
        if let Some(end) = table::region_at(self.context, i) {
            self.close_paragraph(i);
            self.new_draft(ParagraphKind::Table, i..end);
            self.before = Before::Paragraph { note: false };
            return end;
        }
        if self.resumes_unfinished(i) {
            return i + 1;
        }
        self.close_paragraph(i);
        self.close_box_if_body_resumes(i);
        let kind = ParagraphKind::Body;
        let draft = self.new_draft(kind, i..i + 1);
        self.open = Some(draft);
        let text = self.context.lines[i].text;
        // A subtitle, date or byline, or the title said again, still belongs to
        // the title above it.
        if self.before != Before::Title || !self.under_the_title(text) {
            self.before = Before::Paragraph {
                note: scan::is_bracketed_note(text) || scan::is_dateline(text),
            };
        }
        self.note_line(i);
        i + 1
    }

    /// Whether line `i` starts a new block rather than continuing the open paragraph.
    fn at_paragraph_start(&self, i: usize) -> bool {
        let Some(open) = self.open else {
            return true;
        };
        let draft = &self.drafts[open];
        let prev = draft.last_line();
        if prev + 1 != i {
            return true;
        }
        if self.context.measures[prev].is_none() {
            return !self.carries_on_broken_sentence(draft, i);
        }
        !self.context.continues(prev, i, draft.starts_at(prev))
    }

    /// Remembers the measures a line shows (for boxes and resumed paragraphs).
    fn note_line(&mut self, i: usize) {
        let full = self.context.shortfall(i).is_some_and(|s| s <= 3);
        if !full {
            return;
        }
        let measure = self.context.measures[i];
        match &mut self.open_box {
            Some(open_box) => {
                if open_box.measure.is_none() {
                    open_box.measure = measure;
                }
            }
            None => self.body_measure = measure,
        }
    }

    /// Adds a paragraph made of content lines `lines`; returns its index.
    fn new_draft(&mut self, kind: ParagraphKind, lines: std::ops::Range<usize>) -> usize {
        let mut draft = Draft::new(kind, self.open_box.is_some(), self.section);
        for i in lines {
            draft.push(i, &self.context.lines[i]);
        }
        if kind != ParagraphKind::Body {
            draft.seal();
        }
        self.drafts.push(draft);
        self.drafts.len() - 1
    }

    /// Closes the open paragraph before line `next`, remembering it if it broke off
    /// mid-sentence at full width.
    fn close_paragraph(&mut self, next: usize) {
        let Some(open) = self.open.take() else {
            return;
        };
        self.drafts[open].seal();
        let last = self.drafts[open].last_line();
        let line = &self.context.lines[last];
        let broke_off =
            !scan::ends_with_punctuation(line.text) || line.text.ends_with(['，', '、']);
        let full = self.context.shortfall(last).is_some_and(|s| s <= 6);
        if broke_off
            && full
            && self.drafts[open].kind == ParagraphKind::Body
            && let Some(measure) = self.context.measures[last]
        {
            self.unfinished = Some(Unfinished {
                draft: open,
                measure,
                from: next,
            });
        }
    }

    /// Line `i` picks up a paragraph that broke off before a block of another
    /// measure; the block in between was part of a box.
    fn resumes_unfinished(&mut self, i: usize) -> bool {
        let Some(unfinished) = self.unfinished else {
            return false;
        };
        let lines = &self.context.lines;
        if i <= unfinished.from || i - unfinished.from > 80 {
            if i > unfinished.from {
                self.unfinished = None;
            }
            return false;
        }
        let line = &lines[i];
        // The measure of what came in between, read off its text, not its label.
        let interruption = (unfinished.from..i)
            .find(|&j| self.context.labels[j].is_none())
            .and_then(|j| self.context.measures[j]);
        let other_measure = interruption.is_none_or(|m| m.abs_diff(unfinished.measure) >= 6);
        let same_measure =
            self.context.measures[i].is_some_and(|m| m.abs_diff(unfinished.measure) <= 3);
        let continuation = line.width + 6 >= unfinished.measure && !line.indented();
        if !(other_measure && same_measure && continuation) {
            return false;
        }
        self.close_paragraph(i);
        self.unfinished = None;
        for draft in &mut self.drafts[unfinished.draft + 1..] {
            draft.in_box |= draft.kind != ParagraphKind::Heading;
        }
        if let Some(open_box) = self.open_box.take() {
            self.section = open_box.parent;
        }
        self.drafts[unfinished.draft].push(i, line);
        self.open = Some(unfinished.draft);
        true
    }

    /// Body text at the measure it had before the box: the box has ended.
    fn close_box_if_body_resumes(&mut self, i: usize) {
        let Some(open_box) = self.open_box else {
            return;
        };
        let (Some(inner), Some(outer), Some(here)) =
            (open_box.measure, open_box.outer, self.context.measures[i])
        else {
            return;
        };
        if inner.abs_diff(outer) >= 6 && here.abs_diff(outer) <= 3 {
            self.open_box = None;
            self.section = open_box.parent;
        }
    }

    /// What the passes made, the builder's working state let go.
    fn finish(self) -> Gathered {
        Gathered {
            file_title: self.file_title,
            drafts: self.drafts,
            headings: self.headings,
        }
    }
}

/// The paragraphs and headings the passes made, to be made a document once
/// the lines they were made from are let go.
struct Gathered {
    file_title: Option<String>,
    drafts: Vec<Draft>,
    headings: Vec<tree::HeadingDraft>,
}

impl Gathered {
    fn into_document(self) -> Document {
        let paragraphs = self.drafts.into_iter().map(Draft::into_paragraph).collect();
        Document {
            file_title: self.file_title,
            paragraphs,
            outline: tree::link(self.headings),
        }
    }
}
