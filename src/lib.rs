//! gangmu (纲目): a reader for long Chinese policy documents.
//!
//! The folders are the layers. Data flows down the page, and a module imports
//! only from the layers below it:
//!
//! ```text
//! file bytes ─▶ parse ─▶ Document (document.rs: paragraphs + the outline arena)
//!                            │
//!          ┌─────────────────┼──────────────────┬─────────────────┐
//!       layout            search              study            compare
//!  (rows for a width,  (jump ranking,     (the store, anchors,  (two versions:
//!   made safe)          full text)         progress, notes)     sections, sentences)
//!          └─────────────────┼──────────────────┴─────────────────┘
//!                  output (what the commands print)
//!                  tui    (App, keys, drawing)
//!                  bin/gangmu (arguments, the event loop, the terminal)
//! ```
//!
//! `document` imports nothing of gangmu's; `parse` and `layout` only
//! `document`; `search` also `parse` and `layout`; `study` also `search`;
//! `compare` what `study` may, but not `study`; `output` and `tui` everything
//! below them (`tests/architecture.rs` holds them to it). Only `tui` and the
//! binary know ratatui or crossterm.

pub mod compare;
pub mod document;
pub mod layout;
pub mod output;
pub mod parse;
pub mod search;
pub mod study;
pub mod tui;

pub use document::Document;
pub use parse::{build, build_reporting};

/// The sample document built into the binary, opened when no file is given.
pub mod sample {
    /// Name the sample is shown under.
    pub const NAME: &str = "plans-2021.txt";

    /// The sample's bytes: a compilation of 2021 plan documents, speeches and reports.
    pub const BYTES: &[u8] = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/plans-2021.txt"
    ));
}
