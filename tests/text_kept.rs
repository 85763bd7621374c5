//! Nothing of a text is lost on the way to the reader: the sample, and the sample
//! repeated in one file (a compilation that holds a document twice or three
//! times), show every ideograph of their source but those of page numbers, and
//! the outline holds every copy's headings. A title standing at the top of a few
//! pages of a long file is text, not a running head.

use gangmu::parse::input;

/// The sample's rows in its gold outline (tests/fixtures/plans-2021.gold.tsv).
const SAMPLE_HEADINGS: usize = 681;

/// The sample `times` times in one file, a line break between the copies.
fn repeated(times: usize) -> String {
    let sample = std::str::from_utf8(gangmu::sample::BYTES).expect("the sample is UTF-8");
    vec![sample; times].join("\n")
}

fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

fn ideographs(text: &str) -> usize {
    text.chars().filter(|&c| is_ideograph(c)).count()
}

/// What `gangmu text` prints for `text`.
fn shown(text: &str) -> (String, usize) {
    let loaded = input::text_from_bytes("plans.txt", text.as_bytes())
        .expect("the sample decodes")
        .build();
    let mut out = Vec::new();
    gangmu::output::text::write_text(&loaded.document, None, &mut out).expect("written");
    let headings = loaded.document.outline.headings.len();
    (String::from_utf8(out).expect("the text is UTF-8"), headings)
}

fn check(times: usize) {
    let text = repeated(times);
    let (out, headings) = shown(&text);
    assert_eq!(
        headings,
        times * SAMPLE_HEADINGS,
        "headings of {times} copies"
    );
    // Its page numbers are all `- 14 -` or bare: no ideograph is left out.
    assert_eq!(
        ideographs(&out),
        ideographs(&text),
        "ideographs of {times} copies"
    );
}

#[test]
fn the_sample_keeps_its_text_and_headings() {
    check(1);
}

#[test]
fn the_sample_twice_keeps_its_text_and_headings() {
    check(2);
}

#[test]
fn the_sample_three_times_keeps_its_text_and_headings() {
    check(3);
}
