//! The shape of the source tree: every layer imports only from the layers below
//! it, no module imports one that imports it back (however far round), every
//! file says what it owns and stays under 600 lines.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The layers, bottom first, and the rank of each: a module may import from a
/// layer of lower rank only (its own layer aside).
const LAYERS: &[(&str, u8)] = &[
    ("document", 0),
    ("parse", 1),
    ("layout", 1),
    ("search", 2),
    ("study", 3),
    ("compare", 3),
    ("output", 4),
    ("tui", 5),
];

/// Longest a source file may grow.
const MOST_LINES: usize = 600;

fn rank(layer: &str) -> Option<u8> {
    LAYERS
        .iter()
        .find(|(name, _)| *name == layer)
        .map(|&(_, r)| r)
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("the folder is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

fn all_sources() -> Vec<PathBuf> {
    let mut found = Vec::new();
    sources(&src(), &mut found);
    found.sort();
    found
}

/// The layer a library file belongs to: the first folder (or file) under src.
fn layer_of(path: &Path) -> Option<String> {
    let first = path.strip_prefix(src()).ok()?.components().next()?;
    let name = first.as_os_str().to_str()?;
    Some(name.trim_end_matches(".rs").to_string())
}

/// The layers named by `crate::layer` paths in `code` (tests left out: they may
/// build documents with the parser wherever they are).
fn layers_imported(code: &str) -> BTreeSet<String> {
    let code = code.split("#[cfg(test)]").next().unwrap_or(code);
    code.match_indices("crate::")
        .filter_map(|(at, _)| {
            let rest = &code[at + "crate::".len()..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            // `crate::build` is parse's front door, re-exported at the root.
            let name = match &rest[..end] {
                "build" => "parse",
                name => name,
            };
            rank(name).map(|_| name.to_string())
        })
        .collect()
}

#[test]
fn layers_import_only_downwards() {
    let mut wrong = Vec::new();
    for path in all_sources() {
        let Some(layer) = layer_of(&path) else {
            continue;
        };
        let Some(own) = rank(&layer) else { continue };
        let code = fs::read_to_string(&path).expect("a source file is readable");
        for imported in layers_imported(&code) {
            let theirs = rank(&imported).expect("only known layers are collected");
            if imported != layer && theirs >= own {
                wrong.push(format!("{} imports {imported}", path.display()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn every_name_under_src_is_a_layer_the_front_door_or_the_binary() {
    let mut unknown = Vec::new();
    for entry in fs::read_dir(src()).expect("src is readable") {
        let name = entry.expect("an entry").file_name();
        let name = name.to_string_lossy().trim_end_matches(".rs").to_string();
        if rank(&name).is_none() && name != "lib" && name != "bin" {
            unknown.push(name);
        }
    }
    assert!(unknown.is_empty(), "not a layer: {unknown:?}");
}

#[test]
fn every_file_says_what_it_owns_and_stays_short() {
    let mut files = all_sources();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests"),
        &mut files,
    );
    let mut wrong = Vec::new();
    for path in files {
        let code = fs::read_to_string(&path).expect("a source file is readable");
        if !code.starts_with("//!") {
            wrong.push(format!("{}: no //! at the top", path.display()));
        }
        let lines = code.lines().count();
        if lines > MOST_LINES {
            wrong.push(format!("{}: {lines} lines", path.display()));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_layer_check_sees_an_import_against_the_flow() {
    let code = "use crate::tui::app::App;\nlet d = crate::build(text);\n";
    let imported = layers_imported(code);
    assert_eq!(
        imported,
        BTreeSet::from(["parse".to_string(), "tui".to_string()])
    );
}

/// A library module's path (`tui::popup::jump`) from its file.
fn module_of(path: &Path) -> Vec<String> {
    let relative = path.strip_prefix(src()).expect("a file under src");
    let mut parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// The modules that `code` (of `module`) names by `crate::` or `super::` paths,
/// outside its tests: each path cut to the longest prefix that is a module.
fn modules_named(
    code: &str,
    module: &[String],
    modules: &BTreeSet<Vec<String>>,
) -> BTreeSet<Vec<String>> {
    let code = code.split("#[cfg(test)]").next().unwrap_or(code);
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == ':';
    let mut named = BTreeSet::new();
    for (root, base) in [("crate::", Vec::new()), ("super::", parent(module))] {
        for (at, _) in code.match_indices(root) {
            let rest = &code[at + root.len()..];
            let end = rest.find(|c: char| !word(c)).unwrap_or(rest.len());
            let mut path = base.clone();
            path.extend(
                rest[..end]
                    .split("::")
                    .filter(|s| !s.is_empty())
                    .map(String::from),
            );
            while !path.is_empty() && !modules.contains(&path) {
                path.pop();
            }
            // A module may use what its ancestors hold; that is no cycle.
            if !path.is_empty() && !module.starts_with(&path) {
                named.insert(path);
            }
        }
    }
    named
}

/// The module a `super::` path starts from: a file's parent module.
fn parent(module: &[String]) -> Vec<String> {
    module[..module.len().saturating_sub(1)].to_vec()
}

/// A cycle in `graph`, if there is one: the modules on it.
fn a_cycle(graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Option<Vec<String>> {
    fn visit(
        at: &Vec<String>,
        graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        path: &mut Vec<Vec<String>>,
        done: &mut BTreeSet<Vec<String>>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|m| m == at) {
            return Some(path[start..].iter().map(|m| m.join("::")).collect());
        }
        if done.contains(at) {
            return None;
        }
        path.push(at.clone());
        for next in graph.get(at).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(at.clone());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|module| visit(module, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let files: Vec<PathBuf> = all_sources()
        .into_iter()
        .filter(|p| !p.starts_with(src().join("bin")))
        .collect();
    let modules: BTreeSet<Vec<String>> = files.iter().map(|p| module_of(p)).collect();
    let graph: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = files
        .iter()
        .map(|path| {
            let module = module_of(path);
            let code = fs::read_to_string(path).expect("a source file is readable");
            let named = modules_named(&code, &module, &modules);
            (module, named)
        })
        .collect();
    assert_eq!(a_cycle(&graph), None, "modules that import each other");
}

#[test]
fn the_cycle_check_finds_a_cycle_round_three_modules() {
    let module = |name: &str| vec![name.to_string()];
    let graph = BTreeMap::from([
        (module("a"), BTreeSet::from([module("b")])),
        (module("b"), BTreeSet::from([module("c")])),
        (module("c"), BTreeSet::from([module("a")])),
    ]);
    assert_eq!(a_cycle(&graph).map(|c| c.len()), Some(3));
    let modules = BTreeSet::from([module("a"), module("b")]);
    let named = modules_named(
        "use crate::b::Thing;\nuse super::a;",
        &module("a"),
        &modules,
    );
    assert_eq!(named, BTreeSet::from([module("b")]));
}
