//! Completing year-less dates (`WASHINGTON, November 2`) from the rest of the corpus: the
//! articles of one story are published close together, so the year that puts the month and
//! day nearest the corpus's known dates is the likeliest one.

use chrono::NaiveDate;

use super::{MonthDay, Parsed};

/// Completes year-less dates from the dated articles of the same corpus: the year that puts
/// the month and day closest to the corpus's dated articles. Sets `date_inferred`. Without
/// any dated article nothing is guessed.
pub fn infer_years(items: &mut [Parsed]) {
    let mut known: Vec<NaiveDate> = items
        .iter()
        .filter(|p| !p.meta.date_inferred)
        .filter_map(|p| p.meta.date)
        .collect();
    if known.is_empty() {
        return;
    }
    // Sorted and deduplicated, so each guess is a binary search: linear in the corpus.
    known.sort_unstable();
    known.dedup();
    for item in items.iter_mut() {
        if item.meta.date.is_some() {
            continue;
        }
        let Some(md) = item.month_day else { continue };
        if let Some(date) = nearest(md, &known) {
            item.meta.date = Some(date);
            item.meta.date_inferred = true;
            item.month_day = None;
        }
    }
}

/// Days from `cand` to the nearest date of `known` (sorted, not empty).
fn distance(cand: NaiveDate, known: &[NaiveDate]) -> i64 {
    let at = known.partition_point(|k| *k < cand);
    let after = known.get(at).map(|k| (*k - cand).num_days());
    let before = at
        .checked_sub(1)
        .and_then(|b| known.get(b))
        .map(|k| (cand - *k).num_days());
    after.into_iter().chain(before).min().unwrap_or(i64::MAX)
}

/// The date with month and day `md` nearest to any of `known` (sorted; earlier year on a
/// tie).
fn nearest(md: MonthDay, known: &[NaiveDate]) -> Option<NaiveDate> {
    use chrono::Datelike;
    let min = known.first()?.year();
    let max = known.last()?.year();
    ((min - 1)..=(max + 1))
        .filter_map(|y| NaiveDate::from_ymd_opt(y, md.month, md.day))
        .min_by_key(|cand| distance(*cand, known))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dated(y: i32, m: u32, d: u32) -> Parsed {
        let mut p = Parsed::default();
        p.meta.date = NaiveDate::from_ymd_opt(y, m, d);
        p
    }

    fn undated(month: u32, day: u32) -> Parsed {
        Parsed {
            month_day: Some(MonthDay { month, day }),
            ..Parsed::default()
        }
    }

    #[test]
    fn picks_the_year_nearest_the_corpus() {
        let mut items = vec![dated(2021, 11, 20), dated(2021, 6, 16), undated(11, 2)];
        infer_years(&mut items);
        assert_eq!(items[2].meta.date, NaiveDate::from_ymd_opt(2021, 11, 2));
        assert!(items[2].meta.date_inferred);
        assert!(!items[0].meta.date_inferred);
    }

    #[test]
    fn crosses_new_year() {
        let mut items = vec![dated(2022, 1, 2), undated(12, 30)];
        infer_years(&mut items);
        assert_eq!(items[1].meta.date, NaiveDate::from_ymd_opt(2021, 12, 30));
    }

    #[test]
    fn leap_day_takes_a_leap_year() {
        let mut items = vec![dated(2023, 3, 1), undated(2, 29)];
        infer_years(&mut items);
        assert_eq!(items[1].meta.date, NaiveDate::from_ymd_opt(2024, 2, 29));
    }

    #[test]
    fn nearest_of_many_dates_on_both_sides() {
        let mut items: Vec<Parsed> = (1..=28).map(|d| dated(2020, 6, d)).collect();
        items.push(dated(2019, 1, 5));
        items.push(undated(1, 1));
        items.push(undated(7, 30));
        infer_years(&mut items);
        assert_eq!(items[29].meta.date, NaiveDate::from_ymd_opt(2019, 1, 1));
        assert_eq!(items[30].meta.date, NaiveDate::from_ymd_opt(2020, 7, 30));
    }

    #[test]
    fn nothing_is_guessed_without_dated_articles() {
        let mut items = vec![undated(11, 2), Parsed::default()];
        infer_years(&mut items);
        assert_eq!(items[0].meta.date, None);
        assert!(!items[0].meta.date_inferred);
    }
}
