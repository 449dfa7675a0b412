//! Keeping data in the browser (IndexedDB) at any size: a 20 MB import and 1,000 edits are
//! still there after a reload; what an earlier version kept in local storage is moved over
//! with nothing lost; data that cannot be read is offered for download and can be deleted; and
//! two tabs follow each other, undo included.

use gt_e2e::{artifacts_dir, root, run, App, Options};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

const IND: &str = "EX-01-LBH";
/// The built-in data's key (`gt_core::edit::dataset_key`), under which its edits are kept.
const EDITS: &str = "golden-thread/edits/onesource-onesource-performance";

/// Polls a script until it returns true, for up to `secs` seconds (longer than the harness's
/// usual wait, for a 20 MB file).
async fn wait_js(app: &Arc<App>, what: &str, script: &str, secs: u64) {
    let start = Instant::now();
    loop {
        if app.client.execute(script, vec![]).await.ok() == Some(Value::Bool(true)) {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(secs),
            "timed out after {secs} s waiting until {what}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A generated dataset of 9,500 indicators × 12 quarters (`cargo xtask gen-data synthetic
/// 9500 12`), made once. The task runner built by `cargo xtask` is used when it is there; else
/// cargo builds it in a folder of its own (the tests' cargo holds the usual one).
fn big_file() -> PathBuf {
    let file = artifacts_dir("storage").join("big-9500.json");
    if file.exists() {
        return file;
    }
    let args = ["gen-data", "synthetic", "9500", "12", "-o"];
    let built = root().join("target/debug/xtask");
    let status = if built.exists() {
        std::process::Command::new(built)
            .current_dir(root())
            .args(args)
            .arg(&file)
            .status()
    } else {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        std::process::Command::new(cargo)
            .current_dir(root())
            .env("CARGO_TARGET_DIR", root().join("target/e2e-xtask"))
            .args(["run", "--quiet", "--package", "xtask", "--"])
            .args(args)
            .arg(&file)
            .status()
    };
    assert!(
        status.expect("run the task runner").success(),
        "gen-data failed"
    );
    file
}

/// Edits the actual of `period` on the indicator page open now, through the form.
async fn save_actual(app: &Arc<App>, period: &str, value: &str) {
    app.click(&format!("[data-testid=edit-row-{period}]")).await;
    app.type_into("[data-testid=edit-actual]", value).await;
    app.click("[data-testid=edit-save]").await;
    wait_js(
        app,
        "the form closes",
        "return !document.querySelector('[data-testid=edit-form]')",
        15,
    )
    .await;
}

/// The periods of the indicator page's figures table.
async fn periods(app: &Arc<App>) -> Vec<String> {
    app.find("[data-testid=figure-row]").await;
    let v = app
        .js("return Array.from(document.querySelectorAll('[data-testid=figure-row]')).map(r => r.dataset.period)")
        .await;
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect()
}

async fn changes_link(app: &Arc<App>) -> String {
    app.text("changes-link").await
}

/// The number of changes in the saved log.
async fn saved_changes(app: &Arc<App>) -> usize {
    let saved: Value =
        serde_json::from_str(&app.stored(EDITS).await.expect("a saved log")).unwrap();
    saved["changes"].as_array().map_or(0, Vec::len)
}

#[tokio::test]
async fn a_20_mb_import_is_still_there_after_a_reload() {
    let file = big_file();
    let size = std::fs::metadata(&file).unwrap().len();
    assert!(
        (18_000_000..28_000_000).contains(&size),
        "the generated file is {size} bytes"
    );
    run("storage_big_import", Options::default(), move |app| async move {
        app.open("#/data").await;
        app.upload("[data-testid=import-file]", &file).await;
        wait_js(&app, "the preview", "return !!document.querySelector('[data-testid=import-confirm]')", 90).await;
        app.click("[data-testid=import-confirm]").await;
        wait_js(&app, "the import is done", "return !!document.querySelector('[data-testid=import-done]')", 90).await;
        let done = app.text("import-done").await;
        assert!(done.contains("It is kept in this browser"), "{done}");
        wait_js(&app, "the Data page says it is kept", "const o = document.querySelector('[data-testid=origin]'); return !!o && o.textContent.includes(', kept in this browser')", 30).await;
        assert_eq!(app.text("indicator-count").await, "9500");
        let usage = app.text("storage-usage").await;
        assert!(usage.starts_with("Using ") && usage.contains(" MB of about "), "{usage}");
        assert!(usage.contains("available to Golden Thread in this browser."), "{usage}");
        app.screenshot("data-page-after-20-mb-import").await;
        // Reload: the file is still the data shown, and nothing says otherwise.
        app.client.refresh().await.unwrap();
        wait_js(&app, "the count after a reload", "const c = document.querySelector('[data-testid=indicator-count]'); return !!c && c.textContent === '9500'", 90).await;
        let origin = app.text("origin").await;
        assert!(
            origin.starts_with("You are looking at data imported from big-9500.json on ")
                && origin.contains(", kept in this browser"),
            "{origin}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_thousand_edits_are_all_there_after_a_reload() {
    run("storage_thousand_edits", Options::default(), |app| async move {
        app.open(&format!("#/indicators/{IND}")).await;
        app.start_editing().await;
        let periods: Vec<String> = periods(&app).await.into_iter().take(4).collect();
        assert_eq!(periods.len(), 4);
        // 1,000 saves of the figures form, as an officer would: open the row's form, type,
        // save. Save i sets period i mod 4 to 10 + (i mod 80), never the value it had (the
        // save before on that period, i - 4, set 4 less, or 76 more).
        let mut timeouts = app.client.get_timeouts().await.unwrap();
        timeouts.set_script(Some(Duration::from_secs(110)));
        app.client.update_timeouts(timeouts).await.unwrap();
        let result = app
            .client
            .execute_async(
                r#"const [periods, n, done] = arguments;
                const tick = () => new Promise(r => setTimeout(r, 0));
                const until = async (f) => { for (let t = 0; t < 5000; t++) { const v = f(); if (v) return v; await tick(); } throw new Error('timed out'); };
                (async () => {
                  for (let i = 0; i < n; i++) {
                    const p = periods[i % periods.length];
                    (await until(() => document.querySelector(`[data-testid="edit-row-${p}"]`))).click();
                    const input = await until(() => document.querySelector('[data-testid=edit-actual]'));
                    input.value = String(10 + (i % 80));
                    input.dispatchEvent(new Event('input', { bubbles: true }));
                    document.querySelector('[data-testid=edit-save]').click();
                    await until(() => !document.querySelector('[data-testid=edit-form]'));
                  }
                  return true;
                })().then(done, e => done(String(e)));"#,
                vec![json!(periods), json!(1000)],
            )
            .await
            .unwrap();
        assert_eq!(result, true, "{result}");
        wait_js(&app, "all are saved", "return document.querySelector('[data-testid=save-status]').textContent.startsWith('Saved in this browser')", 15).await;
        assert_eq!(saved_changes(&app).await, 1000);
        app.reload().await;
        assert_eq!(saved_changes(&app).await, 1000, "all 1,000 are kept");
        // The last value saved in each period is the one shown: period k's last save is
        // 996 + k, which set 10 + (996 + k) mod 80 = 10 + 36 + k = 46 + k.
        for (k, p) in periods.iter().enumerate() {
            let want = format!("{}", 46 + k);
            let shown = app
                .text_of(&format!("[data-testid=figure-row][data-period='{p}'] td"))
                .await;
            assert!(shown.starts_with(&want), "{p}: {shown}, expected {want}");
        }
        assert_eq!(changes_link(&app).await, "Your changes (4)");
        // Undo goes back one save at a time, after the reload too.
        app.click("[data-testid=undo]").await;
        let p = &periods[3];
        // Undoing save 999 (period 3) brings back save 995's value: 10 + 995 mod 80 = 45.
        let want = "45";
        wait_js(&app, "undone", &format!("return document.querySelector(\"[data-testid=figure-row][data-period='{p}'] td\").textContent.startsWith('{want}')"), 15).await;
    })
    .await;
}

#[tokio::test]
async fn a_profile_with_the_old_local_storage_keys_is_moved_with_nothing_lost() {
    run("storage_migration", Options::default(), |app| async move {
        // A change made the way the app saves it, to put back as an earlier version kept it.
        app.open(&format!("#/indicators/{IND}")).await;
        app.start_editing().await;
        let p = periods(&app).await[0].clone();
        save_actual(&app, &p, "12.5").await;
        let log = app.stored(EDITS).await.expect("the change is saved");
        // A blank page of the same site: no app, so nothing of its is open.
        app.client
            .goto(&format!("{}data/onesource.json", app.server.base()))
            .await
            .unwrap();
        let cleared = app
            .client
            .execute_async(
                "const done = arguments[0]; const r = indexedDB.deleteDatabase('golden-thread'); r.onsuccess = () => done(true); r.onerror = () => done(String(r.error));",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(cleared, true, "{cleared}");
        let data = std::fs::read_to_string(root().join("public/data/onesource.json")).unwrap();
        let meta = r#"{"name":"old-import.json","at":"2026-03-02T09:30:00.000Z"}"#;
        let corrupt_key = "golden-thread/corrupt/dataset/2026-03-01T08:00:00.000Z";
        let old = [
            (EDITS, log.as_str()),
            ("golden-thread/dataset", data.as_str()),
            ("golden-thread/dataset-meta", meta),
            (corrupt_key, "{ \"format\": \"golden-thread/1\", broken"),
        ];
        for (k, v) in &old {
            app.client
                .execute(
                    "localStorage.setItem(arguments[0], arguments[1]);",
                    vec![json!(k), json!(v)],
                )
                .await
                .unwrap();
        }
        // The app opens on it: everything is there, now in IndexedDB, and gone from local
        // storage.
        app.open("#/data").await;
        wait_js(&app, "the imported data is shown", "const o = document.querySelector('[data-testid=origin]'); return !!o && o.textContent.includes('old-import.json on 2026-03-02, kept in this browser')", 15).await;
        let mut stored = app.stored_all().await;
        stored.sort();
        let mut want: Vec<(String, String)> = old
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        want.sort();
        assert_eq!(stored, want, "every key moved, unchanged");
        let left = app
            .js("return Object.keys(localStorage).filter(k => k.startsWith('golden-thread/'))")
            .await;
        assert_eq!(left, json!([]));
        assert_eq!(app.text("data-changes").await, "1 change");
        app.find("[data-testid=corrupt-item]").await;
        app.open(&format!("#/indicators/{IND}")).await;
        let shown = app
            .text_of(&format!("[data-testid=figure-row][data-period='{p}'] td"))
            .await;
        assert_eq!(shown, "12.5%");
    })
    .await;
}

#[tokio::test]
async fn unreadable_data_is_offered_for_download_and_can_be_deleted() {
    run("storage_corrupt", Options::default(), |app| async move {
        app.open("#/").await;
        app.store(EDITS, "{ this is not json").await;
        app.reload().await;
        let notice = app.text("notices").await;
        assert!(notice.contains("could not be read"), "{notice}");
        assert!(
            notice.contains("download or delete it on the Data page"),
            "{notice}"
        );
        app.open("#/data").await;
        let item = app.text("corrupt-item").await;
        assert!(
            item.starts_with("Changes to the data \"onesource-onesource-performance\", set aside "),
            "{item}"
        );
        app.js("document.querySelector('[data-testid=corrupt-list]').scrollIntoView()")
            .await;
        app.screenshot("corrupt-list").await;
        app.assert_accessible("the Data page with unreadable data")
            .await;
        // Download: the very text that could not be read.
        app.click("[data-testid=corrupt-download]").await;
        let v = app.js("return window.gtLastDownload || null").await;
        assert!(
            v[0].as_str()
                .unwrap()
                .starts_with("golden-thread-unreadable-onesource-onesource-performance-"),
            "{v}"
        );
        assert_eq!(v[1], "{ this is not json");
        // Delete asks first; Cancel keeps it.
        app.click("[data-testid=corrupt-delete]").await;
        app.click("[data-testid=corrupt-delete-cancel]").await;
        assert_eq!(app.find_all("[data-testid=corrupt-item]").await.len(), 1);
        app.click("[data-testid=corrupt-delete]").await;
        app.click("[data-testid=corrupt-delete-confirm]").await;
        wait_js(
            &app,
            "it is gone",
            "return !document.querySelector('[data-testid=corrupt-item]')",
            15,
        )
        .await;
        let msg = app.text("corrupt-message").await;
        assert!(msg.contains("has been deleted"), "{msg}");
        let left: Vec<String> = app
            .stored_all()
            .await
            .into_iter()
            .map(|(k, _)| k)
            .filter(|k| k.starts_with("golden-thread/corrupt/"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    })
    .await;
}

#[tokio::test]
async fn two_tabs_follow_each_other_undo_included() {
    run("storage_two_tabs", Options::default(), |app| async move {
        app.open(&format!("#/indicators/{IND}")).await;
        let first = app.client.window().await.unwrap();
        let second = app.client.new_window(true).await.unwrap().handle;
        app.client.switch_to_window(second.clone()).await.unwrap();
        app.open(&format!("#/indicators/{IND}")).await;
        let p = periods(&app).await[0].clone();
        let before = app
            .text_of(&format!("[data-testid=figure-row][data-period='{p}'] td"))
            .await;
        // Tab 1 edits; tab 2 shows it.
        app.client.switch_to_window(first.clone()).await.unwrap();
        app.start_editing().await;
        save_actual(&app, &p, "44.4").await;
        app.client.switch_to_window(second.clone()).await.unwrap();
        let row = format!("document.querySelector(\"[data-testid=figure-row][data-period='{p}'] td\").textContent");
        wait_js(&app, "tab 2 has tab 1's edit", &format!("return {row} === '44.4%'"), 15).await;
        let notice = app.text("notices").await;
        assert!(notice.contains("1 change made in another tab has been added here"), "{notice}");
        // Tab 1 undoes it; tab 2 takes it back too.
        app.client.switch_to_window(first.clone()).await.unwrap();
        app.click("[data-testid=undo]").await;
        app.client.switch_to_window(second.clone()).await.unwrap();
        wait_js(&app, "tab 2 has the undo", &format!("return {row} === {}", json!(before)), 15).await;
        let notice = app.text("notices").await;
        assert!(notice.contains("1 change was taken back in another tab"), "{notice}");
        // Nothing is kept for it, and a reload of tab 2 shows the published figure.
        assert_eq!(app.stored(EDITS).await, None);
        app.reload().await;
        let shown = app
            .text_of(&format!("[data-testid=figure-row][data-period='{p}'] td"))
            .await;
        assert_eq!(shown, before);
    })
    .await;
}

#[tokio::test]
async fn a_file_that_cannot_be_kept_is_said_to_be_not_kept_everywhere() {
    run("storage_import_not_kept", Options::default(), |app| async move {
        app.open("#/data").await;
        // The browser's storage refuses every write, as when it is full.
        app.js("IDBObjectStore.prototype.put = function () { throw new DOMException('full', 'QuotaExceededError'); };").await;
        let file = root().join("core/tests/fixtures/returns-base.json");
        app.upload("[data-testid=import-file]", &file).await;
        app.click("[data-testid=import-confirm]").await;
        let done = app.text("import-done").await;
        assert!(
            done.contains("It could not be kept in this browser (this browser's storage for Golden Thread is full)"),
            "{done}"
        );
        let origin = app.text("origin").await;
        assert!(
            origin.contains("It is not kept in this browser (this browser's storage for Golden Thread is full)"),
            "{origin}"
        );
        assert!(!origin.contains(", kept in this browser"), "{origin}");
        // Nothing half-kept: after a reload the built-in data is back, as the page said.
        app.reload().await;
        app.open("#/data").await;
        assert_eq!(app.text("origin").await, "You are looking at the built-in data.");
    })
    .await;
}
