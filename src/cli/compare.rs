//! `parallax compare A B`: placeholder until the analysis lands.

use super::Status;
use super::args::CompareArgs;
use crate::corpus::Corpus;

pub fn run(corpus: &Corpus, args: &CompareArgs) -> anyhow::Result<Status> {
    let _ = (corpus, args);
    super::output::print_text("[]\n")?;
    Ok(Status::Ok)
}
