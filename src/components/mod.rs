//! Presentational pieces: they take plain values, signals and callbacks, and render HTML.

pub mod analysis;
pub mod breadcrumbs;
pub mod changes;
pub mod chart;
pub mod choices;
pub mod compare_chart;
pub mod covering;
pub mod covering_form;
pub mod draft;
pub mod edit_update;
pub mod edit_value;
pub mod forecast;
pub mod layout;
pub mod legend;
pub mod markup;
pub mod pack;
pub mod period;
pub mod plan;
pub mod scheme_form;
pub mod spc;
pub mod status;
pub mod travel;
