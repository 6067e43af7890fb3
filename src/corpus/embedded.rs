//! The bundled default corpus: the five seed articles, compiled into the binary so that an
//! installed `parallax` opens them from any folder.

/// File name and content of every bundled seed, in file-name order.
pub const SEEDS: &[(&str, &[u8])] = &[
    (
        "000_4bf21840051c9ce6.txt",
        include_bytes!("../../seeds/000_4bf21840051c9ce6.txt"),
    ),
    (
        "001_3dffd0074b00d26a.txt",
        include_bytes!("../../seeds/001_3dffd0074b00d26a.txt"),
    ),
    (
        "002_e9092905f2d66a6d.txt",
        include_bytes!("../../seeds/002_e9092905f2d66a6d.txt"),
    ),
    (
        "003_776620b231da1730.txt",
        include_bytes!("../../seeds/003_776620b231da1730.txt"),
    ),
    (
        "004_ca70b0bd16d5c51c.txt",
        include_bytes!("../../seeds/004_ca70b0bd16d5c51c.txt"),
    ),
];

#[cfg(test)]
mod tests {
    /// The embedded list must follow the `seeds/` folder: a seed added there and not here
    /// (or the reverse) fails this test.
    #[test]
    fn embedded_list_matches_seed_folder() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.ends_with(".txt"))
            .collect();
        on_disk.sort();
        let embedded: Vec<&str> = super::SEEDS.iter().map(|(n, _)| *n).collect();
        assert_eq!(on_disk, embedded);
    }
}
