//! Folded forms of names for merging: case and diacritics ([`fold`]: "Kovač" = "kovac"),
//! and a transliteration key for surnames and first names ([`translit`]: "Zelenskyy",
//! "Zelenskiy" and "Zelensky" share one; so do "Hrytsenko" and "Gritsenko").

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower case without diacritics ("Sørensen" -> "sorensen"); ASCII text is only lowered.
pub fn fold(name: &str) -> String {
    if name.is_ascii() {
        return name.to_ascii_lowercase();
    }
    name.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ø' => 'o',
            'æ' => 'a',
            'ß' => 's',
            'đ' => 'd',
            'ł' => 'l',
            '\u{2019}' => '\'',
            c => c,
        })
        .collect()
}

/// A key under which the transliterations of one name meet: folded, `y`/`j` read as `i`,
/// `w` as `v`, `kh` as `h`, an initial `h` as `g`, doubled letters once; French `ou` as
/// `u` and a final `ch` as `sh` ("Iouri Dovbouch" = "Yuriy Dovbush"), German `tz` as `ts`,
/// `qu`/`qv` as `kv` ("Lundquist" = "Lundqvist").
pub fn translit(word: &str) -> String {
    let folded = fold(word);
    // A final "ch" not after "t" or "s" reads as "sh" ("Dovbouch").
    let final_ch = folded
        .strip_suffix("ch")
        .is_some_and(|stem| !stem.ends_with(['t', 's']));
    let body = if final_ch {
        &folded[..folded.len() - 2]
    } else {
        folded.as_str()
    };
    let mut out = String::with_capacity(folded.len());
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let mapped: &[char] = match (c, next) {
            ('y' | 'j', _) => &['i'],
            ('w', _) => &['v'],
            ('k', Some('h')) | ('o', Some('u')) => {
                chars.next();
                if c == 'k' { &['h'] } else { &['u'] }
            }
            ('t', Some('z')) => {
                chars.next();
                &['t', 's']
            }
            ('q', Some('u' | 'v')) => {
                chars.next();
                &['k', 'v']
            }
            ('h', _) if out.is_empty() => &['g'],
            _ => std::slice::from_ref(&c),
        };
        for &m in mapped {
            if !out.ends_with(m) {
                out.push(m);
            }
        }
    }
    if final_ch {
        out.push_str("sh");
    }
    out
}

/// Whether two first names may be one person's: equal keys, one an initial of the other,
/// or one letter apart in names of four letters or more ("Oleksandr", "Oleksander").
pub fn same_first_name(a: &str, b: &str) -> bool {
    let (a, b) = (
        translit(a.trim_end_matches('.')),
        translit(b.trim_end_matches('.')),
    );
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if short.chars().count() == 1 {
        return long.starts_with(short.as_str());
    }
    short.chars().count() >= 4 && one_edit(short, long)
}

/// At most one insertion, deletion or substitution apart.
fn one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if b.len() < a.len() || b.len() - a.len() > 1 {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if a.len() == b.len() {
        prefix == a.len() || a[prefix + 1..] == b[prefix + 1..]
    } else {
        a[prefix..] == b[prefix + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(fold("Kovač"), "kovac");
        assert_eq!(fold("Mikkel Sørensen"), "mikkel sorensen");
        assert_eq!(fold("MOSCOW"), "moscow");
    }

    #[test]
    fn transliterations_meet() {
        assert_eq!(translit("Zelensky"), translit("Zelenskyy"));
        assert_eq!(translit("Zelenskiy"), translit("Zelensky"));
        assert_eq!(translit("Navalny"), translit("Navalnyi"));
        assert_eq!(translit("Hrytsenko"), translit("Gritsenko"));
        assert_ne!(translit("Ivanov"), translit("Ivanova"));
        assert_eq!(translit("Iouri"), translit("Yuriy"));
        assert_eq!(translit("Dovbouch"), translit("Dovbush"));
        assert_eq!(translit("Hrytzenko"), translit("Hrytsenko"));
        assert_eq!(translit("Lundquist"), translit("Lundqvist"));
        assert!(same_first_name("Yousef", "Yusuf"));
    }

    #[test]
    fn first_names() {
        assert!(same_first_name("Oleksandr", "Oleksander"));
        assert!(same_first_name("C.", "Carla"));
        assert!(!same_first_name("Igor", "Ivan"));
        assert!(!same_first_name("Igor", "Andrei"));
        assert!(one_edit("abc", "abd") && one_edit("abc", "abxc") && !one_edit("abc", "xyz"));
    }
}
