//! Direct quotes: quotation marks of every convention paired on an article's body
//! ([`pairing`]), the speaker each quote is attributed to and how ([`attribution`]), the
//! fragments of one statement joined ([`fragments`]), and the same statement found across
//! articles ([`statements`]).

mod appositive;
pub mod attribution;
mod dashes;
mod floating;
pub mod fragments;
mod gender;
mod names;
mod open_stack;
pub mod pairing;
mod persons;
mod resolve;
mod roles;
pub mod statements;
mod words;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::Span;
use super::entities::{EntityIndex, EntityKind, Field};
use crate::corpus::Corpus;
use attribution::{PersonMention, Speaker};
use persons::Persons;

/// One direct quote in an article's body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the marks.
    pub inner: Span,
    /// The quote with its marks.
    pub outer: Span,
    /// Who said it, as named in the text (canonical entity name when known).
    pub speaker: Option<String>,
    /// Index into [`EntityIndex::entities`] when the speaker is a known entity.
    pub speaker_entity: Option<usize>,
    /// 0 for a top-level quote, 1 for a quote inside a quote, …
    pub depth: usize,
    /// The words that name the speaker here (a name, a pronoun, a role), when the text
    /// attributes this quote itself.
    pub mention: Option<Span>,
    /// The speech verb (`said`, `told`, `according`) that attributes it.
    pub cue: Option<Span>,
    /// How the speaker was found; `None` when the text does not say.
    pub how: Option<How>,
    /// Index (in this article's quotes) of the first fragment of the statement this quote
    /// belongs to: a quote interrupted by "she said", or one spread over paragraphs, is one
    /// statement in several quotes. Its own index for a quote that stands alone.
    pub statement: usize,
    /// What the marks hold: a statement, or a term, a scare quote or a title.
    pub kind: QuoteKind,
    /// The reported clause around a partial quote (`said the plan was “a disaster”`): the
    /// sentence holding it, when the quote is only part of that sentence.
    pub clause: Option<Span>,
}

/// How a quote's speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum How {
    /// A name next to a speech verb (`said Sergei Lavrov`, `Lavrov said`).
    Named,
    /// `according to NAME`.
    AccordingTo,
    /// A pronoun (`she said`), resolved to the person named last before it.
    Pronoun,
    /// A role (`the spokeswoman said`), resolved to the person named last before it.
    Role,
    /// Another fragment of the same statement names the speaker.
    Statement,
    /// The sentence names no speaker; the one named just before it speaks (`Lund said he
    /// was sorry. “It was my fault.”`, or a quote paragraph after the speaker's paragraph).
    Context,
}

/// What a pair of quotation marks holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuoteKind {
    /// Somebody's words.
    #[default]
    Statement,
    /// A term, a scare quote or a title: a few words nobody is said to have said.
    Term,
}

/// Finds the direct quotes of every article.
pub fn find_all(corpus: &Corpus, entities: &EntityIndex) -> Vec<Vec<Quote>> {
    let persons = mentions_of(corpus, entities, EntityKind::Person);
    let orgs = mentions_of(corpus, entities, EntityKind::Organization);
    corpus
        .articles
        .par_iter()
        .zip(persons.par_iter().zip(orgs.par_iter()))
        .map(|(a, (p, o))| find_in_with(&a.body, p, o))
        .collect()
}

/// Mentions of entities of `kind` in each article's body (indexed like `corpus.articles`),
/// by offset.
fn mentions_of<'a>(
    corpus: &Corpus,
    entities: &'a EntityIndex,
    kind: EntityKind,
) -> Vec<Vec<PersonMention<'a>>> {
    let mut out: Vec<Vec<PersonMention>> = vec![Vec::new(); corpus.len()];
    for (i, e) in entities.entities.iter().enumerate() {
        if e.kind != kind {
            continue;
        }
        for m in e.mentions.iter().filter(|m| m.field == Field::Body) {
            if let Some(list) = out.get_mut(m.article) {
                list.push(PersonMention {
                    span: m.span.clone(),
                    entity: i,
                    name: &e.name,
                });
            }
        }
    }
    for list in &mut out {
        list.sort_by_key(|p| p.span.start);
    }
    out
}

/// A quote's speaker and where the text says it.
#[derive(Debug, Clone, Default)]
struct Attributed {
    speaker: Option<Speaker>,
    cue: Option<Span>,
    mention: Option<Span>,
    how: Option<How>,
}

/// The quotes of one body, with speakers; `persons` are its known person mentions.
pub fn find_in(body: &str, persons: &[PersonMention]) -> Vec<Quote> {
    find_in_with(body, persons, &[])
}

/// [`find_in`], with the body's organisation mentions (sorted by start): `the airline said`
/// goes to the organisation named last, and a name written short (`Halvern`) to the
/// organisation it mentions (`Halvern Pharma`).
pub fn find_in_with(body: &str, persons: &[PersonMention], orgs: &[PersonMention]) -> Vec<Quote> {
    let pairs = pairing::pair_marks(body);
    let found = attribute_all(body, &pairs, persons, orgs);
    let mut quotes: Vec<Quote> = pairs
        .iter()
        .zip(found)
        .enumerate()
        .map(|(k, (p, a))| Quote {
            inner: p.inner.clone(),
            outer: p.outer.clone(),
            speaker: a.speaker.as_ref().map(|s| s.name.clone()),
            speaker_entity: a.speaker.and_then(|s| s.entity),
            depth: p.depth,
            mention: a.mention,
            cue: a.cue,
            how: a.how,
            statement: k,
            kind: QuoteKind::Statement,
            clause: None,
        })
        .collect();
    let continues: Vec<bool> = pairs.iter().map(|p| p.continues).collect();
    fragments::join(body, &continues, &mut quotes);
    quotes
}

/// What resolving a pronoun or a description needs of its body, built once per body.
struct Context<'a, 'p> {
    body: &'a str,
    persons: &'a Persons<'p>,
    /// Mentions that look like people, sorted by start.
    persons_by_start: Vec<&'a PersonMention<'p>>,
    /// The top-level quotes' spans, for the names the text attaches to speech verbs.
    tops: Vec<Span>,
    /// Those names, read the first time a pronoun needs them.
    named_in_text: Option<Vec<Speaker>>,
    /// Speakers of the top-level quotes so far: in document order, as top-level quotes do
    /// not overlap.
    earlier: Vec<Speaker>,
    /// Organisation mentions, sorted by start.
    orgs: &'a [PersonMention<'p>],
    /// The genders the body gives its people, read the first time a pronoun needs them.
    genders: Option<gender::Genders>,
    /// The capitalised runs ending in an organisation's cue, read the first time a
    /// described organisation (`the company said`) needs them.
    cued_runs: Option<Vec<Span>>,
}

/// The speaker of every top-level quote of `pairs` (nested quotes get none).
fn attribute_all(
    body: &str,
    pairs: &[pairing::MarkPair],
    persons: &[PersonMention],
    orgs: &[PersonMention],
) -> Vec<Attributed> {
    // Sorted once, so that "the person named last before this quote" and "the mention a
    // name overlaps" are binary searches, not scans per quote (quadratic on a body of many
    // attributed quotes). A pronoun stands for a person: mentions typed person that do not
    // look like one (`Storm Ingrid`, `Zentralbank von Estmark`) are passed over.
    let persons = Persons::new(persons);
    let mut cx = Context {
        body,
        persons: &persons,
        persons_by_start: persons
            .sorted()
            .iter()
            .filter(|p| names::person_like(p.name))
            .collect(),
        tops: pairs
            .iter()
            .filter(|p| p.depth == 0)
            .map(|p| p.outer.clone())
            .collect(),
        named_in_text: None,
        earlier: Vec::new(),
        orgs,
        genders: None,
        cued_runs: None,
    };
    let next_top = next_tops(body, pairs);
    let mut out: Vec<Attributed> = Vec::with_capacity(pairs.len());
    for (k, p) in pairs.iter().enumerate() {
        let found = (p.depth == 0)
            .then(|| attribution::attribute_at(body, &p.outer, next_top[k], &persons))
            .flatten();
        out.push(found.map_or_else(Attributed::default, |f| {
            resolve::attributed(&mut cx, &p.outer, f)
        }));
    }
    carry_back(pairs, &mut out);
    from_context(&mut cx, pairs, &mut out);
    out
}

/// Where the next top-level quote starts, for each quote: one pass from the end (a scan
/// forward per quote is quadratic in a paragraph of nested marks).
fn next_tops(body: &str, pairs: &[pairing::MarkPair]) -> Vec<usize> {
    let mut next_top = vec![body.len(); pairs.len()];
    let mut after = body.len();
    for (k, p) in pairs.iter().enumerate().rev() {
        next_top[k] = after;
        if p.depth == 0 {
            after = p.outer.start;
        }
    }
    next_top
}

/// Speakers from the context for the top-level quotes their sentences do not attribute
/// ([`floating`]).
fn from_context(cx: &mut Context, pairs: &[pairing::MarkPair], out: &mut [Attributed]) {
    if !out
        .iter()
        .zip(pairs)
        .any(|(a, p)| p.depth == 0 && a.cue.is_none())
    {
        return;
    }
    let (body, tops, persons) = (cx.body, &cx.tops, cx.persons);
    let names = cx
        .named_in_text
        .get_or_insert_with(|| attribution::speech_names(body, tops, persons));
    let outers: Vec<(Span, bool)> = pairs
        .iter()
        .map(|p| (p.outer.clone(), p.depth == 0))
        .collect();
    floating::attribute_floating(body, &outers, out, &cx.persons_by_start, names);
}

/// A long quote spread over paragraphs is attributed once, at its end: earlier parts take
/// the speaker of the part that continues them.
fn carry_back(pairs: &[pairing::MarkPair], found: &mut [Attributed]) {
    for k in (0..pairs.len()).rev() {
        if !pairs[k].continues || found[k].speaker.is_some() {
            continue;
        }
        let next = (k + 1..pairs.len()).find(|&j| pairs[j].depth == 0);
        if let Some(j) = next
            && found[j].speaker.is_some()
        {
            found[k].speaker = found[j].speaker.clone();
            found[k].how = Some(How::Statement);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::entities::{Entity, Mention};
    use crate::corpus::{Article, Metadata};

    #[test]
    fn speakers_become_entities_when_the_index_knows_them() {
        let body = "Zakharova spoke on radio. “It is a program document,” she stressed. \
                    “We go on,” said Lavrov.";
        let at = |w: &str| body.find(w).map_or(0..0, |i| i..i + w.len());
        let person = |name: &str, span| Entity {
            name: name.to_string(),
            kind: EntityKind::Person,
            aliases: Vec::new(),
            mentions: vec![Mention {
                article: 0,
                span,
                field: Field::Body,
            }],
        };
        let entities = EntityIndex {
            entities: vec![
                person("Maria Zakharova", at("Zakharova")),
                person("Sergei Lavrov", at("Lavrov")),
            ],
        };
        let corpus = Corpus {
            name: "t".into(),
            articles: vec![Article::new(
                "a".into(),
                "a.txt".into(),
                Metadata::default(),
                body.into(),
            )],
        };
        let q = &find_all(&corpus, &entities)[0];
        let got: Vec<(Option<&str>, Option<usize>)> = q
            .iter()
            .map(|q| (q.speaker.as_deref(), q.speaker_entity))
            .collect();
        assert_eq!(
            got,
            [
                (Some("Maria Zakharova"), Some(0)),
                (Some("Sergei Lavrov"), Some(1))
            ]
        );
    }

    #[test]
    fn quotes_of_a_body_with_speakers() {
        let body = "\"We have always said so.\n\nAnd we will,\" Oleg Syromolotov said.\n\n\
                    O’Brien’s view: «ça suffit».\n\n« C’est fini », selon Marie Dubois.";
        let q = find_in(body, &[]);
        let got: Vec<(&str, Option<&str>)> = q
            .iter()
            .map(|q| (&body[q.inner.clone()], q.speaker.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("We have always said so.", Some("Oleg Syromolotov")),
                ("And we will,", Some("Oleg Syromolotov")),
                ("ça suffit", None),
                ("C’est fini", Some("Marie Dubois")),
            ]
        );
    }

    /// Thousands of pronoun-attributed quotes: each resolves to the name before it (this
    /// body once took time quadratic in its number of quotes).
    #[test]
    fn many_pronoun_quotes_resolve_to_the_last_speaker() {
        let body = "“We agree,” said Putin. “We are ready,” he said. ".repeat(2_000);
        let quotes = find_in(&body, &[]);
        assert_eq!(quotes.len(), 4_000);
        assert!(quotes.iter().all(|q| q.speaker.as_deref() == Some("Putin")));
    }
}
