//! Spreadsheet-safe CSV cells: a cell that a spreadsheet would read as a formula (it begins
//! with `=`, `+`, `-` or `@`, or with a tab or carriage return that some spreadsheets skip
//! before such a character) is written with a leading `'`, as OWASP recommends against CSV
//! injection. Spreadsheets show the `'`-prefixed cell as the text it was; every CSV the app
//! writes passes its cells through [`neutralise`].

use std::borrow::Cow;

/// True when a spreadsheet could take a cell starting with `c` for a formula.
fn triggers_formula(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// The cell as written: prefixed with `'` when it begins with a formula trigger.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(triggers_formula) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_triggers_are_prefixed_and_other_cells_kept() {
        for evil in ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=1", "\r=1"] {
            assert_eq!(neutralise(evil), format!("'{evil}"), "{evil:?}");
        }
        for fine in ["", "plain", "a=1", "'quoted", " =1", "1.000", "“We go”"] {
            assert!(
                matches!(neutralise(fine), Cow::Borrowed(f) if f == fine),
                "{fine:?}"
            );
        }
    }
}
