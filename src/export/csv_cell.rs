//! Spreadsheet-safe CSV cells: a cell that a spreadsheet would read as a formula (it begins
//! with `=`, `+`, `-` or `@`, or with a tab or carriage return that some spreadsheets skip
//! before such a character) is written with a leading `'`, as OWASP recommends against CSV
//! injection. Spreadsheets show the `'`-prefixed cell as the text it was; every CSV the app
//! writes passes its cells through [`neutralise`], most simply by writing its records with
//! [`write_record`].

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

/// Writes one record of `cells`, each [`neutralise`]d (header rows too: an outlet's name
/// heads a column of `parallax grid --csv`).
pub fn write_record<W: std::io::Write>(
    w: &mut csv::Writer<W>,
    cells: impl IntoIterator<Item = impl AsRef<str>>,
) -> csv::Result<()> {
    for cell in cells {
        w.write_field(neutralise(cell.as_ref()).as_bytes())?;
    }
    w.write_record(None::<&[u8]>)
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

    #[test]
    fn a_written_record_has_every_cell_neutralised() {
        let mut w = csv::Writer::from_writer(Vec::new());
        write_record(&mut w, ["=1+1", "plain", "-2", "@x"]).unwrap();
        write_record(
            &mut w,
            vec![String::from("+3"), "a".into(), "@y".into(), "".into()],
        )
        .unwrap();
        let out = String::from_utf8(w.into_inner().unwrap()).unwrap();
        assert_eq!(out, "'=1+1,plain,'-2,'@x\n'+3,a,'@y,\n");
    }
}
