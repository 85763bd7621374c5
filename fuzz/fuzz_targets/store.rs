//! Any bytes as a store file: read as a record or refused, never a panic; a
//! record read writes back and reads again the same.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Err(broken) = gangmu::study::store::check_round_trip(bytes) {
        panic!("{broken}");
    }
});
