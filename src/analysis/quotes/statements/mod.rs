//! The same statement across articles: the quotes of different articles that carry one
//! statement (verbatim, in part, or reworded) grouped as one [`Statement`] with an
//! occurrence per article, the words each wording changes, and whether the outlets give it
//! to different speakers.
//!
//! Statements are matched on word 3-grams that hold at least one content word, through an
//! inverted index with capped postings (never all pairs): two statements are one when most of
//! the shorter one's grams are in the longer one.

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use super::{Quote, QuoteKind};
use crate::analysis::Span;
use crate::analysis::passages::PassageIndex;
use crate::corpus::{ArticleIdx, Corpus};

mod diff;
mod links;
mod units;

pub use units::Unit;

/// How one occurrence carries its statement, against the longest wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Carried {
    /// The same words.
    Verbatim,
    /// A run of the longest wording's words, unchanged.
    Partial,
    /// Some words changed, added or left out.
    Reworded,
}

/// One article's wording of a statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Occurrence {
    pub article: ArticleIdx,
    /// Indices into the article's quotes: the fragments of the statement, in order.
    pub quotes: Vec<usize>,
    /// The fragments' quoted words (byte ranges into the body).
    pub spans: Vec<Span>,
    pub speaker: Option<String>,
    pub speaker_entity: Option<usize>,
    pub carried: Carried,
    /// Words of this wording that the longest wording does not have (byte ranges).
    pub changed: Vec<Span>,
}

/// One statement and every article that carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub occurrences: Vec<Occurrence>,
    /// The occurrence with the most words (the reference wording).
    pub longest: usize,
    /// The earliest occurrence by date (then by corpus order).
    pub first: usize,
    /// The speaker most occurrences give (`None` when none names one).
    pub speaker: Option<String>,
    pub speaker_entity: Option<usize>,
    /// True when two occurrences name different speakers, or one names none.
    pub attribution_differs: bool,
    /// True when some occurrence is reworded.
    pub worded_differently: bool,
    /// Words of the longest wording.
    pub words: usize,
}

/// Shortest statement matched across articles, in words.
const MIN_WORDS: usize = 3;
/// Every statement of the corpus (`quotes` indexed like `corpus.articles`), most widely
/// carried first, then longest.
pub fn find(corpus: &Corpus, quotes: &[Vec<Quote>]) -> Vec<Statement> {
    let t = std::time::Instant::now();
    let units = units::all(corpus, quotes);
    tracing::debug!(took = ?t.elapsed(), units = units.len(), "statements: units");
    let groups = group(&units);
    tracing::debug!(took = ?t.elapsed(), groups = groups.len(), "statements: groups");
    let mut out: Vec<Statement> = groups
        .into_par_iter()
        .map(|g| statement(corpus, &units, &g))
        .collect();
    tracing::debug!(took = ?t.elapsed(), "statements: built");
    out.par_sort_by(|a, b| {
        b.occurrences
            .len()
            .cmp(&a.occurrences.len())
            .then(b.words.cmp(&a.words))
            .then(a.occurrences[0].article.cmp(&b.occurrences[0].article))
            .then(
                a.occurrences[0]
                    .spans
                    .first()
                    .map(|s| s.start)
                    .cmp(&b.occurrences[0].spans.first().map(|s| s.start)),
            )
    });
    out
}

/// Units grouped into statements (indices into `units`), one unit per article at most
/// (the longest, when an article repeats a statement).
fn group(units: &[Unit]) -> Vec<Vec<usize>> {
    let t = std::time::Instant::now();
    let mut parent: Vec<usize> = (0..units.len()).collect();
    let links = links::candidate_links(units);
    tracing::debug!(took = ?t.elapsed(), links = links.len(), "statements: links");
    for (a, b) in links {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut by_root: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for u in 0..units.len() {
        let r = root(&mut parent, u);
        by_root.entry(r).or_default().push(u);
    }
    let mut groups: Vec<Vec<usize>> = by_root
        .into_values()
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|g| one_per_article(units, g))
        .collect();
    groups.par_sort_unstable();
    groups
}

fn root(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Units of other articles that a repeated article's units are measured against (a large
/// group of one statement would otherwise cost the square of its size).
const FIT_PEERS: usize = 16;

/// Keeps, per article, the unit that carries the statement best: the one most contained
/// in (or containing) a unit of another article of the group, then the one sharing most
/// grams with it, then the longest. An article that quotes a remark in part and repeats its
/// words in another quote ("a reckless gamble with public money" / "Nobody here wants a
/// reckless gamble with public funds, but…") keeps the part, not the longer other quote.
fn one_per_article(units: &[Unit], mut g: Vec<usize>) -> Vec<usize> {
    g.sort_by_key(|&u| (units[u].article, u));
    let repeated: FxHashSet<ArticleIdx> = g
        .windows(2)
        .filter(|w| units[w[0]].article == units[w[1]].article)
        .map(|w| units[w[0]].article)
        .collect();
    let fit = |u: usize| -> (u64, usize) {
        if !repeated.contains(&units[u].article) {
            return (0, 0);
        }
        g.iter()
            .filter(|&&v| units[v].article != units[u].article)
            .take(FIT_PEERS)
            .map(|&v| {
                let n = links::shared_grams(&units[u].grams, &units[v].grams);
                let shorter = units[u].grams.len().min(units[v].grams.len()).max(1);
                // containment in thousandths, so that ties compare exactly
                ((1000 * n / shorter) as u64, n)
            })
            .max()
            .unwrap_or((0, 0))
    };
    let mut keyed: Vec<((u64, usize), usize)> = g.iter().map(|&u| (fit(u), u)).collect();
    keyed.sort_by_key(|&(f, u)| {
        (
            units[u].article,
            std::cmp::Reverse(f),
            std::cmp::Reverse(units[u].words.len()),
            u,
        )
    });
    g = keyed.into_iter().map(|(_, u)| u).collect();
    g.dedup_by_key(|u| units[*u].article);
    g
}

/// The statement of one group of units.
fn statement(corpus: &Corpus, units: &[Unit], g: &[usize]) -> Statement {
    let longest = (0..g.len())
        .max_by_key(|&i| (units[g[i]].words.len(), std::cmp::Reverse(i)))
        .unwrap_or(0);
    let reference = &units[g[longest]];
    let occurrences: Vec<Occurrence> = g
        .iter()
        .map(|&u| occurrence(&units[u], reference))
        .collect();
    let first = (0..occurrences.len())
        .min_by_key(|&i| {
            let a = occurrences[i].article;
            (
                corpus.articles[a].meta.date.is_none(),
                corpus.articles[a].meta.date,
                a,
            )
        })
        .unwrap_or(0);
    let (speaker, speaker_entity, attribution_differs) = speakers(&occurrences);
    Statement {
        worded_differently: occurrences.iter().any(|o| o.carried == Carried::Reworded),
        words: reference.words.len(),
        longest,
        first,
        speaker,
        speaker_entity,
        attribution_differs,
        occurrences,
    }
}

fn occurrence(unit: &Unit, reference: &Unit) -> Occurrence {
    let (carried, changed) = diff::carried(unit, reference);
    Occurrence {
        article: unit.article,
        quotes: unit.quotes.clone(),
        spans: unit.spans.clone(),
        speaker: unit.speaker.clone(),
        speaker_entity: unit.speaker_entity,
        carried,
        changed,
    }
}

/// The speaker most occurrences name, and whether they disagree (an entity id, else the
/// name folded to lower case, is what is compared; no speaker counts as a different one).
fn speakers(occurrences: &[Occurrence]) -> (Option<String>, Option<usize>, bool) {
    let key = |o: &Occurrence| -> Option<String> {
        match (o.speaker_entity, &o.speaker) {
            (Some(e), _) => Some(format!("#{e}")),
            (None, Some(s)) => Some(s.to_lowercase()),
            (None, None) => None,
        }
    };
    let keys: FxHashSet<Option<String>> = occurrences.iter().map(key).collect();
    let mut counts: FxHashMap<Option<String>, usize> = FxHashMap::default();
    for o in occurrences.iter().filter(|o| o.speaker.is_some()) {
        *counts.entry(key(o)).or_default() += 1;
    }
    let top = occurrences
        .iter()
        .filter(|o| o.speaker.is_some())
        .max_by_key(|o| counts.get(&key(o)).copied().unwrap_or(0));
    (
        top.and_then(|o| o.speaker.clone()),
        top.and_then(|o| o.speaker_entity),
        keys.len() > 1,
    )
}

/// The articles of `members` (the carriers' story, or any set of related articles) that do
/// not carry the statement.
pub fn left_out(statement: &Statement, members: &[ArticleIdx]) -> Vec<ArticleIdx> {
    let carriers: FxHashSet<ArticleIdx> = statement.occurrences.iter().map(|o| o.article).collect();
    let mut out: Vec<ArticleIdx> = members
        .iter()
        .copied()
        .filter(|a| !carriers.contains(a))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The articles related to `carriers`: the carriers and every article that shares a passage
/// with one of them, sorted.
pub fn related(passages: &PassageIndex, carriers: &[ArticleIdx]) -> Vec<ArticleIdx> {
    let set: FxHashSet<ArticleIdx> = carriers.iter().copied().collect();
    let mut out: Vec<ArticleIdx> = carriers.to_vec();
    for p in &passages.passages {
        if p.occurrences.iter().any(|o| set.contains(&o.article)) {
            out.extend(p.occurrences.iter().map(|o| o.article));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// True for a quote that starts a statement (its first fragment) and holds somebody's words.
pub(crate) fn starts_statement(k: usize, q: &Quote) -> bool {
    q.depth == 0 && q.statement == k && q.kind == QuoteKind::Statement
}

#[cfg(test)]
mod tests;
