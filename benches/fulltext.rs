//! Full-text search over the reflowed text, as the search popup runs it on every
//! key typed and `gangmu grep` runs it once, and the reader's term map counting
//! phrases per chapter: on the sample and on the sample repeated to about
//! 100 MB.

use std::sync::OnceLock;

use divan::{Bencher, black_box};
use gangmu::search::text::{MAX_HITS, Query};
use gangmu::tui::popup::search::SearchPrompt;
use gangmu::tui::popup::terms::TermMap;

fn main() {
    divan::main();
}

/// The sample repeated `times` times, built once per run.
fn document(times: usize) -> &'static gangmu::Document {
    static ONCE: OnceLock<gangmu::Document> = OnceLock::new();
    static TEN_TIMES: OnceLock<gangmu::Document> = OnceLock::new();
    static HUNDRED_MB: OnceLock<gangmu::Document> = OnceLock::new();
    let cell = match times {
        1 => &ONCE,
        10 => &TEN_TIMES,
        _ => &HUNDRED_MB,
    };
    cell.get_or_init(|| {
        let text = std::str::from_utf8(gangmu::sample::BYTES)
            .expect("UTF-8")
            .repeat(times);
        gangmu::build(&text)
    })
}

/// Phrases of each kind: a common word, a rare phrase, Latin letters (matched in
/// either case and width), one that is nowhere.
const PHRASES: [&str; 4] = ["发展", "双城经济圈", "5g", "不会出现的短语"];

#[divan::bench(args = PHRASES, sample_count = 10)]
fn find_every_hit_in_the_sample(bencher: Bencher, phrase: &str) {
    find_every_hit(bencher, 1, phrase);
}

#[divan::bench(args = PHRASES, sample_count = 5)]
fn find_every_hit_at_10x(bencher: Bencher, phrase: &str) {
    find_every_hit(bencher, 10, phrase);
}

#[divan::bench(args = PHRASES, sample_count = 5)]
fn find_every_hit_at_100_mb(bencher: Bencher, phrase: &str) {
    find_every_hit(bencher, 145, phrase);
}

fn find_every_hit(bencher: Bencher, times: usize, phrase: &str) {
    let document = document(times);
    let query = Query::new(phrase).expect("a phrase");
    bencher.bench_local(|| black_box(query.find_all(document, MAX_HITS).hits.len()));
}

/// Typing `乡村振兴` into the popup, each key searching where the last key's
/// phrase was found.
#[divan::bench(args = [1, 10, 145], sample_count = 5)]
fn type_a_phrase(bencher: Bencher, times: usize) {
    let document = document(times);
    bencher.bench_local(|| {
        let mut prompt = SearchPrompt::new(gangmu::layout::rows::Position::default(), 0);
        for c in "乡村振兴".chars() {
            prompt.type_char(c);
            prompt.refresh(document);
        }
        black_box(prompt.selected_hit())
    });
}

/// The reader's term map (`t`): counting `发展` per chapter, as Enter in its
/// prompt does.
#[divan::bench(args = [1, 145], sample_count = 5)]
fn count_a_term_map(bencher: Bencher, times: usize) {
    let document = document(times);
    bencher.bench_local(|| {
        let mut map = TermMap::new(gangmu::layout::rows::Position::default());
        map.input = gangmu::tui::popup::line::LineInput::new("发展");
        map.count(document);
        black_box(map.bars.len())
    });
}
