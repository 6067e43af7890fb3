//! `parallax entities`: the entities of a corpus, as JSON ({name, kind, aliases, roles,
//! articles, mentions}) or as an aligned table, most widely named first.

use serde::Serialize;

use super::Status;
use super::output::{print_json, print_text, terminal_width};
use super::table::Table;
use crate::analysis::entities::roles::roles;
use crate::analysis::entities::{Entity, EntityIndex};
use crate::corpus::Corpus;

/// One entity as `entities --json` prints it.
#[derive(Serialize)]
struct Row<'a> {
    name: &'a str,
    kind: &'static str,
    aliases: &'a [String],
    /// A person's titles, ranks and nationality words, most often written first.
    roles: Vec<String>,
    /// Ids of the articles that mention it.
    articles: Vec<&'a str>,
    /// Number of mentions.
    mentions: usize,
}

fn row<'a>(corpus: &'a Corpus, e: &'a Entity) -> Row<'a> {
    Row {
        name: &e.name,
        kind: e.kind.as_str(),
        aliases: &e.aliases,
        roles: roles(corpus, e),
        articles: e
            .articles()
            .into_iter()
            .filter_map(|a| corpus.articles.get(a).map(|a| a.id.as_str()))
            .collect(),
        mentions: e.mentions.len(),
    }
}

/// `parallax entities [--json]`, over the entities of `corpus` (`index`).
pub fn run(corpus: &Corpus, index: &EntityIndex, json: bool) -> anyhow::Result<Status> {
    let rows: Vec<Row<'_>> = index.entities.iter().map(|e| row(corpus, e)).collect();
    if json {
        print_json(&rows)?;
    } else {
        let mut t = Table::new(["NAME", "KIND", "ARTICLES", "MENTIONS", "ALIASES"]);
        for r in &rows {
            t.row(vec![
                r.name.to_string(),
                r.kind.to_string(),
                r.articles.len().to_string(),
                r.mentions.to_string(),
                r.aliases.join(", "),
            ]);
        }
        print_text(&t.render(terminal_width()))?;
    }
    Ok(Status::Ok)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Article, Metadata};

    #[test]
    fn json_rows_name_articles_by_id() {
        let corpus = Corpus {
            name: "t".into(),
            articles: ["Joe Biden met Putin.", "Biden left Geneva."]
                .iter()
                .enumerate()
                .map(|(i, b)| {
                    Article::new(
                        format!("id{i}"),
                        String::new(),
                        Metadata::default(),
                        b.to_string(),
                    )
                })
                .collect(),
        };
        let index = crate::analysis::entities::extract(&corpus);
        let rows: Vec<Row<'_>> = index.entities.iter().map(|e| row(&corpus, e)).collect();
        let json = serde_json::to_value(&rows).expect("json");
        assert_eq!(json[0]["name"], "Joe Biden");
        assert_eq!(json[0]["kind"], "person");
        assert_eq!(json[0]["articles"], serde_json::json!(["id0", "id1"]));
        assert_eq!(json[0]["mentions"], 2);
        assert_eq!(json[0]["aliases"], serde_json::json!(["Biden"]));
        assert_eq!(json[0]["roles"], serde_json::json!([]));
    }

    #[test]
    fn json_rows_carry_roles() {
        let corpus = Corpus::from_bodies(["Foreign Ministry spokeswoman Maria Zakharova spoke."]);
        let index = crate::analysis::entities::extract(&corpus);
        let rows: Vec<Row<'_>> = index.entities.iter().map(|e| row(&corpus, e)).collect();
        let json = serde_json::to_value(&rows).expect("json");
        let person = json
            .as_array()
            .and_then(|a| a.iter().find(|r| r["name"] == "Maria Zakharova"))
            .expect("person row");
        assert_eq!(
            person["roles"],
            serde_json::json!(["Foreign Ministry spokeswoman"])
        );
    }
}
