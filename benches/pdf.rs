//! A PDF's text layer extracted: the 13-page zhoukou communiqué and a 300-page
//! file made from it by repeating its pages (built in memory, never committed),
//! beside `pdftotext -layout` on the same files in the same run where poppler is
//! installed (it is only compared with, never needed).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;

use divan::counter::ItemsCount;
use divan::{Bencher, black_box};
use lopdf::{Document, Object};

fn main() {
    divan::main();
}

const ZHOUKOU: &str = "tests/fixtures/pdf/zhoukou-stats-2023.pdf";
const LONG_PAGES: usize = 300;

/// The 300-page file, written once to a temporary directory for pdftotext.
static LONG: LazyLock<(tempfile::TempDir, PathBuf)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("zhoukou-300.pdf");
    std::fs::write(&path, repeated(LONG_PAGES)).expect("written");
    (dir, path)
});

/// The zhoukou PDF with its pages repeated to `pages` pages: each page a new
/// page object, sharing the contents and fonts of the page it copies.
fn repeated(pages: usize) -> Vec<u8> {
    let mut doc = Document::load(ZHOUKOU).expect("the fixture loads");
    let originals: Vec<_> = doc.page_iter().collect();
    let tree = doc.new_object_id();
    let mut kids = Vec::with_capacity(pages);
    for index in 0..pages {
        let source = originals[index % originals.len()];
        let mut page = doc.get_dictionary(source).expect("a page").clone();
        page.set("Parent", Object::Reference(tree));
        kids.push(Object::Reference(doc.add_object(page)));
    }
    let mut node = lopdf::Dictionary::new();
    node.set("Type", Object::Name(b"Pages".to_vec()));
    node.set("Count", Object::Integer(pages as i64));
    node.set("Kids", Object::Array(kids));
    doc.objects.insert(tree, Object::Dictionary(node));
    doc.catalog_mut()
        .expect("a catalog")
        .set("Pages", Object::Reference(tree));
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("saved");
    bytes
}

fn extract(bencher: Bencher, bytes: &[u8], pages: usize) {
    bencher
        .counter(ItemsCount::new(pages))
        .bench(|| black_box(gangmu::parse::pdf::extract(black_box(bytes)).expect("text")));
}

/// `pdftotext -layout FILE -`, the whole process, as a user runs it.
fn pdftotext(bencher: Bencher, path: &Path, pages: usize) {
    let run = || {
        Command::new("pdftotext")
            .arg("-layout")
            .arg(path)
            .arg("-")
            .output()
    };
    if run().is_err() {
        eprintln!("pdftotext is not installed: nothing to compare with");
        return;
    }
    bencher
        .counter(ItemsCount::new(pages))
        .bench(|| black_box(run().expect("pdftotext runs")));
}

#[divan::bench(sample_count = 20)]
fn zhoukou_13_pages(bencher: Bencher) {
    let bytes = std::fs::read(ZHOUKOU).expect("the fixture");
    extract(bencher, &bytes, 13);
}

#[divan::bench(sample_count = 20)]
fn zhoukou_13_pages_pdftotext_layout(bencher: Bencher) {
    pdftotext(bencher, Path::new(ZHOUKOU), 13);
}

#[divan::bench(sample_count = 5)]
fn repeated_300_pages(bencher: Bencher) {
    let bytes = std::fs::read(&LONG.1).expect("the long file");
    extract(bencher, &bytes, LONG_PAGES);
}

#[divan::bench(sample_count = 5)]
fn repeated_300_pages_pdftotext_layout(bencher: Bencher) {
    pdftotext(bencher, &LONG.1, LONG_PAGES);
}
