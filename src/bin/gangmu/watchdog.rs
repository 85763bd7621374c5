//! A last resort for a terminal that is gone (a closed window, a dropped ssh
//! connection): crossterm's event polling then spins on the dead terminal and
//! never returns (crossterm issue 793), so the loop never sees the hang-up. A
//! watchdog thread waits in `poll` for the terminal to hang up, waking for
//! nothing else; once it is gone, it saves what the loop last handed over and
//! ends the process. The loop hands over the records with the place and the
//! session so far whenever the keys stop for a moment: the document's, or a
//! library's own and its files' (as `memory` saves them), so that a library's
//! bookmarks stay in their files' records here too.

use std::io::IsTerminal;
use std::os::fd::AsFd;
use std::sync::{Arc, Mutex};

use gangmu::study::store::Store;
use gangmu::study::store::record::Record;
use rustix::event::{PollFd, PollFlags, poll};

/// What a poll reports of a terminal that is gone.
const GONE: PollFlags = PollFlags::HUP.union(PollFlags::ERR).union(PollFlags::NVAL);

/// The record to save if the terminal goes away, kept up to date by the loop.
#[derive(Clone, Default)]
pub(crate) struct Watchdog {
    latest: Arc<Mutex<Option<Vec<Record>>>>,
}

impl Watchdog {
    /// Starts watching; `store` is where to save (`None`: nowhere).
    pub(crate) fn watch(&self, store: Option<Store>) {
        let latest = Arc::clone(&self.latest);
        std::thread::spawn(move || {
            if !wait_for_hang_up() {
                return;
            }
            let records = latest.lock().ok().and_then(|mut r| r.take());
            if let (Some(store), Some(records)) = (store, records) {
                for record in &records {
                    let _ = store.save(record);
                }
            }
            std::process::exit(0);
        });
    }

    /// What to save if the terminal goes away now: the records, in the order
    /// they are to be written (a library's files' first, then its own).
    pub(crate) fn hand_over(&self, records: Vec<Record>) {
        if let Ok(mut latest) = self.latest.lock() {
            *latest = Some(records);
        }
    }
}

/// Waits until the terminal the keys come from hangs up (`true`): standard
/// input, or the process's terminal when a text is piped in (`false` at once if
/// there is none to watch). The poll asks for no event: a hang-up and an error
/// are reported anyway, and nothing else wakes the thread.
fn wait_for_hang_up() -> bool {
    let terminal: Box<dyn AsFd> = if std::io::stdin().is_terminal() {
        Box::new(std::io::stdin())
    } else {
        match std::fs::File::open("/dev/tty") {
            Ok(tty) => Box::new(tty),
            Err(_) => return false,
        }
    };
    loop {
        let mut fds = [PollFd::new(&terminal, PollFlags::empty())];
        match poll(&mut fds, None) {
            // A signal (Ctrl-Z and `fg`) interrupted the wait.
            Err(rustix::io::Errno::INTR) => {}
            Err(_) => return true,
            Ok(_) if fds[0].revents().intersects(GONE) => return true,
            Ok(_) => {}
        }
    }
}
