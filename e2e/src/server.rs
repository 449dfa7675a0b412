//! A small static file server for the tests, on a free loopback port: serves `dist/`, with
//! per-test overrides (a broken data file, a missing file, an extra file), and can be taken
//! offline. Every answer allows other origins, so a page on 127.0.0.1 can open a data file
//! from "another host" (the same server as `localhost`).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

type Overrides = Arc<Mutex<HashMap<String, Option<Vec<u8>>>>>;

pub struct Server {
    port: u16,
    stop: Arc<AtomicBool>,
    offline: Arc<AtomicBool>,
    overrides: Overrides,
    /// Every path requested, in order.
    pub requests: Arc<Mutex<Vec<String>>>,
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "csv" => "text/csv; charset=utf-8",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

fn respond(mut s: TcpStream, status: &str, ctype: &str, body: &[u8]) {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nAccess-Control-Allow-Origin: *\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = s.write_all(head.as_bytes());
    let _ = s.write_all(body);
    let _ = s.flush();
}

fn handle(
    s: TcpStream,
    dir: &Path,
    overrides: &Mutex<HashMap<String, Option<Vec<u8>>>>,
    offline: &AtomicBool,
    requests: &Mutex<Vec<String>>,
) {
    let _ = s.set_read_timeout(Some(Duration::from_secs(5)));
    let mut reader = BufReader::new(match s.try_clone() {
        Ok(c) => c,
        Err(_) => return,
    });
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    // Drain the headers.
    let mut h = String::new();
    while reader.read_line(&mut h).map(|n| n > 2).unwrap_or(false) {
        h.clear();
    }
    let target = line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let rel = path.trim_start_matches('/');
    let rel = if rel.is_empty() { "index.html" } else { rel };
    requests.lock().unwrap().push(rel.to_string());
    if offline.load(Ordering::SeqCst) {
        // Like a network that is gone: close without an answer.
        let _ = s.shutdown(std::net::Shutdown::Both);
        return;
    }
    let o = overrides.lock().unwrap().get(rel).cloned();
    if let Some(o) = o {
        match o {
            Some(body) => respond(s, "200 OK", content_type(Path::new(rel)), &body),
            None => respond(s, "404 Not Found", "text/plain", b"not found"),
        }
        return;
    }
    if rel.split('/').any(|p| p == "..") {
        respond(s, "403 Forbidden", "text/plain", b"forbidden");
        return;
    }
    let file = dir.join(rel);
    match std::fs::read(&file) {
        Ok(body) => respond(s, "200 OK", content_type(&file), &body),
        Err(_) => respond(s, "404 Not Found", "text/plain", b"not found"),
    }
}

impl Server {
    pub fn start(dir: PathBuf, overrides: Vec<(String, Option<Vec<u8>>)>) -> Server {
        assert!(
            dir.join("index.html").is_file(),
            "{} has no index.html: build the app first (`cargo xtask test` does)",
            dir.display()
        );
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        listener.set_nonblocking(true).expect("nonblocking");
        let port = listener.local_addr().unwrap().port();
        let stop = Arc::new(AtomicBool::new(false));
        let offline = Arc::new(AtomicBool::new(false));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let overrides: Overrides = Arc::new(Mutex::new(overrides.into_iter().collect()));
        let dir = Arc::new(dir);
        let shared_overrides = overrides.clone();
        {
            let (stop, offline, requests) = (stop.clone(), offline.clone(), requests.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::SeqCst) {
                    match listener.accept() {
                        Ok((s, _)) => {
                            let _ = s.set_nonblocking(false);
                            let (dir, overrides, offline, requests) = (
                                dir.clone(),
                                overrides.clone(),
                                offline.clone(),
                                requests.clone(),
                            );
                            std::thread::spawn(move || {
                                handle(s, &dir, &overrides, &offline, &requests)
                            });
                        }
                        Err(_) => std::thread::sleep(Duration::from_millis(5)),
                    }
                }
            });
        }
        Server {
            port,
            stop,
            offline,
            overrides: shared_overrides,
            requests,
        }
    }

    /// "http://127.0.0.1:PORT/".
    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    /// Serves `bytes` for `path` from now on (`None`: a 404).
    pub fn set_file(&self, path: &str, bytes: Option<Vec<u8>>) {
        self.overrides
            .lock()
            .unwrap()
            .insert(path.to_string(), bytes);
    }

    /// Takes the server off the network (connections are dropped) or back on.
    pub fn set_offline(&self, off: bool) {
        self.offline.store(off, Ordering::SeqCst);
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}
