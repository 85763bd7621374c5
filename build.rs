//! Links the `gangmu` program so that a start loads no shared library, on Linux
//! with glibc: it is a static position-independent executable (`ldd`: "statically
//! linked"), still placed at a random address. The dynamic loader's work (opening
//! and mapping libc, looking up its 220 symbols, relocating it) was a third of a
//! millisecond of every start: `gangmu --version` took 1.81 ms dynamically linked
//! and 1.41 ms static (BENCHMARKS.md, "A start without the dynamic loader").
//!
//! Rust links so itself with `-C target-feature=+crt-static`, but Cargo gives that
//! flag to the derive macros too unless `--target` is named, and they cannot be
//! built with it. So this script does what the flag does, for the program alone:
//! it asks the C compiler for a static PIE (`-static-pie`), and makes each library
//! the standard library names (`-lc`, `-lgcc_s`, `-lm`, …) resolve to its static
//! archive: a linker script `libNAME.so` in a folder searched first, naming the
//! archives (`GROUP ( …/libc.a … )`). Every one of them must: a single shared
//! library in the link would leave relocations that a static start cannot make,
//! and the program would crash at once. The tests, which run the program, would
//! show it.
//!
//! Where the C compiler lacks one of the archives (glibc's static libraries are
//! a separate package on some systems), the program is linked as before, with
//! gcc's static unwinder (`libgcc_eh.a`) in place of the shared `libgcc_s`, which
//! saved its constructor's questions to the processor (`cpuid`, which traps to
//! the host in a virtual machine): 1.88 → 1.70 ms for `gangmu --version`. Nothing
//! changes where the program is linked statically anyway, or off glibc.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The libraries the standard library links on Linux with glibc, each with the
/// static archives that stand in for it.
const STAND_INS: [(&str, &[&str]); 7] = [
    ("c", &["libc.a", "libgcc.a", "libgcc_eh.a"]),
    ("gcc_s", &["libgcc_eh.a", "libgcc.a"]),
    ("m", &["libm.a"]),
    ("dl", &["libdl.a"]),
    ("pthread", &["libpthread.a"]),
    ("rt", &["librt.a"]),
    ("util", &["libutil.a"]),
];

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let on_glibc = env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux")
        && env::var("CARGO_CFG_TARGET_ENV").as_deref() == Ok("gnu");
    let linked_statically = env::var("CARGO_CFG_TARGET_FEATURE")
        .is_ok_and(|features| features.split(',').any(|f| f == "crt-static"));
    if !on_glibc || linked_statically {
        return;
    }
    if let Some(folder) = stand_ins() {
        println!("cargo::rustc-link-arg-bins=-static-pie");
        println!("cargo::rustc-link-arg-bins=-L{}", folder.display());
        // For the test that checks the program was linked so.
        println!("cargo::rustc-env=GANGMU_STATIC_PIE=1");
    } else if compiler_file("libgcc_eh.a").is_some() {
        println!("cargo::rustc-link-lib=static:-bundle=gcc_eh");
    }
}

/// The folder of linker scripts that make each library of `STAND_INS` its
/// static archives; `None` when the compiler cannot link a static PIE.
fn stand_ins() -> Option<PathBuf> {
    compiler_file("rcrt1.o")?;
    let folder = PathBuf::from(env::var_os("OUT_DIR")?).join("static-glibc");
    fs::create_dir_all(&folder).ok()?;
    for (library, archives) in STAND_INS {
        let found: Vec<PathBuf> = archives
            .iter()
            .map(|archive| compiler_file(archive))
            .collect::<Option<_>>()?;
        let script = format!("GROUP ( {} )\n", spaced(&found)?);
        fs::write(folder.join(format!("lib{library}.so")), script).ok()?;
    }
    Some(folder)
}

/// `paths` separated by spaces, for a linker script; `None` if one has a space
/// or is not Unicode.
fn spaced(paths: &[PathBuf]) -> Option<String> {
    let names: Vec<&str> = paths.iter().map(|p| p.to_str()).collect::<Option<_>>()?;
    (!names.iter().any(|name| name.contains(' '))).then(|| names.join(" "))
}

/// Where the C compiler that links the program finds `file` among its
/// libraries, if it has it.
fn compiler_file(file: &str) -> Option<PathBuf> {
    let compiler = env::var("RUSTC_LINKER").unwrap_or_else(|_| "cc".to_owned());
    let output = Command::new(compiler)
        .arg(format!("-print-file-name={file}"))
        .output()
        .ok()
        .filter(|output| output.status.success())?;
    let found = PathBuf::from(String::from_utf8(output.stdout).ok()?.trim());
    Path::is_absolute(&found).then_some(found)
}
