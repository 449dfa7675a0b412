//! How far a figure is from its target and which way it moved, judged by polarity at the
//! indicator's decimals: the arithmetic under every rating rule ([`crate::rag`],
//! [`crate::scheme`]), in one place below both.

use crate::model::Polarity;

/// Rounds to the indicator's decimals (2 when it gives none), so that ratings agree with the
/// figures people see: the value of the very figure [`crate::fmt::number`] shows, by the one
/// rule [`crate::fmt::rounded`] (half away from zero, on the decimal figure as written).
pub fn round_to(x: f64, decimals: Option<u8>) -> f64 {
    let d = decimals.unwrap_or(crate::fmt::DEFAULT_DECIMALS);
    crate::fmt::rounded(x, d).parse().unwrap_or(x)
}

/// A tiny allowance for binary fractions (0.1 + 0.2), far below any figure's decimals.
const EPS: f64 = 1e-9;

/// The allowance when comparing two figures rounded to `decimals`: relative to their size for
/// binary noise, but never as much as half the last decimal shown, so a visible difference
/// (20,000,000.00 against 19,999,999.99) is never taken for none.
pub(crate) fn slack(x: f64, decimals: Option<u8>) -> f64 {
    let unit = 10f64.powi(-(decimals.unwrap_or(crate::fmt::DEFAULT_DECIMALS) as i32));
    (EPS * x.abs().max(1.0)).min(unit / 2.0)
}

/// The rounded target and how far the rounded actual falls short of it (positive: missed;
/// zero or negative: met), by polarity; None for polarity none.
pub(crate) fn miss(
    polarity: Polarity,
    target: f64,
    actual: f64,
    decimals: Option<u8>,
) -> Option<(f64, f64)> {
    let (t, a) = (round_to(target, decimals), round_to(actual, decimals));
    match polarity {
        Polarity::Higher => Some((t, t - a)),
        Polarity::Lower => Some((t, a - t)),
        Polarity::None => None,
    }
}

/// Better, worse or the same, judged by polarity (never plain up or down).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    Improved,
    Worsened,
    Unchanged,
}

impl Direction {
    pub fn as_str(&self) -> &'static str {
        match self {
            Direction::Improved => "improved",
            Direction::Worsened => "worsened",
            Direction::Unchanged => "unchanged",
        }
    }
    pub fn label(&self) -> &'static str {
        match self {
            Direction::Improved => "Improved",
            Direction::Worsened => "Worsened",
            Direction::Unchanged => "No change",
        }
    }
}

/// Which way a figure moved from `before` to `now`, judged by polarity at the indicator's
/// decimals (None when the indicator has no polarity).
pub fn direction(
    polarity: Polarity,
    before: f64,
    now: f64,
    decimals: Option<u8>,
) -> Option<Direction> {
    let (b, n) = (round_to(before, decimals), round_to(now, decimals));
    let diff = n - b;
    if diff.abs() <= slack(b, decimals) {
        return Some(Direction::Unchanged);
    }
    match polarity {
        Polarity::Higher => Some(if diff > 0.0 {
            Direction::Improved
        } else {
            Direction::Worsened
        }),
        Polarity::Lower => Some(if diff < 0.0 {
            Direction::Improved
        } else {
            Direction::Worsened
        }),
        Polarity::None => None,
    }
}
