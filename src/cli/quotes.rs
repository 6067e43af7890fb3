//! `parallax quotes`: placeholder until the analysis lands.

use super::Status;
use crate::corpus::Corpus;

pub fn run(corpus: &Corpus, json: bool) -> anyhow::Result<Status> {
    let _ = (corpus, json);
    super::output::print_text("[]\n")?;
    Ok(Status::Ok)
}
