//! One module per route.

pub mod accessibility;
pub mod area;
pub mod changes;
pub mod compare;
pub mod data;
pub mod data_storage;
pub mod improvement;
pub mod indicator;
pub mod indicators;
pub mod overview;
pub mod priorities;
pub mod report;
pub mod status;
pub mod statuses;
