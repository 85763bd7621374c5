//! Any bytes as a PDF: its text extracted or refused with one line, never a panic,
//! a hang or unbounded memory; every warning one line, every page's text free of
//! the NUL bytes a font without a Unicode map would leave.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    match gangmu::parse::pdf::extract(bytes) {
        Ok(extracted) => {
            assert!(extracted.warnings.iter().all(|w| !w.contains('\n')));
            assert!(!extracted.text.contains('\0'));
        }
        Err(error) => assert!(!error.to_string().contains('\n')),
    }
});
