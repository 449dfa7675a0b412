//! The trend chart as a reader sees it: period labels that never overprint or leave the chart,
//! round value ticks, and a percentage axis that stays within 0–100%.

use gt_e2e::{run, Options};
use serde_json::Value;

/// A monthly percentage indicator (24 months: the labels must be thinned).
const MONTHLY: &str = "ICT-01-LBH";

#[tokio::test]
async fn monthly_chart_labels_do_not_overlap_and_ticks_are_round() {
    for width in [1280u32, 375] {
        let options = Options {
            width,
            height: 900,
            ..Options::default()
        };
        run(&format!("chart_{width}"), options, |app| async move {
            app.open(&format!("#/indicators/{MONTHLY}")).await;
            app.find("[data-testid=trend-chart]").await;
            // Every x label's box, and the chart's.
            let v: Value = app
                .js("const svg = document.querySelector('[data-testid=trend-chart]').getBoundingClientRect(); \
                     const ls = Array.from(document.querySelectorAll('[data-testid=trend-chart] [data-testid=x-label]')).map(t => { const r = t.getBoundingClientRect(); return [r.left, r.right, t.textContent]; }); \
                     return [svg.left, svg.right, ls];")
                .await;
            let (left, right) = (v[0].as_f64().unwrap(), v[1].as_f64().unwrap());
            let labels = v[2].as_array().unwrap();
            assert!(labels.len() >= 2, "some labels at {width}");
            for pair in labels.windows(2) {
                let (a_right, b_left) = (pair[0][1].as_f64().unwrap(), pair[1][0].as_f64().unwrap());
                assert!(
                    a_right < b_left,
                    "{} overprints {} at {width} px",
                    pair[0][2],
                    pair[1][2]
                );
            }
            for l in labels {
                assert!(
                    l[0].as_f64().unwrap() >= left - 0.5 && l[1].as_f64().unwrap() <= right + 0.5,
                    "{} is clipped at {width} px",
                    l[2]
                );
            }
            // The latest month is labelled.
            let last = labels.last().unwrap()[2].as_str().unwrap().to_string();
            assert!(last.ends_with("2020") || last.ends_with("2019"), "{last}");
            // Value ticks: round numbers in equal steps, never above 100%.
            let ticks: Value = app
                .js("return Array.from(document.querySelectorAll('[data-testid=trend-chart] .gt-chart__tick:not([data-testid=x-label])')).map(t => t.textContent)")
                .await;
            let nums: Vec<f64> = ticks
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t.as_str().unwrap().trim_end_matches('%').replace(',', "").parse().unwrap())
                .collect();
            assert!(nums.len() >= 3, "{nums:?}");
            assert!(nums.iter().all(|x| *x <= 100.0 && *x >= 0.0), "{nums:?}");
            let step = nums[1] - nums[0];
            let mut mag = 1e-6;
            while mag * 10.0 <= step.abs() {
                mag *= 10.0;
            }
            let f = (step / mag * 100.0).round() / 100.0;
            assert!(
                [1.0, 2.0, 2.5, 5.0, 10.0].contains(&f),
                "step {step} is not 1, 2, 2.5 or 5 × a power of ten: {nums:?}"
            );
            for w in nums.windows(2) {
                assert!(((w[1] - w[0]) - step).abs() < 1e-6, "equal steps: {nums:?}");
            }
        })
        .await;
    }
}

/// Axis text at least 12 px as rendered (the SVG's text scales with its viewBox, so the
/// computed font size times the scale), and no two pieces of text overprinting, at desktop,
/// tablet and phone widths, for a monthly and a quarterly indicator.
#[tokio::test]
async fn chart_text_is_readable_and_never_overprints_at_any_width() {
    for width in [1280u32, 768, 375] {
        let options = Options {
            width,
            height: 900,
            ..Options::default()
        };
        run(&format!("chart_text_{width}"), options, |app| async move {
            for id in [MONTHLY, "EX-01-LBH"] {
                app.open(&format!("#/indicators/{id}")).await;
                app.find("[data-testid=trend-chart]").await;
                let v: Value = app
                    .js("const svg = document.querySelector('[data-testid=trend-chart]'); \
                         const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width; \
                         return [...svg.querySelectorAll('text')].map(t => { const r = t.getBoundingClientRect(); \
                           return [t.textContent, parseFloat(getComputedStyle(t).fontSize) * scale, r.left, r.top, r.right, r.bottom]; })")
                    .await;
                let texts = v.as_array().unwrap();
                assert!(texts.len() >= 5, "{id} at {width}: {v}");
                for t in texts {
                    let px = t[1].as_f64().unwrap();
                    assert!(px >= 12.0, "{id} at {width} px: {} is drawn at {px:.1} px", t[0]);
                }
                for (i, a) in texts.iter().enumerate() {
                    for b in &texts[i + 1..] {
                        let f = |t: &Value, k: usize| t[k].as_f64().unwrap();
                        let apart = f(a, 4) <= f(b, 2) || f(b, 4) <= f(a, 2) || f(a, 5) <= f(b, 3) || f(b, 5) <= f(a, 3);
                        assert!(apart, "{id} at {width} px: {} overprints {}", a[0], b[0]);
                    }
                }
            }
        })
        .await;
    }
}
