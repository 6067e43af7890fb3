//! `parallax show ID`: one article's metadata and clean body.

use serde::Serialize;

use super::Status;
use super::args::ShowArgs;
use super::output::{print_json, print_text};
use crate::analysis::Analysis;
use crate::corpus::{Article, Corpus};

mod quotes;
use crate::text::sanitize_for_terminal;

/// An article with its body and its quotes, as `show --json` prints it.
#[derive(Serialize)]
struct WithBody<'a> {
    #[serde(flatten)]
    article: &'a Article,
    body: &'a str,
    quotes: Vec<quotes::ArticleQuote>,
    /// The articles sharing passages with this one, most first.
    partners: Vec<Partner<'a>>,
}

/// An article that shares passages with the one shown.
#[derive(Serialize)]
struct Partner<'a> {
    article: &'a str,
    outlet: Option<&'a str>,
    shared_passages: usize,
    /// Whether it is of the same story (the reader compares inside the story first).
    same_story: bool,
}

/// `parallax show [--json] ID`; `analysis` gives the article's quotes (with `--json`).
pub fn run(
    corpus: &Corpus,
    analysis: Option<&Analysis>,
    args: &ShowArgs,
) -> anyhow::Result<Status> {
    let Some(idx) = super::resolve::article(corpus, &args.id) else {
        return Ok(Status::Usage);
    };
    let a = &corpus.articles[idx];
    if args.common.json {
        let quotes = analysis
            .and_then(|an| an.quotes.get(idx).map(|q| quotes::of_article(a, q, an)))
            .unwrap_or_default();
        let partners = analysis.map_or_else(Vec::new, |an| partners(corpus, an, idx));
        print_json(&WithBody {
            article: a,
            body: &a.body,
            quotes,
            partners,
        })?;
    } else {
        print_text(&sanitize_for_terminal(&plain(a)))?;
    }
    Ok(Status::Ok)
}

/// The articles sharing passages with `idx`, most first, each marked when of its story.
fn partners<'a>(corpus: &'a Corpus, an: &Analysis, idx: usize) -> Vec<Partner<'a>> {
    let story = |a: usize| an.stories.of_article.get(a).copied();
    an.passages
        .partners(idx)
        .into_iter()
        .filter_map(|(b, n)| {
            let other = corpus.articles.get(b)?;
            Some(Partner {
                article: &other.id,
                outlet: other.meta.source.as_deref(),
                shared_passages: n,
                same_story: story(b).is_some() && story(b) == story(idx),
            })
        })
        .collect()
}

fn plain(a: &Article) -> String {
    let m = &a.meta;
    let mut out = format!("{}\n", m.title);
    if let Some(s) = &m.subtitle {
        out.push_str(&format!("{s}\n"));
    }
    let mut facts = Vec::new();
    if let Some(s) = &m.source {
        facts.push(s.clone());
    }
    if let Some(a) = &m.author {
        facts.push(format!("by {a}"));
    }
    if let Some(d) = m.date {
        facts.push(format!(
            "{}{}",
            crate::metadata::iso(d),
            if m.date_inferred {
                " (year inferred)"
            } else {
                ""
            }
        ));
    }
    if let Some(d) = &m.dateline {
        facts.push(d.clone());
    }
    if let Some(u) = &m.url {
        facts.push(u.clone());
    }
    facts.push(crate::text::count(a.words, "word"));
    out.push_str(&format!("{}\n", facts.join(" · ")));
    if !m.tags.is_empty() {
        out.push_str(&format!("tags: {}\n", m.tags.join(", ")));
    }
    out.push('\n');
    out.push_str(&a.body);
    out.push('\n');
    out
}
