//! The outline as a JSON tree (`gangmu outline --json`): the same headings as the
//! TSV, nested, each with its children.

use serde::Serialize;

use crate::document::{HeadingKind, Outline};

/// One heading and the headings under it.
#[derive(Debug, Serialize)]
pub struct Node<'a> {
    pub line: u32,
    pub kind: HeadingKind,
    pub depth: u16,
    pub label: &'a str,
    pub title: &'a str,
    pub children: Vec<Node<'a>>,
}

/// The top-level headings, each with its subtree.
pub fn tree(outline: &Outline) -> Vec<Node<'_>> {
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); outline.headings.len()];
    let mut roots = Vec::new();
    for (index, heading) in outline.headings.iter().enumerate() {
        match heading.parent {
            Some(parent) => children[parent.0 as usize].push(index),
            None => roots.push(index),
        }
    }
    roots
        .into_iter()
        .map(|i| node(outline, &children, i))
        .collect()
}

fn node<'a>(outline: &'a Outline, children: &[Vec<usize>], index: usize) -> Node<'a> {
    let heading = &outline.headings[index];
    Node {
        line: heading.line,
        kind: heading.kind,
        depth: heading.depth,
        label: &heading.label,
        title: &heading.title,
        children: children[index]
            .iter()
            .map(|&child| node(outline, children, child))
            .collect(),
    }
}
