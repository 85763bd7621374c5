//! Any text at any width: the wrapper's rows fit, cover the text and keep their
//! edges clean (the text made safe first, as the reader does).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u8, &str)| {
    let (width, text) = input;
    let line = gangmu::layout::safe::visible(&text.replace('\n', ""));
    if let Err(broken) = gangmu::layout::wrap::check_rows(&line, usize::from(width.max(1))) {
        panic!("{broken}");
    }
});
