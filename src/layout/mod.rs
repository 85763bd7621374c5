//! Text layout for a given width: no terminal code here.

pub mod rows;
pub mod safe;
pub mod wrap;

use crate::document::{HeadingId, Outline};
use crate::layout::safe::visible;

/// A chain of headings as a breadcrumb (`第一部分 › 中华人民共… › 第五篇`): each by
/// its label, or its title cut to `title_width` columns; made safe to draw.
pub fn breadcrumb(outline: &Outline, chain: &[HeadingId], title_width: usize) -> String {
    let steps: Vec<String> = chain
        .iter()
        .map(|&id| {
            let heading = outline.get(id);
            if heading.label.is_empty() {
                visible(&wrap::truncate(&heading.title, title_width))
            } else {
                visible(&heading.label)
            }
        })
        .collect();
    steps.join(" › ")
}

/// A heading as a list names it: the breadcrumb of `chain` (headings above it),
/// then its own label and title; made safe to draw.
pub fn named_under(
    outline: &Outline,
    chain: &[HeadingId],
    id: HeadingId,
    title_width: usize,
) -> String {
    let crumbs = breadcrumb(outline, chain, title_width);
    let own = visible(&outline.get(id).display());
    if crumbs.is_empty() {
        own
    } else {
        format!("{crumbs} › {own}")
    }
}
