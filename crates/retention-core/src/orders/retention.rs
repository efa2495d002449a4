//! Retention and churn over one period `[period_start, period_end)`, measured against the
//! previous period of the same length `[period_start - L, period_start)`, L = end - start.
//!
//! Each customer falls into one class by three facts: an order before the previous period,
//! in the previous period, in the period. Of the customers active in the previous period
//! (`customers_start`), `retained` ordered again in the period and the rest churned. Of the
//! customers active in the period (`customers_end`), some are `new` (no earlier order) and
//! some `reactivated` (an order before the previous period, none in it). Orders after the
//! period do not matter.
//!
//! Body (`retention_summary`): period_start, period_end, customers_start, retained,
//! new_customers, reactivated.

use super::words::{add_count, as_text_error, inconsistent, Grow, Kind, Summary};
use super::Customer;
use crate::error::{invalid, Result};
use crate::interval::{wilson, Interval};
use crate::text::Writer;
use crate::time::{check_timestamp, format_timestamp};

/// The two periods compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub prev_start: i64,
    pub start: i64,
    pub end: i64,
}

impl Window {
    pub fn new(start: i64, end: i64) -> Result<Window> {
        check_timestamp(start, "period_start")?;
        check_timestamp(end, "period_end")?;
        if end <= start {
            return invalid(format!(
                "period_end {} must be later than period_start {}",
                format_timestamp(end),
                format_timestamp(start)
            ));
        }
        Ok(Window {
            prev_start: start - (end - start),
            start,
            end,
        })
    }
}

pub const BEFORE: u8 = 1;
pub const PREV: u8 = 2;
pub const CUR: u8 = 4;

/// Which of the three spans an order time falls in (0 for after the period).
#[inline]
pub fn flag_of(w: &Window, ts: i64) -> u8 {
    if ts < w.prev_start {
        BEFORE
    } else if ts < w.start {
        PREV
    } else if ts < w.end {
        CUR
    } else {
        0
    }
}

/// The flags of a customer's orders.
pub fn flags_of(w: &Window, c: &Customer<'_>) -> u8 {
    c.orders.iter().fold(0, |f, o| f | flag_of(w, o.ts))
}

const PS: usize = 0;
const PE: usize = 1;
const START: usize = 2;
const RETAINED: usize = 3;
const NEW: usize = 4;
const REACTIVATED: usize = 5;
const WORDS: usize = 6;

pub struct Retention;

pub fn new_body(w: &Window) -> Vec<u64> {
    let mut b = vec![0u64; WORDS];
    b[PS] = w.start as u64;
    b[PE] = w.end as u64;
    b
}

/// The summary of customers given by their flags (the one-step aggregate's hash table).
pub fn body_of_flags(w: &Window, flags: impl IntoIterator<Item = u8>) -> Result<Vec<u64>> {
    let mut body = new_body(w);
    for (i, f) in flags.into_iter().enumerate() {
        crate::interrupt::check_every(i);
        add_flags(&mut body, f)?;
    }
    Ok(body)
}

/// The period pair of a body; every row of one aggregate must use the same.
pub fn check_window(body: &[u64], w: &Window) -> Result<()> {
    let (s, e) = (body[PS] as i64, body[PE] as i64);
    if (s, e) != (w.start, w.end) {
        return invalid(format!(
            "the period changed within a group: [{}, {}) then [{}, {}); all rows of one aggregate must use the same period",
            format_timestamp(s),
            format_timestamp(e),
            format_timestamp(w.start),
            format_timestamp(w.end)
        ));
    }
    Ok(())
}

/// Count one customer by its flags. Customers with no order up to the period's end add
/// nothing.
pub fn add_flags(body: &mut [u64], flags: u8) -> Result<()> {
    let what = "retention_summary";
    if flags & PREV != 0 {
        add_count(&mut body[START], 1, what)?;
        if flags & CUR != 0 {
            body[RETAINED] += 1; // <= customers_start
        }
    } else if flags & CUR != 0 {
        let slot = if flags & BEFORE != 0 {
            REACTIVATED
        } else {
            NEW
        };
        add_count(&mut body[slot], 1, what)?;
    }
    Ok(())
}

/// A read-only view with the figures.
#[derive(Debug, Clone, Copy)]
pub struct RetentionRef<'a>(pub &'a [u64]);

impl RetentionRef<'_> {
    pub fn period_start(&self) -> i64 {
        self.0[PS] as i64
    }
    pub fn period_end(&self) -> i64 {
        self.0[PE] as i64
    }
    pub fn customers_start(&self) -> u64 {
        self.0[START]
    }
    pub fn retained(&self) -> u64 {
        self.0[RETAINED]
    }
    pub fn churned(&self) -> u64 {
        self.0[START] - self.0[RETAINED]
    }
    pub fn new_customers(&self) -> u64 {
        self.0[NEW]
    }
    pub fn reactivated(&self) -> u64 {
        self.0[REACTIVATED]
    }
    /// Customers active in the period: retained + new + reactivated.
    pub fn customers_end(&self) -> u64 {
        self.0[RETAINED] + self.0[NEW] + self.0[REACTIVATED]
    }
    /// retained / customers_start; `None` when nobody was active in the previous period.
    pub fn retention_rate(&self) -> Option<f64> {
        (self.customers_start() > 0).then(|| self.retained() as f64 / self.customers_start() as f64)
    }
    pub fn churn_rate(&self) -> Option<f64> {
        (self.customers_start() > 0).then(|| self.churned() as f64 / self.customers_start() as f64)
    }
    pub fn retention_ci(&self, confidence: f64) -> Result<Option<Interval>> {
        wilson(
            self.retained() as f64,
            self.customers_start() as f64,
            confidence,
        )
    }
    pub fn churn_ci(&self, confidence: f64) -> Result<Option<Interval>> {
        wilson(
            self.churned() as f64,
            self.customers_start() as f64,
            confidence,
        )
    }
}

impl Summary for Retention {
    const KIND: Kind = Kind::Retention;
    const TYPE_NAME: &'static str = "retention_summary";

    fn validate(body: &[u64]) -> Result<()> {
        if body.len() != WORDS {
            return Err(inconsistent("wrong length"));
        }
        Window::new(body[PS] as i64, body[PE] as i64).map_err(|e| inconsistent(e.message()))?;
        if body[RETAINED] > body[START] {
            return Err(inconsistent("retained exceeds customers_start"));
        }
        let total = body[START] as u128 + body[NEW] as u128 + body[REACTIVATED] as u128;
        if body[START..].iter().any(|c| *c > i64::MAX as u64) || total > i64::MAX as u128 {
            return Err(inconsistent("counts out of range"));
        }
        Ok(())
    }

    fn to_text(body: &[u64]) -> String {
        let r = RetentionRef(body);
        Writer::new(super::words::VERSION)
            .timestamp("period_start", r.period_start())
            .timestamp("period_end", r.period_end())
            .int("customers_start", r.customers_start())
            .int("retained", r.retained())
            .int("new_customers", r.new_customers())
            .int("reactivated", r.reactivated())
            .finish()
    }

    fn from_text(input: &str) -> Result<Vec<u64>> {
        let parse = || -> Result<Vec<u64>> {
            let mut f = super::words::fields(Self::TYPE_NAME, input)?;
            let w = Window::new(f.timestamp("period_start")?, f.timestamp("period_end")?)?;
            let mut b = new_body(&w);
            b[START] = f.count("customers_start")?;
            b[RETAINED] = f.count("retained")?;
            b[NEW] = f.count("new_customers")?;
            b[REACTIVATED] = f.count("reactivated")?;
            f.finish(input)?;
            Self::validate(&b)?;
            Ok(b)
        };
        parse().map_err(|e| as_text_error::<Self>(input, e))
    }

    fn merge(dst: &mut [u64], src: &[u64]) -> Result<Grow> {
        let w = Window::new(src[PS] as i64, src[PE] as i64)?;
        check_window(dst, &w)?;
        let mut out = [0u64; WORDS];
        out.copy_from_slice(dst);
        for i in START..WORDS {
            add_count(&mut out[i], src[i], Self::TYPE_NAME)?;
        }
        Self::validate(&out)?;
        dst.copy_from_slice(&out);
        Ok(None)
    }
}
