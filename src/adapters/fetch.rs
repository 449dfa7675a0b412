//! Fetching files over HTTP (the built-in data file, or a dataset by URL).

use gloo_net::http::Request;

/// Fetches a text file. The error says what went wrong in plain words.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let resp = Request::get(url)
        .send()
        .await
        .map_err(|e| format!("the file {url} could not be fetched ({e})"))?;
    if !resp.ok() {
        return Err(format!(
            "the server answered {} {} for {url}",
            resp.status(),
            resp.status_text()
        ));
    }
    resp.text()
        .await
        .map_err(|e| format!("the file {url} could not be read ({e})"))
}
