//! Jumping by heading: a table of queries of every form a reader types (Chinese
//! text, full pinyin, initials, mixed, labels and numbers), each with the heading it
//! is meant to find, chosen before ranking was tuned (five queries that matched two
//! headings equally well were made specific). At least 90% must come first.

use gangmu::search::Index;

/// (query, source line of the heading meant).
const QUERIES: &[(&str, u32)] = &[
    // Chinese text, parts of titles.
    ("数字经济", 2792),
    ("数字政府", 2886),
    ("一流营商", 3248),
    ("数字中国", 2784),
    ("乡村基础设施", 3373),
    ("农业转移人口", 3491),
    ("东北振兴", 3889),
    ("一带一路", 4538),
    ("收入分配", 5039),
    ("依法治国", 5565),
    ("规划立法", 5832),
    ("保护和激发", 7250),
    ("现代物流", 9378),
    ("城市更新", 10463),
    ("体育强市", 12185),
    ("依法治市", 12630),
    ("建议稿起草", 1248),
    ("医药卫生体制", 4774),
    ("生态保护补偿", 4261),
    ("男女平等", 5158),
    // Full pinyin.
    ("shuzijingji", 2792),
    ("yiliuyingshang", 3248),
    ("chengshigengxin", 10463),
    ("xiandaiwuliu", 9378),
    ("yifazhiguo", 5565),
    // Pinyin initials.
    ("szjj", 2792),
    ("szzf", 2886),
    ("ylys", 3248),
    ("dbzx", 3889),
    ("csgx", 10463),
    ("tyqs", 12185),
    ("cq", 7683),
    ("zq", 7683),
    // Mixed Chinese and initials.
    ("数字jj", 2792),
    ("一流ys", 3248),
    ("城市gx", 10463),
    // Labels and numbers.
    ("第十五章", 2792),
    ("十五章", 2792),
    ("15章", 2792),
    ("15", 2792),
    ("第五篇", 2784),
    ("第十七章", 2886),
    ("17章", 2886),
    ("第五十九章", 5565),
    ("59章", 5565),
];

#[test]
fn nine_in_ten_queries_find_the_heading_meant_first() {
    let document = gangmu::build(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/plans-2021.txt"
    )));
    let index = Index::new(&document.outline);
    let mut misses = Vec::new();
    for &(query, line) in QUERIES {
        let hits = index.rank(&document.outline, query, None);
        let first = hits.first().map(|h| document.outline.get(h.id));
        if first.is_none_or(|h| h.line != line) {
            misses.push(format!(
                "{query}: got {:?}",
                first.map(|h| (h.line, &h.label, &h.title))
            ));
        }
    }
    let found = QUERIES.len() - misses.len();
    eprintln!("{found}/{} first\n{}", QUERIES.len(), misses.join("\n"));
    assert!(QUERIES.len() >= 40);
    assert!(
        found * 10 >= QUERIES.len() * 9,
        "{found}/{}:\n{}",
        QUERIES.len(),
        misses.join("\n")
    );
}

#[test]
fn the_chapter_of_the_document_being_read_comes_first() {
    let document = gangmu::build(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/plans-2021.txt"
    )));
    let index = Index::new(&document.outline);
    // Reading the Chongqing plan: its 第十五章 (line 10240) before the national one.
    let inside = document
        .outline
        .headings
        .iter()
        .position(|h| h.line == 10246)
        .expect("a heading");
    let current = gangmu::document::HeadingId(inside as u32);
    for query in ["15", "第十五章", "15章"] {
        let first = index.rank(&document.outline, query, Some(current))[0].id;
        assert_eq!(document.outline.get(first).line, 10240, "{query}");
    }
}

#[test]
fn an_empty_query_lists_headings_from_the_current_one() {
    let document = gangmu::build(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/plans-2021.txt"
    )));
    let index = Index::new(&document.outline);
    let current = gangmu::document::HeadingId(100);
    let hits = index.rank(&document.outline, "", Some(current));
    assert_eq!(hits.len(), document.outline.headings.len());
    assert_eq!(hits[0].id, current);
    assert_eq!(hits[1].id.0, 101);
}

#[test]
fn matched_characters_are_marked_for_highlighting() {
    let document = gangmu::build(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/plans-2021.txt"
    )));
    let index = Index::new(&document.outline);
    let hit = &index.rank(&document.outline, "szjj", None)[0];
    let heading = document.outline.get(hit.id);
    let shown: Vec<char> = heading.display().chars().collect();
    let matched = index.matched("szjj", hit.id);
    let marked: String = matched.iter().map(|&i| shown[i]).collect();
    assert_eq!(marked, "数字经济");
}

#[test]
fn typing_a_query_key_by_key_ranks_as_the_whole_query_does() {
    let document = gangmu::build(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/plans-2021.txt"
    )));
    let index = Index::new(&document.outline);
    for &(query, _) in QUERIES {
        let mut jump =
            gangmu::tui::popup::jump::Jump::new(gangmu::layout::rows::Position::default(), None);
        for c in query.chars() {
            jump.query.type_char(c);
            jump.rank(&index, &document.outline);
        }
        let whole = index.rank(&document.outline, query, None);
        assert_eq!(jump.count(), whole.len(), "{query}");
        // Going to the last row puts every row in order.
        jump.move_by(isize::MAX);
        if let Some(rows) = jump.rows_wanted() {
            let ask = jump.settle_ask(rows);
            assert!(jump.settled(query, ask.run(&index)));
        }
        let typed: Vec<_> = jump.hits().iter().map(|h| h.id).collect();
        let direct: Vec<_> = whole.iter().map(|h| h.id).collect();
        assert_eq!(typed, direct, "{query}");
    }
}

/// Every hit of a query of each form, in order, with its score and the characters
/// marked, kept as a snapshot: making ranking faster must not change it.
#[test]
fn every_hit_of_each_form_of_query_in_order() {
    let document = gangmu::build(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/plans-2021.txt"
    )));
    let outline = &document.outline;
    let index = Index::new(outline);
    let queries = [
        "数",
        "数字",
        "数字经济",
        "s",
        "sz",
        "szj",
        "szjj",
        "shuzijingji",
        "数字jj",
        "一流ys",
        "高质量fz",
        "gzl",
        "jj",
        "cq",
        "zq",
        "chongqing",
        "hangye",
        "第十五章",
        "第15章",
        "15",
        "3",
        "2035",
        "qqxqqz",
        "量子纠缠",
    ];
    let mut rows = Vec::new();
    for query in queries {
        for hit in index.rank(outline, query, None) {
            let heading = outline.get(hit.id);
            let shown: Vec<char> = heading.display().chars().collect();
            let matched = index.matched(query, hit.id);
            let marked: String = matched.iter().map(|&i| shown[i]).collect();
            rows.push(format!(
                "{query}\t{}\t{}\t{marked}",
                heading.line, hit.score
            ));
        }
    }
    insta::assert_snapshot!(rows.join("\n"));
}
