//! Browser adapters: each browser API the app uses is confined to one file here.

pub mod channel;
pub mod clipboard;
pub mod download;
pub mod fetch;
pub mod files;
pub mod frame;
pub mod idb;
pub mod location;
pub mod paginate;
pub mod perf;
pub mod quota;
pub mod storage;
