//! The article a command-line argument names (id, path, or a unique id prefix as git
//! takes), or the story a `--story` names, with the message when it names none or several.

use crate::corpus::{ArticleIdx, Corpus, Lookup, naming};
use crate::text::sanitize_for_terminal;

/// The article `key` names; otherwise a message on stderr (the candidates of an ambiguous
/// prefix, one a line) and `None`, for a usage error.
pub fn article(corpus: &Corpus, key: &str) -> Option<ArticleIdx> {
    match corpus.resolve(key) {
        Ok(i) => Some(i),
        Err(e) => {
            super::output::say!("{}", message(corpus, key, &e).trim_end());
            None
        }
    }
}

/// The articles of the story `id` names (every article for `None`); otherwise a message on
/// stderr and `None`, for a usage error.
pub fn story_articles(
    corpus: &Corpus,
    stories: &crate::analysis::stories::StoryIndex,
    id: Option<&str>,
) -> Option<Vec<ArticleIdx>> {
    let Some(id) = id else {
        return Some((0..corpus.len()).collect());
    };
    match stories.find(id) {
        Some(s) => stories.stories.get(s).map(|s| s.articles.clone()),
        None => {
            let id = sanitize_for_terminal(id);
            super::output::say!("parallax: no story {id} (see `parallax stories`)");
            None
        }
    }
}

/// What is printed when `key` names no single article.
fn message(corpus: &Corpus, key: &str, e: &Lookup) -> String {
    let key = sanitize_for_terminal(key);
    match e {
        Lookup::Missing => {
            format!("parallax: no article with id or path {key:?} (see `parallax list`)\n")
        }
        Lookup::Ambiguous(shown, total) => {
            let mut out = format!("parallax: {key:?} is ambiguous: {total} ids start with it\n");
            for &i in shown {
                let a = &corpus.articles[i];
                let line = format!("  {}  {}\n", a.id, naming::full_name(a));
                out.push_str(&sanitize_for_terminal(&line));
            }
            if *total > shown.len() {
                out.push_str(&format!("  … and {} more\n", total - shown.len()));
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ambiguous_prefix_lists_its_candidates() {
        let mut c = Corpus::from_bodies(["x", "y"]);
        c.articles[0].meta.title = "Quay vote".into();
        c.articles[1].meta.source = Some("TASS".into());
        c.articles[1].meta.title = "Envoy".into();
        let m = message(&c, "a", &c.resolve("a").unwrap_err());
        assert_eq!(
            m,
            "parallax: \"a\" is ambiguous: 2 ids start with it\n  a0  Quay vote\n  a1  TASS: Envoy\n"
        );
    }
}
