//! `parallax quotes`: the statements quoted in the articles, most widely carried first:
//! who said it, its words, every article that carries it (verbatim, in part or reworded,
//! with the words it changes), the first to carry it, whether the articles attribute it to
//! different speakers, and the related articles that leave it out. As JSON (byte offsets into
//! the bodies `show --json` prints), CSV (one row per occurrence) or plain text.

use super::Status;
use super::args::QuotesArgs;
use super::output::{print_json, print_text};
use crate::analysis::Analysis;
use crate::analysis::quotes::statements::{Carried, Occurrence, Statement};
use crate::analysis::quotes::{How, Quote};
use crate::analysis::stories::scope;
use crate::corpus::{Article, ArticleIdx, Corpus};
use crate::text::sanitize_for_terminal;
use std::borrow::Cow;

mod rows;

use rows::{JsonStatement, json_statement};

/// `parallax quotes [--json | --csv] [--speaker Q] [--shared] [--story ID] [PATH...]`.
pub fn run(corpus: &Corpus, analysis: &Analysis, args: &QuotesArgs) -> anyhow::Result<Status> {
    let Some(found) = statements(corpus, analysis, args.story.as_deref()) else {
        return Ok(Status::Usage);
    };
    let mut found: Vec<Found> = found;
    found.retain(|(s, _)| !args.shared || s.occurrences.len() > 1);
    if let Some(q) = &args.speaker {
        found.retain(|(s, _)| speaker_matches(analysis, s, q));
    }
    let rows: Vec<JsonStatement> = found
        .iter()
        .map(|(s, left)| json_statement(corpus, analysis, s, left.as_deref()))
        .collect();
    if args.csv {
        print_text(&rows::csv(&rows)?)?;
    } else if args.common.json {
        print_json(&rows)?;
    } else {
        print_text(&sanitize_for_terminal(&plain(&rows)))?;
    }
    Ok(Status::Ok)
}

/// A statement as printed: the analysis's, or its occurrences inside a story (with who
/// leaves it out there).
type Found<'a> = (Cow<'a, Statement>, Option<Vec<ArticleIdx>>);

/// Every statement, or those of story `id` as [`scope::statements`] counts them inside it
/// (the reader's quotes screen lists the same); `None` after a message when there is no
/// such story.
fn statements<'a>(
    corpus: &Corpus,
    analysis: &'a Analysis,
    id: Option<&str>,
) -> Option<Vec<Found<'a>>> {
    let Some(id) = id else {
        return Some(
            analysis
                .statements
                .iter()
                .map(|s| (Cow::Borrowed(s), None))
                .collect(),
        );
    };
    let articles = super::resolve::story_articles(corpus, &analysis.stories, Some(id))?;
    let scoped = scope::statements(corpus, &analysis.statements, &articles);
    Some(
        scoped
            .into_iter()
            .filter_map(|sc| {
                let s = analysis.statements.get(sc.statement)?;
                Some((
                    Cow::Owned(inside(corpus, s, &sc.occurrences)),
                    Some(sc.left_out),
                ))
            })
            .collect(),
    )
}

/// `s` with only the occurrences `picked` (earliest first): its longest wording, speaker
/// and differences counted among them.
fn inside(corpus: &Corpus, s: &Statement, picked: &[usize]) -> Statement {
    let occurrences: Vec<Occurrence> = picked
        .iter()
        .filter_map(|&k| s.occurrences.get(k).cloned())
        .collect();
    let words = |o: &Occurrence| o.spans.iter().map(|r| r.len()).sum::<usize>();
    let longest = picked
        .iter()
        .position(|&k| k == s.longest)
        .unwrap_or_else(|| {
            let most = occurrences.iter().map(words).max().unwrap_or(0);
            occurrences
                .iter()
                .position(|o| words(o) == most)
                .unwrap_or(0)
        });
    let mut said: Vec<&Option<String>> = occurrences.iter().map(|o| &o.speaker).collect();
    said.sort();
    said.dedup();
    let main = occurrences
        .iter()
        .find(|o| o.speaker.is_some() && o.speaker == s.speaker);
    let main = main.or_else(|| occurrences.iter().find(|o| o.speaker.is_some()));
    let words = occurrences.get(longest).map_or(s.words, |o| {
        let body = corpus
            .articles
            .get(o.article)
            .map_or("", |a| a.body.as_str());
        let text = o.spans.iter().filter_map(|r| body.get(r.clone()));
        text.map(|t| t.split_whitespace().count()).sum()
    });
    Statement {
        longest,
        first: 0,
        speaker: main.and_then(|o| o.speaker.clone()),
        speaker_entity: main.and_then(|o| o.speaker_entity),
        attribution_differs: said.len() > 1,
        worded_differently: occurrences.iter().any(|o| o.carried == Carried::Reworded),
        words,
        occurrences,
    }
}

/// True when an occurrence's speaker, or an alias of its entity, contains `query` (case and
/// accents folded).
fn speaker_matches(analysis: &Analysis, s: &Statement, query: &str) -> bool {
    let q = fold(query);
    s.occurrences.iter().any(|o| {
        let entity = o
            .speaker_entity
            .and_then(|e| analysis.entities.entities.get(e));
        let names = o
            .speaker
            .iter()
            .chain(entity.map(|e| &e.name))
            .chain(entity.into_iter().flat_map(|e| &e.aliases));
        names.into_iter().any(|n| fold(n).contains(&q))
    })
}

/// Lower case without diacritics (`Müller` → `muller`).
fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

fn plain(rows: &[JsonStatement]) -> String {
    let mut out = String::new();
    for (n, s) in rows.iter().enumerate() {
        rows::plain_statement(&mut out, n + 1, s);
    }
    out
}

/// The text of an occurrence: its fragments' words joined with " … ".
fn occurrence_text(a: &Article, o: &Occurrence) -> String {
    o.spans
        .iter()
        .filter_map(|s| a.body.get(s.clone()))
        .collect::<Vec<_>>()
        .join(" … ")
}

/// How the first fragment of an occurrence names its speaker.
fn how_of<'a>(quotes: &'a [Quote], o: &Occurrence) -> Option<&'a Quote> {
    o.quotes.first().and_then(|&k| quotes.get(k))
}

fn carried_str(c: Carried) -> &'static str {
    match c {
        Carried::Verbatim => "verbatim",
        Carried::Partial => "partial",
        Carried::Reworded => "reworded",
    }
}

fn how_str(h: How) -> &'static str {
    match h {
        How::Named => "named",
        How::AccordingTo => "according-to",
        How::Pronoun => "pronoun",
        How::Role => "role",
        How::Statement => "statement",
        How::Context => "context",
    }
}
