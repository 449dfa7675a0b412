//! Offline use: the single-file bundle opened from disk with no network, and the service
//! worker serving the app when the server is gone.

use gt_e2e::{artifacts_dir, dist, root, run, Options};
use std::io::Write;

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

fn make_bundle(name: &str) -> std::path::PathBuf {
    let text = std::fs::read_to_string(root().join("public/data/onesource.json")).unwrap();
    let ds = gt_core::parse_dataset(&text).unwrap();
    let html = gt_core::bundle::from_dist(&dist(), &ds, gzip).unwrap();
    let path = artifacts_dir(name).join("golden-thread-offline.html");
    std::fs::write(&path, html).unwrap();
    path
}

#[tokio::test]
async fn the_single_file_bundle_works_from_disk_with_no_network() {
    let file = make_bundle("bundle_file");
    let size = std::fs::metadata(&file).unwrap().len();
    assert!(size < 2_000_000, "bundle is {size} bytes");
    run("bundle_file", Options::default(), move |app| async move {
        // No server at all: take ours off the network to be sure nothing is fetched.
        app.server.set_offline(true);
        let url = format!("file://{}", file.display());
        app.client.goto(&format!("{url}#/indicators?council=bexley")).await.unwrap();
        app.wait_ready().await;
        // Bexley's own 9 and the 3 shared-service indicators for every council.
        app.wait_text("result-count", "Showing 12 of 124 indicators").await;
        app.wait_text("result-split", "Of these, 9 are London Borough of Bexley's own indicators and 3 are shared-service indicators.").await;
        // Filters, Back/Forward and detail pages under file://.
        app.click("[data-testid=filter-status-red]").await;
        assert!(app.hash().await.contains("status=red"));
        let link = app.find("[data-testid=indicator-row] a").await;
        link.click().await.unwrap();
        app.find("[data-testid=trend-chart]").await;
        app.back().await;
        assert!(app.hash().await.starts_with("#/indicators?council=bexley&status=red"));
        let href = app.js("return location.href").await;
        assert!(href.as_str().unwrap().starts_with("file://"), "a view's link says which view it is: {href}");
        for (hash, heading) in [("#/priorities", "Strategic priorities"), ("#/improvement", "Improvement plan"), ("#/report", "Committee pack"), ("#/data", "Data")] {
            app.js(&format!("location.hash = '{hash}'")).await;
            app.wait_until(heading, |c| {
                let heading = heading.to_string();
                async move {
                    c.execute("const h = document.querySelector('main h1'); return h ? h.textContent : ''", vec![]).await.map(|v| v.as_str().map(|s| s.starts_with(&heading)).unwrap_or(false)).unwrap_or(false)
                }
            }).await;
        }
        let origin = app.text("origin").await;
        assert!(origin.starts_with("You are looking at an offline copy"), "{origin}");
        // Edits work and can be exported.
        app.js("location.hash = '#/indicators/EX-01-LBB'").await;
        app.find("[data-testid=figures-table]").await;
        app.click("[data-testid=edit-toggle]").await;
        app.click("[data-testid=add-next-period]").await;
        app.type_into("[data-testid=edit-actual]", "97.7").await;
        app.click("[data-testid=edit-save]").await;
        app.wait_until("the new figure shows", |c| async move {
            c.execute("return !!document.querySelector('[data-testid=figure-row][data-period=\"2019-20-Q4\"]')", vec![]).await.map(|v| v == true).unwrap_or(false)
        }).await;
        app.js("location.hash = '#/data'").await;
        app.click("[data-testid=export-json]").await;
        let dl = app.js("return window.gtLastDownload[1]").await;
        assert!(dl.as_str().unwrap().contains("97.7"));
        assert!(app.server.requests.lock().unwrap().is_empty(), "nothing was asked of the server");
        app.screenshot("bundle-data-page").await;
    })
    .await;
}

#[tokio::test]
async fn download_offline_copy_from_the_served_app_carries_the_edits() {
    run("offline_copy_button", Options::default(), |app| async move {
        app.open("#/indicators/EX-01-LBN").await;
        app.click("[data-testid=edit-toggle]").await;
        app.click("[data-testid=add-next-period]").await;
        app.type_into("[data-testid=edit-actual]", "95.5").await;
        app.type_into("[data-testid=edit-commentary]", "Entered before the offline copy").await;
        app.click("[data-testid=edit-save]").await;
        app.open("#/data").await;
        app.click("[data-testid=offline-copy]").await;
        app.wait_until("the copy is made", |c| async move {
            c.execute("const e = document.querySelector('[data-testid=offline-copy-status]'); return !!e && e.textContent.startsWith('Saved ')", vec![]).await.map(|v| v == true).unwrap_or(false)
        }).await;
        let dl = app.js("return window.gtLastDownload").await;
        let name = dl[0].as_str().unwrap().to_string();
        assert!(name.starts_with("onesource-offline-copy-") && name.ends_with(".html"), "{name}");
        let file = artifacts_dir("offline_copy_button").join(&name);
        std::fs::write(&file, dl[1].as_str().unwrap()).unwrap();
        app.server.set_offline(true);
        app.client.goto(&format!("file://{}#/indicators/EX-01-LBN", file.display())).await.unwrap();
        app.wait_ready().await;
        let table = app.text("figures-table").await;
        assert!(table.contains("Entered before the offline copy"), "{table}");
        // A copy made from the copy works too.
        app.js("location.hash = '#/data'").await;
        app.click("[data-testid=offline-copy]").await;
        app.wait_until("the second copy is made", |c| async move {
            c.execute("const e = document.querySelector('[data-testid=offline-copy-status]'); return !!e && e.textContent.startsWith('Saved ')", vec![]).await.map(|v| v == true).unwrap_or(false)
        }).await;
    })
    .await;
}

#[tokio::test]
async fn after_one_visit_the_app_works_with_the_server_gone() {
    run("service_worker", Options::default(), |app| async move {
        app.open("#/").await;
        // Wait until the service worker controls the page (a reload may be needed the first time).
        app.wait_until("the service worker is active", |c| async move {
            c.execute("return !!(navigator.serviceWorker && navigator.serviceWorker.controller) || (await navigator.serviceWorker.ready, false)", vec![]).await.map(|v| v == true).unwrap_or(false)
                || { let _ = c.execute("location.reload()", vec![]).await; false }
        }).await;
        app.wait_ready().await;
        app.server.set_offline(true);
        app.reload().await;
        assert_eq!(app.heading().await, "oneSource performance");
        app.js("location.hash = '#/indicators?council=newham'").await;
        app.wait_text("result-count", "Showing 54 of 124 indicators").await;
        app.wait_text("result-split", "Of these, 51 are London Borough of Newham's own indicators and 3 are shared-service indicators.").await;
        app.js("location.hash = '#/indicators/EX-01-LBN'").await;
        app.find("[data-testid=trend-chart]").await;
        // Back online with new data: the user is told a new version is available.
        let mut text = std::fs::read_to_string(root().join("public/data/onesource.json")).unwrap();
        text = text.replacen("\"as_of\": \"2019-12-31\"", "\"as_of\": \"2020-01-31\"", 1);
        app.server.set_file("data/onesource.json", Some(text.into_bytes()));
        app.server.set_offline(false);
        app.reload().await;
        let notice = app.text("notices").await;
        assert!(notice.contains("A new version of Golden Thread or its data is available"), "{notice}");
        app.click("[data-testid=reload-new-version]").await;
        app.wait_ready().await;
        app.wait_until("the new data shows", |c| async move {
            c.execute("return document.querySelector('[data-testid=as-of]').textContent", vec![]).await.map(|v| v.as_str().unwrap_or("").contains("31 January 2020")).unwrap_or(false)
        }).await;
    })
    .await;
}
