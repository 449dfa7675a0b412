//! Strategic priorities, the improvement plan and the golden thread in a real browser: URL
//! filters, the overdue rule, following the thread from a priority to an indicator and back by
//! links alone, shared links, keyboard use and accessibility at desktop and tablet widths.
//! Expected figures are worked out here from the data file itself, not copied from the page.

use gt_e2e::{builtin_data, run, Options};
use serde_json::Value;
use std::collections::BTreeSet;

/// An improvement action with what the tests need to know about it.
struct Act {
    id: String,
    theme: String,
    area: String,
    service: Option<String>,
    councils: Vec<String>,
    due: Option<String>,
    /// (period, status) in file order.
    updates: Vec<(String, String)>,
}

fn actions(d: &Value) -> Vec<Act> {
    let mut v = Vec::new();
    for t in d["themes"].as_array().unwrap() {
        for a in t["areas"].as_array().unwrap() {
            for x in a["actions"].as_array().unwrap() {
                v.push(Act {
                    id: x["id"].as_str().unwrap().into(),
                    theme: t["id"].as_str().unwrap().into(),
                    area: a["id"].as_str().unwrap().into(),
                    service: a["service"].as_str().map(str::to_string),
                    councils: x["councils"]
                        .as_array()
                        .map(|c| c.iter().map(|c| c.as_str().unwrap().to_string()).collect())
                        .unwrap_or_default(),
                    due: x["due"].as_str().map(str::to_string),
                    updates: x["updates"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|u| {
                            (
                                u["period"].as_str().unwrap().to_string(),
                                u["status"].as_str().unwrap().to_string(),
                            )
                        })
                        .collect(),
                });
            }
        }
    }
    v
}

/// The last day of a financial-year quarter id ("2019-20-Q3" → "2019-12-31"), as text that
/// sorts like the date.
fn quarter_end(p: &str) -> String {
    let fy: i32 = p[..4].parse().unwrap();
    match &p[8..] {
        "Q1" => format!("{fy}-06-30"),
        "Q2" => format!("{fy}-09-30"),
        "Q3" => format!("{fy}-12-31"),
        _ => format!("{}-03-31", fy + 1),
    }
}

/// The latest quarter with any action update.
fn latest_action_period(acts: &[Act]) -> String {
    acts.iter()
        .flat_map(|a| a.updates.iter().map(|u| u.0.clone()))
        .max()
        .unwrap()
}

/// Status at a period: the latest update at or before it, else not started.
fn status_at(updates: &[(String, String)], period: &str) -> String {
    updates
        .iter()
        .filter(|u| u.0.as_str() <= period)
        .max_by(|a, b| a.0.cmp(&b.0))
        .map(|u| u.1.clone())
        .unwrap_or_else(|| "not_started".into())
}

/// The overdue actions at a period: due before the period's end and not complete
/// (docs/rag-rules.md: one rule for every page and the pack).
fn overdue_ids(_d: &Value, acts: &[Act], period: &str) -> Vec<String> {
    let on = quarter_end(period);
    acts.iter()
        .filter(|a| {
            a.due.as_deref().is_some_and(|due| due < on.as_str())
                && status_at(&a.updates, period) != "complete"
        })
        .map(|a| a.id.clone())
        .collect()
}

fn showing(n: usize, total: usize) -> String {
    format!("Showing {n} of {total} actions")
}

async fn ids_of(app: &gt_e2e::App, selector: &str) -> Vec<String> {
    let mut v = Vec::new();
    for e in app.find_all(selector).await {
        v.push(e.attr("data-id").await.unwrap().unwrap_or_default());
    }
    v
}

#[tokio::test]
async fn service_filter_ict_shows_its_areas_and_actions() {
    run("plan_service_ict", Options::default(), |app| async move {
        let d = builtin_data();
        let acts = actions(&d);
        let total = acts.len();
        let ict: Vec<&Act> = acts
            .iter()
            .filter(|a| a.service.as_deref() == Some("ict"))
            .collect();
        let ict_areas: BTreeSet<String> = ict.iter().map(|a| a.area.clone()).collect();
        assert!(ict.len() >= 5 && ict_areas.len() >= 3);

        app.open("#/improvement").await;
        assert_eq!(app.heading().await, "Improvement plan");
        app.wait_text("result-count", &showing(total, total)).await;
        app.screenshot("improvement-1280").await;
        app.assert_accessible("/improvement").await;

        // Choose ICT in the service filter.
        app.find("[data-testid=filter-service]")
            .await
            .select_by_value("ict")
            .await
            .unwrap();
        app.wait_text("result-count", &showing(ict.len(), total))
            .await;
        assert_eq!(app.hash().await, "#/improvement?service=ict");
        let areas: BTreeSet<String> = ids_of(&app, "[data-testid=area-block]")
            .await
            .into_iter()
            .collect();
        assert_eq!(areas, ict_areas);
        let rows = ids_of(&app, "[data-testid=action-row]").await;
        let expect: Vec<String> = ict.iter().map(|a| a.id.clone()).collect();
        assert_eq!(rows, expect);
        // The ICT card among the services with their own areas is marked as chosen.
        let current = app
            .find("[data-testid=service-card][data-service=ict] a")
            .await
            .attr("aria-current")
            .await
            .unwrap();
        assert_eq!(current.as_deref(), Some("true"));
        // The by-service summary has exactly one row: ICT, with its count.
        let summary = app.find_all("[data-testid=summary-service-row]").await;
        assert_eq!(summary.len(), 1);
        let text = summary[0].text().await.unwrap();
        assert!(text.starts_with("ICT Services"), "{text}");
        app.screenshot("improvement-ict-1280").await;
        app.assert_accessible("/improvement?service=ict").await;

        // The service cards are links to the same view.
        app.click("[data-testid=clear-filters]").await;
        app.wait_text("result-count", &showing(total, total)).await;
        app.click("[data-testid=service-card][data-service=hr-od] a")
            .await;
        let hr = acts
            .iter()
            .filter(|a| a.service.as_deref() == Some("hr-od"))
            .count();
        app.wait_text("result-count", &showing(hr, total)).await;
        assert_eq!(app.hash().await, "#/improvement?service=hr-od");
    })
    .await;
}

#[tokio::test]
async fn overdue_filter_matches_the_dataset() {
    run("plan_overdue", Options::default(), |app| async move {
        let d = builtin_data();
        let acts = actions(&d);
        let total = acts.len();
        let latest = latest_action_period(&acts);
        let expect = overdue_ids(&d, &acts, &latest);
        assert!(!expect.is_empty(), "the data has overdue actions");

        app.open("#/improvement").await;
        app.wait_text("result-count", &showing(total, total)).await;
        app.click("[data-testid=filter-overdue]").await;
        app.wait_text("result-count", &showing(expect.len(), total))
            .await;
        assert_eq!(app.hash().await, "#/improvement?overdue=1");
        assert_eq!(ids_of(&app, "[data-testid=action-row]").await, expect);
        // Every row says so in words.
        let tags = app
            .find_all("[data-testid=action-row] [data-testid=overdue-tag]")
            .await;
        assert_eq!(tags.len(), expect.len());
        for t in &tags {
            assert_eq!(t.text().await.unwrap().trim(), "Overdue");
        }
        // The summary's overdue total agrees.
        let total_overdue = app
            .text_of("[data-testid=total-counts] li[data-status=overdue]")
            .await;
        assert!(
            total_overdue.starts_with(&expect.len().to_string()),
            "{total_overdue}"
        );

        // An earlier quarter: fewer dues have passed.
        let earlier = {
            let fy = &latest[..8];
            let q: u8 = latest[9..].parse().unwrap();
            format!("{fy}Q{}", q - 1)
        };
        let expect_earlier = overdue_ids(&d, &acts, &earlier);
        app.find("[data-testid=filter-period]")
            .await
            .select_by_value(&earlier)
            .await
            .unwrap();
        app.wait_text("result-count", &showing(expect_earlier.len(), total))
            .await;
        assert_eq!(
            ids_of(&app, "[data-testid=action-row]").await,
            expect_earlier
        );
        assert_eq!(
            app.hash().await,
            format!("#/improvement?overdue=1&period={earlier}")
        );
        app.assert_accessible("/improvement?overdue=1").await;
    })
    .await;
}

#[tokio::test]
async fn following_the_thread_from_a_priority_to_an_indicator_and_back() {
    run("plan_thread", Options::default(), |app| async move {
        let d = builtin_data();
        // A priority, one of its areas, and an indicator measuring that area that is also
        // linked to the priority itself (so its page links back to the priority).
        let (pid, ptitle, aid, atitle, iid, iname) = d["themes"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|t| t["areas"].as_array().unwrap().iter())
            .find_map(|a| {
                let pid = a["priority"].as_str()?;
                let ind = d["indicators"].as_array().unwrap().iter().find(|i| {
                    i["area"].as_str() == a["id"].as_str() && i["priority"].as_str() == Some(pid)
                })?;
                let p = d["priorities"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|p| p["id"] == pid)?;
                Some((
                    pid.to_string(),
                    p["title"].as_str()?.to_string(),
                    a["id"].as_str()?.to_string(),
                    a["title"].as_str()?.to_string(),
                    ind["id"].as_str()?.to_string(),
                    ind["name"].as_str()?.to_string(),
                ))
            })
            .expect("an area with an indicator");

        app.open("#/priorities").await;
        assert_eq!(app.heading().await, "Strategic priorities");
        app.click(&format!("[data-testid=priority-card][data-id={pid}] h2 a"))
            .await;
        wait_heading(&app, &ptitle).await;
        assert_eq!(app.hash().await, format!("#/priorities/{pid}"));
        // The thread lists the area and, under it, the indicator.
        app.find(&format!(
            "[data-testid=thread-area][data-id={aid}] [data-testid=thread-indicator][data-id={iid}]"
        ))
        .await;
        app.screenshot("priority-1280").await;
        app.assert_accessible("a priority page").await;

        // Priority → area.
        app.click(&format!(
            "[data-testid=thread-area][data-id={aid}] > .gt-tree__body > a"
        ))
        .await;
        wait_heading(&app, &atitle).await;
        assert_eq!(app.hash().await, format!("#/improvement/{aid}"));
        // The area names its priority and lists its indicators.
        let back = app.text("area-priority").await;
        assert!(back.starts_with(&pid), "{back}");
        app.screenshot("area-1280").await;
        app.assert_accessible("an area page").await;

        // Area → indicator.
        app.click(&format!("[data-testid=area-indicator][data-id={iid}] a"))
            .await;
        wait_heading(&app, &iname).await;
        assert_eq!(app.hash().await, format!("#/indicators/{iid}"));

        // Indicator → back up to the priority, by its link.
        app.click_link(&format!("{pid}: {ptitle}")).await;
        wait_heading(&app, &ptitle).await;
        assert_eq!(app.hash().await, format!("#/priorities/{pid}"));

        // And from the area page up to the plan, by the breadcrumb and the theme link.
        app.open(&format!("#/improvement/{aid}")).await;
        app.click(".gt-breadcrumbs a[href='#/improvement']").await;
        wait_heading(&app, "Improvement plan").await;
    })
    .await;
}

async fn wait_heading(app: &gt_e2e::App, expected: &str) {
    let want = expected.to_string();
    app.wait_until(&format!("the heading is {expected:?}"), move |c| {
        let want = want.clone();
        async move {
            c.execute(
                "const h = document.querySelector('main h1'); return h ? h.textContent : ''",
                vec![],
            )
            .await
            .map(|v| v.as_str() == Some(want.as_str()))
            .unwrap_or(false)
        }
    })
    .await;
}

#[tokio::test]
async fn a_shared_link_reproduces_the_filtered_view_after_reload() {
    run("plan_shared_link", Options::default(), |app| async move {
        let d = builtin_data();
        let acts = actions(&d);
        let total = acts.len();
        let latest = latest_action_period(&acts);
        let theme = d["themes"][0]["id"].as_str().unwrap().to_string();
        let pick = |a: &Act| {
            a.theme == theme
                && a.councils.iter().any(|c| c == "newham")
                && ["green", "amber"].contains(&status_at(&a.updates, &latest).as_str())
        };
        let expect: Vec<String> = acts.iter().filter(|a| pick(a)).map(|a| a.id.clone()).collect();
        assert!(expect.len() >= 3, "{expect:?}");

        app.open("#/improvement").await;
        app.wait_text("result-count", &showing(total, total)).await;
        app.find("[data-testid=filter-theme]")
            .await
            .select_by_value(&theme)
            .await
            .unwrap();
        app.click("[data-testid=filter-council-newham]").await;
        app.click("[data-testid=filter-status-amber]").await;
        app.click("[data-testid=filter-status-green]").await;
        app.wait_text("result-count", &showing(expect.len(), total))
            .await;
        let hash = app.hash().await;
        assert_eq!(
            hash,
            format!("#/improvement?theme={theme}&council=newham&status=amber,green")
        );
        assert_eq!(ids_of(&app, "[data-testid=action-row]").await, expect);

        // Reload: the same view, with the controls showing it.
        app.reload().await;
        app.wait_text("result-count", &showing(expect.len(), total))
            .await;
        assert_eq!(app.hash().await, hash);
        assert_eq!(ids_of(&app, "[data-testid=action-row]").await, expect);
        let checked = app
            .js("return [document.getElementById('plan-council-newham').checked, document.getElementById('plan-status-amber').checked, document.getElementById('plan-status-red').checked, document.getElementById('plan-theme').value]")
            .await;
        assert_eq!(checked, serde_json::json!([true, true, false, theme]));

        // Opened fresh from the shared link, as a colleague would.
        app.client.goto("about:blank").await.unwrap();
        app.open(&hash).await;
        app.wait_text("result-count", &showing(expect.len(), total))
            .await;
        assert_eq!(ids_of(&app, "[data-testid=action-row]").await, expect);

        // Filters replace the history entry rather than adding one: Back leaves the page.
        app.open("#/priorities").await;
        app.open("#/improvement").await;
        app.click("[data-testid=filter-overdue]").await;
        app.click("[data-testid=filter-council-bexley]").await;
        app.back().await;
        assert_eq!(app.hash().await, "#/priorities");

        // A search by words, checked against the data's text.
        app.open("#/improvement?q=portal").await;
        let portal = d["themes"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|t| t["areas"].as_array().unwrap().iter())
            .flat_map(|a| {
                a["actions"].as_array().unwrap().iter().map(move |x| (a, x))
            })
            .filter(|(a, x)| {
                let mut hay = format!(
                    "{} {} {} {} {}",
                    x["id"], x["title"], a["id"], a["title"], x["owner"]
                );
                for u in x["updates"].as_array().unwrap() {
                    hay.push_str(u["commentary"].as_str().unwrap_or(""));
                }
                hay.to_lowercase().contains("portal")
            })
            .count();
        assert!(portal > 0);
        app.wait_text("result-count", &showing(portal, total)).await;
        assert_eq!(
            app.js("return document.getElementById('plan-q').value").await,
            "portal"
        );
    })
    .await;
}

#[tokio::test]
async fn unknown_or_malformed_link_parts_are_noted_never_a_blank_page() {
    run("plan_bad_link", Options::default(), |app| async move {
        let total = actions(&builtin_data()).len();
        app.open("#/improvement?service=payroll&status=purple&overdue=maybe&colour=red&period=2019-20-Q9")
            .await;
        app.wait_text("result-count", &showing(total, total)).await;
        let notes = app.text("url-notes").await;
        for part in ["payroll", "purple", "maybe", "colour", "2019-20-Q9"] {
            assert!(notes.contains(part), "{part} in {notes}");
        }
        app.assert_accessible("/improvement with notes").await;
        app.open("#/improvement/A99").await;
        assert_eq!(app.heading().await, "Improvement area not found");
        app.click_link("See the improvement plan").await;
        wait_heading(&app, "Improvement plan").await;
        app.open("#/priorities/P9").await;
        assert_eq!(app.heading().await, "Priority not found");
        app.open("#/priorities?period=nonsense").await;
        assert!(app.text("period-note").await.contains("nonsense"));
        assert_eq!(app.find_all("[data-testid=priority-card]").await.len(), 5);
    })
    .await;
}

/// The overall status rule, worked out here: Red if any project is Red; else Amber if any is
/// Amber; else Green if any is Green or some are complete and the rest not started; Complete
/// if all are; else Not started.
fn rollup(statuses: &[String]) -> &'static str {
    let has = |s: &str| statuses.iter().any(|x| x == s);
    if statuses.is_empty() {
        "not_started"
    } else if has("red") {
        "red"
    } else if has("amber") {
        "amber"
    } else if has("green") {
        "green"
    } else if statuses.iter().all(|s| s == "complete") {
        "complete"
    } else if has("complete") {
        "green"
    } else {
        "not_started"
    }
}

#[tokio::test]
async fn priority_cards_follow_the_status_rule_for_the_chosen_period() {
    run("plan_priorities", Options::default(), |app| async move {
        let d = builtin_data();
        let prs = d["priorities"].as_array().unwrap();
        let periods: BTreeSet<String> = prs
            .iter()
            .flat_map(|p| p["projects"].as_array().unwrap().iter())
            .flat_map(|x| x["updates"].as_array().unwrap().iter())
            .map(|u| u["period"].as_str().unwrap().to_string())
            .collect();
        let expect_at = |period: &str| -> Vec<(String, String)> {
            prs.iter()
                .map(|p| {
                    let st: Vec<String> = p["projects"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|x| {
                            let ups: Vec<(String, String)> = x["updates"]
                                .as_array()
                                .unwrap()
                                .iter()
                                .map(|u| {
                                    (
                                        u["period"].as_str().unwrap().into(),
                                        u["status"].as_str().unwrap().into(),
                                    )
                                })
                                .collect();
                            status_at(&ups, period)
                        })
                        .collect();
                    (
                        p["id"].as_str().unwrap().to_string(),
                        rollup(&st).to_string(),
                    )
                })
                .collect()
        };
        let cards = |app: std::sync::Arc<gt_e2e::App>| async move {
            let mut v = Vec::new();
            for c in app.find_all("[data-testid=priority-card]").await {
                v.push((
                    c.attr("data-id").await.unwrap().unwrap(),
                    c.attr("data-status").await.unwrap().unwrap(),
                ));
            }
            v
        };
        let latest = periods.iter().max().unwrap().clone();
        let first = periods.iter().min().unwrap().clone();

        app.open(&format!("#/priorities?period={latest}")).await;
        app.find("[data-testid=priority-card]").await;
        assert_eq!(cards(app.clone()).await, expect_at(&latest));
        let label = app.text("period-label").await;
        assert!(label.starts_with("Progress at Q"), "{label}");
        app.screenshot("priorities-1280").await;
        app.assert_accessible("/priorities").await;

        // Another period: statuses as they stood then.
        app.find("[data-testid=priorities-period]")
            .await
            .select_by_value(&first)
            .await
            .unwrap();
        let want = expect_at(&first);
        let start = std::time::Instant::now();
        while cards(app.clone()).await != want {
            assert!(
                start.elapsed() < gt_e2e::WAIT,
                "cards never showed {want:?}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert_eq!(app.hash().await, format!("#/priorities?period={first}"));
        // The chosen period carries on to the priority's page.
        let pid = &want[0].0;
        app.click(&format!("[data-testid=priority-card][data-id={pid}] h2 a"))
            .await;
        app.find("[data-testid=project]").await;
        assert_eq!(
            app.hash().await,
            format!("#/priorities/{pid}?period={first}")
        );
        let st = app
            .find("[data-testid=priority-status]")
            .await
            .attr("data-status")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(st, want[0].1);
    })
    .await;
}

#[tokio::test]
async fn plan_pages_at_tablet_width_and_by_keyboard() {
    let options = Options {
        width: 800,
        height: 1000,
        ..Options::default()
    };
    run("plan_tablet", options, |app| async move {
        let d = builtin_data();
        let acts = actions(&d);
        let total = acts.len();
        let expect = overdue_ids(&d, &acts, &latest_action_period(&acts));
        app.open("#/improvement").await;
        app.wait_text("result-count", &showing(total, total)).await;
        app.screenshot("improvement-800").await;
        // Nothing wider than the window.
        let overflow = app
            .js("return document.documentElement.scrollWidth > window.innerWidth")
            .await;
        assert_eq!(overflow, false, "the page scrolls sideways at 800 px");
        app.assert_accessible("/improvement at 800 px").await;

        // Keyboard: focus the overdue box and press Space.
        app.js("document.getElementById('plan-overdue').focus(); return true")
            .await;
        app.press(" ").await;
        app.wait_text("result-count", &showing(expect.len(), total))
            .await;
        app.screenshot("improvement-overdue-800").await;

        app.open("#/priorities").await;
        app.find("[data-testid=priority-card]").await;
        app.screenshot("priorities-800").await;
        app.assert_accessible("/priorities at 800 px").await;
        let p = d["priorities"][0]["id"].as_str().unwrap();
        app.open(&format!("#/priorities/{p}")).await;
        app.find("[data-testid=thread]").await;
        app.screenshot("priority-800").await;
        let overflow = app
            .js("return document.documentElement.scrollWidth > window.innerWidth")
            .await;
        assert_eq!(
            overflow, false,
            "the priority page scrolls sideways at 800 px"
        );
        app.assert_accessible("a priority page at 800 px").await;
        let a = d["themes"][0]["areas"][0]["id"].as_str().unwrap();
        app.open(&format!("#/improvement/{a}")).await;
        app.find("[data-testid=area-action]").await;
        app.screenshot("area-800").await;
        app.assert_accessible("an area page at 800 px").await;
    })
    .await;
}

#[tokio::test]
async fn plan_pages_fit_a_320_pixel_screen() {
    let options = Options {
        width: 320,
        height: 800,
        ..Options::default()
    };
    run("plan_narrow_320", options, |app| async move {
        let d = builtin_data();
        let p = d["priorities"][0]["id"].as_str().unwrap().to_string();
        let a = d["themes"][0]["areas"][0]["id"].as_str().unwrap().to_string();
        for hash in [
            "#/improvement?service=ict".to_string(),
            format!("#/priorities/{p}"),
            format!("#/improvement/{a}"),
        ] {
            app.open(&hash).await;
            app.find("main h1").await;
            let overflow = app
                .js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
                .await;
            assert_eq!(overflow, 0, "{hash} overflows sideways at 320 px");
        }
        app.open("#/improvement?service=ict").await;
        app.screenshot("improvement-320").await;
    })
    .await;
}
