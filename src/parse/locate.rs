//! Where a place in the reflowed text came from: the source line holding a given
//! byte of a paragraph. A paragraph's text is its content lines joined, so the
//! lines of its source span are laid along the text in order; lines that are not
//! part of it (a 专栏 box that interrupted it, a running head) do not line up and are
//! passed over. Used by `gangmu grep`; knows nothing of the terminal.

use crate::document::Paragraph;
use crate::parse::source::{self, Line};

/// The source line that byte `byte` of `paragraph`'s text came from; the
/// paragraph's first line when its lines cannot be laid along its text.
/// `lines` are the content lines of the text the document was built from.
pub fn source_line(lines: &[Line], paragraph: &Paragraph, byte: usize) -> u32 {
    let first = lines.partition_point(|l| l.number < paragraph.first_line);
    let text = &paragraph.text;
    let mut cursor = 0;
    let mut found = paragraph.first_line;
    for line in lines[first..]
        .iter()
        .take_while(|l| l.number <= paragraph.last_line)
    {
        let Some(end) = lay_along(text, cursor, line.text) else {
            continue;
        };
        found = line.number;
        if byte < end {
            break;
        }
        cursor = end;
    }
    found
}

/// Whether `line` continues `text` at byte `from`, white space aside on either
/// side (joins drop and add spaces); if so, where in `text` it ends.
fn lay_along(text: &str, from: usize, line: &str) -> Option<usize> {
    let mut rest = text.get(from..)?.char_indices().peekable();
    let mut end = from;
    for wanted in line.chars().filter(|&c| !source::is_space(c)) {
        loop {
            let (at, c) = rest.next()?;
            if source::is_space(c) || c == '\n' {
                continue;
            }
            if c != wanted {
                return None;
            }
            end = from + at + c.len_utf8();
            break;
        }
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// For each paragraph, the source line of every character.
    fn lines_of_each_char(text: &str) -> Vec<Vec<u32>> {
        let document = crate::build(text);
        let lines = source::lines(text).lines;
        document
            .paragraphs
            .iter()
            .map(|p| {
                p.text
                    .char_indices()
                    .map(|(at, _)| source_line(&lines, p, at))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_hard_wrapped_paragraph_maps_each_byte_to_its_line() {
        let line = "一二三四五六七八九十".repeat(3);
        let text = format!("{line}\n\n{line}\n\n{line}\n\n短句。\n");
        let found = lines_of_each_char(&text);
        assert_eq!(found.len(), 1, "one paragraph");
        assert_eq!(found[0][0], 1);
        assert_eq!(found[0][30], 3);
        assert_eq!(found[0][60], 5);
        assert_eq!(*found[0].last().expect("text"), 7);
    }

    #[test]
    fn lines_that_do_not_line_up_are_passed_over() {
        let paragraph = Paragraph {
            kind: crate::document::ParagraphKind::Body,
            text: "前半句后半句。".to_string(),
            first_line: 1,
            last_line: 3,
            in_box: false,
            heading: None,
        };
        let source = "前半句\n专栏插入的一行\n后半句。\n";
        let lines = source::lines(source).lines;
        assert_eq!(source_line(&lines, &paragraph, 0), 1);
        assert_eq!(source_line(&lines, &paragraph, "前半句".len()), 3);
    }
}
