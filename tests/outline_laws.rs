//! Laws, regulations and judicial interpretations as people copy them, one
//! phenomenon each, and the outline they must give (the contract's TSV).

mod common;

use common::check;

#[test]
fn rules_with_chapters_and_run_in_articles() {
    let text = "青州市物业管理办法\n\
                第一章　总　　则\n\
                \u{3000}\u{3000}第一条　为了规范物业管理活动，维护业主的合法权益，制定本办法。\n\
                \u{3000}\u{3000}第二条　本办法适用于本市行政区域内的物业管理活动。\n\
                第二章　业主大会\n\
                \u{3000}\u{3000}第三条　业主大会由全体业主组成。业主大会应当代表和维护全体业主的合法权益。\n";
    check(
        text,
        &[
            "1\tdoc\t1\t\t青州市物业管理办法",
            "2\tzhang\t2\t第一章\t总则",
            "3\ttiao\t3\t第一条\t为了规范物业管理活动，维护业主的合法权益，制定本办法",
            "4\ttiao\t3\t第二条\t本办法适用于本市行政区域内的物业管理活动",
            "5\tzhang\t2\t第二章\t业主大会",
            "6\ttiao\t3\t第三条\t业主大会由全体业主组成",
        ],
    );
}

#[test]
fn a_chapter_and_its_first_article_on_one_line_are_two_headings() {
    let text = "\u{3000}第一章\u{3000}总则\u{3000}\u{3000}第一条\u{2002}\u{3000}为规范管理，制定本办法。\n\
                \u{3000}\u{3000}第二条\u{2002}\u{3000}本办法适用于本市。\n\
                \u{3000}第二章\u{3000}规划建设\u{3000}\u{3000}第三条\u{2002}\u{3000}主管部门编制规划。\n";
    check(
        text,
        &[
            "1\tzhang\t1\t第一章\t总则",
            "1\ttiao\t2\t第一条\t为规范管理，制定本办法",
            "2\ttiao\t2\t第二条\t本办法适用于本市",
            "3\tzhang\t1\t第二章\t规划建设",
            "3\ttiao\t2\t第三条\t主管部门编制规划",
        ],
    );
    let document = gangmu::build(text);
    let texts: Vec<&str> = document
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        texts[..2],
        [
            "第一章\u{3000}总则",
            "第一条\u{2002}\u{3000}为规范管理，制定本办法。"
        ]
    );
}

#[test]
fn the_clauses_of_an_article_are_not_headings() {
    let text = "中华人民共和国某某法\n\
                \n\
                2005年8月28日 第十届全国人民代表大会常务委员会第十七次会议通过\n\
                \n\
                第一章 总则\n\
                \n\
                第一条 为维护秩序，制定本法。\n\
                \n\
                第二条 有下列行为之一的，予以处罚：\n\
                \n\
                （一）扰乱秩序的；\n\
                \n\
                （二）妨害安全的。\n\
                \n\
                第三条 处罚适用本法。\n";
    check(
        text,
        &[
            "1\tdoc\t1\t\t中华人民共和国某某法",
            "5\tzhang\t2\t第一章\t总则",
            "7\ttiao\t3\t第一条\t为维护秩序，制定本法",
            "9\ttiao\t3\t第二条\t有下列行为之一的，予以处罚：",
            "15\ttiao\t3\t第三条\t处罚适用本法",
        ],
    );
}

#[test]
fn articles_count_up_past_gaps_insertions_and_a_line_between_them() {
    let text = "水法\n\
                2002年8月29日第九届全国人民代表大会常务委员会第二十九次会议修订通过 根据2009年8月27日《关于修改\n\
                〈中华人民共和国水法〉的决定》第一次修正\n\
                第一编 总则\n\
                第一条 为了合理开发、利用、节约和保护水资源，制定本法。\n\
                第一条之一 国家厉行节约用水。\n\
                第二条 在中华人民共和国领域内开发、利用水资源，适用本法。\n\
                第四条 开发、利用水资源，应当全面规划。\n\
                保护发展规划\n\
                第五条 县级以上人民政府应当加强水利基础设施建设。\n";
    check(
        text,
        &[
            "1\tdoc\t1\t\t水法",
            "4\tpian\t2\t第一编\t总则",
            "5\ttiao\t3\t第一条\t为了合理开发、利用、节约和保护水资源，制定本法",
            "6\ttiao\t3\t第一条之一\t国家厉行节约用水",
            "7\ttiao\t3\t第二条\t在中华人民共和国领域内开发、利用水资源，适用本法",
            "8\ttiao\t3\t第四条\t开发、利用水资源，应当全面规划",
            "10\ttiao\t3\t第五条\t县级以上人民政府应当加强水利基础设施建设",
        ],
    );
}

#[test]
fn an_extract_of_a_code_starts_at_its_own_article() {
    let text = "中华人民共和国民法典侵权责任编\n\
                第一千一百六十四条 本编调整因侵害民事权益产生的民事关系。\n\
                第一千一百六十五条 行为人因过错侵害他人民事权益造成损害的，应当承担侵权责任。\n";
    check(
        text,
        &[
            "1\tdoc\t1\t\t中华人民共和国民法典侵权责任编",
            "2\ttiao\t2\t第一千一百六十四条\t本编调整因侵害民事权益产生的民事关系",
            "3\ttiao\t2\t第一千一百六十五条\t行为人因过错侵害他人民事权益造成损害的，应当承担侵权责任",
        ],
    );
}

#[test]
fn clauses_repeated_in_two_articles_are_not_a_table_of_contents() {
    let text = "国家赔偿复议办法\n\
                第一章 总则\n\
                第一条 为了规范复议工作，制定本办法。\n\
                第二条 申请复议应当符合下列条件：\n\
                （一）赔偿请求人具备法律规定的主体资格；\n\
                （二）有具体的复议请求和事实根据；\n\
                （三）属于复议机关的职责范围；\n\
                （四）在法律规定的期限内提出。\n\
                第三条 复议机关审查时，应当审查下列事项：\n\
                （一）赔偿请求人具备法律规定的主体资格；\n\
                （二）有具体的复议请求和事实根据；\n\
                （三）属于复议机关的职责范围；\n\
                （四）在法律规定的期限内提出。\n\
                第四条 本办法自公布之日起施行。\n";
    check(
        text,
        &[
            "1\tdoc\t1\t\t国家赔偿复议办法",
            "2\tzhang\t2\t第一章\t总则",
            "3\ttiao\t3\t第一条\t为了规范复议工作，制定本办法",
            "4\ttiao\t3\t第二条\t申请复议应当符合下列条件：",
            "9\ttiao\t3\t第三条\t复议机关审查时，应当审查下列事项：",
            "14\ttiao\t3\t第四条\t本办法自公布之日起施行",
        ],
    );
}

#[test]
fn a_regulation_s_records_of_adoption_broken_over_lines_stay_under_its_title() {
    let text = "济南市农村公路条例\n\
                2014年7月23日 济南市第十五届人民代表大会常务委员会第十五次会议通过\n\
                2014年9月26\n\
                日山东省第十二届人民代表大会常务委员会第十次会议批准\n\
                （2015年6月1日济南市人民代表大会\n\
                常务委员会第三十次会议通过）\n\
                第一章  总  则\n\
                第一条 为了加强农村公路管理，制定本条例。\n";
    check(
        text,
        &[
            "1\tdoc\t1\t\t济南市农村公路条例",
            "7\tzhang\t2\t第一章\t总则",
            "8\ttiao\t3\t第一条\t为了加强农村公路管理，制定本条例",
        ],
    );
}

#[test]
fn an_attachment_named_with_its_title_on_its_label_s_line_begins_after_a_law() {
    let text = "某某市机动车驾驶管理条例\n\
                第一条 为了规范管理，制定本条例。\n\
                第二条 本条例自公布之日起施行。\n\
                附件1：查处酒后驾驶操作规程\n\
                一、现场检查\n\
                交通警察应当检查驾驶人的饮酒情况。\n\
                附件2：执勤执法用语\n\
                一、一般用语\n\
                您好，请出示驾驶证、行驶证。\n";
    check(
        text,
        &[
            "1\tdoc\t1\t\t某某市机动车驾驶管理条例",
            "2\ttiao\t2\t第一条\t为了规范管理，制定本条例",
            "3\ttiao\t2\t第二条\t本条例自公布之日起施行",
            "4\tdoc\t1\t附件1\t查处酒后驾驶操作规程",
            "5\th1\t2\t一、\t现场检查",
            "7\tdoc\t1\t附件2\t执勤执法用语",
            "8\th1\t2\t一、\t一般用语",
        ],
    );
    let notice = "青州市人民政府关于印发实施方案的通知\n\
                  各镇人民政府：\n\
                  \u{3000}\u{3000}现将实施方案印发给你们，请认真贯彻执行。\n\
                  附件1：青州市教育提质实施方案\n\
                  青州市人民政府\n\
                  2021年4月2日\n";
    check(
        notice,
        &["1\tdoc\t1\t\t青州市人民政府关于印发实施方案的通知"],
    );
}

#[test]
fn a_judicial_interpretation_set_again_under_its_page_title_is_one_document() {
    let text = "最高人民法院、最高人民检察院关于办理危害生产安全刑事案件适用法律若干问题的解释\n\
                2022年9月19日 最高人民法院审判委员会第1875次会议通过\n\
                2022年12月19日 施行\n\
                最高人民法院 最高人民检察院\n\
                关于办理危害生产安全刑事案件适用法律若干问题的解释\n\
                法释〔2022〕19号\n\
                为依法惩治危害生产安全犯罪，维护公共安全，制定本解释。\n\
                第一条 明知存在事故隐患，继续作业存在危险的，属于强令他人违章冒险作业。\n\
                第二条 本解释自公布之日起施行。\n";
    check(
        text,
        &[
            "1\tdoc\t1\t\t最高人民法院、最高人民检察院关于办理危害生产安全刑事案件适用法律若干问题的解释",
            "8\ttiao\t2\t第一条\t明知存在事故隐患，继续作业存在危险的，属于强令他人违章冒险作业",
            "9\ttiao\t2\t第二条\t本解释自公布之日起施行",
        ],
    );
}

#[test]
fn an_article_of_one_sentence_is_text_like_any_other() {
    let text = "某某条例\n第一条 为了规范管理，制定本条例。\n第二条 本条例自公布之日起施行。\n";
    let document = gangmu::build(text);
    for heading in &document.outline.headings[1..] {
        let paragraph = &document.paragraphs[heading.paragraph];
        assert_eq!(
            paragraph.kind,
            gangmu::document::ParagraphKind::Body,
            "{heading:?}"
        );
        assert!(paragraph.text.starts_with(&heading.label));
    }
}

#[test]
fn an_attachment_label_with_a_colon_and_its_title_below_begins_an_attachment() {
    let text = "导弹及相关物项和技术出口管制条例\n\
                第一条 为了加强出口管制，制定本条例。\n\
                第二条 本条例自公布之日起施行。\n\
                附件：\n\
                导弹及相关物项和技术出口管制清单\n\
                一、前言\n\
                本清单第一部分是导弹和其他运载系统。\n";
    check(
        text,
        &[
            "1\tdoc\t1\t\t导弹及相关物项和技术出口管制条例",
            "2\ttiao\t2\t第一条\t为了加强出口管制，制定本条例",
            "3\ttiao\t2\t第二条\t本条例自公布之日起施行",
            "4\tdoc\t1\t附件\t导弹及相关物项和技术出口管制清单",
            "6\th1\t2\t一、\t前言",
        ],
    );
}

#[test]
fn the_bodies_issuing_a_regulation_listed_under_its_title_belong_to_the_title() {
    // A web copy, blank lines between all lines: the issuing bodies one a
    // line, then the chapters.
    let text = "科学技术档案工作条例\n\n\
                1980年12月9日 国务院批准\n\n\
                1980年12月27日 国家经济委员会\n\n\
                国家基本建设委员会\n\n\
                国家科学技术委员会\n\n\
                国家档案局发布\n\n\
                发布之日施行\n\n\n\
                第一章　总则\n\n\
                第一条 为了建立、健全科学技术档案工作，特制定本条例。\n\n\
                第二条 科技档案是指在科研、生产、基建等活动中形成的科技文件材料。\n\n\
                第二章　科技文件材料的归档\n\n\
                第三条 各单位应当建立、健全科技文件材料的归档制度。\n";
    check(
        text,
        &[
            "1\tdoc\t1\t\t科学技术档案工作条例",
            "16\tzhang\t2\t第一章\t总则",
            "18\ttiao\t3\t第一条\t为了建立、健全科学技术档案工作，特制定本条例",
            "20\ttiao\t3\t第二条\t科技档案是指在科研、生产、基建等活动中形成的科技文件材料",
            "22\tzhang\t2\t第二章\t科技文件材料的归档",
            "24\ttiao\t3\t第三条\t各单位应当建立、健全科技文件材料的归档制度",
        ],
    );
}

#[test]
fn a_record_of_issue_under_a_title_is_not_a_second_title() {
    let text = "国务院关于高级专家离休退休若干问题的暂行规定\n\
                国家档案局发布\n\
                第一章　总则\n\
                第一条 本规定所称高级专家，系指正副教授、正副研究员。\n";
    check(
        text,
        &[
            "1\tdoc\t1\t\t国务院关于高级专家离休退休若干问题的暂行规定",
            "3\tzhang\t2\t第一章\t总则",
            "4\ttiao\t3\t第一条\t本规定所称高级专家，系指正副教授、正副研究员",
        ],
    );
}

#[test]
fn a_regulation_dated_under_its_title_keeps_its_title() {
    // A date under a name signs a notice off; under a regulation's title it
    // dates the regulation.
    let text = "关于军民合用机场使用管理的若干暂行规定\n\n\
                1985年12月30日\n\n\
                第一条 为加强军民合用机场的统一使用管理，制定本规定。\n\n\
                第二条 机场的使用管理，原则上由机场产权单位负责。\n";
    check(
        text,
        &[
            "1\tdoc\t1\t\t关于军民合用机场使用管理的若干暂行规定",
            "5\ttiao\t2\t第一条\t为加强军民合用机场的统一使用管理，制定本规定",
            "7\ttiao\t2\t第二条\t机场的使用管理，原则上由机场产权单位负责",
        ],
    );
}

#[test]
fn a_record_of_adoption_as_wide_as_the_title_does_not_make_it_prose() {
    // The record under the title is about as wide as the title: together they
    // must not pass for two lines of a hard-wrapped paragraph.
    let text = "最高人民法院关于人民法院民事执行中拍卖、变卖财产的规定\n\n\
                2004年10月26日 最高人民法院审判委员会第1330次会议通过\n\n\
                为了进一步规范民事执行中的拍卖、变卖措施，制定本规定。\n\n\
                第一条 在执行程序中，被执行人的财产被查封的，人民法院可以拍卖。\n\n\
                第二条 人民法院对查封的财产进行变价处理时，应当首先采取拍卖的方式。\n";
    check(
        text,
        &[
            "1\tdoc\t1\t\t最高人民法院关于人民法院民事执行中拍卖、变卖财产的规定",
            "7\ttiao\t2\t第一条\t在执行程序中，被执行人的财产被查封的，人民法院可以拍卖",
            "9\ttiao\t2\t第二条\t人民法院对查封的财产进行变价处理时，应当首先采取拍卖的方式",
        ],
    );
}
