//! `parallax passages`: the passages two or more articles share, most widely carried first,
//! then longest; as JSON (byte offsets into the bodies `show --json` prints) or as plain
//! text with each passage's speaker and the outlets and dates that carry it; with `--csv`,
//! one row per occurrence for spreadsheets ([`crate::export::quotes_csv`]).

use serde::Serialize;

use super::Status;
use super::args::PassagesArgs;
use super::output::{print_json, print_text};
use crate::analysis::Analysis;
use crate::analysis::passages::{Label, Passage};
use crate::analysis::stories::scope;
use crate::corpus::{ArticleIdx, Corpus};
use crate::text::{count, sanitize_for_terminal};

#[derive(Serialize)]
struct JsonOccurrence<'a> {
    article: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    quoted: bool,
}

#[derive(Serialize)]
struct JsonPassage<'a> {
    text: &'a str,
    words: usize,
    quoted: bool,
    quoted_in: &'static str,
    speaker: Option<&'a str>,
    label: Label,
    similarity: f32,
    occurrences: Vec<JsonOccurrence<'a>>,
}

fn json_passage<'a>(corpus: &'a Corpus, p: &'a Passage) -> JsonPassage<'a> {
    let occurrences: Vec<JsonOccurrence> = p
        .occurrences
        .iter()
        .map(|o| {
            let a = &corpus.articles[o.article];
            JsonOccurrence {
                article: &a.id,
                start: o.span.start,
                end: o.span.end,
                text: a.body.get(o.span.clone()).unwrap_or_default(),
                quoted: o.quoted,
            }
        })
        .collect();
    JsonPassage {
        text: occurrences.get(p.longest()).map_or("", |o| o.text),
        words: p.words,
        quoted: p.occurrences.iter().any(|o| o.quoted),
        quoted_in: p.quoted.as_str(),
        speaker: p.speaker.as_deref(),
        label: p.label,
        similarity: (p.similarity * 1000.0).round() / 1000.0,
        occurrences,
    }
}

/// `parallax passages [--json | --csv] [--story ID] [PATH...]`, from the analysis of
/// `corpus`.
pub fn run(corpus: &Corpus, analysis: &Analysis, args: &PassagesArgs) -> anyhow::Result<Status> {
    let inside;
    let passages = match args.story.as_deref() {
        None => &analysis.passages.passages,
        Some(id) => {
            let stories = &analysis.stories;
            let Some(articles) = super::resolve::story_articles(corpus, stories, Some(id)) else {
                return Ok(Status::Usage);
            };
            inside = of_story(corpus, analysis, &articles);
            &inside
        }
    };
    if args.csv {
        let mut csv = Vec::new();
        crate::export::quotes_csv::write(corpus, passages, &mut csv)?;
        print_text(&String::from_utf8_lossy(&csv))?;
    } else if args.common.json {
        let out: Vec<JsonPassage> = passages.iter().map(|p| json_passage(corpus, p)).collect();
        print_json(&out)?;
    } else {
        print_text(&sanitize_for_terminal(&plain(corpus, passages)))?;
    }
    Ok(Status::Ok)
}

/// The passages two or more of `articles` share ([`scope::passages`]), each with only its
/// occurrences among them ([`scope::narrowed_passage`]).
fn of_story(corpus: &Corpus, analysis: &Analysis, articles: &[ArticleIdx]) -> Vec<Passage> {
    let index = &analysis.passages;
    scope::passages(index, articles)
        .into_iter()
        .filter_map(|sp| {
            let p = index.passages.get(sp.passage)?;
            Some(scope::narrowed_passage(
                corpus,
                &analysis.quotes,
                p,
                &sp.occurrences,
            ))
        })
        .collect()
}

fn plain(corpus: &Corpus, passages: &[Passage]) -> String {
    let mut out = String::new();
    if passages.is_empty() {
        out.push_str("No passage is shared by two or more articles.\n");
    }
    for (n, p) in passages.iter().enumerate() {
        let text = p
            .occurrences
            .get(p.longest())
            .and_then(|o| corpus.articles[o.article].body.get(o.span.clone()))
            .unwrap_or_default();
        let mut facts = vec![
            carried_by(p),
            count(p.words, "word"),
            p.label.as_str().to_string(),
            format!("{:.0}% similar", p.similarity * 100.0),
            format!("quoted in {}", p.quoted.as_str()),
        ];
        if let Some(s) = &p.speaker {
            facts.push(format!("said by {s}"));
        }
        out.push_str(&format!("{}. {}\n", n + 1, facts.join(" · ")));
        out.push_str(&format!("   {}\n", text.replace('\n', " ")));
        for o in &p.occurrences {
            let a = &corpus.articles[o.article];
            let date = a.meta.date_shown();
            let source = a.meta.source.as_deref().unwrap_or("—");
            let mark = if o.quoted { " (quoted)" } else { "" };
            out.push_str(&format!("   - {source}, {date}, {}{mark}\n", a.id));
        }
        out.push('\n');
    }
    out
}

/// "2 articles", or "2 articles, 3 occurrences" when an article carries it twice.
fn carried_by(p: &crate::analysis::passages::Passage) -> String {
    let (articles, occurrences) = (p.article_count(), p.occurrences.len());
    if occurrences == articles {
        count(articles, "article")
    } else {
        let (a, o) = (articles, occurrences);
        format!("{}, {}", count(a, "article"), count(o, "occurrence"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Config, analyse};

    #[test]
    fn json_occurrences_are_exact_slices_of_the_bodies() {
        let shared =
            "“We will rebuild the old harbour with our own hands before winter,” Berg said.";
        let bodies = [
            format!("Première ligne — café. {shared} Then more."),
            format!("Другой текст. {shared}"),
        ];
        let corpus = Corpus::from_bodies(bodies);
        let analysis = analyse(&corpus, &Config::default());
        let p = &analysis.passages.passages[0];
        let j = json_passage(&corpus, p);
        assert!(j.quoted);
        assert_eq!(j.quoted_in, "all");
        assert_eq!(j.speaker, Some("Berg"));
        for o in &j.occurrences {
            let body = &corpus.articles[corpus.find(o.article).unwrap_or(0)].body;
            assert_eq!(&body[o.start..o.end], o.text);
        }
        let value = serde_json::to_value(&j).unwrap_or_default();
        assert_eq!(value["label"], "verbatim");
        assert!(plain(&corpus, &analysis.passages.passages).contains("said by Berg"));
    }
}
