//! RAG schemes: each council's own rule for turning a target and an actual into Red, Amber or
//! Green. A dataset gives a default scheme, a council may give its own, and an indicator may
//! override either (its own tolerance, or "data only"). Written down for people in
//! docs/rag-rules.md ("Each council's own scheme"): keep the two in step.

use crate::model::{Dataset, Indicator, Polarity, Rag, Tolerance};
use serde::Serialize;

/// The kinds of scheme councils publish.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SchemeKind {
    /// Green when the target is met; Amber when missed by no more than the tolerance; Red
    /// beyond. (The app's standard rule, and a council's "variable tolerance" scheme.)
    Tolerance,
    /// Green on, above or within a first band of target; Amber within a second; Red beyond.
    Bands,
    /// Green on or within a band of target; beyond it, Amber when the figure improved or stayed
    /// the same against the same period a year earlier, else Red.
    Direction,
    /// Two states only: on track (Green) or off track (Red); no Amber.
    TwoState,
    /// Red, Amber, Green with no tolerance: any miss is Red.
    NoTolerance,
    /// Never rated: the figure is shown as data only.
    DataOnly,
}

impl SchemeKind {
    pub const ALL: [SchemeKind; 6] = [
        SchemeKind::Tolerance,
        SchemeKind::Bands,
        SchemeKind::Direction,
        SchemeKind::TwoState,
        SchemeKind::NoTolerance,
        SchemeKind::DataOnly,
    ];
    /// The file format's word.
    pub fn as_str(&self) -> &'static str {
        match self {
            SchemeKind::Tolerance => "tolerance",
            SchemeKind::Bands => "bands",
            SchemeKind::Direction => "direction",
            SchemeKind::TwoState => "two_state",
            SchemeKind::NoTolerance => "no_tolerance",
            SchemeKind::DataOnly => "data_only",
        }
    }
    pub fn from_word(s: &str) -> Option<SchemeKind> {
        SchemeKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
    /// The words allowed, for error messages.
    pub fn words() -> String {
        SchemeKind::ALL.map(|k| k.as_str()).join(", ")
    }
    /// A name for pickers: "Green band, then Amber band".
    pub fn label(&self) -> &'static str {
        match self {
            SchemeKind::Tolerance => "Amber within a tolerance below target",
            SchemeKind::Bands => "Green and Amber bands around target",
            SchemeKind::Direction => "Amber if improved on a year earlier",
            SchemeKind::TwoState => "On track / off track only",
            SchemeKind::NoTolerance => "No tolerance: any miss is Red",
            SchemeKind::DataOnly => "Not rated (data only)",
        }
    }
    /// The bands this kind uses: (green, amber).
    pub fn bands(&self) -> (bool, bool) {
        match self {
            SchemeKind::Tolerance => (false, true),
            SchemeKind::Bands => (true, true),
            SchemeKind::Direction | SchemeKind::TwoState => (true, false),
            SchemeKind::NoTolerance | SchemeKind::DataOnly => (false, false),
        }
    }
}

impl Serialize for SchemeKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A RAG scheme as written in the data file (`"rag_scheme": { "kind": "bands",
/// "green_within": { "percent": 5 }, "amber_within": { "percent": 10 } }`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Scheme {
    pub kind: SchemeKind,
    /// How far a figure may miss its target and still be Green (kinds bands, direction,
    /// two_state; none means the target must be met).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub green_within: Option<Tolerance>,
    /// How far a figure may miss its target and still be Amber (kinds tolerance, bands).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amber_within: Option<Tolerance>,
    /// The council calls a figure with no target (or narrative only) Blue.
    #[serde(skip_serializing_if = "is_false")]
    pub blue: bool,
}

impl Scheme {
    /// The standard rule: Amber within the tolerance (the dataset's, else 10%).
    pub fn standard(tolerance: Tolerance) -> Scheme {
        Scheme {
            kind: SchemeKind::Tolerance,
            green_within: None,
            amber_within: Some(tolerance),
            blue: false,
        }
    }
}

/// Where the scheme that rates an indicator comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SchemeSource {
    /// The indicator's own `rag_scheme`.
    Indicator,
    /// Its council's `rag_scheme` (council id).
    Council(String),
    /// The dataset's `rag_scheme`.
    Dataset,
    /// None given: the standard rule with the dataset's `default_tolerance` (else 10%).
    Standard,
}

/// The rule that rates one indicator: its scheme with every band settled (the indicator's own
/// tolerance applied), and where it comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    pub scheme: Scheme,
    pub source: SchemeSource,
    /// The indicator's own tolerance set one of the bands.
    pub own_tolerance: bool,
}

/// The scheme a council uses (its own, else the dataset's, else the standard rule).
pub fn council_scheme(ds: &Dataset, council: Option<&str>) -> (Scheme, SchemeSource) {
    if let Some(c) = council.and_then(|c| ds.council(c)) {
        if let Some(s) = c.rag_scheme {
            return (s, SchemeSource::Council(c.id.clone()));
        }
    }
    match ds.rag_scheme {
        Some(s) => (s, SchemeSource::Dataset),
        None => (
            Scheme::standard(ds.tolerance_default()),
            SchemeSource::Standard,
        ),
    }
}

/// The rule that rates an indicator: its own scheme, else its council's (a shared-service
/// indicator has none), else the dataset's, else the standard rule; then its own tolerance, which
/// replaces the scheme's outer band (Amber where the scheme has one, else Green), and gives a
/// no-tolerance scheme an Amber band.
pub fn rule_for(ds: &Dataset, ind: &Indicator) -> Rule {
    let (mut scheme, source) = match ind.rag_scheme {
        Some(s) => (s, SchemeSource::Indicator),
        None => council_scheme(ds, ind.scope.council()),
    };
    let fallback = ds.tolerance_default();
    let mut own_tolerance = false;
    match scheme.kind {
        SchemeKind::Tolerance | SchemeKind::Bands => {
            if let Some(t) = ind.tolerance {
                scheme.amber_within = Some(t);
                own_tolerance = true;
            } else if scheme.amber_within.is_none() {
                scheme.amber_within = Some(fallback);
            }
        }
        SchemeKind::Direction | SchemeKind::TwoState => {
            if let Some(t) = ind.tolerance {
                scheme.green_within = Some(t);
                own_tolerance = true;
            }
        }
        SchemeKind::NoTolerance => {
            if let Some(t) = ind.tolerance {
                scheme = Scheme {
                    kind: SchemeKind::Tolerance,
                    amber_within: Some(t),
                    ..scheme
                };
                own_tolerance = true;
            }
        }
        SchemeKind::DataOnly => {}
    }
    Rule {
        scheme,
        source,
        own_tolerance,
    }
}

/// How much a band allows below (or above, for lower is better) a target.
fn allowance(band: Option<Tolerance>, target: f64) -> f64 {
    match band {
        None => 0.0,
        Some(Tolerance::Percent(p)) => target.abs() * p / 100.0,
        Some(Tolerance::Absolute(x)) => x,
    }
}

/// The figures a rating needs, rounded by the one rule ([`crate::gap::round_to`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figures {
    pub polarity: Polarity,
    pub target: Option<f64>,
    pub actual: Option<f64>,
    pub decimals: Option<u8>,
    /// The actual for the same period a year earlier (for the direction scheme).
    pub year_earlier: Option<f64>,
}

/// Rates figures by a scheme.
///
/// Common to every kind: no actual → No data yet; no target, polarity none, or the data-only
/// kind → Data only. The figures are rounded first, and the miss is how far the actual falls
/// short of the target (below it for higher is better, above it for lower is better). Every band
/// includes its edge: missing by exactly the band is inside it.
pub fn rate(scheme: &Scheme, f: Figures) -> Rag {
    use crate::gap::{miss, slack};
    let Some(actual) = f.actual else {
        return Rag::NoData;
    };
    let Some(target) = f.target else {
        return Rag::DataOnly;
    };
    if scheme.kind == SchemeKind::DataOnly {
        return Rag::DataOnly;
    }
    let Some((t, shortfall)) = miss(f.polarity, target, actual, f.decimals) else {
        return Rag::DataOnly;
    };
    let slack = slack(t, f.decimals);
    let within = |band: Option<Tolerance>| shortfall <= allowance(band, t) + slack;
    if within(scheme.green_within) {
        return Rag::Green;
    }
    match scheme.kind {
        SchemeKind::Tolerance | SchemeKind::Bands => {
            if within(scheme.amber_within) {
                Rag::Amber
            } else {
                Rag::Red
            }
        }
        SchemeKind::Direction => {
            let kept_up = f.year_earlier.is_some_and(|before| {
                matches!(
                    crate::gap::direction(f.polarity, before, actual, f.decimals),
                    Some(crate::gap::Direction::Improved | crate::gap::Direction::Unchanged)
                )
            });
            if kept_up {
                Rag::Amber
            } else {
                Rag::Red
            }
        }
        SchemeKind::TwoState | SchemeKind::NoTolerance => Rag::Red,
        SchemeKind::DataOnly => Rag::DataOnly,
    }
}

/// A band in words for a unit: "5% of target", "2 percentage points".
/// A band in words: "10% of target", "2 percentage points", "0" when there is none.
pub fn band_words(band: Option<Tolerance>, unit: Option<&str>) -> String {
    match band {
        None => "0".into(),
        Some(t) => {
            t.describe(unit)
                .trim_start_matches("within ")
                .trim_end_matches(" of target")
                .to_string()
                + match t {
                    Tolerance::Percent(_) => " of target",
                    Tolerance::Absolute(_) => "",
                }
        }
    }
}

/// One line of a scheme in words: the status and when it applies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemeLine {
    /// The status word councils use: "Green", "Amber", "Red", "Blue".
    pub word: &'static str,
    /// The status the app shows for it.
    pub rag: Rag,
    pub when: String,
}

/// The scheme in words, one line per status, for the legend, the status page and the docs.
/// `unit` is the indicator's unit when one indicator is in view (None for a council's scheme).
pub fn describe(scheme: &Scheme, unit: Option<&str>) -> Vec<SchemeLine> {
    let line = |word, rag, when: String| SchemeLine { word, rag, when };
    let g = band_words(scheme.green_within, unit);
    let a = band_words(scheme.amber_within, unit);
    let met = "the target is met (on or better than target)".to_string();
    let mut out = match scheme.kind {
        SchemeKind::Tolerance => vec![
            line("Green", Rag::Green, met),
            line(
                "Amber",
                Rag::Amber,
                format!("the target is missed by no more than {a}"),
            ),
            line(
                "Red",
                Rag::Red,
                format!("the target is missed by more than {a}"),
            ),
        ],
        SchemeKind::Bands => vec![
            line(
                "Green",
                Rag::Green,
                format!("on or better than the target, or within {g}"),
            ),
            line(
                "Amber",
                Rag::Amber,
                format!("missed by more than {g} but no more than {a}"),
            ),
            line("Red", Rag::Red, format!("missed by more than {a}")),
        ],
        SchemeKind::Direction => vec![
            line(
                "Green",
                Rag::Green,
                if scheme.green_within.is_some() {
                    format!("on or better than the target, or within {g}")
                } else {
                    met
                },
            ),
            line(
                "Amber",
                Rag::Amber,
                format!("missed by more than {g}, but improved or the same against the same period a year earlier"),
            ),
            line(
                "Red",
                Rag::Red,
                format!("missed by more than {g} and worse than a year earlier (or no figure a year earlier)"),
            ),
        ],
        SchemeKind::TwoState => vec![
            line(
                "On track (Green)",
                Rag::Green,
                if scheme.green_within.is_some() {
                    format!("on or better than the target, or within {g}")
                } else {
                    met
                },
            ),
            line(
                "Off track (Red)",
                Rag::Red,
                if scheme.green_within.is_some() {
                    format!("missed by more than {g}")
                } else {
                    "the target is missed by any amount".into()
                },
            ),
        ],
        SchemeKind::NoTolerance => vec![
            line("Green", Rag::Green, met),
            line(
                "Red",
                Rag::Red,
                "the target is missed by any amount (no tolerance; Amber only when set by hand)"
                    .into(),
            ),
        ],
        SchemeKind::DataOnly => vec![line(
            "Data only",
            Rag::DataOnly,
            "never rated: the figure is shown without a status".into(),
        )],
    };
    if scheme.blue {
        out.push(line(
            "Blue",
            Rag::DataOnly,
            "narrative or no target (shown as Data only)".into(),
        ));
    }
    out
}

/// The scheme in one sentence: "Green: …; Amber: …; Red: …".
pub fn sentence(scheme: &Scheme, unit: Option<&str>) -> String {
    describe(scheme, unit)
        .iter()
        .map(|l| format!("{}: {}", l.word, l.when))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Where a rule comes from, in words: "Newham's scheme", "the dataset's scheme".
pub fn source_words(ds: &Dataset, rule: &Rule) -> String {
    let base = match &rule.source {
        SchemeSource::Indicator => "this indicator's own scheme".to_string(),
        SchemeSource::Council(c) => format!("{}'s scheme", ds.council_name(c)),
        SchemeSource::Dataset => "the scheme for all councils".to_string(),
        SchemeSource::Standard => "the standard rule".to_string(),
    };
    if rule.own_tolerance {
        format!("{base}, with this indicator's own tolerance")
    } else {
        base
    }
}

/// Reads a `rag_scheme` object; problems as (path, message), the path under `path`.
pub fn read(v: &serde_json::Value, path: &str) -> Result<Scheme, Vec<(String, String)>> {
    let mut problems = Vec::new();
    let Some(o) = v.as_object() else {
        return Err(vec![(
            path.to_string(),
            "needs an object such as { \"kind\": \"bands\", \"green_within\": { \"percent\": 5 }, \"amber_within\": { \"percent\": 10 } }".into(),
        )]);
    };
    for k in o.keys() {
        if !["kind", "green_within", "amber_within", "blue"].contains(&k.as_str()) {
            problems.push((
                format!("{path}.{k}"),
                "is not part of a RAG scheme (kind, green_within, amber_within, blue)".into(),
            ));
        }
    }
    let kind = match o.get("kind") {
        Some(serde_json::Value::String(s)) => match SchemeKind::from_word(s.trim()) {
            Some(k) => Some(k),
            None => {
                problems.push((
                    format!("{path}.kind"),
                    format!(
                        "\"{s}\" is not a kind of scheme; use one of {}",
                        SchemeKind::words()
                    ),
                ));
                None
            }
        },
        None | Some(serde_json::Value::Null) => {
            problems.push((
                format!("{path}.kind"),
                format!("missing; it must be one of {}", SchemeKind::words()),
            ));
            None
        }
        Some(_) => {
            problems.push((
                format!("{path}.kind"),
                format!("must be text: one of {}", SchemeKind::words()),
            ));
            None
        }
    };
    let mut band = |key: &str| -> Option<Tolerance> {
        let v = o.get(key).filter(|v| !v.is_null())?;
        let p = format!("{path}.{key}");
        let Some(b) = v.as_object() else {
            problems.push((p, "needs { \"percent\": 5 } or { \"absolute\": 2 }".into()));
            return None;
        };
        let num = |k: &str| b.get(k).and_then(|x| x.as_f64());
        let t = match (num("percent"), num("absolute"), b.len()) {
            (Some(x), None, 1) => Tolerance::Percent(x),
            (None, Some(x), 1) => Tolerance::Absolute(x),
            _ => {
                problems.push((
                    p,
                    "needs one number: { \"percent\": 5 } (of target) or { \"absolute\": 2 } (in the indicator's unit)".into(),
                ));
                return None;
            }
        };
        let (Tolerance::Percent(x) | Tolerance::Absolute(x)) = t;
        if !(x.is_finite() && x >= 0.0) {
            problems.push((p, format!("{x} is negative; a band is 0 or more")));
            return None;
        }
        Some(t)
    };
    let green_within = band("green_within");
    let amber_within = band("amber_within");
    let blue = match o.get("blue") {
        None | Some(serde_json::Value::Null) => false,
        Some(serde_json::Value::Bool(b)) => *b,
        Some(_) => {
            problems.push((format!("{path}.blue"), "must be true or false".into()));
            false
        }
    };
    if let Some(kind) = kind {
        let (g, a) = kind.bands();
        let k = kind.as_str();
        if green_within.is_some() && !g {
            problems.push((
                format!("{path}.green_within"),
                format!("a \"{k}\" scheme has no Green band; remove it or use kind \"bands\""),
            ));
        }
        if amber_within.is_some() && !a {
            problems.push((
                format!("{path}.amber_within"),
                format!("a \"{k}\" scheme has no Amber band; remove it or use kind \"bands\""),
            ));
        }
        if kind == SchemeKind::Bands && o.get("green_within").is_none_or(|v| v.is_null()) {
            problems.push((
                format!("{path}.green_within"),
                "missing: a \"bands\" scheme needs the Green band, e.g. { \"percent\": 5 }".into(),
            ));
        }
        if kind == SchemeKind::Bands && o.get("amber_within").is_none_or(|v| v.is_null()) {
            problems.push((
                format!("{path}.amber_within"),
                "missing: a \"bands\" scheme needs the Amber band, e.g. { \"percent\": 10 }".into(),
            ));
        }
        if kind == SchemeKind::Direction && o.get("green_within").is_none_or(|v| v.is_null()) {
            problems.push((
                format!("{path}.green_within"),
                "missing: a \"direction\" scheme needs the Green band, e.g. { \"percent\": 10 }"
                    .into(),
            ));
        }
        if let (Some(Tolerance::Percent(gx)), Some(Tolerance::Percent(ax)))
        | (Some(Tolerance::Absolute(gx)), Some(Tolerance::Absolute(ax))) =
            (green_within, amber_within)
        {
            if gx > ax {
                problems.push((
                    format!("{path}.amber_within"),
                    "is narrower than green_within; the Amber band lies beyond the Green one"
                        .into(),
                ));
            }
        }
    }
    match (kind, problems.is_empty()) {
        (Some(kind), true) => Ok(Scheme {
            kind,
            green_within,
            amber_within,
            blue,
        }),
        _ => Err(problems),
    }
}

/// A council's own scheme (or, for `None`, the one for all councils) as the data file writes
/// it; `null` when none is set.
pub fn current_json(ds: &Dataset, council: Option<&str>) -> serde_json::Value {
    let s = match council {
        None => ds.rag_scheme,
        Some(c) => ds.council(c).and_then(|c| c.rag_scheme),
    };
    s.map(|s| serde_json::to_value(s).expect("a scheme always serialises"))
        .unwrap_or(serde_json::Value::Null)
}

/// Sets a council's scheme (or the one for all councils) from an edit: `null` removes it. A
/// scheme that does not read changes nothing and says why.
pub fn apply_edit(
    ds: &mut Dataset,
    council: Option<&str>,
    new: &serde_json::Value,
) -> Result<(), String> {
    let scheme = if new.is_null() {
        None
    } else {
        Some(read(new, "rag_scheme").map_err(|e| {
            e.into_iter()
                .map(|(p, m)| format!("{p}: {m}"))
                .collect::<Vec<_>>()
                .join("; ")
        })?)
    };
    match council {
        None => ds.rag_scheme = scheme,
        Some(id) => {
            let c = ds
                .councils
                .iter_mut()
                .find(|c| c.id == id)
                .ok_or_else(|| format!("council {id} is no longer in the data"))?;
            c.rag_scheme = scheme;
        }
    }
    Ok(())
}

/// The schemes that apply to a view of some councils (all when `councils` is empty), each with
/// whom it applies to: "London Borough of Newham", "Havering, Bexley and shared-service
/// indicators", "Shared-service indicators". Councils with the same scheme share one entry, in
/// the data's order; when no council has a scheme of its own, one entry "All councils".
pub fn in_view(ds: &Dataset, councils: &[String]) -> Vec<(String, Scheme)> {
    let (all, _) = council_scheme(ds, None);
    if ds.councils.iter().all(|c| c.rag_scheme.is_none()) {
        return vec![("All councils".to_string(), all)];
    }
    let chosen: Vec<&crate::model::Council> = ds
        .councils
        .iter()
        .filter(|c| councils.is_empty() || councils.contains(&c.id))
        .collect();
    let mut groups: Vec<(Vec<&str>, Scheme)> = Vec::new();
    for c in &chosen {
        let (s, _) = council_scheme(ds, Some(&c.id));
        match groups.iter_mut().find(|(_, g)| *g == s) {
            Some((names, _)) => names.push(&c.name),
            None => groups.push((vec![&c.name], s)),
        }
    }
    let shared = ds
        .indicators
        .iter()
        .any(|i| i.is_shared() && chosen.iter().any(|c| i.serves(&c.id)));
    const SHARED: &str = "shared-service indicators";
    if shared {
        match groups.iter_mut().find(|(_, s)| *s == all) {
            Some((names, _)) => names.push(SHARED),
            None => groups.push((vec![SHARED], all)),
        }
    }
    if groups.is_empty() {
        return vec![("All councils".to_string(), all)];
    }
    groups
        .into_iter()
        .map(|(names, s)| {
            let who = crate::model::and_list(&names);
            let mut chars = who.chars();
            let who = match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => who,
            };
            (who, s)
        })
        .collect()
}
