//! A last resort for a terminal that is gone (a closed window, a dropped ssh
//! connection): crossterm's event polling then spins on the dead terminal and
//! never returns (crossterm issue 793), so the loop never sees the hang-up. A
//! watchdog thread looks at the terminal four times a second; once it is gone, it
//! saves what the loop last handed over (the record with the place and the
//! session so far, handed over whenever the keys stop for a moment) and ends
//! the process.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use gangmu::study::store::Store;
use gangmu::study::store::record::Record;
use rustix::event::{PollFd, PollFlags, Timespec, poll};

/// How often the watchdog looks at the terminal.
const LOOK_EVERY: Duration = Duration::from_millis(250);

/// A poll that looks and returns at once.
const NO_WAIT: Timespec = Timespec {
    tv_sec: 0,
    tv_nsec: 0,
};

/// The record to save if the terminal goes away, kept up to date by the loop.
#[derive(Clone, Default)]
pub struct Watchdog {
    latest: Arc<Mutex<Option<Record>>>,
}

impl Watchdog {
    /// Starts watching; `store` is where to save (`None`: nowhere).
    pub fn start(store: Option<Store>) -> Self {
        let watchdog = Self::default();
        let latest = Arc::clone(&watchdog.latest);
        std::thread::spawn(move || {
            while !terminal_gone() {
                std::thread::sleep(LOOK_EVERY);
            }
            let record = latest.lock().ok().and_then(|mut r| r.take());
            if let (Some(store), Some(record)) = (store, record) {
                let _ = store.save(&record);
            }
            std::process::exit(0);
        });
        watchdog
    }

    /// What to save if the terminal goes away now.
    pub fn hand_over(&self, record: Record) {
        if let Ok(mut latest) = self.latest.lock() {
            *latest = Some(record);
        }
    }
}

/// Whether the terminal on standard input has hung up.
fn terminal_gone() -> bool {
    let stdin = std::io::stdin();
    let mut fds = [PollFd::new(&stdin, PollFlags::IN)];
    let ready = poll(&mut fds, Some(&NO_WAIT)).unwrap_or(0);
    ready > 0
        && fds[0]
            .revents()
            .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL)
}
