//! The orders the library can list articles in: by file (numbers in names compared as
//! numbers, so `(2)` comes before `(10)`), date, outlet, title, or shared passages.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use super::{Article, ArticleIdx, Corpus};

/// What the library is sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SortKey {
    /// By path, numbers compared as numbers.
    #[default]
    File,
    /// Newest first; undated articles last.
    Date,
    /// By outlet name; unknown outlets last.
    Outlet,
    /// By headline.
    Title,
    /// Most shared passages first.
    Shared,
}

impl SortKey {
    /// The next order, as a key cycles through them.
    pub fn next(self) -> SortKey {
        match self {
            SortKey::File => SortKey::Date,
            SortKey::Date => SortKey::Outlet,
            SortKey::Outlet => SortKey::Title,
            SortKey::Title => SortKey::Shared,
            SortKey::Shared => SortKey::File,
        }
    }

    /// The order named `name` (`file`, `date`, `outlet`, `title`, `shared`).
    pub fn parse(name: &str) -> Option<SortKey> {
        match name.trim().to_ascii_lowercase().as_str() {
            "file" | "path" => Some(SortKey::File),
            "date" => Some(SortKey::Date),
            "outlet" | "source" => Some(SortKey::Outlet),
            "title" => Some(SortKey::Title),
            "shared" => Some(SortKey::Shared),
            _ => None,
        }
    }

    /// How the order is named on screen.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::File => "file",
            SortKey::Date => "date",
            SortKey::Outlet => "outlet",
            SortKey::Title => "title",
            SortKey::Shared => "shared passages",
        }
    }
}

/// Sorts `articles` of `corpus` by `key` (stable; ties by file); `shared(a)` counts the
/// passages article `a` shares.
pub fn sort(
    corpus: &Corpus,
    articles: &mut [ArticleIdx],
    key: SortKey,
    shared: &dyn Fn(ArticleIdx) -> usize,
) {
    let art = |i: ArticleIdx| &corpus.articles[i];
    let by_file = |a: ArticleIdx, b: ArticleIdx| natural(&art(a).path, &art(b).path);
    articles.sort_by(|&a, &b| {
        let primary = match key {
            SortKey::File => Ordering::Equal,
            SortKey::Date => present_first(art(a).meta.date, art(b).meta.date, |x, y| y.cmp(&x)),
            SortKey::Outlet => {
                present_first(outlet_key(art(a)), outlet_key(art(b)), |x, y| x.cmp(&y))
            }
            SortKey::Title => natural(
                &art(a).meta.title.to_lowercase(),
                &art(b).meta.title.to_lowercase(),
            ),
            SortKey::Shared => shared(b).cmp(&shared(a)),
        };
        primary.then_with(|| by_file(a, b))
    });
}

fn outlet_key(a: &Article) -> Option<String> {
    a.meta.source.as_ref().map(|s| s.to_lowercase())
}

/// Present values by `cmp`, a missing value after any present one.
fn present_first<T>(a: Option<T>, b: Option<T>, cmp: impl Fn(T, T) -> Ordering) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => cmp(a, b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Compares two texts with runs of ASCII digits compared as numbers.
pub fn natural(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (x.peek().copied(), y.peek().copied()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(c), Some(d)) if c.is_ascii_digit() && d.is_ascii_digit() => {
                let n = digits(&mut x);
                let m = digits(&mut y);
                let o = n.len().cmp(&m.len()).then_with(|| n.cmp(&m));
                if o != Ordering::Equal {
                    return o;
                }
            }
            (Some(c), Some(d)) => {
                if c != d {
                    return c.cmp(&d);
                }
                x.next();
                y.next();
            }
        }
    }
}

/// A run of digits without its leading zeros.
fn digits(it: &mut std::iter::Peekable<std::str::Chars<'_>>) -> String {
    let mut s = String::new();
    while let Some(c) = it.peek().copied().filter(char::is_ascii_digit) {
        s.push(c);
        it.next();
    }
    let t = s.trim_start_matches('0');
    if t.is_empty() {
        "0".to_string()
    } else {
        t.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn corpus() -> Corpus {
        let mut c = Corpus::from_bodies(["a", "b", "c", "d"]);
        let rows = [
            ("story (10).txt", Some("2024-03-01"), Some("Tide"), "beta"),
            ("story (2).txt", None, None, "Alpha"),
            ("story (1).txt", Some("2024-03-05"), Some("Coast"), "gamma"),
            ("story (11).txt", Some("2024-02-01"), Some("coast"), "Delta"),
        ];
        for (a, (path, date, source, title)) in c.articles.iter_mut().zip(rows) {
            a.path = path.into();
            a.meta.date = date.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            a.meta.source = source.map(str::to_string);
            a.meta.title = title.into();
        }
        c
    }

    fn sorted(key: SortKey) -> Vec<ArticleIdx> {
        let c = corpus();
        let mut v: Vec<ArticleIdx> = (0..c.len()).collect();
        sort(&c, &mut v, key, &|a| [1, 5, 0, 3][a]);
        v
    }

    #[test]
    fn every_order() {
        assert_eq!(sorted(SortKey::File), [2, 1, 0, 3], "(1) (2) (10) (11)");
        assert_eq!(
            sorted(SortKey::Date),
            [2, 0, 3, 1],
            "newest first, undated last"
        );
        assert_eq!(sorted(SortKey::Outlet), [2, 3, 0, 1], "unknown last");
        assert_eq!(sorted(SortKey::Title), [1, 0, 3, 2]);
        assert_eq!(sorted(SortKey::Shared), [1, 3, 0, 2]);
    }

    #[test]
    fn natural_order_compares_numbers_as_numbers() {
        assert_eq!(natural("a2", "a10"), Ordering::Less);
        assert_eq!(natural("a010", "a10"), Ordering::Equal);
        assert_eq!(natural("b", "a9"), Ordering::Greater);
        let mut k = SortKey::File;
        for _ in 0..5 {
            k = k.next();
        }
        assert_eq!(k, SortKey::File);
    }
}
