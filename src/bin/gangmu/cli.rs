//! The command line: the reader's options, the commands and their options, the
//! help's examples and key summary. `--data-dir` is offered where the reader's
//! data is used: the reader, `notes` and `stats` (and before any command, as
//! scripts have long given it). A command line of files only is read without
//! clap (`Cli::from_args`).

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Parser, Subcommand};
use gangmu::tui::action::{Action, Focus, Mode};
use gangmu::tui::background::ThemeChoice;
use gangmu::tui::bindings;

/// Examples, after the options of `gangmu --help`.
const EXAMPLES: &str = "\
Examples:
  gangmu plan.txt                    read a document (the built-in sample if none)
  gangmu a.txt b.txt                 read several documents as one, each a part
  cat plan.txt | gangmu -            read standard input
  gangmu --theme light plan.txt      the palette for a light terminal
  gangmu outline --tree plan.txt     the outline, indented, for people
  gangmu reports/                    read every file in a folder as a library
  gangmu grep plan.txt 数字经济      every place a phrase occurs
  gangmu terms reports/ 新质生产力   how often a phrase occurs in each file
  gangmu notes plan.txt > notes.md   the bookmarks and notes, to share";

/// The reading keys `--help` names, and what they do, three to a line.
const KEY_SUMMARY: [(&[Action], &str); 12] = [
    (&[Action::Scroll(1), Action::Scroll(-1)], "scroll"),
    (&[Action::Pages(1), Action::Pages(-1)], "page"),
    (&[Action::Top, Action::Bottom], "start / end"),
    (&[Action::Heading(1), Action::Heading(-1)], "headings"),
    (&[Action::Document(1), Action::Document(-1)], "documents"),
    (&[Action::OpenJump], "jump to a heading"),
    (&[Action::OpenSearch], "search"),
    (&[Action::NextHit(1), Action::NextHit(-1)], "hits"),
    (
        &[Action::AddBookmark, Action::OpenBookmarks],
        "bookmark / list",
    ),
    (&[Action::ToggleOutline], "outline"),
    (&[Action::SwitchFocus], "pane"),
    (&[Action::Quit], "quit"),
];

/// What follows the options of `gangmu --help`: the examples, the main reading
/// keys as the bindings table gives them, and where the settings are.
fn after_help() -> String {
    let reading = Mode::Reading(Focus::Reader);
    let key = |action| bindings::key_name(reading, action).replace("空格", "Space");
    let mut lines = vec![
        EXAMPLES.to_string(),
        String::new(),
        format!(
            "Keys in the reader ({} shows them all):",
            key(Action::ToggleHelp)
        ),
    ];
    for row in KEY_SUMMARY.chunks(3) {
        let entries: Vec<String> = row
            .iter()
            .map(|(actions, does)| {
                let keys: Vec<String> = actions.iter().map(|&action| key(action)).collect();
                format!("{} {does}", padded(&keys.join(" "), 8))
            })
            .collect();
        let line: Vec<String> = entries.iter().map(|entry| padded(entry, 26)).collect();
        lines.push(format!("  {}", line.join(" ").trim_end()));
    }
    lines.push(String::new());
    lines.push("Settings: ~/.config/gangmu/config.toml (theme, measure, data-dir, [keys]);".into());
    lines.push("see the README.".into());
    lines.join("\n")
}

/// `text` and spaces up to `columns` terminal columns.
fn padded(text: &str, columns: usize) -> String {
    let width = gangmu::layout::wrap::display_width(text);
    format!("{text}{}", " ".repeat(columns.saturating_sub(width)))
}

/// 纲目 gangmu: read long Chinese policy documents in the terminal.
#[derive(Parser)]
#[command(version, after_help = after_help())]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Documents or folders to read (`-` for standard input); the built-in
    /// sample if none. Several, or a folder, are read as one library, each file
    /// a part, in order of the year in their names or titles.
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

/// What `gangmu diff` compares and how it prints.
#[derive(clap::Args)]
pub(crate) struct DiffArgs {
    /// Print the rows even on a terminal.
    #[arg(long)]
    pub tsv: bool,
    /// Print only how many sections, sentences and characters changed.
    #[arg(long, conflicts_with = "tsv")]
    pub stat: bool,
    /// The old version (`-` for standard input).
    pub old: PathBuf,
    /// The new version (`-` for standard input).
    pub new: PathBuf,
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
    /// Over several files or folders each row starts with the file.
    Find {
        /// The documents or folders (`-` for standard input).
        #[arg(required = true, num_args = 1..)]
        files: Vec<PathBuf>,
        /// What to look for: `乡村振兴`, `szjj`, `shuzijingji`, `第十五章`, `15`.
        query: String,
        /// Print at most this many headings.
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Print every place a phrase occurs in the reflowed text (found across hard
    /// wraps and page breaks): `line breadcrumb snippet`, TAB-separated. Exit
    /// status 1 when there is none. Over several files or folders each row
    /// starts with the file, as `grep -H` does.
    Grep {
        /// The documents or folders (`-` for standard input).
        #[arg(required = true, num_args = 1..)]
        files: Vec<PathBuf>,
        /// The phrase: `数字经济`, `5G` (ASCII letters in either case, full-width
        /// letters and digits alike).
        phrase: String,
    },
    /// Count phrases per file or per section, in the reflowed text (across hard
    /// wraps and page breaks): a table with a bar per count, or with `--tsv`
    /// `file phrase count` (`file breadcrumb phrase count` by section).
    Terms {
        /// Print TSV rows for scripts.
        #[arg(long)]
        tsv: bool,
        /// Count per file, or per section (a heading at `--depth`).
        #[arg(long, value_enum, default_value_t = TermsBy::File)]
        by: TermsBy,
        /// The depth of the sections counted with `--by section` (1 the top).
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..))]
        depth: u16,
        /// The documents or folders, then the phrases: `reports/ 新质生产力 高质量发展`.
        #[arg(required = true, num_args = 2.., value_name = "FILE|DIR... PHRASE")]
        words: Vec<String>,
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
    /// Compare two versions of a document by sections and sentences: one row per
    /// change, `op old_line new_line breadcrumb text`, TAB-separated (on a
    /// terminal, the compare view unless `--tsv`: `]c` / `[c` go through the
    /// changes, `s` shows the versions side by side). Exit status 0 when they are the
    /// same, 1 when they differ.
    Diff(DiffArgs),
    /// Print the reflowed text, one heading or paragraph per line.
    Text {
        /// Wrap paragraphs to this many terminal columns.
        #[arg(long, value_parser = clap::value_parser!(u16).range(1..), conflicts_with = "source")]
        width: Option<u16>,
        /// Print the text before reflow instead: the file's lines as decoded, or a
        /// Word file's or web page's blocks one a line (what the outline's line
        /// numbers count).
        #[arg(long)]
        source: bool,
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

/// What `gangmu terms` counts by.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum TermsBy {
    File,
    Section,
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

impl Cli {
    /// The command line, parsed. One that only names files to read, as the
    /// reader is mostly started, is told without clap, whose parser (every
    /// command and option, their help) took 165,000 instructions and some ten
    /// page faults of each start; any option or command goes to clap.
    pub(crate) fn from_args() -> Self {
        Self::of_files_only(std::env::args_os().skip(1)).unwrap_or_else(Self::parse)
    }

    /// The command line `args` (after the program's name), when it is nothing
    /// but the names of files to read: none empty or starting with `-`, the
    /// first not a command's name (clap takes a command only first).
    fn of_files_only(args: impl Iterator<Item = OsString>) -> Option<Self> {
        let files: Vec<PathBuf> = args.map(PathBuf::from).collect();
        let plain = |file: &PathBuf| {
            file.to_str()
                .is_some_and(|name| !name.is_empty() && !name.starts_with('-'))
        };
        if !files.iter().all(plain) {
            return None;
        }
        if let Some(first) = files.first().and_then(|file| file.to_str())
            && (first == "help" || Command::has_subcommand(first))
        {
            return None;
        }
        Some(Self {
            command: None,
            files,
            measure: None,
            theme: None,
            config: None,
            data: DataDir::default(),
        })
    }
}

impl DataDir {
    /// This command's `--data-dir`, else the one given before the command.
    pub(crate) fn or(&self, before: &DataDir) -> Option<PathBuf> {
        self.data_dir.clone().or_else(|| before.data_dir.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What clap makes of `args`, and what the files-only reading makes of
    /// them, when it takes them: the same reader with the same files.
    fn read_alike(args: &[&str]) -> Option<bool> {
        let ours = Cli::of_files_only(args.iter().map(OsString::from))?;
        let theirs = Cli::try_parse_from(std::iter::once("gangmu").chain(args.iter().copied()));
        Some(theirs.is_ok_and(|cli| {
            cli.command.is_none()
                && cli.files == ours.files
                && cli.measure.is_none()
                && cli.theme.is_none()
                && cli.config.is_none()
                && cli.data.data_dir.is_none()
        }))
    }

    #[test]
    fn a_command_line_of_files_only_is_read_as_clap_reads_it() {
        for files in [
            &[][..],
            &["plan.txt"],
            &["a.txt", "b.txt", "reports/"],
            &["规划纲要.txt"],
            &["a.txt", "outline"],
            &["a.txt", "help"],
        ] {
            assert_eq!(read_alike(files), Some(true), "{files:?}");
        }
    }

    #[test]
    fn options_and_commands_are_left_to_clap() {
        for args in [
            &["outline", "a.txt"][..],
            &["help"],
            &["-"],
            &["--measure", "30", "a.txt"],
            &["a.txt", "--theme", "light"],
            &["--version"],
            &["a.txt", ""],
        ] {
            assert_eq!(read_alike(args), None, "{args:?}");
        }
    }
}
