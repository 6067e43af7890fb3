//! What the user states about articles, beside their text: the fields ([`Stated`]) and
//! where they are stated ([`Hints`]). [`crate::corpus::overlay`] lays them over a corpus.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::name_pattern::NamePattern;

/// Fields a user states for one article (each `None` when not stated).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stated {
    pub title: Option<String>,
    pub source: Option<String>,
    pub date: Option<NaiveDate>,
    pub url: Option<String>,
    pub author: Option<String>,
}

/// Where the user states metadata (command line and config).
#[derive(Debug, Clone, Default)]
pub struct Hints {
    /// A sidecar named with `--sidecar FILE` (sidecars found by name are read too).
    pub sidecar: Option<PathBuf>,
    /// A file-name pattern (`--name-pattern`, or `name_pattern` in the config).
    pub name_pattern: Option<NamePattern>,
    /// The folder an article is in names its outlet (`--folder-source`).
    pub folder_source: bool,
    /// Outlets the configuration adds (`[[outlet]]`): an article whose URL is on one of
    /// their domains, or whose text names one by an alias, gets its name.
    pub outlets: Vec<super::outlets::Outlet>,
}
