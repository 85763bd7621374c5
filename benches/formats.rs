//! Opening a Word file: a report of about 60 pages (the provincial report in
//! tests/fixtures/formats, its body five times over) extracted to text, and as
//! the reader opens it, up to the first frame drawn. Web pages: the GBK
//! government article page extracted.

use std::io::{Read, Write};

use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

const REPORT: &str = "tests/fixtures/formats/gwr-jilin-2025.docx";
/// Times the report's body is repeated: about 50,000 characters, 60 pages.
const TIMES: usize = 5;

/// The report with its body repeated [`TIMES`] times, as a deflated DOCX.
fn long_report() -> Vec<u8> {
    let bytes = std::fs::read(REPORT).expect("the fixture");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for index in 0..archive.len() {
        let mut file = archive.by_index(index).expect("an entry");
        let name = file.name().expect("a name").to_string();
        let mut content = Vec::new();
        file.read_to_end(&mut content).expect("inflates");
        if name == "word/document.xml" {
            content = repeated_body(&String::from_utf8(content).expect("UTF-8")).into_bytes();
        }
        writer.start_file(name, options).expect("an entry");
        writer.write_all(&content).expect("written");
    }
    writer.finish().expect("a zip").into_inner()
}

fn repeated_body(xml: &str) -> String {
    let start = xml.find("<w:body>").expect("a body") + "<w:body>".len();
    let end = xml.rfind("<w:sectPr").expect("section properties");
    let body = &xml[start..end];
    format!("{}{}{}", &xml[..start], body.repeat(TIMES), &xml[end..])
}

#[divan::bench(sample_count = 20)]
fn docx_60_pages_extracted(bencher: Bencher) {
    let bytes = long_report();
    bencher.bench(|| black_box(gangmu::parse::extract::docx::extract(black_box(&bytes))));
}

/// What the reader does before its first frame: the bytes told apart and
/// extracted, the opening built (the whole follows on a thread), the app made
/// and a frame drawn.
#[divan::bench(sample_count = 20)]
fn docx_60_pages_to_the_first_frame(bencher: Bencher) {
    use gangmu::tui::{self, app::App, theme::Theme};
    use ratatui::{Terminal, backend::TestBackend};
    let bytes = long_report();
    bencher.bench(|| {
        let text = gangmu::parse::input::text_from_bytes("report.docx", &bytes).expect("opens");
        let opening =
            gangmu::parse::input::opening(&text.text, gangmu::parse::input::OPENING_BYTES);
        let app = App::new("report.docx".to_string(), gangmu::build(opening), 120, 40);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        terminal
            .draw(|frame| tui::draw(frame, &app, Theme::plain()))
            .expect("draws");
        black_box(text.text.len())
    });
}

#[divan::bench(sample_count = 20)]
fn html_government_page_extracted(bencher: Bencher) {
    let bytes = std::fs::read("tests/fixtures/formats/gov-article-gbk.html").expect("the fixture");
    bencher.bench(|| black_box(gangmu::parse::extract::html::extract(black_box(&bytes))));
}
