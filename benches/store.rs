//! Saving a reader's record, as a quit, a bookmark or a section marked read
//! does: the record locked, merged with the file, written through a temporary
//! file, flushed to disk and renamed into place. The record is a long-time
//! reader's: 500 sessions of 20 sections each (about 400 KB of JSON).

use divan::{Bencher, black_box};
use gangmu::study::store::Store;
use gangmu::study::store::record::{Record, SectionTime, Session};

fn main() {
    divan::main();
}

/// A record of `count` sessions, each with time in 20 sections.
fn record(count: u64) -> Record {
    let sessions = (0..count)
        .map(|n| Session {
            id: format!("session-{n:04}"),
            start: 1_700_000_000 + n * 3_600,
            end: 1_700_000_000 + n * 3_600 + 1_200,
            sections: (0..20)
                .map(|s| SectionTime {
                    path: vec![format!("第{s}章 推动高质量发展"), format!("第{s}节")],
                    millis: 60_000 + s,
                })
                .collect(),
            finished: Vec::new(),
        })
        .collect();
    Record {
        version: 1,
        document: "0123456789abcdef0123456789abcdef".to_string(),
        paths: vec!["/home/reader/plans-2021.txt".to_string()],
        position: None,
        bookmarks: Vec::new(),
        deleted: Vec::new(),
        read: Vec::new(),
        sessions,
        jumps: None,
    }
}

#[divan::bench(sample_count = 20, sample_size = 1)]
fn save_a_record_of_500_sessions(bencher: Bencher) {
    let dir = tempfile::tempdir().expect("a folder");
    let store = Store::at(dir.path());
    let record = record(500);
    store.save(&record).expect("saved");
    bencher.bench_local(|| black_box(store.save(&record).expect("saved")));
}
