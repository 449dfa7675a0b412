//! The built-in dataset (`public/data/onesource.json`): it validates cleanly and holds what the
//! oneSource reports describe.

use gt_core::engine::{default_period, Engine};
use gt_core::{parse_dataset, Dataset, Frequency, Period, Rag, Scope};
use std::collections::BTreeMap;

fn load() -> Dataset {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/data/onesource.json");
    let text = std::fs::read_to_string(path).expect("the built-in dataset exists");
    match parse_dataset(&text) {
        Ok(ds) => ds,
        Err(ps) => panic!(
            "the built-in dataset has {} problems:\n{}",
            ps.len(),
            ps.iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

#[test]
fn councils_services_and_indicator_counts() {
    let ds = load();
    let ids: Vec<&str> = ds.councils.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["havering", "newham", "bexley"]);
    // The seeds' split: 120 operational indicators, 51 Newham, 60 Havering, 9 Bexley; each
    // council's own, counted in its figures.
    let mut ops: BTreeMap<&str, usize> = BTreeMap::new();
    for i in ds.indicators.iter().filter(|i| !i.key) {
        let c = i
            .scope
            .council()
            .expect("operational indicators are one council's");
        *ops.entry(c).or_default() += 1;
    }
    assert_eq!(ops.get("newham"), Some(&51));
    assert_eq!(ops.get("havering"), Some(&60));
    assert_eq!(ops.get("bexley"), Some(&9));
    assert_eq!(ops.values().sum::<usize>(), 120);
    let e = Engine::at_default(&ds).unwrap();
    for (c, n) in [("newham", 51), ("havering", 60), ("bexley", 9)] {
        assert_eq!(e.council_indicators(c).len(), n, "{c}'s own");
    }
    let key: Vec<_> = ds.indicators.iter().filter(|i| i.key).collect();
    assert_eq!(key.len(), 4, "the four key strategic indicators");
    // "Identified by the Joint Committee as the key priorities for the shared services": the
    // key indicators are the shared service's, not one council's.
    assert!(
        key.iter().all(|i| i.is_shared()),
        "key indicators are shared"
    );
    assert_eq!(e.shared_indicators().len(), 4);
    assert!(key.iter().all(|i| i.frequency == Frequency::Annual));
    let names = key
        .iter()
        .map(|i| i.name.to_lowercase())
        .collect::<Vec<_>>()
        .join(" | ");
    for word in ["satisfaction", "savings", "council tax", "nndr"] {
        assert!(names.contains(word), "{word} in {names}");
    }
    let ct = key
        .iter()
        .find(|i| i.name.to_lowercase().contains("council tax"))
        .unwrap();
    assert_eq!(
        ct.scope,
        Scope::Shared(vec!["havering".into()]),
        "Council Tax collection is Havering only (\"LBH only\")"
    );
    // The other three are for every council: NNDR collection is not marked Havering only.
    for i in key.iter().filter(|i| i.id != ct.id) {
        assert_eq!(i.scope, Scope::SharedAll, "{}", i.name);
    }
    // Shown in every council's view: three for Newham and Bexley, four for Havering.
    for (c, n) in [("newham", 54), ("havering", 64), ("bexley", 12)] {
        assert_eq!(e.indicators_for(c).len(), n, "shown for {c}");
    }
    // Services only one council receives.
    for (svc, council) in [
        ("passenger-transport", "havering"),
        ("technical-services", "havering"),
        ("council-tax-benefits", "havering"),
        ("projects-programmes", "newham"),
    ] {
        let s = ds.service(svc).unwrap_or_else(|| panic!("service {svc}"));
        assert_eq!(s.councils, [council], "{svc}");
    }
}

#[test]
fn strategy_and_improvement_plan() {
    let ds = load();
    assert_eq!(ds.priorities.len(), 5);
    assert!(ds.priorities.iter().all(|p| !p.projects.is_empty()));
    let themes: Vec<&str> = ds.themes.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        themes,
        [
            "Improved operational delivery",
            "Improved strategic impact and presence",
            "Communication, culture and branding",
            "Value for Money"
        ]
    );
    let areas: usize = ds.themes.iter().map(|t| t.areas.len()).sum();
    assert_eq!(areas, 45);
    for svc in ["ict", "asset-management", "hr-od"] {
        assert!(
            ds.themes
                .iter()
                .flat_map(|t| &t.areas)
                .any(|a| a.service.as_deref() == Some(svc)),
            "an area for {svc}"
        );
    }
    let q3 = Period::parse("2019-20-Q3").unwrap();
    let c = Engine::new(&ds, q3).action_counts(|_| true);
    assert!(
        c.complete > 0 && c.on_track > 0 && c.at_risk > 0 && c.off_track > 0,
        "{c:?}"
    );
    assert!(c.overdue > 0, "some actions are overdue: {c:?}");
}

#[test]
fn figures_give_a_plausible_mix_with_exception_reports() {
    let ds = load();
    let latest = default_period(&ds).unwrap();
    assert_eq!(latest, Period::parse("2019-20-Q3").unwrap());
    let e = Engine::new(&ds, latest);
    let mut counts: BTreeMap<Rag, usize> = BTreeMap::new();
    for i in ds.indicators.iter().filter(|i| !i.key) {
        let s = e.status(i);
        *counts.entry(s.rag).or_default() += 1;
        if s.rag.is_exception() {
            let v = s.value.unwrap();
            assert!(
                v.reason.is_some() && v.remedial_action.is_some(),
                "{} needs reason and remedial action",
                i.id
            );
        }
        // Both directions of travel can be worked out: a year of history.
        assert!(
            i.value(&latest.year_earlier()).is_some() || i.frequency != Frequency::Quarterly,
            "{}",
            i.id
        );
    }
    let g = counts.get(&Rag::Green).copied().unwrap_or(0);
    let a = counts.get(&Rag::Amber).copied().unwrap_or(0);
    let r = counts.get(&Rag::Red).copied().unwrap_or(0);
    assert!(g > a && a > 0 && r > 0, "{counts:?}");
    assert!(g >= 60 && a >= 12 && r >= 8, "{counts:?}");
}

#[test]
fn written_again_it_reads_the_same() {
    let ds = load();
    let again = parse_dataset(&ds.to_json()).unwrap();
    assert_eq!(again, ds);
}

#[test]
fn shared_definitions_are_declared_only_for_the_services_all_councils_receive() {
    let ds = load();
    // The reports say all three councils receive Exchequer & Transactional and Strategic
    // Finance (Bexley only parts of them); which of their measures are the same for several
    // councils is invented, and the data says so.
    assert!(ds
        .description
        .as_deref()
        .unwrap()
        .contains("which measures the councils report the same way"));
    let ids: Vec<&str> = ds.definitions.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "EX-01", "EX-02", "EX-03", "EX-04", "EX-05", "EX-07", "SF-01", "SF-02", "SF-03",
            "SF-04"
        ]
    );
    for d in &ds.definitions {
        let inds = ds.indicators_of(&d.id);
        assert!(inds.len() >= 2, "{} is reported by several councils", d.id);
        for i in &inds {
            assert!(
                ["exchequer", "strategic-finance"].contains(&i.service.as_str()),
                "{}",
                i.id
            );
            assert_eq!(i.name, d.name, "{}: one measure, one name", i.id);
        }
    }
    // The example: the same measure for Havering, Newham and Bexley.
    let days = ds
        .definitions
        .iter()
        .find(|d| d.name == "Average days to pay supplier invoices")
        .unwrap();
    let who: Vec<&str> = ds
        .indicators_of(&days.id)
        .iter()
        .map(|i| i.scope.council().unwrap())
        .collect();
    assert_eq!(who, ["havering", "newham", "bexley"]);
    // Debt over 90 days (in £k) follows each council's size: not declared the same measure.
    assert!(ds
        .indicators
        .iter()
        .filter(|i| i.id.starts_with("EX-06"))
        .all(|i| i.definition.is_none()));
    // Nothing else points to a definition.
    let with = ds
        .indicators
        .iter()
        .filter(|i| i.definition.is_some())
        .count();
    // Eight measures for all three councils (Bexley's nine, less EX-06) and two for two.
    assert_eq!(with, 8 * 3 + 2 * 2);
}
