//! Scoring one query term against one name: whether it matches, how well, and which
//! characters matched (char indices, for highlighting).
//!
//! Fuzzy terms use skim's algorithm (`SkimMatcherV2`). On top of its score, a term that is
//! a whole word of the name, or the start of one, earns a bonus, so that `zakh` prefers
//! "Maria Zakharova" to a name where z, a, k, h lie scattered.

use std::sync::LazyLock;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::query::{Mode, Term};

/// Bonus for a term equal to a whole word of the name.
const WHOLE_WORD: i64 = 120;
/// Bonus for a term that starts a word of the name.
const WORD_PREFIX: i64 = 80;
/// Bonus for a fuzzy match inside one word that it starts ("putn" in "Putin").
const WORD_FUZZY: i64 = 60;
/// Bonus for a term found as a substring elsewhere.
const SUBSTRING: i64 = 20;
/// Base score of a non-fuzzy match.
const LITERAL: i64 = 100;

static MATCHER: LazyLock<SkimMatcherV2> = LazyLock::new(|| SkimMatcherV2::default().ignore_case());

/// A name prepared for matching: its chars in lower case, one per original char.
pub struct Name {
    lower: Vec<char>,
    /// `lower` as a string (skim folds ASCII case only).
    lower_text: String,
}

impl Name {
    pub fn new(text: &str) -> Self {
        let lower: Vec<char> = text
            .chars()
            .map(|c| c.to_lowercase().next().unwrap_or(c))
            .collect();
        let lower_text = lower.iter().collect();
        Self { lower, lower_text }
    }

    /// Char indices where `needle` occurs.
    fn find_all(&self, needle: &[char]) -> impl Iterator<Item = usize> + '_ {
        let n = needle.len();
        let last = self.lower.len().saturating_sub(n.saturating_sub(1));
        let needle = needle.to_vec();
        (0..last).filter(move |&i| n > 0 && self.lower[i..i + n] == needle[..])
    }

    fn word_start(&self, i: usize) -> bool {
        i == 0 || !self.lower[i - 1].is_alphanumeric()
    }

    fn word_end(&self, i: usize) -> bool {
        i >= self.lower.len() || !self.lower[i].is_alphanumeric()
    }

    /// The best bonus of `needle` as a word or word prefix, with its position.
    fn word_bonus(&self, needle: &[char]) -> Option<(i64, usize)> {
        self.find_all(needle)
            .map(|i| {
                let bonus = match (self.word_start(i), self.word_end(i + needle.len())) {
                    (true, true) => WHOLE_WORD,
                    (true, false) => WORD_PREFIX,
                    _ => 0,
                };
                (bonus, i)
            })
            .max_by_key(|&(b, i)| (b, std::cmp::Reverse(i)))
    }

    /// Whether fuzzy positions start a word and stay inside it.
    fn within_one_word(&self, positions: &[usize]) -> bool {
        let (Some(&first), Some(&last)) = (positions.first(), positions.last()) else {
            return false;
        };
        self.word_start(first)
            && self
                .lower
                .get(first..=last)
                .is_some_and(|w| w.iter().all(|c| c.is_alphanumeric()))
    }

    /// Like [`Self::word_bonus`], with a bonus for a substring inside a word too.
    fn literal_bonus(&self, needle: &[char]) -> Option<(i64, usize)> {
        self.find_all(needle)
            .map(|i| {
                let bonus = match (self.word_start(i), self.word_end(i + needle.len())) {
                    (true, true) => WHOLE_WORD,
                    (true, false) => WORD_PREFIX,
                    _ => SUBSTRING,
                };
                (bonus, i)
            })
            .max_by_key(|&(b, i)| (b, std::cmp::Reverse(i)))
    }
}

/// False when `term` certainly matches no part of `name`: its chars do not all occur in
/// order in the name as [`Name`] lower-cases it. Every mode needs that much, and the test
/// needs no allocation, so most names are turned away before they are prepared.
pub fn may_match(term: &Term, name: &str) -> bool {
    let mut hay = name.chars().map(|c| c.to_lowercase().next().unwrap_or(c));
    term.text
        .chars()
        .all(|p| hay.any(|c| c.eq_ignore_ascii_case(&p)))
}

/// Scores a term against a name: `None` when it does not match.
pub fn score(term: &Term, name: &Name) -> Option<(i64, Vec<usize>)> {
    let needle: Vec<char> = term.text.chars().collect();
    let n = needle.len();
    let len = name.lower.len();
    let span = |i: usize| (i..i + n).collect::<Vec<usize>>();
    match term.mode {
        Mode::Fuzzy => {
            let (base, positions) = MATCHER.fuzzy_indices(&name.lower_text, &term.text)?;
            match name.word_bonus(&needle) {
                Some((bonus, i)) if bonus > 0 => Some((base + bonus, span(i))),
                _ if name.within_one_word(&positions) => Some((base + WORD_FUZZY, positions)),
                _ => Some((base, positions)),
            }
        }
        Mode::Exact => name
            .literal_bonus(&needle)
            .map(|(bonus, i)| (LITERAL + bonus, span(i))),
        Mode::Prefix => (name.lower.starts_with(&needle)).then(|| (LITERAL + WORD_PREFIX, span(0))),
        Mode::Suffix => (n <= len && name.lower.ends_with(&needle))
            .then(|| (LITERAL + SUBSTRING, span(len - n))),
        Mode::Equal => (name.lower == needle).then(|| (LITERAL + WHOLE_WORD, span(0))),
    }
}

#[cfg(test)]
mod tests {
    use super::super::query::parse;
    use super::*;

    #[test]
    fn may_match_never_turns_away_a_match() {
        for (q, name) in [
            ("putn", "Vladimir Putin"),
            ("'zakh", "Maria Zakharova"),
            ("^мар", "Мария Захарова"),
            ("i", "İstanbul"),
            ("", "Anything"),
        ] {
            let t = &parse(q).terms;
            let term = t.first().cloned().unwrap_or(Term {
                text: String::new(),
                mode: Mode::Fuzzy,
                negated: false,
            });
            let scored = score(&term, &Name::new(name)).is_some();
            assert!(!scored || may_match(&term, name), "{q} {name}");
        }
        assert!(!may_match(&parse("xyz").terms[0], "Vladimir Putin"));
    }

    fn s(query: &str, name: &str) -> Option<(i64, Vec<usize>)> {
        score(&parse(query).terms[0], &Name::new(name))
    }

    #[test]
    fn word_prefix_beats_scattered_fuzzy() {
        let (prefix, pos) = s("zakh", "Maria Zakharova").expect("match");
        assert_eq!(pos, [6, 7, 8, 9]);
        let (scattered, _) = s("zakh", "Zeta Alpha Kilo Hotel").expect("match");
        assert!(prefix > scattered, "{prefix} vs {scattered}");
    }

    #[test]
    fn fuzzy_positions_are_char_indices() {
        let (_, pos) = s("putn", "Vladimir Putin").expect("match");
        assert_eq!(pos, [9, 10, 11, 13]);
        let (_, pos) = s("зах", "Мария Захарова").expect("match");
        assert_eq!(pos, [6, 7, 8]);
    }

    #[test]
    fn literal_modes() {
        assert!(s("'putin", "Vladimir Putin").is_some());
        assert!(s("'ptn", "Vladimir Putin").is_none());
        assert_eq!(
            s("^vlad", "Vladimir Putin").map(|m| m.1),
            Some(vec![0, 1, 2, 3])
        );
        assert!(s("^putin", "Vladimir Putin").is_none());
        assert_eq!(
            s("tin$", "Vladimir Putin").map(|m| m.1),
            Some(vec![11, 12, 13])
        );
        assert!(s("^moscow$", "Moscow").is_some());
        assert!(s("^moscow$", "Moscow court").is_none());
    }

    #[test]
    fn fuzzy_within_a_word_beats_a_substring_inside_one() {
        let (putin, _) = s("putn", "Putin").expect("match");
        let (sputnik, _) = s("putn", "Sputnik").expect("match");
        assert!(putin > sputnik, "{putin} vs {sputnik}");
    }

    #[test]
    fn no_match() {
        assert!(s("xyz", "Vladimir Putin").is_none());
    }
}
