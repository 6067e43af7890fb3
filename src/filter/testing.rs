//! Synthetic entity indexes and queries for the filter's tests: names built from random
//! syllables (several words, punctuation, accented and Cyrillic letters, repeated names
//! for ties), aliases, kinds and article counts, all from a seeded generator.

use crate::analysis::entities::{Entity, EntityIndex, EntityKind, Field, Mention};

/// A small seeded generator (xorshift), enough for test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }

    pub fn pick(&mut self, chars: &[char]) -> char {
        chars[self.below(chars.len())]
    }
}

const CONSONANTS: &[char] = &[
    'b', 'd', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z',
];
const VOWELS: &[char] = &['a', 'e', 'i', 'o', 'u', 'é', 'ö'];
const CYRILLIC: &[char] = &['п', 'у', 'т', 'и', 'н', 'а'];

/// One word: one to four syllables, capitalised, sometimes Cyrillic.
fn word(rng: &mut Rng) -> String {
    let cyrillic = rng.below(12) == 0;
    let mut w = String::new();
    for _ in 0..1 + rng.below(4) {
        if cyrillic {
            w.push(rng.pick(CYRILLIC));
            w.push(rng.pick(CYRILLIC));
        } else {
            w.push(rng.pick(CONSONANTS));
            w.push(rng.pick(VOWELS));
            if rng.below(3) == 0 {
                w.push(rng.pick(CONSONANTS));
            }
        }
    }
    let mut chars = w.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A name of one to three words, sometimes joined by a hyphen or with an initial.
fn name(rng: &mut Rng) -> String {
    let words: Vec<String> = (0..1 + rng.below(3)).map(|_| word(rng)).collect();
    match rng.below(8) {
        0 => words.join("-"),
        1 => format!(
            "{}. {}",
            rng.pick(CONSONANTS).to_ascii_uppercase(),
            words.join(" ")
        ),
        _ => words.join(" "),
    }
}

/// `n` entities (every tenth repeats an earlier name, for ties on name).
pub fn index(n: usize, seed: u64) -> EntityIndex {
    let mut rng = Rng::new(seed);
    let mut entities: Vec<Entity> = Vec::with_capacity(n);
    for i in 0..n {
        let name = match i.checked_sub(1 + rng.below(50)) {
            Some(j) if rng.below(10) == 0 => entities[j].name.clone(),
            _ => name(&mut rng),
        };
        let mut aliases = Vec::new();
        if let Some(last) = name.split(' ').next_back().filter(|l| *l != name) {
            aliases.push(last.to_string());
        }
        if rng.below(4) == 0 {
            aliases.push(self::name(&mut rng));
        }
        let kind = [
            EntityKind::Person,
            EntityKind::Organization,
            EntityKind::Place,
            EntityKind::Other,
        ][rng.below(4)];
        let articles = 1 + rng.below(6);
        let mentions = (0..articles)
            .flat_map(|a| std::iter::repeat_n(a, 1 + rng.below(3)))
            .map(|article| Mention {
                article,
                span: 0..1,
                field: Field::Body,
            })
            .collect();
        entities.push(Entity {
            name,
            kind,
            aliases,
            mentions,
        });
    }
    EntityIndex { entities }
}

/// A random query: one to three terms of one to four letters, some negated, exact,
/// prefix, suffix or whole, some kind qualifiers.
pub fn query(rng: &mut Rng) -> String {
    const LETTERS: &[char] = &['a', 'e', 'i', 'o', 'k', 'm', 'n', 'r', 's', 't', 'é', 'п'];
    let mut terms = Vec::new();
    for _ in 0..1 + rng.below(3) {
        let text: String = (0..1 + rng.below(4)).map(|_| rng.pick(LETTERS)).collect();
        let term = match rng.below(12) {
            0 => format!("!{text}"),
            1 => format!("'{text}"),
            2 => format!("^{text}"),
            3 => format!("{text}$"),
            4 => format!("^{text}$"),
            5 => format!("person:{text}"),
            6 => "!place:".to_string(),
            7 => format!("org:{text}"),
            8 => format!("!^{text}"),
            _ => text,
        };
        terms.push(term);
    }
    terms.join(" ")
}
