//! Footnotes and endnotes (`word/footnotes.xml`, `word/endnotes.xml`): the
//! text of each note by its id, to be set at the end of the paragraph that
//! refers to it.

use std::collections::HashMap;

use quick_xml::events::Event;

use super::xml;

/// The notes of one kind (footnotes or endnotes), by id.
#[derive(Debug, Default)]
pub(super) struct Notes {
    text: HashMap<String, String>,
}

impl Notes {
    /// Reads a notes part; `note` is `w:footnote` or `w:endnote`.
    pub(super) fn parse(xml: &str, note: &str) -> Self {
        let mut notes = Self::default();
        let mut reader = xml::reader(xml);
        let mut current: Option<(String, String)> = None;
        let mut in_text = false;
        loop {
            let event = match reader.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(event) => event,
            };
            match event {
                Event::Start(e) if e.name().as_ref() == note => {
                    current = Some((
                        xml::attribute(&e, "w:id").unwrap_or_default(),
                        String::new(),
                    ));
                }
                Event::Start(e) if e.name().as_ref() == "w:t" => in_text = true,
                Event::End(e) if e.name().as_ref() == "w:t" => in_text = false,
                Event::Empty(e) if e.name().as_ref() == "w:tab" => push(&mut current, " "),
                Event::End(e) if e.name().as_ref() == "w:p" => push(&mut current, " "),
                Event::Text(t) if in_text => push(&mut current, &t.xml10_content()),
                Event::GeneralRef(r) if in_text => {
                    if let Some(c) = xml::entity(&r) {
                        push(&mut current, c.encode_utf8(&mut [0; 4]));
                    }
                }
                Event::End(e) if e.name().as_ref() == note => {
                    if let Some((id, text)) = current.take() {
                        notes.text.insert(id, super::one_line(&text));
                    }
                }
                _ => {}
            }
        }
        notes
    }

    /// The text of note `id`, if it has any.
    pub(super) fn get(&self, id: &str) -> Option<&str> {
        self.text
            .get(id)
            .map(String::as_str)
            .filter(|t| !t.is_empty())
    }
}

fn push(current: &mut Option<(String, String)>, piece: &str) {
    if let Some((_, text)) = current {
        text.push_str(piece);
    }
}
