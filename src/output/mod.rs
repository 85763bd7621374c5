//! What the commands print: the outline contract as TSV (`tsv`) and JSON
//! (`json`), the outline as an indented tree for people (`tree`), the reflowed
//! text (`text`), the rows of `gangmu grep` (`grep`) and `gangmu find`
//! (`find`), the counts of `gangmu terms` (`terms`), and the changes of `gangmu diff` (`diff`). Everything from a
//! document leaves through `layout::safe`, so nothing in it reaches the
//! terminal raw.
//!
//! Imports the layers below (document, layout, search, study, compare); never
//! the terminal.

pub mod diff;
pub mod find;
pub mod grep;
pub mod json;
pub mod terms;
pub mod text;
pub mod tree;
pub mod tsv;
