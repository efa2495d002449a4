//! Population figures over customers (`customer_stats`): customers, repeat customers and the
//! repeat purchase rate, orders, revenue, items, cost and profit, average order value, time
//! between purchases (pooled mean and median), lifespan, purchase frequency and historic CLV.
//!
//! Everything is a sum over customers except the median gap, which needs the distribution
//! of gaps between consecutive orders. That is kept as an exact histogram of gap lengths in
//! microseconds while it has at most [`GAP_BUCKETS`] distinct lengths (any data whose
//! times are whole days, for 44 years). Past that, neighbouring lengths are merged by
//! doubling the bucket width (`gap_shift`), so the state stays bounded and merging stays
//! associative and commutative (the width is always the narrowest that fits all gaps
//! merged so far); `median_gap` then reports the middle of the median bucket, within half
//! a bucket width, and `gap_resolution` says how wide that is.
//!
//! Body layout (words): see the constants below; the gap histogram is a sorted list of
//! (key, count) pairs at the end, key = gap >> gap_shift.

use super::words::{add_count, as_text_error, inconsistent, Grow, Kind, Summary};
use super::{Customer, HAS_COST, HAS_ITEMS};
use crate::decimal::{self, Dec};
use crate::error::{MetricError, Result};
use crate::interval::{wilson, Interval};
use crate::text::Writer;
use crate::time::check_timestamp;

/// Most distinct gap lengths kept exactly (16 bytes each: 256 KiB).
pub const GAP_BUCKETS: usize = 16_384;

const CUSTOMERS: usize = 0;
const REPEAT: usize = 1;
const ORDERS: usize = 2;
const PRICED: usize = 3;
const REVENUE: usize = 4; // 3 words
const ITEMS: usize = 7;
const ITEM_ORDERS: usize = 8;
const COST: usize = 9; // 3 words
const COST_ORDERS: usize = 12;
const SPAN: usize = 13; // 2 words: i128 sum of (last - first)
const FIRST: usize = 15;
const LAST: usize = 16;
const FLAGS: usize = 17;
const GAP_SHIFT: usize = 18;
const GAP_LEN: usize = 19;
const HEAD: usize = 20;

pub struct Stats;

pub fn new_body() -> Vec<u64> {
    let mut b = vec![0u64; HEAD];
    b[FIRST] = i64::MAX as u64;
    b[LAST] = i64::MIN as u64;
    b
}

fn span(b: &[u64]) -> i128 {
    ((b[SPAN + 1] as u128) << 64 | b[SPAN] as u128) as i128
}

fn set_span(b: &mut [u64], v: i128) {
    b[SPAN] = v as u128 as u64;
    b[SPAN + 1] = ((v as u128) >> 64) as u64;
}

fn gap_capacity(b: &[u64]) -> usize {
    (b.len() - HEAD) / 2
}

/// A copy of `b` with room for `entries` gap buckets.
fn with_capacity(b: &[u64], entries: usize) -> Vec<u64> {
    let mut out = b[..HEAD + 2 * b[GAP_LEN] as usize].to_vec();
    out.resize(HEAD + 2 * entries, 0);
    out
}

/// The gap histogram of a body, as (key, count) pairs.
fn gaps(b: &[u64]) -> &[u64] {
    &b[HEAD..HEAD + 2 * b[GAP_LEN] as usize]
}

/// Merge neighbouring buckets until `entries` fit: the shift that makes a sorted list of
/// keys have at most `GAP_BUCKETS` distinct values.
fn coarsen(pairs: &mut Vec<(u64, u64)>, shift: &mut u64) {
    while pairs.len() > GAP_BUCKETS {
        *shift += 1;
        let mut out: Vec<(u64, u64)> = Vec::with_capacity(pairs.len() / 2 + 1);
        for &(k, c) in pairs.iter() {
            let k = k >> 1;
            match out.last_mut() {
                Some((lk, lc)) if *lk == k => *lc += c,
                _ => out.push((k, c)),
            }
        }
        *pairs = out;
    }
}

/// Halve the key resolution of `b`'s histogram in place, merging neighbours.
fn coarsen_in_place(b: &mut [u64]) {
    let len = b[GAP_LEN] as usize;
    let mut out = 0usize;
    for i in 0..len {
        let (k, c) = (b[HEAD + 2 * i] >> 1, b[HEAD + 2 * i + 1]);
        if out > 0 && b[HEAD + 2 * (out - 1)] == k {
            b[HEAD + 2 * (out - 1) + 1] += c;
        } else {
            b[HEAD + 2 * out] = k;
            b[HEAD + 2 * out + 1] = c;
            out += 1;
        }
    }
    b[GAP_SHIFT] += 1;
    b[GAP_LEN] = out as u64;
}

/// Count one gap (microseconds). The caller made sure there is room for one more bucket
/// or that the histogram is full (then it coarsens).
fn insert_gap(b: &mut [u64], gap: u64) {
    loop {
        let key = gap >> b[GAP_SHIFT];
        let len = b[GAP_LEN] as usize;
        let pairs = &b[HEAD..HEAD + 2 * len];
        // Binary search over the keys of the (key, count) pairs.
        let (mut lo, mut hi) = (0usize, len);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if pairs[2 * mid] < key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if lo < len && pairs[2 * lo] == key {
            b[HEAD + 2 * lo + 1] += 1; // total gaps <= orders <= i64::MAX
            return;
        }
        if len < GAP_BUCKETS {
            let at = HEAD + 2 * lo;
            b.copy_within(at..HEAD + 2 * len, at + 2);
            b[at] = key;
            b[at + 1] = 1;
            b[GAP_LEN] += 1;
            return;
        }
        coarsen_in_place(b);
    }
}

/// Add a customer's gaps. Returns a grown copy (changing nothing) when the histogram might
/// not have room for them.
fn add_gaps(b: &mut [u64], c: &Customer<'_>) -> Grow {
    let new = c.orders.len().saturating_sub(1);
    let need = (b[GAP_LEN] as usize + new).min(GAP_BUCKETS);
    if need > gap_capacity(b) {
        let want = (2 * gap_capacity(b)).max(need).clamp(16, GAP_BUCKETS);
        return Some(with_capacity(b, want));
    }
    for w in c.orders.windows(2) {
        insert_gap(b, (w[1].ts - w[0].ts) as u64);
    }
    None
}

/// Merge sorted (key, count) pairs at `shift` into `b`'s histogram, coarsening either
/// side to the wider of the two shifts and then as far as needed.
fn merge_pairs(b: &mut [u64], pairs: &mut Vec<(u64, u64)>, shift: &mut u64) -> Result<Grow> {
    let mine = b[GAP_SHIFT];
    let target = mine.max(*shift);
    let rekey = |pairs: &mut Vec<(u64, u64)>, from: u64| {
        if from < target {
            let d = target - from;
            let mut out: Vec<(u64, u64)> = Vec::with_capacity(pairs.len());
            for &(k, c) in pairs.iter() {
                match out.last_mut() {
                    Some((lk, lc)) if *lk == k >> d => *lc += c,
                    _ => out.push((k >> d, c)),
                }
            }
            *pairs = out;
        }
    };
    rekey(pairs, *shift);
    let mut existing: Vec<(u64, u64)> = gaps(b).chunks_exact(2).map(|p| (p[0], p[1])).collect();
    rekey(&mut existing, mine);
    // Union of two sorted lists.
    let mut merged: Vec<(u64, u64)> = Vec::with_capacity(existing.len() + pairs.len());
    let (mut i, mut j) = (0, 0);
    while i < existing.len() || j < pairs.len() {
        let take_a = j == pairs.len() || (i < existing.len() && existing[i].0 <= pairs[j].0);
        let (k, c) = if take_a {
            i += 1;
            existing[i - 1]
        } else {
            j += 1;
            pairs[j - 1]
        };
        match merged.last_mut() {
            Some((lk, lc)) if *lk == k => {
                *lc = lc
                    .checked_add(c)
                    .ok_or_else(|| MetricError::OutOfRange("too many gaps".into()))?
            }
            _ => merged.push((k, c)),
        }
    }
    let mut new_shift = target;
    coarsen(&mut merged, &mut new_shift);
    if merged.len() > gap_capacity(b) {
        let want = (2 * gap_capacity(b))
            .max(merged.len())
            .clamp(16, GAP_BUCKETS);
        return Ok(Some(with_capacity(b, want)));
    }
    b[GAP_SHIFT] = new_shift;
    b[GAP_LEN] = merged.len() as u64;
    for (n, (k, c)) in merged.into_iter().enumerate() {
        b[HEAD + 2 * n] = k;
        b[HEAD + 2 * n + 1] = c;
    }
    Ok(None)
}

/// Count one customer. On `Some(grown)`, nothing was changed: retry on the grown body.
pub fn add_customer(b: &mut [u64], c: &Customer<'_>) -> Result<Grow> {
    let n = c.orders.len() as u64;
    // Gaps first: it is the only step that can ask for a bigger body, and it asks before
    // changing anything.
    if let Some(grown) = add_gaps(b, c) {
        return Ok(Some(grown));
    }
    let what = "customer_stats";
    add_count(&mut b[CUSTOMERS], 1, what)?;
    if n >= 2 {
        b[REPEAT] += 1; // <= customers
    }
    add_count(&mut b[ORDERS], n, what)?;
    add_count(&mut b[PRICED], c.priced_orders(), what)?;
    decimal::add_to_words(&mut b[REVENUE..REVENUE + 3], c.revenue(), "revenue")?;
    if c.flags & HAS_ITEMS != 0 {
        let items = (b[ITEMS] as i64)
            .checked_add(c.extras.items)
            .ok_or_else(|| MetricError::OutOfRange("items is out of range for bigint".into()))?;
        b[ITEMS] = items as u64;
        add_count(&mut b[ITEM_ORDERS], c.extras.item_orders, what)?;
    }
    if c.flags & HAS_COST != 0 {
        decimal::add_to_words(&mut b[COST..COST + 3], c.extras.cost, "cost")?;
        add_count(&mut b[COST_ORDERS], c.extras.cost_orders, what)?;
    }
    b[FLAGS] |= c.flags as u64;
    let s = span(b)
        .checked_add((c.last() - c.first()) as i128)
        .ok_or_else(|| MetricError::OutOfRange("lifespan sum is out of range".into()))?;
    set_span(b, s);
    b[FIRST] = (b[FIRST] as i64).min(c.first()) as u64;
    b[LAST] = (b[LAST] as i64).max(c.last()) as u64;
    Ok(None)
}

/// A read-only view with the figures. All rates and means are `None` when their
/// denominator is zero.
#[derive(Debug, Clone, Copy)]
pub struct StatsRef<'a>(pub &'a [u64]);

fn ratio(num: f64, den: u64) -> Option<f64> {
    (den > 0).then(|| num / den as f64)
}

/// The repeat purchase rate: customers with two or more orders over customers.
pub fn repeat_rate(repeat_customers: u64, customers: u64) -> Option<f64> {
    ratio(repeat_customers as f64, customers)
}

/// The repeat purchase rate of customers given by their order counts (the one-step
/// aggregate's hash table), as [`StatsRef::repeat_purchase_rate`] computes it.
pub fn repeat_rate_of(order_counts: impl IntoIterator<Item = u64>) -> Option<f64> {
    let (mut customers, mut repeat) = (0u64, 0u64);
    for (i, n) in order_counts.into_iter().enumerate() {
        crate::interrupt::check_every(i);
        customers += 1;
        repeat += u64::from(n >= 2);
    }
    repeat_rate(repeat, customers)
}

impl StatsRef<'_> {
    pub fn customers(&self) -> u64 {
        self.0[CUSTOMERS]
    }
    pub fn repeat_customers(&self) -> u64 {
        self.0[REPEAT]
    }
    pub fn orders(&self) -> u64 {
        self.0[ORDERS]
    }
    pub fn priced_orders(&self) -> u64 {
        self.0[PRICED]
    }
    pub fn revenue(&self) -> Dec {
        decimal::read_words(&self.0[REVENUE..REVENUE + 3])
    }
    pub fn has_items(&self) -> bool {
        self.0[FLAGS] & HAS_ITEMS as u64 != 0
    }
    pub fn has_cost(&self) -> bool {
        self.0[FLAGS] & HAS_COST as u64 != 0
    }
    pub fn items(&self) -> Option<i64> {
        self.has_items().then_some(self.0[ITEMS] as i64)
    }
    pub fn item_orders(&self) -> u64 {
        self.0[ITEM_ORDERS]
    }
    pub fn cost(&self) -> Option<Dec> {
        self.has_cost()
            .then(|| decimal::read_words(&self.0[COST..COST + 3]))
    }
    pub fn cost_orders(&self) -> u64 {
        self.0[COST_ORDERS]
    }
    /// revenue - cost, only when every order has both an amount and a cost (otherwise it
    /// would subtract costs of some orders from the revenue of others).
    pub fn profit(&self) -> Option<Dec> {
        super::profit(
            self.revenue(),
            self.priced_orders(),
            self.cost(),
            self.cost_orders(),
            self.orders(),
        )
    }
    pub fn first_order(&self) -> i64 {
        self.0[FIRST] as i64
    }
    pub fn last_order(&self) -> i64 {
        self.0[LAST] as i64
    }
    /// Sum over customers of last - first, in microseconds.
    pub fn lifespan_sum(&self) -> i128 {
        span(self.0)
    }

    pub fn repeat_purchase_rate(&self) -> Option<f64> {
        repeat_rate(self.repeat_customers(), self.customers())
    }
    pub fn repeat_purchase_ci(&self, confidence: f64) -> Result<Option<Interval>> {
        wilson(
            self.repeat_customers() as f64,
            self.customers() as f64,
            confidence,
        )
    }
    pub fn orders_per_customer(&self) -> Option<f64> {
        ratio(self.orders() as f64, self.customers())
    }
    /// Gaps between consecutive orders: sum of (orders - 1) over customers.
    pub fn gaps(&self) -> u64 {
        self.orders() - self.customers()
    }
    /// Pooled mean gap in microseconds: sum of lifespans / sum of (orders - 1).
    pub fn avg_gap(&self) -> Option<f64> {
        super::mean_gap(self.lifespan_sum(), self.gaps())
    }
    /// Mean of last - first over customers, in microseconds (0 for one-order customers).
    pub fn avg_lifespan(&self) -> Option<f64> {
        ratio(self.lifespan_sum() as f64, self.customers())
    }
    /// Time from the first order to the last of all customers, in microseconds.
    pub fn observation_window(&self) -> Option<i64> {
        (self.customers() > 0).then(|| self.last_order() - self.first_order())
    }
    /// Orders per customer per `per` microseconds of the observation window.
    pub fn purchase_frequency(&self, per: f64) -> Option<f64> {
        let w = self.observation_window()?;
        (w > 0).then(|| self.orders_per_customer().unwrap_or(0.0) / (w as f64 / per))
    }
    pub fn avg_order_value(&self) -> Option<f64> {
        ratio(self.revenue().to_f64(), self.priced_orders())
    }
    /// Historic CLV = AOV x purchase frequency x lifespan, all per `per` microseconds;
    /// lifespan is the observed mean lifespan, or 1 / churn_rate periods when given.
    pub fn historic_clv(&self, per: f64, churn_rate: Option<f64>) -> Result<Option<f64>> {
        if !(per.is_finite() && per > 0.0) {
            return Err(MetricError::InvalidParameter(
                "per must be a positive interval".into(),
            ));
        }
        let lifespan = match churn_rate {
            Some(c) if c.is_finite() && c > 0.0 && c <= 1.0 => Some(1.0 / c),
            Some(c) => {
                return Err(MetricError::InvalidParameter(format!(
                    "churn_rate {} is out of range: it must be a fraction in (0, 1]",
                    crate::formulas::show(c)
                )))
            }
            None => self.avg_lifespan().map(|l| l / per),
        };
        Ok(
            match (
                self.avg_order_value(),
                self.purchase_frequency(per),
                lifespan,
            ) {
                (Some(a), Some(f), Some(l)) => {
                    let v = a * f * l;
                    if !v.is_finite() {
                        return Err(MetricError::OutOfRange(format!(
                            "historic_clv overflows double precision: {} x {} x {}",
                            crate::formulas::show(a),
                            crate::formulas::show(f),
                            crate::formulas::show(l)
                        )));
                    }
                    Some(v)
                }
                _ => None,
            },
        )
    }

    /// Width of the gap histogram's buckets in microseconds: 1 while it is exact.
    pub fn gap_resolution(&self) -> u64 {
        1u64 << self.0[GAP_SHIFT]
    }

    /// Median gap between consecutive orders in microseconds (pandas' median: the mean of
    /// the two middle gaps for an even count). Exact while `gap_resolution` is 1; else the
    /// middle of each median bucket.
    pub fn median_gap(&self) -> Option<f64> {
        let total = self.gaps();
        if total == 0 {
            return None;
        }
        let shift = self.0[GAP_SHIFT];
        let value = |k: u64| -> f64 {
            if shift == 0 {
                k as f64
            } else {
                ((k as u128) << shift) as f64 + (1u128 << (shift - 1)) as f64
            }
        };
        // 0-based ranks of the middle element(s).
        let (lo, hi) = ((total - 1) / 2, total / 2);
        let (mut lo_v, mut hi_v) = (None, None);
        let mut seen = 0u64;
        for p in gaps(self.0).chunks_exact(2) {
            let next = seen + p[1];
            if lo_v.is_none() && lo < next {
                lo_v = Some(value(p[0]));
            }
            if hi < next {
                hi_v = Some(value(p[0]));
                break;
            }
            seen = next;
        }
        Some((lo_v? + hi_v?) / 2.0)
    }
}

impl Summary for Stats {
    const KIND: Kind = Kind::Stats;
    const TYPE_NAME: &'static str = "customer_stats";

    fn validate(b: &[u64]) -> Result<()> {
        if b.len() < HEAD || !(b.len() - HEAD).is_multiple_of(2) {
            return Err(inconsistent("wrong length"));
        }
        let len = b[GAP_LEN] as usize;
        if len > gap_capacity(b) || len > GAP_BUCKETS || b[GAP_SHIFT] >= 64 {
            return Err(inconsistent("bad gap histogram"));
        }
        let s = StatsRef(b);
        let counts_ok = s.customers() >= 1
            && s.customers() <= i64::MAX as u64
            && s.orders() <= i64::MAX as u64
            && s.repeat_customers() <= s.customers()
            && s.orders() >= s.customers()
            && s.orders() >= s.customers() + s.repeat_customers()
            && s.priced_orders() <= s.orders()
            && s.item_orders() <= s.orders()
            && s.cost_orders() <= s.orders()
            && b[FLAGS] & !((HAS_ITEMS | HAS_COST) as u64) == 0
            && decimal::words_valid(&b[REVENUE..REVENUE + 3])
            && decimal::words_valid(&b[COST..COST + 3])
            && !s.revenue().is_negative()
            && (b[ITEMS] as i64) >= 0
            && !decimal::read_words(&b[COST..COST + 3]).is_negative()
            && s.lifespan_sum() >= 0;
        if !counts_ok {
            return Err(inconsistent("counts are inconsistent"));
        }
        check_timestamp(s.first_order(), "first order").map_err(|e| inconsistent(e.message()))?;
        check_timestamp(s.last_order(), "last order").map_err(|e| inconsistent(e.message()))?;
        if s.first_order() > s.last_order() {
            return Err(inconsistent("first order after last order"));
        }
        let pairs = gaps(b);
        let sorted = pairs
            .chunks_exact(2)
            .collect::<Vec<_>>()
            .windows(2)
            .all(|w| w[0][0] < w[1][0]);
        let mut total: u64 = 0;
        for p in pairs.chunks_exact(2) {
            if p[1] == 0 {
                return Err(inconsistent("empty gap bucket"));
            }
            total = total
                .checked_add(p[1])
                .ok_or_else(|| inconsistent("too many gaps"))?;
        }
        if !sorted || total != s.gaps() {
            return Err(inconsistent("gap histogram does not match the order count"));
        }
        Ok(())
    }

    fn to_text(b: &[u64]) -> String {
        let s = StatsRef(b);
        let mut w = Writer::new(super::words::VERSION);
        w.int("customers", s.customers())
            .int("repeat_customers", s.repeat_customers())
            .int("orders", s.orders())
            .int("priced_orders", s.priced_orders())
            .decimal("revenue", s.revenue());
        if s.has_items() {
            w.int("items", b[ITEMS] as i64)
                .int("item_orders", s.item_orders());
        }
        if s.has_cost() {
            w.decimal("cost", decimal::read_words(&b[COST..COST + 3]))
                .int("cost_orders", s.cost_orders());
        }
        w.decimal("lifespan_sum", Dec::new(s.lifespan_sum(), 6))
            .timestamp("first_order", s.first_order())
            .timestamp("last_order", s.last_order())
            .int("gap_shift", b[GAP_SHIFT])
            .counts("gaps", gaps(b).iter().copied())
            .finish()
    }

    fn from_text(input: &str) -> Result<Vec<u64>> {
        let parse = || -> Result<Vec<u64>> {
            let mut f = super::words::fields(Self::TYPE_NAME, input)?;
            let mut b = new_body();
            b[CUSTOMERS] = f.count("customers")?;
            b[REPEAT] = f.count("repeat_customers")?;
            b[ORDERS] = f.count("orders")?;
            b[PRICED] = f.count("priced_orders")?;
            let revenue = f.decimal("revenue")?;
            decimal::write_words(&mut b[REVENUE..REVENUE + 3], revenue);
            if f.peek_key() == Some("items") {
                b[FLAGS] |= HAS_ITEMS as u64;
                b[ITEMS] = f.int("items", input)? as u64;
                b[ITEM_ORDERS] = f.count("item_orders")?;
            }
            if f.peek_key() == Some("cost") {
                b[FLAGS] |= HAS_COST as u64;
                let cost = f.decimal("cost")?;
                decimal::write_words(&mut b[COST..COST + 3], cost);
                b[COST_ORDERS] = f.count("cost_orders")?;
            }
            let life = f.decimal("lifespan_sum")?;
            let life = life
                .mantissa_at(6.max(life.scale))
                .filter(|_| life.scale <= 6)
                .ok_or_else(|| f.error("lifespan_sum must have at most 6 decimal places"))?;
            set_span(&mut b, life);
            b[FIRST] = f.timestamp("first_order")? as u64;
            b[LAST] = f.timestamp("last_order")? as u64;
            b[GAP_SHIFT] = f.count("gap_shift")?;
            let pairs = f.counts("gaps")?;
            f.finish(input)?;
            if pairs.len() % 2 != 0 || pairs.len() / 2 > GAP_BUCKETS {
                return Err(inconsistent("gaps must be (length, count) pairs"));
            }
            b[GAP_LEN] = (pairs.len() / 2) as u64;
            b.extend_from_slice(&pairs);
            Self::validate(&b)?;
            Ok(b)
        };
        parse().map_err(|e| as_text_error::<Self>(input, e))
    }

    fn merge(dst: &mut [u64], src: &[u64]) -> Result<Grow> {
        // Histogram first (it may ask to grow, before anything else changes).
        let mut pairs: Vec<(u64, u64)> = gaps(src).chunks_exact(2).map(|p| (p[0], p[1])).collect();
        let mut shift = src[GAP_SHIFT];
        let mut head = [0u64; HEAD];
        head.copy_from_slice(&dst[..HEAD]);
        let what = Self::TYPE_NAME;
        for i in [CUSTOMERS, REPEAT, ORDERS, PRICED, ITEM_ORDERS, COST_ORDERS] {
            add_count(&mut head[i], src[i], what)?;
        }
        let items = (head[ITEMS] as i64)
            .checked_add(src[ITEMS] as i64)
            .ok_or_else(|| MetricError::OutOfRange("items is out of range for bigint".into()))?;
        head[ITEMS] = items as u64;
        let revenue = decimal::read_words(&head[REVENUE..REVENUE + 3])
            .add(decimal::read_words(&src[REVENUE..REVENUE + 3]), "revenue")?;
        decimal::write_words(&mut head[REVENUE..REVENUE + 3], revenue);
        let cost = decimal::read_words(&head[COST..COST + 3])
            .add(decimal::read_words(&src[COST..COST + 3]), "cost")?;
        decimal::write_words(&mut head[COST..COST + 3], cost);
        let s = span(&head)
            .checked_add(span(src))
            .ok_or_else(|| MetricError::OutOfRange("lifespan sum is out of range".into()))?;
        set_span(&mut head, s);
        head[FIRST] = (head[FIRST] as i64).min(src[FIRST] as i64) as u64;
        head[LAST] = (head[LAST] as i64).max(src[LAST] as i64) as u64;
        head[FLAGS] |= src[FLAGS];
        if let Some(grown) = merge_pairs(dst, &mut pairs, &mut shift)? {
            return Ok(Some(grown));
        }
        dst[..GAP_SHIFT].copy_from_slice(&head[..GAP_SHIFT]);
        Ok(None)
    }

    fn compact(b: &[u64]) -> Option<Vec<u64>> {
        (gap_capacity(b) > b[GAP_LEN] as usize).then(|| with_capacity(b, b[GAP_LEN] as usize))
    }
}
