//! Header lines: the metadata lines pages and scrapers put around an article
//! (` date 2021-11-20 URL`, `Date: …`, `Category: World`, `Published: 21 November 2026`,
//! `Source: X`, `URL: …`, a bare timestamp, and the bylines of [`super::byline`]), each
//! recognised on one clean line.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::{byline, dates, lexicon, outlets};

/// What one header line says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    /// Publication date (` date …`, `Date:`, `Published:`, a bare date line).
    Date(NaiveDate),
    /// A later modification date: used only when nothing gives the publication date.
    Updated(NaiveDate),
    Url(String),
    Category(String),
    /// The outlet, canonical when known (a `Source:` line).
    Source(String),
    /// An outlet named in a byline (`By Jane Doe, Reuters`).
    Outlet(String),
    Author(String),
    Tags(Vec<String>),
    /// A photo or image credit (`Photo: AP/Jane Doe`): not the publisher, dropped.
    Credit(String),
    /// Text following a scraper's date on the same line: the headline, or the lead
    /// sentence when the page had no headline.
    Title(String),
}

/// ` date 2021-11-20 rest`: a scraper's header line.
static SCRAPER_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^date:?\s+(\d{4}-\d{2}-\d{2}(?:[T ][0-9:.+\-Z]+)?)(?:\s+(.*))?$")
        .expect("static regex")
});

/// Longest key of a `Key: value` line, in bytes.
const MAX_KEY_BYTES: usize = 21;

/// `Published 21 November 2026`, `Posted on Nov. 21, 2026 by Jane Doe`,
/// `Updated at 10:30 GMT, 21 November 2026`: a date keyword without a colon.
static DATE_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?P<key>first\s+published|published|posted|last\s+updated|updated|last\s+modified|modified)(?:\s+(?:on|at))?\s+(?P<rest>.+?)(?:\s+(?P<by>by\s+.+))?$")
        .expect("static regex")
});

static BARE_URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:https?://|www\.)\S+$").expect("static regex"));

/// Longest `Key: value` or byline line, in words: a longer line is a sentence.
pub const MAX_FIELD_WORDS: usize = 12;

/// Reads one clean line as header fields; `None` when it is not a metadata line.
pub fn parse_field_line(line: &str) -> Option<Vec<Field>> {
    // Markdown emphasis around a whole line: `*By Jane Doe*`, `**Published:** …`
    let line = line.trim().trim_matches(['*', '_']).trim();
    let owned;
    let line = if line.contains("**") {
        owned = line.replace("**", "");
        owned.as_str()
    } else {
        line
    };
    let first = line.as_bytes().first().map(u8::to_ascii_lowercase);
    // Each regex below is anchored at a word of its own: a byte check turns most lines
    // (whole paragraphs) away before the regex engine starts.
    if first == Some(b'd')
        && let Some(c) = SCRAPER_DATE.captures(line)
    {
        return Some(scraper_date(&c));
    }
    if matches!(first, Some(b'h' | b'w')) && BARE_URL.is_match(line) {
        return Some(vec![Field::Url(line.to_string())]);
    }
    if dates::is_date_only(line) {
        return dates::find_date(line).map(|d| vec![Field::Date(d)]);
    }
    if matches!(first, Some(b'f' | b'p' | b'l' | b'u' | b'm'))
        && let Some(fields) = date_phrase(line)
    {
        return Some(fields);
    }
    if let Some(fields) = byline::credits(line) {
        return Some(fields);
    }
    if super::words_up_to(line, MAX_FIELD_WORDS + 1) > MAX_FIELD_WORDS {
        return None;
    }
    if first.is_some_and(|b| b.is_ascii_alphabetic())
        && line.contains(':')
        && let Some((key, value)) = key_value_parts(line)
    {
        return key_value(key, value);
    }
    byline::byline(line).or_else(|| byline::outlet_alone(line))
}

/// `Key: value` (`Key - value` is not accepted: too common in running text) as the key
/// and the value, trimmed: what `^([A-Za-z][A-Za-z ]{1,20}?)\s*:\s*(.*)$` matches, read
/// without the regex (whose captures cost more than all the rest of reading the line).
/// Neither the key nor the white space around it holds a colon, so the key ends at the
/// first one: it is the text before it, white space aside (at least two bytes), all
/// ASCII letters and spaces after a letter; the value holds no line break.
fn key_value_parts(line: &str) -> Option<(&str, &str)> {
    let (prefix, after) = line.split_once(':')?;
    let key = prefix.trim_end();
    let key_len = key.len().max(2);
    let mut bytes = prefix.get(..key_len)?.bytes();
    let key_ok = key_len <= MAX_KEY_BYTES
        && bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphabetic() || b == b' ');
    let value = after.trim_start();
    (key_ok && !value.contains('\n')).then_some((key, value.trim_end()))
}

/// A date keyword followed by a date (and maybe a byline), without a colon.
fn date_phrase(line: &str) -> Option<Vec<Field>> {
    let c = DATE_PHRASE.captures(line)?;
    let rest = c.name("rest")?.as_str();
    if !dates::is_date_only(rest) {
        return None;
    }
    let date = dates::find_date(rest)?;
    let key = c.name("key")?.as_str().to_lowercase();
    let mut fields = vec![if key.contains("published") || key == "posted" {
        Field::Date(date)
    } else {
        Field::Updated(date)
    }];
    if let Some(by) = c.name("by") {
        fields.extend(byline::byline(by.as_str())?);
    }
    Some(fields)
}

/// The text of capture group `i`, empty when it did not take part.
fn group<'t>(c: &regex::Captures<'t>, i: usize) -> &'t str {
    c.get(i).map_or("", |m| m.as_str())
}

/// The fields of a scraper's ` date YYYY-MM-DD [URL] [title or lead]` line.
fn scraper_date(c: &regex::Captures) -> Vec<Field> {
    // an invalid date (`2021-02-30`) is no date, but the line is still a header line
    let mut fields: Vec<Field> = dates::find_date(group(c, 1))
        .map(Field::Date)
        .into_iter()
        .collect();
    if let Some(rest) = c
        .get(2)
        .map(|m| m.as_str().trim())
        .filter(|r| !r.is_empty())
    {
        let (first, after) = rest.split_once(' ').unwrap_or((rest, ""));
        if BARE_URL.is_match(first) {
            fields.push(Field::Url(first.to_string()));
            if !after.trim().is_empty() {
                fields.push(Field::Title(after.trim().to_string()));
            }
        } else {
            fields.push(Field::Title(rest.to_string()));
        }
    }
    fields
}

/// `Key: value` lines with a key of `assets/metadata-lexicon.toml`.
fn key_value(key: &str, value: &str) -> Option<Vec<Field>> {
    let key = key.trim().to_lowercase();
    let keys = &lexicon::get().keys;
    let is = |list: &[String]| lexicon::has(list, &key);
    let field = if is(&keys.date) {
        // a date line whose value is not a valid date (`Date: 2021-02-30`) is still a
        // metadata line: consumed, with nothing to record
        return Some(date_value(value).map(Field::Date).into_iter().collect());
    } else if is(&keys.updated) {
        return Some(date_value(value).map(Field::Updated).into_iter().collect());
    } else if is(&keys.url) {
        Field::Url(nonempty(value)?.to_string())
    } else if is(&keys.category) {
        Field::Category(nonempty(value)?.to_string())
    } else if is(&keys.source) {
        source_value(nonempty(value)?)
    } else if is(&keys.author) {
        return byline::byline(&format!("By {value}"))
            .or_else(|| Some(vec![Field::Author(nonempty(value)?.to_string())]));
    } else if is(&keys.credit) {
        Field::Credit(value.to_string())
    } else if is(&keys.tags) {
        Field::Tags(super::tags::split_list(value))
    } else {
        return None;
    };
    Some(vec![field])
}

/// A `Source:` value: a known outlet (by name or address), an unknown site's address
/// (which says where the page was, not who wrote it: the URL), or a name as written.
fn source_value(v: &str) -> Field {
    match (outlets::by_url(v), outlets::host_of(v)) {
        (Some(o), _) => Field::Source(o.to_string()),
        (None, Some(_)) => Field::Url(v.to_string()),
        (None, None) => Field::Source(outlets::canonical_or_given(v)),
    }
}

fn nonempty(v: &str) -> Option<&str> {
    let v = v.trim();
    (!v.is_empty()).then_some(v)
}

/// A date value, or `None` when the value is not a date (then the line is no field).
fn date_value(value: &str) -> Option<NaiveDate> {
    dates::find_date(value)
}

/// This file's patterns, for [`super::warm_up`].
pub(super) static PATTERNS: [&LazyLock<Regex>; 3] = [&SCRAPER_DATE, &DATE_PHRASE, &BARE_URL];

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn scraper_date_lines() {
        assert_eq!(
            parse_field_line("date 2021-11-20 https://ria.ru/x.html"),
            Some(vec![
                Field::Date(date(2021, 11, 20)),
                Field::Url("https://ria.ru/x.html".into())
            ])
        );
        assert_eq!(
            parse_field_line("date 2021-11-03 Moscow and Washington agreed"),
            Some(vec![
                Field::Date(date(2021, 11, 3)),
                Field::Title("Moscow and Washington agreed".into())
            ])
        );
        assert_eq!(
            parse_field_line("date 2021-02-30 Talks resume"),
            Some(vec![Field::Title("Talks resume".into())])
        );
        assert_eq!(
            parse_field_line("date 2021-11-20 https://ria.ru/x.html Talks resume"),
            Some(vec![
                Field::Date(date(2021, 11, 20)),
                Field::Url("https://ria.ru/x.html".into()),
                Field::Title("Talks resume".into())
            ])
        );
    }

    proptest::proptest! {
        #[test]
        fn key_value_parts_read_what_the_regex_matched(
            line in "[A-Dab :\t\n\u{a0}é.]{0,26}"
        ) {
            // The pattern `key_value_parts` replaced, and how its groups were read.
            let re = Regex::new(r"^([A-Za-z][A-Za-z ]{1,20}?)\s*:\s*(.*)$").unwrap();
            let want = re
                .captures(&line)
                .map(|c| (group(&c, 1).trim(), group(&c, 2).trim()));
            proptest::prop_assert_eq!(key_value_parts(&line), want);
        }
    }

    #[test]
    fn key_value_edges() {
        assert_eq!(key_value_parts("A : b"), Some(("A", "b")));
        assert_eq!(key_value_parts("A: b"), None);
        assert_eq!(key_value_parts("Key\u{a0}: v "), Some(("Key", "v")));
        assert_eq!(key_value_parts("Key:\n v"), Some(("Key", "v")));
        assert_eq!(key_value_parts("Key: v\nw"), None);
        assert_eq!(
            key_value_parts("Abcdefghijklmnopqrstu: v"),
            Some(("Abcdefghijklmnopqrstu", "v"))
        );
        assert_eq!(key_value_parts("Abcdefghijklmnopqrstuv: v"), None);
        assert_eq!(key_value_parts("1a: v"), None);
    }

    #[test]
    fn key_value_lines() {
        assert_eq!(
            parse_field_line("Date: 2021-06-16T17:08:16+0000"),
            Some(vec![Field::Date(date(2021, 6, 16))])
        );
        assert_eq!(
            parse_field_line("Published: 21 November 2026"),
            Some(vec![Field::Date(date(2026, 11, 21))])
        );
        assert_eq!(
            parse_field_line("Updated: Nov. 22, 2026 10:00 GMT"),
            Some(vec![Field::Updated(date(2026, 11, 22))])
        );
        assert_eq!(
            parse_field_line("Category: World"),
            Some(vec![Field::Category("World".into())])
        );
        assert_eq!(
            parse_field_line("Source: thomson reuters"),
            Some(vec![Field::Source("Reuters".into())])
        );
        assert_eq!(
            parse_field_line("Source: https://example.org/a"),
            Some(vec![Field::Url("https://example.org/a".into())])
        );
        assert_eq!(
            parse_field_line("Source: Daily Bugle"),
            Some(vec![Field::Source("Daily Bugle".into())])
        );
        assert_eq!(
            parse_field_line("URL: https://example.org/a"),
            Some(vec![Field::Url("https://example.org/a".into())])
        );
        assert_eq!(
            parse_field_line("Tags: economy, Oil prices"),
            Some(vec![Field::Tags(vec![
                "economy".into(),
                "Oil prices".into()
            ])])
        );
    }

    #[test]
    fn markdown_emphasis_and_credits() {
        assert_eq!(
            parse_field_line("**Published:** 21 November 2026"),
            Some(vec![Field::Date(date(2026, 11, 21))])
        );
        assert_eq!(
            parse_field_line("*By Jane Doe*"),
            Some(vec![Field::Author("Jane Doe".into())])
        );
        assert_eq!(
            parse_field_line("Photo: Reuters/John Roe"),
            Some(vec![Field::Credit("Reuters/John Roe".into())])
        );
    }

    #[test]
    fn ordinary_sentences_are_not_fields() {
        assert_eq!(parse_field_line("He said: we will win."), None);
        assert_eq!(parse_field_line("Date: sometime soon"), Some(vec![]));
        assert_eq!(parse_field_line("Date: 2021-02-30"), Some(vec![]));
        assert_eq!(parse_field_line("Updated at:"), Some(vec![]));
        assert_eq!(
            parse_field_line("By the end of the year, prices had doubled."),
            None
        );
        assert_eq!(parse_field_line("Moscow and Washington agreed."), None);
    }

    #[test]
    fn date_keywords_without_colon() {
        assert_eq!(
            parse_field_line("Published 21 November 2026"),
            Some(vec![Field::Date(date(2026, 11, 21))])
        );
        assert_eq!(
            parse_field_line("Posted on Nov. 21, 2026 by Jane Doe"),
            Some(vec![
                Field::Date(date(2026, 11, 21)),
                Field::Author("Jane Doe".into())
            ])
        );
        assert_eq!(
            parse_field_line("Updated 22 November 2026, 10:30 GMT"),
            Some(vec![Field::Updated(date(2026, 11, 22))])
        );
        assert_eq!(
            parse_field_line("Published reports say 21 November 2026 was cold"),
            None
        );
    }

    #[test]
    fn bare_urls_and_timestamps() {
        assert_eq!(
            parse_field_line("https://www.reuters.com/world/x"),
            Some(vec![Field::Url("https://www.reuters.com/world/x".into())])
        );
        assert_eq!(
            parse_field_line("2026-11-21T08:00:00Z"),
            Some(vec![Field::Date(date(2026, 11, 21))])
        );
    }
}
