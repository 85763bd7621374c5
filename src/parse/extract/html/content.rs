//! Where a page's article is: the element whose own paragraphs (its direct
//! `<p>` children, text and inline elements) carry the most text outside
//! links, and the title set above it. Navigation, headers, footers, scripts,
//! forms, share widgets and a government page's metadata table (索引号,
//! 主题分类, 发文机关, 成文日期) are never part of it.
//!
//! One pass over the tree, with a stack of its own: a page nested thousands
//! deep costs no more than a flat one.

use std::collections::HashMap;

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::Node;
use scraper::node::Element;

/// Elements that never hold the article's text.
const NEVER_TEXT: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "select",
    "button", "iframe", "svg", "head", "object", "canvas", "menu", "dialog",
];

/// Words in a class or id that mark navigation, page furniture or widgets.
const FURNITURE: &[&str] = &[
    "nav",
    "navbar",
    "menu",
    "footer",
    "foot",
    "sidebar",
    "side",
    "share",
    "breadcrumb",
    "crumb",
    "crumbs",
    "position",
    "location",
    "related",
    "relate",
    "comment",
    "comments",
    "copyright",
    "toolbar",
    "tools",
    "print",
    "bdsharebuttonbox",
    "login",
    "search",
    "logo",
    "links",
    "friendlink",
    "banner",
    "ad",
    "ads",
    "qrcode",
];

/// Labels of a government page's metadata table; two of them make one.
const METADATA_LABELS: &[&str] = &[
    "索引号",
    "主题分类",
    "发文机关",
    "成文日期",
    "发布日期",
    "发文字号",
    "主题词",
    "公文种类",
    "组配分类",
    "信息来源",
];

/// Elements that begin a block of their own.
pub(super) const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "tr",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "center",
    "address",
    "figure",
    "figcaption",
    "header",
    "body",
    "html",
    "hr",
    "caption",
];

/// Whether an element is page furniture: never part of the article.
pub(super) fn is_furniture(node: NodeRef<'_, Node>) -> bool {
    let Some(element) = node.value().as_element() else {
        return false;
    };
    if NEVER_TEXT.contains(&element.name()) || is_hidden(element) {
        return true;
    }
    let marked = [element.id(), element.attr("class")]
        .into_iter()
        .flatten()
        .flat_map(|value| value.split(|c: char| c.is_whitespace() || c == '-' || c == '_'))
        .any(|word| FURNITURE.contains(&word.to_ascii_lowercase().as_str()));
    marked || (element.name() == "table" && is_metadata_table(node))
}

fn is_hidden(element: &Element) -> bool {
    element.attr("hidden").is_some()
        || element.attr("style").is_some_and(|style| {
            let style: String = style.chars().filter(|c| !c.is_whitespace()).collect();
            style.to_ascii_lowercase().contains("display:none")
        })
}

/// A table that labels a document's index number, subject, issuer and dates.
fn is_metadata_table(table: NodeRef<'_, Node>) -> bool {
    let mut found = METADATA_LABELS.iter().map(|_| false).collect::<Vec<_>>();
    // A metadata table is short: its first few hundred nodes are enough.
    let texts = table
        .descendants()
        .take(512)
        .filter_map(|n| n.value().as_text());
    for text in texts {
        for (at, label) in METADATA_LABELS.iter().enumerate() {
            found[at] |= text.contains(label);
        }
    }
    found.iter().filter(|&&f| f).count() >= 2
}

/// What the pass learns of an element: the text of its whole subtree outside
/// links, and whether it holds any block element.
#[derive(Default, Clone, Copy)]
struct Weight {
    text: usize,
    has_block: bool,
}

/// The element holding the article: the one whose own paragraphs carry the
/// most text outside links (the first of equals); the page's root if none does.
pub(super) fn main_element(root: NodeRef<'_, Node>) -> NodeRef<'_, Node> {
    let mut weights: HashMap<ego_tree::NodeId, Weight> = HashMap::new();
    let mut skipped_at: Option<ego_tree::NodeId> = None;
    let mut best = (0, root);
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) if skipped_at.is_none() && is_furniture(node) => {
                skipped_at = Some(node.id());
            }
            Edge::Close(node) if skipped_at == Some(node.id()) => skipped_at = None,
            Edge::Close(node) if skipped_at.is_none() => {
                let (weight, own) = weigh(node, &weights);
                weights.insert(node.id(), weight);
                if own > best.0 {
                    best = (own, node);
                }
            }
            _ => {}
        }
    }
    best.1
}

/// A node's weight from its children's, and the text of its own paragraphs:
/// children that are text, inline, or blocks holding no block.
fn weigh(node: NodeRef<'_, Node>, weights: &HashMap<ego_tree::NodeId, Weight>) -> (Weight, usize) {
    match node.value() {
        Node::Text(text) => {
            let length = text.chars().filter(|c| !c.is_whitespace()).count();
            (
                Weight {
                    text: length,
                    has_block: false,
                },
                0,
            )
        }
        Node::Element(element) => {
            let mut weight = Weight {
                text: 0,
                has_block: BLOCKS.contains(&element.name()),
            };
            let mut own = 0;
            let mut has_block_inside = false;
            for child in node.children() {
                let child_weight = weights.get(&child.id()).copied().unwrap_or_default();
                weight.text += child_weight.text;
                has_block_inside |= child_weight.has_block;
                let nested_blocks = child.value().as_element().is_some_and(|_| {
                    child
                        .children()
                        .any(|c| weights.get(&c.id()).is_some_and(|w| w.has_block))
                });
                if !nested_blocks {
                    own += child_weight.text;
                }
            }
            weight.has_block |= has_block_inside;
            if element.name() == "a" {
                weight.text = 0;
            }
            (weight, own)
        }
        _ => (Weight::default(), 0),
    }
}

/// The heading set above the article, outside it: the last `h1` before it
/// (else `h2`) that is not page furniture; `None` if the article holds an
/// `h1` of its own or the page has no such heading.
pub(super) fn title_above<'a>(
    root: NodeRef<'a, Node>,
    main: NodeRef<'a, Node>,
) -> Option<NodeRef<'a, Node>> {
    let holds_h1 = main
        .descendants()
        .any(|n| n.value().as_element().is_some_and(|e| e.name() == "h1"));
    if holds_h1 {
        return None;
    }
    let mut skipped_at: Option<ego_tree::NodeId> = None;
    let mut found: [Option<NodeRef<'_, Node>>; 2] = [None, None];
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) if node.id() == main.id() => break,
            Edge::Open(node) if skipped_at.is_none() && is_furniture(node) => {
                skipped_at = Some(node.id());
            }
            Edge::Close(node) if skipped_at == Some(node.id()) => skipped_at = None,
            Edge::Open(node) if skipped_at.is_none() => {
                match node.value().as_element().map(Element::name) {
                    Some("h1") => found[0] = Some(node),
                    Some("h2") => found[1] = Some(node),
                    _ => {}
                }
            }
            _ => {}
        }
    }
    found[0].or(found[1])
}
