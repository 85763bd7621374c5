//! The wrapper against literal rows, and its invariant over every width.

use super::*;

/// Closing marks no row may start with, written out apart from the code.
const MUST_NOT_START: &[char] = &[
    '，', '。', '、', '：', '；', '！', '？', '）', '】', '」', '』', '》', '〉', '”', '’', '…',
    '—', '%', '％', ')', ',', '.', ':', ';', '!', '?', '·',
];
/// Opening marks no row may end with.
const MUST_NOT_END: &[char] = &['（', '【', '「', '『', '《', '〈', '“', '‘', '(', '['];

#[test]
fn cjk_fills_each_row_and_never_splits_a_wide_character() {
    let text = "全面深化改革取得重大突破";
    assert_eq!(render_rows(text, 10), "全面深化改\n革取得重大\n突破");
    assert_eq!(render_rows(text, 11), "全面深化改\n革取得重大\n突破");
    assert_eq!(render_rows(text, 24), text);
}

#[test]
fn latin_breaks_at_spaces_and_keeps_words_whole() {
    assert_eq!(
        render_rows("the quick brown fox jumps", 10),
        "the quick\nbrown fox\njumps"
    );
    assert_eq!(render_rows("the   quick", 5), "the\nquick");
}

#[test]
fn a_word_wider_than_the_row_is_cut_by_characters() {
    assert_eq!(
        render_rows("internationalisation", 8),
        "internat\nionalisa\ntion"
    );
    assert_eq!(
        render_rows("see internationalisation", 8),
        "see\ninternat\nionalisa\ntion"
    );
    // A cut that would start a row with a comma carries a letter instead.
    assert_eq!(render_rows("abcdefgh, ij", 8), "abcdefg\nh, ij");
}

#[test]
fn mixed_latin_and_cjk_keeps_numbers_with_their_units() {
    let text = "到 2025 年，研发经费投入强度达到 5%以上";
    assert_eq!(
        render_rows(text, 12),
        "到 2025 年，\n研发经费投入\n强度达到 5%\n以上"
    );
    assert_eq!(
        render_rows(text, 10),
        "到\n2025 年，\n研发经费投\n入强度达到\n5%以上"
    );
    assert_eq!(render_rows("GDP增长AI大模型", 7), "GDP增长\nAI大模\n型");
}

#[test]
fn numbers_and_percentages_stay_whole() {
    assert_eq!(render_rows("增长5.2%左右", 6), "增长\n5.2%左\n右");
    assert_eq!(render_rows("总额38.6亿元", 6), "总额\n38.6亿\n元");
    assert_eq!(render_rows("从2021年到2035年", 9), "从2021年\n到2035年");
}

#[test]
fn pause_and_stop_marks_never_start_a_row() {
    assert_eq!(render_rows("一二三四，五六", 8), "一二三\n四，五六");
    assert_eq!(render_rows("一二三四。五六", 8), "一二三\n四。五六");
    assert_eq!(render_rows("一二三四、五六", 8), "一二三\n四、五六");
    assert_eq!(render_rows("一二三四：五六", 8), "一二三\n四：五六");
    assert_eq!(render_rows("一二三四！”五", 8), "一二三\n四！”五");
}

#[test]
fn closing_brackets_and_quotes_never_start_a_row() {
    assert_eq!(render_rows("甲（乙丙丁）戊", 10), "甲（乙丙\n丁）戊");
    assert_eq!(render_rows("他说「好的」然后", 10), "他说「好\n的」然后");
    assert_eq!(render_rows("学习《纲要》全文", 10), "学习《纲\n要》全文");
    assert_eq!(render_rows("提出“十四五”规划", 11), "提出“十四\n五”规划");
}

#[test]
fn opening_marks_never_end_a_row() {
    assert_eq!(render_rows("一二三（四五）", 8), "一二三\n（四五）");
    assert_eq!(render_rows("一二三《四》", 8), "一二三\n《四》");
    assert_eq!(render_rows("一二三“四五六”", 8), "一二三\n“四五六”");
    assert_eq!(render_rows("甲乙（丙）丁", 6), "甲乙\n（丙）\n丁");
}

#[test]
fn quotes_between_chinese_characters_break_on_their_outer_side() {
    // unicode-linebreak alone glues `法。“十` and `五”时`; LB19a breaks there.
    assert_eq!(
        render_rows("依法。“十四五”时期", 8),
        "依法。\n“十四五”\n时期"
    );
    assert_eq!(render_rows("提出“十四五”规划", 12), "提出“十四五”\n规划");
    // Latin inside the quotes: no break before the opening quote.
    assert_eq!(render_rows("他说“Hello”然后", 9), "他\n说“Hello”\n然后");
}

#[test]
fn dashes_ellipses_and_middle_dots_stay_with_what_precedes_them() {
    assert_eq!(render_rows("一二三——四五", 7), "一二\n三——四\n五");
    assert_eq!(render_rows("一二三——四五", 8), "一二三——\n四五");
    assert_eq!(render_rows("一二三……四五", 7), "一二\n三……四\n五");
    assert_eq!(render_rows("一二三……四五", 8), "一二三……\n四五");
    assert_eq!(render_rows("马克思·恩格斯", 6), "马克\n思·恩\n格斯");
    assert_eq!(render_rows("马克思•恩格斯", 6), "马克\n思•恩\n格斯");
}

#[test]
fn width_one_and_two() {
    assert_eq!(render_rows("一二三", 1), "一\n二\n三");
    assert_eq!(render_rows("ab", 1), "a\nb");
    assert_eq!(render_rows("一，", 1), "一\n，");
    assert_eq!(render_rows("一二", 0), "一\n二");
    // Too narrow for any legal break: rows still fit.
    assert_eq!(render_rows("“中”", 2), "“\n中\n”");
    assert_eq!(render_rows("中文。", 2), "中\n文\n。");
    assert_eq!(render_rows("（一）", 2), "（\n一\n）");
    assert_eq!(render_rows("a“b”c", 2), "a\n“b\n”c");
    // When something must give, a doubled dash stays whole.
    assert_eq!(render_rows("规——", 3), "规\n——");
    assert_eq!(render_rows("一……", 2), "一\n……");
}

#[test]
fn empty_text_and_spaces() {
    assert!(wrap("", 10).is_empty());
    assert_eq!(render_rows("", 10), "");
    assert_eq!(wrap("   ", 10), vec![0..0]);
    assert_eq!(render_rows("  leading", 20), "  leading");
    assert_eq!(render_rows("      ab", 3), "ab");
    assert_eq!(render_rows("trailing   ", 20), "trailing");
    assert_eq!(wrap("ab cd", 3), vec![0..2, 3..5]);
}

#[test]
fn zero_width_characters_stay_with_their_base() {
    let e = "e\u{301}";
    assert_eq!(render_rows(&e.repeat(3), 2), format!("{e}{e}\n{e}"));
    assert_eq!(
        render_rows("一\u{200B}二\u{200D}三", 2),
        "一\u{200B}\n二\u{200D}\n三"
    );
    // Emoji with a presentation selector is two columns.
    assert_eq!(render_rows("a☺\u{FE0F}b", 2), "a\n☺\u{FE0F}\nb");
}

#[test]
fn emoji_sequences_and_flags_stay_whole() {
    let family = "👨\u{200D}👩\u{200D}👧";
    assert_eq!(
        render_rows(&format!("一{family}二"), 4),
        format!("一{family}\n二")
    );
    assert_eq!(render_rows(family, 1), family);
    assert_eq!(render_rows("👍🏽👍🏽", 3), "👍🏽\n👍🏽");
    assert_eq!(render_rows("🇨🇳🇺🇳", 3), "🇨🇳\n🇺🇳");
}

#[test]
fn letters_with_marks_that_take_a_column_stay_whole() {
    // A consonant with a spacing vowel sign (Devanagari), one with two marks (Thai).
    assert_eq!(render_rows("किकि", 3), "कि\nकि");
    assert_eq!(render_rows("कि", 1), "कि");
    assert_eq!(render_rows("น้ำน้ำ", 3), "น้ำ\nน้ำ");
    // A mark on a space is drawn: the space is kept with it, not dropped.
    assert_eq!(render_rows("ab \u{301}c", 2), "ab\n \u{301}c");
    // So is the space an Arabic number sign stands on.
    assert_eq!(render_rows("ab\u{600} cd", 3), "ab\n\u{600} \ncd");
}

#[test]
fn the_invariant_refuses_a_row_boundary_inside_a_cluster() {
    let family = "👨\u{200D}👩\u{200D}👧";
    let split = "👨\u{200D}".len();
    let rows = [0..split, split..family.len()];
    assert!(check_ranges(family, 4, &rows).is_err());
    let whole = 0..family.len();
    assert_eq!(
        check_ranges(family, 4, std::slice::from_ref(&whole)),
        Ok(())
    );
    assert!(check_ranges("ab \u{301}", 2, &[0..2, 3..5]).is_err());
}

#[test]
fn control_characters_do_not_crash() {
    let text = "a\tb\u{0}c\r\nd\u{7f}中\u{1b}[";
    for width in 1..8 {
        check_fit_and_cover(text, width);
    }
}

#[test]
fn truncation_marks_the_cut() {
    assert_eq!(truncate("第十五章 打造数字经济新优势", 12), "第十五章 打…");
    assert_eq!(truncate("短", 12), "短");
    assert_eq!(truncate("一二", 1), "…");
    assert_eq!(truncate("一二", 0), "");
}

#[test]
fn truncation_never_cuts_inside_a_cluster() {
    let family = "👨\u{200D}👩\u{200D}👧";
    assert_eq!(
        truncate(&format!("ab{family}cd"), 5),
        format!("ab{family}…")
    );
    assert_eq!(truncate(&format!("ab{family}cd"), 4), "ab…");
    assert_eq!(truncate("中🇨🇳国", 4), "中…");
    assert_eq!(cut("ककिक", 3, '>'), ("क>".to_string(), true));
}

/// The rows of `text`, checked against [`check_rows`].
fn check_fit_and_cover(text: &str, width: usize) -> Vec<&str> {
    if let Err(broken) = check_rows(text, width) {
        panic!("{broken}");
    }
    wrap(text, width).into_iter().map(|r| &text[r]).collect()
}

/// As `check_fit_and_cover`, and no row starts with a closing mark or ends
/// with an opening one unless the row before holds a single cluster.
fn check_invariants(text: &str, width: usize) {
    let rows = check_fit_and_cover(text, width);
    for pair in rows.windows(2) {
        let forced = pair[0].graphemes(true).count() <= 1;
        let first = pair[1].chars().next().unwrap_or(' ');
        let last = pair[0].chars().next_back().unwrap_or(' ');
        assert!(
            forced || !MUST_NOT_START.contains(&first),
            "{width}: row starts with {first}: {pair:?}"
        );
        assert!(
            forced || !MUST_NOT_END.contains(&last),
            "{width}: row ends with {last}: {pair:?}"
        );
    }
}

/// Pseudo-paragraphs of five non-empty corpus lines each.
fn corpus_paragraphs() -> Vec<String> {
    let text = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/plans-2021.txt"
    ));
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.chunks(5).map(<[&str]>::concat).collect()
}

#[test]
fn rows_fit_rejoin_and_respect_the_rules_across_the_corpus() {
    let paragraphs = corpus_paragraphs();
    assert!(paragraphs.len() > 100);
    for width in [20, 41, 80, 137] {
        for paragraph in &paragraphs {
            check_invariants(paragraph, width);
        }
    }
}

#[test]
fn rows_fit_and_rejoin_on_random_mixtures() {
    const PIECES: &[&str] = &[
        "中",
        "国",
        "，",
        "。",
        "、",
        "（",
        "）",
        "《",
        "》",
        "“",
        "”",
        "‘",
        "’",
        "——",
        "……",
        "…",
        "—",
        "·",
        "•",
        " ",
        "  ",
        "a",
        "word",
        "2025",
        "5.2%",
        "％",
        "年",
        "e\u{301}",
        "\u{200B}",
        "\u{3000}",
        "☺\u{FE0F}",
        "👍🏽",
        "(",
        ")",
        ",",
        ".",
        "\t",
        "ｶ",
        "한",
        "\u{11A8}",
        "\u{301}",
        "\u{200D}",
        "👨\u{200D}👩\u{200D}👧",
        "🇨",
        "🇳",
        "कि",
        "ि",
        "น้ำ",
        "\u{600}",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..2000 {
        let len = (next() % 30) as usize;
        let text: String = (0..len)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect();
        for width in 1..14 {
            check_fit_and_cover(&text, width);
        }
    }
}
