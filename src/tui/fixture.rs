//! Test fixtures: apps over the seeds with a hand-built [`Analysis`] (found by plain string
//! search, standing in for the real analysis in tests of the UI), and a small corpus with
//! wide characters.

use std::sync::{Arc, OnceLock};

use crate::analysis::entities::{Entity, EntityIndex, EntityKind, Field, Mention};
use crate::analysis::passages::{Label, Occurrence, Passage, PassageIndex};
use crate::analysis::quotes::Quote;
use crate::analysis::{Analysis, Span};
use crate::corpus::{Article, Corpus, Metadata};

use super::app::App;
use super::keymap::Keymap;
use super::theme::Theme;

/// Passages the seed articles share (with the articles' own wording).
const PASSAGES: &[&str] = &[
    "the need to prevent the use of information resources and technologies for criminal and terrorist purposes",
    "against the use of information and communication technologies for criminal purposes",
    "deliberate use of hackers",
    "a couple of months ago",
];

/// Entities: canonical name, kind, the surface form searched.
const ENTITIES: &[(&str, EntityKind, &str)] = &[
    ("Maria Zakharova", EntityKind::Person, "Zakharova"),
    ("United States", EntityKind::Place, "United States"),
    (
        "UN General Assembly",
        EntityKind::Organization,
        "General Assembly",
    ),
    ("Vladimir Putin", EntityKind::Person, "Putin"),
    ("Anatoly Antonov", EntityKind::Person, "Antonov"),
    ("Moscow", EntityKind::Place, "Moscow"),
];

/// An app over `corpus` at `size`, with `analysis` installed when given.
pub fn app(corpus: Corpus, analysis: Option<Analysis>, size: (u16, u16)) -> App {
    let keymap = Keymap::builtin().expect("keymap");
    let theme = Theme::builtin(false).expect("theme");
    let mut app = App::new(Arc::new(corpus), keymap, theme, size);
    app.align_inline = true;
    if let Some(a) = analysis {
        app.set_analysis(a);
    }
    app
}

/// The seed corpus.
pub fn seeds() -> Corpus {
    crate::corpus::load_seeds().corpus
}

/// `corpus` as a reopen first shows it: every body pending (see
/// [`crate::corpus::Article::body_pending`]).
pub fn without_bodies(corpus: &Corpus) -> Corpus {
    let mut c = corpus.clone();
    for a in &mut c.articles {
        a.body_pending = Some(a.body.len());
        a.body.clear();
    }
    c
}

/// The real analysis of the seeds (computed once for all tests).
pub fn seeds_analysis() -> Analysis {
    seeds_app((80, 24)).analysis
}

/// An app over the seeds with the real analysis (computed once for all tests).
pub fn seeds_app(size: (u16, u16)) -> App {
    static SEEDS: OnceLock<(Corpus, Analysis)> = OnceLock::new();
    let (corpus, analysis) = SEEDS.get_or_init(|| {
        let corpus = seeds();
        let analysis = crate::analysis::analyse(&corpus, &crate::analysis::Config::default());
        (corpus, analysis)
    });
    app(corpus.clone(), Some(analysis.clone()), size)
}

/// An app over the seeds with a hand-built analysis (string search for known passages and
/// entities), independent of the analysis code.
pub fn seeds_app_by_hand(size: (u16, u16)) -> App {
    let corpus = seeds();
    let analysis = analysis(&corpus, PASSAGES, ENTITIES);
    app(corpus, Some(analysis), size)
}

/// Finds every case-insensitive occurrence of `needle` in `body` (ASCII case folding keeps
/// byte offsets).
fn find_all(body: &str, needle: &str) -> Vec<Span> {
    let hay = body.to_ascii_lowercase();
    let needle = needle.to_ascii_lowercase();
    hay.match_indices(&needle)
        .map(|(i, m)| i..i + m.len())
        .collect()
}

/// A hand-built analysis: the given passages and entities found by string search, quotes
/// paired on curly and straight double quotes.
pub fn analysis(
    corpus: &Corpus,
    passages: &[&str],
    entities: &[(&str, EntityKind, &str)],
) -> Analysis {
    let index = entity_index(corpus, entities);
    let found = passage_index(corpus, passages);
    let quotes: Vec<Vec<Quote>> = corpus.articles.iter().map(|a| quotes(&a.body)).collect();
    let stories = crate::analysis::stories::group(corpus, &index, &found);
    Analysis {
        entities: index,
        statements: crate::analysis::quotes::statements::find(corpus, &quotes),
        quotes,
        passages: found,
        stories,
    }
}

/// The entities found in `corpus` by string search for their surface forms, most widely
/// mentioned first; an entity never found is left out.
fn entity_index(corpus: &Corpus, entities: &[(&str, EntityKind, &str)]) -> EntityIndex {
    let mut index = EntityIndex::default();
    for (name, kind, needle) in entities {
        let mentions: Vec<Mention> = corpus
            .articles
            .iter()
            .enumerate()
            .flat_map(|(a, art)| {
                find_all(&art.body, needle)
                    .into_iter()
                    .map(move |span| Mention {
                        article: a,
                        span,
                        field: Field::Body,
                    })
            })
            .collect();
        if !mentions.is_empty() {
            index.entities.push(Entity {
                name: name.to_string(),
                kind: *kind,
                aliases: vec![needle.to_string()],
                mentions,
            });
        }
    }
    index
        .entities
        .sort_by_key(|e| std::cmp::Reverse((e.articles().len(), e.mentions.len())));
    index
}

/// The passages found verbatim (first occurrence per article) in at least two articles.
fn passage_index(corpus: &Corpus, passages: &[&str]) -> PassageIndex {
    let mut found = PassageIndex::default();
    for text in passages {
        let occurrences: Vec<Occurrence> = corpus
            .articles
            .iter()
            .enumerate()
            .filter_map(|(a, art)| {
                let span = find_all(&art.body, text).into_iter().next()?;
                Some(Occurrence {
                    article: a,
                    span,
                    quoted: false,
                })
            })
            .collect();
        if occurrences.len() >= 2 {
            found.passages.push(Passage {
                occurrences,
                words: text.split_whitespace().count(),
                label: Label::Verbatim,
                similarity: 1.0,
                quoted: crate::analysis::passages::Quoted::None,
                speaker: None,
            });
        }
    }
    found
}

fn quotes(body: &str) -> Vec<Quote> {
    let mut out = Vec::new();
    for (open, close) in [('“', '”'), ('"', '"')] {
        let mut from = 0;
        while let Some(i) = body[from..].find(open) {
            let start = from + i;
            let inner = start + open.len_utf8();
            let Some(j) = body[inner..].find(close) else {
                break;
            };
            let end = inner + j + close.len_utf8();
            out.push(Quote {
                inner: inner..inner + j,
                outer: start..end,
                speaker: None,
                speaker_entity: None,
                depth: 0,
                ..Default::default()
            });
            from = end;
        }
    }
    out.sort_by_key(|q| q.outer.start);
    for (k, q) in out.iter_mut().enumerate() {
        q.statement = k;
    }
    out
}

/// Two short articles with CJK and emoji sharing a passage, for alignment tests.
pub fn wide_app(size: (u16, u16)) -> App {
    let mk = |id: &str, source: &str, title: &str, body: &str| {
        Article::new(
            id.to_string(),
            format!("{id}.txt"),
            Metadata {
                title: title.to_string(),
                source: Some(source.to_string()),
                ..Metadata::default()
            },
            body.to_string(),
        )
    };
    let shared = "東京で開かれた会議は 🎉 成功だった と述べた";
    let corpus = Corpus {
        name: "wide".to_string(),
        articles: vec![
            mk(
                "jp-1",
                "日本新聞",
                "会議のニュース 🎌",
                &format!("首相は {shared}。\n\nEmoji 😀 row and 全角 text keep columns aligned."),
            ),
            mk(
                "jp-2",
                "東京タイムズ",
                "会議 📰 報道",
                &format!("Reporters wrote that {shared} yesterday.\n\n終わり 🏁"),
            ),
        ],
    };
    let analysis = analysis(&corpus, &[shared], &[("東京", EntityKind::Place, "東京")]);
    app(corpus, Some(analysis), size)
}
