//! Word lists used by attribution: speech verbs, titles and roles, pronouns (from `assets/`).

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::assets;

fn set(asset: &'static str) -> FxHashSet<&'static str> {
    assets::lines(asset).collect()
}

static SPEECH_VERBS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| set(assets::SPEECH_VERBS));
static TITLES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| set(assets::TITLES));
static DEMONYMS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| set(assets::DEMONYMS));
static UNNAMED: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| set(assets::UNNAMED_SPEAKERS));
static ORG_ROLES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| set(assets::ORG_ROLES));

/// True for a noun that stands for an organisation (`company`, `bank`); lower case.
pub fn is_org_role(word: &str) -> bool {
    ORG_ROLES.contains(word)
}

/// True for a speech verb (`said`, `told`, `stressed`, …); `word` in lower case.
pub fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.contains(word)
}

/// True for a title or role word (`president`, `spokeswoman`, `diplomat`); lower case.
pub fn is_title(word: &str) -> bool {
    TITLES.contains(word)
}

/// True for a nationality noun that can stand for a person (`the Czech said`); as written.
pub fn is_demonym(word: &str) -> bool {
    DEMONYMS.contains(word)
}

/// True for a noun naming someone a text quotes without naming (`cousin`, `witness`).
pub fn is_unnamed_speaker(word: &str) -> bool {
    UNNAMED.contains(word)
}

/// True for a personal pronoun that stands for a speaker.
pub fn is_pronoun(word: &str) -> bool {
    matches!(
        word,
        "he" | "she"
            | "they"
            | "i"
            | "we"
            | "er"
            | "sie"
            | "il"
            | "elle"
            | "lui"
            | "eux"
            | "ils"
            | "elles"
            | "él"
            | "ella"
            | "он"
            | "она"
    )
}

/// True when a word starts with an upper-case letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}
