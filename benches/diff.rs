//! Comparing two versions of a document (`gangmu diff`): two national work
//! reports (2024 against 2025, read from the shared corpus, `$GANGMU_CORPUS`
//! or `../shared/corpus`), beside the time to build one of them and to show the
//! reader's first frame of one; and the sample (0.7 MB) against a copy with 100
//! scattered edits made from a fixed seed. Each is timed as the comparison of
//! documents already built (`compare_*`) and as the whole command: both texts
//! built and every change printed (`diff_*`).

use std::path::PathBuf;
use std::sync::OnceLock;

use divan::{Bencher, black_box};
use gangmu::compare::{Change, Version, compare};
use gangmu::document::Document;
use gangmu::output::diff::{Form, Print, write_diff};
use gangmu::parse::source::{self, Line};

fn main() {
    divan::main();
}

/// A national work report of `year` from the corpus.
fn report(year: u32) -> String {
    let corpus = std::env::var_os("GANGMU_CORPUS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
        PathBuf::from,
    );
    let path = corpus.join(format!("gwr/gwr-{year}.txt"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "reading {}: {e} (set GANGMU_CORPUS to the corpus)",
            path.display()
        )
    })
}

fn reports() -> &'static (String, String) {
    static TEXTS: OnceLock<(String, String)> = OnceLock::new();
    TEXTS.get_or_init(|| (report(2024), report(2025)))
}

fn sample() -> &'static str {
    std::str::from_utf8(gangmu::sample::BYTES).expect("UTF-8")
}

fn edited_sample() -> &'static (String, String) {
    static TEXTS: OnceLock<(String, String)> = OnceLock::new();
    TEXTS.get_or_init(|| {
        let edited = scattered_edits(sample(), 100, 2021);
        let mut stat = Vec::new();
        write_diff(sample(), &edited, Print::Stat, &mut stat).expect("written");
        eprintln!(
            "the sample against its copy with 100 edits:\n{}",
            String::from_utf8_lossy(&stat)
        );
        (sample().to_string(), edited)
    })
}

/// `text` with `count` edits at places spread over it, drawn from `seed`: a
/// few words put in, a few characters taken out, or a character replaced,
/// always inside a run of ideographs (so that the edits change sentences, not
/// the layout of lines).
fn scattered_edits(text: &str, count: usize, seed: u64) -> String {
    const WORDS: [&str; 6] = ["进一步", "加快", "全面", "稳步推进", "持续", "大力"];
    let mut state = seed;
    let mut next = move || {
        // xorshift64
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let ideograph = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
    let mut chars: Vec<char> = text.chars().collect();
    let stride = chars.len() / count;
    for edit in (0..count).rev() {
        let mut at = edit * stride + (next() as usize % stride);
        while at + 3 < chars.len() && !chars[at..at + 3].iter().all(|&c| ideograph(c)) {
            at += 1;
        }
        match next() % 3 {
            0 => {
                let word = WORDS[next() as usize % WORDS.len()];
                chars.splice(at..at, word.chars());
            }
            1 => {
                chars.drain(at..at + 2);
            }
            _ => chars[at] = '新',
        }
    }
    chars.into_iter().collect()
}

/// The rows `gangmu diff` prints for `old` against `new`.
fn whole_diff(old: &str, new: &str) -> Vec<u8> {
    let mut out = Vec::new();
    write_diff(old, new, Print::Changes(Form::Tsv), &mut out).expect("written");
    out
}

/// Two texts built, with their content lines, ready to compare.
struct Built<'a> {
    old: Document,
    new: Document,
    old_lines: Vec<Line<'a>>,
    new_lines: Vec<Line<'a>>,
}

impl<'a> Built<'a> {
    fn of((old, new): &'a (String, String)) -> Self {
        Built {
            old: gangmu::build(old),
            new: gangmu::build(new),
            old_lines: source::lines(old).lines,
            new_lines: source::lines(new).lines,
        }
    }

    fn compare(&self) -> Vec<Change> {
        compare(
            Version {
                document: black_box(&self.old),
                lines: &self.old_lines,
            },
            Version {
                document: black_box(&self.new),
                lines: &self.new_lines,
            },
        )
    }
}

/// Times `compare` of the two texts, built beforehand.
fn compare_built(bencher: Bencher, texts: &(String, String)) {
    let built = Built::of(texts);
    bencher.bench_local(|| built.compare());
}

#[divan::bench(sample_count = 30)]
fn build_report_2025(bencher: Bencher) {
    let text = &reports().1;
    bencher.bench_local(|| gangmu::build(black_box(text)));
}

/// What the reader does before its first frame on the 2025 report: the
/// document built, the app made and a 120×40 frame drawn.
#[divan::bench(sample_count = 30)]
fn first_frame_report_2025(bencher: Bencher) {
    use gangmu::tui::{self, app::App, theme::Theme};
    use ratatui::{Terminal, backend::TestBackend};
    let text = &reports().1;
    bencher.bench_local(|| {
        let document = gangmu::build(black_box(text));
        let app = App::new("gwr-2025.txt".to_string(), document, 120, 40);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        terminal
            .draw(|frame| tui::draw(frame, &app, Theme::plain()))
            .expect("draws");
    });
}

/// What `gangmu diff` does on a terminal before its first frame, 2024 → 2025:
/// both reports built and compared, the changes laid along the new one, the
/// view made and a 120×40 frame drawn.
#[divan::bench(sample_count = 30)]
fn compare_view_first_frame_2024_2025(bencher: Bencher) {
    use gangmu::tui::compare::{CompareView, draw};
    use gangmu::tui::theme::Theme;
    use ratatui::{Terminal, backend::TestBackend};
    let (old, new) = reports();
    let names = || ("gwr-2024.txt".to_string(), "gwr-2025.txt".to_string());
    bencher.bench_local(|| {
        let along = gangmu::output::diff::along(black_box(old), black_box(new));
        let view = CompareView::new(names(), along, (120, 40), false);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        terminal
            .draw(|frame| draw(frame, &view, Theme::plain()))
            .expect("draws");
    });
}

/// The changes of 2024 → 2025 laid along the 2025 report, from documents
/// built and compared.
#[divan::bench(sample_count = 30)]
fn lay_along_2024_2025(bencher: Bencher) {
    let built = Built::of(reports());
    let changes = built.compare();
    bencher.bench_local(|| {
        gangmu::compare::along::lay(&built.old, &built.new, black_box(changes.clone()))
    });
}

#[divan::bench(sample_count = 30)]
fn compare_reports_2024_2025(bencher: Bencher) {
    compare_built(bencher, reports());
}

#[divan::bench(sample_count = 30)]
fn diff_reports_2024_2025(bencher: Bencher) {
    let (old, new) = reports();
    bencher.bench_local(|| whole_diff(black_box(old), black_box(new)));
}

#[divan::bench(sample_count = 20)]
fn build_sample(bencher: Bencher) {
    bencher.bench_local(|| gangmu::build(black_box(sample())));
}

#[divan::bench(sample_count = 20)]
fn compare_sample_100_edits(bencher: Bencher) {
    compare_built(bencher, edited_sample());
}

#[divan::bench(sample_count = 20)]
fn diff_sample_100_edits(bencher: Bencher) {
    let (old, new) = edited_sample();
    bencher.bench_local(|| whole_diff(black_box(old), black_box(new)));
}
