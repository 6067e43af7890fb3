//! The gazetteer: entities of general world knowledge (countries with their demonyms,
//! capitals, international bodies, news agencies, treaties) and the titles that introduce
//! people, read from `assets/gazetteer.toml` and matched with one Aho-Corasick automaton
//! (leftmost-longest, whole words, case-sensitive so that `US` never matches `us`).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use rustc_hash::FxHashMap;
use rustc_hash::FxHashSet;
use serde::Deserialize;

use super::EntityKind;
use super::lexicon::{title_case, with_lower};
use crate::assets;

/// One gazetteer entity.
#[derive(Debug, Clone, Deserialize)]
pub struct Entry {
    pub name: String,
    pub kind: EntityKind,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// For a capital: the country it stands for when it acts as the government.
    #[serde(default)]
    pub capital_of: Option<String>,
    /// Nationality words and adjectives ("Russian", "French"): matched so that they split
    /// names and become roles, but never a mention of the country.
    #[serde(default)]
    pub demonyms: Vec<String>,
    /// A city: in a sports story, alone, it names its club.
    #[serde(default)]
    pub city: bool,
}

/// What a gazetteer pattern stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Index into [`Gazetteer::entries`].
    Entity(usize),
    /// A title that introduces a person ("President", "spokeswoman").
    Title,
}

/// One whole-word gazetteer match in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GzMatch {
    pub start: usize,
    pub end: usize,
    pub target: Target,
}

#[derive(Deserialize, Default)]
struct File {
    #[serde(default)]
    titles: Vec<String>,
    #[serde(default)]
    entity: Vec<Entry>,
}

/// The compiled gazetteer.
pub struct Gazetteer {
    pub entries: Vec<Entry>,
    automaton: Option<AhoCorasick>,
    targets: Vec<Target>,
    folded: FxHashMap<String, Target>,
    /// First words of the patterns that start in lower case ("spokeswoman", "the"),
    /// with the rest of each such pattern after its first word ("", " States").
    lower_starts: FxHashMap<String, Vec<String>>,
    /// Bit set of the first two bytes and lengths of `lower_starts`, to turn most words away
    /// without hashing them.
    lower_pairs: Vec<u64>,
    /// For each entry, the entry of the country it is the capital of.
    capital_of: Vec<Option<usize>>,
    /// Every demonym in lower case ("russian", "russians").
    demonyms: FxHashSet<String>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::parse(assets::GAZETTEER));

/// The shipped gazetteer, compiled once.
pub fn gazetteer() -> &'static Gazetteer {
    &GAZETTEER
}

impl Gazetteer {
    /// Compiles a gazetteer from TOML; a malformed file gives an empty gazetteer.
    pub fn parse(toml_text: &str) -> Self {
        let file: File = toml::from_str(toml_text).unwrap_or_default();
        let (patterns, targets) = patterns(&file);
        let folded = patterns
            .iter()
            .zip(&targets)
            .map(|(p, t)| (p.to_lowercase(), *t))
            .collect();
        let lower_starts = lower_starts(&patterns);
        let by_name: FxHashMap<&str, usize> = file
            .entity
            .iter()
            .enumerate()
            .map(|(i, e)| (e.name.as_str(), i))
            .collect();
        let capital_of = file
            .entity
            .iter()
            .map(|e| {
                e.capital_of
                    .as_deref()
                    .and_then(|c| by_name.get(c).copied())
            })
            .collect();
        let lower_pairs = pairs_of(lower_starts.keys());
        let demonyms = file
            .entity
            .iter()
            .flat_map(|e| e.demonyms.iter().map(|d| d.to_lowercase()))
            .collect();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .start_kind(StartKind::Both)
            .build(&patterns)
            .ok();
        Self {
            entries: file.entity,
            automaton,
            targets,
            folded,
            lower_starts,
            lower_pairs,
            capital_of,
            demonyms,
        }
    }

    /// Whether a matched text is a nationality word ("Russian"), not a name of its entry.
    pub fn is_demonym(&self, text: &str) -> bool {
        with_lower(text, |l| self.demonyms.contains(l))
    }

    /// Every whole-word match in `text`, in order, without overlaps.
    pub fn find<'a>(&'a self, text: &'a str) -> impl Iterator<Item = GzMatch> + 'a {
        self.automaton
            .iter()
            .flat_map(move |ac| ac.find_iter(text))
            .filter(move |m| whole_word(text, m.start(), m.end()))
            .map(|m| GzMatch {
                start: m.start(),
                end: m.end(),
                target: self.targets[m.pattern().as_usize()],
            })
    }

    /// The country entry that entry `e` is the capital of.
    pub fn capital_of(&self, e: usize) -> Option<usize> {
        self.capital_of.get(e).copied().flatten()
    }

    /// Whether a pattern may start with this word, followed by `after` (the text after
    /// it): any capitalised word, and the few lower-case words that open a pattern when
    /// the rest of one follows ("the" before " States", not before " talks"). Saves
    /// searching at every word.
    pub fn may_start(&self, word: &str, after: &str) -> bool {
        if !word.starts_with(char::is_lowercase) {
            return true;
        }
        let k = pair(word);
        self.lower_pairs
            .get(k >> 6)
            .is_some_and(|bits| bits & (1 << (k & 63)) != 0)
            && self
                .lower_starts
                .get(word)
                .is_some_and(|rests| rests.iter().any(|r| after.starts_with(r.as_str())))
    }

    /// The longest whole-word match starting exactly at byte `start`.
    pub fn match_at(&self, text: &str, start: usize) -> Option<GzMatch> {
        let ac = self.automaton.as_ref()?;
        let input = Input::new(text)
            .span(start..text.len())
            .anchored(Anchored::Yes);
        let m = ac.try_find(input).ok().flatten()?;
        whole_word(text, m.start(), m.end()).then(|| GzMatch {
            start: m.start(),
            end: m.end(),
            target: self.targets[m.pattern().as_usize()],
        })
    }

    /// Looks a name up ignoring case ("MOSCOW" -> Moscow).
    pub fn lookup_folded(&self, name: &str) -> Option<Target> {
        self.folded.get(&name.to_lowercase()).copied()
    }
}

/// The first words of the patterns that start in lower case, each with the rest of every
/// such pattern after it ("the" → " States", " Gulf").
fn lower_starts(patterns: &[String]) -> FxHashMap<String, Vec<String>> {
    let mut starts: FxHashMap<String, Vec<String>> = FxHashMap::default();
    for p in patterns
        .iter()
        .filter(|p| p.starts_with(char::is_lowercase))
    {
        let cut = p.find(|c: char| !c.is_alphanumeric()).unwrap_or(p.len());
        let (first, rest) = p.split_at(cut);
        starts
            .entry(first.to_string())
            .or_default()
            .push(rest.to_string());
    }
    starts
}

/// The bit set of the first two bytes and lengths ([`pair`]) of `words`.
fn pairs_of<'w>(words: impl Iterator<Item = &'w String>) -> Vec<u64> {
    let mut bits = vec![0u64; 1 << 10];
    for w in words {
        let k = pair(w);
        bits[k >> 6] |= 1 << (k & 63);
    }
    bits
}

/// The first two bytes and the length of a word folded into a number below 2^16: "the"
/// and "they" fall apart, so the most frequent words stop at the filter.
fn pair(word: &str) -> usize {
    let b = word.as_bytes();
    let bytes = usize::from(b.first().copied().unwrap_or(0)) << 8
        | usize::from(b.get(1).copied().unwrap_or(0));
    bytes ^ (b.len().min(31) << 11)
}

/// The patterns of a gazetteer file with what each stands for: every name and alias, and
/// every title as written, in lower case and in Title Case (first occurrence wins).
fn patterns(file: &File) -> (Vec<String>, Vec<Target>) {
    let mut patterns: Vec<String> = Vec::new();
    let mut targets = Vec::new();
    let mut seen: FxHashSet<String> = FxHashSet::default();
    let mut add = |p: String, t: Target| {
        if !p.is_empty() && seen.insert(p.clone()) {
            patterns.push(p);
            targets.push(t);
        }
    };
    for (i, e) in file.entity.iter().enumerate() {
        for name in std::iter::once(&e.name)
            .chain(&e.aliases)
            .chain(&e.demonyms)
        {
            add(name.clone(), Target::Entity(i));
        }
    }
    for t in &file.titles {
        add(t.clone(), Target::Title);
        add(t.to_lowercase(), Target::Title);
        add(title_case(t), Target::Title);
    }
    (patterns, targets)
}

/// True when `start..end` is not glued to a letter or digit on either side.
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let last = text[..end].chars().next_back();
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    // A match ending in "." ("U.S.") may be followed by anything.
    !glued(before) && (last == Some('.') || !glued(after))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        let gz = gazetteer();
        gz.find(text)
            .map(|m| match m.target {
                Target::Entity(i) => gz.entries[i].name.clone(),
                Target::Title => format!("title:{}", &text[m.start..m.end]),
            })
            .collect()
    }

    #[test]
    fn shipped_file_parses_with_hundreds_of_entries() {
        let gz = gazetteer();
        assert!(gz.entries.len() > 300, "{}", gz.entries.len());
        assert!(gz.automaton.is_some());
    }

    #[test]
    fn no_alias_belongs_to_two_entities() {
        let gz = gazetteer();
        let mut owner: FxHashMap<String, usize> = FxHashMap::default();
        for (i, e) in gz.entries.iter().enumerate() {
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                let prev = owner.insert(n.to_lowercase(), i);
                assert!(prev.is_none_or(|p| p == i), "{n} twice");
            }
        }
    }

    #[test]
    fn demonyms_and_short_forms_map_to_countries() {
        assert_eq!(
            names("the Russian-American draft, U.S. and USA, American side, Britain"),
            [
                "Russia",
                "United States",
                "United States",
                "United States",
                "United States",
                "United Kingdom"
            ]
        );
    }

    #[test]
    fn leftmost_longest_whole_words() {
        assert_eq!(
            names("the UN General Assembly"),
            ["United Nations General Assembly"]
        );
        assert_eq!(names("thus BUSINESS and us"), Vec::<String>::new());
        assert_eq!(names("Russia’s GRU"), ["Russia", "GRU"]);
    }

    #[test]
    fn titles_match_in_both_cases() {
        assert_eq!(
            names("spokeswoman X, Foreign Minister Y"),
            ["title:spokeswoman", "title:Foreign Minister"]
        );
    }

    #[test]
    fn folded_lookup_reads_caps() {
        let gz = gazetteer();
        let Some(Target::Entity(i)) = gz.lookup_folded("MOSCOW") else {
            panic!("MOSCOW not found")
        };
        assert_eq!(gz.entries[i].name, "Moscow");
    }

    #[test]
    fn anchored_matches() {
        let gz = gazetteer();
        let text = "the UN General Assembly and the States";
        let m = gz.match_at(text, 4).expect("match");
        assert_eq!(&text[m.start..m.end], "UN General Assembly");
        assert!(gz.match_at(text, 5).is_none());
        assert!(gz.may_start("the", " States said") && gz.may_start("Moscow", " said"));
        assert!(!gz.may_start("the", " talks") && !gz.may_start("talks", ""));
        let m = gz.match_at(text, 28).expect("match");
        assert_eq!(&text[m.start..m.end], "the States");
    }

    #[test]
    fn capitals_know_their_country() {
        let gz = gazetteer();
        let Some(Target::Entity(moscow)) = gz.lookup_folded("Moscow") else {
            panic!("Moscow not found")
        };
        let russia = gz.capital_of(moscow).expect("capital");
        assert_eq!(gz.entries[russia].name, "Russia");
        assert_eq!(gz.capital_of(russia), None);
    }

    #[test]
    fn malformed_toml_gives_empty_gazetteer() {
        let gz = Gazetteer::parse("entity = [");
        assert!(gz.entries.is_empty());
        assert_eq!(gz.find("Russia").count(), 0);
    }
}
