//! Filtering by entity: an fzf-style query language over entity names and aliases, ranked
//! fuzzy matches with matched character positions, and the articles they select.
