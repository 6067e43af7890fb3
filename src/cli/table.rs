//! Aligned plain-text tables fitted to a width, measured in terminal columns (Unicode
//! width), with the last column shortened with `…` when space runs out.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::text::sanitize_for_terminal;

/// A table: a header and rows of cells.
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new<const N: usize>(header: [&str; N]) -> Self {
        Self {
            header: header.iter().map(|s| s.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds columns to the header (names that came from the articles: sanitised).
    pub fn extend_header(&mut self, names: impl IntoIterator<Item = String>) {
        self.header.extend(
            names
                .into_iter()
                .map(|c| sanitize_for_terminal(&c).replace('\n', " ")),
        );
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(
            cells
                .into_iter()
                .map(|c| sanitize_for_terminal(&c).replace('\n', " "))
                .collect(),
        );
    }

    /// Renders the table; `width` limits each line (the last column gives way).
    pub fn render(&self, width: Option<usize>) -> String {
        let n = self.header.len();
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.width()).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate().take(n) {
                widths[i] = widths[i].max(cell.width());
            }
        }
        let fixed: usize = widths[..n - 1].iter().map(|w| w + 2).sum();
        if let Some(total) = width {
            widths[n - 1] = widths[n - 1].min(total.saturating_sub(fixed).max(8));
        }
        let mut out = String::new();
        for row in std::iter::once(&self.header).chain(&self.rows) {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate().take(n) {
                let cell = truncate(cell, widths[i]);
                line.push_str(&cell);
                if i + 1 < n {
                    line.push_str(&" ".repeat(widths[i] - cell.width() + 2));
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

/// Shortens `s` to at most `width` columns, ending with `…` when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_and_truncates_the_last_column() {
        let mut t = Table::new(["DATE", "SOURCE", "TITLE"]);
        t.row(vec![
            "2021-11-20".into(),
            "RIA Novosti".into(),
            "A rather long title that will not fit".into(),
        ]);
        t.row(vec!["".into(), "TASS".into(), "Short".into()]);
        let out = t.render(Some(40));
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "DATE        SOURCE       TITLE");
        assert_eq!(lines[1], "2021-11-20  RIA Novosti  A rather long…");
        assert_eq!(lines[2], "            TASS         Short");
        assert!(lines.iter().all(|l| l.width() <= 40));
    }

    #[test]
    fn wide_characters_count_two_columns() {
        assert_eq!(truncate("日本語のニュース", 7), "日本語…");
        assert_eq!(truncate("abc", 3), "abc");
    }

    #[test]
    fn cells_cannot_carry_escapes() {
        let mut t = Table::new(["A"]);
        t.row(vec!["x\u{1b}[2Jy".into()]);
        assert!(!t.render(None).contains('\u{1b}'));
    }
}
