//! The metadata a user states beside the articles, through the real binary: a sidecar
//! file, a file-name pattern and folders as outlets, with `list --json` saying where each
//! field came from; and the analysis cache following a changed sidecar.

use std::path::Path;

#[path = "common/bin.rs"]
mod bin;

use bin::{stderr, stdout};

fn parallax(args: &[&str]) -> std::process::Output {
    bin::run("cli-metadata", args)
}

const BODY: &str = "The harbour board postponed its vote on the new quay until the spring.\n\n\
    Members said the cost estimates arrived too late to be read with care.";

fn corpus(dir: &Path) {
    for name in [
        "coast-times_2024-03-05_quay-vote.txt",
        "tide-weekly_2024-03-06_quay-vote.txt",
        "notes.txt",
    ] {
        std::fs::write(dir.join(name), BODY).unwrap();
    }
}

fn list(args: &[&str]) -> Vec<serde_json::Value> {
    let o = parallax(args);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_str::<serde_json::Value>(&stdout(&o))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn by_id<'a>(all: &'a [serde_json::Value], prefix: &str) -> &'a serde_json::Value {
    all.iter()
        .find(|a| a["id"].as_str().unwrap().starts_with(prefix))
        .unwrap()
}

#[test]
fn a_name_pattern_sets_source_and_date() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let d = dir.path().to_str().unwrap();
    let all = list(&[
        "list",
        "--json",
        "--name-pattern",
        "{source}_{date}_{slug}",
        d,
    ]);
    let ct = by_id(&all, "coast");
    assert_eq!(ct["source"], "Coast Times");
    assert_eq!(ct["date"], "2024-03-05");
    assert_eq!(ct["provenance"]["source"], "file-name");
    assert_eq!(ct["provenance"]["date"], "file-name");
    assert_eq!(ct["provenance"]["title"], "text");
    let notes = by_id(&all, "notes");
    assert!(notes["source"].is_null());
    assert!(notes["provenance"].get("source").is_none());
}

#[test]
fn a_folder_mostly_named_outlet_date_slug_needs_no_pattern() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    std::fs::write(
        dir.path().join("harbour-gazette_2024-03-07_quay.txt"),
        "Quay vote put off\n\nBy Ann Lee, Tide Weekly\n\nThe board met again on the quay.",
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let all = list(&["list", "--json", d]);
    let ct = by_id(&all, "coast");
    assert_eq!(ct["source"], "Coast Times");
    assert_eq!(ct["date"], "2024-03-05");
    assert_eq!(ct["provenance"]["source"], "file-name");
    assert!(by_id(&all, "notes")["source"].is_null());
}

#[test]
fn a_sidecar_csv_wins_over_the_file_name() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    std::fs::write(
        dir.path().join("metadata.csv"),
        "file,outlet,date,url\nnotes.txt,Harbour Gazette,2024-02-29,https://hg.example/n\n\
         tide-weekly_2024-03-06_quay-vote.txt,Tide Weekly Online,,\n",
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let all = list(&[
        "list",
        "--json",
        "--name-pattern",
        "{source}_{date}_{slug}",
        d,
    ]);
    assert_eq!(all.len(), 3, "the sidecar is not an article");
    let notes = by_id(&all, "notes");
    assert_eq!(notes["source"], "Harbour Gazette");
    assert_eq!(notes["date"], "2024-02-29");
    assert_eq!(notes["url"], "https://hg.example/n");
    assert_eq!(notes["provenance"]["source"], "sidecar");
    let tw = by_id(&all, "tide");
    assert_eq!(tw["source"], "Tide Weekly Online");
    assert_eq!(tw["provenance"]["source"], "sidecar");
    assert_eq!(tw["provenance"]["date"], "file-name");
}

#[test]
fn a_named_sidecar_and_folder_sources() {
    let dir = tempfile::tempdir().unwrap();
    let outlet = dir.path().join("daily-planet");
    std::fs::create_dir(&outlet).unwrap();
    std::fs::write(outlet.join("a.txt"), BODY).unwrap();
    std::fs::write(outlet.join("b.txt"), BODY).unwrap();
    let side = dir.path().join("mine.tsv");
    std::fs::write(&side, "file\tdate\na.txt\t2024-01-02\n").unwrap();
    let d = outlet.to_str().unwrap();
    let all = list(&[
        "list",
        "--json",
        "--folder-source",
        "--sidecar",
        side.to_str().unwrap(),
        d,
    ]);
    let a = by_id(&all, "a");
    assert_eq!(a["source"], "Daily Planet");
    assert_eq!(a["provenance"]["source"], "folder");
    assert_eq!(a["date"], "2024-01-02");
    assert_eq!(a["provenance"]["date"], "sidecar");
}

#[test]
fn a_bad_pattern_is_a_usage_error() {
    let o = parallax(&["list", "--name-pattern", "{sauce}_{date}"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unknown placeholder {sauce}"),
        "{}",
        stderr(&o)
    );
}
