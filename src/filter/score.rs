//! Scoring one query term against one name: whether it matches, how well, and which
//! characters matched (char indices, for highlighting).
//!
//! Fuzzy terms use skim's algorithm ([`super::skim`]). On top of its score, a term that is
//! a whole word of the name, or the start of one, earns a bonus, so that `zakh` prefers
//! "Maria Zakharova" to a name where z, a, k, h lie scattered. Names are prepared once
//! ([`Name`], or borrowed from a [`super::Prepared`] as a [`NameRef`]), terms once per
//! query ([`Needle`]); scoring then allocates nothing.

use super::query::{Mode, Query, Term};
use super::skim::{self, Scratch};

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

/// A char as names are matched: its lower case without diacritics ([`super::fold`]).
pub fn lower(c: char) -> char {
    super::fold::fold(c)
}

/// The bit of a char in a [`mask`]: one per ASCII letter and digit (case folded), the
/// other chars sharing the remaining 28.
fn bit(c: char) -> u64 {
    let c = c.to_ascii_lowercase();
    let i = match c {
        'a'..='z' => c as u32 - 'a' as u32,
        '0'..='9' => 26 + (c as u32 - '0' as u32),
        _ => 36 + c as u32 % 28,
    };
    1 << i
}

/// The set of chars in `chars`, as bits: a term whose mask is not within a name's cannot
/// match it in any mode (every mode needs each of its chars, ASCII case folded at most).
pub fn mask(chars: &[char]) -> u64 {
    chars.iter().fold(0, |m, &c| m | bit(c))
}

/// A name prepared for matching: its chars in lower case, one per original char, and
/// skim's in-place bonus of each.
#[derive(Debug, Clone)]
pub struct Name {
    lower: Vec<char>,
    bonus: Vec<i8>,
}

impl Name {
    pub fn new(text: &str) -> Self {
        let lower: Vec<char> = text.chars().map(lower).collect();
        let bonus = skim::in_place_bonuses(&lower);
        Self { lower, bonus }
    }

    pub fn as_ref(&self) -> NameRef<'_> {
        NameRef {
            lower: &self.lower,
            bonus: &self.bonus,
        }
    }
}

/// A prepared name, borrowed (from a [`Name`] or from a [`super::Prepared`]'s arena).
#[derive(Debug, Clone, Copy)]
pub struct NameRef<'a> {
    pub lower: &'a [char],
    pub bonus: &'a [i8],
}

/// A query term prepared for matching: its chars and their [`mask`].
#[derive(Debug, Clone)]
pub struct Needle {
    pub chars: Vec<char>,
    pub mask: u64,
    pub mode: Mode,
    pub negated: bool,
}

impl Needle {
    pub fn new(term: &Term) -> Self {
        let chars: Vec<char> = term.text.chars().map(lower).collect();
        Self {
            mask: mask(&chars),
            chars,
            mode: term.mode,
            negated: term.negated,
        }
    }
}

impl NameRef<'_> {
    /// Char indices where `needle` occurs.
    fn find_all<'n>(&self, needle: &'n [char]) -> impl Iterator<Item = usize> + use<'_, 'n> {
        let n = needle.len();
        let lower = self.lower;
        let last = lower.len().saturating_sub(n.saturating_sub(1));
        let first = needle.first().copied();
        (0..last).filter(move |&i| Some(lower[i]) == first && lower[i..i + n] == *needle)
    }

    fn word_start(&self, i: usize) -> bool {
        i == 0 || !self.lower[i - 1].is_alphanumeric()
    }

    fn word_end(&self, i: usize) -> bool {
        i >= self.lower.len() || !self.lower[i].is_alphanumeric()
    }

    /// The best bonus of `needle` where it occurs, with its position; `inside` is the
    /// bonus of an occurrence that neither starts nor ends a word.
    fn bonus_at(&self, needle: &[char], inside: i64) -> Option<(i64, usize)> {
        self.find_all(needle)
            .map(|i| {
                let bonus = match (self.word_start(i), self.word_end(i + needle.len())) {
                    (true, true) => WHOLE_WORD,
                    (true, false) => WORD_PREFIX,
                    _ => inside,
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
}

/// A query's terms prepared: those a name must match, and those no name may match.
#[derive(Debug, Clone, Default)]
pub struct Terms {
    pub positive: Vec<Needle>,
    pub negated: Vec<Needle>,
}

impl Terms {
    pub fn new(query: &Query) -> Self {
        let (negated, positive) = query.terms.iter().map(Needle::new).partition(|n| n.negated);
        Self { positive, negated }
    }
}

/// The summed score of `needles` against one name, `None` unless all match; with
/// `positions`, the matched char indices of all are added to it (unsorted, maybe repeated).
pub fn score_all(
    needles: &[Needle],
    name: NameRef<'_>,
    s: &mut Scratch,
    mut positions: Option<&mut Vec<usize>>,
) -> Option<i64> {
    let mut total = 0;
    for n in needles {
        total += score(n, name, s)?;
        if let Some(p) = positions.as_deref_mut() {
            p.extend_from_slice(&s.positions);
        }
    }
    Some(total)
}

/// False when `needle` certainly matches no part of `name`: its chars do not all occur in
/// order in the name as [`Name`] lower-cases it. Every mode needs that much, and the test
/// needs no allocation, so most names are turned away before they are prepared.
pub fn may_match(needle: &Needle, name: &str) -> bool {
    let mut hay = name.chars().map(lower);
    needle
        .chars
        .iter()
        .all(|p| hay.any(|c| c.eq_ignore_ascii_case(p)))
}

/// Scores a term against a name: `None` when it does not match. The matched char indices
/// are left in `s.positions`, ascending.
pub fn score(needle: &Needle, name: NameRef<'_>, s: &mut Scratch) -> Option<i64> {
    let chars = &needle.chars[..];
    let n = chars.len();
    let len = name.lower.len();
    let span = |s: &mut Scratch, i: usize| {
        s.positions.clear();
        s.positions.extend(i..i + n);
    };
    let (total, at) = match needle.mode {
        Mode::Fuzzy => {
            let base = skim::fuzzy(name.lower, name.bonus, chars, s)?;
            return Some(match name.bonus_at(chars, 0) {
                Some((bonus, i)) if bonus > 0 => {
                    span(s, i);
                    base + bonus
                }
                _ if name.within_one_word(&s.positions) => base + WORD_FUZZY,
                _ => base,
            });
        }
        Mode::Exact => name
            .bonus_at(chars, SUBSTRING)
            .map(|(bonus, i)| (LITERAL + bonus, i))?,
        Mode::Prefix => name
            .lower
            .starts_with(chars)
            .then_some((LITERAL + WORD_PREFIX, 0))?,
        Mode::Suffix => {
            (n <= len && name.lower.ends_with(chars)).then(|| (LITERAL + SUBSTRING, len - n))?
        }
        Mode::Equal => (name.lower == chars).then_some((LITERAL + WHOLE_WORD, 0))?,
    };
    span(s, at);
    Some(total)
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
            let needle = Needle::new(&term);
            let prepared = Name::new(name);
            let scored = score(&needle, prepared.as_ref(), &mut Scratch::default()).is_some();
            assert!(!scored || may_match(&needle, name), "{q} {name}");
            let chars: Vec<char> = name.chars().map(lower).collect();
            assert!(!scored || needle.mask & !mask(&chars) == 0, "{q} {name}");
        }
        assert!(!may_match(
            &Needle::new(&parse("xyz").terms[0]),
            "Vladimir Putin"
        ));
    }

    fn s(query: &str, name: &str) -> Option<(i64, Vec<usize>)> {
        let mut scratch = Scratch::default();
        let needle = Needle::new(&parse(query).terms[0]);
        score(&needle, Name::new(name).as_ref(), &mut scratch).map(|v| (v, scratch.positions))
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
