//! The URL fragment is the app's location (`#/indicators?council=bexley`). This is the only
//! file that touches `window.location` and `history`.

use gt_core::route::Location;
use leptos::prelude::*;

/// The location in the address bar now.
pub fn current() -> Location {
    let hash = window().location().hash().unwrap_or_default();
    Location::parse(&hash)
}

/// Parameters that hold for the whole app, not one page: a link to another page that does not
/// name them keeps the ones in view (the reporting period chosen once stays chosen).
const CARRIED: [&str; 1] = ["period"];

/// Keeps `sig` in step with the address bar (links, Back and Forward all fire `hashchange`).
/// A link that leaves out an app-wide parameter (`period`) keeps the one in view, and the
/// address bar is rewritten to say so, so that copying it gives the same view.
pub fn follow(sig: RwSignal<Location>) {
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let mut now = current();
        let before = sig.get_untracked();
        let mut carried = false;
        for key in CARRIED {
            if now.get(key).is_none() {
                if let Some(v) = before.get(key) {
                    now = now.with(key, v);
                    carried = true;
                }
            }
        }
        if carried {
            if let Ok(history) = window().history() {
                let _ = history.replace_state_with_url(
                    &wasm_bindgen::JsValue::NULL,
                    "",
                    Some(&now.to_hash()),
                );
            }
        }
        if before != now {
            sig.set(now);
        }
    });
    // The app lives as long as the page.
    std::mem::forget(handle);
}

/// Goes to a location. `replace` rewrites the current history entry (filter changes) instead
/// of adding one (following a link).
pub fn navigate(sig: RwSignal<Location>, to: Location, replace: bool) {
    let hash = to.to_hash();
    if replace {
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&hash));
        }
    } else {
        let _ = window().location().set_hash(&hash);
    }
    sig.set(to);
}

/// Rewrites the view in place (a filter change: no new history entry), keeping the data file
/// the link names (`data=`), so a reload or a shared link shows the same file.
pub fn replace_view(sig: RwSignal<Location>, to: Location) {
    let to = match sig.with_untracked(|l| l.get("data").map(str::to_string)) {
        Some(d) => to.with("data", &d),
        None => to,
    };
    navigate(sig, to, true);
}

/// The full address of a location, for "Copy link".
pub fn absolute_url(to: &Location) -> String {
    let loc = window().location();
    let href = loc.href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}{}", to.to_hash())
}
