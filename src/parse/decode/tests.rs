//! Decoding against real and hostile bytes.

use super::*;

const CHINESE: &str = "中华人民共和国国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n\
    第一章 发展环境\n\
    我国进入新发展阶段，发展基础更加坚实，发展条件深刻变化，进一步发展面临新的机遇和挑战。\n\
    第一节 决胜全面建成小康社会取得决定性成就\n\
    “十三五”时期是全面建成小康社会决胜阶段。面对错综复杂的国际形势、艰巨繁重的国内改革发展稳定任务特别是新冠肺炎疫情严重冲击，\
    以习近平同志为核心的党中央不忘初心、牢记使命，团结带领全党全国各族人民砥砺前行、开拓创新，奋发有为推进党和国家各项事业。\n";

fn refused(bytes: &[u8]) -> &'static str {
    match decode(bytes) {
        Err(DecodeError::NotText { what }) => what,
        Ok(decoded) => panic!("accepted as {}: {:?}", decoded.encoding, decoded.text),
    }
}

fn gb18030(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = GB18030.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

fn utf16(text: &str, le: bool) -> Vec<u8> {
    let bom: [u8; 2] = if le { [0xFF, 0xFE] } else { [0xFE, 0xFF] };
    let units = text.encode_utf16().flat_map(|unit| {
        if le {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        }
    });
    bom.into_iter().chain(units).collect()
}

#[test]
fn reads_utf8_without_a_bom() {
    let decoded = decode(CHINESE.as_bytes()).expect("text");
    assert_eq!(decoded.text, CHINESE);
    assert_eq!(decoded.encoding, "UTF-8");
    assert!(!decoded.lossy);
}

#[test]
fn reads_utf8_with_a_bom_and_drops_it() {
    let bytes = [b"\xEF\xBB\xBF".as_slice(), CHINESE.as_bytes()].concat();
    for decoded in [decode(&bytes), decode_owned(bytes.clone())] {
        let decoded = decoded.expect("text");
        assert_eq!(
            (decoded.text.as_str(), decoded.encoding),
            (CHINESE, "UTF-8")
        );
        assert!(!decoded.lossy);
    }
}

#[test]
fn reads_utf16le_and_utf16be_with_a_bom() {
    for (le, name) in [(true, "UTF-16LE"), (false, "UTF-16BE")] {
        let decoded = decode(&utf16(CHINESE, le)).expect(name);
        assert_eq!((decoded.text.as_str(), decoded.encoding), (CHINESE, name));
        assert!(!decoded.lossy);
    }
}

#[test]
fn utf16_with_a_bom_may_hold_nul_bytes_and_crlf() {
    // Every ASCII character in UTF-16 has a NUL byte.
    let decoded = decode(&utf16("Plan 2021\r\n规划\r\n", true)).expect("text");
    assert_eq!(decoded.text, "Plan 2021\n规划\n");
}

#[test]
fn detects_gb18030() {
    let brief = "中华人民共和国国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n第一章 发展环境\n";
    for text in [brief, CHINESE] {
        let decoded = decode(&gb18030(text)).expect("GB18030 text");
        assert_eq!((decoded.text.as_str(), decoded.encoding), (text, "GB18030"));
        assert!(!decoded.lossy);
    }
}

#[test]
fn detects_gb18030_in_a_whole_document_with_crlf() {
    let sample = std::str::from_utf8(crate::sample::BYTES).expect("the sample is UTF-8");
    let bytes = gb18030(&sample.replace('\n', "\r\n"));
    let decoded = decode_owned(bytes).expect("GB18030 text");
    assert_eq!(decoded.encoding, "GB18030");
    assert!(!decoded.lossy);
    assert!(decoded.text == sample.replace("\r\n", "\n"));
}

#[test]
fn reads_gb18030_four_byte_sequences() {
    // 𠀀 and À need GB18030's four-byte form; GBK alone has no such thing.
    let text = "𠀀字与À同在。中华人民共和国国民经济和社会发展规划纲要。\n";
    let decoded = decode(&gb18030(text)).expect("GB18030 text");
    assert_eq!((decoded.text.as_str(), decoded.encoding), (text, "GB18030"));
}

#[test]
fn a_short_gbk_line_is_detected() {
    // Observed with chardetng 1.0.0: lines of about ten characters such as
    // these come out as GBK. Fragments of two or three characters ("对话。")
    // are sometimes taken for EUC-JP: too little to tell, and they are read
    // rather than refused (the next test).
    for line in [
        "第一章 发展环境",
        "中华人民共和国国民经济",
        "（一）指导思想。",
    ] {
        let decoded = decode(&gb18030(line)).expect("GB18030 text");
        assert_eq!((decoded.text.as_str(), decoded.encoding), (line, "GB18030"));
    }
}

#[test]
fn a_fragment_too_short_to_tell_is_still_read() {
    for fragment in ["对话。", "纲要", "·", "䶮"] {
        let decoded = decode(&gb18030(fragment)).expect("some text");
        assert!(!decoded.text.is_empty(), "{fragment}");
    }
}

#[test]
fn detects_big5() {
    let text = "國家發展委員會公告：中華民國一百一十年度施政計畫，請各機關依照辦理。\n";
    let (bytes, _, unmappable) = encoding_rs::BIG5.encode(text);
    assert!(!unmappable);
    let decoded = decode(&bytes).expect("Big5 text");
    assert_eq!((decoded.text.as_str(), decoded.encoding), (text, "Big5"));
}

#[test]
fn latin_text_with_one_high_byte_is_windows_1252() {
    let decoded = decode(b"Caf\xE9 au lait, na\xEFve r\xE9sum\xE9.\n").expect("text");
    assert_eq!(decoded.text, "Café au lait, naïve résumé.\n");
    assert_eq!(decoded.encoding, "windows-1252");
}

#[test]
fn normalises_crlf_cr_and_mixed_line_endings() {
    let cases = [
        ("一\r\n二\r\n", "一\n二\n"),
        ("一\r二\r", "一\n二\n"),
        ("一\r\n二\r三\n四\r\n\r\n五", "一\n二\n三\n四\n\n五"),
        ("\r\r\n\n\r", "\n\n\n\n"),
        ("没有换行", "没有换行"),
    ];
    for (input, expected) in cases {
        assert_eq!(decode(input.as_bytes()).expect("text").text, expected);
        assert_eq!(
            decode_owned(input.as_bytes().to_vec()).expect("text").text,
            expected
        );
    }
}

#[test]
fn normalises_line_endings_after_decoding_gb18030() {
    let text = CHINESE.replace('\n', "\r\n");
    let decoded = decode(&gb18030(&text)).expect("text");
    assert_eq!(
        (decoded.text.as_str(), decoded.encoding),
        (CHINESE, "GB18030")
    );
}

#[test]
fn refuses_images_and_executables() {
    assert_eq!(
        refused(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10"),
        "a PNG image"
    );
    assert_eq!(refused(b"\x7FELF\x02\x01\x01\0\0\0"), "an executable (ELF)");
    assert_eq!(refused(b"\xFF\xD8\xFF\xE0\0\x10JFIF"), "a JPEG image");
    assert_eq!(refused(b"MZ\x90\0\x03\0\0\0"), "an executable (PE)");
    assert_eq!(refused(b"PK\x03\x04\x14\0\x06\0"), "a ZIP archive");
}

#[test]
fn a_pdf_is_refused_with_a_hint() {
    let error = decode(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n").expect_err("a PDF");
    assert!(matches!(
        error,
        DecodeError::NotText {
            what: "a PDF document"
        }
    ));
    assert_eq!(
        error.to_string(),
        "not a text file: a PDF document (extract its text first, e.g. with pdftotext)"
    );
}

#[test]
fn many_nul_bytes_are_refused_and_stray_ones_counted() {
    let binary: Vec<u8> = "正文\0".repeat(20).into_bytes();
    assert_eq!(refused(&binary), "binary data (NUL bytes)");
    // UTF-16 without a BOM cannot be told from binary data.
    let no_bom = &utf16(&"Plan ".repeat(10), true)[2..];
    assert_eq!(refused(no_bom), "binary data (NUL bytes)");
    assert_eq!(
        decode(&binary).expect_err("binary").to_string(),
        "not a text file: binary data (NUL bytes)"
    );
    let stray = decode("正文\0正文".as_bytes()).expect("text");
    assert_eq!((stray.text.as_str(), stray.nul_bytes), ("正文\0正文", 1));
}

#[test]
fn many_control_characters_are_refused() {
    let noise: Vec<u8> = (0..2000u32).map(|i| (i % 7 + 1) as u8).collect();
    assert_eq!(refused(&noise), "binary data (control characters)");
    // Two in a hundred characters is too many.
    let line = format!("{}\x01\x02\n", "正".repeat(97));
    assert_eq!(refused(line.repeat(10).as_bytes()), CONTROLS);
    // UTF-16 with a BOM is checked after decoding.
    let units = utf16(&"\u{1}\u{2}\u{3}\u{4}".repeat(100), true);
    assert_eq!(refused(&units), CONTROLS);
}

#[test]
fn a_stray_escape_or_bell_is_kept() {
    let text = "标题\x1b[31m红字\x1b[0m\x07正文\n";
    let decoded = decode(text.as_bytes()).expect("text");
    assert_eq!(decoded.text, text);
    // One in two hundred characters is still text.
    let long = format!("{}\x07\n", "正".repeat(199)).repeat(50);
    assert_eq!(decode(long.as_bytes()).expect("text").text, long);
    // A form feed (page break) is not counted at all.
    let pages = "第一页\x0c".repeat(100);
    assert_eq!(decode(pages.as_bytes()).expect("text").text, pages);
}

#[test]
fn an_invalid_byte_in_utf8_chinese_is_replaced() {
    let mut bytes = CHINESE.as_bytes().to_vec();
    let at = "中华人民共和国".len();
    bytes.insert(at, 0xFF);
    for decoded in [decode(&bytes), decode_owned(bytes.clone())] {
        let decoded = decoded.expect("text");
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(decoded.lossy);
        let expected = format!("{}\u{FFFD}{}", &CHINESE[..at], &CHINESE[at..]);
        assert_eq!(decoded.text, expected);
    }
}

#[test]
fn a_broken_character_in_a_short_utf8_line_is_replaced() {
    // 第一 and 章 are whole; between them a three-byte character lost its last byte.
    let decoded = decode(b"\xE7\xAC\xAC\xE4\xB8\x80\xE7\xAB\xE7\xAB\xA0\r\n").expect("text");
    assert_eq!(
        (decoded.text.as_str(), decoded.encoding, decoded.lossy),
        ("第一\u{FFFD}章\n", "UTF-8", true)
    );
}

#[test]
fn utf8_cut_off_mid_character_stays_utf8() {
    let bytes = &CHINESE.as_bytes()[..CHINESE.len() - 2];
    let decoded = decode(bytes).expect("text");
    assert_eq!(decoded.encoding, "UTF-8");
    assert!(decoded.lossy);
    assert!(decoded.text.ends_with("各项事业\u{FFFD}"));
}

#[test]
fn a_utf8_bom_names_utf8_even_with_invalid_bytes() {
    let bytes = [b"\xEF\xBB\xBF\xB5\xDA".as_slice(), "一章".as_bytes()].concat();
    let decoded = decode(&bytes).expect("text");
    assert_eq!(decoded.encoding, "UTF-8");
    assert!(decoded.lossy);
    assert!(decoded.text.ends_with("一章"));
}

#[test]
fn the_encoding_is_guessed_past_a_long_ascii_start() {
    let ascii = "Plan 2021 ASCII preamble line.\n".repeat(50_000);
    let text = format!("{ascii}{}", CHINESE.repeat(4));
    let decoded = decode(&gb18030(&text)).expect("text");
    assert_eq!(decoded.encoding, "GB18030");
    assert!(decoded.text == text);
}

#[test]
fn rare_damage_beyond_the_sniffed_prefix_stays_utf8() {
    let mut bytes = CHINESE.repeat(2000).into_bytes();
    assert!(bytes.len() > SNIFF_BYTES);
    bytes.push(0xFF);
    bytes.extend_from_slice(CHINESE.as_bytes());
    let decoded = decode(&bytes).expect("text");
    assert_eq!(decoded.encoding, "UTF-8");
    assert!(decoded.lossy);
    assert!(decoded.text.ends_with(&format!("\u{FFFD}{CHINESE}")));
}

#[test]
fn empty_input_is_empty_text() {
    for decoded in [decode(b""), decode_owned(Vec::new())] {
        let decoded = decoded.expect("text");
        assert_eq!((decoded.text.as_str(), decoded.lossy), ("", false));
    }
}
