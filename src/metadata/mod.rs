//! Metadata extraction: title, subtitle, source, date, URL, dateline, category and tags read
//! off messy article text, and the clean body that remains.
//!
//! Real pages carry metadata in many shapes (header lines, repeated titles with site
//! suffixes, datelines, trailing tag lists, page chrome). Every rule here is general: it must
//! work for the next thousand articles from other outlets, not only for the seeds.

use crate::corpus::Metadata;

/// A date without a year (from a dateline such as `November 2`), to be completed from the
/// rest of the corpus by [`infer_years`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthDay {
    pub month: u32,
    pub day: u32,
}

/// What [`parse_plain`] and [`parse_record`] read off one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    pub meta: Metadata,
    /// The clean body (see [`crate::corpus::Article::body`]).
    pub body: String,
    /// Set when the only date found lacks a year.
    pub month_day: Option<MonthDay>,
}

/// Fields a structured record (JSON, a feed item) already carries; the text of `body` is
/// still cleaned and may still yield a dateline or a source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordFields {
    pub title: Option<String>,
    pub source: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub body: String,
}

/// Parses a plain-text (or Markdown) article.
pub fn parse_plain(text: &str) -> Parsed {
    let body = crate::text::clean_body(text);
    let title = body.lines().next().unwrap_or_default().to_string();
    Parsed {
        meta: Metadata {
            title,
            ..Metadata::default()
        },
        body,
        month_day: None,
    }
}

/// Parses a structured record.
pub fn parse_record(rec: &RecordFields) -> Parsed {
    let body = crate::text::clean_body(&rec.body);
    let meta = Metadata {
        title: rec.title.clone().unwrap_or_default(),
        source: rec.source.clone(),
        url: rec.url.clone(),
        ..Metadata::default()
    };
    Parsed {
        meta,
        body,
        month_day: None,
    }
}

/// Completes year-less dates from the dated articles of the same corpus: the year that puts
/// the month and day closest to the corpus's dated articles. Sets `date_inferred`.
pub fn infer_years(items: &mut [Parsed]) {
    let _ = items;
}
