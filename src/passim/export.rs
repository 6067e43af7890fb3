//! Writing a corpus as passim's input: one JSON object a line with the required `id` and
//! `text`, the `series` (the outlet: passim ignores reuse within one series, such as a
//! paper's own boilerplate) and the `date` passim sorts cluster members by; `title` and
//! `url` ride along (passim passes extra fields through to its output). The file is
//! written atomically by [`crate::fsio::replace`]: a reader never sees half a corpus, a
//! failed export leaves the old file intact, and only a regular file is ever replaced.

use std::path::Path;

use serde::Serialize;

use super::PassimError;
use crate::corpus::{Article, Corpus};

/// One line of passim input.
#[derive(Debug, Serialize)]
pub struct PassimRecord<'a> {
    pub id: &'a str,
    /// The outlet; an article without one is a series of its own, so that it is compared
    /// with every other article.
    pub series: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The clean body: passim's `begin`/`end` offsets point into exactly this text.
    pub text: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
}

impl<'a> PassimRecord<'a> {
    pub fn of(a: &'a Article) -> Self {
        PassimRecord {
            id: &a.id,
            series: a.meta.source.as_deref().unwrap_or(&a.id),
            date: a.meta.date_iso(),
            text: &a.body,
            title: &a.meta.title,
            url: a.meta.url.as_deref(),
        }
    }
}

/// Writes every article of `corpus` to `path` as passim input, atomically; returns the
/// number of records written.
pub fn write_input(corpus: &Corpus, path: &Path) -> Result<usize, PassimError> {
    crate::fsio::replace(path, |out| {
        for a in &corpus.articles {
            serde_json::to_writer(&mut *out, &PassimRecord::of(a))?;
            out.write_all(b"\n")?;
        }
        Ok(())
    })?;
    Ok(corpus.articles.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Metadata;

    #[test]
    fn one_json_object_a_line_with_series_and_date() {
        let mut corpus = Corpus::from_bodies(["First \"body\"\n\nline two.", "Second body."]);
        corpus.articles[0].meta = Metadata {
            title: "A title".into(),
            source: Some("Reuters".into()),
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
            ..Metadata::default()
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("corpus.jsonl");
        std::fs::write(&path, "old content").unwrap();
        assert_eq!(write_input(&corpus, &path).unwrap(), 2);
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["id"], "a0");
        assert_eq!(lines[0]["series"], "Reuters");
        assert_eq!(lines[0]["date"], "2026-11-20");
        assert_eq!(lines[0]["text"], "First \"body\"\n\nline two.");
        assert_eq!(lines[1]["series"], "a1");
        assert!(lines[1].get("date").is_none());
        // no temporary file left behind
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn an_unwritable_place_is_an_error() {
        let corpus = Corpus::from_bodies(["x"]);
        let err = write_input(&corpus, Path::new("/no/such/dir/out.jsonl")).unwrap_err();
        assert!(
            err.to_string().starts_with("/no/such/dir/out.jsonl"),
            "{err}"
        );
    }
}
