//! Lines in UTF-8 and in GB18030 pasted into one file: decoding never panics,
//! and when the file is read line by line, every UTF-8 line comes back as it was.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|lines: Vec<(bool, String)>| {
    let lines: Vec<(bool, String)> = lines
        .into_iter()
        .filter(|(_, line)| !line.contains(['\n', '\r']))
        .collect();
    let mut bytes = Vec::new();
    for (in_gb18030, line) in &lines {
        if *in_gb18030 {
            bytes.extend_from_slice(&encoding_rs::GB18030.encode(line).0);
        } else {
            bytes.extend_from_slice(line.as_bytes());
        }
        bytes.push(b'\n');
    }
    let Ok(decoded) = gangmu::parse::decode::decode(&bytes) else {
        return;
    };
    if decoded.encoding.ends_with("read line by line") {
        let read: Vec<&str> = decoded.text.split('\n').collect();
        for (index, (in_gb18030, line)) in lines.iter().enumerate() {
            if !in_gb18030 {
                assert_eq!(read.get(index).copied(), Some(line.as_str()), "line {index}");
            }
        }
    }
});
