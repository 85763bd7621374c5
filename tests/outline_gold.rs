//! The parser against hand-checked gold outlines, scored as `outline-score` scores:
//! a predicted heading matches a gold one with the same kind and label (NFKC-folded,
//! spaces removed) within one source line; over the matches, titles and depths are
//! compared. The floors only ever rise.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use gangmu::document::ParagraphKind;

struct Row {
    line: i64,
    kind: String,
    depth: u32,
    label: String,
    title: String,
}

fn parse(tsv: &str) -> Vec<Row> {
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 5, "bad row {l:?}");
            Row {
                line: f[0].parse().expect("line number"),
                kind: f[1].to_string(),
                depth: f[2].parse().expect("depth"),
                label: f[3].to_string(),
                title: f[4].to_string(),
            }
        })
        .collect()
}

/// The scorer's normalisation: full-width ASCII folded (the NFKC that matters
/// here), white space removed, trailing `。` or `.` dropped.
fn norm(s: &str) -> String {
    let folded: String = s
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .filter(|c| !c.is_whitespace())
        .collect();
    folded.trim_end_matches(['。', '.']).to_string()
}

struct Score {
    f1: f64,
    exact: f64,
    report: String,
}

fn score(gold: &[Row], pred: &[Row]) -> Score {
    let mut by_key: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (i, p) in pred.iter().enumerate() {
        by_key
            .entry((p.kind.clone(), norm(&p.label)))
            .or_default()
            .push(i);
    }
    let mut used = HashSet::new();
    let mut pairs = Vec::new();
    let mut missed = Vec::new();
    for g in gold {
        let best = by_key
            .get(&(g.kind.clone(), norm(&g.label)))
            .into_iter()
            .flatten()
            .filter(|&&i| !used.contains(&i) && (pred[i].line - g.line).abs() <= 1)
            .min_by_key(|&&i| (pred[i].line - g.line).abs());
        match best {
            Some(&i) => {
                used.insert(i);
                pairs.push((g, &pred[i]));
            }
            None => missed.push(g),
        }
    }
    let m = pairs.len() as f64;
    let p = if pred.is_empty() {
        0.0
    } else {
        m / pred.len() as f64
    };
    let r = if gold.is_empty() {
        0.0
    } else {
        m / gold.len() as f64
    };
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    let exact = pairs
        .iter()
        .filter(|(g, q)| norm(&g.title) == norm(&q.title) && g.depth == q.depth)
        .count() as f64
        / gold.len() as f64;
    let mut report = String::new();
    let row = |r: &Row| {
        format!(
            "{:>6} {:<5} d{} {} {}\n",
            r.line, r.kind, r.depth, r.label, r.title
        )
    };
    for g in &missed {
        let _ = write!(report, "missed {}", row(g));
    }
    for (i, q) in pred.iter().enumerate() {
        if !used.contains(&i) {
            let _ = write!(report, "extra  {}", row(q));
        }
    }
    for (g, q) in &pairs {
        if norm(&g.title) != norm(&q.title) || g.depth != q.depth {
            let _ = write!(report, "gold   {}got    {}", row(g), row(q));
        }
    }
    Score { f1, exact, report }
}

fn outline_of(text: &str) -> Vec<Row> {
    let document = gangmu::build(text);
    parse(&gangmu::output::tsv::render(&document.outline))
}

/// Scores `text` against `gold` and holds the result to its floors.
fn check(name: &str, text: &str, gold: &str, floor_f1: f64, floor_exact: f64) {
    let got = score(&parse(gold), &outline_of(text));
    eprintln!(
        "{name}: F1 {:.3} exact {:.3}\n{}",
        got.f1, got.exact, got.report
    );
    assert!(
        got.f1 >= floor_f1,
        "{name}: F1 {:.3} below {floor_f1}\n{}",
        got.f1,
        got.report
    );
    assert!(
        got.exact >= floor_exact,
        "{name}: exact {:.3} below {floor_exact}\n{}",
        got.exact,
        got.report
    );
}

#[test]
fn plans_2021_matches_its_gold_outline() {
    let text = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/plans-2021.txt"
    ));
    check(
        "plans-2021",
        text,
        include_str!("fixtures/plans-2021.gold.tsv"),
        1.0,
        1.0,
    );
}

#[test]
fn a_study_packet_saved_one_paragraph_per_line_matches_its_gold_outline() {
    let text = include_str!("fixtures/packet.txt");
    check(
        "packet",
        text,
        include_str!("fixtures/packet.gold.tsv"),
        1.0,
        1.0,
    );
}

#[test]
fn a_speech_and_rules_extracted_from_pdf_match_their_gold_outline() {
    let text = include_str!("fixtures/speech-and-rules.txt");
    check(
        "speech-and-rules",
        text,
        include_str!("fixtures/speech-and-rules.gold.tsv"),
        1.0,
        1.0,
    );
}

#[test]
fn news_reports_saved_from_the_web_match_their_gold_outline() {
    let text = include_str!("fixtures/news.txt");
    check(
        "news",
        text,
        include_str!("fixtures/news.gold.tsv"),
        1.0,
        1.0,
    );
}

#[test]
fn a_regulation_with_each_chapter_on_its_first_article_s_line_matches_its_gold_outline() {
    let text = include_str!("fixtures/aba-govdata-2021.txt");
    check(
        "aba-govdata-2021",
        text,
        include_str!("fixtures/aba-govdata-2021.gold.tsv"),
        1.0,
        1.0,
    );
}

#[test]
fn a_law_with_clauses_under_its_articles_matches_its_gold_outline() {
    let text = include_str!("fixtures/zhian-law-2012.txt");
    check(
        "zhian-law-2012",
        text,
        include_str!("fixtures/zhian-law-2012.gold.tsv"),
        1.0,
        1.0,
    );
}

#[test]
fn a_statistical_communique_laid_out_by_pdftotext_matches_its_gold_outline() {
    let text = include_str!("fixtures/zhoukou-stats-2023-layout.txt");
    check(
        "zhoukou-stats-2023-layout",
        text,
        include_str!("fixtures/zhoukou-stats-2023-layout.gold.tsv"),
        1.0,
        1.0,
    );
}

#[test]
fn the_same_communique_in_plain_pdftotext_with_cells_one_a_line_matches_its_gold_outline() {
    let text = include_str!("fixtures/zhoukou-stats-2023-plain.txt");
    check(
        "zhoukou-stats-2023-plain",
        text,
        include_str!("fixtures/zhoukou-stats-2023-plain.gold.tsv"),
        1.0,
        1.0,
    );
}

#[test]
fn a_notice_and_its_plan_extracted_from_pdf_match_their_gold_outline() {
    let text = include_str!("fixtures/packet-pdf.txt");
    check(
        "packet-pdf",
        text,
        include_str!("fixtures/packet-pdf.gold.tsv"),
        1.0,
        1.0,
    );
}

/// `gold` with each heading's line moved as `moved` says.
fn move_lines(gold: &str, moved: &HashMap<i64, i64>) -> String {
    let rows: Vec<String> = parse(gold)
        .into_iter()
        .map(|r| {
            format!(
                "{}\t{}\t{}\t{}\t{}",
                moved[&r.line], r.kind, r.depth, r.label, r.title
            )
        })
        .collect();
    rows.join("\n")
}

/// The sample as another extraction would give it: `keep` says which source lines
/// stay, `edit` rewrites them. Returns the text and the gold with its line numbers
/// moved to match.
fn variant(keep: impl Fn(&str) -> bool, edit: impl Fn(&str) -> String) -> (String, String) {
    let source = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/plans-2021.txt"
    ));
    let mut lines = Vec::new();
    let mut moved = HashMap::new();
    for (index, line) in source.split('\n').enumerate() {
        if keep(line) {
            lines.push(edit(line));
            moved.insert(index as i64 + 1, lines.len() as i64);
        }
    }
    (
        lines.join("\n"),
        move_lines(include_str!("fixtures/plans-2021.gold.tsv"), &moved),
    )
}

#[test]
fn the_sample_without_its_blank_lines_matches_the_gold_outline() {
    let (text, gold) = variant(|l| !l.trim().is_empty(), str::to_string);
    check("single-spaced", &text, &gold, 1.0, 1.0);
}

#[test]
fn the_sample_without_its_page_start_spaces_matches_the_gold_outline() {
    let unmark = |l: &str| {
        l.strip_prefix(' ')
            .filter(|r| !r.starts_with(' '))
            .unwrap_or(l)
            .to_string()
    };
    let (text, gold) = variant(|_| true, unmark);
    check("no page marks", &text, &gold, 1.0, 1.0);
}

#[test]
fn the_sample_with_crlf_line_ends_and_no_blank_lines_matches_the_gold_outline() {
    let (text, gold) = variant(|l| !l.trim().is_empty(), |l| format!("{l}\r"));
    let decoded = gangmu::parse::decode::decode(text.as_bytes()).expect("text");
    check("CRLF", &decoded.text, &gold, 1.0, 1.0);
}

/// The sample re-typeset: each paragraph wrapped at `columns` terminal columns,
/// body paragraphs indented with two full-width spaces, no blank lines. Returns
/// the text and the gold with line numbers moved to match.
fn retypeset(columns: usize) -> (String, String) {
    retypeset_with(columns, "\u{3000}\u{3000}")
}

/// As [`retypeset`], with `body_indent` before each body paragraph.
fn retypeset_with(columns: usize, body_indent: &str) -> (String, String) {
    let source = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/plans-2021.txt"
    ));
    let document = gangmu::build(source);
    let mut lines: Vec<String> = Vec::new();
    let mut moved = HashMap::new();
    for paragraph in &document.paragraphs {
        moved.insert(i64::from(paragraph.first_line), lines.len() as i64 + 1);
        match paragraph.kind {
            ParagraphKind::Table | ParagraphKind::Contents => {
                lines.extend(paragraph.text.split('\n').map(str::to_string));
            }
            ParagraphKind::Body | ParagraphKind::Heading => {
                let indent = if paragraph.kind == ParagraphKind::Body {
                    body_indent
                } else {
                    ""
                };
                let text = format!("{indent}{}", paragraph.text);
                let rows = gangmu::layout::wrap::wrap(&text, columns);
                lines.extend(rows.into_iter().map(|r| text[r].to_string()));
            }
        }
    }
    let gold = move_lines(include_str!("fixtures/plans-2021.gold.tsv"), &moved);
    (lines.join("\n"), gold)
}

#[test]
fn the_sample_retypeset_with_indented_paragraphs_matches_the_gold_outline() {
    for columns in [44, 60, 80] {
        let (text, gold) = retypeset(columns);
        check(&format!("retypeset at {columns}"), &text, &gold, 0.999, 1.0);
    }
}

#[test]
fn the_sample_one_paragraph_a_line_matches_the_gold_outline() {
    let (text, gold) = retypeset(usize::MAX);
    check("one paragraph a line, indented", &text, &gold, 1.0, 1.0);
    let (text, gold) = retypeset_with(usize::MAX, "");
    check("one paragraph a line, no indents", &text, &gold, 1.0, 1.0);
}

/// `text` as a PDF extraction would give it: a blank line after every line, a page
/// number and a leading space every `page` lines. `gold` moves with it.
fn as_pdf_extraction(text: &str, gold: &str, page: usize) -> (String, String) {
    let mut out: Vec<String> = Vec::new();
    let mut moved = HashMap::new();
    for (index, line) in text.split('\n').enumerate() {
        let mut line = line.to_string();
        if index > 0 && index % page == 0 {
            out.extend(["", "", "", &format!("- {} -", index / page), ""].map(str::to_string));
            line.insert(0, ' ');
        }
        out.push(line);
        moved.insert(index as i64 + 1, out.len() as i64);
        out.push(String::new());
    }
    (out.join("\n"), move_lines(gold, &moved))
}

#[test]
fn the_sample_retypeset_as_another_pdf_extraction_matches_the_gold_outline() {
    for (columns, page) in [(56, 23), (64, 30)] {
        let (text, gold) = retypeset_with(columns, "");
        let (text, gold) = as_pdf_extraction(&text, &gold, page);
        check(
            &format!("PDF at {columns} columns"),
            &text,
            &gold,
            0.99,
            0.98,
        );
    }
}
