//! The `gangmu` command: parses arguments, then prints (`outline`, `text`) or reads.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use gangmu::parse::input::{self, Loaded, Text};

/// 纲目 gangmu: read long Chinese policy documents in the terminal.
#[derive(Parser)]
#[command(version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Documents to read (`-` for standard input); the built-in sample if none.
    files: Vec<PathBuf>,
    /// Widest text measure of the reader, in terminal columns.
    #[arg(long, default_value_t = gangmu::tui::app::DEFAULT_MEASURE, value_parser = clap::value_parser!(u16).range(10..))]
    measure: u16,
    /// Where to keep reading positions and bookmarks (default: `$GANGMU_DATA_DIR`,
    /// else the platform's data directory, `~/.local/share/gangmu` on Linux).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Print the outline: `line kind depth label title`, TAB-separated.
    Outline {
        /// Print the outline as a JSON tree instead.
        #[arg(long)]
        json: bool,
        /// The document (`-` for standard input).
        file: PathBuf,
    },
    /// Find headings by text, pinyin, initials or number, best first:
    /// `line kind label title breadcrumb`, TAB-separated.
    Find {
        /// The document (`-` for standard input).
        file: PathBuf,
        /// What to look for: `乡村振兴`, `szjj`, `shuzijingji`, `第十五章`, `15`.
        query: String,
        /// Print at most this many headings.
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Print every place a phrase occurs in the reflowed text (found across hard
    /// wraps and page breaks): `line breadcrumb snippet`, TAB-separated. Exit
    /// status 1 when there is none.
    Grep {
        /// The document (`-` for standard input).
        file: PathBuf,
        /// The phrase: `数字经济`, `5G` (ASCII letters in either case, full-width
        /// letters and digits alike).
        phrase: String,
    },
    /// Print the study sessions of a document and the reading time per chapter.
    Stats {
        /// The document (`-` for standard input).
        file: PathBuf,
    },
    /// Print the bookmarks of a document with their notes, grouped by document
    /// and chapter.
    Notes {
        /// The document (`-` for standard input).
        file: PathBuf,
        /// Markdown to share, or JSON for scripts.
        #[arg(long, value_enum, default_value_t = NotesFormat::Md)]
        format: NotesFormat,
    },
    /// Print the reflowed text, one heading or paragraph per line.
    Text {
        /// Wrap paragraphs to this many terminal columns.
        #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
        width: Option<u16>,
        /// The document (`-` for standard input).
        file: PathBuf,
    },
}

/// How `gangmu notes` writes.
#[derive(Clone, Copy, clap::ValueEnum)]
enum NotesFormat {
    Md,
    Json,
}

mod building;
mod event_loop;
mod memory;
mod terminal;
mod watchdog;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            // Standard error may be a terminal that went away: nothing more to say.
            let _ = writeln!(io::stderr(), "gangmu: {error:#}");
            ExitCode::from(2)
        }
    }
}

/// `gangmu find`: the headings `query` finds in `file`, best first, at most
/// `limit`; whether there were any.
fn write_found(
    file: &Path,
    query: &str,
    limit: usize,
    out: &mut impl Write,
) -> anyhow::Result<bool> {
    let document = load(file)?.document;
    let index = gangmu::search::Index::new(&document.outline);
    // Only the rows printed are put in order.
    let mut ranking = index.rank_among(&document.outline, query, None, None);
    ranking.settle(&index, limit);
    let hits = ranking.settled();
    for hit in hits.iter().take(limit) {
        writeln!(
            out,
            "{}",
            gangmu::output::find::tsv_row(&document.outline, hit.id)
        )?;
    }
    Ok(!hits.is_empty())
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    match cli.command {
        Some(Command::Outline { json, file }) => {
            let document = load(&file)?.document;
            if json {
                serde_json::to_writer_pretty(
                    &mut out,
                    &gangmu::output::json::tree(&document.outline),
                )?;
                writeln!(out)?;
            } else {
                out.write_all(gangmu::output::tsv::render(&document.outline).as_bytes())?;
            }
        }
        Some(Command::Find { file, query, limit }) => {
            let found = write_found(&file, &query, limit, &mut out)?;
            out.flush()?;
            // As grep does: nothing found is a failure a script can test.
            if !found {
                return Ok(ExitCode::from(1));
            }
        }
        Some(Command::Grep { file, phrase }) => {
            let text = read_text(&file)?;
            print_warnings(&text.warnings);
            let found = gangmu::output::grep::write_hits(&text.text, &phrase, &mut out)?;
            out.flush()?;
            return Ok(if found {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            });
        }
        Some(Command::Stats { file }) => {
            let (document, record) = load_with_record(&file, cli.data_dir.as_deref())?;
            writeln!(
                out,
                "《{}》",
                gangmu::layout::safe::visible(&file_name(&file))
            )?;
            for line in gangmu::study::stats::Stats::of(&record, &document).lines() {
                writeln!(out, "{line}")?;
            }
        }
        Some(Command::Notes { file, format }) => {
            let (document, record) = load_with_record(&file, cli.data_dir.as_deref())?;
            let name = file_name(&file);
            let notes = gangmu::study::notes::notes(&record, &document, &name);
            match format {
                NotesFormat::Md => {
                    out.write_all(gangmu::study::notes::markdown(&notes, &name).as_bytes())?;
                }
                NotesFormat::Json => {
                    serde_json::to_writer_pretty(&mut out, &notes)?;
                    writeln!(out)?;
                }
            }
        }
        Some(Command::Text { width, file }) => {
            let document = load(&file)?.document;
            gangmu::output::text::write_text(&document, width.map(usize::from), &mut out)?;
        }
        None => {
            let texts: Vec<(String, Text)> = if cli.files.is_empty() {
                let name = gangmu::sample::NAME;
                vec![(
                    name.to_string(),
                    input::text_from_bytes(name, gangmu::sample::BYTES)?,
                )]
            } else {
                cli.files
                    .iter()
                    .map(|f| Ok((file_name(f), read_text(f)?)))
                    .collect::<anyhow::Result<_>>()?
            };
            if io::stdout().is_terminal() && keys_can_be_read() {
                drop(out);
                let options = event_loop::Options {
                    measure: cli.measure,
                    data_dir: cli.data_dir,
                    paths: cli.files.iter().map(|f| seen_path(f)).collect(),
                    files: cli.files,
                };
                return event_loop::run(texts, options).map(|()| ExitCode::SUCCESS);
            }
            for (_, text) in texts {
                let loaded = text.build();
                print_warnings(&loaded.warnings);
                gangmu::output::text::write_text(&loaded.document, None, &mut out)?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Whether the reader can read keys: from standard input, or, when a text is
/// piped in, from the process's terminal (as `less` does).
fn keys_can_be_read() -> bool {
    io::stdin().is_terminal() || std::fs::File::open("/dev/tty").is_ok()
}

/// The name a file is shown under: its file name.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || input::display_name(path),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// A file's full path as the store records it (`-` as it is).
fn seen_path(path: &Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}

/// A document and what the store keeps of it (nothing, when there is no store).
fn load_with_record(
    path: &Path,
    data_dir: Option<&Path>,
) -> anyhow::Result<(gangmu::Document, gangmu::study::store::record::Record)> {
    let text = read_text(path)?;
    print_warnings(&text.warnings);
    let id = gangmu::study::store::Store::document_id(&[&text.text]);
    let record = match gangmu::study::store::Store::locate(data_dir) {
        Some(store) => {
            let opened = store.open_at(&id, &seen_path(path));
            if let Some(notice) = &opened.notice {
                print_warnings(&[gangmu::tui::words::notice(notice)]);
            }
            opened.record
        }
        None => gangmu::study::store::record::Record::new(&id),
    };
    Ok((text.build().document, record))
}

/// Loads a document, printing its warnings on standard error.
fn load(path: &Path) -> anyhow::Result<Loaded> {
    let loaded = read_text(path)?.build();
    print_warnings(&loaded.warnings);
    Ok(loaded)
}

/// Reads the text of `path`. A named pipe waits for a writer to come: after a
/// moment without one, standard error says so (Ctrl-C ends the wait).
fn read_text(path: &Path) -> anyhow::Result<Text> {
    let waiting = input::is_named_pipe(path).then(|| say_if_still_waiting(path));
    let text = input::read_text(path);
    drop(waiting);
    Ok(text?)
}

/// How long reading may wait before it says so.
const WAIT_BEFORE_SAYING: std::time::Duration = std::time::Duration::from_millis(300);

/// Says on standard error that `path` is waited for, unless the returned sender
/// is dropped (the reading done) before [`WAIT_BEFORE_SAYING`].
fn say_if_still_waiting(path: &Path) -> std::sync::mpsc::Sender<()> {
    let (done, reading) = std::sync::mpsc::channel::<()>();
    let name = input::display_name(path);
    std::thread::spawn(move || {
        if let Err(std::sync::mpsc::RecvTimeoutError::Timeout) =
            reading.recv_timeout(WAIT_BEFORE_SAYING)
        {
            let name = gangmu::layout::safe::visible(&name);
            eprintln!("gangmu: waiting for data on {name} (Ctrl-C to stop)");
        }
    });
    done
}

fn print_warnings(warnings: &[String]) {
    for warning in warnings {
        eprintln!("gangmu: warning: {warning}");
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|e| e.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}
