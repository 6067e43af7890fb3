//! The extractor's word lists (`assets/metadata-lexicon.toml`): which header keys name
//! which field, the phrases that introduce a source, abbreviations, tag joiners and
//! site-name words. Parsed once; lowercased.

use std::sync::LazyLock;

use serde::Deserialize;

/// Header keys by the field they name.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Keys {
    pub date: Vec<String>,
    pub updated: Vec<String>,
    pub url: Vec<String>,
    pub category: Vec<String>,
    pub source: Vec<String>,
    pub author: Vec<String>,
    pub tags: Vec<String>,
    pub credit: Vec<String>,
}

/// All the word lists.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Lexicon {
    pub keys: Keys,
    pub source_phrases: Vec<String>,
    pub abbreviations: Vec<String>,
    pub tag_joiners: Vec<String>,
    pub site_words: Vec<String>,
}

/// The parsed lexicon; empty lists (never a panic) if the asset were malformed, which a
/// unit test rules out.
static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| toml::from_str(crate::assets::METADATA_LEXICON).unwrap_or_default());

/// The lexicon.
pub fn get() -> &'static Lexicon {
    &LEXICON
}

/// True when `list` holds `word` (already lowercased by the caller).
pub fn has(list: &[String], word: &str) -> bool {
    list.iter().any(|w| w == word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asset_parses_with_every_list_filled() {
        let lex: Lexicon = toml::from_str(crate::assets::METADATA_LEXICON).unwrap();
        let k = &lex.keys;
        for list in [
            &k.date,
            &k.updated,
            &k.url,
            &k.category,
            &k.source,
            &k.author,
            &k.tags,
            &k.credit,
            &lex.source_phrases,
            &lex.abbreviations,
            &lex.tag_joiners,
            &lex.site_words,
        ] {
            assert!(!list.is_empty());
            assert!(list.iter().all(|w| *w == w.to_lowercase()), "{list:?}");
        }
    }
}
