//! Site suffixes of a headline (` | Reuters`, ` – Russia news today`): where a headline
//! ends and the site furniture after it begins, and which known outlet the suffix names.

use super::{lexicon, outlets};

/// Separators between a headline and a site name.
const SUFFIX_SEPARATORS: [&str; 6] = [" | ", " – ", " — ", " - ", " :: ", " · "];

/// A headline split from its site suffix: `Title | Reuters` → (`Title`, `Reuters`).
pub fn split_suffix(line: &str) -> Option<(&str, &str)> {
    SUFFIX_SEPARATORS
        .iter()
        .filter_map(|sep| line.rfind(sep).map(|i| (i, sep.len())))
        .max_by_key(|(i, _)| *i)
        .map(|(i, n)| (line[..i].trim(), line[i + n..].trim()))
        .filter(|(head, tail)| {
            !head.is_empty()
                && !tail.is_empty()
                && tail.split_whitespace().count() <= 5
                && head.split_whitespace().count() >= 3
        })
}

/// True when a headline's tail reads as a site name: a domain (`Example.com`), or a name
/// (capitalised first word) with a word such as `news` or `daily`.
fn is_site_name(tail: &str) -> bool {
    let lower = tail.to_lowercase();
    let domain = !lower.contains(' ') && lower.contains('.') && lower.len() > 4;
    let capitalised = tail.starts_with(|c: char| c.is_uppercase());
    domain
        || capitalised
            && lower
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| lexicon::has(&lexicon::get().site_words, w))
}

/// A line as a headline: strips a site suffix when the suffix names a known outlet, reads
/// as a site name, or follows a pipe (almost always site furniture). Returns the headline
/// and the known outlet the suffix names (an unknown site is never taken for the source).
pub fn clean_headline(line: &str) -> (String, Option<&'static str>) {
    let mut head = line.trim();
    let mut outlet = None;
    // `Title | Section | Site`: up to two suffixes
    for _ in 0..2 {
        let Some((h, tail)) = split_suffix(head) else {
            break;
        };
        if let Some(o) = outlets::by_name(tail) {
            outlet = outlet.or(Some(o));
        } else if !(head.contains(" | ") || is_site_name(tail)) {
            break;
        }
        head = h;
    }
    (head.to_string(), outlet)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffixes() {
        assert_eq!(
            clean_headline("Oil prices jump after OPEC deal | Reuters"),
            ("Oil prices jump after OPEC deal".into(), Some("Reuters"))
        );
        assert_eq!(
            clean_headline("Storm hits coast - BBC News"),
            ("Storm hits coast".into(), Some("BBC"))
        );
        assert_eq!(
            clean_headline("Mayor resigns over scandal | Springfield Gazette"),
            ("Mayor resigns over scandal".into(), None)
        );
        assert_eq!(
            clean_headline("Zakharova spoke about changes – Russia news today"),
            ("Zakharova spoke about changes".into(), None)
        );
        assert_eq!(
            clean_headline("Bridge reopens after repairs - Example.com"),
            ("Bridge reopens after repairs".into(), None)
        );
        assert_eq!(
            clean_headline("Rates held steady | Business | Reuters"),
            ("Rates held steady".into(), Some("Reuters"))
        );
        assert_eq!(
            clean_headline("Farm bill signed - good news for growers"),
            ("Farm bill signed - good news for growers".into(), None)
        );
        assert_eq!(
            clean_headline("Putin - Biden summit ends in Geneva"),
            ("Putin - Biden summit ends in Geneva".into(), None)
        );
    }
}
