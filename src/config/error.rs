//! What can be wrong with a configuration file, always saying where: the file, the line and
//! the key.

use std::path::{Path, PathBuf};

/// A configuration file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: cannot read: {reason}", path.display())]
    Read {
        path: PathBuf,
        reason: crate::fsio::ReadError,
    },
    #[error("{}: not UTF-8 text", path.display())]
    NotUtf8 { path: PathBuf },
    #[error("{}:{line}: {}{message}", path.display(), key_prefix(key))]
    Invalid {
        path: PathBuf,
        line: usize,
        /// The key at fault (dotted), or "" when the TOML itself is broken.
        key: String,
        message: String,
    },
}

impl ConfigError {
    /// A TOML or serde error, placed at its line; the key is taken from serde's message
    /// ("unknown field `x`") when it names one.
    pub(super) fn toml(path: &Path, text: &str, e: &toml::de::Error) -> ConfigError {
        let line = e.span().map_or(1, |s| line_of(text, s.start));
        let message = one_line(e.message());
        let key = e
            .span()
            .and_then(|s| key_on_line(text, s.start))
            .unwrap_or_default();
        ConfigError::Invalid {
            path: path.to_path_buf(),
            line,
            key,
            message,
        }
    }
}

/// A message on one line: serde adds the field on a line of its own (`…\nin `fg``), which
/// becomes `… (in `fg`)`.
pub(super) fn one_line(message: &str) -> String {
    let lines: Vec<String> = message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
        .map(|(n, l)| match l.starts_with("in `") {
            true if n > 0 => format!("({l})"),
            _ => l.to_string(),
        })
        .collect();
    lines.join(" ")
}

/// `key: `, or nothing when no key is at fault (broken TOML).
fn key_prefix(key: &str) -> String {
    match key {
        "" => String::new(),
        k => format!("{k}: "),
    }
}

/// The 1-based line of byte `at` in `text`.
pub(super) fn line_of(text: &str, at: usize) -> usize {
    let before = text.as_bytes().get(..at).unwrap_or(text.as_bytes());
    before.iter().filter(|&&b| b == b'\n').count() + 1
}

/// The key written on the line holding byte `at` (`name = ...`), or the table header there.
fn key_on_line(text: &str, at: usize) -> Option<String> {
    let start = text.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let line = text.get(start..)?.lines().next()?.trim();
    let key = match line.split_once('=') {
        Some((k, _)) => k.trim(),
        None => line.trim_start_matches('[').trim_end_matches(']').trim(),
    };
    (!key.is_empty()).then(|| key.trim_matches('"').to_string())
}
