//! The `gangmu` command: parses arguments (`cli`), then prints (`outline`,
//! `text`, …) or reads, with the user's settings (`settings`).

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::CommandFactory;
use gangmu::parse::input::{self, Loaded, Text};
use gangmu::tui::background::ThemeChoice;

use crate::cli::{Cli, Command, DiffArgs, NotesFormat, TermsBy};
use crate::settings::Settings;

mod background;
mod building;
mod cli;
mod comparing;
mod elsewhere;
mod event_loop;
mod library;
mod manual;
mod memory;
mod reading;
mod settings;
mod terminal;
mod watchdog;

fn main() -> ExitCode {
    let cli = Cli::from_args();
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
    let row = gangmu::output::find::tsv_row;
    Ok(gangmu::output::find::write_found(
        &document.outline,
        query,
        (limit, row),
        out,
    )?)
}

/// `gangmu find` over one file, or over a library.
fn run_find(
    files: &[PathBuf],
    query: &str,
    limit: usize,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    match files {
        [file] if !gangmu::parse::library::is_library(files) => {
            let found = write_found(file, query, limit, out)?;
            out.flush()?;
            // As grep does: nothing found is a failure a script can test.
            Ok(ExitCode::from(u8::from(!found)))
        }
        _ => library::find(files, query, limit, out),
    }
}

/// `gangmu grep` over one file, or over a library.
fn run_grep(files: &[PathBuf], phrase: &str, out: &mut impl Write) -> anyhow::Result<ExitCode> {
    match files {
        [file] if !gangmu::parse::library::is_library(files) => {
            let text = read_text(file)?;
            print_warnings(&text.warnings);
            let found = gangmu::output::grep::write_hits(&text.text, phrase, out)?;
            out.flush()?;
            Ok(ExitCode::from(u8::from(!found)))
        }
        _ => library::grep(files, phrase, out),
    }
}

/// What `gangmu diff` prints: the counts, the rows, or on a terminal the form
/// to read (coloured unless `NO_COLOR`).
fn diff_print(args: &DiffArgs) -> gangmu::output::diff::Print {
    use gangmu::output::diff::{Form, Print};
    if args.stat {
        Print::Stat
    } else if args.tsv || !io::stdout().is_terminal() {
        Print::Changes(Form::Tsv)
    } else {
        let colour = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        Print::Changes(Form::Readable { colour })
    }
}

/// `gangmu diff`: compares the documents `old` and `new`; exits as diff does:
/// 0 the same, 1 different (and 2 trouble, from `main`).
fn run_diff(
    args: &DiffArgs,
    settings: (Option<&Path>, Option<ThemeChoice>),
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    use gangmu::output::diff::{Form, Print};
    let stdin = Path::new("-");
    if args.old == stdin && args.new == stdin {
        anyhow::bail!("comparing - with -: standard input can be only one of the two");
    }
    let print = diff_print(args);
    let (old, new) = (read_text(&args.old)?, read_text(&args.new)?);
    print_warnings(&old.warnings);
    print_warnings(&new.warnings);
    if matches!(print, Print::Changes(Form::Readable { .. })) && keys_can_be_read() {
        return compare_in_the_view(args, settings, &old.text, &new.text);
    }
    let different = gangmu::output::diff::write_diff(&old.text, &new.text, print, out)?;
    out.flush()?;
    Ok(ExitCode::from(u8::from(different)))
}

/// `gangmu diff` on a terminal: the compare view; exits as diff does. Two
/// versions that do not differ print nothing, as when piped.
fn compare_in_the_view(
    args: &DiffArgs,
    (config, theme): (Option<&Path>, Option<ThemeChoice>),
    old: &str,
    new: &str,
) -> anyhow::Result<ExitCode> {
    let along = gangmu::output::diff::along(old, new);
    if along.changes.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    let settings = settings::load(config)?;
    settings.say_problems();
    install_keys(&settings);
    let names = (file_name(&args.old), file_name(&args.new));
    comparing::run(names, along, settings.theme(theme))?;
    Ok(ExitCode::from(1))
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    match cli.command {
        Some(Command::Outline { json, tree, file }) => {
            let document = load(&file)?.document;
            if tree {
                out.write_all(gangmu::output::tree::render(&document.outline).as_bytes())?;
            } else if json {
                serde_json::to_writer_pretty(
                    &mut out,
                    &gangmu::output::json::tree(&document.outline),
                )?;
                writeln!(out)?;
            } else {
                out.write_all(gangmu::output::tsv::render(&document.outline).as_bytes())?;
            }
        }
        Some(Command::Find {
            files,
            query,
            limit,
        }) => return run_find(&listed(&files)?, &query, limit, &mut out),
        Some(Command::Grep { files, phrase }) => {
            return run_grep(&listed(&files)?, &phrase, &mut out);
        }
        Some(Command::Terms {
            tsv,
            by,
            depth,
            words,
        }) => {
            let asked = library::TermsAsked {
                words: &words,
                tsv,
                depth: (by == TermsBy::Section).then_some(depth),
            };
            return library::terms(&asked, &mut out);
        }
        Some(Command::Stats { file, data }) => {
            let data_dir = data_dir_of(&data, &cli.data, cli.config.as_deref())?;
            let (document, record) = load_with_record(&file, data_dir.as_deref())?;
            writeln!(
                out,
                "《{}》",
                gangmu::layout::safe::visible(&file_name(&file))
            )?;
            for line in gangmu::study::stats::Stats::of(&record, &document).lines() {
                writeln!(out, "{line}")?;
            }
        }
        Some(Command::Notes { file, format, data }) => {
            let data_dir = data_dir_of(&data, &cli.data, cli.config.as_deref())?;
            let (document, record) = load_with_record(&file, data_dir.as_deref())?;
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
        Some(Command::Diff(args)) => {
            let settings = (cli.config.as_deref(), cli.theme);
            return run_diff(&args, settings, &mut out);
        }
        Some(Command::Text {
            width,
            source,
            file,
        }) => write_text(&file, width, source, &mut out)?,
        Some(Command::Completions { shell }) => {
            clap_complete::generate(shell, &mut Cli::command(), "gangmu", &mut out);
        }
        Some(Command::Man) => manual::write(&mut out)?,
        None => {
            let files = listed(&cli.files)?;
            if io::stdout().is_terminal() && keys_can_be_read() {
                drop(out);
                let start = reading::Start::read(&files)?;
                return read(start, cli).map(|()| ExitCode::SUCCESS);
            }
            let opened = open_texts(&files)?;
            print_warnings(&opened.skipped);
            for (_, text) in opened.texts {
                let loaded = text.build();
                print_warnings(&loaded.warnings);
                gangmu::output::text::write_text(&loaded.document, None, &mut out)?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `files` with each saved list (`@LIST`) replaced by the files it names.
fn listed(files: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    gangmu::parse::library::expand_lists(files).map_err(anyhow::Error::msg)
}

/// The texts the reader is given: the built-in sample, one file, or a library.
pub(crate) fn open_texts(files: &[PathBuf]) -> anyhow::Result<library::Opened> {
    if gangmu::parse::library::is_library(files) {
        return library::open_for_reading(files);
    }
    let texts: Vec<(String, Text)> = match files {
        [] => {
            let name = gangmu::sample::NAME;
            vec![(
                name.to_string(),
                input::text_from_bytes(name, gangmu::sample::BYTES)?,
            )]
        }
        _ => files
            .iter()
            .map(|f| Ok((file_name(f), read_text(f)?)))
            .collect::<anyhow::Result<_>>()?,
    };
    Ok(library::Opened {
        texts,
        files: files.to_vec(),
        skipped: Vec::new(),
    })
}

/// Opens the reader on the texts it starts with, with the user's settings
/// under the flags.
fn read(start: reading::Start, cli: Cli) -> anyhow::Result<()> {
    let settings = settings::load(cli.config.as_deref())?;
    settings.say_problems();
    install_keys(&settings);
    let mut problems = settings.problems.clone();
    if !start.skipped().is_empty() {
        problems.insert(0, gangmu::tui::words::files_skipped(start.skipped()));
    }
    let files = start.files();
    let options = event_loop::Options {
        measure: settings.measure(cli.measure),
        theme: settings.theme(cli.theme),
        data_dir: settings.data_dir(cli.data.data_dir),
        problems,
        paths: files.iter().map(|f| seen_path(f)).collect(),
        files,
    };
    event_loop::run(start, options)
}

/// The data directory for a command: its `--data-dir`, else the one given
/// before the command, else the settings'.
fn data_dir_of(
    data: &cli::DataDir,
    before: &cli::DataDir,
    config: Option<&Path>,
) -> anyhow::Result<Option<PathBuf>> {
    let settings = settings::load(config)?;
    settings.say_problems();
    Ok(settings.data_dir(data.or(before)))
}

/// Gives the reading keys the keys the settings name, if they name any.
fn install_keys(settings: &Settings) {
    let given = settings.config.key_settings();
    if !given.is_empty() {
        let table = gangmu::tui::bindings::BINDINGS;
        gangmu::tui::bindings::install(gangmu::tui::rebind::rebound(table, &given));
    }
}

/// `gangmu text`: the reflowed text (wrapped to `width`), or with `source` the
/// text before reflow, line for line.
fn write_text(
    file: &Path,
    width: Option<u16>,
    source: bool,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    if source {
        let text = read_text(file)?;
        print_warnings(&text.warnings);
        gangmu::output::text::write_source(&text.text, out)?;
    } else {
        let document = load(file)?.document;
        gangmu::output::text::write_text(&document, width.map(usize::from), out)?;
    }
    Ok(())
}

/// Whether the reader can read keys: from standard input, or, when a text is
/// piped in, from the process's terminal (as `less` does).
fn keys_can_be_read() -> bool {
    io::stdin().is_terminal() || std::fs::File::open("/dev/tty").is_ok()
}

/// The name a file is shown under: its file name.
pub(crate) fn file_name(path: &Path) -> String {
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

pub(crate) fn print_warnings(warnings: &[String]) {
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
