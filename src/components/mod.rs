//! Presentational pieces: they take plain values, signals and callbacks, and render HTML.

pub mod breadcrumbs;
pub mod chart;
pub mod layout;
pub mod legend;
pub mod status;
pub mod travel;
