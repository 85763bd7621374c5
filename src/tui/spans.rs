//! Text as ratatui spans for one row: cut to a width with `…`, made safe, each
//! character in its style (the marks of a search or a jump on the matched
//! characters). Shared by the reader pane and the popups.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::Span;

use crate::layout::safe::visible_char;
use crate::layout::wrap::display_width;

/// `text` as spans within `width` columns (cut with `…` in `style_of(0)`'s style),
/// made safe, each character in the style `style_of` gives its index. Returns the
/// spans and the columns they take.
pub(crate) fn styled_spans<'a>(
    text: &str,
    style_of: impl Fn(usize) -> Style,
    width: usize,
) -> (Vec<Span<'a>>, usize) {
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0;
    let mut run = String::new();
    let mut run_style = style_of(0);
    let total = display_width(text);
    for (index, c) in text.chars().map(visible_char).enumerate() {
        let w = display_width(c.encode_utf8(&mut [0; 4]));
        if total > width && used + w + 1 > width {
            flush(&mut spans, &mut run, run_style);
            spans.push(Span::styled("…", style_of(0)));
            return (spans, used + 1);
        }
        let style = style_of(index);
        if style != run_style {
            flush(&mut spans, &mut run, run_style);
            run_style = style;
        }
        run.push(c);
        used += w;
    }
    flush(&mut spans, &mut run, run_style);
    (spans, used)
}

/// The style of characters in `marked` ranges: `base` patched with `mark`.
pub(crate) fn marking(
    base: Style,
    mark: Style,
    marked: &[Range<usize>],
) -> impl Fn(usize) -> Style {
    move |index| {
        if marked.iter().any(|r| r.contains(&index)) {
            base.patch(mark)
        } else {
            base
        }
    }
}

/// Ends a run of equally styled characters.
fn flush(spans: &mut Vec<Span<'_>>, run: &mut String, style: Style) {
    if !run.is_empty() {
        spans.push(Span::styled(std::mem::take(run), style));
    }
}
