//! The browser test harness: serves the built app (`dist/`) on a free loopback port, starts
//! chromedriver and a headless Chromium session, and gives tests the moves a person makes
//! (open a page, click, type, upload a file, reload) and ways to read what they see.
//!
//! Every test goes through [`run`], which always closes the browser session (no leaked
//! Chromium processes) and, when the test fails, saves a screenshot and the page's HTML under
//! `target/e2e-artifacts/<test name>/`.

pub mod server;
pub mod stats;

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};
use std::future::Future;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub use fantoccini::key::Key;
pub use server::Server;

/// How long to wait for something to appear before failing.
pub const WAIT: Duration = Duration::from_secs(15);

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// The built app, from `GT_DIST` or `dist/` (built by `cargo xtask test`).
pub fn dist() -> PathBuf {
    std::env::var_os("GT_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("dist"))
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// chromedriver, killed when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start() -> Driver {
        let bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let port = free_port();
        let child = Command::new(&bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start {bin} ({e}); run the tests with `cargo xtask test`")
            });
        Driver { child, port }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Options for a test's browser and server.
#[derive(Clone)]
pub struct Options {
    pub width: u32,
    pub height: u32,
    /// Files served instead of the ones in dist/ (path without leading slash → bytes, or
    /// `None` for a 404).
    pub overrides: Vec<(String, Option<Vec<u8>>)>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            width: 1280,
            height: 900,
            overrides: Vec::new(),
        }
    }
}

/// A running app in a browser.
pub struct App {
    pub client: Client,
    pub server: Server,
    pub name: String,
    _driver: Driver,
}

async fn connect(port: u16, o: &Options) -> Client {
    let mut args = vec![
        "--headless=new".to_string(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-dev-shm-usage".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--disable-quic".into(),
        "--no-first-run".into(),
        "--lang=en-GB".into(),
        format!("--window-size={},{}", o.width, o.height),
    ];
    if std::env::var_os("GT_E2E_HEADED").is_some() {
        args.remove(0);
    }
    // More switches for Chromium, separated by spaces (the benchmark asks for exact memory
    // figures with `--enable-precise-memory-info`).
    if let Ok(extra) = std::env::var("GT_E2E_CHROMIUM_ARGS") {
        args.extend(extra.split_whitespace().map(str::to_string));
    }
    let mut chrome = json!({ "args": args });
    if o.width < 500 {
        // Chromium's windows do not go below about 500 px wide: emulate a small screen.
        chrome["mobileEmulation"] = json!({
            "deviceMetrics": { "width": o.width, "height": o.height, "pixelRatio": 1.0, "touch": true }
        });
    }
    if let Ok(bin) = std::env::var("CHROMIUM") {
        if !bin.is_empty() {
            chrome["binary"] = Value::String(bin);
        }
    }
    let caps: serde_json::Map<String, Value> = json!({
        "browserName": "chrome",
        "goog:chromeOptions": chrome,
    })
    .as_object()
    .unwrap()
    .clone();
    let url = format!("http://127.0.0.1:{port}");
    let start = Instant::now();
    loop {
        let mut b = ClientBuilder::new(HttpConnector::new());
        b.capabilities(caps.clone());
        match b.connect(&url).await {
            Ok(c) => return c,
            Err(e) if start.elapsed() < Duration::from_secs(20) => {
                let _ = e;
                tokio::time::sleep(Duration::from_millis(150)).await;
            }
            Err(e) => panic!("cannot start a Chromium session through chromedriver: {e}"),
        }
    }
}

/// Runs one browser test: starts everything, runs `test`, saves artifacts on failure, and
/// always closes the session.
pub async fn run<F, Fut>(name: &str, options: Options, test: F)
where
    F: FnOnce(Arc<App>) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let server = Server::start(dist(), options.overrides.clone());
    let driver = Driver::start();
    let client = connect(driver.port, &options).await;
    let app = Arc::new(App {
        client: client.clone(),
        server,
        name: name.to_string(),
        _driver: driver,
    });
    let result = tokio::spawn(test(app.clone())).await;
    if result.is_err() {
        app.save_artifacts().await;
    }
    let _ = client.close().await;
    drop(app);
    if let Err(e) = result {
        if e.is_panic() {
            std::panic::resume_unwind(e.into_panic());
        }
        panic!("test task failed: {e}");
    }
}

fn css(s: &str) -> Locator<'_> {
    Locator::Css(s)
}

impl App {
    /// The app's address with a fragment route: `url("#/indicators")`.
    pub fn url(&self, hash: &str) -> String {
        format!("{}index.html{}", self.server.base(), hash)
    }

    /// Opens a route in the current tab and waits until the app has loaded its data.
    pub async fn open(&self, hash: &str) {
        self.client.goto(&self.url(hash)).await.expect("goto");
        self.wait_ready().await;
    }

    /// Waits until the app has mounted and is no longer loading.
    pub async fn wait_ready(&self) {
        self.wait_until("the app has loaded", |c| async move {
            c
                .execute(
                    "return !!document.querySelector('main') && !document.getElementById('gt-boot') && !document.querySelector('[data-testid=loading]')",
                    vec![],
                )
                .await
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false)
        })
        .await;
    }

    /// Polls `cond` until true, or fails the test after [`WAIT`], naming `what`.
    pub async fn wait_until<F, Fut>(&self, what: &str, cond: F)
    where
        F: Fn(Client) -> Fut,
        Fut: Future<Output = bool>,
    {
        let start = Instant::now();
        loop {
            if cond(self.client.clone()).await {
                return;
            }
            if start.elapsed() > WAIT {
                panic!("timed out after {WAIT:?} waiting until {what}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The first element matching a CSS selector, waiting for it to appear.
    pub async fn find(&self, selector: &str) -> Element {
        let start = Instant::now();
        loop {
            if let Ok(e) = self.client.find(css(selector)).await {
                return e;
            }
            if start.elapsed() > WAIT {
                panic!("no element matches {selector} after {WAIT:?}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Every element matching a CSS selector, now.
    pub async fn find_all(&self, selector: &str) -> Vec<Element> {
        self.client
            .find_all(css(selector))
            .await
            .unwrap_or_default()
    }

    /// The visible text of the element with `data-testid`.
    pub async fn text(&self, testid: &str) -> String {
        self.find(&format!("[data-testid=\"{testid}\"]"))
            .await
            .text()
            .await
            .expect("text")
    }

    /// The visible text of the first element matching a selector.
    pub async fn text_of(&self, selector: &str) -> String {
        self.find(selector).await.text().await.expect("text")
    }

    /// Waits until the element with `data-testid` shows `expected` (exactly, after trimming).
    pub async fn wait_text(&self, testid: &str, expected: &str) {
        let sel = format!("[data-testid=\"{testid}\"]");
        let start = Instant::now();
        let mut last = String::new();
        loop {
            if let Ok(e) = self.client.find(css(&sel)).await {
                last = e.text().await.unwrap_or_default();
                if last.trim() == expected {
                    return;
                }
            }
            if start.elapsed() > WAIT {
                panic!("{testid} shows {last:?}, expected {expected:?}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Clicks the first element matching a selector.
    pub async fn click(&self, selector: &str) {
        self.find(selector).await.click().await.expect("click");
    }

    /// Clicks the link whose text is exactly `text`.
    pub async fn click_link(&self, text: &str) {
        let start = Instant::now();
        loop {
            if let Ok(e) = self.client.find(Locator::LinkText(text)).await {
                e.click().await.expect("click link");
                return;
            }
            if start.elapsed() > WAIT {
                panic!("no link with text {text:?}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Types into a field (after clearing it).
    pub async fn type_into(&self, selector: &str, text: &str) {
        let e = self.find(selector).await;
        e.clear().await.expect("clear");
        e.send_keys(text).await.expect("type");
    }

    /// Presses keys on whatever has focus.
    pub async fn press(&self, keys: &str) {
        let e = self.client.active_element().await.expect("focused element");
        e.send_keys(keys).await.expect("keys");
    }

    /// Chooses a file in an `<input type=file>`.
    pub async fn upload(&self, selector: &str, file: &Path) {
        let e = self.find(selector).await;
        let path = file.canonicalize().expect("file to upload exists");
        e.send_keys(&path.to_string_lossy()).await.expect("upload");
    }

    /// A value from the page's local storage.
    pub async fn local_storage(&self, key: &str) -> Option<String> {
        let v = self
            .client
            .execute(
                "return window.localStorage.getItem(arguments[0]);",
                vec![json!(key)],
            )
            .await
            .expect("read local storage");
        v.as_str().map(str::to_string)
    }

    /// Runs `body` on the app's IndexedDB store (`golden-thread` / `kept`) in a transaction of
    /// `mode`; `body` sees `s` (the store), `args` (the arguments), and ends by calling
    /// `finish(value)`, which closes the database and returns `value`.
    async fn with_store(&self, mode: &str, body: &str, args: Vec<Value>) -> Value {
        let script = format!(
            r#"const done = arguments[arguments.length - 1];
            const args = Array.from(arguments).slice(0, -1);
            const open = indexedDB.open('golden-thread');
            open.onupgradeneeded = () => open.result.createObjectStore('kept');
            open.onerror = () => done({{ error: String(open.error) }});
            open.onsuccess = () => {{
              const db = open.result;
              const tx = db.transaction('kept', '{mode}');
              const s = tx.objectStore('kept');
              const finish = (v) => {{ db.close(); done(v); }};
              tx.onabort = () => finish({{ error: String(tx.error) }});
              {body}
            }};"#
        );
        let v = self
            .client
            .execute_async(&script, args)
            .await
            .expect("read the app's IndexedDB store");
        assert!(v.get("error").is_none(), "IndexedDB: {v}");
        v
    }

    /// A value the app keeps in its IndexedDB store (None when absent).
    pub async fn stored(&self, key: &str) -> Option<String> {
        self.with_store(
            "readonly",
            "const r = s.get(args[0]); r.onsuccess = () => finish(r.result === undefined ? null : r.result);",
            vec![json!(key)],
        )
        .await
        .as_str()
        .map(str::to_string)
    }

    /// Every key and value the app keeps in its IndexedDB store, in key order.
    pub async fn stored_all(&self) -> Vec<(String, String)> {
        let v = self
            .with_store(
                "readonly",
                "const k = s.getAllKeys(); const v = s.getAll(); tx.oncomplete = () => finish(k.result.map((key, i) => [key, v.result[i]]));",
                vec![],
            )
            .await;
        v.as_array()
            .map(|a| {
                a.iter()
                    .map(|kv| {
                        (
                            kv[0].as_str().unwrap_or_default().to_string(),
                            kv[1].as_str().unwrap_or_default().to_string(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Puts a value in the app's IndexedDB store (as another version of the app, or damage,
    /// might have left it).
    pub async fn store(&self, key: &str, value: &str) {
        self.with_store(
            "readwrite",
            "s.put(args[1], args[0]); tx.oncomplete = () => finish(true);",
            vec![json!(key), json!(value)],
        )
        .await;
    }

    /// Turns on editing (the switch at the end of the navigation), unless it is on.
    pub async fn start_editing(&self) {
        let pressed = self
            .js("return document.querySelector('[data-testid=edit-toggle]').getAttribute('aria-pressed')")
            .await;
        if pressed != "true" {
            self.click("[data-testid=edit-toggle]").await;
        }
        self.find("[data-testid=edit-bar]").await;
    }

    /// Runs a script and returns its result.
    pub async fn js(&self, script: &str) -> Value {
        self.client.execute(script, vec![]).await.expect("script")
    }

    /// The fragment of the current address (`#/indicators?council=bexley`).
    pub async fn hash(&self) -> String {
        self.js("return location.hash")
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Reloads the page and waits for the app.
    pub async fn reload(&self) {
        self.client.refresh().await.expect("reload");
        self.wait_ready().await;
    }

    /// Browser Back, then waits for the app.
    pub async fn back(&self) {
        self.client.back().await.expect("back");
        self.wait_ready().await;
    }

    /// Browser Forward, then waits for the app.
    pub async fn forward(&self) {
        self.client.forward().await.expect("forward");
        self.wait_ready().await;
    }

    /// The page heading (`h1`).
    /// Whether an element matching `selector` is on the page now (no waiting).
    pub async fn exists(&self, selector: &str) -> bool {
        self.js(&format!(
            "return !!document.querySelector({})",
            serde_json::to_string(selector).unwrap()
        ))
        .await
            == true
    }

    pub async fn heading(&self) -> String {
        self.text_of("main h1").await
    }

    /// Saves a PNG screenshot under target/e2e-artifacts/<name>/<file>.png.
    pub async fn screenshot(&self, file: &str) -> PathBuf {
        let dir = artifacts_dir(&self.name);
        let png = self.client.screenshot().await.expect("screenshot");
        let path = dir.join(format!("{file}.png"));
        std::fs::write(&path, png).expect("write screenshot");
        path
    }

    async fn save_artifacts(&self) {
        let dir = artifacts_dir(&self.name);
        if let Ok(png) = self.client.screenshot().await {
            let _ = std::fs::write(dir.join("failure.png"), png);
        }
        if let Ok(html) = self.client.source().await {
            let _ = std::fs::write(dir.join("failure.html"), html);
        }
        eprintln!("saved a screenshot and the page HTML in {}", dir.display());
    }
}

/// The built-in data file (`public/data/onesource.json`) as JSON, for tests to work out what
/// the app should show.
pub fn builtin_data() -> Value {
    let text = std::fs::read_to_string(root().join("public/data/onesource.json"))
        .expect("the built-in data file public/data/onesource.json");
    serde_json::from_str(&text).expect("the built-in data is JSON")
}

/// The latest period with an actual figure of a built-in indicator (`2019-20-Q3`).
pub fn latest_period(id: &str) -> String {
    let d = builtin_data();
    let i = d["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("no indicator {id} in the built-in data"))
        .clone();
    i["values"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["actual"].is_number())
        .map(|v| v["period"].as_str().unwrap().to_string())
        .max()
        .unwrap()
}

/// Runs a command-line tool (pdftotext, pdfinfo…) and returns what it printed; a missing tool
/// or a failure fails the test with what to install.
pub fn run_tool(bin: &str, args: &[&str]) -> String {
    let out = Command::new(bin).args(args).output().unwrap_or_else(|e| {
        panic!(
            "cannot run {bin} ({e}). The PDF checks need poppler-utils (pdfinfo, pdftotext, pdftoppm): \
             `cargo xtask setup --browser` installs them (Debian: apt-get install poppler-utils)."
        )
    });
    assert!(
        out.status.success(),
        "{bin} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// target/e2e-artifacts/<name>/, created.
pub fn artifacts_dir(name: &str) -> PathBuf {
    let dir = root().join("target/e2e-artifacts").join(name);
    let _ = std::fs::create_dir_all(&dir);
    dir
}

/// The axe-core engine (from npm, installed by `cargo xtask`), to inject into pages.
fn axe_source() -> String {
    let dir = std::env::var_os("GT_TOOLS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var("HOME").unwrap_or_default())
                .join(".cache/golden-thread/tools")
        });
    let file = dir.join("node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&file).unwrap_or_else(|e| {
        panic!(
            "cannot read {} ({e}): run `cargo xtask setup`",
            file.display()
        )
    })
}

impl App {
    /// Runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on the page as it is now and returns
    /// every violation as "rule-id: help (n nodes: first selector)".
    pub async fn axe_violations(&self) -> Vec<String> {
        let src = axe_source();
        self.client
            .execute(
                &format!("if (!window.axe) {{ {src}\n }} return true;"),
                vec![],
            )
            .await
            .expect("inject axe-core");
        let result = self
            .client
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
                  .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ' nodes: ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ') + ')')))
                  .catch(e => done(['axe failed: ' + e]));"#,
                vec![],
            )
            .await
            .expect("run axe-core");
        result
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Runs every axe-core rule (WCAG A and AA and the best practices, such as all content in
    /// landmarks) on the page as it is now; each violation as "rule-id: help" with the target
    /// of every element it names.
    pub async fn axe_all_violations(&self) -> Vec<String> {
        let src = axe_source();
        self.client
            .execute(
                &format!("if (!window.axe) {{ {src}\n }} return true;"),
                vec![],
            )
            .await
            .expect("inject axe-core");
        // Every rule on a long page (the committee pack) takes more than the usual 30 s.
        let mut timeouts = self.client.get_timeouts().await.expect("timeouts");
        timeouts.set_script(Some(Duration::from_secs(180)));
        self.client
            .update_timeouts(timeouts)
            .await
            .expect("a longer script timeout");
        let result = self
            .client
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' [' + v.nodes.map(n => n.target.join(' ')).join(' | ') + ']')))
                  .catch(e => done(['axe failed: ' + e]));"#,
                vec![],
            )
            .await
            .expect("run axe-core");
        result
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Fails the test if axe-core finds any violation on the page.
    pub async fn assert_accessible(&self, what: &str) {
        let v = self.axe_violations().await;
        assert!(
            v.is_empty(),
            "accessibility violations on {what}:\n{}",
            v.join("\n")
        );
    }
}
