//! Masking boilerplate before passages are sought: sentences (and lines) that recur across
//! many articles of the same outlet, short lines that recur across articles of several
//! outlets (buttons, prompts, captions, related headlines), and sentences that open with a
//! page-chrome phrase (`assets/passage_chrome.txt`). Masked tokens neither seed nor extend
//! a passage.
//!
//! The same sentence hashes find identical sentences carried by very many articles (more
//! than the n-gram cap, so no 4-gram of theirs seeds): those are grouped in one pass.

use std::hash::Hasher;
use std::ops::Range;
use std::sync::LazyLock;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHasher};

use super::sketch;
use super::tokens::{AFTER_BARE, Doc, MASKED, PARA, SENT, word_id};
use crate::assets;

/// Fewest tokens of a sentence that counts as boilerplate or as a widely shared sentence.
const MIN_SENTENCE: usize = 3;
/// Fewest tokens of a widely shared sentence reported as a passage.
const MIN_WIDE: usize = 8;

/// Longest line (in tokens) that recurring across outlets makes page chrome: buttons,
/// prompts, captions and related headlines are short, a shared news sentence seldom is.
const CHROME_LINE: usize = 11;
/// Fewest articles (or one in fifty) a short line must recur in to be page chrome…
const CHROME_ARTICLES: usize = 10;
/// Fewest articles a short bare line (no sentence punctuation: a button, a heading, a
/// related headline) must recur in to be page chrome.
const CHROME_BARE_ARTICLES: usize = 3;
/// …of at least this many outlets (an article of unknown outlet counts as one).
const CHROME_OUTLETS: usize = 3;

/// Places (article, token range) of one identical sentence.
pub type SentenceGroup = Vec<(usize, Range<usize>)>;

/// The chrome phrases as word ids, by their first word.
static CHROME: LazyLock<FxHashMap<u32, Vec<Vec<u32>>>> = LazyLock::new(|| {
    let mut by_first: FxHashMap<u32, Vec<Vec<u32>>> = FxHashMap::default();
    for line in assets::lines(assets::PASSAGE_CHROME) {
        let phrase: Vec<u32> = line.split_whitespace().map(word_id).collect();
        if let Some(&first) = phrase.first() {
            by_first.entry(first).or_default().push(phrase);
        }
    }
    by_first
});

/// The sentences of a document (given by its token flags) as token ranges.
pub fn sentences(flags: &[u8]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for k in 1..=flags.len() {
        if k == flags.len() || flags[k] & SENT != 0 {
            if k > start {
                out.push(start..k);
            }
            start = k;
        }
    }
    out
}

/// The hash of a sentence's words; its lowest bit tells whether it is a bare line (one
/// that ends without sentence punctuation, see [`CHROME_BARE_ARTICLES`]).
fn sentence_hash(doc: &Doc, r: &Range<usize>) -> u64 {
    let mut h = FxHasher::default();
    for id in &doc.ids[r.clone()] {
        h.write_u32(*id);
    }
    let bare = doc.flags.get(r.end).is_some_and(|f| f & AFTER_BARE != 0);
    (h.finish() & !1) | u64::from(bare)
}

/// Masks every sentence of a document that opens with a chrome phrase; a sentence that is
/// nothing but a chrome phrase (a list heading: "Read more:", "Related stories") masks the
/// rest of its paragraph too (the list's headlines).
pub fn mask_chrome(doc: &mut Doc) {
    let mut until_para = false;
    for r in sentences(&doc.flags) {
        if until_para && doc.flags[r.start] & PARA == 0 {
            mask(doc, r);
            continue;
        }
        until_para = false;
        let words = &doc.ids[r.clone()];
        let phrases = words.first().and_then(|w| CHROME.get(w));
        let Some(p) = phrases.and_then(|ps| ps.iter().find(|p| words.starts_with(p))) else {
            continue;
        };
        until_para = p.len() == words.len();
        mask(doc, r);
    }
}

fn mask(doc: &mut Doc, r: Range<usize>) {
    for f in &mut doc.flags[r] {
        *f |= MASKED;
    }
}

/// One sentence of at least [`MIN_SENTENCE`] tokens: its hash, article and token range.
type Sent = (u64, u32, Range<usize>);

/// Masks sentences repeated by at least `max(3, n/5)` of an outlet's `n` articles, and
/// returns the unmasked sentences shared by more than `cap` articles, grouped.
///
/// A sketch first marks the sentences seen twice: most are seen once, and only the others
/// are collected. Those are sorted by hash (in parallel) and each run of one hash is judged
/// on its own, so no corpus-wide map is built on one thread.
pub fn mask_boilerplate(
    docs: &mut [Doc],
    outlets: &[Option<&str>],
    cap: usize,
) -> Vec<SentenceGroup> {
    let sents = repeated_sentences(docs);
    let (outlet_of, need) = outlet_needs(docs.len(), outlets);
    let chrome_need = CHROME_ARTICLES.max(docs.len() / 50);
    let runs = hash_runs(&sents);
    let judged: Vec<(Vec<usize>, SentenceGroup)> = runs
        .par_iter()
        .map(|run| {
            judge(
                &sents[run.clone()],
                run.start,
                &outlet_of,
                &need,
                [cap, chrome_need],
            )
        })
        .filter(|(boiler, wide)| !boiler.is_empty() || !wide.is_empty())
        .collect();
    let mut groups = Vec::new();
    for (boiler, wide) in judged {
        for k in boiler {
            let (_, d, r) = &sents[k];
            for f in &mut docs[*d as usize].flags[r.clone()] {
                *f |= MASKED;
            }
        }
        if !wide.is_empty() {
            groups.push(wide);
        }
    }
    groups
}

/// The sentences of at least [`MIN_SENTENCE`] tokens that the sketch saw more than once,
/// sorted by hash, article and start.
fn repeated_sentences(docs: &[Doc]) -> Vec<Sent> {
    let long = |doc: &Doc| {
        sentences(&doc.flags)
            .into_iter()
            .filter(|r| r.len() >= MIN_SENTENCE)
    };
    let total: usize = docs.par_iter().map(|d| long(d).count()).sum();
    let (_, twice) = sketch::seen_twice(docs.len(), total, 1, |d, hashes| {
        let doc = &docs[d];
        hashes.extend(long(doc).map(|r| sentence_hash(doc, &r)));
    });
    let mut sents: Vec<Sent> = docs
        .par_iter()
        .enumerate()
        .flat_map_iter(|(d, doc)| {
            let twice = &twice;
            long(doc).filter_map(move |r| {
                let h = sentence_hash(doc, &r);
                twice.contains(h).then_some((h, d as u32, r))
            })
        })
        .collect();
    sents.par_sort_unstable_by_key(|(h, d, r)| (*h, *d, r.start));
    sents
}

/// The runs of sentences sharing one hash, as ranges of the sorted list.
fn hash_runs(sents: &[Sent]) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut start = 0;
    for i in 1..=sents.len() {
        if i == sents.len() || sents[i].0 != sents[start].0 {
            runs.push(start..i);
            start = i;
        }
    }
    runs
}

/// Each article's outlet as a number, and how many articles of each outlet must repeat a
/// sentence for it to be that outlet's boilerplate.
fn outlet_needs(n: usize, outlets: &[Option<&str>]) -> (Vec<Option<u32>>, Vec<usize>) {
    let mut names: FxHashMap<&str, u32> = FxHashMap::default();
    let mut per_outlet: Vec<usize> = Vec::new();
    let outlet_of = (0..n)
        .map(|d| {
            let o = outlets.get(d).copied().flatten()?;
            let next = names.len() as u32;
            let id = *names.entry(o).or_insert(next);
            if id as usize == per_outlet.len() {
                per_outlet.push(0);
            }
            per_outlet[id as usize] += 1;
            Some(id)
        })
        .collect();
    let need = per_outlet.iter().map(|n| 3.max(n.div_ceil(5))).collect();
    (outlet_of, need)
}

/// Judges one run of identical sentences (sorted by article; `base` is its place in the
/// corpus list): the places that are boilerplate, and the places of a widely shared
/// sentence (empty unless more than `cap` of them).
fn judge(
    run: &[Sent],
    base: usize,
    outlet_of: &[Option<u32>],
    need: &[usize],
    [cap, chrome_need]: [usize; 2],
) -> (Vec<usize>, SentenceGroup) {
    let mut articles = 0usize;
    let mut by_outlet: FxHashMap<u32, usize> = FxHashMap::default();
    for (k, (_, d, _)) in run.iter().enumerate() {
        if k > 0 && run[k - 1].1 == *d {
            continue;
        }
        articles += 1;
        if let Some(o) = outlet_of[*d as usize] {
            *by_outlet.entry(o).or_default() += 1;
        }
    }
    let unknown = articles - by_outlet.values().sum::<usize>();
    let bare = run.first().is_some_and(|(h, _, _)| h & 1 == 1);
    let chrome = (articles >= chrome_need || (bare && articles >= CHROME_BARE_ARTICLES))
        && by_outlet.len() + unknown >= CHROME_OUTLETS;
    let mut boiler = Vec::new();
    let mut wide: SentenceGroup = Vec::new();
    for (k, (_, d, r)) in run.iter().enumerate() {
        let is_boiler = (chrome && r.len() <= CHROME_LINE)
            || outlet_of[*d as usize]
                .is_some_and(|o| by_outlet.get(&o).copied().unwrap_or(0) >= need[o as usize]);
        if is_boiler {
            boiler.push(base + k);
        } else if r.len() >= MIN_WIDE && articles > cap {
            wide.push((*d as usize, r.clone()));
        }
    }
    if wide.len() <= cap {
        wide.clear();
    }
    (boiler, wide)
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    #[test]
    fn masks_what_one_outlet_repeats_and_chrome() {
        let bodies = [
            "Story one is here. Daily Planet keeps every right to this text.",
            "Story two differs. Daily Planet keeps every right to this text.",
            "Story three again. Daily Planet keeps every right to this text.",
            "Other outlet. Daily Planet keeps every right to this text.\n\nRead more: elsewhere now",
        ];
        let mut docs: Vec<Doc> = bodies
            .iter()
            .map(|b| {
                let mut d = tokenize(b);
                mask_chrome(&mut d);
                d
            })
            .collect();
        let outlets = [Some("P"), Some("P"), Some("P"), Some("Q")];
        mask_boilerplate(&mut docs, &outlets, 100);
        assert!(docs[0].flags[4..].iter().all(|f| f & MASKED != 0));
        assert!(docs[0].flags[..4].iter().all(|f| f & MASKED == 0));
        assert!(docs[3].flags[2..10].iter().all(|f| f & MASKED == 0));
        assert!(docs[3].flags[10..].iter().all(|f| f & MASKED != 0));
    }

    #[test]
    fn groups_a_sentence_carried_by_more_articles_than_the_cap() {
        let line = "The council voted to close the old harbour bridge next spring.";
        let bodies = [
            format!("First story. {line}"),
            format!("{line} Second story."),
            format!("Third one here. {line} {line}"),
            "Unrelated text entirely, nothing shared.".to_string(),
        ];
        let mut docs: Vec<Doc> = bodies.iter().map(|b| tokenize(b)).collect();
        let outlets = [Some("A"), Some("B"), Some("C"), None];
        let wide = mask_boilerplate(&mut docs, &outlets, 2);
        assert_eq!(wide.len(), 1);
        let places: Vec<usize> = wide[0].iter().map(|(d, _)| *d).collect();
        assert_eq!(places, [0, 1, 2, 2]);
        assert!(mask_boilerplate(&mut docs, &outlets, 3).is_empty());
    }

    /// The words of `body` that stay unmasked.
    fn open_words<'a>(body: &'a str, d: &Doc) -> Vec<&'a str> {
        (0..d.len())
            .filter(|&k| d.flags[k] & MASKED == 0)
            .map(|k| &body[d.byte_span(&(k..k + 1))])
            .collect()
    }

    #[test]
    fn saved_page_chrome_is_masked() {
        let page = "We use cookies to improve your experience. Accept all cookies\n\n\
                    Share this article\nShare on Facebook Share on X Email\n\n\
                    Jump media player\nMedia player help\n\
                    Out of media player. Press enter to return or tab to continue.\n\n\
                    Image caption, Rescuers at work\n\n\
                    The bridge reopened on Monday.\n\n\
                    Sign up for our morning briefing newsletter\n\n\
                    Read more:\nWhy your energy bill could rise again this winter\n\
                    The quiet return of the night train\n\nThe end.";
        let mut d = tokenize(page);
        mask_chrome(&mut d);
        assert_eq!(
            open_words(page, &d),
            ["The", "bridge", "reopened", "on", "Monday", "The", "end"]
        );
    }

    #[test]
    fn a_bare_line_recurring_across_outlets_is_chrome() {
        let line = "How to keep cool when the heat comes back";
        let bodies = [
            format!("First story here today.\n{line}\nMore text follows."),
            format!("Another story entirely.\n{line}\nAnd the end."),
            format!("Yet another.\n{line}\nFin."),
            format!("A fourth one.\n{line}."),
        ];
        let mut docs: Vec<Doc> = bodies.iter().map(|b| tokenize(b)).collect();
        let outlets = [Some("A"), Some("B"), Some("C"), Some("D")];
        mask_boilerplate(&mut docs, &outlets, 100);
        for k in 0..3 {
            assert!(!open_words(&bodies[k], &docs[k]).contains(&"cool"), "{k}");
        }
        // the same words ending a sentence, in one article only: not a bare line there
        assert!(open_words(&bodies[3], &docs[3]).contains(&"cool"));
    }
}
