//! Finished on every screen (issue 14): the editing flow where the user is, one "Finish
//! editing", and what a save counts.

use gt_e2e::{latest_period, run, App, Options};
use std::sync::Arc;

const IND: &str = "EX-01-LBH";

async fn focused_testid(app: &Arc<App>) -> String {
    app.js("const a = document.activeElement; return a ? (a.getAttribute('data-testid') || a.tagName) : ''")
        .await
        .as_str()
        .unwrap_or("")
        .to_string()
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

#[tokio::test]
async fn the_figures_form_opens_under_its_row_and_gives_focus_back() {
    run("finish-edit-in-place", Options::default(), |app| async move {
        let p = latest_period(IND);
        app.open(&format!("#/indicators/{IND}")).await;
        app.start_editing().await;
        let edit = format!("[data-testid=edit-row-{p}]");
        app.click(&edit).await;
        app.find("[data-testid=edit-form]").await;
        // In place: the row after the edited one holds the form, and it is on screen.
        let placed = app
            .js(&format!(
                "const tr = document.querySelector('{edit}').closest('tr'); \
                 const next = tr.nextElementSibling; \
                 return !!(next && next.querySelector('[data-testid=edit-form]'))"
            ))
            .await;
        assert_eq!(placed, true, "the form is directly under the row");
        // Focus moved into the form (its heading), which is in view.
        app.wait_until("focus is in the form", |c| async move {
            c.execute(
                "return !!document.activeElement.closest('[data-testid=edit-form]')",
                vec![],
            )
            .await
            .map(|v| v == true)
            .unwrap_or(false)
        })
        .await;
        let in_view = app
            .js("const r = document.activeElement.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight")
            .await;
        assert_eq!(in_view, true, "the focused heading is on screen");
        assert_eq!(focused_testid(&app).await, "edit-form-heading");
        app.assert_accessible("edit mode with the form open").await;
        // Cancel: focus back on the row's Edit button.
        app.click("[data-testid=edit-cancel]").await;
        wait_form_closed(&app).await;
        assert_eq!(focused_testid(&app).await, format!("edit-row-{p}"));
        // Save two fields: focus back on the button, "Saved" said next to it.
        app.click(&edit).await;
        app.type_into("[data-testid=edit-actual]", "12.5").await;
        app.type_into("[data-testid=edit-commentary]", "Checked twice").await;
        app.click("[data-testid=edit-save]").await;
        wait_form_closed(&app).await;
        let want = format!("edit-row-{p}");
        app.wait_until("focus is back on Edit", |c| {
            let want = want.clone();
            async move {
                c.execute(
                    "return document.activeElement.getAttribute('data-testid')",
                    vec![],
                )
                .await
                .map(|v| v == want.as_str())
                .unwrap_or(false)
            }
        })
        .await;
        let note = app.find(&format!("[data-testid=saved-{p}]")).await;
        assert_eq!(
            note.attr("role").await.unwrap().as_deref(),
            Some("status"),
            "announced to screen readers"
        );
        let sel = format!("return document.querySelector('[data-testid=saved-{p}]').textContent.startsWith('Saved')");
        app.wait_until("Saved is said next to the row", |c| {
            let sel = sel.clone();
            async move { c.execute(&sel, vec![]).await.map(|v| v == true).unwrap_or(false) }
        })
        .await;
        app.screenshot("saved-1280").await;
        // One save of one form is one change, however many fields it changed.
        assert_eq!(
            app.text("changes-link").await,
            "Your changes (1)",
            "actual and commentary saved together"
        );
        app.open("#/changes").await;
        let count = app.text("changes-count").await;
        assert!(count.starts_with("1 change "), "{count}");
        assert_eq!(app.find_all("[data-testid=change-row]").await.len(), 2);
        // Dates as the rest of the app writes them, in local time, live and after a reload.
        let when = app
            .js("return document.querySelector('[data-testid=change-row] td.gt-nowrap').textContent")
            .await;
        let expected = app
            .js("const d = new Date(); const m = ['January','February','March','April','May','June','July','August','September','October','November','December']; \
                 return d.getDate() + ' ' + m[d.getMonth()] + ' ' + d.getFullYear() + ', ' + String(d.getHours()).padStart(2, '0') + ':'")
            .await;
        assert!(
            when.as_str().unwrap().starts_with(expected.as_str().unwrap()),
            "{when} should start {expected}"
        );
        app.reload().await;
        let again = app
            .js("return document.querySelector('[data-testid=change-row] td.gt-nowrap').textContent")
            .await;
        assert_eq!(again, when);
    })
    .await;
}

#[tokio::test]
async fn one_finish_editing_button_and_the_edit_bar_is_in_a_landmark() {
    run("finish-one-button", Options { width: 768, height: 1000, ..Options::default() }, |app| async move {
        app.open(&format!("#/indicators/{IND}")).await;
        app.start_editing().await;
        let n = app
            .js("return [...document.querySelectorAll('button, a')].filter(b => b.textContent.trim() === 'Finish editing').length")
            .await;
        assert_eq!(n, 1, "one Finish editing button");
        let in_landmark = app
            .js("return !!document.querySelector('[data-testid=edit-bar]').closest('main, nav, header, footer, aside, section[aria-label], [role=region]')")
            .await;
        assert_eq!(in_landmark, true, "the edit bar is in a landmark");
        app.assert_accessible("edit mode at 768").await;
        app.screenshot("edit-bar-768").await;
        app.click("[data-testid=finish-editing]").await;
        app.wait_until("editing stops", |c| async move {
            c.execute("return !document.querySelector('[data-testid=edit-bar]')", vec![])
                .await
                .map(|v| v == true)
                .unwrap_or(false)
        })
        .await;
    })
    .await;
}

#[tokio::test]
async fn the_form_fits_a_phone() {
    run("finish-edit-phone", Options { width: 375, height: 800, ..Options::default() }, |app| async move {
        let p = latest_period(IND);
        app.open(&format!("#/indicators/{IND}")).await;
        app.start_editing().await;
        app.click(&format!("[data-testid=edit-row-{p}]")).await;
        app.find("[data-testid=edit-form]").await;
        let fits = app
            .js("const r = document.querySelector('[data-testid=edit-form]').getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth")
            .await;
        app.screenshot("form-375").await;
        assert_eq!(fits, true, "the form is within the screen");
        app.assert_accessible("the form open on a phone").await;
    })
    .await;
}

async fn choose(app: &Arc<App>, testid: &str, value: &str) {
    app.js(&format!(
        "const s = document.querySelector('[data-testid={testid}]'); s.value = '{value}'; s.dispatchEvent(new Event('change'));"
    ))
    .await;
}

/// Whether the element can take focus (it is shown and in the tab order).
async fn focusable(app: &Arc<App>, selector: &str) -> bool {
    app.js(&format!(
        "const e = document.querySelector('{selector}'); e.focus(); const ok = document.activeElement === e; e.blur(); return ok"
    ))
    .await
        == true
}

#[tokio::test]
async fn a_tablet_sorts_with_a_visible_control() {
    run(
        "finish-sort-768",
        Options {
            width: 768,
            height: 1000,
            ..Options::default()
        },
        |app| async move {
            app.open("#/indicators").await;
            // The hidden header's buttons are out of the tab order; "Sort by" is shown instead.
            assert!(
                !focusable(&app, "[data-testid=sort-name]").await,
                "hidden sort buttons take no focus"
            );
            assert!(
                focusable(&app, "[data-testid=sort-by]").await,
                "Sort by is shown"
            );
            let label = app
                .js("return document.querySelector('label[for=sort-by]').textContent")
                .await;
            assert_eq!(label, "Sort by");
            choose(&app, "sort-by", "status").await;
            app.wait_until("sorted by status", |c| async move {
                c.execute("return location.hash", vec![])
                    .await
                    .map(|v| v.as_str().is_some_and(|h| h.contains("sort=status")))
                    .unwrap_or(false)
            })
            .await;
            choose(&app, "sort-direction", "descending").await;
            app.wait_until("descending", |c| async move {
                c.execute("return location.hash", vec![])
                    .await
                    .map(|v| v.as_str().is_some_and(|h| h.contains("sort=-status")))
                    .unwrap_or(false)
            })
            .await;
            // The URL drives the control: a reload shows the same choice.
            app.reload().await;
            assert_eq!(
                app.js("return document.querySelector('[data-testid=sort-by]').value")
                    .await,
                "status"
            );
            assert_eq!(
                app.js("return document.querySelector('[data-testid=sort-direction]').value")
                    .await,
                "descending"
            );
            app.js("document.querySelector('[data-testid=sort-narrow]').scrollIntoView()")
                .await;
            app.screenshot("indicators-sort-768").await;
            app.assert_accessible("the indicators at 768 px").await;
        },
    )
    .await;
    run("finish-sort-1280", Options::default(), |app| async move {
        app.open("#/indicators").await;
        assert!(
            focusable(&app, "[data-testid=sort-name]").await,
            "the header sorts on a wide screen"
        );
        assert!(
            !focusable(&app, "[data-testid=sort-by]").await,
            "no second sort control"
        );
    })
    .await;
}

#[tokio::test]
async fn a_phone_folds_the_filters_away() {
    run("finish-filters-375", Options { width: 375, height: 800, ..Options::default() }, |app| async move {
        app.open("#/indicators?council=bexley&status=red").await;
        let toggle = app.text("filters-toggle").await;
        assert_eq!(toggle, "Filters (2 active)");
        let expanded = app.js("return document.querySelector('[data-testid=filters-toggle]').getAttribute('aria-expanded')").await;
        assert_eq!(expanded, "false");
        // The result count and the first result are on the first screen.
        let seen = app
            .js("const c = document.querySelector('[data-testid=result-count]').getBoundingClientRect(); \
                 const r = document.querySelector('[data-testid=indicator-row]').getBoundingClientRect(); \
                 return [c.bottom <= innerHeight, r.top < innerHeight]")
            .await;
        app.screenshot("indicators-375").await;
        assert_eq!(seen, serde_json::json!([true, true]), "count and first result visible without scrolling");
        app.click("[data-testid=filters-toggle]").await;
        assert!(focusable(&app, "[data-testid=filter-council-bexley]").await, "the filters open");
        app.screenshot("indicators-filters-open-375").await;
        app.assert_accessible("the indicators at 375 px, filters open").await;
    })
    .await;
}

#[tokio::test]
async fn times_are_local_live_and_after_a_reload() {
    // A browser far from UTC, so a UTC time shown as local would be hours out. chromedriver
    // (started per test) and its browser take the zone from the environment.
    std::env::set_var("TZ", "Pacific/Auckland");
    run("finish-local-times", Options::default(), |app| async move {
        let offset = app.js("return new Date().getTimezoneOffset()").await;
        assert_ne!(offset, 0, "the browser runs in Auckland time");
        let p = latest_period(IND);
        app.open(&format!("#/indicators/{IND}")).await;
        app.start_editing().await;
        app.click(&format!("[data-testid=edit-row-{p}]")).await;
        app.type_into("[data-testid=edit-actual]", "44.4").await;
        app.click("[data-testid=edit-save]").await;
        wait_form_closed(&app).await;
        // What the local clock says now: "2 December 2026, 21:17" and "21:".
        let local = app
            .js("const d = new Date(); const m = ['January','February','March','April','May','June','July','August','September','October','November','December']; \
                 return [d.getDate() + ' ' + m[d.getMonth()] + ' ' + d.getFullYear() + ', ' + String(d.getHours()).padStart(2, '0') + ':', String(d.getHours()).padStart(2, '0') + ':']")
            .await;
        let (day_hour, hour) = (
            local[0].as_str().unwrap().to_string(),
            local[1].as_str().unwrap().to_string(),
        );
        let live = app.text("save-status").await;
        assert!(live.contains(&format!("at {hour}")), "{live}: local {hour}");
        app.open("#/changes").await;
        let when = app.text_of("[data-testid=change-row] td.gt-nowrap").await;
        assert!(when.starts_with(&day_hour), "{when} is local ({day_hour}…)");
        app.reload().await;
        let again = app.text_of("[data-testid=change-row] td.gt-nowrap").await;
        assert_eq!(again, when, "the same after a reload");
        app.start_editing().await;
        let saved = app.text("save-status").await;
        assert!(saved.contains(&format!("at {hour}")), "{saved}: local {hour} after a reload");
    })
    .await;
}
