//! The outlet table (`assets/outlets.toml`): canonical names of news outlets, their web
//! domains and the other names they go by. Parsed once; answers "which outlet is this
//! domain / name?" and finds outlet names inside a phrase.
//!
//! Names are matched with care: all-capital aliases (`AP`, `RT`) only match in capitals, so
//! the word "ap" or "rt" in running text is never an outlet.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

/// One outlet of the table.
#[derive(Debug, Clone, Deserialize)]
pub struct Outlet {
    pub name: String,
    #[serde(default)]
    pub domains: Vec<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Table {
    #[serde(default)]
    outlet: Vec<Outlet>,
}

/// The parsed table (an asset, like the gazetteer); empty (never a panic) if the asset were
/// malformed, which a unit test rules out. The outlets a user's configuration adds are not
/// in it: they are laid over a loaded corpus as stated metadata ([`in_list`] and
/// `crate::corpus::overlay`), so that nothing here changes once the process runs.
static OUTLETS: LazyLock<Vec<Outlet>> = LazyLock::new(|| {
    toml::from_str::<Table>(crate::assets::OUTLETS)
        .map(|t| t.outlet)
        .unwrap_or_default()
});

/// All known outlets.
pub fn all() -> &'static [Outlet] {
    &OUTLETS
}

/// The canonical outlet name for a host (`www.reuters.com` → `Reuters`): a table domain
/// matches itself and every subdomain. The longest matching domain wins.
pub fn by_domain(host: &str) -> Option<&'static str> {
    in_list(all(), host)
}

/// The outlet of `list` whose domain `host` is (or is under), the longest domain winning.
pub fn in_list<'a>(list: &'a [Outlet], host: &str) -> Option<&'a str> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    list.iter()
        .flat_map(|o| o.domains.iter().map(move |d| (o, d)))
        .filter(|(_, d)| {
            host == d.as_str()
                || host
                    .strip_suffix(d.as_str())
                    .is_some_and(|rest| rest.ends_with('.'))
        })
        .max_by_key(|(_, d)| d.len())
        .map(|(o, _)| o.name.as_str())
}

/// The canonical outlet name for the host of a URL.
pub fn by_url(url: &str) -> Option<&'static str> {
    by_domain(host_of(url)?)
}

/// The host part of an `http(s)://` URL (or of a bare `www.` address).
pub fn host_of(url: &str) -> Option<&str> {
    let rest = url
        .trim()
        .strip_prefix("https://")
        .or_else(|| url.trim().strip_prefix("http://"))
        .or_else(|| url.trim().starts_with("www.").then_some(url.trim()))?;
    let end = rest.find(['/', '?', '#', ':']).unwrap_or(rest.len());
    let host = &rest[..end];
    (!host.is_empty()).then_some(host)
}

/// True when `name` matches `alias` under the case rule (capital aliases need capitals).
fn alias_matches(alias: &str, name: &str) -> bool {
    if is_all_caps(alias) {
        alias == name
    } else if alias.is_ascii() && name.is_ascii() {
        alias.eq_ignore_ascii_case(name)
    } else {
        alias.to_lowercase() == name.to_lowercase()
    }
}

fn is_all_caps(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// The canonical name for an outlet named exactly `name` (an alias, the canonical name,
/// or a domain such as `Reuters.com`).
pub fn by_name(name: &str) -> Option<&'static str> {
    let name = name.trim().trim_matches(|c: char| !c.is_alphanumeric());
    if name.is_empty() {
        return None;
    }
    BY_LOWER_NAME
        .get(&name.to_lowercase())
        .and_then(|cands| {
            cands
                .iter()
                .find(|(alias, _)| alias_matches(alias, name))
                .map(|(_, canonical)| *canonical)
        })
        .or_else(|| name.contains('.').then(|| by_domain(name)).flatten())
}

/// Every name and alias, lowercased, with its spelling and the canonical name: one
/// lookup instead of a scan of the table per question.
static BY_LOWER_NAME: LazyLock<HashMap<String, Vec<(&'static str, &'static str)>>> =
    LazyLock::new(|| {
        let mut map: HashMap<String, Vec<(&'static str, &'static str)>> = HashMap::new();
        for o in all() {
            for alias in std::iter::once(&o.name).chain(&o.aliases) {
                map.entry(alias.to_lowercase())
                    .or_default()
                    .push((alias.as_str(), o.name.as_str()));
            }
        }
        map
    });

/// The canonical name when `name` is a known outlet, else `name` itself, trimmed.
pub fn canonical_or_given(name: &str) -> String {
    by_name(name).map_or_else(|| name.trim().to_string(), str::to_string)
}

/// True when running text writes `alias` as a name: the same words with the same
/// capitalised initials (`the times` in a sentence is not `The Times`).
fn written_as(alias: &str, head: &str) -> bool {
    if !alias_matches(alias, head) {
        return false;
    }
    alias
        .split_whitespace()
        .zip(head.split_whitespace())
        .all(|(a, h)| {
            let up = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
            up(a) == up(h)
        })
}

/// The first known outlet named at the very start of `text` (longest alias first), with
/// the byte length of the name as written. The name must be capitalised as a name.
pub fn at_start(text: &str) -> Option<(&'static str, usize)> {
    all()
        .iter()
        .flat_map(|o| {
            std::iter::once(&o.name)
                .chain(&o.aliases)
                .map(move |a| (o, a))
        })
        .filter(|(_, a)| {
            text.get(..a.len()).is_some_and(|head| written_as(a, head))
                && !text[a.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '-')
        })
        .max_by_key(|(_, a)| a.len())
        .map(|(o, a)| (o.name.as_str(), a.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_and_is_not_empty() {
        let parsed: Table = toml::from_str(crate::assets::OUTLETS).unwrap();
        assert!(parsed.outlet.len() > 50);
        assert!(all().iter().all(|o| !o.name.is_empty()));
    }

    #[test]
    fn no_name_or_domain_belongs_to_two_outlets() {
        let mut names = std::collections::HashMap::new();
        let mut domains = std::collections::HashMap::new();
        for o in all() {
            for a in std::iter::once(&o.name).chain(&o.aliases) {
                if let Some(other) = names.insert(a.to_lowercase(), &o.name) {
                    assert_eq!(other, &o.name, "{a} names two outlets");
                }
            }
            for d in &o.domains {
                assert_eq!(d, &d.to_lowercase());
                assert!(domains.insert(d.clone(), &o.name).is_none(), "{d} twice");
            }
        }
    }

    #[test]
    fn domains_match_themselves_and_subdomains() {
        assert_eq!(by_domain("reuters.com"), Some("Reuters"));
        assert_eq!(by_domain("www.reuters.com"), Some("Reuters"));
        assert_eq!(by_domain("uk.Reuters.com"), Some("Reuters"));
        assert_eq!(by_domain("notreuters.com"), None);
        assert_eq!(by_domain("example.org"), None);
        assert_eq!(by_domain("interfax.com.ua"), Some("Interfax-Ukraine"));
    }

    #[test]
    fn urls_give_their_outlet() {
        assert_eq!(
            by_url("https://ria.ru/20211120/peremeny-1759961803.html"),
            Some("RIA Novosti")
        );
        assert_eq!(by_url("http://www.bbc.co.uk:80/news"), Some("BBC"));
        assert_eq!(by_url("not a url"), None);
    }

    #[test]
    fn names_are_canonicalised_with_case_care() {
        assert_eq!(by_name("Thomson Reuters"), Some("Reuters"));
        assert_eq!(by_name("reuters"), Some("Reuters"));
        assert_eq!(by_name("AP"), Some("Associated Press"));
        assert_eq!(by_name("ap"), None);
        assert_eq!(by_name("Radio Rossiya"), None);
        assert_eq!(by_name("Reuters.com"), Some("Reuters"));
        assert_eq!(canonical_or_given(" Local Gazette "), "Local Gazette");
    }

    #[test]
    fn finds_outlet_at_start() {
        assert_eq!(
            at_start("Shafaq News/ Russian President"),
            Some(("Shafaq News", 11))
        );
        assert_eq!(at_start("RIA Novosti. MOSCOW"), Some(("RIA Novosti", 11)));
        assert_eq!(at_start("Reutersville"), None);
        assert_eq!(at_start("The times were hard"), None);
        assert_eq!(
            at_start("The Times of India said"),
            Some(("The Times of India", 18))
        );
        assert_eq!(at_start("AP-style"), None);
    }
}
