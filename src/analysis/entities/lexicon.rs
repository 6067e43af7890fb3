//! The word lists entity extraction consults (function words, calendar words, name
//! connectors, abbreviations, kind cues), read once from `assets/`.
//!
//! Lookups take the word as written and never allocate: every list is stored in lower case
//! and in Title Case (and cues with a plural `s`), which covers the forms met in text.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;

use super::EntityKind;
use crate::assets;

/// The word lists, loaded once.
pub struct Lexicon {
    function: FxHashSet<String>,
    openers: FxHashSet<String>,
    calendar: FxHashSet<String>,
    connectors: FxHashSet<String>,
    abbreviations: FxHashSet<String>,
    cues: FxHashMap<String, EntityKind>,
    legal_suffixes: FxHashSet<String>,
    government_verbs: FxHashSet<String>,
    generic: FxHashSet<String>,
    sections: FxHashSet<String>,
    person_suffixes: FxHashSet<String>,
    sport_words: FxHashSet<String>,
    /// Bit set of the first two bytes of the sport words: most words are turned away
    /// without hashing them (the sports hint reads 600 words of every article).
    sport_pairs: Vec<u64>,
    club_words: FxHashSet<String>,
    nation_codes: FxHashSet<String>,
}

/// The first two bytes of a word as a number below 2^16.
fn pair(word: &str) -> usize {
    let b = word.as_bytes();
    usize::from(b.first().copied().unwrap_or(0)) << 8 | usize::from(b.get(1).copied().unwrap_or(0))
}

#[derive(Deserialize, Default)]
struct CueFile {
    #[serde(default)]
    organization: Vec<String>,
    #[serde(default)]
    place: Vec<String>,
    #[serde(default)]
    other: Vec<String>,
    #[serde(default)]
    legal_suffixes: Vec<String>,
    #[serde(default)]
    generic: Vec<String>,
    #[serde(default)]
    sections: Vec<String>,
    #[serde(default)]
    person_suffixes: Vec<String>,
    #[serde(default)]
    sport_words: Vec<String>,
    #[serde(default)]
    club_words: Vec<String>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

/// The shared lexicon.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

/// Calls `f` with `word` in lower case, without allocating for short ASCII words.
pub fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 48];
    if word.is_ascii() && word.len() <= buf.len() {
        let out = &mut buf[..word.len()];
        out.copy_from_slice(word.as_bytes());
        out.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(out) {
            return f(lower);
        }
    }
    f(&word.to_lowercase())
}

/// Upper-cases the first char of a word ("president" -> "President").
pub fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Upper-cases the first char and lower-cases the rest ("MOSCOW" -> "Moscow").
pub fn name_case(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

fn both_cases(asset: &str) -> FxHashSet<String> {
    cased(assets::lines(asset))
}

/// Each word in lower case, Title Case and capitals.
fn cased<'a>(words: impl Iterator<Item = &'a str>) -> FxHashSet<String> {
    let mut set = FxHashSet::default();
    for w in words {
        let lower = w.to_lowercase();
        set.insert(title_case(&lower));
        set.insert(w.to_uppercase());
        set.insert(lower);
    }
    set
}

/// The cue words of each kind with their plurals ("Ministry", "Ministries", "Councils").
fn cue_map(groups: [(&Vec<String>, EntityKind); 3]) -> FxHashMap<String, EntityKind> {
    let mut cues = FxHashMap::default();
    for (words, kind) in groups {
        for w in words {
            if let Some(stem) = w.strip_suffix('y') {
                cues.entry(format!("{stem}ies")).or_insert(kind);
            }
            cues.entry(format!("{w}s")).or_insert(kind);
            cues.entry(w.clone()).or_insert(kind);
        }
    }
    cues
}

impl Lexicon {
    fn load() -> Self {
        let cue_file: CueFile = toml::from_str(assets::KIND_CUES).unwrap_or_default();
        let legal_suffixes = cue_file
            .legal_suffixes
            .iter()
            .map(|s| s.to_lowercase())
            .collect();
        let cues = cue_map([
            (&cue_file.organization, EntityKind::Organization),
            (&cue_file.place, EntityKind::Place),
            (&cue_file.other, EntityKind::Other),
        ]);
        let generic = cased(
            cue_file
                .generic
                .iter()
                .map(String::as_str)
                .chain(assets::lines(assets::STOPWORDS)),
        );
        Self {
            generic,
            sections: cue_file.sections.iter().map(|s| s.to_lowercase()).collect(),
            person_suffixes: cue_file.person_suffixes.into_iter().collect(),
            sport_pairs: {
                let mut bits = vec![0u64; 1 << 10];
                for w in &cue_file.sport_words {
                    let k = pair(w);
                    bits[k >> 6] |= 1 << (k & 63);
                }
                bits
            },
            sport_words: cue_file.sport_words.into_iter().collect(),
            club_words: cue_file.club_words.into_iter().collect(),
            nation_codes: assets::lines(assets::NATION_CODES)
                .map(str::to_string)
                .collect(),
            function: both_cases(assets::FUNCTION_WORDS),
            openers: both_cases(assets::NAME_OPENERS),
            calendar: both_cases(assets::CALENDAR),
            connectors: assets::lines(assets::NAME_CONNECTORS)
                .map(str::to_string)
                .collect(),
            abbreviations: assets::lines(assets::ABBREVIATIONS)
                .map(str::to_string)
                .collect(),
            cues,
            legal_suffixes,
            government_verbs: assets::lines(assets::GOVERNMENT_VERBS)
                .map(str::to_string)
                .collect(),
        }
    }

    /// A function word ("The", "However"): never a name at the start of a sentence.
    pub fn is_function(&self, word: &str) -> bool {
        self.function.contains(word)
    }

    /// A function word that may still open a name mid-sentence ("New", "First").
    pub fn is_opener(&self, word: &str) -> bool {
        self.openers.contains(word)
    }

    /// A month or day name.
    pub fn is_calendar(&self, word: &str) -> bool {
        self.calendar.contains(word)
    }

    /// A lower-case connector inside names ("of", "de", "bin").
    pub fn is_connector(&self, word: &str) -> bool {
        self.connectors.contains(word)
    }

    /// An abbreviation whose full stop does not end the sentence ("Mr", "Gen").
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(word)
    }

    /// A word showing that the capital before it acts as its government ("has").
    pub fn is_government_verb(&self, word: &str) -> bool {
        self.government_verbs.contains(word)
    }

    /// A company's legal suffix ("AG", "Inc"), in lower case.
    pub fn is_legal_suffix(&self, lower_word: &str) -> bool {
        self.legal_suffixes.contains(lower_word)
    }

    /// A word that is never a name on its own ("Results", "Inside", "Out").
    pub fn is_generic(&self, word: &str) -> bool {
        self.generic.contains(word)
    }

    /// A section slug ("SOCCER", "World News"), any case.
    pub fn is_section(&self, name: &str) -> bool {
        with_lower(name, |l| self.sections.contains(l))
    }

    /// A word after a person's name that is not part of it ("KC", "Jr").
    pub fn is_person_suffix(&self, word: &str) -> bool {
        self.person_suffixes.contains(word)
    }

    /// A word of sports reporting ("match", "scored"), lower case as written.
    pub fn is_sport_word(&self, word: &str) -> bool {
        let k = pair(word);
        self.sport_pairs
            .get(k >> 6)
            .is_some_and(|bits| bits & (1 << (k & 63)) != 0)
            && self.sport_words.contains(word)
    }

    /// A country code of sport ("GBR", "USA"), in capitals.
    pub fn is_nation_code(&self, word: &str) -> bool {
        self.nation_codes.contains(word)
    }

    /// The last word of a club's name ("United", "Rovers").
    pub fn is_club_word(&self, word: &str) -> bool {
        self.club_words.contains(word)
    }

    /// The kind a cue word gives a name ("Ministry" -> organization).
    pub fn cue(&self, word: &str) -> Option<EntityKind> {
        self.cues.get(word).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_match_in_sentence_and_lower_case() {
        let lx = lexicon();
        assert!(lx.is_function("However") && lx.is_function("however"));
        assert!(lx.is_function("THE"));
        assert!(!lx.is_function("Zakharova"));
        assert!(lx.is_calendar("November") && lx.is_calendar("Wednesday"));
        assert!(lx.is_connector("of") && lx.is_connector("bin"));
        assert!(lx.is_abbreviation("Mr"));
        assert!(lx.is_opener("New"));
    }

    #[test]
    fn cues_give_kinds_with_plurals() {
        let lx = lexicon();
        assert_eq!(lx.cue("Ministry"), Some(EntityKind::Organization));
        assert_eq!(lx.cue("Councils"), Some(EntityKind::Organization));
        assert_eq!(lx.cue("Ministries"), Some(EntityKind::Organization));
        assert_eq!(lx.cue("Coast"), Some(EntityKind::Place));
        assert_eq!(lx.cue("Treaty"), Some(EntityKind::Other));
        assert_eq!(lx.cue("Putin"), None);
    }

    #[test]
    fn lower_case_views() {
        assert_eq!(with_lower("Shortly", str::to_string), "shortly");
        assert_eq!(with_lower("ЗАХАРОВА", str::to_string), "захарова");
    }

    #[test]
    fn cases() {
        assert_eq!(title_case("president"), "President");
        assert_eq!(name_case("MOSCOW"), "Moscow");
        assert_eq!(name_case("МОСКВА"), "Москва");
    }
}
