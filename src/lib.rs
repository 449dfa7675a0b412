//! Golden Thread's browser app (Leptos, client-side rendered). The domain logic lives in the
//! `gt-core` crate; this crate is the user interface and the browser adapters.

pub mod adapters;
pub mod app;
pub mod components;
pub mod edits;
pub mod importing;
pub mod loading;
pub mod migrate;
pub mod offline_copy;
pub mod pages;
pub mod state;

/// Entry point: mounts the app on the page's body.
pub fn start() {
    console_error_panic_hook::set_once();
    if let Some(boot) = leptos::prelude::document().get_element_by_id("gt-boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(app::App);
}
