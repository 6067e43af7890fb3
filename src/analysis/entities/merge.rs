//! Merging the candidates of a corpus into entities: one group per gazetteer entry or
//! case-folded name ("MOSCOW" = "Moscow"), then aliases within the corpus ([`super::aliases`]),
//! then weak candidates kept only where they name a known entity, and finally the
//! [`Entity`] list with canonical names, aliases and sorted mentions.

use rustc_hash::FxHashMap;

use super::aliases::{Redirects, redirects};
use super::candidates::{Candidate, Strength};
use super::gazetteer::Gazetteer;
use super::{Entity, EntityKind, Mention, Span};
use crate::corpus::ArticleIdx;

/// The names of a corpus, grouped.
#[derive(Debug, Default)]
pub struct Groups {
    pub groups: Vec<Group>,
    by_key: FxHashMap<Key, usize>,
    hits: Vec<Hit>,
}

/// What makes two candidates the same name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Gazetteer(usize),
    Name(String),
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
    span: Span,
    surface: String,
}

/// The name a candidate shows: its own name, or its text with spaces collapsed.
fn surface(body: &str, c: &Candidate) -> String {
    match &c.name {
        Some(n) => n.clone(),
        None => collapse(&body[c.span.clone()]),
    }
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Groups {
    fn key(c: &Candidate, surface: &str) -> Key {
        match c.gazetteer {
            Some(e) => Key::Gazetteer(e),
            None => Key::Name(surface.to_lowercase()),
        }
    }

    fn add(&mut self, article: ArticleIdx, c: &Candidate, surface: String) {
        let key = Self::key(c, &surface);
        let next = self.groups.len();
        let g = *self.by_key.entry(key.clone()).or_insert(next);
        if g == next {
            self.groups.push(Group {
                gazetteer: c.gazetteer,
                key: surface.to_lowercase(),
                surface: surface.clone(),
                strength: 0,
                votes: [0; 4],
            });
        }
        self.groups[g].vote(c.kind, c.strength);
        self.hits.push(Hit {
            group: g,
            article,
            span: c.span.clone(),
            surface,
        });
    }

    /// The group of a name, if the corpus has it.
    fn find(&self, name: &str) -> Option<usize> {
        self.by_key.get(&Key::Name(name.to_lowercase())).copied()
    }

    /// Keeps a weak candidate where it, or its longest runs of words, name a known group.
    fn resolve_weak(&mut self, article: ArticleIdx, body: &str, c: &Candidate, r: &Redirects) {
        let words = &c.words;
        let mut i = 0;
        while i < words.len() {
            let mut matched = i + 1;
            for j in (i + 1..=words.len()).rev() {
                let span = words[i].start..words[j - 1].end;
                let text = collapse(&body[span.clone()]);
                let group = self.find(&text).or_else(|| {
                    (j == i + 1)
                        .then(|| r.by_surname(&text.to_lowercase()))
                        .flatten()
                });
                if let Some(group) = group {
                    self.hits.push(Hit {
                        group,
                        article,
                        span,
                        surface: text,
                    });
                    matched = j;
                    break;
                }
            }
            i = matched;
        }
    }
}

/// Builds the entities of a corpus from the candidates of each article.
pub fn build(bodies: &[&str], found: &[Vec<Candidate>], gz: &Gazetteer) -> Vec<Entity> {
    let mut groups = Groups::default();
    for (article, (body, cands)) in bodies.iter().zip(found).enumerate() {
        for c in cands.iter().filter(|c| !c.weak) {
            groups.add(article, c, surface(body, c));
        }
    }
    let r = redirects(&groups.groups);
    for (article, (body, cands)) in bodies.iter().zip(found).enumerate() {
        for c in cands.iter().filter(|c| c.weak) {
            groups.resolve_weak(article, body, c, &r);
        }
    }
    entities(groups, &r, gz)
}

fn entities(groups: Groups, r: &Redirects, gz: &Gazetteer) -> Vec<Entity> {
    let n = groups.groups.len();
    let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); n];
    let mut surfaces: Vec<FxHashMap<String, usize>> = vec![FxHashMap::default(); n];
    for hit in groups.hits {
        let g = r.target(hit.group);
        mentions[g].push(Mention {
            article: hit.article,
            span: hit.span,
        });
        *surfaces[g].entry(hit.surface).or_insert(0) += 1;
    }
    let mut out = Vec::new();
    for (g, (mut ms, forms)) in mentions.into_iter().zip(surfaces).enumerate() {
        if ms.is_empty() {
            continue;
        }
        ms.sort_by_key(|m| (m.article, m.span.start, m.span.end));
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

/// The canonical name and the aliases of an entity: the gazetteer's name, or the fullest
/// surface form (most words, not in capitals, most frequent); aliases are the other forms,
/// distinct ignoring case.
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
                (f.split_whitespace().count(), caps, *count)
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
