//! Weak candidates (a sentence's first word, a headline's capitalised words) resolved
//! once every strong one is grouped: kept only where they, or their longest runs of
//! words, name a group the corpus already has.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Groups, collapse};
use crate::analysis::entities::Field;
use crate::analysis::entities::aliases::Redirects;
use crate::analysis::entities::candidates::Candidate;
use crate::analysis::entities::fold::fold;
use crate::corpus::ArticleIdx;

/// The group each text of a weak candidate names, looked up once per distinct text: most
/// weak candidates are the same few capitalised words (a sentence's first), and a text
/// that names no group would otherwise be folded and transliterated again each time.
#[derive(Default)]
pub(super) struct Known {
    /// Single words.
    pub(super) words: FxHashMap<String, Option<usize>>,
    /// Runs of two words or more.
    pub(super) runs: FxHashMap<String, Option<usize>>,
}

impl Groups {
    /// The group `text` names, as written or case-folded, or (a `single` word) as the
    /// surname of one full name.
    fn named_by(&self, text: &str, single: bool, r: &Redirects) -> Option<usize> {
        self.by_surface.get(text).copied().or_else(|| {
            // lower-cased once, for both indexes that are keyed so
            let key = fold(text);
            self.by_key
                .get(&key)
                .copied()
                .or_else(|| single.then(|| r.by_surname(&key)).flatten())
        })
    }

    /// Keeps a weak candidate where it, or its longest runs of words, name a known group;
    /// a headline's words only a gazetteer entry or a name the same article gives
    /// elsewhere (`named` holds the groups each article names outside headlines).
    pub(super) fn resolve_weak(
        &mut self,
        at: (ArticleIdx, Field),
        body: &str,
        c: &Candidate,
        r: &Redirects,
        named: &FxHashSet<(ArticleIdx, usize)>,
        known: &mut Known,
    ) {
        let words = &c.words;
        let mut i = 0;
        while i < words.len() {
            let mut matched = i + 1;
            for j in (i + 1..=words.len()).rev() {
                let span = words[i].start..words[j - 1].end;
                let text = collapse(&body[span.clone()]);
                let single = j == i + 1;
                let memo = if single {
                    &mut known.words
                } else {
                    &mut known.runs
                };
                let group = match memo.get(text.as_ref()) {
                    Some(&g) => g,
                    None => {
                        let g = self.named_by(&text, single, r);
                        memo.insert(text.to_string(), g);
                        g
                    }
                };
                let confirmed = |g: usize| {
                    !c.headline
                        || self.groups[g].gazetteer.is_some()
                        || named.contains(&(at.0, g))
                        || named.contains(&(at.0, r.target(g)))
                };
                if let Some(group) = group.filter(|&g| confirmed(g)) {
                    self.hit(group, at, span, &text);
                    matched = j;
                    break;
                }
            }
            i = matched;
        }
    }
}
