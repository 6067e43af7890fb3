//! parallax: read the same news story as told by many outlets.
//!
//! The library is the UI-free core: corpus loading and metadata ([`corpus`], [`metadata`]),
//! text utilities ([`text`]), analysis ([`analysis`]: entities, quotes, shared passages) and
//! entity filtering ([`filter`]). It returns ids, scores and byte ranges; only the terminal UI
//! ([`tui`]) and the command line ([`cli`]) turn them into something a person sees.
//!
//! The core modules never import `ratatui` or `crossterm`; `tests/architecture.rs` enforces it.

pub mod analysis;
pub mod assets;
pub mod cache;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod dirs;
pub mod export;
pub mod filter;
pub mod fsio;
pub mod logging;
pub mod metadata;
pub mod passim;
pub mod pipeline;
pub mod synth;
pub mod text;
pub mod tui;

/// The allocator of every program built on the library (the app, its benchmarks and
/// tests): the analysis makes and frees millions of small vectors on every core, where
/// jemalloc is about a tenth faster than the system allocator (`docs/performance.md`).
#[cfg(feature = "jemalloc")]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;
