//! Letting the browser paint: a long piece of work that follows a change on screen (reading a
//! large file after its status line says so) waits for the next frame first, so the change
//! shows before the page is busy.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Resolves once the browser has had a chance to paint: after the next animation frame, or
/// after 50 ms where frames are not drawn (a tab in the background).
pub async fn after_paint() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let w = window.clone();
        let soon = resolve.clone();
        // After the frame is painted, not before it: a timer queued from the frame's callback.
        let frame = Closure::once_into_js(move || {
            let _ =
                w.set_timeout_with_callback_and_timeout_and_arguments_0(soon.unchecked_ref(), 0);
        });
        let _ = window.request_animation_frame(frame.unchecked_ref());
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 50);
    });
    let _ = JsFuture::from(promise).await;
}
