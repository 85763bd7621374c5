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
    if let Err(broken) = extracted.check() {
        panic!("{broken}");
    }
});
