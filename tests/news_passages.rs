//! Shared passages on the hand-written news corpus (`tests/corpus/news/`, format in its
//! README): no short passage (under eight words, where chance matches live) joins two gold
//! stories, and every planted `shared`
//! passage of eight words or more is found in every pair of articles carrying it. The
//! counts are printed (`cargo test --test news_passages -- --nocapture`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use parallax::analysis::{Config, analyse};
use parallax::corpus::load_paths;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/news")
}

struct Gold {
    story: String,
    /// (shared id, text)
    shared: Vec<(String, String)>,
}

fn gold() -> BTreeMap<String, Gold> {
    let text = std::fs::read_to_string(root().join("gold.json")).expect("gold.json");
    let json: serde_json::Value = serde_json::from_str(&text).expect("gold.json parses");
    let mut out = BTreeMap::new();
    for a in json["articles"].as_array().expect("articles") {
        let s = |k: &str| a[k].as_str().unwrap_or_default().to_string();
        let shared = a["shared"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|x| {
                let f = |k: &str| x[k].as_str().unwrap_or_default().to_string();
                (f("id"), f("text"))
            })
            .collect();
        out.insert(
            s("file"),
            Gold {
                story: s("story"),
                shared,
            },
        );
    }
    out
}

/// Lower-case words of a text, for matching a planted text against a body loosely.
fn words(t: &str) -> Vec<String> {
    t.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn passages_never_join_two_stories_and_planted_ones_are_found() {
    if !root().join("gold.json").exists() {
        eprintln!("no hand-written corpus at {}: skipped", root().display());
        return;
    }
    let gold = gold();
    let corpus = load_paths(&[root().join("articles")]).corpus;
    assert!(corpus.len() >= 20, "{} articles", corpus.len());
    let file = |k: usize| {
        Path::new(&corpus.articles[k].path)
            .file_name()
            .map(|f| f.to_string_lossy().to_string())
            .unwrap_or_default()
    };
    let story = |k: usize| gold.get(&file(k)).map(|g| g.story.clone());
    let analysis = analyse(&corpus, &Config::default());
    let passages = &analysis.passages.passages;
    // short passages are where chance lives; a long one across two stories is text that
    // near-topic stories really share (a background paragraph, a pundit's description)
    let (mut joining, mut near_topic) = (Vec::new(), Vec::new());
    let mut occurrences = 0;
    for p in passages {
        occurrences += p.occurrences.len();
        let stories: BTreeSet<Option<String>> =
            p.occurrences.iter().map(|o| story(o.article)).collect();
        if stories.len() > 1 {
            let o = &p.occurrences[p.longest()];
            let text = &corpus.articles[o.article].body[o.span.clone()];
            if p.words < 8 {
                let arts: Vec<usize> = p.occurrences.iter().map(|o| o.article).collect();
                joining.push(format!("{stories:?} {arts:?}: {text}"));
            } else {
                near_topic.push(format!("{stories:?}: {text}"));
            }
        }
    }
    // planted passages: each pair of carriers must share a passage covering most of it
    let mut carriers: BTreeMap<String, Vec<(usize, String)>> = BTreeMap::new();
    for k in 0..corpus.len() {
        for (id, text) in gold
            .get(&file(k))
            .map(|g| g.shared.as_slice())
            .unwrap_or(&[])
        {
            carriers
                .entry(id.clone())
                .or_default()
                .push((k, text.clone()));
        }
    }
    let (mut planted, mut found, mut missed) = (0, 0, Vec::new());
    for (id, cs) in &carriers {
        for (x, (ka, ta)) in cs.iter().enumerate() {
            for (kb, tb) in &cs[x + 1..] {
                if words(ta).len().min(words(tb).len()) < 8 {
                    continue;
                }
                planted += 1;
                // an article may carry more of the planted text than the other: the words
                // both carry are what must be covered
                let both = words(ta).len().min(words(tb).len());
                let covers = |k: usize, t: &str, o: &parallax::analysis::passages::Occurrence| {
                    let got = words(&corpus.articles[k].body[o.span.clone()]);
                    let hit = words(t).iter().filter(|w| got.contains(w)).count();
                    4 * hit >= 3 * both
                };
                let ok = passages.iter().any(|p| {
                    let on = |k: usize, t: &str| {
                        p.occurrences
                            .iter()
                            .any(|o| o.article == k && covers(k, t, o))
                    };
                    on(*ka, ta) && on(*kb, tb)
                });
                if ok {
                    found += 1;
                } else {
                    missed.push(format!("{id}: {} / {}", file(*ka), file(*kb)));
                }
            }
        }
    }
    println!(
        "{} articles, {} passages, {} occurrences; short ones joining two stories: {}; long \
         ones across stories: {}; planted pairs (8+ words) found: {found}/{planted}",
        corpus.len(),
        passages.len(),
        occurrences,
        joining.len(),
        near_topic.len()
    );
    for t in &near_topic {
        println!("  across stories: {t}");
    }
    // "not sound like a lot of money" (44 bits by word frequencies, in two unrelated
    // stories) is held back by its stock phrase: "a lot of money" is in 16 articles.
    for t in &joining {
        println!("  joining: {t}");
    }
    assert!(
        joining.is_empty(),
        "passages joining stories:\n{}",
        joining.join("\n")
    );
    // Long text across stories is what near-topics share: 13 on 378 articles (18 before the
    // headlines a page lists after `Read more:` were dropped as chrome).
    assert!(near_topic.len() <= 13, "{} long ones", near_topic.len());
    // A wire sentence reworded in its middle is found whole: its shorter piece (under
    // eight words) continues the longer one on the same diagonal.
    for m in &missed {
        println!("  missed: {m}");
    }
    assert!(
        found == planted,
        "planted passages missed:\n{}",
        missed.join("\n")
    );
}
