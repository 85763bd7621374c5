//! Saved lists of files: `@LIST` names a text file that holds the paths of a
//! library, one a line, relative to the list's own folder unless absolute;
//! blank lines and lines starting with `#` are left out. A list may name
//! folders, as the command line may, but not other lists.

use std::path::{Path, PathBuf};

/// The list file `word` names, if it is `@` and the path of a file.
fn list_path(word: &str) -> Option<&Path> {
    let path = Path::new(word.strip_prefix('@')?);
    path.is_file().then_some(path)
}

/// Whether `word` names a saved list of files (`@LIST`, the list there).
pub fn is_list(word: &str) -> bool {
    list_path(word).is_some()
}

/// `paths` with each saved list replaced by the paths it holds, in order; an
/// error, in one line, for a list that cannot be read.
pub fn expand_lists(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut expanded = Vec::new();
    for path in paths {
        match path.to_str().and_then(list_path) {
            Some(list) => expanded.extend(listed(list)?),
            None => expanded.push(path.clone()),
        }
    }
    Ok(expanded)
}

/// The paths the list at `list` holds.
fn listed(list: &Path) -> Result<Vec<PathBuf>, String> {
    let text = std::fs::read_to_string(list)
        .map_err(|error| format!("reading the list {}: {error}", list.display()))?;
    let folder = list.parent().unwrap_or(Path::new(""));
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| folder.join(line))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_gives_its_paths_relative_to_its_folder_in_order() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let list = dir.path().join("reports.txt");
        std::fs::write(
            &list,
            "# 近三年\n\ngwr-2023.txt\n  sub/gwr-2024.txt  \n/abs/gwr-2025.txt\n",
        )
        .expect("written");
        let word = format!("@{}", list.display());
        assert!(is_list(&word));
        assert!(
            !is_list(&list.display().to_string()),
            "without @ it is a file"
        );
        assert!(!is_list("@no-such-list"));
        let expanded = expand_lists(&[PathBuf::from("a.txt"), PathBuf::from(&word)]).expect("read");
        assert_eq!(
            expanded,
            [
                PathBuf::from("a.txt"),
                dir.path().join("gwr-2023.txt"),
                dir.path().join("sub/gwr-2024.txt"),
                PathBuf::from("/abs/gwr-2025.txt"),
            ]
        );
    }
}
