//! The rows of the quotes screen: every shared passage of the filtered corpus, who carries
//! it (earliest first), where outlets word it or attribute it differently, and which
//! outlets left a widely carried passage out. Regroups analysis results; no analysis here.

use crate::analysis::Span;
use crate::analysis::passages::{Label, Occurrence};
use crate::corpus::ArticleIdx;

use super::app::App;

/// One shared passage as the quotes screen lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteRow {
    /// Index into the passage index.
    pub passage: usize,
    /// The words of its earliest occurrence.
    pub text: String,
    pub label: Label,
    pub quoted: bool,
    /// The articles carrying it (visible ones), earliest publication first, with the span.
    pub carriers: Vec<(ArticleIdx, Span)>,
    /// Speakers as each carrier attributes it, when they do not all agree.
    pub speakers: Vec<(ArticleIdx, String)>,
    /// The speaker, when all carriers that name one agree.
    pub speaker: Option<String>,
    /// Visible articles that do not carry a passage most of them carry.
    pub missing: Vec<ArticleIdx>,
}

/// The rows for the articles visible in the library.
pub fn rows(app: &App) -> Vec<QuoteRow> {
    let visible = &app.library.visible;
    let mut is_visible = vec![false; app.corpus.len()];
    for &a in visible {
        if let Some(v) = is_visible.get_mut(a) {
            *v = true;
        }
    }
    let mut out = Vec::new();
    for (p, passage) in app.analysis.passages.passages.iter().enumerate() {
        let carriers = carriers(app, &passage.occurrences, &is_visible);
        if carriers.len() < 2 {
            continue;
        }
        let (first, span) = &carriers[0];
        let text = app.corpus.articles[*first].body[span.clone()].to_string();
        let speakers = speakers(app, &carriers);
        let (speaker, speakers) = agree(speakers, passage.speaker.clone());
        let missing = if carriers.len() * 2 > visible.len() && carriers.len() >= 3 {
            visible
                .iter()
                .copied()
                .filter(|a| !carriers.iter().any(|(c, _)| c == a))
                .collect()
        } else {
            Vec::new()
        };
        out.push(QuoteRow {
            passage: p,
            text,
            label: passage.label,
            quoted: passage.occurrences.iter().any(|o| o.quoted),
            carriers,
            speakers,
            speaker,
            missing,
        });
    }
    out
}

/// The visible articles carrying a passage (one occurrence each), earliest date first
/// (undated last).
fn carriers(app: &App, occurrences: &[Occurrence], is_visible: &[bool]) -> Vec<(ArticleIdx, Span)> {
    let mut out: Vec<(ArticleIdx, Span)> = Vec::new();
    for occ in occurrences {
        let fits = app
            .corpus
            .articles
            .get(occ.article)
            .is_some_and(|a| a.body.get(occ.span.clone()).is_some());
        if fits
            && is_visible.get(occ.article).copied().unwrap_or(false)
            && !out.iter().any(|(a, _)| *a == occ.article)
        {
            out.push((occ.article, occ.span.clone()));
        }
    }
    out.sort_by_key(|(a, _)| {
        let d = app.corpus.articles[*a].meta.date;
        (d.is_none(), d, *a)
    });
    out
}

/// The speaker of the quote each carrier's occurrence stands in, where one is named.
fn speakers(app: &App, carriers: &[(ArticleIdx, Span)]) -> Vec<(ArticleIdx, String)> {
    carriers
        .iter()
        .filter_map(|(a, span)| {
            let quotes = app.analysis.quotes.get(*a)?;
            let q = quotes
                .iter()
                .find(|q| q.outer.start < span.end && span.start < q.outer.end)?;
            Some((*a, q.speaker.clone()?))
        })
        .collect()
}

/// One speaker when all agree (else none and the list of who says whom).
fn agree(
    speakers: Vec<(ArticleIdx, String)>,
    fallback: Option<String>,
) -> (Option<String>, Vec<(ArticleIdx, String)>) {
    let mut names: Vec<&String> = speakers.iter().map(|(_, s)| s).collect();
    names.sort();
    names.dedup();
    match names.len() {
        0 => (fallback, Vec::new()),
        1 => (Some(names[0].clone()), Vec::new()),
        _ => (None, speakers),
    }
}
