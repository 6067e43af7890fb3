//! `parallax stories`: the stories of a corpus, as JSON (id, label, headline, articles,
//! outlets, date span, shared passages and quotes) or as a table, largest first.

use serde::Serialize;

use super::Status;
use super::output::{print_json, print_text, terminal_width};
use super::table::Table;
use crate::analysis::Analysis;
use crate::analysis::stories::{Story, summary};
use crate::corpus::Corpus;

/// One story as `stories --json` prints it.
#[derive(Serialize)]
pub struct StoryJson<'a> {
    pub id: &'a str,
    pub label: String,
    pub headline: &'a str,
    /// Its most characteristic entities, most first.
    pub entities: Vec<&'a str>,
    pub terms: &'a [String],
    /// Ids of its articles, by date (undated last).
    pub articles: Vec<&'a str>,
    pub outlets: Vec<String>,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub undated: usize,
    pub passages: usize,
    pub quotes: usize,
    pub cohesion: f32,
}

/// The JSON form of `story`.
pub fn story_json<'a>(
    corpus: &'a Corpus,
    analysis: &'a Analysis,
    story: &'a Story,
) -> StoryJson<'a> {
    let sum = summary::summarize(corpus, story);
    let ents = &analysis.entities.entities;
    StoryJson {
        id: &story.id,
        label: story.label(&analysis.entities),
        headline: corpus
            .articles
            .get(story.headline)
            .map_or("", |a| a.meta.title.as_str()),
        entities: story
            .entities
            .iter()
            .filter_map(|&e| ents.get(e).map(|e| e.name.as_str()))
            .collect(),
        terms: &story.terms,
        articles: story
            .articles
            .iter()
            .filter_map(|&a| corpus.articles.get(a).map(|a| a.id.as_str()))
            .collect(),
        outlets: sum.outlets,
        first_date: sum.first.map(crate::metadata::iso),
        last_date: sum.last.map(crate::metadata::iso),
        undated: sum.undated,
        passages: story.passages,
        quotes: story.quotes,
        cohesion: story.cohesion,
    }
}

/// `YYYY-MM-DD`, `A – B` or `–` for a story's dates.
fn span(s: &StoryJson<'_>) -> String {
    match (&s.first_date, &s.last_date) {
        (Some(a), Some(b)) if a == b => a.clone(),
        (Some(a), Some(b)) => format!("{a} – {b}"),
        _ => "–".to_string(),
    }
}

/// `parallax stories [--json]`.
pub fn run(corpus: &Corpus, analysis: &Analysis, json: bool) -> anyhow::Result<Status> {
    let rows: Vec<StoryJson<'_>> = analysis
        .stories
        .stories
        .iter()
        .map(|s| story_json(corpus, analysis, s))
        .collect();
    if json {
        print_json(&rows)?;
        return Ok(Status::Ok);
    }
    let mut t = Table::new(["ID", "ARTICLES", "OUTLETS", "DATES", "SHARED", "LABEL"]);
    for r in &rows {
        t.row(vec![
            r.id.to_string(),
            r.articles.len().to_string(),
            r.outlets.len().to_string(),
            span(r),
            (r.passages + r.quotes).to_string(),
            format!("{} — {}", r.label, r.headline),
        ]);
    }
    print_text(&t.render(terminal_width()))?;
    Ok(Status::Ok)
}
