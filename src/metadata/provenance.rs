//! Where each metadata field of an article came from: the text itself, a sidecar file the
//! user keeps beside the articles, the file name read through a pattern, or the folder.
//! `list --json` prints it, so that a reader can tell a stated field from a guessed one.

use serde::{Deserialize, Serialize};

/// The origin of one metadata field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// Read off the article's text (or the record's own fields).
    Text,
    /// A row of a sidecar file (`metadata.csv` and the like, or `--sidecar FILE`).
    Sidecar,
    /// The file name, read through a name pattern (`{source}_{date}_{slug}`).
    FileName,
    /// The name of the folder the file is in (`--folder-source`).
    Folder,
    /// An outlet of the configuration (`[[outlet]]`), by the article's URL or an alias.
    Config,
}

/// The origin of each field an article has; a field it lacks has none.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub title: Option<Origin>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub source: Option<Origin>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub date: Option<Origin>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub url: Option<Origin>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub author: Option<Origin>,
}

impl Provenance {
    /// `Text` for every field `meta` has (what the parser found), nothing for the others.
    pub fn of_text(meta: &super::Metadata) -> Provenance {
        let from = |present: bool| present.then_some(Origin::Text);
        Provenance {
            title: from(!meta.title.is_empty()),
            source: from(meta.source.is_some()),
            date: from(meta.date.is_some()),
            url: from(meta.url.is_some()),
            author: from(meta.author.is_some()),
        }
    }

    /// Whether no field has an origin (nothing to print).
    pub fn is_empty(&self) -> bool {
        *self == Provenance::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_as_the_json_interface_prints_it() {
        let p = Provenance {
            title: Some(Origin::Text),
            source: Some(Origin::Sidecar),
            date: Some(Origin::FileName),
            ..Provenance::default()
        };
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(
            json,
            r#"{"title":"text","source":"sidecar","date":"file-name"}"#
        );
        assert!(Provenance::default().is_empty());
    }
}
