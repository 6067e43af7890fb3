//! The bundled seed articles read as a careful human reads them (the expected values of
//! `seeds-gold.json`), through the real loader so that year inference runs too.

use chrono::NaiveDate;

use crate::corpus::{Article, Metadata, load_seeds};

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The seed whose id starts with `prefix`.
fn seed(prefix: &str) -> Article {
    load_seeds()
        .corpus
        .articles
        .into_iter()
        .find(|a| a.id.starts_with(prefix))
        .expect("seed present")
}

#[test]
fn seed_000_repeated_title_teaser_and_ria_dateline() {
    let a = seed("000_");
    let m: &Metadata = &a.meta;
    assert_eq!(
        m.title,
        "Zakharova spoke about positive changes in relations with the United States"
    );
    assert_eq!(m.source.as_deref(), Some("RIA Novosti"));
    assert_eq!(m.date, date(2021, 11, 20));
    assert!(!m.date_inferred);
    assert_eq!(
        m.url.as_deref(),
        Some("https://ria.ru/20211120/peremeny-1759961803.html")
    );
    assert_eq!(m.dateline.as_deref(), Some("MOSCOW"));
    assert!(
        a.body
            .starts_with("MOSCOW, November 20 – RIA Novosti. There are many difficulties")
    );
    assert_eq!(a.body.matches("There are many difficulties").count(), 1);
    assert!(a.body.contains("hackers < … >"));
    assert!(!a.body.contains("Russia news today"));
    assert!(!a.body.contains("Zakharova spoke about positive changes"));
}

#[test]
fn seed_001_no_source_and_a_tag_line() {
    let a = seed("001_");
    let m = &a.meta;
    assert_eq!(
        m.title,
        "Kremlin notes positive achievements in Russia-USA relations"
    );
    assert_eq!(m.source, None, "Radio Rossiya is not the publisher");
    assert_eq!((m.date, m.url.as_deref()), (None, None));
    assert_eq!(m.dateline, None);
    assert_eq!(m.tags, vec!["USA", "Russia", "Zakharova"]);
    assert!(a.body.ends_with("critical infrastructure."));
}

#[test]
fn seed_002_lead_sentence_title_and_sputnik() {
    let a = seed("002_");
    let m = &a.meta;
    assert!(m.title.starts_with(
        "Moscow and Washington have shown that they are ready to take responsibility"
    ));
    assert_eq!(m.source.as_deref(), Some("Sputnik"));
    assert_eq!(m.date, date(2021, 11, 3));
    assert_eq!((m.url.as_deref(), m.dateline.as_deref()), (None, None));
    assert!(a.body.starts_with("Moscow and Washington have shown"));
    assert!(!a.body.contains("2021-11-03"));
}

#[test]
fn seed_003_metadata_lines_and_outlet_slash() {
    let a = seed("003_");
    let m = &a.meta;
    assert_eq!(
        m.title,
        "U.S. and Russia to resume relations and start cybersecurity consultations, Putin says"
    );
    assert_eq!(m.source.as_deref(), Some("Shafaq News"));
    assert_eq!(m.date, date(2021, 6, 16));
    assert_eq!(m.category.as_deref(), Some("World"));
    assert_eq!(m.url, None);
    assert!(
        a.body
            .starts_with("Shafaq News/ Russian President Vladimir Putin says")
    );
}

#[test]
fn seed_004_chrome_subtitle_and_inferred_year() {
    let a = seed("004_");
    let m = &a.meta;
    assert_eq!(
        m.title,
        "Russia, US establish steady dialogue through Security Councils, ministries, envoy says"
    );
    assert_eq!(
        m.subtitle.as_deref(),
        Some(
            "Anatoly Antonov added that much work lies ahead in establishing the foundation for further progress"
        )
    );
    assert_eq!(m.source.as_deref(), Some("TASS"));
    assert_eq!(m.date, date(2021, 11, 2));
    assert!(m.date_inferred);
    assert_eq!(m.dateline.as_deref(), Some("WASHINGTON"));
    assert!(
        a.body
            .starts_with("WASHINGTON, November 2. /TASS/. Russia and the US have managed")
    );
}

#[test]
fn seed_bodies_are_free_of_chrome() {
    for a in load_seeds().corpus.articles {
        for chrome in [
            "All news",
            "Updated at:",
            "Category: World",
            "Date: 2021-06-16T17:08:16+0000",
            "& lt;",
        ] {
            assert!(!a.body.contains(chrome), "{}: {chrome}", a.id);
        }
        assert!(!a.body.contains("\n\n\n"));
        assert!(!a.body.contains('\u{a0}'));
    }
}
