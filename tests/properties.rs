//! Properties over random input (proptest): the wrapper keeps its promise at any
//! width, building never panics and always gives a consistent outline, the store
//! reads any bytes without panicking and records read back as written. The same
//! checks run in the fuzz targets (`fuzz/`).

use proptest::prelude::*;

/// Pieces documents are made of, hostile ones included.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("第一章 总则".to_string()),
        Just("一、".to_string()),
        Just("（二）".to_string()),
        Just("3.".to_string()),
        Just("专栏 1".to_string()),
        Just("目 录".to_string()),
        Just("- 14 -".to_string()),
        Just("\u{3000}\u{3000}".to_string()),
        Just("，。、）》“”……——".to_string()),
        Just("38.6 亿立方米".to_string()),
        Just("e\u{301}👨\u{200d}👩\u{200d}👧☺\u{fe0f}\u{200b}שלום".to_string()),
        Just("\u{1b}[2J\u{7}\t\u{0}\u{9b}".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        "[\\p{Han}]{1,40}",
        "[a-zA-Z0-9 .,%]{1,20}",
        any::<String>(),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn rows_fit_and_cover_the_text(text in text(), width in 1usize..120) {
        // As the reader lays out a paragraph: one line, made safe to draw.
        let line = gangmu::layout::safe::visible(&text.replace('\n', ""));
        prop_assert_eq!(gangmu::layout::wrap::check_rows(&line, width), Ok(()));
    }

    #[test]
    fn any_text_builds_a_consistent_outline(text in text()) {
        let document = gangmu::build(&text);
        prop_assert_eq!(document.check(), Ok(()));
    }

    #[test]
    fn any_bytes_decode_or_are_refused_and_build(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(decoded) = gangmu::parse::decode::decode(&bytes) {
            prop_assert_eq!(gangmu::build(&decoded.text).check(), Ok(()));
        }
    }

    #[test]
    fn the_store_reads_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..500)) {
        prop_assert_eq!(gangmu::study::store::check_round_trip(&bytes), Ok(()));
    }

    #[test]
    fn records_read_back_as_written(note in any::<String>(), path in prop::collection::vec(any::<String>(), 0..4), offset in any::<usize>()) {
        let json = serde_json::json!({
            "version": 1,
            "document": "doc",
            "bookmarks": [{
                "id": "b",
                "anchor": {"path": path, "paragraph": 3, "offset": offset, "snippet": note},
                "note": note,
                "created": 1,
                "modified": 2,
            }],
        });
        let bytes = serde_json::to_vec(&json).expect("JSON");
        prop_assert!(gangmu::study::store::parse(&bytes).is_ok());
        prop_assert_eq!(gangmu::study::store::check_round_trip(&bytes), Ok(()));
    }
}
