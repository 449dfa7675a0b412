//! A `BroadcastChannel` between this site's tabs: a tab announces that it saved a key, the
//! others hear it (the announcing tab does not). Where channels are not available, nothing is
//! announced and nothing is heard.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const NAME: &str = "golden-thread";

thread_local! {
    static CHANNEL: RefCell<Option<web_sys::BroadcastChannel>> = RefCell::new(web_sys::BroadcastChannel::new(NAME).ok());
}

/// Tells the other tabs that `key` has just been saved.
pub fn announce(key: &str) {
    CHANNEL.with(|c| {
        if let Some(c) = c.borrow().as_ref() {
            let _ = c.post_message(&JsValue::from_str(key));
        }
    });
}

/// Calls `f(key)` each time another tab announces a saved key.
pub fn on_announce(f: impl Fn(String) + 'static) {
    let listen = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        if let Some(key) = ev.data().as_string() {
            f(key);
        }
    });
    CHANNEL.with(|c| {
        if let Some(c) = c.borrow().as_ref() {
            c.set_onmessage(Some(listen.as_ref().unchecked_ref()));
        }
    });
    // Listens for the page's life.
    listen.forget();
}
