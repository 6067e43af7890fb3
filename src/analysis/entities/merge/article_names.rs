//! Short forms of a person's name resolved within one article: a surname alone, initials
//! and a surname, or a first name alone goes to the one full name of that person the same
//! article gives, before the corpus-wide redirects ([`crate::analysis::entities::aliases`]) are followed.

use rustc_hash::FxHashMap;

use super::{Groups, Hit};
use crate::analysis::entities::EntityKind;
use crate::analysis::entities::aliases::{Redirects, initial_form, is_initial, person_parts};
use crate::analysis::entities::fold::translit;
use crate::corpus::ArticleIdx;

/// The name keys of each group, interned once (not per mention): for a person's full name
/// its transliterated surname and first name, for a bare word or initials and a surname the
/// keys it may stand for.
pub(super) struct NameKeys {
    /// (surname key, first-name key) of a full name.
    full: Vec<Option<(u32, u32)>>,
    /// (surname key, first-name key when a single word) of a short form.
    short: Vec<Option<(u32, Option<u32>)>>,
}

impl NameKeys {
    pub(super) fn new(groups: &Groups) -> Self {
        let mut ids: FxHashMap<String, u32> = FxHashMap::default();
        let mut id = |key: String| {
            let next = ids.len() as u32;
            *ids.entry(key).or_insert(next)
        };
        let mut full = Vec::with_capacity(groups.groups.len());
        let mut short = Vec::with_capacity(groups.groups.len());
        for group in &groups.groups {
            let parts = person_parts(group).filter(|(f, _)| !is_initial(f));
            full.push(parts.map(|(f, l)| (id(translit(l)), id(format!("{} ", translit(f))))));
            let fits = matches!(group.kind(), EntityKind::Person | EntityKind::Other);
            let word = (group.words() == 1 && group.gazetteer.is_none() && fits)
                .then_some(group.key.as_str());
            let key = match word {
                Some(w) => Some((id(translit(w)), Some(id(format!("{} ", translit(w)))))),
                None => initial_form(group).map(|(_, l)| (id(translit(l)), None)),
            };
            short.push(key);
        }
        Self { full, short }
    }
}

/// The full names of people each article gives: (article, surname or first-name key) ->
/// the groups (after redirects) of those names.
pub(super) fn article_people(
    groups: &Groups,
    r: &Redirects,
    keys: &NameKeys,
) -> FxHashMap<(ArticleIdx, u32), Vec<usize>> {
    let mut out: FxHashMap<(ArticleIdx, u32), Vec<usize>> = FxHashMap::default();
    for hit in &groups.hits {
        let Some((surname, first)) = keys.full[hit.group] else {
            continue;
        };
        let t = r.target(hit.group);
        for key in [surname, first] {
            let people = out.entry((hit.article, key)).or_default();
            if !people.contains(&t) {
                people.push(t);
            }
        }
    }
    out
}

/// Where one hit goes: a surname alone, or initials and a surname, go to the one full name
/// with that surname the same article gives (a first name alone to the one full name it
/// opens); anything else follows the redirects.
pub(super) fn hit_target(
    r: &Redirects,
    keys: &NameKeys,
    people: &FxHashMap<(ArticleIdx, u32), Vec<usize>>,
    hit: &Hit,
) -> usize {
    let Some((surname, first)) = keys.short[hit.group] else {
        return r.target(hit.group);
    };
    let one = |key: u32| match people.get(&(hit.article, key)).map(Vec::as_slice) {
        Some([one]) => Some(*one),
        _ => None,
    };
    // A first name alone ("Liam" after "Liam Carver") only when no surname fits.
    one(surname)
        .or_else(|| first.and_then(one))
        .unwrap_or_else(|| r.target(hit.group))
}
