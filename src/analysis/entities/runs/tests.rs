//! Tests of the runs of capitalised words.

use super::super::gazetteer::gazetteer;
use super::super::tokens::tokenize;
use super::*;

/// Each run as its units' texts, entities in brackets, titles in angle brackets.
fn show(body: &str) -> Vec<String> {
    let tokens = tokenize(body);
    let cx = Context::new(body, &tokens, gazetteer());
    let mut runs: Vec<Vec<Unit>> = Vec::new();
    for_each_run(&cx, |r| runs.push(r.to_vec()));
    runs.iter()
        .map(|run| {
            let parts: Vec<String> = run
                .iter()
                .map(|u| {
                    let text = &body[tokens[u.first].start..tokens[u.last].end];
                    match u.kind {
                        UnitKind::Entity(_) => format!("[{text}]"),
                        UnitKind::Title => format!("<{text}>"),
                        UnitKind::Dateline => format!("@{text}"),
                        _ => text.to_string(),
                    }
                })
                .collect();
            parts.join(" ")
        })
        .collect()
}

#[test]
fn function_words_need_no_lower_case_form() {
    let body = "The talks ended. Cybersecurity won the day for the cybersecurity team.";
    let tokens = tokenize(body);
    let got: Vec<&str> = lower_forms::seen(body, &tokens).into_iter().collect();
    assert_eq!(got, ["cybersecurity"]);
    assert_eq!(show(body), Vec::<String>::new());
}

#[test]
fn runs_of_capitalised_words_with_connectors() {
    assert_eq!(
        show("talks with Director of the US Central Intelligence Agency William Burns today"),
        ["<Director> of the [US] [Central Intelligence Agency] William Burns"]
    );
    assert_eq!(
        show("a letter from Mohammed bin Salman and Bashar al-Assad"),
        ["Mohammed bin Salman", "Bashar al Assad"]
    );
}

#[test]
fn connectors_need_a_name_after_them() {
    assert_eq!(
        show("the Bank of the world and Bank of England"),
        ["Bank", "Bank of [England]"]
    );
}

#[test]
fn initials_and_dotted_abbreviations() {
    assert_eq!(
        show("as George W. Bush told U.S. President Joe Biden"),
        ["George W Bush", "[U.S.] <President> Joe Biden"]
    );
}

#[test]
fn sentence_initial_function_words_and_calendar_words() {
    assert_eq!(
        show("So the talks went on. However, Speaking on Wednesday in May, Smith left."),
        ["Speaking", "Smith"]
    );
    assert_eq!(
        show("Cybersecurity matters. We discussed cybersecurity."),
        Vec::<String>::new()
    );
}

#[test]
fn caps_datelines_read_as_names() {
    assert_eq!(
        show("MOSCOW, November 20 – RIA Novosti. Text"),
        ["[MOSCOW]", "[RIA Novosti]", "Text"]
    );
    assert_eq!(
        show("SMALLTOWN, June 3 (Reuters) - Floods"),
        ["@SMALLTOWN", "[Reuters]", "Floods"]
    );
}

#[test]
fn plural_possessives_before_a_cue_stay_in_names() {
    assert_eq!(
        show("the Dockworkers' Union and the Pensioners’ Association met Smiths' lawyers"),
        ["Dockworkers Union", "Pensioners Association", "Smiths"]
    );
}

#[test]
fn and_inside_organisation_names() {
    assert_eq!(
        show("the Health and Safety Executive and Lisbury Fire and Rescue Service said the fire"),
        [
            "Health and Safety Executive",
            "Lisbury Fire and Rescue Service"
        ]
    );
    assert_eq!(
        show("Britain and France met Sunita Rao and Foreign Office staff"),
        ["[Britain]", "[France]", "Sunita Rao", "Foreign Office"]
    );
}

#[test]
fn possessives_end_runs() {
    assert_eq!(
        show("Secretary of Russia’s Security Council Nikolai Patrushev"),
        [
            "<Secretary> of [Russia]",
            "Security Council Nikolai Patrushev"
        ]
    );
}
