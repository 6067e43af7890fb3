//! Finding an article from what a user types: its id, its path, its file name, or (as git
//! does for commits) a prefix of its id that no other id shares.

use super::{ArticleIdx, Corpus};

/// Why a key names no single article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// No id, path or id prefix matches.
    Missing,
    /// A prefix shared by several ids: the candidates, in corpus order (at most
    /// [`MAX_CANDIDATES`]), and how many there are in all.
    Ambiguous(Vec<ArticleIdx>, usize),
}

/// Most candidates an ambiguous prefix lists.
pub const MAX_CANDIDATES: usize = 10;

impl Corpus {
    /// The article `key` names: an exact id, path or file name first (see
    /// [`Corpus::find`]), else the one article whose id starts with `key`.
    pub fn resolve(&self, key: &str) -> Result<ArticleIdx, Lookup> {
        if let Some(i) = self.find(key) {
            return Ok(i);
        }
        if key.is_empty() {
            return Err(Lookup::Missing);
        }
        let mut hits = self
            .articles
            .iter()
            .enumerate()
            .filter(|(_, a)| a.id.starts_with(key))
            .map(|(i, _)| i);
        let Some(first) = hits.next() else {
            return Err(Lookup::Missing);
        };
        let rest: Vec<ArticleIdx> = hits.collect();
        if rest.is_empty() {
            return Ok(first);
        }
        let total = rest.len() + 1;
        let shown = std::iter::once(first)
            .chain(rest)
            .take(MAX_CANDIDATES)
            .collect();
        Err(Lookup::Ambiguous(shown, total))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        let mut c = Corpus::from_bodies(["a", "b", "c"]);
        for (a, id) in c
            .articles
            .iter_mut()
            .zip(["000_4bf2", "001_3dff", "001_77aa"])
        {
            a.id = id.to_string();
        }
        c
    }

    #[test]
    fn a_unique_prefix_names_its_article() {
        let c = corpus();
        assert_eq!(c.resolve("000"), Ok(0));
        assert_eq!(c.resolve("001_3"), Ok(1));
        assert_eq!(c.resolve("001_77aa"), Ok(2));
    }

    #[test]
    fn an_ambiguous_or_unknown_prefix_says_so() {
        let c = corpus();
        assert_eq!(c.resolve("001"), Err(Lookup::Ambiguous(vec![1, 2], 2)));
        assert_eq!(c.resolve("9"), Err(Lookup::Missing));
        assert_eq!(c.resolve(""), Err(Lookup::Missing));
    }
}
