//! Tests of the configuration file: the documented default, overrides, and errors that name
//! the key and the line.

use std::path::Path;

use super::*;

fn parse(text: &str) -> Result<Settings, ConfigError> {
    Settings::parse(Path::new("config.toml"), text)
}

#[test]
fn the_documented_default_parses_to_the_defaults() {
    let s = parse(crate::assets::CONFIG).expect("default config");
    assert!(!s.mouse);
    assert_eq!(s.analysis, Thresholds::default());
    assert!(s.outlets.is_empty() && s.keys.is_empty() && s.theme.is_empty());
}

/// `name = value`, with a bare key name.
fn is_setting(line: &str) -> bool {
    line.split_once(" = ").is_some_and(|(k, _)| {
        !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    })
}

#[test]
fn the_commented_examples_parse_when_uncommented() {
    let uncommented: String = crate::assets::CONFIG
        .lines()
        .map(|l| match l.strip_prefix("# ") {
            Some(rest) if rest.starts_with('[') || is_setting(rest) => rest,
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let s = parse(&uncommented).expect("examples");
    assert_eq!(s.outlets.len(), 1);
    assert_eq!(s.outlets[0].domains, ["coasttimes.example", "ct.example"]);
    assert!(s.keys.keys().any(|k| k.get_ref() == "compare"));
    assert!(s.theme.keys().any(|k| k.get_ref() == "meaning"));
}

#[test]
fn values_override_the_defaults() {
    let s = parse("mouse = true\n[analysis]\nmin_quote_words = 6\n").expect("config");
    assert!(s.mouse);
    assert_eq!(s.analysis.min_quote_words, 6);
    assert_eq!(
        s.analysis.ngram_doc_cap,
        Thresholds::default().ngram_doc_cap
    );
}

#[test]
fn unknown_keys_name_the_key_and_the_line() {
    let e = parse("mouse = true\n\n[analysis]\nmin_quote_wrds = 6\n")
        .expect_err("unknown key")
        .to_string();
    assert!(
        e.starts_with("config.toml:4: min_quote_wrds: unknown field"),
        "{e}"
    );
    let e = parse("colour = 1\n").expect_err("unknown key").to_string();
    assert!(e.starts_with("config.toml:1: colour:"), "{e}");
    let e = parse("[[outlet]]\nname = \"X\"\ndomain = [\"x.test\"]\n")
        .expect_err("unknown key")
        .to_string();
    assert!(e.starts_with("config.toml:3: domain:"), "{e}");
}

#[test]
fn bad_values_name_the_key_and_the_line() {
    let e = parse("[analysis]\nngram_doc_cap = \"many\"\n")
        .expect_err("bad value")
        .to_string();
    assert!(e.starts_with("config.toml:2: ngram_doc_cap:"), "{e}");
    let e = parse("[analysis]\nmin_quote_words = 0\n")
        .expect_err("too small")
        .to_string();
    assert_eq!(
        e,
        "config.toml:2: analysis.min_quote_words: must be at least 1"
    );
    let e = parse("mouse = \"yes\"\n")
        .expect_err("bad bool")
        .to_string();
    assert!(e.starts_with("config.toml:1: mouse:"), "{e}");
    assert!(parse("[analysis\n").is_err());
}

#[test]
fn key_and_theme_tables_keep_their_positions() {
    let text = "[keys.library]\ndown = [\"j\"]\n\n[theme.meaning]\nquote = { fg = \"red\" }\n";
    let s = parse(text).expect("config");
    let (screen, actions) = s.keys.iter().next().expect("keys");
    assert_eq!(screen.get_ref(), "library");
    let (action, _) = actions.iter().next().expect("action");
    let err = s
        .error_at(action.span(), "keys.library.down", "test")
        .to_string();
    assert_eq!(err, "config.toml:2: keys.library.down: test");
    let (_, styles) = s.theme.iter().next().expect("theme");
    let (name, _) = styles.iter().next().expect("style");
    assert_eq!(error::line_of(text, name.span().start), 5);
}

#[test]
fn a_missing_file_means_the_defaults() {
    let dir = tempfile::tempdir().expect("tmp");
    let s = Settings::load_from(&dir.path().join("none.toml")).expect("defaults");
    assert_eq!(s.analysis, Thresholds::default());
}

#[test]
fn broken_toml_names_the_line_without_an_empty_key() {
    let e = parse("mouse = true\n[[[\n")
        .expect_err("broken")
        .to_string();
    assert!(e.starts_with("config.toml:2: "), "{e}");
    assert!(!e.contains(": :"), "{e}");
}
