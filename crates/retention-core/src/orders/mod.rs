//! Order-history metrics: retention and churn, repeat purchase, time between purchases,
//! revenue, profit and historic CLV, period series and MRR movements.
//!
//! Three levels (see DESIGN.md): order rows are grouped per customer into a
//! [`history::HistoryBuilder`] (level 1: the stored `customer_history` type); population
//! summaries (level 2: [`retention`], [`stats`], [`series`], [`mrr`]) take one customer's
//! sorted orders at a time, as a [`Customer`], and never grow with the number of customers.
//! The one-step aggregates that take `customer_id` directly keep a builder per customer in
//! an [`ids::IdMap`] and feed the same level-2 code at the end, so both paths give the same
//! numbers by construction.

pub mod activity;
pub mod cohort;
pub mod history;
pub mod ids;
pub mod log;
pub mod mrr;
pub mod onestep;
pub mod retention;
pub mod rfm;
pub mod runs;
pub mod series;
pub mod stats;
pub mod words;

#[cfg(test)]
mod tests;

use crate::decimal::Dec;
use crate::error::{MetricError, Result};

/// The amount of an order without one (SQL NULL): the order counts, its amount is unknown.
pub const NO_AMOUNT: u64 = u64::MAX;

/// One order: its time and its amount, the mantissa at the customer's scale (or
/// [`NO_AMOUNT`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Order {
    pub ts: i64,
    pub amount: u64,
}

impl Order {
    #[inline]
    pub fn priced(&self) -> bool {
        self.amount != NO_AMOUNT
    }
}

/// Per-customer totals of the optional columns: items and cost. Items and costs are summed
/// over the orders that have them; `*_orders` count those orders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Extras {
    pub items: i64,
    pub item_orders: u64,
    pub cost: Dec,
    pub cost_orders: u64,
}

impl Extras {
    pub fn merge(&mut self, other: &Extras) -> Result<()> {
        self.items = self
            .items
            .checked_add(other.items)
            .ok_or_else(|| MetricError::OutOfRange("items is out of range for bigint".into()))?;
        self.item_orders += other.item_orders;
        self.cost = self.cost.add(other.cost, "cost")?;
        self.cost_orders += other.cost_orders;
        Ok(())
    }
}

/// Which optional columns were given: the form of `customer_history_agg` used.
pub const HAS_ITEMS: u8 = 1;
pub const HAS_COST: u8 = 2;

/// One customer's orders, sorted by time (and amount, so that equal timestamps have one
/// order), as every population summary reads them.
#[derive(Debug, Clone, Copy)]
pub struct Customer<'a> {
    pub orders: &'a [Order],
    /// Decimal scale of the amounts' mantissas.
    pub scale: u8,
    /// Decimals the amounts are shown with (the largest display scale of the inputs, as
    /// `sum(amount)` keeps it).
    pub display: u16,
    pub flags: u8,
    pub extras: Extras,
}

impl Customer<'_> {
    pub fn first(&self) -> i64 {
        self.orders[0].ts
    }
    pub fn last(&self) -> i64 {
        self.orders[self.orders.len() - 1].ts
    }
    /// Sum of the known amounts, exactly.
    pub fn revenue(&self) -> Dec {
        let m: i128 = self
            .orders
            .iter()
            .filter(|o| o.priced())
            .map(|o| o.amount as i128)
            .sum();
        Dec::new(m, self.scale).with_display(self.display)
    }
    pub fn priced_orders(&self) -> u64 {
        self.orders.iter().filter(|o| o.priced()).count() as u64
    }
    /// revenue - cost by [`profit`]'s rule.
    pub fn profit(&self) -> Option<Dec> {
        let n = self.orders.len() as u64;
        let cost = (self.extras.cost_orders > 0).then_some(self.extras.cost);
        profit(
            self.revenue(),
            self.priced_orders(),
            cost,
            self.extras.cost_orders,
            n,
        )
    }
    /// Mean gap between consecutive orders by [`mean_gap`], in microseconds.
    pub fn avg_gap(&self) -> Option<f64> {
        mean_gap(
            (self.last() - self.first()) as i128,
            self.orders.len() as u64 - 1,
        )
    }
}

/// revenue - cost of `orders` orders, only when every one has both an amount and a cost
/// (otherwise it would subtract costs of some orders from the revenue of others); `None`
/// also when the difference overflows.
pub fn profit(
    revenue: Dec,
    priced_orders: u64,
    cost: Option<Dec>,
    cost_orders: u64,
    orders: u64,
) -> Option<Dec> {
    let complete = cost_orders == orders && priced_orders == orders;
    cost.filter(|_| complete)
        .and_then(|c| revenue.checked_sub(c))
}

/// The pooled mean gap between consecutive orders: the sum over customers of (last order -
/// first order), in microseconds, over the number of gaps (the sum of orders - 1); `None`
/// without gaps. One customer's mean gap is the same with one term.
pub fn mean_gap(lifespan_sum: i128, gaps: u64) -> Option<f64> {
    (gaps > 0).then(|| lifespan_sum as f64 / gaps as f64)
}

/// An order amount: finite and not negative. Refunds are not orders: net them into the
/// order they refund, or leave them out (docs/orders.md, "Refunds").
pub fn check_amount(d: Dec, what: &str) -> Result<Dec> {
    if d.is_negative() {
        let why = match what {
            "amount" => {
                "record refunds by netting them into the order they refund, not as negative orders"
            }
            "cost" => "a cost is 0 or more",
            _ => "MRR is 0 or more",
        };
        return Err(MetricError::InvalidParameter(format!(
            "{what} {d} is negative: {why}"
        )));
    }
    Ok(d)
}

/// An order's item count: zero or more.
pub(crate) fn check_items(items: i64) -> Result<i64> {
    if items < 0 {
        return Err(MetricError::InvalidParameter(format!(
            "items {items} is negative: an order has zero or more items"
        )));
    }
    Ok(items)
}

/// The mantissa of `d` at `scale` (>= d.scale) as a stored order amount.
pub(crate) fn amount_at(d: Dec, scale: u8, what: &str) -> Result<u64> {
    d.mantissa_at(scale)
        .and_then(|m| u64::try_from(m).ok())
        .filter(|m| *m != NO_AMOUNT)
        .ok_or_else(|| {
            MetricError::OutOfRange(format!(
                "{what} {d} is out of range: at {scale} decimal places an order amount must be below {}",
                Dec::new(NO_AMOUNT as i128, scale)
            ))
        })
}
