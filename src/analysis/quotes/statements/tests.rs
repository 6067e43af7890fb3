use chrono::NaiveDate;

use super::*;
use crate::analysis::quotes::find_in;
use crate::corpus::{Article, Metadata};

fn corpus(bodies: &[(&str, Option<&str>)]) -> (Corpus, Vec<Vec<Quote>>) {
    let articles: Vec<Article> = bodies
        .iter()
        .enumerate()
        .map(|(i, (body, date))| {
            let metadata = Metadata {
                date: date.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
                ..Metadata::default()
            };
            Article::new(
                format!("a{i}"),
                format!("a{i}.txt"),
                metadata,
                (*body).into(),
            )
        })
        .collect();
    let quotes = articles.iter().map(|a| find_in(&a.body, &[])).collect();
    let corpus = Corpus {
        name: "t".into(),
        articles,
    };
    (corpus, quotes)
}

fn text(c: &Corpus, o: &Occurrence) -> String {
    let body = &c.articles[o.article].body;
    o.spans
        .iter()
        .map(|s| &body[s.clone()])
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn one_statement_carried_verbatim_in_part_and_reworded() {
    let (c, q) = corpus(&[
        (
            "“We will rebuild every school in the valley before winter,” said Mayor Ines Marlow.",
            Some("2025-03-03"),
        ),
        (
            "Ines Marlow said the town would “rebuild every school in the valley”.",
            Some("2025-03-02"),
        ),
        (
            "“We shall rebuild every school in the valley before the winter,” officials said.",
            None,
        ),
        ("“The weather is fine today,” said Tom Berg.", None),
    ]);
    let statements = find(&c, &q);
    let s = &statements[0];
    assert_eq!(s.occurrences.len(), 3, "{statements:#?}");
    let carried: Vec<(usize, Carried)> = s
        .occurrences
        .iter()
        .map(|o| (o.article, o.carried))
        .collect();
    assert!(carried.contains(&(1, Carried::Partial)), "{carried:?}");
    assert!(s.worded_differently);
    assert_eq!(
        s.occurrences[s.first].article, 1,
        "the earliest date carries it first"
    );
    assert!(s.attribution_differs, "officials against Ines Marlow");
    assert_eq!(s.speaker.as_deref(), Some("Ines Marlow"));
    let reworded = s
        .occurrences
        .iter()
        .find(|o| o.carried == Carried::Reworded)
        .expect("reworded");
    let body = &c.articles[reworded.article].body;
    let changed: Vec<&str> = reworded.changed.iter().map(|r| &body[r.clone()]).collect();
    assert_eq!(changed, ["will"]);
    assert_eq!(
        text(&c, &s.occurrences[s.longest])
            .split_whitespace()
            .count(),
        11
    );
    assert_eq!(statements.len(), 2, "the unrelated quote stands alone");
}

#[test]
fn common_phrases_do_not_join_statements() {
    let (c, q) = corpus(&[
        ("“I am not sure we are going to win,” said Ana Ruiz.", None),
        (
            "“I am not sure what is going to happen next,” said Tom Berg.",
            None,
        ),
        (
            "“At the end of the day, it is going to be fine,” said Li Wei.",
            None,
        ),
        ("“At the end of the day we lost,” said Jo Kim.", None),
    ]);
    let statements = find(&c, &q);
    assert!(
        statements.iter().all(|s| s.occurrences.len() == 1),
        "{statements:#?}"
    );
}

#[test]
fn left_out_lists_the_members_that_do_not_carry_it() {
    let (c, q) = corpus(&[
        (
            "“The bridge will reopen on Monday morning,” said Ana Ruiz.",
            None,
        ),
        (
            "“The bridge will reopen on Monday morning,” Ana Ruiz said.",
            None,
        ),
        ("The bridge stays shut.", None),
    ]);
    let statements = find(&c, &q);
    assert_eq!(statements[0].occurrences.len(), 2);
    assert_eq!(left_out(&statements[0], &[0, 1, 2]), [2]);
}
