//! Data files shipped in `assets/` and compiled into the binary: the outlet table, page
//! chrome phrases, and (for later layers) the gazetteer, keymap and theme.
//!
//! Data lives in files, not code, so that it can be read, reviewed and extended by people
//! who do not write Rust.

/// Outlet table: domains and names of news outlets (TOML).
pub const OUTLETS: &str = include_str!("../assets/outlets.toml");

/// Page chrome: whole lines that are site furniture, not article text (one per line).
pub const CHROME: &str = include_str!("../assets/chrome.txt");

/// Page chrome that heads a list of links (`Read more:`): it and the lines after it in its
/// paragraph are dropped (one phrase per line).
pub const LINK_LIST_HEADS: &str = include_str!("../assets/link_list_heads.txt");

/// Words the metadata extractor reads with: header keys, source phrases, abbreviations,
/// tag joiners, site-name words (TOML).
pub const METADATA_LEXICON: &str = include_str!("../assets/metadata-lexicon.toml");

/// The lines of a one-item-per-line asset, without comments and blank lines.
pub fn lines(asset: &str) -> impl Iterator<Item = &str> {
    asset
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Key bindings of the interactive reader, per screen (TOML); also the source of its help.
pub const KEYMAP: &str = include_str!("../assets/keymap.toml");

/// The reader's theme of meanings: passage palette, quotes, entity kinds, matches, chrome.
pub const THEME: &str = include_str!("../assets/theme.toml");

/// Function words (several languages) for shared-passage seeding and junk filtering.
pub const STOPWORDS: &str = include_str!("../assets/stopwords.txt");

/// Speech verbs that attribute a direct quote to a speaker.
pub const SPEECH_VERBS: &str = include_str!("../assets/speech_verbs.txt");

/// Titles and roles that stand before or for a person's name.
pub const TITLES: &str = include_str!("../assets/titles.txt");

/// Nationality nouns that stand for a person named earlier (`the Czech said`).
pub const DEMONYMS: &str = include_str!("../assets/demonyms.txt");

/// Nouns for a person quoted without a name (`his brother said`, `a witness said`).
pub const UNNAMED_SPEAKERS: &str = include_str!("../assets/unnamed_speakers.txt");

/// Role nouns that stand before a person's name (`striker`, `coach`), besides the titles.
pub const ROLE_WORDS: &str = include_str!("../assets/role_words.txt");

/// Three-letter country codes of sport, printed in brackets after a name in results.
pub const NATION_CODES: &str = include_str!("../assets/nation_codes.txt");

/// Nouns that stand for an organisation named earlier (`the company said`).
pub const ORG_ROLES: &str = include_str!("../assets/org_roles.txt");

/// Words after which a quote's speaker is named (`according to`, `selon`, `según`).
pub const ACCORDING_TO: &str = include_str!("../assets/according_to.txt");

/// Words that name a quote's speaker only right after the quote (German `„…“, so Meier`).
pub const AFTER_QUOTE_CUES: &str = include_str!("../assets/after_quote_cues.txt");

/// Determiners that open a role before a speaker's name (`said the harbour master …`).
pub const ROLE_DETERMINERS: &str = include_str!("../assets/role_determiners.txt");

/// Word frequencies per language (Zipf values, derived from wordfreq by
/// `scripts/wordfreq/derive.py`; CC-BY-SA 4.0, see `assets/wordfreq/LICENSE-wordfreq.txt`),
/// as (language code, table).
pub const WORDFREQ: [(&str, &str); 5] = [
    ("en", include_str!("../assets/wordfreq/en.txt")),
    ("de", include_str!("../assets/wordfreq/de.txt")),
    ("fr", include_str!("../assets/wordfreq/fr.txt")),
    ("es", include_str!("../assets/wordfreq/es.txt")),
    ("ru", include_str!("../assets/wordfreq/ru.txt")),
];

/// Page chrome phrases masked before shared passages are sought.
pub const PASSAGE_CHROME: &str = include_str!("../assets/passage_chrome.txt");

/// Gazetteer: countries, capitals, international bodies, news agencies, treaties and the
/// titles that introduce people (TOML).
pub const GAZETTEER: &str = include_str!("../assets/gazetteer.toml");

/// Function words: capitalised only at the start of a sentence or headline (one per line).
pub const FUNCTION_WORDS: &str = include_str!("../assets/function_words.txt");

/// Function words that may still open a name in mid-sentence ("New", "First").
pub const NAME_OPENERS: &str = include_str!("../assets/name_openers.txt");

/// Month and day names (one per line).
pub const CALENDAR: &str = include_str!("../assets/calendar.txt");

/// Lower-case connectors inside names ("of", "de", "bin", "al").
pub const NAME_CONNECTORS: &str = include_str!("../assets/name_connectors.txt");

/// Abbreviations a full stop follows without ending the sentence ("Mr", "Gen").
pub const ABBREVIATIONS: &str = include_str!("../assets/abbreviations.txt");

/// Words that show a capital acting as its government ("Washington has ...").
pub const GOVERNMENT_VERBS: &str = include_str!("../assets/government_verbs.txt");

/// Cue words that give a name its kind ("Ministry" -> organization) (TOML).
pub const KIND_CUES: &str = include_str!("../assets/kind_cues.toml");

/// The documented default configuration file (`parallax config --print-default`).
pub const CONFIG: &str = include_str!("../assets/config.toml");
