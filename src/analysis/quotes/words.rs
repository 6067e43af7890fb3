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
static ROLE_WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| set(assets::ROLE_WORDS));
static ACCORDING: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| set(assets::ACCORDING_TO));
static AFTER_QUOTE: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| set(assets::AFTER_QUOTE_CUES));
static STOPWORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| set(assets::STOPWORDS));
static ROLE_DETERMINERS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| set(assets::ROLE_DETERMINERS));

/// True for a word after which the speaker is named (`according`, `selon`); lower case.
pub fn is_according(word: &str) -> bool {
    ACCORDING.contains(word)
}

/// True for a word that names a quote's speaker only right after the quote (`so`); lower
/// case.
pub fn is_after_quote_cue(word: &str) -> bool {
    AFTER_QUOTE.contains(word)
}

/// True for a function word of one of the languages (`on`, `am`, `sur`); as written.
pub fn is_stopword(word: &str) -> bool {
    crate::analysis::entities::lexicon::with_lower(word, |l| STOPWORDS.contains(l))
}

/// True for a determiner that opens a role before a name (`the`, `der`, `le`); as written.
pub fn is_role_determiner(word: &str) -> bool {
    crate::analysis::entities::lexicon::with_lower(word, |l| ROLE_DETERMINERS.contains(l))
}

/// True for a noun of role, as written (`manager`, `leader`, `Sprecher`, `maire`): a title,
/// a role word, or a title the gazetteer knows.
pub fn is_role_noun(word: &str) -> bool {
    use crate::analysis::entities::gazetteer::{Target, gazetteer};
    crate::analysis::entities::lexicon::with_lower(word, |l| {
        TITLES.contains(l) || ROLE_WORDS.contains(l)
    }) || gazetteer().lookup_folded(word) == Some(Target::Title)
}

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

/// True for a personal pronoun that stands for a speaker (and French `celui`, `celle`: `a
/// déclaré celui qui …`, the one who).
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
            | "celui"
            | "celle"
    )
}

/// True when a word starts with an upper-case letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}
