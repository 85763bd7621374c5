//! Many files at once: the reader's library (folders walked, files read in
//! parallel and ordered), and `grep`, `find` and `terms` over files and folders,
//! each file's rows led by its name. Files that cannot be read are named on
//! standard error (in the reader: in a notice) and the others go on.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use gangmu::document::Document;
use gangmu::parse::cache::Cache;
use gangmu::parse::input::Text;
use gangmu::parse::library::{self, Book, Shelf};
use gangmu::search::text::Query;

/// The texts the reader opens, the files they came from, and what was skipped.
pub(crate) struct Opened {
    pub texts: Vec<(String, Text)>,
    pub files: Vec<PathBuf>,
    pub skipped: Vec<String>,
}

/// Opens the library `paths` name for the reader: each file under its name.
pub(crate) fn open_for_reading(paths: &[PathBuf]) -> anyhow::Result<Opened> {
    let shelf = open(paths)?;
    let files = shelf.books.iter().map(|b| b.path.clone()).collect();
    let texts = shelf
        .books
        .into_iter()
        .map(|book| (crate::file_name(&book.path), book.text))
        .collect();
    Ok(Opened {
        texts,
        files,
        skipped: shelf.skipped,
    })
}

/// The library `paths` name; an error only when not one file could be read.
fn open(paths: &[PathBuf]) -> anyhow::Result<Shelf> {
    let shelf = library::open(paths);
    if shelf.books.is_empty() {
        let names: Vec<String> = paths
            .iter()
            .map(|p| gangmu::parse::input::display_name(p))
            .collect();
        match shelf.skipped.first() {
            Some(first) => anyhow::bail!("{first}"),
            None => anyhow::bail!("reading {}: no files to read", names.join(", ")),
        }
    }
    Ok(shelf)
}

/// The library's files, their warnings and the files skipped said on
/// standard error.
fn open_for_printing(paths: &[PathBuf]) -> anyhow::Result<Vec<Book>> {
    let shelf = open(paths)?;
    let skipped = shelf.skipped.iter().map(|s| format!("skipped: {s}"));
    let warnings: Vec<String> = shelf
        .books
        .iter()
        .flat_map(|b| b.text.warnings.iter().cloned())
        .chain(skipped)
        .collect();
    crate::print_warnings(&warnings);
    Ok(shelf.books)
}

/// The name a file's rows are led by: its path as found.
fn row_name(book: &Book) -> String {
    book.path.display().to_string()
}

/// `gangmu grep` over a library: every hit, each row led by its file.
pub(crate) fn grep(
    paths: &[PathBuf],
    phrase: &str,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let books = open_for_printing(paths)?;
    let Some(query) = Query::new(phrase) else {
        return Ok(ExitCode::from(1));
    };
    let colour = gangmu::output::grep::colour();
    let cache = Cache::locate();
    let printed = library::in_parallel(&books, |book| {
        let mut rows = Vec::new();
        let name = row_name(book);
        let text = &book.text.text;
        let document = build(cache.as_ref(), text);
        let count = gangmu::output::grep::write_file_hits(
            Some(&name),
            text,
            &document,
            &query,
            colour,
            &mut rows,
        );
        count.map(|count| (rows, count))
    });
    let mut found = 0;
    for file in printed {
        let (rows, count) = file?;
        out.write_all(&rows)?;
        found += count;
    }
    out.flush()?;
    Ok(exit_found(found > 0))
}

/// `gangmu find` over a library: headings of every file, ranked together.
pub(crate) fn find(
    paths: &[PathBuf],
    query: &str,
    limit: usize,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let books = open_for_printing(paths)?;
    let cache = Cache::locate();
    let documents = library::in_parallel(&books, |book| {
        (row_name(book), build(cache.as_ref(), &book.text.text))
    });
    let library = Document::combine(documents);
    let row = gangmu::output::find::library_row;
    let found = gangmu::output::find::write_found(&library.outline, query, (limit, row), out)?;
    out.flush()?;
    Ok(exit_found(found))
}

/// The document of a file's text: from the cache when there is one.
fn build(cache: Option<&Cache>, text: &str) -> Document {
    match cache {
        Some(cache) => cache.build(text),
        None => gangmu::build(text),
    }
}

/// As grep does: nothing found is a failure a script can test.
fn exit_found(found: bool) -> ExitCode {
    if found {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// What `gangmu terms` was asked.
pub(crate) struct TermsAsked<'a> {
    pub words: &'a [String],
    pub tsv: bool,
    /// The depth of the sections counted, or `None` to count per file.
    pub depth: Option<u16>,
}

/// `gangmu terms`: each phrase counted per file or per section, a row for
/// every one (0 included).
pub(crate) fn terms(asked: &TermsAsked, out: &mut impl Write) -> anyhow::Result<ExitCode> {
    let (paths, phrases) = paths_and_phrases(asked.words)?;
    let books = open_for_printing(&paths)?;
    let queries: Vec<Query> = phrases.iter().filter_map(|p| Query::new(p)).collect();
    if queries.len() < phrases.len() {
        anyhow::bail!("counting terms: a phrase is empty");
    }
    let cache = Cache::locate();
    let rows: Vec<Vec<gangmu::output::terms::Row>> = library::in_parallel(&books, |book| {
        let document = build(cache.as_ref(), &book.text.text);
        let file = row_name(book);
        match asked.depth {
            Some(depth) => gangmu::output::terms::count_sections(&file, &document, &queries, depth),
            None => vec![gangmu::output::terms::Row {
                counts: gangmu::output::terms::count_file(&document, &queries),
                file,
                section: None,
                heading: None,
            }],
        }
    });
    let rows: Vec<_> = rows.into_iter().flatten().collect();
    if asked.tsv {
        gangmu::output::terms::write_tsv(&rows, &phrases, out)?;
    } else {
        gangmu::output::terms::write_table(&rows, &phrases, out)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The files, folders and saved lists (`@LIST`) that lead `words` (those that
/// exist), the lists' files in their place, and the phrases after them.
fn paths_and_phrases(words: &[String]) -> anyhow::Result<(Vec<PathBuf>, Vec<String>)> {
    let split = words
        .iter()
        .position(|w| !Path::new(w).exists() && !library::is_list(w))
        .unwrap_or(words.len());
    let (paths, phrases) = words.split_at(split);
    if paths.is_empty() {
        let first = words.first().map_or("", String::as_str);
        anyhow::bail!("reading {first}: no such file or folder");
    }
    if phrases.is_empty() {
        anyhow::bail!("counting terms: no phrase given after the files");
    }
    let paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
    let paths = library::expand_lists(&paths).map_err(anyhow::Error::msg)?;
    Ok((paths, phrases.to_vec()))
}
