//! Speaker attribution: who said a quote, read off the same or the adjacent sentence.
//!
//! Patterns: `QUOTE, said NAME`, `QUOTE, NAME said`, `NAME said: QUOTE`, `according to NAME`,
//! with the speech verbs of `assets/speech_verbs.txt`. A pronoun (`she said`) or a role
//! (`the diplomat said`) resolves to the nearest preceding person: a person mention from the
//! entity index, or a name the text attached to a speech verb earlier. A name that overlaps a
//! person mention becomes that entity.

use super::persons::Persons;
use super::words::{
    is_capitalised, is_demonym, is_pronoun, is_speech_verb, is_title, is_unnamed_speaker,
};
use crate::analysis::Span;
use crate::analysis::entities::lexicon::{self, lexicon};
use crate::analysis::passages::tokens::for_each_word;

/// A known person mention in the article: its span and entity index and canonical name.
#[derive(Debug, Clone)]
pub struct PersonMention<'a> {
    pub span: Span,
    pub entity: usize,
    pub name: &'a str,
}

/// A resolved speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub name: String,
    pub entity: Option<usize>,
    /// Where the name stands in the body (for "nearest preceding person").
    pub at: usize,
}

/// What stands next to a speech verb.
enum Who {
    Name(Span),
    /// A pronoun or a role noun (its span, and whether it is a role): someone named before.
    Anaphor(Span, bool),
    /// A description of an organisation (`the company`): the organisation named before.
    Org(Span),
    /// Someone the text does not name (`his brother`, `a witness`).
    Unnamed(Span),
}

/// A speech verb as written in running text: lower case (`States` is no verb), but for a
/// sentence-initial `According`.
fn verb(w: &str) -> bool {
    (!is_capitalised(w) || w == "According") && is_speech_verb(&w.to_lowercase())
}

/// Verbs that cue speech only with a named or pronoun subject: `Farrant called it “a
/// victory”`, but not `the so-called “peace dividend”` or `the letter calls it “vandalism”`.
fn weak_verb(w: &str) -> bool {
    matches!(w, "called" | "calls" | "described" | "describes")
}

/// The verb at word `v` of `words`, not the tail of a compound (`so-called`).
fn verb_at(body: &str, words: &[(usize, &str)], v: usize) -> bool {
    let glued = v > 0
        && body
            .get(words[v - 1].0 + words[v - 1].1.len()..words[v].0)
            .is_some_and(|g| g == "-");
    !glued && verb(words[v].1)
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

/// Words of `body[from..to]` as (absolute start, word).
fn words_in(body: &str, from: usize, to: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    for_each_word(&body[from..to], |i, w| out.push((from + i, w)));
    out
}

/// True when the text between two words breaks a name (punctuation, a mark, a line).
fn broken(body: &str, prev_end: usize, next_start: usize) -> bool {
    body.get(prev_end..next_start)
        .is_none_or(|g| g.chars().any(|c| !c.is_whitespace() && c != '-'))
}

/// The name run right after word `v` (a verb): titles are skipped, the last capitalised run
/// before any other word or punctuation is the name.
fn name_after(body: &str, words: &[(usize, &str)], v: usize) -> Option<Who> {
    // `confie-t-elle`: the euphonic `t` between verb and pronoun
    let next = match words.get(v + 1) {
        Some(&(_, "t")) => v + 2,
        _ => v + 1,
    };
    if let Some(&(s, w)) = words.get(next)
        && is_pronoun(&w.to_lowercase())
        && !broken(body, words[v].0 + words[v].1.len(), s)
    {
        // `said he`, `sagte sie`
        return Some(Who::Anaphor(s..s + w.len(), false));
    }
    name_run_after(body, words, v)
        .or_else(|| name_after_role(body, words, v))
        .or_else(|| name_after_bare_role(body, words, v))
        .or_else(|| unnamed_after(body, words, v))
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
    (closes && end > first && super::names::person_like(&body[span.clone()]))
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
    (is_capitalised(words[comma].1) && super::names::person_like(&body[span.clone()]))
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
fn name_before(body: &str, words: &[(usize, &str)], v: usize) -> Option<Who> {
    let mut k = v.checked_sub(1)?;
    while k > 0 && between_subject_and_verb(words[k].1) {
        k -= 1;
    }
    let (s, w) = words[k];
    let lower = w.to_lowercase();
    if is_pronoun(&lower) {
        return Some(Who::Anaphor(s..s + w.len(), false));
    }
    let described = super::roles::description_at(words, k)
        .filter(|d| !broken_between(body, words, d.span().start, s));
    match described {
        Some(super::roles::Description::Organisation(span)) => return Some(Who::Org(span)),
        Some(super::roles::Description::Person(span)) if is_unnamed_speaker(&lower) => {
            return Some(Who::Unnamed(span));
        }
        Some(super::roles::Description::Person(span)) => return Some(Who::Anaphor(span, true)),
        None => {}
    }
    if !is_title(&lower)
        && !super::words::is_org_role(&lower)
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
        return Some(Who::Unnamed(
            words[k.saturating_sub(usize::from(possessed))].0..s + w.len(),
        ));
    }
    if is_title(&lower) {
        return Some(Who::Anaphor(s..s + w.len(), true));
    }
    if !is_capitalised(w) {
        return None;
    }
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
    if k > 0 && start == s && words[k - 1].1.eq_ignore_ascii_case("the") && is_demonym(w) {
        // `the Czech said`: a nationality standing for someone named before
        return Some(Who::Anaphor(words[k - 1].0..end, true));
    }
    Some(Who::Name(person_of(body, words, k).unwrap_or(start..end)))
}

/// `Imran Choudry of the Medicines Safety Agency said`: when the name run starting at word
/// `k` follows `of` (or `of the`), the person named before `of`.
fn person_of(body: &str, words: &[(usize, &str)], k: usize) -> Option<Span> {
    let mut j = k.checked_sub(1)?;
    if words[j].1.eq_ignore_ascii_case("the") {
        if broken(body, words[j].0 + 3, words[k].0) {
            return None;
        }
        j = j.checked_sub(1)?;
    }
    if words[j].1 != "of" || broken(body, words[j].0 + 2, words[j + 1].0) {
        return None;
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
    super::names::person_like(&body[span.clone()]).then_some(span)
}

/// True when punctuation breaks the words from `start` to the word at `end`.
fn broken_between(body: &str, words: &[(usize, &str)], start: usize, end: usize) -> bool {
    let ks: Vec<usize> = (0..words.len())
        .filter(|&k| words[k].0 >= start && words[k].0 <= end)
        .collect();
    ks.windows(2)
        .any(|p| broken(body, words[p[0]].0 + words[p[0]].1.len(), words[p[1]].0))
}

/// The speaker next to the speech verb nearest the quote in `body[from..to]`, with the
/// verb's span; `after` says whether the window follows the quote (then the first verb
/// counts, else the last).
fn who_in(body: &str, from: usize, to: usize, after: bool) -> Option<(Who, Span)> {
    let words = words_in(body, from, to);
    let verbs = (0..words.len()).filter(|&k| verb_at(body, &words, k));
    if !after {
        // the verb nearest the quote, or the one before it when that one names nobody
        // (`Dahl called him on Sunday and later told reporters that …`)
        let cands: Vec<usize> = verbs.collect();
        return cands
            .iter()
            .rev()
            .take(2)
            .find_map(|&v| who_at(body, &words, v, false));
    }
    let v = verbs.take_while(|&k| k <= 16).next()?;
    who_at(body, &words, v, true)
}

/// The speaker next to the speech verb at word `v` of `words`.
fn who_at(body: &str, words: &[(usize, &str)], v: usize, after: bool) -> Option<(Who, Span)> {
    if after && v > 6 {
        let span = super::appositive::name_after_quote(body, words, v).or_else(|| {
            match name_before(body, words, v) {
                // the name opens the clause, or only words of role stand before it
                // (`prosecutor Anne-Lise Krogh of the Economic Crime Unit told`)
                Some(Who::Name(span))
                    if words
                        .iter()
                        .take_while(|w| w.0 < span.start)
                        .all(|w| !is_capitalised(w.1) && !verb(w.1))
                        && words.iter().take_while(|w| w.0 < span.start).count() <= 3 =>
                {
                    Some(span)
                }
                _ => None,
            }
        })?;
        return Some((Who::Name(span), words[v].0..words[v].0 + words[v].1.len()));
    }
    if let Some(span) = super::appositive::name_before_appositive(body, words, v) {
        return Some((Who::Name(span), words[v].0..words[v].0 + words[v].1.len()));
    }
    let before = name_before(body, words, v);
    let after_v = name_after(body, words, v);
    let cue = words[v].0..words[v].0 + words[v].1.len();
    let who = match (words[v].1, before, after_v) {
        ("according" | "According", _, a) => a,
        (_, Some(b), _) => Some(b),
        (_, None, a) => a,
    }?;
    let described = matches!(who, Who::Org(_) | Who::Anaphor(_, true) | Who::Unnamed(_));
    (!(described && weak_verb(words[v].1))).then_some((who, cue))
}

/// Byte offset where the sentence holding `pos` starts (at most `max` bytes back).
pub(crate) fn sentence_start(body: &str, pos: usize, max: usize) -> usize {
    let mut from = pos.saturating_sub(max);
    while !body.is_char_boundary(from) {
        from += 1;
    }
    body[from..pos]
        .rfind(['.', '!', '?', '\n'])
        .map_or(from, |i| from + i + 1)
}

/// Byte offset where the sentence after `pos` ends (at most `max` bytes on).
pub(super) fn sentence_end(body: &str, pos: usize, max: usize, limit: usize) -> usize {
    let mut to = (pos + max).min(limit).min(body.len()).max(pos);
    while !body.is_char_boundary(to) {
        to -= 1;
    }
    body[pos..to]
        .find(['.', '!', '?', '\n'])
        .map_or(to, |i| pos + i)
}

/// What the text says about who said a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attribution {
    Named(Speaker),
    /// A pronoun or role: resolve with [`nearest_before`].
    Anaphor,
    /// An organisation's description (`the company said`): the organisation named before.
    Organisation,
    /// Someone the text does not name (`his brother said`): no speaker.
    Unnamed,
}

/// An [`Attribution`] with where the text says it: the speech verb (`said`, `according`)
/// and the words naming the speaker (a name, a pronoun or a role), and whether the words
/// are a role (`the spokeswoman`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub attribution: Attribution,
    pub cue: Span,
    pub mention: Span,
    pub role: bool,
}

/// Attributes one quote: `outer` is its span, `next_quote` where the next quote starts.
pub fn attribute(
    body: &str,
    outer: &Span,
    next_quote: usize,
    persons: &Persons,
) -> Option<Attribution> {
    attribute_at(body, outer, next_quote, persons).map(|f| f.attribution)
}

/// [`attribute`], with where the text says it.
pub fn attribute_at(
    body: &str,
    outer: &Span,
    next_quote: usize,
    persons: &Persons,
) -> Option<Found> {
    let end = sentence_end(body, outer.end, 200, next_quote);
    let (who, cue) = who_in(body, outer.end, end, true).or_else(|| {
        let start = sentence_start(body, outer.start, 300);
        who_in(body, start, outer.start, false)
    })?;
    Some(match who {
        Who::Name(span) if super::names::opens_with_function_word(&body[span.clone()]) => {
            // `One wrote that …`: a capitalised function word names nobody
            Found {
                attribution: Attribution::Unnamed,
                cue,
                mention: span,
                role: false,
            }
        }
        Who::Name(span) => Found {
            attribution: Attribution::Named(named(body, span.clone(), persons)),
            cue,
            mention: span,
            role: false,
        },
        Who::Anaphor(span, role) => Found {
            attribution: Attribution::Anaphor,
            cue,
            mention: span,
            role,
        },
        Who::Unnamed(span) => Found {
            attribution: Attribution::Unnamed,
            cue,
            mention: span,
            role: true,
        },
        Who::Org(span) => Found {
            attribution: Attribution::Organisation,
            cue,
            mention: span,
            role: true,
        },
    })
}

/// A name, made an entity when a person mention overlaps it; titles stripped.
fn named(body: &str, span: Span, persons: &Persons) -> Speaker {
    if let Some(p) = persons.overlapping(&span) {
        return Speaker {
            name: super::names::speaker_name(p.name).to_string(),
            entity: Some(p.entity),
            at: span.start,
        };
    }
    Speaker {
        name: super::names::speaker_name(&body[span.clone()]).to_string(),
        entity: None,
        at: span.start,
    }
}

/// The person named last before `pos`: a person mention or an earlier speaker.
pub fn nearest_before(
    pos: usize,
    persons: &[PersonMention],
    earlier: &[Speaker],
) -> Option<Speaker> {
    let mention = persons
        .iter()
        .filter(|p| p.span.start < pos)
        .max_by_key(|p| p.span.start)
        .map(|p| Speaker {
            name: super::names::speaker_name(p.name).to_string(),
            entity: Some(p.entity),
            at: p.span.start,
        });
    let spoke = earlier.iter().filter(|s| s.at < pos).max_by_key(|s| s.at);
    match (mention, spoke) {
        (Some(m), Some(s)) if s.at > m.at => Some(s.clone()),
        (Some(m), _) => Some(m),
        (None, s) => s.cloned(),
    }
}

/// [`nearest_before`] on sorted inputs in logarithmic time: `persons` sorted by start,
/// `names` (speech names, in text order) and `earlier` (speakers so far) sorted by `at`.
/// Of two candidates at the same place, an earlier speaker wins over a speech name.
pub fn latest_before(
    pos: usize,
    persons: &[&PersonMention],
    names: &[Speaker],
    earlier: &[Speaker],
) -> Option<Speaker> {
    let mention = last_before(persons, pos, |p| p.span.start).map(|p| Speaker {
        name: p.name.to_string(),
        entity: Some(p.entity),
        at: p.span.start,
    });
    let spoke = match (
        last_before(names, pos, |s| s.at),
        last_before(earlier, pos, |s| s.at),
    ) {
        (Some(n), Some(e)) => Some(if e.at >= n.at { e } else { n }),
        (n, e) => n.or(e),
    };
    match (mention, spoke) {
        (Some(m), Some(s)) if s.at > m.at => Some(s.clone()),
        (Some(m), _) => Some(m),
        (None, s) => s.cloned(),
    }
}

/// The last item of a sorted slice whose position is before `pos`.
fn last_before<T>(items: &[T], pos: usize, at: impl Fn(&T) -> usize) -> Option<&T> {
    let i = items.partition_point(|x| at(x) < pos);
    i.checked_sub(1).map(|i| &items[i])
}

/// Names the text attaches to speech verbs outside quotes (`According to Zakharova`, `Putin
/// said`), in order: the people a later pronoun may stand for. `quotes` are sorted by start.
pub fn speech_names(body: &str, quotes: &[Span], persons: &Persons) -> Vec<Speaker> {
    let words = words_in(body, 0, body.len());
    let mut out = Vec::new();
    // One walk over the quotes alongside the words (not a scan per word, quadratic on a body
    // of many short quotes): `quoted_to` is the furthest end of the quotes started so far.
    let (mut next_quote, mut quoted_to) = (0, 0);
    for (v, &(s, w)) in words.iter().enumerate() {
        while let Some(q) = quotes.get(next_quote).filter(|q| q.start <= s) {
            quoted_to = quoted_to.max(q.end);
            next_quote += 1;
        }
        if s < quoted_to || !verb_at(body, &words, v) {
            continue;
        }
        let who = if w.eq_ignore_ascii_case("according") {
            name_after(body, &words, v)
        } else {
            super::appositive::name_before_appositive(body, &words, v)
                .map(Who::Name)
                .or_else(|| name_before(body, &words, v))
                .or_else(|| name_after(body, &words, v))
        };
        if let Some(Who::Name(span)) = who {
            let s = named(body, span, persons);
            if s.entity.is_some() || super::names::person_like(&s.name) {
                out.push(s);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
