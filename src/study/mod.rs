//! The reader's own data about a document and what it shows of it: the store
//! (`store`: one JSON record per document, atomic saves), places that survive
//! edits (`anchor`), the places jumped from (`jumps`), which sections are read
//! (`progress`), a library's record and its files' (`shelf`), study statistics
//! (`stats`), notes export and citations (`notes`), and dates as shown (`when`).
//!
//! Imports `document`, `parse` (in tests) and `layout`; never the terminal, and
//! never words for the user about its own failures: it returns typed notices
//! that the reader words.

pub mod anchor;
pub mod jumps;
pub mod notes;
pub mod progress;
pub mod shelf;
pub mod stats;
pub mod store;
pub mod when;
