//! Reading heading labels and printing the outline contract.

pub mod json;
pub mod numeral;
pub mod scan;
pub mod tsv;
