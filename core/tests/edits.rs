//! The change log against cases worked out by hand: reverting a field never deletes the words
//! beside it, what the log leaves always reads back as a valid file, and another tab's log is
//! followed as it is (its undos included).

use gt_core::edit::{apply, Change, EditLog, Target};
use gt_core::{parse_dataset, validate, Dataset, Period};
use proptest::prelude::*;
use serde_json::{json, Value};

/// One indicator with a Q1 2019/20 value (target 90, actual 80, a reason); Q2 is not in the file.
fn ds() -> Dataset {
    parse_dataset(
        &json!({
            "format": "golden-thread/1", "title": "t", "organisation": "o",
            "councils": [ { "id": "a", "name": "A" } ],
            "services": [ { "id": "s", "name": "S", "councils": ["a"] } ],
            "indicators": [ { "id": "I1", "name": "n", "service": "s", "council": "a", "frequency": "quarterly",
                "polarity": "higher", "values": [
                    { "period": "2019-20-Q1", "target": 90, "actual": 80, "reason": "Staff away" } ] } ]
        })
        .to_string(),
    )
    .unwrap()
}

fn iv(p: &str) -> Target {
    Target::IndicatorValue {
        indicator: "I1".into(),
        period: p.into(),
    }
}

fn change(n: u32, period: &str, field: &str, old: Value, new: Value) -> Change {
    Change {
        id: format!("g{n}.0"),
        at: format!("2026-11-23T10:00:{n:02}Z"),
        target: iv(period),
        field: field.into(),
        old,
        new,
    }
}

fn value(ds: &Dataset, period: &str) -> Option<gt_core::IndicatorValue> {
    let p = Period::parse(period).unwrap();
    ds.indicator("I1").unwrap().value(&p).cloned()
}

/// The data as the app exports it, read back as a file is read.
fn round_trip(ds: &Dataset) -> Dataset {
    assert!(validate(ds).is_empty(), "{:?}", validate(ds));
    parse_dataset(&ds.to_json()).unwrap_or_else(|p| panic!("the export does not read back: {p:?}"))
}

#[test]
fn revert_keeps_a_value_that_still_has_a_reason_remedial_action_or_justification() {
    // Three saves of Q2: a status set by hand with why; the reason and remedial action; then
    // the actual. Reverting the status leaves the words and the actual.
    let mut log = EditLog::default();
    log.push(change(1, "2019-20-Q2", "rag", Value::Null, json!("red")));
    log.push(change(
        2,
        "2019-20-Q2",
        "rag_justification",
        Value::Null,
        json!("Audit pending"),
    ));
    log.push(change(
        3,
        "2019-20-Q2",
        "reason",
        Value::Null,
        json!("Backlog"),
    ));
    log.push(change(
        4,
        "2019-20-Q2",
        "remedial_action",
        Value::Null,
        json!("Overtime"),
    ));
    log.push(change(5, "2019-20-Q2", "actual", Value::Null, json!(70)));
    log.revert(&iv("2019-20-Q2"), "rag");
    let (out, skipped) = apply(&ds(), &log.changes);
    assert!(skipped.is_empty(), "{skipped:?}");
    let q2 = value(&out, "2019-20-Q2").expect("Q2 is kept");
    assert_eq!(q2.actual, Some(70.0));
    assert_eq!(q2.rag, None);
    assert_eq!(q2.rag_justification.as_deref(), Some("Audit pending"));
    assert_eq!(q2.reason.as_deref(), Some("Backlog"));
    assert_eq!(q2.remedial_action.as_deref(), Some("Overtime"));
    round_trip(&out);
}

#[test]
fn a_figure_reverted_under_its_words_leaves_a_valid_file_and_loses_nothing() {
    // Q2 is new: an actual and a commentary. Reverting the actual leaves words with no
    // figure, which the data format does not take: Q2 is not shown, and the commentary stays
    // in the log, reported, until a figure comes back.
    let mut log = EditLog::default();
    log.push(change(1, "2019-20-Q2", "actual", Value::Null, json!(70)));
    log.push(change(
        2,
        "2019-20-Q2",
        "commentary",
        Value::Null,
        json!("Better"),
    ));
    log.revert(&iv("2019-20-Q2"), "actual");
    let (out, skipped) = apply(&ds(), &log.changes);
    assert_eq!(value(&out, "2019-20-Q2"), None);
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    assert_eq!(skipped[0].change_id, "g2.0");
    assert!(
        skipped[0]
            .why
            .starts_with("The commentary for I1 in Q2 2019/20 is waiting for a figure"),
        "{}",
        skipped[0].why
    );
    round_trip(&out);
    assert_eq!(log.changes.len(), 1, "the commentary is still in the log");
    // A figure again: the commentary is back.
    log.push(change(3, "2019-20-Q2", "target", Value::Null, json!(90)));
    let (out, skipped) = apply(&ds(), &log.changes);
    assert!(skipped.is_empty(), "{skipped:?}");
    assert_eq!(
        value(&out, "2019-20-Q2").unwrap().commentary.as_deref(),
        Some("Better")
    );
    round_trip(&out);
}

#[test]
fn a_source_value_emptied_of_figures_keeps_its_words() {
    // Clearing both figures of Q1 would leave its reason alone: Q1 stays as the file has it.
    let log = vec![
        change(1, "2019-20-Q1", "actual", json!(80.0), Value::Null),
        change(2, "2019-20-Q1", "target", json!(90.0), Value::Null),
    ];
    let (out, skipped) = apply(&ds(), &log);
    assert_eq!(skipped.len(), 2);
    let q1 = value(&out, "2019-20-Q1").unwrap();
    assert_eq!((q1.target, q1.actual), (Some(90.0), Some(80.0)));
    assert_eq!(q1.reason.as_deref(), Some("Staff away"));
    round_trip(&out);
}

fn field_value() -> impl Strategy<Value = (String, Value)> {
    prop_oneof![
        prop_oneof![Just(Value::Null), (0u8..120).prop_map(|n| json!(n))]
            .prop_map(|v| ("actual".to_string(), v)),
        prop_oneof![Just(Value::Null), (0u8..120).prop_map(|n| json!(n))]
            .prop_map(|v| ("target".to_string(), v)),
        prop_oneof![Just(Value::Null), Just(json!("red")), Just(json!("green"))]
            .prop_map(|v| ("rag".to_string(), v)),
        prop_oneof![
            Just("commentary"),
            Just("reason"),
            Just("remedial_action"),
            Just("rag_justification")
        ]
        .prop_flat_map(|f| {
            prop_oneof![Just(Value::Null), Just(json!("")), Just(json!("words"))]
                .prop_map(move |v| (f.to_string(), v))
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Any saves to Q1 (in the file) and Q2 (new), then any fields reverted: what is shown
    /// validates, exports and reads back.
    #[test]
    fn whatever_revert_leaves_exports_and_reads_back(
        edits in prop::collection::vec((any::<bool>(), field_value()), 1..12),
        reverts in prop::collection::vec((any::<bool>(), 0usize..7), 0..5),
    ) {
        let src = ds();
        let mut log = EditLog::default();
        for (n, (q2, (field, new))) in edits.into_iter().enumerate() {
            let period = if q2 { "2019-20-Q2" } else { "2019-20-Q1" };
            let shown = apply(&src, &log.changes).0;
            let old = gt_core::edit::current(&shown, &iv(period), &field);
            log.push(change(n as u32, period, &field, old, new));
        }
        for (q2, f) in reverts {
            let period = if q2 { "2019-20-Q2" } else { "2019-20-Q1" };
            log.revert(&iv(period), gt_core::edit::VALUE_FIELDS[f]);
        }
        let (out, _) = apply(&src, &log.changes);
        prop_assert!(validate(&out).is_empty(), "{:?}", validate(&out));
        let back = parse_dataset(&out.to_json());
        prop_assert!(back.is_ok(), "{:?}", back.err());
    }
}

fn log_of(changes: Vec<Change>) -> EditLog {
    EditLog {
        changes,
        ..Default::default()
    }
}

fn c(n: u32) -> Change {
    change(n, "2019-20-Q1", "actual", Value::Null, json!(n))
}

#[test]
fn an_undo_in_another_tab_is_followed_not_brought_back() {
    // Both tabs hold c1, c2 (what storage held). The other tab undoes c2.
    let base = vec![c(1), c(2)];
    let mut here = log_of(base.clone());
    let theirs = vec![c(1)];
    let f = here.follow(&base, &theirs);
    assert_eq!((f.added, f.removed), (0, 1));
    assert_eq!(here.changes, theirs, "the undo is followed here");
    // It can be put back here with Redo.
    assert!(here.can_redo());
    assert_eq!(here.redo().unwrap().id, "g2.0");
    // Following only additions (the old rule) would have kept c2, and this tab's next save
    // would have written it back.
    let mut old = log_of(base.clone());
    assert_eq!(old.merge(&theirs), 0);
    assert_eq!(old.changes.len(), 2);
}

#[test]
fn following_adds_theirs_removes_what_they_took_back_and_keeps_unsaved_ones() {
    // Storage held c1, c2, c3. This tab also has c5, which storage never held (its save
    // failed). The other tab took back c2 and c3 (a revert) and added c4.
    let base = vec![c(1), c(2), c(3)];
    let mut here = log_of(vec![c(1), c(2), c(3), c(5)]);
    let theirs = vec![c(1), c(4)];
    let f = here.follow(&base, &theirs);
    assert_eq!((f.added, f.removed), (1, 2));
    let ids: Vec<&str> = here.changes.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["g1.0", "g4.0", "g5.0"], "time order");
    // Redo puts back the earlier one first.
    assert_eq!(here.redo().unwrap().id, "g2.0");
    assert_eq!(here.redo().unwrap().id, "g3.0");
}

#[test]
fn a_discard_in_another_tab_is_followed_and_can_be_redone() {
    let base = vec![c(1), c(2)];
    let mut here = log_of(base.clone());
    let f = here.follow(&base, &[]);
    assert_eq!((f.added, f.removed), (0, 2));
    assert!(here.changes.is_empty());
    assert_eq!(here.redo_group(), 1);
    assert_eq!(here.changes.len(), 1);
}

#[test]
fn following_the_same_log_changes_nothing() {
    let base = vec![c(1), c(2)];
    let mut here = log_of(base.clone());
    here.push(c(3));
    here.undo();
    let before = here.clone();
    assert_eq!(here.follow(&base, &base), Default::default());
    assert_eq!(here, before);
}
