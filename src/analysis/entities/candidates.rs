//! Candidates: the entity mentions of one body, cut out of its runs.
//!
//! A run splits at gazetteer entities (`Russian` | `Ambassador` | ...), at titles (which
//! make the following name a person), and after an organisation cue word followed directly
//! by more capitals ("Security Council | Nikolai Patrushev"). A gazetteer place inside a
//! name stays in it ("Real Madrid", "Denzel Washington"), and so does a place after an
//! organisation and a connector ("Bank of England").
//!
//! Each candidate carries a kind with the strength of its evidence, and is *weak* when its
//! capitals may be typographic only: a single word opening a sentence, or any word of a
//! Title Case headline. Weak candidates survive only if the corpus names them elsewhere.

use super::EntityKind;
use super::Span;
use super::gazetteer::Gazetteer;
use super::lexicon::{lexicon, name_case};
use super::runs::{Context, Unit, UnitKind, runs};
use super::tokens::{Gap, Shape, Token, tokenize};

/// How strongly a candidate's kind is attested (higher wins).
pub type Strength = u8;
/// Kind from the gazetteer.
pub const BY_GAZETTEER: Strength = 4;
/// Kind from a title before the name ("President X").
pub const BY_TITLE: Strength = 3;
/// Kind from a cue word ("... Ministry") or a dateline.
pub const BY_CUE: Strength = 2;
/// Kind from the shape of the name (two or three capitalised words: a person).
pub const BY_SHAPE: Strength = 1;
/// No evidence.
pub const UNKNOWN: Strength = 0;

/// One entity mention found in a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub span: Span,
    /// The name when it differs from the text of the span (datelines in capitals).
    pub name: Option<String>,
    /// The gazetteer entry it matched.
    pub gazetteer: Option<usize>,
    pub kind: EntityKind,
    pub strength: Strength,
    /// The capitals may be typographic only (see the module doc).
    pub weak: bool,
    /// The spans of its words, connectors excluded (weak candidates only).
    pub words: Vec<Span>,
}

/// The candidates of one body, in order.
pub fn find(body: &str, gz: &Gazetteer) -> Vec<Candidate> {
    let tokens = tokenize(body);
    let cx = Context::new(body, &tokens, gz);
    let headline = title_case_lines(body, &tokens);
    let mut out = Vec::new();
    for run in runs(&cx) {
        Segmenter {
            cx: &cx,
            gz,
            headline: &headline,
            out: &mut out,
            seg: Vec::new(),
            after_title: false,
            absorbed: false,
        }
        .cut(&run);
    }
    out
}

/// Marks the tokens of Title Case lines: headline-sized (at most 25 words, no final stop),
/// three or more words of four letters or more, seven in ten of them capitalised.
fn title_case_lines(body: &str, tokens: &[Token]) -> Vec<bool> {
    let mut marks = vec![false; tokens.len()];
    let mut start = 0;
    while start < tokens.len() {
        let end = (start + 1..tokens.len())
            .find(|&k| tokens[k].line_start)
            .unwrap_or(tokens.len());
        let long = tokens[start..end]
            .iter()
            .filter(|t| t.shape != Shape::Other && at_least_four_chars(t.text(body)));
        let (mut total, mut caps) = (0, 0);
        for t in long {
            total += 1;
            caps += usize::from(t.shape.is_capitalised());
        }
        let line_end = tokens[end - 1].end;
        let stop = body[line_end..]
            .trim_start_matches([' ', '\t'])
            .starts_with('.');
        if total >= 3 && caps * 10 >= total * 7 && end - start <= 25 && !stop {
            marks[start..end].fill(true);
        }
        start = end;
    }
    marks
}

fn at_least_four_chars(word: &str) -> bool {
    word.len() >= 4 && (word.is_ascii() || word.chars().nth(3).is_some())
}

struct Segmenter<'a, 'b> {
    cx: &'a Context<'b>,
    gz: &'a Gazetteer,
    headline: &'a [bool],
    out: &'a mut Vec<Candidate>,
    /// Units of the name being built.
    seg: Vec<Unit>,
    /// A title stands right before the name being built.
    after_title: bool,
    /// The name being built took in a gazetteer place ("Real Madrid").
    absorbed: bool,
}

impl Segmenter<'_, '_> {
    fn token(&self, i: usize) -> &Token {
        &self.cx.tokens[i]
    }

    fn word(&self, i: usize) -> &str {
        self.token(i).text(self.cx.body)
    }

    fn cut(mut self, run: &[Unit]) {
        for (k, &unit) in run.iter().enumerate() {
            match unit.kind {
                UnitKind::Title => {
                    self.flush();
                    self.after_title = true;
                }
                UnitKind::Entity(e) if self.absorbs(e) => {
                    self.absorbed = true;
                    self.seg.push(Unit {
                        kind: UnitKind::Word,
                        ..unit
                    });
                }
                UnitKind::Entity(e) => {
                    self.flush();
                    self.emit_gazetteer(e, unit);
                }
                UnitKind::Dateline => {
                    self.flush();
                    self.emit_dateline(unit);
                }
                UnitKind::Connector => {
                    if self.seg.is_empty() {
                        // "premier of North Rhine-Westphalia": the title is not the name's.
                        self.after_title = false;
                    } else {
                        self.seg.push(unit);
                    }
                }
                UnitKind::Word => {
                    if self.ends_organisation(&run[k..]) {
                        self.flush();
                    }
                    self.seg.push(unit);
                }
            }
        }
        self.flush();
    }

    /// A gazetteer place joins the name being built when it follows a plain word ("Real
    /// Madrid") or a cue word and a connector ("Bank of England", "Stade de France").
    fn absorbs(&self, e: usize) -> bool {
        let lx = lexicon();
        if self.gz.entries[e].kind != EntityKind::Place {
            return false;
        }
        match self.seg.last() {
            Some(u) if u.kind == UnitKind::Word => lx
                .cue(self.word(u.last))
                .is_none_or(|k| k == EntityKind::Place),
            Some(u) if u.kind == UnitKind::Connector => self
                .seg
                .iter()
                .rev()
                .find(|u| u.kind == UnitKind::Word)
                .is_some_and(|u| lx.cue(self.word(u.last)).is_some()),
            _ => false,
        }
    }

    /// Two or more plain words right after an organisation cue start a new name
    /// ("Security Council | Nikolai Patrushev", but "Radio Rossiya" stays whole).
    fn ends_organisation(&self, rest: &[Unit]) -> bool {
        let lx = lexicon();
        let (Some(prev), Some(unit)) = (self.seg.last(), rest.first()) else {
            return false;
        };
        let plain = rest
            .iter()
            .take_while(|u| {
                u.kind == UnitKind::Word
                    && self.token(u.first).gap == Gap::Space
                    && lx.cue(self.word(u.first)).is_none()
            })
            .count();
        prev.kind == UnitKind::Word
            && self.token(unit.first).gap == Gap::Space
            && lx.cue(self.word(prev.last)) == Some(EntityKind::Organization)
            && plain >= 2
    }

    fn emit_gazetteer(&mut self, e: usize, unit: Unit) {
        let mut start = self.token(unit.first).start;
        let end = self.token(unit.last).end;
        // "the States": the article is not part of the name.
        if self.cx.body[start..end].starts_with("the ") {
            start += 4;
        }
        self.out.push(Candidate {
            span: start..end,
            name: None,
            gazetteer: Some(e),
            kind: self.gz.entries[e].kind,
            strength: BY_GAZETTEER,
            weak: false,
            words: Vec::new(),
        });
        self.after_title = false;
    }

    fn emit_dateline(&mut self, unit: Unit) {
        let words: Vec<Span> = (unit.first..=unit.last)
            .map(|k| self.token(k).start..self.token(k).end)
            .collect();
        let name: Vec<String> = words
            .iter()
            .map(|s| name_case(&self.cx.body[s.clone()]))
            .collect();
        self.out.push(Candidate {
            span: self.token(unit.first).start..self.token(unit.last).end,
            name: Some(name.join(" ")),
            gazetteer: None,
            kind: EntityKind::Place,
            strength: BY_CUE,
            weak: false,
            words: Vec::new(),
        });
        self.after_title = false;
    }

    /// Two or three capitalised words (a hyphenated pair counts once), no place inside,
    /// not after "the": the shape of a person's name ("Jake Sullivan", not "the Siemens
    /// Energy board" or "Real Madrid").
    fn person_shaped(&self, words: &[&Unit], absorbed: bool) -> bool {
        let Some(first) = words.first() else {
            return false;
        };
        let count = words
            .iter()
            .filter(|u| u.first == first.first || self.token(u.first).gap != Gap::Hyphen)
            .count();
        let after_the = first.first > 0 && self.word(first.first - 1).eq_ignore_ascii_case("the");
        (2..=3).contains(&count)
            && !absorbed
            && !after_the
            && words
                .iter()
                .all(|u| self.token(u.first).shape == Shape::Capitalised)
    }

    /// Turns the name being built into a candidate.
    fn flush(&mut self) {
        let seg = std::mem::take(&mut self.seg);
        let after_title = std::mem::replace(&mut self.after_title, false);
        let absorbed = std::mem::replace(&mut self.absorbed, false);
        let words: Vec<&Unit> = seg.iter().filter(|u| u.kind == UnitKind::Word).collect();
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            return;
        };
        let lx = lexicon();
        let texts: Vec<&str> = words.iter().map(|u| self.word(u.first)).collect();
        let cues: Vec<EntityKind> = texts.iter().filter_map(|w| lx.cue(w)).collect();
        // Too generic: "Ministry", "Office", a lone initial.
        if cues.len() == texts.len() || (texts.len() == 1 && texts[0].chars().count() < 2) {
            return;
        }
        let (kind, strength) = if after_title {
            (EntityKind::Person, BY_TITLE)
        } else if let Some(&k) = cues.last() {
            (k, BY_CUE)
        } else if self.person_shaped(&words, absorbed) {
            (EntityKind::Person, BY_SHAPE)
        } else {
            (EntityKind::Other, UNKNOWN)
        };
        let opens_sentence = self.token(first.first).sentence_start;
        let weak =
            self.headline[first.first] || (texts.len() == 1 && opens_sentence && !after_title);
        self.out.push(Candidate {
            span: self.token(first.first).start..self.token(last.last).end,
            name: None,
            gazetteer: None,
            kind,
            strength,
            weak,
            words: if weak {
                words
                    .iter()
                    .map(|u| self.token(u.first).start..self.token(u.last).end)
                    .collect()
            } else {
                Vec::new()
            },
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::gazetteer::gazetteer;
    use super::*;

    fn found(body: &str) -> Vec<(String, EntityKind, bool)> {
        find(body, gazetteer())
            .into_iter()
            .map(|c| {
                let name = match (c.gazetteer, &c.name) {
                    (Some(e), _) => gazetteer().entries[e].name.clone(),
                    (None, Some(n)) => n.clone(),
                    (None, None) => body[c.span.clone()].to_string(),
                };
                (name, c.kind, c.weak)
            })
            .collect()
    }

    fn names(body: &str) -> Vec<String> {
        found(body).into_iter().map(|(n, _, _)| n).collect()
    }

    #[test]
    fn titles_make_people_and_split_runs() {
        let got = found(
            "He met Russian Ambassador Anatoly Antonov and US National Security Advisor Jake Sullivan.",
        );
        assert_eq!(
            got,
            [
                ("Russia".into(), EntityKind::Place, false),
                ("Anatoly Antonov".into(), EntityKind::Person, false),
                ("United States".into(), EntityKind::Place, false),
                ("Jake Sullivan".into(), EntityKind::Person, false),
            ]
        );
    }

    #[test]
    fn a_title_then_of_does_not_make_a_person() {
        let got = found("the state premier of North Rhine-Westphalia spoke");
        assert_eq!(
            got,
            [("North Rhine-Westphalia".into(), EntityKind::Place, false)]
        );
    }

    #[test]
    fn organisation_cues_give_kind_and_split() {
        let got = found(
            "talks between Secretary of Russia’s Security Council Nikolai Patrushev and the Foreign Ministry.",
        );
        assert_eq!(
            got,
            [
                ("Russia".into(), EntityKind::Place, false),
                ("Security Council".into(), EntityKind::Organization, false),
                ("Nikolai Patrushev".into(), EntityKind::Person, false),
                ("Foreign Ministry".into(), EntityKind::Organization, false),
            ]
        );
    }

    #[test]
    fn one_word_after_a_cue_stays_in_the_name() {
        assert_eq!(names("on air of Radio Rossiya today"), ["Radio Rossiya"]);
    }

    #[test]
    fn places_inside_names_stay() {
        assert_eq!(
            names("a win for Real Madrid over the Bank of England"),
            ["Real Madrid", "Bank of England"]
        );
        assert_eq!(
            names("the West Coast of America"),
            ["West Coast of America"]
        );
        assert_eq!(names("at the Stade de France"), ["Stade de France"]);
    }

    #[test]
    fn person_shape_needs_plain_names() {
        let got = found(
            "fans of Real Madrid and the Siemens Energy board met Jake Sullivan-Smith and North Rhine-Westphalia",
        );
        let kinds: Vec<(String, EntityKind)> = got.into_iter().map(|(n, k, _)| (n, k)).collect();
        assert_eq!(
            kinds,
            [
                ("Real Madrid".into(), EntityKind::Other),
                ("Siemens Energy".into(), EntityKind::Other),
                ("Jake Sullivan-Smith".into(), EntityKind::Person),
                ("North Rhine-Westphalia".into(), EntityKind::Place),
            ]
        );
    }

    #[test]
    fn sentence_initial_single_words_are_weak() {
        let got = found("Shortly after, Zakharova spoke. Zakharova left.");
        assert_eq!(
            got,
            [
                ("Shortly".into(), EntityKind::Other, true),
                ("Zakharova".into(), EntityKind::Other, false),
                ("Zakharova".into(), EntityKind::Other, true),
            ]
        );
    }

    #[test]
    fn title_case_headlines_are_weak() {
        let got = found("Putin Says Talks With Biden Went Well\n\nPutin spoke to Joe Biden.");
        assert!(
            got[..got.len() - 2].iter().all(|(_, _, weak)| *weak),
            "{got:?}"
        );
        assert_eq!(
            got[got.len() - 1],
            ("Joe Biden".into(), EntityKind::Person, false)
        );
    }

    #[test]
    fn generic_cue_words_alone_are_dropped() {
        assert_eq!(
            names("the Russian Embassy in Washington"),
            ["Russia", "Washington"]
        );
    }

    #[test]
    fn datelines_in_caps() {
        assert_eq!(
            found("SMALLTOWN, June 3 (Reuters) - Floods hit."),
            [
                ("Smalltown".into(), EntityKind::Place, false),
                ("Reuters".into(), EntityKind::Organization, false),
                ("Floods".into(), EntityKind::Other, true),
            ]
        );
    }

    #[test]
    fn cyrillic_names() {
        let got = found("Об этом сообщила «Мария Захарова».");
        assert!(
            got.contains(&("Мария Захарова".into(), EntityKind::Person, false)),
            "{got:?}"
        );
    }

    #[test]
    fn the_is_not_part_of_a_gazetteer_span() {
        let body = "visas for the States";
        let c = find(body, gazetteer());
        assert_eq!(&body[c[0].span.clone()], "States");
    }
}
