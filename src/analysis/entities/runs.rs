//! Runs: maximal sequences of capitalised words in a body, with the connectors, hyphens,
//! initials and gazetteer matches that hold them together ("Director of the US Central
//! Intelligence Agency William Burns" is one run). [`super::candidates`] then cuts runs
//! into entity candidates.
//!
//! A word opening a sentence counts as capitalised only when it is not a function word
//! and its lower-case form does not occur in the same body ("Shortly", "Cybersecurity").
//! Month and day names never count. ALL-CAPS datelines are read in normal case.

use rustc_hash::FxHashSet;

use super::EntityKind;
use super::gazetteer::{Gazetteer, Target};
use super::lexicon::{Lexicon, lexicon, with_lower};
use super::lower_forms;
use super::tokens::{Gap, Shape, Token};

/// What a unit of a run is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    /// A gazetteer entity (index into the gazetteer's entries).
    Entity(usize),
    /// A title that introduces a person.
    Title,
    /// A capitalised word.
    Word,
    /// A lower-case connector inside a name ("of", "de", "bin").
    Connector,
    /// A place read off an ALL-CAPS dateline that the gazetteer does not know.
    Dateline,
}

/// One unit of a run: tokens `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub kind: UnitKind,
    pub first: usize,
    pub last: usize,
}

/// A body with its tokens and what the run builder needs to know about them.
pub struct Context<'a> {
    pub body: &'a str,
    pub tokens: &'a [Token],
    lx: &'static Lexicon,
    gz: &'a Gazetteer,
    /// Lower-case forms of sentence-initial capitalised words that also occur in lower
    /// case in the body ("cybersecurity").
    lower: FxHashSet<&'a str>,
    /// Gazetteer match starting at each token: (last token, target).
    gz_at: Vec<Option<(usize, Target)>>,
}

impl<'a> Context<'a> {
    pub fn new(body: &'a str, tokens: &'a [Token], gz: &'a Gazetteer) -> Self {
        let lower = lower_forms::seen(body, tokens);
        let gz_at = align(body, tokens, gz);
        Self {
            body,
            tokens,
            lx: lexicon(),
            gz,
            lower,
            gz_at,
        }
    }

    /// The gazetteer entry matched at token `i`.
    pub fn entity_at(&self, i: usize) -> Option<usize> {
        match self.gz_at.get(i).copied().flatten() {
            Some((_, Target::Entity(e))) => Some(e),
            _ => None,
        }
    }

    fn text(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.body)
    }

    /// A capitalised word that may be (part of) a name.
    pub fn is_name_word(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        let w = self.text(i);
        if !t.shape.is_capitalised() || self.lx.is_calendar(w) || is_first_person(w) {
            return false;
        }
        // "P35 W18 D7": a table's columns, a code; not a name's word.
        if w.bytes().any(|b| b.is_ascii_digit()) {
            return false;
        }
        // "4. A. Ilyina": an initial, not the article "A".
        let initial = t.shape == Shape::Initial
            && self.body[t.end..].starts_with(". ")
            && self.body[t.end + 2..].starts_with(char::is_uppercase);
        if initial {
            true
        } else if t.sentence_start {
            !self.lx.is_function(w) && !with_lower(w, |l| self.lower.contains(l))
        } else {
            !self.lx.is_function(w) || self.lx.is_opener(w)
        }
    }

    /// Whether token `i` continues a run whose last token is `prev`.
    fn joins(&self, prev: usize, i: usize) -> bool {
        let (p, t) = (&self.tokens[prev], &self.tokens[i]);
        if t.sentence_start {
            return false;
        }
        // "People's Party", "Women's Institute": a plural possessive inside a name.
        let inner_possessive = matches!(
            self.text(prev),
            "People" | "Women" | "Men" | "Children" | "Workers" | "Farmers" | "Veterans"
        );
        // "St Aldric's Hospital": a saint's possessive before a cue word.
        let saint = prev > 0
            && matches!(self.text(prev - 1), "St" | "St." | "Saint")
            && self.lx.cue(self.text(i)).is_some();
        if p.possessive && !((inner_possessive || saint) && t.gap == Gap::Space) {
            return false;
        }
        if self.plural_possessive(prev, i) {
            return true;
        }
        match t.gap {
            Gap::Space | Gap::Hyphen => true,
            Gap::Stop => p.shape == Shape::Initial || self.lx.is_abbreviation(self.text(prev)),
            Gap::Break => false,
        }
    }

    /// "Dockworkers' Union", "Pensioners’ Association": a plural possessive before a cue
    /// word is inside the name.
    fn plural_possessive(&self, prev: usize, i: usize) -> bool {
        let (p, t) = (&self.tokens[prev], &self.tokens[i]);
        let gap = &self.body[p.end..t.start];
        matches!(gap, "' " | "\u{2019} ")
            && self.text(prev).ends_with('s')
            && t.shape == Shape::Capitalised
            && self.lx.cue(self.text(i)).is_some()
    }

    /// The unit starting at token `i` when it can stand in a name, without connectors.
    fn name_unit(&self, i: usize) -> Option<Unit> {
        if let Some((last, target)) = self.gz_at[i] {
            let kind = match target {
                Target::Entity(e) => UnitKind::Entity(e),
                Target::Title => UnitKind::Title,
            };
            return Some(Unit {
                kind,
                first: i,
                last,
            });
        }
        if let Some(unit) = self.caps_unit(i) {
            return Some(unit);
        }
        self.is_name_word(i).then_some(Unit {
            kind: UnitKind::Word,
            first: i,
            last: i,
        })
    }

    /// ALL-CAPS words: a dateline at the start of a line ("NEW YORK, May 3"), or a
    /// gazetteer name in capitals ("RUSSIA").
    fn caps_unit(&self, i: usize) -> Option<Unit> {
        let t = &self.tokens[i];
        if t.shape != Shape::AllCaps {
            return None;
        }
        let mut last = i;
        if t.line_start {
            while last + 1 < self.tokens.len()
                && self.tokens[last + 1].shape == Shape::AllCaps
                && matches!(self.tokens[last + 1].gap, Gap::Space | Gap::Hyphen)
            {
                last += 1;
            }
            let rest = &self.body[self.tokens[last].end..];
            // A place of three words at most, not the start of a headline in capitals
            // ("JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT").
            let banner = last - i >= 3 || self.caps_follow(last + 1);
            let dateline = !banner
                && [",", " –", " —", " -", " ("]
                    .iter()
                    .any(|p| rest.starts_with(p));
            let name = &self.body[t.start..self.tokens[last].end];
            if dateline && !self.lx.is_function(self.text(i)) && !self.lx.is_section(name) {
                let kind = match self.gz.lookup_folded(name) {
                    Some(Target::Entity(e)) => UnitKind::Entity(e),
                    _ => UnitKind::Dateline,
                };
                return Some(Unit {
                    kind,
                    first: i,
                    last,
                });
            }
        }
        let w = self.text(i);
        if w.chars().count() < 3 {
            return None;
        }
        match self.gz.lookup_folded(w) {
            Some(Target::Entity(e)) => Some(Unit {
                kind: UnitKind::Entity(e),
                first: i,
                last: i,
            }),
            _ => None,
        }
    }

    /// Two words in capitals at `i` on the same line: a headline in capitals goes on.
    fn caps_follow(&self, i: usize) -> bool {
        let caps = |k: usize| {
            self.tokens
                .get(k)
                .is_some_and(|t| t.shape == Shape::AllCaps && !t.line_start)
        };
        caps(i) && caps(i + 1)
    }

    /// A chain of one or two connectors at `i` ("of", "of the", "bin") followed by a name
    /// unit: returns the last connector token. "of" needs a cue word or a gazetteer name
    /// before it ("Bank of England", not "Sunita Rao of the People's Alliance").
    fn connector_chain(&self, i: usize, prev: &Unit) -> Option<usize> {
        let is_conn = |k: usize| {
            self.tokens.get(k).is_some_and(|t| {
                t.shape == Shape::Lower && t.gap == Gap::Space && self.lx.is_connector(self.text(k))
            })
        };
        if !is_conn(i) || self.text(i) == "the" {
            return None;
        }
        let held = match prev.kind {
            UnitKind::Word => self.lx.cue(self.text(prev.last)).is_some(),
            UnitKind::Entity(_) | UnitKind::Connector | UnitKind::Title => true,
            UnitKind::Dateline => false,
        };
        if self.text(i) == "of" && !held {
            return None;
        }
        let last = if is_conn(i + 1) { i + 1 } else { i };
        let next = self.tokens.get(last + 1)?;
        let glued = matches!(next.gap, Gap::Space | Gap::Hyphen) && !next.sentence_start;
        (glued && self.name_unit(last + 1).is_some()).then_some(last)
    }
}

impl Context<'_> {
    /// "and" inside an organisation's name: after one or two plain words, before at most
    /// three more that end in an organisation cue ("Health and Safety Executive", "Lisbury
    /// Fire and Rescue Service"); not between two names ("Britain and France").
    fn and_chain(&self, i: usize, cur: &[Unit]) -> Option<usize> {
        let t = self.tokens.get(i)?;
        if self.text(i) != "and" || t.gap != Gap::Space || cur.len() > 2 {
            return None;
        }
        if !cur.iter().all(|u| u.kind == UnitKind::Word) {
            return None;
        }
        let mut k = i + 1;
        while k < self.tokens.len() && k <= i + 3 {
            let next = &self.tokens[k];
            let plain = next.gap == Gap::Space
                && !next.sentence_start
                && self.gz_at[k].is_none()
                && self.is_name_word(k);
            if !plain {
                return None;
            }
            if self.lx.cue(self.text(k)) == Some(EntityKind::Organization) {
                // Two words before "and" may be a person ("Sunita Rao and Foreign Office
                // staff"): only a common noun second ("Lisbury Fire", with "fire" in the
                // text) is an organisation's. (Checked last: it reads the whole text.)
                let person = cur.len() == 2 && !self.lower_case_elsewhere(cur[1].last);
                return (!person).then_some(i);
            }
            k += 1;
        }
        None
    }

    /// The word at `i` also occurs in lower case in the body ("Fire" and "the fire").
    fn lower_case_elsewhere(&self, i: usize) -> bool {
        let word = self.text(i);
        let lower = word.to_lowercase();
        self.body.match_indices(lower.as_str()).any(|(at, m)| {
            let before = self.body[..at].chars().next_back();
            let after = self.body[at + m.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    }
}

/// "I'm", "I’ve", "We're", "Don't": the capital is a pronoun's or a sentence's.
fn is_first_person(word: &str) -> bool {
    let Some((_, tail)) = word.split_once(['\'', '\u{2019}']) else {
        return false;
    };
    word.starts_with("I'")
        || word.starts_with("I\u{2019}")
        || matches!(tail, "re" | "ve" | "ll" | "m" | "d" | "t")
}

/// Maps gazetteer matches onto tokens: a match must start at a token's start and end at a
/// token's end (or just after it, for a final stop as in "Mr.").
fn align(body: &str, tokens: &[Token], gz: &Gazetteer) -> Vec<Option<(usize, Target)>> {
    let mut at = vec![None; tokens.len()];
    let mut k = 0;
    while k < tokens.len() {
        let t = &tokens[k];
        // A word that opens no pattern (most lower-case words) is not searched at.
        let may_start = t.shape != Shape::Lower || gz.may_start(t.text(body), &body[t.end..]);
        let found = may_start.then(|| gz.match_at(body, t.start)).flatten();
        let Some(m) = found else {
            k += 1;
            continue;
        };
        let mut e = k;
        while e < tokens.len() && tokens[e].start < m.end {
            let end = tokens[e].end;
            if end == m.end || (end + 1 == m.end && body[..m.end].ends_with('.')) {
                at[k] = Some((e, m.target));
                break;
            }
            e += 1;
        }
        k = if at[k].is_some() { e + 1 } else { k + 1 };
    }
    at
}

/// Calls `f` with each run of a body, in order.
pub fn for_each_run(cx: &Context<'_>, mut f: impl FnMut(&[Unit])) {
    let mut cur: Vec<Unit> = Vec::new();
    let out = &mut f;
    let mut i = 0;
    while i < cx.tokens.len() {
        let continues = cur.last().is_some_and(|u| cx.joins(u.last, i));
        if !continues {
            finish(&mut cur, out);
        }
        if let Some(unit) = cx.name_unit(i) {
            cur.push(unit);
            i = unit.last + 1;
        } else if let Some(last) = cur
            .last()
            .filter(|_| continues)
            .and_then(|prev| cx.connector_chain(i, prev))
            .or_else(|| continues.then(|| cx.and_chain(i, &cur)).flatten())
        {
            cur.extend((i..=last).map(|k| Unit {
                kind: UnitKind::Connector,
                first: k,
                last: k,
            }));
            i = last + 1;
        } else {
            finish(&mut cur, out);
            i += 1;
        }
    }
    finish(&mut cur, out);
}

/// Hands a finished run (without trailing connectors) to `f` and clears it.
fn finish(cur: &mut Vec<Unit>, f: &mut impl FnMut(&[Unit])) {
    while cur.last().is_some_and(|u| u.kind == UnitKind::Connector) {
        cur.pop();
    }
    if !cur.is_empty() {
        f(cur);
    }
    cur.clear();
}

#[cfg(test)]
mod tests;
