//! Any bytes as a file: decoded or refused, then reflowed and outlined, with the
//! outline's invariants checked and the reader's rows of every paragraph laid out.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(decoded) = gangmu::parse::decode::decode(bytes) else {
        return;
    };
    let document = gangmu::build(&decoded.text);
    if let Err(broken) = document.check() {
        panic!("{broken}");
    }
    let mut layout = gangmu::layout::rows::ReaderLayout::new(23);
    for index in 0..document.paragraphs.len() {
        layout.rows(&document, index);
    }
});
