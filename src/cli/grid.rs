//! `parallax grid`: the outlet × entity grid of a story (`--story ID`) or of the whole
//! corpus, as a table, JSON or CSV: a row per entity, a column per outlet, in each cell how
//! often that outlet names it; entities named by every outlet first, by one outlet last.

use serde::Serialize;

use super::Status;
use super::output::{print_json, print_text, terminal_width};
use super::table::Table;
use crate::analysis::Analysis;
use crate::analysis::stories::grid::{self, Grid};
use crate::corpus::{ArticleIdx, Corpus};
use crate::export::csv_cell::write_record;

#[derive(Serialize)]
struct Cell<'a> {
    outlet: &'a str,
    mentions: u32,
    /// Ids of the articles of that outlet that name the entity.
    articles: Vec<&'a str>,
}

#[derive(Serialize)]
struct RowJson<'a> {
    entity: &'a str,
    kind: &'static str,
    outlets: usize,
    mentions: u32,
    cells: Vec<Cell<'a>>,
}

#[derive(Serialize)]
struct GridJson<'a> {
    story: Option<&'a str>,
    outlets: &'a [String],
    rows: Vec<RowJson<'a>>,
}

/// How the grid is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Csv,
}

/// `parallax grid [--json|--csv] [--story ID]`.
pub fn run(
    corpus: &Corpus,
    analysis: &Analysis,
    story: Option<&str>,
    format: Format,
) -> anyhow::Result<Status> {
    let Some(articles) = super::resolve::story_articles(corpus, &analysis.stories, story) else {
        return Ok(Status::Usage);
    };
    let g = grid::grid(corpus, &analysis.entities, &articles);
    match format {
        Format::Json => print_json(&json(corpus, analysis, &articles, &g, story))?,
        Format::Csv => print_text(&csv(analysis, &g)?)?,
        Format::Table => print_text(&table(analysis, &g).render(terminal_width()))?,
    }
    Ok(Status::Ok)
}

fn json<'a>(
    corpus: &'a Corpus,
    analysis: &'a Analysis,
    articles: &[ArticleIdx],
    g: &'a Grid,
    story: Option<&'a str>,
) -> GridJson<'a> {
    let rows = g
        .rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let e = &analysis.entities.entities[row.entity];
            let cells = row
                .counts
                .iter()
                .enumerate()
                .filter(|(_, c)| **c > 0)
                .map(|(c, &mentions)| Cell {
                    outlet: &g.outlets[c],
                    mentions,
                    articles: grid::cell_articles(corpus, &analysis.entities, articles, g, r, c)
                        .into_iter()
                        .filter_map(|a| corpus.articles.get(a).map(|a| a.id.as_str()))
                        .collect(),
                })
                .collect();
            RowJson {
                entity: &e.name,
                kind: e.kind.as_str(),
                outlets: row.outlets,
                mentions: row.total,
                cells,
            }
        })
        .collect();
    GridJson {
        story,
        outlets: &g.outlets,
        rows,
    }
}

fn csv(analysis: &Analysis, g: &Grid) -> anyhow::Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec![
        "entity".to_string(),
        "kind".to_string(),
        "outlets".to_string(),
    ];
    header.extend(g.outlets.iter().cloned());
    write_record(&mut w, &header)?;
    for row in &g.rows {
        let e = &analysis.entities.entities[row.entity];
        let mut rec = vec![
            e.name.clone(),
            e.kind.as_str().to_string(),
            row.outlets.to_string(),
        ];
        rec.extend(row.counts.iter().map(u32::to_string));
        write_record(&mut w, &rec)?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}

fn table(analysis: &Analysis, g: &Grid) -> Table {
    let mut t = Table::new(["ENTITY", "OUTLETS"]);
    t.extend_header(g.outlets.iter().cloned());
    for row in &g.rows {
        let e = &analysis.entities.entities[row.entity];
        let mut cells = vec![
            e.name.clone(),
            format!("{}/{}", row.outlets, g.outlets.len()),
        ];
        cells.extend(row.counts.iter().map(|&c| {
            if c == 0 {
                "·".to_string()
            } else {
                c.to_string()
            }
        }));
        t.row(cells);
    }
    t
}
