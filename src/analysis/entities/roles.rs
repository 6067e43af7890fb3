//! Roles: the titles, ranks and nationality words written right before a person's name
//! ("Foreign Ministry spokeswoman Maria Zakharova", "Croat striker Ivan Peric", "General
//! Maurice Baril"). Extraction cuts them off the name; this module reads them back from
//! the text before each mention, so a person keeps them as roles (what quotes need for
//! "the spokeswoman said").

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::gazetteer::{Target, gazetteer};
use super::lexicon::{lexicon, with_lower};
use super::{Entity, EntityKind, Field};
use crate::assets;
use crate::corpus::Corpus;

/// Role nouns in lower case: the titles list and the role words list.
static ROLE_WORDS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    assets::lines(assets::TITLES)
        .chain(assets::lines(assets::ROLE_WORDS))
        .map(str::to_lowercase)
        .collect()
});

/// At most this many words make a role ("US National Security Advisor").
const MAX_WORDS: usize = 6;

/// What a word before a name is, for a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// A title or role noun ("spokeswoman", "General", "Gen.").
    Role,
    /// A nationality word ("Croat").
    Nationality,
    /// Another capitalised word ("Foreign", "Ministry", "Russia's").
    Capital,
    /// "of", "the" inside a role ("Secretary of the Treasury").
    Connector,
}

fn part(word: &str) -> Option<Part> {
    let gz = gazetteer();
    if word.ends_with('.') {
        // "Gen.", "Sen.": an abbreviated title; any other full stop ends a sentence.
        return (gz.lookup_folded(word) == Some(Target::Title)).then_some(Part::Role);
    }
    if word.ends_with(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}') {
        return None;
    }
    if with_lower(word, |l| ROLE_WORDS.contains(l)) || gz.lookup_folded(word) == Some(Target::Title)
    {
        return Some(Part::Role);
    }
    match gz.lookup_folded(word) {
        Some(Target::Entity(_)) if gz.is_demonym(word) => return Some(Part::Nationality),
        // "US National Security Advisor": a country or body, whatever its case.
        Some(Target::Entity(_)) if word.starts_with(char::is_uppercase) => {
            return Some(Part::Capital);
        }
        _ => {}
    }
    if matches!(word, "of" | "the" | "for") {
        return Some(Part::Connector);
    }
    let capital = word.starts_with(char::is_uppercase);
    (capital && !lexicon().is_function(word)).then_some(Part::Capital)
}

/// The role written right before byte `start` of `text` (on the same line, next to the
/// name, ending in a title, a role noun or a nationality), if any.
pub fn role_before(text: &str, start: usize) -> Option<&str> {
    let head = text.get(..start)?;
    if !head.ends_with([' ', '\u{a0}']) {
        return None;
    }
    let line_start = head.rfind('\n').map_or(0, |i| i + 1);
    let mut words: Vec<(usize, usize, Part)> = Vec::new();
    let mut end = head.trim_end().len();
    while end > line_start && words.len() < MAX_WORDS {
        let begin = head[..end]
            .rfind(char::is_whitespace)
            .map_or(0, |i| {
                i + head[i..].chars().next().map_or(1, char::len_utf8)
            })
            .max(line_start);
        let Some(p) = part(&head[begin..end]) else {
            break;
        };
        words.push((begin, end, p));
        end = head[..begin].trim_end().len();
    }
    let nearest = *words.first()?;
    if !matches!(nearest.2, Part::Role | Part::Nationality) {
        return None;
    }
    // The role opens with a word, not "of the".
    while words.last().is_some_and(|w| w.2 == Part::Connector) {
        words.pop();
    }
    let first = words.last()?;
    Some(&head[first.0..nearest.1])
}

/// The roles of a person across the corpus, most often written first ("spokeswoman",
/// "Foreign Ministry spokeswoman"), each once whatever its case; none for other kinds.
pub fn roles(corpus: &Corpus, entity: &Entity) -> Vec<String> {
    if entity.kind != EntityKind::Person {
        return Vec::new();
    }
    let mut counts: FxHashMap<String, (usize, usize, String)> = FxHashMap::default();
    for (order, m) in entity.mentions.iter().enumerate() {
        let Some(article) = corpus.articles.get(m.article) else {
            continue;
        };
        let text = match m.field {
            Field::Body => article.body.as_str(),
            Field::Title => article.meta.title.as_str(),
            _ => continue,
        };
        if let Some(role) = role_before(text, m.span.start) {
            let role = role.split_whitespace().collect::<Vec<_>>().join(" ");
            let entry = counts
                .entry(role.to_lowercase())
                .or_insert((0, order, role));
            entry.0 += 1;
        }
    }
    let mut found: Vec<(usize, usize, String)> = counts.into_values().collect();
    found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    found.into_iter().map(|(_, _, role)| role).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(text: &str, name: &str) -> Option<String> {
        let start = text.find(name)?;
        role_before(text, start).map(str::to_string)
    }

    #[test]
    fn titles_ranks_and_nationalities_before_a_name() {
        let text = "Foreign Ministry spokeswoman Maria Zakharova said so.";
        assert_eq!(
            role(text, "Maria").as_deref(),
            Some("Foreign Ministry spokeswoman")
        );
        let text = "The goal came from Croat striker Ivan Peric.";
        assert_eq!(role(text, "Ivan").as_deref(), Some("Croat striker"));
        let text = "He met General Maurice Baril and Gen. Ann Dunwoody.";
        assert_eq!(role(text, "Maurice").as_deref(), Some("General"));
        assert_eq!(role(text, "Ann").as_deref(), Some("Gen."));
        let text = "talks with US National Security Advisor Jake Sullivan";
        assert_eq!(
            role(text, "Jake").as_deref(),
            Some("US National Security Advisor")
        );
    }

    #[test]
    fn no_role_without_a_title_next_to_the_name() {
        assert_eq!(role("On Monday Maria Zakharova spoke.", "Maria"), None);
        assert_eq!(role("said Maria Zakharova.", "Maria"), None);
        assert_eq!(role("The minister left. Maria Zakharova", "Maria"), None);
        assert_eq!(role("the minister, Maria Zakharova", "Maria"), None);
        assert_eq!(role("Real Madrid\nMaria Zakharova", "Maria"), None);
    }

    #[test]
    fn roles_of_a_person_across_the_corpus() {
        let corpus = Corpus::from_bodies([
            "Foreign Ministry spokeswoman Maria Zakharova spoke on radio.",
            "Spokeswoman Maria Zakharova said talks went on. Zakharova left.",
            "Russian diplomat Maria Zakharova wrote.",
        ]);
        let index = super::super::extract(&corpus);
        let e = index
            .entities
            .iter()
            .find(|e| e.name == "Maria Zakharova")
            .expect("found");
        assert_eq!(
            roles(&corpus, e),
            [
                "Foreign Ministry spokeswoman",
                "Spokeswoman",
                "Russian diplomat"
            ]
        );
        let russia = index.entities.iter().find(|e| e.name == "Russia");
        assert!(russia.is_none(), "a demonym is no place");
    }
}
