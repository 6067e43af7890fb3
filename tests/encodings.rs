//! Files in many encodings (tests/fixtures/encodings, written by its make.py from prose we
//! wrote) load with the right encoding named and no replacement character; so does the
//! realistic news corpus (tests/corpus/news) when it is present.

use std::path::{Path, PathBuf};

use parallax::corpus::{Article, Loaded, load_paths};

fn load(dir: &Path) -> Loaded {
    load_paths(&[dir.to_path_buf()])
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/encodings")
}

fn by_file<'a>(loaded: &'a Loaded, file: &str) -> &'a Article {
    loaded
        .corpus
        .articles
        .iter()
        .find(|a| a.path.ends_with(file))
        .unwrap_or_else(|| panic!("{file} not loaded: {:?}", loaded.problems))
}

#[test]
fn every_fixture_decodes_in_its_encoding() {
    let loaded = load(&fixtures());
    let cases = [
        ("windows-1252.txt", "windows-1252", "€4.2 million"),
        ("iso-8859-1.txt", "windows-1252", "Die Bürger von Köln"),
        ("iso-8859-15.html", "ISO-8859-15", "12 €"),
        ("windows-1251.txt", "windows-1251", "Рыбаки приветствовали"),
        ("koi8-r.txt", "KOI8-R", "Рыбаки приветствовали"),
        ("shift_jis.txt", "Shift_JIS", "漁業関係者は決定を歓迎した"),
        ("gb18030.txt", "GBK", "渔民团体对这一决定表示欢迎"),
        (
            "utf-16le-bom.txt",
            "UTF-16LE",
            "“We are not sure it will be enough,”",
        ),
        ("utf-16be-bom.txt", "UTF-16BE", "Рыбаки приветствовали"),
        ("utf-32le-bom.txt", "UTF-32LE", "漁業関係者は決定を歓迎した"),
        ("utf-8-bom.txt", "UTF-8", "Die Bürger von Köln"),
        ("windows-1252.html", "windows-1252", "Fishermen’s groups"),
        ("page.html.gz", "UTF-8", "Fishermen’s groups"),
        (
            "declared-latin1-but-utf8.html",
            "UTF-8",
            "Die Bürger von Köln",
        ),
    ];
    for (file, encoding, phrase) in cases {
        let a = by_file(&loaded, file);
        assert_eq!(a.meta.encoding.as_deref(), Some(encoding), "{file}");
        assert!(!a.body.contains('\u{FFFD}'), "{file}: {}", a.body);
        assert!(a.body.contains(phrase), "{file}: {}", a.body);
    }
    let feed = by_file(&loaded, "windows-1251.rss");
    assert_eq!(feed.meta.encoding.as_deref(), Some("windows-1251"));
    assert_eq!(feed.meta.title, "Совет утвердил бюджет");
    assert_eq!(feed.meta.source.as_deref(), Some("Вечерние новости"));
    assert!(feed.body.contains("Рыбаки приветствовали"));
}

#[test]
fn saved_pages_lose_captions_and_keep_their_titles() {
    let loaded = load(&fixtures());
    for file in ["windows-1252.html", "page.html.gz"] {
        let a = by_file(&loaded, file);
        assert_eq!(a.meta.title, "Sea wall budget approved", "{file}");
        assert_eq!(a.meta.source.as_deref(), Some("Harbour Times"), "{file}");
        assert_eq!(a.meta.subtitle, None, "{file}");
        assert!(!a.body.contains("Photograph"), "{file}: {}", a.body);
    }
    assert_eq!(by_file(&loaded, "page.html.gz").id, "page");
}

#[test]
fn only_the_contradicted_declaration_is_warned_about() {
    let loaded = load(&fixtures());
    let problems: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].ends_with(
            "declared-latin1-but-utf8.html: warning: declared windows-1252 but the bytes are \
             UTF-8; read as UTF-8"
        ),
        "{problems:?}"
    );
}

/// The encoding parallax names for a file the news corpus wrote in `gold` (its renderer's
/// name): pure ASCII is UTF-8 whatever it was meant as, Latin-1 is windows-1252 (as the
/// WHATWG maps it), and Latin-9 without a letter of its own reads as windows-1252.
fn expected(gold: &str, bytes: &[u8]) -> &'static [&'static str] {
    if bytes.is_ascii() {
        return &["UTF-8"];
    }
    match gold {
        "utf-8" | "utf-8-bom" => &["UTF-8"],
        "windows-1252" | "iso-8859-1" => &["windows-1252"],
        "iso-8859-15" => &["ISO-8859-15", "windows-1252"],
        "utf-16" => &["UTF-16LE"],
        "windows-1251" => &["windows-1251"],
        _ => &[],
    }
}

#[test]
fn the_news_corpus_decodes_as_written() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/news");
    let Ok(gold) = std::fs::read_to_string(root.join("gold.json")) else {
        eprintln!("no tests/corpus/news here: nothing to check");
        return;
    };
    let gold: serde_json::Value = serde_json::from_str(&gold).unwrap();
    let loaded = load(&root.join("articles"));
    let warnings: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert!(warnings.is_empty(), "{warnings:?}");
    for g in gold["articles"].as_array().unwrap() {
        let file = g["file"].as_str().unwrap();
        let bytes = std::fs::read(root.join("articles").join(file)).unwrap();
        let a = by_file(&loaded, file);
        let want = expected(g["encoding"].as_str().unwrap(), &bytes);
        let got = a.meta.encoding.as_deref().unwrap_or("");
        assert!(want.contains(&got), "{file}: {got}, expected {want:?}");
        assert!(!a.body.contains('\u{FFFD}'), "{file}");
    }
}
