//! Pronoun agreement: `she said` does not stand for a man. An article says itself who is
//! who: a name followed closely by `he`/`his` or `she`/`her` (outside quotes, with no other
//! name in between), or written after `Mr` or `Ms`. When the person named last before a
//! quote disagrees with its pronoun, the speaker is the last one before that who does not.
//! Nothing outside the article is used (no list of first names).

use rustc_hash::FxHashMap;

use super::attribution::{PersonMention, Speaker};
use super::words::is_speech_verb;
use crate::analysis::Span;
use crate::text::for_each_word;

/// How close (bytes) a pronoun must follow the name it votes for.
const WINDOW: usize = 250;
/// How many earlier candidates are tried when the nearest disagrees.
const MAX_CANDIDATES: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gender {
    Male,
    Female,
}

/// The gender a pronoun marks (English and French), if any.
pub(super) fn of_pronoun(word: &str) -> Option<Gender> {
    match word.to_lowercase().as_str() {
        "he" | "him" | "his" | "himself" | "il" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" | "elle" => Some(Gender::Female),
        _ => None,
    }
}

/// Votes per name, read off one body.
#[derive(Debug, Default)]
pub(super) struct Genders {
    votes: FxHashMap<String, (u32, u32)>,
}

impl Genders {
    /// Reads the votes of `body`: `people` are the person mentions and speech names (sorted
    /// by position), `quotes` the top-level quotes (sorted), whose pronouns are not counted.
    pub(super) fn read(body: &str, people: &[Speaker], quotes: &[Span]) -> Genders {
        let mut g = Genders::default();
        let mut words: Vec<(usize, &str)> = Vec::new();
        for_each_word(body, |at, w| words.push((at, w)));
        let mut prev: Option<&str> = None;
        let mut q = 0;
        for (k, &(at, w)) in words.iter().enumerate() {
            while quotes.get(q).is_some_and(|s| s.end <= at) {
                q += 1;
            }
            let quoted = quotes.get(q).is_some_and(|s| s.start <= at);
            let honorific = match prev.map(|p| p.trim_end_matches('.')) {
                Some("Mr") => Some(Gender::Male),
                Some("Mrs" | "Ms" | "Miss") => Some(Gender::Female),
                _ => None,
            };
            prev = Some(w);
            if let Some(h) = honorific {
                let i = people.partition_point(|p| p.at < at);
                if let Some(p) = people.get(i).filter(|p| p.at == at) {
                    g.vote(&p.name, h, 3);
                }
            }
            // `she said` is what is being resolved: it votes for no one
            let attributes = words.get(k + 1).is_some_and(|&(_, v)| is_speech_verb(v));
            let Some(gender) = of_pronoun(w).filter(|_| !quoted && !attributes) else {
                continue;
            };
            // the name right before the pronoun, if close: noisy one by one, but an
            // article's votes agree on its people
            let i = people.partition_point(|p| p.at < at);
            if let Some(p) = i
                .checked_sub(1)
                .map(|i| &people[i])
                .filter(|p| p.at + WINDOW >= at)
            {
                g.vote(&p.name, gender, 1);
            }
        }
        g
    }

    fn vote(&mut self, name: &str, gender: Gender, weight: u32) {
        let v = self.votes.entry(name.to_string()).or_default();
        match gender {
            Gender::Male => v.0 += weight,
            Gender::Female => v.1 += weight,
        }
    }

    /// The gender the article gives `name`, when its votes agree well enough.
    pub(super) fn of(&self, name: &str) -> Option<Gender> {
        let &(m, f) = self.votes.get(name)?;
        if m > 2 * f {
            Some(Gender::Male)
        } else if f > 2 * m {
            Some(Gender::Female)
        } else {
            None
        }
    }

    /// True when `s` is known to be of the other gender than `g`.
    fn conflicts(&self, s: &Speaker, g: Gender) -> bool {
        self.of(&s.name).is_some_and(|x| x != g)
    }
}

/// The speaker a pronoun of gender `g` at `pos` stands for: `found` when it agrees (or its
/// gender is unknown), else the latest earlier candidate that does not disagree; `found`
/// still when every nearby candidate disagrees.
pub(super) fn agreeing(
    genders: &Genders,
    g: Gender,
    pos: usize,
    found: Option<Speaker>,
    persons: &[&PersonMention],
    spoke: &[&[Speaker]],
) -> Option<Speaker> {
    let found = found?;
    if !genders.conflicts(&found, g) {
        return Some(found);
    }
    let mut cands: Vec<Speaker> = Vec::new();
    let i = persons.partition_point(|p| p.span.start < pos);
    cands.extend(
        persons[..i]
            .iter()
            .rev()
            .take(MAX_CANDIDATES)
            .map(|p| Speaker {
                name: p.name.to_string(),
                entity: Some(p.entity),
                at: p.span.start,
            }),
    );
    for list in spoke {
        let i = list.partition_point(|s| s.at < pos);
        cands.extend(list[..i].iter().rev().take(MAX_CANDIDATES).cloned());
    }
    cands.sort_by_key(|s| std::cmp::Reverse(s.at));
    // when every candidate disagrees the votes are what is wrong: keep the nearest
    cands
        .into_iter()
        .take(MAX_CANDIDATES)
        .find(|s| !genders.conflicts(s, g))
        .or(Some(found))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::quotes::find_in;

    #[test]
    fn a_pronoun_skips_the_person_of_the_other_gender() {
        let body = "Nadia Okonjo won the final. She was calm. Her coach cried. Pavel Lisin lost \
                    in the last round. He left at once. “I was lost in the last game,” she said.";
        let at = |w: &str| body.find(w).map_or(0..0, |i| i..i + w.len());
        let persons = [
            PersonMention {
                span: at("Nadia Okonjo"),
                entity: 0,
                name: "Nadia Okonjo",
            },
            PersonMention {
                span: at("Pavel Lisin"),
                entity: 1,
                name: "Pavel Lisin",
            },
        ];
        let q = find_in(body, &persons);
        assert_eq!(q[0].speaker.as_deref(), Some("Nadia Okonjo"));
    }

    #[test]
    fn votes_read_pronouns_after_a_lone_name_and_honorifics() {
        let body = "Anna Berg arrived. She spoke first. Then, much later, after a long and \
                    winding speech by the chair of the committee about the budget of the \
                    coming year and the state of the roads in the north of the county, Mr Tom \
                    Hale came.";
        let people = [
            Speaker {
                name: "Anna Berg".into(),
                entity: None,
                at: 0,
            },
            Speaker {
                name: "Tom Hale".into(),
                entity: None,
                at: body.find("Tom").unwrap_or(0),
            },
        ];
        let g = Genders::read(body, &people, &[]);
        assert_eq!(g.of("Anna Berg"), Some(Gender::Female));
        assert_eq!(g.of("Tom Hale"), Some(Gender::Male));
        assert_eq!(g.of("Nobody"), None);
    }
}
