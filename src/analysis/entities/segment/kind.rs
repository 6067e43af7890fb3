//! A finished name's kind and whether it stands: the evidence of titles, cue words,
//! place prepositions, clubs and the shape of a person's name, and the names that are too
//! generic, nationalities or table columns (see [`super::Segmenter`]).

use super::super::EntityKind;
use super::super::candidates::{BY_CONTEXT, BY_CUE, BY_SHAPE, BY_TITLE, Candidate, UNKNOWN};
use super::super::lexicon::lexicon;
use super::super::runs::{Unit, UnitKind};
use super::super::tokens::{Gap, Shape};
use super::Segmenter;

impl Segmenter<'_, '_> {
    /// A country code of sport in brackets ("M. Okafor-Lee (GBR)"): a nationality.
    pub(super) fn nation_code(&self, unit: Unit) -> bool {
        let t = self.token(unit.first);
        unit.first == unit.last
            && t.shape == Shape::AllCaps
            && self.cx.body[..t.start].ends_with('(')
            && self.cx.body[t.end..].starts_with(')')
            && lexicon().is_nation_code(self.word(unit.first))
    }

    /// In a sports story, a city alone names its club ("Barcelona beat Milan"), unless
    /// it stands in a dateline or after a place preposition ("in Milan").
    pub(super) fn names_club(&self, e: usize, unit: Unit) -> bool {
        let first = &self.cx.tokens[unit.first];
        let dateline = first.line_start && self.cx.body[first.end..].starts_with(',');
        self.sport
            && self.gz.entries[e].city
            && first.shape != Shape::AllCaps
            && !dateline
            && !self.after_place_preposition(unit.first)
            && !(unit.first > 0 && matches!(self.word(unit.first - 1), "at" | "from" | "to"))
    }

    /// Two or three capitalised words (a hyphenated pair counts once), no place inside,
    /// not after "the": the shape of a person's name ("Jake Sullivan", not "the Siemens
    /// Energy board" or "Real Madrid").
    pub(super) fn person_shaped(&self, absorbed: bool) -> bool {
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
    pub(super) fn plain_name_words(&self) -> bool {
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

    /// The word before token `i` is "the".
    pub(super) fn after_the(&self, i: usize) -> bool {
        i > 0 && self.word(i - 1).eq_ignore_ascii_case("the")
    }

    /// The words before token `i` put what follows in a place ("in", "near", "across",
    /// "above", "north of").
    pub(super) fn after_place_preposition(&self, i: usize) -> bool {
        if i == 0 || self.token(i).gap != Gap::Space {
            return false;
        }
        match self.word(i - 1) {
            "in" | "near" | "across" | "outside" | "throughout" | "around" | "towards"
            | "above" => true,
            // "north of Sgurr Dubhan": a point of the compass and `of`
            "of" => {
                i > 1
                    && matches!(
                        self.word(i - 2),
                        "north"
                            | "south"
                            | "east"
                            | "west"
                            | "northeast"
                            | "northwest"
                            | "southeast"
                            | "southwest"
                    )
            }
            _ => false,
        }
    }

    /// Cuts a suffix after a person's name ("Beatrice Omondi KC") off a name of three
    /// words or more.
    pub(super) fn trim_person_suffix(&mut self) {
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
    pub(super) fn cues(&self) -> (usize, usize, Option<EntityKind>) {
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

    /// The kind of the segment's name (first and last word units, number of words, head
    /// cue) with the strength of its evidence.
    fn kind_of(
        &self,
        after_title: bool,
        absorbed: bool,
        (first, last): (Unit, Unit),
        count: usize,
        last_cue: Option<EntityKind>,
    ) -> (EntityKind, u8) {
        let placed = self.after_place_preposition(first.first);
        // "Aston Villa", "Real Madrid": in a sports story, a club.
        let club = self.sport
            && count >= 2
            && !placed
            && (absorbed || lexicon().is_club_word(self.word(last.last)));
        if after_title {
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
        }
    }

    /// The name being built as a candidate; none when too generic to be a name.
    pub(super) fn candidate(&self, after_title: bool, absorbed: bool) -> Option<Candidate> {
        let lx = lexicon();
        let mut words = self.seg.iter().filter(|u| u.kind == UnitKind::Word);
        let first = *words.next()?;
        let last = words.next_back().copied().unwrap_or(first);
        let (count, cues, last_cue) = self.cues();
        // Too generic: "Ministry", "Office", a lone initial; but two cue words make a name
        // ("Harbour Road", "Energy Ministry").
        let generic = cues == count && count == 1;
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
        let (kind, strength) = self.kind_of(after_title, absorbed, (first, last), count, last_cue);
        let opens_sentence = self.token(first.first).sentence_start;
        let headline = self.headline[first.first] || self.all_headline;
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
