//! How an article is named where a person reads: by its outlet and a short headline, never
//! by its id (a file stem such as `001_3dffd0074b00d26a` says nothing to a reader).

use super::Article;

/// Most characters of a short headline.
pub const SHORT_TITLE_CHARS: usize = 32;

/// The headline cut to at most `max` characters at a word boundary, with `…` when cut;
/// the id when the article has no headline.
pub fn short_title(a: &Article, max: usize) -> String {
    let title = a
        .meta
        .title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if title.is_empty() {
        return a.id.clone();
    }
    if title.chars().count() <= max {
        return title;
    }
    let mut out = String::new();
    for word in title.split(' ') {
        let next = out.chars().count() + word.chars().count() + usize::from(!out.is_empty());
        if next + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        // One long word: cut it.
        out = title.chars().take(max.saturating_sub(1)).collect();
    }
    let out = out.trim_end_matches([',', ';', ':', '-', '—']).to_string();
    format!("{out}…")
}

/// The outlet, else the short headline: the shortest name that tells articles apart in a
/// list of carriers (`also in: TASS, Reuters`).
pub fn short_name(a: &Article) -> String {
    match &a.meta.source {
        Some(s) if !s.trim().is_empty() => s.clone(),
        _ => short_title(a, SHORT_TITLE_CHARS),
    }
}

/// Outlet and short headline (`TASS: Lavrov meets envoy…`), or the short headline alone
/// when the outlet is unknown: how exports and titles name an article.
pub fn full_name(a: &Article) -> String {
    let title = short_title(a, SHORT_TITLE_CHARS);
    match &a.meta.source {
        Some(s) if !s.trim().is_empty() => format!("{s}: {title}"),
        _ => title,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Metadata;

    fn article(title: &str, source: Option<&str>) -> Article {
        let meta = Metadata {
            title: title.to_string(),
            source: source.map(str::to_string),
            ..Metadata::default()
        };
        Article::new(
            "001_3dffd0074b00d26a".into(),
            "x.txt".into(),
            meta,
            "b".into(),
        )
    }

    #[test]
    fn names_use_the_outlet_and_a_short_headline() {
        let a = article(
            "Harbour board postpones the quay vote until the spring",
            Some("TASS"),
        );
        assert_eq!(short_name(&a), "TASS");
        assert_eq!(full_name(&a), "TASS: Harbour board postpones the…");
        let b = article("Short one", None);
        assert_eq!(short_name(&b), "Short one");
        assert_eq!(full_name(&b), "Short one");
    }

    #[test]
    fn short_titles_fit_and_never_are_empty() {
        let a = article("Harbour board postpones, again, the quay vote", None);
        let t = short_title(&a, 24);
        assert!(t.chars().count() <= 24, "{t}");
        assert_eq!(t, "Harbour board…");
        assert_eq!(short_title(&article("", None), 10), "001_3dffd0074b00d26a");
        let long = article(&"x".repeat(50), None);
        assert_eq!(short_title(&long, 10).chars().count(), 10);
    }
}
