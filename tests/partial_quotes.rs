//! Two articles quote one statement in parts, and a four-word run of the part both carry
//! recurs in another quote of one of them: the two parts are one shared passage and one
//! statement, and the other quote joins neither.

use parallax::analysis::{Config, analyse};
use parallax::corpus::{Article, Corpus, Metadata};

fn article(i: usize, source: &str, body: &str) -> Article {
    let meta = Metadata {
        title: format!("Article {i}"),
        source: Some(source.to_string()),
        ..Metadata::default()
    };
    Article::new(format!("a{i}"), format!("a{i}.txt"), meta, body.to_string())
}

const HARBOUR: &str = "Calvenstadt council voted on Tuesday to build a second bridge over \
    the Kessel estuary, at a cost of 212 million euros.\n\nOpposition leader Rhea Stannic \
    called the plan \"a reckless gamble with public money\" and said she would ask for an \
    audit.\n\nNot everyone agreed. \"Nobody here wants a reckless gamble with public funds, \
    but the old crossing is falling apart,\" said Dov Arkell, who runs a ferry company.\n\n\
    Work is due to start in the spring.";

const LEDGER: &str = "The vote in Calvenstadt was closer than expected, with the council \
    split nineteen to seventeen.\n\nStannic said the bridge was \"a reckless gamble with \
    public money\" and a betrayal of every taxpayer in the city.\n\nThe mayor, Ines Marlow, \
    said the tolls would pay for most of it within twenty years.";

const OTHER: &str = "Flooding closed the northern rail line for a third day on Wednesday, \
    and engineers said repairs to the embankment near Ostrava would take a week.\n\n\"We \
    are doing everything we can,\" a railway spokeswoman said.";

/// The Ledger quotes the statement's next words: the two parts share four words, which
/// the Harbour Times' other quote also holds.
const LEDGER_ON: &str = "The vote in Calvenstadt was closer than expected, with the council \
    split nineteen to seventeen.\n\nStannic said the council had made a \"reckless \
    gamble with pensions and a betrayal of every taxpayer in the city\".\n\nThe mayor, Ines Marlow, said the \
    tolls would pay for most of it within twenty years.";

const HARBOUR_ON: &str = "Calvenstadt council voted on Tuesday to build a second bridge over \
    the Kessel estuary, at a cost of 212 million euros.\n\nOpposition leader Rhea Stannic \
    called the plan \"a reckless gamble with pensions\" and said she would ask for an \
    audit.\n\nNot everyone agreed. \"Nobody here wants a reckless gamble with pensions, but the \
    old crossing is falling apart,\" said Dov Arkell, who runs a ferry company.\n\nWork is \
    due to start in the spring.";

#[test]
fn two_partial_quotes_are_one_passage_and_one_statement() {
    check(
        HARBOUR,
        LEDGER,
        "a reckless gamble with public money",
        "a reckless gamble with public money",
    );
}

#[test]
fn two_partial_quotes_sharing_four_words_are_one_passage_and_one_statement() {
    check(
        HARBOUR_ON,
        LEDGER_ON,
        "a reckless gamble with pensions",
        "reckless gamble with pensions and a betrayal",
    );
}

fn check(harbour: &str, ledger: &str, in_harbour: &str, in_ledger: &str) {
    let corpus = Corpus {
        name: "t".into(),
        articles: vec![
            article(0, "Harbour Times", harbour),
            article(1, "Northern Ledger", ledger),
            article(2, "Coastline Wire", OTHER),
        ],
    };
    let analysis = analyse(&corpus, &Config::default());
    let part = |k: usize, needle: &str| {
        let body = &corpus.articles[k].body;
        let at = body.find(needle).expect("needle");
        at..at + needle.len()
    };
    let harbour = part(0, in_harbour);
    let ledger = part(1, in_ledger);
    let arkell = part(0, "Nobody here wants");
    let within =
        |s: &std::ops::Range<usize>, r: &std::ops::Range<usize>| s.start < r.end && r.start < s.end;

    let p = &analysis.passages.passages;
    let found = p.iter().any(|p| {
        p.occurrences
            .iter()
            .any(|o| o.article == 0 && within(&o.span, &harbour))
            && p.occurrences
                .iter()
                .any(|o| o.article == 1 && within(&o.span, &ledger))
    });
    assert!(found, "passages: {p:#?}");
    let joins_other = p.iter().any(|p| {
        p.occurrences
            .iter()
            .any(|o| o.article == 0 && within(&o.span, &arkell))
    });
    assert!(!joins_other, "the other quote joins a passage: {p:#?}");

    let s = &analysis.statements;
    let one = s.iter().find(|s| {
        s.occurrences
            .iter()
            .any(|o| o.article == 1 && o.spans.iter().any(|x| within(x, &ledger)))
    });
    let one = one.unwrap_or_else(|| panic!("no statement carries the Ledger's quote: {s:#?}"));
    let harbour_occ = one.occurrences.iter().find(|o| o.article == 0);
    let harbour_occ =
        harbour_occ.unwrap_or_else(|| panic!("the Harbour Times' part is not in it: {one:#?}"));
    assert!(
        harbour_occ.spans.iter().any(|x| within(x, &harbour))
            && !harbour_occ.spans.iter().any(|x| within(x, &arkell)),
        "{one:#?}"
    );
}
