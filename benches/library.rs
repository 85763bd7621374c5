//! A library opened, searched and counted: the folder of work reports in
//! tests/fixtures (five reports cut short and a binary file skipped) read in
//! parallel and ordered (`open`), every file built and combined as the reader
//! shows them (`open_and_build`), and a phrase counted in each file as
//! `gangmu terms` does (`terms`).

use std::path::PathBuf;

use divan::black_box;
use gangmu::document::Document;
use gangmu::parse::library::{self, in_parallel};
use gangmu::search::text::Query;

fn main() {
    divan::main();
}

fn folder() -> Vec<PathBuf> {
    vec![PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/library"
    ))]
}

#[divan::bench]
fn open() -> usize {
    library::open(black_box(&folder())).books.len()
}

#[divan::bench]
fn open_and_build() -> Document {
    let shelf = library::open(black_box(&folder()));
    Document::combine(in_parallel(&shelf.books, |book| {
        (
            book.path.display().to_string(),
            gangmu::build(&book.text.text),
        )
    }))
}

#[divan::bench]
fn terms() -> usize {
    let shelf = library::open(&folder());
    let query = Query::new("高质量发展").expect("a phrase");
    in_parallel(&shelf.books, |book| {
        let document = gangmu::build(&book.text.text);
        query.find_all(&document, usize::MAX).hits.len()
    })
    .into_iter()
    .sum()
}
