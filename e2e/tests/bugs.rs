//! The seven bugs of issue 14, each as a person meets it in a browser: a filter keeps the
//! data file the link named, another tab's undo stays undone, the Period and Trend columns
//! sort, and editing mode survives a reload.

use gt_core::Period;
use gt_e2e::{builtin_data, latest_period, run, App, Options};
use serde_json::Value;
use std::sync::Arc;

fn storage_key() -> String {
    "golden-thread/edits/onesource-onesource-performance".into()
}

async fn wait_form_closed(app: &Arc<App>) {
    app.wait_until("the form closes", |c| async move {
        c.execute(
            "return !document.querySelector('[data-testid=edit-form]')",
            vec![],
        )
        .await
        .map(|v| v == true)
        .unwrap_or(false)
    })
    .await;
}

/// Edits the latest actual of an indicator on its page (already open) and saves.
async fn edit_actual(app: &Arc<App>, id: &str, value: &str) {
    app.start_editing().await;
    let p = latest_period(id);
    app.click(&format!("[data-testid=edit-row-{p}]")).await;
    app.type_into("[data-testid=edit-actual]", value).await;
    app.click("[data-testid=edit-save]").await;
    wait_form_closed(app).await;
}

async fn changes_link(app: &Arc<App>) -> String {
    app.js("const l = document.querySelector('[data-testid=changes-link]'); return l ? l.textContent : ''")
        .await
        .as_str()
        .unwrap_or("")
        .to_string()
}

// Bug 2 -------------------------------------------------------------------------------------

/// The data file a fragment names.
fn data_in(hash: &str) -> Option<String> {
    gt_core::route::Location::parse(hash)
        .get("data")
        .map(str::to_string)
}

#[tokio::test]
async fn a_filter_keeps_the_data_file_the_link_named() {
    let mut other = builtin_data();
    other["title"] = Value::String("Another Performance Report".into());
    let options = Options {
        overrides: vec![(
            "data/other.json".into(),
            Some(serde_json::to_vec(&other).unwrap()),
        )],
        ..Options::default()
    };
    run("bug2_filter_keeps_data", options, |app| async move {
        app.open("#/indicators?data=data/other.json").await;
        app.wait_text("dataset-title", "Another Performance Report")
            .await;
        // A council box, then the status and search filters, then sorting.
        app.click("[data-testid=filter-council-havering]").await;
        app.wait_until("the filter is in the link", |c| async move {
            c.execute("return location.hash", vec![])
                .await
                .ok()
                .and_then(|v| v.as_str().map(|h| h.contains("council=havering")))
                .unwrap_or(false)
        })
        .await;
        let hash = app.hash().await;
        assert_eq!(data_in(&hash), Some("data/other.json".into()), "{hash}");
        app.click("[data-testid=filter-status-red]").await;
        app.click("[data-testid=sort-name]").await;
        let hash = app.hash().await;
        assert_eq!(data_in(&hash), Some("data/other.json".into()), "{hash}");
        assert!(
            hash.contains("status=red") && hash.contains("sort=name"),
            "{hash}"
        );
        // A reload shows the file the link named, with the view.
        app.reload().await;
        app.wait_text("dataset-title", "Another Performance Report")
            .await;
        let rows = app
            .find_all("[data-testid=indicator-row][data-status=red]")
            .await
            .len();
        let all = app.find_all("[data-testid=indicator-row]").await.len();
        assert!(rows > 0 && rows == all, "only Red rows: {rows} of {all}");
        // Clearing every filter keeps it too.
        app.click("[data-testid=clear-filters]").await;
        let hash = app.hash().await;
        assert_eq!(data_in(&hash), Some("data/other.json".into()), "{hash}");
    })
    .await;
}

// Bug 4 -------------------------------------------------------------------------------------

#[tokio::test]
async fn an_undo_in_one_tab_is_not_brought_back_by_the_other() {
    run("bug4_two_tabs_undo", Options::default(), |app| async move {
        app.open("#/indicators/EX-01-LBH").await;
        let first = app.client.window().await.unwrap();
        let second = app.client.new_window(true).await.unwrap();
        app.client
            .switch_to_window(second.handle.clone())
            .await
            .unwrap();
        app.open("#/indicators/EX-02-LBH").await;
        app.start_editing().await;
        // Tab 1 makes two edits (two indicators).
        app.client.switch_to_window(first.clone()).await.unwrap();
        edit_actual(&app, "EX-01-LBH", "44.4").await;
        app.open("#/indicators/EX-03-LBH").await;
        edit_actual(&app, "EX-03-LBH", "55.5").await;
        // Tab 2 follows both.
        app.client
            .switch_to_window(second.handle.clone())
            .await
            .unwrap();
        app.wait_until("tab 2 has both", |c| async move {
            c.execute("const l = document.querySelector('[data-testid=changes-link]'); return l && l.textContent", vec![])
                .await
                .map(|v| v == "Your changes (2)")
                .unwrap_or(false)
        })
        .await;
        // Tab 1 undoes the second edit.
        app.client.switch_to_window(first.clone()).await.unwrap();
        app.click("[data-testid=undo]").await;
        app.wait_until("tab 1 has one", |c| async move {
            c.execute("const l = document.querySelector('[data-testid=changes-link]'); return l && l.textContent", vec![])
                .await
                .map(|v| v == "Your changes (1)")
                .unwrap_or(false)
        })
        .await;
        // Tab 2 follows the undo, and says so.
        app.client
            .switch_to_window(second.handle.clone())
            .await
            .unwrap();
        app.wait_until("tab 2 follows the undo", |c| async move {
            c.execute("const l = document.querySelector('[data-testid=changes-link]'); return l && l.textContent", vec![])
                .await
                .map(|v| v == "Your changes (1)")
                .unwrap_or(false)
        })
        .await;
        let notice = app.text("notices").await;
        assert!(
            notice.contains("1 change was taken back in another tab"),
            "{notice}"
        );
        // Tab 2's next save does not bring it back.
        edit_actual(&app, "EX-02-LBH", "33.3").await;
        let stored = app.stored(&storage_key()).await.unwrap();
        assert!(
            stored.contains("44.4") && stored.contains("33.3") && !stored.contains("55.5"),
            "{stored}"
        );
        app.client.switch_to_window(first).await.unwrap();
        app.wait_until("tab 1 has its edit and tab 2's", |c| async move {
            c.execute("const l = document.querySelector('[data-testid=changes-link]'); return l && l.textContent", vec![])
                .await
                .map(|v| v == "Your changes (2)")
                .unwrap_or(false)
        })
        .await;
        let stored = app.stored(&storage_key()).await.unwrap();
        assert!(!stored.contains("55.5"), "{stored}");
        assert_eq!(changes_link(&app).await, "Your changes (2)");
    })
    .await;
}

// Bug 6 -------------------------------------------------------------------------------------

async fn column(app: &Arc<App>, attr: &str) -> Vec<String> {
    let v = app
        .js(&format!(
            "return [...document.querySelectorAll('[data-testid=indicator-row]')].map(r => r.getAttribute('{attr}') || '')"
        ))
        .await;
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_string())
        .collect()
}

/// Blanks (empty) after every value, and the values in order.
fn in_order<T: Ord + Clone>(cells: &[Option<T>], descending: bool) -> bool {
    let first_blank = cells
        .iter()
        .position(|c| c.is_none())
        .unwrap_or(cells.len());
    let values: Vec<T> = cells[..first_blank]
        .iter()
        .map(|c| c.clone().unwrap())
        .collect();
    let blanks_last = cells[first_blank..].iter().all(|c| c.is_none());
    let sorted = values.windows(2).all(|w| {
        if descending {
            w[0] >= w[1]
        } else {
            w[0] <= w[1]
        }
    });
    blanks_last && sorted
}

#[tokio::test]
async fn the_period_and_trend_columns_sort_both_ways() {
    run("bug6_period_trend_sort", Options::default(), |app| async move {
        // An earlier period, so the list mixes rows with and without a figure for it.
        app.open("#/indicators?period=2019-20-Q2").await;
        for (key, attr) in [("period", "data-period"), ("trend", "data-trend")] {
            app.click(&format!("[data-testid=sort-{key}]")).await;
            app.wait_until("sorted ascending", |c| async move {
                c.execute(&format!("return document.querySelector('[data-testid=sort-{key}]').closest('th').getAttribute('aria-sort')"), vec![])
                    .await
                    .map(|v| v == "ascending")
                    .unwrap_or(false)
            })
            .await;
            let hash = app.hash().await;
            assert!(hash.contains(&format!("sort={key}")), "{hash}");
            for descending in [false, true] {
                if descending {
                    app.click(&format!("[data-testid=sort-{key}]")).await;
                    app.wait_until("sorted descending", |c| async move {
                        c.execute(&format!("return document.querySelector('[data-testid=sort-{key}]').closest('th').getAttribute('aria-sort')"), vec![])
                            .await
                            .map(|v| v == "descending")
                            .unwrap_or(false)
                    })
                    .await;
                    assert!(app.hash().await.contains(&format!("sort=-{key}")));
                }
                let cells = column(&app, attr).await;
                assert!(cells.len() > 10, "{cells:?}");
                let ok = if key == "period" {
                    let ps: Vec<Option<Period>> = cells
                        .iter()
                        .map(|c| (!c.is_empty()).then(|| Period::parse(c).unwrap()))
                        .collect();
                    in_order(&ps, descending)
                } else {
                    // Worsened, No change, Improved; none last either way.
                    let rank: Vec<Option<u8>> = cells
                        .iter()
                        .map(|c| match c.as_str() {
                            "worsened" => Some(0),
                            "unchanged" => Some(1),
                            "improved" => Some(2),
                            _ => None,
                        })
                        .collect();
                    in_order(&rank, descending)
                };
                assert!(ok, "{key} descending={descending}: {cells:?}");
            }
        }
        // A shared link opens sorted.
        app.open("#/indicators?period=2019-20-Q2&sort=-trend").await;
        let aria = app
            .js("return document.querySelector('[data-testid=sort-trend]').closest('th').getAttribute('aria-sort')")
            .await;
        assert_eq!(aria, "descending");
    })
    .await;
}

// Bug 7 -------------------------------------------------------------------------------------

#[tokio::test]
async fn editing_mode_survives_a_reload() {
    run("bug7_editing_mode_reload", Options::default(), |app| async move {
        app.open("#/indicators/EX-01-LBH").await;
        edit_actual(&app, "EX-01-LBH", "12.5").await;
        app.reload().await;
        // Still editing: the switch is on, the edit bar and the row's Edit buttons are there.
        let pressed = app
            .js("return document.querySelector('[data-testid=edit-toggle]').getAttribute('aria-pressed')")
            .await;
        assert_eq!(pressed, "true");
        app.find("[data-testid=edit-bar]").await;
        app.find(&format!(
            "[data-testid=edit-row-{}]",
            latest_period("EX-01-LBH")
        ))
        .await;
        // Finished: a reload stays finished.
        app.click("[data-testid=finish-editing]").await;
        app.reload().await;
        let pressed = app
            .js("return document.querySelector('[data-testid=edit-toggle]').getAttribute('aria-pressed')")
            .await;
        assert_eq!(pressed, "false");
        assert!(app.find_all("[data-testid=edit-bar]").await.is_empty());
    })
    .await;
}
