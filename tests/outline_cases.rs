//! Small texts, one phenomenon each, and the outline they must give (the contract's
//! TSV). Each case is a kind of thing real documents do, written out by hand.
//! Laws and regulations have theirs in `outline_laws.rs`.

mod common;

use common::check;

#[test]
fn a_speech_headline_with_its_subtitle_date_and_byline() {
    let text = "奋力开创新时代教育强市建设新局面\n\
                ——在全市教育大会上的讲话\n\
                （2021年5月10日）\n\
                张　三\n\
                \u{3000}\u{3000}同志们：\n\
                \u{3000}\u{3000}今天召开全市教育大会，主要任务是总结工作、部署任务。\n\
                \u{3000}\u{3000}一、深刻认识教育工作的重要地位\n\
                \u{3000}\u{3000}教育是国之大计、党之大计。\n";
    check(
        text,
        &[
            "1\tdoc\t1\t\t奋力开创新时代教育强市建设新局面",
            "7\th1\t2\t一、\t深刻认识教育工作的重要地位",
        ],
    );
}

#[test]
fn a_heading_that_ends_with_a_full_stop_alone_on_its_line() {
    let text = "一、总体要求\n（一）指导思想。\n\u{3000}\u{3000}坚持以人民为中心。\n（二）基本原则。\n\u{3000}\u{3000}坚持稳中求进。\n";
    check(
        text,
        &[
            "1\th1\t1\t一、\t总体要求",
            "2\th2\t2\t（一）\t指导思想",
            "4\th2\t2\t（二）\t基本原则",
        ],
    );
    let document = gangmu::build(text);
    let heading = &document.outline.headings[1];
    assert_eq!(
        document.paragraphs[heading.paragraph].kind,
        gangmu::document::ParagraphKind::Heading
    );
}

#[test]
fn a_box_whose_title_stands_on_the_line_below_its_label() {
    let text = "（一）加强生态保护\n\
                \u{3000}\u{3000}实施重要生态系统保护和修复重大工程。\n\
                专栏2\n\
                重大生态工程\n\
                \u{3000}\u{3000}1.山水林田湖草沙一体化保护修复工程。实施流域综合治理。\n\
                \u{3000}\u{3000}2.国土绿化工程。新增造林面积10万亩。\n\
                （二）强化环境治理\n";
    check(
        text,
        &[
            "1\th2\t1\t（一）\t加强生态保护",
            "3\tbox\t2\t专栏 2\t重大生态工程",
            "7\th2\t1\t（二）\t强化环境治理",
        ],
    );
}

#[test]
fn attachments_named_in_a_notice_are_not_attachments_until_they_begin() {
    let text = "青州市人民政府关于印发两项实施方案的通知\n\
                各镇人民政府，市政府各部门：\n\
                \u{3000}\u{3000}现将两项实施方案印发给你们，请认真贯彻执行。\n\
                \u{3000}\u{3000}附件：1．青州市教育提质实施方案\n\
                \u{3000}\u{3000}\u{3000}\u{3000}\u{3000}2．青州市医疗提升实施方案\n\
                青州市人民政府\n\
                2021年4月2日\n\
                附件1\n\
                青州市教育提质实施方案\n\
                \u{3000}\u{3000}一、工作目标\n\
                附件2\n\
                青州市医疗提升实施方案\n\
                \u{3000}\u{3000}一、工作目标\n";
    check(
        text,
        &[
            "1\tdoc\t1\t\t青州市人民政府关于印发两项实施方案的通知",
            "8\tdoc\t1\t附件1\t青州市教育提质实施方案",
            "10\th1\t2\t一、\t工作目标",
            "11\tdoc\t1\t附件2\t青州市医疗提升实施方案",
            "13\th1\t2\t一、\t工作目标",
        ],
    );
}

#[test]
fn ordinals_and_numbers_in_running_text_are_not_headings() {
    let text = "一、主要成就\n\
                \u{3000}\u{3000}第一，经济实力明显增强。第二，民生持续改善。\n\
                \u{3000}\u{3000}一是完善机制，二是加强保障。\n\
                \u{3000}\u{3000}首先，要统一思想。\n\
                \u{3000}\u{3000}2020年，全市地区生产总值增长3.9%。\n";
    check(text, &["1\th1\t1\t一、\t主要成就"]);
}

#[test]
fn a_run_of_empty_headings_that_recur_nowhere_is_a_list_not_contents() {
    let text = "一、保障措施\n（一）加强组织领导\n（二）强化资金保障\n（三）严格考核评估\n（四）营造良好氛围\n";
    check(
        text,
        &[
            "1\th1\t1\t一、\t保障措施",
            "2\th2\t2\t（一）\t加强组织领导",
            "3\th2\t2\t（二）\t强化资金保障",
            "4\th2\t2\t（三）\t严格考核评估",
            "5\th2\t2\t（四）\t营造良好氛围",
        ],
    );
}

#[test]
fn a_web_copy_s_link_text_and_footer_are_pieces_of_their_sentences() {
    let text = "2006年国务院政府工作报告\n\
                \n\
                政府工作报告\n\
                ——2006年3月5日在第十届全国人民代表大会第四次会议上\n\
                国务院总理\n\
                温家宝\n\
                \n\
                各位代表：\n\
                \n\
                一、过去一年的工作\n\
                \n\
                党的十六届五中全会以后，国务院根据中央《\n\
                建议\n\
                》精神，深入研究和编制规划，积极推动加入\n\
                区域全面经济伙伴关系协定\n\
                （RCEP）生效实施，建成全球最大自由贸易区。\n\
                \n\
                二、关于《\n\
                国民经济和社会发展第十一个五年规划纲要（草案）\n\
                》的说明\n\
                \n\
                第一，关于发展的指导原则，我们坚持以人为本\n\
                \n\
                本作品是中华人民共和国的\n\
                法律\n\
                、\n\
                法规\n\
                ，国家机关的决议、决定、命令，依据《\n\
                中华人民共和国著作权法\n\
                》第五条第一项，本作品不适用于该法。\n";
    check(
        text,
        &[
            "1\tdoc\t1\t\t2006年国务院政府工作报告",
            "10\th1\t2\t一、\t过去一年的工作",
            "18\th1\t2\t二、\t关于《国民经济和社会发展第十一个五年规划纲要（草案）》的说明",
        ],
    );
    let document = gangmu::build(text);
    assert!(document.paragraphs.iter().any(|p| p.text
        == "党的十六届五中全会以后，国务院根据中央《建议》精神，深入研究和编制规划，积极推动加入区域全面经济伙伴关系协定（RCEP）生效实施，建成全球最大自由贸易区。"));
}

#[test]
fn a_list_numbered_inside_a_section_does_not_end_the_sections_run() {
    let text = "一、国家在过渡时期的总任务\n\
                \n\
                正文。\n\
                \n\
                二、第一个五年计划的基本任务\n\
                \n\
                正文。\n\
                \n\
                三、第一个五年计划的执行\n\
                \n\
                为此必须做到下列各项：\n\
                \n\
                一、提高设计工作\n\
                \n\
                二、加强施工管理\n\
                \n\
                三、节约建设资金\n\
                \n\
                四、保证工程质量\n\
                \n\
                这些都是必须做到的。\n\
                \n\
                四、为完成和超额完成计划而奋斗\n\
                \n\
                正文。\n";
    check(
        text,
        &[
            "1\th1\t1\t一、\t国家在过渡时期的总任务",
            "5\th1\t1\t二、\t第一个五年计划的基本任务",
            "9\th1\t1\t三、\t第一个五年计划的执行",
            "23\th1\t1\t四、\t为完成和超额完成计划而奋斗",
        ],
    );
}

#[test]
fn the_rows_of_a_table_do_not_end_the_sections_run() {
    let text = "一、综合\n\
                \n\
                全年全市地区生产总值增长 4.8%。\n\
                \n\
                表2 居民消费价格指数\n\
                居民消费价格指数                          100.0\n\
                一、食品烟酒                             99.2\n\
                二、衣着                              101.3\n\
                三、居住                               99.9\n\
                \n\
                二、农业\n\
                \n\
                全年全市农林牧渔业总产值增长 2.3%。\n\
                \n\
                三、工业和建筑业\n\
                \n\
                全年全部工业增加值增长 7.7%。\n";
    check(
        text,
        &[
            "1\th1\t1\t一、\t综合",
            "11\th1\t1\t二、\t农业",
            "15\th1\t1\t三、\t工业和建筑业",
        ],
    );
}

#[test]
fn items_that_run_on_into_prose_are_a_list_not_a_new_run() {
    let text = "一、关于工农业生产的发展速度\n\
                \n\
                正文。\n\
                \n\
                二、关于财政、信贷的基本平衡\n\
                \n\
                为此，国务院决定：\n\
                \n\
                一、固定资产投资总规模，包括国家预算内的拨款、自筹资金和银行贷款，都必须由国家计划委员会统一安排。\n\
                \n\
                二、物资消耗高、产品质量差、经营不善而长期亏损的企业；\n\
                \n\
                三、生产供过于求的产品，一律停产；\n";
    check(
        text,
        &[
            "1\th1\t1\t一、\t关于工农业生产的发展速度",
            "5\th1\t1\t二、\t关于财政、信贷的基本平衡",
        ],
    );
}

#[test]
fn link_text_that_opens_a_sentence_is_not_a_title_where_blank_lines_part_paragraphs() {
    let text = "2017年国务院政府工作报告\n\
                \n\
                一、2016年工作回顾\n\
                \n\
                过去一年，我国发展面临诸多矛盾叠加、风险隐患交汇的严峻挑战。\n\
                \n\
                一年来，我们主要做了以下工作。\n\
                \n\
                我们坚持稳中求进工作总基调。\n\
                \n\
                这些成绩来之不易。\n\
                党的十八届六中全会\n\
                正式明确\n\
                习近平\n\
                总书记的核心地位，体现了党和人民的根本利益。\n\
                \n\
                二、2017年工作总体部署\n\
                \n\
                今年是实施“十三五”规划的重要一年。\n";
    check(
        text,
        &[
            "1\tdoc\t1\t\t2017年国务院政府工作报告",
            "3\th1\t2\t一、\t2016年工作回顾",
            "17\th1\t2\t二、\t2017年工作总体部署",
        ],
    );
}

#[test]
fn a_report_with_its_source_and_speaker_under_the_title_and_a_glossary_at_the_end() {
    let text = "2025年宁夏政府工作报告\n\
                来源：宁夏日报\n\
                ——2025年1月19日在宁夏回族自治区第十三届人民代表大会第四次会议上\n\
                宁夏回族自治区人民政府主席 张雨浦\n\
                各位代表：\n\
                现在，我代表自治区人民政府向大会报告工作，请予审议。\n\
                一、2024年工作回顾\n\
                2024年是极不平凡的一年。\n\
                二、2025年工作安排\n\
                今年是“十四五”规划收官之年。\n\
                名词解释\n\
                1.“两重”：国家重大战略实施和重点领域安全能力建设。\n\
                2.“两新”：大规模设备更新和消费品以旧换新。\n\
                附件\n\
                《政府工作报告》有关数据说明\n\
                1.地区生产总值增速按可比价格计算。\n";
    check(
        text,
        &[
            "1\tdoc\t1\t\t2025年宁夏政府工作报告",
            "7\th1\t2\t一、\t2024年工作回顾",
            "9\th1\t2\t二、\t2025年工作安排",
            "11\tdoc\t1\t\t名词解释",
            "12\th3\t2\t1.\t“两重”：国家重大战略实施和重点领域安全能力建设",
            "13\th3\t2\t2.\t“两新”：大规模设备更新和消费品以旧换新",
            "14\tdoc\t1\t附件\t《政府工作报告》有关数据说明",
            "16\th3\t2\t1.\t地区生产总值增速按可比价格计算",
        ],
    );
}

#[test]
fn a_label_that_looks_like_a_decimal_keeps_its_place_in_the_run() {
    let text = "一、主要产品产量\n\
                1．原煤产量增长5%。\n\
                2﹒发电量增长3%。\n\
                3．10种有色金属产量增长7%。\n\
                4．钢材产量下降2%。\n\
                全年增长3．5个百分点。\n";
    check(
        text,
        &[
            "1\th1\t1\t一、\t主要产品产量",
            "2\th3\t2\t1．\t原煤产量增长5%",
            "3\th3\t2\t2﹒\t发电量增长3%",
            "4\th3\t2\t3．\t10种有色金属产量增长7%",
            "5\th3\t2\t4．\t钢材产量下降2%",
        ],
    );
}

#[test]
fn a_box_in_a_web_export_ends_where_the_next_section_begins() {
    let text = "（一）加强生态保护。实施重要生态系统保护和修复重大工程。\n\
                专栏1 重大生态工程\n\
                1.山水林田湖草沙一体化保护修复工程。实施流域综合治理。\n\
                2.国土绿化工程。新增造林面积10万亩。\n\
                （二）强化环境治理。深入打好污染防治攻坚战。\n\
                （三）推动绿色转型。发展绿色低碳产业。\n";
    check(
        text,
        &[
            "1\th2\t1\t（一）\t加强生态保护",
            "2\tbox\t2\t专栏 1\t重大生态工程",
            "5\th2\t1\t（二）\t强化环境治理",
            "6\th2\t1\t（三）\t推动绿色转型",
        ],
    );
}

#[test]
fn a_notice_title_set_over_two_lines_keeps_its_parenthetical() {
    let text = "青州市人民政府关于印发《青州市教育强市建设三年行动\n\
                方案（2023—2027年）》的通知\n\
                青政发〔2023〕5号\n\
                各镇人民政府：\n\
                \u{3000}\u{3000}现将《青州市教育强市建设三年行动方案（2023—2027年）》印发给你们，请认真贯彻执行。\n\
                青州市人民政府\n\
                2023年3月1日\n\
                青州市教育强市建设三年行动方案（2023—2027年）\n\
                \u{3000}\u{3000}为加快建设教育强市，制定本方案。\n\
                \u{3000}\u{3000}一、总体要求\n\
                \u{3000}\u{3000}坚持立德树人。\n";
    check(
        text,
        &[
            "1\tdoc\t1\t\t青州市人民政府关于印发《青州市教育强市建设三年行动方案（2023—2027年）》的通知",
            "8\tdoc\t1\t\t青州市教育强市建设三年行动方案（2023—2027年）",
            "10\th1\t2\t一、\t总体要求",
        ],
    );
}

#[test]
fn unnumbered_sections_of_a_report_hold_the_numbered_runs_that_restart_under_them() {
    let text = "1984年政府工作报告\n\n各位代表：\n\n\
                \u{3000}\u{3000}我代表国务院向大会作政府工作报告，请予审议。\n\n\n\
                关于国内建设\n\n\
                \u{3000}\u{3000}一年来，国民经济继续稳定发展。\n\n\
                一、改革城市经济体制\n\n\
                \u{3000}\u{3000}城市改革要以增强企业活力为中心。\n\n\
                二、改革流通体制\n\n\
                \u{3000}\u{3000}要疏通流通渠道。\n\n\n\
                关于外交工作\n\n\
                \u{3000}\u{3000}一年来，我国积极开展外交活动。\n\n\
                一、维护世界和平\n\n\
                \u{3000}\u{3000}中国要和平，不要战争。\n\n\
                二、发展同各国的关系\n\n\
                \u{3000}\u{3000}我们坚持五项原则。\n\n\n\
                结束语\n\n\
                \u{3000}\u{3000}各位代表！让我们团结起来。\n";
    check(
        text,
        &[
            "1\tdoc\t1\t\t1984年政府工作报告",
            "8\tzhang\t2\t\t关于国内建设",
            "12\th1\t3\t一、\t改革城市经济体制",
            "16\th1\t3\t二、\t改革流通体制",
            "21\tzhang\t2\t\t关于外交工作",
            "25\th1\t3\t一、\t维护世界和平",
            "29\th1\t3\t二、\t发展同各国的关系",
            "34\tzhang\t2\t\t结束语",
        ],
    );
}

#[test]
fn a_flush_line_inside_a_numbered_section_is_not_a_section_around_it() {
    // 二、 goes on to 三、 across the line: it is a sub-heading or a spoken
    // transition inside 二、, and must not take 三、 under it.
    let text = "政府工作报告\n\n\
                \u{3000}\u{3000}我向大会作报告。\n\n\
                一、关于社会主义革命\n\n\
                \u{3000}\u{3000}社会主义革命取得了胜利。\n\n\
                二、关于社会主义建设\n\n\
                \u{3000}\u{3000}建设事业全面发展。\n\n\
                先说工业战线上的情况\n\n\
                \u{3000}\u{3000}工业总产值增长很快。\n\n\
                三、关于人民生活\n\n\
                \u{3000}\u{3000}人民生活有所改善。\n";
    check(
        text,
        &[
            "1\tdoc\t1\t\t政府工作报告",
            "5\th1\t2\t一、\t关于社会主义革命",
            "9\th1\t2\t二、\t关于社会主义建设",
            "17\th1\t2\t三、\t关于人民生活",
        ],
    );
}
