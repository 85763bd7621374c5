//! Decode + reflow + outline (the whole document model) on the corpus and on the
//! corpus repeated to about 100 MB, reported as throughput.

use divan::counter::BytesCount;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

/// The corpus repeated `times` times, as one file's bytes.
fn corpus(times: usize) -> Vec<u8> {
    gangmu::sample::BYTES.repeat(times)
}

/// As `gangmu FILE` does it: the file's bytes handed over, decoded, built.
#[divan::bench(args = [1, 10, 145], sample_count = 5, sample_size = 1)]
fn decode_reflow_outline(bencher: Bencher, times: usize) {
    let bytes = corpus(times);
    bencher
        .counter(BytesCount::new(bytes.len()))
        .with_inputs(|| bytes.clone())
        .bench_values(|bytes| {
            let decoded = gangmu::parse::decode::decode_owned(bytes).expect("the corpus is text");
            black_box(gangmu::build(&decoded.text))
        });
}

#[divan::bench(args = [1, 145], sample_count = 5, sample_size = 1)]
fn reflow_outline_only(bencher: Bencher, times: usize) {
    let text = String::from_utf8(corpus(times)).expect("the corpus is UTF-8");
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| black_box(gangmu::build(black_box(&text))));
}

/// The document's identity for the store, hashed before the first frame.
#[divan::bench(args = [1, 145], sample_count = 5, sample_size = 1)]
fn document_identity(bencher: Bencher, times: usize) {
    let text = String::from_utf8(corpus(times)).expect("the corpus is UTF-8");
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| black_box(gangmu::study::store::Store::document_id(&[&text])));
}
