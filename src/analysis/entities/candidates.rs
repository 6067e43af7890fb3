//! Candidates: the entity mentions of one body, cut out of its runs.
//!
//! A run splits at gazetteer entities (`Russian` | `Ambassador` | ...), at titles (which
//! make the following name a person), and after an organisation cue word followed directly
//! by more capitals ("Security Council | Nikolai Patrushev"). A gazetteer place inside a
//! name stays in it ("Real Madrid", "Denzel Washington"), and so does a place after an
//! cue word and a connector ("Bank of England"). The cutting is in [`super::segment`].
//!
//! Each candidate carries a kind with the strength of its evidence, and is *weak* when its
//! capitals may be typographic only: a single word opening a sentence, or any word of a
//! Title Case headline. Weak candidates survive only if the corpus names them elsewhere.

use super::EntityKind;
use super::Span;
use super::gazetteer::Gazetteer;
use super::headlines::title_case_lines;
use super::runs::{Context, for_each_run};
use super::segment::Segmenter;
use super::tokens::tokenize;

/// How strongly a candidate's kind is attested (higher wins).
pub type Strength = u8;
/// Kind from the gazetteer.
pub const BY_GAZETTEER: Strength = 5;
/// Kind from a title before the name ("President X").
pub const BY_TITLE: Strength = 4;
/// Kind from a cue word ("... Ministry") or a dateline.
pub const BY_CUE: Strength = 3;
/// Kind from the words around the name ("in X", "near X": a place).
pub const BY_CONTEXT: Strength = 2;
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
    /// Weak because it stands in a Title Case headline: it counts only where the same
    /// article or the gazetteer confirms it.
    pub headline: bool,
    /// The spans of its words, connectors excluded (weak candidates only).
    pub words: Vec<Span>,
    /// A capital standing for its country: the mention counts for the country, and its
    /// text is not one of the country's names.
    pub metonym: bool,
}

/// The candidates of one body, in order.
#[cfg(test)]
pub fn find(body: &str, gz: &Gazetteer) -> Vec<Candidate> {
    find_with(body, gz, Hints::of(body))
}

/// What an article's body tells about all its texts: its language and its subject (a
/// headline is too short to tell either).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hints {
    pub german: bool,
    pub sport: bool,
    /// The text is a headline (an article's title): every name in it is weak, whatever
    /// its case, until the body or the gazetteer confirms it.
    pub headline: bool,
}

impl Hints {
    /// The hints a body gives, in one pass: German when among its first 300 words German
    /// function words outnumber English ones by three to one (eight at least); sport when
    /// three different words of sport reporting stand there ("match", "league", "scored").
    pub fn of(body: &str) -> Self {
        scan(body)
    }
}

/// [`find`] with the hints of the text's article.
pub fn find_with(body: &str, gz: &Gazetteer, hints: Hints) -> Vec<Candidate> {
    let tokens = tokenize(body);
    let cx = Context::new(body, &tokens, gz);
    let headline = title_case_lines(body, &tokens);
    let mut out = Vec::new();
    let mut segmenter = Segmenter::new(&cx, gz, &headline, &mut out);
    segmenter.german = hints.german;
    segmenter.sport = hints.sport;
    segmenter.all_headline = hints.headline;
    for_each_run(&cx, |run| segmenter.cut(run));
    if hints.sport {
        clubs_by_first_word(body, &mut out);
    }
    out
}

/// In a sports story, a single word that opens a club's name given in the same text is
/// that club ("Redhaven" after "Redhaven United"), not the town.
fn clubs_by_first_word(body: &str, out: &mut [Candidate]) {
    let lx = super::lexicon::lexicon();
    let clubs: Vec<(&str, String)> = out
        .iter()
        .filter(|c| c.kind == EntityKind::Organization && c.gazetteer.is_none() && !c.weak)
        .filter_map(|c| {
            let text = &body[c.span.clone()];
            let (first, _) = text.split_once(char::is_whitespace)?;
            let last = text.rsplit(char::is_whitespace).next()?;
            let full = text.split_whitespace().collect::<Vec<_>>().join(" ");
            lx.is_club_word(last).then_some((first, full))
        })
        .collect();
    if clubs.is_empty() {
        return;
    }
    for c in out.iter_mut() {
        let text = &body[c.span.clone()];
        if c.gazetteer.is_some() || c.name.is_some() || text.contains(char::is_whitespace) {
            continue;
        }
        if let Some((_, full)) = clubs.iter().find(|(first, _)| *first == text) {
            c.name = Some(full.clone());
            c.kind = EntityKind::Organization;
            c.strength = BY_CUE;
            c.weak = false;
            c.headline = false;
            c.words.clear();
        }
    }
}

/// How many words of a text its hints read.
const HINT_WORDS: usize = 300;

/// Whether a text reads as sports reporting: three different words of sport ("match",
/// "league", "scored", "coach") among its first 300 words.
#[cfg(test)]
pub fn is_sport(body: &str) -> bool {
    scan(body).sport
}

/// Both hints in one pass over the first words of a text.
fn scan(body: &str) -> Hints {
    let lx = super::lexicon::lexicon();
    let (mut de, mut en) = (0, 0);
    let mut seen: [&str; 3] = [""; 3];
    let mut sport = 0;
    for w in body.split_whitespace().take(HINT_WORDS) {
        // Function words and sport words are lower case.
        if !w.starts_with(|c: char| c.is_lowercase()) {
            continue;
        }
        match w.trim_end_matches([',', '.', ';', ':']) {
            "und" | "der" | "die" | "das" | "nicht" | "mit" | "ist" | "sich" | "auf" | "für"
            | "dem" | "den" | "ein" | "eine" | "wurde" | "sind" => de += 1,
            "the" | "and" | "of" | "to" | "is" | "was" | "with" | "for" => en += 1,
            _ if sport < 3 => {
                let w = w.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
                if lx.is_sport_word(w) && !seen[..sport].contains(&w) {
                    seen[sport] = w;
                    sport += 1;
                }
            }
            _ => {}
        }
    }
    Hints {
        german: de >= 8 && de >= 3 * en,
        sport: sport >= 3,
        headline: false,
    }
}

#[cfg(test)]
mod tests;
