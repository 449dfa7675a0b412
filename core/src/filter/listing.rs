//! The indicator list's rows for one dataset and period, worked out once: every status,
//! direction and SPC verdict comes from the engine when the data or the period changes, and a
//! filter or sort change only selects and orders the rows. Sorting compares each row's place
//! in its column, also worked out once per column (on its first sort), so no status is rated
//! and no text is compared while someone types or clicks.

use super::query::{IndicatorQuery, SortKey};
use super::rows::{dir_rank, rag_rank, Filtered, Row};
use super::search::{search_words, SearchIndex};
use crate::engine::{Engine, Variation};
use crate::model::*;
use crate::period::Period;
use crate::rag::variance;
use std::cmp::Ordering;
use std::sync::OnceLock;

/// A blank cell's place (no figure, no period, no direction): after every value, whichever
/// way the column is sorted.
const BLANK: u32 = u32::MAX;

/// Every indicator's row for one period, with each column's order once it is first asked for,
/// and every indicator's SPC verdict once it is first needed.
pub struct Listing {
    period: Option<Period>,
    /// One row per indicator, in the data's order (their `spc` is filled in by [`Listing::apply`]).
    rows: Vec<Row>,
    /// Per sort key (in [`SortKey::ALL`]'s order): each indicator's place among that column's
    /// values, equal values sharing a place, blanks [`BLANK`].
    places: [OnceLock<Vec<u32>>; SortKey::ALL.len()],
    /// Every indicator's SPC verdict for the period ([`Engine::variations`]).
    spc: OnceLock<Vec<Option<Variation>>>,
}

impl Listing {
    /// The rows for `period` (none: every row has no data). `variations` are every
    /// indicator's SPC verdicts for the period when already worked out; else they are worked
    /// out when a view filters on them or [`Listing::work_out_spc`] is called, and until then
    /// rows carry no verdict (a page can show the list first and the verdicts a moment later).
    pub fn new(
        ds: &Dataset,
        period: Option<Period>,
        variations: Option<&[Option<Variation>]>,
    ) -> Listing {
        let engine = period.map(|p| Engine::new(ds, p));
        let rows = ds
            .indicators
            .iter()
            .enumerate()
            .map(|(n, i)| row(engine.as_ref(), i, n))
            .collect();
        let spc = OnceLock::new();
        if let Some(v) = variations {
            let _ = spc.set(v.to_vec());
        }
        Listing {
            period,
            rows,
            places: Default::default(),
            spc,
        }
    }

    /// Works out every indicator's SPC verdict, if not done yet; rows carry theirs from then on.
    pub fn work_out_spc(&self, ds: &Dataset) -> &[Option<Variation>] {
        self.spc.get_or_init(|| match self.period {
            Some(p) => Engine::new(ds, p).variations(),
            None => Vec::new(),
        })
    }

    /// Whether the rows carry their SPC verdicts yet.
    pub fn has_spc(&self) -> bool {
        self.spc.get().is_some()
    }

    /// The rows a view shows, filtered and sorted (ties in the data's order).
    pub fn apply(&self, ds: &Dataset, index: &SearchIndex, q: &IndicatorQuery) -> Filtered {
        let words = search_words(&q.text);
        // Filtering on the verdicts needs them; otherwise rows carry them once worked out.
        let spc = if q.spc_concern {
            Some(self.work_out_spc(ds))
        } else {
            self.spc.get().map(|v| &v[..])
        };
        let mut picked: Vec<&Row> = self
            .rows
            .iter()
            .filter(|r| {
                let i = &ds.indicators[r.index];
                // A council's view: its own indicators and the shared-service ones for it.
                (q.councils.is_empty() || q.councils.iter().any(|c| i.serves(c)))
                    && (q.services.is_empty() || q.services.contains(&i.service))
                    && (q.frequencies.is_empty() || q.frequencies.contains(&i.frequency))
                    && (!q.key_only || i.key)
                    && (q.statuses.is_empty() || q.statuses.contains(&r.rag))
                    && (!q.differs_only || r.differs.is_some())
                    && (!q.spc_concern
                        || spc.and_then(|v| v.get(r.index).copied().flatten())
                            == Some(Variation::Concern))
                    && (words.is_empty() || index.matches(r.index, &words))
            })
            .collect();
        if let Some(key) = q.sort {
            let places = self.places(ds, key);
            let desc = q.descending;
            // By place (turned round when descending, blanks last either way), then by place in
            // the data, so equal values keep the data's order.
            crate::order::sort_by_key(&mut picked, &|r| {
                let p = places[r.index];
                (if desc && p != BLANK { BLANK - 1 - p } else { p }, r.index)
            });
        }
        let rows = picked
            .into_iter()
            .map(|r| Row {
                spc: spc.and_then(|v| v.get(r.index).copied().flatten()),
                ..r.clone()
            })
            .collect();
        Filtered {
            rows,
            period: self.period,
        }
    }

    /// Each indicator's place in column `key`, worked out on the column's first sort.
    fn places(&self, ds: &Dataset, key: SortKey) -> &[u32] {
        let slot = SortKey::ALL.iter().position(|k| *k == key).unwrap_or(0);
        self.places[slot].get_or_init(|| {
            let rows = &self.rows;
            let text = |t: &str| (!t.trim().is_empty()).then(|| t.to_lowercase());
            let ind = |r: &Row| &ds.indicators[r.index];
            match key {
                SortKey::Name => places(rows.iter().map(|r| text(&ind(r).name))),
                SortKey::Council => {
                    places(rows.iter().map(|r| text(&ds.scope_name(&ind(r).scope))))
                }
                SortKey::Service => {
                    places(rows.iter().map(|r| text(ds.service_name(&ind(r).service))))
                }
                SortKey::Period => places(rows.iter().map(|r| r.period)),
                SortKey::Actual => places(rows.iter().map(|r| r.actual)),
                SortKey::Target => places(rows.iter().map(|r| r.target)),
                SortKey::Variance => places(rows.iter().map(|r| r.variance_pct)),
                SortKey::Status => places(rows.iter().map(|r| Some(rag_rank(r.rag)))),
                SortKey::ShortTerm => places(rows.iter().map(|r| r.short.map(dir_rank))),
                SortKey::LongTerm => places(rows.iter().map(|r| r.long.map(dir_rank))),
                // The trend (the sparkline's direction) is worked out only for this sort.
                SortKey::Trend => {
                    let engine = self.period.map(|p| Engine::new(ds, p));
                    places(rows.iter().map(|r| {
                        let e = engine.as_ref()?;
                        e.trend(ind(r)).direction.map(dir_rank)
                    }))
                }
            }
        })
    }
}

/// Each value's place among the values, ascending, equal values sharing a place; blanks
/// (`None`) are [`BLANK`].
fn places<T: PartialOrd>(values: impl Iterator<Item = Option<T>>) -> Vec<u32> {
    let values: Vec<Option<T>> = values.collect();
    let same_or = |a: usize, b: usize| values[a].partial_cmp(&values[b]).unwrap_or(Ordering::Equal);
    let mut order: Vec<usize> = (0..values.len()).filter(|n| values[*n].is_some()).collect();
    order.sort_by(|a, b| same_or(*a, *b));
    let mut out = vec![BLANK; values.len()];
    let mut place = 0;
    for (k, n) in order.iter().enumerate() {
        if k > 0 && same_or(order[k - 1], *n) != Ordering::Equal {
            place += 1;
        }
        out[*n] = place;
    }
    out
}

/// One indicator's row for the engine's period (no engine: no period, so no data).
fn row(engine: Option<&Engine>, i: &Indicator, n: usize) -> Row {
    let at = engine.map(|e| e.indicator(i));
    let value = at.as_ref().and_then(|a| a.status.value);
    Row {
        index: n,
        rag: at.as_ref().map_or(Rag::NoData, |a| a.status.rag),
        manual: at.as_ref().is_some_and(|a| a.status.manual),
        differs: at.as_ref().and_then(|a| a.status.differs()),
        period: value.map(|v| v.period),
        actual: value.and_then(|v| v.actual),
        target: value.and_then(|v| v.target),
        variance_pct: value.and_then(variance).and_then(|v| v.percent),
        short: at.as_ref().and_then(|a| a.short_term).map(|t| t.direction),
        long: at.as_ref().and_then(|a| a.long_term).map(|t| t.direction),
        as_at: at.as_ref().and_then(|a| a.as_at),
        spc: None,
    }
}

/// Applies filters and sort for the view's period (or `default_period`).
pub fn apply(
    ds: &Dataset,
    index: &SearchIndex,
    q: &IndicatorQuery,
    default_period: Option<Period>,
) -> Filtered {
    apply_with(ds, index, q, default_period, None)
}

/// [`apply`] with every indicator's SPC verdict for the period already worked out
/// ([`Engine::variations`], once per dataset and period), else worked out here: every row
/// carries its verdict. A page that filters again and again keeps a [`Listing`] instead.
pub fn apply_with(
    ds: &Dataset,
    index: &SearchIndex,
    q: &IndicatorQuery,
    default_period: Option<Period>,
    variations: Option<&[Option<Variation>]>,
) -> Filtered {
    let listing = Listing::new(ds, q.period.or(default_period), variations);
    listing.work_out_spc(ds);
    listing.apply(ds, index, q)
}
