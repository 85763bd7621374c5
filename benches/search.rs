//! Ranking every heading for a query, as one keystroke in the jump popup does, on
//! the sample and on the sample repeated to about 100 MB.

use divan::{Bencher, black_box};
use gangmu::search::Index;

fn main() {
    divan::main();
}

fn outline(times: usize) -> gangmu::document::Outline {
    let text = std::str::from_utf8(gangmu::sample::BYTES)
        .expect("UTF-8")
        .repeat(times);
    gangmu::build(&text).outline
}

#[divan::bench(args = [1, 145], sample_count = 10)]
fn rank_a_keystroke(bencher: Bencher, times: usize) {
    let outline = outline(times);
    let index = Index::new(&outline);
    let queries = ["s", "sz", "szj", "szjj", "数字", "第十五章", "15"];
    let mut next = 0;
    bencher.bench_local(|| {
        next = (next + 1) % queries.len();
        black_box(index.rank(&outline, queries[next], None))
    });
}

#[divan::bench(args = [1, 145], sample_count = 3)]
fn build_the_index(bencher: Bencher, times: usize) {
    let outline = outline(times);
    bencher.bench_local(|| black_box(Index::new(&outline)));
}

/// Typing `szjj` one key at a time into the popup, each key ranking among the
/// last key's hits.
#[divan::bench(args = [1, 145], sample_count = 10)]
fn type_szjj(bencher: Bencher, times: usize) {
    let outline = outline(times);
    let index = Index::new(&outline);
    bencher.bench_local(|| {
        let mut jump = gangmu::jump::Jump::new(Default::default(), None);
        for c in "szjj".chars() {
            jump.query.push(c);
            jump.rank(&index, &outline);
        }
        black_box(jump.hits.len())
    });
}
