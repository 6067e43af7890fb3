//! The source read off a phrase in the headline or lead: `said in an interview with
//! Sputnik`, `told Reuters`, `according to TASS`, `reports Bloomberg`. Only an outlet of
//! the table counts: a radio station where someone was interviewed but that the table does
//! not know is not taken for the publisher. Never a guess.

use std::sync::LazyLock;

use regex::Regex;

use super::{lexicon, outlets};

/// The source phrases of `assets/metadata-lexicon.toml` as one regex; each phrase may be
/// followed by `the`.
static PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    let mut phrases: Vec<String> = lexicon::get()
        .source_phrases
        .iter()
        .map(|p| {
            p.split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .filter(|p| !p.is_empty())
        .collect();
    // longest first, so that `said in an interview with` wins over `interview with`
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let alternation = if phrases.is_empty() {
        // a phrase that never occurs: no list, no source from phrases
        r"[^\s\S]".to_string()
    } else {
        phrases.join("|")
    };
    // An ASCII word boundary keeps the regex on its fast engine (a Unicode one sends it to
    // a slow one on any non-ASCII text); [`from_phrase`] checks the Unicode boundary.
    Regex::new(&format!(r"(?i)(?-u:\b)(?:{alternation})\s+(?:the\s+)?")).expect("static regex")
});

/// The known outlet that a phrase of `text` names as the publisher, if any.
pub fn from_phrase(text: &str) -> Option<&'static str> {
    PHRASE.find_iter(text).find_map(|m| {
        let glued = text[..m.start()]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        if glued {
            return None;
        }
        let after = &text[m.end()..];
        outlets::at_start(after).map(|(name, _)| name).or_else(|| {
            // the article was dropped from the alias ("told the Associated Press")
            let with_the = format!("The {after}");
            outlets::at_start(&with_the).map(|(name, _)| name)
        })
    })
}

/// This file's patterns, for [`super::warm_up`].
pub(super) static PATTERNS: [&LazyLock<Regex>; 1] = [&PHRASE];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_naming_known_outlets() {
        assert_eq!(
            from_phrase("the minister said in an interview with Sputnik"),
            Some("Sputnik")
        );
        assert_eq!(
            from_phrase("a source told Reuters on Monday."),
            Some("Reuters")
        );
        assert_eq!(from_phrase("according to TASS."), Some("TASS"));
        assert_eq!(
            from_phrase("he told the Associated Press."),
            Some("Associated Press")
        );
        assert_eq!(
            from_phrase("officials told The New York Times"),
            Some("The New York Times")
        );
    }

    #[test]
    fn unknown_or_unrelated_names_give_nothing() {
        assert_eq!(
            from_phrase("said Maria Zakharova on air of Radio Rossiya."),
            None
        );
        assert_eq!(from_phrase("she told reporters."), None);
        assert_eq!(from_phrase("«Мы» sold Reuters"), None);
        assert_eq!(from_phrase("Дtold Reuters"), None);
        assert_eq!(from_phrase("«Мы», told Reuters"), Some("Reuters"));
        assert_eq!(
            from_phrase("according to the Russian Embassy in Washington."),
            None
        );
        assert_eq!(from_phrase("Reuters is a news agency"), None);
        assert_eq!(from_phrase("he told AP-style editors"), None);
        assert_eq!(from_phrase("she told the times were hard"), None);
    }
}
