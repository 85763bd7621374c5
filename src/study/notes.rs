//! Bookmarks and notes out of the reader: grouped by document and chapter, each
//! with its note, date, the passage it marks and where that is, as Markdown ready
//! to share or as JSON; and the citation of a section (`——《纲要》第五篇第十五章`)
//! that `y` copies with a paragraph.

use std::fmt::Write as _;

use serde::Serialize;

use crate::document::{Document, HeadingId, HeadingKind};
use crate::layout::safe::visible;
use crate::parse::source::is_ideograph;
use crate::study::anchor::Found;
use crate::study::stats::chapter_of;
use crate::study::store::record::Record;
use crate::study::when::date;

/// Columns a step without a label gets in a chapter's breadcrumb.
const CRUMB_TITLE: usize = 16;
/// Characters of the marked passage quoted.
const QUOTE_CHARS: usize = 60;

/// One exported bookmark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// The document it is in (the file's name when the file holds one).
    pub document: String,
    /// Its chapter, as a breadcrumb; empty when its text is no longer found.
    pub chapter: String,
    /// Its section's headings from the top of the outline.
    pub breadcrumb: Vec<String>,
    pub note: String,
    /// The marked passage, a few dozen characters from the mark on.
    pub passage: String,
    pub citation: String,
    /// `YYYY-MM-DD`, in the reader's time zone.
    pub date: String,
    /// Whether its text was found in the document as it is now.
    pub placed: bool,
}

/// The bookmarks of `record` in document order (those no longer found last).
pub fn notes(record: &Record, document: &Document, file_name: &str) -> Vec<Note> {
    let mut found: Vec<(Option<(usize, usize)>, Note)> = record
        .bookmarks
        .iter()
        .map(|bookmark| {
            let place = match bookmark.anchor.find(document) {
                Found::Exact(p) | Found::Moved(p) => Some(p),
                Found::Section(_) | Found::Unplaced => None,
            };
            let section = place.and_then(|p| document.paragraphs[p.paragraph].heading);
            let passage = match place {
                Some(p) => document.paragraphs[p.paragraph]
                    .text
                    .chars()
                    .skip(p.offset)
                    .take(QUOTE_CHARS)
                    .collect(),
                None => bookmark.anchor.snippet.clone(),
            };
            // Every field is made safe here, for Markdown and JSON alike.
            let note = Note {
                document: visible(&section.map_or_else(
                    || file_name.to_string(),
                    |id| document_title(document, id, file_name),
                )),
                chapter: visible(&section.map_or_else(String::new, |id| {
                    chapter_title(document, chapter_of(document, id))
                })),
                breadcrumb: bookmark.anchor.path.iter().map(|s| visible(s)).collect(),
                note: visible(&bookmark.note),
                passage: visible(&passage.replace('\n', " ")),
                citation: visible(
                    &section.map_or_else(String::new, |id| citation(document, id, file_name)),
                ),
                date: date(bookmark.created),
                placed: place.is_some(),
            };
            (place.map(|p| (p.paragraph, p.offset)), note)
        })
        .collect();
    found.sort_by_key(|(place, _)| place.unwrap_or((usize::MAX, usize::MAX)));
    found.into_iter().map(|(_, note)| note).collect()
}

/// The notes as Markdown: a heading per document and per chapter, a list item per
/// bookmark with its note, date, passage and citation.
pub fn markdown(notes: &[Note], file_name: &str) -> String {
    let mut out = format!("# 《{}》学习笔记\n", visible(file_name));
    if notes.is_empty() {
        out.push_str("\n还没有书签：在阅读器中给所读之处加上书签和笔记后再来。\n");
        return out;
    }
    let mut document = None;
    let mut chapter = None;
    for note in notes {
        if !note.placed && chapter != Some("") {
            out.push_str("\n## 原文中已找不到的书签\n");
            document = Some("");
            chapter = Some("");
        } else if note.placed {
            if document != Some(note.document.as_str()) {
                let _ = writeln!(out, "\n## {}", note.document);
                document = Some(&note.document);
                chapter = None;
            }
            if chapter != Some(note.chapter.as_str()) {
                let _ = write!(out, "\n### {}\n\n", note.chapter);
                chapter = Some(&note.chapter);
            }
        }
        let text = if note.note.is_empty() {
            "（无笔记）".to_string()
        } else {
            format!("**{}**", note.note)
        };
        let _ = writeln!(out, "- {text}（{}）\n  > {}……", note.date, note.passage);
        if !note.citation.is_empty() {
            let _ = writeln!(out, "  {}", note.citation);
        }
    }
    out
}

/// `——《title》第五篇第十五章第一节`: the document the section is in, then the
/// labels of the headings from below the document down to the section.
pub fn citation(document: &Document, section: HeadingId, file_name: &str) -> String {
    let outline = &document.outline;
    let mut chain = outline.ancestors(section);
    chain.push(section);
    let below = chain
        .iter()
        .rposition(|&h| is_document(outline.get(h).kind))
        .map_or(0, |at| at + 1);
    let labels: String = chain[below..]
        .iter()
        .map(|&h| {
            outline
                .get(h)
                .label
                .trim_end_matches(['、', '.', '．'])
                .to_string()
        })
        .collect();
    format!(
        "——《{}》{}",
        without_number_spaces(&document_title(document, section, file_name)),
        visible(&without_number_spaces(&labels))
    )
}

/// `text` without the spaces a PDF's text layer leaves between a number and the
/// character it goes with (`2023 年`, `第 3 章`); other spaces are kept.
fn without_number_spaces(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let number_and_ideograph = |a: char, b: char| {
        a.is_ascii_digit() && is_ideograph(b) || is_ideograph(a) && b.is_ascii_digit()
    };
    chars
        .iter()
        .enumerate()
        .filter(|&(at, &c)| {
            let around = at
                .checked_sub(1)
                .and_then(|b| chars.get(b))
                .zip(chars.get(at + 1));
            !(c == ' ' && around.is_some_and(|(&b, &a)| number_and_ideograph(b, a)))
        })
        .map(|(_, &c)| c)
        .collect()
}

/// A chapter under its document's heading: the labels of the headings between
/// them, then its own label and title.
fn chapter_title(document: &Document, chapter: HeadingId) -> String {
    let outline = &document.outline;
    let chain = outline.ancestors(chapter);
    let below = chain
        .iter()
        .rposition(|&h| is_document(outline.get(h).kind))
        .map_or(0, |at| at + 1);
    crate::layout::named_under(outline, &chain[below..], chapter, CRUMB_TITLE)
}

/// The title of the document a section is in, or the file's name.
fn document_title(document: &Document, section: HeadingId, file_name: &str) -> String {
    let outline = &document.outline;
    let mut chain = outline.ancestors(section);
    chain.push(section);
    chain
        .iter()
        .rev()
        .map(|&h| outline.get(h))
        .find(|h| is_document(h.kind) && !h.title.is_empty())
        .map_or_else(|| file_name.to_string(), |h| h.title.clone())
}

fn is_document(kind: HeadingKind) -> bool {
    matches!(kind, HeadingKind::Doc | HeadingKind::File)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::anchor::Anchor;
    use crate::study::store::record::Bookmark;

    const TEXT: &str = "关于印发某市规划的通知\n\n\u{3000}\u{3000}现将规划印发给你们。\n\n某市“十四五”规划纲要\n\n第一篇 总体要求\n\n第一章 发展基础\n\n第一节 主要成就\n\n\u{3000}\u{3000}经济实力显著增强。\n";

    fn bookmark(document: &Document, paragraph: usize, note: &str) -> Bookmark {
        Bookmark {
            id: note.to_string(),
            anchor: Anchor::at(document, paragraph, 0),
            note: note.to_string(),
            created: 1_800_000_000,
            modified: 1_800_000_000,
        }
    }

    #[test]
    fn a_citation_names_the_document_and_the_labels_below_it() {
        let document = crate::build(TEXT);
        let last = document.paragraphs.len() - 1;
        let section = document.paragraphs[last].heading.expect("a section");
        assert_eq!(
            citation(&document, section, "plan.txt"),
            "——《某市“十四五”规划纲要》第一篇第一章第一节"
        );
    }

    #[test]
    fn a_citation_leaves_out_the_spaces_a_pdf_puts_around_numbers() {
        let text = "2023 年周口市国民经济和社会发展统计公报\n\n一、综合\n\n\u{3000}\u{3000}全市生产总值增长 5 %。\n";
        let document = crate::build(text);
        let last = document.paragraphs.len() - 1;
        let section = document.paragraphs[last].heading.expect("a section");
        assert_eq!(
            citation(&document, section, "zhoukou.pdf"),
            "——《2023年周口市国民经济和社会发展统计公报》一"
        );
        assert_eq!(without_number_spaces("第 3 章 A B"), "第3章 A B");
    }

    #[test]
    fn markdown_groups_notes_by_document_and_chapter() {
        let document = crate::build(TEXT);
        let last = document.paragraphs.len() - 1;
        let mut record = Record::new("doc");
        record.bookmarks.push(bookmark(&document, last, "考点"));
        let mut gone = bookmark(&document, last, "旧的");
        gone.anchor.path = vec!["不存在".into()];
        gone.anchor.snippet = "不存在的文字".into();
        record.bookmarks.insert(0, gone);
        let notes = notes(&record, &document, "plan.txt");
        assert_eq!(notes.len(), 2);
        assert!(notes[0].placed && !notes[1].placed, "found ones first");
        let text = markdown(&notes, "plan.txt");
        assert!(text.starts_with("# 《plan.txt》学习笔记\n"), "{text}");
        assert!(text.contains("\n## 某市“十四五”规划纲要\n"), "{text}");
        assert!(text.contains("\n### 第一篇 › 第一章 发展基础\n"), "{text}");
        assert!(text.contains("- **考点**（2027-01-15）\n  > 经济实力显著增强。……\n  ——《某市“十四五”规划纲要》第一篇第一章第一节\n"), "{text}");
        assert!(text.contains("\n## 原文中已找不到的书签\n"), "{text}");
    }

    #[test]
    fn no_exported_field_holds_a_raw_control_character() {
        let hostile = TEXT
            .replace("某市“十四五”规划纲要", "某市\u{1b}]0;x\u{7}规划纲要")
            .replace("经济实力", "经济\u{9b}2J实力");
        let document = crate::build(&hostile);
        let last = document.paragraphs.len() - 1;
        let mut record = Record::new("doc");
        record
            .bookmarks
            .push(bookmark(&document, last, "考点\u{1b}[201~\u{202e}"));
        let notes = notes(&record, &document, "plan\u{7}.txt");
        let json = serde_json::to_string(&notes).expect("JSON");
        let raw = |c: char| c.is_control() || ('\u{202A}'..='\u{202E}').contains(&c);
        assert!(
            !json.contains("\\u001b") && !json.chars().any(raw),
            "{json}"
        );
        let text = markdown(&notes, "plan\u{7}.txt");
        assert!(!text.chars().any(|c| raw(c) && c != '\n'), "{text}");
    }
}
