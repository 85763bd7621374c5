//! Reflow on passages picked from the corpus, and an invariant over all of it: no
//! character of the source is lost, doubled or moved out of its paragraph.

use gangmu::document::{Document, ParagraphKind};
use std::fmt::Write as _;

const CORPUS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/plans-2021.txt"
));

/// The corpus, built once for all tests.
fn corpus() -> &'static Document {
    static DOCUMENT: std::sync::OnceLock<Document> = std::sync::OnceLock::new();
    DOCUMENT.get_or_init(|| gangmu::build(CORPUS))
}

/// The paragraph holding the given text.
fn paragraph_with<'d>(document: &'d Document, needle: &str) -> &'d gangmu::document::Paragraph {
    document
        .paragraphs
        .iter()
        .find(|p| p.text.contains(needle))
        .unwrap_or_else(|| panic!("no paragraph contains {needle:?}"))
}

#[test]
fn a_paragraph_runs_on_across_a_page_break_and_its_page_number() {
    // Lines 686–694: `- 14 -` after three blank lines, the sentence goes on below.
    let document = corpus();
    let paragraph = paragraph_with(document, "推进成渝地区双城经济圈建设。");
    assert_eq!(paragraph.kind, ParagraphKind::Body);
    assert!(
        paragraph
            .text
            .ends_with("推进以县城为重要载体的城镇化建设。")
    );
    assert!(!paragraph.text.contains("14"), "{}", paragraph.text);
}

#[test]
fn a_paragraph_ending_at_the_full_width_stops_at_the_heading_below_it() {
    // Line 556 ends a sentence at the full width; line 558 is the heading 七、.
    let document = corpus();
    let paragraph = paragraph_with(document, "深化政务公开。");
    assert!(
        paragraph
            .text
            .ends_with("深化行业协会、商会和中介机构改革。")
    );
    let heading = paragraph_with(document, "优先发展农业农村");
    assert_eq!(heading.kind, ParagraphKind::Heading);
    assert_eq!(heading.text, "七、优先发展农业农村，全面推进乡村振兴");
}

#[test]
fn a_box_inside_a_paragraph_leaves_the_paragraph_whole() {
    // 专栏 1 (line 13393) interrupts "大力发展公办园，" / " 支持民办园提供普惠性服务".
    let document = corpus();
    let paragraph = paragraph_with(document, "大力发展公办园，支持民办园提供普惠性服务。");
    assert_eq!(paragraph.kind, ParagraphKind::Body);
    assert!(!paragraph.in_box);
    assert!(paragraph.text.starts_with("持续实施学前教育行动计划。"));
    assert!(
        paragraph
            .text
            .ends_with("大力创建全国学前教育普及普惠区县。")
    );
    let item = paragraph_with(document, "实施思想政治理论课改革创新计划");
    assert!(item.in_box);
    assert!(item.text.starts_with("2.实施思想政治理论课改革创新计划。"));
    assert!(item.text.ends_with("示范课程和精彩案例。"));
    let after = paragraph_with(document, "加强幼儿园规范化建设");
    assert!(!after.in_box, "the box ends where the body text resumes");
}

#[test]
fn part_of_a_box_continued_on_the_next_page_is_lifted_out_of_the_paragraph() {
    // Items 5. and 6. of 专栏 4 (lines 14102–14118) split "指导服务中心职" / "责和能力建设".
    let document = corpus();
    let paragraph = paragraph_with(document, "社区教育指导服务中心职责和能力建设");
    assert!(!paragraph.in_box);
    let item = paragraph_with(document, "5.实施科技创新能力提升计划。");
    assert!(item.in_box);
    assert!(!item.text.contains("职责"));
}

#[test]
fn an_indicator_table_is_kept_row_by_row() {
    // 专栏 1 of the Chongqing plan, lines 7982–8090.
    let document = corpus();
    let table = paragraph_with(document, "地区生产总值增长");
    assert_eq!(table.kind, ParagraphKind::Table);
    assert!(table.in_box);
    let rows: Vec<&str> = table.text.split('\n').collect();
    assert!(
        rows.contains(&"1 地区生产总值增长（%） 预期性 9* 7.2*"),
        "{rows:?}"
    );
    assert!(rows.contains(&"一 创新发展"));
    assert!(rows.contains(&"28 城镇常住人口住房保障覆盖率（%） 约束性 23 23"));
    let note = paragraph_with(document, "备注：");
    assert_eq!(note.kind, ParagraphKind::Body);
    assert!(note.text.ends_with("2020 年最终数据以市统计局发布为准。"));
}

#[test]
fn text_already_one_paragraph_per_line_comes_out_unchanged() {
    let paragraphs = [
        "为贯彻落实党中央、国务院决策部署，推动本市教育事业高质量发展，现提出如下意见。",
        "到2025年，基本建成高质量教育体系，教育现代化水平明显提高，人民群众对教育的满意度显著提升，为建设社会主义现代化强市提供有力支撑。",
        "坚持以人民为中心，坚持立德树人，坚持改革创新。",
        "各区县要把教育事业发展摆在优先位置，加大投入，狠抓落实，确保各项任务落到实处。",
    ];
    let text = paragraphs.iter().fold(String::new(), |mut text, p| {
        let _ = write!(text, "\u{3000}\u{3000}{p}\r\n");
        text
    });
    let text = text.replace("\r\n", "\n");
    let document = gangmu::build(&text);
    let got: Vec<&str> = document
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(got, paragraphs);
}

#[test]
fn a_packet_saved_one_paragraph_per_line_keeps_its_lines() {
    let text = include_str!("fixtures/packet.txt");
    let document = gangmu::build(text);
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}'))
        .filter(|l| !l.is_empty())
        .collect();
    let rows: Vec<&str> = document
        .paragraphs
        .iter()
        .flat_map(|p| p.text.split('\n'))
        .collect();
    assert_eq!(rows, lines);
}

/// The corpus without white space and without its page-number lines.
fn source_characters() -> Vec<(u32, String)> {
    let mut blanks = 0;
    let mut out = Vec::new();
    for (index, line) in CORPUS.split('\n').enumerate() {
        let text: String = line
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
            .collect();
        let page_number = text.starts_with('-') && text.ends_with('-') && text.len() > 2
            || blanks >= 2 && !text.is_empty() && text.chars().all(|c| c.is_ascii_digit());
        if text.is_empty() || page_number {
            blanks += 1;
            continue;
        }
        blanks = 0;
        out.push((index as u32 + 1, text));
    }
    out
}

#[test]
fn every_character_of_the_corpus_appears_once_in_its_paragraph() {
    let document = corpus();
    let source = source_characters();
    let squeeze = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
    let total_source: usize = source.iter().map(|(_, t)| t.chars().count()).sum();
    let total_text: usize = document
        .paragraphs
        .iter()
        .map(|p| squeeze(&p.text).chars().count())
        .sum();
    assert_eq!(total_text, total_source, "characters lost or doubled");

    let mut source_sorted: Vec<char> = source.iter().flat_map(|(_, t)| t.chars()).collect();
    let mut text_sorted: Vec<char> = document
        .paragraphs
        .iter()
        .flat_map(|p| squeeze(&p.text).chars().collect::<Vec<_>>())
        .collect();
    source_sorted.sort_unstable();
    text_sorted.sort_unstable();
    assert!(
        source_sorted == text_sorted,
        "the reflowed text holds other characters than the source"
    );

    for paragraph in &document.paragraphs {
        let span: String = source
            .iter()
            .filter(|(n, _)| (paragraph.first_line..=paragraph.last_line).contains(n))
            .map(|(_, t)| t.as_str())
            .collect();
        let mut rest = span.chars();
        let in_order = squeeze(&paragraph.text)
            .chars()
            .all(|c| rest.any(|s| s == c));
        assert!(
            in_order,
            "paragraph at lines {}–{} is not its source lines in order",
            paragraph.first_line, paragraph.last_line
        );
    }
}

/// A small deterministic generator, so the test needs no extra crates.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }
}

#[test]
fn shuffled_and_damaged_corpus_lines_never_panic_or_lose_text() {
    let lines: Vec<&str> = CORPUS.split('\n').collect();
    let junk = [
        "",
        " ",
        "\u{3000}",
        "- 3 -",
        "7",
        "目 录",
        "专栏 9",
        "附件1",
        "（一）",
        "1.",
        "第一章",
        "\t\u{1b}[31m",
        "……（12）",
    ];
    let mut rng = Lcg(2021);
    for _ in 0..200 {
        let mut text = String::new();
        for _ in 0..rng.next() % 120 {
            let line = if rng.next().is_multiple_of(4) {
                junk[rng.next() % junk.len()].to_string()
            } else {
                let line = lines[rng.next() % lines.len()];
                let cut = line
                    .char_indices()
                    .map(|(i, _)| i)
                    .nth(rng.next() % 8)
                    .unwrap_or(0);
                line[cut..].to_string()
            };
            text.push_str(&line);
            text.push('\n');
        }
        let document = gangmu::build(&text);
        let squeeze = |s: &str| {
            s.chars()
                .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
                .count()
        };
        let kept: usize = document.paragraphs.iter().map(|p| squeeze(&p.text)).sum();
        assert!(kept <= squeeze(&text), "text was invented");
        for heading in &document.outline.headings {
            let parent_depth = heading.parent.map_or(0, |p| document.outline.get(p).depth);
            assert_eq!(heading.depth, parent_depth + 1);
            assert!(heading.paragraph < document.paragraphs.len());
        }
    }
}

#[test]
fn a_table_whose_cells_came_out_one_per_line_is_kept_as_a_table() {
    let cells = [
        "主要指标",
        "指标",
        "2020年",
        "2025年",
        "属性",
        "地区生产总值增长（%）",
        "3.9",
        "6左右",
        "预期性",
        "研发经费投入强度（%）",
        "2.1",
        "2.5",
        "预期性",
        "森林覆盖率（%）",
        "52.5",
        "55",
        "约束性",
    ];
    let before = "到2025年，全市经济实力、科技实力、综合实力大幅跃升，主要指标如下表所示。";
    let after = "上述指标中，约束性指标必须确保完成，预期性指标力争实现。";
    let text = format!("{before}\n\n{}\n\n{after}\n", cells.join("\n\n"));
    let document = gangmu::build(&text);
    let kinds: Vec<ParagraphKind> = document.paragraphs.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [
            ParagraphKind::Body,
            ParagraphKind::Table,
            ParagraphKind::Body
        ]
    );
    assert_eq!(document.paragraphs[1].text, cells.join("\n"));
}

#[test]
fn a_small_box_of_short_items_keeps_its_items_whole() {
    // 专栏 5 of the education plan (lines 14194–14207): two items, wider than the body.
    let document = corpus();
    let item = paragraph_with(document, "1.实施国家级终身教育示范争创计划。");
    assert!(item.in_box);
    assert!(
        item.text.ends_with("示范性职工培训基地 18 个左右。"),
        "{}",
        item.text
    );
    let resumed = paragraph_with(document, "增设教育博士、硕士学位授权点");
    assert!(!resumed.in_box);
}

#[test]
fn a_table_caption_after_a_sentence_at_full_width_is_not_glued_to_it() {
    // Line 13058 ends a sentence at the full width; 13060 captions the table below.
    let document = corpus();
    let paragraph = paragraph_with(document, "教育经费投入支撑保障体系更加健全。");
    assert!(paragraph.text.ends_with("更加健全。"), "{}", paragraph.text);
    let table = paragraph_with(document, "在园幼儿数（万人） 100.8 110 预期性");
    assert_eq!(table.kind, ParagraphKind::Table);
    assert!(
        table
            .text
            .starts_with("重庆教育事业“十四五”规划主要指标\n分类 指标 2020年 2025 年 属性")
    );
}

#[test]
fn short_rows_parted_by_blank_lines_are_not_a_wrapped_paragraph() {
    // A web copy of a rule, blank lines between all lines: an article that
    // opens a list, then the list's rows, each narrower than ten ideographs.
    let rows = [
        "1—10千伏 5米",
        "35—110千伏 10米",
        "154—330千伏 15米",
        "500千伏 20米",
    ];
    let article = "第二条 架空电力线路保护区，是导线边线向外侧延伸所形成的两平行线内的区域，\
                   在一般地区各级电压导线的边线延伸距离如下：";
    let text = format!(
        "电力设施保护规定\n\n第一条 为保障电力生产和建设的顺利进行，制定本规定。\n\n\
         {article}\n\n{}\n\n第三条 本规定自发布之日起施行。\n",
        rows.join("\n\n")
    );
    let document = gangmu::build(&text);
    let texts: Vec<&str> = document
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    let at = texts
        .iter()
        .position(|t| t.starts_with("第二条"))
        .expect("the article");
    assert_eq!(texts[at], article, "the article keeps its own line");
    assert_eq!(texts[at + 1..at + 1 + rows.len()], rows, "each row its own");
    let second = document
        .outline
        .headings
        .iter()
        .find(|h| h.label == "第二条")
        .expect("the article's heading");
    assert!(second.title.ends_with("如下："), "{}", second.title);
}

/// A law hard-wrapped at 30 ideographs, without indents, as a PDF's text
/// layer gives it: its second article breaks off at the full width before the
/// second chapter, whose first paragraph carries no label.
const WRAPPED_LAW: &str = "某某市档案管理条例\n\
第一章 总则\n\
第一条 为了加强档案管理，有效保护和利用档案，提高档案工作的\n\
质量和水平，推进档案治理体系和治理能力现代化，为经济社会发展\n\
服务，根据有关法律、行政法规的规定，结合本市实际，制定本条例\n\
。\n\
第二条 本条例适用于本市行政区域内从事档案收集、整理、保护、\n\
利用及其监督管理等活动，以及机关、团体、企业事业单位和其他组\n\
织的档案工作，具体范围由市档案主管部门会同有关部门另行\n\
第二章 档案机构及其职责\n\
市档案主管部门主管本市档案工作，负责档案工作的统筹规划、组织\n\
协调、建立制度、监督指导，区档案主管部门主管本区的档案工作，\n\
对本区机关、团体、企业事业单位和其他组织的档案工作实行监督和\n\
指导。\n\
第三条 有下列情形之一的，由档案主管部门责令限期改正，并可以\n\
对直接负责的主管人员依法给予处分：\n\
（一）丢失属于国家所有的档案的；\n\
（二）擅自提供、抄录、复制档案的。\n";

#[test]
fn a_paragraph_cut_off_before_a_chapter_does_not_go_on_after_it() {
    let document = gangmu::build(WRAPPED_LAW);
    let text: String = document
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    let source: String = WRAPPED_LAW.lines().collect();
    assert_eq!(text, source, "the text in the order it was written");
    let chapter = paragraph_with(&document, "档案机构及其职责");
    assert_eq!(chapter.kind, ParagraphKind::Heading);
}

#[test]
fn an_article_wrapped_over_lines_is_one_paragraph_whatever_ends_its_lead() {
    let document = gangmu::build(WRAPPED_LAW);
    // No full stop in its lines: cut short before the next chapter.
    let second = paragraph_with(&document, "第二条");
    assert!(second.text.ends_with("会同有关部门另行"), "{}", second.text);
    // A lead that opens a list ends on its colon.
    let third = paragraph_with(&document, "第三条");
    assert!(third.text.ends_with("依法给予处分："), "{}", third.text);
    let title = |label: &str| {
        let heading = document.outline.headings.iter().find(|h| h.label == label);
        heading.map(|h| h.title.clone()).unwrap_or_default()
    };
    assert_eq!(
        title("第三条"),
        "有下列情形之一的，由档案主管部门责令限期改正，并可以对直接负责的主管人员依法给予处分："
    );
}

/// `paragraphs` hard-wrapped at `width` characters (all of them two columns
/// wide), as a PDF's text layer gives a law: each first line indented two
/// ideographs, if `indent`.
fn hard_wrapped(paragraphs: &[&str], width: usize, indent: bool) -> String {
    let mut text = String::new();
    let lead = if indent { "\u{3000}\u{3000}" } else { "" };
    for paragraph in paragraphs {
        let chars: Vec<char> = format!("{lead}{paragraph}").chars().collect();
        for line in chars.chunks(width) {
            text.extend(line);
            text.push('\n');
        }
    }
    text
}

#[test]
fn articles_of_two_to_four_lines_with_indented_first_lines_are_whole() {
    // Only the four-line article has a line between two as wide as itself.
    let articles = [
        "第一条为了加强档案管理，有效保护和利用档案，根据有关法律、行政法规的规定，结合本市实际，制定本条例。",
        "第二条本条例适用于本市行政区域内从事档案收集、整理、保护、利用及其监督管理等活动。",
        "第三条市档案主管部门主管本市档案工作，负责档案工作的统筹规划、组织协调、建立制度、监督指导，对机关、团体、企业事业单位和其他组织的档案工作实行监督和指导，并会同有关部门制定本市档案事业发展规划，报市人民政府批准后组织实施。",
        "第四条区档案主管部门主管本区的档案工作，对本区机关、团体、企业事业单位和其他组织的档案工作实行监督和指导。",
        "第五条机关、团体、企业事业单位和其他组织应当确定档案机构或者档案工作人员，负责管理本单位的档案，并对所属单位的档案工作实行监督和指导。",
        "第六条档案馆是集中管理档案的文化事业机构，负责收集、整理、保管和提供利用各自分管范围内的档案。",
    ];
    let document = gangmu::build(&hard_wrapped(&articles, 30, true));
    let texts: Vec<&str> = document
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(texts, articles);
}

#[test]
fn in_a_law_without_indents_a_sentence_ended_at_the_full_width_ends_its_paragraph() {
    // The fourth article fills its two lines exactly; the paragraph after it
    // has no label. A law's paragraphs hold a sentence or two, so the full
    // stop at the line's end ends the paragraph.
    let paragraphs = [
        "第一条为了加强档案管理，有效保护和利用档案，提高档案工作的质量和水平，推进档案治理体系和治理能力现代化，根据有关法律、行政法规的规定，结合本市实际，制定本条例。",
        "第二条本条例适用于本市行政区域内从事档案收集、整理、保护、利用及其监督管理等活动，以及机关、团体、企业事业单位和其他组织的档案工作。",
        "第三条市档案主管部门主管本市档案工作，负责档案工作的统筹规划、组织协调、建立制度、监督指导，对机关、团体、企业事业单位和其他组织的档案工作实行监督和指导。",
        "区档案主管部门主管本区的档案工作，对本区机关、团体、企业事业单位和其他组织的档案工作实行监督和指导。",
        "第四条机关、团体、企业事业单位和其他组织应当确定档案机构或者档案工作人员，负责管理本单位的档案。",
        "前款规定的单位应当对所属单位的档案工作实行监督和指导，并保障档案工作所需经费。",
        "第五条档案馆是集中管理档案的文化事业机构，负责收集、整理、保管和提供利用各自分管范围内的档案。",
    ];
    let document = gangmu::build(&hard_wrapped(&paragraphs, 24, false));
    let texts: Vec<&str> = document
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(texts, paragraphs);
}
