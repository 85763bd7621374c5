//! The command line: the reader's options, the commands and their options, the
//! help's examples and key summary. `--data-dir` is offered where the reader's
//! data is used: the reader, `notes` and `stats` (and before any command, as
//! scripts have long given it).

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use gangmu::tui::background::ThemeChoice;

/// Examples and the keys, after the options of `gangmu --help`.
const EXAMPLES: &str = "\
Examples:
  gangmu plan.txt                    read a document (the built-in sample if none)
  gangmu a.txt b.txt                 read several documents as one, each a part
  cat plan.txt | gangmu -            read standard input
  gangmu --theme light plan.txt      the palette for a light terminal
  gangmu outline --tree plan.txt     the outline, indented, for people
  gangmu grep plan.txt 数字经济      every place a phrase occurs
  gangmu notes plan.txt > notes.md   the bookmarks and notes, to share

Keys in the reader (? shows them all):
  j k ↓ ↑  scroll        Space b  page       g G  start / end
  ] [      headings      } {      documents  f    jump to a heading
  /        search        n N      hits       m '  bookmark / the bookmarks
  o        outline       Tab      pane       q    quit

Settings: ~/.config/gangmu/config.toml (theme, measure, data-dir, [keys]);
see the README.";

/// 纲目 gangmu: read long Chinese policy documents in the terminal.
#[derive(Parser)]
#[command(version, after_help = EXAMPLES)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Documents to read (`-` for standard input); the built-in sample if none.
    /// Several are read as one document, each a part.
    pub files: Vec<PathBuf>,
    /// Widest text measure of the reader, in terminal columns [default: 80].
    #[arg(long, value_parser = clap::value_parser!(u16).range(10..))]
    pub measure: Option<u16>,
    /// The palette: for a dark or a light terminal, or `auto` to ask the
    /// terminal (then `COLORFGBG`) [default: auto].
    #[arg(long, value_parser = parse_theme, value_name = "auto|dark|light")]
    pub theme: Option<ThemeChoice>,
    /// Read the settings from FILE instead of `~/.config/gangmu/config.toml`
    /// (`$XDG_CONFIG_HOME/gangmu/config.toml`).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(flatten)]
    pub data: DataDir,
}

/// Where the reader's data is, for the commands that use it.
#[derive(clap::Args, Clone, Default)]
pub(crate) struct DataDir {
    /// Where to keep reading positions and bookmarks (default: `$GANGMU_DATA_DIR`,
    /// else the settings' `data-dir`, else `~/.local/share/gangmu` on Linux).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    /// Print the outline: `line kind depth label title`, TAB-separated.
    Outline {
        /// Print the outline as a JSON tree instead.
        #[arg(long, conflicts_with = "tree")]
        json: bool,
        /// Print it as an indented tree for people: label, title, line number.
        #[arg(long)]
        tree: bool,
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
        #[command(flatten)]
        data: DataDir,
    },
    /// Print the bookmarks of a document with their notes, grouped by document
    /// and chapter.
    Notes {
        /// The document (`-` for standard input).
        file: PathBuf,
        /// Markdown to share, or JSON for scripts.
        #[arg(long, value_enum, default_value_t = NotesFormat::Md)]
        format: NotesFormat,
        #[command(flatten)]
        data: DataDir,
    },
    /// Print the reflowed text, one heading or paragraph per line.
    Text {
        /// Wrap paragraphs to this many terminal columns.
        #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
        width: Option<u16>,
        /// The document (`-` for standard input).
        file: PathBuf,
    },
    /// Print a completion script for a shell: `gangmu completions bash >
    /// ~/.local/share/bash-completion/completions/gangmu`.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `gangmu man | man -l -`.
    Man,
}

/// How `gangmu notes` writes.
#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum NotesFormat {
    Md,
    Json,
}

fn parse_theme(name: &str) -> Result<ThemeChoice, String> {
    name.parse()
}

impl DataDir {
    /// This command's `--data-dir`, else the one given before the command.
    pub(crate) fn or(&self, before: &DataDir) -> Option<PathBuf> {
        self.data_dir.clone().or_else(|| before.data_dir.clone())
    }
}
