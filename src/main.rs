//! The `gangmu` command: parses arguments, then prints (`outline`, `text`) or reads.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use gangmu::input::{self, Loaded};

/// 纲目 gangmu: read long Chinese policy documents in the terminal.
#[derive(Parser)]
#[command(version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Documents to read (`-` for standard input); the built-in sample if none.
    files: Vec<PathBuf>,
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
    /// Print the reflowed text, one heading or paragraph per line.
    Text {
        /// Wrap paragraphs to this many terminal columns.
        #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
        width: Option<u16>,
        /// The document (`-` for standard input).
        file: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("gangmu: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    match cli.command {
        Some(Command::Outline { json, file }) => {
            let document = load(&file)?.document;
            if json {
                serde_json::to_writer_pretty(
                    &mut out,
                    &gangmu::outline::json::tree(&document.outline),
                )?;
                writeln!(out)?;
            } else {
                out.write_all(gangmu::outline::tsv::render(&document.outline).as_bytes())?;
            }
        }
        Some(Command::Text { width, file }) => {
            let document = load(&file)?.document;
            gangmu::render::write_text(&document, width.map(usize::from), &mut out)?;
        }
        None => {
            // The interactive reader is not built yet: print the reflowed text.
            let documents = if cli.files.is_empty() {
                vec![input::load_bytes(
                    gangmu::sample::NAME,
                    gangmu::sample::BYTES,
                )?]
            } else {
                cli.files
                    .iter()
                    .map(|f| load(f))
                    .collect::<anyhow::Result<_>>()?
            };
            for loaded in &documents {
                gangmu::render::write_text(&loaded.document, None, &mut out)?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// Loads a document, printing its warnings on standard error.
fn load(path: &Path) -> anyhow::Result<Loaded> {
    let loaded = input::load(path)?;
    for warning in &loaded.warnings {
        eprintln!("gangmu: warning: {warning}");
    }
    Ok(loaded)
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|e| e.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}
