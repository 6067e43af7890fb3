//! The fields read off an article ([`Metadata`]), and how its date is written in JSON and
//! in the cache (`YYYY-MM-DD`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Metadata read off an article: every field is `None` when the text does not say it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// The headline; falls back to the lead sentence when the page has no headline.
    pub title: String,
    /// A standfirst under the headline.
    pub subtitle: Option<String>,
    /// The publishing outlet, canonical name from `assets/outlets.toml` when known.
    pub source: Option<String>,
    /// Publication date.
    #[serde(
        serialize_with = "serialize_date",
        deserialize_with = "deserialize_date"
    )]
    pub date: Option<NaiveDate>,
    /// True when the year of `date` was inferred from the rest of the corpus.
    pub date_inferred: bool,
    pub url: Option<String>,
    /// The place of a dateline as written (`MOSCOW`).
    pub dateline: Option<String>,
    pub category: Option<String>,
    pub author: Option<String>,
    pub tags: Vec<String>,
    /// The character encoding the file was read in (its WHATWG name: `UTF-8`,
    /// `windows-1252`, `Shift_JIS`…; `UTF-32LE`/`UTF-32BE`); `None` for text that was never
    /// bytes (built in memory).
    pub encoding: Option<String>,
}

/// A date as every machine-readable output writes it (JSON, CSV, exports): `YYYY-MM-DD`.
pub fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

impl Metadata {
    /// The date as `YYYY-MM-DD`, when known.
    pub fn date_iso(&self) -> Option<String> {
        self.date.map(iso)
    }

    /// The date as shown to a person: `YYYY-MM-DD`, with `?` when its year was inferred,
    /// and a dash when unknown.
    pub fn date_shown(&self) -> String {
        match (self.date, self.date_inferred) {
            (Some(d), false) => iso(d),
            (Some(d), true) => format!("{}?", iso(d)),
            (None, _) => "—".to_string(),
        }
    }
}

fn serialize_date<S: serde::Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_some(&iso(*d)),
        None => s.serialize_none(),
    }
}

/// Reads what [`serialize_date`] writes: `YYYY-MM-DD` or nothing.
fn deserialize_date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(s) => NaiveDate::parse_from_str(&s, "%Y-%m-%d")
            .map(Some)
            .map_err(serde::de::Error::custom),
    }
}
