//! Jumping by heading in documents other than the sample, with queries written
//! before they were ever run and never used to tune the ranking: each fixture
//! (a study packet, a speech with rules, web news, a notice with its plan) gets
//! queries of every form a reader types, each with the heading meant. At least 90%
//! must come first.

use gangmu::search::Index;

/// (fixture, query, source line of the heading meant).
const QUERIES: &[(&str, &str, u32)] = &[
    ("packet", "集团化办学", 45),
    ("packet", "jthbx", 45),
    ("packet", "jiaoshiduiwu", 46),
    ("packet", "学前教育重点", 40),
    ("packet", "专栏1", 40),
    ("packet", "经费保障", 51),
    ("packet", "xxbj", 44),
    ("packet", "分工表", 55),
    ("packet", "fzjc", 22),
    ("packet", "附件2", 54),
    ("speech-and-rules", "第三条", 125),
    ("speech-and-rules", "第3条", 125),
    ("speech-and-rules", "督导规定", 109),
    ("speech-and-rules", "xitongguannian", 62),
    ("speech-and-rules", "调查研究", 84),
    ("speech-and-rules", "dcyj", 84),
    ("speech-and-rules", "第二章", 123),
    ("speech-and-rules", "附则", 142),
    ("speech-and-rules", "规划衔接", 95),
    ("speech-and-rules", "规划jx", 95),
    ("news", "典型案例", 25),
    ("news", "xxzc", 13),
    ("news", "队伍建设", 12),
    ("news", "新闻发布会", 18),
    ("news", "家校社", 26),
    ("news", "学区制", 27),
    ("news", "zlfs", 14),
    ("news", "组织实施", 15),
    ("packet-pdf", "生态环境保护规划", 24),
    ("packet-pdf", "主要指标", 89),
    ("packet-pdf", "zhuyaomubiao", 83),
    ("packet-pdf", "bzcs", 128),
    ("packet-pdf", "3章", 128),
    ("packet-pdf", "面临形势", 65),
    ("packet-pdf", "目录", 26),
];

fn fixture(name: &str) -> gangmu::Document {
    let path = format!("{}/tests/fixtures/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    gangmu::parse::input::load(std::path::Path::new(&path))
        .expect("the fixture reads")
        .document
}

#[test]
fn the_heading_meant_comes_first_for_nine_queries_in_ten() {
    let mut misses = Vec::new();
    for name in ["packet", "speech-and-rules", "news", "packet-pdf"] {
        let document = fixture(name);
        let index = Index::new(&document.outline);
        for &(_, query, line) in QUERIES.iter().filter(|q| q.0 == name) {
            let hits = index.rank(&document.outline, query, None);
            let first = hits.first().map(|h| document.outline.get(h.id).line);
            if first != Some(line) {
                misses.push(format!("{name}: {query} → {first:?}, meant {line}"));
            }
        }
    }
    let firsts = QUERIES.len() - misses.len();
    assert!(
        firsts * 10 >= QUERIES.len() * 9,
        "{firsts}/{} first; misses: {misses:#?}",
        QUERIES.len()
    );
    eprintln!("{firsts}/{} first; misses: {misses:?}", QUERIES.len());
}
