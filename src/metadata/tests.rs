//! Whole-article tests of the extractor: articles of our own in the shapes other outlets
//! use, the seeds' expected metadata, and property tests on arbitrary input.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn reuters_style_page() {
    let text = "Oil prices jump after OPEC+ deal | Reuters\n\n\
                By Jane Doe\n\n\
                November 21, 2026 10:30 AM GMT\n\n\
                LONDON (Reuters) - Oil prices rose on Monday after producers agreed to cut output.\n\n\
                Brent crude futures were up 2% by midday.\n";
    let p = parse_plain(text);
    assert_eq!(p.meta.title, "Oil prices jump after OPEC+ deal");
    assert_eq!(p.meta.source.as_deref(), Some("Reuters"));
    assert_eq!(p.meta.author.as_deref(), Some("Jane Doe"));
    assert_eq!(p.meta.date, date(2026, 11, 21));
    assert_eq!(p.meta.dateline.as_deref(), Some("LONDON"));
    assert_eq!(
        p.body,
        "LONDON (Reuters) - Oil prices rose on Monday after producers agreed to cut output.\n\n\
         Brent crude futures were up 2% by midday."
    );
}

#[test]
fn ap_byline_and_dateline() {
    let text = "Senate passes spending bill hours before shutdown deadline\n\
                By MARY CLARE JALONICK and LISA MASCARO, Associated Press\n\
                Published: Nov. 21, 2026\n\
                \n\
                WASHINGTON (AP) — The Senate passed a stopgap bill late Friday.\n\
                \n\
                The House is expected to vote on Saturday.";
    let p = parse_plain(text);
    assert_eq!(
        p.meta.title,
        "Senate passes spending bill hours before shutdown deadline"
    );
    assert_eq!(
        p.meta.author.as_deref(),
        Some("MARY CLARE JALONICK and LISA MASCARO")
    );
    assert_eq!(p.meta.source.as_deref(), Some("Associated Press"));
    assert_eq!(p.meta.date, date(2026, 11, 21));
    assert_eq!(p.meta.dateline.as_deref(), Some("WASHINGTON"));
    assert!(p.body.starts_with("WASHINGTON (AP) — The Senate passed"));
    assert!(!p.body.contains("Published"));
}

#[test]
fn published_line_and_site_suffix() {
    let text = "Storm batters the coast - BBC News\n\n\
                Published: 21 November 2026\n\n\
                Share\n\n\
                Thousands of homes lost power as winds reached 90mph.\n\n\
                Forecasters warned of more to come.";
    let p = parse_plain(text);
    assert_eq!(p.meta.title, "Storm batters the coast");
    assert_eq!(p.meta.source.as_deref(), Some("BBC"));
    assert_eq!(p.meta.date, date(2026, 11, 21));
    assert_eq!(
        p.body,
        "Thousands of homes lost power as winds reached 90mph.\n\nForecasters warned of more to come."
    );
}

#[test]
fn iso_timestamp_and_fields_in_header() {
    let text = "Central bank holds rates steady\n\
                2026-11-21T08:15:00+01:00\n\
                Source: www.dw.com\n\
                Category: Business\n\
                \n\
                The bank kept its main rate at 4%.\n";
    let p = parse_plain(text);
    assert_eq!(p.meta.title, "Central bank holds rates steady");
    assert_eq!(p.meta.date, date(2026, 11, 21));
    assert_eq!(p.meta.source.as_deref(), Some("Deutsche Welle"));
    assert_eq!(p.meta.category.as_deref(), Some("Business"));
    assert_eq!(p.body, "The bank kept its main rate at 4%.");
}

#[test]
fn page_without_metadata() {
    let text = "A quiet day in the village\n\nNothing much happened today.\n\nThe end.";
    let p = parse_plain(text);
    assert_eq!(p.meta.title, "A quiet day in the village");
    assert_eq!(
        p.meta,
        Metadata {
            title: "A quiet day in the village".into(),
            ..Metadata::default()
        }
    );
    assert_eq!(p.month_day, None);
    assert_eq!(p.body, "Nothing much happened today.\n\nThe end.");
}

#[test]
fn long_first_line_gives_its_lead_sentence_as_title() {
    let text = "The city council voted on Tuesday to expand the tram network to the northern \
                suburbs, a project that has been debated for more than a decade and is expected \
                to cost 1.2 billion euros. Construction starts next year.\n\n\
                Opponents said the money should go to buses.";
    let p = parse_plain(text);
    assert!(
        p.meta
            .title
            .starts_with("The city council voted on Tuesday")
    );
    assert!(p.meta.title.chars().count() <= 201);
    assert!(!p.meta.title.contains("Construction"));
    // the lead stays body text
    assert!(p.body.starts_with("The city council voted"));
    assert!(p.body.contains("Construction starts next year."));
}

#[test]
fn scraper_line_with_a_lead_instead_of_a_headline() {
    let text = " date 2026-11-21 Oil producers agreed on Sunday to extend output cuts into next \
                year and to review the deal in March, the energy minister of the largest \
                producer said in an interview with Bloomberg\n\n\
                The decision surprised traders.";
    let p = parse_plain(text);
    assert!(p.meta.title.starts_with("Oil producers agreed on Sunday"));
    assert!(p.meta.title.ends_with("in an interview with Bloomberg"));
    assert_eq!(p.meta.date, date(2026, 11, 21));
    assert_eq!(p.meta.source.as_deref(), Some("Bloomberg"));
    // the lead is article text: it stays in the body, without the date
    assert!(p.body.starts_with("Oil producers agreed"));
    assert!(p.body.ends_with("The decision surprised traders."));
    assert!(!p.body.contains("2026-11-21"));
}

#[test]
fn scraper_line_with_a_headline() {
    let p = parse_plain(" date 2026-11-21 Rivers burst their banks\n\nRain fell all week.");
    assert_eq!(p.meta.title, "Rivers burst their banks");
    assert_eq!(p.body, "Rain fell all week.");
}

#[test]
fn crlf_text_is_read_like_lf_text() {
    let lf = "Headline here\n\nMOSCOW, March 3 - TASS. Body one.\n\nBody two.";
    let crlf = lf.replace('\n', "\r\n");
    let cr = lf.replace('\n', "\r");
    assert_eq!(parse_plain(&crlf), parse_plain(lf));
    assert_eq!(parse_plain(&cr), parse_plain(lf));
    let p = parse_plain(lf);
    assert_eq!(p.meta.source.as_deref(), Some("TASS"));
    assert_eq!(p.month_day, Some(MonthDay { month: 3, day: 3 }));
    assert_eq!(p.body, "MOSCOW, March 3 - TASS. Body one.\n\nBody two.");
}

#[test]
fn markdown_heading_is_the_title() {
    let text = "# Rivers rise across the region\n\nRain fell for three days.\n\n## Aftermath\n\nRoads closed.";
    let p = parse_plain(text);
    assert_eq!(p.meta.title, "Rivers rise across the region");
    assert_eq!(
        p.body,
        "Rain fell for three days.\n\nAftermath\n\nRoads closed."
    );
}

#[test]
fn phrase_names_the_outlet_only_when_known() {
    let p = parse_plain(
        "Minister says talks will go on, he told Reuters\n\nThe minister spoke in Brussels.",
    );
    assert_eq!(p.meta.source.as_deref(), Some("Reuters"));
    let p = parse_plain(
        "Minister speaks on Radio Freedonia\n\nThe minister said so on air of Radio Freedonia.",
    );
    assert_eq!(p.meta.source, None);
}

#[test]
fn dateline_with_year_gives_date_but_header_date_wins() {
    let p = parse_plain("Title line here\n\nPARIS, Nov 3, 2025 (AFP) - Text follows.");
    assert_eq!(p.meta.date, date(2025, 11, 3));
    assert_eq!(p.month_day, None);
    let p = parse_plain("Date: 2025-11-04\n\nTitle line here\n\nPARIS, Nov 3 (AFP) - Text.");
    assert_eq!(p.meta.date, date(2025, 11, 4));
    assert_eq!(p.month_day, None);
}

#[test]
fn trailing_metadata_footer() {
    let p = parse_plain(
        "Headline of the day\n\nThe story goes here.\n\nSource: Reuters\n\nTags: economy, trade",
    );
    assert_eq!(p.meta.source.as_deref(), Some("Reuters"));
    assert_eq!(p.meta.tags, vec!["economy".to_string(), "trade".into()]);
    assert_eq!(p.body, "The story goes here.");
}

proptest! {
    #[test]
    fn never_panics_and_body_is_clean(text in "\\PC*") {
        let p = parse_plain(&text);
        prop_assert!(p.body.chars().all(|c| c == '\n' || !c.is_control()));
        prop_assert!(!p.body.contains("\n\n\n"));
        prop_assert_eq!(p.body.trim(), p.body.as_str());
        prop_assert!(!p.meta.title.chars().any(char::is_control));
    }

    #[test]
    fn never_panics_on_article_like_text(
        lines in prop::collection::vec(
            prop_oneof![
                Just(String::new()),
                Just(" date 2021-11-20 https://ria.ru/x".to_string()),
                Just("MOSCOW, November 20 – RIA Novosti. ".to_string()),
                Just("Updated at:\u{a0}".to_string()),
                Just("By Jane Doe, Reuters".to_string()),
                Just("\u{a0} USA, Russia".to_string()),
                Just("# Heading".to_string()),
                "[A-Za-z0-9 ,.:/()\\-–—|&;#\u{a0}\r\t\u{1b}]{0,80}",
            ],
            0..12,
        )
    ) {
        let text = lines.join("\n");
        let p = parse_plain(&text);
        prop_assert!(p.body.chars().all(|c| c == '\n' || !c.is_control()));
        let rec = RecordFields { title: Some(text.clone()), body: text, ..RecordFields::default() };
        let r = parse_record(&rec);
        prop_assert!(r.body.chars().all(|c| c == '\n' || !c.is_control()));
    }
}

#[test]
fn a_one_paragraph_text_keeps_its_body() {
    let p = parse_plain(
        "Title Only\r\n\r\nSome text with\ttabs and &amp; entities &quot;here&quot;.\r\nSecond line.\r\n",
    );
    assert_eq!(p.meta.title, "Title Only");
    assert_eq!(
        p.body,
        "Some text with tabs and & entities \"here\". Second line."
    );
    let p = parse_plain("Only one short line.");
    assert_eq!(p.meta.title, "Only one short line.");
    assert_eq!(p.body, "Only one short line.");
}

#[test]
fn navigation_words_above_the_headline_are_dropped() {
    let text = "Skip to content\nMenu\nWorld\nKyiv hit by overnight drone attack - BBC News\n\
                By Paul Kirby\nBBC News\nPublished\n21 November 2026\nShare\n\
                Russia launched dozens of drones at Kyiv overnight, officials said.\n\
                Related Topics";
    let p = parse_plain(text);
    assert_eq!(p.meta.title, "Kyiv hit by overnight drone attack");
    assert_eq!(p.meta.source.as_deref(), Some("BBC"));
    assert_eq!(p.meta.author.as_deref(), Some("Paul Kirby"));
    assert_eq!(p.meta.date, date(2026, 11, 21));
    assert_eq!(
        p.body,
        "Russia launched dozens of drones at Kyiv overnight, officials said."
    );
}

#[test]
fn quoted_headline_and_wire_credits() {
    let text = "\"We will not back down,\" leader says as talks falter\n\n\
                KYIV, Nov 21 (Reuters) - The president said on Saturday that Kyiv would not cede territory.\n\n\
                He spoke after meeting European leaders.\n\n\
                Reporting by Jane Doe; Editing by John Roe";
    let p = parse_plain(text);
    assert_eq!(
        p.meta.title,
        "\"We will not back down,\" leader says as talks falter"
    );
    assert_eq!(p.meta.source.as_deref(), Some("Reuters"));
    assert_eq!(p.meta.author.as_deref(), Some("Jane Doe"));
    assert_eq!(p.month_day, Some(MonthDay { month: 11, day: 21 }));
    assert_eq!(p.meta.date, None);
    assert_eq!(
        p.body,
        "KYIV, Nov 21 (Reuters) - The president said on Saturday that Kyiv would not cede territory.\n\n\
         He spoke after meeting European leaders."
    );
}

#[test]
fn chrome_inside_the_body_is_removed() {
    let text = "Climate talks stall as deadline nears\n\n\
                Negotiators remain divided over funding\n\n\
                Last updated: 21 Nov 2026, 18:45\n\n\
                By Ana Lima for Al Jazeera\n\n\
                DUBAI, United Arab Emirates — Negotiators worked through the night.\n\n\
                Advertisement\n\n\
                Poorer nations want more money.\n\n\
                Read more:";
    let p = parse_plain(text);
    assert_eq!(p.meta.title, "Climate talks stall as deadline nears");
    assert_eq!(
        p.meta.subtitle.as_deref(),
        Some("Negotiators remain divided over funding")
    );
    assert_eq!(p.meta.date, date(2026, 11, 21));
    assert_eq!(p.meta.author.as_deref(), Some("Ana Lima"));
    assert_eq!(p.meta.source.as_deref(), Some("Al Jazeera"));
    assert_eq!(p.meta.dateline.as_deref(), Some("DUBAI"));
    assert_eq!(
        p.body,
        "DUBAI, United Arab Emirates — Negotiators worked through the night.\n\nPoorer nations want more money."
    );
}

#[test]
fn the_links_after_read_more_are_no_text() {
    let text = "Steel tariff stands\n\n\
                BELMORA, Feb 2 - The minister said the tariff would stay.\n\n\
                Read more:\nWhy your energy bill could rise again this winter\n\
                Could a robot mark your child's homework?";
    let p = parse_plain(text);
    assert_eq!(
        p.body,
        "BELMORA, Feb 2 - The minister said the tariff would stay."
    );
}

#[test]
fn a_text_of_one_word_lines_is_not_all_navigation() {
    let text = "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven";
    let p = parse_plain(text);
    assert_eq!(p.meta.title, "nine");
    assert!(p.body.ends_with("ten\n\neleven"));
}

#[test]
fn headline_without_a_blank_line_under_it() {
    let text = "Storm batters the coast\n\
                By Jane Doe\n\
                LONDON (Reuters) - Thousands of homes lost power on Sunday as winds\n\
                reached 90mph, officials said.\n\n\
                More storms are expected.";
    let p = parse_plain(text);
    assert_eq!(p.meta.title, "Storm batters the coast");
    assert_eq!(p.meta.author.as_deref(), Some("Jane Doe"));
    assert_eq!(p.meta.source.as_deref(), Some("Reuters"));
    assert_eq!(
        p.body,
        "LONDON (Reuters) - Thousands of homes lost power on Sunday as winds reached 90mph, officials said.\n\n\
         More storms are expected."
    );
}

#[test]
fn hard_wrapped_first_paragraph_is_not_split() {
    let text = "Thousands of homes lost power on Sunday as winds reached\n\
                90mph across the south coast, officials said on Monday.\n\n\
                More storms are expected.";
    let p = parse_plain(text);
    assert!(
        p.body
            .starts_with("Thousands of homes lost power on Sunday as winds reached 90mph")
    );
}
