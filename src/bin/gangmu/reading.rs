//! The texts the reader starts with. Files are read whole before the first
//! screen, but for one long text file only its opening is, and when the file is
//! known unchanged since it was last read whole (`parse::cache`'s known
//! identities), its record is found by its path: the first screen is then made
//! from the opening alone, and the whole is read after it (its identity checked
//! then, `building`). A long file not known is read whole on the thread that
//! finds its record, while the first screen is made from its opening. The
//! identities known by paths and stamps (a library's too, `memory`) are kept
//! and looked up here.

use std::path::{Path, PathBuf};

use gangmu::parse::cache::{Cache, Identities, Stamp};
use gangmu::parse::input::{self, Text};

use crate::event_loop::Options;
use crate::library;
use crate::memory::{self, Memory};

/// Texts, each under the name it is shown by.
pub(crate) type Texts = Vec<(String, Text)>;

/// The texts the reader starts with.
pub(crate) enum Start {
    /// The texts, read whole, and what could not be read.
    Whole(library::Opened),
    /// One long text file, of which only the opening has been read.
    Opening {
        name: String,
        opening: Text,
        path: PathBuf,
    },
}

impl Start {
    /// Reads `files` for the reader: one long text file only as far as its
    /// opening, anything else whole (the built-in sample when there are none).
    pub(crate) fn read(files: &[PathBuf]) -> anyhow::Result<Self> {
        if let [path] = files
            && !gangmu::parse::library::is_library(files)
            && let Some(opening) = input::read_opening(path)
        {
            return Ok(Self::Opening {
                name: crate::file_name(path),
                opening,
                path: path.clone(),
            });
        }
        crate::open_texts(files).map(Self::Whole)
    }

    /// The files the texts come from (none for the sample).
    pub(crate) fn files(&self) -> Vec<PathBuf> {
        match self {
            Self::Whole(opened) => opened.files.clone(),
            Self::Opening { path, .. } => vec![path.clone()],
        }
    }

    /// What could not be read, in words.
    pub(crate) fn skipped(&self) -> &[String] {
        match self {
            Self::Whole(opened) => &opened.skipped,
            Self::Opening { .. } => &[],
        }
    }

    /// The texts as far as they are read, each under its name, and the file
    /// still to be read whole (if one is).
    pub(crate) fn split(self) -> (Texts, Option<PathBuf>) {
        match self {
            Self::Whole(opened) => (opened.texts, None),
            Self::Opening {
                name,
                opening,
                path,
            } => (vec![(name, opening)], Some(path)),
        }
    }
}

/// What is left to build into the whole document once the first screen is out.
pub(crate) enum Unbuilt {
    /// The texts, read whole.
    Texts(Texts),
    /// A file known by its path, of which only the opening (`shown`) is read.
    File { shown: Texts, path: PathBuf },
    /// The texts, read whole, of files whose identities were known by their
    /// paths and `stamped` (a library's): to be checked.
    Unchecked { texts: Texts, stamped: Stamped },
}

impl Unbuilt {
    /// The texts read whole, with `memory`'s identities to check if it took
    /// them on trust.
    pub(crate) fn of(texts: Texts, memory: &mut Memory) -> Self {
        match memory.unchecked.take() {
            Some(stamped) => Self::Unchecked { texts, stamped },
            None => Self::Texts(texts),
        }
    }

    /// What the texts' reading found wrong, and that there is nothing to read
    /// if so; of a file not read whole yet, nothing (its whole says, later).
    pub(crate) fn warnings(&self) -> Vec<String> {
        let (Self::Texts(texts) | Self::Unchecked { texts, .. }) = self else {
            return Vec::new();
        };
        let mut warnings: Vec<String> =
            texts.iter().flat_map(|(_, t)| t.warnings.clone()).collect();
        if texts.iter().all(|(_, t)| t.text.trim().is_empty()) {
            warnings.push(gangmu::tui::words::nothing_to_read());
        }
        warnings
    }
}

/// What the store keeps of the texts `shown`, with what is left to build.
/// When `shown` is only the opening of the file `rest`: the file is read whole
/// here, unless it is known by its path.
pub(crate) fn remember(
    shown: &[(String, Text)],
    rest: Option<&Path>,
    options: &Options,
) -> anyhow::Result<(Memory, Option<Texts>)> {
    let Some(path) = rest else {
        return Ok((Memory::open(shown, options), None));
    };
    let cache = Cache::locate();
    let stamped = stamps(&[path.to_path_buf()]);
    if let (Some(cache), Some(stamped)) = (&cache, &stamped)
        && let Some(known) = known_identities(cache, stamped)
    {
        return Ok((Memory::open_as(&known.whole, shown, options), None));
    }
    let whole = read_whole(shown, path)?;
    let identities = memory::identities(&whole);
    if let (Some(cache), Some(stamped)) = (cache, stamped) {
        remember_identities(&cache, &stamped, &identities);
    }
    Ok((
        Memory::open_as(&identities.whole, &whole, options),
        Some(whole),
    ))
}

/// Files with the stamps they had when looked at.
pub(crate) type Stamped = Vec<(PathBuf, Stamp)>;

/// The stamps of `files` now, if each is a regular file whose time can be read.
pub(crate) fn stamps(files: &[PathBuf]) -> Option<Stamped> {
    files
        .iter()
        .map(|file| Some((file.clone(), Stamp::of(file)?)))
        .collect()
}

/// The identities the cache knows for `files` with their stamps.
pub(crate) fn known_identities(cache: &Cache, files: &Stamped) -> Option<Identities> {
    cache.known_identities(&seen(files))
}

/// Keeps `identities` as those of `files`, read whole when they had their
/// stamps, if each still has it (a file changed while it was read is not
/// known); the cache is swept of what is long unused meanwhile (at most once a
/// day).
pub(crate) fn remember_identities(cache: &Cache, files: &Stamped, identities: &Identities) {
    if files
        .iter()
        .all(|(file, stamp)| Stamp::of(file) == Some(*stamp))
    {
        cache.remember_identities(&seen(files), identities);
    }
    cache.sweep(std::time::SystemTime::now());
}

/// The files as the store names them (`main`'s seen paths), with their stamps.
fn seen(files: &Stamped) -> Vec<(String, Stamp)> {
    files
        .iter()
        .map(|(file, stamp)| (crate::seen_path(file), *stamp))
        .collect()
}

/// The whole of the file `path` whose opening is `shown` (under its name).
pub(crate) fn read_whole(shown: &[(String, Text)], path: &Path) -> anyhow::Result<Texts> {
    let name = shown
        .first()
        .map(|(name, _)| name.clone())
        .unwrap_or_default();
    Ok(vec![(name, input::read_text(path)?)])
}

/// Whether the whole texts read begin with those shown first, so that what was
/// built from the opening is a true part of them.
pub(crate) fn begins_with(whole: &[(String, Text)], shown: &[(String, Text)]) -> bool {
    whole.len() == shown.len()
        && whole
            .iter()
            .zip(shown)
            .all(|((_, whole), (_, shown))| whole.text.starts_with(&shown.text))
}
