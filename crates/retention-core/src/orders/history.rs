//! Level 1: one customer's order history, built by `customer_history_agg(...)` under
//! `GROUP BY customer_id` and stored as the `customer_history` type.
//!
//! Stored form (after PostgreSQL's length word), all integers LEB128 varints:
//!
//! ```text
//! version (1 byte) | flags (1 byte: 1 = items given, 2 = cost given) | scale (1 byte)
//! display scale | n_orders | first timestamp (zigzag)
//! n_orders x (time delta, amount + 1 or 0 for NULL)
//! [items (zigzag), item_orders]                                      when flags & 1
//! [cost scale (1 byte), cost display scale, cost (zigzag), cost_orders] when flags & 2
//! ```
//!
//! Orders are sorted by time, then amount, so a history has one byte form whatever order
//! its rows arrived in; deltas are therefore never negative. A typical order takes 4-6
//! bytes. Amounts are mantissas at the fewest decimals any of them needs (`scale`); the
//! display scale is what they print with. The text form lists times and amounts, with the
//! display scale as `scale`:
//! `(version:1,scale:2,times:["1997-01-01 00:00:00+00",...],amounts:[29.33,...])`.

use super::{
    amount_at, check_amount, check_items, Customer, Extras, Order, HAS_COST, HAS_ITEMS, NO_AMOUNT,
};
use crate::decimal::{Dec, MAX_DISPLAY, MAX_SCALE};
use crate::error::{MetricError, Result};
use crate::text::{Fields, Writer};
use crate::time::{check_timestamp, format_timestamp};
use crate::varint::{self, Reader};
use allocator_api2::alloc::Allocator;
use allocator_api2::vec::Vec as AVec;

pub const VERSION: u8 = 1;
pub const TYPE_NAME: &str = "customer_history";

/// The running state of one customer: orders in arrival order until [`Self::sort`].
pub struct HistoryBuilder<A: Allocator> {
    pub orders: AVec<Order, A>,
    pub scale: u8,
    pub display: u16,
    pub flags: u8,
    pub extras: Extras,
}

#[cold]
pub(crate) fn too_many_orders() -> MetricError {
    MetricError::OutOfRange("a customer_history holds at most 2^32 - 1 orders".into())
}

const MAX_ORDERS: usize = u32::MAX as usize;

impl<A: Allocator> HistoryBuilder<A> {
    pub fn new_in(alloc: A) -> Self {
        HistoryBuilder {
            orders: AVec::new_in(alloc),
            scale: 0,
            display: 0,
            flags: 0,
            extras: Extras::default(),
        }
    }

    /// Empty the builder for another customer, keeping its memory.
    pub fn clear(&mut self) {
        self.orders.clear();
        self.scale = 0;
        self.display = 0;
        self.flags = 0;
        self.extras = Extras::default();
    }

    /// Raise the amounts' scale to `scale`, multiplying every stored amount.
    fn rescale(&mut self, scale: u8) -> Result<()> {
        if scale <= self.scale {
            return Ok(());
        }
        let old = self.scale;
        for o in self.orders.iter_mut().filter(|o| o.priced()) {
            o.amount = amount_at(Dec::new(o.amount as i128, old), scale, "amount")?;
        }
        self.scale = scale;
        Ok(())
    }

    /// Add one order row. `amount`, `items` and `cost` are `None` for SQL NULL;
    /// `flags` says which optional columns this form of the aggregate takes.
    pub fn add(
        &mut self,
        ts: i64,
        amount: Option<Dec>,
        flags: u8,
        items: Option<i64>,
        cost: Option<Dec>,
    ) -> Result<()> {
        check_timestamp(ts, "ordered_at")?;
        let (m, scale, display) = match amount {
            Some(d) => {
                let d = check_amount(d, "amount")?.normalized();
                (amount_at(d, d.scale, "amount")?, d.scale, d.display)
            }
            None => (NO_AMOUNT, 0, 0),
        };
        self.push_checked(ts, m, scale, display, flags)?;
        self.add_extras(items, cost)
    }

    /// Add an order whose time and amount were checked as [`Self::add`] checks them: an
    /// amount's mantissa normalized at `scale` (or [`NO_AMOUNT`]). The per-record path of
    /// the one-step order logs.
    #[inline]
    pub fn push_checked(
        &mut self,
        ts: i64,
        amount: u64,
        scale: u8,
        display: u16,
        flags: u8,
    ) -> Result<()> {
        if self.orders.len() >= MAX_ORDERS {
            return Err(too_many_orders());
        }
        let amount = if amount == NO_AMOUNT {
            NO_AMOUNT
        } else {
            self.rescale(scale)?;
            self.display = self.display.max(display);
            if scale == self.scale {
                amount
            } else {
                amount_at(Dec::new(amount as i128, scale), self.scale, "amount")?
            }
        };
        self.flags |= flags;
        self.orders.push(Order { ts, amount });
        Ok(())
    }

    /// Add an order's items and cost to the totals (NULL: not known for this order).
    pub fn add_extras(&mut self, items: Option<i64>, cost: Option<Dec>) -> Result<()> {
        if let Some(i) = items {
            check_items(i)?;
            self.extras.items = self.extras.items.checked_add(i).ok_or_else(|| {
                MetricError::OutOfRange("items is out of range for bigint".into())
            })?;
            self.extras.item_orders += 1;
        }
        if let Some(c) = cost {
            let c = check_amount(c, "cost")?;
            self.extras.cost = self.extras.cost.add(c, "cost")?;
            self.extras.cost_orders += 1;
        }
        Ok(())
    }

    /// Add another customer's orders (the same customer, seen by another worker, or a
    /// stored history rolled up with newer orders).
    pub fn merge(&mut self, other: &Customer<'_>) -> Result<()> {
        if self.orders.len() + other.orders.len() > MAX_ORDERS {
            return Err(too_many_orders());
        }
        self.rescale(other.scale)?;
        self.display = self.display.max(other.display);
        let (from, to) = (other.scale, self.scale);
        for o in other.orders {
            let amount = if o.priced() {
                amount_at(Dec::new(o.amount as i128, from), to, "amount")?
            } else {
                NO_AMOUNT
            };
            self.orders.push(Order { ts: o.ts, amount });
        }
        self.extras.merge(&other.extras)?;
        self.flags |= other.flags;
        Ok(())
    }

    /// Sort the orders (by time, then amount); call before [`Self::customer`].
    pub fn sort(&mut self) {
        self.orders.sort_unstable();
    }

    /// The sorted orders as a customer. Call [`Self::sort`] first.
    pub fn customer(&self) -> Customer<'_> {
        debug_assert!(self.orders.windows(2).all(|w| w[0] <= w[1]));
        Customer {
            orders: &self.orders,
            scale: self.scale,
            display: self.display,
            flags: self.flags,
            extras: self.extras,
        }
    }
}

/// The stored form of a sorted customer (see the module docs).
pub fn encode(c: &Customer<'_>) -> Vec<u8> {
    let mut out = Vec::with_capacity(8 + 5 * c.orders.len());
    out.push(VERSION);
    out.push(c.flags);
    out.push(c.scale);
    varint::put(&mut out, c.display as u128);
    varint::put(&mut out, c.orders.len() as u128);
    let mut prev = c.orders.first().map_or(0, |o| o.ts);
    varint::put(&mut out, varint::zigzag(prev as i128));
    for o in c.orders {
        varint::put(&mut out, (o.ts - prev) as u128);
        varint::put(&mut out, if o.priced() { o.amount as u128 + 1 } else { 0 });
        prev = o.ts;
    }
    if c.flags & HAS_ITEMS != 0 {
        varint::put(&mut out, varint::zigzag(c.extras.items as i128));
        varint::put(&mut out, c.extras.item_orders as u128);
    }
    if c.flags & HAS_COST != 0 {
        out.push(c.extras.cost.scale);
        varint::put(&mut out, c.extras.cost.display as u128);
        varint::put(&mut out, varint::zigzag(c.extras.cost.m));
        varint::put(&mut out, c.extras.cost_orders as u128);
    }
    out
}

fn corrupt(why: &str) -> MetricError {
    MetricError::InvalidBinary(format!("invalid {TYPE_NAME}: {why}"))
}

/// Decode a stored history into `orders` (cleared first), checking everything: a stored
/// value may come from binary input or a damaged page, and must never make us panic.
pub fn decode_into<'o, A: Allocator>(
    bytes: &[u8],
    orders: &'o mut AVec<Order, A>,
) -> Result<Customer<'o>> {
    let mut r = Reader::new(bytes);
    let version = r.byte().ok_or_else(|| corrupt("empty"))?;
    if version != VERSION {
        return Err(corrupt(&format!(
            "unsupported version {version} (this build reads version {VERSION})"
        )));
    }
    let flags = r.byte().ok_or_else(|| corrupt("truncated"))?;
    let scale = r.byte().ok_or_else(|| corrupt("truncated"))?;
    let display = r.u64().ok_or_else(|| corrupt("truncated"))?;
    if flags & !(HAS_ITEMS | HAS_COST) != 0
        || scale > MAX_SCALE
        || display > MAX_DISPLAY as u64
        || display < scale as u64
    {
        return Err(corrupt("bad header"));
    }
    let display = display as u16;
    let n = r.u64().ok_or_else(|| corrupt("truncated"))? as usize;
    if n == 0 || n > MAX_ORDERS || n > bytes.len() {
        // Every order takes at least two bytes, so a count beyond the length is corrupt;
        // checking it first bounds the allocation below.
        return Err(corrupt("bad order count"));
    }
    let mut ts = r.i64().ok_or_else(|| corrupt("truncated"))?;
    orders.clear();
    orders.reserve(n);
    for _ in 0..n {
        let delta = r.u64().ok_or_else(|| corrupt("truncated"))?;
        ts = i64::try_from(delta)
            .ok()
            .and_then(|d| ts.checked_add(d))
            .ok_or_else(|| corrupt("time out of range"))?;
        let a = r.u64().ok_or_else(|| corrupt("truncated"))?;
        orders.push(Order {
            ts,
            amount: if a == 0 { NO_AMOUNT } else { a - 1 },
        });
    }
    let (first, last) = (orders[0].ts, orders[n - 1].ts);
    check_timestamp(first, "order time").map_err(|_| corrupt("time out of range"))?;
    check_timestamp(last, "order time").map_err(|_| corrupt("time out of range"))?;
    let mut extras = Extras::default();
    if flags & HAS_ITEMS != 0 {
        extras.items = r.i64().ok_or_else(|| corrupt("truncated"))?;
        extras.item_orders = r.u64().ok_or_else(|| corrupt("truncated"))?;
    }
    if flags & HAS_COST != 0 {
        let scale = r.byte().ok_or_else(|| corrupt("truncated"))?;
        let display = r
            .u64()
            .filter(|d| *d <= MAX_DISPLAY as u64)
            .ok_or_else(|| corrupt("bad cost scale"))?;
        let m = r.i128().ok_or_else(|| corrupt("truncated"))?;
        extras.cost = Dec::new(m, scale).with_display(display as u16);
        extras.cost_orders = r.u64().ok_or_else(|| corrupt("truncated"))?;
        if scale > MAX_SCALE {
            return Err(corrupt("bad cost scale"));
        }
    }
    if !r.at_end() {
        return Err(corrupt("unexpected bytes at the end"));
    }
    if extras.items < 0
        || extras.cost.is_negative()
        || extras.item_orders > n as u64
        || extras.cost_orders > n as u64
    {
        return Err(corrupt("bad totals"));
    }
    // Sorted by (time, amount): deltas are >= 0 by construction; equal times need amounts
    // in order so that each history has exactly one byte form.
    if orders.windows(2).any(|w| w[0] > w[1]) {
        return Err(corrupt("orders out of order"));
    }
    Ok(Customer {
        orders,
        scale,
        display,
        flags,
        extras,
    })
}

/// The order count and the first order's time, read from the header alone (the accessors
/// `orders()` and `first_order_at()` need no more). Checked like [`decode_into`] as far as
/// it reads.
pub fn peek(bytes: &[u8]) -> Result<(u64, i64)> {
    let mut r = Reader::new(bytes);
    let version = r.byte().ok_or_else(|| corrupt("empty"))?;
    if version != VERSION {
        return Err(corrupt(&format!(
            "unsupported version {version} (this build reads version {VERSION})"
        )));
    }
    let (_flags, _scale) = (r.byte(), r.byte());
    let _display = r.u64().ok_or_else(|| corrupt("truncated"))?;
    let n = r
        .u64()
        .filter(|n| *n > 0 && *n <= MAX_ORDERS as u64)
        .ok_or_else(|| corrupt("bad order count"))?;
    let first = r.i64().ok_or_else(|| corrupt("truncated"))?;
    check_timestamp(first, "order time").map_err(|_| corrupt("time out of range"))?;
    Ok((n, first))
}

/// The text form (see the module docs).
pub fn to_text(c: &Customer<'_>) -> String {
    let mut w = Writer::new(VERSION);
    w.int("scale", c.display)
        .list("times", c.orders, |o, x| {
            crate::text::push_quoted(o, &format_timestamp(x.ts))
        })
        .list("amounts", c.orders, |o, x| {
            if x.priced() {
                o.push_str(
                    &Dec::new(x.amount as i128, c.scale)
                        .with_display(c.display)
                        .to_string(),
                )
            } else {
                o.push_str("null")
            }
        });
    if c.flags & HAS_ITEMS != 0 {
        w.int("items", c.extras.items)
            .int("item_orders", c.extras.item_orders);
    }
    if c.flags & HAS_COST != 0 {
        w.decimal("cost", c.extras.cost)
            .int("cost_orders", c.extras.cost_orders);
    }
    w.finish()
}

/// Parse the text form into a builder, whose [`HistoryBuilder::customer`] can then be
/// encoded. Checks what the aggregate would: amounts not negative, times in range.
pub fn from_text<A: Allocator>(input: &str, alloc: A) -> Result<HistoryBuilder<A>> {
    let mut f = Fields::parse(TYPE_NAME, input)?;
    let version = f.int("version", input)?;
    if version != VERSION as i64 {
        return Err(f.error(format!(
            "unsupported version {version} (this build reads version {VERSION})"
        )));
    }
    // The written scale is the display scale; the mantissas take the fewest decimals.
    let display = f.int("scale", input)?;
    if !(0..=MAX_DISPLAY as i64).contains(&display) {
        return Err(f.error(format!("scale {display} is out of range 0..{MAX_DISPLAY}")));
    }
    let display = display as u16;
    let times = f.timestamps("times")?;
    let amounts = f.decimals("amounts")?;
    if times.is_empty() || times.len() != amounts.len() {
        return Err(f.error("times and amounts must be non-empty lists of the same length"));
    }
    let mut flags = 0;
    let mut extras = Extras::default();
    if f.peek_key() == Some("items") {
        flags |= HAS_ITEMS;
        extras.items = f.int("items", input)?;
        extras.item_orders = f.count("item_orders")?;
    }
    if f.peek_key() == Some("cost") {
        flags |= HAS_COST;
        extras.cost = f.decimal("cost")?;
        extras.cost_orders = f.count("cost_orders")?;
    }
    f.finish(input)?;
    let n = times.len() as u64;
    if extras.items < 0
        || extras.cost.is_negative()
        || extras.item_orders > n
        || extras.cost_orders > n
    {
        return Err(crate::text::text_error(
            TYPE_NAME,
            input,
            "items and cost must not be negative, nor counted on more orders than there are",
        ));
    }
    let mut b = HistoryBuilder::new_in(alloc);
    b.display = display;
    for (ts, amount) in times.into_iter().zip(amounts) {
        if let Some(a) = amount {
            if a.display > display {
                return Err(crate::text::text_error(
                    TYPE_NAME,
                    input,
                    format!("amount {a} has more decimal places than scale {display}"),
                ));
            }
        }
        b.add(ts, amount, 0, None, None)
            .map_err(|e| crate::text::text_error(TYPE_NAME, input, e))?;
    }
    b.flags = flags;
    b.extras = extras;
    b.sort();
    Ok(b)
}

/// Decode the binary send form: the stored bytes themselves, fully checked.
pub fn check_binary(bytes: &[u8]) -> Result<()> {
    let mut scratch = AVec::new_in(allocator_api2::alloc::Global);
    decode_into(bytes, &mut scratch).map(|_| ())
}
