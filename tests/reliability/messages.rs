//! What the user is told: sizes that can be told apart, an error's cause said once, a count
//! in the right number, one line for many records refused alike, and text in UTF-32 read as
//! such.

use serde_json::Value;

use super::{article, bin, run_in};

#[test]
fn utf32_with_a_bom_is_read_as_utf32() {
    let dir = tempfile::tempdir().expect("tmp");
    let text = article("lighthouse");
    let mut le = vec![0xFF, 0xFE, 0, 0];
    let mut be = vec![0, 0, 0xFE, 0xFF];
    for c in text.chars() {
        le.extend_from_slice(&(c as u32).to_le_bytes());
        be.extend_from_slice(&(c as u32).to_be_bytes());
    }
    std::fs::write(dir.path().join("le.txt"), le).expect("le");
    std::fs::write(dir.path().join("be.txt"), be).expect("be");
    for id in ["le", "be"] {
        let o = run_in(dir.path(), &["show", "--json", id, "le.txt", "be.txt"]);
        assert!(o.status.success(), "{}", bin::stderr(&o));
        let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
        assert_eq!(v["title"], "The lighthouse reopened", "{id}");
        assert!(
            v["body"]
                .as_str()
                .unwrap_or_default()
                .contains("new railings"),
            "{id}"
        );
    }
}

#[test]
fn forty_records_without_text_are_one_line_and_a_bad_number_skips_one_record() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut records: Vec<String> = (0..40)
        .map(|i| format!("{{\"title\": \"t{i}\"}}"))
        .collect();
    records.push(format!(
        "{{\"title\": \"Kept\", \"body\": {:?}}}",
        article("pier")
    ));
    records.push("{\"title\": \"Huge\", \"body\": \"x\", \"score\": 1e400}".to_string());
    records.push("{\"title\": \"Lone\", \"body\": \"\\ud800\"}".to_string());
    std::fs::write(
        dir.path().join("feed.json"),
        format!("[{}]", records.join(",\n")),
    )
    .expect("json");
    let o = run_in(dir.path(), &["list", "--json", "feed.json"]);
    assert!(o.status.success(), "{}", bin::stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v.as_array().map(Vec::len), Some(1), "{v}");
    let err = bin::stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(
        lines[0].contains("element 1: no text") && lines[0].contains("39 more"),
        "{err}"
    );
    assert!(
        lines[1].contains("element 42: invalid JSON: number out of range"),
        "{err}"
    );
    assert!(lines[2].contains("element 43: invalid JSON"), "{err}");
}

#[test]
fn a_directory_as_configuration_says_so_once_and_counts_agree() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(dir.path().join("a.txt"), article("bridge")).expect("a");
    let o = bin::command("reliability-messages")
        .args(["list", "a.txt"])
        .current_dir(dir.path())
        .env("PARALLAX_CONFIG", dir.path())
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(2));
    let err = bin::stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(err.matches("not a regular file").count(), 1, "{err}");
    let out = dir.path().join("one.jsonl");
    let o = run_in(
        dir.path(),
        &["export", "--passim", out.to_str().expect("path"), "a.txt"],
    );
    assert!(
        bin::stderr(&o).contains("wrote 1 article to"),
        "{}",
        bin::stderr(&o)
    );
}

#[test]
fn a_file_over_the_limit_says_its_real_size() {
    let dir = tempfile::tempdir().expect("tmp");
    // 2 MB and a few KB: both would round to "2.0 MB".
    let big = "word ".repeat((2 << 20) / 5 + 1000);
    std::fs::write(dir.path().join("big.txt"), big).expect("big");
    std::fs::write(dir.path().join("a.txt"), article("bridge")).expect("a");
    let o = run_in(dir.path(), &["list", "big.txt", "a.txt"]);
    let err = bin::stderr(&o);
    assert!(
        err.contains("too large: 2102150 bytes (the limit is 2097152 bytes)"),
        "{err}"
    );
}
