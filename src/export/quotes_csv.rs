//! The corpus's shared passages as CSV for spreadsheets: one row per occurrence, with the
//! passage it belongs to (number, label, similarity, whether quoted, speaker) and where it
//! occurs (article, outlet, date, URL, byte offsets into the clean body, its text). The
//! `csv` crate does the quoting, so commas, quotes and newlines in article text are safe;
//! a cell a spreadsheet would take for a formula gets a leading `'` ([`super::csv_cell`]),
//! so a `text` cell may differ from the body's bytes by that one character.

use crate::analysis::passages::Passage;
use crate::corpus::Corpus;

use super::csv_cell::write_record;
use super::date;

/// The header row.
pub const HEADER: [&str; 15] = [
    "passage",
    "label",
    "similarity",
    "quoted_in",
    "speaker",
    "words",
    "article",
    "outlet",
    "date",
    "url",
    "title",
    "start",
    "end",
    "quoted",
    "text",
];

/// Writes every occurrence of every passage (numbered from 1) as CSV.
pub fn write<W: std::io::Write>(corpus: &Corpus, passages: &[Passage], out: W) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    write_record(&mut w, HEADER)?;
    for (n, p) in passages.iter().enumerate() {
        for o in &p.occurrences {
            let Some(a) = corpus.articles.get(o.article) else {
                continue;
            };
            let text = a.body.get(o.span.clone()).unwrap_or_default();
            let number = (n + 1).to_string();
            let row = [
                number.as_str(),
                p.label.as_str(),
                &format!("{:.3}", p.similarity),
                p.quoted.as_str(),
                p.speaker.as_deref().unwrap_or_default(),
                &p.words.to_string(),
                &a.id,
                a.meta.source.as_deref().unwrap_or_default(),
                &date(a),
                a.meta.url.as_deref().unwrap_or_default(),
                &a.meta.title,
                &o.span.start.to_string(),
                &o.span.end.to_string(),
                if o.quoted { "true" } else { "false" },
                text,
            ];
            write_record(&mut w, row)?;
        }
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Config, analyse};

    #[test]
    fn one_row_per_occurrence_with_exact_offsets() {
        let shared =
            "“We will rebuild the old harbour, with our own hands, before winter,” Berg said.";
        let corpus = Corpus::from_bodies([
            format!("First \"line\". {shared} Then more."),
            format!("Другой текст. {shared}"),
        ]);
        let analysis = analyse(&corpus, &Config::default());
        let mut buf = Vec::new();
        write(&corpus, &analysis.passages.passages, &mut buf).expect("csv");
        let mut r = csv::Reader::from_reader(buf.as_slice());
        assert_eq!(
            r.headers().expect("header").iter().collect::<Vec<_>>(),
            HEADER
        );
        let rows: Vec<csv::StringRecord> = r.records().map(|x| x.expect("row")).collect();
        assert_eq!(rows.len(), 2);
        for row in &rows {
            let art = &corpus.articles[corpus.find(&row[6]).expect("article")];
            let (s, e): (usize, usize) = (row[11].parse().expect("s"), row[12].parse().expect("e"));
            assert_eq!(&art.body[s..e], &row[14]);
            assert_eq!(&row[4], "Berg");
        }
    }

    /// A title, outlet or passage text a spreadsheet would run as a formula is written
    /// with a leading `'`; every other cell is written as it is.
    #[test]
    fn formula_cells_are_neutralised() {
        let shared = "-1+cmd|' /C calc'!A0 and then the council voted to rebuild the old \
                      harbour with its own funds before the winter storms.";
        let mut corpus = Corpus::from_bodies([shared, shared]);
        corpus.articles[0].meta.title = "=HYPERLINK(\"http://x\")".into();
        corpus.articles[1].meta.source = Some("@SUM(A1)".into());
        corpus.articles[1].meta.title = "\t=1".into();
        let analysis = analyse(&corpus, &Config::default());
        let mut buf = Vec::new();
        write(&corpus, &analysis.passages.passages, &mut buf).expect("csv");
        let mut r = csv::Reader::from_reader(buf.as_slice());
        let rows: Vec<csv::StringRecord> = r.records().map(|x| x.expect("row")).collect();
        assert_eq!(rows.len(), 2, "{}", String::from_utf8_lossy(&buf));
        let cells: Vec<&str> = rows.iter().flat_map(|r| r.iter()).collect();
        assert!(cells.contains(&"'=HYPERLINK(\"http://x\")"), "{cells:?}");
        assert!(cells.contains(&"'@SUM(A1)"), "{cells:?}");
        assert!(cells.contains(&"'\t=1"), "{cells:?}");
        let risky = |c: &&str| c.starts_with(['=', '+', '-', '@', '\t', '\r']);
        assert!(!cells.iter().any(risky), "{cells:?}");
        assert!(
            rows.iter()
                .all(|r| r[14].starts_with("'-1+cmd") || !r[14].starts_with('-'))
        );
        assert_eq!(&rows[0][6], "a0");
    }
}
