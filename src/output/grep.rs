//! `gangmu grep`: every place a phrase occurs in the reflowed text, one a line:
//! the source line it starts on, the breadcrumb of its section and the text
//! around it, TAB-separated. On a terminal the phrase is shown in bold red unless
//! `NO_COLOR` is set. Over several files each row starts with the file's name.

use std::io::{self, IsTerminal, Write};

use crate::document::Document;
use crate::search::text::{Query, TextHit, snippet};

/// Characters of context printed on each side of a hit.
const CONTEXT: (usize, usize) = (20, 20);
/// Columns a breadcrumb step without a label gets.
const STEP_TITLE: usize = 24;

/// Prints the hits of `phrase` in `text`; returns whether there was any.
pub fn write_hits(text: &str, phrase: &str, out: &mut impl Write) -> io::Result<bool> {
    let Some(query) = Query::new(phrase) else {
        return Ok(false);
    };
    let document = crate::build(text);
    Ok(write_file_hits(None, text, &document, &query, colour(), out)? > 0)
}

/// Whether hits are printed in colour: on a terminal, unless `NO_COLOR`.
pub fn colour() -> bool {
    io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Prints the hits of `query` in one file's `text` (built as `document`), each
/// row led by `file` and a TAB when given (as `grep -H` does); returns how many
/// there were.
pub fn write_file_hits(
    file: Option<&str>,
    text: &str,
    document: &Document,
    query: &Query,
    colour: bool,
    out: &mut impl Write,
) -> io::Result<usize> {
    let found = query.find_all(document, usize::MAX);
    if found.hits.is_empty() {
        return Ok(0);
    }
    let lines = crate::parse::source::lines(text).lines;
    let file = file.map_or(String::new(), |name| {
        format!("{}\t", crate::layout::safe::visible(name))
    });
    for hit in &found.hits {
        let paragraph = &document.paragraphs[hit.paragraph];
        let line = crate::parse::locate::source_line(&lines, paragraph, hit.start);
        writeln!(
            out,
            "{file}{line}\t{}\t{}",
            breadcrumb(document, hit),
            marked(&paragraph.text, hit, colour)
        )?;
    }
    Ok(found.hits.len())
}

/// The section a hit is in, from the top of the outline down.
fn breadcrumb(document: &Document, hit: &TextHit) -> String {
    let outline = &document.outline;
    let Some(heading) = document.paragraphs[hit.paragraph].heading else {
        return String::new();
    };
    let mut chain = outline.ancestors(heading);
    chain.push(heading);
    crate::layout::breadcrumb(outline, &chain, STEP_TITLE)
}

/// The text around a hit, safe to print, the hit in colour when asked for.
fn marked(text: &str, hit: &TextHit, colour: bool) -> String {
    let (around, range) = snippet(text, hit, CONTEXT);
    let chars: Vec<char> = around
        .chars()
        .map(crate::layout::safe::visible_char)
        .collect();
    let part = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
    let (before, found, after) = (
        part(0, range.start),
        part(range.start, range.end),
        part(range.end, chars.len()),
    );
    if colour {
        format!("{before}\x1b[1;31m{found}\x1b[0m{after}")
    } else {
        format!("{before}{found}{after}")
    }
}
