//! Pages follow the data without being thrown away: an undo (or another tab's change) updates
//! what is shown in place, and what the page held of its own (an open form, the period chosen)
//! stays.

use gt_e2e::{root, run, App, Options};
use serde_json::Value;
use std::sync::Arc;

const IND: &str = "EX-01-LBH";

/// The indicator's periods with an actual, newest first.
fn periods_with_actuals() -> Vec<String> {
    let text = std::fs::read_to_string(root().join("public/data/onesource.json")).unwrap();
    let d: Value = serde_json::from_str(&text).unwrap();
    let i = d["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == IND)
        .unwrap()
        .clone();
    let mut v: Vec<String> = i["values"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["actual"].is_number())
        .map(|v| v["period"].as_str().unwrap().to_string())
        .collect();
    v.sort();
    v.reverse();
    v
}

async fn cell(app: &Arc<App>, period: &str) -> String {
    app.js(&format!(
        "return document.querySelector(\"[data-testid=figure-row][data-period='{period}'] td\").textContent"
    ))
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

#[tokio::test]
async fn an_undo_updates_the_page_and_keeps_the_open_form() {
    run("reactivity_undo", Options::default(), |app| async move {
        let ps = periods_with_actuals();
        let (latest, earlier) = (ps[0].clone(), ps[1].clone());
        // A chosen period, to see that it stays too.
        app.open(&format!("#/indicators/{IND}?period=2019-20-Q3")).await;
        let before = cell(&app, &latest).await;
        app.click("[data-testid=edit-toggle]").await;
        app.find("[data-testid=edit-bar]").await;
        // One saved edit.
        app.click(&format!("[data-testid=edit-row-{latest}]")).await;
        app.type_into("[data-testid=edit-actual]", "12.5").await;
        app.click("[data-testid=edit-save]").await;
        app.wait_until("the edit shows", |c| {
            let latest = latest.clone();
            async move {
                c.execute(&format!("return document.querySelector(\"[data-testid=figure-row][data-period='{latest}'] td\").textContent"), vec![])
                    .await
                    .map(|v| v == "12.5%")
                    .unwrap_or(false)
            }
        })
        .await;
        // Open the form for an earlier period, then undo the first edit from the edit bar.
        app.click(&format!("[data-testid=edit-row-{earlier}]")).await;
        let heading = app.text_of("[data-testid=edit-form] h3").await;
        app.click("[data-testid=undo]").await;
        app.wait_until("the undo shows on the page", |c| {
            let latest = latest.clone();
            let before = before.clone();
            async move {
                c.execute(&format!("return document.querySelector(\"[data-testid=figure-row][data-period='{latest}'] td\").textContent"), vec![])
                    .await
                    .map(|v| v == before.as_str())
                    .unwrap_or(false)
            }
        })
        .await;
        // The form the officer opened is still open, for the same period.
        assert_eq!(app.text_of("[data-testid=edit-form] h3").await, heading);
        // The page did not start again: the period chosen is still the one shown.
        assert!(app.hash().await.contains("period=2019-20-Q3"));
        assert!(app.text("period-label").await.contains("Q3 2019/20"));
    })
    .await;
}
