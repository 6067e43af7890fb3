//! Datelines: the place, date and agency that open the first paragraph of a wire story.
//!
//! Shapes read (the place is kept as written):
//! `MOSCOW, November 20 – RIA Novosti. `, `WASHINGTON, November 2. /TASS/. `,
//! `LONDON (Reuters) - `, `WASHINGTON (AP) — `, `PARIS, Nov 3 (AFP) -`,
//! `KYIV, Ukraine (AP) — `, `BEIJING — ` and an outlet name with a slash (`Shafaq News/ `).

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::dates::{self, DayOfYear, MONTH_PATTERN};
use super::outlets;

/// What a dateline says, and how many bytes of the paragraph it takes.
#[derive(Debug)]
pub struct Dateline {
    pub place: Option<String>,
    pub source: Option<String>,
    pub date: Option<DayOfYear>,
    /// Byte length of the dateline (with the space after it).
    pub len: usize,
}

/// A place in capitals (`NEW YORK`, `ST. PETERSBURG`) or, before a date, in title case.
const CAPS_PLACE: &str = r"\p{Lu}[\p{Lu}\p{M}'’.\-]*(?:\s\p{Lu}[\p{Lu}\p{M}'’.\-]*){0,3}";
const TITLE_PLACE: &str = r"\p{Lu}[\p{L}\p{M}'’\-]+(?:\s\p{Lu}[\p{L}\p{M}'’\-]+){0,2}";
/// A region after the place: `, Ukraine`, `, Calif.`.
const REGION: &str = r"(?:,\s(?P<region>\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+){0,2}))";
/// Any dash between dateline and text.
const DASH: &str = r"(?:-{1,2}|–|—)";

fn date_part() -> String {
    format!(
        r"(?P<date>(?:{MONTH_PATTERN}\.?\s\d{{1,2}}|\d{{1,2}}\s{MONTH_PATTERN}\.?)(?:,?\s\d{{4}})?)"
    )
}

/// `LONDON (Reuters) - `, `PARIS, Nov 3 (AFP) -`, `KYIV, Ukraine (AP) — `.
static AGENCY_PARENS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<place>{CAPS_PLACE}){REGION}?(?:,\s{d})?\s?\((?P<outlet>[^()]{{2,40}})\)\s?{DASH}\s*",
        d = date_part()
    ))
    .expect("static regex")
});

/// `MOSCOW, November 20 – RIA Novosti. ` (outlet after a dash, closed by a period).
static AGENCY_AFTER_DASH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<place>{CAPS_PLACE}|{TITLE_PLACE}),\s{d}\.?\s{DASH}\s(?P<outlet>[^.]{{2,40}}?)\.\s+",
        d = date_part()
    ))
    .expect("static regex")
});

/// `WASHINGTON, November 2. /TASS/. `.
static AGENCY_SLASHES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<place>{CAPS_PLACE}|{TITLE_PLACE}),\s{d}\.?\s/(?P<outlet>[^/]{{2,40}})/\.?\s+",
        d = date_part()
    ))
    .expect("static regex")
});

/// `Moscow. 20 November. INTERFAX.RU - ` (place and date closed by periods).
static AGENCY_AFTER_PERIODS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<place>{CAPS_PLACE}|{TITLE_PLACE})\.\s{d}\.\s(?P<outlet>\p{{Lu}}[\p{{L}}.\-]+(?:\s\p{{Lu}}[\p{{L}}.\-]+){{0,2}})\s?{DASH}\s+",
        d = date_part()
    ))
    .expect("static regex")
});

/// `(Bloomberg) -- `: an agency in parentheses without a place.
static AGENCY_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^\((?P<outlet>[^()]{{2,40}})\)\s?{DASH}\s+")).expect("static regex")
});

/// `BEIJING — `, `GENEVA, June 16 — `, `Moscow, November 20 - ` (no agency).
static PLAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:(?P<place>{CAPS_PLACE}){REGION}?(?:,\s{d})?|(?P<tplace>{TITLE_PLACE}),\s{d2})\.?\s{DASH}\s+",
        d = date_part(),
        d2 = date_part().replace("?P<date>", "?P<date2>")
    ))
    .expect("static regex")
});

/// `Shafaq News/ `: an outlet's name and a slash.
static OUTLET_SLASH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<outlet>\p{Lu}[\p{L}\-]*(?:\s\p{Lu}[\p{L}\-]*){0,3})\s?/\s+")
        .expect("static regex")
});

/// Reads the dateline that opens `paragraph`, if any.
pub fn read(paragraph: &str) -> Option<Dateline> {
    if !has_closer(paragraph) {
        return None;
    }
    if let Some(c) = AGENCY_PARENS.captures(paragraph) {
        return Some(build(&c, agency(group(&c, "outlet"))));
    }
    if let Some(c) = AGENCY_ONLY.captures(paragraph) {
        let known = outlets::by_name(group(&c, "outlet"))?;
        return Some(build(&c, Some(known.to_string())));
    }
    for re in [
        &*AGENCY_AFTER_DASH,
        &*AGENCY_SLASHES,
        &*AGENCY_AFTER_PERIODS,
    ] {
        if let Some(c) = re.captures(paragraph) {
            if let Some(src) = agency(group(&c, "outlet")) {
                return Some(build(&c, Some(src)));
            }
        }
    }
    if let Some(c) = PLAIN.captures(paragraph) {
        // `NATO — the alliance said` is an acronym and a dash, not a dateline: a dateline
        // is followed by the start of a sentence
        let d = build(&c, None);
        let ok = d.place.as_deref().is_some_and(is_place) && starts_sentence(&paragraph[d.len..]);
        return ok.then_some(d);
    }
    let c = OUTLET_SLASH.captures(paragraph)?;
    let name = group(&c, "outlet");
    let len = c.get(0)?.end();
    let known = outlets::by_name(name);
    if known.is_none() && !starts_sentence(&paragraph[len..]) {
        return None;
    }
    Some(Dateline {
        place: None,
        source: Some(known.map_or_else(|| name.trim().to_string(), str::to_string)),
        date: None,
        len,
    })
}

/// Whether `text` holds a dash (`-`, `–`, `—`) or a slash: every dateline pattern ends
/// with one, and most paragraphs (headlines above all) have none, so that the seven
/// patterns need not be tried. (`0xE2` opens both long dashes in UTF-8, and curly quotes
/// too, which are told apart by their next two bytes.)
fn has_closer(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr3_iter(b'-', b'/', 0xE2, b).any(|i| {
        b.get(i) != Some(&0xE2) || matches!(b.get(i + 1..i + 3), Some([0x80, 0x93 | 0x94]))
    })
}

/// True when text opens like a sentence: a capital, a digit or an opening quote.
fn starts_sentence(text: &str) -> bool {
    text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“«'‘".contains(c))
}

/// The text of a named group, empty when it did not take part.
fn group<'t>(c: &Captures<'t>, name: &str) -> &'t str {
    c.name(name).map_or("", |m| m.as_str())
}

fn build(c: &Captures, source: Option<String>) -> Dateline {
    let place = c
        .name("place")
        .or_else(|| c.name("tplace"))
        .map(|m| m.as_str().trim().to_string());
    let date = c
        .name("date")
        .or_else(|| c.name("date2"))
        .and_then(|m| dates::parse_month_day(m.as_str()));
    Dateline {
        place,
        source,
        date,
        len: c.get(0).map_or(0, |m| m.end()),
    }
}

/// An agency name as written in a dateline, canonical when known; an unknown name is
/// accepted only when it reads as a name (1–4 capitalised words), never a phrase.
fn agency(name: &str) -> Option<String> {
    let name = name.trim();
    if let Some(known) = outlets::by_name(name) {
        return Some(known.to_string());
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let is_name = (1..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()));
    is_name.then(|| name.to_string())
}

/// A capitalised place is a real place word, not an acronym-led sentence (`THE END`).
fn is_place(place: &str) -> bool {
    place.chars().filter(|c| c.is_alphabetic()).count() >= 3
}

/// This file's patterns, for [`super::warm_up`].
pub(super) static PATTERNS: [&LazyLock<Regex>; 7] = [
    &AGENCY_PARENS,
    &AGENCY_AFTER_DASH,
    &AGENCY_SLASHES,
    &AGENCY_AFTER_PERIODS,
    &AGENCY_ONLY,
    &PLAIN,
    &OUTLET_SLASH,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metadata::MonthDay;

    fn parts(p: &str) -> (Option<String>, Option<String>, String) {
        let d = read(p).expect("a dateline");
        (d.place, d.source, p[d.len..].to_string())
    }

    #[test]
    fn ria_style() {
        let p = "MOSCOW, November 20 – RIA Novosti. There are many difficulties.";
        let d = read(p).unwrap();
        assert_eq!(d.place.as_deref(), Some("MOSCOW"));
        assert_eq!(d.source.as_deref(), Some("RIA Novosti"));
        assert!(matches!(
            d.date,
            Some(DayOfYear::Partial(MonthDay { month: 11, day: 20 }))
        ));
        assert_eq!(&p[d.len..], "There are many difficulties.");
    }

    #[test]
    fn tass_style() {
        let p = "WASHINGTON, November 2. /TASS/. Russia and the US have managed.";
        assert_eq!(
            parts(p),
            (
                Some("WASHINGTON".into()),
                Some("TASS".into()),
                "Russia and the US have managed.".into()
            )
        );
    }

    #[test]
    fn reuters_ap_afp_styles() {
        assert_eq!(
            parts("LONDON (Reuters) - British inflation rose."),
            (
                Some("LONDON".into()),
                Some("Reuters".into()),
                "British inflation rose.".into()
            )
        );
        assert_eq!(
            parts("WASHINGTON (AP) — The Senate voted."),
            (
                Some("WASHINGTON".into()),
                Some("Associated Press".into()),
                "The Senate voted.".into()
            )
        );
        assert_eq!(
            parts("KYIV, Ukraine (AP) — Air raid sirens sounded."),
            (
                Some("KYIV".into()),
                Some("Associated Press".into()),
                "Air raid sirens sounded.".into()
            )
        );
        let p = "PARIS, Nov 3 (AFP) - French unions called a strike.";
        let d = read(p).unwrap();
        assert_eq!(d.place.as_deref(), Some("PARIS"));
        assert_eq!(d.source.as_deref(), Some("Agence France-Presse"));
        assert!(matches!(
            d.date,
            Some(DayOfYear::Partial(MonthDay { month: 11, day: 3 }))
        ));
        assert_eq!(&p[d.len..], "French unions called a strike.");
    }

    #[test]
    fn interfax_and_bloomberg_styles() {
        let p = "Moscow. 20 November. INTERFAX.RU - The Kremlin said.";
        let d = read(p).unwrap();
        assert_eq!(d.place.as_deref(), Some("Moscow"));
        assert_eq!(d.source.as_deref(), Some("Interfax"));
        assert!(matches!(
            d.date,
            Some(DayOfYear::Partial(MonthDay { month: 11, day: 20 }))
        ));
        assert_eq!(&p[d.len..], "The Kremlin said.");
        assert_eq!(
            parts("(Bloomberg) -- Stocks fell."),
            (None, Some("Bloomberg".into()), "Stocks fell.".into())
        );
        assert!(read("(Updated) - Stocks fell.").is_none());
    }

    #[test]
    fn plain_and_slash_styles() {
        assert_eq!(
            parts("NEW YORK — Stocks fell on Monday."),
            (
                Some("NEW YORK".into()),
                None,
                "Stocks fell on Monday.".into()
            )
        );
        assert_eq!(
            parts("Shafaq News/ Russian President Vladimir Putin says."),
            (
                None,
                Some("Shafaq News".into()),
                "Russian President Vladimir Putin says.".into()
            )
        );
        assert_eq!(
            parts("Gazeta Local/ The mayor spoke."),
            (None, Some("Gazeta Local".into()), "The mayor spoke.".into())
        );
    }

    #[test]
    fn a_phrase_after_a_dash_is_not_an_agency() {
        let p = "KYIV, March 3 – Ukrainian forces pushed back. Then more.";
        let d = read(p).unwrap();
        assert_eq!(d.place.as_deref(), Some("KYIV"));
        assert_eq!(d.source, None);
        assert_eq!(&p[d.len..], "Ukrainian forces pushed back. Then more.");
    }

    #[test]
    fn no_pattern_matches_without_a_dash_or_slash() {
        let datelines = [
            "MOSCOW, November 20 – RIA Novosti. There are many difficulties.",
            "WASHINGTON, November 2. /TASS/. Russia and the US have managed.",
            "KYIV, Ukraine (AP) — Air raid sirens sounded.",
            "Moscow. 20 November. INTERFAX.RU - The Kremlin said.",
            "(Bloomberg) -- Stocks fell.",
            "NEW YORK — Stocks fell on Monday.",
            "Shafaq News/ Russian President Vladimir Putin says.",
        ];
        for d in datelines {
            assert!(read(d).is_some(), "{d}");
            let bare = d.replace(['-', '–', '—', '/'], " ");
            assert!(!has_closer(&bare));
            assert!(!has_closer(&format!("{bare} ‘’“”…")));
            assert!(PATTERNS.iter().all(|r| !r.is_match(&bare)), "{bare}");
        }
    }

    #[test]
    fn ordinary_openings_are_not_datelines() {
        assert!(read("The talks went on - for hours.").is_none());
        assert!(read("Moscow and Washington have reached agreement.").is_none());
        assert!(read("On November 3, the First Committee supported it.").is_none());
        assert!(read("US - Russia talks resumed.").is_none());
        assert!(read("A/B testing is common.").is_none());
        assert!(read("NATO — the alliance said more.").is_none());
        assert!(read("Either/ or is a choice.").is_none());
    }
}
