//! The fast path for a clean file: the indicators (nearly all of a large file) are read
//! straight from the text into the model, without building a `serde_json::Value` of them
//! first; the rest of the file (councils, services, the plan, covering reports) is small and
//! goes through the same field-by-field reader as the slow path.
//!
//! It gives up (`None`) at the first thing it is not sure of: any field the slow path would
//! complain about, any value it would read leniently (a number where text belongs), any field it
//! does not know (kept in `extra` by the slow path), a key given twice. Then the slow path reads
//! the file and its problems are what the user sees. So for every file it accepts, the dataset
//! is the one the slow path gives (checked by `core/tests/read_fast.rs`).

use super::*;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

/// Reads a clean file the fast way; `None` when the slow path must read it.
pub(super) fn parse(text: &str) -> Option<Dataset> {
    let top: Top = serde_json::from_str(text).ok()?;
    check_format(top.rest.get("format")).ok()?;
    let mut r = Reader::default();
    let ds = r.dataset(&top.rest, Some(top.indicators?));
    if !r.problems.is_empty() || !validate(&ds).is_empty() {
        return None;
    }
    let mut ds = ds;
    ds.normalise();
    Some(ds)
}

/// The top-level object: the indicators read typed, every other field kept as a value for the
/// field-by-field reader (in the file's order, as `Value` keeps it).
struct Top {
    rest: Map<String, Value>,
    indicators: Option<Vec<Indicator>>,
}

impl<'de> Deserialize<'de> for Top {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Top, D::Error> {
        d.deserialize_map(TopVisitor)
    }
}

struct TopVisitor;

impl<'de> Visitor<'de> for TopVisitor {
    type Value = Top;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a dataset object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Top, A::Error> {
        let mut top = Top {
            rest: Map::new(),
            indicators: None,
        };
        while let Some(key) = map.next_key::<String>()? {
            if key == "indicators" {
                if top.indicators.is_some() {
                    return Err(de::Error::custom("indicators given twice"));
                }
                let list: Vec<Fast> = map.next_value()?;
                top.indicators = Some(list.into_iter().map(|f| f.0).collect());
            } else {
                let v: Value = map.next_value()?;
                top.rest.insert(key, v);
            }
        }
        Ok(top)
    }
}

/// One indicator read typed and checked; an error (back to the slow path) if anything in it
/// would be a problem or be read leniently.
struct Fast(Indicator);

impl<'de> Deserialize<'de> for Fast {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Fast, D::Error> {
        let w = WireIndicator::deserialize(d)?;
        w.into_model()
            .map(Fast)
            .ok_or_else(|| de::Error::custom("for the slow path"))
    }
}

// Read by hand rather than with derived `Deserialize` (smaller in the download: one field-name
// reader for the three kinds of object, no reading of objects written as lists). A field not in
// the list, or one given twice, is an error: back to the slow path. In `Option` fields, missing
// and null are both `None`, as the slow path's `get` reads them.

#[derive(Default)]
struct WireIndicator {
    id: String,
    name: String,
    description: Option<String>,
    definition: Option<String>,
    service: String,
    council: Option<String>,
    shared: Option<bool>,
    councils: Option<Vec<String>>,
    frequency: String,
    polarity: Option<String>,
    unit: Option<String>,
    decimals: Option<f64>,
    measure: Option<String>,
    tolerance: Option<WireTolerance>,
    rag_scheme: Option<Value>,
    key: Option<bool>,
    priority: Option<String>,
    theme: Option<String>,
    area: Option<String>,
    owner: Option<String>,
    values: Option<Vec<WireValue>>,
}

const INDICATOR: &[&str] = &[
    "id",
    "name",
    "description",
    "definition",
    "service",
    "council",
    "shared",
    "councils",
    "frequency",
    "polarity",
    "unit",
    "decimals",
    "measure",
    "tolerance",
    "rag_scheme",
    "key",
    "priority",
    "theme",
    "area",
    "owner",
    "values",
];

#[derive(Default)]
struct WireTolerance {
    percent: Option<f64>,
    absolute: Option<f64>,
}

const TOLERANCE: &[&str] = &["percent", "absolute"];

#[derive(Default)]
struct WireValue {
    period: String,
    target: Option<f64>,
    actual: Option<f64>,
    rag: Option<String>,
    rag_justification: Option<String>,
    commentary: Option<String>,
    reason: Option<String>,
    remedial_action: Option<String>,
}

const VALUE: &[&str] = &[
    "period",
    "target",
    "actual",
    "rag",
    "rag_justification",
    "commentary",
    "reason",
    "remedial_action",
];

/// A field's name read as its place in a list of names.
struct Key(&'static [&'static str]);

impl<'de> de::DeserializeSeed<'de> for Key {
    type Value = usize;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl Visitor<'_> for Key {
    type Value = usize;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field name")
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<usize, E> {
        self.0
            .iter()
            .position(|n| *n == s)
            .ok_or_else(|| E::custom("a field the fast path does not read"))
    }
}

/// Reads an object's fields named in `names`, each once, handing each to `each` by its place.
fn fields<'de, A: MapAccess<'de>>(
    map: &mut A,
    names: &'static [&'static str],
    mut each: impl FnMut(usize, &mut A) -> Result<(), A::Error>,
) -> Result<(), A::Error> {
    let mut seen = 0u64;
    while let Some(i) = map.next_key_seed(Key(names))? {
        if seen & (1 << i) != 0 {
            return Err(de::Error::custom("a field given twice"));
        }
        seen |= 1 << i;
        each(i, map)?;
    }
    Ok(())
}

/// An object read by hand: `T` from its map of fields.
struct Object<T>(std::marker::PhantomData<T>);

trait ReadObject: Default {
    const NAMES: &'static [&'static str];
    fn field<'de, A: MapAccess<'de>>(&mut self, i: usize, map: &mut A) -> Result<(), A::Error>;
}

impl<'de, T: ReadObject> Visitor<'de> for Object<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut out = T::default();
        fields(&mut map, T::NAMES, |i, m| out.field(i, m))?;
        Ok(out)
    }
}

macro_rules! deserialize_by_hand {
    ($($t:ty),+) => {$(
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<$t, D::Error> {
                d.deserialize_map(Object(std::marker::PhantomData))
            }
        }
    )+};
}
deserialize_by_hand!(WireIndicator, WireTolerance, WireValue);

impl ReadObject for WireIndicator {
    const NAMES: &'static [&'static str] = INDICATOR;
    fn field<'de, A: MapAccess<'de>>(&mut self, i: usize, m: &mut A) -> Result<(), A::Error> {
        match i {
            0 => self.id = m.next_value()?,
            1 => self.name = m.next_value()?,
            2 => self.description = m.next_value()?,
            3 => self.definition = m.next_value()?,
            4 => self.service = m.next_value()?,
            5 => self.council = m.next_value()?,
            6 => self.shared = m.next_value()?,
            7 => self.councils = m.next_value()?,
            8 => self.frequency = m.next_value()?,
            9 => self.polarity = m.next_value()?,
            10 => self.unit = m.next_value()?,
            11 => self.decimals = m.next_value()?,
            12 => self.measure = m.next_value()?,
            13 => self.tolerance = m.next_value()?,
            14 => self.rag_scheme = m.next_value()?,
            15 => self.key = m.next_value()?,
            16 => self.priority = m.next_value()?,
            17 => self.theme = m.next_value()?,
            18 => self.area = m.next_value()?,
            19 => self.owner = m.next_value()?,
            _ => self.values = m.next_value()?,
        }
        Ok(())
    }
}

impl ReadObject for WireTolerance {
    const NAMES: &'static [&'static str] = TOLERANCE;
    fn field<'de, A: MapAccess<'de>>(&mut self, i: usize, m: &mut A) -> Result<(), A::Error> {
        match i {
            0 => self.percent = m.next_value()?,
            _ => self.absolute = m.next_value()?,
        }
        Ok(())
    }
}

impl ReadObject for WireValue {
    const NAMES: &'static [&'static str] = VALUE;
    fn field<'de, A: MapAccess<'de>>(&mut self, i: usize, m: &mut A) -> Result<(), A::Error> {
        match i {
            0 => self.period = m.next_value()?,
            1 => self.target = m.next_value()?,
            2 => self.actual = m.next_value()?,
            3 => self.rag = m.next_value()?,
            4 => self.rag_justification = m.next_value()?,
            5 => self.commentary = m.next_value()?,
            6 => self.reason = m.next_value()?,
            _ => self.remedial_action = m.next_value()?,
        }
        Ok(())
    }
}

/// Text that must be given (not blank), as the slow path's `req_str` wants it.
fn given(s: String) -> Option<String> {
    (!s.trim().is_empty()).then_some(s)
}

/// A word of the format, trimmed as the slow path's `word` reads it.
fn word<T>(s: Option<String>, from: fn(&str) -> Option<T>) -> Option<Option<T>> {
    match s {
        None => Some(None),
        Some(s) => from(s.trim()).map(Some),
    }
}

impl WireIndicator {
    fn into_model(self) -> Option<Indicator> {
        let frequency = Frequency::from_word(self.frequency.trim())?;
        let scope = scope(self.council, self.shared, self.councils)?;
        let decimals = match self.decimals {
            Some(d) if d.fract() == 0.0 && (0.0..=6.0).contains(&d) => Some(d as u8),
            Some(_) => return None,
            None => None,
        };
        let tolerance = match self.tolerance {
            None => None,
            Some(t) => Some(match (t.percent, t.absolute) {
                (Some(p), None) if p >= 0.0 => Tolerance::Percent(p),
                (None, Some(a)) if a >= 0.0 => Tolerance::Absolute(a),
                _ => return None,
            }),
        };
        let rag_scheme = match self.rag_scheme {
            None => None,
            Some(v) => Some(crate::scheme::read(&v, "").ok()?),
        };
        let values = self
            .values
            .unwrap_or_default()
            .into_iter()
            .map(|v| v.into_model(frequency))
            .collect::<Option<Vec<_>>>()?;
        Some(Indicator {
            id: given(self.id)?,
            name: given(self.name)?,
            description: self.description,
            definition: self.definition,
            service: given(self.service)?,
            scope,
            frequency,
            polarity: word(self.polarity, Polarity::from_word)?.unwrap_or(Polarity::None),
            unit: self.unit,
            decimals,
            measure: word(self.measure, Measure::from_word)?,
            tolerance,
            rag_scheme,
            key: self.key.unwrap_or(false),
            priority: self.priority,
            theme: self.theme,
            area: self.area,
            owner: self.owner,
            values,
            extra: Extra::new(),
        })
    }
}

impl WireValue {
    fn into_model(self, frequency: Frequency) -> Option<IndicatorValue> {
        Some(IndicatorValue {
            period: Period::parse_for(self.period.trim(), frequency).ok()?,
            target: self.target,
            actual: self.actual,
            rag: word(self.rag, Rag::from_word)?,
            rag_justification: self.rag_justification,
            commentary: self.commentary,
            reason: self.reason,
            remedial_action: self.remedial_action,
            extra: Extra::new(),
        })
    }
}

/// Whose the indicator is, in the forms the slow path's `scope` accepts without a problem.
fn scope(
    council: Option<String>,
    shared: Option<bool>,
    councils: Option<Vec<String>>,
) -> Option<Scope> {
    match (council, shared, councils) {
        (Some(c), None | Some(false), None) => Some(Scope::Council(given(c)?)),
        (None, Some(true), None) => Some(Scope::SharedAll),
        (None, None | Some(true), Some(list)) => {
            let mut seen = HashSet::new();
            let fine = !list.is_empty()
                && list
                    .iter()
                    .all(|c| !c.trim().is_empty() && seen.insert(c.as_str()));
            fine.then_some(Scope::Shared(list))
        }
        _ => None,
    }
}
