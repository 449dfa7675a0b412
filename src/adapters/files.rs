//! Reading files the user chooses or drops on the page.

/// The largest file Golden Thread opens (a clear refusal beats a frozen page).
pub const MAX_BYTES: f64 = 30.0 * 1024.0 * 1024.0;

/// Reads a file's bytes.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("the file could not be read ({e:?})"))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}
