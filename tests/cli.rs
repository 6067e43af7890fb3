//! End-to-end tests of the command line: the real binary, its output, its exit codes.

use std::path::Path;
use std::process::Output;

#[path = "common/bin.rs"]
mod bin;

use bin::{stderr, stdout};

fn parallax(args: &[&str]) -> Output {
    bin::run("cli", args)
}

#[test]
fn version_and_help() {
    let v = parallax(&["--version"]);
    assert!(v.status.success());
    assert_eq!(
        stdout(&v),
        format!("parallax {}\n", env!("CARGO_PKG_VERSION"))
    );
    let h = parallax(&["--help"]);
    assert!(h.status.success());
    let help = stdout(&h);
    for sub in ["list", "show", "entities", "quotes", "passages", "compare"] {
        assert!(help.contains(sub), "--help lacks {sub}:\n{help}");
    }
}

#[test]
fn usage_errors_exit_2() {
    let o = parallax(&["list", "--no-such-flag"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--no-such-flag"));
    let o = parallax(&["show", "no-such-article"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no-such-article"));
}

#[test]
fn nothing_loaded_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    let o = parallax(&["list", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("empty.txt: skipped: empty file"), "{err}");
    assert!(err.contains("no article could be loaded"), "{err}");
}

#[test]
fn list_json_has_every_field_for_the_seeds() {
    let o = parallax(&["list", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 5);
    for a in arr {
        for field in [
            "id",
            "path",
            "title",
            "subtitle",
            "source",
            "date",
            "date_inferred",
            "url",
            "dateline",
            "category",
            "tags",
            "words",
            "author",
            "encoding",
        ] {
            assert!(a.get(field).is_some(), "missing {field} in {a}");
        }
        assert!(a["tags"].is_array());
        assert!(a["words"].as_u64().unwrap() > 100);
    }
    assert_eq!(arr[0]["id"], "000_4bf21840051c9ce6");
    assert_eq!(arr[0]["encoding"], "UTF-8");
}

#[test]
fn a_legacy_encoding_is_detected_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Caf\u{e9} owners say the \u{201c}new\u{201d} rent \u{2014} \u{20ac}900 \u{2014} is too much.\n\n\
                The council will vote on the r\u{e9}gime in March, its spokeswoman said.";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    std::fs::write(dir.path().join("rent.txt"), &bytes).unwrap();
    let o = parallax(&[
        "show",
        "--json",
        "--no-cache",
        "rent",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["encoding"], "windows-1252");
    let body = v["body"].as_str().unwrap();
    assert!(body.contains("r\u{e9}gime"), "{body}");
    assert!(!body.contains('\u{FFFD}'));
    assert_eq!(stderr(&o), "", "a confident guess is not warned about");
}

#[test]
fn show_json_body_is_clean() {
    let o = parallax(&["show", "--json", "004_ca70b0bd16d5c51c"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let body = v["body"].as_str().unwrap();
    assert!(body.contains("Nikolai Patrushev"));
    assert!(!body.chars().any(|c| c.is_control() && c != '\n'));
    assert!(!body.contains("\n\n\n"));
}

#[test]
fn show_json_names_the_articles_sharing_most_with_it_first() {
    let o = parallax(&["show", "--json", "000"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let partners = v["partners"].as_array().expect("partners");
    assert!(!partners.is_empty());
    let counts: Vec<u64> = partners
        .iter()
        .map(|p| p["shared_passages"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    // the reader's closest partner (what `c` compares with) is the first one of its story
    assert_eq!(partners[0]["article"], "001_3dffd0074b00d26a");
    assert_eq!(
        partners[0]["same_story"], true,
        "seeds 0, 1 and 2 are one story"
    );
    for p in partners {
        let id = p["article"].as_str().unwrap();
        let inside = id.starts_with("001") || id.starts_with("002");
        assert_eq!(p["same_story"], inside, "{p}");
    }
}

#[test]
fn a_bare_organisation_name_joins_the_one_national_form_of_it() {
    let o = parallax(&["entities", "--json", "--no-cache"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let ministries: Vec<&serde_json::Value> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| {
            e["name"]
                .as_str()
                .unwrap_or("")
                .contains("Foreign Ministry")
        })
        .collect();
    assert_eq!(ministries.len(), 1, "{ministries:?}");
    assert_eq!(ministries[0]["name"], "Russian Foreign Ministry");
    let aliases = ministries[0]["aliases"].as_array().unwrap();
    assert!(
        aliases.iter().any(|a| a == "Foreign Ministry"),
        "{aliases:?}"
    );
}

#[test]
fn bad_files_are_reported_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("good.txt"),
        "A headline here\n\nThe body of a good article.",
    )
    .unwrap();
    std::fs::write(d.join("empty.txt"), "").unwrap();
    std::fs::write(d.join("blob.txt"), [0u8, 159, 146, 150, 0, 1]).unwrap();
    std::fs::write(
        d.join("lines.jsonl"),
        "{\"title\":\"J\",\"text\":\"Json body.\"}\n{broken\n",
    )
    .unwrap();
    std::fs::write(d.join("notes.csv"), "ignored,file").unwrap();
    let o = parallax(&["list", "--json", d.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["good", "lines-1"]);
    let err = stderr(&o);
    // The build's cache may be rebuilt once after a schema change: that says so too.
    let problems = err.lines().filter(|l| !l.contains(": cache: ")).count();
    assert_eq!(problems, 3, "one line per problem:\n{err}");
    assert!(err.contains("empty.txt: skipped: empty file"));
    assert!(err.contains("blob.txt: skipped: binary"));
    assert!(err.contains("lines.jsonl:2: skipped: invalid JSON"));
}

#[test]
fn plain_table_without_subcommand_when_piped() {
    let o = parallax(&[]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.starts_with("ID"), "{out}");
    assert_eq!(out.lines().count(), 6);
}

#[test]
fn never_writes_to_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    std::fs::write(&f, "Title\n\nBody text of the article.").unwrap();
    let before = std::fs::read(&f).unwrap();
    let listing = |p: &Path| {
        let mut v: Vec<_> = std::fs::read_dir(p)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        v.sort();
        v
    };
    let names_before = listing(dir.path());
    for args in [
        &["list", "--json"][..],
        &["show", "a"],
        &["entities", "--json"],
        &["quotes", "--json"],
    ] {
        let mut a = args.to_vec();
        a.push(dir.path().to_str().unwrap());
        assert!(parallax(&a).status.success());
    }
    assert_eq!(std::fs::read(&f).unwrap(), before);
    assert_eq!(listing(dir.path()), names_before);
}

#[test]
fn a_few_invalid_bytes_load_lossily_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = b"Headline of the day\n\n".to_vec();
    text.extend_from_slice(
        "A long enough article body for the test, café owners said. "
            .repeat(20)
            .as_bytes(),
    );
    text.extend_from_slice(b"Bad byte: \xFF here.");
    std::fs::write(dir.path().join("lossy.txt"), &text).unwrap();
    let o = parallax(&["show", "--json", "lossy", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(
        v["body"]
            .as_str()
            .unwrap()
            .contains("Bad byte: \u{FFFD} here.")
    );
    assert_eq!(v["encoding"], "UTF-8");
    assert!(
        stderr(&o).contains("lossy.txt: warning: 1 invalid UTF-8 sequence"),
        "{}",
        stderr(&o)
    );
}
