//! Benchmark (not a test): the indicator list against its physical limit, a plain JavaScript
//! page doing the same visible work (`bench/reference/`), side by side in one headless Chromium
//! session on the release build. Run through `cargo xtask bench [N…] [--ui-only]`, which builds
//! the app and generates the data (1,000, 10,000 and 50,000 indicators × 12 quarters, or N);
//! or by hand on files of your own:
//!
//! `GT_DIST=dist cargo run -p gt-e2e --release --bin bench-ui -- a.json b.json`
//!
//! For each file, both pages are opened in turn (navigation start to the count painted), then
//! each is driven by the same probe (`bench/measure.js`, put at the top of both pages' <head>):
//! filter changes, column sorts and search keystrokes, each timed from the action to the next
//! painted frame after the results changed, and the longest main-thread task while typing.
//! The output is markdown: a table per size, a table of where the time goes (the app's `gt:*`
//! and the reference's `ref:*` performance measures), a scale table and the download size.
//! (`report.rs` prints.) The service worker is not served (a 404), so every open is a first
//! visit and each size's file is read from the network, never from the worker's cache.

use fantoccini::wd::TimeoutConfiguration;
use gt_e2e::{run, App, Options};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

mod report;
use report::{
    ms, print_download, print_scale, print_size, Group, Memory, PageRun, SizeRun, NOT_RUN,
};

const PROBE: &str = include_str!("../../../../bench/measure.js");
const REFERENCE_HTML: &str = include_str!("../../../../bench/reference/index.html");
const REFERENCE_JS: &str = include_str!("../../../../bench/reference/reference.js");
/// Longest wait for the list to be painted after navigation (seconds; `GT_BENCH_OPEN_TIMEOUT`
/// changes it).
fn open_timeout() -> Duration {
    let secs = std::env::var("GT_BENCH_OPEN_TIMEOUT")
        .ok()
        .and_then(|s| s.parse().ok());
    Duration::from_secs(secs.unwrap_or(180))
}
/// Longest wait for the results to change after a filter change or sort.
const CHANGE_TIMEOUT_MS: u32 = 30_000;
/// How long a keystroke that changed nothing yet may still change the list.
const SETTLE_MS: u32 = 300;
/// A group of actions stops after one that took longer than this (the page is unusable).
const GIVE_UP_MS: f64 = 10_000.0;

#[derive(Clone, Copy, PartialEq)]
enum Page {
    App,
    Plain,
}

impl Page {
    fn url(self, base: &str) -> String {
        match self {
            Page::App => format!("{base}index.html?data=data/bench.json#/indicators"),
            Page::Plain => format!("{base}reference/index.html?data=../data/bench.json"),
        }
    }
}

/// The page with the probe at the top of its <head>.
fn injected(html: &str) -> Vec<u8> {
    assert!(
        html.contains("<head>"),
        "a page without <head>: nowhere to put the probe"
    );
    html.replacen("<head>", &format!("<head>\n<script>{PROBE}</script>"), 1)
        .into_bytes()
}

/// Runs a script on the page (an error when the page no longer answers).
async fn js(app: &App, script: &str) -> Result<Value, String> {
    app.client
        .execute(script, vec![])
        .await
        .map_err(|e| format!("the page stopped answering (crashed?): {e}"))
}

/// Navigates to `page` and waits for the probe's "count painted" time.
async fn open(app: &App, page: Page) -> Result<f64, String> {
    app.client
        .goto(&page.url(&app.server.base()))
        .await
        .map_err(|e| format!("navigation failed: {e}"))?;
    let start = Instant::now();
    loop {
        let v = js(app, "return window.__bench ? window.__bench.painted : null").await?;
        if let Some(t) = v.as_f64().filter(|t| *t > 0.0) {
            return Ok(t);
        }
        if start.elapsed() > open_timeout() {
            let said = js(
                app,
                "return document.body ? document.body.innerText.slice(0, 300) : ''",
            )
            .await
            .map(|v| v.as_str().unwrap_or("").replace('\n', " "))
            .unwrap_or_default();
            return Err(format!(
                "no list painted within {} s; the page said: \"{said}\"",
                open_timeout().as_secs()
            ));
        }
        tokio::time::sleep(Duration::from_millis(40)).await;
    }
}

/// Runs one action through the probe: `(ms or None on a time-out, phases, what is shown)`.
async fn act(
    app: &App,
    kind: &str,
    arg: Value,
    expect_change: bool,
) -> Result<(Option<f64>, BTreeMap<String, f64>, String), String> {
    let script = "const done = arguments[arguments.length - 1];
        window.__bench.act(arguments[0], arguments[1], arguments[2], arguments[3], arguments[4])
            .then(done, (e) => done({ error: String(e) }));";
    let args = vec![
        json!(kind),
        arg,
        json!(expect_change),
        json!(CHANGE_TIMEOUT_MS),
        json!(SETTLE_MS),
    ];
    let v = app
        .client
        .execute_async(script, args)
        .await
        .map_err(|e| format!("the page stopped answering: {e}"))?;
    if let Some(e) = v.get("error") {
        return Err(format!("the action failed: {e}"));
    }
    let phases = v["phases"]
        .as_object()
        .map(|o| {
            o.iter()
                .filter_map(|(k, x)| Some((k.clone(), x.as_f64()?)))
                .collect()
        })
        .unwrap_or_default();
    let shown = v["shown"].as_str().unwrap_or("").to_string();
    Ok((v["ms"].as_f64(), phases, shown))
}

/// Runs a list of actions, recording each in its group; a time-out, an action slower than
/// [`GIVE_UP_MS`] or an error stops that group's remaining actions.
async fn time_actions(app: &App, run: &mut PageRun, actions: &[(Group, &str, Value, bool)]) {
    for (group, kind, arg, expect) in actions {
        if run.groups.get(group).is_some_and(|g| g.stopped.is_some()) {
            run.shown.push(NOT_RUN.to_string());
            continue;
        }
        let done = act(app, kind, arg.clone(), *expect).await;
        run.shown.push(match &done {
            Ok((_, _, shown)) => shown.clone(),
            Err(_) => NOT_RUN.to_string(),
        });
        let g = run.groups.entry(*group).or_default();
        match done {
            Ok((Some(t), phases, _)) => {
                g.ms.push(t);
                g.phases.push(phases);
                if t > GIVE_UP_MS {
                    g.stopped = Some(format!("stopped after an action took {}", ms(t)));
                }
            }
            Ok((None, _, _)) => {
                g.stopped = Some(format!(
                    "the list did not change within {} s",
                    CHANGE_TIMEOUT_MS / 1000
                ))
            }
            Err(e) => g.stopped = Some(e),
        }
    }
}

/// Filter changes, sorts and typing on the page open now (the same actions on both pages).
async fn interact(app: &App, run: &mut PageRun) {
    tokio::time::sleep(Duration::from_millis(500)).await;
    let first = js(
        app,
        "const c = document.querySelector('[data-testid^=filter-council-]');
             const s = document.querySelector('[data-testid=filter-service] option:not([value=\"\"])');
             return [c ? c.dataset.testid : null, s ? s.value : null];",
    )
    .await
    .unwrap_or_default();
    let council = first[0]
        .as_str()
        .unwrap_or("filter-council-none")
        .to_string();
    let service = first[1].as_str().unwrap_or("").to_string();
    let click = |g: Group, id: &str| (g, "click", json!(id), true);
    let mut filters = Vec::new();
    for _ in 0..3 {
        for id in ["filter-status-red", "filter-status-amber"] {
            filters.push(click(Group::Status, id));
            filters.push(click(Group::Status, id));
        }
        filters.push(click(Group::Council, &council));
        filters.push(click(Group::Council, &council));
        filters.push((
            Group::Service,
            "select",
            json!(["filter-service", service]),
            true,
        ));
        filters.push((
            Group::Service,
            "select",
            json!(["filter-service", ""]),
            true,
        ));
        filters.push(click(Group::KeyOnly, "filter-key"));
        filters.push(click(Group::KeyOnly, "filter-key"));
    }
    time_actions(app, run, &filters).await;

    let keys = [
        "name", "name", "actual", "status", "council", "trend", "service", "long", "target",
        "short",
    ];
    let sorts: Vec<_> = keys
        .iter()
        .chain(keys.iter())
        .map(|k| click(Group::Sort, &format!("sort-{k}")))
        .collect();
    time_actions(app, run, &sorts).await;

    let started = js(app, "return window.__bench.longTasksStart()").await;
    for word in ["invoice", "days", "staff"] {
        // Clearing the box is not timed (it may change nothing).
        if let Err(e) = act(app, "clear", Value::Null, false).await {
            run.groups.entry(Group::Keystroke).or_default().stopped = Some(e);
            break;
        }
        let typed: Vec<_> = word
            .chars()
            .map(|c| (Group::Keystroke, "key", json!(c.to_string()), false))
            .collect();
        time_actions(app, run, &typed).await;
    }
    let tasks = app
        .client
        .execute_async(
            "window.__bench.longTasksStop().then(arguments[arguments.length - 1])",
            vec![],
        )
        .await;
    if started == Ok(Value::Bool(true)) {
        if let Ok(t) = tasks {
            run.longest = Some((
                t["longest"].as_f64().unwrap_or(0.0),
                t["count"].as_u64().unwrap_or(0),
            ));
        }
    }
}

/// The page's memory now (None when the page does not answer).
async fn memory(app: &App) -> Option<Memory> {
    let m = js(app, "return window.__bench.memory()").await.ok()?;
    Some(Memory {
        js: m["js"].as_f64(),
        wasm: m["wasm"].as_f64(),
    })
}

/// Opens the app and the plain page `opens` times each, in turn, then times the actions on
/// each after its last open.
async fn measure_size(app: &App, opens: usize) -> (PageRun, PageRun) {
    let (mut on_app, mut on_plain) = (PageRun::default(), PageRun::default());
    for k in 0..opens {
        for page in [Page::App, Page::Plain] {
            let run = if page == Page::App {
                &mut on_app
            } else {
                &mut on_plain
            };
            if run.open_failure.is_some() {
                continue;
            }
            match open(app, page).await {
                Ok(t) => run.opens.push(t),
                Err(e) => {
                    run.open_failure = Some(e);
                    // A crashed tab: go on in a fresh one.
                    if app.client.goto("about:blank").await.is_err() {
                        if let Ok(w) = app.client.new_window(true).await {
                            let _ = app.client.switch_to_window(w.handle).await;
                        }
                    }
                    continue;
                }
            }
            let info = js(app, "return [window.__bench.phases(), document.querySelector('[data-testid=result-count]').textContent]")
                .await
                .unwrap_or_default();
            if let Some(o) = info[0].as_object() {
                run.load_phases = o
                    .iter()
                    .filter_map(|(k, v)| Some((k.clone(), v.as_f64()?)))
                    .collect();
            }
            run.total = info[1]
                .as_str()
                .and_then(|t| t.split(" of ").nth(1))
                .and_then(|t| t.split_whitespace().next())
                .and_then(|t| t.parse().ok());
            if k + 1 == opens {
                run.memory_open = memory(app).await;
                interact(app, run).await;
                run.memory_end = memory(app).await;
            }
        }
    }
    (on_app, on_plain)
}

#[tokio::main]
async fn main() {
    let files: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    assert!(!files.is_empty(), "usage: bench-ui DATA.json...");
    // Exact figures from `performance.memory` (else Chromium rounds them and updates them rarely).
    let mut chromium_args = std::env::var("GT_E2E_CHROMIUM_ARGS").unwrap_or_default();
    chromium_args.push_str(" --enable-precise-memory-info");
    std::env::set_var("GT_E2E_CHROMIUM_ARGS", chromium_args.trim());
    let dist = gt_e2e::dist();
    let index = std::fs::read_to_string(dist.join("index.html"))
        .expect("dist/index.html: build the app first");
    let options = Options {
        overrides: vec![
            ("index.html".into(), Some(injected(&index))),
            (
                "reference/index.html".into(),
                Some(injected(REFERENCE_HTML)),
            ),
            (
                "reference/reference.js".into(),
                Some(REFERENCE_JS.as_bytes().to_vec()),
            ),
            ("sw.js".into(), None),
        ],
        ..Options::default()
    };
    let load = || std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "**Indicator list: the app against a plain JavaScript page doing the same visible work**\n"
    );
    println!(
        "Headless Chromium, one session, release build; load average at the start: {}",
        load().trim()
    );
    run("bench-ui", options, move |app| async move {
        let timeouts = TimeoutConfiguration::new(
            Some(Duration::from_secs(600)),
            Some(Duration::from_secs(300)),
            None,
        );
        app.client
            .update_timeouts(timeouts)
            .await
            .expect("set time-outs");
        let mut runs = Vec::new();
        for file in files {
            let bytes =
                std::fs::read(&file).unwrap_or_else(|e| panic!("read {}: {e}", file.display()));
            let mb = bytes.len() as f64 / 1e6;
            // Fewer opens of the largest files: each takes seconds.
            let opens = if mb > 30.0 { 2 } else { 3 };
            app.server.set_file("data/bench.json", Some(bytes));
            if runs.is_empty() {
                // A fresh browser is slower the first time: open each page once, untimed.
                for page in [Page::App, Page::Plain] {
                    let _ = open(&app, page).await;
                }
            }
            let (on_app, on_plain) = measure_size(&app, opens).await;
            app.server.set_file("data/bench.json", None);
            let s = SizeRun {
                mb,
                app: on_app,
                plain: on_plain,
            };
            print_size(&s);
            runs.push(s);
        }
        if runs.len() > 1 {
            print_scale(&runs);
        }
    })
    .await;
    print_download(&dist);
    println!("\nLoad average at the end: {}", load().trim());
}
