//! The user's settings, as `config.toml` writes them:
//!
//! ```toml
//! theme = "auto"        # or "dark", "light"
//! measure = 80          # widest text measure, in columns
//! data-dir = "~/notes"  # where reading positions and bookmarks are kept
//! [keys]
//! quit = "Q"            # an action's name, and a key or a list of keys
//! ```
//!
//! Read from text into [`Config`], with every problem found said in a line
//! naming the key (`unknown key "thme"`); what is wrong is left at its
//! default, the rest still applies. Reading the file, and which file, are the
//! binary's.

use std::path::PathBuf;

use crate::tui::background::ThemeChoice;
use crate::tui::bindings::Key;
use crate::tui::rebind;

/// Narrowest measure taken, as on the command line.
pub const NARROWEST_MEASURE: u16 = 10;

/// The settings a file gave; `None` where it gave none (or a bad one).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Config {
    pub theme: Option<ThemeChoice>,
    pub measure: Option<u16>,
    pub data_dir: Option<PathBuf>,
    /// Actions' names and the keys given them, in the file's order.
    pub keys: Vec<(String, Vec<Key>)>,
}

/// The settings and what was wrong in the file, a line each.
#[derive(Debug, Default)]
pub struct Read {
    pub config: Config,
    pub problems: Vec<String>,
}

/// The settings in `text`, a TOML document.
pub fn read(text: &str) -> Read {
    let mut read = Read::default();
    let table: toml::Table = match text.parse() {
        Ok(table) => table,
        Err(error) => {
            read.problems.push(syntax_error(text, &error));
            return read;
        }
    };
    for (name, value) in &table {
        if let Err(problem) = read.config.take(name, value, &mut read.problems) {
            read.problems.push(problem);
        }
    }
    read
}

impl Config {
    /// Takes the setting `name`, or says what is wrong with it (what is wrong
    /// inside `[keys]` goes to `problems`, a line for each key).
    fn take(
        &mut self,
        name: &str,
        value: &toml::Value,
        problems: &mut Vec<String>,
    ) -> Result<(), String> {
        match name {
            "theme" => {
                let choice = string(name, value)?
                    .parse::<ThemeChoice>()
                    .map_err(|why| bad(name, &why))?;
                self.theme = Some(choice);
            }
            "measure" => self.measure = Some(measure(value)?),
            "data-dir" => self.data_dir = Some(PathBuf::from(string(name, value)?)),
            "keys" => {
                let toml::Value::Table(keys) = value else {
                    return Err(bad(name, "not a table ([keys])"));
                };
                self.take_keys(keys, problems);
            }
            _ => return Err(unknown(name)),
        }
        Ok(())
    }

    /// Takes the keys of `[keys]`, saying every problem in `problems`.
    fn take_keys(&mut self, keys: &toml::Table, problems: &mut Vec<String>) {
        for (action, value) in keys {
            let name = format!("keys.{action}");
            if rebind::actions_named(action).is_none() {
                problems.push(unknown(&name));
                continue;
            }
            match key_list(&name, value) {
                Ok(list) => self.keys.push((action.clone(), list)),
                Err(problem) => problems.push(problem),
            }
        }
    }

    /// The keys given, as `rebind::rebound` takes them.
    pub fn key_settings(&self) -> Vec<(&str, Vec<Key>)> {
        self.keys
            .iter()
            .map(|(name, keys)| (name.as_str(), keys.clone()))
            .collect()
    }
}

/// A key or a list of keys.
fn key_list(name: &str, value: &toml::Value) -> Result<Vec<Key>, String> {
    let names: Vec<&str> = match value {
        toml::Value::String(one) => vec![one.as_str()],
        toml::Value::Array(many) if !many.is_empty() => many
            .iter()
            .map(|v| v.as_str().ok_or_else(|| bad(name, "not a key name")))
            .collect::<Result<_, _>>()?,
        _ => return Err(bad(name, "not a key or a list of keys")),
    };
    names
        .iter()
        .map(|key| {
            rebind::parse_key(key).ok_or_else(|| bad(name, &format!("{key:?} is not a key")))
        })
        .collect()
}

fn measure(value: &toml::Value) -> Result<u16, String> {
    let name = "measure";
    let n = value
        .as_integer()
        .ok_or_else(|| bad(name, "not a whole number"))?;
    u16::try_from(n)
        .ok()
        .filter(|&n| n >= NARROWEST_MEASURE)
        .ok_or_else(|| {
            bad(
                name,
                &format!("{n} is not from {NARROWEST_MEASURE} to 65535"),
            )
        })
}

fn string<'a>(name: &str, value: &'a toml::Value) -> Result<&'a str, String> {
    value.as_str().ok_or_else(|| bad(name, "not a string"))
}

fn unknown(name: &str) -> String {
    format!("unknown key {name:?}")
}

fn bad(name: &str, why: &str) -> String {
    format!("bad value for {name:?}: {why}")
}

/// A TOML syntax error in one line, with the line it is on.
fn syntax_error(text: &str, error: &toml::de::Error) -> String {
    let message = error.message().trim().replace('\n', " ");
    match error.span() {
        Some(span) => {
            let before = &text.as_bytes()[..span.start.min(text.len())];
            let line = memchr::memchr_iter(b'\n', before).count() + 1;
            format!("line {line}: {message}")
        }
        None => message,
    }
}

#[cfg(test)]
mod tests;
