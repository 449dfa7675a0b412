//! The overview and indicator dashboards in a real browser: filters, shared links, Back and
//! Forward, sorting, the detail page's chart and table, accessibility.
//! Expected figures are worked out here from the data file itself, not copied from the page.

use gt_e2e::{builtin_data, run, Options};
use serde_json::Value;

fn indicators() -> Vec<Value> {
    builtin_data()["indicators"].as_array().unwrap().clone()
}

/// Whether an indicator of the file is shown for a council: its own (`"council"`), or a
/// shared-service one for every council (`"shared": true`) or for a list with it (`"councils"`).
fn shown_for(i: &Value, council: &str) -> bool {
    i["council"] == council
        || (i["councils"].is_null() && i["shared"] == true)
        || i["councils"]
            .as_array()
            .is_some_and(|l| l.iter().any(|c| c == council))
}

/// The indicators a council's view of the list holds: its own and the shared ones for it.
fn count_for(council: &str) -> usize {
    indicators()
        .iter()
        .filter(|i| shown_for(i, council))
        .count()
}

/// A council's own indicators: what its figures count.
fn own(council: &str) -> usize {
    indicators()
        .iter()
        .filter(|i| i["council"] == council)
        .count()
}

fn showing(n: usize, total: usize) -> String {
    format!("Showing {n} of {total} indicators")
}

#[tokio::test]
async fn council_filter_gives_the_right_counts() {
    run(
        "council_filter_counts",
        Options::default(),
        |app| async move {
            let total = indicators().len();
            let ops = |c: &str| {
                indicators()
                    .iter()
                    .filter(|i| i["council"] == c && i["key"] != true)
                    .count()
            };
            // The published split of operational indicators: each council's own. The key
            // indicators are the shared service's, in none of them.
            assert_eq!((ops("bexley"), ops("newham"), ops("havering")), (9, 51, 60));
            assert_eq!((own("bexley"), own("newham"), own("havering")), (9, 51, 60));
            app.open("#/indicators").await;
            app.wait_text("result-count", &showing(total, total)).await;
            // A council's view: its own indicators and the shared ones for it (three for
            // every council; Council Tax collection for Havering only), and says which is which.
            for (council, name, n, shared) in [
                ("bexley", "London Borough of Bexley", 9, 3),
                ("newham", "London Borough of Newham", 51, 3),
                ("havering", "London Borough of Havering", 60, 4),
            ] {
                assert_eq!(count_for(council), n + shared, "{council}");
                app.open(&format!("#/indicators?council={council}")).await;
                app.wait_text("result-count", &showing(count_for(council), total))
                    .await;
                app.wait_text(
                    "result-split",
                    &format!("Of these, {n} are {name}'s own indicators and {shared} are shared-service indicators."),
                )
                .await;
                let rows = app.find_all("[data-testid=indicator-row]").await.len();
                assert_eq!(
                    rows,
                    count_for(council).min(50),
                    "{council}: rows on the first page"
                );
            }
            // Ticking a council box filters in place, and a second box adds to it.
            app.open("#/indicators").await;
            app.click("[data-testid=filter-council-bexley]").await;
            app.wait_text("result-count", &showing(count_for("bexley"), total))
                .await;
            assert_eq!(app.hash().await, "#/indicators?council=bexley");
            app.click("[data-testid=filter-council-newham]").await;
            let either = indicators()
                .iter()
                .filter(|i| shown_for(i, "bexley") || shown_for(i, "newham"))
                .count();
            assert_eq!(either, 9 + 51 + 3, "each shared indicator once");
            app.wait_text("result-count", &showing(either, total)).await;
            // Clear all.
            app.click("[data-testid=clear-filters]").await;
            app.wait_text("result-count", &showing(total, total)).await;
            app.assert_accessible("/indicators").await;
        },
    )
    .await;
}

#[tokio::test]
async fn a_shared_link_reproduces_the_view_in_a_fresh_browser_and_after_reload() {
    let link =
        "#/indicators?council=havering&status=red,amber&period=2019-20-Q2&q=days&sort=-actual";
    let seen = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let seen2 = seen.clone();
    run("shared_link_first_browser", Options::default(), move |app| async move {
        app.open(link).await;
        let count = app.text("result-count").await;
        assert!(!count.starts_with("Showing 0 "), "the link should match something: {count}");
        assert_eq!(app.text("period-label").await, "Q2 2019/20 (July–September 2019)");
        let ids: Vec<String> = {
            let mut v = vec![];
            for r in app.find_all("[data-testid=indicator-row]").await {
                v.push(r.attr("data-id").await.unwrap().unwrap());
            }
            v
        };
        *seen2.lock().unwrap() = format!("{count}|{}", ids.join(","));
        // Every row is Red or Amber for Havering, and mentions "days".
        for r in app.find_all("[data-testid=indicator-row]").await {
            let s = r.attr("data-status").await.unwrap().unwrap();
            assert!(s == "red" || s == "amber", "{s}");
        }
        // Reload: the same view.
        app.reload().await;
        let again = app.text("result-count").await;
        assert_eq!(again, count);
        let checked = app.js("return [document.getElementById('council-havering').checked, document.getElementById('status-red').checked, document.getElementById('status-amber').checked, document.getElementById('status-green').checked, document.getElementById('filter-q').value, document.getElementById('filter-period').value]").await;
        assert_eq!(checked, serde_json::json!([true, true, true, false, "days", "2019-20-Q2"]));
        let sort = app.js("return document.querySelector('th[aria-sort=descending]').textContent").await;
        assert!(sort.as_str().unwrap().starts_with("Actual"), "{sort}");
    })
    .await;
    // A different browser session (fresh profile) opening the same link sees the same rows.
    run(
        "shared_link_second_browser",
        Options::default(),
        move |app| async move {
            app.open(link).await;
            let count = app.text("result-count").await;
            let mut ids = vec![];
            for r in app.find_all("[data-testid=indicator-row]").await {
                ids.push(r.attr("data-id").await.unwrap().unwrap());
            }
            assert_eq!(format!("{count}|{}", ids.join(",")), *seen.lock().unwrap());
        },
    )
    .await;
}

#[tokio::test]
async fn filter_changes_replace_history_and_back_forward_move_between_views() {
    run("history_back_forward", Options::default(), |app| async move {
        let total = indicators().len();
        app.open("#/").await;
        app.click_link("Indicators").await;
        app.wait_text("result-count", &showing(total, total)).await;
        let len = app.js("return history.length").await;
        app.click("[data-testid=filter-status-red]").await;
        app.click("[data-testid=filter-council-newham]").await;
        app.click("[data-testid=filter-status-red]").await;
        app.type_into("[data-testid=filter-q]", "invoice").await;
        assert_eq!(app.js("return history.length").await, len, "filter changes must not pile up history");
        let filtered = app.text("result-count").await;
        let hash = app.hash().await;
        assert_eq!(hash, "#/indicators?council=newham&q=invoice");
        // Follow a row to its page, then Back: the filtered list as it was.
        let first = app.find("[data-testid=indicator-row] a").await;
        let href = first.attr("href").await.unwrap().unwrap();
        first.click().await.unwrap();
        app.wait_until("the detail page shows", |c| async move {
            c.execute("return !!document.querySelector('[data-testid=trend-chart], [data-testid=current-figure]')", vec![]).await.map(|v| v == true).unwrap_or(false)
        }).await;
        assert_eq!(app.hash().await, href);
        app.back().await;
        assert_eq!(app.hash().await, hash);
        app.wait_text("result-count", &filtered).await;
        assert_eq!(app.js("return document.getElementById('filter-q').value").await, "invoice");
        app.forward().await;
        assert_eq!(app.hash().await, href);
        app.back().await;
        app.back().await;
        assert_eq!(app.hash().await, "#/");
        assert_eq!(app.heading().await, "oneSource performance");
    })
    .await;
}

#[tokio::test]
async fn typing_in_search_keeps_focus_and_updates_the_count() {
    run("search_typing", Options::default(), |app| async move {
        let total = indicators().len();
        let expect = indicators()
            .iter()
            .filter(|i| {
                let mut hay = format!(
                    "{} {}",
                    i["name"].as_str().unwrap(),
                    i["id"].as_str().unwrap()
                )
                .to_lowercase();
                for v in i["values"].as_array().unwrap() {
                    for k in ["commentary", "reason", "remedial_action"] {
                        if let Some(t) = v[k].as_str() {
                            hay.push(' ');
                            hay.push_str(&t.to_lowercase());
                        }
                    }
                }
                hay.contains("sickness")
            })
            .count();
        assert!(expect > 0);
        app.open("#/indicators").await;
        app.click("[data-testid=filter-q]").await;
        app.press("sickness").await;
        app.wait_text("result-count", &showing(expect, total)).await;
        let focused = app.js("return document.activeElement.id").await;
        assert_eq!(
            focused, "filter-q",
            "focus stays in the search box while typing"
        );
        assert_eq!(
            app.js("return document.activeElement.value").await,
            "sickness"
        );
        // Nothing matches: a clear message, not a blank table.
        app.press("zzz").await;
        app.wait_text("result-count", &showing(0, total)).await;
        let msg = app.text("no-results").await;
        assert!(msg.starts_with("No indicators match"), "{msg}");
    })
    .await;
}

#[tokio::test]
async fn sorting_by_status_puts_red_first_and_says_so() {
    run("sorting", Options::default(), |app| async move {
        app.open("#/indicators").await;
        app.click("[data-testid=sort-status]").await;
        app.wait_until("sorted by status", |c| async move {
            c.execute("return location.hash", vec![]).await.map(|v| v == "#/indicators?sort=status").unwrap_or(false)
        }).await;
        let first = app.find("[data-testid=indicator-row]").await.attr("data-status").await.unwrap();
        assert_eq!(first.as_deref(), Some("red"));
        let aria = app.js("return document.querySelector('[data-testid=sort-status]').closest('th').getAttribute('aria-sort')").await;
        assert_eq!(aria, "ascending");
        app.click("[data-testid=sort-status]").await;
        app.wait_until("sorted descending", |c| async move {
            c.execute("return location.hash", vec![]).await.map(|v| v == "#/indicators?sort=-status").unwrap_or(false)
        }).await;
        let first = app.find("[data-testid=indicator-row]").await.attr("data-status").await.unwrap();
        assert_ne!(first.as_deref(), Some("red"));
        // Pages: 124 indicators at 50 a page.
        let total = indicators().len();
        app.click("[data-testid=next-page]").await;
        app.wait_text("page-status", &format!("Page 2 of {} (rows 51–100 of {total})", total.div_ceil(50))).await;
        assert!(app.hash().await.ends_with("&page=2"));
    })
    .await;
}

#[tokio::test]
async fn unknown_parameters_are_ignored_with_a_visible_note() {
    run("unknown_parameters", Options::default(), |app| async move {
        let total = indicators().len();
        app.open("#/indicators?council=hackney&colour=blue&period=2019-20-Q9&status=bexley")
            .await;
        let notes = app.text("url-notes").await;
        assert!(
            notes.contains("council \"hackney\" is not in this data"),
            "{notes}"
        );
        assert!(notes.contains("\"colour\" is not a filter"), "{notes}");
        assert!(notes.contains("\"2019-20-Q9\" is not a period"), "{notes}");
        app.wait_text("result-count", &showing(total, total)).await;
    })
    .await;
}

#[tokio::test]
async fn copy_link_gives_the_full_address_of_the_view() {
    run("copy_link", Options::default(), |app| async move {
        app.open("#/indicators?council=bexley").await;
        app.click("[data-testid=copy-link]").await;
        let el = app.find("[data-testid=copy-result]").await;
        let tag = el.tag_name().await.unwrap();
        let url = app.js("return location.href").await;
        if tag == "input" {
            // The browser refused the clipboard: the link is shown to copy by hand.
            assert_eq!(Value::String(el.prop("value").await.unwrap().unwrap()), url);
        } else {
            assert!(el.text().await.unwrap().starts_with("Link copied"));
        }
        assert!(url
            .as_str()
            .unwrap()
            .ends_with("index.html#/indicators?council=bexley"));
    })
    .await;
}

#[tokio::test]
async fn detail_page_has_chart_table_definition_and_exception_report() {
    run("detail_page", Options::default(), |app| async move {
        // An indicator with an Amber or Red value that has a reason.
        let all = indicators();
        let ind = all
            .iter()
            .find(|i| i["values"].as_array().unwrap().iter().any(|v| v["reason"].is_string()) && i["frequency"] == "quarterly")
            .unwrap();
        let id = ind["id"].as_str().unwrap();
        let values = ind["values"].as_array().unwrap();
        app.open(&format!("#/indicators/{id}")).await;
        assert_eq!(app.heading().await, ind["name"].as_str().unwrap());
        // The chart: an SVG with a title and description, a point per actual, the table beside it.
        let chart = app.js("const s = document.querySelector('[data-testid=trend-chart]'); return [s.getAttribute('role'), s.querySelector('title').textContent, s.querySelectorAll('.gt-chart__pt').length, document.getElementById(s.getAttribute('aria-describedby')).tagName]").await;
        let actuals = values.iter().filter(|v| v["actual"].is_number()).count();
        assert_eq!(chart[0], "img");
        assert!(chart[1].as_str().unwrap().starts_with("Trend: "));
        assert_eq!(chart[2].as_u64().unwrap() as usize, actuals);
        assert_eq!(chart[3], "TABLE");
        let rows = app.find_all("[data-testid=figure-row]").await.len();
        assert_eq!(rows, values.len());
        let table = app.text("figures-table").await;
        let reason = values.iter().find_map(|v| v["reason"].as_str()).unwrap();
        assert!(table.contains(reason), "the exception's reason is shown");
        let def = app.text("definition").await;
        assert!(def.contains("Which way is better"));
        assert!(def.contains(if ind["polarity"] == "lower" { "Lower is better" } else { "Higher is better" }));
        app.assert_accessible("an indicator page").await;
        app.screenshot("detail-1280").await;
        // Unknown id: not found with a way back.
        app.open("#/indicators/NOPE-99").await;
        assert_eq!(app.heading().await, "Indicator not found");
        app.click_link("See all indicators").await;
        app.wait_until("the list shows", |c| async move {
            c.execute("return location.hash", vec![]).await.map(|v| v == "#/indicators").unwrap_or(false)
        }).await;
    })
    .await;
}

#[tokio::test]
async fn overview_counts_link_to_the_filtered_list_and_exceptions_come_red_first() {
    run("overview", Options::default(), |app| async move {
        app.open("#/").await;
        assert_eq!(app.text("period-label").await, "Reporting period: Q3 2019/20 (October–December 2019)");
        assert_eq!(app.find_all("[data-testid=key-tile]").await.len(), 4);
        // The key indicators are the shared service's; Council Tax collection is Havering's
        // only.
        let whose = app.js("return [...document.querySelectorAll('[data-testid=key-council]')].map(e => e.textContent)").await;
        assert_eq!(
            whose,
            serde_json::json!([
                "Shared service",
                "Shared service",
                "Shared service (London Borough of Havering only)",
                "Shared service"
            ])
        );
        // Council totals match the data: each council's own operational indicators, as the
        // Joint Committee's report gives them (51 Newham, 60 Havering, 9 Bexley).
        for (c, n) in [("havering", 60), ("newham", 51), ("bexley", 9)] {
            assert_eq!(own(c), n, "{c} in the file");
            let t = app.text_of(&format!("[data-council={c}] [data-testid=council-total]")).await;
            assert_eq!(t, format!("{n} indicators"), "{c} on the overview");
        }
        let note = app.text("shared-note").await;
        assert!(note.contains("The 4 shared-service indicators"), "{note}");
        // Exceptions: Red before Amber, each with reason and remedial action.
        let statuses = app.js("return [...document.querySelectorAll('[data-testid=exception]')].map(e => e.dataset.status)").await;
        let s: Vec<&str> = statuses.as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        assert!(!s.is_empty());
        let first_amber = s.iter().position(|x| *x == "amber").unwrap_or(s.len());
        assert!(s[first_amber..].iter().all(|x| *x == "amber"), "{s:?}");
        // A council's Red count is a link to exactly those indicators.
        let red = app.text_of("[data-council=newham] [data-testid=count-red]").await;
        let n: usize = red.split_whitespace().find_map(|w| w.parse().ok()).unwrap();
        app.click("[data-council=newham] [data-testid=count-red]").await;
        app.wait_until("the list shows", |c| async move {
            c.execute("return location.hash", vec![]).await.map(|v| v.as_str().unwrap_or("").starts_with("#/indicators?council=newham&status=red")).unwrap_or(false)
        }).await;
        app.wait_text("result-count", &showing(n, indicators().len())).await;
        app.back().await;
        app.assert_accessible("the overview").await;
        // A council's committee pack lists the shared key indicators for it: Bexley's the
        // three for every council (not Council Tax collection), and counts its own 9.
        app.open("#/report?period=2019-20-Q3&council=bexley").await;
        let key_ids = app.js("return [...document.querySelectorAll('[data-testid=pack-key-row]')].map(r => r.dataset.id)").await;
        let want: Vec<String> = indicators()
            .iter()
            .filter(|i| i["key"] == true && shown_for(i, "bexley"))
            .map(|i| i["id"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(want.len(), 3);
        assert_eq!(key_ids, serde_json::json!(want));
        let total = app.js("return document.querySelector('[data-testid=pack-summary-council][data-council=bexley] .gt-pack__total').textContent").await;
        assert_eq!(total, "9", "Bexley's own indicators");
        // A shared indicator's own page names the shared service and its council.
        app.open("#/indicators/KEY-03-LBH").await;
        assert_eq!(
            app.text("indicator-shared").await,
            "Shared service, for London Borough of Havering. Shown in that council's list, and not counted in its own figures."
        );
        app.open("#/indicators/KEY-01-LBH").await;
        assert_eq!(
            app.text("indicator-shared").await,
            "Shared service, for London Borough of Havering, London Borough of Newham and London Borough of Bexley. Shown in each of their lists, and counted in none of their own figures."
        );
        app.open("#/").await;
        // The period picker changes the period, in the URL.
        app.js("const s = document.querySelector('[data-testid=overview-period]'); s.value = '2019-20-Q1'; s.dispatchEvent(new Event('change'));").await;
        app.wait_text("period-label", "Reporting period: Q1 2019/20 (April–June 2019)").await;
        assert_eq!(app.hash().await, "#/?period=2019-20-Q1");
        app.screenshot("overview-1280").await;
    })
    .await;
}

#[tokio::test]
async fn tablet_width_shows_cards_that_fit() {
    let options = Options {
        width: 800,
        height: 1000,
        ..Options::default()
    };
    run("tablet", options, |app| async move {
        app.open("#/indicators").await;
        // Nothing overflows the page sideways.
        let overflow = app.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth").await;
        assert_eq!(overflow, 0);
        let display = app.js("return getComputedStyle(document.querySelector('[data-testid=indicator-row]')).display").await;
        assert_eq!(display, "grid", "rows are cards at tablet width");
        app.screenshot("indicators-800").await;
        app.open("#/").await;
        let overflow = app.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth").await;
        assert_eq!(overflow, 0);
        app.screenshot("overview-800").await;
    })
    .await;
}

#[tokio::test]
async fn the_current_view_downloads_as_a_csv_return() {
    run("export_view_csv", Options::default(), |app| async move {
        app.open("#/indicators?council=bexley&status=red,amber")
            .await;
        let count = app.find_all("[data-testid=indicator-row]").await.len();
        assert!(count > 0);
        app.click("[data-testid=export-view-csv]").await;
        let dl = app.js("return window.gtLastDownload").await;
        let name = dl[0].as_str().unwrap();
        let text = dl[1].as_str().unwrap();
        assert!(
            name.starts_with("onesource-2019-20-Q3-indicators-") && name.ends_with(".csv"),
            "{name}"
        );
        assert!(
            text.starts_with('\u{feff}'),
            "UTF-8 byte-order mark for Excel"
        );
        let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
        assert!(
            lines[0]
                .trim_start_matches('\u{feff}')
                .starts_with("indicator_id,"),
            "{}",
            lines[0]
        );
        assert_eq!(
            lines.len(),
            count + 1,
            "a header and one row per indicator in the view"
        );
        assert!(
            lines[1..]
                .iter()
                .all(|l| l.contains(",bexley,") && l.contains(",2019-20-Q3,")),
            "{text}"
        );
    })
    .await;
}
