//! The filter query parser and ranking: any query against the entities of the bundled
//! seeds; every match points at a real entity and real characters of the matched name.

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use parallax::analysis::entities::{EntityIndex, extract};
use parallax::corpus::load_seeds;
use parallax::filter::{parse, rank};

static INDEX: LazyLock<EntityIndex> = LazyLock::new(|| extract(&load_seeds().corpus));

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    let _ = parse(&query);
    for m in rank(&INDEX, &query) {
        let e = &INDEX.entities[m.entity];
        let name = match m.alias {
            None => &e.name,
            Some(i) => &e.aliases[i],
        };
        let chars = name.chars().count();
        assert!(m.positions.iter().all(|&p| p < chars), "{m:?} in {name}");
    }
});
