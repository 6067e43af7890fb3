//! Tests of the whole passage pipeline on small corpora built for each case (the
//! comparison of two texts is tested in `compare_tests`).

use super::*;
use crate::analysis::entities::EntityIndex;
use crate::analysis::quotes::find_all;
use crate::corpus::{Article, Metadata};

pub(super) const WORDS: &[&str] = &[
    "river", "market", "stone", "garden", "window", "letter", "engine", "harbor", "silver",
    "forest", "bridge", "candle", "valley", "mirror", "ticket", "island", "pocket", "shadow",
    "rocket", "blanket", "village", "thunder", "pepper", "ladder", "castle", "button", "carpet",
    "saddle", "meadow", "anchor", "barrel", "feather", "lantern", "marble", "needle", "orchard",
    "pillow", "quarry", "ribbon", "basket", "walnut", "timber", "cactus", "dolphin", "falcon",
    "glacier", "hammock", "iceberg", "jigsaw", "kettle", "lobster", "magnet", "nectar", "oyster",
    "parcel", "quiver", "raisin", "sponge", "tulip", "umbrella", "violin", "wagon", "yogurt",
];

/// Deterministic filler text of `n` words (sentences of 9 words), distinct per `seed`.
pub(super) fn filler(seed: u64, n: usize) -> String {
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut out = String::new();
    for k in 0..n {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let w = WORDS[(x >> 33) as usize % WORDS.len()];
        out.push_str(w);
        out.push_str(if k % 9 == 8 { ". " } else { " " });
    }
    out
}

fn article(i: usize, source: &str, body: String) -> Article {
    let meta = Metadata {
        title: format!("Article {i}"),
        source: Some(source.to_string()),
        ..Metadata::default()
    };
    Article::new(format!("a{i}"), format!("a{i}.txt"), meta, body)
}

pub(super) fn corpus(bodies: Vec<(&str, String)>) -> Corpus {
    Corpus {
        name: "test".into(),
        articles: bodies
            .into_iter()
            .enumerate()
            .map(|(i, (s, b))| article(i, s, b))
            .collect(),
    }
}

pub(super) fn run(c: &Corpus, config: &Config) -> PassageIndex {
    let q = find_all(c, &EntityIndex::default());
    find(c, &q, config)
}

fn text<'a>(c: &'a Corpus, o: &Occurrence) -> &'a str {
    &c.articles[o.article].body[o.span.clone()]
}

const SHARED: &str =
    "The committee approved the new harbour budget after a long night of talks with the unions";

#[test]
fn verbatim_sentence_is_one_passage() {
    let c = corpus(vec![
        (
            "A",
            format!("{} {SHARED}. {}", filler(1, 40), filler(2, 30)),
        ),
        (
            "B",
            format!("{} {SHARED}. {}", filler(3, 25), filler(4, 50)),
        ),
        ("C", filler(5, 80)),
    ]);
    let p = run(&c, &Config::default());
    assert_eq!(p.passages.len(), 1, "{:?}", p.passages);
    let first = &p.passages[0];
    assert_eq!(first.label, Label::Verbatim);
    assert_eq!(first.quoted, Quoted::None);
    assert_eq!(first.occurrences.len(), 2);
    for o in &first.occurrences {
        assert_eq!(text(&c, o), SHARED);
    }
}

#[test]
fn reworded_sentence_is_near_verbatim() {
    let a = "The committee approved the new harbour budget after a long night of talks with the unions on Friday";
    let b = "The committee passed the new harbour budget after a long night of negotiations with the unions on Friday";
    let c = corpus(vec![
        ("A", format!("{}. {a}. {}", filler(1, 30), filler(2, 30))),
        ("B", format!("{}. {b}. {}", filler(3, 30), filler(4, 30))),
    ]);
    let p = run(&c, &Config::default());
    assert_eq!(p.passages.len(), 1);
    let first = &p.passages[0];
    assert_eq!(first.label, Label::NearVerbatim);
    assert!(first.similarity >= 0.8 && first.similarity < 1.0);
    assert_eq!(text(&c, &first.occurrences[0]), a);
    assert_eq!(text(&c, &first.occurrences[1]), b);
}

#[test]
fn a_partial_quote_is_found_and_marked() {
    let long = "“We will rebuild the harbour with granite blocks and nobody will stop us this year,” the mayor, Anna Berg, said.";
    let short =
        "Anna Berg promised to “rebuild the harbour with granite blocks” despite the protests.";
    let c = corpus(vec![
        ("A", format!("{} {long} {}", filler(1, 30), filler(2, 30))),
        ("B", format!("{} {short} {}", filler(3, 30), filler(4, 30))),
    ]);
    let p = run(&c, &Config::default());
    assert_eq!(p.passages.len(), 1, "{:?}", p.passages);
    let first = &p.passages[0];
    assert_eq!(first.quoted, Quoted::All);
    assert_eq!(first.speaker.as_deref(), Some("Anna Berg"));
    assert!(
        p.passages[0]
            .occurrences
            .iter()
            .all(|o| text(&c, o).contains("rebuild the harbour with granite blocks"))
    );
}

#[test]
fn every_quotation_convention_anchors_a_short_quote() {
    let marks = [
        ("\"", "\""),
        ("“", "”"),
        ("„", "“"),
        ("« ", " »"),
        ("»", "«"),
        ("‚", "‘"),
        ("‘", "’"),
        ("‹", "›"),
        ("「", "」"),
    ];
    for (k, (open, close)) in marks.iter().enumerate() {
        let q = format!("{open}a deliberate use of hackers{close}");
        let c = corpus(vec![
            (
                "A",
                format!(
                    "{} They denounced {q} again. {}",
                    filler(1, 20),
                    filler(2, 20)
                ),
            ),
            (
                "B",
                format!(
                    "{} Officials spoke of {q} today. {}",
                    filler(3, 20),
                    filler(4, 20)
                ),
            ),
        ]);
        let p = run(&c, &Config::default());
        assert_eq!(p.passages.len(), 1, "convention {k}: {open}…{close}");
        assert_eq!(p.passages[0].quoted, Quoted::All, "convention {k}");
        assert!(text(&c, &p.passages[0].occurrences[0]).contains("deliberate use of hackers"));
    }
}

#[test]
fn cyrillic_text_is_shared() {
    let s = "Министр иностранных дел заявил журналистам, что переговоры о стратегической стабильности продолжатся в следующем месяце";
    let c = corpus(vec![
        ("A", format!("Вчера в Москве. {s}. Другие новости дня.")),
        ("B", format!("Сообщает агентство. {s}. Подробности позже.")),
    ]);
    let p = run(&c, &Config::default());
    assert_eq!(p.passages.len(), 1);
    assert_eq!(text(&c, &p.passages[0].occurrences[0]), s);
}

#[test]
fn outlet_boilerplate_does_not_swamp_results() {
    let tail = "Daily Planet reporters contributed to this story, and you can send your news tips to our newsroom at any time";
    let mut bodies: Vec<(&str, String)> = (0..6)
        .map(|i| ("Daily Planet", format!("{}. {tail}.", filler(10 + i, 60))))
        .collect();
    bodies[0].1 = format!("{SHARED}. {}", bodies[0].1);
    bodies.push(("Other", format!("{}. {SHARED}.", filler(30, 40))));
    let c = corpus(bodies);
    let p = run(&c, &Config::default());
    assert_eq!(p.passages.len(), 1, "{:?}", p.passages);
    assert_eq!(text(&c, &p.passages[0].occurrences[0]), SHARED);
}

#[test]
fn common_phrase_does_not_seed_but_keeps_a_reused_sentence_whole() {
    let common = "according to the latest official figures";
    let reused =
        format!("Exports of timber rose sharply last spring {common} from the port authority");
    let mut bodies: Vec<(&str, String)> = (0..8)
        .map(|i| {
            (
                "X",
                format!("{} {common}. {}", filler(40 + i, 20), filler(50 + i, 20)),
            )
        })
        .collect();
    bodies.push((
        "Y",
        format!("{}. {reused}. {}", filler(60, 30), filler(61, 10)),
    ));
    bodies.push((
        "Z",
        format!("{}. {reused}. {}", filler(62, 30), filler(63, 10)),
    ));
    let config = Config {
        ngram_doc_cap: 4,
        ..Config::default()
    };
    let c = corpus(
        bodies
            .into_iter()
            .enumerate()
            .map(|(i, (_, b))| (["P", "Q", "R", "S", "T"][i % 5], b))
            .collect(),
    );
    let p = run(&c, &config);
    assert_eq!(p.passages.len(), 1, "{:?}", p.passages);
    assert_eq!(text(&c, &p.passages[0].occurrences[0]), reused);
}

#[test]
fn names_and_titles_alone_are_not_passages() {
    let stock = "said Russian President Vladimir Putin and the United States and";
    let c = corpus(vec![
        ("A", format!("{} {stock} {}", filler(1, 30), filler(2, 30))),
        ("B", format!("{} {stock} {}", filler(3, 30), filler(4, 30))),
    ]);
    assert!(run(&c, &Config::default()).passages.is_empty());
}

#[test]
fn a_quote_carried_by_five_outlets_is_one_passage() {
    let q = "“We will not accept any deal that leaves the fishermen of the northern coast without work,” Berg said.";
    let c = corpus(
        (0..5)
            .map(|i| {
                (
                    "S",
                    format!("{} {q} {}", filler(i, 25), filler(i + 100, 25)),
                )
            })
            .enumerate()
            .map(|(i, (_, b))| (["A", "B", "C", "D", "E"][i], b))
            .collect(),
    );
    let p = run(&c, &Config::default());
    assert_eq!(p.passages.len(), 1);
    assert_eq!(p.passages[0].occurrences.len(), 5);
    assert_eq!(p.passages[0].quoted, Quoted::All);
    assert_eq!(p.passages[0].speaker.as_deref(), Some("Berg"));
}

#[test]
fn a_sentence_carried_by_very_many_articles_is_grouped_in_one_pass() {
    let wire = "The central bank kept its key interest rate unchanged at four percent on Thursday";
    let c = corpus(
        (0..6)
            .map(|i| {
                let source = ["A", "B", "C", "D", "E", "F"][i];
                (
                    source,
                    format!(
                        "{}. {wire}. Story {i} goes on: {}",
                        filler(i as u64, 20),
                        filler(i as u64 + 50, 20)
                    ),
                )
            })
            .collect(),
    );
    let config = Config {
        ngram_doc_cap: 3,
        ..Config::default()
    };
    let p = run(&c, &config);
    assert_eq!(p.passages.len(), 1);
    assert_eq!(p.passages[0].occurrences.len(), 6);
    // Each occurrence is the sentence; where two articles also align on the next words
    // ("Story 0 goes on" / "Story 3 goes on": one word differs) it runs on to them.
    for o in &p.passages[0].occurrences {
        let t = text(&c, o);
        assert!(
            t == wire
                || t.strip_prefix(wire)
                    .is_some_and(|rest| rest.starts_with(". Story")),
            "{t}"
        );
    }
}

#[test]
fn repetitive_and_odd_input_stays_small() {
    let chant = "“we want peace now” ".repeat(300);
    let odd = format!("«{}\n\n»»» ’’ \"\" „ “", "x ".repeat(5000));
    let c = corpus(vec![
        ("A", chant.clone()),
        ("B", chant),
        ("C", odd.clone()),
        ("D", odd),
        ("E", String::new()),
    ]);
    let p = run(&c, &Config::default());
    assert!(p.passages.len() <= 2, "{}", p.passages.len());
    assert!(compare("", "", &Config::default()).is_empty());
}

#[test]
fn a_chance_match_inside_one_long_quote_is_not_a_passage() {
    let long = format!(
        "“{} the old river bank {},” Berg said.",
        filler(1, 20),
        filler(2, 20)
    );
    let c = corpus(vec![
        ("A", format!("{} {long} {}", filler(3, 30), filler(4, 30))),
        (
            "B",
            format!(
                "{} They walked along the old river bank today. {}",
                filler(5, 30),
                filler(6, 30)
            ),
        ),
    ]);
    assert!(run(&c, &Config::default()).passages.is_empty());
}

#[test]
fn an_idiom_built_on_a_stock_phrase_of_the_corpus_joins_nothing() {
    // long articles, so that "lot" and "money" in ten of them are no commoner than in English
    const LONG: usize = 1500;
    let idiom = "“It does not sound like a lot of money,” she said.";
    let mut bodies = vec![
        (
            "A",
            format!("{} {idiom} {}", filler(1, LONG), filler(2, LONG)),
        ),
        (
            "B",
            format!("{} {idiom} {}", filler(3, LONG), filler(4, LONG)),
        ),
    ];
    let found = |bodies: &[(&str, String)]| {
        let c = corpus(bodies.to_vec());
        let p = run(&c, &Config::default());
        p.passages
            .iter()
            .any(|p| p.article_count() == 2 && p.words >= 5)
    };
    // alone, the two carriers share an unlikely phrase by word frequencies
    assert!(found(&bodies));
    // when many articles say "a lot of money", it is the corpus's stock phrase
    for (k, outlet) in ["C", "D", "E", "F", "G", "H", "I", "J"]
        .into_iter()
        .enumerate()
    {
        let s = 10 + 2 * k as u64;
        let line = "“That is a lot of money for a small town,” he said.";
        bodies.push((
            outlet,
            format!("{} {line} {}", filler(s, LONG), filler(s + 1, LONG)),
        ));
    }
    assert!(!found(&bodies));
}
