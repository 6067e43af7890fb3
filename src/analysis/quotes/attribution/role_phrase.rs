//! A speaker's name after a speech verb and a phrase of role: `said the harbour master Ellen
//! Voss`, `said Rovers manager Dara Quill`, `wrote the union leader Mark Dyson on social
//! media`, `sagte der Sprecher Albrecht Meier`, `dijo el alcalde Juan Pérez`.
//!
//! After a determiner (`assets/role_determiners.txt`) the phrase may be any words of role;
//! without one it must end in a role noun (a title, a role word, a title the gazetteer
//! knows), so that `said Lavrov on Monday` or `said Smith, citing …` name no one here. The
//! name must close the clause (punctuation, the end, or a lower-case word such as `on`), and
//! a phrase must stand before it: `told the BBC` names whom the speaker told, not a speaker.

use super::super::names::person_like;
use super::super::words::{
    is_capitalised, is_role_determiner, is_role_noun, is_speech_verb, is_stopword,
};
use super::{Who, broken};
use crate::analysis::entities::lexicon::{self, lexicon};

/// Most words of role between the verb (or its determiner) and the name.
const MAX_ROLE_WORDS: usize = 5;
/// Most words of a name.
const MAX_NAME_WORDS: usize = 4;

/// The name after the role phrase that follows the verb at word `v`; see the module doc.
pub(super) fn name_after_role_phrase(body: &str, words: &[(usize, &str)], v: usize) -> Option<Who> {
    let joined = |k: usize| !broken(body, words[k - 1].0 + words[k - 1].1.len(), words[k].0);
    let det = words.get(v + 1).is_some_and(|w| is_role_determiner(w.1));
    let start = v + 1 + usize::from(det);
    let mut stop = phrase_end(words, start, &joined)?;
    // `said the Rovers captain Ola Brandt Monday`: a day closes the name, it is not part of it
    while stop > start && lexicon::with_lower(words[stop - 1].1, |l| lexicon().is_calendar(l)) {
        stop -= 1;
    }
    if stop == start || !joined(start) || (det && !joined(v + 1)) {
        return None;
    }
    // the name: the capitalised run ending the phrase, less the role nouns opening it
    // (`der Sprecher Albrecht Meier`, `the party's Deputy Leader Ann Voss`)
    let mut first = stop;
    while first > start && is_capitalised(words[first - 1].1) {
        first -= 1;
    }
    while first < stop && is_role_noun(words[first].1) {
        first += 1;
    }
    let role = &words[start..first];
    let name_words = stop - first;
    // a name of one word is as often an organisation's (`le ministère des Affaires`)
    if role.is_empty() || role.len() > MAX_ROLE_WORDS || !(2..=MAX_NAME_WORDS).contains(&name_words)
    {
        return None;
    }
    if !det && !role.last().is_some_and(|w| is_role_noun(w.1)) {
        return None;
    }
    // `die 41-Jährige`: a word glued to the role by a hyphen opens no name
    let spaced = body
        .get(words[first - 1].0 + words[first - 1].1.len()..words[first].0)
        .is_some_and(|g| !g.is_empty() && g.chars().all(char::is_whitespace));
    let span = words[first].0..words[stop - 1].0 + words[stop - 1].1.len();
    (spaced && person_like(&body[span.clone()])).then_some(Who::Name(span))
}

/// `sagt die 71-Jährige`, `said the 27-year-old nurse`: a determiner (not a possessive:
/// `said his lawyer` is someone else) and a few words of role closing the clause with no
/// name, ending in a role noun: a role standing for someone named before.
pub(super) fn role_after(body: &str, words: &[(usize, &str)], v: usize) -> Option<Who> {
    let joined = |k: usize| !broken(body, words[k - 1].0 + words[k - 1].1.len(), words[k].0);
    let &(ds, dw) = words.get(v + 1)?;
    let possessive = matches!(dw.to_lowercase().as_str(), "its" | "his" | "her" | "their");
    if !is_role_determiner(dw) || possessive || !joined(v + 1) {
        return None;
    }
    let stop = phrase_end(words, v + 2, &joined)?;
    let phrase = words.get(v + 2..stop)?;
    let role_word =
        |w: &str| !is_stopword(w) && (!is_capitalised(w) || is_role_noun(w)) && !is_speech_verb(w);
    if phrase.is_empty() || phrase.len() > MAX_ROLE_WORDS || !phrase.iter().all(|w| role_word(w.1))
    {
        return None;
    }
    let &(ls, lw) = phrase.last()?;
    is_role_noun(lw).then(|| Who::Anaphor(ds..ls + lw.len(), true))
}

/// Where the phrase and name starting at word `start` end (exclusive), when the name closes
/// the clause there: at a break in the text, the end, or a function word after the name
/// (`Mark Dyson on social media`). A capitalised run followed by a role noun is part of the
/// phrase (`Rovers manager`); followed by another lower-case word, it is the name. Nothing
/// ends at a speech verb, nor past the most words a phrase and a name may hold.
fn phrase_end(
    words: &[(usize, &str)],
    start: usize,
    joined: &impl Fn(usize) -> bool,
) -> Option<usize> {
    let limit = start + MAX_ROLE_WORDS + MAX_NAME_WORDS;
    for k in start..words.len() {
        if k > start && !joined(k) {
            return Some(k);
        }
        if k >= limit {
            return None;
        }
        let w = words[k].1;
        if is_capitalised(w) {
            continue;
        }
        if is_speech_verb(w) {
            return None;
        }
        if k > start && is_capitalised(words[k - 1].1) && !is_role_noun(w) {
            return is_stopword(w).then_some(k);
        }
    }
    Some(words.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::for_each_word;

    fn name(body: &str) -> Option<&str> {
        let mut words = Vec::new();
        for_each_word(body, |i, w| words.push((i, w)));
        match name_after_role_phrase(body, &words, 0)? {
            Who::Name(span) => body.get(span),
            _ => None,
        }
    }

    #[test]
    fn a_name_after_a_phrase_of_role() {
        for (body, who) in [
            ("said the harbour master Ellen Voss.", "Ellen Voss"),
            ("said Rovers manager Dara Quill.", "Dara Quill"),
            ("said the Rovers manager Dara Quill.", "Dara Quill"),
            (
                "wrote the union leader Mark Dyson on social media.",
                "Mark Dyson",
            ),
            ("sagte der Sprecher Albrecht Meier.", "Albrecht Meier"),
            ("sagte der 58-Jährige Helmut Brenner.", "Helmut Brenner"),
            ("said the Rovers captain Ola Brandt Monday.", "Ola Brandt"),
            ("dijo el alcalde Juan Pérez.", "Juan Pérez"),
            ("said the party's Deputy Leader Ann Voss", "Ann Voss"),
            (
                "said the head of the harbour authority Ellen Voss.",
                "Ellen Voss",
            ),
        ] {
            assert_eq!(name(body), Some(who), "{body}");
        }
    }

    #[test]
    fn a_role_without_a_name_stands_for_someone_named_before() {
        let role = |body: &'static str| {
            let mut words = Vec::new();
            for_each_word(body, |i, w| words.push((i, w)));
            match role_after(body, &words, 0) {
                Some(Who::Anaphor(span, true)) => body.get(span),
                _ => None,
            }
        };
        assert_eq!(role("sagt die 71-Jährige."), Some("die 71-Jährige"));
        assert_eq!(role("sagte der Sprecher."), Some("der Sprecher"));
        assert_eq!(role("said the harbour master Ellen Voss."), None);
        assert_eq!(role("said his lawyer."), None);
        assert_eq!(role("said the report on Monday."), None);
    }

    #[test]
    fn no_role_no_name() {
        for body in [
            "told the BBC.",
            "told the BBC World Service on Monday.",
            "said Lavrov.",
            "said Lavrov on Monday.",
            "said the company in a statement.",
            "said the local Harbour Authority.",
            "said the Foreign Ministry.",
            "said Smith citing Ellen Voss.",
            "said the harbour master Ellen Voss Anne Berg Tor Lund Kari Dahl.",
            "a indiqué le ministère des Affaires étrangères dans un communiqué.",
            "a déclaré la ministre des Affaires étrangères, Petra Lindahl.",
            "sagte die 41-Jährige.",
            "said the harbour master Ellen Voss yesterday.",
        ] {
            assert_eq!(name(body), None, "{body}");
        }
    }
}
