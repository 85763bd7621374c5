//! Tables of contents: a `目录` title and the entries under it, or a run of heading
//! lines with no text between them whose entries recur later as headings (a
//! contents page that lost its title). Each is one `toc` leaf in the outline and one
//! contents paragraph.

use std::collections::HashSet;

use super::{Before, Builder};
use crate::document::{HeadingKind, ParagraphKind};
use crate::parse::scan::{self, Label};

/// Fewest entries that make an untitled run of headings a table of contents.
const MIN_UNTITLED_ENTRIES: usize = 4;

impl Builder<'_, '_> {
    /// If a table of contents starts at line `i`, emits it and returns its end.
    pub(super) fn contents_at(&mut self, i: usize) -> Option<usize> {
        let context = self.context;
        let line = &context.lines[i];
        let titled = scan::is_contents_title(line.text);
        if !titled && !self.untitled_contents_start(i) {
            return None;
        }
        if !titled && !self.at_paragraph_start(i) {
            return None;
        }
        let first_entry = if titled { i + 1 } else { i };
        let end = self.entries_end(first_entry, titled);
        if !titled && (end - i < MIN_UNTITLED_ENTRIES || !self.entries_recur(i..end)) {
            return None;
        }
        self.close_paragraph(i);
        self.unfinished = None;
        self.open_box = None;
        let parent_section = self.section;
        if titled {
            let title = line.text.to_string();
            self.push_heading(
                HeadingKind::Toc,
                String::new(),
                title,
                i..i + 1,
                ParagraphKind::Heading,
            );
            if end > first_entry {
                self.new_draft(ParagraphKind::Contents, first_entry..end);
            }
        } else {
            // An untitled contents page has no heading text of its own.
            self.push_heading(
                HeadingKind::Toc,
                String::new(),
                String::new(),
                i..end,
                ParagraphKind::Contents,
            );
        }
        // Text after the contents belongs to the document, not to the contents.
        self.section = parent_section;
        self.before = Before::Heading;
        Some(end)
    }

    /// A run of heading lines in which two of the same kind stand next to each
    /// other: sections never come empty in a body, so this is a contents page.
    fn untitled_contents_start(&self, i: usize) -> bool {
        let entry = |j: usize| self.entry_kind(j);
        let Some(first) = entry(i) else {
            return false;
        };
        let mut prev = first;
        for j in i + 1..(i + 5).min(self.context.len()) {
            let Some(kind) = entry(j) else {
                return false;
            };
            if kind == prev {
                return true;
            }
            prev = kind;
        }
        false
    }

    /// Most of an untitled run's entries appear again as headings after it: it lists
    /// the body (a run of empty headings that recur nowhere is a plain list).
    fn entries_recur(&mut self, entries: std::ops::Range<usize>) -> bool {
        let context = self.context;
        let last_seen = self.last_heading_lines.get_or_insert_with(|| {
            let mut last = std::collections::HashMap::new();
            for (j, label) in context.labels.iter().enumerate() {
                if let Some(label) = label {
                    last.insert(entry_key(context.lines[j].text, Some(label)), j);
                }
            }
            last
        });
        let end = entries.end;
        let count = entries.len();
        let recurring = entries
            .filter(|&j| {
                let key = entry_key(context.lines[j].text, context.labels[j].as_deref());
                last_seen.get(&key).is_some_and(|&last| last >= end)
            })
            .count();
        recurring * 2 >= count
    }

    /// The kind of a heading line that could be a contents entry: a structural or
    /// chapter-level label with a title alone on its line, not a clause of a list
    /// (`（一）赔偿请求人具备法律规定的主体资格；`).
    fn entry_kind(&self, j: usize) -> Option<HeadingKind> {
        let label = self.context.labels[j].as_ref()?;
        let rest = &self.context.lines[j].text[label.rest..];
        let title_alone = !rest.contains('。') && !scan::ends_with_punctuation(rest);
        (is_entry_kind(label.kind) && title_alone).then_some(label.kind)
    }

    /// End (exclusive) of the entries starting at `first`: heading lines, lines with
    /// leaders or page numbers, and under a `目录` title also plain titles (a
    /// packet's list of documents). It stops at the first entry that repeats an
    /// earlier one (the body beginning) and, where blank lines mean something, at a
    /// blank line.
    pub(super) fn entries_end(&self, first: usize, titled: bool) -> usize {
        let context = self.context;
        let mut seen = HashSet::new();
        let mut plain_titles = titled;
        let mut j = first;
        while j < context.len() {
            let line = &context.lines[j];
            if j > first && !context.double_spaced && line.blanks_before() > 0 {
                break;
            }
            let label = context.labels[j].as_deref();
            let entry = match label {
                Some(label) => label.kind != HeadingKind::Box,
                None => {
                    scan::has_leader_or_page(line.text)
                        || (plain_titles
                            && !scan::ends_with_punctuation(line.text)
                            && !line.text.contains('。'))
                }
            };
            if !entry || !seen.insert(entry_key(line.text, label)) {
                break;
            }
            plain_titles &= label.is_none();
            j += 1;
        }
        j
    }
}

fn is_entry_kind(kind: HeadingKind) -> bool {
    matches!(
        kind,
        HeadingKind::Part
            | HeadingKind::Pian
            | HeadingKind::Zhang
            | HeadingKind::Jie
            | HeadingKind::H1
            | HeadingKind::H2
    )
}

/// An entry without its label, leaders, page number and spaces, to spot repeats.
fn entry_key(text: &str, label: Option<&Label>) -> String {
    let text = label.map_or(text, |l| &text[l.rest..]);
    let without_page = text
        .trim_end()
        .trim_end_matches(['）', ')'])
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end_matches(['（', '(']);
    without_page
        .chars()
        .filter(|&c| !crate::parse::source::is_space(c) && !matches!(c, '…' | '·' | '.' | '．'))
        .collect()
}
