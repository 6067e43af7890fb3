//! Speakers named by a description instead of a name: `the 58-year-old retired bus driver
//! said` stands for a person named before; `the company said`, `the bank said in a
//! statement` and `a police spokesman said` stand for an organisation named before, which
//! is the speaker the text gives.

use super::names::person_like;
use super::words::{is_capitalised, is_org_role, is_title};
use crate::analysis::Span;
use crate::analysis::entities::EntityKind;
use crate::analysis::entities::lexicon::lexicon;
use crate::text::for_each_word;

/// Most words between `the` and the noun of a description.
const MAX_DESCRIPTION_WORDS: usize = 6;
/// How far back an organisation is looked for, in bytes.
const ORG_LOOKBACK: usize = 3000;

/// What a description before a speech verb stands for.
pub enum Description {
    /// A person named before (`the retired bus driver`).
    Person(Span),
    /// An organisation named before (`the company`, `a police spokesman`).
    Organisation(Span),
}

/// The description ending at word `k` (right before the verb), if it is one: an article
/// (`the`, `a`, `its`) and up to six lower-case words ending in a noun.
pub fn description_at(words: &[(usize, &str)], k: usize) -> Option<Description> {
    let (s, w) = words[k];
    let noun = w.to_lowercase();
    let from = k.saturating_sub(MAX_DESCRIPTION_WORDS);
    let det = (from..k).rev().find(|&j| {
        let l = words[j].1.to_lowercase();
        matches!(l.as_str(), "the" | "a" | "an" | "its" | "their")
    })?;
    if words[det + 1..k]
        .iter()
        .any(|(_, x)| is_capitalised(x) && !is_org_word(x))
    {
        return None;
    }
    let span = words[det].0..s + w.len();
    let indefinite = matches!(words[det].1.to_lowercase().as_str(), "a" | "an");
    if is_org_role(&noun) || (indefinite && is_title(&noun)) {
        Some(Description::Organisation(span))
    } else if words[det].1.eq_ignore_ascii_case("the") && !is_capitalised(w) {
        Some(Description::Person(span))
    } else {
        None
    }
}

impl Description {
    pub fn span(&self) -> &Span {
        match self {
            Description::Person(s) | Description::Organisation(s) => s,
        }
    }
}

fn is_org_word(w: &str) -> bool {
    is_org_role(&w.to_lowercase())
}

/// The organisation named last before `pos`: a capitalised run ending in an organisation's
/// cue word (`Dunmere Fire Brigade`, `Estmark Central Bank`), or `orgs` (known
/// organisation mentions, sorted by start, with their names).
pub fn last_org_before(body: &str, pos: usize, orgs: &[(Span, &str)]) -> Option<(String, usize)> {
    let mut from = pos.saturating_sub(ORG_LOOKBACK);
    while !body.is_char_boundary(from) {
        from += 1;
    }
    let known = orgs
        .iter()
        .filter(|(s, _)| s.start < pos && s.start >= from)
        .max_by_key(|(s, _)| s.start)
        .map(|(s, n)| (n.to_string(), s.start));
    let seen = last_cued_run(body, from, pos);
    match (known, seen) {
        (Some(k), Some(s)) => Some(if s.1 > k.1 { s } else { k }),
        (k, s) => k.or(s),
    }
}

/// Bytes before a cue read first by [`last_cued_run`]: the organisation is most often
/// named in the sentence or two before.
const NEAR_LOOKBACK: usize = 400;

/// The last capitalised run in `body[from..to]` whose last word is an organisation's cue.
/// The last [`NEAR_LOOKBACK`] bytes are read first: a run found there is the last one,
/// unless it opens that window, where it may have begun before it.
fn last_cued_run(body: &str, from: usize, to: usize) -> Option<(String, usize)> {
    let mut near = to.saturating_sub(NEAR_LOOKBACK).max(from);
    while !body.is_char_boundary(near) {
        near += 1;
    }
    if near > from
        && let Some((run, opens_window)) = last_cued_run_in(body, near, to)
        && !opens_window
    {
        return Some(run);
    }
    last_cued_run_in(body, from, to).map(|(run, _)| run)
}

/// [`last_cued_run`] in `body[from..to]` alone, and whether the run is its first word.
fn last_cued_run_in(body: &str, from: usize, to: usize) -> Option<((String, usize), bool)> {
    let mut words: Vec<(usize, &str)> = Vec::new();
    for_each_word(&body[from..to], |i, w| words.push((from + i, w)));
    let mut best = None;
    let mut k = 0;
    while k < words.len() {
        if !is_capitalised(words[k].1) {
            k += 1;
            continue;
        }
        let start = k;
        while k + 1 < words.len() && joined(body, words[k], words[k + 1]) {
            k += 1;
        }
        if lexicon().cue(words[k].1) == Some(EntityKind::Organization) {
            let span = words[start].0..words[k].0 + words[k].1.len();
            if !person_like(&body[span.clone()]) {
                best = Some(((body[span.clone()].to_string(), span.start), start == 0));
            }
        }
        k += 1;
    }
    best
}

/// True when two words are one capitalised run (`Bank of England` keeps its `of`).
fn joined(body: &str, a: (usize, &str), b: (usize, &str)) -> bool {
    let gap = &body[a.0 + a.1.len()..b.0];
    gap.chars().all(char::is_whitespace) && (is_capitalised(b.1) || b.1 == "of")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(body: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        for_each_word(body, |i, w| out.push((i, w)));
        out
    }

    #[test]
    fn the_near_window_gives_what_the_whole_lookback_gives() {
        let filler = "and then the talks went on for a long while. ".repeat(12);
        for body in [
            format!("The Estmark Central Bank met. {filler}The bank said"),
            format!("{filler}The Estmark Central Bank met. The bank said"),
            // a run that opens the near window began before it: "Fire Brigade" starts it
            format!(
                "Dunmere Fire Brigade said {}",
                "a".repeat(NEAR_LOOKBACK - "Fire Brigade said ".len())
            ),
            format!("The Dunmere Fire Brigade and {filler} the Port Authority said"),
        ] {
            let whole = last_cued_run_in(&body, 0, body.len()).map(|(run, _)| run);
            assert_eq!(last_cued_run(&body, 0, body.len()), whole, "{body}");
        }
    }

    #[test]
    fn descriptions_stand_for_people_or_organisations() {
        for (text, org) in [
            ("the 58-year-old retired bus driver", false),
            ("the company", true),
            ("a police spokesman", true),
        ] {
            let w = words(text);
            let got = description_at(&w, w.len() - 1);
            assert_eq!(
                matches!(got, Some(Description::Organisation(_))),
                org,
                "{text}"
            );
            assert!(got.is_some(), "{text}");
        }
    }

    #[test]
    fn the_organisation_named_last() {
        let body = "Staff at Dunmere Bus Company and the Harbour Authority met. Then";
        let got = last_org_before(body, body.len(), &[]).map(|o| o.0);
        assert_eq!(got.as_deref(), Some("Harbour Authority"));
    }
}
