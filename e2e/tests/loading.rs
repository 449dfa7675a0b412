//! Opening a large data file: the page frame and the page's heading at once, a status line
//! saying how far the file has got while it downloads and is read, then the list; and a file
//! too large for the browser refused with a message naming it and its size.

use gt_e2e::{run, Options};
use std::fmt::Write;
use std::time::{Duration, Instant};

/// A valid file of `n` quarterly indicators with 12 values each (about 1.3 KB an indicator).
fn big_file(n: usize) -> Vec<u8> {
    let mut s = String::from(
        r#"{"format":"golden-thread/1","title":"Large","organisation":"Test",
"councils":[{"id":"ashford","name":"Ashford"},{"id":"brook","name":"Brook"}],
"services":[{"id":"ict","name":"ICT","councils":["ashford","brook"]}],"indicators":["#,
    );
    let quarters = ["Q1", "Q2", "Q3", "Q4"];
    for i in 0..n {
        if i > 0 {
            s.push(',');
        }
        write!(
            s,
            r#"{{"id":"I{i:06}","name":"Percentage of calls answered within a minute, number {i}","service":"ict","council":"{}","frequency":"quarterly","polarity":"higher","unit":"%","values":["#,
            if i % 2 == 0 { "ashford" } else { "brook" }
        )
        .unwrap();
        for j in 0..12 {
            if j > 0 {
                s.push(',');
            }
            write!(
                s,
                r#"{{"period":"{}-{:02}-{}","target":90,"actual":{}.5,"commentary":"Figures checked by the service lead for the quarter."}}"#,
                2017 + j / 4,
                (18 + j / 4) % 100,
                quarters[j % 4],
                80 + (i + j) % 20
            )
            .unwrap();
        }
        s.push_str("]}");
    }
    s.push_str("]}");
    s.into_bytes()
}

/// Opens the indicator list on the data file at `path` (served by the test's server).
async fn open_data(app: &gt_e2e::App, path: &str) {
    let url = format!("{}index.html?data={path}#/indicators", app.server.base());
    app.client.goto(&url).await.expect("goto");
}

#[tokio::test]
async fn a_large_file_shows_the_page_frame_and_how_far_it_has_got_then_the_list() {
    let file = big_file(30_000);
    let mb = format!("{:.1} MB", file.len() as f64 / 1e6);
    let options = Options {
        overrides: vec![("data/large.json".into(), Some(file))],
        ..Options::default()
    };
    run("large_file_progress", options, |app| async move {
        open_data(&app, "data/large.json").await;
        // Watch the page as a person would while it loads: what the status line says, and
        // whether the header and the page's heading are there meanwhile.
        let mut said: Vec<String> = Vec::new();
        let mut frame_while_loading = false;
        let start = Instant::now();
        loop {
            let seen = app
                .js("const s = document.querySelector('[data-testid=loading-status]');
                     const n = document.querySelector('[data-testid=result-count]');
                     return { status: s ? s.textContent : null, polite: s ? s.getAttribute('role') + '/' + s.getAttribute('aria-live') : null,
                              frame: !!document.querySelector('header') && !!document.querySelector('nav') && (document.querySelector('main h1') || {}).textContent === 'Indicators',
                              list: !!n && n.textContent.startsWith('Showing') }")
                .await;
            if let Some(status) = seen["status"].as_str() {
                assert_eq!(seen["polite"], "status/polite");
                frame_while_loading |= seen["frame"] == true;
                if said.last().map(String::as_str) != Some(status) {
                    said.push(status.to_string());
                }
            }
            if seen["list"] == true {
                break;
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "the list never showed; the status said {said:?}"
            );
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        assert!(
            frame_while_loading,
            "header, navigation and the heading show while loading"
        );
        let progress: Vec<&String> = said
            .iter()
            .filter(|s| s.starts_with("Reading the data file: ") || s.starts_with("Checking the data ("))
            .collect();
        assert!(
            !progress.is_empty(),
            "the status line said how far the file had got: {said:?}"
        );
        for s in &progress {
            assert!(s.contains(&mb), "{s} names the file's size {mb}");
        }
        let count = app.text("result-count").await;
        assert_eq!(count, "Showing 30000 of 30000 indicators");
        eprintln!("the status line said: {said:?}");
    })
    .await;
}

#[tokio::test]
async fn a_file_too_large_for_the_browser_is_refused_with_its_name_and_size() {
    // One byte over the limit: refused from its length, before it is read, so its content
    // does not matter.
    let limit = gt_core::read::size::MAX_FILE_BYTES as usize;
    let options = Options {
        overrides: vec![("data/huge.json".into(), Some(vec![b' '; limit + 1]))],
        ..Options::default()
    };
    run("file_too_large", options, |app| async move {
        open_data(&app, "data/huge.json").await;
        app.wait_ready().await;
        assert_eq!(app.heading().await, "The data could not be loaded");
        let problems = app.text("load-problems").await;
        let size = gt_core::read::size::megabytes(limit as u64 + 1);
        assert!(
            problems.contains(&format!(
                "the file data/huge.json is {size}, larger than this app can open"
            )),
            "{problems}"
        );
        assert!(
            problems.contains("Split it into smaller files"),
            "{problems}"
        );
    })
    .await;
}
