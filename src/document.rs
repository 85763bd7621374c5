//! The document model the reader and every command use: paragraphs with their
//! source lines and kinds, and the outline as an arena tree whose headings point at
//! their paragraphs. Built once per file by `parse::build`; holds no terminal code.

use serde::{Deserialize, Serialize};

/// What a heading is, coarse to fine (the order of the outline contract).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HeadingKind {
    /// A whole file, when several are read together (never in `gangmu outline`).
    File,
    Part,
    Doc,
    Toc,
    Pian,
    Zhang,
    Jie,
    Tiao,
    H1,
    H2,
    H3,
    H4,
    Box,
}

impl HeadingKind {
    /// How many kinds there are (for tables indexed by `kind as usize`).
    pub const COUNT: usize = 13;

    /// The name used in `gangmu outline` (the contract's `kind` field).
    pub fn name(self) -> &'static str {
        match self {
            Self::File => "file",
            Self::Part => "part",
            Self::Doc => "doc",
            Self::Toc => "toc",
            Self::Pian => "pian",
            Self::Zhang => "zhang",
            Self::Jie => "jie",
            Self::Tiao => "tiao",
            Self::H1 => "h1",
            Self::H2 => "h2",
            Self::H3 => "h3",
            Self::H4 => "h4",
            Self::Box => "box",
        }
    }

    /// Leaves: nothing ever hangs under a table of contents or a box.
    pub fn is_leaf(self) -> bool {
        matches!(self, Self::Toc | Self::Box)
    }

    /// Numbered at the same level in sequence (一、二、三、; 1. 2. 3.).
    pub fn is_enumerated(self) -> bool {
        matches!(self, Self::Tiao | Self::H1 | Self::H2 | Self::H3 | Self::H4)
    }
}

/// Index of a heading in [`Outline::headings`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct HeadingId(pub u32);

/// One node of the outline tree.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Heading {
    pub kind: HeadingKind,
    /// Numbering as printed, inner spaces folded; empty for titles without one.
    pub label: String,
    pub title: String,
    /// 1-based source line of the label (or the title's first character).
    pub line: u32,
    /// 1 for the top of the tree.
    pub depth: u16,
    pub parent: Option<HeadingId>,
    /// Index of the heading's paragraph in [`Document::paragraphs`]: a heading
    /// paragraph, or for a run-in article (`1.决胜…成就。“十三五”时期…`) the body
    /// paragraph that opens with the label and the title.
    pub paragraph: usize,
}

impl Heading {
    /// The heading as lists show it: label and title.
    pub fn display(&self) -> String {
        match (self.label.is_empty(), self.title.is_empty()) {
            (true, _) => self.shown_title().to_string(),
            (false, true) => self.label.clone(),
            (false, false) => format!("{} {}", self.label, self.title),
        }
    }

    /// The title as lists show it: a contents page that lost its `目录` line
    /// (untitled in the outline contract) is still named 目录.
    pub fn shown_title(&self) -> &str {
        if self.kind == HeadingKind::Toc && self.title.is_empty() {
            UNTITLED_CONTENTS
        } else {
            &self.title
        }
    }
}

/// What an untitled table of contents is called where headings are listed.
const UNTITLED_CONTENTS: &str = "目录";

/// The outline: headings in document order, each pointing at its parent.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Outline {
    pub headings: Vec<Heading>,
}

impl Outline {
    pub fn get(&self, id: HeadingId) -> &Heading {
        &self.headings[id.0 as usize]
    }

    /// The headings `id` hangs under, from the top of the tree down.
    pub fn ancestors(&self, id: HeadingId) -> Vec<HeadingId> {
        let mut chain = Vec::new();
        let mut next = self.get(id).parent;
        while let Some(at) = next {
            chain.push(at);
            next = self.get(at).parent;
        }
        chain.reverse();
        chain
    }

    /// In a library, the file heading `id` is under, or is: the top of its
    /// chain when that is a file. (Walks up without gathering the chain.)
    pub fn file_of(&self, id: HeadingId) -> Option<HeadingId> {
        let mut top = id;
        while let Some(parent) = self.get(top).parent {
            top = parent;
        }
        (self.get(top).kind == HeadingKind::File).then_some(top)
    }

    /// Children of `id` (or the top level for `None`), in document order.
    pub fn children(&self, id: Option<HeadingId>) -> impl Iterator<Item = HeadingId> + '_ {
        self.headings
            .iter()
            .enumerate()
            .filter(move |(_, h)| h.parent == id)
            .map(|(i, _)| HeadingId(i as u32))
    }
}

/// What a paragraph holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphKind {
    /// A heading's own text (label and title).
    Heading,
    /// Running text, hard wraps joined.
    Body,
    /// A table, one row per line (`\n` between rows).
    Table,
    /// A table of contents, one entry per line.
    Contents,
}

/// A block of the reflowed text.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Paragraph {
    pub kind: ParagraphKind,
    /// The text, hard wraps joined; rows of tables and contents separated by `\n`.
    pub text: String,
    /// First and last source line (1-based) the paragraph was made from.
    pub first_line: u32,
    pub last_line: u32,
    /// Inside a 专栏 box.
    pub in_box: bool,
    /// The heading whose section this paragraph belongs to (its own, for headings).
    pub heading: Option<HeadingId>,
}

impl Document {
    /// Several files as one document, each under a `File` heading named `name`.
    pub fn combine(files: Vec<(String, Document)>) -> Document {
        let mut combined = Document::default();
        for (name, document) in files {
            let file = HeadingId(combined.outline.headings.len() as u32);
            let heading_offset = file.0 + 1;
            let paragraph_offset = combined.paragraphs.len() + 1;
            combined.outline.headings.push(Heading {
                kind: HeadingKind::File,
                label: String::new(),
                title: name.clone(),
                line: 1,
                depth: 1,
                parent: None,
                paragraph: combined.paragraphs.len(),
            });
            combined.paragraphs.push(Paragraph {
                kind: ParagraphKind::Heading,
                text: name,
                first_line: 1,
                last_line: 1,
                in_box: false,
                heading: Some(file),
            });
            let shift = |id: HeadingId| HeadingId(id.0 + heading_offset);
            combined
                .paragraphs
                .extend(document.paragraphs.into_iter().map(|p| Paragraph {
                    heading: Some(p.heading.map_or(file, shift)),
                    ..p
                }));
            combined
                .outline
                .headings
                .extend(document.outline.headings.into_iter().map(|h| Heading {
                    depth: h.depth + 1,
                    parent: Some(h.parent.map_or(file, shift)),
                    paragraph: h.paragraph + paragraph_offset,
                    ..h
                }));
        }
        combined
    }

    /// The outline's promise: parents come before their children, a child is one
    /// level below its parent and the top is level 1, every heading points at a
    /// paragraph and every paragraph at a heading that exists.
    pub fn check(&self) -> Result<(), String> {
        let document = self;
        let headings = &document.outline.headings;
        for (index, heading) in headings.iter().enumerate() {
            let depth = match heading.parent {
                Some(parent) if parent.0 as usize >= index => {
                    return Err(format!("heading {index} comes before its parent"));
                }
                Some(parent) => headings[parent.0 as usize].depth + 1,
                None => 1,
            };
            if heading.depth != depth {
                return Err(format!(
                    "heading {index} at depth {} under depth {}",
                    heading.depth,
                    depth - 1
                ));
            }
            if heading.paragraph >= document.paragraphs.len() {
                return Err(format!("heading {index} points past the paragraphs"));
            }
        }
        for (index, paragraph) in document.paragraphs.iter().enumerate() {
            if paragraph
                .heading
                .is_some_and(|h| h.0 as usize >= headings.len())
            {
                return Err(format!("paragraph {index} points past the headings"));
            }
            if paragraph.first_line > paragraph.last_line {
                return Err(format!("paragraph {index} ends before it starts"));
            }
        }
        Ok(())
    }
}

/// A whole file, reflowed and outlined.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Document {
    /// A title standing above the file's first document (a packet's own name), shown
    /// as the file's name rather than as a heading.
    pub file_title: Option<String>,
    pub paragraphs: Vec<Paragraph>,
    pub outline: Outline,
}
