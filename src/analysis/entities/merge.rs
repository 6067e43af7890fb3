//! Merging the candidates of a corpus into entities: one group per gazetteer entry or
//! case-folded name ("MOSCOW" = "Moscow"), then aliases within the corpus ([`super::aliases`]),
//! then weak candidates kept only where they name a known entity, and finally the
//! [`Entity`] list with canonical names, aliases and sorted mentions.

use std::borrow::Cow;

use rustc_hash::{FxHashMap, FxHashSet};

use super::aliases::{Redirects, is_initial, redirects};
use super::candidates::{Candidate, Strength};
use super::fold::fold;
use super::gazetteer::{Gazetteer, Target};
use super::{Doc, Entity, EntityKind, Field, Mention, Span};
use crate::corpus::ArticleIdx;

mod article_names;
mod weak;

use article_names::{NameKeys, article_people, hit_target};
use weak::Known;

/// The names of a corpus, grouped.
#[derive(Debug, Default)]
pub struct Groups {
    pub groups: Vec<Group>,
    /// Group of each gazetteer entry seen.
    by_entry: FxHashMap<usize, usize>,
    /// Group of each case-folded name.
    by_key: FxHashMap<String, usize>,
    /// Group of each name as written (saves folding the same form again).
    by_surface: FxHashMap<String, usize>,
    /// Surface forms of each group, with counts.
    surfaces: Vec<FxHashMap<String, usize>>,
    hits: Vec<Hit>,
}

/// Candidates with one gazetteer entry or one case-folded name.
#[derive(Debug, Clone)]
pub struct Group {
    pub gazetteer: Option<usize>,
    /// Case-folded name.
    pub key: String,
    /// A surface form as written (the first seen).
    pub surface: String,
    /// Strongest evidence of kind, and the votes at that strength.
    pub strength: Strength,
    votes: [u32; 4],
}

impl Group {
    /// The kind best attested.
    pub fn kind(&self) -> EntityKind {
        const KINDS: [EntityKind; 4] = [
            EntityKind::Person,
            EntityKind::Organization,
            EntityKind::Place,
            EntityKind::Other,
        ];
        let best = (0..4).max_by_key(|&i| (self.votes[i], 4 - i)).unwrap_or(3);
        KINDS[best]
    }

    /// Number of words of the name.
    pub fn words(&self) -> usize {
        self.key.split_whitespace().count()
    }

    fn vote(&mut self, kind: EntityKind, strength: Strength) {
        if strength > self.strength {
            self.strength = strength;
            self.votes = [0; 4];
        }
        if strength == self.strength {
            self.votes[kind as usize] += 1;
        }
    }
}

#[derive(Debug, Clone)]
struct Hit {
    group: usize,
    article: ArticleIdx,
    field: Field,
    span: Span,
}

/// The name a candidate shows: its own name, or its text with spaces collapsed.
fn surface<'a>(body: &'a str, c: &'a Candidate) -> Cow<'a, str> {
    match &c.name {
        Some(n) => Cow::Borrowed(n),
        None => collapse(&body[c.span.clone()]),
    }
}

fn collapse(text: &str) -> Cow<'_, str> {
    if text.contains("  ") || text.contains(['\t', '\n', '\r']) {
        Cow::Owned(text.split_whitespace().collect::<Vec<_>>().join(" "))
    } else {
        Cow::Borrowed(text)
    }
}

impl Groups {
    fn new_group(&mut self, gazetteer: Option<usize>, surface: &str) -> usize {
        self.groups.push(Group {
            gazetteer,
            key: fold(surface),
            surface: surface.to_string(),
            strength: 0,
            votes: [0; 4],
        });
        self.surfaces.push(FxHashMap::default());
        self.groups.len() - 1
    }

    /// The group of a candidate's name, created when new.
    fn group_of(&mut self, gazetteer: Option<usize>, surface: &str) -> usize {
        if let Some(e) = gazetteer {
            if let Some(&g) = self.by_entry.get(&e) {
                return g;
            }
            let g = self.new_group(Some(e), surface);
            self.by_entry.insert(e, g);
            return g;
        }
        if let Some(&g) = self.by_surface.get(surface) {
            return g;
        }
        let key = fold(surface);
        let g = match self.by_key.get(&key) {
            Some(&g) => g,
            None => {
                let g = self.new_group(None, surface);
                self.by_key.insert(key, g);
                g
            }
        };
        self.by_surface.insert(surface.to_string(), g);
        g
    }

    fn hit(&mut self, group: usize, at: (ArticleIdx, Field), span: Span, surface: &str) {
        match self.surfaces[group].get_mut(surface) {
            Some(n) => *n += 1,
            None => {
                self.surfaces[group].insert(surface.to_string(), 1);
            }
        }
        self.hits.push(Hit {
            group,
            article: at.0,
            field: at.1,
            span,
        });
    }

    fn add(&mut self, at: (ArticleIdx, Field), body: &str, c: &Candidate) {
        let surface = surface(body, c);
        let g = self.group_of(c.gazetteer, &surface);
        self.groups[g].vote(c.kind, c.strength);
        if c.metonym {
            // "Moscow" acting as Russia: a mention of Russia, but not one of its names.
            self.hits.push(Hit {
                group: g,
                article: at.0,
                field: at.1,
                span: c.span.clone(),
            });
        } else {
            self.hit(g, at, c.span.clone(), &surface);
        }
    }
}

/// Builds the entities of a corpus from the candidates of each article.
pub fn build(docs: &[Doc<'_>], found: &[Vec<Candidate>], gz: &Gazetteer) -> Vec<Entity> {
    let start = std::time::Instant::now();
    let lap = |step: &str| tracing::debug!(step, took = ?start.elapsed(), "entities: merge");
    let mut groups = Groups::default();
    for (doc, cands) in docs.iter().zip(found) {
        for c in cands.iter().filter(|c| !c.weak) {
            groups.add((doc.article, doc.field), &doc.text, c);
        }
    }
    lap("grouped");
    let r = redirects(&groups.groups);
    lap("redirected");
    let named: FxHashSet<(ArticleIdx, usize)> = groups
        .hits
        .iter()
        .flat_map(|h| [(h.article, h.group), (h.article, r.target(h.group))])
        .collect();
    let mut known = Known::default();
    for (doc, cands) in docs.iter().zip(found) {
        for c in cands.iter().filter(|c| c.weak) {
            let at = (doc.article, doc.field);
            groups.resolve_weak(at, &doc.text, c, &r, &named, &mut known);
        }
    }
    tracing::debug!(
        words = known.words.len(),
        runs = known.runs.len(),
        "entities: weak texts"
    );
    lap("weak resolved");
    entities(groups, &r, gz)
}

fn entities(groups: Groups, r: &Redirects, gz: &Gazetteer) -> Vec<Entity> {
    let n = groups.groups.len();
    let keys = NameKeys::new(&groups);
    let people = article_people(&groups, r, &keys);
    let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); n];
    let mut moved: FxHashSet<(usize, usize)> = FxHashSet::default();
    let demonyms = demonym_groups(&groups, gz);
    for hit in &groups.hits {
        let t = hit_target(r, &keys, &people, hit);
        if demonyms.contains(&t) {
            continue;
        }
        if t != r.target(hit.group) {
            moved.insert((hit.group, t));
        }
        mentions[t].push(Mention {
            article: hit.article,
            span: hit.span.clone(),
            field: hit.field,
        });
    }
    let surfaces = merged_surfaces(&groups.groups, groups.surfaces, r, moved);
    let mut out = Vec::new();
    for (g, (mut ms, forms)) in mentions.into_iter().zip(surfaces).enumerate() {
        if ms.is_empty() {
            continue;
        }
        ms.sort_by_key(|m| (m.article, m.field, m.span.start, m.span.end));
        ms.dedup();
        let group = &groups.groups[g];
        let entry = group.gazetteer.and_then(|e| gz.entries.get(e));
        let (name, aliases) = names(entry.map(|e| (&e.name, &e.aliases[..])), forms);
        let kind = entry.map_or_else(|| group.kind(), |e| e.kind);
        out.push(Entity {
            name,
            kind,
            aliases,
            mentions: ms,
        });
    }
    out.sort_by_cached_key(|e| {
        (
            std::cmp::Reverse(e.articles().len()),
            std::cmp::Reverse(e.mentions.len()),
            e.name.clone(),
        )
    });
    out
}

/// The surface forms of each entity: its groups' own, those of groups redirected to it,
/// and the names of groups whose mentions moved to it (`moved`: group, target).
fn merged_surfaces(
    groups: &[Group],
    mut surfaces: Vec<FxHashMap<String, usize>>,
    r: &Redirects,
    moved: FxHashSet<(usize, usize)>,
) -> Vec<FxHashMap<String, usize>> {
    for (g, t) in moved {
        let form = groups[g].surface.clone();
        surfaces[t].entry(form).or_insert(1);
    }
    for g in 0..surfaces.len() {
        let t = r.target(g);
        if t != g {
            for (form, count) in std::mem::take(&mut surfaces[g]) {
                *surfaces[t].entry(form).or_insert(0) += count;
            }
        }
    }
    surfaces
}

/// Single words that are the nationality of a place the corpus names ("Borovian" beside
/// "Borovia", "Lessarians" beside "Lessaria"): like the gazetteer's demonyms, no entity.
fn demonym_groups(groups: &Groups, gz: &Gazetteer) -> FxHashSet<usize> {
    let is_place = |key: &str| {
        let corpus = groups
            .by_key
            .get(key)
            .is_some_and(|&g| groups.groups[g].kind() == EntityKind::Place);
        let known = |e: usize| {
            gz.entries
                .get(e)
                .is_some_and(|e| e.kind == EntityKind::Place)
        };
        corpus || matches!(gz.lookup_folded(key), Some(Target::Entity(e)) if known(e))
    };
    let mut out = FxHashSet::default();
    for (g, group) in groups.groups.iter().enumerate() {
        let key = group.key.as_str();
        if group.gazetteer.is_some() || group.words() != 1 || group.kind() == EntityKind::Person {
            continue;
        }
        let singular = key.strip_suffix('s').unwrap_or(key);
        let stems = [
            singular.strip_suffix('n').map(str::to_string), // Borovia-n
            singular.strip_suffix("ian").map(|s| format!("{s}a")), // Canad-ian
            singular.strip_suffix("ese").map(str::to_string), // Vietnam-ese
            singular.strip_suffix('i').map(str::to_string), // Iraq-i
        ];
        let demonym = stems
            .iter()
            .flatten()
            .any(|stem| stem.chars().count() >= 3 && is_place(stem));
        if demonym {
            out.insert(g);
        }
    }
    out
}

/// The canonical name and the aliases of an entity: the gazetteer's name, or the fullest
/// surface form (most words, not in capitals, no initials, most frequent, shortest); aliases are the
/// other forms, distinct ignoring case.
fn names(
    entry: Option<(&String, &[String])>,
    forms: FxHashMap<String, usize>,
) -> (String, Vec<String>) {
    let mut forms: Vec<(String, usize)> = forms.into_iter().collect();
    forms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let name = match entry {
        Some((name, _)) => name.clone(),
        None => forms
            .iter()
            .max_by_key(|(f, count)| {
                let caps = f.chars().any(char::is_lowercase);
                let spelled = !f.split_whitespace().any(is_initial);
                (
                    f.split_whitespace().count(),
                    caps,
                    spelled,
                    *count,
                    std::cmp::Reverse(f.len()),
                )
            })
            .map(|(f, _)| f.clone())
            .unwrap_or_default(),
    };
    let mut seen = vec![name.to_lowercase()];
    let mut aliases = Vec::new();
    let gz_aliases = entry.map(|(_, a)| a).unwrap_or_default();
    for form in forms.iter().map(|(f, _)| f).chain(gz_aliases) {
        let folded = form.to_lowercase();
        if !seen.contains(&folded) {
            seen.push(folded);
            aliases.push(form.clone());
        }
    }
    (name, aliases)
}
