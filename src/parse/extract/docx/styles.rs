//! Paragraph styles (`word/styles.xml`): what a paragraph inherits from its
//! style, through the chain of styles it is based on: a heading level (the
//! style `Heading N` / `标题 N`, or an outline level) and numbering (a style
//! can number every paragraph that has it).

use std::collections::HashMap;

use quick_xml::events::Event;

use super::xml;

/// How far a chain of `w:basedOn` is followed (it may loop in a damaged file).
const MOST_ANCESTORS: usize = 16;

#[derive(Debug, Default, Clone)]
struct Style {
    name: String,
    based_on: Option<String>,
    list: Option<String>,
    level: Option<usize>,
    outline_level: Option<u8>,
}

/// What a paragraph style gives a paragraph.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Inherited {
    /// 1 for the top heading level.
    pub heading: Option<u8>,
    /// The list (`w:numId`) and level (`w:ilvl`) that number the paragraph.
    pub list: Option<String>,
    pub level: Option<usize>,
}

/// The paragraph styles of a Word file.
#[derive(Debug, Default)]
pub(super) struct Styles {
    styles: HashMap<String, Style>,
    /// The style of paragraphs that name none.
    default: Option<String>,
}

impl Styles {
    /// Reads `styles.xml`; what cannot be read is left out.
    pub(super) fn parse(xml: &str) -> Self {
        let mut styles = Self::default();
        let mut reader = xml::reader(xml);
        let mut current: Option<(String, Style)> = None;
        // Inside w:rPr or a record of a change, nothing describes the paragraph.
        let mut aside = 0_usize;
        loop {
            let event = match reader.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(event) => event,
            };
            match event {
                Event::Start(e) if is_aside(e.name().as_ref()) => aside += 1,
                Event::End(e) if is_aside(e.name().as_ref()) => aside = aside.saturating_sub(1),
                Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "w:style" => {
                    let paragraph = xml::attribute(&e, "w:type").is_none_or(|t| t == "paragraph");
                    let id = xml::attribute(&e, "w:styleId").unwrap_or_default();
                    if paragraph && xml::attribute(&e, "w:default").is_some_and(|d| d == "1") {
                        styles.default = Some(id.clone());
                    }
                    current = paragraph.then(|| (id, Style::default()));
                }
                Event::Start(e) | Event::Empty(e) if aside == 0 => {
                    if let Some((_, style)) = &mut current {
                        let value = || xml::attribute(&e, "w:val");
                        match e.name().as_ref() {
                            "w:name" => style.name = value().unwrap_or_default(),
                            "w:basedOn" => style.based_on = value(),
                            "w:numId" => style.list = value(),
                            "w:ilvl" => style.level = xml::number(&e, "w:val").map(|n| n as usize),
                            "w:outlineLvl" => {
                                style.outline_level = xml::number(&e, "w:val").map(|n| n as u8);
                            }
                            _ => {}
                        }
                    }
                }
                Event::End(e) if e.name().as_ref() == "w:style" => {
                    if let Some((id, style)) = current.take() {
                        styles.styles.insert(id, style);
                    }
                }
                _ => {}
            }
        }
        styles
    }

    /// What style `id` (the default style for `None`) gives its paragraphs,
    /// its own settings before those of the styles it is based on.
    pub(super) fn inherited(&self, id: Option<&str>) -> Inherited {
        let mut inherited = Inherited::default();
        let mut next = id.or(self.default.as_deref());
        for _ in 0..MOST_ANCESTORS {
            let Some(style) = next.and_then(|id| self.styles.get(id)) else {
                break;
            };
            if inherited.heading.is_none() {
                inherited.heading = heading_level(style);
            }
            if inherited.list.is_none() {
                inherited.list.clone_from(&style.list);
            }
            if inherited.level.is_none() {
                inherited.level = style.level;
            }
            next = style.based_on.as_deref();
        }
        inherited
    }
}

/// Run properties and the records of tracked changes describe no paragraph.
fn is_aside(name: &str) -> bool {
    matches!(name, "w:rPr" | "w:pPrChange" | "w:tblPr" | "w:tblStylePr")
}

/// The heading level a style stands for: its name (`heading 2`, `标题 2`), else
/// its outline level (0 for the top; 9 is body text).
fn heading_level(style: &Style) -> Option<u8> {
    let name = style.name.to_lowercase();
    let number = name
        .strip_prefix("heading")
        .or_else(|| name.strip_prefix("标题"))
        .and_then(|n| n.trim().parse::<u8>().ok())
        .filter(|n| (1..=9).contains(n));
    number.or_else(|| outline_heading(style.outline_level))
}

/// A heading level (1 to 9) from a `w:outlineLvl` value (0 to 8; 9 is body text).
pub(super) fn outline_heading(outline_level: Option<u8>) -> Option<u8> {
    outline_level.filter(|&n| n < 9).map(|n| n + 1)
}
