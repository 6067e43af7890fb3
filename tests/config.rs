//! End-to-end tests of the configuration file: the documented default, errors that name the
//! key and the line (exit 2, whatever the command), a missing file, and settings that change
//! what the commands print (thresholds, extra outlet domains).

use std::path::Path;
use std::process::Output;

#[path = "common/bin.rs"]
mod bin;

use bin::{stderr, stdout};

fn parallax(config: &Path, args: &[&str]) -> Output {
    bin::command("config")
        .args(args)
        .env("PARALLAX_CONFIG", config)
        .output()
        .expect("run parallax")
}

#[test]
fn print_default_is_the_embedded_documented_file_and_a_valid_config() {
    let dir = tempfile::tempdir().expect("tmp");
    let config = dir.path().join("config.toml");
    let o = parallax(&config, &["config", "--print-default"]);
    assert!(o.status.success());
    let text = stdout(&o);
    assert!(text.contains("min_quote_words = 4") && text.contains("mouse = false"));
    // Used as the user's file, it changes nothing.
    std::fs::write(&config, &text).expect("write");
    let with = parallax(&config, &["quotes", "--json"]);
    let without = parallax(&dir.path().join("missing.toml"), &["quotes", "--json"]);
    assert!(with.status.success() && without.status.success());
    assert_eq!(with.stdout, without.stdout);
    let path = parallax(&config, &["config", "--path"]);
    assert_eq!(stdout(&path).trim_end(), config.display().to_string());
}

#[test]
fn a_bad_config_exits_2_naming_the_key_and_the_line() {
    let dir = tempfile::tempdir().expect("tmp");
    let config = dir.path().join("config.toml");
    let cases = [
        (
            "mouse = true\n[analysis]\nmin_quote_wrds = 3\n",
            ":3: min_quote_wrds: unknown field",
        ),
        ("[analysis]\nngram_doc_cap = -1\n", ":2: ngram_doc_cap:"),
        (
            "[keys.compare]\nexport = [\"e\"]\nbogus = [\"x\"]\n",
            ":3: keys.compare.bogus: unknown action",
        ),
        (
            "\n[theme.meaning]\nquote = { fg = \"nocolour\" }\n",
            ":3: theme.meaning.quote: unknown colour",
        ),
    ];
    for (text, want) in cases {
        std::fs::write(&config, text).expect("write");
        let o = parallax(&config, &["list"]);
        assert_eq!(o.status.code(), Some(2), "{text}");
        let err = stderr(&o);
        assert!(err.contains(&format!("config.toml{want}")), "{text}: {err}");
        assert!(o.stdout.is_empty());
    }
    // `config` itself still works, to print a good file to start again from.
    assert!(
        parallax(&config, &["config", "--print-default"])
            .status
            .success()
    );
}

#[test]
fn thresholds_change_the_analysis() {
    let dir = tempfile::tempdir().expect("tmp");
    let config = dir.path().join("config.toml");
    let count = |o: &Output| -> usize {
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
        v.as_array().map_or(0, Vec::len)
    };
    let default = count(&parallax(&config, &["quotes", "--json"]));
    std::fs::write(&config, "[analysis]\nmin_quote_words = 40\n").expect("write");
    let strict = count(&parallax(&config, &["quotes", "--json"]));
    assert!(strict <= default, "{strict} > {default}");
}

#[test]
fn extra_outlet_domains_name_the_source() {
    let dir = tempfile::tempdir().expect("tmp");
    let config = dir.path().join("config.toml");
    let article = dir.path().join("harbour.txt");
    std::fs::write(
        &article,
        "Town vows to rebuild the harbour\n\nhttps://www.coasttimes.example/news/harbour-rebuild\n\nResidents met on Monday to plan the rebuilding of the harbour after the storm.\n",
    )
    .expect("write");
    let source = |o: &Output| -> String {
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
        v[0]["source"].as_str().unwrap_or_default().to_string()
    };
    let before = parallax(&config, &["list", "--json", article.to_str().expect("p")]);
    assert_ne!(source(&before), "Coast Times");
    std::fs::write(
        &config,
        "[[outlet]]\nname = \"Coast Times\"\ndomains = [\"coasttimes.example\"]\n",
    )
    .expect("write");
    let after = parallax(&config, &["list", "--json", article.to_str().expect("p")]);
    assert!(after.status.success(), "{}", stderr(&after));
    assert_eq!(source(&after), "Coast Times");
}

#[test]
fn the_theme_palette_colours_the_html_report() {
    let dir = tempfile::tempdir().expect("tmp");
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "[theme.passages]\npalette = [\"#123456\", \"#abcdef\"]\n",
    )
    .expect("write");
    let o = parallax(
        &config,
        &[
            "compare",
            "000_4bf21840051c9ce6",
            "002_e9092905f2d66a6d",
            "--html",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let html = stdout(&o);
    assert!(html.contains("{background:#123456}") && html.contains("{background:#abcdef}"));
    assert!(
        !html.contains("#f9e2af"),
        "the built-in palette is replaced"
    );
}
