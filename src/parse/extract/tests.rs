//! Telling formats apart by content.

use super::*;

#[test]
fn formats_are_told_by_content() {
    assert_eq!(detect(b"%PDF-1.7\n"), Format::Pdf);
    assert_eq!(detect(b"PK\x03\x04....word/document.xml...."), Format::Docx);
    assert_eq!(detect(b"PK\x03\x04....xl/workbook.xml...."), Format::Text);
    assert_eq!(detect(b"<!doctype html><p>x</p>"), Format::Html);
    assert_eq!(detect("第一章 总则\n".as_bytes()), Format::Text);
}

#[test]
fn pieces_join_as_wrapped_lines_do() {
    let mut line = String::from("关于");
    join_into(&mut line, "通知");
    join_into(&mut line, "GDP");
    join_into(&mut line, "growth");
    assert_eq!(line, "关于通知GDP growth");
}

/// `page` as a Windows editor saves it in UTF-16: a byte-order mark, then two
/// bytes a unit, little- or big-endian.
fn utf16(page: &str, little_endian: bool) -> Vec<u8> {
    let mut bytes = if little_endian {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in page.encode_utf16() {
        let pair = if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        };
        bytes.extend_from_slice(&pair);
    }
    bytes
}

#[test]
fn a_page_saved_as_utf16_is_a_page_and_reads_as_its_text() {
    let page = "<!DOCTYPE html><html><head><title>通知</title></head>\
                <body><h1>关于印发方案的通知</h1><p>各区县人民政府：</p>\
                <p>现将《方案》印发给你们，请认真贯彻执行。</p></body></html>";
    for little_endian in [true, false] {
        let bytes = utf16(page, little_endian);
        assert_eq!(detect(&bytes), Format::Html);
        let extracted = html::extract(&bytes).expect("a page");
        assert!(
            extracted.text.contains("现将《方案》印发给你们"),
            "{}",
            extracted.text
        );
        assert!(!extracted.text.contains('<'), "{}", extracted.text);
    }
    // A UTF-16 text that is not a page stays text.
    assert_eq!(detect(&utf16("第一章 总则\n", true)), Format::Text);
}
