//! The input of the purchase and spend models: a histogram of customers by their RFM
//! summary, (frequency, recency, T) and optionally mean spend.
//!
//! - frequency x: repeat purchases (purchases after the first), a whole number >= 0;
//! - recency t_x: time from the first purchase to the last one, 0 <= t_x <= T, and 0 when
//!   x = 0;
//! - T: the customer's age, time from the first purchase to the end of the calibration
//!   period, > 0;
//! - monetary m (optional): mean value of the repeat purchases, > 0 when x > 0; for x = 0 it
//!   is undefined and conventionally 0 (lifetimes' `summary_data_from_transaction_data` and
//!   the CDNOW summary write 0), so 0 is accepted there.
//!
//! These are the definitions of lifetimes (`utils._check_inputs`) and of Fader, Hardie & Lee
//! (2005). Time is in any unit, the same for every row.
//!
//! Fader and Hardie condense customers into their distinct (x, t_x, T) patterns with a count
//! (lifetimes' `weights`): the likelihood is a sum over patterns, weighted. So is this state:
//! a map from distinct rows to customer counts (a hash table: a million customers are added
//! one by one), read in sorted order, so that sums over it do not depend on the order the
//! customers came in. It is exact, mergeable (adding counts
//! is associative and commutative), and at most as large as the number of customers, often
//! far smaller (integer-day recencies repeat).
//!
//! Binary form (`serialize`): version byte 1, a LEB128 varint row count, then per row in
//! ascending order: a flags byte (bit 0: has monetary), frequency as a varint, recency and T
//! (and monetary) as little-endian IEEE-754 doubles, the weight as a varint >= 1.

use crate::error::{invalid, MetricError, Result};
use crate::formulas::show;
use crate::varint::{self, Reader};

/// Version of the binary form.
pub const VERSION: u8 = 1;

/// The largest frequency: 2^53, past which whole numbers are not all doubles.
pub const MAX_FREQUENCY: f64 = 9_007_199_254_740_992.0;

/// One customer's summary.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rfm {
    pub frequency: f64,
    pub recency: f64,
    pub t: f64,
    pub monetary: Option<f64>,
}

/// A distinct row of the histogram and its customer count.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Row {
    pub rfm: Rfm,
    pub weight: u64,
}

/// The map key: the values' bit patterns. All values are >= 0 (and -0 is stored as +0), so
/// the bit patterns order as the numbers do: rows are sorted by frequency, recency, T,
/// monetary (no monetary first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Key {
    frequency: u64,
    recency: u64,
    t: u64,
    monetary: Option<u64>,
}

impl Key {
    fn of(r: &Rfm) -> Key {
        // `+ 0.0` turns -0.0 into +0.0, so equal values have one key.
        Key {
            frequency: (r.frequency + 0.0).to_bits(),
            recency: (r.recency + 0.0).to_bits(),
            t: (r.t + 0.0).to_bits(),
            monetary: r.monetary.map(|m| (m + 0.0).to_bits()),
        }
    }
    fn rfm(&self) -> Rfm {
        Rfm {
            frequency: f64::from_bits(self.frequency),
            recency: f64::from_bits(self.recency),
            t: f64::from_bits(self.t),
            monetary: self.monetary.map(f64::from_bits),
        }
    }
}

/// Customers by distinct RFM row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Histogram {
    rows: hashbrown::HashMap<Key, u64>,
    customers: u64,
}

/// Checks one customer's summary (see the module doc for the rules).
pub fn validate(r: &Rfm) -> Result<()> {
    check(r, false)
}

/// As [`validate`], but T = 0 allowed: predictions for a customer acquired just now.
pub fn validate_for_prediction(r: &Rfm) -> Result<()> {
    check(r, true)
}

fn check(r: &Rfm, zero_age: bool) -> Result<()> {
    let Rfm {
        frequency: x,
        recency: t_x,
        t,
        monetary,
    } = *r;
    if !(x.is_finite() && x >= 0.0 && x.fract() == 0.0 && x <= MAX_FREQUENCY) {
        return invalid(format!(
            "frequency must be a whole number >= 0 (at most 2^53), got {}",
            show(x)
        ));
    }
    if !(t.is_finite() && (t > 0.0 || zero_age && t == 0.0)) {
        return invalid(format!(
            "T (the customer's age) must be a finite number {} 0, got {}",
            if zero_age { ">=" } else { ">" },
            show(t)
        ));
    }
    if !(t_x.is_finite() && t_x >= 0.0 && t_x <= t) {
        return invalid(format!(
            "recency must be between 0 and T, got recency {} with T {}",
            show(t_x),
            show(t)
        ));
    }
    if x == 0.0 && t_x != 0.0 {
        return invalid(format!(
            "recency must be 0 when frequency is 0 (no repeat purchase), got {}",
            show(t_x)
        ));
    }
    if let Some(m) = monetary {
        if x > 0.0 && !(m.is_finite() && m > 0.0) {
            return invalid(format!(
                "monetary value must be a finite number > 0 for a customer with repeat purchases, got {}",
                show(m)
            ));
        }
        if x == 0.0 && !(m.is_finite() && m >= 0.0) {
            return invalid(format!(
                "monetary value must be a finite number >= 0, got {}",
                show(m)
            ));
        }
    }
    Ok(())
}

fn too_many() -> MetricError {
    MetricError::OutOfRange(format!(
        "an RFM histogram cannot count more than {} customers",
        super::MAX_COUNT
    ))
}

impl Histogram {
    pub fn new() -> Histogram {
        Histogram::default()
    }

    /// Add one customer without spend.
    pub fn add(&mut self, frequency: f64, recency: f64, t: f64) -> Result<()> {
        self.add_weighted(
            Rfm {
                frequency,
                recency,
                t,
                monetary: None,
            },
            1,
        )
    }

    /// Add one customer with mean spend `monetary`.
    pub fn add_with_monetary(
        &mut self,
        frequency: f64,
        recency: f64,
        t: f64,
        monetary: f64,
    ) -> Result<()> {
        self.add_weighted(
            Rfm {
                frequency,
                recency,
                t,
                monetary: Some(monetary),
            },
            1,
        )
    }

    /// Add `weight` customers with the same summary (weight 0 adds nothing, after the
    /// summary is checked).
    pub fn add_weighted(&mut self, rfm: Rfm, weight: u64) -> Result<()> {
        validate(&rfm)?;
        if weight == 0 {
            return Ok(());
        }
        self.insert(Key::of(&rfm), weight)
    }

    fn insert(&mut self, key: Key, weight: u64) -> Result<()> {
        let customers = super::add_counts(self.customers, weight).ok_or_else(too_many)?;
        let slot = self.rows.entry(key).or_insert(0);
        // A row's weight is at most the total, which did not overflow.
        *slot += weight;
        self.customers = customers;
        Ok(())
    }

    /// Add every customer of `other`.
    pub fn merge(&mut self, other: &Histogram) -> Result<()> {
        super::add_counts(self.customers, other.customers).ok_or_else(too_many)?;
        for (k, w) in &other.rows {
            self.insert(*k, *w)?;
        }
        Ok(())
    }

    /// Distinct rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Customers: the sum of the weights.
    pub fn customers(&self) -> u64 {
        self.customers
    }

    /// The distinct rows with their counts, in ascending order.
    fn sorted(&self) -> Vec<(Key, u64)> {
        let mut rows: Vec<(Key, u64)> = self.rows.iter().map(|(k, w)| (*k, *w)).collect();
        rows.sort_unstable_by_key(|(k, _)| *k);
        rows
    }

    /// The rows in ascending order (sorted at each call: callers collect them once).
    pub fn rows(&self) -> impl Iterator<Item = Row> {
        self.sorted().into_iter().map(|(k, w)| Row {
            rfm: k.rfm(),
            weight: w,
        })
    }

    /// The binary form (see the module doc).
    pub fn serialize(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(2 + self.rows.len() * 27);
        out.push(VERSION);
        varint::put(&mut out, self.rows.len() as u128);
        for (k, w) in &self.sorted() {
            out.push(u8::from(k.monetary.is_some()));
            // Frequencies are whole numbers <= 2^53: exact as integers.
            varint::put(&mut out, f64::from_bits(k.frequency) as u128);
            out.extend_from_slice(&k.recency.to_le_bytes());
            out.extend_from_slice(&k.t.to_le_bytes());
            if let Some(m) = k.monetary {
                out.extend_from_slice(&m.to_le_bytes());
            }
            varint::put(&mut out, *w as u128);
        }
        out
    }

    /// Decode [`Histogram::serialize`]'s form, checking every row as `add` does, that the
    /// rows are in strictly ascending order, and that nothing follows them.
    pub fn deserialize(bytes: &[u8]) -> Result<Histogram> {
        let bad = |why: String| MetricError::InvalidBinary(format!("invalid RFM histogram: {why}"));
        let truncated = || bad("truncated".into());
        let mut r = Reader::new(bytes);
        let n = super::read_state_header(&mut r, VERSION, &bad)?;
        let mut h = Histogram::new();
        let mut last: Option<Key> = None;
        for _ in 0..n {
            let flags = r.byte().ok_or_else(truncated)?;
            if flags > 1 {
                return Err(bad(format!("unknown row flags {flags}")));
            }
            let count = r.u64().ok_or_else(truncated)?;
            let frequency = count as f64;
            if count > 1 << 53 {
                return Err(bad(format!("frequency {count} is above 2^53")));
            }
            let recency = read_f64(&mut r).ok_or_else(truncated)?;
            let t = read_f64(&mut r).ok_or_else(truncated)?;
            let monetary = if flags == 1 {
                Some(read_f64(&mut r).ok_or_else(truncated)?)
            } else {
                None
            };
            let weight = r.u64().ok_or_else(truncated)?;
            let rfm = Rfm {
                frequency,
                recency,
                t,
                monetary,
            };
            validate(&rfm).map_err(|e| bad(e.to_string()))?;
            let key = Key::of(&rfm);
            let raw = Key {
                frequency: frequency.to_bits(),
                recency: recency.to_bits(),
                t: t.to_bits(),
                monetary: monetary.map(f64::to_bits),
            };
            // `raw != key`: a -0.0, which serialize never writes.
            if weight == 0 || last.is_some_and(|l| l >= key) || raw != key {
                return Err(bad("rows are not distinct, sorted and counted".into()));
            }
            h.insert(key, weight).map_err(|e| bad(e.to_string()))?;
            last = Some(key);
        }
        if !r.at_end() {
            return Err(bad("unexpected bytes after the rows".into()));
        }
        Ok(h)
    }
}

fn read_f64(r: &mut Reader) -> Option<f64> {
    let b: [u8; 8] = r.take(8)?.try_into().ok()?;
    Some(f64::from_le_bytes(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn msg(e: MetricError) -> String {
        e.message().to_string()
    }

    #[test]
    fn rejects_invalid_rows() {
        let mut h = Histogram::new();
        let cases = [
            (
                (1.5, 1.0, 2.0),
                "frequency must be a whole number >= 0 (at most 2^53), got 1.5",
            ),
            ((-1.0, 0.0, 2.0), "frequency must be a whole number"),
            ((f64::NAN, 0.0, 2.0), "got NaN"),
            ((1e300, 1.0, 2.0), "frequency must be a whole number"),
            (
                (1.0, 1.0, 0.0),
                "T (the customer's age) must be a finite number > 0, got 0",
            ),
            ((1.0, 1.0, f64::INFINITY), "got Infinity"),
            (
                (1.0, 3.0, 2.0),
                "recency must be between 0 and T, got recency 3 with T 2",
            ),
            ((1.0, -0.5, 2.0), "recency must be between 0 and T"),
            (
                (0.0, 1.0, 2.0),
                "recency must be 0 when frequency is 0 (no repeat purchase), got 1",
            ),
        ];
        for ((x, t_x, t), want) in cases {
            let e = msg(h.add(x, t_x, t).unwrap_err());
            assert!(e.contains(want), "{e:?} should contain {want:?}");
        }
        let e = msg(h.add_with_monetary(1.0, 1.0, 2.0, 0.0).unwrap_err());
        assert!(e.contains("must be a finite number > 0 for a customer with repeat purchases"));
        assert!(h.add_with_monetary(1.0, 1.0, 2.0, f64::NAN).is_err());
        assert!(h.add_with_monetary(0.0, 0.0, 2.0, -1.0).is_err());
        assert!(h.is_empty());
        h.add_with_monetary(0.0, 0.0, 2.0, 0.0).unwrap();
        h.add(0.0, -0.0, 2.0).unwrap();
        h.add(0.0, 0.0, 2.0).unwrap();
        assert_eq!((h.len(), h.customers()), (2, 3));
    }

    #[test]
    fn weights_merge_and_round_trip() {
        let mut a = Histogram::new();
        a.add(2.0, 30.43, 38.86).unwrap();
        a.add(2.0, 30.43, 38.86).unwrap();
        a.add_with_monetary(1.0, 1.71, 38.86, 11.77).unwrap();
        let mut b = Histogram::new();
        let row = Rfm {
            frequency: 2.0,
            recency: 30.43,
            t: 38.86,
            monetary: None,
        };
        b.add_weighted(row, 3).unwrap();
        b.add(0.0, 0.0, 38.86).unwrap();
        a.merge(&b).unwrap();
        assert_eq!((a.len(), a.customers()), (3, 7));
        let rows: Vec<Row> = a.rows().collect();
        assert_eq!(rows[0].rfm.frequency, 0.0);
        assert_eq!(rows[2].weight, 5);
        let back = Histogram::deserialize(&a.serialize()).unwrap();
        assert_eq!(back, a);
        assert_eq!(
            Histogram::deserialize(&Histogram::new().serialize())
                .unwrap()
                .len(),
            0
        );
        let mut full = Histogram::new();
        full.add_weighted(row, super::super::MAX_COUNT).unwrap();
        assert!(matches!(
            Histogram::new().add_weighted(row, super::super::MAX_COUNT + 1),
            Err(MetricError::OutOfRange(_))
        ));
        assert!(matches!(full.merge(&a), Err(MetricError::OutOfRange(_))));
        assert!(matches!(
            full.add(0.0, 0.0, 1.0),
            Err(MetricError::OutOfRange(_))
        ));
    }

    #[test]
    fn rejects_bad_bytes() {
        let mut h = Histogram::new();
        h.add(1.0, 1.0, 2.0).unwrap();
        h.add(2.0, 1.0, 2.0).unwrap();
        let good = h.serialize();
        let mut cases: Vec<Vec<u8>> = vec![vec![], vec![2, 0], good[..good.len() - 1].to_vec()];
        let mut extra = good.clone();
        extra.push(0);
        cases.push(extra);
        // Rows out of order: swap the two 19-byte rows.
        let (head, rows) = good.split_at(2);
        let mut swapped = head.to_vec();
        swapped.extend_from_slice(&rows[19..]);
        swapped.extend_from_slice(&rows[..19]);
        cases.push(swapped);
        // A zero weight.
        let mut zero = good.clone();
        zero[20] = 0;
        cases.push(zero);
        // A frequency of 2^53 + 1, which no double holds.
        let mut big = vec![1u8, 1, 0];
        varint::put(&mut big, (1u128 << 53) + 1);
        big.extend_from_slice(&1.0f64.to_le_bytes());
        big.extend_from_slice(&2.0f64.to_le_bytes());
        big.push(1);
        cases.push(big);
        for bytes in cases {
            assert!(
                matches!(
                    Histogram::deserialize(&bytes),
                    Err(MetricError::InvalidBinary(_))
                ),
                "{bytes:?}"
            );
        }
    }

    proptest! {
        #[test]
        fn deserialize_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..80)) {
            let _ = Histogram::deserialize(&bytes);
            // Also from a valid prefix, so the row decoder is reached.
            let mut b = vec![1u8, 2];
            b.extend_from_slice(&bytes);
            let _ = Histogram::deserialize(&b);
        }

        #[test]
        fn merge_is_order_free(rows in proptest::collection::vec((0u8..4, 0u8..4, 1u8..4, 1u64..5), 0..20)) {
            let mut whole = Histogram::new();
            let (mut left, mut right) = (Histogram::new(), Histogram::new());
            for (i, (x, tx, t, w)) in rows.iter().enumerate() {
                let rfm = Rfm {
                    frequency: *x as f64,
                    recency: if *x == 0 { 0.0 } else { (*tx).min(*t) as f64 },
                    t: *t as f64,
                    monetary: None,
                };
                whole.add_weighted(rfm, *w).unwrap();
                let half = if i % 2 == 0 { &mut left } else { &mut right };
                half.add_weighted(rfm, *w).unwrap();
            }
            right.merge(&left).unwrap();
            prop_assert_eq!(&right, &whole);
            prop_assert_eq!(Histogram::deserialize(&whole.serialize()).unwrap(), whole);
        }
    }
}

/// The state of the RFM-fitting aggregates (`bgnbd_fit`, `gamma_gamma_fit`): the histogram
/// and the penalizer the rows gave (the same on every row, or none).
///
/// Binary form: `0`, or `1` and the penalizer as a little-endian IEEE-754 double; then the
/// histogram's form ([`Histogram::serialize`]).
#[derive(Debug, Default)]
pub struct FitState {
    pub hist: Histogram,
    pub penalizer: Option<f64>,
}

impl FitState {
    /// Take a row's penalizer: it must equal the ones before it.
    pub fn set_penalizer(&mut self, p: Option<f64>) -> Result<()> {
        match (self.penalizer, p) {
            (_, None) => Ok(()),
            (None, Some(p)) => {
                self.penalizer = Some(p);
                Ok(())
            }
            (Some(a), Some(b)) if a.to_bits() == b.to_bits() => Ok(()),
            (Some(a), Some(b)) => invalid(format!(
                "the penalizer must be the same on every row of a fit, got {} and {}",
                show(a),
                show(b)
            )),
        }
    }

    pub fn merge(&mut self, other: &FitState) -> Result<()> {
        self.set_penalizer(other.penalizer)?;
        self.hist.merge(&other.hist)
    }

    pub fn serialize(&self) -> Vec<u8> {
        let mut out = Vec::new();
        match self.penalizer {
            Some(p) => {
                out.push(1);
                out.extend_from_slice(&p.to_le_bytes());
            }
            None => out.push(0),
        }
        out.extend_from_slice(&self.hist.serialize());
        out
    }

    pub fn deserialize(bytes: &[u8]) -> Result<FitState> {
        let bad = || MetricError::InvalidBinary("invalid partial aggregate state".into());
        let (penalizer, rest) = match bytes.split_first() {
            Some((0, rest)) => (None, rest),
            Some((1, rest)) if rest.len() >= 8 => {
                let (p, rest) = rest.split_at(8);
                (
                    Some(f64::from_le_bytes(p.try_into().map_err(|_| bad())?)),
                    rest,
                )
            }
            _ => return Err(bad()),
        };
        Ok(FitState {
            hist: Histogram::deserialize(rest)?,
            penalizer,
        })
    }
}

#[cfg(test)]
mod fit_state_tests {
    use super::*;

    #[test]
    fn fit_states_round_trip_and_merge() {
        let mut a = FitState::default();
        a.set_penalizer(Some(0.1)).unwrap();
        a.hist.add(2.0, 30.0, 40.0).unwrap();
        let back = FitState::deserialize(&a.serialize()).unwrap();
        assert_eq!(back.penalizer, Some(0.1));
        assert_eq!(back.hist.customers(), 1);
        let mut b = FitState::default();
        b.hist.add(0.0, 0.0, 10.0).unwrap();
        a.merge(&b).unwrap();
        assert_eq!(a.hist.customers(), 2);
        b.set_penalizer(Some(0.2)).unwrap();
        assert!(a.merge(&b).is_err(), "two penalizers in one fit");
        assert!(FitState::deserialize(&[2]).is_err());
        assert!(FitState::deserialize(&[1, 0, 0]).is_err());
    }
}
