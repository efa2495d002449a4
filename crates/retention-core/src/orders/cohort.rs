//! Cohort tables (`cohort_summary`): customers grouped by the calendar period of their first
//! order (first-time cohorts) or by every period with an order (recurring cohorts), and for
//! each cohort and each later period how many of them ordered, what they spent, and how many
//! had their last order there.
//!
//! From those cells every retention definition of the analytics products follows:
//!
//! - "on" (N-day / N-month retention, Amplitude's and Mixpanel's default): active in period
//!   N after the cohort period, over the cohort size;
//! - "on or after" (unbounded retention): active in period N *or later*: the customers
//!   whose last active period is N or later, a suffix sum of the last-period counts;
//! - brackets: active in any period of a user-defined range of offsets, which needs each
//!   customer's set of periods and so is counted when the aggregate runs (its `brackets`
//!   argument);
//! - revenue retention: the cohort's revenue in period N over its revenue in period 0, and
//!   cumulative revenue per customer (LTV curves).
//!
//! Matured denominators (a cohort counts for period N only once period N has ended before
//! the as-of time) are applied when reading, with the calendar.
//!
//! Body words: the calendar header of `series` (unit, zone), then
//!
//! ```text
//! h+0 recurring (0/1) | h+1 index of the first cohort | h+2 side n of the grid
//! h+3 money scale word | h+4 number of bracket bounds m | h+5.. m bracket bounds (offsets)
//! then n x n cells of CELL words, row = cohort, column = period (absolute, first..first+n)
//! then n x (m - 1) bracket cells of one word
//! ```
//!
//! Cells with period < cohort are zero. The grid holds at most [`MAX_CELLS`] cells.

use super::series::{self, read_i128, write_i128, Run};
use super::words::{add_count, as_text_error, inconsistent, Grow, Kind, Summary};
use super::Customer;
use crate::decimal::{pow10, read_scale_word, scale_word, scale_word_valid, Dec, MAX_DISPLAY};
use crate::error::{invalid, MetricError, Result};
use crate::text::Writer;
use crate::time::Unit;

/// Most cells of a grid (n x n): 1,414 periods a side, 48 bytes each at most 96 MiB.
pub const MAX_CELLS: usize = 2_000_000;
/// Most bracket bounds.
pub const MAX_BRACKETS: usize = 64;

const ACTIVE: usize = 0;
const ORDERS: usize = 1;
const PRICED: usize = 2;
const REVENUE: usize = 3; // 2 words
const LAST: usize = 5;
const CELL: usize = 6;

struct Head {
    at: usize,
    recurring: bool,
    first: i64,
    n: usize,
    scale: u8,
    display: u16,
    brackets: Vec<i64>,
    cells: usize,
    bracket_cells: usize,
}

fn head(b: &[u64]) -> Head {
    let h = series::header_len(b);
    let m = b[h + 4] as usize;
    let n = b[h + 2] as usize;
    let (scale, display) = read_scale_word(b[h + 3]);
    let cells = h + 5 + m;
    Head {
        at: h,
        recurring: b[h] == 1,
        first: b[h + 1] as i64,
        n,
        scale,
        display,
        brackets: b[h + 5..h + 5 + m].iter().map(|w| *w as i64).collect(),
        cells,
        bracket_cells: cells + n * n * CELL,
    }
}

/// A new, empty cohort table.
pub fn new_body(unit: Unit, zone: &str, recurring: bool, brackets: &[i64]) -> Result<Vec<u64>> {
    check_brackets(brackets)?;
    let mut b = series::calendar_header(unit, zone)?;
    b.extend_from_slice(&[recurring as u64, 0, 0, 0, brackets.len() as u64]);
    b.extend(brackets.iter().map(|x| *x as u64));
    Ok(b)
}

/// Whether a table was made with these bracket bounds: every row of one aggregate must give
/// the same ones.
pub fn check_same_brackets(b: &[u64], brackets: &[i64]) -> Result<()> {
    let h = series::header_len(b);
    let m = b[h + 4] as usize;
    let had = b[h + 5..h + 5 + m].iter().map(|w| *w as i64);
    if had.clone().eq(brackets.iter().copied()) {
        return Ok(());
    }
    let had: Vec<i64> = had.collect();
    invalid(format!(
        "the brackets changed within a group: {had:?} then {brackets:?}; all rows of one aggregate must give the same brackets"
    ))
}

/// Bracket bounds: offsets from 1 up, strictly increasing; bracket j is [b_j, b_j+1).
pub fn check_brackets(brackets: &[i64]) -> Result<()> {
    if brackets.len() == 1 || brackets.len() > MAX_BRACKETS {
        return invalid(format!(
            "brackets must have 2 to {MAX_BRACKETS} bounds (bracket j runs from bound j to just before bound j + 1), got {}",
            brackets.len()
        ));
    }
    if brackets.first().is_some_and(|b| *b < 1) || brackets.windows(2).any(|w| w[0] >= w[1]) {
        return invalid(format!(
            "bracket bounds {brackets:?} must be increasing offsets of at least 1 (the cohort's own period is offset 0)"
        ));
    }
    Ok(())
}

fn cell_at(h: &Head, cohort: i64, period: i64) -> Option<usize> {
    let (ci, pi) = (cohort.checked_sub(h.first)?, period.checked_sub(h.first)?);
    let n = h.n as i64;
    ((0..n).contains(&ci) && (0..n).contains(&pi))
        .then(|| h.cells + (ci as usize * h.n + pi as usize) * CELL)
}

/// A copy of `b` whose grid covers periods `lo..=hi` (and what it covers), or `None`.
fn ensure_range(b: &[u64], lo: i64, hi: i64) -> Result<Grow> {
    let h = head(b);
    let last = h.first + h.n as i64 - 1;
    if h.n > 0 && lo >= h.first && hi <= last {
        return Ok(None);
    }
    let (nlo, nhi) = if h.n == 0 {
        (lo, hi)
    } else {
        (lo.min(h.first), hi.max(last))
    };
    let span = (nhi - nlo + 1) as usize;
    // Grow by at least half, towards the side that needed it.
    let n = span.max(h.n + h.n / 2);
    if n.saturating_mul(n) > MAX_CELLS && span.saturating_mul(span) > MAX_CELLS {
        return Err(MetricError::LimitExceeded(format!(
                "cohort_summary would need {span} x {span} cells; at most {MAX_CELLS} are supported: use a coarser granularity"
            )));
    }
    let n = if n.saturating_mul(n) > MAX_CELLS {
        span
    } else {
        n
    };
    let first = if h.n > 0 && lo < h.first {
        nhi - n as i64 + 1
    } else {
        nlo
    };
    let m = h.brackets.len();
    let mut out = b[..h.cells].to_vec();
    out[h.at + 1] = first as u64;
    out[h.at + 2] = n as u64;
    out.resize(h.cells + n * n * CELL + n * m.saturating_sub(1), 0);
    let shift = (h.first - first) as usize;
    for ci in 0..h.n {
        let from = h.cells + ci * h.n * CELL;
        let to = h.cells + ((ci + shift) * n + shift) * CELL;
        out[to..to + h.n * CELL].copy_from_slice(&b[from..from + h.n * CELL]);
    }
    let (old_brackets, new_brackets) = (h.bracket_cells, h.cells + n * n * CELL);
    let width = m.saturating_sub(1);
    for ci in 0..h.n {
        let from = old_brackets + ci * width;
        let to = new_brackets + (ci + shift) * width;
        out[to..to + width].copy_from_slice(&b[from..from + width]);
    }
    Ok(Some(out))
}

fn rescale(b: &mut [u64], scale: u8, display: u16) -> Result<()> {
    let h = head(b);
    b[h.at + 3] = scale_word(h.scale.max(scale), h.display.max(display));
    if scale <= h.scale {
        return Ok(());
    }
    let f = pow10((scale - h.scale) as u32).expect("scale <= 30");
    for c in 0..h.n * h.n {
        let at = h.cells + c * CELL + REVENUE;
        let v = read_i128(&b[at..])
            .checked_mul(f)
            .ok_or_else(|| crate::decimal::overflow("revenue"))?;
        write_i128(&mut b[at..], v);
    }
    Ok(())
}

fn add_revenue(b: &mut [u64], at: usize, v: i128) -> Result<()> {
    let sum = read_i128(&b[at + REVENUE..])
        .checked_add(v)
        .ok_or_else(|| crate::decimal::overflow("revenue"))?;
    write_i128(&mut b[at + REVENUE..], sum);
    Ok(())
}

/// Count one customer. On `Some(grown)`, nothing was changed: retry on it.
pub fn add_customer(
    b: &mut [u64],
    c: &Customer<'_>,
    locate: &mut dyn FnMut(i64) -> Result<i64>,
) -> Result<Grow> {
    add_customer_runs(b, &series::runs(c, locate)?, c.scale, c.display)
}

/// [`add_customer`] of a customer given by its runs (at least one), their amounts at
/// `scale`, shown with `display` decimals.
pub fn add_customer_runs(b: &mut [u64], runs: &[Run], scale: u8, display: u16) -> Result<Grow> {
    let (lo, hi) = (runs[0].index, runs[runs.len() - 1].index);
    if let Some(grown) = ensure_range(b, lo, hi)? {
        return Ok(Some(grown));
    }
    rescale(b, scale, display)?;
    let h = head(b);
    let f = pow10((h.scale - scale) as u32).expect("scale <= 30");
    for member in cohorts_of(runs, h.recurring) {
        add_cohort(b, &h, member, f)?;
    }
    Ok(None)
}

/// Count one customer in the cohort of its acquisition (sign-up, first visit, campaign)
/// rather than of its first order: the cohort is the period of `acquired_at`, the customer
/// is active there whether or not it ordered (acquisition is its period-0 event, as a
/// product's "start event"), and its orders before `acquired_at` are not counted. A
/// first-time table only. On `Some(grown)`, nothing was changed: retry on it.
pub fn add_acquired(
    b: &mut [u64],
    c: &Customer<'_>,
    acquired_at: i64,
    locate: &mut dyn FnMut(i64) -> Result<i64>,
) -> Result<Grow> {
    let cohort = locate(acquired_at)?;
    let from = c.orders.partition_point(|o| o.ts < acquired_at);
    let since = Customer {
        orders: &c.orders[from..],
        ..*c
    };
    let mut runs = series::runs(&since, locate)?;
    if runs.first().map(|r| r.index) != Some(cohort) {
        let none = Run {
            index: cohort,
            orders: 0,
            priced: 0,
            amount: 0,
        };
        runs.insert(0, none);
    }
    add_customer_runs(b, &runs, c.scale, c.display)
}

/// The cohorts a customer belongs to, each as its runs from the cohort's period on:
/// first-time cohorts start at the first run, recurring ones at every run.
pub fn cohorts_of(runs: &[Run], recurring: bool) -> impl Iterator<Item = &[Run]> {
    let starts = if recurring { runs.len() } else { 1 };
    (0..starts).map(move |s| &runs[s..])
}

/// One customer in one cell of its cohort: what [`add_cohort`] counts for it there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Membership {
    pub cohort: i64,
    pub period: i64,
    /// Counted in the cell's `active`: an order in the period.
    pub active: bool,
    /// Counted in the cell's `active_on_or_after`: its last order in the cohort is in the
    /// period or later.
    pub active_on_or_after: bool,
}

impl Membership {
    pub fn offset(&self) -> i64 {
        self.period - self.cohort
    }
}

/// The cell of period `period` of the cohort of `member` (a customer's runs from the
/// cohort's period on, as [`cohorts_of`] gives them), with the rule of [`add_cohort`]:
/// active in each run's period, "on or after" up to the last run's.
pub fn membership(member: &[Run], period: i64) -> Membership {
    Membership {
        cohort: member[0].index,
        period,
        active: member.binary_search_by_key(&period, |r| r.index).is_ok(),
        active_on_or_after: period <= member[member.len() - 1].index,
    }
}

/// A customer's cells (from its runs): for every cohort it is in, every period from the
/// cohort's own to its last order, the cells of `cohort_table` that count it; in later
/// periods it counts only in the cohort's size. Error 54000 beyond [`MAX_CELLS`] rows, as
/// the grid.
pub fn memberships(runs: &[Run], recurring: bool) -> Result<Vec<Membership>> {
    let mut out = Vec::new();
    for member in cohorts_of(runs, recurring) {
        let (cohort, last) = (member[0].index, member[member.len() - 1].index);
        if out.len() as i64 + (last - cohort + 1) > MAX_CELLS as i64 {
            return Err(MetricError::LimitExceeded(format!(
                "the customer's cohort cells would exceed {MAX_CELLS}: use a coarser granularity"
            )));
        }
        out.extend((cohort..=last).map(|period| membership(member, period)));
    }
    Ok(out)
}

/// Where one customer stands in one cell of the first-time cohort grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellStatus {
    /// Not in the cohort: counted nowhere in its row.
    NotInCohort,
    /// An order in the period: counted in `active` and `active_on_or_after`.
    Active,
    /// No order in the period, one later: counted in `active_on_or_after`.
    ReturnsLater,
    /// No order in the period or later: counted in the cohort's size only.
    Lapsed,
}

impl CellStatus {
    pub fn name(self) -> &'static str {
        match self {
            CellStatus::NotInCohort => "not_in_cohort",
            CellStatus::Active => "active",
            CellStatus::ReturnsLater => "returns_later",
            CellStatus::Lapsed => "lapsed",
        }
    }
}

/// A customer's status in the cell (`cohort`, `period`) of the first-time cohort grid.
pub fn cell_status(runs: &[Run], cohort: i64, period: i64) -> CellStatus {
    match cohorts_of(runs, false).find(|m| m[0].index == cohort) {
        None => CellStatus::NotInCohort,
        Some(member) => match membership(member, period) {
            m if m.active => CellStatus::Active,
            m if m.active_on_or_after => CellStatus::ReturnsLater,
            _ => CellStatus::Lapsed,
        },
    }
}

/// Count a customer in the cohort of `runs[0]`, its later runs in later periods.
fn add_cohort(b: &mut [u64], h: &Head, runs: &[Run], f: i128) -> Result<()> {
    let what = "cohort_summary";
    let cohort = runs[0].index;
    for r in runs {
        let at = cell_at(h, cohort, r.index).expect("range ensured");
        add_count(&mut b[at + ACTIVE], 1, what)?;
        add_count(&mut b[at + ORDERS], r.orders, what)?;
        add_count(&mut b[at + PRICED], r.priced, what)?;
        let v = r
            .amount
            .checked_mul(f)
            .ok_or_else(|| crate::decimal::overflow("revenue"))?;
        add_revenue(b, at, v)?;
    }
    let last = cell_at(h, cohort, runs[runs.len() - 1].index).expect("range ensured");
    add_count(&mut b[last + LAST], 1, what)?;
    // Brackets: active in any period of [bound j, bound j+1) after the cohort's.
    let width = h.brackets.len().saturating_sub(1);
    let ci = (cohort - h.first) as usize;
    for j in 0..width {
        let (from, to) = (cohort + h.brackets[j], cohort + h.brackets[j + 1]);
        if runs.iter().any(|r| (from..to).contains(&r.index)) {
            add_count(&mut b[h.bracket_cells + ci * width + j], 1, what)?;
        }
    }
    Ok(())
}

/// One cell of the table: cohort and period indexes and the counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub cohort: i64,
    pub period: i64,
    pub cohort_size: u64,
    pub active: u64,
    /// Active in this period or a later one.
    pub active_on_or_after: u64,
    pub orders: u64,
    pub priced_orders: u64,
    pub revenue: Dec,
    /// The cohort's revenue in its own period (offset 0).
    pub first_revenue: Dec,
    /// The cohort's revenue from its own period up to this one.
    pub cumulative_revenue: Dec,
    /// Orders with an amount from the cohort's period up to this one (without any, the
    /// cumulative revenue is unknown, as `sum()` of no amounts is NULL).
    pub cumulative_priced: u64,
}

impl Cell {
    pub fn offset(&self) -> i64 {
        self.period - self.cohort
    }
    pub fn retention(&self) -> Option<f64> {
        (self.cohort_size > 0).then(|| self.active as f64 / self.cohort_size as f64)
    }
    pub fn retention_on_or_after(&self) -> Option<f64> {
        (self.cohort_size > 0).then(|| self.active_on_or_after as f64 / self.cohort_size as f64)
    }
    /// Revenue over the cohort's offset-0 revenue; `None` when either is unknown (no order
    /// with an amount) or the first is 0.
    pub fn revenue_retention(&self) -> Option<f64> {
        (self.first_revenue.m > 0 && self.priced_orders > 0)
            .then(|| self.revenue.m as f64 / self.first_revenue.m as f64)
    }
}

/// Every cohort with customers, and its cells from its own period to the last period of
/// the table, cohort by cohort.
pub fn cells(b: &[u64]) -> Vec<Cell> {
    let h = head(b);
    let mut out = Vec::new();
    let last_period = last_active_period(b, &h);
    for ci in 0..h.n {
        let cohort = h.first + ci as i64;
        let at0 = h.cells + (ci * h.n + ci) * CELL;
        let size = b[at0 + ACTIVE];
        if size == 0 {
            continue;
        }
        let money =
            |at: usize| Dec::new(read_i128(&b[at + REVENUE..]), h.scale).with_display(h.display);
        let first_revenue = money(at0);
        let mut cumulative = Dec::new(0, h.scale).with_display(h.display);
        let mut cumulative_priced = 0u64;
        // Suffix sums of the last-active counts give "on or after".
        let row = |pi: usize| h.cells + (ci * h.n + pi) * CELL;
        let mut on_or_after: Vec<u64> = vec![0; h.n - ci + 1];
        for pi in (ci..h.n).rev() {
            on_or_after[pi - ci] = on_or_after[pi - ci + 1] + b[row(pi) + LAST];
        }
        for pi in ci..h.n {
            let period = h.first + pi as i64;
            if period > last_period {
                break;
            }
            let at = row(pi);
            let revenue = money(at);
            cumulative = Dec::new(cumulative.m + revenue.m, h.scale).with_display(h.display);
            cumulative_priced += b[at + PRICED];
            out.push(Cell {
                cohort,
                period,
                cohort_size: size,
                active: b[at + ACTIVE],
                active_on_or_after: on_or_after[pi - ci],
                orders: b[at + ORDERS],
                priced_orders: b[at + PRICED],
                revenue,
                first_revenue,
                cumulative_revenue: cumulative,
                cumulative_priced,
            });
        }
    }
    out
}

/// The last period with an order of any cohort.
fn last_active_period(b: &[u64], h: &Head) -> i64 {
    (0..h.n)
        .rev()
        .find(|pi| (0..=*pi).any(|ci| b[h.cells + (ci * h.n + pi) * CELL + ACTIVE] > 0))
        .map_or(h.first - 1, |pi| h.first + pi as i64)
}

/// Bracket counts: (cohort, bracket number, from offset, to offset (exclusive), cohort
/// size, customers active in the bracket).
pub fn brackets(b: &[u64]) -> Vec<(i64, usize, i64, i64, u64, u64)> {
    let h = head(b);
    let width = h.brackets.len().saturating_sub(1);
    let mut out = Vec::new();
    for ci in 0..h.n {
        let size = b[h.cells + (ci * h.n + ci) * CELL + ACTIVE];
        if size == 0 {
            continue;
        }
        for j in 0..width {
            out.push((
                h.first + ci as i64,
                j,
                h.brackets[j],
                h.brackets[j + 1],
                size,
                b[h.bracket_cells + ci * width + j],
            ));
        }
    }
    out
}

pub fn is_recurring(b: &[u64]) -> bool {
    head(b).recurring
}

/// A weighted retention curve: for each offset, the customers of the cohorts that count for
/// it (`counts(cohort, period)`, e.g. matured ones) active then (or then or later), over
/// those cohorts' sizes.
#[derive(Debug, Clone, PartialEq)]
pub struct CurvePoint {
    pub offset: i64,
    pub cohorts: u64,
    pub customers: u64,
    pub active: u64,
}

pub fn curve(
    b: &[u64],
    on_or_after: bool,
    counts: &mut dyn FnMut(i64, i64) -> bool,
) -> Vec<CurvePoint> {
    let mut points: Vec<CurvePoint> = Vec::new();
    for c in cells(b) {
        if !counts(c.cohort, c.period) {
            continue;
        }
        let k = c.offset() as usize;
        while points.len() <= k {
            points.push(CurvePoint {
                offset: points.len() as i64,
                cohorts: 0,
                customers: 0,
                active: 0,
            });
        }
        let p = &mut points[k];
        p.cohorts += 1;
        p.customers += c.cohort_size;
        p.active += if on_or_after {
            c.active_on_or_after
        } else {
            c.active
        };
    }
    points.retain(|p| p.cohorts > 0);
    points
}

pub struct Cohorts;

impl Summary for Cohorts {
    const KIND: Kind = Kind::Cohort;
    const TYPE_NAME: &'static str = "cohort_summary";

    fn validate(b: &[u64]) -> Result<()> {
        let h0 = series::header_len_checked(b)?;
        if b.len() < h0 + 5 {
            return Err(inconsistent("wrong length"));
        }
        let m = b[h0 + 4] as usize;
        let n = b[h0 + 2] as usize;
        if m > MAX_BRACKETS
            || n.saturating_mul(n) > MAX_CELLS
            || b[h0] > 1
            || !scale_word_valid(b[h0 + 3])
        {
            return Err(inconsistent("bad header"));
        }
        if b.len() != h0 + 5 + m + n * n * CELL + n * m.saturating_sub(1) {
            return Err(inconsistent("wrong length"));
        }
        let h = head(b);
        check_brackets(&h.brackets).map_err(|e| inconsistent(e.message()))?;
        let unit = series::calendar(b)?.0;
        if n > 0
            && (unit.start_date(h.first).is_none() || unit.start_date(h.first + n as i64).is_none())
        {
            return Err(inconsistent("periods out of range"));
        }
        let width = m.saturating_sub(1);
        for ci in 0..n {
            let size = b[h.cells + (ci * n + ci) * CELL + ACTIVE];
            let mut last_total = 0u64;
            for pi in 0..n {
                let at = h.cells + (ci * n + pi) * CELL;
                let cell = &b[at..at + CELL];
                if pi < ci && cell.iter().any(|w| *w != 0) {
                    return Err(inconsistent("a cell before its cohort's period"));
                }
                // A cohort's own period may count customers without an order there: those
                // of an acquisition cohort ([`add_acquired`]).
                let ok = cell[ACTIVE] <= size
                    && cell[PRICED] <= cell[ORDERS]
                    && (cell[ACTIVE] <= cell[ORDERS] || pi == ci)
                    && (cell[ACTIVE] > 0 || cell[ORDERS] == 0)
                    && cell[LAST] <= cell[ACTIVE]
                    && read_i128(&cell[REVENUE..]) >= 0;
                if !ok {
                    return Err(inconsistent(format!("cohort {} does not add up", ci + 1)));
                }
                last_total += cell[LAST];
            }
            if last_total != size || (0..width).any(|j| b[h.bracket_cells + ci * width + j] > size)
            {
                return Err(inconsistent(format!("cohort {} does not add up", ci + 1)));
            }
        }
        Ok(())
    }

    fn to_text(b: &[u64]) -> String {
        let h = head(b);
        let (unit, zone) = series::calendar(b).expect("validated");
        let mut w = Writer::new(super::words::VERSION);
        w.string("unit", unit.name())
            .string("zone", &zone)
            .int("recurring", h.recurring as u8);
        match unit.start_date(h.first).filter(|_| h.n > 0) {
            Some(d) => w.string("first_period", &d.format("%Y-%m-%d").to_string()),
            None => w.null("first_period"),
        };
        w.int("periods", h.n).int("scale", h.display);
        w.list("brackets", h.brackets.iter(), |o, x| {
            o.push_str(&x.to_string())
        });
        let all = |off: usize| (0..h.n * h.n).map(move |c| b[h.cells + c * CELL + off]);
        w.counts("active", all(ACTIVE))
            .counts("orders", all(ORDERS))
            .counts("priced_orders", all(PRICED))
            .list("revenue", 0..h.n * h.n, |o, c| {
                let v = read_i128(&b[h.cells + c * CELL + REVENUE..]);
                o.push_str(&Dec::new(v, h.scale).with_display(h.display).to_string())
            })
            .counts("last", all(LAST))
            .counts("bracket_active", b[h.bracket_cells..].iter().copied());
        w.finish()
    }

    fn from_text(input: &str) -> Result<Vec<u64>> {
        let parse = || -> Result<Vec<u64>> {
            let mut f = super::words::fields(Self::TYPE_NAME, input)?;
            let unit = Unit::parse(&f.string("unit")?)?;
            let zone = f.string("zone")?;
            let recurring = match f.int("recurring", input)? {
                0 => false,
                1 => true,
                _ => return Err(f.error("recurring must be 0 or 1")),
            };
            let first = series::parse_first_period(&mut f, unit)?;
            let n = f.count("periods")? as usize;
            let display = f.int("scale", input)?;
            if !(0..=MAX_DISPLAY as i64).contains(&display) {
                return Err(f.error(format!("scale {display} is out of range")));
            }
            let brackets = f.list("brackets", input)?;
            let active = f.counts("active")?;
            let orders = f.counts("orders")?;
            let priced = f.counts("priced_orders")?;
            let revenue = f.decimals("revenue")?;
            let last = f.counts("last")?;
            let bracket_active = f.counts("bracket_active")?;
            f.finish(input)?;
            if n.saturating_mul(n) > MAX_CELLS || (n > 0) != first.is_some() {
                return Err(inconsistent("periods and first_period disagree"));
            }
            let cells = n * n;
            if [
                active.len(),
                orders.len(),
                priced.len(),
                revenue.len(),
                last.len(),
            ]
            .iter()
            .any(|l| *l != cells)
                || bracket_active.len() != n * brackets.len().saturating_sub(1)
            {
                return Err(inconsistent(
                    "list lengths do not match the number of periods",
                ));
            }
            let mut b = new_body(unit, &zone, recurring, &brackets)?;
            let h = head(&b);
            if let Some(lo) = first {
                b[h.at + 1] = lo as u64;
                b[h.at + 2] = n as u64;
            }
            b.resize(h.cells + cells * CELL + bracket_active.len(), 0);
            let amounts: Vec<Dec> = revenue
                .into_iter()
                .map(|d| d.ok_or_else(|| inconsistent("revenue: null is not an amount")))
                .collect::<Result<_>>()?;
            if amounts.iter().any(|d| d.display > display as u16) {
                return Err(inconsistent(
                    "revenue has more decimal places than the scale",
                ));
            }
            let scale = amounts.iter().map(|d| d.scale).max().unwrap_or(0);
            let h = head(&b);
            b[h.at + 3] = scale_word(scale, display as u16);
            for c in 0..cells {
                let at = h.cells + c * CELL;
                b[at + ACTIVE] = active[c];
                b[at + ORDERS] = orders[c];
                b[at + PRICED] = priced[c];
                b[at + LAST] = last[c];
                let m = amounts[c]
                    .mantissa_at(scale)
                    .ok_or_else(|| crate::decimal::overflow("revenue"))?;
                write_i128(&mut b[at + REVENUE..], m);
            }
            let bc = h.cells + cells * CELL;
            b[bc..].copy_from_slice(&bracket_active);
            Self::validate(&b)?;
            Ok(b)
        };
        parse().map_err(|e| as_text_error::<Self>(input, e))
    }

    fn merge(dst: &mut [u64], src: &[u64]) -> Result<Grow> {
        let (unit, zone) = series::calendar(src)?;
        series::check_calendar(dst, unit, &zone)?;
        let (hd, hs) = (head(dst), head(src));
        if hd.recurring != hs.recurring || hd.brackets != hs.brackets {
            return invalid(
                "cannot combine cohort summaries of different kinds: first-time and recurring cohorts, or different brackets",
            );
        }
        if hs.n == 0 {
            return Ok(None);
        }
        if let Some(grown) = ensure_range(dst, hs.first, hs.first + hs.n as i64 - 1)? {
            return Ok(Some(grown));
        }
        rescale(dst, hs.scale, hs.display)?;
        let hd = head(dst);
        let f = pow10((hd.scale - hs.scale) as u32).expect("scale <= 30");
        let what = Self::TYPE_NAME;
        let width = hd.brackets.len().saturating_sub(1);
        for ci in 0..hs.n {
            let cohort = hs.first + ci as i64;
            for pi in ci..hs.n {
                let from = hs.cells + (ci * hs.n + pi) * CELL;
                let to = cell_at(&hd, cohort, hs.first + pi as i64).expect("range ensured");
                for off in [ACTIVE, ORDERS, PRICED, LAST] {
                    add_count(&mut dst[to + off], src[from + off], what)?;
                }
                let v = read_i128(&src[from + REVENUE..])
                    .checked_mul(f)
                    .ok_or_else(|| crate::decimal::overflow("revenue"))?;
                add_revenue(dst, to, v)?;
            }
            let dci = (cohort - hd.first) as usize;
            for j in 0..width {
                add_count(
                    &mut dst[hd.bracket_cells + dci * width + j],
                    src[hs.bracket_cells + ci * width + j],
                    what,
                )?;
            }
        }
        Ok(None)
    }

    fn compact(b: &[u64]) -> Option<Vec<u64>> {
        // The grid from the first cohort with customers to the last period with an order.
        let h = head(b);
        if h.n == 0 {
            return None;
        }
        let first_ci = (0..h.n).find(|ci| b[h.cells + (ci * h.n + ci) * CELL + ACTIVE] > 0)?;
        let last = last_active_period(b, &h);
        let (lo, hi) = (h.first + first_ci as i64, last);
        if lo == h.first && hi == h.first + h.n as i64 - 1 {
            return None;
        }
        let n = (hi - lo + 1) as usize;
        let m = h.brackets.len();
        let width = m.saturating_sub(1);
        let mut out = b[..h.cells].to_vec();
        out[h.at + 1] = lo as u64;
        out[h.at + 2] = n as u64;
        out.resize(h.cells + n * n * CELL + n * width, 0);
        for ci in 0..n {
            let from = h.cells + ((first_ci + ci) * h.n + first_ci) * CELL;
            let to = h.cells + ci * n * CELL;
            out[to..to + n * CELL].copy_from_slice(&b[from..from + n * CELL]);
            let (bf, bt) = (
                h.bracket_cells + (first_ci + ci) * width,
                h.cells + n * n * CELL + ci * width,
            );
            out[bt..bt + width].copy_from_slice(&b[bf..bf + width]);
        }
        Some(out)
    }
}
