//! Cutting one run into candidates: at titles (the next name is a person), at gazetteer
//! entities, and after an organisation cue followed by a new name; each candidate gets a
//! kind with the strength of its evidence and a weak mark (see [`super::candidates`]).

use super::EntityKind;
use super::candidates::{BY_CUE, BY_GAZETTEER, Candidate};
use super::gazetteer::Gazetteer;
use super::lexicon::{lexicon, name_case};
use super::runs::{Context, Unit, UnitKind};
use super::tokens::{Gap, Shape, Token};

mod kind;

pub struct Segmenter<'a, 'b> {
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
    /// The text is German, whose nouns all take capitals: a name needs a title, a cue or
    /// a place preposition to stand on its own.
    pub german: bool,
    /// The text is sports reporting: a city alone, or a name ending in a club word, is a
    /// club.
    pub sport: bool,
    /// The whole text is a headline (see [`super::candidates::Hints::headline`]).
    pub all_headline: bool,
}

impl<'a, 'b> Segmenter<'a, 'b> {
    /// A segmenter that appends to `out`; `headline` marks tokens of Title Case lines.
    pub fn new(
        cx: &'a Context<'b>,
        gz: &'a Gazetteer,
        headline: &'a [bool],
        out: &'a mut Vec<Candidate>,
    ) -> Self {
        Self {
            cx,
            gz,
            headline,
            out,
            seg: Vec::new(),
            after_title: false,
            absorbed: false,
            german: false,
            sport: false,
            all_headline: false,
        }
    }

    fn token(&self, i: usize) -> &Token {
        &self.cx.tokens[i]
    }

    fn word(&self, i: usize) -> &str {
        self.token(i).text(self.cx.body)
    }

    pub fn cut(&mut self, run: &[Unit]) {
        for (k, &unit) in run.iter().enumerate() {
            if self.nation_code(unit) {
                self.flush();
                continue;
            }
            match unit.kind {
                // "General Motors": a title before a cue word is the name's first word.
                UnitKind::Title if !self.names_cue(run.get(k + 1)) => {
                    self.flush();
                    self.after_title = true;
                }
                UnitKind::Title => self.seg.push(Unit {
                    kind: UnitKind::Word,
                    ..unit
                }),
                // "incumbent Milan Oreško": after a title, a city opens a person's name.
                UnitKind::Entity(e) if self.opens_person(e, run.get(k + 1)) => {
                    self.seg.push(Unit {
                        kind: UnitKind::Word,
                        ..unit
                    });
                }
                UnitKind::Entity(e)
                    if self.absorbs(e, unit)
                        || self.opens_event(e, run.get(k + 1))
                        || self.opens_organisation(e, &run[k + 1..]) =>
                {
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
                UnitKind::Word => self.word_unit(&run[k..]),
            }
        }
        self.flush();
    }

    /// A plain word (`rest[0]`): it ends an organisation's name before a new one, and
    /// a generic word opening a sentence ("Tonight Calderbridge voted") is not the name's.
    fn word_unit(&mut self, rest: &[Unit]) {
        let unit = rest[0];
        if self.ends_organisation(rest) {
            self.flush();
        }
        let opener = self.seg.is_empty()
            && !self.after_title
            && self.token(unit.first).sentence_start
            && unit.first == unit.last
            && self.token(unit.first).shape != Shape::Initial
            && lexicon().is_generic(self.word(unit.first));
        if !opener {
            self.seg.push(unit);
        }
    }

    /// A gazetteer place joins the name being built when it follows a plain word ("Real
    /// Madrid") or a cue word and a connector ("Bank of England", "Stade de France").
    fn absorbs(&self, e: usize, unit: Unit) -> bool {
        let lx = lexicon();
        // "Northern Premier League": a compass word opens a longer name.
        let compass = self.seg.last().is_some_and(|u| {
            u.kind == UnitKind::Word
                && matches!(
                    self.word(u.last),
                    "Northern"
                        | "Southern"
                        | "Eastern"
                        | "Western"
                        | "North"
                        | "South"
                        | "East"
                        | "West"
                        | "Central"
                )
        });
        // "South Asian": a nationality is not absorbed ("South" then goes alone).
        let text = &self.cx.body[self.token(unit.first).start..self.token(unit.last).end];
        if self.gz.is_demonym(text) {
            return false;
        }
        if compass {
            return true;
        }
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

    /// A gazetteer place right after a title and before a plain word is a first name
    /// ("incumbent Milan Oreško", "President Georgia Vale").
    fn opens_person(&self, e: usize, next: Option<&Unit>) -> bool {
        let Some(next) = next.filter(|u| u.kind == UnitKind::Word) else {
            return false;
        };
        self.after_title
            && self.seg.is_empty()
            && self.gz.entries[e].kind == EntityKind::Place
            && self.token(next.first).gap == Gap::Space
            && self.token(next.first).shape == Shape::Capitalised
            && lexicon().cue(self.word(next.last)).is_none()
    }

    /// The next unit is a single cue word ("Motors").
    fn names_cue(&self, next: Option<&Unit>) -> bool {
        next.is_some_and(|u| {
            u.kind == UnitKind::Word
                && self.token(u.first).gap == Gap::Space
                && lexicon().cue(self.word(u.last)).is_some()
        })
    }

    /// A gazetteer place right before an event's cue word opens the event's name
    /// ("Atlantic Open", "European Championship").
    fn opens_event(&self, e: usize, next: Option<&Unit>) -> bool {
        let Some(next) = next.filter(|u| u.kind == UnitKind::Word) else {
            return false;
        };
        self.gz.entries[e].kind == EntityKind::Place
            && self.token(next.first).gap == Gap::Space
            && lexicon().cue(self.word(next.last)) == Some(EntityKind::Other)
    }

    /// A place or nationality opening a run whose next plain words (up to three) hold an
    /// organisation cue opens the organisation's name ("Palestine Liberation
    /// Organisation", "French Foreign Ministry", "China Development Bank").
    fn opens_organisation(&self, e: usize, rest: &[Unit]) -> bool {
        let lx = lexicon();
        self.seg.is_empty()
            && self.gz.entries[e].kind == EntityKind::Place
            && rest
                .iter()
                .take(3)
                .take_while(|u| u.kind == UnitKind::Word && self.token(u.first).gap == Gap::Space)
                .any(|u| lx.cue(self.word(u.last)) == Some(EntityKind::Organization))
    }

    /// Two or more plain words right after an organisation cue start a new name
    /// ("Security Council | Nikolai Patrushev", but "Radio Rossiya" stays whole).
    fn ends_organisation(&self, rest: &[Unit]) -> bool {
        let lx = lexicon();
        let (Some(prev), Some(unit)) = (self.seg.last(), rest.first()) else {
            return false;
        };
        // Only the first two units are looked at: counting every plain word of the rest
        // made cutting a long run quadratic in its length.
        let plain = || {
            rest.iter()
                .take(2)
                .take_while(|u| {
                    u.kind == UnitKind::Word
                        && self.token(u.first).gap == Gap::Space
                        && lx.cue(self.word(u.first)).is_none()
                })
                .count()
        };
        prev.kind == UnitKind::Word
            && self.token(unit.first).gap == Gap::Space
            && lx.cue(self.word(prev.last)) == Some(EntityKind::Organization)
            && plain() == 2
    }

    fn emit_gazetteer(&mut self, e: usize, unit: Unit) {
        let mut start = self.token(unit.first).start;
        let end = self.token(unit.last).end;
        // "Russian", "French": a nationality, not a mention of the country.
        if self.gz.is_demonym(&self.cx.body[start..end]) {
            self.after_title = false;
            return;
        }
        // "the States": the article is not part of the name.
        if self.cx.body[start..end].starts_with("the ") {
            start += 4;
        }
        if self.names_club(e, unit) {
            let name = self.gz.entries[e].name.clone();
            self.out
                .push(by_cue(start..end, name, EntityKind::Organization));
            self.after_title = false;
            return;
        }
        let country = self.governs(e, unit);
        let e = country.unwrap_or(e);
        self.out.push(Candidate {
            span: start..end,
            name: None,
            gazetteer: Some(e),
            kind: self.gz.entries[e].kind,
            strength: BY_GAZETTEER,
            weak: false,
            headline: false,
            words: Vec::new(),
            metonym: country.is_some(),
        });
        self.after_title = false;
    }

    /// The country a capital stands for when it acts as its government: followed by a
    /// verb ("Washington has"), or joined by "and" to another capital ("Moscow and
    /// Washington"); never in a dateline ("MOSCOW, Nov 2", "Moscow, Nov 2").
    fn governs(&self, e: usize, unit: Unit) -> Option<usize> {
        let country = self.gz.capital_of(e)?;
        let tokens = self.cx.tokens;
        let first = &tokens[unit.first];
        let dateline = first.line_start && self.cx.body[first.end..].starts_with(',');
        if first.shape == Shape::AllCaps || dateline {
            return None;
        }
        let word = |k: usize| tokens.get(k).map(|t| t.text(self.cx.body));
        let is_capital = |k: usize| {
            self.cx
                .entity_at(k)
                .is_some_and(|c| self.gz.capital_of(c).is_some())
        };
        let next = unit.last + 1;
        let acts = word(next).is_some_and(|w| lexicon().is_government_verb(w))
            && tokens[next].gap == Gap::Space;
        let joined_after = word(next) == Some("and") && is_capital(next + 1);
        let joined_before =
            unit.first >= 2 && word(unit.first - 1) == Some("and") && is_capital(unit.first - 2);
        (acts || joined_after || joined_before).then_some(country)
    }

    fn emit_dateline(&mut self, unit: Unit) {
        let span = self.token(unit.first).start..self.token(unit.last).end;
        // "AL-AIN" -> "Al-Ain": each part of the name in name case.
        let mut name = String::with_capacity(span.len());
        let mut rest = &self.cx.body[span.clone()];
        while let Some(at) = rest.find(|c: char| !c.is_alphanumeric()) {
            let sep = rest[at..].chars().next().map_or(1, char::len_utf8);
            name.push_str(&name_case(&rest[..at]));
            name.push_str(&rest[at..at + sep]);
            rest = &rest[at + sep..];
        }
        name.push_str(&name_case(rest));
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        self.out.push(by_cue(span, name, EntityKind::Place));
        self.after_title = false;
    }

    /// Turns the name being built into a candidate.
    fn flush(&mut self) {
        let after_title = std::mem::replace(&mut self.after_title, false);
        let absorbed = std::mem::replace(&mut self.absorbed, false);
        self.trim_person_suffix();
        let candidate = self.candidate(after_title, absorbed);
        self.seg.clear();
        self.out.extend(candidate);
    }
}

/// A candidate a cue names outright (a club of a sports story, a place of a dateline or
/// address), outside the gazetteer.
fn by_cue(span: std::ops::Range<usize>, name: String, kind: EntityKind) -> Candidate {
    Candidate {
        span,
        name: Some(name),
        gazetteer: None,
        kind,
        strength: BY_CUE,
        weak: false,
        headline: false,
        words: Vec::new(),
        metonym: false,
    }
}
