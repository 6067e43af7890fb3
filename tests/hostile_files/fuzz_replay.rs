//! Fuzz reproducers as regression tests: every file under `tests/fixtures/fuzz/TARGET/` is
//! an input that once crashed the cargo-fuzz target `TARGET` (see `fuzz/fuzz_targets/`);
//! each is fed again to the same library calls, which must not panic.

use std::path::Path;

use parallax::analysis::entities::{extract, extract_bodies};
use parallax::analysis::{Config, analyse, passages, quotes};
use parallax::corpus::{Corpus, Format, load_bytes, load_seeds};
use parallax::filter::{parse, rank};
use parallax::metadata::parse_plain;

/// Runs the library calls of fuzz target `target` on `data`.
fn replay(target: &str, data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let parts: Vec<String> = data
        .split(|&b| b == 0xFF)
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .collect();
    match target {
        "metadata" => {
            let _ = load_bytes(Path::new("f.txt"), data, Format::Text);
            let _ = parse_plain(&text);
        }
        "records" => {
            let _ = load_bytes(Path::new("f.json"), data, Format::Json);
            let _ = load_bytes(Path::new("f.jsonl"), data, Format::JsonLines);
        }
        "entities" => {
            let refs: Vec<&str> = parts.iter().take(4).map(String::as_str).collect();
            let _ = extract_bodies(&refs);
        }
        "quotes" => {
            let _ = quotes::pairing::pair_marks(&text);
            let corpus = corpus_of(&parts[..parts.len().min(3)]);
            let _ = quotes::find_all(&corpus, &extract(&corpus));
        }
        "passages" => {
            let (a, b) = match data.iter().position(|&x| x == 0xFF) {
                Some(i) => (&data[..i], &data[i + 1..]),
                None => data.split_at(data.len() / 2),
            };
            let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
            let _ = passages::compare(&a, &b, &Config::default());
            let _ = analyse(&corpus_of(&[a.into(), b.into()]), &Config::default());
        }
        "filter" => {
            let index = extract(&load_seeds().corpus);
            let _ = parse(&text);
            let _ = rank(&index, &text);
        }
        other => panic!("no fuzz target called {other}"),
    }
}

fn corpus_of(texts: &[String]) -> Corpus {
    Corpus::from_bodies(texts.iter().cloned())
}

#[test]
fn fuzz_reproducers_no_longer_crash() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let Ok(targets) = std::fs::read_dir(&root) else {
        return;
    };
    for target in targets {
        let target = target.unwrap().path();
        if !target.is_dir() {
            continue;
        }
        let name = target.file_name().unwrap().to_string_lossy().into_owned();
        for input in std::fs::read_dir(&target).unwrap() {
            let input = input.unwrap().path();
            eprintln!("replaying {}", input.display());
            replay(&name, &std::fs::read(&input).unwrap());
        }
    }
}
