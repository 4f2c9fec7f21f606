//! The wall clock, read in one place only: `app::clock` (see `clippy.toml`).

pub use app::clock::now;
