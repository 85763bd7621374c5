//! The body of a Word file (`word/document.xml`) as lines: each paragraph one
//! line, with its numbering label and its notes; each table row one line, its
//! cells TAB-separated; text boxes after the block that holds them.
//!
//! Text is taken from `w:t` inside runs (`w:r`), with `w:tab` as a TAB and a
//! line break inside a paragraph joined as a wrapped line is. Deleted text,
//! field instructions, the fallback copy of a drawing and the records of
//! property changes are left out.

use quick_xml::events::{BytesStart, Event};

use super::Parts;
use super::styles::outline_heading;
use super::xml;
use crate::parse::extract::{Extracted, MarkedHeading, join_into};

/// Elements whose content is not text to show.
const LEFT_OUT: &[&str] = &[
    "w:delText",
    "w:instrText",
    "w:del",
    "w:moveFrom",
    "mc:Fallback",
    "w:rPr",
    "w:pPrChange",
    "w:sectPr",
    "w:tblPr",
    "w:tblGrid",
    "w:trPr",
    "w:tcPr",
    "w:comment",
];

/// A paragraph being read.
#[derive(Debug, Default)]
struct Paragraph {
    text: String,
    style: Option<String>,
    list: Option<String>,
    level: Option<usize>,
    outline_level: Option<u8>,
    notes: Vec<String>,
    /// A line break came after the text so far.
    broken: bool,
}

impl Paragraph {
    fn push(&mut self, piece: &str) {
        if std::mem::take(&mut self.broken) {
            join_into(&mut self.text, piece);
        } else {
            self.text.push_str(piece);
        }
    }
}

struct Walker<'p> {
    parts: &'p mut Parts,
    out: Extracted,
    lines: usize,
    paragraph: Option<Paragraph>,
    /// Paragraphs interrupted by a text box inside them.
    outer: Vec<Paragraph>,
    tables: usize,
    row: Vec<String>,
    cell: String,
    text_boxes: usize,
    /// Lines of text boxes, set after the block that holds them.
    boxed: Vec<String>,
    in_properties: bool,
    in_run: bool,
    in_text: bool,
    /// Depth inside an element left out (0: not inside one).
    left_out: usize,
    footnotes: usize,
}

/// The lines of `document.xml`. A part that stops being well-formed is read up
/// to there, with a notice.
pub(super) fn lines(xml: &str, parts: &mut Parts) -> Extracted {
    let mut walker = Walker {
        parts,
        out: Extracted::default(),
        lines: 0,
        paragraph: None,
        outer: Vec::new(),
        tables: 0,
        row: Vec::new(),
        cell: String::new(),
        text_boxes: 0,
        boxed: Vec::new(),
        in_properties: false,
        in_run: false,
        in_text: false,
        left_out: 0,
        footnotes: 0,
    };
    let mut reader = xml::reader(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(event) => walker.event(event),
            Err(_) => {
                let at = walker.lines;
                walker.out.notices.push(format!(
                    "the Word document's text is damaged after line {at}; what comes after is left out"
                ));
                break;
            }
        }
    }
    walker.out
}

impl Walker<'_> {
    fn event(&mut self, event: Event<'_>) {
        if self.left_out > 0 {
            match event {
                Event::Start(_) => self.left_out += 1,
                Event::End(_) => self.left_out -= 1,
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(e) if LEFT_OUT.contains(&e.name().as_ref()) => self.left_out = 1,
            Event::Start(e) => self.start(&e),
            Event::Empty(e) => {
                self.start(&e);
                self.end(e.name().as_ref());
            }
            Event::End(e) => self.end(e.name().as_ref()),
            Event::Text(t) if self.in_text => self.push(&t.xml10_content()),
            Event::CData(t) if self.in_text => self.push(&t.xml10_content()),
            Event::GeneralRef(r) if self.in_text => {
                if let Some(c) = xml::entity(&r) {
                    self.push(c.encode_utf8(&mut [0; 4]));
                }
            }
            _ => {}
        }
    }

    fn start(&mut self, e: &BytesStart<'_>) {
        let paragraph = self.paragraph.as_mut();
        match (e.name().as_ref(), paragraph) {
            ("w:p", _) => {
                if let Some(outer) = self.paragraph.take() {
                    self.outer.push(outer);
                }
                self.paragraph = Some(Paragraph::default());
            }
            ("w:pPr", _) => self.in_properties = true,
            ("w:pStyle", Some(p)) if self.in_properties => p.style = xml::attribute(e, "w:val"),
            ("w:numId", Some(p)) if self.in_properties => p.list = xml::attribute(e, "w:val"),
            ("w:ilvl", Some(p)) if self.in_properties => {
                p.level = xml::number(e, "w:val").map(|n| n as usize);
            }
            ("w:outlineLvl", Some(p)) if self.in_properties => {
                p.outline_level = xml::number(e, "w:val").map(|n| n as u8);
            }
            ("w:r", _) => self.in_run = true,
            ("w:t", _) => self.in_text = self.in_run,
            ("w:tab", Some(p)) if self.in_run && !self.in_properties => p.push("\t"),
            ("w:noBreakHyphen", Some(p)) if self.in_run => p.push("-"),
            ("w:br" | "w:cr", Some(p)) if self.in_run => {
                let page = xml::attribute(e, "w:type").is_some_and(|t| t != "textWrapping");
                p.broken |= !page;
            }
            ("w:footnoteReference" | "w:endnoteReference", Some(_)) => self.note(e),
            ("w:tbl", _) => self.tables += 1,
            ("w:tr", _) if self.tables == 1 => self.row.clear(),
            ("w:tc", _) if self.tables == 1 => self.cell.clear(),
            ("w:txbxContent", _) => self.text_boxes += 1,
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "w:p" => self.end_paragraph(),
            "w:pPr" => self.in_properties = false,
            "w:r" => self.in_run = false,
            "w:t" => self.in_text = false,
            "w:tbl" => self.tables = self.tables.saturating_sub(1),
            "w:tc" if self.tables == 1 => self.row.push(std::mem::take(&mut self.cell)),
            "w:tr" if self.tables == 1 => {
                let row = self.row.join("\t");
                self.row.clear();
                self.emit(&row, None);
            }
            "w:txbxContent" => self.text_boxes = self.text_boxes.saturating_sub(1),
            _ => {}
        }
    }

    fn push(&mut self, piece: &str) {
        if let Some(paragraph) = &mut self.paragraph {
            paragraph.push(piece);
        }
    }

    /// A reference to a footnote or endnote: its text goes to the end of the
    /// paragraph, numbered as Word numbers the notes (in order, from 1).
    fn note(&mut self, e: &BytesStart<'_>) {
        let id = xml::attribute(e, "w:id").unwrap_or_default();
        let notes = if e.name().as_ref() == "w:footnoteReference" {
            &self.parts.footnotes
        } else {
            &self.parts.endnotes
        };
        let Some(text) = notes.get(&id).map(str::to_string) else {
            return;
        };
        self.footnotes += 1;
        let number = self.footnotes;
        if let Some(paragraph) = &mut self.paragraph {
            paragraph.notes.push(format!("（注{number}：{text}）"));
        }
    }

    fn end_paragraph(&mut self) {
        let Some(paragraph) = self.paragraph.take() else {
            return;
        };
        self.paragraph = self.outer.pop();
        let (line, heading) = self.paragraph_line(paragraph);
        if self.text_boxes > 0 {
            if !line.trim().is_empty() {
                self.boxed.push(line);
            }
        } else if self.tables > 0 {
            join_into(&mut self.cell, line.replace('\t', " ").trim());
        } else {
            self.emit(&line, heading);
        }
    }

    /// A paragraph's line (its numbering label, its text, its notes) and the
    /// heading level its style or outline level marks.
    fn paragraph_line(&mut self, paragraph: Paragraph) -> (String, Option<u8>) {
        let inherited = self.parts.styles.inherited(paragraph.style.as_deref());
        let heading = outline_heading(paragraph.outline_level).or(inherited.heading);
        let list = paragraph.list.or(inherited.list).filter(|l| l != "0");
        let label = list.and_then(|list| {
            let level = paragraph.level.or(inherited.level).or_else(|| {
                let style = paragraph.style.as_deref()?;
                self.parts.numbering.level_of_style(&list, style)
            });
            self.parts.numbering.next_label(&list, level.unwrap_or(0))
        });
        let mut line = label.unwrap_or_default();
        line.push_str(&paragraph.text);
        for note in &paragraph.notes {
            line.push_str(note);
        }
        (line, heading)
    }

    /// Writes a block's line (line breaks inside it made spaces), then the
    /// lines of the text boxes it held.
    fn emit(&mut self, line: &str, heading: Option<u8>) {
        if let Some(level) = heading.filter(|_| !line.trim().is_empty()) {
            self.out.headings.push(MarkedHeading {
                line: self.lines,
                level,
            });
        }
        let flat: String = line
            .chars()
            .map(|c| if is_line_break(c) { ' ' } else { c })
            .collect();
        self.out.push_line(&flat);
        self.lines += 1;
        for boxed in std::mem::take(&mut self.boxed) {
            self.emit(&boxed, None);
        }
    }
}

/// Characters that would end a line of the extracted text.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{B}' | '\u{C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}
