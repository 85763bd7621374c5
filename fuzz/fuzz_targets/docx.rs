//! A Word file from any bytes: the input cut into document.xml, numbering.xml
//! and styles.xml at NUL bytes, zipped (stored) and extracted; input that is a
//! zip already is extracted as it is. Extraction ends in text or a message,
//! never a panic; the text is one block a line, the marked headings on its
//! lines, and it builds into a consistent outline.
#![no_main]

use std::io::Write;

use gangmu::parse::extract::{Extracted, docx};
use libfuzzer_sys::fuzz_target;
use zip::write::SimpleFileOptions;

fn zipped(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut parts = bytes.splitn(3, |&b| b == 0);
    let names = ["word/document.xml", "word/numbering.xml", "word/styles.xml"];
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for name in names {
        writer.start_file(name, options).ok()?;
        writer.write_all(parts.next().unwrap_or_default()).ok()?;
    }
    Some(writer.finish().ok()?.into_inner())
}

fn check(extracted: &Extracted) {
    if let Err(broken) = extracted.check() {
        panic!("{broken}");
    }
}

fuzz_target!(|bytes: &[u8]| {
    if bytes.starts_with(b"PK") {
        if let Ok(extracted) = docx::extract(bytes) {
            check(&extracted);
        }
        return;
    }
    let Some(file) = zipped(bytes) else {
        return;
    };
    if let Ok(extracted) = docx::extract(&file) {
        check(&extracted);
    }
});
