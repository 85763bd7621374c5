//! The settings file, `config.toml` in the platform's configuration directory
//! (`$XDG_CONFIG_HOME/gangmu`, else `~/.config/gangmu`, on Linux) or the file
//! `--config` names: read, its problems said on standard error a line each
//! (`config.toml: unknown key "thme"`), and merged under the command line's
//! flags, which win. A missing default file is no settings at all.

use std::path::{Path, PathBuf};

use anyhow::Context;
use gangmu::tui::background::ThemeChoice;
use gangmu::tui::config::{self, Config};

/// The settings, and what was wrong in them, a line each, ready to be said.
pub(crate) struct Settings {
    pub config: Config,
    pub problems: Vec<String>,
}

/// Reads the settings from `asked` (`--config`), else from the default file if
/// there is one. A file asked for that cannot be read is an error; the default
/// one only a problem.
pub(crate) fn load(asked: Option<&Path>) -> anyhow::Result<Settings> {
    let Some(path) = asked.map(Path::to_path_buf).or_else(default_path) else {
        return Ok(Settings::none());
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) if asked.is_some() => {
            return Err(error).with_context(|| format!("reading {}", shown(&path)));
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Settings::none());
        }
        Err(error) => {
            let problem = format!("reading {}: {error}", shown(&path));
            return Ok(Settings {
                config: Config::default(),
                problems: vec![problem],
            });
        }
    };
    let read = config::read(&text);
    let name = path
        .file_name()
        .map_or_else(|| shown(&path), |n| n.to_string_lossy().into_owned());
    let name = gangmu::layout::safe::visible(&name);
    Ok(Settings {
        config: with_home(read.config),
        problems: read
            .problems
            .iter()
            .map(|problem| format!("{name}: {problem}"))
            .collect(),
    })
}

impl Settings {
    fn none() -> Self {
        Self {
            config: Config::default(),
            problems: Vec::new(),
        }
    }

    /// Says the problems on standard error.
    pub(crate) fn say_problems(&self) {
        for problem in &self.problems {
            eprintln!("gangmu: warning: {problem}");
        }
    }

    /// The measure: the flag's, else the settings', else the reader's own.
    pub(crate) fn measure(&self, flag: Option<u16>) -> u16 {
        flag.or(self.config.measure)
            .unwrap_or(gangmu::tui::app::DEFAULT_MEASURE)
    }

    /// The palette asked for: the flag's, else the settings', else `auto`.
    pub(crate) fn theme(&self, flag: Option<ThemeChoice>) -> ThemeChoice {
        flag.or(self.config.theme).unwrap_or_default()
    }

    /// The data directory: the flag's; else, unless `GANGMU_DATA_DIR` says
    /// one, the settings'; else none (the store finds its own).
    pub(crate) fn data_dir(&self, flag: Option<PathBuf>) -> Option<PathBuf> {
        let variable = gangmu::study::store::DATA_DIR_VARIABLE;
        let from_environment = std::env::var_os(variable).is_some_and(|v| !v.is_empty());
        flag.or_else(|| {
            (!from_environment)
                .then(|| self.config.data_dir.clone())
                .flatten()
        })
    }
}

/// `config.toml` in the platform's configuration directory.
fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "gangmu").map(|d| d.config_dir().join("config.toml"))
}

/// The settings with a data directory written `~/…` under the home directory.
fn with_home(mut config: Config) -> Config {
    if let Some(dir) = &config.data_dir
        && let Ok(rest) = dir.strip_prefix("~")
        && let Some(home) = directories::BaseDirs::new()
    {
        config.data_dir = Some(home.home_dir().join(rest));
    }
    config
}

fn shown(path: &Path) -> String {
    gangmu::layout::safe::visible(&path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(text: &str) -> Settings {
        Settings {
            config: config::read(text).config,
            problems: Vec::new(),
        }
    }

    #[test]
    fn a_flag_beats_the_settings_which_beat_the_defaults() {
        let given = settings("measure = 60\ntheme = \"light\"\n");
        assert_eq!(given.measure(Some(100)), 100);
        assert_eq!(given.measure(None), 60);
        assert_eq!(given.theme(Some(ThemeChoice::Dark)), ThemeChoice::Dark);
        assert_eq!(given.theme(None), ThemeChoice::Light);
        let none = settings("");
        assert_eq!(none.measure(None), gangmu::tui::app::DEFAULT_MEASURE);
        assert_eq!(none.theme(None), ThemeChoice::Auto);
    }

    #[test]
    fn a_data_directory_under_home_is_written_with_a_tilde() {
        let config = with_home(config::read("data-dir = \"~/notes\"\n").config);
        let dir = config.data_dir.expect("a data directory");
        assert!(dir.is_absolute() && dir.ends_with("notes"), "{dir:?}");
    }
}
