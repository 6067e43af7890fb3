//! Named figures a measurement produces, passed from the child process to the parent as
//! `name value` lines.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// Figures by name (times in milliseconds, memory in MB).
#[derive(Debug, Default, Clone)]
pub struct Figures(BTreeMap<String, f64>);

impl Figures {
    pub fn put(&mut self, name: &str, value: f64) {
        self.0.insert(name.to_string(), value);
    }

    /// Records the milliseconds since `start` under `name`.
    pub fn time(&mut self, name: &str, start: Instant) {
        self.put(name, ms(start.elapsed()));
    }

    /// Adds the figures of `other` (replacing those of the same name).
    pub fn extend(&mut self, other: Figures) {
        self.0.extend(other.0);
    }

    pub fn get(&self, name: &str) -> Option<f64> {
        self.0.get(name).copied()
    }

    /// The `name value` lines of [`Figures::parse`].
    pub fn emit(&self) -> String {
        self.0.iter().map(|(k, v)| format!("{k} {v}\n")).collect()
    }

    pub fn parse(text: &str) -> Figures {
        let mut f = Figures::default();
        for line in text.lines() {
            let mut parts = line.split_whitespace();
            if let (Some(k), Some(Ok(v))) = (parts.next(), parts.next().map(str::parse)) {
                f.put(k, v);
            }
        }
        f
    }
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Median and maximum of some samples (0 when there are none).
pub fn median_max(samples: &mut [f64]) -> (f64, f64) {
    if samples.is_empty() {
        return (0.0, 0.0);
    }
    samples.sort_by(f64::total_cmp);
    (samples[samples.len() / 2], samples[samples.len() - 1])
}

/// CPU time (user + system, all threads) of this process so far, in ms, from /proc (10 ms
/// resolution); 0 where unknown.
pub fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let rest = stat.rsplit(')').next().unwrap_or_default();
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = [11, 12]
        .iter()
        .filter_map(|&i| fields.get(i)?.parse::<f64>().ok())
        .sum();
    ticks * 10.0
}
