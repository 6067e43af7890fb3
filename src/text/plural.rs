//! Counts in messages: "1 shared passage", "2 shared passages", "0 articles". English
//! only, like every message of the app; the nouns used take an `s`.

/// `n` and `noun`, with an `s` unless `n` is 1.
pub fn count(n: usize, noun: &str) -> String {
    format!("{n} {}", plural(n, noun))
}

/// `noun` with an `s` unless `n` is 1 (for "3/5 articles", "4 of 9 records").
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        noun.to_string()
    } else {
        format!("{noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(count(1, "shared passage"), "1 shared passage");
        assert_eq!(count(2, "shared passage"), "2 shared passages");
        assert_eq!(count(0, "article"), "0 articles");
        assert_eq!(plural(1, "word"), "word");
    }
}
