//! Kaplan-Meier survival curves (Kaplan & Meier 1958) with Greenwood's variance and the
//! confidence band lifelines draws by default, over (duration, event) rows: a customer's
//! time to churn (event) or time observed so far without churning (censored).
//!
//! The state counts events and censorings per distinct duration: exact, mergeable (adding
//! counts), no larger than the number of distinct durations. The curve has lifelines'
//! `survival_function_` shape: a row at time 0 and one at every distinct duration, events or
//! censorings alone. At each, with n at risk (durations >= t) and d events:
//!
//! ```text
//! S(t)  = prod_{t_i <= t} (1 - d_i / n_i)
//! gw(t) = sum_{t_i <= t} d_i / (n_i (n_i - d_i))        (Greenwood 1926)
//! ```
//!
//! and the band is lifelines 0.30's `KaplanMeierFitter._bounds`, the "exponential Greenwood"
//! interval on the log(-log) scale (Kalbfleisch & Prentice 1980), with v = ln S and z the
//! two-sided normal quantile of the confidence level:
//!
//! ```text
//! lower = exp(-exp(ln(-v) - z sqrt(gw) / v))
//! upper = exp(-exp(ln(-v) + z sqrt(gw) / v))
//! ```
//!
//! (v < 0, so `- z sqrt(gw) / v` is positive and gives the lower bound). Where S = 1 these are
//! 0/0; lifelines fills them with 1, and so do we: the band is (1, 1). Where S = 0 (everyone
//! at risk had the event) the band is (0, 0), as lifelines computes it: its Greenwood term
//! d / (n (n - d)) divides by zero there, and lifelines drops it (replaces inf by 0); so do we.
//!
//! The median is lifelines' `median_survival_time_`: the first time with S(t) <= 1/2, or none
//! when the curve stays above 1/2.

use crate::error::{invalid, MetricError, Result};
use crate::formulas::show;
use crate::interval::z_value;
use crate::varint::{self, Reader};
use std::collections::BTreeMap;

/// Version of the binary form.
pub const VERSION: u8 = 1;

/// The SQL type holding a Kaplan-Meier state.
pub const TYPE_NAME: &str = "survival_curve";

/// Events and censorings per distinct duration.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KaplanMeier {
    /// duration bits -> (events, censored). Durations are >= 0 (and -0 stored as +0), so
    /// the bit patterns sort as the numbers.
    rows: BTreeMap<u64, (u64, u64)>,
    subjects: u64,
}

/// One row of the curve.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KmPoint {
    pub time: f64,
    /// Subjects with duration >= time.
    pub at_risk: u64,
    pub events: u64,
    pub censored: u64,
    /// S(time).
    pub survival: f64,
    /// Greenwood's sum: Var(S) is approximately S^2 times this.
    pub greenwood: f64,
    pub lower: f64,
    pub upper: f64,
}

fn too_many() -> MetricError {
    MetricError::OutOfRange(format!(
        "a Kaplan-Meier state cannot count more than {} subjects",
        super::MAX_COUNT
    ))
}

fn check_duration(duration: f64) -> Result<()> {
    if duration.is_finite() && duration >= 0.0 {
        Ok(())
    } else {
        invalid(format!(
            "duration must be a finite number >= 0, got {}",
            show(duration)
        ))
    }
}

impl KaplanMeier {
    pub fn new() -> KaplanMeier {
        KaplanMeier::default()
    }

    /// One subject: churned (`event`) or still observed (censored) at `duration`.
    pub fn add(&mut self, duration: f64, event: bool) -> Result<()> {
        let (e, c) = if event { (1, 0) } else { (0, 1) };
        self.add_counts(duration, e, c)
    }

    /// `events` events and `censored` censorings at `duration`.
    pub fn add_counts(&mut self, duration: f64, events: u64, censored: u64) -> Result<()> {
        check_duration(duration)?;
        let n = super::add_counts(events, censored).ok_or_else(too_many)?;
        let subjects = super::add_counts(self.subjects, n).ok_or_else(too_many)?;
        if n == 0 {
            return Ok(());
        }
        let slot = self
            .rows
            .entry((duration + 0.0).to_bits())
            .or_insert((0, 0));
        // Both parts are at most the total, which did not overflow.
        slot.0 += events;
        slot.1 += censored;
        self.subjects = subjects;
        Ok(())
    }

    /// Add every subject of `other`.
    pub fn merge(&mut self, other: &KaplanMeier) -> Result<()> {
        super::add_counts(self.subjects, other.subjects).ok_or_else(too_many)?;
        for (i, (d, (e, c))) in other.rows.iter().enumerate() {
            super::check_interrupt_every(i);
            self.add_counts(f64::from_bits(*d), *e, *c)?;
        }
        Ok(())
    }

    pub fn subjects(&self) -> u64 {
        self.subjects
    }

    /// Distinct durations.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The curve at time 0 and every distinct duration, with a band at `confidence`
    /// (0.95 for lifelines' default `alpha=0.05`). Empty when there are no subjects.
    pub fn curve(&self, confidence: f64) -> Result<Vec<KmPoint>> {
        let z = z_value(confidence)?;
        let mut out = Vec::with_capacity(self.rows.len() + 1);
        if self.rows.is_empty() {
            return Ok(out);
        }
        let mut at_risk = self.subjects;
        let (mut survival, mut greenwood) = (1.0_f64, 0.0_f64);
        let zero = (!self.rows.contains_key(&0)).then_some((0u64, (0u64, 0u64)));
        for (i, (bits, (d, c))) in zero
            .into_iter()
            .chain(self.rows.iter().map(|(b, n)| (*b, *n)))
            .enumerate()
        {
            super::check_interrupt_every(i);
            if d > 0 {
                let (n, d) = (at_risk as f64, d as f64);
                survival *= 1.0 - d / n;
                if n > d {
                    greenwood += d / (n * (n - d));
                }
            }
            let (lower, upper) = band(survival, greenwood, z);
            out.push(KmPoint {
                time: f64::from_bits(bits),
                at_risk,
                events: d,
                censored: c,
                survival,
                greenwood,
                lower,
                upper,
            });
            // The rows' counts sum to `subjects`, so this never goes below 0.
            at_risk -= d + c;
        }
        Ok(out)
    }

    /// The first time at which S(t) <= 1/2, or `None` if the curve stays above 1/2.
    /// A relative slack of 1e-14 keeps a curve that reaches 1/2 exactly (3/4 x 2/3) from
    /// being missed by the product's rounding.
    pub fn median(&self) -> Option<f64> {
        let curve = self.curve(0.95).ok()?;
        curve
            .iter()
            .find(|p| p.survival <= 0.5 * (1.0 + 1e-14))
            .map(|p| p.time)
    }

    /// The text form of the `survival_curve` type:
    /// `(version:1,durations:[0.0,6.0,...],events:[0,3,...],censored:[0,1,...])`, distinct
    /// durations ascending.
    pub fn to_text(&self) -> String {
        let mut w = crate::text::Writer::new(VERSION);
        w.floats("durations", self.rows.keys().map(|d| f64::from_bits(*d)))
            .counts("events", self.rows.values().map(|(e, _)| *e))
            .counts("censored", self.rows.values().map(|(_, c)| *c));
        w.finish()
    }

    /// Parse [`KaplanMeier::to_text`]'s form (durations may come in any order; repeated
    /// durations add up).
    pub fn from_text(input: &str) -> Result<KaplanMeier> {
        let mut f = crate::text::Fields::parse(TYPE_NAME, input)?;
        let version = f.int("version", input)?;
        if version != i64::from(VERSION) {
            return Err(f.error(format!("unsupported version {version}")));
        }
        let durations = f.floats("durations")?;
        let events = f.counts("events")?;
        let censored = f.counts("censored")?;
        f.finish(input)?;
        if durations.len() != events.len() || durations.len() != censored.len() {
            return Err(crate::text::text_error(
                TYPE_NAME,
                input,
                "durations, events and censored must have the same length",
            ));
        }
        let mut km = KaplanMeier::new();
        for (i, ((d, e), c)) in durations.into_iter().zip(events).zip(censored).enumerate() {
            super::check_interrupt_every(i);
            km.add_counts(d, e, c)
                .map_err(|e| crate::text::text_error(TYPE_NAME, input, e))?;
        }
        Ok(km)
    }

    /// Binary form: version byte 1, a varint row count, then per row in ascending duration
    /// order the duration as a little-endian double, events and censorings as varints (not
    /// both 0).
    pub fn serialize(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(2 + self.rows.len() * 11);
        out.push(VERSION);
        varint::put(&mut out, self.rows.len() as u128);
        for (i, (d, (e, c))) in self.rows.iter().enumerate() {
            super::check_interrupt_every(i);
            out.extend_from_slice(&d.to_le_bytes());
            varint::put(&mut out, u128::from(*e));
            varint::put(&mut out, u128::from(*c));
        }
        out
    }

    /// Decode [`KaplanMeier::serialize`]'s form, checking durations, order, counts and that
    /// nothing follows the rows.
    pub fn deserialize(bytes: &[u8]) -> Result<KaplanMeier> {
        let bad =
            |why: String| MetricError::InvalidBinary(format!("invalid Kaplan-Meier state: {why}"));
        let truncated = || bad("truncated".into());
        let mut r = Reader::new(bytes);
        let n = super::read_state_header(&mut r, VERSION, &bad)?;
        let mut km = KaplanMeier::new();
        let mut last: Option<u64> = None;
        for i in 0..n {
            super::check_interrupt_every(i as usize);
            let b: [u8; 8] = r
                .take(8)
                .and_then(|s| s.try_into().ok())
                .ok_or_else(truncated)?;
            let bits = u64::from_le_bytes(b);
            let events = r.u64().ok_or_else(truncated)?;
            let censored = r.u64().ok_or_else(truncated)?;
            let duration = f64::from_bits(bits);
            check_duration(duration).map_err(|e| bad(e.to_string()))?;
            if (duration + 0.0).to_bits() != bits || last.is_some_and(|l| l >= bits) {
                return Err(bad("durations are not distinct and ascending".into()));
            }
            if events == 0 && censored == 0 {
                return Err(bad("a row counts no subject".into()));
            }
            km.add_counts(duration, events, censored)
                .map_err(|e| bad(e.to_string()))?;
            last = Some(bits);
        }
        if !r.at_end() {
            return Err(bad("unexpected bytes after the rows".into()));
        }
        Ok(km)
    }
}

/// lifelines' exponential Greenwood band (see the module doc).
fn band(survival: f64, greenwood: f64, z: f64) -> (f64, f64) {
    if survival >= 1.0 {
        return (1.0, 1.0);
    }
    if survival <= 0.0 {
        return (0.0, 0.0);
    }
    let v = survival.ln();
    let shift = z * greenwood.sqrt() / v;
    let bound = |s: f64| (-((-v).ln() + s).exp()).exp();
    (bound(-shift), bound(shift))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The 6-MP arm of Freireich et al. (1963), remission times in weeks, as in Gehan (1965)
    /// and Kleinbaum & Klein, "Survival Analysis: A Self-Learning Text", ch. 2: 21 patients,
    /// 9 relapses; `false` = censored.
    #[rustfmt::skip]
    const SIX_MP: [(f64, bool); 21] = [
        (6.0, true), (6.0, true), (6.0, true), (6.0, false), (7.0, true), (9.0, false),
        (10.0, true), (10.0, false), (11.0, false), (13.0, true), (16.0, true), (17.0, false),
        (19.0, false), (20.0, false), (22.0, true), (23.0, true), (25.0, false), (32.0, false),
        (32.0, false), (34.0, false), (35.0, false),
    ];

    fn six_mp() -> KaplanMeier {
        let mut km = KaplanMeier::new();
        for (d, e) in SIX_MP {
            km.add(d, e).unwrap();
        }
        km
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12 * b.abs().max(1e-3)
    }

    #[test]
    fn six_mp_by_hand_and_lifelines() {
        let curve = six_mp().curve(0.95).unwrap();
        let times: Vec<f64> = curve.iter().map(|p| p.time).collect();
        assert_eq!(
            times,
            [
                0.0, 6.0, 7.0, 9.0, 10.0, 11.0, 13.0, 16.0, 17.0, 19.0, 20.0, 22.0, 23.0, 25.0,
                32.0, 34.0, 35.0
            ]
        );
        // By hand (Kleinbaum & Klein print 0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448):
        // S = 18/21, x 16/17, x 14/15, x 11/12, x 10/11, x 6/7, x 5/6 at the relapse times,
        // Greenwood adds 3/(21*18), 1/(17*16), 1/(15*14), 1/(12*11), 1/(11*10), 1/(7*6), 1/(6*5).
        let steps = [
            (6.0, 21, 18.0 / 21.0, 3.0 / (21.0 * 18.0)),
            (7.0, 17, 16.0 / 17.0, 1.0 / (17.0 * 16.0)),
            (10.0, 15, 14.0 / 15.0, 1.0 / (15.0 * 14.0)),
            (13.0, 12, 11.0 / 12.0, 1.0 / (12.0 * 11.0)),
            (16.0, 11, 10.0 / 11.0, 1.0 / (11.0 * 10.0)),
            (22.0, 7, 6.0 / 7.0, 1.0 / (7.0 * 6.0)),
            (23.0, 6, 5.0 / 6.0, 1.0 / (6.0 * 5.0)),
        ];
        let (mut s, mut gw) = (1.0, 0.0);
        for (t, n, factor, term) in steps {
            s *= factor;
            gw += term;
            let p = curve.iter().find(|p| p.time == t).unwrap();
            assert_eq!(p.at_risk, n);
            assert!(close(p.survival, s) && close(p.greenwood, gw), "{p:?}");
        }
        let printed = [0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448];
        let relapses = curve.iter().filter(|p| p.events > 0);
        for (p, want) in relapses.zip(printed) {
            assert_eq!((p.survival * 1000.0).round() / 1000.0, want);
        }
        // lifelines 0.30.3, `KaplanMeierFitter().fit(t, e)`, `confidence_interval_` (the
        // script is in tests/data/README.md, km.py): (time, lower, upper).
        for (t, lower, upper) in [
            (0.0, 1.0, 1.0),
            (6.0, 0.6197179552659838, 0.9515517476469969),
            (7.0, 0.5631465646222333, 0.9228090192028802),
            (9.0, 0.5631465646222333, 0.9228090192028802),
            (10.0, 0.5031995107999564, 0.8893618351692651),
            (13.0, 0.43161022248618386, 0.8490659633494505),
            (16.0, 0.36751085598750194, 0.8049121894718411),
            (22.0, 0.26777893676713493, 0.7467907176353943),
            (23.0, 0.18805200595923233, 0.6801426284952412),
            (35.0, 0.18805200595923233, 0.6801426284952412),
        ] {
            let p = curve.iter().find(|p| p.time == t).unwrap();
            assert!(close(p.lower, lower) && close(p.upper, upper), "{p:?}");
            assert!(p.lower <= p.survival && p.survival <= p.upper);
        }
        // lifelines with alpha=0.1: the 90% band at 23 weeks.
        let p90 = six_mp().curve(0.90).unwrap();
        let p = p90.iter().find(|p| p.time == 23.0).unwrap();
        assert!(close(p.lower, 0.2264620882450107) && close(p.upper, 0.6481135841402932));
        // lifelines' median_survival_time_: 23.
        assert_eq!(six_mp().median(), Some(23.0));
    }

    /// lifelines 0.30.3 on small edge cases (README.md, km2.py).
    #[test]
    fn edge_cases_as_lifelines() {
        // Everyone at risk relapses at 2: S = 0, band (0, 0), the n = d Greenwood term
        // dropped (lifelines' cumulative_sq_ stays 1/6).
        let mut km = KaplanMeier::new();
        for (d, e) in [(1.0, true), (2.0, true), (2.0, true)] {
            km.add(d, e).unwrap();
        }
        let c = km.curve(0.95).unwrap();
        let last = c[2];
        assert_eq!((last.survival, last.lower, last.upper), (0.0, 0.0, 0.0));
        assert!(close(last.greenwood, 1.0 / 6.0));
        assert!(close(c[1].lower, 0.05407342678651668) && close(c[1].upper, 0.945206387272047));
        assert_eq!(km.median(), Some(2.0));
        // Events at time 0 share the row at 0: S(0) = 3/4.
        let mut km = KaplanMeier::new();
        for (d, e) in [(0.0, true), (-0.0, false), (1.0, true), (3.0, true)] {
            km.add(d, e).unwrap();
        }
        let c = km.curve(0.95).unwrap();
        assert_eq!(c.len(), 3);
        assert_eq!(
            (c[0].time, c[0].at_risk, c[0].events, c[0].censored),
            (0.0, 4, 1, 1)
        );
        assert!(close(c[0].survival, 0.75) && close(c[1].survival, 0.375));
        assert!(close(c[1].lower, 0.01097112157484458) && close(c[1].upper, 0.8080010724813436));
        assert_eq!(km.median(), Some(1.0));
        // Only censorings: S = 1 everywhere, band (1, 1), no median.
        let mut km = KaplanMeier::new();
        km.add(2.0, false).unwrap();
        km.add(3.0, false).unwrap();
        assert!(km
            .curve(0.95)
            .unwrap()
            .iter()
            .all(|p| (p.survival, p.lower, p.upper) == (1.0, 1.0, 1.0)));
        assert_eq!(km.median(), None);
        // A curve reaching exactly 1/2 (3/4 x 2/3): the median is that time.
        let mut km = KaplanMeier::new();
        for (d, e) in [(1.5, true), (2.5, true), (2.5, false), (4.0, true)] {
            km.add(d, e).unwrap();
        }
        assert_eq!(km.median(), Some(2.5));
        assert_eq!(KaplanMeier::new().curve(0.95), Ok(vec![]));
        assert_eq!(KaplanMeier::new().median(), None);
    }

    #[test]
    fn text_form() {
        let km = six_mp();
        let text = km.to_text();
        // 6-MP (Freireich 1963 via Gehan 1965): durations 6 (3 events, 1 censored), 7, 9
        // (censored), 10 (1 and 1), ...
        assert!(
            text.starts_with("(version:1,durations:[6.0,7.0,9.0,10.0,"),
            "{text}"
        );
        assert_eq!(KaplanMeier::from_text(&text).unwrap(), km);
        for bad in [
            "(version:2,durations:[],events:[],censored:[])",
            "(version:1,durations:[1.0],events:[],censored:[])",
            "(version:1,durations:[-1.0],events:[1],censored:[0])",
            "(version:1,durations:[1.0],events:[-1],censored:[0])",
        ] {
            let e = KaplanMeier::from_text(bad).unwrap_err();
            assert!(matches!(e, MetricError::InvalidText(_)), "{bad}: {e:?}");
        }
    }

    #[test]
    fn merge_round_trip_and_errors() {
        let (mut a, mut b) = (KaplanMeier::new(), KaplanMeier::new());
        for (i, (d, e)) in SIX_MP.iter().enumerate() {
            if i % 3 == 0 {
                a.add(*d, *e).unwrap()
            } else {
                b.add(*d, *e).unwrap()
            }
        }
        a.merge(&b).unwrap();
        assert_eq!(a, six_mp());
        assert_eq!(KaplanMeier::deserialize(&a.serialize()).unwrap(), a);
        for bad in [f64::NAN, -1.0, f64::INFINITY] {
            let e = a.add(bad, true).unwrap_err();
            assert!(
                e.message()
                    .starts_with("duration must be a finite number >= 0"),
                "{e}"
            );
        }
        assert!(a.curve(1.0).is_err());
        let good = a.serialize();
        for bytes in [
            vec![],
            vec![9],
            good[..good.len() - 1].to_vec(),
            [good.clone(), vec![0]].concat(),
        ] {
            assert!(matches!(
                KaplanMeier::deserialize(&bytes),
                Err(MetricError::InvalidBinary(_))
            ));
        }
        let mut full = KaplanMeier::new();
        full.add_counts(1.0, super::super::MAX_COUNT, 0).unwrap();
        assert!(matches!(
            KaplanMeier::new().add_counts(1.0, super::super::MAX_COUNT, 1),
            Err(MetricError::OutOfRange(_))
        ));
        assert!(matches!(
            full.add(2.0, true),
            Err(MetricError::OutOfRange(_))
        ));
        assert!(matches!(full.merge(&a), Err(MetricError::OutOfRange(_))));
    }

    proptest! {
        #[test]
        fn deserialize_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..60)) {
            let _ = KaplanMeier::deserialize(&bytes);
            let mut b = vec![1u8, 2];
            b.extend_from_slice(&bytes);
            let _ = KaplanMeier::deserialize(&b);
        }

        #[test]
        fn curve_is_a_survival_curve(rows in proptest::collection::vec((0u8..20, any::<bool>()), 0..40)) {
            let mut km = KaplanMeier::new();
            for (d, e) in &rows {
                km.add(f64::from(*d), *e).unwrap();
            }
            let curve = km.curve(0.95).unwrap();
            let mut prev = 1.0;
            for p in &curve {
                prop_assert!(p.survival <= prev && p.survival >= 0.0);
                prop_assert!(p.lower <= p.survival + 1e-15 && p.survival <= p.upper + 1e-15);
                prev = p.survival;
            }
            prop_assert_eq!(KaplanMeier::deserialize(&km.serialize()).unwrap(), km);
        }
    }
}
