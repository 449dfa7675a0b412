//! Benchmark (not a test): how fast the indicator list responds on a large dataset, measured
//! in headless Chromium on the release build. Run through `cargo xtask bench`, which builds the
//! app and generates the data; or by hand:
//!
//! `cargo run -p gt-e2e --release --bin bench-ui -- big.json`
//!
//! It reports the time to load and show the data, the time from a filter change to the next
//! painted frame (median and 95th percentile), the same for each keystroke typed in the search
//! box, and the longest main-thread task seen while typing.

use gt_e2e::{run, Options};
use serde_json::Value;

const ROUNDS: usize = 30;

fn stats(mut v: Vec<f64>) -> (f64, f64, f64) {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let med = v[v.len() / 2];
    let p95 = v[((v.len() as f64 * 0.95).ceil() as usize).min(v.len()) - 1];
    (med, p95, *v.last().unwrap())
}

fn nums(v: &Value) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .filter_map(|x| x.as_f64())
        .collect()
}

#[tokio::main]
async fn main() {
    let file = std::env::args().nth(1).expect("usage: bench-ui DATA.json");
    let bytes = std::fs::read(&file).expect("read the data file");
    let size_mb = bytes.len() as f64 / 1e6;
    let options = Options {
        overrides: vec![("data/bench.json".into(), Some(bytes))],
        ..Options::default()
    };
    run("bench-ui", options, move |app| async move {
        // Load: navigation start to the full list shown.
        app.client.goto(&format!("{}index.html?data=data/bench.json#/indicators", app.server.base())).await.unwrap();
        app.wait_until("the big dataset is shown", |c| async move {
            c.execute("const e = document.querySelector('[data-testid=result-count]'); return !!e && e.textContent.startsWith('Showing')", vec![])
                .await
                .map(|v| v == true)
                .unwrap_or(false)
        })
        .await;
        let load = app.js("return performance.now()").await.as_f64().unwrap();
        let count = app.text("result-count").await;

        // Filter changes: click a control, wait for the count to change and a frame to paint.
        let filters = app
            .client
            .execute_async(
                &format!(r#"const done = arguments[arguments.length - 1];
                const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
                const count = () => document.querySelector('[data-testid=result-count]').textContent;
                const ids = ['filter-status-red', 'filter-council-{c}', 'filter-status-amber', 'filter-key', 'filter-key', 'filter-status-amber', 'filter-council-{c}', 'filter-status-red'];
                (async () => {{
                  const times = [];
                  for (let i = 0; i < {ROUNDS}; i++) {{
                    const el = document.querySelector('[data-testid=' + ids[i % ids.length] + ']');
                    const before = count();
                    const t0 = performance.now();
                    el.click();
                    while (count() === before && performance.now() - t0 < 5000) {{ await new Promise(r => setTimeout(r, 0)); }}
                    await frame();
                    times.push(performance.now() - t0);
                  }}
                  done(times);
                }})();"#, c = "brookmere"),
                vec![],
            )
            .await
            .expect("filter timings");

        // Typing in the search box, one character at a time, with long tasks observed.
        let typing = app
            .client
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
                const longest = [0];
                const obs = new PerformanceObserver(list => { for (const e of list.getEntries()) longest[0] = Math.max(longest[0], e.duration); });
                try { obs.observe({ type: 'longtask', buffered: false }); } catch (e) {}
                (async () => {
                  const input = document.getElementById('filter-q');
                  input.focus();
                  const times = [];
                  for (const word of ['invoice', 'days', 'staff']) {
                    input.value = '';
                    input.dispatchEvent(new Event('input', { bubbles: true }));
                    await frame();
                    for (const ch of word) {
                      const t0 = performance.now();
                      input.value += ch;
                      input.dispatchEvent(new Event('input', { bubbles: true }));
                      await frame();
                      times.push(performance.now() - t0);
                    }
                  }
                  await frame();
                  obs.disconnect();
                  done({ times, longest: longest[0], focused: document.activeElement === input });
                })();"#,
                vec![],
            )
            .await
            .expect("typing timings");

        let (fm, fp, fx) = stats(nums(&filters));
        let (tm, tp, tx) = stats(nums(&typing["times"]));
        println!("Indicator list on {size_mb:.1} MB of data ({count}), headless Chromium, release build:");
        println!("| measure | median | 95th percentile | worst |");
        println!("|---|---|---|---|");
        println!("| load and show the list (navigation to first paint of the list) | {load:.0} ms | | |");
        println!("| filter change to next painted frame ({ROUNDS} changes) | {fm:.1} ms | {fp:.1} ms | {fx:.1} ms |");
        println!("| keystroke in search to next painted frame ({} keys) | {tm:.1} ms | {tp:.1} ms | {tx:.1} ms |", nums(&typing["times"]).len());
        let longest = typing["longest"].as_f64().unwrap_or(0.0);
        if longest > 0.0 {
            println!("| longest main-thread task while typing | {longest:.0} ms | | |");
        } else {
            println!("| longest main-thread task while typing | none over 50 ms (Long Tasks API) | | |");
        }
        println!("focus stayed in the search box: {}", typing["focused"]);
    })
    .await;
}
