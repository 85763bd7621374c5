//! PDFs as a user opens them: a real government PDF against poppler's
//! extraction of it and its gold outline, and small PDFs made by
//! `fixtures/pdf/make.py` for each thing that goes wrong in the wild (predefined
//! Chinese `CMaps`, fonts without a Unicode map, a scan, passwords, truncation,
//! loops, bombs). The command line opens a PDF by its content, whatever its name.

use std::collections::HashMap;

use assert_cmd::Command;
use gangmu::parse::input::{self, InputError};
use gangmu::parse::pdf::{self, PdfError};

const ZHOUKOU: &str = "tests/fixtures/pdf/zhoukou-stats-2023.pdf";

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/pdf/{name}")).expect("the fixture exists")
}

fn text_of(name: &str) -> pdf::Extracted {
    pdf::extract(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn error_of(name: &str) -> PdfError {
    pdf::extract(&fixture(name)).expect_err(name)
}

fn ideographs(text: &str) -> HashMap<char, usize> {
    let mut counts = HashMap::new();
    for c in text
        .chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
    {
        *counts.entry(c).or_default() += 1;
    }
    counts
}

#[test]
fn the_zhoukou_pdf_keeps_the_ideographs_pdftotext_finds() {
    let poppler = ideographs(include_str!("fixtures/zhoukou-stats-2023-layout.txt"));
    let ours = ideographs(&text_of("zhoukou-stats-2023.pdf").text);
    let total: usize = poppler.values().sum();
    let kept: usize = poppler
        .iter()
        .map(|(c, n)| (*n).min(ours.get(c).copied().unwrap_or(0)))
        .sum();
    let extra: usize = ours.values().sum::<usize>() - kept;
    assert!(total > 4000, "the extraction has the document's text");
    assert!(kept * 1000 >= total * 995, "kept {kept} of {total}");
    assert!(
        extra * 1000 <= total * 5,
        "{extra} ideographs poppler does not find"
    );
}

#[test]
fn the_zhoukou_pdf_has_thirteen_pages_set_in_lines() {
    let text = text_of("zhoukou-stats-2023.pdf").text;
    assert_eq!(text.split('\u{c}').count(), 13);
    let first = text.lines().next().expect("a first line");
    assert_eq!(first.trim(), "2023 年周口市国民经济和社会发展统计公报");
    // A table row keeps its cells apart, as the page sets them.
    let row = text
        .lines()
        .find(|l| l.trim_start().starts_with("全市常住人口"))
        .expect("the row of table 1");
    assert!(row.contains("常住人口   "), "{row:?}");
    assert!(row.trim_end().ends_with("866.60"), "{row:?}");
}

#[test]
fn the_zhoukou_outline_matches_its_layout_gold_in_order() {
    let text = text_of("zhoukou-stats-2023.pdf").text;
    let outline = gangmu::output::tsv::render(&gangmu::build(&text).outline);
    let gold = include_str!("fixtures/zhoukou-stats-2023-layout.gold.tsv");
    let exact = exact_by_order(&rows(gold), &rows(&outline));
    assert!(exact >= 0.95, "exact {exact:.3}:\n{outline}");
}

/// (kind, label, title, depth) of each row of an outline's TSV.
fn rows(tsv: &str) -> Vec<[String; 4]> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 5, "{l:?}");
            [f[1], f[3], f[4], f[2]].map(|s| s.chars().filter(|c| !c.is_whitespace()).collect())
        })
        .collect()
}

/// `outline-score --by-order`: the two outlines aligned in order by kind and
/// label (the longest common subsequence); the share of gold rows matched with
/// the same title and depth.
fn exact_by_order(gold: &[[String; 4]], got: &[[String; 4]]) -> f64 {
    let key = |r: &[String; 4]| (r[0].clone(), r[1].clone());
    let mut table = vec![vec![0usize; got.len() + 1]; gold.len() + 1];
    for i in (0..gold.len()).rev() {
        for j in (0..got.len()).rev() {
            table[i][j] = if key(&gold[i]) == key(&got[j]) {
                table[i + 1][j + 1] + 1
            } else {
                table[i + 1][j].max(table[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut exact) = (0, 0, 0);
    while i < gold.len() && j < got.len() {
        if key(&gold[i]) == key(&got[j]) {
            exact += usize::from(gold[i][2] == got[j][2] && gold[i][3] == got[j][3]);
            i += 1;
            j += 1;
        } else if table[i + 1][j] >= table[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    exact as f64 / gold.len() as f64
}

#[test]
fn fonts_without_tounicode_are_read_through_their_predefined_cmap() {
    for name in ["ucs2.pdf", "gbk.pdf"] {
        let text = text_of(name).text;
        let pages: Vec<&str> = text.split('\u{c}').collect();
        assert_eq!(pages.len(), 2, "{name}");
        assert_eq!(
            pages[0].lines().next().map(str::trim),
            Some("关于印发发展规划的通知")
        );
        assert!(pages[0].contains("\n一、总体要求\n"), "{name}: {text}");
        assert!(
            pages[0].contains("坚持稳中求进，推动高质量发展。"),
            "{name}"
        );
        assert!(
            pages[1].contains("（一）加快数字经济发展，全年增长8.5%。"),
            "{name}: {text}"
        );
        let row = pages[0]
            .lines()
            .find(|l| l.starts_with("指标"))
            .expect("the table row");
        assert!(
            row.ends_with("   2025年"),
            "{name}: cells stay apart: {row:?}"
        );
    }
}

#[test]
fn an_identity_font_is_read_through_its_tounicode_map() {
    assert_eq!(text_of("identity.pdf").text.trim(), "第总总则");
}

#[test]
fn a_font_nothing_decodes_is_never_shown_as_junk() {
    assert_eq!(error_of("identity-no-map.pdf"), PdfError::Undecodable);
    let beside_text = text_of("junk.pdf");
    assert_eq!(beside_text.text.trim(), "第一章 总则");
    assert!(
        beside_text.warnings.iter().any(|w| w.contains("left out")),
        "{:?}",
        beside_text.warnings
    );
}

#[test]
fn a_scan_needs_ocr() {
    let error = error_of("scan.pdf");
    assert_eq!(error, PdfError::NeedsOcr { pages: 1 });
    let message = error.to_string();
    assert!(
        message.contains("OCR") && !message.contains('\n'),
        "{message}"
    );
}

#[test]
fn an_empty_user_password_opens_and_a_real_one_is_named() {
    assert_eq!(
        text_of("encrypted-empty.pdf").text.trim(),
        "加密文件的正文。"
    );
    assert_eq!(error_of("encrypted-secret.pdf"), PdfError::Encrypted);
    assert!(PdfError::Encrypted.to_string().contains("password"));
}

#[test]
fn a_truncated_file_gives_the_pages_that_survive_with_a_notice() {
    let cut = text_of("truncated.pdf");
    assert!(cut.text.contains("一、总体要求"), "{}", cut.text);
    assert!(
        !cut.warnings.is_empty(),
        "the user is told the file is damaged"
    );
}

#[test]
fn every_cut_of_a_file_ends_in_text_or_one_line_of_error() {
    let whole = fixture("ucs2.pdf");
    for end in (0..whole.len()).step_by(7) {
        match pdf::extract(&whole[..end]) {
            Ok(found) => assert!(found.warnings.iter().all(|w| !w.contains('\n'))),
            Err(e) => assert!(!e.to_string().contains('\n'), "{e}"),
        }
    }
}

#[test]
fn a_page_tree_that_loops_gives_each_page_once() {
    let looped = text_of("loop.pdf");
    assert_eq!(
        looped.text.matches("只出现一次的正文").count(),
        1,
        "{}",
        looped.text
    );
    assert!(looped.warnings.iter().any(|w| w.contains("more than once")));
}

#[test]
fn forms_that_draw_themselves_end_with_a_notice() {
    let drawn = text_of("forms.pdf");
    assert!(drawn.text.contains("正文在前"), "{}", drawn.text);
    assert!(
        drawn.warnings.iter().any(|w| w.contains("cut short")),
        "{:?}",
        drawn.warnings
    );
}

#[test]
fn a_stream_that_inflates_past_the_limit_is_left_out() {
    let bombed = text_of("bomb.pdf");
    assert!(bombed.text.contains("第一页的正文"));
    assert!(
        bombed
            .warnings
            .iter()
            .any(|w| w.starts_with("page 2 is cut short")),
        "{:?}",
        bombed.warnings
    );
}

#[test]
fn input_names_the_file_in_a_pdf_error() {
    let error = input::text_from_bytes("scan.pdf", &fixture("scan.pdf")).expect_err("a scan");
    assert!(matches!(error, InputError::Pdf { .. }));
    assert!(
        error
            .to_string()
            .starts_with("reading scan.pdf: the PDF has no text layer"),
        "{error}"
    );
}

fn gangmu() -> Command {
    Command::cargo_bin("gangmu").expect("the binary is built")
}

#[test]
fn outline_text_and_grep_read_a_pdf() {
    let outline = gangmu().args(["outline", ZHOUKOU]).output().expect("runs");
    assert!(outline.status.success());
    let outline = String::from_utf8(outline.stdout).expect("UTF-8");
    assert!(
        outline
            .lines()
            .any(|l| l.ends_with("\th1\t2\t十一、\t环境保护和安全生产")),
        "{outline}"
    );

    let text = gangmu().args(["text", ZHOUKOU]).output().expect("runs");
    assert!(text.status.success());
    let text = String::from_utf8(text.stdout).expect("UTF-8");
    assert!(
        text.contains("全年全市地区生产总值同比增长 4.8%"),
        "reflowed across the wrap"
    );

    let grep = gangmu()
        .args(["grep", ZHOUKOU, "常住人口城镇化率"])
        .output()
        .expect("runs");
    assert_eq!(grep.status.code(), Some(0));
    let hits = String::from_utf8(grep.stdout).expect("UTF-8");
    assert!(
        hits.lines().next().is_some_and(|l| l.contains("一、")),
        "{hits}"
    );
}

#[test]
fn a_pdf_named_txt_opens_as_a_pdf() {
    let dir = tempfile::tempdir().expect("temp dir");
    let disguised = dir.path().join("notice.txt");
    std::fs::write(&disguised, fixture("gbk.pdf")).expect("write");
    let output = gangmu()
        .arg("outline")
        .arg(&disguised)
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let outline = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(outline.contains("\t一、\t总体要求"), "{outline}");
    assert!(outline.contains("\t二、\t主要任务"), "{outline}");
}

#[test]
fn a_pdf_that_cannot_be_read_is_one_line_and_status_2() {
    for (name, says) in [("scan.pdf", "OCR"), ("encrypted-secret.pdf", "password")] {
        let path = format!("tests/fixtures/pdf/{name}");
        let output = gangmu().args(["text", &path]).output().expect("runs");
        assert_eq!(output.status.code(), Some(2));
        let stderr = String::from_utf8(output.stderr).expect("UTF-8");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.starts_with(&format!("gangmu: reading {path}: ")),
            "{stderr}"
        );
        assert!(stderr.contains(says), "{stderr}");
    }
}
