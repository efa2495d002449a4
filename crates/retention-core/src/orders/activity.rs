//! Daily activity with rolling windows: DAU, WAU, MAU and stickiness (`activity_series`).
//!
//! A customer is *active* on a day (a calendar day in the summary's time zone) with an order
//! that day. For day d: DAU = customers active on d; WAU = customers active on at least one
//! day of the 7 days ending on d (`[d-6, d]`); MAU = the same over the 28 days ending on d;
//! stickiness = DAU / MAU.
//!
//! A distinct count over a sliding window does not add up day by day, but it does over
//! *spans*. Close every gap of fewer than w days between a customer's active days: the active
//! days fall into spans, and the customer is in the w-day window ending on d exactly when one
//! of its spans has `start <= d <= last + w - 1` (`last` its last active day). So per day the
//! table keeps the customers active that day and, per window, the spans that start that day
//! and the spans whose last active day it is; WAU and MAU of d are prefix sums, the starts up
//! to d minus the lasts up to d - w. Every entry falls on an active day, so the tables of
//! disjoint sets of customers merge by adding their slots: the layout of
//! [`super::series::Table`] with the calendar unit `day`.
//!
//! Slot words: `active`, then for 7 and for 28 days the span starts and the span lasts.

use super::series::{self, count, Run, Table};
use super::words::{add_count, as_text_error, inconsistent, Grow, Kind, Summary};
use crate::error::Result;
use crate::time::Unit;

/// The rolling windows, in days: a week and four weeks.
pub const WINDOWS: [i64; 2] = [7, 28];

const ACTIVE: usize = 0;
/// The slot word of window `j`'s span starts; its span lasts follow.
const fn starts(j: usize) -> usize {
    1 + 2 * j
}
const fn lasts(j: usize) -> usize {
    2 + 2 * j
}

pub const DAYS: Table = Table {
    kind: Kind::Activity,
    type_name: "activity_series",
    width: 5,
    fields: &[
        count("active", ACTIVE),
        count("wau_span_starts", starts(0)),
        count("wau_span_lasts", lasts(0)),
        count("mau_span_starts", starts(1)),
        count("mau_span_lasts", lasts(1)),
    ],
};

/// A new, empty table in a time zone.
pub fn new_body(zone: &str) -> Result<Vec<u64>> {
    series::new_body(Unit::Day, zone)
}

/// Count one customer given by its runs of one day each (at least one, sorted, as
/// `series::runs` makes them with a day calendar). Amounts are not used. On
/// `Some(grown)`, nothing was changed: retry on it.
pub fn add_days(b: &mut [u64], runs: &[Run], _scale: u8, _display: u16) -> Result<Grow> {
    let t = &DAYS;
    let (lo, hi) = (runs[0].index, runs[runs.len() - 1].index);
    if let Some(grown) = t.ensure_range(b, lo, hi + 1)? {
        return Ok(Some(grown));
    }
    let h = t.head(b);
    let what = t.type_name;
    for (k, r) in runs.iter().enumerate() {
        let s = t.slot_of(&h, b, r.index);
        add_count(&mut s[ACTIVE], 1, what)?;
        for (j, w) in WINDOWS.iter().enumerate() {
            if k == 0 || r.index - runs[k - 1].index >= *w {
                add_count(&mut s[starts(j)], 1, what)?;
            }
            if k + 1 == runs.len() || runs[k + 1].index - r.index >= *w {
                add_count(&mut s[lasts(j)], 1, what)?;
            }
        }
    }
    t.note_active(b, lo, hi);
    Ok(None)
}

/// [`add_days`] of a customer's sorted orders, `locate` giving a time's day.
pub fn add_customer(
    b: &mut [u64],
    c: &super::Customer<'_>,
    locate: &mut dyn FnMut(i64) -> Result<i64>,
) -> Result<Grow> {
    add_days(b, &series::runs(c, locate)?, 0, 0)
}

/// One row of `periods(activity_series)`: a day and its active customers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayRow {
    pub index: i64,
    pub dau: u64,
    pub wau: u64,
    pub mau: u64,
}

fn share(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

impl DayRow {
    /// DAU / MAU, the usual stickiness.
    pub fn dau_mau(&self) -> Option<f64> {
        share(self.dau, self.mau)
    }
    pub fn dau_wau(&self) -> Option<f64> {
        share(self.dau, self.wau)
    }
    pub fn wau_mau(&self) -> Option<f64> {
        share(self.wau, self.mau)
    }
}

/// The active customers and the open spans of each window, day by day over `lo..=end`, in
/// i128 (outside input is checked with them before it is trusted).
fn walk(
    b: &[u64],
    lo: i64,
    end: i64,
    mut each: impl FnMut(i64, [i128; 3]) -> Result<()>,
) -> Result<()> {
    let t = &DAYS;
    let c = |d: i64, at: usize| t.count(b, d, at) as i128;
    let mut open = [0i128; 2];
    for d in lo..=end {
        for (j, w) in WINDOWS.iter().enumerate() {
            open[j] += c(d, starts(j)) - c(d - w, lasts(j));
        }
        each(d, [c(d, ACTIVE), open[0], open[1]])?;
    }
    Ok(())
}

/// The rows of the active range, first to last active day.
pub fn day_rows(b: &[u64]) -> Vec<DayRow> {
    let Some((lo, hi)) = DAYS.active_range(b) else {
        return vec![];
    };
    let mut rows = Vec::with_capacity((hi - lo + 1) as usize);
    walk(b, lo, hi, |d, [a, w, m]| {
        rows.push(DayRow {
            index: d,
            dau: a as u64,
            wau: w as u64,
            mau: m as u64,
        });
        Ok(())
    })
    .expect("validated");
    rows
}

pub struct ActiveDays;

impl Summary for ActiveDays {
    const KIND: Kind = Kind::Activity;
    const TYPE_NAME: &'static str = "activity_series";

    fn validate(b: &[u64]) -> Result<()> {
        let t = &DAYS;
        t.validate_layout(b)?;
        if series::calendar(b)?.0 != Unit::Day {
            return Err(inconsistent("the unit of an activity series is day"));
        }
        // The layout's money scale: an activity series has no amounts.
        if b[series::header_len(b) + 3] != 0 {
            return Err(inconsistent("the scale of an activity series is 0"));
        }
        let Some((lo, hi)) = t.active_range(b) else {
            return Ok(());
        };
        let c = |d: i64, at: usize| t.count(b, d, at) as i128;
        // Spans started and ended so far, per window.
        let (mut started, mut ended) = ([0i128; 2], [0i128; 2]);
        walk(b, lo, hi + 1, |d, [a, w, m]| {
            let bad = |why: &str| Err(inconsistent(format!("day {}: {why}", d - lo + 1)));
            if d > hi {
                return match (0..t.width).all(|at| c(d, at) == 0) {
                    true => Ok(()),
                    false => bad("counts after the last active day"),
                };
            }
            if (d == lo || d == hi) && a == 0 {
                return bad("the first and last days must have active customers");
            }
            for j in 0..WINDOWS.len() {
                started[j] += c(d, starts(j));
                ended[j] += c(d, lasts(j));
                if c(d, starts(j)) > a || c(d, lasts(j)) > a || ended[j] > started[j] {
                    return bad("spans do not match the active customers");
                }
            }
            if !(a <= w && w <= m && m <= i64::MAX as i128) {
                return bad("DAU, WAU and MAU do not nest");
            }
            Ok(())
        })?;
        if started != ended {
            return Err(inconsistent("a span has no last day"));
        }
        Ok(())
    }
    fn to_text(b: &[u64]) -> String {
        DAYS.to_text(b)
    }
    fn from_text(input: &str) -> Result<Vec<u64>> {
        DAYS.from_text(input, Self::validate)
            .map_err(|e| as_text_error::<Self>(input, e))
    }
    fn merge(dst: &mut [u64], src: &[u64]) -> Result<Grow> {
        DAYS.merge(dst, src)
    }
    fn compact(b: &[u64]) -> Option<Vec<u64>> {
        series::compact(&DAYS, b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::orders::words;

    fn grow_loop(body: &mut Vec<u64>, mut op: impl FnMut(&mut [u64]) -> Result<Grow>) {
        while let Some(grown) = op(body).unwrap() {
            *body = grown;
        }
    }

    fn runs(days: &[i64]) -> Vec<Run> {
        days.iter()
            .map(|&index| Run {
                index,
                orders: 1,
                priced: 0,
                amount: 0,
            })
            .collect()
    }

    fn table(customers: &[Vec<i64>]) -> Vec<u64> {
        let mut b = new_body("UTC").unwrap();
        for c in customers {
            grow_loop(&mut b, |b| add_days(b, &runs(c), 0, 0));
        }
        b
    }

    /// The definition, customer by customer: active on d, on a day of [d-6, d], of [d-27, d].
    fn by_definition(customers: &[Vec<i64>], d: i64) -> (u64, u64, u64) {
        let within = |w: i64| {
            customers
                .iter()
                .filter(|c| c.iter().any(|&a| a <= d && a > d - w))
                .count() as u64
        };
        (within(1), within(7), within(28))
    }

    /// A small generator, so the test needs no dependency and is the same on every run.
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self, n: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) % n
        }
    }

    fn random_customers(seed: u64, n: usize) -> Vec<Vec<i64>> {
        let mut g = Lcg(seed);
        (0..n)
            .map(|_| {
                let mut day = 739_000 + g.next(60) as i64;
                let mut days = vec![day];
                for _ in 0..g.next(8) {
                    // Gaps around both windows: 1..=40 days.
                    day += 1 + g.next(40) as i64;
                    days.push(day);
                }
                days
            })
            .collect()
    }

    #[test]
    fn hand_worked_table() {
        // A: days 1, 2, 10. B: day 5. C: days 1 and 30.
        let cs = vec![vec![1, 2, 10], vec![5], vec![1, 30]];
        let rows = day_rows(&table(&cs));
        let got: Vec<_> = rows
            .iter()
            .map(|r| (r.index, r.dau, r.wau, r.mau))
            .collect();
        // Day 1: A, C. Day 7: B (5) and A (2) within [1, 7]; C's day 1 too: 3. Day 8: A's
        // day 2, B: 2. Day 10: A (10), B (5): 2. Day 12: A, B: 2; day 13: A (10) only.
        // MAU on day 28: A, B, C (1 is within [1, 28]): 3; day 29: C's day 1 has left; A
        // (10), B (5): 2; day 30: C again: 3.
        assert_eq!(got[0], (1, 2, 2, 2));
        assert_eq!(got[6], (7, 0, 3, 3));
        assert_eq!(got[7], (8, 0, 2, 3));
        assert_eq!(got[9], (10, 1, 2, 3));
        assert_eq!(got[11], (12, 0, 1, 3));
        assert_eq!(got[27], (28, 0, 0, 3));
        assert_eq!(got[28], (29, 0, 0, 2));
        assert_eq!(got[29], (30, 1, 1, 3));
        assert_eq!(rows.len(), 30);
        assert_eq!(rows[29].dau_mau(), Some(1.0 / 3.0));
        for r in &rows {
            let (a, w, m) = by_definition(&cs, r.index);
            assert_eq!((r.dau, r.wau, r.mau), (a, w, m), "day {}", r.index);
        }
    }

    #[test]
    fn matches_the_definition_and_merges() {
        let cs = random_customers(7, 400);
        let whole = table(&cs);
        ActiveDays::validate(&whole).unwrap();
        for r in day_rows(&whole) {
            assert_eq!((r.dau, r.wau, r.mau), by_definition(&cs, r.index));
        }
        // Parts merged in either order give the same body as one pass (compacted).
        let (a, b) = (table(&cs[..150]), table(&cs[150..]));
        for (x, y) in [(&a, &b), (&b, &a)] {
            let mut m = x.clone();
            grow_loop(&mut m, |d| ActiveDays::merge(d, y));
            assert_eq!(ActiveDays::to_text(&m), ActiveDays::to_text(&whole));
        }
        let text = ActiveDays::to_text(&whole);
        let back = ActiveDays::from_text(&text).unwrap();
        assert_eq!(ActiveDays::to_text(&back), text);
        assert_eq!(
            words::from_binary::<ActiveDays>(&words::to_binary::<ActiveDays>(&back)).unwrap(),
            back
        );
    }

    #[test]
    fn text_form_and_bad_input() {
        let b = table(&[vec![738_000, 738_002]]);
        let text = ActiveDays::to_text(&b);
        assert!(text.contains("unit:\"day\""), "{text}");
        assert!(text.contains("active:[1,0,1,0]"), "{text}");
        // One span per window: it starts on the first day and lasts until the second.
        assert!(
            text.contains("wau_span_starts:[1,0,0,0],wau_span_lasts:[0,0,1,0]"),
            "{text}"
        );
        let bad = |from: &str, to: &str| {
            let t = text.replace(from, to);
            assert_ne!(t, text);
            ActiveDays::from_text(&t).unwrap_err().message().to_string()
        };
        // A span that never ends, more spans than active customers, a day whose active
        // customer is in no span, a last day without customers, counts past it.
        let e = bad("wau_span_lasts:[0,0,1,0]", "wau_span_lasts:[0,0,0,0]");
        assert!(e.contains("no last day"), "{e}");
        assert!(
            bad("wau_span_starts:[1,0,0,0]", "wau_span_starts:[2,0,0,0]").contains("do not match")
        );
        assert!(bad("wau_span_starts:[1,0,0,0]", "wau_span_starts:[0,0,1,0]").contains("nest"));
        assert!(bad("active:[1,0,1,0]", "active:[1,0,0,0]").contains("last days must have"));
        assert!(bad("active:[1,0,1,0]", "active:[1,0,1,1]").contains("after the last"));
        // Two 7-day spans where the 28-day window has one: WAU 2 above MAU 1 on day 3.
        let t = text
            .replace("wau_span_starts:[1,0,0,0]", "wau_span_starts:[1,0,1,0]")
            .replace("wau_span_lasts:[0,0,1,0]", "wau_span_lasts:[1,0,1,0]");
        assert!(ActiveDays::from_text(&t)
            .unwrap_err()
            .message()
            .contains("nest"));
        assert!(bad("scale:0", "scale:2").contains("scale of an activity series"));
        let month = text.replace("unit:\"day\"", "unit:\"month\"");
        assert!(ActiveDays::from_text(&month).is_err());
    }
}
