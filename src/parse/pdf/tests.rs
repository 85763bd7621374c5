//! Lines set from runs, and junk told from text, on runs written by hand.

use super::lines::page_text;
use super::walk::Run;
use super::{PdfError, extract, is_junk};

fn run(x0: f64, y: f64, text: &str) -> Run {
    let width = text.chars().count() as f64 * 10.0;
    Run {
        x0,
        x1: x0 + width,
        y,
        size: 10.0,
        text: text.to_string(),
    }
}

#[test]
fn runs_are_read_top_to_bottom_and_left_to_right() {
    let runs = vec![
        run(100.0, 700.0, "第二行"),
        run(0.0, 712.0, "第一行"),
        run(0.0, 700.0, "开头"),
    ];
    // A gap of 80 at size 10 is 16 columns of half the size.
    assert_eq!(
        page_text(runs),
        format!("第一行\n开头{}第二行\n", " ".repeat(16))
    );
}

#[test]
fn touching_runs_join_and_a_gap_keeps_the_cells_apart() {
    let runs = vec![
        run(0.0, 700.0, "全市"),
        run(20.0, 700.0, "人口"),
        run(200.0, 700.0, "866.60"),
    ];
    assert_eq!(
        page_text(runs),
        format!("全市人口{}866.60\n", " ".repeat(32))
    );
}

#[test]
fn an_indent_is_kept_and_a_free_line_height_leaves_a_blank_line() {
    let runs = vec![run(0.0, 700.0, "正文"), run(20.0, 670.0, "下一段")];
    assert_eq!(page_text(runs), "正文\n\n    下一段\n");
}

#[test]
fn text_overprinted_for_bold_is_kept_once() {
    let runs = vec![run(0.0, 700.0, "一、综合"), run(0.3, 700.2, "一、综合")];
    assert_eq!(page_text(runs), "一、综合\n");
}

#[test]
fn raw_codes_read_as_latin_1_are_junk_and_text_is_not() {
    assert!(is_junk("ÂÒÂë²»Ó¦ÏÔÊ¾"));
    assert!(is_junk("\u{1}\u{2}\u{3}"));
    assert!(!is_junk("温度 25°C，±0.5"));
    assert!(!is_junk("Café"));
}

#[test]
fn what_is_not_a_pdf_is_one_line_of_error() {
    for bytes in [
        &b""[..],
        b"%PDF-1.7",
        b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << /Root 1 0 R >>",
    ] {
        let error = extract(bytes).expect_err("no text");
        assert!(!error.to_string().contains('\n'), "{error}");
        assert!(
            matches!(error, PdfError::Damaged(_) | PdfError::NoPages),
            "{error:?}"
        );
    }
}
