//! What the import compares: a row's description of an indicator with the indicator, and the
//! status and direction of travel the file publishes with what the rules compute.

use super::find::{name_key, service_matches, short_name};
use super::merge::{period_fits, Merge};
use super::report::RagDisagreement;
use super::returns::ReturnRow;
use crate::model::*;
use crate::rag::rate;

impl Merge<'_> {
    /// Compares the row's description of an indicator with the indicator; fills blanks of one
    /// created by this import; otherwise notes differences once (the indicator is unchanged).
    pub(super) fn check_definition(&mut self, row: &ReturnRow, idx: usize) {
        let n = row.row;
        let (fresh_freq, fresh_pol, fresh_unit) = match self.fresh.get(&idx) {
            Some(f) => (!f.frequency_given, !f.polarity_given, !f.unit_given),
            None => (false, false, false),
        };
        let ind = &self.ds.indicators[idx];
        let label = short_name(&ind.name);
        let mut notes: Vec<(&'static str, String)> = Vec::new();
        if let Some(name) = row.indicator.as_deref() {
            if name_key(name) != name_key(&ind.name) {
                notes.push((
                    "name",
                    format!(
                        "the file calls indicator \"{}\" \"{}\"; it keeps its name \"{}\"",
                        ind.id,
                        short_name(name),
                        label
                    ),
                ));
            }
        }
        if let Some(s) = row.service.as_deref() {
            let ok = self
                .ds
                .service(&ind.service)
                .is_some_and(|x| service_matches(x, s));
            if !ok {
                notes.push((
                    "service",
                    format!(
                        "the file puts \"{label}\" in service \"{s}\"; it stays in {}",
                        self.ds.service_name(&ind.service)
                    ),
                ));
            }
        }
        let mut set_freq = None;
        if let Some(f) = row.frequency {
            if f != ind.frequency {
                if fresh_freq && ind.values.iter().all(|v| period_fits(f, &v.period)) {
                    set_freq = Some(f);
                } else {
                    notes.push((
                        "frequency",
                        format!(
                            "the file says \"{label}\" is {f}; it stays {}",
                            ind.frequency
                        ),
                    ));
                }
            }
        }
        let mut set_pol = None;
        if let Some(p) = row.polarity {
            if p != ind.polarity {
                if fresh_pol {
                    set_pol = Some(p);
                } else {
                    notes.push((
                        "polarity",
                        format!(
                            "the file gives \"{label}\" polarity {p}; it keeps {}",
                            ind.polarity
                        ),
                    ));
                }
            }
        }
        let mut set_unit = None;
        if let Some(u) = row.unit.as_deref() {
            if ind.unit.as_deref() != Some(u) {
                if fresh_unit {
                    set_unit = Some(u.to_string());
                } else {
                    notes.push((
                        "unit",
                        format!(
                            "the file gives \"{label}\" the unit \"{u}\"; it keeps {}",
                            match &ind.unit {
                                Some(x) => format!("\"{x}\""),
                                None => "no unit".into(),
                            }
                        ),
                    ));
                }
            }
        }
        let ind = &mut self.ds.indicators[idx];
        if let Some(f) = set_freq {
            ind.frequency = f;
        }
        if let Some(p) = set_pol {
            ind.polarity = p;
        }
        if let Some(u) = set_unit {
            ind.unit = Some(u);
        }
        if let Some(fr) = self.fresh.get_mut(&idx) {
            fr.frequency_given |= row.frequency.is_some();
            fr.polarity_given |= row.polarity.is_some();
            fr.unit_given |= row.unit.is_some();
        }
        for (what, msg) in notes {
            if self.noted.insert((idx, what)) {
                self.note(n, msg);
            }
        }
    }

    /// Compares a status given in the file with what the rules compute, and notes disagreements.
    pub(super) fn check_rag(&mut self, row: &ReturnRow, idx: usize) {
        let Some(published) = row.rag else { return };
        if !matches!(published, Rag::Red | Rag::Amber | Rag::Green) {
            return;
        }
        let tol = self.ds.tolerance_default();
        let ind = &self.ds.indicators[idx];
        let Some(v) = ind.value(&row.period) else {
            return;
        };
        let tol = ind.tolerance_or(tol);
        let rated = |p: Polarity| rate(p, v.target, v.actual, tol, ind.decimals);
        let rag_word = |r: Rag| r.colour_word();
        let computed: Vec<(Polarity, Rag)> = match ind.polarity {
            Polarity::None => {
                self.data_only_statuses += 1;
                if v.target.is_none() || v.actual.is_none() {
                    return;
                }
                let (h, l) = (rated(Polarity::Higher), rated(Polarity::Lower));
                if h == published || l == published {
                    return;
                }
                vec![(Polarity::Higher, h), (Polarity::Lower, l)]
            }
            p => {
                let c = rated(p);
                if !matches!(c, Rag::Red | Rag::Amber | Rag::Green) || c == published {
                    return;
                }
                vec![(p, c)]
            }
        };
        let what = match computed.as_slice() {
            [(_, c)] => format!("the rules compute {}", rag_word(*c)),
            [(_, h), (_, l)] if h == l => {
                format!("the rules compute {} whichever way is better", rag_word(*h))
            }
            [(_, h), (_, l)] => format!(
                "the rules compute {} if higher is better, {} if lower is better",
                rag_word(*h),
                rag_word(*l)
            ),
            _ => String::new(),
        };
        let msg = format!(
            "the file says {}, {what} (\"{}\", {})",
            rag_word(published),
            short_name(&ind.name),
            row.period.short_label()
        );
        self.report.disagreements.push(RagDisagreement {
            row: row.row,
            indicator_id: ind.id.clone(),
            period: row.period,
            published,
            computed,
        });
        self.note(row.row, msg);
    }
}
