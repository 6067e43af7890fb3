//! `parallax omissions ID`: what the other outlets of an article's story carry and this
//! article leaves out (shared passages, quotes, and the people, organisations and places
//! most of them name), as JSON or as plain lines.

use serde::Serialize;

use super::Status;
use super::output::{print_json, print_text};
use crate::analysis::Analysis;
use crate::analysis::stories::omissions::{self, Missing, Sources};
use crate::corpus::Corpus;

/// Something left out, as printed.
#[derive(Serialize)]
struct Item<'a> {
    /// The passage's text (its longest occurrence), or the entity's name.
    text: String,
    /// The entity's kind; absent for a passage.
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    outlets: &'a [String],
    articles: Vec<&'a str>,
}

#[derive(Serialize)]
struct Report<'a> {
    article: &'a str,
    outlet: &'a str,
    story: &'a str,
    other_outlets: &'a [String],
    passages: Vec<Item<'a>>,
    quotes: Vec<Item<'a>>,
    entities: Vec<Item<'a>>,
}

fn ids<'a>(corpus: &'a Corpus, m: &Missing) -> Vec<&'a str> {
    m.articles
        .iter()
        .filter_map(|&a| corpus.articles.get(a).map(|a| a.id.as_str()))
        .collect()
}

/// `parallax omissions [--json] ID`.
pub fn run(corpus: &Corpus, analysis: &Analysis, id: &str, json: bool) -> anyhow::Result<Status> {
    let Some(a) = corpus.find(id) else {
        eprintln!(
            "parallax: no article {}",
            crate::text::sanitize_for_terminal(id)
        );
        return Ok(Status::Usage);
    };
    let src = Sources {
        corpus,
        entities: &analysis.entities,
        passages: &analysis.passages,
        stories: &analysis.stories,
    };
    let Some(o) = omissions::omissions(src, a) else {
        anyhow::bail!("the analysis has no story for this article");
    };
    let mut report = Report {
        article: &corpus.articles[a].id,
        outlet: &o.outlet,
        story: analysis
            .stories
            .stories
            .get(o.story)
            .map_or("", |s| s.id.as_str()),
        other_outlets: &o.others,
        passages: Vec::new(),
        quotes: Vec::new(),
        entities: Vec::new(),
    };
    for (out, list) in [
        (&mut report.passages, &o.passages),
        (&mut report.quotes, &o.quotes),
    ] {
        for m in list {
            out.push(Item {
                text: omissions::passage_text(corpus, &analysis.passages, m.index).to_string(),
                kind: None,
                outlets: &m.outlets,
                articles: ids(corpus, m),
            });
        }
    }
    for m in &o.entities {
        let e = analysis.entities.entities.get(m.index);
        report.entities.push(Item {
            text: e.map(|e| e.name.clone()).unwrap_or_default(),
            kind: e.map(|e| e.kind.as_str()),
            outlets: &m.outlets,
            articles: ids(corpus, m),
        });
    }
    if json {
        print_json(&report)?;
    } else {
        print_text(&render(&report))?;
    }
    Ok(Status::Ok)
}

/// The report as plain lines.
fn render(r: &Report<'_>) -> String {
    let clean = crate::text::sanitize_for_terminal;
    let mut out = format!(
        "{} ({}) in story {}; other outlets: {}\n",
        clean(r.article),
        clean(r.outlet),
        r.story,
        clean(&r.other_outlets.join(", "))
    );
    for (title, items) in [
        ("Passages the others carry", &r.passages),
        ("Quotes the others carry", &r.quotes),
        ("Named by most others", &r.entities),
    ] {
        out.push_str(&format!("\n{title}: {}\n", items.len()));
        for i in items {
            let text = clean(&i.text).replace('\n', " ");
            out.push_str(&format!("  - {text}  [{}]\n", clean(&i.outlets.join(", "))));
        }
    }
    out
}
