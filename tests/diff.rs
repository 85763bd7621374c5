//! `gangmu diff` on hand-made second versions of a real document (a shortened
//! 2024 national work report, one paragraph a line, and the hard-wrapped
//! sample): each kind of change is found at its line and nothing else is
//! reported; a rewrap reports nothing; the reverse diff mirrors the forward one.

use gangmu::output::diff::{Form, Print, write_diff};
use proptest::prelude::*;

const REPORT: &str = include_str!("fixtures/gwr-2024-short.txt");

/// The rows `gangmu diff` prints for `old` against `new`, split into fields.
fn rows(old: &str, new: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let different = write_diff(old, new, Print::Changes(Form::Tsv), &mut out).expect("written");
    let text = String::from_utf8(out).expect("UTF-8");
    let rows: Vec<Vec<String>> = text
        .lines()
        .map(|l| l.split('\t').map(String::from).collect())
        .collect();
    assert_eq!(different, !rows.is_empty(), "different exactly when rows");
    assert!(rows.iter().all(|r| r.len() == 5), "five fields: {text}");
    rows
}

/// The 1-based line of `text` holding `needle`.
fn line_of(text: &str, needle: &str) -> String {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} in the text"));
    (text[..at].matches('\n').count() + 1).to_string()
}

/// `text` with `from` (found once) replaced by `to`.
fn edited(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "{from} once");
    text.replacen(from, to, 1)
}

/// The lines of section `label` of the report (its paragraph and the body
/// paragraphs after it, up to the next section), as one block of text.
fn section_block(text: &str, label: &str, next: &str) -> String {
    let start = text.find(&format!("\n{label}")).expect("the section") + 1;
    let end = text.find(&format!("\n{next}")).expect("the next section") + 1;
    text[start..end].to_string()
}

/// Fields 0, 1, 2 and 4 of each row (the breadcrumb aside).
fn without_breadcrumbs(rows: &[Vec<String>]) -> Vec<[String; 4]> {
    rows.iter()
        .map(|r| [r[0].clone(), r[1].clone(), r[2].clone(), r[4].clone()])
        .collect()
}

#[test]
fn a_changed_sentence_is_one_row_with_the_words_that_changed() {
    let new = edited(
        REPORT,
        "保持工业经济平稳运行。",
        "保持工业经济平稳较快运行。",
    );
    let line = line_of(REPORT, "保持工业经济平稳运行。");
    let found = rows(REPORT, &new);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0][..3], ["changed", &line, &line]);
    assert!(found[0][3].ends_with("三、 › （一）"), "{}", found[0][3]);
    assert_eq!(found[0][4], "保持工业经济平稳{+较快+}运行。");
}

#[test]
fn an_added_and_a_removed_sentence_are_one_row_each() {
    let anchor = "保持工业经济平稳运行。";
    let added = edited(
        REPORT,
        anchor,
        "保持工业经济平稳运行。加快发展先进制造业集群。",
    );
    let line = line_of(REPORT, anchor);
    let found = without_breadcrumbs(&rows(REPORT, &added));
    assert_eq!(
        found,
        [["added", "", &line, "加快发展先进制造业集群。"].map(String::from)]
    );
    let removed = edited(REPORT, anchor, "");
    let found = without_breadcrumbs(&rows(REPORT, &removed));
    assert_eq!(found, [["removed", &line, "", anchor].map(String::from)]);
}

#[test]
fn a_removed_section_is_one_row_and_its_sentences_are_not_listed() {
    // The last section, so that no other is renumbered.
    let start = REPORT.find("\n（十）").expect("the last section") + 1;
    let found = rows(REPORT, &REPORT[..start]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0][..3],
        ["section-removed", &line_of(REPORT, "（十）"), ""]
    );
    assert_eq!(found[0][4], "（十） 切实保障和改善民生，加强和创新社会治理");
}

#[test]
fn a_renumbered_section_still_matches() {
    // (五) goes; (六)–(十) become (五)–(九): only the removal is reported.
    let block = section_block(REPORT, "（五）", "（六）");
    let mut new = edited(REPORT, &block, "");
    for (from, to) in [
        ("（六）", "（五）"),
        ("（七）", "（六）"),
        ("（八）", "（七）"),
        ("（九）", "（八）"),
        ("（十）", "（九）"),
    ] {
        new = edited(&new, &format!("\n{from}"), &format!("\n{to}"));
    }
    let outline = gangmu::build(&new).outline;
    assert_eq!(
        outline
            .headings
            .iter()
            .filter(|h| h.label == "（九）")
            .count(),
        1
    );
    let found = without_breadcrumbs(&rows(REPORT, &new));
    assert_eq!(
        found,
        [[
            "section-removed",
            &line_of(REPORT, "（五）"),
            "",
            "（五） 扩大高水平对外开放，促进互利共赢"
        ]
        .map(String::from)]
    );
}

#[test]
fn an_added_section_is_one_row() {
    let added = "（十一）加强政府自身建设，提高行政效能。深入推进依法行政。\n\n\
                 全面推进政务公开。健全政府决策机制，完善重大行政决策程序。\n";
    let new = format!("{REPORT}\n{added}");
    let found = without_breadcrumbs(&rows(REPORT, &new));
    assert_eq!(
        found,
        [[
            "section-added",
            "",
            &line_of(&new, "（十一）"),
            "（十一） 加强政府自身建设，提高行政效能"
        ]
        .map(String::from)]
    );
}

#[test]
fn a_moved_section_is_one_row_that_shows_its_renumbering() {
    // (三) moves after (五): the sections between are renumbered up.
    let third = section_block(REPORT, "（三）", "（四）");
    let fifth = section_block(REPORT, "（五）", "（六）");
    let fourth = section_block(REPORT, "（四）", "（五）");
    let moved = format!(
        "{}{}{}",
        fourth.replacen("（四）", "（三）", 1),
        fifth.replacen("（五）", "（四）", 1),
        third.replacen("（三）", "（五）", 1)
    );
    let new = edited(REPORT, &format!("{third}{fourth}{fifth}"), &moved);
    let found = rows(REPORT, &new);
    assert_eq!(found.len(), 1, "{found:?}");
    let (old_line, new_line) = (line_of(REPORT, "（三）"), line_of(&new, "（五）"));
    assert_eq!(found[0][..3], ["section-moved", &old_line, &new_line]);
    assert_eq!(
        found[0][4],
        "（[-三-]{+五+}） 着力扩大国内需求，推动经济实现良性循环"
    );
}

/// `text` hard-wrapped as a PDF extraction leaves it: every paragraph cut into
/// lines of `width` characters, a blank line after each.
fn rewrapped(text: &str, width: usize) -> String {
    let mut out = String::new();
    for paragraph in text.lines() {
        let chars: Vec<char> = paragraph.chars().collect();
        if chars.is_empty() {
            out.push('\n');
            continue;
        }
        for line in chars.chunks(width) {
            out.extend(line);
            out.push_str("\n\n");
        }
    }
    out
}

#[test]
fn a_rewrap_of_the_same_text_reports_nothing() {
    let outline = |t: &str| {
        let outline = gangmu::build(t).outline;
        outline
            .headings
            .iter()
            .map(gangmu::document::Heading::display)
            .collect::<Vec<_>>()
    };
    let (narrow, wide) = (rewrapped(REPORT, 27), rewrapped(REPORT, 36));
    for wrapped in [&narrow, &wide] {
        assert!(
            wrapped.lines().count() > 2 * REPORT.lines().count(),
            "wrapped"
        );
        assert_eq!(outline(wrapped), outline(REPORT), "the same sections");
    }
    assert_eq!(rows(REPORT, &narrow), Vec::<Vec<String>>::new());
    assert_eq!(rows(&wide, &narrow), Vec::<Vec<String>>::new());
}

#[test]
fn a_changed_sentence_of_a_hard_wrapped_text_is_found_at_the_line_it_starts_on() {
    let sample = std::str::from_utf8(gangmu::sample::BYTES).expect("UTF-8");
    // A word in the third wrapped line of a sentence that starts mid-line.
    let word = "不断提高贯彻新发展理念";
    let at = sample.find(word).expect("the word");
    let start = sample[..at].rfind('。').expect("a sentence before") + '。'.len_utf8();
    assert!(
        !sample[start..].starts_with(char::is_whitespace),
        "starts mid-line"
    );
    let old_line = (sample[..start].matches('\n').count() + 1).to_string();
    let word_line = sample[..at].matches('\n').count() + 1;
    assert!(
        word_line > old_line.parse::<usize>().expect("a number") + 1,
        "a wrap apart"
    );
    let new = sample.replacen(word, "不断提高贯彻落实新发展理念", 1);
    let found = rows(sample, &new);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0][..3], ["changed", &old_line, &old_line]);
    assert!(
        found[0][4].contains("贯彻{+落实+}新发展理念"),
        "{}",
        found[0][4]
    );
}

/// A row of the reverse diff as the forward diff shows it: added and removed
/// swapped, the lines swapped, the inline change turned round.
fn mirrored(row: &[String; 4]) -> [String; 4] {
    let op = match row[0].as_str() {
        "added" => "removed",
        "removed" => "added",
        "section-added" => "section-removed",
        "section-removed" => "section-added",
        other => other,
    };
    let text = row[3]
        .replace("[-", "\u{1}")
        .replace("-]", "\u{2}")
        .replace("{+", "[-")
        .replace("+}", "-]")
        .replace('\u{1}', "{+")
        .replace('\u{2}', "+}");
    [op.to_string(), row[2].clone(), row[1].clone(), text]
}

/// One edit of the report: what it does to the text.
#[derive(Debug, Clone)]
enum Edit {
    /// Characters put in at a place of a sentence.
    Insert(usize, String),
    /// A sentence taken out.
    DropSentence(usize),
    /// A section of 三、 taken out (by its number among them).
    DropSection(usize),
}

fn apply(text: &str, edit: &Edit) -> String {
    let sentences: Vec<(usize, usize)> = text
        .match_indices('。')
        .map(|(at, _)| at)
        .scan(0, |start, end| {
            let found = (*start, end + '。'.len_utf8());
            *start = found.1;
            Some(found)
        })
        .filter(|&(s, e)| !text[s..e].contains('\n'))
        .collect();
    match edit {
        Edit::Insert(which, what) => {
            let (start, end) = sentences[which % sentences.len()];
            let middle = text[start..end]
                .char_indices()
                .nth(3)
                .map_or(start, |(at, _)| start + at);
            format!(
                "{}{what}{}",
                &text[..middle],
                &text[middle..end.max(middle)]
            ) + &text[end.max(middle)..]
        }
        Edit::DropSentence(which) => {
            let (start, end) = sentences[which % sentences.len()];
            format!("{}{}", &text[..start], &text[end..])
        }
        Edit::DropSection(which) => {
            let labels = [
                "（一）",
                "（二）",
                "（三）",
                "（四）",
                "（五）",
                "（六）",
                "（七）",
                "（八）",
                "（九）",
                "（十）",
            ];
            let at = which % (labels.len() - 1);
            match text
                .find(&format!("\n{}", labels[at]))
                .zip(text.find(&format!("\n{}", labels[at + 1])))
            {
                Some((start, end)) if start < end => format!("{}{}", &text[..start], &text[end..]),
                _ => text.to_string(),
            }
        }
    }
}

fn an_edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0usize..400, "[推进加快建设改革发展稳定]{1,6}").prop_map(|(i, s)| Edit::Insert(i, s)),
        (0usize..400).prop_map(Edit::DropSentence),
        (0usize..10).prop_map(Edit::DropSection),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn the_reverse_diff_mirrors_the_forward_one(edits in prop::collection::vec(an_edit(), 1..6)) {
        let new = edits.iter().fold(REPORT.to_string(), |text, edit| apply(&text, edit));
        let mut forward = without_breadcrumbs(&rows(REPORT, &new));
        let mut backward: Vec<[String; 4]> = without_breadcrumbs(&rows(&new, REPORT)).iter().map(mirrored).collect();
        prop_assert_eq!(forward.is_empty(), new == REPORT, "the edits are seen");
        forward.sort();
        backward.sort();
        prop_assert_eq!(forward, backward);
    }
}

fn gangmu() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("gangmu").expect("the binary is built")
}

const FIXTURE: &str = "tests/fixtures/gwr-2024-short.txt";

#[test]
fn a_document_against_itself_prints_nothing_and_exits_0() {
    let output = gangmu()
        .args(["diff", FIXTURE, FIXTURE])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty() && output.stderr.is_empty());
}

#[test]
fn documents_that_differ_exit_1_and_trouble_exits_2() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let new = dir.path().join("new.txt");
    std::fs::write(&new, edited(REPORT, "保持工业经济平稳运行。", "")).expect("written");
    let new = new.to_str().expect("a UTF-8 path");
    let output = gangmu()
        .args(["diff", FIXTURE, new])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(text.starts_with("removed\t"), "{text}");
    let stat = gangmu()
        .args(["diff", "--stat", FIXTURE, new])
        .output()
        .expect("runs");
    assert_eq!(stat.status.code(), Some(1));
    let characters = "保持工业经济平稳运行。".chars().count();
    assert_eq!(
        String::from_utf8(stat.stdout).expect("UTF-8"),
        format!(
            "sections: 0 added, 0 removed, 1 changed, 0 moved\n\
             sentences: 0 changed, 0 added, 1 removed\n\
             characters: 0 added, {characters} removed\n"
        )
    );
    let missing = dir.path().join("missing.txt");
    let output = gangmu()
        .args(["diff", FIXTURE, missing.to_str().expect("a UTF-8 path")])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8(output.stderr).expect("UTF-8");
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.contains("missing.txt"), "{message}");
}

#[test]
fn control_characters_of_a_changed_sentence_come_out_visible() {
    let new = edited(
        REPORT,
        "保持工业经济平稳运行。",
        "保持工业经济\u{1b}[31m平稳运行。",
    );
    let found = rows(REPORT, &new);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0][4], "保持工业经济{+\u{241b}[31m+}平稳运行。");
}

#[test]
fn the_form_to_read_marks_changes_in_colour_or_with_brackets() {
    let new = edited(
        REPORT,
        "保持工业经济平稳运行。",
        "保持工业经济平稳较快运行。",
    );
    let written = |form| {
        let mut out = Vec::new();
        write_diff(REPORT, &new, Print::Changes(form), &mut out).expect("written");
        String::from_utf8(out).expect("UTF-8")
    };
    let plain = written(Form::Readable { colour: false });
    assert!(!plain.contains('\u{1b}'), "{plain}");
    assert!(
        plain.contains("\n    保持工业经济平稳{+较快+}运行。\n"),
        "{plain}"
    );
    let coloured = written(Form::Readable { colour: true });
    assert!(
        coloured.contains("平稳\u{1b}[32;4m较快\u{1b}[0m运行"),
        "{coloured}"
    );
}
