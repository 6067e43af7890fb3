//! Folding a char for matching: lower case without diacritics, one char for one char (so
//! that matched positions still index the name as written). `munchen` finds München and
//! `münchen` finds Munchen; `koln` is Köln, `cote` is Côte.

use unicode_normalization::UnicodeNormalization;

/// `c` in lower case, its diacritics dropped: the base letter of its canonical
/// decomposition (`ü` → `u`, `Ç` → `c`), or a letter of its own for the few with none
/// (`ø` → `o`, `ł` → `l`, `ß` → `s`, `æ` → `a`, `đ` → `d`, `ı` → `i`).
pub fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    match lower {
        'ø' => return 'o',
        'ł' => return 'l',
        'ß' => return 's',
        'æ' => return 'a',
        'œ' => return 'o',
        'đ' | 'ð' => return 'd',
        'ı' => return 'i',
        'þ' => return 't',
        _ => {}
    }
    match std::iter::once(lower).nfd().next() {
        Some(base) if base.is_alphabetic() => base,
        _ => lower,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(s: &str) -> String {
        s.chars().map(fold).collect()
    }

    #[test]
    fn diacritics_fold_away_one_char_for_one() {
        assert_eq!(folded("München"), "munchen");
        assert_eq!(folded("Köln"), "koln");
        assert_eq!(folded("Côte d’Ivoire"), "cote d’ivoire");
        assert_eq!(folded("Łódź Ørsted Straße"), "lodz orsted strase");
        for s in ["München", "Çağrı", "Мария Захарова", "İstanbul"] {
            assert_eq!(folded(s).chars().count(), s.chars().count(), "{s}");
        }
    }

    #[test]
    fn cyrillic_and_plain_letters_stay_themselves() {
        assert_eq!(folded("Захарова"), "захарова");
        assert_eq!(folded("Putin"), "putin");
        assert_eq!(folded("й"), "и", "a breve is a diacritic too");
    }
}

#[cfg(test)]
mod ranking {
    use crate::analysis::entities::{Entity, EntityIndex, EntityKind, Field, Mention};

    /// Places named in `articles` articles each.
    fn index(names: &[(&str, usize)]) -> EntityIndex {
        let entities = names
            .iter()
            .map(|&(name, articles)| Entity {
                name: name.to_string(),
                kind: EntityKind::Place,
                aliases: Vec::new(),
                mentions: (0..articles)
                    .map(|article| Mention {
                        article,
                        span: 0..1,
                        field: Field::Body,
                    })
                    .collect(),
            })
            .collect();
        EntityIndex { entities }
    }

    fn first(index: &EntityIndex, q: &str) -> String {
        let m = crate::filter::rank(index, q);
        index.entities[m[0].entity].name.clone()
    }

    #[test]
    fn an_exact_fold_beats_a_fuzzy_near_miss_both_ways() {
        // The near misses are named in more articles: folding must still win.
        let idx = index(&[
            ("Kolding", 9),
            ("Köln", 1),
            ("Cortex", 9),
            ("Côte d'Ivoire", 1),
            ("Munchen", 1),
            ("Münster", 9),
        ]);
        assert_eq!(first(&idx, "koln"), "Köln");
        assert_eq!(first(&idx, "köln"), "Köln");
        assert_eq!(first(&idx, "cote"), "Côte d'Ivoire");
        assert_eq!(first(&idx, "münchen"), "Munchen");
        assert_eq!(first(&idx, "'munchen"), "Munchen");
        let prepared = crate::filter::Prepared::new(&idx);
        let ranked = prepared.rank(&crate::filter::parse("koln"));
        assert_eq!(idx.entities[ranked[0].entity].name, "Köln");
    }
}
