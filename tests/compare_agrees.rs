//! Every surface makes one decision about what two articles share: `compare` (JSON and the
//! Markdown report) prints the core's spans (`pipeline::pair::compare_pair`), own or
//! passim's; and a sentence the
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

/// The (A, B) byte ranges of `compare --json`.
fn json_spans(args: &[&str]) -> Vec<((u64, u64), (u64, u64))> {
    let o = parallax(args);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let r = |x: &serde_json::Value| (x["start"].as_u64().unwrap(), x["end"].as_u64().unwrap());
    v["spans"]
        .as_array()
        .expect("spans")
        .iter()
        .map(|s| (r(&s["a"]), r(&s["b"])))
        .collect()
}

/// The (A, B) byte ranges the Markdown report lists (`- A: bytes 381..464`).
fn markdown_spans(args: &[&str]) -> Vec<((u64, u64), (u64, u64))> {
    let o = parallax(args);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let ranges: Vec<(u64, u64)> = text
        .lines()
        .filter_map(|l| {
            l.strip_prefix("- A: bytes ")
                .or(l.strip_prefix("- B: bytes "))
        })
        .map(|r| {
            let (s, e) = r.split_once("..").expect("a range");
            (s.parse().unwrap(), e.parse().unwrap())
        })
        .collect();
    ranges.chunks(2).map(|p| (p[0], p[1])).collect()
}

/// What the core says the two articles share.
fn core_spans(
    corpus: &parallax::corpus::Corpus,
    clusters: Option<&parallax::passim::Clusters>,
    a: usize,
    b: usize,
) -> Vec<((u64, u64), (u64, u64))> {
    let config = parallax::analysis::Config::default();
    let analysis = match clusters {
        Some(c) => parallax::passim::analyse_with_progress(corpus, &config, c, |_| {}),
        None => parallax::analysis::analyse(corpus, &config),
    };
    let r = |s: &std::ops::Range<usize>| (s.start as u64, s.end as u64);
    parallax::pipeline::pair::compare_pair(
        corpus,
        &analysis.passages.passages,
        clusters,
        a,
        b,
        &config,
    )
    .iter()
    .map(|s| (r(&s.a), r(&s.b)))
    .collect()
}

#[test]
fn the_command_line_and_its_exports_print_the_cores_spans() {
    let seeds = parallax::corpus::load_seeds().corpus;
    let (a, b) = (seeds.articles[0].id.clone(), seeds.articles[1].id.clone());
    let core = core_spans(&seeds, None, 0, 1);
    assert!(!core.is_empty());
    assert_eq!(
        json_spans(&["compare", "--json", "--no-cache", &a, &b]),
        core
    );
    let md = markdown_spans(&["compare", "--markdown", "--no-cache", &a, &b]);
    assert_eq!(md, core);
}

#[test]
fn with_passim_the_command_line_prints_passims_spans() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/passim");
    let file = root.join("corpus.jsonl");
    let corpus = parallax::corpus::load_paths(std::slice::from_ref(&file)).corpus;
    let clusters = parallax::passim::read_clusters(&root.join("out"), &corpus).expect("passim");
    let (x, y) = (0..corpus.len())
        .flat_map(|a| (a + 1..corpus.len()).map(move |b| (a, b)))
        .find(|&(a, b)| !core_spans(&corpus, Some(&clusters), a, b).is_empty())
        .expect("a pair passim links");
    let core = core_spans(&corpus, Some(&clusters), x, y);
    let (a, b) = (&corpus.articles[x].id, &corpus.articles[y].id);
    let out = root.join("out");
    let (out, file) = (out.to_str().unwrap(), file.to_str().unwrap());
    let args = [
        "compare",
        "--json",
        "--no-cache",
        "--passim",
        out,
        a,
        b,
        file,
    ];
    assert_eq!(json_spans(&args), core);
}
