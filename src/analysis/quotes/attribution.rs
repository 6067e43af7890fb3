//! Speaker attribution: who said a quote, read off the same or the adjacent sentence.
//!
//! Patterns: `QUOTE, said NAME`, `QUOTE, NAME said`, `NAME said: QUOTE`, `according to NAME`,
//! `QUOTE, said the harbour master NAME` (`role_phrase`), German `QUOTE, so NAME` (`tag`), with
//! the speech verbs of `assets/speech_verbs.txt`. A speech verb right after a quote whose
//! speaker cannot be read still attributes it, to no one ([`Attribution::Unresolved`]). A
//! pronoun (`she said`) or a role (`the diplomat said`) resolves to the nearest preceding
//! person: a person mention from the entity index, or a name the text attached to a speech
//! verb earlier. A name that overlaps a person mention becomes that entity.

use super::persons::Persons;
use super::words::{is_according, is_capitalised, is_speech_verb};
use crate::analysis::Span;
use crate::analysis::passages::tokens::for_each_word;
use subject::{name_after, name_before};

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
/// sentence-initial `According` (`Selon`, `Según`).
fn verb(w: &str) -> bool {
    let lower = w.to_lowercase();
    (!is_capitalised(w) || is_according(&lower)) && is_speech_verb(&lower)
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
    let subject_end = subject::before_auxiliaries(words, v);
    if let Some(span) = super::appositive::name_before_appositive(body, words, subject_end) {
        return Some((Who::Name(span), words[v].0..words[v].0 + words[v].1.len()));
    }
    let before = name_before(body, words, v);
    let after_v = name_after(body, words, v);
    let cue = words[v].0..words[v].0 + words[v].1.len();
    let who = match (words[v].1, before, after_v) {
        // `Selon lui, l'équipe jouera « … »`: opening a sentence of reported speech, a
        // pronoun stands as often for an organisation or someone unnamed; a name is needed
        (w, _, a) if is_according(&w.to_lowercase()) => {
            a.filter(|a| !is_capitalised(w) || matches!(a, Who::Name(_)))
        }
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
    /// A speech verb next to the quote whose speaker the rules cannot read (`“…,” wrote the
    /// union's newly elected leader`): no speaker, and none taken from the context.
    Unresolved,
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
    let found = tag::after_quote_cue(body, outer.end, end)
        .or_else(|| {
            who_in(body, outer.end, end, true)
                .or_else(|| {
                    let start = sentence_start(body, outer.start, 300);
                    who_in(body, start, outer.start, false)
                })
                .map(|(who, cue)| tag::Tag {
                    who: Some(who),
                    cue,
                })
        })
        .or_else(|| tag::unread_cue(body, outer, end).map(|cue| tag::Tag { who: None, cue }))?;
    Some(match found.who {
        Some(who) => found_as(body, who, found.cue, persons),
        // a speech verb next to the quote, but no speaker the rules can read
        None => Found {
            attribution: Attribution::Unresolved,
            mention: found.cue.clone(),
            cue: found.cue,
            role: false,
        },
    })
}

/// What the words `who` next to the speech verb at `cue` say about the speaker.
fn found_as(body: &str, who: Who, cue: Span, persons: &Persons) -> Found {
    let (attribution, mention, role) = match who {
        // `One wrote that …`: a capitalised function word names nobody
        Who::Name(span) if super::names::opens_with_function_word(&body[span.clone()]) => {
            (Attribution::Unnamed, span, false)
        }
        Who::Name(span) => (
            Attribution::Named(named(body, span.clone(), persons)),
            span,
            false,
        ),
        Who::Anaphor(span, role) => (Attribution::Anaphor, span, role),
        Who::Unnamed(span) => (Attribution::Unnamed, span, true),
        Who::Org(span) => (Attribution::Organisation, span, true),
    };
    Found {
        attribution,
        cue,
        mention,
        role,
    }
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
        // a subject stands after the quotes before its verb: a capitalised word at the end
        // of a quote (`… ein Irrtum“, sagte`) or before it names no one
        let quoted = |span: &Span| span.start < quoted_to;
        let who = if w.eq_ignore_ascii_case("according") {
            name_after(body, &words, v)
        } else {
            super::appositive::name_before_appositive(
                body,
                &words,
                subject::before_auxiliaries(&words, v),
            )
            .filter(|n| !quoted(n))
            .map(Who::Name)
            .or_else(|| {
                name_before(body, &words, v).filter(|w| !matches!(w, Who::Name(n) if quoted(n)))
            })
            .or_else(|| name_after(body, &words, v))
        };
        if let Some(Who::Name(span)) = who {
            let s = named(body, span, persons);
            // one word the entity index does not know is most often a group
            // (`Critics say`, `Regulators said`), not a person a pronoun may stand for
            let lone = !s.name.contains(char::is_whitespace);
            if s.entity.is_some() || (!lone && super::names::person_like(&s.name)) {
                out.push(s);
            }
        }
    }
    out
}

mod role_phrase;
mod subject;
mod tag;
#[cfg(test)]
mod tests;
