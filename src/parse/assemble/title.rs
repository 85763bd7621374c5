//! Unnumbered document titles: the headline of a speech or a news report, the title
//! of a notice or of the plan it issues, the title inside an attachment; and the
//! file's own title above its first document.
//!
//! A title is a block of one to four short lines with no sentence punctuation, at the
//! start of a paragraph, each line no longer than the one before (a title wraps at its
//! own, narrower measure), not followed by its own continuation. Because plain short
//! lines are common, a title also needs one piece of outside evidence: it starts a
//! PDF page, wraps well short of the body's measure, follows a part heading or an
//! attachment label or a notice's closing lines, is followed by a subtitle, byline,
//! document number or contents, ends with the name of a kind of document (通知,
//! 规划, 纲要, …), or stands unindented above indented paragraphs.

mod shapes;

use super::draft;
use super::{Before, Builder, table};
use crate::document::{HeadingKind, ParagraphKind};
use crate::parse::scan;
use crate::parse::source::Line;
pub(super) use shapes::{ends_a_record, is_title_line};
use shapes::{
    is_byline, is_glossary_title, is_title_companion, is_under_title, names_a_document,
    names_a_law, normalise, open_marks, record_goes_on, words_of,
};

/// Most lines in one title.
const MAX_LINES: usize = 4;
/// Fewest characters in a title.
const MIN_CHARS: usize = 5;
/// Fewest characters in a law's name heading its file.
const MIN_LAW_CHARS: usize = 2;
/// Fewest characters in a title known only by standing out of indented text.
const MIN_STANDING_OUT_CHARS: usize = 8;
/// Fewest characters in a headline known only by having no punctuation.
const MIN_HEADLINE_CHARS: usize = 12;
/// Most characters in a title line where the text has no measure.
const MAX_UNMEASURED_CHARS: usize = 90;

impl Builder<'_, '_> {
    /// If a document title starts at line `i`, emits it and returns its end.
    pub(super) fn title_at(&mut self, i: usize) -> Option<usize> {
        if let Some(end) = self.repeated_title_end(i) {
            // The title repeated above the text: its own line, not a new document.
            self.close_paragraph(i);
            self.new_draft(ParagraphKind::Body, i..end);
            self.before = Before::Paragraph { note: false };
            return Some(end);
        }
        let end = self.title_block(i)?;
        let lines = &self.context.lines;
        let mut title = String::new();
        for line in &lines[i..end] {
            draft::append(&mut title, line.text);
        }
        let key = normalise(&title);
        self.close_paragraph(i);
        self.unfinished = None;
        if self.before == Before::Start && self.is_file_title(end, &key) {
            self.file_title = Some(title);
            self.new_draft(ParagraphKind::Body, i..end);
            return Some(end);
        }
        self.start_document(HeadingKind::Doc);
        self.push_heading(
            HeadingKind::Doc,
            String::new(),
            title,
            i..end,
            ParagraphKind::Heading,
        );
        self.doc_title = Some(key);
        self.before = Before::Title;
        Some(end)
    }

    /// A line under the current document's title that still belongs to it: a
    /// subtitle, a date, a byline, or part of the title said again.
    pub(super) fn under_the_title(&self, text: &str) -> bool {
        let repeats = self
            .doc_title
            .as_deref()
            .is_some_and(|title| words_of(title).contains(&words_of(text)));
        repeats || is_under_title(text)
    }

    /// End (exclusive) of lines from `i` on that spell the current document's
    /// title again, as plans do above their first page of text.
    fn repeated_title_end(&self, i: usize) -> Option<usize> {
        let title = self.doc_title.as_deref()?;
        let lines = &self.context.lines;
        // Most lines differ at once.
        if lines[i].text.chars().next() != title.chars().next() {
            return None;
        }
        let mut seen = String::new();
        for (j, line) in lines.iter().enumerate().skip(i).take(MAX_LINES) {
            seen.push_str(&normalise(line.text));
            if seen == title {
                return Some(j + 1);
            }
            if !title.starts_with(&seen) {
                return None;
            }
        }
        None
    }

    /// End (exclusive) of a title block at `i` that has the evidence a title needs.
    fn title_block(&self, i: usize) -> Option<usize> {
        let context = self.context;
        let lines = &context.lines;
        let first = &lines[i];
        // A glossary is an annex of its own, however short its heading.
        if is_glossary_title(first.text) && context.labels[i].is_none() {
            return Some(i + 1);
        }
        // Indented like a paragraph, a line is a title only where a document
        // opens and it names one (a regulation after the notice issuing it).
        let paragraph_indent = first.indented()
            && first.indent() <= 4
            && !(self.follows_opening() && names_a_document(first.text));
        let labelled = context.labels[i].is_some();
        // Where blank lines part paragraphs, a line with none before it is a
        // piece of the paragraph above.
        let piece = context.blank_separated
            && context.measures[i].is_none()
            && i > 0
            && first.blanks_before() == 0;
        // A line closing marks it never opened is the tail of a sentence
        // (`〈…管理法〉的决定》第三次修正`).
        let tail_of_sentence = open_marks(first.text) < 0;
        if self.before == Before::Title
            || piece
            || tail_of_sentence
            || paragraph_indent
            || labelled
            || !is_title_line(first.text)
            || (self.before != Before::Attachment && table::region_at(context, i).is_some())
        {
            return None;
        }
        let mut end = i + 1;
        while end < lines.len() && end - i < MAX_LINES && self.title_goes_on_at(i, end) {
            end += 1;
        }
        // A full line is a paragraph's, unless the text indents its paragraphs and
        // this block stands out of them, or a subtitle or contents page follows.
        // Prose has a comma within a line or two; a title has none.
        let commas = lines[i..end]
            .iter()
            .any(|l| l.text.contains(['，', ',', '、', '：']));
        let last = lines[end - 1].text;
        let set_apart = !commas
            && (self.stands_out(i, end)
                || self.companion_follows(end)
                || context.labels.get(end).is_some_and(Option::is_some)
                || (end - i >= 2 && (self.follows_opening() || names_a_document(last))));
        match context.measures[i] {
            Some(measure) if first.width + 2 >= measure && !set_apart => return None,
            None if first.text.chars().count() > MAX_UNMEASURED_CHARS => return None,
            _ => {}
        }
        // A law's short name heads its file (`水法`, `信访条例`).
        let min_chars = if self.before == Before::Start && names_a_law(lines[end - 1].text) {
            MIN_LAW_CHARS
        } else {
            MIN_CHARS
        };
        if title_chars(&lines[i..end]) < min_chars || !self.title_stands_alone(i, end) {
            return None;
        }
        self.title_has_evidence(i, end).then_some(end)
    }

    /// Line `next` carries on the title that starts at `first`.
    fn title_goes_on_at(&self, first: usize, next: usize) -> bool {
        let lines = &self.context.lines;
        let (prev, line) = (&lines[next - 1], &lines[next]);
        // Text saved one paragraph per line never wraps a title.
        let hard_wrapped = self.context.measures[first].is_some();
        let prev_was_wrapped = next - 1 == first || prev.width * 5 >= lines[first].width * 4;
        // A line that names a kind of document ends the title; a much shorter line
        // under it is the issuer (`…统计公报` / `周口市统计局`).
        let issuer_below = names_a_document(prev.text) && line.width * 2 <= prev.width;
        // A title broken inside a book title's marks goes on, wrapped or not
        // (`…关于印发《…三年行动` / `方案（2023—2027年）》的通知`).
        let inside_marks = lines[first..next]
            .iter()
            .map(|l| open_marks(l.text))
            .sum::<i32>()
            > 0;
        (inside_marks || hard_wrapped && prev_was_wrapped)
            && !issuer_below
            && is_title_line(line.text)
            && (line.width <= prev.width + 2 || inside_marks)
            && !line.indented()
            && self.context.labels[next].is_none()
            && !is_title_companion(line.text)
            && !self.context.is_table_row(next)
    }

    /// What follows the block is neither its own continuation, a table, nor the date
    /// under a signature.
    fn title_stands_alone(&self, i: usize, end: usize) -> bool {
        let context = self.context;
        let Some(next) = context.lines.get(end) else {
            return true;
        };
        let last = end - 1;
        let near_measure = context.shortfall(last).is_some_and(|s| s <= 8);
        let starts_own_block = is_title_companion(next.text) || context.labels[end].is_some();
        let continued =
            near_measure && !starts_own_block && context.continues(last, end, last == i);
        // An attachment may be a table under its title.
        let table_follows =
            self.before != Before::Attachment && table::region_at(context, end).is_some();
        // A name over a date signs a notice off, unless it names a text: a
        // regulation may be dated under its title.
        let last_text = context.lines[last].text;
        let signed =
            scan::is_dateline(next.text) && !names_a_document(last_text) && !names_a_law(last_text);
        !continued && !signed && !table_follows
    }

    fn title_has_evidence(&self, i: usize, end: usize) -> bool {
        if self.run_goes_on_after(end) {
            return false;
        }
        let context = self.context;
        let first = &context.lines[i];
        let follows_opening = self.follows_opening();
        // A single leading space marks a new PDF page in hard-wrapped text.
        let page_start =
            first.page_start() && (context.double_spaced || context.measures[i].is_some());
        // Wrapped well short of the measure: a centred title, not a paragraph.
        let wrapped_short =
            end - i >= 2 && context.measures[i].is_some_and(|m| first.width + 10 <= m);
        let companion_follows = self.companion_follows(end);
        let names_a_document = names_a_document(context.lines[end - 1].text);
        let stands_out = self.stands_out(i, end);
        // Saved one paragraph per line: a headline, a line of some length with no
        // punctuation at all, where paragraphs end their sentences.
        let bare_headline = end == i + 1
            && context.measures[i].is_none()
            && first.text.chars().count() >= MIN_HEADLINE_CHARS
            && !first.text.contains(['，', '、', '：', ',', ':'])
            && context
                .lines
                .get(end)
                .is_some_and(|n| scan::ends_sentence(n.text));
        // Inside a document a new one needs evidence of a document: what stands
        // under a title, a name of a kind of document, or two signs of a title.
        let signs = [bare_headline, page_start, wrapped_short, stands_out];
        let signs = signs.iter().filter(|&&sign| sign).count();
        follows_opening || companion_follows || names_a_document || signs >= 3
    }

    /// The next label after line `end` carries on a numbering run already open
    /// (第十三条 after 第十二条): the document goes on, and what stands before the
    /// label is a line of it, not a new document's title.
    fn run_goes_on_after(&self, end: usize) -> bool {
        let context = self.context;
        let next_label = context.labelled[context.labelled.partition_point(|&j| j < end)..]
            .first()
            .and_then(|&j| context.labels[j].as_deref());
        next_label.is_some_and(|label| {
            let last = self.last_number[label.kind as usize];
            label.kind.is_enumerated()
                && label.number.zip(last).is_some_and(|(n, (m, _))| n == m + 1)
        })
    }

    /// What came before opens a document: the file's start, a part, an attachment
    /// label, a notice's closing date or note.
    fn follows_opening(&self) -> bool {
        matches!(
            self.before,
            Before::Start | Before::Part | Before::Attachment | Before::Paragraph { note: true }
        )
    }

    /// Line `end` is a subtitle, document number, contents title, byline or the
    /// dateline of a news report.
    fn companion_follows(&self, end: usize) -> bool {
        let lines = &self.context.lines;
        // A name on its own line, not a word cut out of a sentence (`法律` / `、`).
        let byline = |n: &Line| {
            is_byline(n.text)
                && !lines
                    .get(end + 1)
                    .is_some_and(|after| super::unwrapped::is_piece_of_a_sentence(after.text))
        };
        lines.get(end).is_some_and(|n| {
            is_title_companion(n.text) || byline(n) || scan::opens_with_news_dateline(n.text)
        })
    }

    /// Lines `i..end`, unindented, stand above an indented paragraph: in text that
    /// indents its paragraphs, a title.
    fn stands_out(&self, i: usize, end: usize) -> bool {
        let lines = &self.context.lines;
        !lines[i].indented()
            && lines
                .get(end)
                .is_some_and(super::super::source::Line::indented)
            && title_chars(&lines[i..end]) >= MIN_STANDING_OUT_CHARS
    }

    /// A title at the top of the file followed (past its subtitle or date, and past
    /// a contents page) by a part or another title names the whole file, not its
    /// first document; unless that other title only repeats part of it (a web
    /// page's `2023年…政府工作报告` above the report's own `政府工作报告`): then the
    /// file holds one document, and this is its title.
    fn is_file_title(&self, end: usize, key: &str) -> bool {
        let context = self.context;
        let mut next = end;
        while next < context.len() {
            let text = context.lines[next].text;
            let companion = is_under_title(text) && !scan::is_contents_title(text);
            // A dated record wrapped onto the next line, or a piece of one (its
            // brackets left open or closed elsewhere).
            let record_goes_on = next > end && record_goes_on(context.lines[next - 1].text);
            if !(companion || record_goes_on || open_marks(text) != 0) {
                break;
            }
            next += 1;
        }
        if next < context.len() && scan::is_contents_title(context.lines[next].text) {
            next = self.entries_end(next + 1, true);
        }
        if next >= context.len() {
            return false;
        }
        let part_follows = context.labels[next]
            .as_ref()
            .is_some_and(|l| l.kind == HeadingKind::Part);
        let other_title = self.title_block(next).is_some_and(|title_end| {
            let repeated: String = context.lines[next..title_end]
                .iter()
                .map(|l| words_of(l.text))
                .collect();
            !words_of(key).contains(&repeated)
        });
        part_follows || other_title
    }
}

fn title_chars(lines: &[Line]) -> usize {
    lines.iter().map(|l| l.text.chars().count()).sum()
}
