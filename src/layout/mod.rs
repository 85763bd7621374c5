//! Text layout for a given width: no terminal code here.

pub mod contents;
mod long;
pub mod row;
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

/// The breadcrumb of `chain` in at most `width` columns, the innermost heading
/// first: it keeps its label and as much of its title as fits; the headings above
/// it follow by their labels (or their titles, cut shorter as room runs out), the
/// outermost given up first (`… › 第五篇 › 第二十章 数字经济`).
pub fn fit_breadcrumb(outline: &Outline, chain: &[HeadingId], width: usize) -> String {
    let Some((&inner, above)) = chain.split_last() else {
        return String::new();
    };
    let own = visible(&outline.get(inner).display());
    let own_width = wrap::display_width(&own);
    if own_width >= width {
        return wrap::truncate(&own, width);
    }
    if above.is_empty() {
        return own;
    }
    for title_width in ABOVE_TITLE_WIDTHS {
        let steps = breadcrumb(outline, above, title_width);
        let total = own_width + wrap::display_width(&steps) + SEPARATOR_WIDTH;
        if total <= width {
            return format!("{steps} › {own}");
        }
    }
    // The nearest headings above that fit, the rest given up.
    let shortest = ABOVE_TITLE_WIDTHS[ABOVE_TITLE_WIDTHS.len() - 1];
    let mut kept = String::new();
    for start in 1..=above.len() {
        let steps = breadcrumb(outline, &above[start..], shortest);
        let shown = if steps.is_empty() {
            format!("… › {own}")
        } else {
            format!("… › {steps} › {own}")
        };
        if wrap::display_width(&shown) <= width {
            kept = shown;
            break;
        }
    }
    if kept.is_empty() { own } else { kept }
}

/// Columns the titles of the headings above the innermost may take, most first.
const ABOVE_TITLE_WIDTHS: [usize; 4] = [usize::MAX, 24, 12, 6];
/// Columns of ` › `.
const SEPARATOR_WIDTH: usize = 3;

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

#[cfg(test)]
mod tests {
    use super::*;

    fn outline_and_chain() -> (Outline, Vec<HeadingId>) {
        let text = "第一部分 国家政策文件\n\
                    中华人民共和国国民经济和社会发展第十四个五年规划纲要\n\
                    第五篇 加快数字化发展 建设数字中国\n\
                    第十五章 打造数字经济新优势\n\
                    第一节 加强关键数字技术创新应用\n\
                    正文。\n";
        let document = crate::parse::build(text);
        let last = HeadingId(document.outline.headings.len() as u32 - 1);
        let mut chain = document.outline.ancestors(last);
        chain.push(last);
        (document.outline, chain)
    }

    #[test]
    fn the_innermost_heading_keeps_its_title_first() {
        let (outline, chain) = outline_and_chain();
        let wide = fit_breadcrumb(&outline, &chain, 200);
        assert_eq!(
            wide,
            "第一部分 › 中华人民共和国国民经济和社会发展第十四个五年规划纲要 › 第五篇 › 第十五章 › 第一节 加强关键数字技术创新应用"
        );
        let middling = fit_breadcrumb(&outline, &chain, 70);
        assert!(
            middling.ends_with("第一节 加强关键数字技术创新应用"),
            "{middling}"
        );
        assert!(middling.starts_with("第一部分 › 中华"), "{middling}");
        assert!(wrap::display_width(&middling) <= 70);
        let narrow = fit_breadcrumb(&outline, &chain, 50);
        assert_eq!(narrow, "… › 第十五章 › 第一节 加强关键数字技术创新应用");
        let tiny = fit_breadcrumb(&outline, &chain, 20);
        assert_eq!(tiny, "第一节 加强关键数字…");
    }
}
