//! `parallax list`: the articles as an aligned table or as JSON metadata.

use super::Status;
use super::args::ListArgs;
use super::output::say;
use super::output::{print_json, print_text, terminal_width};
use super::table::Table;
use crate::analysis::entities;
use crate::corpus::{Article, Corpus};
use crate::filter;

/// `parallax list [--json] [--entity QUERY]...`
pub fn run(corpus: &Corpus, args: &ListArgs) -> anyhow::Result<Status> {
    let mut selected: Vec<&Article> = if args.entity.is_empty() {
        corpus.articles.iter().collect()
    } else {
        filtered(corpus, &args.entity)
    };
    if let Some(q) = &args.text {
        let hits = filter::TextIndex::build(corpus).search(corpus, q);
        let ids: std::collections::HashSet<&str> = hits
            .iter()
            .map(|&i| corpus.articles[i].id.as_str())
            .collect();
        selected.retain(|a| ids.contains(a.id.as_str()));
        if selected.is_empty() {
            eprintln!("text {q:?}: no article has it");
        }
    }
    if let Some(key) = args
        .sort
        .as_deref()
        .and_then(crate::corpus::order::SortKey::parse)
    {
        sort(corpus, &mut selected, key);
    }
    if args.common.json {
        print_json(&selected)?;
    } else {
        print_text(&table(&selected).render(terminal_width()))?;
    }
    Ok(Status::Ok)
}

/// The articles that mention the best match of every query (AND); notes on stderr say
/// which entity each query picked, or that it matched none.
fn filtered<'a>(corpus: &'a Corpus, queries: &[String]) -> Vec<&'a Article> {
    let index = entities::extract(corpus);
    let mut picked = Vec::new();
    for q in queries {
        match filter::best_match(&index, q) {
            Some(m) => {
                let e = &index.entities[m.entity];
                let n = e.articles().len();
                let plural = if n == 1 { "" } else { "s" };
                say!(
                    "entity {q:?}: {} ({}, {n} article{plural})",
                    e.name,
                    e.kind.as_str()
                );
                picked.push(m.entity);
            }
            None => {
                say!("entity {q:?}: no entity matches");
                return Vec::new();
            }
        }
    }
    filter::articles_mentioning_all(&index, &picked)
        .into_iter()
        .filter_map(|a| corpus.articles.get(a))
        .collect()
}

/// Puts `selected` in the order `key` (shared passages counted by the analysis).
fn sort<'a>(
    corpus: &'a Corpus,
    selected: &mut Vec<&'a Article>,
    key: crate::corpus::order::SortKey,
) {
    let shared: Vec<usize> = if key == crate::corpus::order::SortKey::Shared {
        let analysis = crate::analysis::analyse(corpus, &crate::analysis::Config::default());
        let mut counts = vec![0; corpus.len()];
        for p in &analysis.passages.passages {
            let mut carriers: Vec<usize> = p.occurrences.iter().map(|o| o.article).collect();
            carriers.sort_unstable();
            carriers.dedup();
            for a in carriers {
                if let Some(c) = counts.get_mut(a) {
                    *c += 1;
                }
            }
        }
        counts
    } else {
        Vec::new()
    };
    let index: std::collections::HashMap<&str, usize> = corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut idx: Vec<usize> = selected
        .iter()
        .filter_map(|a| index.get(a.id.as_str()).copied())
        .collect();
    crate::corpus::order::sort(corpus, &mut idx, key, &|a| {
        shared.get(a).copied().unwrap_or(0)
    });
    *selected = idx.into_iter().map(|i| &corpus.articles[i]).collect();
}

/// The article table, as `parallax` prints it without a subcommand.
pub fn run_table(corpus: &Corpus) -> anyhow::Result<Status> {
    let all: Vec<&Article> = corpus.articles.iter().collect();
    print_text(&table(&all).render(terminal_width()))?;
    Ok(Status::Ok)
}

fn table(articles: &[&Article]) -> Table {
    let mut t = Table::new(["ID", "DATE", "SOURCE", "TITLE"]);
    for a in articles {
        let date = a.meta.date_shown();
        let source = a.meta.source.clone().unwrap_or_else(|| "—".to_string());
        t.row(vec![a.id.clone(), date, source, a.meta.title.clone()]);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        let bodies = [
            "Foreign Ministry spokeswoman Maria Zakharova spoke in Moscow.",
            "Zakharova met Joe Biden.",
            "Joe Biden was in Geneva.",
        ];
        Corpus::from_bodies(bodies)
    }

    fn ids(corpus: &Corpus, queries: &[&str]) -> Vec<String> {
        let queries: Vec<String> = queries.iter().map(|q| q.to_string()).collect();
        filtered(corpus, &queries)
            .iter()
            .map(|a| a.id.clone())
            .collect()
    }

    #[test]
    fn entity_queries_and_together() {
        let c = corpus();
        assert_eq!(ids(&c, &["zakh"]), ["a0", "a1"]);
        assert_eq!(ids(&c, &["zakh", "biden"]), ["a1"]);
        assert_eq!(ids(&c, &["qqqq"]), Vec::<String>::new());
    }
}
