//! Compare councils (issue 15, part 1) as a member or officer uses it: a shared link opens the
//! same measure, councils and period; choosing another measure changes the link; a count in
//! the service × council grid opens the indicator list with exactly those indicators; the
//! chart has its table.

use gt_e2e::{run, App, Options};
use std::sync::Arc;

async fn count(app: &Arc<App>, selector: &str) -> usize {
    app.find_all(selector).await.len()
}

#[tokio::test]
async fn a_link_opens_the_measure_councils_and_period_it_names() {
    run("compare_link", Options::default(), |app| async move {
        app.open("#/compare?definition=EX-02&council=havering,LBB&period=2019-20-Q2").await;
        app.wait_text("page-heading", "Compare councils").await;
        assert!(app.text("period-label").await.contains("Q2 2019/20"));
        let chosen = app.js("return document.querySelector('[data-testid=compare-definition]').value").await;
        assert_eq!(chosen, "EX-02");
        assert_eq!(app.text_of("#compare-measure-heading").await, "Average days to pay supplier invoices");
        // Havering and Bexley, in the data's order, each with a figure and a status in words.
        let rows = app
            .js("return [...document.querySelectorAll('[data-testid=compare-row]')].map(r => [r.dataset.council, r.querySelector('.gt-tag__word').textContent])")
            .await;
        let rows = rows.as_array().unwrap();
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert_eq!(rows[0][0], "havering");
        assert_eq!(rows[1][0], "bexley");
        for r in rows {
            let word = r[1].as_str().unwrap();
            assert!(["On target", "Near target", "Off target"].contains(&word), "{word}");
        }
        let ticked = app
            .js("return ['havering','newham','bexley'].map(c => document.querySelector('[data-testid=compare-council-' + c + ']').checked)")
            .await;
        assert_eq!(ticked, serde_json::json!([true, false, true]));
        // One line per council on the chart, each named in the key, and the same figures in a
        // table: a row per period up to Q2 2019/20, a column per council.
        assert_eq!(count(&app, "[data-testid=compare-chart] [data-testid=compare-line]").await, 2);
        assert_eq!(count(&app, "[data-testid=compare-key]").await, 2);
        let key = app.text_of(".gt-compare-chart .gt-chart__key").await;
        assert!(key.contains("London Borough of Havering (LBH): solid line, circles"), "{key}");
        assert!(key.contains("London Borough of Bexley (LBB): dashed line, squares"), "{key}");
        let periods = app
            .js("return [...document.querySelectorAll('[data-testid=compare-chart-row] th')].map(t => t.textContent)")
            .await;
        let periods = periods.as_array().unwrap();
        assert!(periods.len() >= 4, "{periods:?}");
        assert_eq!(periods[0], "Q2 2019/20", "newest first, nothing after the period");
        let heads = count(&app, "[data-testid=compare-chart-table] thead th").await;
        assert_eq!(heads, 3, "period and two councils");
        // What a link gets wrong is said, and the rest of it still used.
        app.open("#/compare?definition=EX-02&council=hackney,LBB").await;
        assert!(app.text("url-notes").await.contains("council \"hackney\" is not in this data"));
        assert_eq!(count(&app, "[data-testid=compare-row]").await, 1);
        app.open("#/compare?definition=EX-02&council=havering,LBB&period=2019-20-Q2").await;
        // A reload shows the same.
        app.reload().await;
        app.wait_ready().await;
        assert_eq!(count(&app, "[data-testid=compare-row]").await, 2);
        app.screenshot("compare-link").await;
    })
    .await;
}

#[tokio::test]
async fn choosing_another_measure_or_council_changes_the_link() {
    run("compare_choose", Options::default(), |app| async move {
        app.open("#/compare?period=2019-20-Q3").await;
        // With nothing chosen: the first shared measure, all three councils.
        app.find("[data-testid=compare-row]").await;
        assert_eq!(count(&app, "[data-testid=compare-row]").await, 3);
        app.click("[data-testid=compare-definition] option[value=SF-04]")
            .await;
        app.wait_until("the link names the measure", |c| async move {
            c.execute("return location.hash", vec![])
                .await
                .ok()
                .and_then(|v| v.as_str().map(|s| s.contains("definition=SF-04")))
                .unwrap_or(false)
        })
        .await;
        app.wait_until("the measure is shown", |c| async move {
            c.execute(
                "return document.querySelector('[data-testid=compare-measure]').dataset.definition",
                vec![],
            )
            .await
            .ok()
            .is_some_and(|v| v == "SF-04")
        })
        .await;
        // The choice stays where it was: the keyboard user is still on it.
        let focused = app
            .js("return document.activeElement && document.activeElement.id")
            .await;
        assert_eq!(focused, "compare-definition");
        // SF-04 is Havering's and Newham's: Bexley is said not to report it.
        assert_eq!(count(&app, "[data-testid=compare-row]").await, 2);
        assert!(app
            .text("not-reported")
            .await
            .contains("London Borough of Bexley"));
        assert!(
            app.hash().await.contains("period=2019-20-Q3"),
            "the period stays"
        );
        // Ticking one council narrows the comparison and the grid, in the link too.
        app.click("[data-testid=compare-council-newham]").await;
        app.wait_until("one council", |c| async move {
            c.execute(
                "return document.querySelectorAll('[data-testid=compare-row]').length",
                vec![],
            )
            .await
            .ok()
            .is_some_and(|v| v == 1)
        })
        .await;
        assert!(app.hash().await.contains("council=newham"));
        assert_eq!(
            count(&app, "[data-testid=compare-grid] thead th").await,
            2,
            "service and Newham"
        );
    })
    .await;
}

#[tokio::test]
async fn a_count_in_the_grid_opens_the_list_of_those_indicators() {
    run("compare_grid", Options::default(), |app| async move {
        app.open("#/compare?period=2019-20-Q3").await;
        app.find("[data-testid=compare-grid]").await;
        // Rows are services, columns councils; Bexley does not receive ICT.
        let heads = app
            .js("return [...document.querySelectorAll('[data-testid=compare-grid] thead th')].map(t => t.textContent)")
            .await;
        assert_eq!(
            heads,
            serde_json::json!(["Service", "London Borough of Havering", "London Borough of Newham", "London Borough of Bexley"])
        );
        let ict_bexley = app
            .js("return document.querySelector('[data-testid=grid-row][data-service=ict] td:last-child').textContent")
            .await;
        assert_eq!(ict_bexley, "Not provided");
        // Each count says its status in words, with its shape.
        let link = app.find("[data-testid=grid-link][data-council=bexley][data-service=exchequer]").await;
        let (status, n) = (
            link.attr("data-status").await.unwrap().unwrap(),
            link.attr("data-count").await.unwrap().unwrap(),
        );
        let words = link.text().await.unwrap();
        assert!(words.starts_with(&n), "{words}");
        assert_eq!(count(&app, "[data-testid=grid-link] .gt-tag__shape").await, count(&app, "[data-testid=grid-link]").await);
        link.click().await.unwrap();
        app.wait_until("the list opens", |c| async move {
            c.execute("return location.hash", vec![])
                .await
                .ok()
                .and_then(|v| v.as_str().map(|s| s.starts_with("#/indicators?")))
                .unwrap_or(false)
        })
        .await;
        let hash = app.hash().await;
        assert!(hash.contains("council=bexley") && hash.contains("service=exchequer") && hash.contains(&format!("status={status}")), "{hash}");
        app.wait_text("result-count", &format!("Showing {n} of 124 indicators")).await;
        let statuses = app
            .js("return [...document.querySelectorAll('[data-testid=indicator-row]')].map(r => r.dataset.status)")
            .await;
        let statuses = statuses.as_array().unwrap();
        assert_eq!(statuses.len().to_string(), n);
        assert!(statuses.iter().all(|s| *s == status.as_str()), "{statuses:?}");
        // The grid's totals are the overview's counts for each council.
        app.open("#/compare?period=2019-20-Q3").await;
        let red = app
            .js("const t = document.querySelector('[data-testid=grid-total][data-council=havering][data-status=red]'); return t ? t.dataset.count : '0'")
            .await;
        app.open("#/?period=2019-20-Q3").await;
        let overview = app
            .js("const l = document.querySelector('[data-testid=council-summary][data-council=havering] [data-testid=count-red] .gt-count-link__n'); return l ? l.textContent : '0'")
            .await;
        assert_eq!(overview, red, "Havering's Red count");
    })
    .await;
}

#[tokio::test]
async fn on_a_phone_the_tables_are_cards_and_nothing_scrolls_sideways() {
    let options = Options {
        width: 375,
        height: 800,
        ..Options::default()
    };
    run("compare_phone", options, |app| async move {
        app.open("#/compare?definition=EX-02&period=2019-20-Q3").await;
        app.find("[data-testid=compare-grid]").await;
        let over = app
            .js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            .await;
        assert_eq!(over, 0, "no sideways scroll");
        let display = app
            .js("return getComputedStyle(document.querySelector('[data-testid=compare-grid] tbody tr')).display")
            .await;
        assert_eq!(display, "block", "grid rows are cards");
        app.screenshot("compare-375").await;
    })
    .await;
}

/// Three councils with three different RAG schemes and one shared measure: the same 21 days
/// against the same target of 20 (lower is better), missed by 1 day, which is 5% of 20.
fn three_schemes() -> Vec<u8> {
    let ind = |id: &str, council: &str| {
        serde_json::json!({ "id": id, "name": "Average days to pay supplier invoices", "definition": "days",
            "service": "ex", "council": council, "frequency": "quarterly", "polarity": "lower",
            "unit": "days", "decimals": 1,
            "values": [ { "period": "2019-20-Q2", "target": 20, "actual": 21 } ] })
    };
    serde_json::json!({
        "format": "golden-thread/1", "title": "Three schemes", "organisation": "Test",
        "councils": [
            { "id": "havering", "name": "Havering", "short": "LBH" },
            { "id": "newham", "name": "Newham", "short": "LBN",
              "rag_scheme": { "kind": "bands", "green_within": { "percent": 5 }, "amber_within": { "percent": 10 } } },
            { "id": "bexley", "name": "Bexley", "short": "LBB", "rag_scheme": { "kind": "two_state" } }
        ],
        "services": [ { "id": "ex", "name": "Exchequer", "councils": ["havering", "newham", "bexley"] } ],
        "definitions": [ { "id": "days", "name": "Average days to pay supplier invoices" } ],
        "indicators": [ ind("D-H", "havering"), ind("D-N", "newham"), ind("D-B", "bexley") ]
    })
    .to_string()
    .into_bytes()
}

#[tokio::test]
async fn each_council_is_rated_by_its_own_rules() {
    let options = Options {
        overrides: vec![("data/onesource.json".into(), Some(three_schemes()))],
        ..Options::default()
    };
    run("compare_schemes", options, |app| async move {
        app.open("#/compare").await;
        app.find("[data-testid=compare-row]").await;
        let rows = app
            .js("return [...document.querySelectorAll('[data-testid=compare-row]')].map(r => [r.dataset.council, r.querySelector('[data-testid=compare-figure]').textContent, r.querySelector('.gt-tag__word').textContent])")
            .await;
        // Havering, the standard rule (Amber within 10% = 2 days): Near target. Newham, Green
        // within 5% (1 day, edge included): On target. Bexley, on track / off track: Off target.
        assert_eq!(
            rows,
            serde_json::json!([
                ["havering", "21.0 days", "Near target"],
                ["newham", "21.0 days", "On target"],
                ["bexley", "21.0 days", "Off target"]
            ])
        );
        // The grid agrees: one of each, in Exchequer.
        for (council, status) in [("havering", "amber"), ("newham", "green"), ("bexley", "red")] {
            let n = app
                .js(&format!("const a = document.querySelector('[data-testid=grid-link][data-council={council}][data-status={status}]'); return a ? a.dataset.count : ''"))
                .await;
            assert_eq!(n, "1", "{council} {status}");
        }
    })
    .await;
}
