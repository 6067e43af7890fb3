//! End-to-end tests of entity extraction over small corpora of other stories than the
//! seeds, and a property test on spans.

use proptest::prelude::*;

use super::*;

fn index(bodies: &[&str]) -> EntityIndex {
    extract_bodies(bodies)
}

fn entity<'a>(ix: &'a EntityIndex, name: &str) -> &'a Entity {
    let folded = name.to_lowercase();
    let hits: Vec<&Entity> = ix
        .entities
        .iter()
        .filter(|e| {
            e.name.to_lowercase() == folded || e.aliases.iter().any(|a| a.to_lowercase() == folded)
        })
        .collect();
    assert_eq!(
        hits.len(),
        1,
        "{name}: {:#?}",
        ix.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
    );
    hits[0]
}

fn absent(ix: &EntityIndex, name: &str) {
    assert!(
        !ix.entities.iter().any(|e| e.name == name),
        "{name} should not be an entity"
    );
}

#[test]
fn surnames_join_full_names_and_possessives_strip() {
    let ix = index(&[
        "Foreign Ministry spokeswoman Maria Zakharova said on Monday. Zakharova added more.",
        "According to Zakharova's statement, the talks went on.",
    ]);
    let e = entity(&ix, "Zakharova");
    assert_eq!(e.name, "Maria Zakharova");
    assert_eq!(e.kind, EntityKind::Person);
    assert_eq!(e.articles(), [0, 1]);
    absent(&ix, "According");
}

#[test]
fn a_football_final() {
    let ix = index(&[
        "LONDON, May 28 (Reuters) - Real Madrid beat Liverpool 1-0 in the Champions League final \
         at the Stade de France on Saturday. Vinicius Junior scored the only goal after an hour, \
         and goalkeeper Thibaut Courtois made nine saves. Liverpool manager Jurgen Klopp said \
         his side had chances. Courtois was named man of the match. Klopp congratulated Madrid.",
        "Carlo Ancelotti became the first coach to win four European Cups. Ancelotti thanked \
         the fans in Paris, where Real Madrid lifted the trophy. UEFA apologised for delays.",
    ]);
    assert_eq!(entity(&ix, "Courtois").name, "Thibaut Courtois");
    assert_eq!(entity(&ix, "Thibaut Courtois").kind, EntityKind::Person);
    assert_eq!(entity(&ix, "Klopp").name, "Jurgen Klopp");
    assert_eq!(entity(&ix, "Ancelotti").name, "Carlo Ancelotti");
    assert_eq!(entity(&ix, "Real Madrid").articles(), [0, 1]);
    assert_eq!(entity(&ix, "London").kind, EntityKind::Place);
    assert_eq!(entity(&ix, "UEFA").kind, EntityKind::Organization);
    absent(&ix, "Saturday");
}

#[test]
fn a_company_announcement() {
    let ix = index(&[
        "Siemens Energy AG said on Tuesday that Chief Executive Christian Bruch would expand the \
         plant in Berlin. The Siemens Energy board approved the plan, Bruch told analysts. \
         The European Commission must clear the deal.",
    ]);
    assert_eq!(entity(&ix, "Bruch").name, "Christian Bruch");
    assert_eq!(entity(&ix, "Siemens Energy").name, "Siemens Energy AG");
    assert_eq!(entity(&ix, "Siemens Energy").kind, EntityKind::Organization);
    assert_eq!(entity(&ix, "Christian Bruch").kind, EntityKind::Person);
    assert_eq!(
        entity(&ix, "European Commission").kind,
        EntityKind::Organization
    );
    assert_eq!(entity(&ix, "Berlin").kind, EntityKind::Place);
    absent(&ix, "The");
}

#[test]
fn a_flood_in_germany() {
    let ix = index(&["Floods Devastate Villages In Western Germany\n\n\
         BERLIN, July 16 (AP) - Floods swept through the Ahr Valley in western Germany, \
         officials said. Chancellor Angela Merkel said she was shocked. Merkel will visit \
         the region. The German Weather Service warned of more rain along the Rhine."]);
    assert_eq!(entity(&ix, "Merkel").name, "Angela Merkel");
    assert_eq!(entity(&ix, "Ahr Valley").kind, EntityKind::Place);
    // A nationality opening an organisation's name is part of it.
    assert_eq!(
        entity(&ix, "German Weather Service").kind,
        EntityKind::Organization
    );
    let germany = entity(&ix, "Germany");
    assert_eq!(germany.kind, EntityKind::Place);
    absent(&ix, "Floods");
    absent(&ix, "Devastate");
    absent(&ix, "Villages");
}

#[test]
fn country_forms_are_one_place_and_caps_fold() {
    let ix = index(&[
        "MOSCOW, Nov 2 - The U.S. and Russia talked. US envoys met. The USA said so.",
        "Officials in Moscow and the United States agreed. American diplomats left.",
    ]);
    let us = entity(&ix, "U.S.");
    assert_eq!(us.name, "United States");
    assert_eq!(us.articles(), [0, 1]);
    assert_eq!(entity(&ix, "Moscow").articles(), [0, 1]);
}

#[test]
fn capitals_acting_as_governments_count_for_their_country() {
    let body = "Moscow and Washington agreed. Washington has tightened visas. He met in Moscow.";
    let ix = index(&[body]);
    let moscow = entity(&ix, "Moscow");
    assert_eq!(moscow.mentions.len(), 1);
    assert_eq!(&body[moscow.mentions[0].span.clone()], "Moscow");
    assert_eq!(
        moscow.mentions[0].span.start,
        body.rfind("Moscow").unwrap_or(0)
    );
    let russia = entity(&ix, "Russia");
    assert_eq!(russia.mentions.len(), 1);
    assert_eq!(entity(&ix, "United States").mentions.len(), 2);
    assert!(!russia.aliases.iter().any(|a| a == "Moscow"));
    assert!(ix.entities.iter().all(|e| e.name != "Washington"));
}

#[test]
fn plurals_join_their_singular() {
    let ix = index(&["talks through Security Councils, and the Security Council met"]);
    assert_eq!(entity(&ix, "Security Councils").name, "Security Council");
}

#[test]
fn abbreviations_join_their_expansion() {
    let ix = index(&[
        "The Federal Aviation Authority grounded the planes. The FAA said more tests are due.",
    ]);
    assert_eq!(entity(&ix, "FAA").name, "Federal Aviation Authority");
}

#[test]
fn cyrillic_names_and_surnames() {
    let ix = index(&[
        "Об этом заявила официальный представитель Мария Захарова. По словам Захаровой, и Захарова тоже.",
    ]);
    let e = entity(&ix, "Мария Захарова");
    assert_eq!(e.kind, EntityKind::Person);
    assert!(e.mentions.len() >= 2);
}

#[test]
fn mentions_sorted_by_article_then_offset() {
    let ix = index(&["Putin met Joe Biden. Biden left.", "Biden and Joe Biden."]);
    for e in &ix.entities {
        let keys: Vec<_> = e
            .mentions
            .iter()
            .map(|m| (m.article, m.span.start))
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);
    }
}

proptest! {
    #[test]
    fn spans_lie_on_char_boundaries(bodies in prop::collection::vec("[A-Za-zА-Яа-яé’'. ,\\n-]{0,80}|\\PC{0,60}", 1..4)) {
        let refs: Vec<&str> = bodies.iter().map(String::as_str).collect();
        let ix = extract_bodies(&refs);
        for e in &ix.entities {
            for m in &e.mentions {
                let body = refs[m.article];
                prop_assert!(m.span.start < m.span.end && m.span.end <= body.len());
                prop_assert!(body.is_char_boundary(m.span.start) && body.is_char_boundary(m.span.end));
            }
        }
    }
}

#[test]
fn metadata_fields_are_read_too() {
    use crate::corpus::{Article, Metadata};
    let meta = Metadata {
        title: "Antonov says dialogue is steady".into(),
        source: Some("TASS".into()),
        dateline: Some("WASHINGTON".into()),
        ..Metadata::default()
    };
    let body = "Russian Ambassador Anatoly Antonov spoke.".to_string();
    let corpus = Corpus {
        name: "t".into(),
        articles: vec![Article::new("a".into(), "a.txt".into(), meta, body)],
    };
    let ix = extract(&corpus);
    let tass = entity(&ix, "TASS");
    assert_eq!(tass.mentions[0].field, Field::Source);
    assert_eq!(tass.mentions[0].span, 0..4);
    let washington = entity(&ix, "Washington");
    assert_eq!(washington.mentions[0].field, Field::Dateline);
    assert_eq!(washington.mentions[0].span, 0..10);
    let antonov = entity(&ix, "Anatoly Antonov");
    let fields: Vec<Field> = antonov.mentions.iter().map(|m| m.field).collect();
    assert_eq!(fields, [Field::Body, Field::Title]);
}

#[test]
fn source_and_dateline_still_in_the_body_count_once() {
    use crate::corpus::{Article, Metadata};
    let meta = Metadata {
        source: Some("TASS".into()),
        dateline: Some("WASHINGTON".into()),
        ..Metadata::default()
    };
    let body = "WASHINGTON, November 2. /TASS/. Talks went on.".to_string();
    let corpus = Corpus {
        name: "t".into(),
        articles: vec![Article::new("a".into(), "a.txt".into(), meta, body)],
    };
    let ix = extract(&corpus);
    for name in ["TASS", "Washington"] {
        let e = entity(&ix, name);
        assert_eq!(e.mentions.len(), 1, "{name}");
        assert_eq!(e.mentions[0].field, Field::Body, "{name}");
    }
}

/// A 200 KB run of capitalised words is cut in one pass (cutting used to rescan the rest
/// of the run at every word): it stays one name, and an organisation cue before it still
/// splits it off.
#[test]
fn a_very_long_run_of_capitals_is_one_name() {
    let body = "Vladimir Putin ".repeat(200_000 / 15);
    let ix = index(&[body.as_str()]);
    assert_eq!(ix.entities.len(), 1);
    let e = &ix.entities[0];
    assert_eq!(e.kind, EntityKind::Other);
    assert_eq!(e.mentions.len(), 1);
    assert_eq!(e.mentions[0].span, 0..body.trim_end().len());

    let body = format!("the Foreign Ministry {body}");
    let ix = index(&[body.as_str()]);
    assert_eq!(
        entity(&ix, "Foreign Ministry").kind,
        EntityKind::Organization
    );
    let rest = ix.entities.iter().find(|e| e.name.starts_with("Vladimir"));
    let span = rest.map(|e| e.mentions[0].span.clone());
    assert_eq!(
        span,
        Some("the Foreign Ministry ".len()..body.trim_end().len())
    );
}

#[test]
fn spellings_initials_and_surnames_merge_within_evidence() {
    let ix = index(&[
        "President Volodymyr Zelensky spoke. Zelensky left. Oleksandr Hrytsenko agreed.",
        "Volodymyr Zelenskyy met Oleksander Gritsenko in Kyiv. Gritsenko said little.",
        "The final: C. Ambrose beat Lena Brenner. Carla Ambrose, 24, said it was her day.",
        "Igor Ivanov, the coach, was sacked. Andrei Ivanov, a striker, stayed. Ivanov said.",
    ]);
    let zelensky = entity(&ix, "Volodymyr Zelenskyy");
    assert_eq!(zelensky.name, entity(&ix, "Volodymyr Zelensky").name);
    assert_eq!(zelensky.articles(), [0, 1]);
    assert_eq!(entity(&ix, "Oleksander Gritsenko").articles(), [0, 1]);
    assert_eq!(entity(&ix, "C. Ambrose").name, "Carla Ambrose");
    // Two Ivanovs in one article: the bare surname joins neither.
    assert_eq!(entity(&ix, "Igor Ivanov").articles(), [3]);
    assert!(
        !entity(&ix, "Igor Ivanov")
            .aliases
            .iter()
            .any(|a| a == "Ivanov")
    );
}

#[test]
fn diacritics_fold_for_merging() {
    let ix = index(&[
        "Jure Kovač won the stage.",
        "Jure Kovac, the Slovenian, attacked. Kovac said he was tired.",
    ]);
    let e = entity(&ix, "Jure Kovac");
    assert_eq!(e.articles(), [0, 1]);
}

#[test]
fn headline_words_need_confirmation_in_their_article() {
    let ix = index(&[
        "Obama Calls For Calm After Surprise Defeat\n\nThe former president spoke to reporters.",
        "Barack Obama said on Monday that the vote mattered.",
    ]);
    absent(&ix, "Obama Calls");
    absent(&ix, "Surprise Defeat");
    assert_eq!(entity(&ix, "Barack Obama").articles(), [1]);
}

#[test]
fn company_heads_and_storm_names_join_their_full_names() {
    let ix = index(&[
        "A fire broke out at the Korvane Chemicals plant near Lisbury. Storm Ingrid hit the coast.",
        "Inspectors said Korvane had ignored warnings. Homes flooded as Ingrid hit Lisbury.",
    ]);
    assert_eq!(entity(&ix, "Korvane").name, "Korvane Chemicals");
    assert_eq!(entity(&ix, "Ingrid").name, "Storm Ingrid");
    assert_eq!(entity(&ix, "Lisbury").kind, EntityKind::Place);
}

#[test]
fn demonyms_are_not_places() {
    let ix = index(&["Russian officials met French diplomats in Geneva."]);
    absent(&ix, "Russia");
    absent(&ix, "France");
    assert_eq!(entity(&ix, "Geneva").kind, EntityKind::Place);
}

#[test]
fn nationalities_of_places_the_corpus_names_are_not_entities() {
    let ix = index(&[
        "Protests spread across Borovia on Sunday.",
        "Two Borovian diplomats and a Lessarian envoy met in Velmar, a town in Lessaria.",
    ]);
    absent(&ix, "Borovian");
    absent(&ix, "Lessarian");
    assert_eq!(entity(&ix, "Borovia").kind, EntityKind::Place);
}

#[test]
fn a_place_is_not_a_surname() {
    let ix = index(&[
        "ESTMARK, May 2 - Floods hit homes in Estmark on Monday.",
        "The campaign group Transparency Estmark said so. Ministers in Estmark agreed.",
    ]);
    assert_eq!(entity(&ix, "Estmark").kind, EntityKind::Place);
}
