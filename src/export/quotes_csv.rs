//! The corpus's shared passages as CSV for spreadsheets: one row per occurrence, with the
//! passage it belongs to (number, label, similarity, whether quoted, speaker) and where it
//! occurs (article, outlet, date, URL, byte offsets into the clean body, its text). The
//! `csv` crate does the quoting, so commas, quotes and newlines in article text are safe.

use crate::analysis::passages::Passage;
use crate::corpus::Corpus;

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
    w.write_record(HEADER)?;
    for (n, p) in passages.iter().enumerate() {
        for o in &p.occurrences {
            let Some(a) = corpus.articles.get(o.article) else {
                continue;
            };
            let text = a.body.get(o.span.clone()).unwrap_or_default();
            w.write_record([
                (n + 1).to_string().as_str(),
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
            ])?;
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
}
