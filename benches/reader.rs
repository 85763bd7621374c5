//! The cost of one key press in the reader (update plus preparing the next frame),
//! on the sample and on the sample repeated to about 100 MB: it should not grow
//! with the document.

use divan::{Bencher, black_box};
use gangmu::tui::app::{Action, App};

fn main() {
    divan::main();
}

fn app(times: usize) -> App {
    let text = std::str::from_utf8(gangmu::sample::BYTES)
        .expect("UTF-8")
        .repeat(times);
    let document = gangmu::build(&text);
    let mut app = App::new("sample".to_string(), document, 120, 40);
    // Somewhere in the middle, where a reader would be.
    app.update(Action::Pages(400));
    app
}

/// Alternating so that every press changes the screen.
fn press(bencher: Bencher, times: usize, forward: Action, back: Action) {
    let mut app = app(times);
    let mut flip = false;
    bencher.bench_local(|| {
        flip = !flip;
        black_box(app.update(if flip { forward } else { back }))
    });
}

#[divan::bench(args = [1, 10, 145], sample_count = 20)]
fn scroll_a_line(bencher: Bencher, times: usize) {
    press(bencher, times, Action::Scroll(1), Action::Scroll(-1));
}

#[divan::bench(args = [1, 10, 145], sample_count = 20)]
fn page(bencher: Bencher, times: usize) {
    press(bencher, times, Action::Pages(1), Action::Pages(-1));
}

#[divan::bench(args = [1, 10, 145], sample_count = 20)]
fn next_heading(bencher: Bencher, times: usize) {
    press(bencher, times, Action::Heading(1), Action::Heading(-1));
}

#[divan::bench(args = [1, 10, 145], sample_count = 20)]
fn outline_cursor(bencher: Bencher, times: usize) {
    let mut app = app(times);
    app.update(Action::SwitchFocus);
    let mut flip = false;
    bencher.bench_local(|| {
        flip = !flip;
        black_box(app.update(Action::OutlineMove(if flip { 1 } else { -1 })))
    });
}

#[divan::bench(args = [1, 10, 145], sample_count = 20)]
fn scroll_and_draw_a_frame(bencher: Bencher, times: usize) {
    use gangmu::tui::{self, theme::Theme};
    use ratatui::{Terminal, backend::TestBackend};
    let mut app = app(times);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let mut flip = false;
    bencher.bench_local(|| {
        flip = !flip;
        app.update(Action::Scroll(if flip { 1 } else { -1 }));
        terminal
            .draw(|frame| tui::draw(frame, &app, Theme::plain()))
            .expect("draws");
    });
}

#[divan::bench(args = [1, 10, 145], sample_count = 20)]
fn percent_jump(bencher: Bencher, times: usize) {
    press(
        bencher,
        times,
        Action::Percent(Some(80)),
        Action::Percent(Some(20)),
    );
}

/// `NG`: the paragraph of a source line, found in the file being read.
#[divan::bench(args = [1, 10, 145], sample_count = 20)]
fn line_jump(bencher: Bencher, times: usize) {
    let sample = std::str::from_utf8(gangmu::sample::BYTES).expect("UTF-8");
    let lines = sample.lines().count() * times;
    press(
        bencher,
        times,
        Action::Line(lines * 4 / 5),
        Action::Line(lines / 5),
    );
}

/// Ctrl-O and Ctrl-I between two places jumped from, found again by their anchors.
#[divan::bench(args = [1, 10, 145], sample_count = 20)]
fn back_and_forward(bencher: Bencher, times: usize) {
    let mut app = app(times);
    app.update(Action::Percent(Some(20)));
    app.update(Action::Percent(Some(80)));
    let mut flip = false;
    bencher.bench_local(|| {
        flip = !flip;
        black_box(app.update(Action::Jumps(if flip { -1 } else { 1 })))
    });
}
