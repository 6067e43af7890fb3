//! File names that state an outlet and a date without being asked: when most files of a
//! folder are named `outlet_YYYY-MM-DD_slug` (or `YYYY-MM-DD_outlet_slug`), as archives
//! and scrapers name them, that pattern is taken as stated for the fields the text does not
//! give. A pattern the user names (`--name-pattern`) replaces the guess and wins over the
//! text; the guess never does.

use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::corpus::Article;
use crate::metadata::{NamePattern, Stated};

/// The patterns tried, most common first.
const PATTERNS: [&str; 2] = ["{source}_{date}_{slug}", "{date}_{source}_{slug}"];
/// Fewest files that must fit a pattern, and the least share of the corpus.
const MIN_FILES: usize = 3;
const MIN_SHARE: f64 = 0.5;
/// Longest outlet a file name may state (a longer capture is a title, not an outlet).
const MAX_OUTLET_CHARS: usize = 40;

/// What an article's file name states under `pattern`, when it is a believable outlet and
/// a date.
fn read(pattern: &NamePattern, a: &Article) -> Option<Stated> {
    let stem = std::path::Path::new(&a.path).file_stem()?.to_string_lossy();
    let stated = pattern.read(&stem)?;
    let source = stated.source.as_deref()?;
    let believable = source.chars().any(char::is_alphabetic)
        && source.chars().count() <= MAX_OUTLET_CHARS
        && stated.date.is_some();
    believable.then_some(stated)
}

/// Most file names looked at to guess (evenly spread over the corpus).
const SAMPLE: usize = 2000;

/// The pattern most of `articles`' file names fit, if one does.
pub fn guess(articles: &[Article]) -> Option<NamePattern> {
    let step = articles.len().div_ceil(SAMPLE).max(1);
    let sample: Vec<&Article> = articles.iter().step_by(step).collect();
    let (pattern, fit) = PATTERNS
        .iter()
        .filter_map(|p| NamePattern::parse(p).ok())
        .map(|p| {
            let fit = sample.iter().filter(|a| read(&p, a).is_some()).count();
            (p, fit)
        })
        .max_by_key(|(_, fit)| *fit)?;
    let enough = fit >= MIN_FILES && fit as f64 >= MIN_SHARE * sample.len() as f64;
    enough.then_some(pattern)
}

/// Articles (`the`, `le`, `el`, `der`…) a name may drop in a file name.
const ARTICLES: [&str; 12] = [
    "the", "le", "la", "les", "l", "el", "los", "las", "der", "die", "das", "il",
];

/// A name's key: lower case, no diacritics, no leading article, letters and digits only
/// (`L'Écho des Vallées` and `echo-des-vallees` share `echodesvallees`).
fn key(name: &str) -> String {
    let folded: String = name
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mut words: Vec<&str> = folded.split_whitespace().collect();
    if words.len() > 1 && ARTICLES.contains(&words[0]) {
        words.remove(0);
    }
    words.concat()
}

/// The outlets the texts of `articles` name, by [`key`]: a file name's slug is written as
/// the text writes that outlet (`courrier-du-matin` → `Le Courrier du Matin`).
pub fn known_outlets(articles: &[Article]) -> FxHashMap<String, String> {
    let mut known = FxHashMap::default();
    for s in articles.iter().filter_map(|a| a.meta.source.as_deref()) {
        known.entry(key(s)).or_insert_with(|| s.to_string());
    }
    known
}

/// The fields `a`'s file name states under the guessed `pattern` that its text left
/// empty (a date with an inferred year counts as empty); an outlet the corpus's texts name
/// is written as they write it.
pub fn missing_fields(
    pattern: &NamePattern,
    a: &Article,
    known: &FxHashMap<String, String>,
) -> Option<Stated> {
    let stated = read(pattern, a)?;
    let source = stated
        .source
        .map(|s| known.get(&key(&s)).cloned().unwrap_or(s));
    let out = Stated {
        source: source.filter(|_| a.meta.source.is_none()),
        date: stated
            .date
            .filter(|_| a.meta.date.is_none() || a.meta.date_inferred),
        ..Stated::default()
    };
    (out.source.is_some() || out.date.is_some()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    fn corpus(names: &[&str]) -> Corpus {
        let mut c = Corpus::from_bodies(names.iter().map(|_| "Some text.".to_string()));
        for (a, n) in c.articles.iter_mut().zip(names) {
            a.path = format!("folder/{n}");
        }
        c
    }

    #[test]
    fn a_folder_named_outlet_date_slug_states_its_outlets_and_dates() {
        let c = corpus(&[
            "harbour-times_2026-03-02_quake.txt",
            "reuters_2026-03-03_quake-toll.txt",
            "northern-ledger_2026-03-04_aid.html",
            "notes.txt",
        ]);
        let p = guess(&c.articles).expect("a pattern");
        let none = FxHashMap::default();
        let s = missing_fields(&p, &c.articles[0], &none).expect("fields");
        assert_eq!(s.source.as_deref(), Some("Harbour Times"));
        assert_eq!(
            s.date.map(crate::metadata::iso).as_deref(),
            Some("2026-03-02")
        );
        assert_eq!(
            missing_fields(&p, &c.articles[1], &none).and_then(|s| s.source),
            Some("Reuters".to_string()),
            "a known outlet gets its canonical name"
        );
        assert!(missing_fields(&p, &c.articles[3], &none).is_none());
    }

    #[test]
    fn a_few_such_names_in_a_folder_of_others_are_not_a_pattern() {
        let c = corpus(&[
            "harbour-times_2026-03-02_quake.txt",
            "a81f3.txt",
            "story (12).txt",
            "draft.txt",
            "final_2026-01-01_v2.txt",
        ]);
        assert!(guess(&c.articles).is_none());
    }

    #[test]
    fn what_the_text_says_is_kept() {
        let mut c = corpus(&[
            "harbour-times_2026-03-02_quake.txt",
            "harbour-times_2026-03-03_quake.txt",
            "harbour-times_2026-03-04_quake.txt",
        ]);
        c.articles[0].meta.source = Some("Coastline Wire".into());
        let p = guess(&c.articles).expect("a pattern");
        let known = known_outlets(&c.articles);
        let s = missing_fields(&p, &c.articles[0], &known).expect("the date is missing");
        assert_eq!(s.source, None, "the text named the outlet");
        assert!(s.date.is_some());
    }

    #[test]
    fn a_slug_is_written_as_the_texts_write_that_outlet() {
        let mut c = corpus(&[
            "echo-des-vallees_2026-03-02_a.txt",
            "courrier-du-matin_2026-03-03_b.txt",
            "capital-courier_2026-03-04_c.txt",
            "other.txt",
            "another.txt",
        ]);
        c.articles[3].meta.source = Some("L'Écho des Vallées".into());
        c.articles[4].meta.source = Some("Le Courrier du Matin".into());
        let p = guess(&c.articles).expect("a pattern");
        let known = known_outlets(&c.articles);
        let source = |i: usize| missing_fields(&p, &c.articles[i], &known).and_then(|s| s.source);
        assert_eq!(source(0).as_deref(), Some("L'Écho des Vallées"));
        assert_eq!(source(1).as_deref(), Some("Le Courrier du Matin"));
        assert_eq!(
            source(2).as_deref(),
            Some("Capital Courier"),
            "no text names it"
        );
    }
}
