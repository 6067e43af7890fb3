//! Trailing tag lines: the keyword list many sites print under an article
//! (`USA, Russia, Zakharova`). A tag line is a list of short capitalised items separated by
//! commas, with no sentence punctuation at the end; anything else stays body text.

/// Most words one tag may have.
const MAX_TAG_WORDS: usize = 4;
/// Longest tag, in characters.
const MAX_TAG_CHARS: usize = 40;

/// Splits a tag list (`a, b; c`) into trimmed, non-empty items.
pub fn split_list(value: &str) -> Vec<String> {
    value
        .split([',', ';', '|', '•', '·'])
        .map(|t| t.trim().trim_start_matches('#').trim())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// The tags of a paragraph that is a bare tag line, or `None` when it reads as text.
pub fn tag_line(paragraph: &str) -> Option<Vec<String>> {
    let p = paragraph.trim();
    if let Some(tags) = hashtags(p) {
        return Some(tags);
    }
    if p.is_empty() || p.ends_with(['.', '!', '?', ':', ';', '"', '”', '»', ')', '…']) {
        return None;
    }
    let items: Vec<&str> = p.split(',').map(str::trim).collect();
    if items.len() < 2 || !items.iter().all(|t| is_tag(t)) {
        return None;
    }
    Some(items.into_iter().map(str::to_string).collect())
}

/// A line made only of hashtags (`#Russia #USA #cyber`): the tags without `#`.
fn hashtags(p: &str) -> Option<Vec<String>> {
    let tokens: Vec<&str> = p.split_whitespace().collect();
    let all_tags = !tokens.is_empty()
        && tokens.iter().all(|t| {
            t.strip_prefix('#').is_some_and(|rest| {
                !rest.is_empty() && rest.chars().all(|c| c.is_alphanumeric() || c == '_')
            })
        });
    all_tags.then(|| {
        tokens
            .iter()
            .map(|t| t.trim_start_matches('#').to_string())
            .collect()
    })
}

/// One short capitalised item: every word starts with a capital or a digit (a few
/// lower-case joiners such as `of` aside), no sentence punctuation inside.
fn is_tag(item: &str) -> bool {
    let words: Vec<&str> = item.split_whitespace().collect();
    if words.is_empty()
        || words.len() > MAX_TAG_WORDS
        || item.chars().count() > MAX_TAG_CHARS
        || item.contains(['.', '!', '?', ':', ';', '"', '“', '”'])
    {
        return false;
    }
    let capital = |w: &&str| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    let joiners = &super::lexicon::get().tag_joiners;
    let joiner = |w: &&str| super::lexicon::has(joiners, w);
    words.first().is_some_and(capital) && words.iter().all(|w| capital(w) || joiner(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_tag_line() {
        assert_eq!(
            tag_line("USA, Russia, Zakharova"),
            Some(vec!["USA".into(), "Russia".into(), "Zakharova".into()])
        );
        assert_eq!(
            tag_line("Climate Change, United Nations, COP26, Bank of England"),
            Some(vec![
                "Climate Change".into(),
                "United Nations".into(),
                "COP26".into(),
                "Bank of England".into()
            ])
        );
    }

    #[test]
    fn reads_a_hashtag_line() {
        assert_eq!(
            tag_line("#Russia #USA #cyber_security"),
            Some(vec!["Russia".into(), "USA".into(), "cyber_security".into()])
        );
        assert_eq!(tag_line("#1 in the charts"), None);
    }

    #[test]
    fn sentences_are_not_tag_lines() {
        assert_eq!(tag_line("Russia, the US and China agreed."), None);
        assert_eq!(
            tag_line("As Biden noted, these include infrastructure"),
            None
        );
        assert_eq!(tag_line("Russia"), None);
        assert_eq!(tag_line("Moscow, Washington, and Beijing said so"), None);
        assert_eq!(tag_line(""), None);
    }

    #[test]
    fn splits_lists() {
        assert_eq!(
            split_list("#Oil; Gas | OPEC, "),
            vec!["Oil".to_string(), "Gas".into(), "OPEC".into()]
        );
    }
}
