//! One file's bytes to articles-to-be, by format: plain text, Markdown (with or without
//! front matter), JSON and JSON Lines records, feeds, saved web pages. Every problem is
//! collected as a [`LoadProblem`], never raised.

use std::path::Path;

use super::decode::decode;
use super::discover::Format;
use super::load::{Pending, limit_of};
use super::read::MAX_ARTICLE_BYTES;
use super::records::{RecordResult, parse_records};
use super::{LoadProblem, Severity};
use super::{feeds, front_matter, gzip, html, stdin};
use crate::metadata;

/// Parses the bytes of one file into zero or more articles (JSON files and feeds hold
/// several), each marked with the encoding its file was read in.
pub(super) fn parse_file(
    path: &Path,
    bytes: &[u8],
    format: Format,
) -> (Vec<Pending>, Vec<LoadProblem>) {
    let inflated;
    let bytes = if gzip::is_gzip(bytes) && (is_gz(path) || format == Format::Html) {
        match gzip::gunzip_limited(bytes, limit_of(format)) {
            Ok(b) => {
                inflated = b;
                inflated.as_slice()
            }
            Err(why) => return (Vec::new(), vec![skipped(path, None, why)]),
        }
    } else {
        bytes
    };
    let decoded = match decode(bytes) {
        Ok(d) => d,
        Err(e) => return (Vec::new(), vec![skipped(path, None, e.to_string())]),
    };
    let mut problems = Vec::new();
    if let Some(w) = decoded.warning {
        problems.push(warning(path, w));
    }
    let (mut items, problems) = parse_text(path, decoded.text.as_ref(), format, problems);
    for item in &mut items {
        item.parsed.meta.encoding = Some(decoded.encoding.to_string());
    }
    (items, problems)
}

/// Parses the decoded text of one file by its format.
fn parse_text(
    path: &Path,
    text: &str,
    format: Format,
    mut problems: Vec<LoadProblem>,
) -> (Vec<Pending>, Vec<LoadProblem>) {
    let stem = stem_of(path);
    let records: Vec<RecordResult> = match format {
        Format::Text => return plain(path, stem, text, problems),
        Format::Markdown => match front_matter::parse_front_matter(text) {
            Ok(Some(record)) => vec![Ok(record)],
            Ok(None) => return plain(path, stem, text, problems),
            Err(why) => {
                problems.push(warning(path, format!("{why}; read as plain Markdown")));
                return plain(path, stem, front_matter::after_front_matter(text), problems);
            }
        },
        Format::Html => vec![html::parse_page(text).map_err(|why| (None, why))],
        Format::Json if feeds::is_json_feed(text) => feeds::parse_feed(text.as_bytes()),
        // the text is UTF-8 now, whatever the XML declaration said
        Format::Feed => feeds::parse_feed(feeds::declared_utf8(text).as_bytes()),
        Format::Json | Format::JsonLines => parse_records(text, format),
    };
    let items = pending_records(path, &stem, records, &mut problems);
    (items, problems)
}

/// Whether the file name ends in `.gz`.
fn is_gz(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
}

/// The id an article of `path` is named after: its file stem (`stdin` for `-`).
fn stem_of(path: &Path) -> String {
    if stdin::is_stdin(path) {
        return "stdin".to_string();
    }
    let path = if is_gz(path) {
        path.file_stem().map_or(path, Path::new)
    } else {
        path
    };
    path.file_stem().map_or_else(
        || "article".to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// A plain-text (or Markdown) article: metadata read off the text itself.
fn plain(
    path: &Path,
    stem: String,
    text: &str,
    problems: Vec<LoadProblem>,
) -> (Vec<Pending>, Vec<LoadProblem>) {
    if text.len() > MAX_ARTICLE_BYTES {
        return (Vec::new(), vec![too_large(path, None, text.len())]);
    }
    let pending = Pending::new(
        stem,
        path.display().to_string(),
        metadata::parse_plain(text),
    );
    (vec![pending], problems)
}

/// The records of one JSON file as articles to be; a record without an id is named after
/// the file (and its number when the file holds several). Bad records go to `problems`.
fn pending_records(
    path: &Path,
    stem: &str,
    records: Vec<RecordResult>,
    problems: &mut Vec<LoadProblem>,
) -> Vec<Pending> {
    let path_label = path.display().to_string();
    let many = records.len() > 1;
    let mut items = Vec::new();
    for (n, rec) in records.into_iter().enumerate() {
        match rec {
            Ok(r) if r.fields.body.len() > MAX_ARTICLE_BYTES => {
                problems.push(too_large(path, r.line, r.fields.body.len()));
            }
            Ok(r) => {
                let stem = r.id.clone().unwrap_or_else(|| {
                    if many {
                        format!("{stem}-{}", n + 1)
                    } else {
                        stem.to_string()
                    }
                });
                let mut parsed = metadata::parse_record(&r.fields);
                if let Some(author) = r.author.as_deref().map(crate::text::normalize_line) {
                    parsed.meta.author = Some(author).filter(|a| !a.is_empty());
                }
                if !r.tags.is_empty() {
                    parsed.meta.tags = r
                        .tags
                        .iter()
                        .map(|t| crate::text::normalize_line(t))
                        .collect();
                }
                items.push(Pending::new(stem, path_label.clone(), parsed));
            }
            Err((line, reason)) => problems.push(skipped(path, line, reason)),
        }
    }
    items
}

fn too_large(path: &Path, line: Option<usize>, bytes: usize) -> LoadProblem {
    let mb = |b: usize| b as f64 / (1u64 << 20) as f64;
    let reason = format!(
        "article text too large: {:.1} MB (the limit is {:.1} MB)",
        mb(bytes),
        mb(MAX_ARTICLE_BYTES)
    );
    skipped(path, line, reason)
}

fn warning(path: &Path, reason: String) -> LoadProblem {
    LoadProblem {
        path: path.to_path_buf(),
        line: None,
        severity: Severity::Warning,
        reason,
    }
}

pub(super) fn skipped(path: &Path, line: Option<usize>, reason: String) -> LoadProblem {
    LoadProblem {
        path: path.to_path_buf(),
        line,
        severity: Severity::Skipped,
        reason,
    }
}
