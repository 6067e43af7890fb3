//! `quotes` and `compare` make one decision about what two articles share: a sentence the
//! passage list reports for two articles is in their comparison too, even when no 4-gram of
//! it seeds (it recurs in too many articles, and too often in each).

use std::collections::BTreeSet;

#[path = "common/bin.rs"]
mod bin;

use bin::{stderr, stdout};

fn parallax(args: &[&str]) -> std::process::Output {
    bin::run("compare-agrees", args)
}

const SENTENCE: &str = "The harbour council voted again to rebuild the old stone bridge before \
                        the winter storms.";

#[test]
fn compare_shows_a_sentence_quotes_says_two_articles_share() {
    let dir = tempfile::tempdir().expect("tempdir");
    // more articles than the n-gram cap (100), each repeating the sentence
    for k in 0..110 {
        let body = format!("Report {k}\n\n{}", vec![SENTENCE; 30].join(" "));
        std::fs::write(dir.path().join(format!("f{k:03}.txt")), body).expect("write");
    }
    let path = dir.path().to_str().expect("utf-8 path");
    let q = parallax(&["passages", "--json", "--no-cache", path]);
    assert!(q.status.success(), "{}", stderr(&q));
    let passages: serde_json::Value = serde_json::from_str(&stdout(&q)).expect("json");
    let shared: BTreeSet<&str> = passages
        .as_array()
        .expect("array")
        .iter()
        .flat_map(|p| p["occurrences"].as_array().into_iter().flatten())
        .filter(|o| o["article"] == "f000" || o["article"] == "f001")
        .filter_map(|o| o["text"].as_str())
        .collect();
    assert!(
        shared.iter().any(|t| t.contains("old stone bridge")),
        "quotes: {shared:?}"
    );
    let c = parallax(&["compare", "--json", "--no-cache", "f000", "f001", path]);
    assert!(c.status.success(), "{}", stderr(&c));
    let cmp: serde_json::Value = serde_json::from_str(&stdout(&c)).expect("json");
    let spans = cmp["spans"].as_array().expect("spans");
    assert!(
        spans.iter().any(|s| s["a"]["text"]
            .as_str()
            .is_some_and(|t| t.contains("old stone bridge"))),
        "compare: {cmp}"
    );
}
