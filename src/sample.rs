//! The sample document built into the binary, opened when no file is given.

/// Name the sample is shown under.
pub const NAME: &str = "plans-2021.txt";

/// The sample's bytes: a compilation of 2021 plan documents, speeches and reports.
pub const BYTES: &[u8] = include_bytes!("../assets/plans-2021.txt");
