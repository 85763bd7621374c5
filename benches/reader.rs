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

/// The reader's first screen of the sample, in process, as the program makes
/// it: the opening of the file decoded, built, the app made at 120×40 and its
/// whole first frame written as the terminal gets it. Each step is also timed
/// alone, to show where the time goes. (The whole is read, and the record
/// found, on other threads meanwhile.)
mod first_screen {
    use divan::{Bencher, black_box};
    use gangmu::parse::input::{self, OPENING_BYTES, OPENING_READ, Text};
    use gangmu::tui::app::App;
    use gangmu::tui::draw::backend::CjkBackend;
    use gangmu::tui::{self, theme::Theme};
    use ratatui::layout::Rect;
    use ratatui::{Terminal, TerminalOptions, Viewport};

    /// The opening read of the sample, decoded.
    fn decoded() -> Text {
        let head = gangmu::sample::BYTES[..OPENING_READ].to_vec();
        input::opening_text(head).expect("plain text")
    }

    fn app(text: &Text) -> App {
        let opening = gangmu::build(input::opening(&text.text, OPENING_BYTES));
        App::new("sample".to_string(), opening, 120, 40)
    }

    /// The bytes a fresh terminal is sent for the app's first frame.
    fn frame_bytes(app: &App) -> usize {
        let options = TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 120, 40)),
        };
        let mut terminal =
            Terminal::with_options(CjkBackend::new(Vec::new()), options).expect("terminal");
        terminal
            .draw(|frame| tui::draw(frame, app, Theme::plain()))
            .expect("draws");
        terminal.backend().writer().len()
    }

    #[divan::bench(sample_count = 50)]
    fn decode_the_opening() -> Text {
        decoded()
    }

    #[divan::bench(sample_count = 50)]
    fn build_the_opening(bencher: Bencher) {
        let text = decoded();
        bencher.bench_local(|| gangmu::build(black_box(input::opening(&text.text, OPENING_BYTES))));
    }

    #[divan::bench(sample_count = 50)]
    fn make_the_app(bencher: Bencher) {
        let text = decoded();
        bencher.bench_local(|| black_box(app(&text)));
    }

    #[divan::bench(sample_count = 50)]
    fn draw_the_frame(bencher: Bencher) {
        let app = app(&decoded());
        bencher.bench_local(|| frame_bytes(&app));
    }

    #[divan::bench(sample_count = 50)]
    fn all_of_it() -> usize {
        frame_bytes(&app(&decoded()))
    }
}
