//! The story scope on constructed statements and passages whose answers are known.

use super::*;
use crate::analysis::passages::{Label, Occurrence as At, Passage, Quoted};
use crate::analysis::quotes::statements::{Carried, Occurrence};
use crate::analysis::stories::Story;
use crate::corpus::{Article, Metadata};

/// Seven articles; `dates[i]` the day of March 2024 article `i` appeared (0: undated).
fn corpus() -> Corpus {
    let dates = [3, 1, 0, 2, 5, 4, 6];
    let articles = dates
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            let meta = Metadata {
                title: format!("a{i}"),
                date: (d > 0)
                    .then(|| chrono::NaiveDate::from_ymd_opt(2024, 3, d))
                    .flatten(),
                ..Metadata::default()
            };
            Article::new(format!("a{i}"), format!("a{i}.txt"), meta, String::new())
        })
        .collect();
    Corpus {
        name: "t".into(),
        articles,
    }
}

fn story(articles: Vec<ArticleIdx>) -> Story {
    Story::of(articles, &[])
}

/// Articles 0–3 one story, 4 and 5 another, 6 alone.
fn stories() -> StoryIndex {
    StoryIndex {
        stories: vec![story(vec![0, 1, 2, 3]), story(vec![4, 5]), story(vec![6])],
        of_article: vec![0, 0, 0, 0, 1, 1, 2],
    }
}

fn statement(carriers: &[ArticleIdx]) -> Statement {
    let occurrences = carriers
        .iter()
        .map(|&article| Occurrence {
            article,
            quotes: vec![0],
            spans: std::iter::once(0..1).collect(),
            speaker: None,
            speaker_entity: None,
            carried: Carried::Verbatim,
            changed: Vec::new(),
        })
        .collect();
    Statement {
        occurrences,
        longest: 0,
        first: 0,
        speaker: None,
        speaker_entity: None,
        attribution_differs: false,
        worded_differently: false,
        words: 5,
    }
}

#[test]
fn a_story_is_the_scope_of_its_articles_unless_it_has_one() {
    let s = stories();
    assert_eq!(story_of(&s, 2), Some(0));
    assert_eq!(story_of(&s, 5), Some(1));
    assert_eq!(story_of(&s, 6), None, "alone in its story: every story");
    assert_eq!(story_of(&s, 99), None, "no such article");
    assert_eq!(restrict(&s, Some(1), &[6, 5, 0, 4]), [5, 4], "order kept");
    assert_eq!(restrict(&s, None, &[6, 5]), [6, 5]);
    assert!(restrict(&s, Some(9), &[0, 1]).is_empty(), "no such story");
}

#[test]
fn statements_inside_a_story_count_only_its_carriers() {
    let c = corpus();
    let s = stories();
    // 0: the story's 0, 1, 3 and the other story's 4, 5; 1: only the other story;
    // 2: two carriers of the story and one outside.
    let all = [
        statement(&[4, 0, 5, 3, 1]),
        statement(&[4, 5]),
        statement(&[6, 2, 1]),
    ];
    let scope = restrict(&s, Some(0), &[0, 1, 2, 3, 4, 5, 6]);
    let got = statements(&c, &s, &all, &scope);
    let ids: Vec<usize> = got.iter().map(|x| x.statement).collect();
    assert_eq!(ids, [0, 2], "statement 1 is carried outside the story only");
    let carriers: Vec<ArticleIdx> = got[0]
        .occurrences
        .iter()
        .map(|&k| all[0].occurrences[k].article)
        .collect();
    assert_eq!(
        carriers,
        [1, 3, 0],
        "earliest first, the other story's left out"
    );
    assert_eq!(got[0].left_out, [2], "three of the story's four carry it");
    assert!(got[1].left_out.is_empty(), "two of four is not most");
    let undated: Vec<ArticleIdx> = got[1]
        .occurrences
        .iter()
        .map(|&k| all[2].occurrences[k].article)
        .collect();
    assert_eq!(undated, [1, 2], "undated last");
}

#[test]
fn every_story_counts_every_carrier_and_orders_by_carriers() {
    let c = corpus();
    let s = stories();
    let all = [statement(&[6]), statement(&[4, 5, 0])];
    let got = statements(&c, &s, &all, &[0, 1, 2, 3, 4, 5, 6]);
    assert_eq!(got[0].statement, 1, "most carriers first");
    assert_eq!(got[0].occurrences.len(), 3);
    assert!(
        got[0].left_out.is_empty(),
        "two of a story, one of four: nobody"
    );
    assert!(
        statements(&c, &s, &all, &[]).is_empty(),
        "an empty scope carries nothing"
    );
}

#[test]
fn every_story_leaves_out_inside_each_carrying_story() {
    let c = corpus();
    let s = stories();
    // Three of the first story's four carry it, and both articles of the second: the
    // first story's fourth article leaves it out; 6 (a story of its own) is not asked.
    let all = [statement(&[0, 1, 3, 4, 5])];
    let got = statements(&c, &s, &all, &[0, 1, 2, 3, 4, 5, 6]);
    assert_eq!(got[0].left_out, [2]);
    let narrowed = narrowed(&c, &all[0], &got[0].occurrences);
    let order: Vec<ArticleIdx> = narrowed.occurrences.iter().map(|o| o.article).collect();
    assert_eq!(order, [1, 3, 0, 5, 4], "earliest first");
    assert_eq!(narrowed.first, 0);
}

#[test]
fn left_out_needs_most_and_at_least_three() {
    assert_eq!(left_out(&[0, 1, 2, 3], &[0, 1, 3]), [2]);
    assert!(left_out(&[0, 1, 2], &[0, 1]).is_empty(), "two carriers");
    assert!(left_out(&[0, 1, 2, 3, 4, 5], &[0, 1, 2]).is_empty(), "half");
    assert!(
        left_out(&[0, 1, 2], &[0, 1, 2]).is_empty(),
        "nobody left out"
    );
}

#[test]
fn passages_need_two_articles_inside() {
    let p = |arts: &[ArticleIdx]| Passage {
        occurrences: arts
            .iter()
            .map(|&article| At {
                article,
                span: 0..1,
                quoted: false,
            })
            .collect(),
        words: 8,
        label: Label::Verbatim,
        similarity: 1.0,
        quoted: Quoted::None,
        speaker: None,
    };
    let index = PassageIndex {
        passages: vec![p(&[0, 4]), p(&[0, 1, 5]), p(&[2, 2, 6])],
    };
    let got = passages(&index, &[0, 1, 2, 3]);
    assert_eq!(
        got,
        [ScopedPassage {
            passage: 1,
            occurrences: vec![0, 1]
        }],
        "one article inside, or one article twice, is not shared inside"
    );
}

#[test]
fn a_passage_narrowed_to_a_story_is_as_long_as_its_longest_occurrence_there() {
    let mut c = corpus();
    let bodies = [
        "The harbour wall gave way at dawn and the tide came in fast.",
        "The harbour wall gave way at dawn.",
        "",
        "",
        "The harbour wall gave way at dawn and the tide came in fast, \u{201c}said\u{201d} no one.",
    ];
    for (a, b) in c.articles.iter_mut().zip(bodies) {
        a.body = b.to_string();
    }
    let at = |article: ArticleIdx, len: usize, quoted: bool| At {
        article,
        span: 0..len,
        quoted,
    };
    let p = Passage {
        occurrences: vec![
            at(0, bodies[0].len(), false),
            at(1, bodies[1].len(), false),
            at(4, bodies[0].len() - 1, true),
        ],
        words: 13,
        label: Label::Verbatim,
        similarity: 0.8,
        quoted: Quoted::Some,
        speaker: None,
    };
    let got = narrowed_passage(&c, &[], &p, &[1, 2]);
    assert_eq!(
        got.occurrences,
        [p.occurrences[1].clone(), p.occurrences[2].clone()]
    );
    assert_eq!(
        got.words, 13,
        "article 4's occurrence is the longer: 13 words"
    );
    assert_eq!(got.quoted, Quoted::Some);
    let got = narrowed_passage(&c, &[], &p, &[0, 1]);
    assert_eq!(got.words, 13);
    assert_eq!(
        got.quoted,
        Quoted::None,
        "neither occurrence inside is quoted"
    );
    let got = narrowed_passage(&c, &[], &p, &[1]);
    assert_eq!(got.words, 7);
    assert_eq!(got.similarity, 0.8, "the similarity stays the passage's");
}
