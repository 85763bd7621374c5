//! The library fixture (tests/fixtures/library) as the reader has it: its four
//! reports in year order, each under a file heading, as one document.

/// The library fixture's reports, in year order, as one document.
pub(crate) fn library() -> gangmu::Document {
    let file = |name: &str| {
        let path = format!(
            "{}/tests/fixtures/library/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).expect("the library fixture");
        (name.to_string(), gangmu::build(&text))
    };
    gangmu::Document::combine(
        [
            "gwr-1959.txt",
            "gwr-1978.txt",
            "gwr-2024.txt",
            "gwr-2025.txt",
        ]
        .into_iter()
        .map(file)
        .collect(),
    )
}
