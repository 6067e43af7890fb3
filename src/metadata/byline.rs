//! Bylines and credits: `By Jane Doe`, `By Jane Doe, Reuters`, `By JANE DOE | AP`,
//! `Reporting by Jane Doe; Editing by John Roe`, and an outlet's name alone on a line.
//! An outlet named in a byline is the source; a role (`Staff Writer`) is not.

use std::sync::LazyLock;

use regex::Regex;

use super::header::{Field, MAX_FIELD_WORDS};
use super::{dates, outlets};

/// `By Jane Doe`, `By Jane Doe and John Roe, Reuters`, `By JANE DOE | AP`.
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    let name = r"\p{Lu}[\p{L}'’.\-]*(?:\s+(?:\p{Lu}[\p{L}'’.\-]*|de|van|von|der|da|di|la|le|bin|al-\p{Lu}\p{L}*)){0,4}";
    Regex::new(&format!(
        r"(?i:^by)\s+(?P<who>{name}(?:\s*(?:,|and|&)\s*{name})*?)(?:\s*(?:,|\||/|-|–|—|for)\s*(?P<org>[\p{{Lu}}][\p{{L}}.&'’ \-]{{1,40}}))?$"
    ))
    .expect("static regex")
});

/// A wire credit line: `Reporting by Jane Doe; Editing by John Roe`.
static CREDITS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(?:additional\s+)?reporting|writing|compiled|editing|edited)\s+by\s+(?P<who>[^;.]{2,120}?)\s*(?:;.*)?\.?$")
        .expect("static regex")
});

/// A line that is only a known outlet's name (`BBC News` under a byline), maybe with a
/// date (`RIA Novosti, 20.11.2021`, `Interfax | 21 November 2026`): the source.
pub fn outlet_alone(line: &str) -> Option<Vec<Field>> {
    let (name, date) = match line.split_once([',', '|']) {
        Some((name, rest)) if dates::is_date_only(rest.trim()) => {
            (name.trim(), dates::find_date(rest))
        }
        _ => (line, None),
    };
    if super::words_up_to(name, 6) > 5 || !name.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let outlet = outlets::by_name(name)?;
    let mut fields = vec![Field::Outlet(outlet.to_string())];
    fields.extend(date.map(Field::Date));
    Some(fields)
}

/// A wire credit line: the first name given as reporter or writer is the author.
pub fn credits(line: &str) -> Option<Vec<Field>> {
    // Every role opens with one of these letters (no other char folds to them): most
    // lines are turned away before the regex.
    let first = line.as_bytes().first().map(u8::to_ascii_lowercase);
    if !matches!(first, Some(b'a' | b'r' | b'w' | b'c' | b'e')) {
        return None;
    }
    CREDITS.captures(line).map(|c| credit_line(&c))
}

/// The fields of a matched credit line.
fn credit_line(c: &regex::Captures) -> Vec<Field> {
    let first_role = c.get(0).map_or("", |m| m.as_str()).to_lowercase();
    let who = c.name("who").map_or("", |m| m.as_str()).trim();
    if first_role.starts_with("edit") || who.is_empty() {
        return vec![Field::Credit(who.to_string())];
    }
    vec![Field::Author(who.to_string())]
}

/// `By Jane Doe[, Outlet]`: the author, and the outlet when one is named and known.
pub fn byline(line: &str) -> Option<Vec<Field>> {
    if super::words_up_to(line, MAX_FIELD_WORDS + 1) > MAX_FIELD_WORDS {
        return None;
    }
    let line = line.trim();
    // `by` in any case opens a byline (no other char folds to `b` or `y`).
    if !line
        .as_bytes()
        .get(..2)
        .is_some_and(|p| p.eq_ignore_ascii_case(b"by"))
    {
        return None;
    }
    let c = BYLINE.captures(line)?;
    let who = c.name("who")?.as_str().trim();
    let mut fields = Vec::new();
    let org = c.name("org").map(|m| m.as_str().trim());
    match org {
        Some(org) => match outlets::by_name(org) {
            Some(o) => fields.push(Field::Outlet(o.to_string())),
            // `By Jane Doe, Staff Writer`: a role, not an outlet; keep it with the name
            None if org.split_whitespace().count() <= 3 => {
                fields.push(Field::Author(who.to_string()));
                return Some(fields);
            }
            None => return None,
        },
        None => {
            // `By Reuters` alone: the outlet is the author.
            if let Some(o) = outlets::by_name(who) {
                fields.push(Field::Outlet(o.to_string()));
                return Some(fields);
            }
        }
    }
    fields.insert(0, Field::Author(who.to_string()));
    Some(fields)
}

/// This file's patterns, for [`super::warm_up`].
pub(super) static PATTERNS: [&LazyLock<Regex>; 2] = [&BYLINE, &CREDITS];

#[cfg(test)]
mod tests {
    use super::super::header::parse_field_line;
    use super::*;

    #[test]
    fn bylines_give_author_and_outlet() {
        assert_eq!(
            parse_field_line("By Jane Doe"),
            Some(vec![Field::Author("Jane Doe".into())])
        );
        assert_eq!(
            parse_field_line("By Jane Doe, Reuters"),
            Some(vec![
                Field::Author("Jane Doe".into()),
                Field::Outlet("Reuters".into())
            ])
        );
        assert_eq!(
            parse_field_line("By JOHN ROE and Mary Major | AP"),
            Some(vec![
                Field::Author("JOHN ROE and Mary Major".into()),
                Field::Outlet("Associated Press".into())
            ])
        );
        assert_eq!(
            parse_field_line("By The Associated Press"),
            Some(vec![Field::Outlet("Associated Press".into())])
        );
        assert_eq!(
            parse_field_line("Author: Jane Doe"),
            Some(vec![Field::Author("Jane Doe".into())])
        );
    }

    #[test]
    fn wire_credit_lines() {
        assert_eq!(
            parse_field_line("Reporting by Jane Doe; Editing by John Roe"),
            Some(vec![Field::Author("Jane Doe".into())])
        );
        assert_eq!(
            parse_field_line("Writing by Mark Smith and Ann Lee; editing by X Y"),
            Some(vec![Field::Author("Mark Smith and Ann Lee".into())])
        );
        assert_eq!(
            parse_field_line("Editing by John Roe"),
            Some(vec![Field::Credit("John Roe".into())])
        );
    }

    #[test]
    fn outlet_names_alone() {
        assert_eq!(
            parse_field_line("BBC News"),
            Some(vec![Field::Outlet("BBC".into())])
        );
        assert_eq!(parse_field_line("Local news"), None);
        assert_eq!(
            parse_field_line("RIA Novosti, 20.11.2021"),
            Some(vec![
                Field::Outlet("RIA Novosti".into()),
                Field::Date(chrono::NaiveDate::from_ymd_opt(2021, 11, 20).unwrap())
            ])
        );
        assert_eq!(parse_field_line("Moscow, 20.11.2021"), None);
    }
}
