//! The rows `parallax quotes` prints: one JSON object per statement (also the source of the
//! CSV and plain-text forms), with names and dates beside the article ids.

use std::fmt::Write as _;

use serde::Serialize;

use super::{carried_str, how_of, how_str, occurrence_text};
use crate::analysis::Analysis;
use crate::analysis::Span;
use crate::analysis::quotes::statements::{Occurrence, Statement};
use crate::corpus::{Article, ArticleIdx, Corpus};
use crate::export::csv_cell::write_record;

#[derive(Serialize)]
pub struct JsonSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Serialize)]
pub struct JsonArticle {
    pub article: String,
    pub outlet: Option<String>,
    pub date: Option<String>,
}

#[derive(Serialize)]
pub struct JsonOccurrence {
    #[serde(flatten)]
    pub article: JsonArticle,
    pub text: String,
    pub carried: &'static str,
    pub speaker: Option<String>,
    /// How the speaker was found: named, according-to, pronoun, role, statement.
    pub how: Option<&'static str>,
    pub mention: Option<JsonSpan>,
    pub cue: Option<JsonSpan>,
    pub fragments: Vec<JsonSpan>,
    pub changed: Vec<JsonSpan>,
}

#[derive(Serialize)]
pub struct JsonStatement {
    pub text: String,
    pub words: usize,
    pub speaker: Option<String>,
    pub articles: usize,
    pub first: JsonArticle,
    pub worded_differently: bool,
    pub attribution_differs: bool,
    pub occurrences: Vec<JsonOccurrence>,
    /// Related articles (sharing a passage with a carrier) that do not carry it.
    pub left_out: Vec<JsonArticle>,
}

fn span(a: &Article, s: &Span) -> JsonSpan {
    JsonSpan {
        start: s.start,
        end: s.end,
        text: a.body.get(s.clone()).unwrap_or_default().to_string(),
    }
}

fn article(corpus: &Corpus, idx: ArticleIdx) -> JsonArticle {
    let a = &corpus.articles[idx];
    JsonArticle {
        article: a.id.clone(),
        outlet: a.meta.source.clone(),
        date: a.meta.date_iso(),
    }
}

fn occurrence(corpus: &Corpus, analysis: &Analysis, o: &Occurrence) -> JsonOccurrence {
    let a = &corpus.articles[o.article];
    let quotes = analysis
        .quotes
        .get(o.article)
        .map_or(&[][..], Vec::as_slice);
    let q = how_of(quotes, o);
    JsonOccurrence {
        article: article(corpus, o.article),
        text: occurrence_text(a, o),
        carried: carried_str(o.carried),
        speaker: o.speaker.clone(),
        how: q.and_then(|q| q.how).map(how_str),
        mention: q.and_then(|q| q.mention.as_ref()).map(|s| span(a, s)),
        cue: q.and_then(|q| q.cue.as_ref()).map(|s| span(a, s)),
        fragments: o.spans.iter().map(|s| span(a, s)).collect(),
        changed: o.changed.iter().map(|s| span(a, s)).collect(),
    }
}

/// The row of one statement and the articles that leave it out.
pub fn json_statement(
    corpus: &Corpus,
    analysis: &Analysis,
    s: &Statement,
    left_out: &[ArticleIdx],
) -> JsonStatement {
    let occurrences: Vec<JsonOccurrence> = s
        .occurrences
        .iter()
        .map(|o| occurrence(corpus, analysis, o))
        .collect();
    JsonStatement {
        text: occurrences
            .get(s.longest)
            .map(|o| o.text.clone())
            .unwrap_or_default(),
        words: s.words,
        speaker: s.speaker.clone(),
        articles: s.occurrences.len(),
        first: article(corpus, s.occurrences.get(s.first).map_or(0, |o| o.article)),
        worded_differently: s.worded_differently,
        attribution_differs: s.attribution_differs,
        occurrences,
        left_out: left_out.iter().map(|&a| article(corpus, a)).collect(),
    }
}

fn name(a: &JsonArticle) -> String {
    let outlet = a.outlet.as_deref().unwrap_or("—");
    let date = a.date.as_deref().unwrap_or("—");
    format!("{outlet}, {date} ({})", a.article)
}

/// One statement as plain text.
pub fn plain_statement(out: &mut String, n: usize, s: &JsonStatement) {
    let who = s
        .speaker
        .as_deref()
        .map_or(String::from("unattributed"), str::to_string);
    let mut flags = Vec::new();
    if s.worded_differently {
        flags.push("worded differently");
    }
    if s.attribution_differs {
        flags.push("attributed differently");
    }
    let noun = if s.articles == 1 {
        "article"
    } else {
        "articles"
    };
    let _ = writeln!(out, "{n}. “{}” — {who}", s.text);
    let _ = writeln!(
        out,
        "   {} {noun} · first in {}{}",
        s.articles,
        name(&s.first),
        flags.iter().map(|f| format!(" · {f}")).collect::<String>()
    );
    if s.articles > 1 {
        for o in &s.occurrences {
            let by = o.speaker.as_deref().unwrap_or("unattributed");
            let changed: Vec<&str> = o.changed.iter().map(|c| c.text.as_str()).collect();
            let changed = if changed.is_empty() {
                String::new()
            } else {
                format!(" [{}]", changed.join(", "))
            };
            let _ = writeln!(
                out,
                "   - {}: {}{changed}, {by}",
                name(&o.article),
                o.carried
            );
        }
    }
    if !s.left_out.is_empty() {
        let names: Vec<String> = s.left_out.iter().map(name).collect();
        let _ = writeln!(out, "   left out by: {}", names.join("; "));
    }
    out.push('\n');
}

/// The rows as CSV, one row per occurrence.
pub fn csv(rows: &[JsonStatement]) -> anyhow::Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    write_record(
        &mut w,
        [
            "statement",
            "speaker",
            "article",
            "outlet",
            "date",
            "carried",
            "occurrence_speaker",
            "how",
            "start",
            "end",
            "text",
        ],
    )?;
    for (n, s) in rows.iter().enumerate() {
        for o in &s.occurrences {
            let (start, end) = (
                o.fragments.first().map_or(0, |f| f.start),
                o.fragments.last().map_or(0, |f| f.end),
            );
            write_record(
                &mut w,
                [
                    (n + 1).to_string(),
                    s.speaker.clone().unwrap_or_default(),
                    o.article.article.clone(),
                    o.article.outlet.clone().unwrap_or_default(),
                    o.article.date.clone().unwrap_or_default(),
                    o.carried.to_string(),
                    o.speaker.clone().unwrap_or_default(),
                    o.how.unwrap_or_default().to_string(),
                    start.to_string(),
                    end.to_string(),
                    o.text.clone(),
                ],
            )?;
        }
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}
