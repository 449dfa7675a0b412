//! The app shell in a real browser: routes, deep links, not found, the data-load error page,
//! keyboard navigation.

use gt_e2e::{run, Key, Options};

#[tokio::test]
async fn every_route_renders_its_heading() {
    run(
        "every_route_renders_its_heading",
        Options::default(),
        |app| async move {
            app.open("#/").await;
            let title = app.text("dataset-title").await;
            assert_eq!(title, "oneSource performance");
            assert_eq!(app.heading().await, title);
            for (hash, heading) in [
                ("#/priorities", "Strategic priorities"),
                ("#/improvement", "Improvement plan"),
                ("#/indicators", "Indicators"),
                ("#/report", "Committee pack"),
                ("#/data", "Data"),
                ("#/accessibility", "Accessibility statement"),
            ] {
                app.open(hash).await;
                assert_eq!(app.heading().await, heading, "{hash}");
                let title = app.js("return document.title").await;
                assert!(title.as_str().unwrap().starts_with(heading), "{title}");
            }
            // Footer: as-of date and the accessibility statement link.
            let as_of = app.text("as-of").await;
            assert!(as_of.starts_with("Data as of "), "{as_of}");
            app.click_link("Accessibility statement").await;
            app.wait_until("the statement shows", |c| async move {
                c.execute(
                    "return document.querySelector('main h1').textContent",
                    vec![],
                )
                .await
                .map(|v| v == "Accessibility statement")
                .unwrap_or(false)
            })
            .await;
            app.screenshot("overview-desktop").await;
        },
    )
    .await;
}

#[tokio::test]
async fn deep_link_opened_fresh_shows_its_page_and_back_forward_work() {
    run(
        "deep_link_opened_fresh",
        Options::default(),
        |app| async move {
            // A first visit straight to a detail page.
            app.open("#/indicators/does-not-exist").await;
            assert_eq!(app.heading().await, "Indicator not found");
            app.open("#/improvement").await;
            assert_eq!(app.heading().await, "Improvement plan");
            let first_area = app.find("main a[href^='#/improvement/']").await;
            let href = first_area.attr("href").await.unwrap().unwrap();
            first_area.click().await.unwrap();
            app.wait_until("the area page shows", |c| async move {
                c.execute("return location.hash", vec![])
                    .await
                    .map(|v| v.as_str().unwrap_or("").starts_with("#/improvement/"))
                    .unwrap_or(false)
            })
            .await;
            assert_eq!(app.hash().await, href);
            app.back().await;
            assert_eq!(app.hash().await, "#/improvement");
            assert_eq!(app.heading().await, "Improvement plan");
            app.forward().await;
            assert_eq!(app.hash().await, href);
            // The navigation marks the current section.
            let current = app
                .find("nav a[aria-current=page]")
                .await
                .text()
                .await
                .unwrap();
            assert_eq!(current, "Improvement plan");
        },
    )
    .await;
}

#[tokio::test]
async fn unknown_route_shows_not_found_with_a_way_back() {
    run("not_found", Options::default(), |app| async move {
        app.open("#/no/such/page").await;
        assert_eq!(app.heading().await, "Page not found");
        let body = app.text_of("main").await;
        assert!(body.contains("/no/such/page"), "{body}");
        app.click_link("Go to the overview").await;
        app.wait_until("the overview shows", |c| async move {
            c.execute("return location.hash", vec![])
                .await
                .map(|v| v == "#/")
                .unwrap_or(false)
        })
        .await;
        assert_eq!(app.heading().await, "oneSource performance");
    })
    .await;
}

#[tokio::test]
async fn broken_data_file_gets_a_clear_error_page() {
    let options = Options {
        overrides: vec![(
            "data/onesource.json".into(),
            Some(
                b"{ \"format\": \"golden-thread/1\", \"title\": \"x\",\n  \"councils\": [ }"
                    .to_vec(),
            ),
        )],
        ..Options::default()
    };
    run("broken_data_file", options, |app| async move {
        app.open("#/indicators").await;
        assert_eq!(app.heading().await, "The data could not be loaded");
        let problems = app.text("load-problems").await;
        assert!(problems.contains("line 2, column"), "{problems}");
        assert!(problems.contains("not valid JSON"), "{problems}");
        app.screenshot("load-error").await;
    })
    .await;
}

#[tokio::test]
async fn invalid_data_lists_every_problem_with_its_place() {
    let bad = r#"{ "format": "golden-thread/1", "title": "t", "organisation": "o",
      "councils": [ { "id": "havering", "name": "Havering" } ],
      "services": [ { "id": "ict", "name": "ICT", "councils": ["havering"] } ],
      "indicators": [
        { "id": "A", "name": "a", "service": "ict", "council": "hackney", "frequency": "quarterly", "polarity": "higher",
          "values": [ { "period": "2019-20-Q5", "target": 1 } ] },
        { "id": "A", "name": "b", "service": "ict", "council": "havering", "frequency": "quarterly", "polarity": "higher",
          "values": [] } ] }"#;
    let options = Options {
        overrides: vec![("data/onesource.json".into(), Some(bad.as_bytes().to_vec()))],
        ..Options::default()
    };
    run("invalid_data", options, |app| async move {
        app.open("#/").await;
        assert_eq!(app.heading().await, "The data could not be loaded");
        let problems = app.text("load-problems").await;
        assert!(
            problems.contains("indicators[0].values[0].period: \"2019-20-Q5\" is not a period"),
            "{problems}"
        );
        // Type errors come first; cross-references are checked once the file reads cleanly.
        assert!(!problems.contains("hackney"), "{problems}");
    })
    .await;
}

#[tokio::test]
async fn missing_data_file_says_so() {
    let options = Options {
        overrides: vec![("data/onesource.json".into(), None)],
        ..Options::default()
    };
    run("missing_data_file", options, |app| async move {
        app.open("#/").await;
        assert_eq!(app.heading().await, "The data could not be loaded");
        let problems = app.text("load-problems").await;
        assert!(problems.contains("404"), "{problems}");
    })
    .await;
}

#[tokio::test]
async fn keyboard_reaches_the_navigation_and_follows_links() {
    run(
        "keyboard_navigation",
        Options::default(),
        |app| async move {
            app.open("#/").await;
            // The first Tab stop is the skip link, then the product name, then the navigation.
            app.js(
                "document.activeElement && document.activeElement.blur(); document.body.focus();",
            )
            .await;
            app.press(&Key::Tab.to_string()).await;
            let first = app.js("return document.activeElement.textContent").await;
            assert_eq!(first, "Skip to main content");
            // The focused skip link is visible (moved on screen) and has the focus colour.
            let bg = app
                .js("return getComputedStyle(document.activeElement).backgroundColor")
                .await;
            assert_eq!(bg, "rgb(255, 221, 0)");
            let mut reached = None;
            for _ in 0..6 {
                app.press(&Key::Tab.to_string()).await;
                let t = app.js("return document.activeElement.textContent").await;
                if t == "Indicators" {
                    reached = Some(t);
                    break;
                }
            }
            assert!(reached.is_some(), "Tab did not reach the Indicators link");
            let outline = app
                .js("const s = getComputedStyle(document.activeElement); return s.backgroundColor")
                .await;
            assert_eq!(
                outline, "rgb(255, 221, 0)",
                "the focused link shows the yellow focus state"
            );
            app.press(&Key::Enter.to_string()).await;
            app.wait_until("the indicators page shows", |c| async move {
                c.execute("return location.hash", vec![])
                    .await
                    .map(|v| v == "#/indicators")
                    .unwrap_or(false)
            })
            .await;
            assert_eq!(app.heading().await, "Indicators");
            // Focus moved to the new page's content.
            let focused = app.js("return document.activeElement.id").await;
            assert_eq!(focused, "main-content");
        },
    )
    .await;
}

#[tokio::test]
async fn shell_pages_have_no_accessibility_violations() {
    run(
        "shell_accessibility",
        Options::default(),
        |app| async move {
            for hash in ["#/data", "#/accessibility", "#/no/such/page"] {
                app.open(hash).await;
                app.assert_accessible(hash).await;
            }
        },
    )
    .await;
}

#[tokio::test]
async fn nothing_overflows_a_320_pixel_screen() {
    let options = Options {
        width: 320,
        height: 800,
        ..Options::default()
    };
    run("narrow_320", options, |app| async move {
        for hash in ["#/", "#/indicators", "#/indicators/EX-01-LBB", "#/priorities", "#/improvement", "#/data", "#/accessibility"] {
            app.open(hash).await;
            let overflow = app.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth").await;
            assert_eq!(overflow, 0, "{hash} overflows sideways at 320 px");
        }
        app.open("#/").await;
        app.screenshot("overview-320").await;
    })
    .await;
}
