//! Presentational pieces: they take plain values, signals and callbacks, and render HTML.

pub mod layout;
pub mod status;
