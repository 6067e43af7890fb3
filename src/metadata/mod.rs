//! Metadata extraction: title, subtitle, source, date, URL, dateline, category and tags read
//! off messy article text, and the clean body that remains.
//!
//! Real pages carry metadata in many shapes (header lines, repeated titles with site
//! suffixes, datelines, trailing tag lists, page chrome). Every rule here is general: it must
//! work for the next thousand articles from other outlets, not only for the seeds. Each rule
//! lives in its own file; `extract` runs them in order:
//!
//! 1. `paragraphs`: CRLF/CR → LF, every line cleaned ([`crate::text::normalize_line`]:
//!    entities, also broken ones, control characters, white space), lines grouped into
//!    paragraphs.
//! 2. The header zone, paragraph by paragraph until the first body paragraph: metadata
//!    lines (`header`, `byline`), page chrome (`chrome`), then the title, its repeats
//!    and site suffixes, a teaser that repeats the lead, a standfirst (`title`).
//! 3. The dateline of the first body paragraph (`dateline`), the tag line and metadata
//!    footer of the last (`tags`), chrome lines anywhere.
//!
//! Precedence. Source: a `Source:` line or record field, then the URL's domain
//! ([`outlets`]), a dateline, a byline, a headline suffix, and last a phrase such as `told
//! Reuters` (`source`); only explicit evidence counts, never a guess. Date: a header
//! line or record field, then a dateline with a year, then an `Updated:` date; a dateline
//! without a year leaves a [`MonthDay`] for [`infer_years`] (`years`).

mod byline;
mod chrome;
mod dateline;
mod dates;
mod extract;
mod fields;
mod header;
mod lexicon;
pub mod name_pattern;
pub mod outlets;
mod paragraphs;
pub mod provenance;
pub mod sidecar;
mod source;
mod stated;
mod suffix;
mod tags;
mod title;
mod years;

#[cfg(test)]
mod record_tests;
#[cfg(test)]
mod tests;

pub use fields::{Metadata, iso};

/// Compiles every metadata pattern, on all cores at once. Each would be compiled on first
/// use anyway, but the files of a small corpus (the seeds) all need the same patterns first
/// and would wait for them one after another: that compiling was most of their load time.
pub fn warm_up() {
    use rayon::prelude::*;
    let all: Vec<&std::sync::LazyLock<regex::Regex>> = byline::PATTERNS
        .iter()
        .chain(&dateline::PATTERNS)
        .chain(&dates::PATTERNS)
        .chain(&header::PATTERNS)
        .chain(&source::PATTERNS)
        .copied()
        .collect();
    all.par_iter().for_each(|r| {
        std::sync::LazyLock::force(r);
    });
}

/// The white-space separated words of `text`, counted up to `cap`: `min(count, cap)`.
/// Rules that only ask whether a line is short stop counting there, instead of walking
/// every word of a long paragraph.
fn words_up_to(text: &str, cap: usize) -> usize {
    text.split_whitespace().take(cap).count()
}

pub use dates::find_date;
pub use name_pattern::{NamePattern, PatternError};
pub use provenance::{Origin, Provenance};
pub use sidecar::is_sidecar_name;
pub use stated::{Hints, Stated};
pub use years::infer_years;

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

/// Parses a plain-text (or Markdown) article: header lines, title, dateline, tags and body.
pub fn parse_plain(text: &str) -> Parsed {
    extract::Draft::default().run(text)
}

/// Parses a structured record: its title, source, date and URL fields take precedence over
/// what the text says; the text is still cleaned and read for a dateline (and a source when
/// the record names none). A source that is a known outlet alias is canonicalised.
pub fn parse_record(rec: &RecordFields) -> Parsed {
    let clean = |s: &Option<String>| {
        s.as_deref()
            .map(crate::text::normalize_line)
            .filter(|s| !s.is_empty())
    };
    let source = clean(&rec.source).map(|s| {
        outlets::by_url(&s)
            .map(str::to_string)
            .unwrap_or_else(|| outlets::canonical_or_given(&s))
    });
    let date = clean(&rec.date).and_then(|d| dates::parse_field(&d));
    let draft = extract::Draft::with_fields(clean(&rec.title), source, date, clean(&rec.url));
    draft.run(&rec.body)
}
