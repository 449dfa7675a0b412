//! Editing, storage (IndexedDB), import and export in a real browser: nothing the officer had is
//! ever lost.

use gt_e2e::{artifacts_dir, builtin_data, latest_period, root, run, App, Options};
use serde_json::Value;
use std::sync::Arc;

const IND: &str = "EX-01-LBH";

fn storage_key() -> String {
    "golden-thread/edits/onesource-onesource-performance".into()
}

/// Opens the indicator page, edits the latest period's actual, saves.
async fn edit_actual(app: &Arc<App>, value: &str) {
    let p = latest_period(IND);
    app.open(&format!("#/indicators/{IND}")).await;
    app.start_editing().await;
    app.click(&format!("[data-testid=edit-row-{p}]")).await;
    app.type_into("[data-testid=edit-actual]", value).await;
    app.click("[data-testid=edit-save]").await;
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

async fn row_actual(app: &Arc<App>, period: &str) -> String {
    app.text_of(&format!(
        "[data-testid=figure-row][data-period='{period}'] td"
    ))
    .await
}

async fn last_download(app: &Arc<App>) -> (String, String) {
    let v = app.js("return window.gtLastDownload || null").await;
    (
        v[0].as_str().unwrap_or_default().to_string(),
        v[1].as_str().unwrap_or_default().to_string(),
    )
}

/// What the app has kept aside as unreadable.
async fn corrupt(app: &Arc<App>) -> Vec<String> {
    app.stored_all()
        .await
        .into_iter()
        .filter(|(k, _)| k.starts_with("golden-thread/corrupt/"))
        .map(|(_, v)| v)
        .collect()
}

#[tokio::test]
async fn an_edit_survives_reload_and_can_be_undone() {
    run("edit_reload_undo", Options::default(), |app| async move {
        let p = latest_period(IND);
        app.open(&format!("#/indicators/{IND}")).await;
        let before = row_actual(&app, &p).await;
        edit_actual(&app, "12.5").await;
        assert_eq!(row_actual(&app, &p).await, "12.5%");
        let status = app.text_of(&format!("[data-testid=figure-row][data-period='{p}'] .gt-tag")).await;
        assert_eq!(status, "Off target", "ratings update at once");
        app.wait_until("saved", |c| async move {
            c.execute("return document.querySelector('[data-testid=save-status]').textContent", vec![])
                .await
                .map(|v| v.as_str().unwrap_or("").starts_with("Saved in this browser at "))
                .unwrap_or(false)
        })
        .await;
        let stored = app.stored(&storage_key()).await.expect("saved in the browser");
        assert!(stored.contains("12.5"), "{stored}");
        // The exception report on the overview now has it.
        app.open("#/").await;
        let ex = app.js(&format!("return !!document.querySelector('[data-testid=exception][data-id=\"{IND}\"][data-status=red]')")).await;
        assert_eq!(ex, true);
        // Reload: still there.
        app.open(&format!("#/indicators/{IND}")).await;
        app.reload().await;
        assert_eq!(row_actual(&app, &p).await, "12.5%");
        // Undo (button), then redo with the keyboard, then undo again.
        app.start_editing().await;
        app.click("[data-testid=undo]").await;
        app.wait_until("undone", |c| {
            let p = p.clone();
            let before = before.clone();
            async move {
                c.execute(&format!("return document.querySelector(\"[data-testid=figure-row][data-period='{p}'] td\").textContent"), vec![]).await.map(|v| v == before.as_str()).unwrap_or(false)
            }
        }).await;
        app.js("document.activeElement.blur(); document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'y', ctrlKey: true, bubbles: true }));").await;
        app.wait_until("redone", |c| {
            let p = p.clone();
            async move {
                c.execute(&format!("return document.querySelector(\"[data-testid=figure-row][data-period='{p}'] td\").textContent"), vec![]).await.map(|v| v == "12.5%").unwrap_or(false)
            }
        }).await;
        app.click("[data-testid=undo]").await;
        app.reload().await;
        assert_eq!(row_actual(&app, &p).await, before, "the undo was saved too");
        assert_eq!(app.stored(&storage_key()).await, None);
    })
    .await;
}

#[tokio::test]
async fn inputs_are_checked_as_you_type_and_new_periods_can_be_added() {
    run("edit_validation", Options::default(), |app| async move {
        let p = latest_period(IND);
        app.open(&format!("#/indicators/{IND}")).await;
        app.start_editing().await;
        app.click(&format!("[data-testid=edit-row-{p}]")).await;
        app.type_into("[data-testid=edit-actual]", "9O.5").await;
        let msg = app.text_of(".gt-field-error").await;
        assert_eq!(msg, "Actual must be a number, like 95.2 (you typed \"9O.5\")");
        app.js("document.querySelector('[data-testid=edit-form]').scrollIntoView()").await;
        app.screenshot("edit-form-error").await;
        // Saving with a problem saves nothing.
        app.click("[data-testid=edit-save]").await;
        assert!(app.find_all("[data-testid=edit-form]").await.len() == 1);
        assert_eq!(app.stored(&storage_key()).await, None);
        // A status set by hand needs a justification.
        app.type_into("[data-testid=edit-actual]", "95").await;
        app.js("const s = document.querySelector('[data-testid=edit-rag]'); s.value = 'red'; s.dispatchEvent(new Event('change'));").await;
        app.click("[data-testid=edit-save]").await;
        let msg = app.text_of(".gt-field-error").await;
        assert!(msg.starts_with("Say why the status is set by hand"), "{msg}");
        app.type_into("[data-testid=edit-justification]", "Agreed at committee: the figure excludes August's backlog").await;
        app.click("[data-testid=edit-save]").await;
        app.wait_until("saved", |c| async move {
            c.execute("return !document.querySelector('[data-testid=edit-form]')", vec![]).await.map(|v| v == true).unwrap_or(false)
        }).await;
        let tag = app.text_of(&format!("[data-testid=figure-row][data-period='{p}'] .gt-tag")).await;
        assert_eq!(tag.replace('\n', " "), "Off target (set by hand)");
        // The next period's figures.
        app.click("[data-testid=add-next-period]").await;
        app.type_into("[data-testid=edit-target]", "97").await;
        app.type_into("[data-testid=edit-actual]", "97.4").await;
        assert_eq!(app.text("edit-preview").await, "On target");
        app.click("[data-testid=edit-save]").await;
        let rows = app.find_all("[data-testid=figure-row]").await.len();
        let n = builtin_data()["indicators"].as_array().unwrap().iter().find(|i| i["id"] == IND).unwrap()["values"].as_array().unwrap().len();
        assert_eq!(rows, n + 1);
        // The changes page lists them, each revertable.
        app.open("#/changes").await;
        let count = app.find_all("[data-testid=change-row]").await.len();
        assert_eq!(count, 5, "actual, status, justification; next period's target and actual: {}", app.text("changes-table").await);
        app.click("[data-testid=revert]").await;
        app.wait_until("one reverted", |c| async move {
            c.execute("return document.querySelectorAll('[data-testid=change-row]').length", vec![]).await.map(|v| v == 4).unwrap_or(false)
        }).await;
        app.click("[data-testid=discard-all]").await;
        app.click("[data-testid=confirm-discard]").await;
        app.find("[data-testid=no-changes]").await;
        app.assert_accessible("the changes page").await;
    })
    .await;
}

#[tokio::test]
async fn exported_json_imports_again_with_nothing_changed() {
    run("export_import_json", Options::default(), |app| async move {
        edit_actual(&app, "88.8").await;
        app.open("#/data").await;
        app.click("[data-testid=export-json]").await;
        let (name, text) = last_download(&app).await;
        assert!(
            name.starts_with("onesource-data-") && name.ends_with(".json"),
            "{name}"
        );
        let file = artifacts_dir("export_import_json").join(&name);
        std::fs::write(&file, &text).unwrap();
        app.upload("[data-testid=import-file]", &file).await;
        app.find("[data-testid=import-preview]").await;
        app.click("[data-testid=import-confirm]").await;
        let done = app.text("import-done").await;
        assert!(done.contains("is now the data shown"), "{done}");
        // Same data: export again gives the same file, and the edit is in it.
        app.click("[data-testid=export-json]").await;
        let (_, again) = last_download(&app).await;
        assert_eq!(again, text);
        assert!(again.contains("88.8"));
        // The edits were already in the file, so none are pending; reload keeps the import.
        app.reload().await;
        let origin = app.text("origin").await;
        assert!(origin.contains(&name), "{origin}");
        app.open(&format!("#/indicators/{IND}")).await;
        assert_eq!(row_actual(&app, &latest_period(IND)).await, "88.8%");
        app.open("#/data").await;
        app.click("[data-testid=back-to-built-in]").await;
        app.wait_text("origin", "You are looking at the built-in data.")
            .await;
    })
    .await;
}

#[tokio::test]
async fn a_broken_import_changes_nothing_and_says_where() {
    run("broken_import", Options::default(), |app| async move {
        edit_actual(&app, "77.7").await;
        let dir = artifacts_dir("broken_import");
        let mut d = builtin_data();
        d["indicators"][4]["council"] = Value::String("hackney".into());
        d["indicators"][7]["values"][1]["period"] = Value::String("2019-20-Q5".into());
        let bad = dir.join("broken.json");
        std::fs::write(&bad, serde_json::to_string(&d).unwrap()).unwrap();
        app.open("#/data").await;
        app.upload("[data-testid=import-file]", &bad).await;
        let errors = app.text("import-errors").await;
        app.js("document.querySelector('[data-testid=import-errors]').scrollIntoView()")
            .await;
        app.screenshot("import-errors").await;
        assert!(errors.contains("Nothing has been changed"), "{errors}");
        assert!(
            errors.contains("indicators[7].values[1].period: \"2019-20-Q5\" is not a period"),
            "{errors}"
        );
        // A CSV with an error names the row and column.
        let csv = dir.join("return.csv");
        std::fs::write(
            &csv,
            format!("indicator_id,period,actual\n{IND},2019-20-Q3,95.1\n{IND},2019-20-Q2,9O.5\n"),
        )
        .unwrap();
        app.upload("[data-testid=import-file]", &csv).await;
        let errors = app.text("import-errors").await;
        assert!(
            errors.contains("Row 3, column \"actual\": \"9O.5\" is not a number"),
            "{errors}"
        );
        // Hostile and oversized files.
        let huge = dir.join("huge.json");
        std::fs::write(&huge, vec![b' '; 31 * 1024 * 1024]).unwrap();
        app.upload("[data-testid=import-file]", &huge).await;
        let errors = app.text("import-errors").await;
        assert!(
            errors.contains("31.0 MB") && errors.contains("up to 30 MB"),
            "{errors}"
        );
        // The data and the edit are as they were.
        app.open(&format!("#/indicators/{IND}")).await;
        assert_eq!(row_actual(&app, &latest_period(IND)).await, "77.7%");
        assert_eq!(app.text("dataset-title").await, "oneSource performance");
    })
    .await;
}

#[tokio::test]
async fn hart_csv_imports_as_a_new_dataset_and_names_are_text() {
    run("hart_csv", Options::default(), |app| async move {
        let hart = root().join("../shared/data/hart-kpis-2014-15.csv");
        app.open("#/data").await;
        app.upload("[data-testid=import-file]", &hart).await;
        app.click("[data-testid=import-new]").await;
        let done = app.text("import-done").await;
        assert!(done.contains("45 indicators"), "{done}");
        assert_eq!(app.text("indicator-count").await, "45");
        app.open("#/indicators").await;
        app.wait_text("result-count", "Showing 45 of 45 indicators").await;
        app.screenshot("hart-indicators").await;
        // Hostile names are shown as text.
        let dir = artifacts_dir("hart_csv");
        let evil = dir.join("evil.csv");
        std::fs::write(&evil, "indicator,council,service,period,target,actual\n\"<img src=x onerror=window.pwned=1><script>window.pwned=2</script>\",Evil Council,Evil Service,Q2 2019/20,1,2\n").unwrap();
        app.open("#/data").await;
        app.upload("[data-testid=import-file]", &evil).await;
        app.click("[data-testid=import-new]").await;
        app.find("[data-testid=import-done]").await;
        app.open("#/indicators").await;
        let text = app.text_of("[data-testid=indicator-row] a").await;
        assert!(text.starts_with("<img src=x"), "{text}");
        assert_eq!(app.js("return window.pwned === undefined").await, true);
    })
    .await;
}

#[tokio::test]
async fn storage_full_keeps_the_edit_and_says_so() {
    run("storage_full", Options::default(), |app| async move {
        app.open(&format!("#/indicators/{IND}")).await;
        app.js("window.__put = IDBObjectStore.prototype.put; IDBObjectStore.prototype.put = function () { throw new DOMException('full', 'QuotaExceededError'); };").await;
        edit_actual(&app, "66.6").await;
        app.wait_until("the failure is shown", |c| async move {
            c.execute("return document.querySelector('[data-testid=save-status]').textContent", vec![])
                .await
                .map(|v| v.as_str().unwrap_or("").starts_with("Not saved: this browser's storage for Golden Thread is full"))
                .unwrap_or(false)
        })
        .await;
        // The indicator page does not say the figures are saved in this browser.
        let note = app.text(&format!("saved-{}", latest_period(IND))).await;
        assert!(note.contains("in this page only (not kept in this browser)"), "{note}");
        assert_eq!(row_actual(&app, &latest_period(IND)).await, "66.6%", "the edit is kept in memory");
        // The changes can be exported at once.
        app.open("#/changes").await;
        app.click("[data-testid=export-changes]").await;
        let (name, text) = last_download(&app).await;
        assert!(name.contains("changes"), "{name}");
        assert!(text.contains("66.6"), "{text}");
        // When storage works again, the next save keeps everything.
        app.js("IDBObjectStore.prototype.put = window.__put;").await;
        edit_actual(&app, "66.7").await;
        let stored = app.stored(&storage_key()).await.unwrap();
        assert!(stored.contains("66.6") && stored.contains("66.7"), "{stored}");
    })
    .await;
}

#[tokio::test]
async fn corrupted_storage_is_kept_aside_not_overwritten() {
    run("corrupt_storage", Options::default(), |app| async move {
        app.open("#/").await;
        app.store(&storage_key(), "{ this is not json").await;
        app.reload().await;
        let notice = app.text("notices").await;
        assert!(notice.contains("could not be read"), "{notice}");
        assert!(notice.contains("kept aside"), "{notice}");
        let aside = corrupt(&app).await;
        assert_eq!(aside, vec!["{ this is not json".to_string()]);
        // Editing now does not touch the kept copy.
        edit_actual(&app, "55.5").await;
        assert_eq!(corrupt(&app).await.len(), 1);
    })
    .await;
}

#[tokio::test]
async fn a_second_tabs_edit_is_not_lost() {
    run("two_tabs", Options::default(), |app| async move {
        app.open(&format!("#/indicators/{IND}")).await;
        let first = app.client.window().await.unwrap();
        let second = app.client.new_window(true).await.unwrap();
        app.client
            .switch_to_window(second.handle.clone())
            .await
            .unwrap();
        app.open("#/indicators/EX-02-LBH").await;
        // Tab 1 edits.
        app.client.switch_to_window(first.clone()).await.unwrap();
        edit_actual(&app, "44.4").await;
        // Tab 2 follows it, then makes its own edit.
        app.client
            .switch_to_window(second.handle.clone())
            .await
            .unwrap();
        let notice = app.text("notices").await;
        assert!(
            notice.contains("1 change made in another tab has been added here"),
            "{notice}"
        );
        app.start_editing().await;
        let p = latest_period("EX-02-LBH");
        app.click(&format!("[data-testid=edit-row-{p}]")).await;
        app.type_into("[data-testid=edit-actual]", "33.3").await;
        app.click("[data-testid=edit-save]").await;
        app.wait_until("saved", |c| async move {
            c.execute(
                "return !document.querySelector('[data-testid=edit-form]')",
                vec![],
            )
            .await
            .map(|v| v == true)
            .unwrap_or(false)
        })
        .await;
        // Both edits are stored; tab 1 has both too.
        let stored = app.stored(&storage_key()).await.unwrap();
        assert!(
            stored.contains("44.4") && stored.contains("33.3"),
            "{stored}"
        );
        app.client.switch_to_window(first).await.unwrap();
        app.wait_until("tab 1 has both", |c| async move {
            c.execute(
                "return document.querySelector('[data-testid=changes-link]').textContent",
                vec![],
            )
            .await
            .map(|v| v == "Your changes (2)")
            .unwrap_or(false)
        })
        .await;
    })
    .await;
}

#[tokio::test]
async fn a_newer_source_under_saved_edits_is_pointed_out() {
    let mut v2 = builtin_data();
    for i in v2["indicators"].as_array_mut().unwrap() {
        if i["id"] == IND {
            let vals = i["values"].as_array_mut().unwrap();
            let last = vals
                .iter_mut()
                .filter(|v| v["actual"].is_number())
                .last()
                .unwrap();
            last["actual"] = serde_json::json!(91.9);
        }
    }
    let options = Options {
        overrides: vec![(
            "data/v2.json".into(),
            Some(serde_json::to_vec(&v2).unwrap()),
        )],
        ..Options::default()
    };
    run("source_changed", options, |app| async move {
        edit_actual(&app, "22.2").await;
        // The same data, published again with the edited figure changed.
        app.client
            .goto(&format!(
                "{}index.html?data=data/v2.json#/",
                app.server.base()
            ))
            .await
            .unwrap();
        app.wait_ready().await;
        let notice = app.text("notices").await;
        assert!(
            notice.contains("The data has been updated since you made your 1 change"),
            "{notice}"
        );
        app.click("[data-testid=review-conflicts]").await;
        let conflict = app.text("conflict").await;
        assert!(conflict.contains("the data now says 91.9"), "{conflict}");
        // Keep mine on top: the page shows the edit.
        app.click("[data-testid=keep-edits]").await;
        app.js(&format!("location.hash = '#/indicators/{IND}'"))
            .await;
        app.find("[data-testid=figures-table]").await;
        assert_eq!(row_actual(&app, &latest_period(IND)).await, "22.2%");
        assert!(app
            .js("return location.search")
            .await
            .as_str()
            .unwrap()
            .contains("data=data/v2.json"));
    })
    .await;
}

#[tokio::test]
async fn a_file_dropped_anywhere_on_the_page_is_imported() {
    run("drop_import", Options::default(), |app| async move {
        app.open("#/indicators").await;
        let csv = format!("indicator_id,period,actual,commentary\n{IND},2019-20-Q4,93.1,Dropped in\n");
        app.client
            .execute(
                "const dt = new DataTransfer(); dt.items.add(new File([arguments[0]], 'q4-return.csv', { type: 'text/csv' }));\
                 document.querySelector('main').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));",
                vec![Value::String(csv)],
            )
            .await
            .unwrap();
        // The Data page opens with the file checked and waiting for a decision.
        app.find("[data-testid=import-preview]").await;
        assert_eq!(app.hash().await, "#/data");
        let preview = app.text("import-preview").await;
        assert!(preview.contains("1 indicator updated, 1 value added"), "{preview}");
        app.click("[data-testid=import-merge]").await;
        app.find("[data-testid=import-done]").await;
        app.open(&format!("#/indicators/{IND}")).await;
        assert_eq!(row_actual(&app, "2019-20-Q4").await, "93.1%");
    })
    .await;
}

#[tokio::test]
async fn action_and_project_progress_and_a_new_action() {
    run("plan_editing", Options::default(), |app| async move {
        let d = builtin_data();
        let area = &d["themes"][0]["areas"][0];
        let area_id = area["id"].as_str().unwrap().to_string();
        let action = area["actions"][0]["id"].as_str().unwrap().to_string();
        let n_actions = area["actions"].as_array().unwrap().len();
        app.open(&format!("#/improvement/{area_id}")).await;
        app.start_editing().await;
        // Progress for the next quarter.
        app.js("const s = document.querySelector('[data-testid=plan-edit-period]'); s.value = 'next'; s.dispatchEvent(new Event('change'));").await;
        app.click(&format!("[data-testid=update-{action}]")).await;
        let heading = app.text_of("[data-testid=update-form] h3").await;
        assert!(heading.contains("Q4 2019/20"), "{heading}");
        app.type_into("[data-testid=update-percent]", "140").await;
        let err = app.text_of("[data-testid=update-form] .gt-field-error").await;
        assert!(err.contains("from 0 to 100"), "{err}");
        app.type_into("[data-testid=update-percent]", "90").await;
        app.js("const s = document.querySelector('[data-testid=update-status]'); s.value = 'amber'; s.dispatchEvent(new Event('change'));").await;
        app.type_into("[data-testid=update-commentary]", "Supplier delay; go-live moved to March").await;
        app.click("[data-testid=update-save]").await;
        // One saved form (percent, status, commentary) is one change.
        app.wait_until("the update is recorded", |c| async move {
            c.execute("return document.querySelector('[data-testid=changes-link]').textContent", vec![]).await.map(|v| v == "Your changes (1)").unwrap_or(false)
        }).await;
        // A new action in the area.
        app.click("[data-testid=add-action]").await;
        app.click("[data-testid=new-action-save]").await;
        let err = app.text_of("[data-testid=new-action-form] .gt-field-error").await;
        assert_eq!(err, "Give the action a title");
        app.type_into("[data-testid=new-action-title]", "Publish a monthly ICT service report").await;
        app.type_into("[data-testid=new-action-owner]", "Head of ICT").await;
        app.click("[data-testid=new-action-save]").await;
        app.wait_until("the action is added", |c| async move {
            c.execute("return document.querySelector('[data-testid=changes-link]').textContent", vec![]).await.map(|v| v == "Your changes (2)").unwrap_or(false)
        }).await;
        let body = app.text_of("main").await;
        assert!(body.contains("Publish a monthly ICT service report"), "the new action is shown");
        // Reload: both kept; the plan counts the new action.
        app.reload().await;
        let body = app.text_of("main").await;
        assert!(body.contains("Supplier delay; go-live moved to March"));
        assert!(body.contains("Publish a monthly ICT service report"));
        app.open("#/improvement").await;
        let total: usize = d["themes"].as_array().unwrap().iter().flat_map(|t| t["areas"].as_array().unwrap()).map(|a| a["actions"].as_array().unwrap().len()).sum();
        app.wait_text("result-count", &format!("Showing {} of {} actions", total + 1, total + 1)).await;
        let _ = n_actions;
        // A project's progress on a priority page.
        let project = d["priorities"][0]["projects"][0]["id"].as_str().unwrap().to_string();
        app.open("#/priorities/P1").await;
        app.start_editing().await;
        app.click(&format!("[data-testid=update-{project}]")).await;
        // Choose a status other than the current one.
        app.js("const s = document.querySelector('[data-testid=update-status]'); s.value = s.value === 'red' ? 'amber' : 'red'; s.dispatchEvent(new Event('change'));").await;
        app.click("[data-testid=update-save]").await;
        app.wait_until("the project update is recorded", |c| async move {
            c.execute("return document.querySelector('[data-testid=changes-link]').textContent", vec![]).await.map(|v| v == "Your changes (3)").unwrap_or(false)
        }).await;
        app.open("#/changes").await;
        let table = app.text("changes-table").await;
        assert!(table.contains(&format!("Project {project}")), "{table}");
        assert!(table.contains("New action"), "{table}");
        app.assert_accessible("the changes page with plan edits").await;
    })
    .await;
}
