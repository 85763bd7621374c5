//! The interactive reader without the terminal loop. Everything that happens
//! arrives as a `msg::Msg`; `app` holds the state and its one mutator
//! `App::update`; `action` names what a user can do, `bindings` is the one
//! table of keys, which `keymap` reads to turn keys and the mouse into actions;
//! `draw` draws a frame (the panes) from `&App`; `popup` holds each popup's
//! state and drawing in a file of its own; `lookup` is the worker that ranks and
//! searches for the popups off the key thread; `prepared` is a document with
//! what the reader works out of it once, which for a long text is done on the
//! thread that builds it; `words` is what the reader says
//! to the user; `theme` and `spans` are the styles and styled text they share;
//! `background` tells which of the theme's palettes suits the terminal;
//! `rebind` gives actions the keys the user's settings name, `config` reads
//! those settings. `compare` is the compare view of `gangmu diff`, a view of
//! its own beside the reader.
//!
//! Within it, too, imports go one way, with no module importing one that
//! imports it back: `action` and `theme` import nothing of the reader's;
//! `popup` draws from what it is given, never from `App`; `app` uses the
//! popups, the key map and the words; `draw` reads `app`.
//!
//! Imports every layer below; only this module and the binary know ratatui.

pub mod action;
pub mod app;
pub mod background;
pub mod bindings;
pub mod compare;
pub mod config;
pub mod draw;
pub mod keymap;
pub mod lookup;
pub mod msg;
pub mod popup;
pub mod prepared;
pub mod rebind;
mod spans;
pub mod theme;
pub mod words;

pub use draw::draw;
