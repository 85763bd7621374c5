//! Word files and web pages opened as a user opens them: `outline`, `text`,
//! `text --source`, `grep` and `find` on the fixtures of
//! `tests/fixtures/formats/` (made by its `make.py`, or copied from a published
//! report), told by their content whatever their name, and damaged ones refused
//! with one line.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name)
}

fn gangmu() -> Command {
    Command::cargo_bin("gangmu").expect("the binary is built")
}

/// What `gangmu ARGS… FILE` prints, which must succeed.
fn run(args: &[&str], file: &Path) -> String {
    let output = gangmu().args(args).arg(file).output().expect("runs");
    assert!(
        output.status.success(),
        "{args:?} {}: {}",
        file.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

fn outline(file: &Path) -> String {
    run(&["outline"], file)
}

/// The labels and titles of an outline, one a line.
fn headings(outline: &str) -> Vec<String> {
    outline
        .lines()
        .map(|row| {
            let cells: Vec<&str> = row.split('\t').collect();
            format!("{}{}", cells[3], cells[4])
        })
        .collect()
}

#[test]
fn a_word_file_shows_its_numbering_tables_and_notes_as_word_does() {
    let source = run(&["text", "--source"], &fixture("numbered.docx"));
    let expected = std::fs::read_to_string(fixture("numbered.txt")).expect("the fixture");
    assert_eq!(source, expected);
}

#[test]
fn a_word_file_has_the_outline_of_its_text_saved_one_paragraph_a_line() {
    for (docx, text) in [
        ("numbered.docx", "numbered.txt"),
        ("gwr-jilin-2025.docx", "gwr-jilin-2025.txt"),
    ] {
        let from_word = outline(&fixture(docx));
        assert!(from_word.lines().count() >= 10, "{docx}: {from_word}");
        assert_eq!(from_word, outline(&fixture(text)), "{docx}");
    }
}

#[test]
fn a_word_files_numbered_headings_make_its_outline() {
    let rows = outline(&fixture("numbered.docx"));
    assert_eq!(
        headings(&rows),
        [
            "关于加快数字经济发展的实施方案",
            "一、总体要求",
            "（一）指导思想",
            "（二）主要目标",
            "二、重点任务",
            "（一）建设数字基础设施",
            "1.加快5G网络建设",
            "专栏 1数字经济重点工程",
            "2.建设算力中心",
            "（二）推进产业数字化",
            "三、保障措施",
            "（一）加强组织领导",
        ]
    );
    assert!(rows.starts_with("1\tdoc\t1\t"));
    assert!(
        rows.contains("\n10\th1\t2\t二、\t重点任务\n"),
        "line N is block N"
    );
}

#[test]
fn a_word_file_is_told_by_its_content_not_its_name() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let renamed = dir.path().join("report.txt");
    std::fs::copy(fixture("numbered.docx"), &renamed).expect("copied");
    assert_eq!(outline(&renamed), outline(&fixture("numbered.docx")));
}

#[test]
fn grep_and_find_work_in_a_word_file() {
    let file = fixture("numbered.docx");
    let output = gangmu()
        .args(["grep"])
        .arg(&file)
        .arg("算力中心")
        .output()
        .expect("runs");
    assert!(output.status.success());
    let hits = String::from_utf8(output.stdout).expect("UTF-8");
    let rows: Vec<&str> = hits.lines().collect();
    assert_eq!(rows.len(), 1, "{hits}");
    assert!(rows[0].starts_with("15\t"), "{hits}");
    assert!(rows[0].ends_with("\t2. 建设算力中心"), "{hits}");
    let found = gangmu()
        .args(["find"])
        .arg(&file)
        .arg("szjc")
        .output()
        .expect("runs");
    let found = String::from_utf8(found.stdout).expect("UTF-8");
    assert!(
        found.starts_with("11\th2\t（一）\t建设数字基础设施"),
        "{found}"
    );
}

#[test]
fn a_government_page_in_gbk_gives_its_article_without_the_page_around_it() {
    let file = fixture("gov-article-gbk.html");
    let source = run(&["text", "--source"], &file);
    let first = source.lines().next().unwrap_or_default();
    assert_eq!(
        first,
        "某某市人民政府关于印发某某市促进数字经济发展若干措施的通知"
    );
    for furniture in [
        "首页",
        "政务公开",
        "当前位置",
        "索引号",
        "主题分类",
        "发文机关",
        "成文日期",
        "分享到",
        "微信",
        "打印本页",
        "相关文件",
        "网站标识码",
        "统计代码",
        "导航脚本",
        "字体",
    ] {
        assert!(!source.contains(furniture), "{furniture} in\n{source}");
    }
    assert!(source.contains("实现城区和乡镇5G网络全覆盖。"), "{source}");
    assert!(
        source.contains("某某市人民政府\n2025年3月5日\n"),
        "<br> a line break"
    );
    let rows = outline(&file);
    assert_eq!(
        headings(&rows),
        [
            "某某市人民政府关于印发某某市促进数字经济发展若干措施的通知",
            "某某市促进数字经济发展若干措施",
            "一、加快数字基础设施建设",
            "（一）推进网络设施升级",
            "（二）建设算力设施",
            "二、推动产业数字化转型",
            "（一）实施制造业数字化改造",
            "（二）发展数字服务业",
            "三、强化保障措施",
        ]
    );
}

#[test]
fn a_page_saved_from_a_browser_and_a_bare_fragment_give_their_article() {
    let saved = outline(&fixture("saved-page.html"));
    assert_eq!(
        headings(&saved),
        [
            "国务院办公厅关于推动养老服务高质量发展的意见",
            "一、总体要求",
            "二、重点任务",
            "（一）发展社区养老服务",
            "（二）提升机构养老服务能力",
            "三、保障措施",
        ]
    );
    let source = run(&["text", "--source"], &fixture("saved-page.html"));
    for furniture in [
        "中国政府网",
        "搜索",
        "互动",
        "相关推荐",
        "版权所有",
        "页面统计",
    ] {
        assert!(!source.contains(furniture), "{furniture} in\n{source}");
    }
    assert!(source.contains("\n完善养老服务标准体系；\n加强养老服务人才队伍建设。\n"));
    let fragment = outline(&fixture("fragment.html"));
    assert_eq!(
        headings(&fragment),
        [
            "关于开展安全生产大检查的通知",
            "一、检查范围",
            "二、检查内容",
            "三、工作要求",
        ]
    );
    let text = run(&["text"], &fixture("fragment.html"));
    assert!(
        text.contains("应急预案&演练情况"),
        "entities decoded: {text}"
    );
}

#[test]
fn grep_finds_a_phrase_in_a_web_page_by_its_block() {
    let output = gangmu()
        .arg("grep")
        .arg(fixture("gov-article-gbk.html"))
        .arg("算力")
        .output()
        .expect("runs");
    assert!(output.status.success());
    let hits = String::from_utf8(output.stdout).expect("UTF-8");
    // The heading's title and the lead sentence after it, both on block 10.
    assert_eq!(hits.lines().count(), 2, "{hits}");
    assert!(hits.lines().all(|hit| hit.starts_with("10\t")), "{hits}");
    assert!(!hits.contains("相关"), "{hits}");
}

#[test]
fn text_source_prints_a_plain_text_as_decoded() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = dir.path().join("crlf.txt");
    std::fs::write(
        &file,
        "第一章 总则\r\n\r\n第一条\t为了规范\x1b[31m管理。\r\n",
    )
    .expect("written");
    assert_eq!(
        run(&["text", "--source"], &file),
        "第一章 总则\n\n第一条\t为了规范\u{241B}[31m管理。\n"
    );
}

/// The one line a refused file gets, with exit status 2.
fn refusal(file: &Path) -> String {
    let output = gangmu().arg("outline").arg(file).output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8(output.stderr).expect("UTF-8");
    assert_eq!(message.lines().count(), 1, "{message}");
    message
}

#[test]
fn a_zip_bomb_a_word_file_cut_before_its_body_and_a_damaged_pdf_get_one_line_each() {
    let bomb = refusal(&fixture("bomb.docx"));
    assert!(bomb.contains("inflates to over 16 MB"), "{bomb}");
    let dir = tempfile::tempdir().expect("a temporary directory");
    let whole = std::fs::read(fixture("numbered.docx")).expect("the fixture");
    let truncated = dir.path().join("truncated.docx");
    // Cut before the body's name: a zip that is not known for a Word file.
    std::fs::write(&truncated, &whole[..whole.len() / 10]).expect("written");
    let message = refusal(&truncated);
    assert!(message.contains("a ZIP archive"), "{message}");
    let pdf = dir.path().join("plan.pdf");
    std::fs::write(&pdf, b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n").expect("written");
    let message = refusal(&pdf);
    assert!(message.contains("not a readable PDF"), "{message}");
}

/// A Word file cut short (a download broken off) loses its zip directory,
/// which stands at the end: it is read from its start as far as it goes.
#[test]
fn a_word_file_cut_short_shows_its_text_as_far_as_it_goes() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let whole = std::fs::read(fixture("numbered.docx")).expect("the fixture");
    let truncated = dir.path().join("truncated.docx");
    std::fs::write(&truncated, &whole[..whole.len() * 2 / 3]).expect("written");
    let output = gangmu()
        .args(["text", "--source"])
        .arg(&truncated)
        .output()
        .expect("runs");
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(
        text.starts_with("关于加快数字经济发展的实施方案\n"),
        "{text}"
    );
    assert!(text.contains("加快数字经济发展，制定本方案。"), "{text}");
    let warning = String::from_utf8(output.stderr).expect("UTF-8");
    assert_eq!(warning.lines().count(), 1, "{warning}");
    assert!(warning.contains("cut short"), "{warning}");
}

#[test]
fn a_page_nested_fifty_thousand_deep_opens_with_a_notice() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let page = dir.path().join("deep.html");
    let depth = 50_000;
    let markup = format!(
        "<html><body>{}<p>深处的第一段文字。</p><p>第二段。</p>{}<p>页脚。</p></body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    std::fs::write(&page, markup).expect("written");
    let output = gangmu()
        .args(["text", "--source"])
        .arg(&page)
        .output()
        .expect("runs");
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stdout).expect("UTF-8"),
        "深处的第一段文字。\n第二段。\n"
    );
    let warning = String::from_utf8(output.stderr).expect("UTF-8");
    assert!(
        warning.contains("nests elements over 512 deep"),
        "{warning}"
    );
}

#[test]
fn a_word_file_damaged_inside_gets_one_line() {
    let mut bytes = std::fs::read(fixture("gwr-jilin-2025.docx")).expect("the fixture");
    // Overwrite the middle of the archive, where the body's deflated text is.
    let middle = bytes.len() / 3;
    for byte in &mut bytes[middle..middle + 2000] {
        *byte = 0x5A;
    }
    let dir = tempfile::tempdir().expect("a temporary directory");
    let damaged = dir.path().join("damaged.docx");
    std::fs::write(&damaged, bytes).expect("written");
    let message = refusal(&damaged);
    assert!(message.contains("a damaged Word document"), "{message}");
}
