//! Articles named as a person names them: a unique id prefix on the command line (as git
//! takes a commit), outlets and headlines instead of ids in what is written for people.

#[path = "common/bin.rs"]
mod bin;

use bin::{stderr, stdout};

fn parallax(args: &[&str]) -> std::process::Output {
    bin::run("cli-names", args)
}

#[test]
fn a_unique_id_prefix_names_an_article() {
    let full = parallax(&["show", "000_4bf21840051c9ce6"]);
    let short = parallax(&["show", "000"]);
    assert!(short.status.success(), "{}", stderr(&short));
    assert_eq!(stdout(&short), stdout(&full));
    let both = parallax(&["compare", "--json", "000", "001"]);
    assert!(both.status.success(), "{}", stderr(&both));
}

#[test]
fn an_ambiguous_prefix_exits_2_listing_the_candidates() {
    let o = parallax(&["show", "00"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("\"00\" is ambiguous: 5 ids start with it"),
        "{err}"
    );
    assert!(
        err.contains("  000_4bf21840051c9ce6  RIA Novosti: "),
        "{err}"
    );
    assert_eq!(err.lines().count(), 6, "{err}");
}

#[test]
fn a_markdown_export_is_titled_by_outlet_and_headline() {
    let o = parallax(&["compare", "--markdown", "000", "001"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let first = stdout(&o).lines().next().unwrap_or_default().to_string();
    assert!(
        first.starts_with("# Shared passages: RIA Novosti: "),
        "{first}"
    );
    assert!(!first.contains("000_4bf"), "{first}");
}

#[test]
fn list_text_finds_words_and_phrases() {
    let o = parallax(&["list", "--json", "--text", "cyber"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let n = v.as_array().unwrap().len();
    assert!(n > 0 && n < 5, "{n}");
    let o = parallax(&["list", "--json", "--text", "\"no such phrase at all\""]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v.as_array().unwrap().is_empty());
    assert!(stderr(&o).contains("no article has it"));
}

#[test]
fn list_sorts_as_the_reader_does() {
    let o = parallax(&["list", "--json", "--sort", "date"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let dates: Vec<Option<String>> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["date"].as_str().map(str::to_string))
        .collect();
    let known: Vec<&String> = dates.iter().flatten().collect();
    let mut newest_first = known.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(known, newest_first);
    let first_missing = dates
        .iter()
        .position(Option::is_none)
        .unwrap_or(dates.len());
    assert!(
        dates[first_missing..].iter().all(Option::is_none),
        "undated last: {dates:?}"
    );
    let o = parallax(&["list", "--sort", "sideways"]);
    assert_eq!(o.status.code(), Some(2));
}
