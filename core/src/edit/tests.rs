use super::*;

fn ds() -> Dataset {
    crate::parse_dataset(
        &json!({
            "format": "golden-thread/1", "title": "Perf", "organisation": "One Org",
            "councils": [ { "id": "a", "name": "A" } ],
            "services": [ { "id": "s", "name": "S", "councils": ["a"] } ],
            "themes": [ { "id": "T1", "title": "t", "areas": [ { "id": "A1", "title": "a", "actions": [
                { "id": "A1-1", "title": "x", "updates": [ { "period": "2019-20-Q1", "status": "green", "percent_complete": 10 } ] } ] } ] } ],
            "priorities": [ { "id": "P1", "title": "p", "projects": [ { "id": "P1-1", "title": "x" } ] } ],
            "indicators": [ { "id": "I1", "name": "n", "service": "s", "council": "a", "frequency": "quarterly",
                "polarity": "higher", "values": [ { "period": "2019-20-Q1", "target": 90, "actual": 80 } ] } ]
        })
        .to_string(),
    )
    .unwrap()
}

fn change(n: u32, target: Target, field: &str, old: Value, new: Value) -> Change {
    Change {
        id: format!("c{n}"),
        at: format!("2026-11-23T10:00:{n:02}Z"),
        target,
        field: field.into(),
        old,
        new,
    }
}

fn iv(p: &str) -> Target {
    Target::IndicatorValue {
        indicator: "I1".into(),
        period: p.into(),
    }
}

#[test]
fn apply_sets_fields_and_adds_the_next_period() {
    let src = ds();
    let log = vec![
        change(1, iv("2019-20-Q1"), "actual", json!(80.0), json!(85.5)),
        change(2, iv("2019-20-Q2"), "target", Value::Null, json!(90)),
        change(3, iv("2019-20-Q2"), "actual", Value::Null, json!(91)),
        change(
            4,
            iv("2019-20-Q2"),
            "commentary",
            Value::Null,
            json!("<b>Good</b> quarter"),
        ),
    ];
    let (out, skipped) = apply(&src, &log);
    assert!(skipped.is_empty(), "{skipped:?}");
    let i = out.indicator("I1").unwrap();
    assert_eq!(i.values.len(), 2);
    assert_eq!(i.values[0].actual, Some(85.5));
    assert_eq!(i.values[1].actual, Some(91.0));
    assert_eq!(
        i.values[1].commentary.as_deref(),
        Some("<b>Good</b> quarter")
    );
    assert!(crate::read::validate(&out).is_empty());
    // The source itself is untouched.
    assert_eq!(src.indicator("I1").unwrap().values.len(), 1);
}

#[test]
fn actions_projects_and_new_actions() {
    let src = ds();
    let a = Target::ActionUpdate {
        action: "A1-1".into(),
        period: "2019-20-Q2".into(),
    };
    let p = Target::ProjectUpdate {
        project: "P1-1".into(),
        period: "2021-22-Q1".into(),
    };
    let log = vec![
        change(1, a.clone(), "status", Value::Null, json!("amber")),
        change(2, a.clone(), "percent_complete", Value::Null, json!(35)),
        change(3, p.clone(), "status", Value::Null, json!("complete")),
        change(
            4,
            Target::NewAction {
                area: "A1".into(),
                action: "A1-2".into(),
            },
            "action",
            Value::Null,
            json!({ "title": "Review the rota", "owner": "Head of ICT", "councils": ["a"], "due": "2020-03-31" }),
        ),
        change(5, a.clone(), "percent_complete", json!(35), json!(140)),
    ];
    let (out, skipped) = apply(&src, &log);
    assert_eq!(skipped.len(), 1, "140% is refused: {skipped:?}");
    assert!(skipped[0].why.contains("outside 0–100"));
    let (_, _, act) = out.actions().find(|(_, _, a)| a.id == "A1-1").unwrap();
    assert_eq!(act.updates.len(), 2);
    assert_eq!(act.updates[1].status, WorkStatus::Amber);
    assert_eq!(act.updates[1].percent_complete, Some(35.0));
    assert!(out
        .actions()
        .any(|(_, _, a)| a.id == "A1-2" && a.title == "Review the rota"));
    assert_eq!(
        out.projects()
            .find(|(_, x)| x.id == "P1-1")
            .unwrap()
            .1
            .updates[0]
            .status,
        WorkStatus::Complete
    );
}

#[test]
fn changes_whose_target_is_gone_are_skipped_not_fatal() {
    let src = ds();
    let log = vec![
        change(
            1,
            Target::IndicatorValue {
                indicator: "GONE".into(),
                period: "2019-20-Q1".into(),
            },
            "actual",
            Value::Null,
            json!(1),
        ),
        change(2, iv("2019-20"), "actual", Value::Null, json!(1)),
        change(3, iv("2019-20-Q1"), "actual", json!(80.0), json!(81)),
    ];
    let (out, skipped) = apply(&src, &log);
    assert_eq!(skipped.len(), 2);
    assert_eq!(out.indicator("I1").unwrap().values[0].actual, Some(81.0));
}

#[test]
fn undo_redo_revert_and_merge() {
    let mut log = EditLog::default();
    log.push(change(
        1,
        iv("2019-20-Q1"),
        "actual",
        json!(80.0),
        json!(81),
    ));
    log.push(change(2, iv("2019-20-Q1"), "actual", json!(81), json!(82)));
    assert_eq!(log.undo().unwrap().id, "c2");
    assert!(log.can_redo());
    assert_eq!(log.redo().unwrap().id, "c2");
    log.undo();
    log.push(change(
        3,
        iv("2019-20-Q1"),
        "commentary",
        Value::Null,
        json!("x"),
    ));
    assert!(!log.can_redo(), "a new edit clears redo");
    log.revert(&iv("2019-20-Q1"), "actual");
    assert_eq!(log.changes.len(), 1);
    // Grouped edits undo and redo together.
    let mut g = EditLog::default();
    g.push(change(
        1,
        iv("2019-20-Q1"),
        "actual",
        json!(80.0),
        json!(81),
    ));
    let mut a = change(2, iv("2019-20-Q1"), "target", json!(90.0), json!(91));
    a.id = "g.0".into();
    let mut b = change(3, iv("2019-20-Q1"), "commentary", Value::Null, json!("c"));
    b.id = "g.1".into();
    g.push(a);
    g.push(b);
    assert_eq!(g.undo_group(), 2);
    assert_eq!(g.changes.len(), 1);
    assert_eq!(g.redo_group(), 2);
    assert_eq!(g.changes.len(), 3);
    // Merging another tab's log adds only what is new, in time order.
    let other = vec![
        log.changes[0].clone(),
        change(0, iv("2019-20-Q1"), "target", json!(90.0), json!(95)),
    ];
    assert_eq!(log.merge(&other), 1);
    assert_eq!(log.changes[0].id, "c0");
}

#[test]
fn net_changes_and_conflicts_with_a_new_source() {
    let src = ds();
    let log = vec![
        change(1, iv("2019-20-Q1"), "actual", json!(80.0), json!(81)),
        change(2, iv("2019-20-Q1"), "actual", json!(81), json!(82)),
        change(3, iv("2019-20-Q1"), "target", json!(90.0), json!(95)),
        change(4, iv("2019-20-Q1"), "target", json!(95), json!(90.0)),
    ];
    let net = net_changes(&src, &log);
    assert_eq!(
        net.len(),
        1,
        "a field edited back to the source value is no change: {net:?}"
    );
    assert_eq!((net[0].new.clone(), net[0].count), (json!(82), 2));
    assert!(!net[0].conflicts());
    // A newer source file changed the same figure: the edit conflicts.
    let mut newer = src.clone();
    newer.indicators[0].values[0].actual = Some(79.0);
    let net = net_changes(&newer, &log);
    assert!(net[0].conflicts());
    assert_eq!(net[0].source, json!(79.0));
}

#[test]
fn one_saved_form_is_one_change_however_many_fields() {
    let src = ds();
    let log = vec![
        // One save of the Q1 form: actual and commentary.
        change(1, iv("2019-20-Q1"), "actual", json!(80.0), json!(81)),
        change(
            2,
            iv("2019-20-Q1"),
            "commentary",
            Value::Null,
            json!("Better"),
        ),
        // One save of the Q2 form: target and actual.
        change(3, iv("2019-20-Q2"), "target", Value::Null, json!(90)),
        change(4, iv("2019-20-Q2"), "actual", Value::Null, json!(91)),
    ];
    let net = net_changes(&src, &log);
    assert_eq!(net.len(), 4, "four fields");
    assert_eq!(count_edits(&net), 2, "two saved forms");
    // Saving the Q1 form again is still one thing changed there.
    let mut log2 = log.clone();
    log2.push(change(5, iv("2019-20-Q1"), "actual", json!(81), json!(83)));
    assert_eq!(count_edits(&net_changes(&src, &log2)), 2);
    // Reverting every field of Q2 leaves one.
    assert_eq!(count_edits(&net_changes(&src, &log[..2])), 1);
    assert_eq!(count_edits(&[]), 0);
}

#[test]
fn saved_round_trip_and_bad_files() {
    let s = Saved::new(
        dataset_key(&ds()),
        fingerprint("abc"),
        "2026-11-23T10:00:00Z".into(),
        vec![change(
            1,
            iv("2019-20-Q1"),
            "actual",
            json!(80.0),
            json!(81),
        )],
    );
    assert_eq!(s.dataset, "one-org-perf");
    assert_eq!(Saved::parse(&s.to_json()).unwrap(), s);
    assert!(Saved::parse("{").unwrap_err().starts_with("not valid JSON"));
    assert!(Saved::parse("{\"format\":\"golden-thread/1\"}")
        .unwrap_err()
        .contains("is not a changes file"));
    assert!(Saved::parse("{\"format\":\"golden-thread-changes/1\",\"changes\":3}").is_err());
    assert_ne!(fingerprint("a"), fingerprint("b"));
}
