//! Calendar period series: one row per day, week, month, quarter or year.
//!
//! Two summaries share one layout, a table of counters per period:
//!
//! - `period_series` (customer activity): a customer is *active* in a period with an order
//!   in it. For period p: `new` (first order ever in p), `retained` (active in p and p-1),
//!   `reactivated` (active in p, not in p-1, ordered before), `churned` (active in p-1, not
//!   in p); customers at start = active in p-1, at end = active in p; orders, priced orders
//!   and revenue of p.
//! - `mrr_series` (subscription revenue): a customer's MRR in p is the sum of its amounts in
//!   p (0 without rows). From p-1 to p: `new` (first MRR ever), `reactivation` (MRR again
//!   after a gap), `expansion`, `contraction`, `churned` (MRR to 0), and the MRR at the end.
//!
//! Body words:
//!
//! ```text
//! 0 unit | 1 zone length | zone bytes (little-endian, padded to words)
//! h+0 index of slot 0 | h+1 first active period | h+2 last active period
//! h+3 money scale and display scale (`decimal::scale_word`)
//! h+4... one slot of `width` words per period
//! ```
//!
//! A customer active in its last period p counts as churned in p+1, so the table keeps one
//! slot past the last active period; rows are reported for the active range only, and the
//! extra slot matters when series of other customers are rolled up. Period indexes are
//! absolute (see `time::Unit::index_of`), so series merge by index.

use super::words::{add_count, as_text_error, inconsistent, Grow, Kind, Summary};
use super::Customer;
use crate::decimal::{pow10, read_scale_word, scale_word, scale_word_valid, Dec, MAX_DISPLAY};
use crate::error::{invalid, MetricError, Result};
use crate::text::Writer;
use crate::time::Unit;

/// Most periods one series may span (273 years of days).
pub const MAX_PERIODS: i64 = 100_000;
/// Longest time zone name kept (PostgreSQL's TZ_STRLEN_MAX).
pub const MAX_ZONE_LEN: usize = 255;

const UNIT: usize = 0;
const ZONE_LEN: usize = 1;
const ZONE: usize = 2;
const NONE_MIN: u64 = i64::MAX as u64;
const NONE_MAX: u64 = i64::MIN as u64;

/// A counter or money column of a slot.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub offset: usize,
    /// Money is an i128 over two words at the series' scale; counts are one word.
    pub money: bool,
}

pub(crate) const fn count(name: &'static str, offset: usize) -> Field {
    Field {
        name,
        offset,
        money: false,
    }
}
const fn money(name: &'static str, offset: usize) -> Field {
    Field {
        name,
        offset,
        money: true,
    }
}

fn zone_words(len: u64) -> usize {
    (len as usize).div_ceil(8)
}

fn head(b: &[u64]) -> usize {
    ZONE + zone_words(b[ZONE_LEN])
}

/// A new, empty table for a unit and a time zone name.
pub fn new_body(unit: Unit, zone: &str) -> Result<Vec<u64>> {
    let mut b = calendar_header(unit, zone)?;
    b.extend_from_slice(&[0, NONE_MIN, NONE_MAX, 0]);
    Ok(b)
}

/// A time zone name a calendar can hold: 1 to [`MAX_ZONE_LEN`] bytes. The empty name is
/// refused as PostgreSQL refuses it (`time zone "" not recognized`); a longer name is not
/// repeated in the message.
pub fn check_zone_name(zone: &str) -> Result<()> {
    if zone.is_empty() {
        return invalid("time zone \"\" not recognized");
    }
    if zone.len() > MAX_ZONE_LEN {
        return invalid(format!(
            "time zone name is too long: {} bytes, at most {MAX_ZONE_LEN}",
            zone.len()
        ));
    }
    Ok(())
}

/// The words of a calendar header (unit and zone), which every calendar summary starts
/// with.
pub fn calendar_header(unit: Unit, zone: &str) -> Result<Vec<u64>> {
    check_zone_name(zone)?;
    let mut b = vec![unit as u64, zone.len() as u64];
    for chunk in zone.as_bytes().chunks(8) {
        let mut w = [0u8; 8];
        w[..chunk.len()].copy_from_slice(chunk);
        b.push(u64::from_le_bytes(w));
    }
    Ok(b)
}

/// Words taken by the calendar header of a body.
pub fn header_len(b: &[u64]) -> usize {
    head(b)
}

/// [`header_len`] of a body from outside, checked (unit, zone length and text).
pub fn header_len_checked(b: &[u64]) -> Result<usize> {
    if b.len() < ZONE
        || b[ZONE_LEN] as usize > MAX_ZONE_LEN
        || b[ZONE_LEN] == 0
        || b.len() < head(b)
    {
        return Err(inconsistent("bad header"));
    }
    calendar(b)?;
    Ok(head(b))
}

/// The `first_period` field of a calendar summary's text: a local date that starts a
/// period, or null.
pub(crate) fn parse_first_period(f: &mut crate::text::Fields, unit: Unit) -> Result<Option<i64>> {
    match f.nullable_string("first_period")? {
        None => Ok(None),
        Some(s) => {
            let d = chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d")
                .map_err(|_| f.error(format!("first_period \"{s}\" is not a date")))?;
            let i = unit.index_of(d);
            if unit.start_date(i) != Some(d) {
                return Err(f.error(format!(
                    "first_period {s} is not the start of a {}",
                    unit.name()
                )));
            }
            Ok(Some(i))
        }
    }
}

/// The table's unit and zone, checked.
pub fn calendar(b: &[u64]) -> Result<(Unit, String)> {
    let unit = u8::try_from(b[UNIT])
        .ok()
        .and_then(Unit::from_u8)
        .ok_or_else(|| inconsistent("bad unit"))?;
    let len = b[ZONE_LEN] as usize;
    let bytes: Vec<u8> = b[ZONE..ZONE + zone_words(len as u64)]
        .iter()
        .flat_map(|w| w.to_le_bytes())
        .take(len)
        .collect();
    let zone = String::from_utf8(bytes).map_err(|_| inconsistent("zone is not UTF-8"))?;
    Ok((unit, zone))
}

/// Does the table use this unit and zone? (No allocation: it runs on every row.)
#[inline]
pub fn same_calendar(b: &[u64], unit: Unit, zone: &str) -> bool {
    let z = zone.as_bytes();
    b[UNIT] == unit as u64
        && b[ZONE_LEN] == z.len() as u64
        && z.chunks(8).zip(&b[ZONE..]).all(|(chunk, w)| {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            u64::from_le_bytes(buf) == *w
        })
}

/// Every row of one aggregate, and every summary rolled up together, must use one calendar.
pub fn check_calendar(b: &[u64], unit: Unit, zone: &str) -> Result<()> {
    if same_calendar(b, unit, zone) {
        return Ok(());
    }
    let (u, z) = calendar(b)?;
    if u != unit || z != zone {
        return invalid(format!(
            "the calendar changed: {} in {z} then {} in {zone}; all rows of one aggregate (and all summaries rolled up together) must use one granularity and time zone",
            u.name(),
            unit.name()
        ));
    }
    Ok(())
}

/// A table of counters per period, for one slot layout.
pub struct Table {
    pub kind: Kind,
    pub type_name: &'static str,
    pub width: usize,
    pub fields: &'static [Field],
}

pub(crate) struct Head {
    first: i64,
    min: i64,
    max: i64,
    scale: u8,
    display: u16,
    slots: usize,
    at: usize,
}

impl Table {
    pub(crate) fn head(&self, b: &[u64]) -> Head {
        let h = head(b);
        Head {
            first: b[h] as i64,
            min: b[h + 1] as i64,
            max: b[h + 2] as i64,
            scale: read_scale_word(b[h + 3]).0,
            display: read_scale_word(b[h + 3]).1,
            slots: (b.len() - h - 4) / self.width,
            at: h + 4,
        }
    }

    fn is_empty(&self, b: &[u64]) -> bool {
        b[head(b) + 1] == NONE_MIN
    }

    /// The slot of period `index`, or `None` outside the table.
    fn slot<'b>(&self, b: &'b [u64], index: i64) -> Option<&'b [u64]> {
        let h = self.head(b);
        let i = index.checked_sub(h.first)?;
        (0..h.slots as i64)
            .contains(&i)
            .then(|| &b[h.at + i as usize * self.width..h.at + (i as usize + 1) * self.width])
    }

    fn slot_mut<'b>(&self, b: &'b mut [u64], index: i64) -> &'b mut [u64] {
        let h = self.head(b);
        self.slot_of(&h, b, index)
    }

    /// [`Table::slot_mut`] with the head read once: the per-customer loops.
    #[inline]
    pub(crate) fn slot_of<'b>(&self, h: &Head, b: &'b mut [u64], index: i64) -> &'b mut [u64] {
        let i = (index - h.first) as usize;
        &mut b[h.at + i * self.width..h.at + (i + 1) * self.width]
    }

    /// A copy of `b` whose slots cover `lo..=hi` (and what `b` covers), or `None` when `b`
    /// already does. Capacity at least doubles, so growth is amortised.
    pub fn ensure_range(&self, b: &[u64], lo: i64, hi: i64) -> Result<Grow> {
        let h = self.head(b);
        if h.slots > 0 && lo >= h.first && hi < h.first + h.slots as i64 {
            return Ok(None);
        }
        let (nlo, nhi) = if h.slots == 0 {
            (lo, hi)
        } else {
            (lo.min(h.first), hi.max(h.first + h.slots as i64 - 1))
        };
        let span = nhi - nlo + 1;
        if span > MAX_PERIODS + 1 {
            let (what, hint) = match self.kind {
                Kind::Activity => ("days", ""),
                _ => ("periods", ": use a coarser granularity"),
            };
            return Err(MetricError::LimitExceeded(format!(
                "{} would span {span} {what}; at most {MAX_PERIODS} are supported{hint}",
                self.type_name
            )));
        }
        let cap = span.max(2 * h.slots as i64).min(MAX_PERIODS + 1).max(span);
        // Grow towards the side that needed it.
        let first = if h.slots > 0 && lo < h.first {
            nhi - cap + 1
        } else {
            nlo
        };
        let mut out = b[..h.at].to_vec();
        out[h.at - 4] = first as u64;
        out.resize(h.at + cap as usize * self.width, 0);
        if h.slots > 0 {
            let shift = (h.first - first) as usize * self.width;
            out[h.at + shift..h.at + shift + h.slots * self.width].copy_from_slice(&b[h.at..]);
        }
        Ok(Some(out))
    }

    /// Raise the money scale of every slot to `scale` and the display scale to `display`.
    fn rescale(&self, b: &mut [u64], scale: u8, display: u16) -> Result<()> {
        let h = self.head(b);
        if scale <= h.scale && display <= h.display {
            return Ok(());
        }
        b[h.at - 1] = scale_word(h.scale, h.display.max(display));
        if scale <= h.scale {
            return Ok(());
        }
        let f = pow10((scale - h.scale) as u32).expect("scale <= 30");
        for s in 0..h.slots {
            for fld in self.fields.iter().filter(|f| f.money) {
                let at = h.at + s * self.width + fld.offset;
                let v = read_i128(&b[at..])
                    .checked_mul(f)
                    .ok_or_else(|| crate::decimal::overflow(fld.name))?;
                write_i128(&mut b[at..], v);
            }
        }
        b[h.at - 1] = scale_word(scale, h.display.max(display));
        Ok(())
    }

    pub(crate) fn note_active(&self, b: &mut [u64], lo: i64, hi: i64) {
        let h = head(b);
        b[h + 1] = (b[h + 1] as i64).min(lo) as u64;
        b[h + 2] = (b[h + 2] as i64).max(hi) as u64;
    }

    /// The first and last active period, if any.
    pub fn active_range(&self, b: &[u64]) -> Option<(i64, i64)> {
        let h = self.head(b);
        (!self.is_empty(b)).then_some((h.min, h.max))
    }

    pub fn scale(&self, b: &[u64]) -> u8 {
        self.head(b).scale
    }

    /// Counter `offset` of period `index` (0 outside the table).
    pub fn count(&self, b: &[u64], index: i64, offset: usize) -> u64 {
        self.slot(b, index).map_or(0, |s| s[offset])
    }

    /// Money column `offset` of period `index` at the table's scale (0 outside).
    pub fn money(&self, b: &[u64], index: i64, offset: usize) -> Dec {
        let h = self.head(b);
        Dec::new(
            self.slot(b, index).map_or(0, |s| read_i128(&s[offset..])),
            h.scale,
        )
        .with_display(h.display)
    }

    /// Add `src` into `dst`: same calendar, slots added, scales aligned.
    pub fn merge(&self, dst: &mut [u64], src: &[u64]) -> Result<Grow> {
        let (unit, zone) = calendar(src)?;
        check_calendar(dst, unit, &zone)?;
        let Some((lo, hi)) = self.active_range(src) else {
            return Ok(None);
        };
        if let Some(grown) = self.ensure_range(dst, lo, hi + 1)? {
            return Ok(Some(grown));
        }
        let (src_scale, src_display) = (self.head(src).scale, self.head(src).display);
        self.rescale(dst, src_scale, src_display)?;
        let f = pow10((self.scale(dst) - src_scale) as u32).expect("scale <= 30");
        for index in lo..=hi + 1 {
            let from: Vec<u64> = self
                .slot(src, index)
                .map(|s| s.to_vec())
                .unwrap_or_else(|| vec![0; self.width]);
            let to = self.slot_mut(dst, index);
            for fld in self.fields {
                if fld.money {
                    let v = read_i128(&from[fld.offset..])
                        .checked_mul(f)
                        .and_then(|v| v.checked_add(read_i128(&to[fld.offset..])))
                        .ok_or_else(|| crate::decimal::overflow(fld.name))?;
                    write_i128(&mut to[fld.offset..], v);
                } else {
                    add_count(&mut to[fld.offset], from[fld.offset], self.type_name)?;
                }
            }
        }
        self.note_active(dst, lo, hi);
        Ok(None)
    }

    /// The text form: calendar, first period (a local date), scale, then one list per
    /// column over the active periods and the one after.
    pub fn to_text(&self, b: &[u64]) -> String {
        let (unit, zone) = calendar(b).expect("validated");
        let mut w = Writer::new(super::words::VERSION);
        w.string("unit", unit.name()).string("zone", &zone);
        let range = self.active_range(b);
        match range {
            Some((lo, _)) => {
                let date = unit.start_date(lo).expect("validated index");
                w.string("first_period", &date.format("%Y-%m-%d").to_string())
            }
            None => w.null("first_period"),
        };
        w.int("scale", self.head(b).display);
        let indexes: Vec<i64> = range.map_or(vec![], |(lo, hi)| (lo..=hi + 1).collect());
        for fld in self.fields {
            if fld.money {
                w.list(fld.name, indexes.iter(), |o, &i| {
                    o.push_str(&self.money(b, i, fld.offset).to_string())
                });
            } else {
                w.counts(
                    fld.name,
                    indexes.iter().map(|&i| self.count(b, i, fld.offset)),
                );
            }
        }
        w.finish()
    }

    pub fn from_text(&self, input: &str, validate: fn(&[u64]) -> Result<()>) -> Result<Vec<u64>> {
        let parse = || -> Result<Vec<u64>> {
            let mut f = super::words::fields(self.type_name, input)?;
            let unit = Unit::parse(&f.string("unit")?)?;
            let zone = f.string("zone")?;
            let mut b = new_body(unit, &zone)?;
            let first = parse_first_period(&mut f, unit)?;
            // The written scale is the display scale; mantissas take the fewest decimals.
            let display = f.int("scale", input)?;
            if !(0..=MAX_DISPLAY as i64).contains(&display) {
                return Err(f.error(format!("scale {display} is out of range")));
            }
            let display = display as u16;
            let mut decimals: Vec<Vec<Dec>> = Vec::new();
            let mut columns: Vec<Vec<i128>> = Vec::new();
            for fld in self.fields {
                let col: Vec<i128> = if fld.money {
                    f.decimals(fld.name)?
                        .into_iter()
                        .map(|d| {
                            let d = d.ok_or_else(|| {
                                f.error(format!("{}: null is not an amount", fld.name))
                            })?;
                            if d.display > display {
                                return Err(f.error(format!(
                                    "{}: {d} has more decimal places than the scale",
                                    fld.name
                                )));
                            }
                            Ok(d)
                        })
                        .collect::<Result<Vec<Dec>>>()
                        .map(|ds| {
                            decimals.push(ds);
                            Vec::new()
                        })?
                } else {
                    f.counts(fld.name)?.into_iter().map(|c| c as i128).collect()
                };
                columns.push(col);
            }
            f.finish(input)?;
            // Money columns at one scale: the finest any amount needs.
            let scale = decimals
                .iter()
                .flatten()
                .map(|d| d.scale)
                .max()
                .unwrap_or(0);
            let mut money = decimals.into_iter();
            for (fld, col) in self.fields.iter().zip(columns.iter_mut()) {
                if fld.money {
                    *col = money
                        .next()
                        .expect("one list per money column")
                        .into_iter()
                        .map(|d| {
                            d.mantissa_at(scale)
                                .ok_or_else(|| crate::decimal::overflow(fld.name))
                        })
                        .collect::<Result<_>>()?;
                }
            }
            let n = columns[0].len();
            if columns.iter().any(|c| c.len() != n) {
                return Err(inconsistent("all columns must have the same length"));
            }
            let h = head(&b);
            b[h + 3] = scale_word(scale, display);
            match first {
                None if n == 0 => {}
                Some(lo) if n >= 2 && (n as i64) <= MAX_PERIODS + 1 => {
                    let hi = lo + n as i64 - 2;
                    b = self
                        .ensure_range(&b, lo, hi + 1)?
                        .expect("empty table grows");
                    for (k, index) in (lo..=hi + 1).enumerate() {
                        let slot = self.slot_mut(&mut b, index);
                        for (fld, col) in self.fields.iter().zip(&columns) {
                            if fld.money {
                                write_i128(&mut slot[fld.offset..], col[k]);
                            } else {
                                slot[fld.offset] = col[k] as u64;
                            }
                        }
                    }
                    self.note_active(&mut b, lo, hi);
                }
                _ => return Err(inconsistent("first_period and the column lengths disagree")),
            }
            validate(&b)?;
            Ok(b)
        };
        parse().map_err(|e| match e {
            MetricError::InvalidText(_) | MetricError::OutOfRange(_) => e,
            other => crate::text::text_error(self.type_name, input, other.message()),
        })
    }

    /// Structural checks shared by both kinds; `rows` then checks each kind's arithmetic.
    pub(crate) fn validate_layout(&self, b: &[u64]) -> Result<()> {
        let h = header_len_checked(b)?;
        if b.len() < h + 4 || !(b.len() - h - 4).is_multiple_of(self.width) {
            return Err(inconsistent("wrong length"));
        }
        calendar(b)?;
        let hd = self.head(b);
        if !scale_word_valid(b[h + 3]) || hd.slots as i64 > MAX_PERIODS + 1 {
            return Err(inconsistent("bad scale or size"));
        }
        let unit = calendar(b)?.0;
        match self.active_range(b) {
            None => {
                if b[h + 2] != NONE_MAX || b[hd.at..].iter().any(|w| *w != 0) {
                    return Err(inconsistent("an empty series has counts"));
                }
            }
            Some((lo, hi)) => {
                let inside = lo <= hi
                    && lo >= hd.first
                    && hi
                        .checked_add(1)
                        .is_some_and(|e| e < hd.first + hd.slots as i64)
                    && unit.start_date(lo).is_some()
                    && unit.start_date(hi + 1).is_some();
                if !inside {
                    return Err(inconsistent("active range outside the table"));
                }
                for s in 0..hd.slots {
                    let index = hd.first + s as i64;
                    if (index < lo || index > hi + 1)
                        && b[hd.at + s * self.width..hd.at + (s + 1) * self.width]
                            .iter()
                            .any(|w| *w != 0)
                    {
                        return Err(inconsistent("counts outside the active range"));
                    }
                }
            }
        }
        Ok(())
    }
}

pub(crate) fn read_i128(w: &[u64]) -> i128 {
    ((w[1] as u128) << 64 | w[0] as u128) as i128
}

pub(crate) fn write_i128(w: &mut [u64], v: i128) {
    w[0] = v as u128 as u64;
    w[1] = ((v as u128) >> 64) as u64;
}

/// A customer's orders grouped by period: (period index, orders, priced orders, sum of the
/// known amounts at the customer's scale).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    pub index: i64,
    pub orders: u64,
    pub priced: u64,
    pub amount: i128,
}

/// Group sorted orders into runs of one period each, `locate` giving a time's period.
pub fn runs(c: &Customer<'_>, locate: &mut dyn FnMut(i64) -> Result<i64>) -> Result<Vec<Run>> {
    let mut out: Vec<Run> = Vec::new();
    for o in c.orders {
        let index = locate(o.ts)?;
        let amount = if o.priced() { o.amount as i128 } else { 0 };
        match out.last_mut() {
            Some(r) if r.index == index => {
                r.orders += 1;
                r.priced += o.priced() as u64;
                r.amount += amount; // < 2^32 orders x 2^64: fits
            }
            _ => out.push(Run {
                index,
                orders: 1,
                priced: o.priced() as u64,
                amount,
            }),
        }
    }
    Ok(out)
}

// --- period_series -----------------------------------------------------------------------

const NEW: usize = 0;
const RETAINED: usize = 1;
const REACTIVATED: usize = 2;
const CHURNED: usize = 3;
const ORDERS: usize = 4;
const PRICED: usize = 5;
const REVENUE: usize = 6;

pub const ACTIVITY: Table = Table {
    kind: Kind::Series,
    type_name: "period_series",
    width: 8,
    fields: &[
        count("new_customers", NEW),
        count("retained", RETAINED),
        count("reactivated", REACTIVATED),
        count("churned", CHURNED),
        count("orders", ORDERS),
        count("priced_orders", PRICED),
        money("revenue", REVENUE),
    ],
};

/// What one customer is in one period, the classes `period_series` counts (docs/orders.md,
/// "What the words mean"): active in the period and `New` (its first order ever there),
/// `Retained` (active in the period before too) or `Reactivated` (not active the period
/// before, ordered earlier); or not active and `Churned` (active the period before) or
/// `Inactive` (neither: before the first order, or a later period after a churn). Exactly
/// one applies to every customer in every period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    New,
    Retained,
    Reactivated,
    Churned,
    Inactive,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::New,
        Status::Retained,
        Status::Reactivated,
        Status::Churned,
        Status::Inactive,
    ];

    /// The name the SQL functions return, a fixed set of five lowercase words.
    pub fn name(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Retained => "retained",
            Status::Reactivated => "reactivated",
            Status::Churned => "churned",
            Status::Inactive => "inactive",
        }
    }
}

/// The rule of [`add_activity`]: the status of a customer in the period of its run `k`
/// (one of its runs, sorted by period), and whether it churns in the period after that
/// run (no run there).
pub fn run_status(runs: &[Run], k: usize) -> (Status, bool) {
    let index = runs[k].index;
    let contiguous_before = k > 0 && runs[k - 1].index == index - 1;
    let contiguous_after = k + 1 < runs.len() && runs[k + 1].index == index + 1;
    let status = if k == 0 {
        Status::New
    } else if contiguous_before {
        Status::Retained
    } else {
        Status::Reactivated
    };
    (status, !contiguous_after)
}

/// The status of a customer in period `index`, from its runs (as [`runs`] makes them).
pub fn status_at(runs: &[Run], index: i64) -> Status {
    match runs.binary_search_by_key(&index, |r| r.index) {
        Ok(k) => run_status(runs, k).0,
        Err(k) if k > 0 && runs[k - 1].index == index - 1 && run_status(runs, k - 1).1 => {
            Status::Churned
        }
        Err(_) => Status::Inactive,
    }
}

/// The status of a customer in every period from its first order's to the one after its
/// last (where it churns): the periods in which `period_series` counts it, and the
/// inactive ones between. Error 54000 beyond [`MAX_PERIODS`], as `period_series`.
pub fn statuses(runs: &[Run]) -> Result<Vec<(i64, Status)>> {
    let (Some(first), Some(last)) = (runs.first(), runs.last()) else {
        return Ok(vec![]);
    };
    let span = last.index - first.index + 2;
    if span > MAX_PERIODS + 1 {
        return Err(MetricError::LimitExceeded(format!(
            "the customer's periods would span {span} periods; at most {MAX_PERIODS} are supported: use a coarser granularity"
        )));
    }
    Ok((first.index..=last.index + 1)
        .map(|i| (i, status_at(runs, i)))
        .collect())
}

/// Count one customer's activity. On `Some(grown)`, nothing was changed: retry on it.
pub fn add_activity(
    b: &mut [u64],
    c: &Customer<'_>,
    locate: &mut dyn FnMut(i64) -> Result<i64>,
) -> Result<Grow> {
    add_activity_runs(b, &runs(c, locate)?, c.scale, c.display)
}

/// [`add_activity`] of a customer given by its runs (at least one), their amounts at
/// `scale`, shown with `display` decimals.
pub fn add_activity_runs(b: &mut [u64], runs: &[Run], scale: u8, display: u16) -> Result<Grow> {
    let t = &ACTIVITY;
    let (lo, hi) = (runs[0].index, runs[runs.len() - 1].index);
    if let Some(grown) = t.ensure_range(b, lo, hi + 1)? {
        return Ok(Some(grown));
    }
    t.rescale(b, scale, display)?;
    let h = t.head(b);
    let f = pow10((h.scale - scale) as u32).expect("scale <= 30");
    let what = t.type_name;
    for (k, r) in runs.iter().enumerate() {
        let (status, churns_after) = run_status(runs, k);
        let s = t.slot_of(&h, b, r.index);
        let class = match status {
            Status::New => NEW,
            Status::Retained => RETAINED,
            _ => REACTIVATED,
        };
        add_count(&mut s[class], 1, what)?;
        add_count(&mut s[ORDERS], r.orders, what)?;
        add_count(&mut s[PRICED], r.priced, what)?;
        let rev = r
            .amount
            .checked_mul(f)
            .and_then(|a| a.checked_add(read_i128(&s[REVENUE..])))
            .ok_or_else(|| crate::decimal::overflow("revenue"))?;
        write_i128(&mut s[REVENUE..], rev);
        if churns_after {
            add_count(&mut t.slot_of(&h, b, r.index + 1)[CHURNED], 1, what)?;
        }
    }
    t.note_active(b, lo, hi);
    Ok(None)
}

/// One row of `period_series(...)`.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityRow {
    pub index: i64,
    pub customers_start: u64,
    pub new_customers: u64,
    pub retained: u64,
    pub reactivated: u64,
    pub churned: u64,
    pub customers_end: u64,
    pub orders: u64,
    pub priced_orders: u64,
    pub revenue: Dec,
}

fn share(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

impl ActivityRow {
    pub fn retention_rate(&self) -> Option<f64> {
        share(self.retained, self.customers_start)
    }
    pub fn churn_rate(&self) -> Option<f64> {
        share(self.churned, self.customers_start)
    }
    /// The classic CRR = (E - N) / S. Above 1 when reactivated customers outnumber the
    /// churned ones: it counts them as retained.
    pub fn crr(&self) -> Option<f64> {
        share(
            self.customers_end - self.new_customers,
            self.customers_start,
        )
    }
    pub fn returning_customer_rate(&self) -> Option<f64> {
        share(self.retained + self.reactivated, self.customers_end)
    }
    pub fn orders_per_customer(&self) -> Option<f64> {
        share(self.orders, self.customers_end)
    }
}

/// The active customers of period `index`, in u128: three u64 counts can exceed u64, and
/// outside input (text, binary receive) is checked with this before it is trusted.
fn active_wide(b: &[u64], index: i64) -> u128 {
    let t = &ACTIVITY;
    [NEW, RETAINED, REACTIVATED]
        .iter()
        .map(|&at| t.count(b, index, at) as u128)
        .sum()
}

/// The active customers of period `index` of a valid summary, where they are at most the
/// period's orders (validate checks it), so the sum fits in u64.
fn active(b: &[u64], index: i64) -> u64 {
    active_wide(b, index) as u64
}

/// The rows of the active range, first to last period.
pub fn activity_rows(b: &[u64]) -> Vec<ActivityRow> {
    let t = &ACTIVITY;
    let Some((lo, hi)) = t.active_range(b) else {
        return vec![];
    };
    (lo..=hi)
        .map(|i| ActivityRow {
            index: i,
            customers_start: active(b, i - 1),
            new_customers: t.count(b, i, NEW),
            retained: t.count(b, i, RETAINED),
            reactivated: t.count(b, i, REACTIVATED),
            churned: t.count(b, i, CHURNED),
            customers_end: active(b, i),
            orders: t.count(b, i, ORDERS),
            priced_orders: t.count(b, i, PRICED),
            revenue: t.money(b, i, REVENUE),
        })
        .collect()
}

pub struct Activity;

impl Summary for Activity {
    const KIND: Kind = Kind::Series;
    const TYPE_NAME: &'static str = "period_series";

    fn validate(b: &[u64]) -> Result<()> {
        let t = &ACTIVITY;
        t.validate_layout(b)?;
        if let Some((lo, hi)) = t.active_range(b) {
            for i in lo..=hi + 1 {
                let start = active_wide(b, i - 1);
                let (ret, ch) = (
                    t.count(b, i, RETAINED) as u128,
                    t.count(b, i, CHURNED) as u128,
                );
                let money_ok = !t.money(b, i, REVENUE).is_negative();
                let now = active_wide(b, i);
                let counts_ok = t.count(b, i, PRICED) <= t.count(b, i, ORDERS)
                    && now <= t.count(b, i, ORDERS) as u128
                    && (i > hi || now > 0 || t.count(b, i, ORDERS) == 0);
                if ret + ch != start || !money_ok || !counts_ok || (i == hi + 1 && now != 0) {
                    return Err(inconsistent(format!(
                        "period {} does not add up",
                        i - lo + 1
                    )));
                }
            }
            if active(b, lo) == 0 || active(b, hi) == 0 {
                return Err(inconsistent(
                    "the first and last periods must have active customers",
                ));
            }
        }
        Ok(())
    }
    fn to_text(b: &[u64]) -> String {
        ACTIVITY.to_text(b)
    }
    fn from_text(input: &str) -> Result<Vec<u64>> {
        ACTIVITY
            .from_text(input, Self::validate)
            .map_err(|e| as_text_error::<Self>(input, e))
    }
    fn merge(dst: &mut [u64], src: &[u64]) -> Result<Grow> {
        ACTIVITY.merge(dst, src)
    }
    fn compact(b: &[u64]) -> Option<Vec<u64>> {
        compact(&ACTIVITY, b)
    }
}

// --- mrr_series ----------------------------------------------------------------------------

const M_NEW: usize = 0;
const M_REACT: usize = 2;
const M_EXP: usize = 4;
const M_CONTR: usize = 6;
const M_CHURN: usize = 8;
const M_END: usize = 10;
const C_NEW: usize = 12;
const C_REACT: usize = 13;
const C_EXP: usize = 14;
const C_CONTR: usize = 15;
const C_CHURN: usize = 16;
const C_END: usize = 17;

pub const MRR: Table = Table {
    kind: Kind::MrrSeries,
    type_name: "mrr_series",
    width: 18,
    fields: &[
        money("new", M_NEW),
        money("reactivation", M_REACT),
        money("expansion", M_EXP),
        money("contraction", M_CONTR),
        money("churned", M_CHURN),
        money("mrr_end", M_END),
        count("new_customers", C_NEW),
        count("reactivated_customers", C_REACT),
        count("expanded_customers", C_EXP),
        count("contracted_customers", C_CONTR),
        count("churned_customers", C_CHURN),
        count("customers_end", C_END),
    ],
};

fn add_money(s: &mut [u64], at: usize, v: i128) -> Result<()> {
    let sum = read_i128(&s[at..])
        .checked_add(v)
        .ok_or_else(|| crate::decimal::overflow("MRR"))?;
    write_i128(&mut s[at..], sum);
    Ok(())
}

/// Count one customer's MRR movements: its MRR in a period is the sum of its amounts there.
pub fn add_mrr(
    b: &mut [u64],
    c: &Customer<'_>,
    locate: &mut dyn FnMut(i64) -> Result<i64>,
) -> Result<Grow> {
    add_mrr_runs(b, &runs(c, locate)?, c.scale, c.display)
}

/// [`add_mrr`] of a customer given by its runs, their amounts at `scale`, shown with
/// `display` decimals.
pub fn add_mrr_runs(b: &mut [u64], runs: &[Run], scale: u8, display: u16) -> Result<Grow> {
    let t = &MRR;
    let runs: Vec<Run> = runs.iter().copied().filter(|r| r.amount > 0).collect();
    let (Some(first), Some(last)) = (runs.first(), runs.last()) else {
        return Ok(None); // never had MRR
    };
    let (lo, hi) = (first.index, last.index);
    if let Some(grown) = t.ensure_range(b, lo, hi + 1)? {
        return Ok(Some(grown));
    }
    t.rescale(b, scale, display)?;
    let h = t.head(b);
    let f = pow10((h.scale - scale) as u32).expect("scale <= 30");
    let what = t.type_name;
    let scaled = |v: i128| {
        v.checked_mul(f)
            .ok_or_else(|| crate::decimal::overflow("MRR"))
    };
    for (k, r) in runs.iter().enumerate() {
        let v = scaled(r.amount)?;
        let prev = match k {
            0 => 0,
            _ if runs[k - 1].index == r.index - 1 => scaled(runs[k - 1].amount)?,
            _ => 0,
        };
        let s = t.slot_of(&h, b, r.index);
        if prev == 0 {
            let (m, c) = if k == 0 {
                (M_NEW, C_NEW)
            } else {
                (M_REACT, C_REACT)
            };
            add_money(s, m, v)?;
            add_count(&mut s[c], 1, what)?;
        } else if v > prev {
            add_money(s, M_EXP, v - prev)?;
            add_count(&mut s[C_EXP], 1, what)?;
        } else if v < prev {
            add_money(s, M_CONTR, prev - v)?;
            add_count(&mut s[C_CONTR], 1, what)?;
        }
        add_money(s, M_END, v)?;
        add_count(&mut s[C_END], 1, what)?;
        if !(k + 1 < runs.len() && runs[k + 1].index == r.index + 1) {
            let n = t.slot_of(&h, b, r.index + 1);
            add_money(n, M_CHURN, v)?;
            add_count(&mut n[C_CHURN], 1, what)?;
        }
    }
    t.note_active(b, lo, hi);
    Ok(None)
}

/// One row of `mrr_series(...)`: movements from the previous period into this one.
#[derive(Debug, Clone, PartialEq)]
pub struct MrrRow {
    pub index: i64,
    pub mrr_start: Dec,
    pub new: Dec,
    pub reactivation: Dec,
    pub expansion: Dec,
    pub contraction: Dec,
    pub churned: Dec,
    pub mrr_end: Dec,
    pub customers_start: u64,
    pub new_customers: u64,
    pub reactivated_customers: u64,
    pub expanded_customers: u64,
    pub contracted_customers: u64,
    pub churned_customers: u64,
    pub customers_end: u64,
}

impl MrrRow {
    fn of_start(&self, part: Dec) -> Option<f64> {
        (self.mrr_start.m > 0).then(|| part.to_f64() / self.mrr_start.to_f64())
    }
    fn sum(parts: &[Dec]) -> Dec {
        // All parts share one scale and are bounded by validated sums.
        Dec::new(parts.iter().map(|d| d.m).sum(), parts[0].scale).with_display(parts[0].display)
    }
    pub fn revenue_churn(&self) -> Option<f64> {
        self.of_start(self.churned)
    }
    pub fn gross_mrr_churn(&self) -> Option<f64> {
        self.of_start(Self::sum(&[self.churned, self.contraction]))
    }
    pub fn net_mrr_churn(&self) -> Option<f64> {
        self.of_start(Self::sum(&[
            self.churned,
            self.contraction,
            Dec::new(-self.expansion.m, self.expansion.scale),
        ]))
    }
    pub fn net_revenue_retention(&self) -> Option<f64> {
        self.net_mrr_churn().map(|c| 1.0 - c)
    }
    pub fn gross_revenue_retention(&self) -> Option<f64> {
        self.gross_mrr_churn().map(|c| 1.0 - c)
    }
    /// (new + reactivation + expansion) / (contraction + churned).
    pub fn quick_ratio(&self) -> Option<f64> {
        let lost = Self::sum(&[self.churned, self.contraction]);
        (lost.m > 0).then(|| {
            Self::sum(&[self.new, self.reactivation, self.expansion]).to_f64() / lost.to_f64()
        })
    }
}

pub fn mrr_rows(b: &[u64]) -> Vec<MrrRow> {
    let t = &MRR;
    let Some((lo, hi)) = t.active_range(b) else {
        return vec![];
    };
    (lo..=hi)
        .map(|i| MrrRow {
            index: i,
            mrr_start: t.money(b, i - 1, M_END),
            new: t.money(b, i, M_NEW),
            reactivation: t.money(b, i, M_REACT),
            expansion: t.money(b, i, M_EXP),
            contraction: t.money(b, i, M_CONTR),
            churned: t.money(b, i, M_CHURN),
            mrr_end: t.money(b, i, M_END),
            customers_start: t.count(b, i - 1, C_END),
            new_customers: t.count(b, i, C_NEW),
            reactivated_customers: t.count(b, i, C_REACT),
            expanded_customers: t.count(b, i, C_EXP),
            contracted_customers: t.count(b, i, C_CONTR),
            churned_customers: t.count(b, i, C_CHURN),
            customers_end: t.count(b, i, C_END),
        })
        .collect()
}

pub struct MrrSeries;

impl Summary for MrrSeries {
    const KIND: Kind = Kind::MrrSeries;
    const TYPE_NAME: &'static str = "mrr_series";

    fn validate(b: &[u64]) -> Result<()> {
        let t = &MRR;
        t.validate_layout(b)?;
        if let Some((lo, hi)) = t.active_range(b) {
            for i in lo..=hi + 1 {
                let m = |at| t.money(b, i, at).m;
                let c = |at| t.count(b, i, at) as i128;
                let (start, cstart) =
                    (t.money(b, i - 1, M_END).m, t.count(b, i - 1, C_END) as i128);
                let parts = [M_NEW, M_REACT, M_EXP, M_CONTR, M_CHURN, M_END].map(m);
                let money_ok = parts.iter().all(|v| *v >= 0)
                    && super::words::amounts_add_up(
                        &[start, parts[0], parts[1], parts[2]],
                        &[parts[3], parts[4]],
                        parts[5],
                    );
                let counts_ok = cstart + c(C_NEW) + c(C_REACT) - c(C_CHURN) == c(C_END)
                    && c(C_EXP) + c(C_CONTR) + c(C_CHURN) <= cstart
                    && c(C_END) >= c(C_EXP) + c(C_CONTR)
                    && (parts[5] > 0) == (c(C_END) > 0);
                if !money_ok || !counts_ok {
                    return Err(inconsistent(format!(
                        "period {} does not add up",
                        i - lo + 1
                    )));
                }
            }
            if t.count(b, lo, C_END) == 0 || t.count(b, hi, C_END) == 0 {
                return Err(inconsistent("the first and last periods must have MRR"));
            }
        }
        Ok(())
    }
    fn to_text(b: &[u64]) -> String {
        MRR.to_text(b)
    }
    fn from_text(input: &str) -> Result<Vec<u64>> {
        MRR.from_text(input, Self::validate)
            .map_err(|e| as_text_error::<Self>(input, e))
    }
    fn merge(dst: &mut [u64], src: &[u64]) -> Result<Grow> {
        MRR.merge(dst, src)
    }
    fn compact(b: &[u64]) -> Option<Vec<u64>> {
        compact(&MRR, b)
    }
}

/// The slack-free copy of a table body (final values are stored): slots of the active
/// range and the one after.
pub fn compact(t: &Table, b: &[u64]) -> Option<Vec<u64>> {
    let h = t.head(b);
    let (lo, hi) = match t.active_range(b) {
        Some(r) => r,
        None => {
            return (h.slots > 0).then(|| {
                let mut out = b[..h.at].to_vec();
                out[h.at - 4] = 0;
                out
            })
        }
    };
    if h.first == lo && h.slots as i64 == hi - lo + 2 {
        return None;
    }
    let mut out = b[..h.at].to_vec();
    out[h.at - 4] = lo as u64;
    let from = h.at + (lo - h.first) as usize * t.width;
    out.extend_from_slice(&b[from..from + (hi - lo + 2) as usize * t.width]);
    Some(out)
}
