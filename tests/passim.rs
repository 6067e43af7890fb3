//! The passim round trip with the real binary: `export --passim` writes passim's input,
//! and `--passim OUT` reads passim's output (the fixture in `tests/fixtures/passim/out`,
//! written in the record format passim's README documents) as the shared passages.

use std::process::Output;

use serde_json::Value;

const CORPUS: &str = "tests/fixtures/passim/corpus.jsonl";
const OUT: &str = "tests/fixtures/passim/out";
const PART: &str = "tests/fixtures/passim/out/out.json/part-00000-5b7e2c1a-c000.json";

#[path = "common/bin.rs"]
mod bin;

fn parallax(args: &[&str]) -> Output {
    bin::command("passim")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run parallax")
}

fn json(o: &Output) -> Value {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("JSON")
}

fn lines(path: &std::path::Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .expect("read")
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

#[test]
fn export_writes_what_passim_reads_and_its_offsets_fit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("corpus.jsonl");
    let o = parallax(&["export", "--passim", input.to_str().unwrap(), CORPUS]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stderr).contains("wrote 3 articles"));
    let docs = lines(&input);
    assert_eq!(docs.len(), 3);
    for d in &docs {
        for key in ["id", "series", "date", "text"] {
            assert!(d[key].is_string(), "{key} missing in {d}");
        }
    }
    assert_eq!(docs[0]["series"], "North Sea Herald");
    // every output record's character offsets cut its passage out of the exported text
    for rec in lines(std::path::Path::new(PART)) {
        let Some(doc) = docs.iter().find(|d| d["id"] == rec["id"]) else {
            continue; // an article of another corpus
        };
        let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
        let (b, e) = (rec["begin"].as_u64().unwrap(), rec["end"].as_u64().unwrap());
        let passage: String = text[b as usize..e as usize].iter().collect();
        assert_eq!(passage, rec["text"].as_str().unwrap());
    }
    // and the exported text is the body `show --json` prints
    let shown = json(&parallax(&["show", "--json", "herald-ingrid", CORPUS]));
    assert_eq!(shown["body"], docs[0]["text"]);
}

#[test]
fn passim_clusters_are_the_shared_passages() {
    let o = parallax(&["passages", "--json", "--passim", OUT, CORPUS]);
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(
        stderr.contains("1 of 7 passim records names an article that is not loaded"),
        "{stderr}"
    );
    let passages = json(&o);
    let passages = passages.as_array().unwrap();
    // cluster 3 has one loaded member only: not a shared passage here
    assert_eq!(passages.len(), 2, "{passages:?}");
    let widest = &passages[0];
    assert_eq!(widest["occurrences"].as_array().unwrap().len(), 3);
    assert_eq!(widest["speaker"], "Tomás Varga");
    let bodies: Vec<(String, String)> = ["herald-ingrid", "wire-ingrid", "bayside-ferries"]
        .iter()
        .map(|id| {
            let v = json(&parallax(&["show", "--json", id, CORPUS]));
            (id.to_string(), v["body"].as_str().unwrap().to_string())
        })
        .collect();
    for p in passages {
        for occ in p["occurrences"].as_array().unwrap() {
            let body = &bodies
                .iter()
                .find(|(id, _)| occ["article"] == id.as_str())
                .unwrap()
                .1;
            let (s, e) = (
                occ["start"].as_u64().unwrap() as usize,
                occ["end"].as_u64().unwrap() as usize,
            );
            // byte offsets into the body, on char boundaries, cutting the passage's text
            assert_eq!(body.get(s..e), occ["text"].as_str());
        }
    }
    assert!(
        widest["text"]
            .as_str()
            .unwrap()
            .ends_with("harbour master Tomás Varga")
    );
}

#[test]
fn compare_shows_passims_spans_and_bad_output_is_an_error() {
    let o = parallax(&[
        "compare",
        "--json",
        "herald-ingrid",
        "wire-ingrid",
        "--passim",
        OUT,
        CORPUS,
    ]);
    let v = json(&o);
    let spans = v["spans"].as_array().unwrap();
    assert_eq!(spans.len(), 2);
    assert!(
        spans[0]["a"]["text"]
            .as_str()
            .unwrap()
            .starts_with("The port of Kessling")
    );

    let dir = tempfile::tempdir().expect("tempdir");
    let junk = dir.path().join("junk.json");
    std::fs::write(&junk, "not json at all\n").unwrap();
    let o = parallax(&["passages", "--passim", junk.to_str().unwrap(), CORPUS]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no passim output records"));
    // a path that is not there is a usage error, told before anything is read
    let o = parallax(&["passages", "--passim", "/no/such/out", CORPUS]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn completions_and_man_page_come_from_the_cli_definition() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = parallax(&["completions", shell]);
        assert!(o.status.success(), "{shell}");
        let script = String::from_utf8_lossy(&o.stdout);
        for sub in ["list", "compare", "export", "completions"] {
            assert!(script.contains(sub), "{shell} script lacks {sub}");
        }
    }
    let o = parallax(&["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
    let o = parallax(&["man"]);
    assert!(o.status.success());
    let page = String::from_utf8_lossy(&o.stdout);
    assert!(page.contains(".TH parallax 1"), "{page}");
    for sub in [
        "list", "show", "entities", "quotes", "passages", "compare", "export",
    ] {
        assert!(
            page.contains(&format!(".SS parallax {sub}")),
            "man page lacks {sub}"
        );
    }
}
