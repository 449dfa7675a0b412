//! One answer for one period: the overview, the Priorities page, a priority's page, the
//! improvement plan, the indicator list and an indicator's page show the same status, direction
//! and overdue state for the same item, for several periods (before the strategy started, the
//! indicators' latest quarter, and the strategy's latest quarter), and that answer is the
//! reporting engine's (gt_core::engine). The chosen period is kept when moving between pages.

use gt_core::engine::Engine;
use gt_core::{parse_dataset, Dataset, Period};
use gt_e2e::{root, run, App, Options};
use serde_json::Value;

fn dataset() -> Dataset {
    let text = std::fs::read_to_string(root().join("public/data/onesource.json")).unwrap();
    parse_dataset(&text).unwrap()
}

/// `[data-id, data-status, data-overdue]` of every element matching `selector`, in page order.
async fn marks(app: &App, selector: &str) -> Vec<(String, String, String)> {
    let script = format!(
        "return Array.from(document.querySelectorAll({:?})).map(e => [e.getAttribute('data-id') || '', e.getAttribute('data-status') || '', e.getAttribute('data-overdue') || ''])",
        selector
    );
    let v: Value = app.js(&script).await;
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r[0].as_str().unwrap().to_string(),
                r[1].as_str().unwrap().to_string(),
                r[2].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Waits until `selector` matches at least `n` elements.
async fn wait_for(app: &App, selector: &str, n: usize) {
    let sel = selector.to_string();
    app.wait_until(&format!("{n} × {selector}"), move |c| {
        let sel = sel.clone();
        async move {
            c.execute(
                &format!("return document.querySelectorAll({sel:?}).length"),
                vec![],
            )
            .await
            .ok()
            .and_then(|v| v.as_u64())
            .is_some_and(|k| k as usize >= n)
        }
    })
    .await;
}

const PERIODS: [&str; 4] = ["2018-19-Q3", "2019-20-Q3", "2020-21-Q2", "2021-22-Q3"];

#[tokio::test]
async fn every_page_gives_the_engines_answer_for_the_same_period() {
    run("periods_agree", Options::default(), |app| async move {
        let ds = dataset();
        for period in PERIODS {
            let e = Engine::new(&ds, Period::parse(period).unwrap());
            let want_priorities: Vec<(String, String)> = ds
                .priorities
                .iter()
                .map(|p| (p.id.clone(), e.priority(p).status.as_str().to_string()))
                .collect();

            // Overview: priorities and the overdue count of actions.
            app.open(&format!("#/?period={period}")).await;
            wait_for(&app, "[data-testid=priority-summary] li", ds.priorities.len()).await;
            let got: Vec<(String, String)> = marks(&app, "[data-testid=priority-summary] li")
                .await
                .into_iter()
                .map(|(id, st, _)| (id, st))
                .collect();
            assert_eq!(got, want_priorities, "overview priorities at {period}");
            let overdue = e.action_counts(|_| true).overdue;
            assert_eq!(
                app.text("overdue-count").await.trim(),
                overdue.to_string(),
                "overview overdue actions at {period}"
            );
            // Council counts on the overview.
            for (c, counts) in e.council_counts() {
                let red = app
                    .text_of(&format!(
                        "[data-testid=council-summary][data-council={}] [data-testid=count-red] .gt-count-link__n",
                        c.id
                    ))
                    .await;
                assert_eq!(red.trim(), counts.red.to_string(), "{} red at {period}", c.id);
            }

            // Priorities page.
            app.open(&format!("#/priorities?period={period}")).await;
            wait_for(&app, "[data-testid=priority-card]", ds.priorities.len()).await;
            let got: Vec<(String, String)> = marks(&app, "[data-testid=priority-card]")
                .await
                .into_iter()
                .map(|(id, st, _)| (id, st))
                .collect();
            assert_eq!(got, want_priorities, "priorities page at {period}");

            // One priority's page: its projects, with overdue.
            let pr = &ds.priorities[2];
            app.open(&format!("#/priorities/{}?period={period}", pr.id)).await;
            wait_for(&app, "[data-testid=project]", pr.projects.len()).await;
            let want: Vec<(String, String, String)> = pr
                .projects
                .iter()
                .map(|x| {
                    let w = e.project(x);
                    (x.id.clone(), w.status.as_str().to_string(), w.overdue.to_string())
                })
                .collect();
            assert_eq!(marks(&app, "[data-testid=project]").await, want, "{} at {period}", pr.id);
            // The thread's actions agree with the improvement plan below.
            let thread_actions = marks(&app, "[data-testid=thread-action]").await;

            // Improvement plan: every action's status and overdue flag.
            app.open(&format!("#/improvement?period={period}")).await;
            let n_actions = ds.actions().count();
            wait_for(&app, "[data-testid=action-row]", n_actions).await;
            let want: Vec<(String, String, String)> = ds
                .actions()
                .map(|(_, _, x)| {
                    let w = e.action(x);
                    (x.id.clone(), w.status.as_str().to_string(), w.overdue.to_string())
                })
                .collect();
            let rows = marks(&app, "[data-testid=action-row]").await;
            assert_eq!(rows, want, "improvement plan at {period}");
            for (id, st, _) in &thread_actions {
                let row = rows.iter().find(|r| &r.0 == id).unwrap();
                assert_eq!(&row.1, st, "thread action {id} at {period}");
            }

            // Indicator list (key indicators, and Bexley's own with the shared ones for it: each fits on one page).
            for filter in ["key=1", "council=bexley"] {
                app.open(&format!("#/indicators?{filter}&period={period}")).await;
                let want: Vec<(String, String)> = ds
                    .indicators
                    .iter()
                    .filter(|i| if filter == "key=1" { i.key } else { i.serves("bexley") })
                    .map(|i| (i.id.clone(), e.status(i).rag.as_str().to_string()))
                    .collect();
                wait_for(&app, "[data-testid=indicator-row]", want.len()).await;
                let got: Vec<(String, String)> = marks(&app, "[data-testid=indicator-row]")
                    .await
                    .into_iter()
                    .map(|(id, st, _)| (id, st))
                    .collect();
                assert_eq!(got, want, "indicator list ({filter}) at {period}");
            }

            // The committee pack for the same period: priorities, projects, actions and every
            // indicator's status.
            app.open(&format!("#/report?period={period}")).await;
            wait_for(&app, "[data-testid=pack-priority-row]", ds.priorities.len()).await;
            let got: Vec<(String, String)> = marks(&app, "[data-testid=pack-priority-row]")
                .await
                .into_iter()
                .map(|(id, st, _)| (id, st))
                .collect();
            assert_eq!(got, want_priorities, "pack priorities at {period}");
            let want_projects: Vec<(String, String, String)> = ds
                .projects()
                .map(|(_, x)| {
                    let w = e.project(x);
                    (x.id.clone(), w.status.as_str().to_string(), w.overdue.to_string())
                })
                .collect();
            assert_eq!(
                marks(&app, "[data-testid=pack-project-row]").await,
                want_projects,
                "pack projects at {period}"
            );
            let pack_actions = marks(&app, "[data-testid=pack-action-row]").await;
            for (id, st, od) in &pack_actions {
                let row = rows.iter().find(|r| &r.0 == id).unwrap();
                assert_eq!((&row.1, &row.2), (st, od), "pack action {id} at {period}");
            }
            let pack_inds = marks(&app, "[data-testid=pack-indicator-row]").await;
            assert_eq!(pack_inds.len(), ds.indicators.len(), "every indicator in the pack");
            for (id, st, _) in &pack_inds {
                let i = ds.indicator(id).unwrap();
                assert_eq!(st, e.status(i).rag.as_str(), "pack indicator {id} at {period}");
            }

            // A key indicator's page: the status for the period, the latest figure's status and
            // its direction of travel, as in the engine.
            let key = ds.indicators.iter().find(|i| i.key).unwrap();
            let at = e.indicator(key);
            app.open(&format!("#/indicators/{}?period={period}", key.id)).await;
            let status = app
                .find("[data-testid=period-status]")
                .await
                .attr("data-status")
                .await
                .unwrap()
                .unwrap();
            assert_eq!(status, at.status.rag.as_str(), "{} at {period}", key.id);
            if let Some((_, s)) = at.latest {
                let latest = app
                    .find("[data-testid=latest-status]")
                    .await
                    .attr("data-status")
                    .await
                    .unwrap()
                    .unwrap();
                assert_eq!(latest, s.rag.as_str());
            }
            let short = app.text("short-term").await;
            match at.short_term {
                Some(t) => assert!(short.contains(&t.describe()), "{short} at {period}"),
                None => assert!(short.contains('–'), "{short} at {period}"),
            }
            // The overview's key tile says the same.
            app.open(&format!("#/?period={period}")).await;
            let tile = format!("[data-testid=key-tile][data-id={}]", key.id);
            app.find(&tile).await;
            if let Some((_, s)) = at.latest {
                let st = app
                    .find(&format!("{tile} [data-testid=key-status]"))
                    .await
                    .attr("data-status")
                    .await
                    .unwrap()
                    .unwrap();
                assert_eq!(st, s.rag.as_str(), "key tile at {period}");
                let travel = app.text_of(&format!("{tile} [data-testid=key-travel]")).await;
                if let Some(t) = at.short_term {
                    assert!(travel.contains(&t.describe()), "{travel}");
                }
            }
        }
    })
    .await;
}

#[tokio::test]
async fn the_chosen_period_is_kept_when_moving_between_pages() {
    run("periods_kept", Options::default(), |app| async move {
        app.open("#/?period=2021-22-Q3").await;
        app.find("[data-testid=priority-summary]").await;
        app.click("[data-testid=nav-priorities]").await;
        app.find("[data-testid=priority-card]").await;
        assert_eq!(app.hash().await, "#/priorities?period=2021-22-Q3");
        let label = app.text("period-label").await;
        assert!(label.contains("Q3 2021/22"), "{label}");
        app.click("[data-testid=nav-indicators]").await;
        app.find("[data-testid=indicator-row]").await;
        assert!(app.hash().await.contains("period=2021-22-Q3"), "{}", app.hash().await);
        // The picker on every page offers the same calendar, plan-only quarters said so.
        let label = app
            .js("const s = document.querySelector('[data-testid=filter-period]'); return s.options[s.selectedIndex].text")
            .await;
        assert_eq!(label, "Q3 2021/22 (plan updates only)");
        // Changing the period on an indicator's page (drawn again for the new period) keeps
        // the keyboard on the picker.
        app.open("#/indicators/EX-01-LBH").await;
        app.js("const s = document.getElementById('indicator-period'); s.focus(); s.value = '2019-20-Q2'; s.dispatchEvent(new Event('change')); return true").await;
        app.wait_until("the page shows Q2 2019/20", |c| async move {
            c.execute("return document.querySelector('[data-testid=period-label]').textContent", vec![])
                .await
                .map(|v| v.as_str().is_some_and(|t| t.contains("Q2 2019/20")))
                .unwrap_or(false)
        })
        .await;
        app.wait_until("focus is back on the picker", |c| async move {
            c.execute("return document.activeElement && document.activeElement.id", vec![])
                .await
                .map(|v| v == "indicator-period")
                .unwrap_or(false)
        })
        .await;
        // A period that is not in the data: the default, with a note saying so.
        app.open("#/priorities?period=2030-31-Q1").await;
        let note = app.text("period-note").await;
        assert!(note.contains("showing Q3 2019/20 instead"), "{note}");
    })
    .await;
}
