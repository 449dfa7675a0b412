//! Golden Thread's core: the data model, file reading and validation, the RAG rules, periods,
//! summaries, CSV returns and view state. No Leptos, no web-sys: tested on the host.

pub mod axis;
pub mod bundle;
pub mod compare_query;
pub mod covering;
pub mod csv;
pub mod definition;
pub mod draft;
pub mod edit;
pub mod engine;
pub mod export;
pub mod filter;
pub mod fmt;
pub mod gap;
pub mod json;
pub mod model;
pub mod number;
pub mod order;
pub mod pack;
pub mod period;
pub mod plan;
pub mod rag;
pub mod read;
pub mod report;
pub mod route;
pub mod scheme;
pub mod summary;

pub use covering::CoveringReport;
pub use model::*;
pub use period::Period;
pub use read::{parse_dataset, validate, Problem};
