//! `parallax quotes`: the statements quoted in the articles, most widely carried first:
//! who said it, its words, every article that carries it (verbatim, in part or reworded,
//! with the words it changes), the first to carry it, whether the articles attribute it to
//! different speakers, and the articles of its story that leave it out. As JSON (byte offsets into
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
        .map(|(s, left)| json_statement(corpus, analysis, s, left))
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

/// A statement as printed: its occurrences inside the scope, with who leaves it out there.
type Found = (Statement, Vec<ArticleIdx>);

/// The statements of the whole corpus, or of story `id`, as [`scope::statements`] lists
/// them and [`scope::narrowed`] tells each (the reader's quotes screen shows the same);
/// `None` after a message when there is no such story.
fn statements(corpus: &Corpus, analysis: &Analysis, id: Option<&str>) -> Option<Vec<Found>> {
    let articles: Vec<ArticleIdx> = match id {
        None => (0..corpus.len()).collect(),
        Some(_) => super::resolve::story_articles(corpus, &analysis.stories, id)?,
    };
    let scoped = scope::statements(corpus, &analysis.stories, &analysis.statements, &articles);
    Some(
        scoped
            .into_iter()
            .filter_map(|sc| {
                let s = analysis.statements.get(sc.statement)?;
                Some((scope::narrowed(corpus, s, &sc.occurrences), sc.left_out))
            })
            .collect(),
    )
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
