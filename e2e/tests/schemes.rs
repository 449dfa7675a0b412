//! Each council's own RAG scheme, as an officer sets it up: a return with rows from three
//! councils whose published statuses follow three different schemes is imported; each council's
//! scheme is set on "How statuses are worked out"; the statuses the app's rules give then equal
//! what the councils published, and the one hand-set status that disagrees is marked (list,
//! detail, pack) and can be filtered on.
//!
//! Data: core/tests/fixtures/returns-base.json (as the built-in data) and
//! core/tests/fixtures/returns-three-schemes.csv. Every expected status below was worked out by
//! hand from the schemes' words:
//!
//! Newham, bands (Green within 5% of target, Amber within 10%):
//!   CT-01-LBN 92.0 v 96.0: 4.0 off, 5% is 4.8 → Green (the standard 10% rule: Amber)
//!   NNDR-01-LBN 90.0 v 97.0: 7.0 off, 4.85 < 7.0 ≤ 9.7 → Amber (standard: Amber)
//!   INV-01-LBN 85.0 v 95.0: 10.0 off, more than 9.5 → Red (standard: Red)
//!   HR-01-LBN 2.1 v 2.0 days (lower is better): 0.1 over, 5% is 0.1 → Green (standard: Amber)
//! Havering, on track / off track:
//!   CT-01-LBH 95.9 v 96.0 → off track, Red (standard: Amber)
//!   NNDR-01-LBH 97.5 v 97.0 → on track, Green (standard: Green)
//!   HR-01-LBH 2.2 v 2.0 days → off track, Red (standard: 0.2 is 10% of 2, Amber)
//! Bexley, Green within 10%; beyond, Amber if improved on the same quarter a year earlier:
//!   CT-01-LBB 85.0 v 96.0: 11.0 off (> 9.6), up from 80.0 → Amber (standard: Red)
//!   INV-01-LBB 84.0 v 95.0: 11.0 off (> 9.5), down from 90.0 → Red (standard: Red)
//!   NNDR-01-LBB 95.0 v 97.0: 2.0 off (≤ 9.7) → Green (standard: Amber)
//!   HR-02-LBB 3.4% v 3.0% (lower is better): 0.4 over (> 0.3), down from 3.5 → Amber;
//!     published Red: the one real disagreement (standard: Red, so it only shows with the
//!     right scheme).

use gt_e2e::{root, run, App, Options};
use std::path::PathBuf;
use std::sync::Arc;

fn fixture(name: &str) -> PathBuf {
    root().join("core/tests/fixtures").join(name)
}

fn options() -> Options {
    let base = std::fs::read(fixture("returns-base.json")).unwrap();
    Options {
        overrides: vec![("data/onesource.json".into(), Some(base))],
        ..Options::default()
    }
}

/// What the councils published for Q1 2019/20.
const PUBLISHED: [(&str, &str); 11] = [
    ("CT-01-LBN", "green"),
    ("NNDR-01-LBN", "amber"),
    ("INV-01-LBN", "red"),
    ("HR-01-LBN", "green"),
    ("CT-01-LBH", "red"),
    ("NNDR-01-LBH", "green"),
    ("HR-01-LBH", "red"),
    ("CT-01-LBB", "amber"),
    ("INV-01-LBB", "red"),
    ("NNDR-01-LBB", "green"),
    ("HR-02-LBB", "red"),
];

/// (id, status shown, the rules' answer when marked as differing) of every row of a list view.
async fn rows(app: &Arc<App>, hash: &str) -> Vec<(String, String, Option<String>)> {
    app.open(hash).await;
    app.find("[data-testid=result-count]").await;
    let v = app
        .js("return Array.from(document.querySelectorAll('[data-testid=indicator-row]')).map(r => [r.dataset.id, r.dataset.status, (r.querySelector('[data-testid=differs]') || {dataset: {}}).dataset.rules || null])")
        .await;
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r[0].as_str().unwrap().to_string(),
                r[1].as_str().unwrap().to_string(),
                r[2].as_str().map(str::to_string),
            )
        })
        .collect()
}

async fn set_scheme(
    app: &Arc<App>,
    council: &str,
    kind: &str,
    green: Option<&str>,
    amber: Option<&str>,
) {
    app.click(&format!("[data-testid=scheme-change-{council}]"))
        .await;
    app.click(&format!("[data-testid=scheme-kind-{kind}]"))
        .await;
    if let Some(g) = green {
        app.js("document.querySelector('[data-testid=scheme-green]').value = ''")
            .await;
        app.type_into("[data-testid=scheme-green]", g).await;
    }
    if let Some(a) = amber {
        app.js("document.querySelector('[data-testid=scheme-amber]').value = ''")
            .await;
        app.type_into("[data-testid=scheme-amber]", a).await;
    }
    app.click("[data-testid=scheme-save]").await;
    app.wait_text(
        &format!("scheme-saved-{council}"),
        "Scheme saved in this browser. Statuses now follow it.",
    )
    .await;
}

#[tokio::test]
async fn three_councils_three_schemes_statuses_match_what_each_published() {
    run("three_schemes", options(), |app| async move {
        app.open("#/data").await;
        app.upload(
            "[data-testid=import-file]",
            &fixture("returns-three-schemes.csv"),
        )
        .await;
        // The import already notes the six statuses the standard rule disagrees with.
        let preview = app.text("import-preview").await;
        for row in [2, 5, 6, 8, 12, 14] {
            assert!(
                preview.contains(&format!("Row {row}: the file says")),
                "{row}: {preview}"
            );
        }
        app.click("[data-testid=import-merge]").await;
        app.find("[data-testid=import-done]").await;

        // With the standard rule for everybody, six published statuses look wrong.
        let period = "period=2019-20-Q1";
        let differs = rows(&app, &format!("#/indicators?{period}&differs=1")).await;
        let mut ids: Vec<&str> = differs.iter().map(|r| r.0.as_str()).collect();
        ids.sort();
        assert_eq!(
            ids,
            [
                "CT-01-LBB",
                "CT-01-LBH",
                "CT-01-LBN",
                "HR-01-LBH",
                "HR-01-LBN",
                "NNDR-01-LBB"
            ],
            "{differs:?}"
        );

        // Each council's scheme, set on "How statuses are worked out" in edit mode.
        app.click("[data-testid=edit-toggle]").await;
        app.open("#/statuses").await;
        assert_eq!(app.heading().await, "How statuses are worked out");
        set_scheme(&app, "newham", "bands", Some("5"), Some("10")).await;
        set_scheme(&app, "havering", "two_state", None, None).await;
        app.click("[data-testid=scheme-change-bexley]").await;
        app.click("[data-testid=scheme-kind-direction]").await;
        app.assert_accessible("the scheme form, open").await;
        app.screenshot("scheme-form").await;
        app.click("[data-testid=scheme-cancel]").await;
        set_scheme(&app, "bexley", "direction", Some("10"), None).await;
        let newham = app.text("scheme-newham").await;
        assert!(
            newham.contains("Green: on or better than the target, or within 5% of target.")
                && newham.contains(
                    "Amber: missed by more than 5% of target but no more than 10% of target."
                ),
            "{newham}"
        );
        assert!(app
            .text("scheme-havering")
            .await
            .contains("Off track (Red)"));
        assert!(app
            .text("scheme-bexley")
            .await
            .contains("improved or the same against the same period a year earlier"));

        // Every status shown is what the council published; only HR-02-LBB's disagrees with
        // its council's rules, which give Amber.
        let all = rows(&app, &format!("#/indicators?{period}")).await;
        for (id, published) in PUBLISHED {
            let row = all
                .iter()
                .find(|r| r.0 == id)
                .unwrap_or_else(|| panic!("{id}"));
            assert_eq!(row.1, published, "{id}");
            let expected = (id == "HR-02-LBB").then(|| "amber".to_string());
            assert_eq!(row.2, expected, "{id}");
        }
        let differs = rows(&app, &format!("#/indicators?{period}&differs=1")).await;
        assert_eq!(
            differs,
            vec![("HR-02-LBB".into(), "red".into(), Some("amber".into()))]
        );
        // The filter is a control on the list too, and in the link.
        app.open(&format!("#/indicators?{period}")).await;
        app.click("[data-testid=filter-differs]").await;
        app.wait_until("the list keeps one row", |c| async move {
            c.execute(
                "return document.querySelectorAll('[data-testid=indicator-row]').length",
                vec![],
            )
            .await
            .ok()
            .and_then(|v| v.as_u64())
                == Some(1)
        })
        .await;
        assert!(app.hash().await.contains("differs=1"));

        // The detail page and the pack's exception report carry the mark and the rules' answer.
        app.open(&format!("#/indicators/HR-02-LBB?{period}")).await;
        let status = app.text_of("[data-testid=period-status]").await;
        let status = status.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            status.contains("Differs from the rules, which give Amber"),
            "{status}"
        );
        let rated = app.text("rated-by").await;
        assert!(
            rated.contains("London Borough of Bexley's scheme"),
            "{rated}"
        );
        app.open(&format!("#/report?{period}")).await;
        let pack_mark = app.text("pack-differs").await;
        assert_eq!(pack_mark, "Set by hand as Red; the rules give Amber.");

        // The schemes are edits like any other: kept after a reload, and undone one by one.
        app.reload().await;
        app.find("[data-testid=edit-toggle]").await;
        let again = rows(&app, &format!("#/indicators?{period}&differs=1")).await;
        assert_eq!(again.len(), 1, "{again:?}");
        let bar = app
            .js("return !!document.querySelector('[data-testid=undo]')")
            .await;
        if bar.as_bool() != Some(true) {
            app.click("[data-testid=edit-toggle]").await;
        }
        app.click("[data-testid=undo]").await; // Bexley's scheme goes
        let after_undo = rows(&app, &format!("#/indicators?{period}&differs=1")).await;
        let mut ids: Vec<&str> = after_undo.iter().map(|r| r.0.as_str()).collect();
        ids.sort();
        // Bexley back on the standard rule: CT-01-LBB (Amber, rules Red) and NNDR-01-LBB
        // (Green, rules Amber) differ again; HR-02-LBB (Red, rules Red) agrees.
        assert_eq!(ids, ["CT-01-LBB", "NNDR-01-LBB"], "{after_undo:?}");
    })
    .await;
}
