//! A large synthetic dataset (format `golden-thread/1`) for performance tests.
//!
//! `generate(n, periods)` makes `n` quarterly indicators, each with `periods` consecutive
//! values ending at 2019-20-Q4, spread over 3–10 councils and 20 services, plus a few
//! priorities, projects, themes, areas and actions. Deterministic (fixed-seed PRNG).

use crate::onesource::{make_actual, num, quarter_label, rate, Rng, MONTHS};
use serde_json::{json, Map, Value};

const SEED: u64 = 0x5EED_0000_2019_2020;

const COUNCILS: [(&str, &str, &str); 10] = [
    ("ashford-vale", "Ashford Vale District Council", "AVD"),
    ("brookmere", "Brookmere Borough Council", "BRB"),
    ("castleford-hill", "Castleford Hill City Council", "CHC"),
    ("dunmore", "Dunmore County Council", "DUN"),
    ("eastwick", "London Borough of Eastwick", "LBE"),
    ("fairholme", "Fairholme Metropolitan Borough Council", "FMB"),
    ("greysands", "Greysands Council", "GRY"),
    ("highbridge", "Highbridge Borough Council", "HBB"),
    ("irvington", "Irvington Unitary Authority", "IRV"),
    ("juniper-bay", "Juniper Bay District Council", "JBD"),
];

const SERVICES: [(&str, &str, &str); 20] = [
    ("finance", "Finance", "FIN"),
    ("exchequer", "Exchequer", "EXC"),
    ("revenues", "Revenues", "REV"),
    ("benefits", "Benefits", "BEN"),
    ("ict", "ICT", "ICT"),
    ("hr", "Human Resources", "HR"),
    ("legal", "Legal Services", "LEG"),
    ("procurement", "Procurement", "PRO"),
    ("property", "Property and Facilities", "PRP"),
    ("customer", "Customer Services", "CUS"),
    ("planning", "Planning", "PLN"),
    ("highways", "Highways", "HWY"),
    ("waste", "Waste and Recycling", "WST"),
    ("housing", "Housing", "HSG"),
    ("licensing", "Licensing", "LIC"),
    ("environmental-health", "Environmental Health", "ENV"),
    ("parking", "Parking", "PKG"),
    ("audit", "Internal Audit", "AUD"),
    ("democratic", "Democratic Services", "DEM"),
    ("transport", "Passenger Transport", "TRN"),
];

/// Things a service handles, with what happens to them.
const OBJECTS: [(&str, &str); 30] = [
    ("invoices", "paid"),
    ("FOI requests", "answered"),
    ("planning applications", "decided"),
    ("housing repairs", "completed"),
    ("benefit claims", "processed"),
    ("ICT incidents", "resolved"),
    ("complaints", "answered"),
    ("Member enquiries", "answered"),
    ("licence applications", "decided"),
    ("pothole reports", "repaired"),
    ("missed bin collections", "put right"),
    ("subject access requests", "answered"),
    ("building control applications", "decided"),
    ("noise complaints", "investigated"),
    ("Council Tax queries", "resolved"),
    ("recruitment campaigns", "completed"),
    ("DBS checks", "completed"),
    ("grant claims", "paid"),
    ("insurance claims", "settled"),
    ("contract variations", "approved"),
    ("purchase orders", "approved"),
    ("payroll changes", "processed"),
    ("school admission appeals", "heard"),
    ("Blue Badge applications", "decided"),
    ("street lighting faults", "repaired"),
    ("fly-tipping reports", "cleared"),
    ("pest control requests", "completed"),
    ("parking appeals", "decided"),
    ("land searches", "returned"),
    ("safeguarding referrals", "acknowledged"),
];

const TIMES: [&str; 7] = [
    "5 working days",
    "10 working days",
    "20 working days",
    "the agreed SLA",
    "target time",
    "one month",
    "48 hours",
];

const CAUSES: [&str; 10] = [
    "Two vacancies in the team",
    "A system outage",
    "Higher demand than forecast",
    "Staff sickness",
    "A supplier failure",
    "Bad weather",
    "A backlog after the system upgrade",
    "Staff diverted to budget work",
    "Late information from other services",
    "A change in legislation",
];

const REMEDIES: [&str; 8] = [
    "Agency staff engaged until the backlog is cleared",
    "Overtime agreed for the next month",
    "Process redesigned with the service",
    "Supplier issued with a performance notice",
    "Weekly monitoring by the head of service",
    "Recruitment to vacant posts under way",
    "Temporary staff moved from another team",
    "Automation of the manual step planned",
];

const GREENS: [&str; 5] = [
    "Target met.",
    "On target.",
    "Improved on last quarter.",
    "Best result this year.",
    "Target met despite higher demand.",
];

struct Shape {
    unit: &'static str,
    higher: bool,
    dec: u32,
    lo: f64,
    hi: f64,
}

fn shape(kind: usize) -> Shape {
    match kind {
        0 => Shape {
            unit: "%",
            higher: true,
            dec: 1,
            lo: 70.0,
            hi: 97.0,
        },
        1 => Shape {
            unit: "days",
            higher: false,
            dec: 1,
            lo: 5.0,
            hi: 40.0,
        },
        2 => Shape {
            unit: "number",
            higher: false,
            dec: 0,
            lo: 40.0,
            hi: 900.0,
        },
        3 => Shape {
            unit: "£k",
            higher: true,
            dec: 0,
            lo: 200.0,
            hi: 5000.0,
        },
        _ => Shape {
            unit: "%",
            higher: true,
            dec: 1,
            lo: 80.0,
            hi: 98.0,
        },
    }
}

fn name(kind: usize, rng: &mut Rng) -> String {
    let (obj, verb) = *rng.pick(&OBJECTS);
    match kind {
        0 => format!("% of {obj} {verb} within {}", rng.pick(&TIMES)),
        1 => format!("Average days to deal with {obj}"),
        2 => format!("Number of {obj} outstanding at quarter end"),
        3 => format!("Income from {obj} (£k)"),
        _ => format!("% of {obj} {verb} right first time"),
    }
}

/// The generator's state: the indicators are made first, in order, then the rest (which
/// draws on the same random numbers after them).
struct Gen {
    rng: Rng,
    n: usize,
    councils: &'static [(&'static str, &'static str, &'static str)],
    periods: Vec<(i32, u32, String)>,
}

impl Gen {
    fn new(n_indicators: usize, n_periods: usize) -> Gen {
        let n_periods = n_periods.max(1);
        let nc = (3 + n_indicators / 1500).clamp(3, 10);
        // Consecutive quarters ending at 2019-20-Q4.
        let end = 2019 * 4 + 3;
        let periods = (0..n_periods)
            .map(|k| {
                let idx = end - (n_periods as i32 - 1) + k as i32;
                let (fy, q) = (idx.div_euclid(4), idx.rem_euclid(4) as u32 + 1);
                (fy, q, quarter_label(fy, q))
            })
            .collect();
        Gen {
            rng: Rng::new(SEED),
            n: n_indicators,
            councils: &COUNCILS[..nc],
            periods,
        }
    }

    /// Indicator `i` (call for 0, 1, 2, … in order).
    fn indicator(&mut self, i: usize) -> Value {
        let (sid, _, scode) = SERVICES[i % SERVICES.len()];
        let c = &self.councils[(i / SERVICES.len()) % self.councils.len()];
        let kind = self.rng.below(5);
        let sh = shape(kind);
        let base = self.rng.range(sh.lo, sh.hi);
        let target = if sh.dec == 0 {
            base.round()
        } else {
            (base * 2.0).round() / 2.0
        };
        let tol = 0.1 * target;
        let max = if sh.unit == "%" { 100.0 } else { f64::INFINITY };
        let health = self.rng.unit();
        let n_periods = self.periods.len();
        let mut values = Vec::with_capacity(n_periods);
        for (k, (_, q, label)) in self.periods.iter().enumerate() {
            let mut v = Map::with_capacity(5);
            v.insert("period".into(), Value::String(label.clone()));
            v.insert("target".into(), num(target, sh.dec));
            if k + 1 == n_periods && self.rng.chance(0.02) {
                values.push(Value::Object(v));
                continue;
            }
            let u = self.rng.unit() * 0.6 + health * 0.4;
            let want = if u < 0.62 {
                crate::onesource::Rag::Green
            } else if u < 0.8 {
                crate::onesource::Rag::Amber
            } else {
                crate::onesource::Rag::Red
            };
            let actual = make_actual(
                &mut self.rng,
                target,
                sh.higher,
                tol,
                sh.dec,
                max,
                0.0,
                want,
            )
            .unwrap_or(target);
            v.insert("actual".into(), num(actual, sh.dec));
            match rate(actual, target, sh.higher, tol) {
                crate::onesource::Rag::Green => {
                    if self.rng.chance(0.1) {
                        v.insert("commentary".into(), json!(self.rng.pick(&GREENS)));
                    }
                }
                _ => {
                    let month = MONTHS[((*q as usize - 1) * 3 + 3 + self.rng.below(3)) % 12];
                    v.insert(
                        "reason".into(),
                        json!(format!(
                            "{} in {month}; {} cases affected.",
                            self.rng.pick(&CAUSES),
                            self.rng.int(5, 400)
                        )),
                    );
                    v.insert("remedial_action".into(), json!(self.rng.pick(&REMEDIES)));
                }
            }
            values.push(Value::Object(v));
        }
        let mut o = Map::with_capacity(13);
        o.insert("id".into(), json!(format!("{scode}-{:05}-{}", i + 1, c.2)));
        o.insert("name".into(), json!(name(kind, &mut self.rng)));
        o.insert("service".into(), json!(sid));
        o.insert("council".into(), json!(c.0));
        o.insert("frequency".into(), json!("quarterly"));
        o.insert(
            "polarity".into(),
            json!(if sh.higher { "higher" } else { "lower" }),
        );
        o.insert("unit".into(), json!(sh.unit));
        o.insert("decimals".into(), json!(sh.dec));
        // One in 25 is a key strategic indicator (for the key-only filter).
        o.insert("key".into(), json!(i.is_multiple_of(25)));
        o.insert("priority".into(), json!(format!("P{}", i % 5 + 1)));
        o.insert("theme".into(), json!(format!("T{}", i % 4 + 1)));
        o.insert("values".into(), Value::Array(values));
        Value::Object(o)
    }

    /// Everything but the indicators (call after the last indicator).
    fn rest(&mut self) -> Map<String, Value> {
        let council_ids: Vec<&str> = self.councils.iter().map(|c| c.0).collect();

        let services: Vec<Value> = SERVICES
            .iter()
            .map(|s| json!({ "id": s.0, "name": s.1, "councils": council_ids }))
            .collect();
        let statuses = ["green", "green", "green", "amber", "red", "complete"];
        let priorities: Vec<Value> = (1..=5)
        .map(|p| {
            let projects: Vec<Value> = (1..=2)
                .map(|k| {
                    let updates: Vec<Value> = (1..=4)
                        .map(|q| {
                            json!({
                                "period": quarter_label(2019, q),
                                "status": self.rng.pick(&statuses),
                                "commentary": format!("Quarter {q} update."),
                            })
                        })
                        .collect();
                    json!({
                        "id": format!("P{p}-{k}"),
                        "title": format!("{} improvement project {k}", SERVICES[(p * 2 + k) % 20].1),
                        "service": SERVICES[(p * 2 + k) % 20].0,
                        "councils": council_ids,
                        "owner": "Head of Service",
                        "due": "2021-03-31",
                        "updates": updates,
                    })
                })
                .collect();
            json!({ "id": format!("P{p}"), "title": format!("Strategic priority {p}"),
                    "description": "Synthetic priority.", "projects": projects })
        })
        .collect();
        let theme_titles = [
            "Improved operational delivery",
            "Improved strategic impact and presence",
            "Communication, culture and branding",
            "Value for Money",
        ];
        let mut area_no = 0;
        let themes: Vec<Value> = theme_titles
        .iter()
        .enumerate()
        .map(|(t, title)| {
            let areas: Vec<Value> = (0..5)
                .map(|_| {
                    area_no += 1;
                    let aid = format!("A{area_no:02}");
                    let svc = SERVICES[area_no % 20];
                    let actions: Vec<Value> = (1..=2)
                        .map(|k| {
                            let mut pct = 0;
                            let updates: Vec<Value> = (1..=4)
                                .map(|q| {
                                    pct = (pct + self.rng.int(10, 30)).min(100);
                                    json!({
                                        "period": quarter_label(2019, q),
                                        "status": if pct == 100 { "complete" } else { *self.rng.pick(&statuses[..5]) },
                                        "percent_complete": pct,
                                        "commentary": format!("{pct}% complete."),
                                    })
                                })
                                .collect();
                            json!({
                                "id": format!("{aid}-{k}"),
                                "title": format!("Improve handling of {}", OBJECTS[(area_no * 2 + k) % 30].0),
                                "owner": format!("Head of {}", svc.1),
                                "councils": council_ids,
                                "due": "2020-03-31",
                                "updates": updates,
                            })
                        })
                        .collect();
                    json!({ "id": aid, "title": format!("{} improvement", svc.1), "service": svc.0,
                            "priority": format!("P{}", area_no % 5 + 1), "actions": actions })
                })
                .collect();
            json!({ "id": format!("T{}", t + 1), "title": title, "areas": areas })
        })
        .collect();

        let n_indicators = self.n;
        let n_periods = self.periods.len();
        let councils = self.councils;
        let mut o = Map::with_capacity(11);
        o.insert("format".into(), json!("golden-thread/1"));
        o.insert("title".into(), json!("Synthetic performance data"));
        o.insert("organisation".into(), json!("Synthetic shared service"));
        o.insert(
        "description".into(),
        json!(format!(
            "Synthetic data for performance tests: {n_indicators} indicators x {n_periods} quarters. Not real figures."
        )),
    );
        o.insert("as_of".into(), json!("2020-03-31"));
        o.insert("default_tolerance".into(), json!({ "percent": 10 }));
        o.insert(
            "councils".into(),
            Value::Array(
                councils
                    .iter()
                    .map(|c| json!({ "id": c.0, "name": c.1, "short": c.2 }))
                    .collect(),
            ),
        );
        o.insert("services".into(), Value::Array(services));
        o.insert("priorities".into(), Value::Array(priorities));
        o.insert("themes".into(), Value::Array(themes));
        o
    }
}

/// `n_indicators` quarterly indicators with `n_periods` values each, and the rest of a dataset.
pub fn generate(n_indicators: usize, n_periods: usize) -> Value {
    let mut g = Gen::new(n_indicators, n_periods);
    let indicators: Vec<Value> = (0..n_indicators).map(|i| g.indicator(i)).collect();
    let mut o = g.rest();
    o.insert("indicators".into(), Value::Array(indicators));
    Value::Object(o)
}

/// The same dataset as [`generate`] written as compact JSON, one indicator at a time, so a
/// large one (50,000 × 12 is about 70 MB) never exists as a JSON tree in memory.
pub fn write_compact(
    n_indicators: usize,
    n_periods: usize,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    let mut g = Gen::new(n_indicators, n_periods);
    let mut indicators = Vec::with_capacity(n_indicators * 1500 + 2);
    indicators.push(b'[');
    for i in 0..n_indicators {
        if i > 0 {
            indicators.push(b',');
        }
        serde_json::to_writer(&mut indicators, &g.indicator(i))?;
    }
    indicators.push(b']');
    let head = serde_json::to_vec(&Value::Object(g.rest()))?;
    // The rest, without its closing brace, then the indicators last (as `generate` orders them).
    out.write_all(&head[..head.len() - 1])?;
    out.write_all(b",\"indicators\":")?;
    out.write_all(&indicators)?;
    out.write_all(b"}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_text_is_the_generated_dataset() {
        let mut text = Vec::new();
        write_compact(60, 5, &mut text).unwrap();
        let read: Value = serde_json::from_slice(&text).unwrap();
        assert_eq!(read, generate(60, 5));
        let inds = read["indicators"].as_array().unwrap();
        assert_eq!(inds.len(), 60);
        // Indicators 1, 26 and 51 (i = 0, 25, 50) are key.
        let key: Vec<usize> = (0..60).filter(|i| inds[*i]["key"] == true).collect();
        assert_eq!(key, vec![0, 25, 50]);
    }
}
