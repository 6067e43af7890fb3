//! Tests of the candidates cut out of runs.

use super::super::gazetteer::gazetteer;
use super::*;

fn found(body: &str) -> Vec<(String, EntityKind, bool)> {
    find(body, gazetteer())
        .into_iter()
        .map(|c| {
            let name = match (c.gazetteer, &c.name) {
                (Some(e), _) => gazetteer().entries[e].name.clone(),
                (None, Some(n)) => n.clone(),
                (None, None) => body[c.span.clone()].to_string(),
            };
            (name, c.kind, c.weak)
        })
        .collect()
}

fn names(body: &str) -> Vec<String> {
    found(body).into_iter().map(|(n, _, _)| n).collect()
}

#[test]
fn titles_make_people_and_split_runs() {
    let got = found(
        "He met Russian Ambassador Anatoly Antonov and US National Security Advisor Jake Sullivan.",
    );
    assert_eq!(
        got,
        [
            ("Anatoly Antonov".into(), EntityKind::Person, false),
            ("United States".into(), EntityKind::Place, false),
            ("Jake Sullivan".into(), EntityKind::Person, false),
        ]
    );
}

#[test]
fn a_title_then_of_does_not_make_a_person() {
    let got = found("the state premier of North Rhine-Westphalia spoke");
    assert_eq!(
        got,
        [("North Rhine-Westphalia".into(), EntityKind::Place, false)]
    );
}

#[test]
fn organisation_cues_give_kind_and_split() {
    let got = found(
        "talks between Secretary of Russia’s Security Council Nikolai Patrushev and the Foreign Ministry.",
    );
    assert_eq!(
        got,
        [
            ("Russia".into(), EntityKind::Place, false),
            ("Security Council".into(), EntityKind::Organization, false),
            ("Nikolai Patrushev".into(), EntityKind::Person, false),
            ("Foreign Ministry".into(), EntityKind::Organization, false),
        ]
    );
}

#[test]
fn one_word_after_a_cue_stays_in_the_name() {
    assert_eq!(names("on air of Radio Rossiya today"), ["Radio Rossiya"]);
}

#[test]
fn places_inside_names_stay() {
    assert_eq!(
        names("a win for Real Madrid over the Bank of England"),
        ["Real Madrid", "Bank of England"]
    );
    assert_eq!(
        names("the West Coast of America"),
        ["West Coast of America"]
    );
    assert_eq!(names("at the Stade de France"), ["Stade de France"]);
}

#[test]
fn person_shape_needs_plain_names() {
    let got = found(
        "fans of Real Madrid and the Siemens Energy board met Jake Sullivan-Smith and North Rhine-Westphalia",
    );
    let kinds: Vec<(String, EntityKind)> = got.into_iter().map(|(n, k, _)| (n, k)).collect();
    assert_eq!(
        kinds,
        [
            ("Real Madrid".into(), EntityKind::Other),
            ("Siemens Energy".into(), EntityKind::Organization),
            ("Jake Sullivan-Smith".into(), EntityKind::Person),
            ("North Rhine-Westphalia".into(), EntityKind::Place),
        ]
    );
}

#[test]
fn sentence_initial_single_words_are_weak() {
    let got = found("Shortly after, Zakharova spoke. Zakharova left.");
    assert_eq!(
        got,
        [
            ("Shortly".into(), EntityKind::Other, true),
            ("Zakharova".into(), EntityKind::Other, false),
            ("Zakharova".into(), EntityKind::Other, true),
        ]
    );
}

#[test]
fn title_case_headlines_are_weak() {
    let got = found("Putin Says Talks With Biden Went Well\n\nPutin spoke to Joe Biden.");
    assert!(
        got[..got.len() - 2].iter().all(|(_, _, weak)| *weak),
        "{got:?}"
    );
    assert_eq!(
        got[got.len() - 1],
        ("Joe Biden".into(), EntityKind::Person, false)
    );
}

#[test]
fn generic_cue_words_alone_are_dropped() {
    assert_eq!(names("the Embassy in Washington"), ["Washington"]);
    assert_eq!(
        names("the Russian Embassy in Washington"),
        ["Russian Embassy", "Washington"]
    );
}

#[test]
fn datelines_in_caps() {
    assert_eq!(
        found("SMALLTOWN, June 3 (Reuters) - Floods hit."),
        [
            ("Smalltown".into(), EntityKind::Place, false),
            ("Reuters".into(), EntityKind::Organization, false),
            ("Floods".into(), EntityKind::Other, true),
        ]
    );
}

#[test]
fn cyrillic_names() {
    let got = found("Об этом сообщила «Мария Захарова».");
    assert!(
        got.contains(&("Мария Захарова".into(), EntityKind::Person, false)),
        "{got:?}"
    );
}

#[test]
fn clean_edges() {
    assert_eq!(
        names("Croat striker Ivan Peric met General Maurice Baril at the Bank of England."),
        ["Ivan Peric", "Maurice Baril", "Bank of England"]
    );
    assert_eq!(
        names("a vote for Sunita Rao of the People's Alliance and Beatrice Omondi KC"),
        ["Sunita Rao", "People's Alliance", "Beatrice Omondi"]
    );
    assert_eq!(names("She won the Atlantic Open."), ["Atlantic Open"]);
}

#[test]
fn slugs_generic_words_and_contractions_are_not_names() {
    assert_eq!(
        names("SOCCER - Results and Standings\nI'm sure. We're done. Tonight Calderbridge voted."),
        ["Calderbridge"]
    );
}

#[test]
fn table_rows_are_not_headlines() {
    let got = found("Results:\n3. Ryan Calder (Canada) 2:11.04\n4. Theo Lamarque (France) 2:12.50");
    let strong: Vec<&str> = got
        .iter()
        .filter(|(_, _, weak)| !weak)
        .map(|(n, _, _)| n.as_str())
        .collect();
    assert_eq!(strong, ["Ryan Calder", "Canada", "Theo Lamarque", "France"]);
}

#[test]
fn place_prepositions_and_german_nouns() {
    let got = found("Floods hit homes in Lessaria on Monday.");
    assert!(
        got.contains(&("Lessaria".into(), EntityKind::Place, false)),
        "{got:?}"
    );
    let got = found("He was found in corries north of Sgurr Dubhan and above Glen Arrach.");
    for place in ["Sgurr Dubhan", "Glen Arrach"] {
        assert!(
            got.contains(&(place.into(), EntityKind::Place, false)),
            "{place}: {got:?}"
        );
    }
    let de = "Hunderte Menschen wurden in der Nacht aus ihren Häusern geholt, und die \
              Feuerwehr war mit dem Hochwasser in Kesseltal beschäftigt, sagte die \
              Bürgermeisterin Anna Keller. Das Wasser ist nicht gesunken, und es wird \
              für den Ort eine lange Nacht, sagte sie auf der Brücke.";
    let strong: Vec<String> = found(de)
        .into_iter()
        .filter(|(_, _, weak)| !weak)
        .map(|(n, _, _)| n)
        .collect();
    assert_eq!(strong, ["Kesseltal", "Anna Keller"]);
}

#[test]
fn clubs_in_sports_stories() {
    let body = "Redhaven United beat Aston Villa and Real Madrid in the league match. Redhaven scored \
                twice after the break, and the coach praised the goal by Ivan Peric. \
                Barcelona host Milan next week; the Croat striker lives in Milan.";
    let got: Vec<(String, EntityKind)> = found(body).into_iter().map(|(n, k, _)| (n, k)).collect();
    let org = EntityKind::Organization;
    assert_eq!(
        got,
        [
            ("Redhaven United".into(), org),
            ("Aston Villa".into(), org),
            ("Real Madrid".into(), org),
            ("Redhaven United".into(), org),
            ("Ivan Peric".into(), EntityKind::Person),
            ("Barcelona".into(), org),
            ("Milan".into(), org),
            ("Milan".into(), EntityKind::Place),
        ]
    );
    let news = "The mayor of Barcelona met Milan officials in Rome.";
    assert!(found(news).iter().all(|(_, k, _)| *k == EntityKind::Place));
}

#[test]
fn a_city_after_a_title_opens_a_name() {
    assert_eq!(
        found("the popular incumbent Milan Oresko won")[0],
        ("Milan Oresko".into(), EntityKind::Person, false)
    );
}

#[test]
fn results_rows_give_people_not_country_codes() {
    let got = found("WTA rankings\n1. M. Okafor-Lee (GBR) 7,840 pts\n4. A. Ilyina (USA) 5,660");
    let people: Vec<(String, EntityKind)> = got
        .into_iter()
        .filter(|(n, _, _)| n != "WTA")
        .map(|(n, k, _)| (n, k))
        .collect();
    assert_eq!(
        people,
        [
            ("M. Okafor-Lee".into(), EntityKind::Person),
            ("A. Ilyina".into(), EntityKind::Person),
        ]
    );
}

#[test]
fn cue_word_names_and_compass_openers() {
    assert_eq!(
        names("fans at Harbour Road cheered the Northern Premier League leaders."),
        ["Harbour Road", "Northern Premier League"]
    );
    assert_eq!(names("the Ministry said"), Vec::<String>::new());
}

#[test]
fn standings_columns_and_compass_nationalities_are_not_names() {
    assert_eq!(
        names("the table:\n1 Port Selby P35 W18 D7 L10 Pts 61"),
        ["Port Selby"]
    );
    assert_eq!(names("the South Asian nations met"), Vec::<String>::new());
}

#[test]
fn the_is_not_part_of_a_gazetteer_span() {
    let body = "visas for the States";
    let c = find(body, gazetteer());
    assert_eq!(&body[c[0].span.clone()], "States");
}

#[test]
fn places_and_nationalities_open_organisation_names() {
    assert_eq!(
        names("talks with the Palestine Liberation Organisation and the French Foreign Ministry"),
        [
            "Palestine Liberation Organisation",
            "French Foreign Ministry"
        ]
    );
}

#[test]
fn headlines_in_capitals_are_not_datelines() {
    let got: Vec<String> =
        found("JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT\nAL-AIN, Dec 6 - Japan won.")
            .into_iter()
            .filter(|(_, _, weak)| !weak)
            .map(|(n, _, _)| n)
            .collect();
    assert!(!got.iter().any(|n| n.contains("Lucky")), "{got:?}");
    assert!(got.contains(&"Al-Ain".to_string()), "{got:?}");
}

#[test]
fn sports_stories_need_words_rare_outside_sport() {
    assert!(!is_sport(
        "The team hopes to win the final vote after a defeat on points, the minister said."
    ));
    assert!(is_sport(
        "The striker scored twice as the club climbed the league table."
    ));
}
