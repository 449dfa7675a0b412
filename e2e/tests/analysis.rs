//! Beyond Red, Amber and Green, as a member and an officer use it: an indicator's chart of real
//! change (statistical process control) and its table, the year-end forecast, the indicator
//! list's "Special cause: concern" filter and "Changed since last quarter" on the overview.
//!
//! The built-in data (as at Q3 2019/20): ICT-01-LBH, 24 monthly figures, mean 99.588, average
//! moving range 0.358, limits 98.635 and 100.541: April 2019 (98.57) and September 2019
//! (98.46) are below the lower limit, a special cause of concern (higher is better); December
//! 2019 (99.85) is not part of any special cause: "Common cause"; the target 99.5 lies between
//! the limits: hit and miss. Quarterly indicators have 7 figures: too few.
//!
//! core/tests/fixtures/analysis.json (worked out in core/tests/spc.rs and forecast.rs): only
//! SPC-CONCERN is a special cause of concern; CUM-01 (cumulative, 90 after three quarters, Q4
//! target 120) is forecast at 120 (range 115 to 125), on target; CHG-RED went from Green (96
//! against 95) in Q2 to Red (80) in Q3, and CUM-01 from Amber (55 against 60) to Green.

use gt_e2e::{root, run, App, Options};
use std::sync::Arc;

fn fixture() -> Options {
    let data = std::fs::read(root().join("core/tests/fixtures/analysis.json")).unwrap();
    Options {
        overrides: vec![("data/onesource.json".into(), Some(data))],
        ..Options::default()
    }
}

async fn attr(app: &Arc<App>, selector: &str, name: &str) -> String {
    app.find(selector)
        .await
        .attr(name)
        .await
        .unwrap()
        .unwrap_or_default()
}

#[tokio::test]
async fn an_indicators_chart_of_real_change_and_its_table() {
    run("spc_chart", Options::default(), |app| async move {
        app.open("#/indicators/ICT-01-LBH").await;
        app.find("[data-testid=spc-chart]").await;
        assert_eq!(app.find_all("[data-testid=spc-point]").await.len(), 24);
        assert_eq!(
            app.text("spc-variation").await.lines().next().unwrap(),
            "Common cause"
        );
        assert!(app
            .text("spc-assurance")
            .await
            .starts_with("Target within the limits: hit and miss"));
        // The points as a table, behind a disclosure: September 2019 is a concern, in words.
        app.click("[data-testid=spc-table-details] summary").await;
        let rows = app.find_all("[data-testid=spc-row]").await;
        assert_eq!(rows.len(), 24);
        let sep = "[data-testid=spc-row][data-period='2019-09']";
        assert_eq!(attr(&app, sep, "data-special").await, "concern");
        let words = app.text_of(sep).await;
        assert!(
            words.contains("Special cause: concern") && words.contains("Below the lower limit"),
            "{words}"
        );
        assert_eq!(
            attr(
                &app,
                "[data-testid=spc-row][data-period='2019-12']",
                "data-special"
            )
            .await,
            "common"
        );
        // The chart is described by the table.
        let table_id = attr(&app, "[data-testid=spc-table]", "id").await;
        assert_eq!(
            attr(&app, "[data-testid=spc-chart]", "aria-describedby").await,
            table_id
        );
        app.assert_accessible("the indicator page with its chart of real change")
            .await;
        // A cumulative indicator: no chart, said plainly; its forecast follows last year's
        // profile (2018/19 has every quarter) and, with no Q4 target yet, is not rated.
        app.open("#/indicators/AM-01-LBH").await;
        assert_eq!(
            attr(&app, "[data-testid=forecast]", "data-method").await,
            "last_years_profile"
        );
        assert!(app
            .text("forecast-status")
            .await
            .starts_with("No annual target given"));
        assert!(app
            .text("spc-message")
            .await
            .starts_with("No chart of real change: the figures are cumulative"));
        app.open("#/indicators/EX-03-LBH").await;
        assert!(app
            .text("spc-message")
            .await
            .starts_with("Too few points for a reliable view (7 of 12)"));
        assert!(app.find_all("[data-testid=spc-chart]").await.is_empty());
    })
    .await;
}

#[tokio::test]
async fn the_forecast_on_a_cumulative_indicator() {
    run("forecast", fixture(), |app| async move {
        app.open("#/indicators/CUM-01").await;
        app.find("[data-testid=forecast]").await;
        assert_eq!(
            app.text("forecast-headline").await,
            "Forecast outturn for 2019/20: £120k (range £115k to £125k)"
        );
        assert_eq!(
            attr(&app, "[data-testid=forecast]", "data-status").await,
            "green"
        );
        assert!(app
            .text("forecast-status")
            .await
            .contains("On target against the annual target of £120k"));
        assert!(app
            .text("forecast-method")
            .await
            .starts_with("Straight line from the year to date"));
        // At Q2 the same indicator is forecast at 110 (range 105 to 115): Near target.
        app.open("#/indicators/CUM-01?period=2019-20-Q2").await;
        app.wait_text(
            "forecast-headline",
            "Forecast outturn for 2019/20: £110k (range £105k to £115k)",
        )
        .await;
        assert_eq!(
            attr(&app, "[data-testid=forecast]", "data-status").await,
            "amber"
        );
    })
    .await;
}

#[tokio::test]
async fn the_list_filters_to_special_causes_of_concern() {
    run("spc_filter", fixture(), |app| async move {
        app.open("#/indicators").await;
        app.find("[data-testid=result-count]").await;
        assert_eq!(app.find_all("[data-testid=indicator-row]").await.len(), 5);
        // The chips: a concern and an improvement, in words (worked out just after the list
        // is shown).
        app.wait_until("the rows show their SPC chips", |c| async move {
            c.execute("return document.querySelectorAll('[data-testid=spc-chip]').length === 2", vec![])
                .await
                .map(|v| v == true)
                .unwrap_or(false)
        })
        .await;
        let chips = app
            .js("return Array.from(document.querySelectorAll('[data-testid=spc-chip]')).map(c => [c.closest('tr').dataset.id, c.textContent.trim()])")
            .await;
        assert_eq!(
            chips,
            serde_json::json!([
                ["SPC-CONCERN", "■ Special cause: concern"],
                ["SPC-IMPROVE", "▲ Special cause: improvement"]
            ])
        );
        app.click("label[for=filter-spc]").await;
        app.wait_text("result-count", "Showing 1 of 5 indicators").await;
        assert!(app.hash().await.contains("spc=concern"), "{}", app.hash().await);
        assert_eq!(
            attr(&app, "[data-testid=indicator-row]", "data-id").await,
            "SPC-CONCERN"
        );
        // The link keeps the view.
        app.reload().await;
        app.wait_text("result-count", "Showing 1 of 5 indicators").await;
        app.click("[data-testid=clear-filters]").await;
        app.wait_text("result-count", "Showing 5 of 5 indicators").await;
        assert!(!app.hash().await.contains("spc="));
    })
    .await;
}

#[tokio::test]
async fn changed_since_last_quarter_on_the_overview_and_in_the_pack() {
    run("changes", fixture(), |app| async move {
        app.open("#/").await;
        app.find("[data-testid=changes]").await;
        assert_eq!(
            app.text_of("#changes-heading").await,
            "Changed since last quarter (Q2 2019/20)"
        );
        let rows = app
            .js("return Array.from(document.querySelectorAll('[data-testid=changes] [data-testid=status-change-row]')).map(r => [r.dataset.id, r.dataset.before, r.dataset.now])")
            .await;
        // The worst new status first.
        assert_eq!(
            rows,
            serde_json::json!([["CHG-RED", "green", "red"], ["CUM-01", "amber", "green"]])
        );
        assert_eq!(
            app.text("changes-words").await,
            "2 indicators changed rating between Q2 2019/20 and Q3 2019/20 (1 worse, 1 better): the worst new status first."
        );
        // A change links to the indicator.
        app.click("[data-testid=changes] [data-testid=status-change-row] a").await;
        app.wait_text("page-heading", "Invoices paid on time").await;
        // The pack: the same list in the summary, and the exception report's forecast.
        app.open("#/report?sections=summary,exceptions").await;
        app.find("[data-testid=pack-changes]").await;
        assert_eq!(
            app.find_all("[data-testid=pack-section-summary] [data-testid=status-change-row]")
                .await
                .len(),
            2
        );
        // CHG-RED, Red: 96 and 80 so far, average 88 (range 84 to 92), 7 under the annual
        // target 95, within 9.5: Near target.
        let forecast = app
            .text_of("[data-testid=pack-exception][data-id=CHG-RED] [data-testid=pack-forecast]")
            .await;
        assert!(
            forecast.starts_with("Forecast outturn for 2019/20: 88.0% (range 84.0% to 92.0%). Near target against the annual target of 95.0%."),
            "{forecast}"
        );
    })
    .await;
}
