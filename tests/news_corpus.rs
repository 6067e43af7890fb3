//! The realistic news corpus in `tests/corpus/news/`: its committed `gold.json` parses, every
//! gold file exists in `articles/` (and nothing else is there), and every gold text (quotes,
//! shared passages, entity names or variants, titles) occurs in its file once decoded with the
//! gold encoding. This is the hook the corpus-based measurements build on; it uses no parallax
//! feature, only the fixture itself (`render.py --check` keeps the fixture in sync with its sources).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Gold {
    stories: BTreeMap<String, Story>,
    articles: Vec<Article>,
}

#[derive(Debug, Deserialize)]
struct Story {
    label: String,
}

#[derive(Debug, Deserialize)]
struct Article {
    file: String,
    story: String,
    outlet: String,
    date: Option<String>,
    lang: String,
    encoding: String,
    format: String,
    title: String,
    entities: Vec<Entity>,
    quotes: Vec<Quote>,
    shared: Vec<Shared>,
}

#[derive(Debug, Deserialize)]
struct Entity {
    name: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    variants: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Quote {
    text: String,
    parts: Vec<String>,
    speaker: String,
    kind: String,
}

#[derive(Debug, Deserialize)]
struct Shared {
    id: String,
    text: String,
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/news")
}

fn gold() -> Gold {
    let raw = std::fs::read_to_string(dir().join("gold.json")).expect("read gold.json");
    serde_json::from_str(&raw).expect("gold.json parses")
}

/// The file's text decoded with its gold encoding (BOMs removed, HTML entities decoded).
fn decoded(a: &Article) -> String {
    let bytes = std::fs::read(dir().join("articles").join(&a.file)).expect("read article");
    let (text, had_errors) = match a.encoding.as_str() {
        "utf-8" | "utf-8-bom" => {
            let (t, _, e) = encoding_rs::UTF_8.decode(&bytes);
            (t.into_owned(), e)
        }
        "utf-16" => {
            assert!(
                bytes.starts_with(&[0xFF, 0xFE]),
                "{}: UTF-16 LE without BOM",
                a.file
            );
            let (t, _, e) = encoding_rs::UTF_16LE.decode(&bytes);
            (t.into_owned(), e)
        }
        label => {
            let enc =
                encoding_rs::Encoding::for_label(label.as_bytes()).expect("known encoding label");
            let (t, e) = enc.decode_without_bom_handling(&bytes);
            (t.into_owned(), e)
        }
    };
    assert!(
        !had_errors,
        "{}: bytes are not valid {}",
        a.file, a.encoding
    );
    if a.format == "html" {
        html_escape::decode_html_entities(&text).into_owned()
    } else {
        text
    }
}

#[test]
fn gold_parses_and_every_gold_file_exists() {
    let g = gold();
    assert!(
        g.articles.len() >= 100,
        "only {} articles",
        g.articles.len()
    );
    let on_disk: BTreeSet<String> = std::fs::read_dir(dir().join("articles"))
        .expect("articles/ exists")
        .map(|e| {
            e.expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let in_gold: BTreeSet<String> = g.articles.iter().map(|a| a.file.clone()).collect();
    assert_eq!(
        in_gold.len(),
        g.articles.len(),
        "duplicate file names in gold.json"
    );
    let missing: Vec<_> = in_gold.difference(&on_disk).collect();
    let extra: Vec<_> = on_disk.difference(&in_gold).collect();
    assert!(
        missing.is_empty(),
        "gold files missing from articles/: {missing:?}"
    );
    assert!(
        extra.is_empty(),
        "files in articles/ without gold: {extra:?}"
    );
    let files: Vec<&str> = g.articles.iter().map(|a| a.file.as_str()).collect();
    let mut sorted = files.clone();
    sorted.sort_unstable();
    assert_eq!(files, sorted, "gold.json articles are sorted by file");
}

#[test]
fn gold_values_are_well_formed() {
    let g = gold();
    for s in g.stories.values() {
        assert!(!s.label.is_empty());
    }
    for a in &g.articles {
        assert!(
            g.stories.contains_key(&a.story),
            "{}: unknown story {}",
            a.file,
            a.story
        );
        assert!(!a.outlet.is_empty() && !a.title.is_empty(), "{}", a.file);
        assert!(
            ["en", "de", "fr", "es", "ru"].contains(&a.lang.as_str()),
            "{}",
            a.file
        );
        assert!(["txt", "html"].contains(&a.format.as_str()), "{}", a.file);
        if let Some(d) = &a.date {
            assert!(
                chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok(),
                "{}: date {d}",
                a.file
            );
        }
        let names: BTreeSet<&str> = a.entities.iter().map(|e| e.name.as_str()).collect();
        for e in &a.entities {
            assert!(
                ["person", "org", "place"].contains(&e.kind.as_str()),
                "{}: {}",
                a.file,
                e.name
            );
        }
        for q in &a.quotes {
            assert!(
                ["statement", "scare", "title"].contains(&q.kind.as_str()),
                "{}",
                a.file
            );
            assert!(
                q.speaker.is_empty() || names.contains(q.speaker.as_str()),
                "{}: {}",
                a.file,
                q.speaker
            );
        }
    }
    // Every story is in use, and a shared passage joins 2+ articles of one story.
    let used: BTreeSet<&str> = g.articles.iter().map(|a| a.story.as_str()).collect();
    assert_eq!(used.len(), g.stories.len(), "stories without articles");
    let mut carriers: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for a in &g.articles {
        for s in &a.shared {
            carriers
                .entry(s.id.as_str())
                .or_default()
                .push(a.story.as_str());
        }
    }
    for (id, stories) in carriers {
        assert!(stories.len() >= 2, "shared id {id} occurs once");
        assert!(
            stories.iter().all(|s| *s == stories[0]),
            "shared id {id} spans stories"
        );
    }
}

#[test]
fn every_gold_text_occurs_in_its_decoded_file() {
    for a in &gold().articles {
        let text = decoded(a);
        assert!(text.contains(&a.title), "{}: title not found", a.file);
        for q in &a.quotes {
            for t in std::iter::once(&q.text).chain(&q.parts) {
                assert!(
                    text.contains(t.as_str()),
                    "{}: quote not found: {t}",
                    a.file
                );
            }
        }
        for s in &a.shared {
            assert!(
                text.contains(&s.text),
                "{}: shared {} not found",
                a.file,
                s.id
            );
        }
        for e in &a.entities {
            let found = std::iter::once(&e.name)
                .chain(&e.variants)
                .any(|n| text.contains(n.as_str()));
            assert!(found, "{}: entity not found: {}", a.file, e.name);
        }
    }
}

#[test]
fn html_pages_declare_the_gold_encoding() {
    for a in gold().articles.iter().filter(|a| a.format == "html") {
        let text = decoded(a);
        let charset = if a.encoding == "utf-8-bom" {
            "utf-8"
        } else {
            a.encoding.as_str()
        };
        assert!(
            text.contains(&format!("<meta charset=\"{charset}\">")),
            "{}: charset",
            a.file
        );
        assert!(text.contains("application/ld+json"), "{}: JSON-LD", a.file);
    }
}
