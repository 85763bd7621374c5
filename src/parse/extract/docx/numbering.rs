//! Word's automatic numbering (`word/numbering.xml`): the visible label of a
//! numbered paragraph (`一、`, `（一）`, `1.`, `（1）`), as Word shows it.
//!
//! A list (`w:num`) points to a definition (`w:abstractNum`) of up to nine
//! levels, each with a number format (`w:numFmt`), a label pattern
//! (`w:lvlText`, `%1` standing for level 1's number) and a start. Lists that
//! share a definition share its counters, as in Word; a list that overrides a
//! level's start (`w:startOverride`) restarts that level when it is first
//! used. Showing a level restarts every level below it.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};

use super::labels::{Format, number_text};
use super::xml;

/// Levels a definition has at most.
const LEVELS: usize = 9;

/// One level of a list definition.
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: Format,
    pattern: String,
    /// `w:suff`: what follows the label (a tab unless it says otherwise).
    suffix: Suffix,
    /// `w:isLgl`: every number in the label as a decimal.
    legal: bool,
    /// `w:pStyle`: the paragraph style this level belongs to.
    style: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Suffix {
    #[default]
    Tab,
    Space,
    Nothing,
}

/// A list: its definition and the levels whose start it overrides.
#[derive(Debug, Clone, Default)]
struct List {
    definition: String,
    starts: Vec<(usize, u32)>,
}

/// The lists of a Word file and their counters as the body is read.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    definitions: HashMap<String, Vec<Level>>,
    lists: HashMap<String, List>,
    /// The last number shown at each level, per definition.
    counters: HashMap<String, [Option<u32>; LEVELS]>,
    /// Lists already used (their start overrides applied).
    used: std::collections::HashSet<String>,
}

impl Numbering {
    /// Reads `numbering.xml`; what cannot be read is left out.
    pub(super) fn parse(xml: &str) -> Self {
        let mut numbering = Self::default();
        let mut reader = xml::reader(xml);
        let mut definition: Option<(String, Vec<Level>)> = None;
        let mut list: Option<(String, List)> = None;
        let mut level: Option<usize> = None;
        let mut override_level: Option<usize> = None;
        loop {
            let event = match reader.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(event) => event,
            };
            match event {
                Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                    "w:abstractNum" => {
                        let id = xml::attribute(&e, "w:abstractNumId").unwrap_or_default();
                        definition = Some((id, vec![Level::default(); LEVELS]));
                    }
                    "w:num" => {
                        let id = xml::attribute(&e, "w:numId").unwrap_or_default();
                        list = Some((id, List::default()));
                    }
                    "w:abstractNumId" => {
                        if let Some((_, list)) = &mut list {
                            list.definition = xml::attribute(&e, "w:val").unwrap_or_default();
                        }
                    }
                    "w:lvlOverride" => override_level = level_index(&e),
                    "w:startOverride" => {
                        if let (Some((_, list)), Some(at)) = (&mut list, override_level) {
                            list.starts
                                .push((at, xml::number(&e, "w:val").unwrap_or(0)));
                        }
                    }
                    "w:lvl" if list.is_none() => level = level_index(&e),
                    name => {
                        if let (Some((_, levels)), Some(at)) = (&mut definition, level) {
                            set_level_property(&mut levels[at], name, &e);
                        }
                    }
                },
                Event::End(e) => match e.name().as_ref() {
                    "w:abstractNum" => {
                        if let Some((id, levels)) = definition.take() {
                            numbering.definitions.insert(id, levels);
                        }
                        level = None;
                    }
                    "w:num" => {
                        if let Some((id, list)) = list.take() {
                            numbering.lists.insert(id, list);
                        }
                    }
                    "w:lvl" => level = None,
                    "w:lvlOverride" => override_level = None,
                    _ => {}
                },
                _ => {}
            }
        }
        numbering
    }

    /// The label of the next paragraph numbered in list `list` at level
    /// `level`, with what follows it, and the counters moved on; `None` for no
    /// numbering (list `0`, an unknown list, a bullet).
    pub(super) fn next_label(&mut self, list: &str, level: usize) -> Option<String> {
        let level = level.min(LEVELS - 1);
        let found = self.lists.get(list)?.clone();
        let levels = self.definitions.get(&found.definition)?.clone();
        let counters = self.counters.entry(found.definition.clone()).or_default();
        if self.used.insert(list.to_string()) {
            for &(at, _) in &found.starts {
                if let Some(counter) = counters.get_mut(at) {
                    *counter = None;
                }
            }
        }
        let start_of = |at: usize| {
            found
                .starts
                .iter()
                .find(|(l, _)| *l == at)
                .map_or(levels[at].start, |&(_, start)| start)
        };
        let shown = counters[level].map_or_else(|| start_of(level), |n| n.saturating_add(1));
        counters[level] = Some(shown);
        for counter in &mut counters[level + 1..] {
            *counter = None;
        }
        let numbers: Vec<u32> = (0..LEVELS)
            .map(|at| counters[at].unwrap_or_else(|| start_of(at)))
            .collect();
        label(&levels, level, &numbers)
    }

    /// The level of a list definition that belongs to paragraph style `style`.
    pub(super) fn level_of_style(&self, list: &str, style: &str) -> Option<usize> {
        let definition = &self.lists.get(list)?.definition;
        self.definitions
            .get(definition)?
            .iter()
            .position(|level| level.style.as_deref() == Some(style))
    }
}

/// The level an element's `w:ilvl` names, if it is one of the nine.
fn level_index(element: &BytesStart<'_>) -> Option<usize> {
    let at = xml::number(element, "w:ilvl")? as usize;
    (at < LEVELS).then_some(at)
}

fn set_level_property(level: &mut Level, name: &str, element: &BytesStart<'_>) {
    let value = || xml::attribute(element, "w:val").unwrap_or_default();
    match name {
        "w:start" => level.start = xml::number(element, "w:val").unwrap_or(0),
        "w:numFmt" => level.format = Format::named(&value()),
        "w:lvlText" => level.pattern = value(),
        "w:isLgl" => level.legal = xml::attribute(element, "w:val").is_none_or(|v| v != "0"),
        "w:pStyle" => level.style = Some(value()),
        "w:suff" => {
            level.suffix = match value().as_str() {
                "space" => Suffix::Space,
                "nothing" => Suffix::Nothing,
                _ => Suffix::Tab,
            };
        }
        _ => {}
    }
}

/// Level `level`'s pattern with each `%N` replaced by level N's number in
/// level N's format, and the separator Word puts after it: nothing after a
/// full-width mark (`一、`, `（一）`), a space after anything else (`1.`).
fn label(levels: &[Level], level: usize, numbers: &[u32]) -> Option<String> {
    let this = &levels[level];
    if this.format == Format::Bullet {
        return None;
    }
    let mut text = String::new();
    let mut chars = this.pattern.chars().peekable();
    while let Some(c) = chars.next() {
        let digit = chars.peek().and_then(|d| d.to_digit(10));
        match digit {
            Some(n @ 1..=9) if c == '%' => {
                chars.next();
                let at = n as usize - 1;
                let format = if this.legal {
                    Format::Decimal
                } else {
                    levels[at].format
                };
                text.push_str(&number_text(format, numbers[at]));
            }
            _ => text.push(c),
        }
    }
    if text.is_empty() {
        return None;
    }
    let full_width_end = text.chars().last().is_some_and(super::super::is_wide);
    if this.suffix != Suffix::Nothing && !full_width_end {
        text.push(' ');
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="x">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3"/><w:isLgl/></w:lvl>
<w:lvl w:ilvl="3"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"#;

    #[test]
    fn counters_run_on_restart_below_and_restart_where_a_list_says() {
        let mut numbering = Numbering::parse(NUMBERING);
        let mut shown = Vec::new();
        for (list, level) in [
            ("1", 0),
            ("1", 1),
            ("1", 1),
            ("1", 2),
            ("1", 0),
            ("1", 1),
            ("3", 0),
            ("2", 0),
            ("2", 1),
            ("1", 3),
            ("9", 0),
        ] {
            shown.push(numbering.next_label(list, level).unwrap_or_default());
        }
        assert_eq!(
            shown,
            [
                "一、",
                "（一）",
                "（二）",
                "2.1 ",
                "二、",
                "（一）",
                "三、",
                "一、",
                "（一）",
                "",
                ""
            ]
        );
    }
}
