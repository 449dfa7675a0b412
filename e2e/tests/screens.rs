//! Finished on every screen (issue 14): on a phone every table is a list of labelled cards; no
//! page scrolls sideways on a tablet or a phone; and axe-core finds nothing on any page, at
//! desktop and phone widths, reading or editing, with a form open and with an import error.

use gt_e2e::{builtin_data, latest_period, root, run, App, Options};
use serde_json::Value;
use std::sync::Arc;

/// A quarterly indicator with figures, commentary and exceptions.
const IND: &str = "EX-01-LBH";

/// Every page of the app, as links reach them.
fn routes() -> Vec<String> {
    let d = builtin_data();
    let priority = d["priorities"][0]["id"].as_str().unwrap().to_string();
    let area = d["themes"][0]["areas"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    vec![
        "#/".into(),
        "#/indicators".into(),
        format!("#/indicators/{IND}"),
        "#/compare".into(),
        "#/priorities".into(),
        format!("#/priorities/{priority}"),
        "#/improvement".into(),
        format!("#/improvement/{area}"),
        "#/report".into(),
        "#/data".into(),
        "#/changes".into(),
        "#/accessibility".into(),
        "#/statuses".into(),
        "#/no/such/page".into(),
    ]
}

/// Saves one figure, so the Changes page has a table and every page a draft.
async fn make_a_change(app: &Arc<App>) {
    let p = latest_period(IND);
    app.open(&format!("#/indicators/{IND}")).await;
    app.start_editing().await;
    app.click(&format!("[data-testid=edit-row-{p}]")).await;
    app.type_into("[data-testid=edit-commentary]", "Checked on a phone")
        .await;
    app.click("[data-testid=edit-save]").await;
    app.wait_until("the change is recorded", |c| async move {
        c.execute("return !!document.querySelector('[data-testid=changes-link]') && document.querySelector('[data-testid=changes-link]').textContent.includes('(1)')", vec![])
            .await
            .map(|v| v == true)
            .unwrap_or(false)
    })
    .await;
}

/// How far the page scrolls sideways, and what sticks out.
async fn sideways(app: &Arc<App>) -> (i64, String) {
    let v = app
        .js("const w = document.documentElement.clientWidth; \
             const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > w + 1)).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)); \
             return [document.documentElement.scrollWidth - w, wide.join('; ')]")
        .await;
    (v[0].as_i64().unwrap(), v[1].as_str().unwrap().to_string())
}

/// What is wrong with the tables on the page at a phone's width: each must be a list (not
/// laid out as a table), every value cell labelled with its column's heading (shown), and
/// nothing off the screen.
async fn table_problems(app: &Arc<App>) -> Vec<String> {
    let v = app
        .js(r#"const out = [];
            const W = document.documentElement.clientWidth;
            const norm = s => s.replace(/\s+/g, ' ').trim();
            for (const t of document.querySelectorAll('main table')) {
              const name = t.dataset.testid || t.className;
              if (getComputedStyle(t).display === 'table') { out.push(name + ': still laid out as a table'); continue; }
              const heads = [...t.querySelectorAll(':scope > thead > tr > th')].map(h => norm(h.textContent));
              for (const tr of t.querySelectorAll(':scope > tbody > tr')) {
                for (const c of tr.children) {
                  const r = c.getBoundingClientRect();
                  if (r.width > 0 && (r.left < -0.5 || r.right > W + 0.5)) out.push(name + ': off the screen: ' + norm(c.textContent).slice(0, 40) + ' (' + Math.round(r.left) + '..' + Math.round(r.right) + ')');
                  if (c.tagName !== 'TD' || c.colSpan > 1 || c.classList.contains('gt-table__action')) continue;
                  const want = heads[c.cellIndex] || '';
                  const label = c.getAttribute('data-label');
                  if (!label || !want.includes(label)) { out.push(name + ': column ' + c.cellIndex + ' (' + want + ') labelled ' + JSON.stringify(label)); continue; }
                  // The first column (the row's name) may head its card instead.
                  if (c.cellIndex > 0 && getComputedStyle(c).display !== 'none' && !getComputedStyle(c, '::before').content.includes(label)) out.push(name + ': the label ' + label + ' is not shown');
                }
              }
            }
            return [...new Set(out)].slice(0, 20);"#)
        .await;
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn every_table_is_a_list_of_labelled_cards_on_a_phone() {
    run("screens_tables_375", Options { width: 375, height: 800, ..Options::default() }, |app| async move {
        make_a_change(&app).await;
        // With the figures form open too: it sits in its own card under its row.
        let p = latest_period(IND);
        app.click(&format!("[data-testid=edit-row-{p}]")).await;
        app.find("[data-testid=edit-form]").await;
        let problems = table_problems(&app).await;
        app.js("document.querySelector('[data-testid=edit-form]').closest('tr').previousElementSibling.scrollIntoView()").await;
        app.screenshot("figures-form").await;
        assert!(problems.is_empty(), "the figures table with the form open:\n{}", problems.join("\n"));
        app.click("[data-testid=edit-cancel]").await;
        let mut tables = 0;
        for hash in routes() {
            app.open(&hash).await;
            tables += app.find_all("main table").await.len();
            let problems = table_problems(&app).await;
            // What a reader sees of the first table, for looking at.
            let shown = app.js("const t = document.querySelector('main table'); if (t) { t.scrollIntoView(); } return !!t").await;
            if shown == true {
                let name: String = hash.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
                app.screenshot(&format!("table{name}")).await;
            }
            assert!(problems.is_empty(), "{hash} at 375 px:\n{}", problems.join("\n"));
        }
        assert!(tables >= 10, "tables were checked ({tables})");
        // The figures table's last columns are on screen, each with its heading.
        app.open(&format!("#/indicators/{IND}")).await;
        let seen = app
            .js("const row = document.querySelector('[data-testid=figure-row]'); \
                 return [...row.querySelectorAll('td')].filter(c => { const r = c.getBoundingClientRect(); return r.width > 0 && r.right <= innerWidth; }).map(c => c.dataset.label)")
            .await;
        for want in ["Difference from target", "Status", "Commentary"] {
            assert!(seen.as_array().unwrap().iter().any(|x| x == want), "{want} is on screen: {seen}");
        }
    })
    .await;
}

#[tokio::test]
async fn tables_stay_tables_on_a_desktop() {
    run("screens_tables_1280", Options::default(), |app| async move {
        for hash in [format!("#/indicators/{IND}"), "#/improvement".into(), "#/report".into()] {
            app.open(&hash).await;
            let not_tables = app
                .js("return [...document.querySelectorAll('main table')].filter(t => getComputedStyle(t).display !== 'table').map(t => t.className)")
                .await;
            assert_eq!(not_tables, Value::Array(vec![]), "{hash}");
        }
    })
    .await;
}

#[tokio::test]
async fn no_page_scrolls_sideways_on_a_tablet_or_a_phone() {
    for width in [768u32, 375] {
        run(
            &format!("screens_overflow_{width}"),
            Options {
                width,
                height: 900,
                ..Options::default()
            },
            |app| async move {
                let mut failures = Vec::new();
                for editing in [false, true] {
                    if editing {
                        make_a_change(&app).await;
                    }
                    for hash in routes() {
                        app.open(&hash).await;
                        let (over, what) = sideways(&app).await;
                        if over > 0 {
                            failures.push(format!(
                                "{hash}{}: scrolls {over} px sideways; too wide: {what}",
                                if editing { " (editing)" } else { "" }
                            ));
                        }
                    }
                }
                assert!(
                    failures.is_empty(),
                    "at {width} px:\n{}",
                    failures.join("\n")
                );
            },
        )
        .await;
    }
}

/// Every page, reading then editing, then a form open on an indicator and on an action, then
/// an import error: axe-core must find nothing.
async fn axe_walk(app: Arc<App>, width: u32) {
    let mut failures = Vec::new();
    let mut check = |what: String, v: Vec<String>| {
        if !v.is_empty() {
            failures.push(format!("{what} at {width} px:\n  {}", v.join("\n  ")));
        }
    };
    for hash in routes() {
        app.open(&hash).await;
        check(hash.clone(), app.axe_all_violations().await);
    }
    make_a_change(&app).await;
    for hash in routes() {
        app.open(&hash).await;
        check(
            format!("{hash} in edit mode"),
            app.axe_all_violations().await,
        );
    }
    // The figures form open.
    let p = latest_period(IND);
    app.open(&format!("#/indicators/{IND}")).await;
    app.click(&format!("[data-testid=edit-row-{p}]")).await;
    app.find("[data-testid=edit-form]").await;
    check("the figures form".into(), app.axe_all_violations().await);
    // An action's progress form open.
    let d = builtin_data();
    let area = &d["themes"][0]["areas"][0];
    let action = area["actions"][0]["id"].as_str().unwrap().to_string();
    app.open(&format!("#/improvement/{}", area["id"].as_str().unwrap()))
        .await;
    app.click(&format!("[data-testid=update-{action}]")).await;
    app.find("[data-testid=update-form]").await;
    check(
        "an action's progress form".into(),
        app.axe_all_violations().await,
    );
    // An import that fails: the error summary.
    let bad = root().join("core/tests/fixtures/returns-90-rows-4-unreadable.csv");
    app.open("#/data").await;
    app.upload("[data-testid=import-file]", &bad).await;
    app.find("[data-testid=import-errors]").await;
    check("an import error".into(), app.axe_all_violations().await);
    assert!(
        failures.is_empty(),
        "axe-core violations:\n{}",
        failures.join("\n")
    );
}

#[tokio::test]
async fn axe_finds_nothing_on_any_page_at_1280() {
    run("screens_axe_1280", Options::default(), |app| {
        axe_walk(app, 1280)
    })
    .await;
}

#[tokio::test]
async fn axe_finds_nothing_on_any_page_at_375() {
    run(
        "screens_axe_375",
        Options {
            width: 375,
            height: 800,
            ..Options::default()
        },
        |app| axe_walk(app, 375),
    )
    .await;
}

#[tokio::test]
async fn axe_finds_nothing_when_the_data_cannot_be_read() {
    for width in [1280u32, 375] {
        let options = Options {
            width,
            height: 800,
            overrides: vec![(
                "data/onesource.json".into(),
                Some(b"{ \"format\": 1, \"councils\": [".to_vec()),
            )],
        };
        run(
            &format!("screens_axe_load_error_{width}"),
            options,
            |app| async move {
                app.open("#/").await;
                app.find("main h1").await;
                let v = app.axe_all_violations().await;
                assert!(
                    v.is_empty(),
                    "the load error at {width} px:\n{}",
                    v.join("\n")
                );
                let (over, what) = sideways(&app).await;
                assert!(
                    over <= 0,
                    "the load error scrolls sideways at {width} px: {what}"
                );
            },
        )
        .await;
    }
}
