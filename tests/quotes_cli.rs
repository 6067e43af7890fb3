//! `parallax quotes` (statements: speaker, carriers, wording and attribution differences)
//! and the quotes `show --json` prints, on a small corpus written for the test.

#[path = "common/bin.rs"]
mod bin;

fn parallax(args: &[&str]) -> std::process::Output {
    bin::run("quotes-cli", args)
}

fn corpus(dir: &std::path::Path) {
    let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).expect("write");
    write(
        "harbour.md",
        "---\ntitle: Dam repairs begin\nsource: Harbour Times\ndate: 2025-03-03\n---\n\n\
         Work on the Kessling dam began on Monday. “We will rebuild every school in the valley \
         before winter,” said Mayor Ines Marlow. “Nobody will be left behind.”\n",
    );
    write(
        "ledger.md",
        "---\ntitle: Valley schools\nsource: Northern Ledger\ndate: 2025-03-02\n---\n\n\
         Ines Marlow said the town would “rebuild every school in the valley” this year.\n",
    );
    write(
        "wire.md",
        "---\ntitle: Valley rebuild\nsource: Coastline Wire\n---\n\n\
         “We shall rebuild every school in the valley before the winter,” officials said.\n",
    );
}

fn json(args: &[&str]) -> serde_json::Value {
    let o = parallax(args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("json")
}

#[test]
fn a_statement_carried_by_three_outlets_with_its_differences() {
    let dir = tempfile::tempdir().expect("tmp");
    corpus(dir.path());
    let path = dir.path().to_str().expect("path");
    let v = json(&["quotes", "--json", "--shared", "--no-cache", path]);
    let statements = v.as_array().expect("array");
    assert_eq!(statements.len(), 1, "{v:#}");
    let s = &statements[0];
    assert_eq!(s["articles"], 3);
    assert_eq!(s["speaker"], "Ines Marlow");
    assert_eq!(s["first"]["outlet"], "Northern Ledger", "the earliest date");
    assert_eq!(
        s["attribution_differs"], true,
        "officials against Ines Marlow"
    );
    assert_eq!(s["worded_differently"], true);
    let carried: Vec<&str> = s["occurrences"]
        .as_array()
        .expect("occurrences")
        .iter()
        .map(|o| o["carried"].as_str().expect("carried"))
        .collect();
    assert!(
        carried.contains(&"partial") && carried.contains(&"reworded"),
        "{carried:?}"
    );
    let by_speaker = json(&[
        "quotes",
        "--json",
        "--speaker",
        "marlow",
        "--no-cache",
        path,
    ]);
    assert!(!by_speaker.as_array().expect("array").is_empty());
    let nobody = json(&["quotes", "--json", "--speaker", "zzz", "--no-cache", path]);
    assert!(nobody.as_array().expect("array").is_empty());
}

#[test]
fn show_json_lists_the_articles_statements_with_speakers_and_offsets() {
    let dir = tempfile::tempdir().expect("tmp");
    corpus(dir.path());
    let path = dir.path().to_str().expect("path");
    let v = json(&["show", "--json", "harbour", "--no-cache", path]);
    let body = v["body"].as_str().expect("body");
    let quotes = v["quotes"].as_array().expect("quotes");
    assert_eq!(
        quotes.len(),
        1,
        "one statement in two fragments: {quotes:#?}"
    );
    let q = &quotes[0];
    assert_eq!(q["speaker"], "Ines Marlow");
    assert_eq!(q["how"], "named");
    assert_eq!(q["cue"]["text"], "said");
    let fragments = q["fragments"].as_array().expect("fragments");
    assert_eq!(fragments.len(), 2);
    for f in fragments {
        let (s, e) = (
            f["start"].as_u64().expect("s") as usize,
            f["end"].as_u64().expect("e") as usize,
        );
        assert_eq!(&body[s..e], f["text"].as_str().expect("text"));
    }
}
