//! Any text at any width: the wrapper's rows fit, cover the text and keep their
//! edges clean (the text made safe first, as the reader does).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u8, &str)| {
    let (width, text) = input;
    let line = gangmu::safe::visible(&text.replace('\n', ""));
    if let Err(broken) = gangmu::invariants::wrapped_rows(&line, usize::from(width.max(1))) {
        panic!("{broken}");
    }
});
