//! Load problems grouped by reason, for a person: how many files each reason hit and
//! which, and one summary line (`140 load problems: 120 binary files skipped, …`) where
//! a list of 140 lines would bury the point.

use std::path::PathBuf;

use super::{LoadProblem, Severity};

/// The problems that share a reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub severity: Severity,
    /// The reason without its particulars (`invalid JSON` of `invalid JSON (line 3)`).
    pub reason: String,
    /// The files (and line, for records), in the order met.
    pub files: Vec<(PathBuf, Option<usize>)>,
}

/// The kind of a reason: up to the first `(` or `:` (details such as a line, a size or an
/// OS error vary from file to file).
fn kind(reason: &str) -> String {
    let end = reason.find(['(', ':']).unwrap_or(reason.len());
    let k = reason[..end].trim();
    if k.is_empty() { reason.trim() } else { k }.to_string()
}

/// `problems` grouped by severity and reason, the largest group first (ties: skipped
/// before warnings, then by reason).
pub fn group(problems: &[LoadProblem]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for p in problems {
        let reason = kind(&p.reason);
        let file = (p.path.clone(), p.line);
        match groups
            .iter_mut()
            .find(|g| g.severity == p.severity && g.reason == reason)
        {
            Some(g) => g.files.push(file),
            None => groups.push(Group {
                severity: p.severity,
                reason,
                files: vec![file],
            }),
        }
    }
    groups.sort_by(|a, b| {
        b.files
            .len()
            .cmp(&a.files.len())
            .then_with(|| (a.severity == Severity::Warning).cmp(&(b.severity == Severity::Warning)))
            .then_with(|| a.reason.cmp(&b.reason))
    });
    groups
}

/// One line for all of `problems`: the count, then the largest groups (`3 skipped: binary
/// file`), `None` when there are none.
pub fn summary(problems: &[LoadProblem]) -> Option<String> {
    let n = problems.len();
    if n == 0 {
        return None;
    }
    let groups = group(problems);
    let shown: Vec<String> = groups
        .iter()
        .take(3)
        .map(|g| format!("{} {}: {}", g.files.len(), what(g.severity), g.reason))
        .collect();
    let more = if groups.len() > 3 {
        format!(", {} more kinds", groups.len() - 3)
    } else {
        String::new()
    };
    let s = if n == 1 { "" } else { "s" };
    let line = format!("{n} load problem{s} ({}{more})", shown.join(", "));
    Some(crate::text::sanitize_for_terminal(&line).replace('\n', " "))
}

/// How a severity reads in a summary.
pub fn what(s: Severity) -> &'static str {
    match s {
        Severity::Skipped => "skipped",
        Severity::Warning => "warning",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(path: &str, sev: Severity, reason: &str) -> LoadProblem {
        LoadProblem {
            path: path.into(),
            line: None,
            severity: sev,
            reason: reason.into(),
        }
    }

    #[test]
    fn problems_group_by_reason_largest_first() {
        let ps = [
            p("a.bin", Severity::Skipped, "binary file"),
            p(
                "b.json",
                Severity::Skipped,
                "invalid JSON (line 3 column 2)",
            ),
            p("c.bin", Severity::Skipped, "binary file"),
            p("d.json", Severity::Skipped, "invalid JSON (EOF)"),
            p(
                "e.txt",
                Severity::Warning,
                "not UTF-8: decoded as windows-1252",
            ),
            p("f.bin", Severity::Skipped, "binary file"),
        ];
        let g = group(&ps);
        let heads: Vec<(usize, &str)> = g
            .iter()
            .map(|g| (g.files.len(), g.reason.as_str()))
            .collect();
        assert_eq!(
            heads,
            [(3, "binary file"), (2, "invalid JSON"), (1, "not UTF-8")]
        );
        assert_eq!(
            summary(&ps).unwrap(),
            "6 load problems (3 skipped: binary file, 2 skipped: invalid JSON, 1 warning: not UTF-8)"
        );
        assert_eq!(summary(&[]), None);
    }
}
