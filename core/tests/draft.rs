//! Drafts and sources (`gt_core::draft`): which fields, figures and answers an officer's edits
//! change against the published data, the words every page and the printed pack show, and
//! what an offline copy carries.
//!
//! Expected values are worked out by hand from the small dataset written here.

use gt_core::draft::{changed_figures, link_parts, CopyNote, Draft, Provenance, Source};
use gt_core::edit::{Change, Target};
use gt_core::*;
use serde_json::{json, Value};
use std::collections::BTreeSet;

fn p(s: &str) -> Period {
    Period::parse(s).unwrap()
}

/// One quarterly indicator with four quarters (higher is better), one action with updates in
/// Q1 and Q2 2019/20, one project with an update in Q1 2020/21.
///
/// I1: Q1 2018/19 actual 70; Q1 2019/20 80 (target 90); Q2 2019/20 85 (target 90);
///     Q3 2019/20 target 90, no actual yet.
fn file() -> Value {
    json!({
        "format": "golden-thread/1", "title": "Perf", "organisation": "oneSource", "as_of": "2019-12-31",
        "councils": [ { "id": "a", "name": "A" } ],
        "services": [ { "id": "s", "name": "S", "councils": ["a"] } ],
        "themes": [ { "id": "T1", "title": "t", "areas": [ { "id": "A1", "title": "Area one", "actions": [
            { "id": "A1-1", "title": "Fix the rota", "due": "2020-03-31", "updates": [
                { "period": "2019-20-Q1", "status": "green", "percent_complete": 10 },
                { "period": "2019-20-Q2", "status": "green", "percent_complete": 40, "commentary": "On track" } ] } ] } ] } ],
        "priorities": [ { "id": "P1", "title": "p", "projects": [ { "id": "P1-1", "title": "New system",
            "updates": [ { "period": "2020-21-Q1", "status": "amber" } ] } ] } ],
        "indicators": [ { "id": "I1", "name": "Calls answered", "service": "s", "council": "a", "frequency": "quarterly",
            "polarity": "higher", "unit": "%", "decimals": 1, "values": [
                { "period": "2018-19-Q1", "target": 90, "actual": 70 },
                { "period": "2019-20-Q1", "target": 90, "actual": 80 },
                { "period": "2019-20-Q2", "target": 90, "actual": 85 },
                { "period": "2019-20-Q3", "target": 90 } ] } ]
    })
}

fn ds() -> Dataset {
    parse_dataset(&file().to_string()).unwrap()
}

fn change(n: u32, target: Target, field: &str, old: Value, new: Value) -> Change {
    Change {
        id: format!("g{n}.0"),
        at: format!("2026-05-13T10:00:{n:02}Z"),
        target,
        field: field.into(),
        old,
        new,
    }
}

fn iv(period: &str) -> Target {
    Target::IndicatorValue {
        indicator: "I1".into(),
        period: period.into(),
    }
}

fn action(period: &str) -> Target {
    Target::ActionUpdate {
        action: "A1-1".into(),
        period: period.into(),
    }
}

#[test]
fn no_edits_no_draft() {
    let d = Draft::of(&ds(), &[]);
    assert!(d.is_empty());
    assert_eq!(d.count(), 0);
    assert!(changed_figures(&ds(), &[]).is_empty());
    assert!(!d.indicator_at("I1", &p("2019-20-Q2")));
}

#[test]
fn one_changed_actual_is_one_change_to_one_figure() {
    let log = [change(
        1,
        iv("2019-20-Q2"),
        "actual",
        json!(85.0),
        json!(87.5),
    )];
    let d = Draft::of(&ds(), &log);
    assert_eq!(d.count(), 1);
    assert_eq!(
        d.headline(),
        "Draft: includes 1 change not in the published data"
    );
    assert_eq!(
        changed_figures(&ds(), &log),
        BTreeSet::from([("I1".to_string(), p("2019-20-Q2"))])
    );
    assert!(d.figure("I1", &p("2019-20-Q2")));
    assert!(!d.figure("I1", &p("2019-20-Q1")));
    let c = &d.changes[0];
    assert_eq!(
        c.line(),
        "Calls answered (I1), Q2 2019/20 · Actual: was 85.0%, now 87.5%"
    );
    assert_eq!(c.href, "#/indicators/I1");
    // As at Q2: the status's value and the latest figure are the edited one.
    assert!(d.indicator_at("I1", &p("2019-20-Q2")));
    // As at Q1 nothing the pages say depends on Q2.
    assert!(!d.indicator_at("I1", &p("2019-20-Q1")));
    // As at Q3 (no actual yet): the latest figure shown is Q2's, as at Q2.
    assert!(d.indicator_at("I1", &p("2019-20-Q3")));
}

#[test]
fn counts_what_was_changed_and_ignores_edits_put_back() {
    let log = [
        change(1, iv("2019-20-Q2"), "actual", json!(85.0), json!(87.5)),
        change(
            2,
            iv("2019-20-Q2"),
            "commentary",
            Value::Null,
            json!("Better staffing"),
        ),
        // Edited twice: one change, from the published value to the last one.
        change(3, iv("2019-20-Q2"), "actual", json!(87.5), json!(88.0)),
        // Edited and put back: no change.
        change(4, iv("2019-20-Q1"), "target", json!(90.0), json!(95.0)),
        change(5, iv("2019-20-Q1"), "target", json!(95.0), json!(90)),
    ];
    let d = Draft::of(&ds(), &log);
    // One thing changed (Q2's figures), two of its fields: counted as "Your changes" counts.
    assert_eq!(d.count(), 1, "{:?}", d.changes);
    assert_eq!(d.fields(), 2);
    assert_eq!(
        d.headline(),
        "Draft: includes 1 change (2 fields) not in the published data"
    );
    assert_eq!(d.changes[0].now, "88.0%");
    assert_eq!(d.changes[1].field_label, "Commentary");
    assert_eq!(d.changes[1].was, "(empty)");
    assert_eq!(d.changes[1].now, "“Better staffing”");
    assert_eq!(
        d.figures(),
        BTreeSet::from([("I1".to_string(), p("2019-20-Q2"))])
    );
    assert!(!d.indicator_at("I1", &p("2019-20-Q1")));
}

#[test]
fn a_commentary_alone_changes_what_the_period_shows() {
    let log = [change(
        1,
        iv("2019-20-Q1"),
        "commentary",
        Value::Null,
        json!("x"),
    )];
    let d = Draft::of(&ds(), &log);
    assert!(d.indicator_at("I1", &p("2019-20-Q1")));
    // Q2 has its own figure; its direction of travel compares Q2 with Q1's actual, which did
    // not change.
    assert!(!d.indicator_at("I1", &p("2019-20-Q2")));
}

#[test]
fn an_earlier_figure_changes_a_later_direction_of_travel() {
    // Q1 2019/20 from 80 to 84: Q2 (85) is still "Improved" on Q1, but against 84 now, so the
    // short-term direction shown for Q2 differs.
    let log = [change(
        1,
        iv("2019-20-Q1"),
        "actual",
        json!(80.0),
        json!(84),
    )];
    let d = Draft::of(&ds(), &log);
    assert!(d.indicator_at("I1", &p("2019-20-Q1")));
    assert!(d.indicator_at("I1", &p("2019-20-Q2")));
    assert!(!d.figure("I1", &p("2019-20-Q2")));
}

#[test]
fn a_new_period_is_a_changed_figure() {
    let log = [change(
        1,
        iv("2019-20-Q3"),
        "actual",
        Value::Null,
        json!(91),
    )];
    let d = Draft::of(&ds(), &log);
    assert_eq!(d.count(), 1);
    assert_eq!(
        d.changes[0].line(),
        "Calls answered (I1), Q3 2019/20 · Actual: was (empty), now 91.0%"
    );
    assert!(d.indicator_at("I1", &p("2019-20-Q3")));
    assert!(!d.indicator_at("I1", &p("2019-20-Q2")));
}

#[test]
fn numbers_are_compared_as_numbers() {
    // The log says 85 (an integer) where the data has 85.0: nothing differs.
    let log = [change(
        1,
        iv("2019-20-Q2"),
        "actual",
        json!(85.0),
        json!(85),
    )];
    assert!(Draft::of(&ds(), &log).is_empty());
}

#[test]
fn changes_that_cannot_apply_are_not_counted() {
    let gone = Target::IndicatorValue {
        indicator: "GONE".into(),
        period: "2019-20-Q2".into(),
    };
    let log = [change(1, gone, "actual", Value::Null, json!(1))];
    assert!(Draft::of(&ds(), &log).is_empty());
}

#[test]
fn progress_updates_and_new_actions() {
    let log = [
        change(
            1,
            action("2019-20-Q2"),
            "status",
            json!("green"),
            json!("amber"),
        ),
        change(
            2,
            Target::NewAction {
                area: "A1".into(),
                action: "A1-2".into(),
            },
            "action",
            Value::Null,
            json!({ "title": "Train the team", "councils": ["a"] }),
        ),
        change(
            3,
            Target::ProjectUpdate {
                project: "P1-1".into(),
                period: "2020-21-Q1".into(),
            },
            "percent_complete",
            Value::Null,
            json!(30),
        ),
    ];
    let d = Draft::of(&ds(), &log);
    assert_eq!(d.count(), 3);
    assert_eq!(
        d.changes[0].line(),
        "Action A1-1 (Fix the rota), progress Q2 2019/20 · Status: was On track, now At risk"
    );
    assert_eq!(d.changes[0].href, "#/improvement/A1");
    assert_eq!(
        d.changes[1].line(),
        "New action A1-2 in area A1 (Train the team): added"
    );
    assert_eq!(d.changes[2].now, "30%");
    // The action's state differs as at Q2 and after (its latest update is Q2's), not before.
    assert!(!d.work_at("A1-1", &p("2019-20-Q1")));
    assert!(d.work_at("A1-1", &p("2019-20-Q2")));
    assert!(d.work_at("A1-1", &p("2019-20-Q3")));
    // A new action is new whatever the period.
    assert!(d.work_at("A1-2", &p("2019-20-Q1")));
    assert!(d.work_at("P1-1", &p("2020-21-Q1")));
    assert!(!d.work_at("P1-1", &p("2019-20-Q2")));
    // No indicator figure changed.
    assert!(d.figures().is_empty());
}

#[test]
fn the_exported_data_opened_again_is_the_published_data() {
    // Export the data with the edits applied, open that file: measured against it, the same
    // edits change nothing.
    let log = [change(
        1,
        iv("2019-20-Q2"),
        "actual",
        json!(85.0),
        json!(87.5),
    )];
    let (shown, _) = edit::apply(&ds(), &log);
    let reopened = parse_dataset(&shown.to_json()).unwrap();
    assert!(Draft::of(&reopened, &log).is_empty());
    assert!(Draft::between(&reopened, &reopened, &log).is_empty());
}

#[test]
fn an_offline_copy_carries_its_draft_and_changes_in_it_go_on_top() {
    let log = [change(
        1,
        iv("2019-20-Q2"),
        "actual",
        json!(85.0),
        json!(87.5),
    )];
    let carried = Draft::of(&ds(), &log);
    let (copy_data, _) = edit::apply(&ds(), &log);
    // In the copy: another figure changed; one counts on top of the carried one.
    let local = Draft::of(
        &copy_data,
        &[change(
            2,
            iv("2019-20-Q1"),
            "target",
            json!(90.0),
            json!(92),
        )],
    );
    let both = carried.on_top(&local);
    assert_eq!(both.count(), 2);
    assert!(both.figure("I1", &p("2019-20-Q1")) && both.figure("I1", &p("2019-20-Q2")));
    // The carried change put back to the published value: no longer a change.
    let back = Draft::of(
        &copy_data,
        &[change(
            3,
            iv("2019-20-Q2"),
            "actual",
            json!(87.5),
            json!(85),
        )],
    );
    let none = carried.on_top(&back);
    assert_eq!(none.count(), 0, "{:?}", none.changes);
    // Changed again: the published value stays what it was.
    let again = Draft::of(
        &copy_data,
        &[change(
            4,
            iv("2019-20-Q2"),
            "actual",
            json!(87.5),
            json!(89),
        )],
    );
    let d = carried.on_top(&again);
    assert_eq!(d.count(), 1);
    assert_eq!(
        (d.changes[0].was.as_str(), d.changes[0].now.as_str()),
        ("85.0%", "89.0%")
    );
    // The note round-trips through the copy's JSON.
    let note = CopyNote {
        provenance: Provenance::new(
            Source::BuiltIn {
                file: "onesource.json".into(),
            },
            &ds(),
        )
        .in_copy("2026-05-13T09:00:00Z"),
        draft: carried.clone(),
    };
    let back = CopyNote::parse(&note.to_json()).unwrap();
    assert_eq!(back, note);
    assert!(back.draft.indicator_at("I1", &p("2019-20-Q2")));
}

#[test]
fn link_parts_give_host_and_file() {
    assert_eq!(
        link_parts("https://example.org/data/perf.json"),
        ("example.org".into(), "perf.json".into())
    );
    assert_eq!(
        link_parts("http://user@localhost:8080/a/b/my%20figures.json?x=1#y"),
        ("localhost:8080".into(), "my figures.json".into())
    );
    assert_eq!(
        link_parts("file:///home/me/perf.json"),
        ("this computer".into(), "perf.json".into())
    );
    assert_eq!(
        link_parts("https://example.org/"),
        ("example.org".into(), String::new())
    );
    assert_eq!(
        link_parts("https://example.org/100%"),
        ("example.org".into(), "100%".into())
    );
}

#[test]
fn sources_in_words() {
    let d = ds();
    let built_in = Provenance::new(
        Source::BuiltIn {
            file: "onesource.json".into(),
        },
        &d,
    );
    assert!(built_in.illustrative, "the built-in data is illustrative");
    assert_eq!(built_in.label(), "Illustrative figures");
    assert_eq!(
        built_in.line(),
        "Illustrative figures: the built-in example data, not real oneSource performance."
    );
    assert_eq!(
        built_in.detail(),
        "The built-in example data, not real oneSource performance."
    );
    assert_eq!(
        built_in.footer(),
        "Illustrative figures: not real oneSource performance"
    );
    assert_eq!(
        built_in.published(),
        "onesource.json (the built-in data), as of 31 December 2019"
    );
    let link = Provenance::new(
        Source::Link {
            url: "https://example.org/perf/q2.json".into(),
        },
        &d,
    );
    assert!(!link.illustrative);
    assert_eq!(
        link.line(),
        "Data from example.org — q2.json (not the built-in data)."
    );
    assert_eq!(
        link.footer(),
        "Data from example.org — q2.json (not the built-in data)"
    );
    assert_eq!(
        link.published(),
        "q2.json from example.org, as of 31 December 2019"
    );
    let imported = Provenance::new(
        Source::Imported {
            name: "q2.json".into(),
            at: "2026-05-13T10:20:00.000Z".into(),
        },
        &d,
    );
    assert_eq!(imported.line(), "Imported from q2.json on 13 May 2026.");
    assert_eq!(
        imported.published(),
        "q2.json (imported on 13 May 2026), as of 31 December 2019"
    );
    assert_eq!(
        imported.in_copy("2026-05-14").line(),
        "Imported from q2.json on 13 May 2026. Offline copy made on 14 May 2026."
    );
    assert_eq!(
        imported.in_copy("2026-05-14").footer(),
        "Imported from q2.json on 13 May 2026 · Offline copy made on 14 May 2026"
    );
    // A file that says it is illustrative says so wherever it comes from.
    let mut v = file();
    v["illustrative"] = json!(true);
    let marked = parse_dataset(&v.to_string()).unwrap();
    assert!(draft::is_illustrative(&marked));
    assert!(
        parse_dataset(&marked.to_json())
            .map(|d| draft::is_illustrative(&d))
            .unwrap(),
        "kept when the data is exported"
    );
    let linked = Provenance::new(
        Source::Link {
            url: "https://example.org/perf/q2.json".into(),
        },
        &marked,
    );
    assert_eq!(
        linked.line(),
        "Illustrative figures: data from example.org — q2.json (not the built-in data)."
    );
}

#[test]
fn the_built_in_data_says_it_is_illustrative() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../public/data/onesource.json"
    ))
    .unwrap();
    let ds = parse_dataset(&text).unwrap();
    assert!(draft::is_illustrative(&ds));
    let about = ds.description.unwrap();
    for words in [
        "Illustrative figures",
        "its count of 45 areas",
        "51 Newham, 60 Havering, 9 Bexley",
        "Legal & Governance, Procurement, Business Services",
        "Invented for illustration",
    ] {
        assert!(
            about.contains(words),
            "the description should say {words:?}: {about}"
        );
    }
    // What it says matches the data.
    assert_eq!(ds.themes.iter().map(|t| t.areas.len()).sum::<usize>(), 45);
    assert!(about.contains("four themes"));
    assert_eq!(ds.themes.len(), 4);
    assert_eq!(ds.priorities.len(), 5);
    assert_eq!(ds.services.len(), 13, "four of the thirteen services");
    for name in [
        "Legal & Governance",
        "Procurement",
        "Business Services",
        "Internal Audit & Anti-Fraud",
    ] {
        assert!(
            ds.services.iter().any(|s| s.name.starts_with(name)),
            "{name}"
        );
    }
    let key: Vec<&str> = ds
        .indicators
        .iter()
        .filter(|i| i.key)
        .map(|i| i.name.as_str())
        .collect();
    assert_eq!(key.len(), 4, "{key:?}");
}
