//! An article's own quotes as `show --json` prints them: one entry per statement (the
//! fragments of an interrupted or multi-paragraph quote joined), with its speaker, how the
//! speaker was found, the words naming the speaker and the speech verb, the reported
//! clause of a partial quote, and the quotes nested inside it.

use serde::Serialize;

use crate::analysis::quotes::{How, Quote, QuoteKind};
use crate::analysis::{Analysis, Span};
use crate::corpus::Article;

#[derive(Debug, Serialize)]
pub struct JsonSpan {
    start: usize,
    end: usize,
    text: String,
}

/// One statement (or term) of an article.
#[derive(Debug, Serialize)]
pub struct ArticleQuote {
    /// The quoted words of every fragment, joined with a space.
    text: String,
    kind: QuoteKind,
    /// 0 for a top-level quote, 1 inside another quote, …
    depth: usize,
    speaker: Option<String>,
    /// The entity the speaker resolves to (its canonical name), when known.
    speaker_entity: Option<String>,
    how: Option<How>,
    mention: Option<JsonSpan>,
    cue: Option<JsonSpan>,
    fragments: Vec<JsonSpan>,
    clause: Option<JsonSpan>,
}

fn span(a: &Article, s: &Span) -> JsonSpan {
    JsonSpan {
        start: s.start,
        end: s.end,
        text: a.body.get(s.clone()).unwrap_or_default().to_string(),
    }
}

/// The statements of one article, in text order.
pub fn of_article(a: &Article, quotes: &[Quote], analysis: &Analysis) -> Vec<ArticleQuote> {
    // Each top-level statement's later fragments, gathered in one pass.
    let mut later: Vec<Vec<usize>> = vec![Vec::new(); quotes.len()];
    for (j, p) in quotes.iter().enumerate() {
        if p.depth == 0 && p.statement != j {
            if let Some(l) = later.get_mut(p.statement) {
                l.push(j);
            }
        }
    }
    quotes
        .iter()
        .enumerate()
        .filter(|(k, q)| q.depth > 0 || q.statement == *k)
        .map(|(k, q)| {
            let parts = std::iter::once(k).chain(later[k].iter().copied().filter(|_| q.depth == 0));
            let fragments: Vec<JsonSpan> = parts.map(|j| span(a, &quotes[j].inner)).collect();
            entry(a, q, analysis, fragments)
        })
        .collect()
}

fn entry(a: &Article, q: &Quote, analysis: &Analysis, fragments: Vec<JsonSpan>) -> ArticleQuote {
    ArticleQuote {
        text: fragments
            .iter()
            .map(|f| f.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        kind: q.kind,
        depth: q.depth,
        speaker: q.speaker.clone(),
        speaker_entity: q
            .speaker_entity
            .and_then(|e| analysis.entities.entities.get(e))
            .map(|e| e.name.clone()),
        how: q.how,
        mention: q.mention.as_ref().map(|s| span(a, s)),
        cue: q.cue.as_ref().map(|s| span(a, s)),
        clause: q.clause.as_ref().map(|s| span(a, s)),
        fragments,
    }
}
