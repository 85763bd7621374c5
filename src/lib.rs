//! gangmu (纲目): a reader for long Chinese policy documents.
//!
//! Data flows one way:
//!
//! ```text
//! file bytes ─ decode ─▶ text ─ source ─▶ content lines ─┬─ measure (local wrap width)
//!                                                         ├─ outline::scan (labels)
//!                                                         └─ build ─▶ Document
//!                                                              (paragraphs + outline)
//! Document ─ outline::tsv / serde ─▶ `gangmu outline`
//! Document ─ layout::wrap ─▶ rows ─▶ `gangmu text`, the reader
//! ```
//!
//! The document model, layout and search never touch the terminal; `app` holds the
//! reader's state, `keymap` turns events into actions and `ui` draws frames.

pub mod anchor;
pub mod app;
pub mod bookmarks;
pub mod build;
pub mod decode;
pub mod document;
pub mod input;
pub mod invariants;
pub mod jump;
pub mod keymap;
pub mod layout;
pub mod locate;
pub mod lookup;
pub mod measure;
pub mod notes;
pub mod outline;
pub mod progress;
pub mod render;
pub mod safe;
pub mod sample;
pub mod search;
pub mod source;
pub mod stats;
pub mod store;
pub mod text_search;
pub mod ui;
pub mod when;

pub use build::build;
pub use document::Document;
