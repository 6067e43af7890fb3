//! The user's configuration file (`config.toml` at [`crate::dirs::config_file`], or the file
//! `PARALLAX_CONFIG` names): analysis thresholds, extra outlet domains, opt-in mouse support,
//! and overrides of the key bindings and the theme.
//!
//! A missing file means the defaults. Anything else wrong (bad TOML, an unknown key, a value
//! of the wrong kind) is a [`ConfigError`] that names the key and the line, so the user can
//! fix it; nothing is silently ignored. This module is UI-free: the key and theme tables are
//! kept as written (with their positions) and checked by the TUI's keymap and theme parsers,
//! which report problems through [`Settings::error_at`].
//!
//! The documented default is `assets/config.toml`, embedded and printed by
//! `parallax config --print-default`; it parses to [`Settings::default`].

mod error;

pub use error::ConfigError;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::analysis::Config as Thresholds;
use crate::metadata::outlets::Outlet;

/// True when the environment asks for no colour: `NO_COLOR` set and not empty
/// (<https://no-color.org>). The reader's theme and the command line's output both ask here.
pub fn no_color_requested() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Largest configuration file read, in bytes (the documented default is some 5 KB).
pub const MAX_CONFIG_BYTES: usize = 1 << 20;

/// Key binding overrides as written: screen → action → keys, each with its position.
pub type KeyTables = BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<Vec<String>>>>;

/// Theme overrides as written: table (`meaning`, `chrome`, `passages`, `no_color`) → name →
/// value, each with its position.
pub type ThemeTables = BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<toml::Value>>>;

/// The file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    mouse: bool,
    name_pattern: Option<Spanned<String>>,
    #[serde(default)]
    analysis: RawAnalysis,
    #[serde(default)]
    outlet: Vec<RawOutlet>,
    #[serde(default)]
    keys: KeyTables,
    #[serde(default)]
    theme: ThemeTables,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAnalysis {
    min_quote_words: Option<Spanned<usize>>,
    ngram_doc_cap: Option<Spanned<usize>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOutlet {
    name: String,
    #[serde(default)]
    domains: Vec<String>,
    #[serde(default)]
    aliases: Vec<String>,
}

/// The configuration in force.
#[derive(Debug, Default)]
pub struct Settings {
    /// Mouse support in the interactive reader (also `--mouse`).
    pub mouse: bool,
    /// A file-name pattern metadata is read through (also `--name-pattern`; see
    /// [`crate::metadata::NamePattern`]), checked when the file is read.
    pub name_pattern: Option<String>,
    /// Analysis thresholds.
    pub analysis: Thresholds,
    /// Outlets added to the built-in table.
    pub outlets: Vec<Outlet>,
    /// Key binding overrides, for [`crate::tui::keymap`].
    pub keys: KeyTables,
    /// Theme overrides, for [`crate::tui::theme`].
    pub theme: ThemeTables,
    /// Where the settings came from (`None`: the defaults) and its text, for error lines.
    source: Option<(PathBuf, String)>,
}

impl Settings {
    /// Reads the configuration file at [`crate::dirs::config_file`]; defaults when there is
    /// none.
    pub fn load() -> Result<Settings, ConfigError> {
        match crate::dirs::config_file() {
            Some(path) => Settings::load_from(&path),
            None => Ok(Settings::default()),
        }
    }

    /// Reads the configuration file at `path`; defaults when it does not exist. Only a
    /// regular file of at most [`MAX_CONFIG_BYTES`] is read: a FIFO would hang the program
    /// and `/dev/zero` fill its memory.
    pub fn load_from(path: &Path) -> Result<Settings, ConfigError> {
        use crate::fsio::ReadError;
        match crate::fsio::read_regular(path, MAX_CONFIG_BYTES) {
            Ok(bytes) => {
                let text = String::from_utf8(bytes).map_err(|_| ConfigError::NotUtf8 {
                    path: path.to_path_buf(),
                })?;
                Settings::parse(path, &text)
            }
            Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                Ok(Settings::default())
            }
            Err(e) => Err(ConfigError::Read {
                path: path.to_path_buf(),
                reason: e,
            }),
        }
    }

    /// Parses the text of a configuration file (`path` names it in errors).
    pub fn parse(path: &Path, text: &str) -> Result<Settings, ConfigError> {
        let raw: Raw = toml::from_str(text).map_err(|e| ConfigError::toml(path, text, &e))?;
        let mut settings = Settings {
            mouse: raw.mouse,
            source: Some((path.to_path_buf(), text.to_string())),
            ..Settings::default()
        };
        if let Some(p) = &raw.name_pattern {
            if let Err(e) = crate::metadata::NamePattern::parse(p.get_ref()) {
                return Err(settings.error_at(p.span(), "name_pattern", &e.to_string()));
            }
            settings.name_pattern = Some(p.get_ref().clone());
        }
        let defaults = Thresholds::default();
        for (value, field, min) in [
            (&raw.analysis.min_quote_words, "min_quote_words", 1),
            (&raw.analysis.ngram_doc_cap, "ngram_doc_cap", 2),
        ] {
            if let Some(v) = value.as_ref().filter(|v| *v.get_ref() < min) {
                return Err(settings.error_at(
                    v.span(),
                    &format!("analysis.{field}"),
                    &format!("must be at least {min}"),
                ));
            }
        }
        settings.analysis = Thresholds {
            min_quote_words: raw
                .analysis
                .min_quote_words
                .map_or(defaults.min_quote_words, Spanned::into_inner),
            ngram_doc_cap: raw
                .analysis
                .ngram_doc_cap
                .map_or(defaults.ngram_doc_cap, Spanned::into_inner),
        };
        settings.outlets = raw
            .outlet
            .into_iter()
            .map(|o| Outlet {
                name: o.name,
                domains: o
                    .domains
                    .into_iter()
                    .map(|d| d.to_ascii_lowercase())
                    .collect(),
                aliases: o.aliases,
            })
            .collect();
        settings.keys = raw.keys;
        settings.theme = raw.theme;
        Ok(settings)
    }

    /// An error about `key` at byte range `span` of the file, with its line number.
    pub fn error_at(&self, span: std::ops::Range<usize>, key: &str, message: &str) -> ConfigError {
        let (path, text) = self
            .source
            .as_ref()
            .map_or((PathBuf::from("config.toml"), ""), |(p, t)| {
                (p.clone(), t.as_str())
            });
        ConfigError::Invalid {
            path,
            line: error::line_of(text, span.start),
            key: key.to_string(),
            message: error::one_line(message),
        }
    }
}

#[cfg(test)]
mod tests;
