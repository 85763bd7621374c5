//! Runs of text to a page's lines, as `pdftotext -layout` sets them: top to
//! bottom, left to right within a line, a gap between runs kept as spaces in
//! proportion to its width (so table cells stay apart and a letter-spaced
//! heading stays one line), the indent of a line kept the same way, and a blank
//! line where the page leaves a line's height free. Text drawn twice at the same
//! place (a bold face made by overprinting) is kept once.

use super::walk::Run;

/// A gap narrower than this share of the font size joins two runs without a space.
const JOINING_GAP: f64 = 0.15;
/// A baseline this share of the font size below the last starts a new line.
const NEW_LINE: f64 = 0.5;
/// Baselines this many font sizes apart leave a blank line between.
const BLANK_LINE: f64 = 1.6;

/// The page's text, one line per row of text, each ending in `\n`.
pub(super) fn page_text(mut runs: Vec<Run>) -> String {
    runs.retain(|r| r.size > 0.0 && r.text.chars().any(|c| !c.is_whitespace()));
    if runs.is_empty() {
        return String::new();
    }
    runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    let column = column_width(&runs);
    let left = runs.iter().map(|r| r.x0).fold(f64::INFINITY, f64::min);
    let mut out = String::new();
    let mut previous: Option<(f64, f64)> = None;
    for line in rows(runs) {
        let (y, size) = (line[0].y, line[0].size);
        if let Some((above, above_size)) = previous
            && above - y > BLANK_LINE * size.max(above_size)
        {
            out.push('\n');
        }
        previous = Some((y, size));
        write_line(&mut out, &line, left, column);
        out.push('\n');
    }
    out
}

/// The runs grouped into rows: a run whose baseline is within half its size of
/// the row's first joins it. Each row is sorted left to right.
fn rows(runs: Vec<Run>) -> Vec<Vec<Run>> {
    let mut rows: Vec<Vec<Run>> = Vec::new();
    for run in runs {
        match rows.last_mut() {
            Some(row) if row[0].y - run.y < NEW_LINE * run.size.min(row[0].size) => row.push(run),
            _ => rows.push(vec![run]),
        }
    }
    for row in &mut rows {
        row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    rows
}

/// The width of one column of text: half the size most of the page's text is
/// set in (a Chinese character takes two columns, a Latin letter about one).
fn column_width(runs: &[Run]) -> f64 {
    let mut sizes: Vec<(f64, usize)> = Vec::new();
    for run in runs {
        let chars = run.text.chars().count();
        match sizes.iter_mut().find(|(s, _)| (s - run.size).abs() < 0.5) {
            Some((_, count)) => *count += chars,
            None => sizes.push((run.size, chars)),
        }
    }
    let body = sizes
        .iter()
        .max_by_key(|(_, count)| *count)
        .map_or(10.0, |(size, _)| *size);
    (body / 2.0).max(0.1)
}

fn write_line(out: &mut String, line: &[Run], left: f64, column: f64) {
    let mut end: Option<&Run> = None;
    for run in line {
        match end {
            None => push_spaces(out, columns(run.x0 - left, column)),
            Some(last) => {
                if overprinted(last, run) {
                    continue;
                }
                let gap = run.x0 - last.x1;
                if gap >= JOINING_GAP * run.size.max(last.size) {
                    push_spaces(out, columns(gap, column).max(1));
                }
            }
        }
        out.push_str(&run.text);
        end = Some(run);
    }
}

/// The same text drawn again at (nearly) the same place: a bold face made by
/// overprinting.
fn overprinted(last: &Run, run: &Run) -> bool {
    last.text == run.text
        && (run.x0 - last.x0).abs() < 0.2 * run.size
        && (run.y - last.y).abs() < 0.2 * run.size
}

fn columns(width: f64, column: f64) -> usize {
    let count = (width / column).round();
    if count.is_finite() && count > 0.0 {
        (count as usize).min(200)
    } else {
        0
    }
}

fn push_spaces(out: &mut String, count: usize) {
    out.extend(std::iter::repeat_n(' ', count));
}
