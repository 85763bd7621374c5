//! Study statistics of one document from its record: each session (when, how
//! long, how much active reading, sections finished) and the reading time per
//! chapter, as lines of text for `gangmu stats` and the reader's `S` popup.
//! Times are shown in the reader's own time zone.

use std::collections::HashMap;

use crate::document::{Document, HeadingId, HeadingKind};
use crate::study::anchor::find_section;
use crate::study::progress::Progress;
use crate::study::store::record::{Record, Timestamp};
use crate::study::when::{date_time, duration};

/// Columns of a duration column, the gap after it included.
const COLUMN: usize = 14;
/// Columns a step of a chapter's breadcrumb gets.
const STEP: usize = 16;

/// The statistics of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    pub sessions: Vec<SessionLine>,
    /// Reading time per chapter, the longest first, equal times in the order
    /// of the document; chapters read for less than a second left out.
    pub chapters: Vec<(String, u64)>,
    /// Percent of the document read.
    pub read_percent: u8,
}

/// One session as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionLine {
    pub start: Timestamp,
    /// From start to end, in seconds.
    pub length: u64,
    /// Reading time, pauses left out, in seconds.
    pub active: u64,
    pub finished: usize,
}

impl Stats {
    pub fn of(record: &Record, document: &Document) -> Self {
        let sessions = record
            .sessions
            .iter()
            .map(|s| SessionLine {
                start: s.start,
                length: s.end.saturating_sub(s.start),
                active: s.sections.iter().map(|t| t.millis).sum::<u64>() / 1000,
                finished: s.finished.len(),
            })
            .collect();
        // Milliseconds per chapter, each known by its place in the document
        // (sections no longer found come after those found), then seconds.
        let mut per_chapter: HashMap<(usize, String), u64> = HashMap::new();
        for time in record.sessions.iter().flat_map(|s| &s.sections) {
            let chapter = match find_section(document, &time.path) {
                Some(id) => {
                    let chapter = chapter_of(document, id);
                    (chapter.0 as usize, chapter_name(document, chapter))
                }
                None => (usize::MAX, time.path.join(" › ")),
            };
            *per_chapter.entry(chapter).or_default() += time.millis;
        }
        let mut chapters: Vec<((usize, String), u64)> = per_chapter
            .into_iter()
            .map(|(chapter, millis)| (chapter, millis / 1000))
            // A section a jump passed over was not read.
            .filter(|&(_, seconds)| seconds > 0)
            .collect();
        // The longest first; equal times in the order of the document.
        chapters.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let chapters = chapters
            .into_iter()
            .map(|((_, name), seconds)| (name, seconds))
            .collect();
        Self {
            sessions,
            chapters,
            read_percent: Progress::marked(document, &record.read).document_percent(),
        }
    }

    /// The statistics as lines of text.
    pub fn lines(&self) -> Vec<String> {
        if self.sessions.is_empty() {
            return vec!["还没有学习记录：用 gangmu 阅读这份文件后再来看。".to_string()];
        }
        let total: u64 = self.sessions.iter().map(|s| s.active).sum();
        let mut lines = vec![
            format!(
                "学习 {} 次，阅读共 {}，已读 {}%",
                self.sessions.len(),
                duration(total),
                self.read_percent
            ),
            String::new(),
            format!(
                "{}{}{}读完",
                pad("日期", 18),
                pad("时长", COLUMN),
                pad("阅读", COLUMN)
            ),
        ];
        for session in &self.sessions {
            lines.push(format!(
                "{}  {}{}{}",
                date_time(session.start),
                pad(&duration(session.length), COLUMN),
                pad(&duration(session.active), COLUMN),
                session.finished
            ));
        }
        if !self.chapters.is_empty() {
            lines.push(String::new());
            lines.push("按章统计".to_string());
            for (chapter, seconds) in &self.chapters {
                lines.push(format!("{}{chapter}", pad(&duration(*seconds), COLUMN)));
            }
        }
        lines
    }
}

/// `text` followed by spaces up to `columns` terminal columns.
fn pad(text: &str, columns: usize) -> String {
    let width = crate::layout::wrap::display_width(text);
    format!("{text}{}", " ".repeat(columns.saturating_sub(width)))
}

/// The chapter a heading counts under: the 章 it is in, else the heading just
/// below its document (一、 of a resolution), else the heading itself.
pub fn chapter_of(document: &Document, id: HeadingId) -> HeadingId {
    let outline = &document.outline;
    let mut chain = outline.ancestors(id);
    chain.push(id);
    if let Some(&zhang) = chain
        .iter()
        .find(|&&h| outline.get(h).kind == HeadingKind::Zhang)
    {
        return zhang;
    }
    let below_document = chain
        .iter()
        .position(|&h| matches!(outline.get(h).kind, HeadingKind::Doc | HeadingKind::File))
        .and_then(|at| chain.get(at + 1));
    below_document.copied().unwrap_or(id)
}

/// A chapter as listed: its ancestors' labels (or short titles), its own label
/// and title.
pub fn chapter_name(document: &Document, id: HeadingId) -> String {
    let outline = &document.outline;
    crate::layout::named_under(outline, &outline.ancestors(id), id, STEP)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::store::record::{SectionTime, Session};

    #[test]
    fn sessions_and_time_per_chapter() {
        let document = crate::build(
            "第一章 总则\n第一节 目的\n\u{3000}\u{3000}正文。\n第二节 范围\n\u{3000}\u{3000}正文。\n第二章 附则\n\u{3000}\u{3000}正文。\n",
        );
        let mut record = Record::new("doc");
        let time = |path: &[&str], seconds: u64| SectionTime {
            path: path.iter().map(std::string::ToString::to_string).collect(),
            millis: seconds * 1000,
        };
        record.sessions.push(Session {
            id: "a".into(),
            start: 1_800_000_000,
            end: 1_800_000_000 + 3_700,
            sections: vec![
                time(&["第一章", "第一节"], 600),
                time(&["第一章", "第二节"], 300),
                time(&["第二章"], 120),
            ],
            finished: vec![vec!["第一章".into(), "第一节".into()]],
        });
        let stats = Stats::of(&record, &document);
        assert_eq!(stats.sessions[0].active, 1_020);
        assert_eq!(stats.sessions[0].length, 3_700);
        assert_eq!(
            stats.chapters,
            [
                ("第一章 总则".to_string(), 900),
                ("第二章 附则".to_string(), 120)
            ]
        );
        let lines = stats.lines();
        assert!(lines[0].starts_with("学习 1 次，阅读共 17 分"), "{lines:?}");
        // In the reader's own time zone, whichever it is.
        let start = format!(
            "{}  1 小时 1 分",
            crate::study::when::date_time(1_800_000_000)
        );
        assert!(lines.iter().any(|l| l.starts_with(&start)), "{lines:?}");
    }

    #[test]
    fn equal_times_in_document_order_and_no_chapter_passed_over() {
        let document = crate::build(
            "第一章 总则\n\u{3000}\u{3000}正文。\n第二章 规划\n\u{3000}\u{3000}正文。\n第三章 附则\n\u{3000}\u{3000}正文。\n",
        );
        let mut record = Record::new("doc");
        let time = |path: &str, millis: u64| SectionTime {
            path: vec![path.to_string()],
            millis,
        };
        record.sessions.push(Session {
            id: "a".into(),
            start: 1_800_000_000,
            end: 1_800_000_200,
            sections: vec![
                time("第三章", 60_000),
                time("第一章", 400),
                time("第二章", 60_000),
            ],
            finished: Vec::new(),
        });
        let stats = Stats::of(&record, &document);
        assert_eq!(
            stats.chapters,
            [
                ("第二章 规划".to_string(), 60),
                ("第三章 附则".to_string(), 60)
            ]
        );
    }
}
