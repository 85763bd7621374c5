//! What the outline tests of small texts share: a text's outline as the
//! contract's TSV rows, held to the rows a test expects.

/// The outline of `text` as `gangmu outline` prints it.
fn outline(text: &str) -> String {
    gangmu::output::tsv::render(&gangmu::build(text).outline)
}

/// `text`'s outline is exactly `want`, row by row.
pub(crate) fn check(text: &str, want: &[&str]) {
    let got = outline(text);
    let got: Vec<&str> = got.lines().collect();
    assert_eq!(got, want, "for:\n{text}");
}
