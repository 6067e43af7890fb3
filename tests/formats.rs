//! Input formats end to end: feeds (RSS 2.0, Atom, JSON Feed), a saved web page, Markdown
//! with front matter and standard input, read by the real binary from the fixtures in
//! `tests/fixtures/formats/` (small files shaped like real ones).

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const DIR: &str = "tests/fixtures/formats";

#[path = "common/bin.rs"]
mod bin;

fn command() -> Command {
    bin::command("formats")
}

fn parallax(args: &[&str]) -> Output {
    command()
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run parallax")
}

/// `parallax list --json FILE` as JSON, with its stderr.
fn list(file: &str) -> (Vec<Value>, String) {
    let path = format!("{DIR}/{file}");
    let o = parallax(&["list", "--json", &path]);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "{file}: {err}");
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    (v.as_array().cloned().unwrap_or_default(), err)
}

fn body(id: &str, file: &str) -> String {
    let path = format!("{DIR}/{file}");
    let o = parallax(&["show", "--json", id, &path]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    v["body"].as_str().unwrap_or_default().to_string()
}

#[test]
fn rss_items_are_articles_with_clean_bodies() {
    let (items, err) = list("harbour-times.rss");
    assert!(err.is_empty(), "{err}");
    assert_eq!(items.len(), 2);
    let a = &items[0];
    assert_eq!(a["id"], "harbour-times-1");
    assert_eq!(
        a["title"],
        "Storm closes Kessling port as ferries stay in harbour"
    );
    assert_eq!(a["source"], "The Harbour Times");
    assert_eq!(a["date"], "2026-11-20");
    assert_eq!(
        a["url"],
        "https://harbourtimes.example/2026/11/20/storm-closes-kessling-port"
    );
    assert_eq!(a["author"], "Mia Chen");
    assert_eq!(a["tags"], serde_json::json!(["Shipping", "Weather"]));
    let text = body("harbour-times-1", "harbour-times.rss");
    assert_eq!(text.split("\n\n").count(), 3, "{text}");
    assert!(text.contains("“We will not reopen"), "{text}");
    assert!(!text.contains('<') && !text.contains("&ldquo;"), "{text}");
    // an escaped-HTML description is parsed the same way
    let second = body("harbour-times-2", "harbour-times.rss");
    assert_eq!(second.split("\n\n").count(), 2, "{second}");
    assert!(!second.contains("&lt;p"), "{second}");
}

#[test]
fn atom_entries_take_published_date_author_and_alternate_link() {
    let (items, _) = list("coastal-wire.atom");
    assert_eq!(items.len(), 2);
    let a = &items[0];
    assert_eq!(
        a["title"],
        "Kessling port shut as storm Ingrid hits & ferries halt"
    );
    assert_eq!(a["source"], "Coastal Wire");
    assert_eq!(a["date"], "2026-11-20");
    assert_eq!(
        a["url"],
        "https://coastalwire.example/stories/kessling-port-shut"
    );
    assert_eq!(a["author"], "Lena Fischer");
    assert_eq!(a["dateline"], "KESSLING");
    // no published date: the updated one
    assert_eq!(items[1]["date"], "2026-11-19");
    assert!(body("coastal-wire-2", "coastal-wire.atom").starts_with("Shops on the islands"));
}

#[test]
fn json_feed_is_told_from_json_articles() {
    let (items, _) = list("bayside-daily.json");
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["title"], "Gale keeps Kessling ferries tied up");
    assert_eq!(items[0]["source"], "Bayside Daily");
    assert_eq!(items[0]["author"], "Priya Nair");
    assert_eq!(
        items[0]["url"],
        "https://baysidedaily.example/news/kessling-storm-port"
    );
    assert_eq!(items[1]["author"], Value::Null);
    let text = body("bayside-daily-2", "bayside-daily.json");
    assert_eq!(text.split("\n\n").count(), 2, "{text}");
}

#[test]
fn saved_page_loses_its_chrome_and_keeps_its_metadata() {
    let (items, err) = list("north-sea-herald-page.html");
    assert!(err.is_empty(), "{err}");
    let a = &items[0];
    assert_eq!(
        a["title"],
        "Storm Ingrid: Kessling port closed as ferries halt"
    );
    assert_eq!(a["source"], "North Sea Herald");
    assert_eq!(a["date"], "2026-11-20");
    assert_eq!(
        a["url"],
        "https://northseaherald.example/news/2026/11/20/storm-ingrid-kessling-port"
    );
    assert_eq!(a["author"], "Jonas Berg");
    let text = body("north-sea-herald-page", "north-sea-herald-page.html");
    assert!(
        text.starts_with("The port of Kessling was closed"),
        "{text}"
    );
    assert_eq!(text.split("\n\n").count(), 4, "{text}");
    for chrome in [
        "Subscribe",
        "cookies",
        "Related stories",
        "All rights",
        "Advertisement",
    ] {
        assert!(!text.contains(chrome), "{chrome} left in:\n{text}");
    }
}

#[test]
fn markdown_front_matter_fills_metadata_and_bad_front_matter_warns() {
    let (items, err) = list("kessling-port.md");
    assert!(err.is_empty(), "{err}");
    let a = &items[0];
    assert_eq!(
        a["title"],
        "Kessling port closed: what storm Ingrid means for ferries"
    );
    assert_eq!(a["source"], "North Sea Herald");
    assert_eq!(a["date"], "2026-11-20");
    assert_eq!(
        a["url"],
        "https://northseaherald.example/kessling-port-closed"
    );
    assert_eq!(a["tags"], serde_json::json!(["Shipping", "Storm Ingrid"]));
    let text = body("kessling-port", "kessling-port.md");
    assert!(text.starts_with("The port of Kessling"), "{text}");

    let (items, err) = list("broken-front-matter.md");
    assert!(err.contains("warning: bad front matter"), "{err}");
    assert_eq!(items[0]["title"], "A note on the storm");
}

#[test]
fn a_folder_of_mixed_formats_loads_every_article() {
    let (items, _) = list("");
    // 2 RSS + 2 Atom + 2 JSON Feed + 1 page + 2 Markdown
    assert_eq!(items.len(), 9);
    let filtered = parallax(&["list", "--json", "--entity", "Tomas Varga", DIR]);
    let v: Value = serde_json::from_slice(&filtered.stdout).expect("JSON");
    assert!(v.as_array().is_some_and(|a| a.len() >= 4), "{v}");
}

#[test]
fn dash_reads_one_article_from_stdin() {
    let mut child = command()
        .args(["list", "--json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run parallax");
    let text = "---\ntitle: Piped in\nsource: Reuters\n---\n\nA short article read from a pipe.\n";
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes())
        .expect("write");
    let o = child.wait_with_output().expect("wait");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v[0]["id"], "stdin");
    assert_eq!(v[0]["path"], "-");
    assert_eq!(v[0]["title"], "Piped in");
    assert_eq!(v[0]["source"], "Reuters");
}

#[test]
fn a_non_feed_xml_file_is_reported_not_fatal() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("sitemap.xml"),
        "<urlset><url>x</url></urlset>",
    )
    .unwrap();
    std::fs::write(dir.path().join("a.txt"), "A title\n\nSome body text here.").unwrap();
    let o = parallax(&["list", "--json", dir.path().to_str().unwrap()]);
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("sitemap.xml: skipped: not an RSS, Atom or JSON feed"),
        "{err}"
    );
}
