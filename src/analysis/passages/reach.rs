//! A cheap test run before a seed is extended: most seeds of a large corpus are chance
//! 4-grams that two unrelated articles share, and their extension fails. The test bounds
//! from above how many tokens the X-drop extension ([`super::extend`]) could match, without
//! the dynamic programme, and lets through every seed that could be accepted.
//!
//! Why the bound holds: the best score of band row `k` is at most the best of row `k - 1`
//! plus one when token `k` of `a` equals some token of `b` within the band, and minus one
//! otherwise (a substitution costs one, a gap more). The extension has stopped once that
//! score falls more than [`X_DROP`] below zero (its best is never below zero), and it
//! matches at most one token per row.

use super::align::MIN_WORDS;
use super::extend::{BAND, X_DROP};
use super::index::N;
use super::tokens::{Doc, MASKED, QUOTED};

/// Tokens around a seed within which a quote mark makes it quote-anchored: a quote-anchored
/// span shorter than [`MIN_WORDS`] matches has identity 0.7 or more, so it is at most
/// `MIN_WORDS / 0.7` tokens long, and it holds the seed.
const QUOTE_REACH: usize = 2 * MIN_WORDS;

/// False only when the seed `a[ia..ia+N]` = `b[ib..ib+N]` cannot be accepted: no quoted
/// token near it on either side, and fewer than [`MIN_WORDS`] tokens its extension could
/// match.
pub fn may_accept(a: &Doc, b: &Doc, ia: usize, ib: usize) -> bool {
    if quoted_near(a, ia) || quoted_near(b, ib) {
        return true;
    }
    let need = MIN_WORDS.saturating_sub(N);
    let right = reach(a, b, ia + N, ib + N, true, need);
    right >= need || right + reach(a, b, ia, ib, false, need - right) >= need
}

fn quoted_near(d: &Doc, i: usize) -> bool {
    let lo = i.saturating_sub(QUOTE_REACH);
    let hi = (i + N + QUOTE_REACH).min(d.flags.len());
    d.flags
        .get(lo..hi)
        .is_some_and(|f| f.iter().any(|f| f & QUOTED != 0))
}

/// The token `k` steps from `start` (forwards, or backwards before it), unless masked.
fn token(d: &Doc, start: usize, k: usize, forward: bool) -> Option<u32> {
    let i = if forward {
        start.checked_add(k)?
    } else {
        start.checked_sub(k + 1)?
    };
    if i >= d.len() || d.flags[i] & MASKED != 0 {
        return None;
    }
    Some(d.ids[i])
}

/// An upper bound on the tokens the extension from `(ia, ib)` one way could match, counted
/// up to `need`.
fn reach(a: &Doc, b: &Doc, ia: usize, ib: usize, forward: bool, need: usize) -> usize {
    let mut score: f32 = 0.0;
    let mut matches = 0;
    let mut k = 0;
    while let Some(ta) = token(a, ia, k, forward) {
        let lo = k.saturating_sub(BAND);
        let hit = (lo..=k + BAND).any(|j| token(b, ib, j, forward) == Some(ta));
        if hit {
            matches += 1;
            score += 1.0;
            if matches >= need {
                break;
            }
        } else {
            score -= 1.0;
            if score < -X_DROP {
                break;
            }
        }
        k += 1;
    }
    matches
}

#[cfg(test)]
mod tests {
    use super::super::extend::extend;
    use super::super::tokens::doc_pair as docs;
    use super::*;

    #[test]
    fn a_chance_seed_is_turned_away() {
        let (a, b) = docs(
            "aa bb cc dd one two three four ee ff gg hh ii jj kk",
            "pp qq rr ss one two three four tt uu vv ww xx yy zz",
        );
        assert!(!may_accept(&a, &b, 4, 4));
        assert!(extend(&a, &b, 4, 4, N).matches() < MIN_WORDS);
    }

    #[test]
    fn a_seed_that_extends_is_let_through() {
        let (a, b) = docs(
            "xx yy the quick brown fox jumps over the lazy dog near the old river bank today zz",
            "qq the quick brown fox leaps over the lazy dog by the old river bank today ww",
        );
        assert!(may_accept(&a, &b, 2, 1));
        let (a, b) = docs(
            "aa bb cc dd one two three four ee ff gg hh ii",
            "pp qq rr ss one two three four tt ee ff gg hh",
        );
        assert!(may_accept(&a, &b, 4, 4));
    }

    #[test]
    fn the_bound_never_turns_away_what_the_extension_accepts() {
        let words = ["a", "b", "c", "d", "e"];
        let mut seed = 7u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            words[(seed >> 33) as usize % words.len()]
        };
        for _ in 0..300 {
            let left_a: Vec<&str> = (0..12).map(|_| next()).collect();
            let left_b: Vec<&str> = (0..12).map(|_| next()).collect();
            let right_a: Vec<&str> = (0..12).map(|_| next()).collect();
            let right_b: Vec<&str> = (0..12).map(|_| next()).collect();
            let seed_words = "one two three four";
            let ta = format!("{} {seed_words} {}", left_a.join(" "), right_a.join(" "));
            let tb = format!("{} {seed_words} {}", left_b.join(" "), right_b.join(" "));
            let (a, b) = docs(&ta, &tb);
            let al = extend(&a, &b, 12, 12, N);
            if al.matches() >= MIN_WORDS {
                assert!(may_accept(&a, &b, 12, 12), "{ta} / {tb}");
            }
        }
    }
}
