//! What the import compares: a row's description of an indicator with the indicator, and the
//! status and direction of travel the file publishes with what the rules compute.

use super::cells::PublishedDirection;
use super::find::{measure_words, name_key, service_matches};
use super::merge::{period_fits, Merge};
use super::report::short_name;
use super::report::{DirectionDisagreement, RagDisagreement};
use super::returns::ReturnRow;
use crate::model::*;
use crate::number::write_number;
use crate::period::Period;
use crate::rag::{short_term, Direction, Travel};

impl Merge<'_> {
    /// Compares the row's description of an indicator with the indicator; fills blanks of one
    /// created by this import; otherwise notes differences once (the indicator is unchanged).
    pub(super) fn check_definition(&mut self, row: &ReturnRow, idx: usize) {
        let n = row.row;
        let (fresh_freq, fresh_pol, fresh_unit, fresh_measure) = match self.fresh.get(&idx) {
            Some(f) => (
                !f.frequency_given,
                !f.polarity_given,
                !f.unit_given,
                !f.measure_given,
            ),
            None => (false, false, false, false),
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
        let mut set_measure = None;
        if let Some(m) = row.measure {
            if ind.measure != Some(m) {
                if fresh_measure {
                    set_measure = Some(m);
                    notes.push((
                        "measure",
                        format!(
                            "\"{label}\" is recorded as {}, as its frequency says",
                            measure_words(m)
                        ),
                    ));
                } else {
                    notes.push((
                        "measure",
                        format!(
                            "the file says \"{label}\" is {}; it stays {}",
                            measure_words(m),
                            ind.measure.map_or("with no value type set", measure_words)
                        ),
                    ));
                }
            }
        }
        let ind = &mut self.ds.indicators[idx];
        if let Some(m) = set_measure {
            ind.measure = Some(m);
        }
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
            fr.measure_given |= row.measure.is_some();
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
        let ind = &self.ds.indicators[idx];
        let Some(v) = ind.value(&row.period) else {
            return;
        };
        // The indicator's own rule: its scheme, its council's or the dataset's.
        let rule = crate::scheme::rule_for(&self.ds, ind);
        let year_earlier = ind.value(&row.period.year_earlier()).and_then(|v| v.actual);
        let rated = |polarity: Polarity| {
            crate::scheme::rate(
                &rule.scheme,
                crate::scheme::Figures {
                    polarity,
                    target: v.target,
                    actual: v.actual,
                    decimals: ind.decimals,
                    year_earlier,
                },
            )
        };
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

    /// Compares a direction of travel given in the file with the one the rules compute since the
    /// previous figure ([`short_term`], as every page shows it), and notes disagreements. Words
    /// judged by polarity (improved, worsened, no change) are compared with the direction by the
    /// indicator's polarity, or both ways for a data-only indicator (noted only when they fit
    /// neither); "up" and "down" with the way the figure moved.
    pub(super) fn check_direction(
        &mut self,
        row: usize,
        idx: usize,
        period: Period,
        published: PublishedDirection,
    ) {
        let ind = &self.ds.indicators[idx];
        let travel = |p: Polarity| -> Option<Travel> {
            if p == ind.polarity {
                short_term(ind, &period)
            } else {
                let mut as_if = ind.clone();
                as_if.polarity = p;
                short_term(&as_if, &period)
            }
        };
        let polarities = match (published.is_movement(), ind.polarity) {
            // Up is what "improved" means when higher is better.
            (true, _) => vec![Polarity::Higher],
            (false, Polarity::None) => vec![Polarity::Higher, Polarity::Lower],
            (false, p) => vec![p],
        };
        // Up and down are read as if higher were better (see `polarities`).
        let wanted = match published {
            PublishedDirection::Improved | PublishedDirection::Up => Direction::Improved,
            PublishedDirection::Worsened | PublishedDirection::Down => Direction::Worsened,
            PublishedDirection::Unchanged => Direction::Unchanged,
        };
        let mut computed = Vec::new();
        let mut against = None;
        for p in polarities {
            let Some(t) = travel(p) else {
                self.report.directions_unchecked.push(row);
                return;
            };
            if t.direction == wanted {
                return;
            }
            computed.push((p, t.direction));
            against = Some(t);
        }
        let (Some(t), Some(actual)) = (against, ind.value(&period).and_then(|v| v.actual)) else {
            return;
        };
        let moved = |d: Direction| match d {
            Direction::Improved => "went up",
            Direction::Worsened => "went down",
            Direction::Unchanged => "did not change",
        };
        let what = match computed.as_slice() {
            [(_, d)] if published.is_movement() => format!("but the figure {}", moved(*d)),
            [(_, d)] => format!("the rules compute {}", d.label()),
            [(_, h), (_, l)] => format!(
                "the rules compute {} if higher is better, {} if lower is better,",
                h.label(),
                l.label()
            ),
            _ => String::new(),
        };
        let msg = format!(
            "the file says the direction is {}, {what} since {}, from {} to {} (\"{}\", {})",
            published.label(),
            t.since.short_label(),
            write_number(t.previous),
            write_number(actual),
            short_name(&ind.name),
            period.short_label()
        );
        self.report
            .direction_disagreements
            .push(DirectionDisagreement {
                row,
                indicator_id: ind.id.clone(),
                period,
                published,
                since: t.since,
                previous: t.previous,
                actual,
                computed,
            });
        self.note(row, msg);
    }
}
