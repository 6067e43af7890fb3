//! Structured records (JSON, feed items): their fields take precedence, their text is
//! still cleaned and read for a dateline, a source and a lead.

use chrono::NaiveDate;

use super::*;

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn records_take_their_fields_first() {
    let rec = RecordFields {
        title: Some("Talks resume".into()),
        source: Some("thomson reuters".into()),
        date: Some("2026-11-21T10:00:00Z".into()),
        url: Some("https://example.org/x".into()),
        body: "Talks resume\n\nGENEVA (AFP) - Diplomats met &amp; talked.\n\nMore text.".into(),
    };
    let p = parse_record(&rec);
    assert_eq!(p.meta.title, "Talks resume");
    assert_eq!(p.meta.source.as_deref(), Some("Reuters"));
    assert_eq!(p.meta.date, date(2026, 11, 21));
    assert_eq!(p.meta.url.as_deref(), Some("https://example.org/x"));
    assert_eq!(p.meta.dateline.as_deref(), Some("GENEVA"));
    assert_eq!(
        p.body,
        "GENEVA (AFP) - Diplomats met & talked.\n\nMore text."
    );
}

#[test]
fn records_without_source_read_it_from_url_or_text() {
    let rec = RecordFields {
        title: Some("A".into()),
        url: Some("https://apnews.com/article/x".into()),
        body: "Body text.".into(),
        ..RecordFields::default()
    };
    assert_eq!(
        parse_record(&rec).meta.source.as_deref(),
        Some("Associated Press")
    );
    let rec = RecordFields {
        title: Some("B".into()),
        body: "LONDON (Reuters) - Body text.".into(),
        ..RecordFields::default()
    };
    let p = parse_record(&rec);
    assert_eq!(p.meta.source.as_deref(), Some("Reuters"));
    assert_eq!(p.body, "LONDON (Reuters) - Body text.");
    let rec = RecordFields {
        title: Some("C".into()),
        source: Some("Springfield Gazette".into()),
        body: "Body.".into(),
        ..RecordFields::default()
    };
    assert_eq!(
        parse_record(&rec).meta.source.as_deref(),
        Some("Springfield Gazette")
    );
}

#[test]
fn record_title_repeated_in_body_is_dropped() {
    let rec = RecordFields {
        title: Some("Rates rise again".into()),
        body: "Rates rise again | Reuters\n\nThe bank raised rates.".into(),
        ..RecordFields::default()
    };
    let p = parse_record(&rec);
    assert_eq!(p.meta.title, "Rates rise again");
    assert_eq!(p.meta.source.as_deref(), Some("Reuters"));
    assert_eq!(p.body, "The bank raised rates.");
}

#[test]
fn record_keeps_a_lead_from_a_scraper_line() {
    let rec = RecordFields {
        title: Some("Producers extend cuts".into()),
        body: " date 2026-11-21 Oil producers agreed on Sunday to extend output cuts into next \
               year and to review the deal in March, the energy minister of the largest \
               producer said at a conference\n\nTraders were surprised."
            .into(),
        ..RecordFields::default()
    };
    let p = parse_record(&rec);
    assert_eq!(p.meta.title, "Producers extend cuts");
    assert_eq!(p.meta.date, date(2026, 11, 21));
    assert!(p.body.starts_with("Oil producers agreed on Sunday"));
    assert!(p.body.ends_with("Traders were surprised."));
}
