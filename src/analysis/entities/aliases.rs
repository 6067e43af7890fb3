//! Aliases within a corpus: a surname alone joins the one full name that ends with it
//! ("Zakharova" -> "Maria Zakharova"), a first name introduced by a title joins the one full
//! name that starts with it, and an abbreviation joins the one name whose initials it spells
//! ("IAEA" -> "International Atomic Energy Agency"), and a company name joins its form with
//! a legal suffix ("Siemens Energy" -> "Siemens Energy AG"), and a plural joins its
//! singular ("Security Councils" -> "Security Council"), and a company's head word or a
//! storm's name joins its two-word name ("Korvane" -> "Korvane Chemicals", "Ingrid" ->
//! "Storm Ingrid"). Ambiguous forms stay apart.

use rustc_hash::FxHashMap;

use super::EntityKind;
use super::candidates::{BY_CUE, BY_TITLE};
use super::fold::{FirstName, same_first, translit};
use super::lexicon::{lexicon, title_case};
use super::merge::Group;

/// Where each group of names goes after aliasing.
#[derive(Debug, Default)]
pub struct Redirects {
    to: Vec<usize>,
    surnames: FxHashMap<String, Option<usize>>,
}

impl Redirects {
    /// The group that `group` merges into (itself when none).
    pub fn target(&self, group: usize) -> usize {
        self.to.get(group).copied().unwrap_or(group)
    }

    /// The one full name with this (case-folded) surname.
    pub fn by_surname(&self, word: &str) -> Option<usize> {
        self.surnames.get(&translit(word)).copied().flatten()
    }
}

/// Adds `key -> group` to an index where a key seen for two groups maps to `None`.
fn index(map: &mut FxHashMap<String, Option<usize>>, key: String, group: usize) {
    map.entry(key)
        .and_modify(|g| {
            if *g != Some(group) {
                *g = None;
            }
        })
        .or_insert(Some(group));
}

/// The initials of a name's capitalised words ("Central Intelligence Agency" -> "CIA").
fn initials(surface: &str) -> String {
    surface
        .split([' ', '-'])
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

fn is_acronym(surface: &str) -> bool {
    let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters) && surface.chars().all(|c| c.is_uppercase() || c == '.')
}

/// A person's name as (first word, surname) when it has two words or more.
pub fn person_parts(group: &Group) -> Option<(&str, &str)> {
    if group.gazetteer.is_some() || group.words() < 2 || group.kind() != EntityKind::Person {
        return None;
    }
    let mut words = group.key.split_whitespace();
    Some((words.next()?, words.next_back()?))
}

/// Initials and a surname ("K. Brandt", a person by its use even where its shape gave no
/// kind): (initial, surname).
pub fn initial_form(group: &Group) -> Option<(&str, &str)> {
    let person_or_other = matches!(group.kind(), EntityKind::Person | EntityKind::Other);
    if group.gazetteer.is_some() || group.words() != 2 || !person_or_other {
        return None;
    }
    let (first, last) = group.key.split_once(' ')?;
    is_initial(first).then_some((first, last))
}

/// A first word that is an initial ("c." in "C. Ambrose").
pub fn is_initial(first: &str) -> bool {
    first.trim_end_matches('.').chars().count() == 1
}

/// Follows redirects to the end (a cycle, which no rule should make, stops it).
fn root(to: &[usize], mut g: usize) -> usize {
    for _ in 0..to.len() {
        if to[g] == g {
            break;
        }
        g = to[g];
    }
    g
}

/// Joins the spellings of one person's full name: the same transliterated surname and
/// first names that agree ("Oleksandr Hrytsenko" = "Oleksander Gritsenko", "Volodymyr
/// Zelensky" = "Volodymyr Zelenskyy"). Initials forms join later, only when unambiguous.
fn join_spellings(groups: &[Group], to: &mut [usize]) {
    let mut by_surname: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (g, group) in groups.iter().enumerate() {
        if let Some((first, last)) = person_parts(group)
            && !is_initial(first)
        {
            by_surname.entry(translit(last)).or_default().push(g);
        }
    }
    for members in by_surname.values().filter(|m| m.len() > 1) {
        // every pair of a surname's names may be compared: each first name is made ready
        // once, not once per comparison
        let firsts: Vec<Option<FirstName>> = members
            .iter()
            .map(|&g| person_parts(&groups[g]).map(|(f, _)| FirstName::new(f)))
            .collect();
        for (k, first) in firsts.iter().enumerate() {
            let Some(first) = first else {
                continue;
            };
            let earlier = firsts[..k]
                .iter()
                .position(|f| f.as_ref().is_some_and(|f| same_first(first, f)));
            if let Some(j) = earlier {
                let g = members[k];
                to[g] = root(to, members[j]);
            }
        }
    }
}

/// The full names of a corpus indexed by the short forms that may refer to them; a key
/// shared by two targets maps to `None`.
#[derive(Default)]
struct Indexes {
    surnames: FxHashMap<String, Option<usize>>,
    initialled: FxHashMap<String, Option<usize>>,
    first_names: FxHashMap<String, Option<usize>>,
    expansions: FxHashMap<String, Option<usize>>,
}

/// Indexes the names of two words or more by surname, initial and surname, first name
/// (persons) and initials (other kinds), each pointing at its root group.
fn index_full_names(groups: &[Group], to: &[usize]) -> Indexes {
    let mut idx = Indexes::default();
    for (g, group) in groups.iter().enumerate() {
        if group.gazetteer.is_some() || group.words() < 2 {
            continue;
        }
        let target = root(to, g);
        if let Some((first, last)) = person_parts(group) {
            if is_initial(first) {
                continue;
            }
            let last = translit(last);
            index(&mut idx.initialled, initial_key(first, &last), target);
            index(&mut idx.surnames, last, target);
            index(&mut idx.first_names, first.to_string(), target);
        } else if group.kind() != EntityKind::Person {
            index(&mut idx.expansions, initials(&group.surface), target);
        }
    }
    idx
}

/// Redirects each short form (initials and surname, a lone surname, a titled first name,
/// an acronym) to the one full name it fits.
fn join_short_forms(groups: &[Group], idx: &Indexes, to: &mut [usize]) {
    let found = |map: &FxHashMap<String, Option<usize>>, key: &str| map.get(key).copied().flatten();
    for (g, group) in groups.iter().enumerate() {
        if group.gazetteer.is_some() || to[g] != g {
            continue;
        }
        if let Some((first, last)) = initial_form(group) {
            if let Some(t) = found(&idx.initialled, &initial_key(first, &translit(last))) {
                to[g] = t;
            }
            continue;
        }
        if group.words() != 1 {
            continue;
        }
        let titled_person = group.kind() == EntityKind::Person && group.strength >= BY_TITLE;
        // "ESTMARK, May 2", "Estmark Coast": a place by a dateline or a cue is nobody's
        // surname ("in Rao's words" is too weak to tell).
        let place = group.kind() == EntityKind::Place && group.strength >= BY_CUE;
        let target = (!place)
            .then(|| found(&idx.surnames, &translit(&group.key)))
            .flatten()
            .or_else(|| {
                titled_person
                    .then(|| found(&idx.first_names, &group.key))
                    .flatten()
            })
            .or_else(|| {
                is_acronym(&group.surface)
                    .then(|| found(&idx.expansions, &group.surface.replace('.', "")))
                    .flatten()
            });
        if let Some(t) = target {
            to[g] = t;
        }
    }
}

/// Computes the redirects of a corpus's groups.
pub fn redirects(groups: &[Group]) -> Redirects {
    let mut to: Vec<usize> = (0..groups.len()).collect();
    join_spellings(groups, &mut to);
    let idx = index_full_names(groups, &to);
    join_short_forms(groups, &idx, &mut to);
    join_legal_suffixes(groups, &mut to);
    join_plurals(groups, &mut to);
    join_name_heads(groups, &mut to);
    join_national_forms(groups, &mut to);
    for g in 0..to.len() {
        to[g] = root(&to, g);
    }
    Redirects {
        to,
        surnames: idx.surnames,
    }
}

/// The key of a full name's initial and transliterated surname ("c ambrose").
fn initial_key(first: &str, translit_last: &str) -> String {
    let c = translit(first).chars().next().unwrap_or(' ');
    format!("{c} {translit_last}")
}

/// The groups found in the corpus only (not in the gazetteer), by key.
fn corpus_keys(groups: &[Group]) -> FxHashMap<&str, usize> {
    groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.gazetteer.is_none())
        .map(|(i, g)| (g.key.as_str(), i))
        .collect()
}

/// Sends "Security Councils" to "Security Council" when both are in the corpus and the
/// last word is a cue word.
fn join_plurals(groups: &[Group], to: &mut [usize]) {
    let lx = lexicon();
    let by_key = corpus_keys(groups);
    for (g, group) in groups.iter().enumerate() {
        let Some((stem, last)) = group.key.rsplit_once(' ') else {
            continue;
        };
        let singular = match last.strip_suffix("ies") {
            Some(s) => format!("{s}y"),
            None => last.strip_suffix('s').unwrap_or(last).to_string(),
        };
        if group.gazetteer.is_some() || singular == last || lx.cue(&title_case(&singular)).is_none()
        {
            continue;
        }
        if let Some(&s) = by_key.get(format!("{stem} {singular}").as_str())
            && to[g] == g
            && s != g
        {
            to[g] = to[s];
        }
    }
}

/// Words that open a storm's name ("Storm Ingrid"): the name alone is the storm.
const STORMS: [&str; 5] = ["storm", "hurricane", "typhoon", "cyclone", "tropical"];

/// Sends a single word to the one two-word name it is the distinctive part of: a
/// company's head word ("Korvane" -> "Korvane Chemicals", the second word an organisation
/// cue) or a storm's name ("Ingrid" -> "Storm Ingrid"). Not a person or a place: "Lisbury"
/// the town stays apart from a "Lisbury Council".
fn join_name_heads(groups: &[Group], to: &mut [usize]) {
    let lx = lexicon();
    let mut heads: FxHashMap<&str, Option<usize>> = FxHashMap::default();
    for (g, group) in groups.iter().enumerate() {
        if group.gazetteer.is_some() || group.words() != 2 {
            continue;
        }
        let Some((first, second)) = group.key.split_once(' ') else {
            continue;
        };
        let company = group.kind() == EntityKind::Organization
            && lx.cue(&title_case(second)) == Some(EntityKind::Organization);
        let key = if company {
            first
        } else if STORMS.contains(&first) {
            second
        } else {
            continue;
        };
        heads
            .entry(key)
            .and_modify(|t| {
                if *t != Some(g) {
                    *t = None;
                }
            })
            .or_insert(Some(g));
    }
    for (g, group) in groups.iter().enumerate() {
        let single = group.gazetteer.is_none() && group.words() == 1 && to[g] == g;
        if !single || matches!(group.kind(), EntityKind::Person | EntityKind::Place) {
            continue;
        }
        if let Some(&Some(t)) = heads.get(group.key.as_str()) {
            to[g] = root(to, t);
        }
    }
}

/// Sends an organisation's bare name to the one form of it a nationality opens ("Foreign
/// Ministry" -> "Russian Foreign Ministry") when the corpus has exactly one such form;
/// with two ("Russian", "French"), the bare name could be either and stays apart.
fn join_national_forms(groups: &[Group], to: &mut [usize]) {
    let gz = super::gazetteer::gazetteer();
    let mut national: FxHashMap<&str, Option<usize>> = FxHashMap::default();
    for (g, group) in groups.iter().enumerate() {
        if group.gazetteer.is_some() || group.kind() != EntityKind::Organization {
            continue;
        }
        let Some((first, rest)) = group.key.split_once(' ') else {
            continue;
        };
        if rest.contains(' ') && gz.is_demonym(first) {
            national
                .entry(rest)
                .and_modify(|t| {
                    if t.is_some_and(|t| root(to, t) != root(to, g)) {
                        *t = None;
                    }
                })
                .or_insert(Some(g));
        }
    }
    for (h, group) in groups.iter().enumerate() {
        let bare =
            group.gazetteer.is_none() && group.kind() == EntityKind::Organization && to[h] == h;
        if let (true, Some(&Some(g))) = (bare, national.get(group.key.as_str())) {
            to[h] = root(to, g);
        }
    }
}

/// Sends "Siemens Energy" to "Siemens Energy AG" when both are in the corpus.
fn join_legal_suffixes(groups: &[Group], to: &mut [usize]) {
    let lx = lexicon();
    let by_key = corpus_keys(groups);
    for (g, group) in groups.iter().enumerate() {
        let Some((stem, suffix)) = group.key.rsplit_once(' ') else {
            continue;
        };
        if group.gazetteer.is_some() || !lx.is_legal_suffix(suffix.trim_end_matches('.')) {
            continue;
        }
        if let Some(&s) = by_key.get(stem)
            && to[s] == s
            && s != g
        {
            to[s] = g;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_of_names() {
        assert_eq!(initials("Central Intelligence Agency"), "CIA");
        assert_eq!(initials("Bank of England"), "BE");
        assert!(is_acronym("IAEA") && is_acronym("U.N.") && !is_acronym("Putin"));
    }

    #[test]
    fn ambiguous_keys_map_to_none() {
        let mut m = FxHashMap::default();
        index(&mut m, "smith".into(), 1);
        index(&mut m, "smith".into(), 1);
        assert_eq!(m["smith"], Some(1));
        index(&mut m, "smith".into(), 2);
        assert_eq!(m["smith"], None);
    }
}
