//! Every CSV parallax prints is safe to open in a spreadsheet: no cell begins with a
//! character that would make it a formula (`=`, `+`, `-`, `@`, tab, carriage return).

use super::{bin, run_in};

/// Two articles of one outlet whose name, title and quote would each run as a formula.
fn hostile_corpus(dir: &std::path::Path) {
    for n in 1..=2 {
        let text = format!(
            "---\ntitle: \"@SUM(1+1) report {n}\"\nsource: \"=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")\"\ndate: 2024-03-0{n}\n---\n\
             \"-2+3 is what we expect from the council budget this coming year,\" said Maria Lopez, the mayor of Springfield.\n\n\
             The council met on Tuesday to discuss the budget for the coming year in Springfield.\n"
        );
        std::fs::write(dir.join(format!("a{n}.md")), text).expect("write");
    }
}

fn cells(csv_text: &str) -> Vec<String> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv_text.as_bytes());
    r.records()
        .flat_map(|rec| {
            rec.expect("CSV record")
                .iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn no_csv_cell_can_run_as_a_formula() {
    let dir = tempfile::tempdir().expect("tmp");
    hostile_corpus(dir.path());
    for command in ["quotes", "passages", "grid"] {
        let o = run_in(dir.path(), &[command, "--csv", "."]);
        assert!(o.status.success(), "{command}: {}", bin::stderr(&o));
        let cells = cells(&bin::stdout(&o));
        for cell in &cells {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{command} --csv: cell {cell:?}"
            );
        }
        // The outlet's name is there, made harmless (not dropped).
        assert!(
            cells.iter().any(|c| c.starts_with("'=HYPERLINK(")),
            "{command} --csv: {cells:?}"
        );
    }
}
