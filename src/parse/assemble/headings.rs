//! Labelled headings: whether a label starts one, its title (joined across lines,
//! or the lead sentence of a run-in article), and what a heading opens or closes.

use super::draft;
use super::tree::HeadingDraft;
use super::{Before, Builder, OpenBox};
use crate::document::{HeadingId, HeadingKind, ParagraphKind};
use crate::parse::scan::{self, Label};
use crate::parse::source::is_space;

/// A paragraph longer than this under `附件1：…` is the attachment's text, not
/// the signature under a notice that names it.
const ATTACHMENT_TEXT_CHARS: usize = 20;

/// Longest title a box or attachment label line may carry.
const MAX_LABEL_LINE_TITLE: usize = 40;

impl Builder<'_, '_> {
    /// Whether the label at the start of line `i` starts a heading here.
    pub(super) fn accepts_heading(&self, i: usize, label: &Label) -> bool {
        let line = &self.context.lines[i];
        let starts = self.heading_may_start(i);
        let rest = label.rest(line.text);
        let fits = match label.kind {
            HeadingKind::Box => rest.chars().count() <= MAX_LABEL_LINE_TITLE,
            HeadingKind::Doc => {
                // `附件：实施方案` inside a notice names its attachment; the
                // attachment itself starts with the label alone, or after the
                // notice has closed with its date.
                let mention = line.text[..label.rest].contains([':', '：'])
                    && self.before != Before::Paragraph { note: true }
                    && !self.attachment_begins(i, label);
                starts
                    && !mention
                    && rest.chars().count() <= MAX_LABEL_LINE_TITLE
                    && !scan::ends_with_punctuation(rest)
            }
            HeadingKind::Part | HeadingKind::Pian | HeadingKind::Zhang | HeadingKind::Jie => {
                !rest.trim_end_matches('。').contains('。') && (starts || self.stands_as_title(i))
            }
            _ => starts && self.in_sequence(i, label),
        };
        fits && !self.inside_article(label)
            && self.open_box.is_none_or(|b| self.closes_box(i, label, &b))
    }

    /// Under an article (第X条) of a law or regulation nothing finer is a heading:
    /// its （一）（二）… are clauses (项) of the article.
    fn inside_article(&self, label: &Label) -> bool {
        label.kind > HeadingKind::Tiao && self.ancestors.innermost() == Some(HeadingKind::Tiao)
    }

    /// `附件1：操作规程` followed by its text, not by the next attachment's name,
    /// or `附件：` with its title on the next line: the attachment itself, where a
    /// notice's list of attachments names them one after another.
    fn attachment_begins(&self, i: usize, label: &Label) -> bool {
        let context = self.context;
        if label.rest(context.lines[i].text).is_empty() {
            return self.attachment_title_below(i);
        }
        let (Some(next), Some(next_label)) = (context.lines.get(i + 1), context.labels.get(i + 1))
        else {
            return false;
        };
        // Its text: a heading of its own, or a paragraph longer than the
        // signature under a notice.
        let text_follows = match next_label.as_deref() {
            Some(next_label) => {
                next_label.kind != HeadingKind::Doc && next_label.kind.is_enumerated()
            }
            None => next.text.chars().count() > ATTACHMENT_TEXT_CHARS,
        };
        label.number.is_some() && text_follows
    }

    /// A short line with no closing punctuation that the next line does not continue:
    /// a `第X章` title even where the line before seemed to run on into it.
    fn stands_as_title(&self, i: usize) -> bool {
        let context = self.context;
        let short = context.shortfall(i).is_none_or(|s| s > 8);
        let runs_on = i + 1 < context.len()
            && context.labels[i + 1].is_none()
            && context.continues(i, i + 1, true);
        short && !scan::ends_with_punctuation(context.lines[i].text) && !runs_on
    }

    /// A heading can start at a paragraph start, or after a sentence that ended at
    /// the very end of a full line (the label shows the paragraph ended there).
    fn heading_may_start(&self, i: usize) -> bool {
        self.at_paragraph_start(i) || self.after_full_sentence(i)
    }

    /// The open paragraph's last line ended a sentence: a paragraph may end there
    /// even at full width, if what follows shows it.
    pub(super) fn after_full_sentence(&self, i: usize) -> bool {
        self.open.is_some_and(|open| {
            let last = self.drafts[open].last_line();
            last + 1 == i && scan::ends_sentence(self.context.lines[last].text)
        })
    }

    /// Inside a box only a heading as coarse as the box's parent (or another box)
    /// counts; an enumerated one must also be a title alone on its line, unlike the
    /// box's own numbered items, which run on into text.
    fn closes_box(&self, i: usize, label: &Label, open_box: &OpenBox) -> bool {
        if label.kind == HeadingKind::Box {
            return true;
        }
        if open_box.parent_kind.is_some_and(|p| label.kind > p) {
            return false;
        }
        if !label.kind.is_enumerated() {
            return true;
        }
        // Saved one paragraph a line, a section's next heading runs on into its
        // text on one line: it closes the box if it carries on the numbering.
        let unwrapped = self.context.measures[i].is_none();
        if unwrapped && label.number != Some(1) && self.in_sequence(i, label) {
            return true;
        }
        let line = &self.context.lines[i];
        let title_only = !line.text.contains('。');
        let runs_on = i + 1 < self.context.len()
            && self.context.labels[i + 1].is_none()
            && self.context.continues(i, i + 1, true);
        title_only && !runs_on
    }

    /// Emits the heading at line `i` (and a second one on the same line);
    /// returns the first line after it.
    pub(super) fn heading(&mut self, i: usize, label: &Label) -> usize {
        let interrupted = self.open.is_some() && !self.at_paragraph_start(i);
        self.close_paragraph(i);
        // A paragraph cut off by a box goes on after it; none goes on across a
        // chapter or an article, which never stand inside a box.
        if label.kind != HeadingKind::Box && (!interrupted || label.kind <= HeadingKind::Tiao) {
            self.unfinished = None;
        }
        if let Some(title) = self.lead_sentence(i, label) {
            return self.run_in_heading(i, label, title);
        }
        let lines = &self.context.lines;
        let text = lines[i].text;
        let end = if label.then.is_some() {
            i + 1
        } else {
            self.title_end(i, label.kind)
        };
        let mut title = label.rest(text).to_string();
        for line in &lines[i + 1..end] {
            draft::append(&mut title, line.text);
        }
        let attachment_title = label.kind == HeadingKind::Doc && end > i + 1;
        let own_lines = if attachment_title { i..i + 1 } else { i..end };
        let paragraph = self.push_heading(
            label.kind,
            label.text.clone(),
            title,
            own_lines,
            ParagraphKind::Heading,
        );
        self.after_heading(i, label);
        if attachment_title {
            // The label and the title below it stay two lines; what follows is
            // under the title.
            self.new_draft(ParagraphKind::Heading, i + 1..end);
            self.before = Before::Title;
        }
        if label.start > 0 || label.then.is_some() {
            let own = &text[label.start..label.then.unwrap_or(text.len())];
            self.drafts[paragraph].keep_only(own.trim_end_matches(is_space));
        }
        if label.then.is_some() {
            return self.second_heading(i, label);
        }
        end
    }

    /// A run-in article: its paragraph is body text that opens with the label
    /// and the lead sentence, which is the title.
    fn run_in_heading(&mut self, i: usize, label: &Label, title: String) -> usize {
        let paragraph = self.push_heading(
            label.kind,
            label.text.clone(),
            title,
            i..i + 1,
            ParagraphKind::Body,
        );
        if label.start > 0 {
            self.drafts[paragraph].keep_only(&self.context.lines[i].text[label.start..]);
        }
        self.after_heading(i, label);
        self.open = Some(paragraph);
        self.before = Before::Paragraph { note: false };
        i + 1
    }

    /// The rest of line `i` after its first heading: a second heading, or the
    /// first line of a paragraph.
    fn second_heading(&mut self, i: usize, first: &Label) -> usize {
        let text = self.context.lines[i].text;
        if let Some(second) = first.second(text)
            && self.accepts_heading(i, &second)
        {
            return self.heading(i, &second);
        }
        let paragraph = self.new_draft(ParagraphKind::Body, i..i + 1);
        let start = first.then.unwrap_or(0);
        self.drafts[paragraph].keep_only(&text[start..]);
        self.open = Some(paragraph);
        self.before = Before::Paragraph { note: false };
        i + 1
    }

    /// The lead sentence of a numbered article whose label line runs on into text:
    /// up to the first `。`, on the label line or on the lines it is wrapped into.
    fn lead_sentence(&self, i: usize, label: &Label) -> Option<String> {
        if !label.kind.is_enumerated() {
            return None;
        }
        let context = self.context;
        let mut text = context.lines[i].text[label.rest..].to_string();
        let mut last = i;
        loop {
            if let Some(stop) = text.find('。') {
                // `（一）指导思想。` alone on its line is a plain heading; an
                // article of one sentence is still the law's text.
                let alone = last == i
                    && label.kind != HeadingKind::Tiao
                    && stop + '。'.len_utf8() == text.len()
                    && !(i + 1 < context.len() && context.continues(i, i + 1, true));
                if alone {
                    return None;
                }
                text.truncate(stop);
                return Some(text);
            }
            let wrapped = last + 1 < context.len()
                && last - i < 3
                && context.labels[last + 1].is_none()
                && context.continues(last, last + 1, last == i);
            if !wrapped {
                // An article that opens a list: its lead ends on the colon,
                // kept, where the list's first item starts.
                let opens_a_list = text.ends_with(['：', ':'])
                    && context.labels.get(last + 1).is_some_and(Option::is_some);
                // Run on over lines without a full stop (longer than the
                // lines looked at, or cut short), it is run in all the same.
                return (opens_a_list || last > i).then_some(text);
            }
            last += 1;
            draft::append(&mut text, context.lines[last].text);
        }
    }

    /// Adds a heading whose paragraph (of `paragraph_kind`) holds content lines
    /// `lines`, the first of which carries the label; returns the paragraph's index.
    pub(super) fn push_heading(
        &mut self,
        kind: HeadingKind,
        label: String,
        mut title: String,
        lines: std::ops::Range<usize>,
        paragraph_kind: ParagraphKind,
    ) -> usize {
        let id = HeadingId(self.headings.len() as u32);
        title.truncate(title.trim_end_matches('。').len());
        let title = draft::fold_letter_spacing(&title);
        let line = lines.start;
        self.section = Some(id);
        let paragraph = self.new_draft(paragraph_kind, lines);
        self.ancestors.push(id, kind);
        // A box's title belongs to the box; no other heading is inside one.
        self.drafts[paragraph].in_box = kind == HeadingKind::Box;
        self.headings.push(HeadingDraft {
            kind,
            label,
            title,
            line: self.context.lines[line].number,
            paragraph,
        });
        paragraph
    }

    /// What the heading on line `i` opens and closes: boxes, numbering, the
    /// current document.
    fn after_heading(&mut self, i: usize, label: &Label) {
        let kind = label.kind;
        if matches!(kind, HeadingKind::Part | HeadingKind::Doc) {
            self.start_document(kind);
        }
        if let Some(n) = label.number.filter(|_| kind.is_enumerated()) {
            self.last_number[kind as usize] = Some((n, i));
        }
        self.open_box = None;
        if kind == HeadingKind::Box {
            let parent = self.ancestors.parent_of(kind);
            self.open_box = Some(OpenBox {
                parent_kind: parent.map(|p| self.headings[p.0 as usize].kind),
                parent,
                measure: None,
                outer: self.body_measure,
            });
        }
        self.before = match kind {
            HeadingKind::Part => Before::Part,
            HeadingKind::Doc => Before::Attachment,
            _ => Before::Heading,
        };
    }

    /// A new part or document: numbering starts afresh.
    pub(super) fn start_document(&mut self, kind: HeadingKind) {
        self.last_number = [None; HeadingKind::COUNT];
        self.open_box = None;
        if kind == HeadingKind::Part {
            self.doc_title = None;
        }
    }

    /// End (exclusive) of a title that starts on line `i` and may go on over the
    /// next lines: short lines with no punctuation, each standing alone (the line
    /// after is not their continuation).
    fn title_end(&self, i: usize, kind: HeadingKind) -> usize {
        let context = self.context;
        if kind == HeadingKind::Box {
            return i + 1 + usize::from(self.box_title_below(i));
        }
        if kind == HeadingKind::Doc {
            return i + 1 + usize::from(self.attachment_title_below(i));
        }
        let mut end = i + 1;
        while end < context.len() && end - i <= 2 && self.title_goes_on(end - 1, end) {
            end += 1;
        }
        end
    }

    /// An attachment label alone on its line (`附件`, `附件2`) with its title on
    /// the next: a line that can be a title, not a table's row (an attachment
    /// may be a table under its title).
    fn attachment_title_below(&self, i: usize) -> bool {
        let context = self.context;
        let next = i + 1;
        let alone = context.labels[i]
            .as_deref()
            .is_some_and(|label| label.rest(context.lines[i].text).is_empty());
        alone
            && next < context.len()
            && context.labels[next].is_none()
            && super::title::is_title_line(context.lines[next].text)
            && !context.is_table_row(next)
    }

    /// A box label alone on its line (`专栏 3`) with its title on the next line: a
    /// short line, no punctuation, no spaces between cells, not a table's header.
    fn box_title_below(&self, i: usize) -> bool {
        let context = self.context;
        let Some(label) = context.labels[i].as_deref() else {
            return false;
        };
        let next = i + 1;
        if !context.lines[i].text[label.rest..].is_empty() || next >= context.len() {
            return false;
        }
        let text = context.lines[next].text;
        context.labels[next].is_none()
            && text.chars().count() <= MAX_LABEL_LINE_TITLE
            && !scan::ends_with_punctuation(text)
            && !text.contains(['。', '，', '；', '：'])
            && !text.contains(crate::parse::source::is_space)
            && super::table::region_at(context, next).is_none()
            && super::table::region_at(context, next + 1).is_none()
    }

    fn title_goes_on(&self, prev: usize, next: usize) -> bool {
        let context = self.context;
        let (p, q) = (&context.lines[prev], &context.lines[next]);
        // Saved one paragraph a line: a title goes on where it broke off
        // (`三、关于《` / `…纲要（草案）` / `》的说明`).
        if context.measures[prev].is_none() && context.carries_on(p.text, next) {
            return true;
        }
        let short = match context.measures[next] {
            Some(measure) => q.width + 8 < measure,
            None => q.text.chars().count() < 30,
        };
        // After a colon comes what it introduces, not more of the title.
        !scan::ends_sentence(p.text)
            && !p.text.ends_with(['：', ':'])
            && q.width <= p.width + 2
            && context.labels[next].is_none()
            && short
            && !q.indented()
            && !q.text.contains(['。', '；', '！', '？'])
            && !scan::ends_with_punctuation(q.text)
            && !scan::is_contents_title(q.text)
            && !context.is_table_row(next)
            && !scan::is_bracketed_note(q.text)
            && !scan::is_dateline(q.text)
            && !scan::has_leader_or_page(q.text)
            && !(next + 1 < context.len() && context.continues(next, next + 1, true))
    }
}
