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
        // a JSON Feed that one bad item keeps from parsing whole
        Format::Json if let Some(items) = super::json_feed::parse_leniently(text) => items,
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
    let mut refused = Vec::new();
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
            Err(e) => refused.push(e),
        }
    }
    problems.extend(
        alike(refused)
            .into_iter()
            .map(|(line, reason)| skipped(path, line, reason)),
    );
    items
}

/// More records refused for the same reason than this make one problem, not one each.
const MAX_ALIKE: usize = 3;

/// The refused records of a file, with every reason shared by more than [`MAX_ALIKE`]
/// records said once, at its first record, with their number ("and 39 more records like
/// it"): a file of 40 records without text is one line, not 40.
fn alike(refused: Vec<(Option<usize>, String)>) -> Vec<(Option<usize>, String)> {
    // "element 3: no text" and "element 9: no text" are alike, and so are two feed items.
    let key = |reason: &str| -> String {
        let rest = ["element ", "feed item "]
            .iter()
            .find_map(|p| reason.strip_prefix(p))
            .and_then(|r| r.split_once(": "));
        rest.map_or(reason, |(_, why)| why).to_string()
    };
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (_, reason) in &refused {
        *counts.entry(key(reason)).or_default() += 1;
    }
    let mut said = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (line, reason) in refused {
        let k = key(&reason);
        match counts.get(&k).copied().unwrap_or(0) {
            n if n > MAX_ALIKE => {
                if said.insert(k) {
                    let more = crate::text::count(n - 1, "more record");
                    out.push((line, format!("{reason} (and {more} like it)")));
                }
            }
            _ => out.push((line, reason)),
        }
    }
    out
}

fn too_large(path: &Path, line: Option<usize>, bytes: usize) -> LoadProblem {
    let e = crate::fsio::ReadError::TooLarge {
        size: bytes as u64,
        limit: MAX_ARTICLE_BYTES as u64,
    };
    skipped(path, line, format!("article text {e}"))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_records_refused_alike_make_one_problem() {
        let body: Vec<String> = (0..40)
            .map(|i| format!("{{\"title\": \"t{i}\"}}"))
            .collect();
        let text = format!("[{}, {{\"body\": \"kept\"}}, 5]", body.join(",\n"));
        let (items, problems) = parse_file(Path::new("f.json"), text.as_bytes(), Format::Json);
        assert_eq!(items.len(), 1);
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "f.json:1: skipped: element 1: no text under body, text or content (and 39 more records like it)",
                "f.json:40: skipped: element 42: not a JSON object",
            ]
        );
    }

    #[test]
    fn many_feed_items_without_text_make_one_problem() {
        let items: String = (0..40)
            .map(|i| format!("<item><title>t{i}</title></item>"))
            .collect();
        let text = format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>F</title>{items}\
             <item><title>kept</title><description>The council met on Monday.</description></item>\
             </channel></rss>"
        );
        let (items, problems) = parse_file(Path::new("f.rss"), text.as_bytes(), Format::Feed);
        assert_eq!(items.len(), 1);
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            ["f.rss: skipped: feed item 1: no text (and 39 more records like it)"]
        );
    }
}
