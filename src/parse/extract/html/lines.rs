//! The article of a page set out one block a line: a paragraph, heading, list
//! item or `div` with text each one line, a `<br>` a line break, a table row
//! one line with its cells TAB-separated. White space is folded as a browser
//! folds it, and none is kept between two ideographs. Headings (`h1`–`h6`) are
//! marked as the page marks them.

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::{Html, Node};

use super::content::{self, BLOCKS};
use crate::parse::extract::{Extracted, MarkedHeading, join_into};

/// How deep elements are followed one by one; below that, a block's text is
/// read as one line.
const MOST_DEPTH: usize = 256;

/// The page's article (its title first, if set above it), one block a line.
pub(super) fn main_content(page: &Html) -> Extracted {
    let root = page.tree.root();
    let main = content::main_element(root);
    let mut writer = Writer::default();
    if let Some(title) = content::title_above(root, main) {
        writer.block(title, 0);
    }
    writer.children(main, 0);
    writer.end_line();
    // A heading inside another (an `h2` in a `div` in an `h1`) marks the same
    // line: the outer one counts.
    let headings = &mut writer.out.headings;
    headings.sort_by_key(|heading| (heading.line, heading.level));
    headings.dedup_by_key(|heading| heading.line);
    if writer.too_deep {
        writer.out.notices.push(format!(
            "the page nests elements over {MOST_DEPTH} deep; below that, each block's text is one line"
        ));
    }
    writer.out
}

#[derive(Default)]
struct Writer {
    out: Extracted,
    lines: usize,
    line: String,
    /// White space came after the text so far.
    space: bool,
    /// Some block lay deeper than [`MOST_DEPTH`].
    too_deep: bool,
}

impl Writer {
    fn children(&mut self, node: NodeRef<'_, Node>, depth: usize) {
        for child in node.children() {
            match child.value() {
                Node::Text(text) => self.text(text),
                Node::Element(element) if !content::is_furniture(child) => match element.name() {
                    "br" => self.end_line(),
                    "tr" => self.row(child),
                    name if BLOCKS.contains(&name) => self.block(child, depth + 1),
                    _ => self.inline(child, depth + 1),
                },
                _ => {}
            }
        }
    }

    fn inline(&mut self, node: NodeRef<'_, Node>, depth: usize) {
        if depth > MOST_DEPTH {
            self.too_deep = true;
            self.flatten(node);
        } else {
            self.children(node, depth);
        }
    }

    /// A block on lines of its own; a heading marked with its level.
    fn block(&mut self, node: NodeRef<'_, Node>, depth: usize) {
        self.end_line();
        let level = node
            .value()
            .as_element()
            .and_then(|e| heading_level(e.name()));
        let first = self.lines;
        self.inline(node, depth);
        self.end_line();
        if let Some(level) = level.filter(|_| self.lines > first) {
            self.out.headings.push(MarkedHeading { line: first, level });
        }
    }

    /// A table row: its cells' text, TAB-separated, on one line.
    fn row(&mut self, row: NodeRef<'_, Node>) {
        self.end_line();
        let mut cells = Vec::new();
        for cell in row.children() {
            let is_cell = cell
                .value()
                .as_element()
                .is_some_and(|e| matches!(e.name(), "td" | "th"));
            if is_cell && !content::is_furniture(cell) {
                let mut inner = Self::default();
                inner.flatten(cell);
                cells.push(inner.line.trim().to_string());
            }
        }
        if cells.iter().any(|c| !c.is_empty()) {
            self.line = cells.join("\t");
        }
        self.end_line();
    }

    /// The text of everything under `node` as one run of text, read without
    /// going deeper into the stack (scripts and furniture left out).
    fn flatten(&mut self, node: NodeRef<'_, Node>) {
        let mut skipped_at = None;
        for edge in node.traverse() {
            match edge {
                Edge::Open(inner) if skipped_at.is_none() && content::is_furniture(inner) => {
                    skipped_at = Some(inner.id());
                }
                Edge::Close(inner) if skipped_at == Some(inner.id()) => skipped_at = None,
                Edge::Open(inner) if skipped_at.is_none() => {
                    if let Some(text) = inner.value().as_text() {
                        self.text(text);
                    }
                }
                _ => {}
            }
        }
    }

    /// Text folded as a browser folds it: runs of white space one space, none
    /// at a line's edges or between two ideographs.
    fn text(&mut self, text: &str) {
        for (at, piece) in text.split(is_html_space).enumerate() {
            self.space |= at > 0;
            if piece.is_empty() {
                continue;
            }
            if std::mem::take(&mut self.space) {
                join_into(&mut self.line, piece);
            } else {
                self.line.push_str(piece);
            }
        }
    }

    fn end_line(&mut self) {
        self.space = false;
        let line = self.line.trim_matches(is_html_space);
        if !line.is_empty() {
            let flat: String = line
                .chars()
                .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
                .collect();
            self.out.push_line(&flat);
            self.lines += 1;
        }
        self.line.clear();
    }
}

/// White space as HTML folds it, and the no-break space a page indents with.
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{C}' | '\u{A0}')
}

fn heading_level(name: &str) -> Option<u8> {
    let level = name.strip_prefix('h')?.parse::<u8>().ok()?;
    (1..=6).contains(&level).then_some(level)
}
