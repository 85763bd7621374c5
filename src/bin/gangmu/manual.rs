//! `gangmu man`: the manual page, in roff. One page for all of gangmu: the
//! reader's synopsis, description and options, then each command's synopsis and
//! options under its own heading, and the examples and keys of `--help` last.

use std::io::{self, Write};

use clap::CommandFactory;

use crate::cli::Cli;

/// Writes the manual page.
pub(crate) fn write(out: &mut impl Write) -> io::Result<()> {
    let command = Cli::command();
    let page = clap_mangen::Man::new(command.clone());
    page.render_title(out)?;
    page.render_name_section(out)?;
    page.render_synopsis_section(out)?;
    page.render_description_section(out)?;
    page.render_options_section(out)?;
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        write_command(out, sub)?;
    }
    page.render_extra_section(out)?;
    page.render_version_section(out)
}

/// A command's section: its name as a heading, what it does, its synopsis and
/// its options (as subsections).
fn write_command(out: &mut impl Write, sub: &clap::Command) -> io::Result<()> {
    let name = format!("gangmu {}", sub.get_name());
    let page = clap_mangen::Man::new(sub.clone().bin_name(name.clone()));
    let mut section = Vec::new();
    page.render_synopsis_section(&mut section)?;
    page.render_options_section(&mut section)?;
    let section = String::from_utf8_lossy(&section)
        .replace(".SH SYNOPSIS", ".SS Synopsis")
        .replace(".SH OPTIONS", ".SS Options");
    writeln!(out, ".SH \"{}\"", name.to_uppercase())?;
    if let Some(about) = sub.get_about() {
        writeln!(out, "{}", about.to_string().replace('\\', "\\\\"))?;
    }
    out.write_all(section.as_bytes())
}
