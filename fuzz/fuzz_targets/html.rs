//! Any bytes as a web page: extracted to text or refused, never a panic; the
//! text is one block a line, the marked headings on its lines, and it builds
//! into a consistent outline.
#![no_main]

use gangmu::parse::extract::html;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(extracted) = html::extract(bytes) else {
        return;
    };
    let lines = extracted.text.lines().count();
    let mut last = None;
    for heading in &extracted.headings {
        assert!(heading.line < lines, "a marked heading past the text");
        assert!(last < Some(heading.line), "marked headings out of order");
        last = Some(heading.line);
    }
    let document = gangmu::build(&extracted.text);
    if let Err(broken) = document.check() {
        panic!("{broken}");
    }
});
