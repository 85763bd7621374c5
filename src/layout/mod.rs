//! Text layout for a given width: no terminal code here.

pub mod reader;
pub mod wrap;
