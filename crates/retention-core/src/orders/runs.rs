//! The per-period runs of the one-step calendar aggregates (`period_series_agg`,
//! `mrr_series_agg`, `cohort_agg`, `recurring_cohort_agg`).
//!
//! What these tables count of a customer depends only on its *runs*: per calendar period
//! with an order, the orders, the priced orders and the sum of their amounts
//! ([`series::runs`] makes them from a sorted history). So each order row is reduced on
//! arrival: its period is located (the caller does that, with PostgreSQL's calendar) and the
//! row is added to the run of (customer, period) in a hash table. A month of a customer
//! holds 3-4 orders in a typical shop, so the table holds a fraction of the rows, nothing
//! has to be sorted per order, and a parallel worker sends its leader runs, not orders.
//!
//! The table is split into [`PARTITIONS`] by the hash of the customer id, like the other
//! one-step collections ([`super::ids`]): updates are buffered per partition and applied
//! while the partition is in cache, and at the end each partition is sorted by (customer,
//! period) and read customer by customer. In a parallel leader the workers' runs, kept in
//! the compact form their workers sorted and wrote ([`RunMap::write`]), are merged in on
//! the way, and runs of one customer and period from several workers added together. Amounts are summed exactly at the largest decimal scale of the
//! run's orders; a customer's runs are then brought to the customer's scale, which is what
//! [`super::history::HistoryBuilder`] does to its orders, with the same checks and errors.
//!
//! Memory: 48 bytes per run in the table (at most 7/8 full), plus, for uuid and text ids,
//! one numbering entry per customer ([`Numbering`]).

use super::ids::{
    bad_state, copy_in, put_partition, read_partition, Key, KeyKind, Numbering, Renumbering,
    PARTITIONS,
};
use super::series::Run;
use super::{amount_at, check_amount};
use crate::decimal::{overflow, pow10, Dec, MAX_DISPLAY, MAX_SCALE};
use crate::error::Result;
use crate::varint::{self, Reader};
use allocator_api2::alloc::Allocator;
use allocator_api2::vec::Vec as AVec;
use hashbrown::hash_table::Entry;
use hashbrown::HashTable;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::hash::BuildHasher;

/// Updates buffered per partition before they are applied.
const PENDING: usize = 256;

/// One customer's orders in one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C)]
struct Rec {
    /// Sum of the priced orders' amounts, mantissa at `scale`.
    amount: i128,
    /// The stored customer key ([`Numbering`]).
    key: u64,
    /// The largest priced amount at `scale` (0 without one): the one that decides whether
    /// the customer's scale still holds every amount (see [`rescaled`]).
    max: u64,
    /// The period (`time::Unit::index_of`: days since 2000 at most, within i32 for every
    /// timestamp PostgreSQL has).
    index: i32,
    /// A customer has fewer than 2^32 orders, as in a customer history.
    orders: u32,
    priced: u32,
    display: u16,
    scale: u8,
}

const _: () = assert!(std::mem::size_of::<Rec>() == 48);

impl Rec {
    #[inline]
    fn sort_key(&self) -> (u64, i32) {
        (self.key, self.index)
    }

    /// Add another run of the same customer and period.
    #[inline]
    fn merge(&mut self, o: &Rec) -> Result<()> {
        if self.scale != o.scale {
            return self.merge_rescaled(o);
        }
        // Sums of amounts below 2^64 of fewer than 2^32 rows: below 2^96, but checked.
        self.amount = self
            .amount
            .checked_add(o.amount)
            .ok_or_else(|| overflow("revenue"))?;
        self.max = self.max.max(o.max);
        self.display = self.display.max(o.display);
        self.add_counts(o)
    }

    #[inline]
    fn add_counts(&mut self, o: &Rec) -> Result<()> {
        // priced <= orders, so only `orders` can overflow.
        self.orders = self
            .orders
            .checked_add(o.orders)
            .ok_or_else(super::history::too_many_orders)?;
        self.priced += o.priced;
        Ok(())
    }

    /// [`Rec::merge`] of runs at different scales.
    #[cold]
    fn merge_rescaled(&mut self, o: &Rec) -> Result<()> {
        let scale = self.scale.max(o.scale);
        let (a, am) = rescaled(self, scale)?;
        let (b, bm) = rescaled(o, scale)?;
        self.amount = a.checked_add(b).ok_or_else(|| overflow("revenue"))?;
        self.max = am.max(bm);
        self.scale = scale;
        self.display = self.display.max(o.display);
        self.add_counts(o)
    }

    /// Whether a record read from a partial state is one `push` and `merge` can make.
    fn valid(&self) -> bool {
        let priced = self.priced > 0;
        self.orders > 0
            && self.priced <= self.orders
            && self.scale <= MAX_SCALE
            && self.display <= MAX_DISPLAY
            && if priced {
                self.display >= self.scale as u16
                    && self.amount >= self.max as i128
                    && self.max != super::NO_AMOUNT
            } else {
                self.amount == 0 && self.max == 0 && self.scale == 0 && self.display == 0
            }
    }
}

/// A run's amount and largest amount at `scale` (>= its own): the largest must stay a valid
/// order amount there, which is the check (and the error) of `HistoryBuilder`'s rescale.
#[inline]
fn rescaled(r: &Rec, scale: u8) -> Result<(i128, u64)> {
    if r.scale == scale || r.priced == 0 {
        return Ok((r.amount, r.max));
    }
    let max = amount_at(Dec::new(r.max as i128, r.scale), scale, "amount")?;
    let f = pow10((scale - r.scale) as u32).expect("scale <= 30");
    let amount = r.amount.checked_mul(f).ok_or_else(|| overflow("revenue"))?;
    Ok((amount, max))
}

struct Part<A: Allocator + Clone> {
    /// Runs of the rows added here, one per (customer, period).
    table: HashTable<Rec, A>,
    pending: AVec<Rec, A>,
    /// Runs taken out of the table, or read with renumbered keys: in no order until
    /// `recs_sorted`.
    recs: AVec<Rec, A>,
    recs_sorted: bool,
    /// Runs of other states with integer keys (a parallel leader's input), each sorted by
    /// customer and period as its worker wrote it, in the partial form: decoded while they
    /// are merged, never sorted again or kept at 48 bytes a run.
    encoded: AVec<Encoded<A>, A>,
}

/// One partition of a worker's partial state: `n` runs as [`RunMap::write`] encodes them.
struct Encoded<A: Allocator> {
    n: u64,
    bytes: AVec<u8, A>,
}

#[inline]
fn bucket_hash(key: u64, index: i32) -> u64 {
    super::ids::HASHER.hash_one((key, index))
}

impl<A: Allocator + Clone> Part<A> {
    fn new_in(alloc: &A) -> Self {
        Part {
            table: HashTable::new_in(alloc.clone()),
            pending: AVec::new_in(alloc.clone()),
            recs: AVec::new_in(alloc.clone()),
            recs_sorted: true,
            encoded: AVec::new_in(alloc.clone()),
        }
    }

    fn apply(&mut self) -> Result<()> {
        let mut result = Ok(());
        for u in self.pending.iter() {
            let eq = |r: &Rec| r.key == u.key && r.index == u.index;
            let rehash = |r: &Rec| bucket_hash(r.key, r.index);
            match self.table.entry(bucket_hash(u.key, u.index), eq, rehash) {
                Entry::Occupied(mut e) => {
                    if let Err(err) = e.get_mut().merge(u) {
                        result = Err(err);
                        break;
                    }
                }
                Entry::Vacant(e) => {
                    e.insert(*u);
                }
            }
        }
        self.pending.clear();
        result
    }

    /// Move the table's runs to `recs`, and free the table.
    fn drain(&mut self) -> Result<()> {
        self.apply()?;
        if !self.table.is_empty() {
            self.recs.reserve(self.table.len());
            self.recs.extend(self.table.drain());
            self.recs_sorted = false;
            self.table = HashTable::new_in(self.recs.allocator().clone());
        }
        Ok(())
    }

    /// Call `f` with every run of this partition in (customer, period) order, the runs of
    /// one customer and period merged: `recs` sorted, then merged with the encoded runs of
    /// other states.
    fn each_run(&mut self, mut f: impl FnMut(Rec) -> Result<()>) -> Result<()> {
        self.drain()?;
        if !self.recs_sorted {
            self.recs.sort_unstable_by_key(Rec::sort_key);
            self.recs_sorted = true;
        }
        let mut cur: Option<Rec> = None;
        let mut seen = 0usize;
        let mut take = |r: Rec| -> Result<()> {
            crate::interrupt::check_every(seen);
            seen += 1;
            match &mut cur {
                Some(c) if c.sort_key() == r.sort_key() => c.merge(&r),
                _ => match cur.replace(r) {
                    Some(done) => f(done),
                    None => Ok(()),
                },
            }
        };
        if self.encoded.is_empty() {
            for r in self.recs.iter() {
                take(*r)?;
            }
        } else {
            let keep = Renumbering::keep();
            let mut sources: Vec<Source<'_>> = std::iter::once(Source::Slice(self.recs.iter()))
                .chain(
                    self.encoded
                        .iter()
                        .map(|e| Source::Encoded(Decoder::new(&e.bytes, e.n))),
                )
                .collect();
            let mut heads = Vec::with_capacity(sources.len());
            for s in sources.iter_mut() {
                heads.push(s.next(&keep)?);
            }
            if sources.len() <= 8 {
                // A k-way merge of a few sources (a parallel leader's, one per process): the
                // smallest of their next runs, found by a scan.
                loop {
                    let mut best: Option<usize> = None;
                    for (i, h) in heads.iter().enumerate() {
                        if let Some(r) = h {
                            if best
                                .is_none_or(|b| r.sort_key() < heads[b].expect("a head").sort_key())
                            {
                                best = Some(i);
                            }
                        }
                    }
                    let Some(i) = best else { break };
                    let next = sources[i].next(&keep)?;
                    take(std::mem::replace(&mut heads[i], next).expect("a head"))?;
                }
            } else {
                // Many sources: a heap holds the key of each one's next run.
                let mut heap: BinaryHeap<Reverse<((u64, i32), usize)>> = heads
                    .iter()
                    .enumerate()
                    .filter_map(|(i, h)| h.map(|r| Reverse((r.sort_key(), i))))
                    .collect();
                while let Some(Reverse((_, i))) = heap.pop() {
                    let next = sources[i].next(&keep)?;
                    if let Some(n) = next {
                        heap.push(Reverse((n.sort_key(), i)));
                    }
                    take(std::mem::replace(&mut heads[i], next).expect("a head"))?;
                }
            }
        }
        match cur {
            Some(done) => f(done),
            None => Ok(()),
        }
    }
}

/// The runs of one source of a merge, in order.
enum Source<'a> {
    Slice(std::slice::Iter<'a, Rec>),
    Encoded(Decoder<'a>),
}

impl Source<'_> {
    #[inline]
    fn next(&mut self, renumber: &Renumbering) -> Result<Option<Rec>> {
        match self {
            Source::Slice(it) => Ok(it.next().copied()),
            Source::Encoded(d) => d.next(renumber),
        }
    }
}

pub struct RunMap<A: Allocator + Clone> {
    ids: Numbering<A>,
    parts: AVec<Part<A>, A>,
}

impl<A: Allocator + Clone> RunMap<A> {
    pub fn new_in(alloc: A) -> Self {
        let mut parts = AVec::with_capacity_in(PARTITIONS, alloc.clone());
        for _ in 0..PARTITIONS {
            parts.push(Part::new_in(&alloc));
        }
        RunMap {
            ids: Numbering::new_in(alloc),
            parts,
        }
    }

    /// Add one order row of period `index`, its amount checked as `customer_history_agg`
    /// checks it (`None`: SQL NULL, an order without amount).
    #[inline]
    pub fn push(&mut self, key: Key<'_>, index: i64, amount: Option<Dec>) -> Result<()> {
        let (amount, max, priced, scale, display) = match amount {
            Some(d) => {
                let d = check_amount(d, "amount")?.normalized();
                let m = amount_at(d, d.scale, "amount")?;
                (m as i128, m, 1, d.scale, d.display)
            }
            None => (0, 0, 0, 0, 0),
        };
        let index = i32::try_from(index).map_err(|_| {
            crate::error::MetricError::OutOfRange(format!("period index {index} is out of range"))
        })?;
        let (key, part) = self.ids.stored(key)?;
        let p = &mut self.parts[part];
        p.pending.push(Rec {
            amount,
            key,
            index,
            max,
            orders: 1,
            priced,
            display,
            scale,
        });
        if p.pending.len() >= PENDING {
            p.apply()?;
        }
        Ok(())
    }

    /// Call `f` with every customer's runs, sorted by period, at the customer's decimal
    /// scale, and that scale and display scale (the largest of its amounts', as a customer
    /// history's), customer by customer. `scratch` holds one customer at a time.
    pub fn each_customer(
        &mut self,
        scratch: &mut Vec<Run>,
        mut f: impl FnMut(&[Run], u8, u16) -> Result<()>,
    ) -> Result<()> {
        let mut customer: Vec<Rec> = Vec::new();
        let mut emit = |customer: &mut Vec<Rec>| -> Result<()> {
            let scale = customer.iter().map(|r| r.scale).max().unwrap_or(0);
            let display = customer.iter().map(|r| r.display).max().unwrap_or(0);
            scratch.clear();
            let mut orders = 0u64;
            for r in customer.iter() {
                orders += r.orders as u64;
                scratch.push(Run {
                    index: r.index as i64,
                    orders: r.orders as u64,
                    priced: r.priced as u64,
                    amount: rescaled(r, scale)?.0,
                });
            }
            if orders > u32::MAX as u64 {
                return Err(super::history::too_many_orders());
            }
            customer.clear();
            f(scratch, scale, display)
        };
        for part in self.parts.iter_mut() {
            part.each_run(|r| {
                if customer.last().is_some_and(|c| c.key != r.key) {
                    emit(&mut customer)?;
                }
                customer.push(r);
                Ok(())
            })?;
            if !customer.is_empty() {
                emit(&mut customer)?;
            }
        }
        Ok(())
    }

    /// Serialize for a parallel leader: the numbered ids, then each partition's runs, sorted
    /// here so that the leader only merges: their number, their length in bytes, and each
    /// run as a flags byte and varints: the key's increase over the run before, the period
    /// (its increase within one customer, else zigzag), the orders, and what the flags say
    /// is there: the orders without amount, the scale and display scale (when they differ
    /// from the run before), the sum of the amounts and the largest (when it is not the
    /// sum). A typical run takes 5-8 bytes of its 48 in memory.
    pub fn write(&mut self, out: &mut Vec<u8>) -> Result<()> {
        self.ids.write(out);
        let mut bytes = Vec::new();
        for part in self.parts.iter_mut() {
            bytes.clear();
            let mut prev: Option<Rec> = None;
            let mut n = 0u64;
            part.each_run(|r| {
                let (key, index, scale, display) =
                    prev.map_or((0, 0, 0, 0), |p| (p.key, p.index, p.scale, p.display));
                let flag = |on: bool, f: u8| if on { f } else { 0 };
                let flags = flag(r.priced < r.orders, UNPRICED)
                    | flag(prev.is_none() || (r.scale, r.display) != (scale, display), SCALES)
                    | flag(r.priced > 0, PRICED)
                    | flag(r.priced > 0 && r.max as i128 != r.amount, MAX);
                bytes.push(flags);
                let step = r.key - key;
                varint::put(&mut bytes, step as u128);
                if prev.is_some() && step == 0 {
                    // Sorted and merged: a later period of the same customer.
                    varint::put(&mut bytes, (r.index - index) as u128);
                } else {
                    varint::put(&mut bytes, varint::zigzag(r.index as i128));
                }
                varint::put(&mut bytes, r.orders as u128);
                if flags & UNPRICED != 0 {
                    varint::put(&mut bytes, (r.orders - r.priced) as u128);
                }
                if flags & SCALES != 0 {
                    bytes.push(r.scale);
                    varint::put(&mut bytes, r.display as u128);
                }
                if flags & PRICED != 0 {
                    varint::put(&mut bytes, r.amount as u128);
                }
                if flags & MAX != 0 {
                    varint::put(&mut bytes, r.max as u128);
                }
                prev = Some(r);
                n += 1;
                Ok(())
            })?;
            put_partition(out, n, &bytes);
        }
        Ok(())
    }

    /// Add what [`RunMap::write`] wrote (another worker's runs). Runs with integer keys are
    /// kept encoded, as the worker sorted them, and checked as they are merged; renumbered
    /// ones are read, checked and sorted again.
    pub fn read_append(&mut self, r: &mut Reader<'_>) -> Result<()> {
        let renumber = self.ids.read(r)?;
        for part in self.parts.iter_mut() {
            // Every run takes at least 4 bytes.
            let (n, bytes) = read_partition(r, 4)?;
            if n == 0 {
                continue;
            }
            if renumber.keeps_keys() {
                let bytes = copy_in(bytes, part.recs.allocator().clone());
                part.encoded.push(Encoded { n, bytes });
            } else {
                let at = part.recs.len();
                part.recs_sorted = false;
                let mut d = Decoder::new(bytes, n);
                part.recs.reserve(n as usize);
                loop {
                    match d.next(&renumber) {
                        Ok(Some(rec)) => part.recs.push(rec),
                        Ok(None) => break,
                        Err(e) => {
                            // Leave no unchecked record behind.
                            part.recs.truncate(at);
                            return Err(e);
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// Add another map's runs (combining partial states in memory, as a parallel leader
    /// does with the states it read): integer keys are moved over as they are, numbered ones
    /// through the partial form, which renumbers them.
    pub fn append(&mut self, other: &mut RunMap<A>) -> Result<()> {
        match other.ids.kind() {
            None => return Ok(()),
            Some(kind @ KeyKind::Int) if self.ids.adopt(kind) => {
                for (mine, theirs) in self.parts.iter_mut().zip(other.parts.iter_mut()) {
                    theirs.drain()?;
                    mine.drain()?;
                    if !theirs.recs.is_empty() {
                        mine.recs.extend_from_slice(&theirs.recs);
                        mine.recs_sorted = false;
                        theirs.recs.clear();
                    }
                    mine.encoded.append(&mut theirs.encoded);
                }
                return Ok(());
            }
            _ => {}
        }
        let mut bytes = Vec::new();
        other.write(&mut bytes)?;
        self.read_append(&mut Reader::new(&bytes))
    }
}

/// The flags byte of an encoded run: which fields follow.
const UNPRICED: u8 = 1;
const SCALES: u8 = 2;
const PRICED: u8 = 4;
const MAX: u8 = 8;

/// Reads the runs of one partition as [`RunMap::write`] encoded them, each checked to be
/// one that `push` and `merge` can make, in strictly increasing order, all bytes used.
struct Decoder<'a> {
    r: Reader<'a>,
    left: u64,
    prev: Option<Rec>,
}

impl<'a> Decoder<'a> {
    fn new(bytes: &'a [u8], n: u64) -> Decoder<'a> {
        Decoder {
            r: Reader::new(bytes),
            left: n,
            prev: None,
        }
    }

    /// The next run, its key renumbered; `None` after the last.
    #[inline]
    fn next(&mut self, renumber: &Renumbering) -> Result<Option<Rec>> {
        if self.left == 0 {
            return if self.r.at_end() {
                Ok(None)
            } else {
                Err(bad_state())
            };
        }
        self.left -= 1;
        let r = &mut self.r;
        let flags = r.byte().filter(|f| *f < 16).ok_or_else(bad_state)?;
        // The previous run's stored (not renumbered) key, period and scales.
        let (key, index, scale, display) = self
            .prev
            .map_or((0, 0, 0, 0), |p| (p.key, p.index, p.scale, p.display));
        let step = r.u64().ok_or_else(bad_state)?;
        let key = key.checked_add(step).ok_or_else(bad_state)?;
        let index = if self.prev.is_some() && step == 0 {
            let up = r.u64().filter(|d| *d > 0).ok_or_else(bad_state)?;
            u32::try_from(up)
                .ok()
                .and_then(|up| index.checked_add_unsigned(up))
                .ok_or_else(bad_state)?
        } else {
            r.i64()
                .and_then(|i| i32::try_from(i).ok())
                .ok_or_else(bad_state)?
        };
        let orders = r
            .u64()
            .and_then(|o| u32::try_from(o).ok())
            .ok_or_else(bad_state)?;
        let unpriced = match flags & UNPRICED {
            0 => 0,
            _ => r
                .u64()
                .filter(|u| *u > 0 && *u <= orders as u64)
                .ok_or_else(bad_state)? as u32,
        };
        let (scale, display) = match flags & SCALES {
            0 if self.prev.is_some() => (scale, display),
            0 => return Err(bad_state()),
            _ => (
                r.byte().ok_or_else(bad_state)?,
                r.u64()
                    .and_then(|d| u16::try_from(d).ok())
                    .ok_or_else(bad_state)?,
            ),
        };
        let priced = orders - unpriced;
        if (flags & PRICED != 0) != (priced > 0) || (flags & MAX != 0 && priced == 0) {
            return Err(bad_state());
        }
        let amount = match flags & PRICED {
            0 => 0,
            _ => i128::try_from(r.uint(128).ok_or_else(bad_state)?).map_err(|_| bad_state())?,
        };
        let max = match flags & MAX {
            0 => u64::try_from(amount).map_err(|_| bad_state())?,
            _ => r
                .u64()
                .filter(|m| *m as i128 != amount)
                .ok_or_else(bad_state)?,
        };
        let mut rec = Rec {
            amount,
            key,
            index,
            max,
            orders,
            priced,
            display,
            scale,
        };
        self.prev = Some(rec);
        if !rec.valid() {
            return Err(bad_state());
        }
        rec.key = renumber.key(key).ok_or_else(bad_state)?;
        Ok(Some(rec))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::orders::history::HistoryBuilder;
    use crate::orders::series::runs;
    use crate::time::{utc_period, Unit, US_PER_DAY};
    use allocator_api2::alloc::Global;
    use std::collections::BTreeMap;

    /// A small fixed-seed generator (splitmix64), so that the cases are the same every run.
    struct Gen(u64);
    impl Gen {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    type Row = (i64, i64, Option<Dec>);

    /// Rows of `customers` customers over a year, amounts with 0 to 4 decimals, some NULL.
    fn rows(g: &mut Gen, n: usize, customers: u64) -> Vec<Row> {
        (0..n)
            .map(|_| {
                let id = g.below(customers) as i64 - 3;
                let ts = (g.below(365 * 24) as i64) * 3600 * 1_000_000 + 9_000 * US_PER_DAY;
                let amount = match g.below(10) {
                    0 => None,
                    k => Some(Dec::new(g.below(100_000) as i128, (k % 5) as u8)),
                };
                (id, ts, amount)
            })
            .collect()
    }

    fn month(ts: i64) -> i64 {
        utc_period(Unit::Month, ts).unwrap().index
    }

    /// Each customer's runs, scale and display as the two-level path gets them: a history
    /// built from its orders, then `series::runs`.
    fn reference(rows: &[Row]) -> Vec<(i64, Vec<Run>, u8, u16)> {
        let mut by: BTreeMap<i64, HistoryBuilder<Global>> = BTreeMap::new();
        for (id, ts, amount) in rows {
            by.entry(*id)
                .or_insert_with(|| HistoryBuilder::new_in(Global))
                .add(*ts, *amount, 0, None, None)
                .unwrap();
        }
        by.into_iter()
            .map(|(id, mut b)| {
                b.sort();
                let c = b.customer();
                (
                    id,
                    runs(&c, &mut |ts| Ok(month(ts))).unwrap(),
                    c.scale,
                    c.display,
                )
            })
            .collect()
    }

    fn map_of(rows: &[Row]) -> RunMap<Global> {
        let mut m = RunMap::new_in(Global);
        for (id, ts, amount) in rows {
            m.push(Key::Int(*id), month(*ts), *amount).unwrap();
        }
        m
    }

    /// Every customer of a map: (runs, scale, display), sorted by the customer's first run
    /// and then runs, to compare with the reference without the ids.
    fn customers(m: &mut RunMap<Global>) -> Vec<(Vec<Run>, u8, u16)> {
        let mut out = Vec::new();
        m.each_customer(&mut Vec::new(), |runs, scale, display| {
            out.push((runs.to_vec(), scale, display));
            Ok(())
        })
        .unwrap();
        out.sort_by_key(|c| format!("{c:?}"));
        out
    }

    fn expected(rows: &[Row]) -> Vec<(Vec<Run>, u8, u16)> {
        let mut out: Vec<_> = reference(rows)
            .into_iter()
            .map(|(_, r, s, d)| (r, s, d))
            .collect();
        out.sort_by_key(|c| format!("{c:?}"));
        out
    }

    #[test]
    fn runs_equal_those_of_histories() {
        let mut g = Gen(7);
        // Enough rows per partition to apply the buffers many times over.
        let rows = rows(&mut g, 60_000, 3_000);
        assert_eq!(customers(&mut map_of(&rows)), expected(&rows));
    }

    #[test]
    fn partial_states_merge_to_the_same_runs() {
        let mut g = Gen(11);
        let rows = rows(&mut g, 30_000, 2_000);
        // Three workers' states, written and read as a parallel leader reads them.
        let (a, rest) = rows.split_at(9_000);
        let (b, c) = rest.split_at(12_000);
        let mut leader = RunMap::new_in(Global);
        for part in [a, b, c] {
            let mut bytes = Vec::new();
            map_of(part).write(&mut bytes).unwrap();
            leader.read_append(&mut Reader::new(&bytes)).unwrap();
        }
        assert_eq!(customers(&mut leader), expected(&rows));
        // Many workers: merged through a heap, and combined in memory first.
        let mut leader = RunMap::new_in(Global);
        for chunk in rows.chunks(2_500) {
            let mut bytes = Vec::new();
            let mut m = map_of(chunk);
            m.append(&mut map_of(&chunk[..100])).unwrap();
            m.write(&mut bytes).unwrap();
            leader.read_append(&mut Reader::new(&bytes)).unwrap();
        }
        let twice: Vec<Row> = rows
            .chunks(2_500)
            .flat_map(|c| c.iter().chain(&c[..100]).copied())
            .collect();
        assert_eq!(customers(&mut leader), expected(&twice));
        // In memory, and with rows added after a read.
        let mut m = map_of(a);
        m.append(&mut map_of(b)).unwrap();
        for (id, ts, amount) in c {
            m.push(Key::Int(*id), month(*ts), *amount).unwrap();
        }
        assert_eq!(customers(&mut m), expected(&rows));
    }

    #[test]
    fn text_ids_are_renumbered() {
        let mut g = Gen(13);
        let rows = rows(&mut g, 5_000, 400);
        let names: Vec<String> = rows.iter().map(|r| format!("customer {}", r.0)).collect();
        let of = |range: std::ops::Range<usize>| {
            let mut m = RunMap::new_in(Global);
            for i in range {
                m.push(Key::Text(names[i].as_bytes()), month(rows[i].1), rows[i].2)
                    .unwrap();
            }
            m
        };
        let mut leader = of(0..0);
        for range in [0..2_000, 2_000..5_000] {
            let mut bytes = Vec::new();
            of(range).write(&mut bytes).unwrap();
            leader.read_append(&mut Reader::new(&bytes)).unwrap();
        }
        assert_eq!(customers(&mut leader), expected(&rows));
    }

    #[test]
    fn a_scale_too_fine_for_an_amount_is_the_history_error() {
        // 18446744073709551.62 at 2 decimals holds; with an amount of 3 decimals it would
        // need 18446744073709551620 at 3, above 2^64 - 1: out of range, as in a history.
        let big = Dec::parse("18446744073709551.62").unwrap();
        let fine = Dec::parse("0.001").unwrap();
        let mut h = HistoryBuilder::new_in(Global);
        h.add(0, Some(big), 0, None, None).unwrap();
        let want = h.add(1, Some(fine), 0, None, None).unwrap_err();
        // In one run (merged when the buffer is applied, at the end here), and across two
        // runs of one customer (brought to the customer's scale at the end).
        let mut m = RunMap::new_in(Global);
        m.push(Key::Int(1), 0, Some(big)).unwrap();
        m.push(Key::Int(1), 0, Some(fine)).unwrap();
        let err = m
            .each_customer(&mut Vec::new(), |_, _, _| Ok(()))
            .unwrap_err();
        assert_eq!(err.to_string(), want.to_string());
        let mut m = RunMap::new_in(Global);
        m.push(Key::Int(1), 0, Some(big)).unwrap();
        m.push(Key::Int(1), 5, Some(fine)).unwrap();
        let err = m
            .each_customer(&mut Vec::new(), |_, _, _| Ok(()))
            .unwrap_err();
        assert_eq!(err.to_string(), want.to_string());
    }

    #[test]
    fn bad_partial_states_are_refused() {
        let mut bytes = Vec::new();
        map_of(&[(5, 0, Some(Dec::new(5, 0))), (5, 2, None), (9, 1, None)])
            .write(&mut bytes)
            .unwrap();
        assert!(RunMap::new_in(Global)
            .read_append(&mut Reader::new(&bytes))
            .is_ok());
        // A state cut short anywhere is refused.
        for cut in 0..bytes.len() {
            let mut m = RunMap::new_in(Global);
            assert!(
                m.read_append(&mut Reader::new(&bytes[..cut])).is_err(),
                "cut at {cut}"
            );
        }
        // One run in the first partition, written by hand: integer ids, none numbered; one
        // run of 3 + run.len() bytes: its flags, key 7, period 3, then `orders` and what the
        // flags say follows; then the other partitions, empty. Read as a leader reads it,
        // then merged (where integer keys' runs are checked).
        let state = |flags: u8, run: &[u8]| {
            let mut b = vec![1, 0, 1, 3 + run.len() as u8, flags, 7, 6];
            b.extend_from_slice(run);
            b.extend_from_slice(&[0; 2 * (PARTITIONS - 1)]);
            let mut m = RunMap::new_in(Global);
            m.read_append(&mut Reader::new(&b))?;
            m.each_customer(&mut Vec::new(), |_, _, _| Ok(()))
        };
        let (u, s, p, x) = (UNPRICED, SCALES, PRICED, MAX);
        assert!(
            state(u | s, &[1, 1, 0, 0]).is_ok(),
            "one order without amount"
        );
        assert!(
            state(s | p | x, &[2, 2, 2, 30, 20]).is_ok(),
            "0.20 and 0.10"
        );
        assert!(state(s | p, &[1, 2, 2, 30]).is_ok(), "0.30");
        for (flags, run, why) in [
            (s, &[0u8, 0, 0][..], "no orders"),
            (
                u | s,
                &[1, 2, 0, 0],
                "more orders without amount than orders",
            ),
            (s | p, &[1, 31, 31, 5], "scale beyond 30"),
            (s | p, &[1, 2, 1, 5], "display below scale"),
            (
                s | p | x,
                &[2, 2, 2, 20, 30],
                "largest amount above the sum",
            ),
            (
                s | p | x,
                &[2, 2, 2, 20, 20],
                "a largest amount given that is the sum",
            ),
            (u | s, &[1, 1, 2, 2], "a scale without amounts"),
            (u | s, &[1, 1, 0, 0, 0], "a byte left over"),
            (0, &[1, 1], "no scales in the first run"),
            (s | x, &[1, 0, 0, 5], "a largest amount without amounts"),
            (16 | s | p, &[1, 0, 0, 5], "an unknown flag"),
        ] {
            assert!(state(flags, run).is_err(), "{why}");
        }
    }
}
