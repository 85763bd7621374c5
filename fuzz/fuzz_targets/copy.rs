//! Any text copied with `y`: what reaches the clipboard holds no control
//! character, escape sequence or bidirectional override, and every character
//! left out is counted.
#![no_main]

use gangmu::layout::safe::{is_hostile, stripped};
use gangmu::tui::app::{Action, App, Request};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (kept, left_out) = stripped(text);
    assert!(!kept.chars().any(is_hostile), "{kept:?}");
    assert_eq!(kept.chars().count() + left_out, text.chars().count());
    let mut app = App::new(String::new(), gangmu::build(text), 80, 24);
    app.update(Action::Copy);
    for request in app.requests() {
        if let Request::Copy(copy) = request {
            assert!(!copy.chars().any(is_hostile), "{copy:?}");
        }
    }
});
