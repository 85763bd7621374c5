//! Headings in document order to the outline tree: parents and depths by the
//! contract's rule (a heading hangs under the nearest heading before it whose kind is
//! coarser; a `doc` only under a `part`; nothing under a `toc` or a `box`).

use crate::document::{Heading, HeadingId, HeadingKind, Outline};

/// A heading as the builder finds it, before it has a place in the tree.
#[derive(Debug)]
pub(super) struct HeadingDraft {
    pub kind: HeadingKind,
    pub label: String,
    pub title: String,
    pub line: u32,
    pub paragraph: usize,
}

/// The chain of headings the next heading could hang under, coarse to fine.
#[derive(Debug, Default)]
pub(super) struct Ancestors {
    open: Vec<(HeadingId, HeadingKind)>,
}

impl Ancestors {
    /// The parent a heading of `kind` would get here.
    pub(super) fn parent_of(&self, kind: HeadingKind) -> Option<HeadingId> {
        self.open
            .iter()
            .rev()
            .find(|(_, k)| hangs_under(kind, *k))
            .map(|(id, _)| *id)
    }

    /// Kind of the innermost heading open here.
    pub(super) fn innermost(&self) -> Option<HeadingKind> {
        self.open.last().map(|(_, kind)| *kind)
    }

    /// Adds a heading; returns its parent.
    pub(super) fn push(&mut self, id: HeadingId, kind: HeadingKind) -> Option<HeadingId> {
        let parent = self.parent_of(kind);
        while self.open.last().is_some_and(|(p, _)| Some(*p) != parent) {
            self.open.pop();
        }
        self.open.push((id, kind));
        parent
    }
}

fn hangs_under(kind: HeadingKind, candidate: HeadingKind) -> bool {
    if candidate.is_leaf() {
        return false;
    }
    match kind {
        HeadingKind::Doc => matches!(candidate, HeadingKind::Part | HeadingKind::File),
        _ => candidate < kind,
    }
}

/// Links the drafts into the outline.
pub(super) fn link(drafts: Vec<HeadingDraft>) -> Outline {
    let mut headings: Vec<Heading> = Vec::with_capacity(drafts.len());
    let mut ancestors = Ancestors::default();
    for (index, draft) in drafts.into_iter().enumerate() {
        let parent = ancestors.push(HeadingId(index as u32), draft.kind);
        let depth = parent.map_or(1, |p| headings[p.0 as usize].depth + 1);
        headings.push(Heading {
            kind: draft.kind,
            label: draft.label,
            title: draft.title,
            line: draft.line,
            depth,
            parent,
            paragraph: draft.paragraph,
        });
    }
    Outline { headings }
}

#[cfg(test)]
mod tests {
    use super::*;
    use HeadingKind::*;

    fn depths(kinds: &[HeadingKind]) -> Vec<u16> {
        let drafts = kinds
            .iter()
            .map(|&kind| HeadingDraft {
                kind,
                label: String::new(),
                title: String::new(),
                line: 0,
                paragraph: 0,
            })
            .collect();
        link(drafts).headings.iter().map(|h| h.depth).collect()
    }

    #[test]
    fn nests_by_kind_skipping_absent_kinds() {
        assert_eq!(depths(&[Doc, H1, H3, H3, H1, H3]), [1, 2, 3, 3, 2, 3]);
        assert_eq!(
            depths(&[Part, Doc, Toc, Pian, Zhang, Jie, Box, Jie, Part, Doc]),
            [1, 2, 3, 3, 4, 5, 6, 5, 1, 2]
        );
    }

    #[test]
    fn documents_are_siblings_and_leaves_take_no_children() {
        assert_eq!(depths(&[Part, Doc, H1, Doc, Doc, H1]), [1, 2, 3, 2, 2, 3]);
        assert_eq!(depths(&[Doc, Toc, Pian, Box, H1]), [1, 2, 2, 3, 3]);
    }
}
