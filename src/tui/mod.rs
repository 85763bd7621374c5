//! The interactive reader without the terminal loop: `app` holds the state and
//! its one mutator `App::update`, `keymap` turns keys (by the one table of them,
//! `bindings`) and the mouse into actions, `draw` draws a frame from `&App`; the popups' state is in `jump`,
//! `search` and `bookmarks`, and `lookup` is the worker that ranks and searches
//! for them off the key thread; `words` says what the reader tells the user
//! about its own data.
//!
//! Imports every layer below; only this module and the binary know ratatui.

pub mod app;
pub mod bindings;
pub mod bookmarks;
pub mod draw;
pub mod jump;
pub mod keymap;
pub mod lookup;
pub mod msg;
pub mod search;
pub mod words;

pub use draw::draw;
