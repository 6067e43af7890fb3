//! End-to-end tests of the evidence a user takes away: `compare --html` and `--markdown`
//! reports and `quotes --csv`, from the real binary on articles of our own.

use std::path::Path;
use std::process::Output;

#[path = "common/bin.rs"]
mod bin;

use bin::stdout;

fn parallax(args: &[&str]) -> Output {
    bin::run("exports", args)
}

/// `parallax compare A B FLAG DIR` on the two articles of [`corpus`].
fn compare(a: &str, b: &str, flag: &str, dir: &Path) -> Output {
    parallax(&["compare", a, b, flag, dir.to_str().expect("path")])
}

const SHARED: &str = "“We will rebuild the old harbour with our own hands before the winter comes,” Mayor Anna Berg told reporters on Tuesday.";

/// Two articles of our own: one hostile (markup, ampersands, a javascript: URL), one plain.
fn corpus(dir: &Path) -> (String, String) {
    let a = format!(
        "Title: Harbour <script>alert(1)</script> & plans\nSource: Daily Example\nDate: 2024-03-05\nURL: https://daily.example/harbour?a=1&b=2\n\nThe storm left the port in ruins & the town <b>angry</b>.\n\n{SHARED}\n\nOfficials, \"quietly\", disagreed."
    );
    let b = format!(
        "Title: Town vows to rebuild\nSource: Coast Times\nDate: 2024-03-06\n\nResidents met on Monday.\n\n{SHARED}\n\nThe council meets again next week."
    );
    std::fs::write(dir.join("harbour-a.txt"), a).expect("write a");
    std::fs::write(dir.join("harbour-b.txt"), b).expect("write b");
    (
        dir.join("harbour-a.txt").display().to_string(),
        dir.join("harbour-b.txt").display().to_string(),
    )
}

#[test]
fn compare_html_is_standalone_escaped_and_highlighted() {
    let dir = tempfile::tempdir().expect("tmp");
    let (a, b) = corpus(dir.path());
    let o = compare(&a, &b, "--html", dir.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = stdout(&o);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.trim_end().ends_with("</html>"));
    assert!(!html.contains("<script"), "unescaped script");
    assert!(!html.contains("<b>"), "unescaped markup");
    assert!(html.contains("&amp;"));
    // Nothing is loaded from elsewhere.
    for external in ["src=", "<link", "@import", "url("] {
        assert!(!html.contains(external), "{external}");
    }
    let json = compare(&a, &b, "--json", dir.path());
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    let spans = v["spans"].as_array().expect("spans");
    assert!(!spans.is_empty());
    for n in 1..=spans.len() {
        assert!(html.contains(&format!("id=\"a-{n}\"")), "passage {n} in A");
        assert!(html.contains(&format!("id=\"b-{n}\"")), "passage {n} in B");
        assert!(html.contains(&format!("data-passage=\"{n}\"")));
    }
    assert!(html.contains("verbatim"));
}

#[test]
fn compare_markdown_has_metadata_labels_and_offsets() {
    let dir = tempfile::tempdir().expect("tmp");
    let (a, b) = corpus(dir.path());
    let o = compare(&a, &b, "--markdown", dir.path());
    assert!(o.status.success());
    let md = stdout(&o);
    assert!(md.contains("| Outlet |"), "{md}");
    assert!(
        md.contains("2024-03-05") && md.contains("2024-03-06"),
        "{md}"
    );
    assert!(md.contains("https://daily.example"), "{md}");
    assert!(md.contains("## 1. verbatim"), "{md}");
    assert!(md.contains("- A: bytes ") && md.contains("- B: bytes "));
    assert!(md.contains("rebuild the old harbour"));
}

#[test]
fn html_and_json_cannot_be_asked_together() {
    let o = parallax(&["compare", "x", "y", "--html", "--json"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn passages_csv_has_a_row_per_occurrence_with_exact_offsets() {
    let dir = tempfile::tempdir().expect("tmp");
    corpus(dir.path());
    let o = parallax(&["passages", "--csv", dir.path().to_str().expect("path")]);
    assert!(o.status.success());
    let mut r = csv::Reader::from_reader(o.stdout.as_slice());
    let headers = r.headers().expect("headers").clone();
    for col in ["outlet", "date", "url", "start", "end", "text"] {
        assert!(headers.iter().any(|h| h == col), "{col}");
    }
    let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.expect("row")).collect();
    assert!(rows.len() >= 2, "{rows:?}");
    let outlets: Vec<&str> = rows.iter().map(|r| &r[col("outlet")]).collect();
    assert!(
        outlets.contains(&"Daily Example") && outlets.contains(&"Coast Times"),
        "{outlets:?}"
    );
    for row in &rows {
        let show = parallax(&[
            "show",
            "--json",
            &row[col("article")],
            dir.path().to_str().expect("p"),
        ]);
        let v: serde_json::Value = serde_json::from_slice(&show.stdout).expect("show json");
        let body = v["body"].as_str().expect("body");
        let (s, e): (usize, usize) = (
            row[col("start")].parse().expect("start"),
            row[col("end")].parse().expect("end"),
        );
        assert_eq!(&body[s..e], &row[col("text")]);
    }
}
