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
/// `qu`/`qv` as `kv` ("Lundquist" = "Lundqvist"), `oe` and `ue` as the `o` and `u` of `ø`, `ö`
/// and `ü` ("Soerlie" = "Sørlie").
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
    let mut out = String::with_capacity(folded.len() + 1);
    // The last char pushed: a mapped letter is not pushed twice in a row.
    let mut last = None;
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
            // `oe` and `ue` write `ø`, `ö` and `ü` ("Soerlie" = "Sørlie", "Mueller" = "Müller")
            ('o' | 'u', Some('e')) => {
                chars.next();
                std::slice::from_ref(&c)
            }
            ('h', _) if last.is_none() => &['g'],
            _ => std::slice::from_ref(&c),
        };
        for &m in mapped {
            if last != Some(m) {
                out.push(m);
                last = Some(m);
            }
        }
    }
    if final_ch {
        out.push_str("sh");
    }
    out
}

/// A first name ready to be compared with others: its transliteration key (a final
/// stop dropped) and that key's length in chars, made once per name rather than once per
/// comparison.
pub struct FirstName {
    key: String,
    chars: usize,
}

impl FirstName {
    pub fn new(name: &str) -> FirstName {
        let key = translit(name.trim_end_matches('.'));
        let chars = key.chars().count();
        FirstName { key, chars }
    }
}

/// Whether two first names may be one person's: equal keys, one an initial of the other,
/// or one letter apart in names of four letters or more ("Oleksandr", "Oleksander").
pub fn same_first(a: &FirstName, b: &FirstName) -> bool {
    if a.key == b.key {
        return true;
    }
    let (short, long) = if a.key.len() <= b.key.len() {
        (a, b)
    } else {
        (b, a)
    };
    if short.chars == 1 {
        return long.key.starts_with(short.key.as_str());
    }
    // one edit apart needs the longer name to have the same length or one char more
    let near = long.chars == short.chars || long.chars == short.chars + 1;
    short.chars >= 4 && near && one_edit(&short.key, &long.key)
}

/// At most one insertion, deletion or substitution apart.
fn one_edit(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return one_edit_in(a.as_bytes(), b.as_bytes());
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    one_edit_in(&a, &b)
}

/// [`one_edit`] of two sequences.
fn one_edit_in<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    if b.len() < a.len() || b.len() - a.len() > 1 {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if a.len() == b.len() {
        prefix == a.len() || a[prefix + 1..] == b[prefix + 1..]
    } else {
        a[prefix..] == b[prefix + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_first_name(a: &str, b: &str) -> bool {
        same_first(&FirstName::new(a), &FirstName::new(b))
    }

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
        assert_eq!(translit("Soerlie"), translit("Sørlie"));
        assert_eq!(translit("Mueller"), translit("Müller"));
        assert!(same_first_name("Yousef", "Yusuf"));
    }

    #[test]
    fn first_names() {
        assert!(same_first_name("Oleksandr", "Oleksander"));
        assert!(same_first_name("C.", "Carla"));
        assert!(!same_first_name("Igor", "Ivan"));
        assert!(!same_first_name("Igor", "Andrei"));
        assert!(one_edit("abc", "abd") && one_edit("abc", "abxc") && !one_edit("abc", "xyz"));
        assert!(one_edit("jürgen", "jürgan") && !one_edit("jürgen", "jurgan"));
        assert!(same_first_name("Jürgen", "Jurgen") && same_first_name("Jurgen", "Jürgen."));
    }
}
