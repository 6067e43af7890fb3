//! What a speaker's name looks like: a person's name rather than an organisation or a
//! place (`Dunmere Fire Brigade` is no one who says "he said"), with post-nominal letters
//! (`KC`, `MP`, `Jr`) left off.

use crate::analysis::entities::EntityKind;
use crate::analysis::entities::gazetteer::{Target, gazetteer};
use crate::analysis::entities::lexicon::{self, lexicon};

/// Letters after a name that are not part of it.
const POST_NOMINALS: &[&str] = &[
    "KC", "QC", "MP", "MEP", "MSP", "Jr", "Sr", "PhD", "OBE", "MBE", "CBE",
];

/// A speaker's name as a person reads it: `Rebecca Stroud of Calvenstadt Police` is Rebecca
/// Stroud (a name of two or more words before `of`), and post-nominal letters are left off.
pub fn speaker_name(name: &str) -> &str {
    let name = match name.split_once(" of ") {
        Some((person, _)) if person.split_whitespace().count() >= 2 && person_like(person) => {
            person
        }
        _ => name,
    };
    without_post_nominals(name)
}

/// `name` without trailing post-nominal letters (`Nicholas Thorne KC` → `Nicholas Thorne`).
pub fn without_post_nominals(name: &str) -> &str {
    let mut out = name.trim_end_matches([',', '.', ' ']);
    while let Some((head, last)) = out.rsplit_once(' ') {
        if !POST_NOMINALS.contains(&last.trim_end_matches('.')) {
            break;
        }
        out = head.trim_end_matches([',', ' ']);
    }
    out
}

/// True when a name's first word is a function word (`One`, `The`, `This`).
pub fn opens_with_function_word(name: &str) -> bool {
    name.split_whitespace()
        .next()
        .is_some_and(|first| lexicon::with_lower(first, |w| lexicon().is_function(w)))
}

/// True when a capitalised run can be a person's name: not ending in an organisation's or
/// a place's cue word (`Brigade`, `Bank`, `Coast`), not a known country, city or body, and
/// not written in capitals throughout (`NATO`).
pub fn person_like(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let opener = lexicon::with_lower(first, |w| {
        lexicon().is_function(w) || lexicon().is_calendar(w)
    });
    if opener {
        return false;
    }
    // A place cue ends some surnames (`Ann Park`, `Tom Bridge`): only a longer run is a
    // place by it (`Hyde Park Corner`).
    let cue = lexicon()
        .cue(last)
        .or_else(|| lexicon().cue(last.trim_end_matches('s')));
    match cue {
        Some(EntityKind::Place) if words.len() >= 3 => return false,
        Some(EntityKind::Place | EntityKind::Person) | None => {}
        Some(_) => return false,
    }
    if matches!(gazetteer().lookup_folded(name), Some(Target::Entity(_))) {
        return false;
    }
    !(name.len() > 1 && name.chars().all(|c| !c.is_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn post_nominals_are_left_off() {
        assert_eq!(
            without_post_nominals("Nicholas Thorne KC"),
            "Nicholas Thorne"
        );
        assert_eq!(without_post_nominals("Ana Ruiz MP"), "Ana Ruiz");
        assert_eq!(without_post_nominals("Ana Ruiz"), "Ana Ruiz");
    }

    #[test]
    fn organisations_and_places_are_not_people() {
        assert!(person_like("Sean Corrigan"));
        assert!(!person_like("Dunmere Fire Brigade"));
        assert!(!person_like("Estmark Central Bank"));
        assert!(!person_like("NATO"));
        assert!(!person_like("Russia"));
        assert!(!person_like("For Ana"));
        assert_eq!(
            speaker_name("Rebecca Stroud of Calvenstadt Police"),
            "Rebecca Stroud"
        );
    }
}
