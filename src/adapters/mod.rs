//! Browser adapters: each browser API the app uses is confined to one file here.

pub mod clipboard;
pub mod download;
pub mod fetch;
pub mod files;
pub mod location;
pub mod paginate;
pub mod storage;
