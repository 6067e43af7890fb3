//! Page chrome: lines that are site furniture, not article text (`All news`,
//! `Updated at:`, `Share`), from the phrases of `assets/chrome.txt`.

use std::sync::LazyLock;

use super::dates;

/// Page chrome phrases from `assets/chrome.txt`, lowercased.
static CHROME: LazyLock<Vec<String>> = LazyLock::new(|| {
    crate::assets::lines(crate::assets::CHROME)
        .map(str::to_lowercase)
        .collect()
});

/// Phrases heading a list of links, from `assets/link_list_heads.txt`, lowercased.
static LINK_LIST_HEADS: LazyLock<Vec<String>> = LazyLock::new(|| {
    crate::assets::lines(crate::assets::LINK_LIST_HEADS)
        .map(str::to_lowercase)
        .collect()
});

/// Longest chrome line in bytes (a phrase with a date and time); longer lines are text.
const MAX_CHROME_LINE: usize = 100;

/// True for a line that is site furniture: a chrome phrase alone (trailing `:`, `|`, `»`
/// ignored), or a chrome phrase followed by a date or time (`Updated at: 12:30`).
pub fn is_chrome(line: &str) -> bool {
    let Some(lower) = short_lower(line) else {
        return false;
    };
    let bare = bare(&lower);
    if bare.is_empty() {
        return false;
    }
    CHROME.iter().any(|p| {
        bare == p
            || bare.strip_prefix(p.as_str()).is_some_and(|rest| {
                let rest = rest.trim_start_matches([':', ' ']);
                dates::is_date_only(rest) || is_bare_time(rest)
            })
    })
}

/// True for a line that heads a list of links (`Read more:`, `Related`): the lines after
/// it in its paragraph are headlines of other articles.
pub fn heads_links(line: &str) -> bool {
    short_lower(line).is_some_and(|lower| LINK_LIST_HEADS.iter().any(|p| bare(&lower) == p))
}

/// A line short enough to be chrome, trimmed and lower-cased; `None` for a longer one.
fn short_lower(line: &str) -> Option<String> {
    (line.len() <= MAX_CHROME_LINE).then(|| line.trim().to_lowercase())
}

/// A lower-cased line without the punctuation that trails chrome (`Read more:`, `Share |`).
fn bare(lower: &str) -> &str {
    lower.trim_end_matches([':', '|', '»', '›', '>', ' ', '.', '…'])
}

fn is_bare_time(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit()) && dates::is_time_tail(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_lines() {
        assert!(is_chrome("All news"));
        assert!(is_chrome("Updated at:"));
        assert!(is_chrome("Updated at: 12:30"));
        assert!(is_chrome("SHARE |"));
        assert!(is_chrome("Read more »"));
        assert!(!is_chrome("All news outlets reported the meeting."));
        assert!(!is_chrome("Share prices fell."));
        assert!(!is_chrome(""));
    }

    #[test]
    fn link_list_heads() {
        assert!(heads_links("Read more:"));
        assert!(heads_links("RELATED »"));
        assert!(!heads_links("Read more about the plan in our explainer."));
        assert!(!heads_links("Share"));
    }
}
