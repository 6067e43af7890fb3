//! Who stands next to a speech verb: the name, pronoun, role or description right before it
//! (`Lavrov said`, `she said`, `a police spokesman said`, `his lawyer said`) or right after it
//! (`said Lavrov`, `said chief executive Ole Karlsen`, `said the mayor, Tor Helland`, `said
//! one young man`).

use super::super::words::{is_capitalised, is_demonym, is_pronoun, is_title, is_unnamed_speaker};
use super::{Who, broken};
use crate::analysis::Span;
use crate::analysis::entities::lexicon::{self, lexicon};

/// The name run right after word `v` (a verb): titles are skipped, the last capitalised run
/// before any other word or punctuation is the name.
pub(super) fn name_after(body: &str, words: &[(usize, &str)], v: usize) -> Option<Who> {
    // `confie-t-elle`: the euphonic `t` between verb and pronoun
    let next = match words.get(v + 1) {
        Some(&(_, "t")) => v + 2,
        _ => v + 1,
    };
    if let Some(&(s, w)) = words.get(next)
        && is_pronoun(&w.to_lowercase())
        && !broken(body, words[next - 1].0 + words[next - 1].1.len(), s)
    {
        // `said he`, `sagte sie`
        return Some(Who::Anaphor(s..s + w.len(), false));
    }
    super::role_phrase::name_after_role_phrase(body, words, v)
        .or_else(|| name_run_after(body, words, v))
        .or_else(|| name_after_role(body, words, v))
        .or_else(|| name_after_bare_role(body, words, v))
        .or_else(|| unnamed_after(body, words, v))
        .or_else(|| super::role_phrase::role_after(body, words, v))
}

/// `said chief executive Ole Karlsen`, `said helmsman Steve Tregunna`: one or two lower-case
/// words of role, then a person's name that ends the clause.
fn name_after_bare_role(body: &str, words: &[(usize, &str)], v: usize) -> Option<Who> {
    let gap = |k: usize| broken(body, words[k - 1].0 + words[k - 1].1.len(), words[k].0);
    let first = (v + 2..words.len().min(v + 4)).find(|&k| is_capitalised(words[k].1))?;
    if (v + 1..=first).any(gap) || (v + 1..first).any(|k| is_capitalised(words[k].1)) {
        return None;
    }
    let mut end = first;
    while end + 1 < words.len() && is_capitalised(words[end + 1].1) && !gap(end + 1) {
        end += 1;
    }
    let closes = end + 1 == words.len() || gap(end + 1);
    let span = words[first].0..words[end].0 + words[end].1.len();
    (closes && end > first && super::super::names::person_like(&body[span.clone()]))
        .then_some(Who::Name(span))
}

/// `said a cousin`, `told his brother`: a determiner, at most two more words and a noun for
/// someone unnamed (`assets/unnamed_speakers.txt`).
fn unnamed_after(body: &str, words: &[(usize, &str)], v: usize) -> Option<Who> {
    let det = words.get(v + 1)?;
    if !matches!(
        det.1.to_lowercase().as_str(),
        "a" | "an" | "the" | "his" | "her" | "their" | "one"
    ) {
        return None;
    }
    let phrase: Vec<usize> = (v + 2..words.len().min(v + 6))
        .take_while(|&k| !broken(body, words[k - 1].0 + words[k - 1].1.len(), words[k].0))
        .collect();
    if let Some(&k) = phrase.iter().find(|&&k| is_unnamed_speaker(words[k].1)) {
        return Some(Who::Unnamed(det.0..words[k].0 + words[k].1.len()));
    }
    // `said one young man.`: an indefinite description closing the clause
    let indefinite = matches!(det.1.to_lowercase().as_str(), "a" | "an" | "one");
    let last = *phrase.last()?;
    let closes = last + 1 == words.len()
        || broken(body, words[last].0 + words[last].1.len(), words[last + 1].0);
    (indefinite && closes && phrase.len() <= 3 && !is_capitalised(words[last].1))
        .then(|| Who::Unnamed(det.0..words[last].0 + words[last].1.len()))
}

/// `a teacher told`, `one resident said`: an indefinite description right before the verb
/// at word `v` (the noun at `k`), someone the text does not name.
fn indefinite_before(body: &str, words: &[(usize, &str)], k: usize) -> Option<Span> {
    let (s, w) = words[k];
    if is_capitalised(w) {
        return None;
    }
    let j = (k.saturating_sub(3)..k)
        .rev()
        .take_while(|&j| !broken(body, words[j].0 + words[j].1.len(), words[j + 1].0))
        .take_while(|&j| !matches!(words[j].1, "of" | "in" | "at" | "for" | "from" | "with"))
        .find(|&j| {
            matches!(
                words[j].1,
                "a" | "an" | "one" | "another" | "A" | "An" | "One"
            )
        })?;
    // the description opens its clause: `more than a week said` is no speaker
    let opens = j == 0
        || broken(body, words[j - 1].0 + words[j - 1].1.len(), words[j].0)
        || matches!(
            words[j - 1].1,
            "and" | "but" | "while" | "as" | "when" | "where"
        );
    opens.then(|| words[j].0..s + w.len())
}

/// `said the mayor, Tor Helland` / `a déclaré le ministre des Transports, Jonas Brekke`: a
/// determiner, a few words of role, a comma, and a person's name.
fn name_after_role(body: &str, words: &[(usize, &str)], v: usize) -> Option<Who> {
    const MAX_ROLE_WORDS: usize = 6;
    let det = words.get(v + 1)?.1.to_lowercase();
    if !matches!(
        det.as_str(),
        "the" | "a" | "an" | "le" | "la" | "l" | "der" | "die" | "el" | "its" | "his" | "her"
    ) {
        return None;
    }
    let comma = (v + 2..words.len().min(v + 2 + MAX_ROLE_WORDS)).find(|&k| {
        body.get(words[k - 1].0 + words[k - 1].1.len()..words[k].0)
            .is_some_and(|g| g.trim() == ",")
    })?;
    if (v + 2..comma).any(|k| broken(body, words[k - 1].0 + words[k - 1].1.len(), words[k].0)) {
        return None;
    }
    let mut end = comma;
    while end + 1 < words.len()
        && is_capitalised(words[end + 1].1)
        && !broken(body, words[end].0 + words[end].1.len(), words[end + 1].0)
    {
        end += 1;
    }
    let span = words[comma].0..words[end].0 + words[end].1.len();
    (is_capitalised(words[comma].1) && super::super::names::person_like(&body[span.clone()]))
        .then_some(Who::Name(span))
}

/// The capitalised run after word `v`; see [`name_after`].
fn name_run_after(body: &str, words: &[(usize, &str)], v: usize) -> Option<Who> {
    let mut runs: Vec<Span> = Vec::new();
    let mut current: Option<Span> = None;
    let mut prev_end = words[v].0 + words[v].1.len();
    for (k, &(s, w)) in words.iter().enumerate().skip(v + 1) {
        let lower = w.to_lowercase();
        if broken(body, prev_end, s) && k > v + 1 {
            break;
        }
        prev_end = s + w.len();
        if k == v + 1 && lower == "to" {
            continue; // according to NAME
        }
        if is_capitalised(w) && !is_title(&lower) {
            current = Some(current.map_or(s..prev_end, |c| c.start..prev_end));
        } else if is_title(&lower) || (lower == "the" && k == v + 1) {
            if let Some(c) = current.take() {
                runs.push(c);
            }
            if lower != "the" && runs.is_empty() && words.get(k + 1).is_none() {
                return Some(Who::Anaphor(s..prev_end, true));
            }
        } else {
            break;
        }
    }
    if let Some(c) = current {
        runs.push(c);
    }
    // `told the Daily Meridian`: a name after `the` is an organisation, not a speaker.
    let run = runs.pop()?;
    let k = words.partition_point(|w| w.0 < run.start);
    let after_the = k > 0 && words[k - 1].1.eq_ignore_ascii_case("the");
    (!after_the).then_some(Who::Name(run))
}

/// The name, pronoun or role right before word `v` (a verb).
pub(super) fn name_before(body: &str, words: &[(usize, &str)], v: usize) -> Option<Who> {
    let mut k = v.checked_sub(1)?;
    while k > 0 && between_subject_and_verb(words[k].1) {
        k -= 1;
    }
    k = before_place(body, words, k);
    let (s, w) = words[k];
    let lower = w.to_lowercase();
    if is_pronoun(&lower) {
        return Some(Who::Anaphor(s..s + w.len(), false));
    }
    if let Some(who) = described_before(body, words, k) {
        return Some(who);
    }
    if !is_capitalised(w) {
        return None;
    }
    name_run_before(body, words, k)
}

/// `a WTO spokesman in Geneva said`: where the speaker is said to be is no speaker. When
/// word `k` ends a capitalised run that `in` or `at` opens, right after a role or a
/// description, the word before the preposition; else `k`.
fn before_place(body: &str, words: &[(usize, &str)], k: usize) -> usize {
    if !is_capitalised(words[k].1) {
        return k;
    }
    let mut j = k;
    let joined = |a: usize| !broken(body, words[a].0 + words[a].1.len(), words[a + 1].0);
    while j > 0 && is_capitalised(words[j - 1].1) && joined(j - 1) {
        j -= 1;
    }
    let opened = j >= 2 && matches!(words[j - 1].1, "in" | "at");
    if !opened || !joined(j - 2) || !joined(j - 1) {
        return k;
    }
    let role = words[j - 2].1.to_lowercase();
    if is_title(&role) || super::super::words::is_org_role(&role) {
        j - 2
    } else {
        k
    }
}

/// A description ending at word `k`: an organisation's (`the company`), an unnamed person's
/// (`his lawyer`, `a witness`, `one resident`), or a role standing for someone named before
/// (`the spokeswoman`, `the retired bus driver`).
fn described_before(body: &str, words: &[(usize, &str)], k: usize) -> Option<Who> {
    use super::super::roles::{Description, description_at};
    let (s, w) = words[k];
    let lower = w.to_lowercase();
    let described =
        description_at(words, k).filter(|d| !broken_between(body, words, d.span().start, s));
    match described {
        Some(Description::Organisation(span)) => return Some(Who::Org(span)),
        Some(Description::Person(span)) if is_unnamed_speaker(&lower) => {
            return Some(Who::Unnamed(span));
        }
        Some(Description::Person(span)) => return Some(Who::Anaphor(span, true)),
        None => {}
    }
    if !is_title(&lower)
        && !super::super::words::is_org_role(&lower)
        && let Some(span) = indefinite_before(body, words, k)
    {
        return Some(Who::Unnamed(span));
    }
    let possessed = k > 0
        && matches!(
            words[k - 1].1.to_lowercase().as_str(),
            "his" | "her" | "their" | "my" | "our" | "your"
        );
    if (possessed || is_unnamed_speaker(&lower)) && !is_capitalised(w) {
        // `his lawyer said`, `a witness said`: someone unnamed, not the person named before
        let from = words[k.saturating_sub(usize::from(possessed))].0;
        return Some(Who::Unnamed(from..s + w.len()));
    }
    if is_unnamed_group(words, k) {
        // `officials said`, `prosecutors told the jury`: people the text does not name
        return Some(Who::Unnamed(s..s + w.len()));
    }
    is_title(&lower).then(|| Who::Anaphor(s..s + w.len(), true))
}

/// True when word `k` is a bare plural of role (`officials`, `prosecutors`), with no
/// determiner before it: a group the text does not name, not someone named before.
fn is_unnamed_group(words: &[(usize, &str)], k: usize) -> bool {
    let w = words[k].1;
    let Some(singular) = w.strip_suffix('s') else {
        return false;
    };
    let determined = k > 0
        && matches!(
            words[k - 1].1.to_lowercase().as_str(),
            "the" | "its" | "his" | "her" | "their" | "our" | "these" | "those" | "both"
        );
    !is_capitalised(w) && !determined && is_title(singular)
}

/// The capitalised run ending at word `k`: a name, the person before `of ORGANISATION`, or
/// a nationality after `the` (`the Czech said`) standing for someone named before.
fn name_run_before(body: &str, words: &[(usize, &str)], mut k: usize) -> Option<Who> {
    let (s, w) = words[k];
    let mut start = s;
    let end = s + w.len();
    while k > 0 {
        let (ps, pw) = words[k - 1];
        if !is_capitalised(pw) || is_title(&pw.to_lowercase()) || broken(body, ps + pw.len(), start)
        {
            break;
        }
        start = ps;
        k -= 1;
    }
    if words[k].0 < s && lexicon::with_lower(words[k].1, |l| lexicon().is_function(l)) {
        // `The Czech said` at a sentence's start: `The` opens no name
        k += 1;
        start = words[k].0;
    }
    let the = (k > 0 && words[k - 1].1.eq_ignore_ascii_case("the")).then(|| words[k - 1].0);
    if let Some(the) = the
        && start == s
        && is_demonym(w)
    {
        return Some(Who::Anaphor(the..end, true));
    }
    match (person_of(body, words, k), the) {
        (Some(person), _) => Some(Who::Name(person)),
        // `the Liberal Forum said`: a name after `the` is an organisation's, not a person's
        (None, Some(the)) => Some(Who::Org(the..end)),
        (None, None) => Some(Who::Name(start..end)),
    }
}

/// `Imran Choudry of the Medicines Safety Agency said`: when the name run starting at word
/// `k` ends an organisation's name after `of`, the person named before `of`.
fn person_of(body: &str, words: &[(usize, &str)], k: usize) -> Option<Span> {
    // back over the rest of the organisation's name (`of the University and College Staff
    // Union`, `of Reopen the Westmoor Line`) to its `of`
    const MAX_ORG_WORDS: usize = 6;
    let mut j = k;
    loop {
        let prev = j.checked_sub(1)?;
        let w = words[prev].1;
        if broken(body, words[prev].0 + w.len(), words[j].0) || k - prev > MAX_ORG_WORDS {
            return None;
        }
        j = prev;
        if w == "of" {
            break;
        }
        if !is_capitalised(w) && !matches!(w, "the" | "and" | "for") {
            return None;
        }
    }
    let last = j.checked_sub(1)?;
    let (ls, lw) = words[last];
    if !is_capitalised(lw) || broken(body, ls + lw.len(), words[j].0) {
        return None;
    }
    let mut first = last;
    while first > 0 {
        let (ps, pw) = words[first - 1];
        if !is_capitalised(pw)
            || is_title(&pw.to_lowercase())
            || broken(body, ps + pw.len(), words[first].0)
        {
            break;
        }
        first -= 1;
    }
    let span = words[first].0..ls + lw.len();
    super::super::names::person_like(&body[span.clone()]).then_some(span)
}

/// True when punctuation breaks the words from `start` to the word at `end`.
fn broken_between(body: &str, words: &[(usize, &str)], start: usize, end: usize) -> bool {
    let ks: Vec<usize> = (0..words.len())
        .filter(|&k| words[k].0 >= start && words[k].0 <= end)
        .collect();
    ks.windows(2)
        .any(|p| broken(body, words[p[0]].0 + words[p[0]].1.len(), words[p[1]].0))
}

/// The first of the words right before the verb at word `v` that may stand between a speaker
/// and the verb (`has also` in `Fjeld, a member, has also said`); `v` when there are none.
pub(super) fn before_auxiliaries(words: &[(usize, &str)], v: usize) -> usize {
    let mut k = v;
    while k > 1 && between_subject_and_verb(words[k - 1].1) {
        k -= 1;
    }
    k
}

/// Words that may stand between a speaker and the speech verb (`Ferik has also said`).
fn between_subject_and_verb(w: &str) -> bool {
    matches!(
        w,
        "also"
            | "then"
            | "later"
            | "again"
            | "has"
            | "had"
            | "have"
            | "once"
            | "previously"
            | "simply"
            | "only"
            | "herself"
            | "himself"
            | "itself"
            | "themselves"
            | "repeatedly"
            | "recently"
            | "publicly"
            | "privately"
    )
}
