//! File-name patterns: `{source}_{date}_{slug}` and the like, read off an article's file
//! name (without its extension). The user states the pattern (`--name-pattern` or
//! `name_pattern` in the config), so what it reads wins over what the text suggests.
//!
//! Placeholders: `{source}` (or `{outlet}`), `{date}` (`2024-03-05`, `2024_03_05`,
//! `2024.03.05` or `20240305`), `{title}`, `{author}`, and `{slug}` or `{_}` for a part
//! that is read and ignored. Anything else is literal text. A name that does not fit the
//! pattern gets nothing from it.

use chrono::NaiveDate;
use regex::Regex;

use super::Stated;

/// What a pattern placeholder stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Source,
    Date,
    Title,
    Author,
    Ignored,
}

/// Why a pattern cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PatternError {
    #[error("unknown placeholder {{{0}}} (known: source, outlet, date, title, author, slug, _)")]
    Unknown(String),
    #[error("a `{{` without its `}}`")]
    Unclosed,
    #[error("no placeholder: the pattern would read nothing")]
    Empty,
}

/// A compiled file-name pattern.
#[derive(Debug, Clone)]
pub struct NamePattern {
    regex: Regex,
    fields: Vec<Field>,
}

const DATE: &str = r"\d{4}[-_.]?\d{2}[-_.]?\d{2}";

impl NamePattern {
    /// Compiles `pattern` (see the module documentation).
    pub fn parse(pattern: &str) -> Result<NamePattern, PatternError> {
        let mut re = String::from("^");
        let mut fields = Vec::new();
        let mut rest = pattern;
        while let Some(open) = rest.find('{') {
            re.push_str(&regex::escape(&rest[..open]));
            let after = &rest[open + 1..];
            let close = after.find('}').ok_or(PatternError::Unclosed)?;
            let field = match after[..close].trim().to_ascii_lowercase().as_str() {
                "source" | "outlet" => Field::Source,
                "date" => Field::Date,
                "title" => Field::Title,
                "author" => Field::Author,
                "slug" | "_" | "any" => Field::Ignored,
                other => return Err(PatternError::Unknown(other.to_string())),
            };
            re.push_str(if field == Field::Date { "(" } else { "(.+?)" });
            if field == Field::Date {
                re.push_str(DATE);
                re.push(')');
            }
            fields.push(field);
            rest = &after[close + 1..];
        }
        re.push_str(&regex::escape(rest));
        re.push('$');
        if fields.iter().all(|f| *f == Field::Ignored) {
            return Err(PatternError::Empty);
        }
        let regex = Regex::new(&re).map_err(|_| PatternError::Unclosed)?;
        Ok(NamePattern { regex, fields })
    }

    /// The fields the file name `stem` (no extension) states, when it fits the pattern.
    pub fn read(&self, stem: &str) -> Option<Stated> {
        let caps = self.regex.captures(stem)?;
        let mut stated = Stated::default();
        for (field, m) in self.fields.iter().zip(caps.iter().skip(1)) {
            let value = m?.as_str();
            match field {
                Field::Source => stated.source = Some(outlet_name(value)),
                Field::Date => stated.date = Some(parse_date(value)?),
                Field::Title => stated.title = Some(unslug(value)),
                Field::Author => stated.author = Some(title_case(&unslug(value))),
                Field::Ignored => {}
            }
        }
        Some(stated)
    }
}

/// `2024-03-05`, `2024_03_05`, `2024.03.05` or `20240305`.
fn parse_date(value: &str) -> Option<NaiveDate> {
    let digits: String = value.chars().filter(char::is_ascii_digit).collect();
    NaiveDate::parse_from_str(&digits, "%Y%m%d").ok()
}

/// Dashes and underscores become spaces.
fn unslug(value: &str) -> String {
    let spaced: String = value
        .chars()
        .map(|c| if c == '-' || c == '_' { ' ' } else { c })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The canonical name of a known outlet (written as a slug or not), else the slug's words,
/// capitalised when written all in lower case (`coast-times` → `Coast Times`).
pub fn outlet_name(value: &str) -> String {
    let words = unslug(value);
    super::outlets::by_name(&words)
        .or_else(|| super::outlets::by_name(value))
        .or_else(|| super::outlets::by_name(&words.to_uppercase()))
        .map(str::to_string)
        .unwrap_or_else(|| title_case(&words))
}

/// Capitalises each word of an all-lower-case text; other texts are left as written.
fn title_case(text: &str) -> String {
    if text.chars().any(char::is_uppercase) {
        return text.to_string();
    }
    text.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn source_date_slug_reads_outlet_and_date() {
        let p = NamePattern::parse("{source}_{date}_{slug}").unwrap();
        let s = p.read("coast-times_2024-03-05_harbour-vote").unwrap();
        assert_eq!(s.source.as_deref(), Some("Coast Times"));
        assert_eq!(s.date, date("2024-03-05"));
        let s = p.read("north_sea_herald_20240306_a-b").unwrap();
        assert_eq!(s.source.as_deref(), Some("North Sea Herald"));
        assert_eq!(s.date, date("2024-03-06"));
    }

    #[test]
    fn a_name_that_does_not_fit_gets_nothing() {
        let p = NamePattern::parse("{source}_{date}_{slug}").unwrap();
        assert!(p.read("notes").is_none());
        assert!(p.read("coast_2024-13-45_x").is_none(), "no such date");
    }

    #[test]
    fn literal_text_and_other_orders() {
        let p = NamePattern::parse("{date} - {outlet} - {title}").unwrap();
        let s = p.read("2023.11.20 - Daily Planet - Vote delayed").unwrap();
        assert_eq!(s.source.as_deref(), Some("Daily Planet"));
        assert_eq!(s.title.as_deref(), Some("Vote delayed"));
    }

    #[test]
    fn bad_patterns_say_why() {
        assert_eq!(
            NamePattern::parse("{sauce}_{date}").unwrap_err(),
            PatternError::Unknown("sauce".into())
        );
        assert_eq!(
            NamePattern::parse("{date").unwrap_err(),
            PatternError::Unclosed
        );
        assert_eq!(
            NamePattern::parse("{slug}.x").unwrap_err(),
            PatternError::Empty
        );
    }

    #[test]
    fn a_known_outlet_gets_its_canonical_name() {
        let first = super::super::outlets::all()
            .first()
            .map(|o| o.name.clone())
            .unwrap();
        let slug = first.to_lowercase().replace(' ', "-");
        assert_eq!(outlet_name(&slug), first);
    }
}
