//! Speakers named by a description instead of a name: `the 58-year-old retired bus driver
//! said` stands for a person named before; `the company said`, `the bank said in a
//! statement` and `a police spokesman said` stand for an organisation named before, which
//! is the speaker the text gives.

use super::names::person_like;
use super::words::{is_capitalised, is_org_role, is_title};
use crate::analysis::Span;
use crate::analysis::entities::EntityKind;
use crate::analysis::entities::lexicon::{self, lexicon};

/// Most words between `the` and the noun of a description.
const MAX_DESCRIPTION_WORDS: usize = 6;
/// How far back an organisation is looked for, in bytes.
pub const ORG_LOOKBACK: usize = 3000;

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
    let indefinite = matches!(words[det].1.to_lowercase().as_str(), "a" | "an");
    // `a WTO spokesman`, `a Commission spokesperson`: the organisation is named in it
    let org_named = indefinite && is_spokesperson(&noun) && det + 1 < k;
    if !org_named
        && words[det + 1..k]
            .iter()
            .any(|(_, x)| is_capitalised(x) && !is_org_word(x))
    {
        return None;
    }
    let span = words[det].0..s + w.len();
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

/// A noun for someone who speaks for an organisation, which a name before it can give
/// (`a WTO spokesman`, `a Commission official`); lower case.
fn is_spokesperson(noun: &str) -> bool {
    matches!(
        noun,
        "spokesman" | "spokeswoman" | "spokesperson" | "official" | "representative"
    )
}

fn is_org_word(w: &str) -> bool {
    is_org_role(&w.to_lowercase())
}

/// The organisation a description (`the company`, `the ministry`) stands for at `pos`: of
/// those named within the lookback before it, as a capitalised run ending in an
/// organisation's cue word (`Dunmere Fire Brigade`, `Estmark Central Bank`) or in `orgs`
/// (known organisation mentions with their names), the last one whose name ends in the
/// description's `noun` (`the bank` → `Estmark Central Bank`), else the one named last.
/// `runs` are the body's cued runs ([`cued_runs`]), read once per body however many quotes
/// ask.
pub fn last_org_before(
    body: &str,
    pos: usize,
    noun: Option<&str>,
    orgs: &[(Span, &str)],
    runs: &[Span],
) -> Option<(String, usize)> {
    let from = pos.saturating_sub(ORG_LOOKBACK);
    let ended = runs.partition_point(|r| r.end <= pos);
    let seen = runs[..ended]
        .iter()
        .filter(|r| r.start >= from)
        .filter_map(|r| Some((body.get(r.clone())?, r.start)));
    let known = orgs
        .iter()
        .filter(|(s, _)| s.start < pos && s.start >= from)
        .map(|(s, n)| (*n, s.start));
    let named_by_noun = |name: &str| noun.is_some_and(|n| names_with(name, n));
    known
        .chain(seen)
        .max_by_key(|&(name, at)| (named_by_noun(name), at))
        .map(|(name, at)| (name.to_string(), at))
}

/// True when an organisation's `name` has `word` among its words (`the ministry` → `Kestland
/// Ministry of Economy`), case aside; for an acronym, when the name is it or what its
/// capitals abbreviate (`WTO` → `World Trade Organization`).
pub fn names_with(name: &str, word: &str) -> bool {
    let acronym = word.len() >= 2 && word.chars().all(char::is_uppercase);
    if acronym {
        // `UCI` is the UCI, or what its capitals stand for; not the `UCI Anti-Doping Tribunal`
        let initials: String = name
            .split_whitespace()
            .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
            .collect();
        return name == word || initials == word;
    }
    name.split_whitespace()
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// Every capitalised run of `body` whose last word is an organisation's cue, in order.
pub fn cued_runs(body: &str) -> Vec<Span> {
    // Only the words a run is made of are kept: two kept words are one run only when
    // nothing but white space parts them ([`joined`]), so a word left out still cuts it.
    let mut words: Vec<(usize, &str)> = Vec::new();
    crate::text::for_each_word_span(body, |start, end| {
        let w = &body[start..end];
        if w == "of" || is_capitalised(w) {
            words.push((start, w));
        }
    });
    let mut runs = Vec::new();
    let mut k = 0;
    while k < words.len() {
        if !is_capitalised(words[k].1) {
            k += 1;
            continue;
        }
        let mut start = k;
        while k + 1 < words.len() && joined(body, words[k], words[k + 1]) {
            k += 1;
        }
        // `A Commission spokesperson`: the article opening a sentence opens no name
        if start < k && lexicon::with_lower(words[start].1, |l| lexicon().is_function(l)) {
            start += 1;
        }
        // a cue word alone ("Schools across the region", "Television pictures") names
        // no organisation: a run needs a name before its cue
        if k > start && lexicon().cue(words[k].1) == Some(EntityKind::Organization) {
            let span = words[start].0..words[k].0 + words[k].1.len();
            if !person_like(&body[span.clone()]) {
                runs.push(span);
            }
        }
        k += 1;
    }
    runs
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
        crate::text::for_each_word(body, |i, w| out.push((i, w)));
        out
    }

    #[test]
    fn the_organisation_is_the_last_cued_run_before_the_quote_within_the_lookback() {
        let filler = "and then the talks went on for a long while. ".repeat(80);
        let body = format!(
            "Now officials at Estmark Central Bank met. The bank said one thing. Crews from \
             Dunmere Fire Brigade came. {filler}The brigade said"
        );
        let runs = cued_runs(&body);
        let at = |needle: &str| body.find(needle).unwrap_or(0);
        let org = |pos: usize| last_org_before(&body, pos, None, &[], &runs).map(|o| o.0);
        assert_eq!(
            org(at("The bank said")).as_deref(),
            Some("Estmark Central Bank")
        );
        assert_eq!(org(at("came.")).as_deref(), Some("Dunmere Fire Brigade"));
        // named more than the lookback before: not the one meant
        assert_eq!(org(at("The brigade said")), None);
        let known = [(
            at("The brigade") - 10..at("The brigade") - 5,
            "Port Authority",
        )];
        let got = last_org_before(&body, at("The brigade said"), None, &known, &runs);
        assert_eq!(got.map(|o| o.0).as_deref(), Some("Port Authority"));
    }

    #[test]
    fn a_cue_word_alone_names_no_organisation() {
        let body = "Crews from Dunmere Fire Brigade came. Schools will close. Television \
                    pictures showed the wreck. The airline said";
        let got = last_org_before(body, body.len(), None, &[], &cued_runs(body)).map(|o| o.0);
        assert_eq!(got.as_deref(), Some("Dunmere Fire Brigade"));
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
    fn a_noun_or_an_acronym_names_an_organisation() {
        assert!(names_with("Kestland Ministry of Economy", "ministry"));
        assert!(names_with("World Trade Organization", "WTO"));
        assert!(names_with("UCI", "UCI"));
        assert!(!names_with("UCI Anti-Doping Tribunal", "UCI"));
        assert!(!names_with("Harbour Bank", "ministry"));
    }

    #[test]
    fn the_organisation_named_last() {
        let body = "Staff at Dunmere Bus Company and the Harbour Authority met. Then";
        let got = last_org_before(body, body.len(), None, &[], &cued_runs(body)).map(|o| o.0);
        assert_eq!(got.as_deref(), Some("Harbour Authority"));
    }
}
