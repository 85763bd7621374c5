//! Ranking the headings for one keystroke of the jump popup, per form of query,
//! on the sample (`rank_1x`), ten times over and repeated to about 100 MB
//! (`rank_145x`); every hit in order at 100 MB (`rank_all_145x`); typing a query
//! key by key; building the index.

use std::sync::OnceLock;

use divan::{Bencher, black_box};
use gangmu::document::Outline;
use gangmu::search::Index;

fn main() {
    divan::main();
}

/// One query of each form a reader types: one and two Chinese characters, a
/// longer text, initials growing key by key, full pinyin, mixed, a label, a bare
/// number, and letters and text that match nothing.
const QUERIES: &[&str] = &[
    "数",
    "数字",
    "数字经济",
    "s",
    "sz",
    "szj",
    "szjj",
    "shuzijingji",
    "数字jj",
    "第十五章",
    "15",
    "qqxqqz",
    "量子纠缠",
];

/// The sample repeated `times` times, its outline and index, built once.
struct Case {
    outline: Outline,
    index: Index,
}

fn case(times: usize) -> &'static Case {
    static ONE: OnceLock<Case> = OnceLock::new();
    static TEN: OnceLock<Case> = OnceLock::new();
    static MANY: OnceLock<Case> = OnceLock::new();
    let cell = match times {
        1 => &ONE,
        10 => &TEN,
        _ => &MANY,
    };
    cell.get_or_init(|| {
        let outline = outline(times);
        let index = Index::new(&outline);
        Case { outline, index }
    })
}

fn outline(times: usize) -> Outline {
    let text = std::str::from_utf8(gangmu::sample::BYTES)
        .expect("UTF-8")
        .repeat(times);
    gangmu::build(&text).outline
}

/// What one keystroke costs the popup: the headings found, and as many put in
/// order as the list can show.
fn rank(bencher: Bencher, times: usize, query: &str) {
    let Case { outline, index } = case(times);
    bencher.bench(|| {
        let mut jump =
            gangmu::tui::popup::jump::Jump::new(gangmu::layout::rows::Position::default(), None);
        jump.query.set(black_box(query));
        jump.rank(index, outline);
        black_box(jump.count())
    });
}

#[divan::bench(args = QUERIES, sample_count = 20)]
fn rank_1x(bencher: Bencher, query: &str) {
    rank(bencher, 1, query);
}

#[divan::bench(args = QUERIES, sample_count = 10, sample_size = 1)]
fn rank_10x(bencher: Bencher, query: &str) {
    rank(bencher, 10, query);
}

#[divan::bench(args = QUERIES, sample_count = 10, sample_size = 1)]
fn rank_145x(bencher: Bencher, query: &str) {
    rank(bencher, 145, query);
}

/// Every hit in order, as `gangmu find` lists them and as the popup's list
/// comes to once scrolled to its end.
#[divan::bench(args = QUERIES, sample_count = 10, sample_size = 1)]
fn rank_all_145x(bencher: Bencher, query: &str) {
    let Case { outline, index } = case(145);
    bencher.bench(|| black_box(index.rank(outline, black_box(query), None)));
}

/// Typing `szjj` one key at a time into the popup, each key after the third
/// ranking among the last key's hits.
#[divan::bench(args = [1, 10, 145], sample_count = 10, sample_size = 1)]
fn type_szjj(bencher: Bencher, times: usize) {
    let Case { outline, index } = case(times);
    bencher.bench(|| {
        let mut jump =
            gangmu::tui::popup::jump::Jump::new(gangmu::layout::rows::Position::default(), None);
        for c in "szjj".chars() {
            jump.query.type_char(c);
            jump.rank(index, outline);
        }
        black_box(jump.count())
    });
}

#[divan::bench(args = [1, 10, 145], sample_count = 3, sample_size = 1)]
fn build_the_index(bencher: Bencher, times: usize) {
    let outline = outline(times);
    bencher.bench(|| black_box(Index::new(&outline)));
}
