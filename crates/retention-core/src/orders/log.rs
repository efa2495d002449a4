//! The order log of the one-step aggregates that need every order of a customer (median
//! gap, `customer_stats_agg`, the period tables).
//!
//! Each order row is appended, 32 bytes, to one of [`PARTITIONS`] logs chosen by the hash
//! of its customer id; nothing per customer is touched while rows stream in. At the end
//! each partition is sorted by customer (a few megabytes at a time, in cache) and every
//! customer's orders are fed, through the level-1 [`HistoryBuilder`], to the same level-2
//! code the two-level path runs: so both paths check and count orders the same way.
//! Integer ids are stored as they are; uuid and text ids are numbered through an
//! [`IdMap`] (exact comparison), one entry per customer.
//!
//! Memory: 32 bytes per order, plus, for uuid and text ids, one map entry per customer,
//! plus 48 bytes per order that gives items or cost.

use super::history::HistoryBuilder;
use super::ids::{bad_state, Key, Numbering, PARTITIONS};
use super::{amount_at, check_amount, check_items, Customer, NO_AMOUNT};
use crate::decimal::{Dec, MAX_DISPLAY, MAX_SCALE};
use crate::error::{MetricError, Result};
use crate::time::check_timestamp;
use crate::varint::{self, Reader};
use allocator_api2::alloc::Allocator;
use allocator_api2::vec::Vec as AVec;

const NO_EXTRA: u32 = u32::MAX;

/// One order row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C)]
struct Rec {
    /// The integer id, or the number of a uuid or text id.
    key: u64,
    ts: i64,
    /// The amount's mantissa at `scale` (normalized), or NO_AMOUNT.
    amount: u64,
    scale: u8,
    flags: u8,
    display: u16,
    /// Index into the log's extras, or NO_EXTRA.
    extra: u32,
}

const _: () = assert!(std::mem::size_of::<Rec>() == 32);

/// Items and cost of an order row of the five-argument forms.
#[derive(Debug, Clone, Copy)]
struct Extra {
    items: Option<i64>,
    cost: Option<Dec>,
}

pub struct OrderLog<A: Allocator + Clone> {
    ids: Numbering<A>,
    parts: AVec<AVec<Rec, A>, A>,
    /// Per partition: 0 when its rows are in no order, else the number of sorted runs it
    /// consists of.
    sorted_runs: [u32; PARTITIONS],
    extras: AVec<Extra, A>,
    alloc: A,
}

impl<A: Allocator + Clone> OrderLog<A> {
    pub fn new_in(alloc: A) -> Self {
        let mut parts = AVec::with_capacity_in(PARTITIONS, alloc.clone());
        for _ in 0..PARTITIONS {
            parts.push(AVec::new_in(alloc.clone()));
        }
        OrderLog {
            ids: Numbering::new_in(alloc.clone()),
            parts,
            sorted_runs: [0; PARTITIONS],
            extras: AVec::new_in(alloc.clone()),
            alloc,
        }
    }

    /// Number of order rows.
    pub fn len(&self) -> usize {
        self.parts.iter().map(|p| p.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Append one order row, checked as `customer_history_agg` checks it.
    pub fn push(
        &mut self,
        key: Key<'_>,
        ts: i64,
        amount: Option<Dec>,
        flags: u8,
        items: Option<i64>,
        cost: Option<Dec>,
    ) -> Result<()> {
        check_timestamp(ts, "ordered_at")?;
        let (amount, scale, display) = match amount {
            Some(d) => {
                let d = check_amount(d, "amount")?.normalized();
                (amount_at(d, d.scale, "amount")?, d.scale, d.display)
            }
            None => (NO_AMOUNT, 0, 0),
        };
        if let Some(i) = items {
            check_items(i)?;
        }
        if let Some(c) = cost {
            check_amount(c, "cost")?;
        }
        let extra = if items.is_some() || cost.is_some() {
            if self.extras.len() >= NO_EXTRA as usize {
                return Err(MetricError::LimitExceeded(
                    "too many orders with items or cost".into(),
                ));
            }
            self.extras.push(Extra { items, cost });
            (self.extras.len() - 1) as u32
        } else {
            NO_EXTRA
        };
        let (key, part) = self.ids.stored(key)?;
        self.sorted_runs[part] = 0;
        self.parts[part].push(Rec {
            key,
            ts,
            amount,
            scale,
            flags,
            display,
            extra,
        });
        Ok(())
    }

    /// Call `f` with every customer's sorted orders, customer by customer (partitions in
    /// order, customers in id order within one). `scratch` holds one customer at a time.
    pub fn each_customer<B: Allocator>(
        &mut self,
        scratch: &mut HistoryBuilder<B>,
        mut f: impl FnMut(&Customer<'_>) -> Result<()>,
    ) -> Result<()> {
        for (part, runs) in self.parts.iter_mut().zip(self.sorted_runs.iter_mut()) {
            // Rows appended from workers come in runs each already sorted: a stable sort
            // merges them; rows that arrived one by one sort faster unstably.
            if *runs > 1 {
                part.sort_by_key(|r| (r.key, r.ts));
            } else if *runs == 0 {
                part.sort_unstable_by_key(|r| (r.key, r.ts));
            }
            *runs = 1;
            for run in part.chunk_by(|a, b| a.key == b.key) {
                scratch.clear();
                for r in run {
                    scratch.push_checked(r.ts, r.amount, r.scale, r.display, r.flags)?;
                    if let Some(e) = self.extras.get(r.extra as usize) {
                        scratch.add_extras(e.items, e.cost)?;
                    }
                }
                scratch.sort();
                f(&scratch.customer())?;
            }
        }
        Ok(())
    }

    /// Serialize for a parallel leader (a state that never leaves the server, so rows are
    /// copied as they are in memory): kind, the numbered ids, the items and costs, then
    /// each partition's rows, sorted here so the leader only merges.
    pub fn write(&mut self, out: &mut Vec<u8>) {
        self.ids.write(out);
        varint::put(out, self.extras.len() as u128);
        for e in self.extras.iter() {
            out.push((e.items.is_some() as u8) | (e.cost.is_some() as u8) << 1);
            if let Some(i) = e.items {
                varint::put(out, varint::zigzag(i as i128));
            }
            if let Some(c) = e.cost {
                out.push(c.scale);
                varint::put(out, c.display as u128);
                varint::put(out, varint::zigzag(c.m));
            }
        }
        for part in self.parts.iter_mut() {
            part.sort_unstable_by_key(|r| (r.key, r.ts));
            varint::put(out, part.len() as u128);
            // SAFETY: Rec is plain data of 32 bytes without padding.
            let bytes =
                unsafe { std::slice::from_raw_parts(part.as_ptr() as *const u8, part.len() * 32) };
            out.extend_from_slice(bytes);
        }
    }

    /// Append what [`OrderLog::write`] wrote (another worker's rows).
    pub fn read_append(&mut self, r: &mut Reader<'_>) -> Result<()> {
        let renumber = self.ids.read(r)?;
        let base = self.extras.len();
        let n_extras = r.u64().ok_or_else(bad_state)? as usize;
        for _ in 0..n_extras {
            let tag = r.byte().filter(|t| *t < 4).ok_or_else(bad_state)?;
            let items = if tag & 1 != 0 {
                Some(r.i64().ok_or_else(bad_state)?)
            } else {
                None
            };
            let cost = if tag & 2 != 0 {
                let scale = r.byte().ok_or_else(bad_state)?;
                let display = r
                    .u64()
                    .filter(|d| *d <= MAX_DISPLAY as u64)
                    .ok_or_else(bad_state)?;
                let m = r.i128().ok_or_else(bad_state)?;
                // A Dec's display scale is never below its scale (Dec::parse, normalized).
                if scale > MAX_SCALE || (display as u16) < scale as u16 || m < 0 {
                    return Err(bad_state());
                }
                Some(Dec {
                    m,
                    scale,
                    display: display as u16,
                })
            } else {
                None
            };
            self.extras.push(Extra { items, cost });
        }
        if self.extras.len() >= NO_EXTRA as usize {
            return Err(MetricError::LimitExceeded(
                "too many orders with items or cost".into(),
            ));
        }
        for part in 0..PARTITIONS {
            let n = usize::try_from(r.u64().ok_or_else(bad_state)?).map_err(|_| bad_state())?;
            let bytes = r
                .take(n.checked_mul(32).ok_or_else(bad_state)?)
                .ok_or_else(bad_state)?;
            let dst = &mut self.parts[part];
            let at = dst.len();
            dst.reserve(n);
            // SAFETY: `bytes` holds n records written by `write` in this server; any bit
            // pattern is a valid Rec, and every field is checked below.
            unsafe {
                std::ptr::copy_nonoverlapping(
                    bytes.as_ptr(),
                    dst.as_mut_ptr().add(at) as *mut u8,
                    n * 32,
                );
                dst.set_len(at + n);
            }
            let mut checked = Ok(());
            for rec in dst[at..].iter_mut() {
                let valid = check_timestamp(rec.ts, "ordered_at").is_ok()
                    && rec.scale <= MAX_SCALE
                    && rec.display <= MAX_DISPLAY
                    // `push` stores display >= scale (0 and 0 without an amount); a row
                    // with less would make a history whose own check rejects it (K4).
                    && rec.display >= rec.scale as u16
                    && rec.flags & !3 == 0
                    && (rec.extra == NO_EXTRA || (rec.extra as usize) < n_extras);
                if !valid {
                    checked = Err(bad_state());
                    break;
                }
                if rec.extra != NO_EXTRA {
                    rec.extra += base as u32;
                }
                match renumber.key(rec.key) {
                    Some(k) => rec.key = k,
                    None => {
                        checked = Err(bad_state());
                        break;
                    }
                }
            }
            if checked.is_err() {
                // Leave no unchecked row behind.
                dst.truncate(at);
                return checked;
            }
            // Integer keys keep the worker's order: one more sorted run to merge. Renumbered
            // keys lose it.
            let runs = &mut self.sorted_runs[part];
            *runs = if renumber.keeps_keys() && (at == 0 || *runs > 0) {
                *runs + 1
            } else {
                0
            };
        }
        Ok(())
    }

    /// Append another log's rows (combining partial states in memory).
    pub fn append(&mut self, other: &mut OrderLog<A>) -> Result<()> {
        let mut bytes = Vec::new();
        other.write(&mut bytes);
        self.read_append(&mut Reader::new(&bytes))
    }

    pub fn allocator(&self) -> &A {
        &self.alloc
    }
}
