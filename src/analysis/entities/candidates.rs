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
}

impl Hints {
    /// The hints a body gives (see [`is_german`] and [`is_sport`]).
    pub fn of(body: &str) -> Self {
        Self {
            german: is_german(body),
            sport: is_sport(body),
        }
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

/// Whether a text reads as sports reporting: three different words of sport ("match",
/// "league", "scored", "coach") among its first 600 words.
pub fn is_sport(body: &str) -> bool {
    let lx = super::lexicon::lexicon();
    let mut seen: Vec<&str> = Vec::new();
    for w in body.split_ascii_whitespace().take(600) {
        // Sport words are lower case: most words are turned away by their first letter.
        if !w.starts_with(|c: char| c.is_ascii_lowercase()) {
            continue;
        }
        let w = w.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
        if lx.is_sport_word(w) && !seen.contains(&w) {
            seen.push(w);
            if seen.len() >= 3 {
                return true;
            }
        }
    }
    false
}

/// Whether a text reads as German: among its first 300 words, German function words
/// outnumber English ones by three to one, and there are at least eight of them.
pub fn is_german(body: &str) -> bool {
    let (mut de, mut en) = (0, 0);
    for w in body.split_whitespace().take(300) {
        match w.trim_end_matches([',', '.', ';', ':']) {
            "und" | "der" | "die" | "das" | "nicht" | "mit" | "ist" | "sich" | "auf" | "für"
            | "dem" | "den" | "ein" | "eine" | "wurde" | "sind" => de += 1,
            "the" | "and" | "of" | "to" | "is" | "was" | "with" | "for" => en += 1,
            _ => {}
        }
    }
    de >= 8 && de >= 3 * en
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
                ("Siemens Energy".into(), EntityKind::Organization),
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
        assert_eq!(names("the Russian Embassy in Washington"), ["Washington"]);
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
    fn clean_edges() {
        assert_eq!(
            names("Croat striker Ivan Peric met General Maurice Baril at the Bank of England."),
            ["Ivan Peric", "Maurice Baril", "Bank of England"]
        );
        assert_eq!(
            names("a vote for Sunita Rao of the People's Alliance and Beatrice Omondi KC"),
            ["Sunita Rao", "People's Alliance", "Beatrice Omondi"]
        );
        assert_eq!(names("She won the Atlantic Open."), ["Atlantic Open"]);
    }

    #[test]
    fn slugs_generic_words_and_contractions_are_not_names() {
        assert_eq!(
            names(
                "SOCCER - Results and Standings\nI'm sure. We're done. Tonight Calderbridge voted."
            ),
            ["Calderbridge"]
        );
    }

    #[test]
    fn table_rows_are_not_headlines() {
        let got =
            found("Results:\n3. Ryan Calder (Canada) 2:11.04\n4. Theo Lamarque (France) 2:12.50");
        let strong: Vec<&str> = got
            .iter()
            .filter(|(_, _, weak)| !weak)
            .map(|(n, _, _)| n.as_str())
            .collect();
        assert_eq!(strong, ["Ryan Calder", "Canada", "Theo Lamarque", "France"]);
    }

    #[test]
    fn place_prepositions_and_german_nouns() {
        let got = found("Floods hit homes in Lessaria on Monday.");
        assert!(
            got.contains(&("Lessaria".into(), EntityKind::Place, false)),
            "{got:?}"
        );
        let de = "Hunderte Menschen wurden in der Nacht aus ihren Häusern geholt, und die \
                  Feuerwehr war mit dem Hochwasser in Kesseltal beschäftigt, sagte die \
                  Bürgermeisterin Anna Keller. Das Wasser ist nicht gesunken, und es wird \
                  für den Ort eine lange Nacht, sagte sie auf der Brücke.";
        let strong: Vec<String> = found(de)
            .into_iter()
            .filter(|(_, _, weak)| !weak)
            .map(|(n, _, _)| n)
            .collect();
        assert_eq!(strong, ["Kesseltal", "Anna Keller"]);
    }

    #[test]
    fn clubs_in_sports_stories() {
        let body = "Redhaven United beat Aston Villa 3-2 in the league match. Redhaven scored \
                    twice after the break, and the coach praised the goal by Ivan Peric. \
                    Barcelona host Milan next week; the Croat striker lives in Milan.";
        let got: Vec<(String, EntityKind)> =
            found(body).into_iter().map(|(n, k, _)| (n, k)).collect();
        let org = EntityKind::Organization;
        assert_eq!(
            got,
            [
                ("Redhaven United".into(), org),
                ("Aston Villa".into(), org),
                ("Redhaven United".into(), org),
                ("Ivan Peric".into(), EntityKind::Person),
                ("Barcelona".into(), org),
                ("Milan".into(), org),
                ("Milan".into(), EntityKind::Place),
            ]
        );
        let news = "The mayor of Barcelona met Milan officials in Rome.";
        assert!(found(news).iter().all(|(_, k, _)| *k == EntityKind::Place));
    }

    #[test]
    fn a_city_after_a_title_opens_a_name() {
        assert_eq!(
            found("the popular incumbent Milan Oresko won")[0],
            ("Milan Oresko".into(), EntityKind::Person, false)
        );
    }

    #[test]
    fn results_rows_give_people_not_country_codes() {
        let got = found("WTA rankings\n1. M. Okafor-Lee (GBR) 7,840 pts\n4. A. Ilyina (USA) 5,660");
        let people: Vec<(String, EntityKind)> = got
            .into_iter()
            .filter(|(n, _, _)| n != "WTA")
            .map(|(n, k, _)| (n, k))
            .collect();
        assert_eq!(
            people,
            [
                ("M. Okafor-Lee".into(), EntityKind::Person),
                ("A. Ilyina".into(), EntityKind::Person),
            ]
        );
    }

    #[test]
    fn cue_word_names_and_compass_openers() {
        assert_eq!(
            names("fans at Harbour Road cheered the Northern Premier League leaders."),
            ["Harbour Road", "Northern Premier League"]
        );
        // A description in capitals, its words also written in lower case.
        assert_eq!(
            names("The Police Service said the police service would act."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn standings_columns_and_compass_nationalities_are_not_names() {
        assert_eq!(
            names("the table:\n1 Port Selby P35 W18 D7 L10 Pts 61"),
            ["Port Selby"]
        );
        assert_eq!(names("the South Asian nations met"), Vec::<String>::new());
    }

    #[test]
    fn the_is_not_part_of_a_gazetteer_span() {
        let body = "visas for the States";
        let c = find(body, gazetteer());
        assert_eq!(&body[c[0].span.clone()], "States");
    }
}
