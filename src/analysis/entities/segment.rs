//! Cutting one run into candidates: at titles (the next name is a person), at gazetteer
//! entities, and after an organisation cue followed by a new name; each candidate gets a
//! kind with the strength of its evidence and a weak mark (see [`super::candidates`]).

use super::candidates::{BY_CONTEXT, BY_CUE, BY_GAZETTEER, BY_SHAPE, BY_TITLE, Candidate, UNKNOWN};
use super::gazetteer::Gazetteer;
use super::lexicon::{lexicon, name_case};
use super::runs::{Context, Unit, UnitKind};
use super::tokens::{Gap, Shape, Token};
use super::{EntityKind, Span};

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
                    if self.absorbs(e, unit) || self.opens_event(e, run.get(k + 1)) =>
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
                UnitKind::Word => {
                    if self.ends_organisation(&run[k..]) {
                        self.flush();
                    }
                    // "Tonight Calderbridge voted": the opener is not the name's.
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
            }
        }
        self.flush();
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

    /// A country code of sport in brackets ("M. Okafor-Lee (GBR)"): a nationality.
    fn nation_code(&self, unit: Unit) -> bool {
        let t = self.token(unit.first);
        unit.first == unit.last
            && t.shape == Shape::AllCaps
            && self.cx.body[..t.start].ends_with('(')
            && self.cx.body[t.end..].starts_with(')')
            && lexicon().is_nation_code(self.word(unit.first))
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
            self.out.push(Candidate {
                span: start..end,
                name: Some(self.gz.entries[e].name.clone()),
                gazetteer: None,
                kind: EntityKind::Organization,
                strength: BY_CUE,
                weak: false,
                headline: false,
                words: Vec::new(),
                metonym: false,
            });
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

    /// In a sports story, a city alone names its club ("Barcelona beat Milan"), unless
    /// it stands in a dateline or after a place preposition ("in Milan").
    fn names_club(&self, e: usize, unit: Unit) -> bool {
        let first = &self.cx.tokens[unit.first];
        let dateline = first.line_start && self.cx.body[first.end..].starts_with(',');
        self.sport
            && self.gz.entries[e].city
            && first.shape != Shape::AllCaps
            && !dateline
            && !self.after_place_preposition(unit.first)
            && !(unit.first > 0 && matches!(self.word(unit.first - 1), "at" | "from" | "to"))
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
            headline: false,
            words: Vec::new(),
            metonym: false,
        });
        self.after_title = false;
    }

    /// Two or three capitalised words (a hyphenated pair counts once), no place inside,
    /// not after "the": the shape of a person's name ("Jake Sullivan", not "the Siemens
    /// Energy board" or "Real Madrid").
    fn person_shaped(&self, absorbed: bool) -> bool {
        let mut words = self.seg.iter().filter(|u| u.kind == UnitKind::Word);
        let Some(first) = words.next() else {
            return false;
        };
        let count = 1 + words
            .filter(|u| self.token(u.first).gap != Gap::Hyphen)
            .count();
        let after_the = first.first > 0 && self.word(first.first - 1).eq_ignore_ascii_case("the");
        (2..=3).contains(&count) && !absorbed && !after_the && self.plain_name_words()
    }

    /// Every word of the segment is capitalised, or an initial before the last ("T.
    /// Holubova").
    fn plain_name_words(&self) -> bool {
        let words: Vec<&Unit> = self
            .seg
            .iter()
            .filter(|u| u.kind == UnitKind::Word)
            .collect();
        words.iter().enumerate().all(|(k, u)| {
            let shape = self.token(u.first).shape;
            shape == Shape::Capitalised || (shape == Shape::Initial && k + 1 < words.len())
        })
    }

    /// A name of cue words only is generic when each also stands in lower case in the
    /// text ("the police service" makes "Police Service" a description).
    fn all_cues_generic(&self) -> bool {
        let body = self.cx.body;
        self.seg
            .iter()
            .filter(|u| u.kind == UnitKind::Word)
            .any(|u| {
                let lower = self.word(u.first).to_lowercase();
                body.match_indices(lower.as_str()).any(|(at, m)| {
                    let before = body[..at].chars().next_back();
                    let after = body[at + m.len()..].chars().next();
                    !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric)
                })
            })
    }

    /// The word before token `i` is "the".
    fn after_the(&self, i: usize) -> bool {
        i > 0 && self.word(i - 1).eq_ignore_ascii_case("the")
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

    /// The word before token `i` puts what follows in a place ("in", "near", "across").
    fn after_place_preposition(&self, i: usize) -> bool {
        i > 0
            && self.token(i).gap == Gap::Space
            && matches!(
                self.word(i - 1),
                "in" | "near" | "across" | "outside" | "throughout" | "around" | "towards"
            )
    }

    /// Cuts a suffix after a person's name ("Beatrice Omondi KC") off a name of three
    /// words or more.
    fn trim_person_suffix(&mut self) {
        let words = self.seg.iter().filter(|u| u.kind == UnitKind::Word).count();
        let suffix = self.seg.last().is_some_and(|u| {
            u.kind == UnitKind::Word && lexicon().is_person_suffix(self.word(u.first))
        });
        if words >= 3 && suffix {
            self.seg.pop();
        }
    }

    /// The segment's words, how many of them are kind cues ("Ministry", "University"), and
    /// the kind of the head cue: the last before a connector, else the last.
    fn cues(&self) -> (usize, usize, Option<EntityKind>) {
        let lx = lexicon();
        let (mut count, mut cues, mut last_cue, mut head) = (0, 0, None, None);
        for u in &self.seg {
            if u.kind == UnitKind::Connector && head.is_none() {
                // "University of Port Arlen": the cue before "of" is the name's head.
                head = Some(last_cue);
            }
            if u.kind != UnitKind::Word {
                continue;
            }
            count += 1;
            if let Some(k) = lx.cue(self.word(u.first)) {
                cues += 1;
                last_cue = Some(k);
            }
        }
        (count, cues, head.flatten().or(last_cue))
    }

    fn candidate(&self, after_title: bool, absorbed: bool) -> Option<Candidate> {
        let lx = lexicon();
        let mut words = self.seg.iter().filter(|u| u.kind == UnitKind::Word);
        let first = *words.next()?;
        let last = words.next_back().copied().unwrap_or(first);
        let (count, cues, last_cue) = self.cues();
        // Too generic: "Ministry", "Office", a lone initial; but two cue words may make a
        // name ("Harbour Road", "Energy Ministry").
        let generic = cues == count && (count == 1 || self.all_cues_generic());
        if generic || (count == 1 && self.word(first.first).chars().nth(1).is_none()) {
            return None;
        }
        // "Results", "Inside": never a name alone, whatever its capital; nor a section slug.
        if count == 1 && first.first == first.last && lx.is_generic(self.word(first.first)) {
            return None;
        }
        let text = &self.cx.body[self.token(first.first).start..self.token(last.last).end];
        if lx.is_section(text) {
            return None;
        }
        let placed = self.after_place_preposition(first.first);
        let club = self.sport && count >= 2 && lx.is_club_word(self.word(last.last));
        let (kind, strength) = if after_title {
            (EntityKind::Person, BY_TITLE)
        } else if club {
            (EntityKind::Organization, BY_CUE)
        } else if let Some(k) = last_cue {
            (k, BY_CUE)
        } else if placed {
            (EntityKind::Place, BY_CONTEXT)
        } else if !self.german && self.person_shaped(absorbed) {
            (EntityKind::Person, BY_SHAPE)
        } else if !self.german && self.after_the(first.first) && count >= 2 {
            // "the Green Left", "the Daily Meridian": a name after "the" is an
            // organisation's more often than anything else.
            (EntityKind::Organization, BY_SHAPE)
        } else {
            (EntityKind::Other, UNKNOWN)
        };
        let opens_sentence = self.token(first.first).sentence_start;
        let headline = self.headline[first.first];
        let unattested = self.german && strength < BY_CONTEXT;
        let weak = headline || unattested || (count == 1 && opens_sentence && !after_title);
        let spans = self
            .seg
            .iter()
            .filter(|u| weak && u.kind == UnitKind::Word)
            .map(|u| self.token(u.first).start..self.token(u.last).end);
        Some(Candidate {
            span: self.token(first.first).start..self.token(last.last).end,
            name: None,
            gazetteer: None,
            kind,
            strength,
            weak,
            headline,
            words: spans.collect(),
            metonym: false,
        })
    }
}
