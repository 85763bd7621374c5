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
