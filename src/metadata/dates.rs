//! Reading dates written in the usual news shapes: ISO dates and timestamps
//! (`2021-06-16T17:08:16+0000`), `21 November 2026`, `November 21, 2026`, `Nov. 21, 2026`,
//! `21.11.2026`, `2026/11/21`, and year-less month-days (`November 2`) from datelines.
//!
//! Every date is validated by chrono: `30 February` is not a date.

use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate};
use regex::Regex;

use super::MonthDay;

/// Month names and the abbreviations newsrooms use, as a regex alternation.
pub const MONTH_PATTERN: &str = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";

/// A date anywhere in a string; each alternative names its parts.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let m = MONTH_PATTERN;
    Regex::new(&format!(
        r"(?ix)
        \b(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})(?:\b|T)
        | \b(?P<sy>\d{{4}})/(?P<sm>\d{{1,2}})/(?P<sd>\d{{1,2}})\b
        | \b(?P<dd>\d{{1,2}})\.(?P<dm>\d{{1,2}})\.(?P<dy>\d{{4}})\b
        | \b(?P<ld>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<lm>{m})\.?,?\s+(?P<ly>\d{{4}})\b
        | \b(?P<am>{m})\.?\s+(?P<ad>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<ay>\d{{4}})\b"
    ))
    .expect("static regex")
});

/// A month and day without a year: `November 2`, `Nov. 2`, `2 November`.
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    let m = MONTH_PATTERN;
    Regex::new(&format!(
        r"(?i)^\s*(?:(?P<am>{m})\.?\s+(?P<ad>\d{{1,2}})|(?P<bd>\d{{1,2}})\s+(?P<bm>{m})\.?)(?:\s*,?\s*(?P<y>\d{{4}}))?\s*$"
    ))
    .expect("static regex")
});

/// The month number of a month name or abbreviation (`Sept.` → 9).
pub fn month_number(name: &str) -> Option<u32> {
    let lower = name.trim_end_matches('.').to_lowercase();
    let key = lower.get(..3)?;
    let n = match key {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(n)
}

fn num(c: &regex::Captures, name: &str) -> Option<u32> {
    c.name(name)?.as_str().parse().ok()
}

fn ymd(y: Option<u32>, m: Option<u32>, d: Option<u32>) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::try_from(y?).ok()?, m?, d?)
}

/// The date of one match of [`DATE`], when it is a real calendar date.
fn from_captures(c: &regex::Captures) -> Option<NaiveDate> {
    let month = |n: &str| c.name(n).and_then(|m| month_number(m.as_str()));
    if c.name("iy").is_some() {
        ymd(num(c, "iy"), num(c, "im"), num(c, "id"))
    } else if c.name("sy").is_some() {
        ymd(num(c, "sy"), num(c, "sm"), num(c, "sd"))
    } else if c.name("dy").is_some() {
        ymd(num(c, "dy"), num(c, "dm"), num(c, "dd"))
    } else if c.name("ly").is_some() {
        ymd(num(c, "ly"), month("lm"), num(c, "ld"))
    } else {
        ymd(num(c, "ay"), month("am"), num(c, "ad"))
    }
}

/// The first valid date written anywhere in `text`.
pub fn find_date(text: &str) -> Option<NaiveDate> {
    if !has_ascii_digit(text) {
        return None;
    }
    if let Some(d) = timestamp(text.trim()) {
        return Some(d);
    }
    DATE.captures_iter(text).find_map(|c| from_captures(&c))
}

/// A date field of a structured record: any shape [`find_date`] reads, or a Unix
/// timestamp in seconds or milliseconds (`1637366400`).
pub fn parse_field(value: &str) -> Option<NaiveDate> {
    let v = value.trim();
    if !v.is_empty() && v.len() <= 13 && v.bytes().all(|b| b.is_ascii_digit()) {
        let n: i64 = v.parse().ok()?;
        let secs = if v.len() > 11 { n / 1000 } else { n };
        return DateTime::from_timestamp(secs, 0).map(|t| t.date_naive());
    }
    find_date(v)
}

/// Whether `text` has an ASCII digit. Every date has some (a day and a year, or a
/// timestamp) and only ASCII digits parse: without one, no regex needs to run (most
/// lines asked about are headlines and bylines).
fn has_ascii_digit(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
}

/// The first valid date in `text` with the byte range it covers.
pub fn find_date_span(text: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    if !has_ascii_digit(text) {
        return None;
    }
    DATE.captures_iter(text).find_map(|c| {
        let whole = c.get(0)?;
        from_captures(&c).map(|d| (d, whole.range()))
    })
}

/// A full RFC 3339 / ISO 8601 timestamp (`2021-06-16T17:08:16+0000` too): its date as
/// written (the local date of the publisher, not converted to UTC).
fn timestamp(text: &str) -> Option<NaiveDate> {
    let token = text.split_whitespace().next()?;
    DateTime::parse_from_rfc3339(token)
        .or_else(|_| DateTime::parse_from_str(token, "%Y-%m-%dT%H:%M:%S%z"))
        .or_else(|_| DateTime::parse_from_str(token, "%Y-%m-%dT%H:%M:%S%.f%z"))
        .ok()
        .map(|t| t.date_naive())
}

/// Longest line that can be only a date and a time, in bytes.
const MAX_DATE_LINE: usize = 80;

/// True when `text` is only a date, optionally with a time and zone
/// (`21 November 2026, 10:30 GMT`, `2021-06-16T17:08:16+0000`).
pub fn is_date_only(text: &str) -> bool {
    if text.len() > MAX_DATE_LINE {
        return false;
    }
    let Some((_, range)) = find_date_span(text) else {
        return false;
    };
    let before = text[..range.start].trim();
    let after = text[range.end..].trim();
    let before = before.trim_end_matches([',', '|', '-', '–', '—']).trim();
    let lead_ok = before.is_empty()
        || is_weekday(before)
        || (before.chars().any(|c| c.is_ascii_digit()) && is_time_tail(before));
    lead_ok && is_time_tail(after)
}

fn is_weekday(s: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let lower = s.trim().trim_end_matches('.').to_lowercase();
    lower.len() >= 3 && DAYS.iter().any(|d| d.starts_with(&lower))
}

/// A time of day with an optional zone after a date: `, 10:30 GMT`, `T17:08:16+0000`,
/// `at 9 am`, or nothing.
pub fn is_time_tail(s: &str) -> bool {
    static TAIL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^[,|•·\-–—]?\s*(?:at\s+)?(?:T?\d{1,2}(?::\d{2}){0,2}(?:\.\d+)?\s*(?:[ap]\.?m\.?)?\s*(?:Z|[A-Z]{2,5}|(?:UTC|GMT)?\s*[+\-]\d{2}:?\d{2})?)?\s*$",
        )
        .expect("static regex")
    });
    TAIL.is_match(s)
}

/// A month-day written alone, possibly with a year (`November 2`, `2 Nov`, `Nov. 2, 2021`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOfYear {
    Full(NaiveDate),
    Partial(MonthDay),
}

/// Reads a dateline's date part; `None` when it is not a valid date.
pub fn parse_month_day(text: &str) -> Option<DayOfYear> {
    let c = MONTH_DAY.captures(text)?;
    let month = c
        .name("am")
        .or_else(|| c.name("bm"))
        .and_then(|m| month_number(m.as_str()))?;
    let day: u32 = c
        .name("ad")
        .or_else(|| c.name("bd"))?
        .as_str()
        .parse()
        .ok()?;
    match num(&c, "y") {
        Some(y) => ymd(Some(y), Some(month), Some(day)).map(DayOfYear::Full),
        // 2000 is a leap year: 29 February is a valid month-day.
        None => NaiveDate::from_ymd_opt(2000, month, day)
            .map(|_| DayOfYear::Partial(MonthDay { month, day })),
    }
}

/// This file's patterns, for [`super::warm_up`].
pub(super) static PATTERNS: [&LazyLock<Regex>; 2] = [&DATE, &MONTH_DAY];

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn reads_the_usual_shapes() {
        assert_eq!(find_date("2021-11-20"), d(2021, 11, 20));
        assert_eq!(find_date("2021-06-16T17:08:16+0000"), d(2021, 6, 16));
        assert_eq!(find_date("2021-06-16T23:30:00-05:00"), d(2021, 6, 16));
        assert_eq!(find_date("21 November 2026"), d(2026, 11, 21));
        assert_eq!(find_date("November 21, 2026"), d(2026, 11, 21));
        assert_eq!(find_date("Nov. 21, 2026"), d(2026, 11, 21));
        assert_eq!(find_date("Sept. 3, 2024"), d(2024, 9, 3));
        assert_eq!(find_date("21.11.2026"), d(2026, 11, 21));
        assert_eq!(find_date("2026/11/21"), d(2026, 11, 21));
        assert_eq!(find_date("on the 3rd of March 2020"), d(2020, 3, 3));
    }

    #[test]
    fn invalid_dates_are_not_dates() {
        assert_eq!(find_date("30 February 2021"), None);
        assert_eq!(find_date("2021-13-01"), None);
        assert_eq!(find_date("31.04.2021"), None);
        assert_eq!(find_date("no date here 12345"), None);
        // Unicode digits match `\d` but are no date: the regex path agrees with the
        // ASCII-digit shortcut
        for t in ["٢١ November ٢٠٢٦", "२०२१-११-२०"] {
            assert!(DATE.is_match(t));
            assert_eq!(DATE.captures_iter(t).find_map(|c| from_captures(&c)), None);
            assert_eq!(find_date(t), None);
        }
    }

    #[test]
    fn skips_an_invalid_date_for_a_later_valid_one() {
        assert_eq!(find_date("Feb 30, 2021 or March 1, 2021"), d(2021, 3, 1));
    }

    #[test]
    fn date_only_lines() {
        assert!(is_date_only("21 November 2026"));
        assert!(is_date_only("Saturday, 21 November 2026, 10:30 GMT"));
        assert!(is_date_only("2021-06-16T17:08:16+0000"));
        assert!(is_date_only("Nov. 21, 2026 at 9:15 a.m. EST"));
        assert!(!is_date_only("On 21 November 2026 the talks began."));
        assert!(is_date_only("10:30 GMT, 21 November 2026"));
        assert!(!is_date_only("In 2026, 21 November 2026"));
    }

    #[test]
    fn month_days_with_and_without_year() {
        assert!(matches!(
            parse_month_day("November 2"),
            Some(DayOfYear::Partial(MonthDay { month: 11, day: 2 }))
        ));
        assert!(matches!(
            parse_month_day("3 Nov."),
            Some(DayOfYear::Partial(MonthDay { month: 11, day: 3 }))
        ));
        assert!(matches!(
            parse_month_day("Feb 29"),
            Some(DayOfYear::Partial(MonthDay { month: 2, day: 29 }))
        ));
        assert!(matches!(
            parse_month_day("Nov 3, 2021"),
            Some(DayOfYear::Full(x)) if Some(x) == d(2021, 11, 3)
        ));
        assert!(parse_month_day("February 30").is_none());
        assert!(parse_month_day("Moscow").is_none());
    }

    #[test]
    fn record_date_fields() {
        assert_eq!(parse_field("1637366400"), d(2021, 11, 20));
        assert_eq!(parse_field("1637366400000"), d(2021, 11, 20));
        assert_eq!(
            parse_field("Sat, 20 Nov 2021 10:00:00 GMT"),
            d(2021, 11, 20)
        );
        assert_eq!(parse_field("2021-11-20T10:00:00Z"), d(2021, 11, 20));
        assert_eq!(parse_field("soon"), None);
    }

    #[test]
    fn month_names() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("DECEMBER"), Some(12));
        assert_eq!(month_number("Mo"), None);
        assert_eq!(month_number("Movember"), None);
    }
}
