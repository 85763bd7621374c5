//! The real binary in a real pseudo-terminal, read through a terminal emulator:
//! it opens the sample, moves by headings, jumps, searches, and on quitting leaves
//! the terminal as it found it (main screen, cursor shown, mouse reporting off);
//! `gangmu diff` opens its compare view.

mod comparing;
mod faults;
mod formats;
mod going_back;
mod library;
mod memory;
mod palette;
mod reading;
mod reopening;
mod settings;

use std::io::{Read, Write};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 30;
const COLUMNS: u16 = 100;

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("not zero")
}

/// Waits (10 s at most) until every one of `texts` is in a record saved in the
/// data folder `data`, while the reader goes on.
fn wait_until_saved(data: &std::path::Path, texts: &[&str]) {
    let records = || -> String {
        std::fs::read_dir(data.join("documents"))
            .into_iter()
            .flatten()
            .flatten()
            .filter(|entry| entry.path().extension().is_some_and(|e| e == "json"))
            .filter_map(|entry| std::fs::read_to_string(entry.path()).ok())
            .collect()
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    while !texts.iter().all(|text| records().contains(text)) {
        assert!(Instant::now() < deadline, "{texts:?} never saved");
        std::thread::sleep(Duration::from_millis(20));
    }
}

struct Session {
    parser: vt100::Parser,
    /// Everything the program wrote, for what the emulator does not keep (OSC 52).
    raw: Vec<u8>,
    output: mpsc::Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    /// The background colour the terminal answers an OSC 11 query with, if any.
    background: Option<&'static str>,
    /// The session's data directory, removed with it.
    _data: tempfile::TempDir,
}

impl Session {
    fn start(args: &[&str]) -> Self {
        Self::start_with(args, &[])
    }

    fn start_with(args: &[&str], env: &[(&str, &str)]) -> Self {
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_gangmu"));
        command.args(args);
        Self::spawn(command, env)
    }

    /// Runs `script` in `sh`, with `$GANGMU` naming the binary.
    fn start_in_shell(script: &str) -> Self {
        let mut command = CommandBuilder::new("sh");
        command.args(["-c", script]);
        command.env("GANGMU", env!("CARGO_BIN_EXE_gangmu"));
        Self::spawn(command, &[])
    }

    fn spawn(mut command: CommandBuilder, env: &[(&str, &str)]) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLUMNS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        command.cwd(env!("CARGO_MANIFEST_DIR"));
        command.env("TERM", "xterm-256color");
        // Never the user's own data: each session keeps its own.
        let data = tempfile::tempdir().expect("a temp dir");
        command.env("GANGMU_DATA_DIR", data.path());
        command.env("GANGMU_CACHE_DIR", data.path().join("cache"));
        // Nor the user's own settings.
        command.env("XDG_CONFIG_HOME", data.path());
        command.env_remove("COLORFGBG");
        command.env_remove("NO_COLOR");
        for (name, value) in env {
            command.env(name, value);
        }
        let child = pair.slave.spawn_command(command).expect("spawns");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let (sender, output) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 || sender.send(buffer[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        // Keep the master open for the session's life.
        std::mem::forget(pair.master);
        Self {
            parser: vt100::Parser::new(nonzero(ROWS), nonzero(COLUMNS), 0),
            raw: Vec::new(),
            output,
            writer,
            child,
            background: None,
            _data: data,
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Reads output until the screen shows `text`.
    fn wait_for(&mut self, text: &str) {
        self.wait_until(text, true);
    }

    /// Reads output until the screen no longer shows `text`.
    fn wait_gone(&mut self, text: &str) {
        self.wait_until(text, false);
    }

    /// Reads output until whether the screen shows `text` is `shown`.
    fn wait_until(&mut self, text: &str, shown: bool) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.screen().contains(text) != shown {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "{text:?} never {}; screen:\n{}",
                if shown { "shown" } else { "gone" },
                self.screen()
            );
            if let Ok(bytes) = self
                .output
                .recv_timeout(left.min(Duration::from_millis(100)))
            {
                self.take(&bytes);
            }
        }
    }

    fn take(&mut self, bytes: &[u8]) {
        self.parser.process(bytes);
        self.raw.extend_from_slice(bytes);
        // Answer a cursor position query as a terminal does.
        if bytes.windows(4).any(|w| w == b"\x1b[6n") {
            let (row, column) = self.parser.screen().cursor_position();
            let answer = format!("\x1b[{};{}R", row + 1, column + 1);
            self.keys(&answer);
        }
        // And a query for the background colour, if this terminal answers one.
        if let Some(colour) = self.background
            && bytes.windows(6).any(|w| w == b"\x1b]11;?")
        {
            self.keys(&format!("\x1b]11;{colour}\x1b\\"));
        }
    }

    /// Waits until the whole sample has replaced its opening (built off the
    /// reader's thread): then its three parts are counted in the status line.
    fn wait_for_the_whole_sample(&mut self) {
        self.wait_for("§ 1/3");
    }

    fn keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("types");
        self.writer.flush().expect("flushes");
    }

    /// Waits for the program to exit, reading what it writes until then.
    /// Adds a bookmark with `note` where the reader is.
    fn bookmark(&mut self, note: &str) {
        self.keys("m");
        self.wait_for("加书签");
        self.keys(&format!("{note}\r"));
        self.wait_for("已加书签");
    }

    /// Closes the open popup: Esc, then a pause, or the terminal reads Esc and
    /// the next key as Alt and that key.
    fn close_popup(&mut self) {
        self.keys("\x1b");
        std::thread::sleep(Duration::from_millis(100));
    }

    /// Quits; the reader exits cleanly.
    fn quit(&mut self) {
        self.keys("q");
        assert!(self.exit_status().success());
    }

    fn exit_status(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(50)) {
                self.take(&bytes);
            }
            if let Some(status) = self.child.try_wait().expect("waits") {
                while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(200)) {
                    self.take(&bytes);
                }
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "did not exit; screen:\n{}",
                self.screen()
            );
        }
    }
}
