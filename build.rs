//! Links the unwinder into gangmu on Linux with glibc, so that a start does not
//! load the shared `libgcc_s`.
//!
//! Rust's standard library unwinds panics with `libgcc_s.so.1` there. Loading it
//! runs its constructor, which asks the processor for its features (`cpuid`);
//! in a virtual machine each such question traps to the host. `gangmu --version`
//! took 1.88 ms with the library and 1.70 ms without it (BENCHMARKS.md, "What a
//! start loads"). The same unwinder is in gcc's static `libgcc_eh.a`, which
//! statically linked Rust programs use: named here, before the standard
//! library's libraries, it answers the unwinder's symbols, and the linker
//! (`--as-needed`) leaves `libgcc_s` out. Where gcc has no such archive, or the
//! program is linked statically anyway, nothing changes.

use std::env;
use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let on_glibc = env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux")
        && env::var("CARGO_CFG_TARGET_ENV").as_deref() == Ok("gnu");
    let linked_statically = env::var("CARGO_CFG_TARGET_FEATURE")
        .is_ok_and(|features| features.split(',').any(|f| f == "crt-static"));
    if on_glibc && !linked_statically && compiler_has("libgcc_eh.a") {
        println!("cargo::rustc-link-lib=static:-bundle=gcc_eh");
    }
}

/// Whether the C compiler that links the program has `file` in its libraries.
fn compiler_has(file: &str) -> bool {
    let compiler = env::var("RUSTC_LINKER").unwrap_or_else(|_| "cc".to_owned());
    Command::new(compiler)
        .arg(format!("-print-file-name={file}"))
        .output()
        .ok()
        .filter(|output| output.status.success())
        .and_then(|output| String::from_utf8(output.stdout).ok())
        .is_some_and(|found| Path::new(found.trim()).is_absolute())
}
