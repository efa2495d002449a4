//! One-step aggregates that take `customer_id` directly. Rows stream into a collection in
//! the aggregate's memory context (see `retention_core::orders::ids` and `::log`): a
//! partitioned hash table of customers holding only what the figure needs (1 byte of
//! flags for retention, an order count, first / last / count for the mean gap), or a
//! partitioned log of every order for the figures that need all of them (median gap,
//! customer stats, period tables). At the end the same level-2 code the two-level path runs
//! on histories counts each customer. For small and medium data; the scalable path is
//! `customer_history_agg` under `GROUP BY customer_id` (PostgreSQL spills that to disk).

use super::calendar::{call_calendar, zone_calendar};
use super::datum::{final_datum, summary_datum};
use super::history::Builder;
use super::ids::{id_type, key_of, IdType};
use super::summaries::window_args;
use crate::glue::*;
use pgrx::pg_sys::{Datum, FunctionCallInfo};
use retention_core::orders::ids::{bad_state, IdMap, Span, StateValue};
use retention_core::orders::log::OrderLog;
use retention_core::orders::retention::{self, Retention, RetentionRef, Window};
use retention_core::orders::series::{self, Activity, MrrSeries};
use retention_core::orders::stats::{self, Stats, StatsRef};
use retention_core::orders::words::{Grow, Summary};
use retention_core::orders::{Customer, HAS_COST, HAS_ITEMS};
use retention_core::time::{check_timestamp, Unit};
use retention_core::varint::{self, Reader};
use retention_core::{MetricError, Result};

/// The parameters of a one-step aggregate, fixed by its first row.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Params {
    None,
    Window(Window),
    Calendar {
        unit: Unit,
        zone_len: u8,
        zone: [u8; 255],
    },
}

impl Params {
    fn calendar(unit: Unit, zone: &str) -> Result<Params> {
        // The same check and message as the two-step aggregates' (it said "too long" of "").
        retention_core::orders::series::check_zone_name(zone)?;
        let mut z = [0u8; 255];
        z[..zone.len()].copy_from_slice(zone.as_bytes());
        Ok(Params::Calendar {
            unit,
            zone_len: zone.len() as u8,
            zone: z,
        })
    }

    fn zone(&self) -> &str {
        match self {
            Params::Calendar { zone_len, zone, .. } => {
                std::str::from_utf8(&zone[..*zone_len as usize]).unwrap_or("UTC")
            }
            _ => "UTC",
        }
    }

    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Params::None => out.push(0),
            Params::Window(w) => {
                out.push(1);
                varint::put(out, varint::zigzag(w.start as i128));
                varint::put(out, varint::zigzag(w.end as i128));
            }
            Params::Calendar {
                unit,
                zone_len,
                zone,
            } => {
                out.push(2);
                out.push(*unit as u8);
                out.push(*zone_len);
                out.extend_from_slice(&zone[..*zone_len as usize]);
            }
        }
    }

    fn get(r: &mut Reader<'_>) -> Result<Params> {
        let bad = || MetricError::InvalidBinary("invalid partial aggregate state".into());
        match r.byte().ok_or_else(bad)? {
            0 => Ok(Params::None),
            1 => Ok(Params::Window(Window::new(
                r.i64().ok_or_else(bad)?,
                r.i64().ok_or_else(bad)?,
            )?)),
            2 => {
                let unit = Unit::from_u8(r.byte().ok_or_else(bad)?).ok_or_else(bad)?;
                let len = r.byte().ok_or_else(bad)? as usize;
                let zone = std::str::from_utf8(r.take(len).ok_or_else(bad)?).map_err(|_| bad())?;
                Params::calendar(unit, zone)
            }
            _ => Err(bad()),
        }
    }
}

/// What a one-step state collects: a hash table of customers or a log of orders.
trait Collection: Sized {
    fn new_in(alloc: PgAlloc) -> Self;
    /// The partial-state form (for a parallel leader).
    fn write(&mut self, out: &mut Vec<u8>);
    /// Add a partial state read back.
    fn read_append(&mut self, r: &mut Reader<'_>) -> Result<()>;
    /// Add another state's customers or orders.
    fn absorb(&mut self, other: &mut Self) -> Result<()>;
}

impl<V: StateValue> Collection for IdMap<V, PgAlloc> {
    fn new_in(alloc: PgAlloc) -> Self {
        IdMap::new_in(alloc)
    }
    fn write(&mut self, out: &mut Vec<u8>) {
        self.flush(V::ZERO);
        IdMap::write(self, out, |v, o| v.put(o));
    }
    fn read_append(&mut self, r: &mut Reader<'_>) -> Result<()> {
        self.read_merge(r, |r| V::get(r), V::ZERO)
    }
    fn absorb(&mut self, other: &mut Self) -> Result<()> {
        self.merge_from(other, V::ZERO)
    }
}

impl Collection for OrderLog<PgAlloc> {
    fn new_in(alloc: PgAlloc) -> Self {
        OrderLog::new_in(alloc)
    }
    fn write(&mut self, out: &mut Vec<u8>) {
        OrderLog::write(self, out)
    }
    fn read_append(&mut self, r: &mut Reader<'_>) -> Result<()> {
        OrderLog::read_append(self, r)
    }
    fn absorb(&mut self, other: &mut Self) -> Result<()> {
        self.append(other)
    }
}

/// A one-step state: the id type, the parameters and what it collects.
struct State<C: Collection> {
    id: IdType,
    params: Params,
    data: C,
    /// The address of the call site's calendar (see `call_calendar`) last found to agree
    /// with `params`, so that rows with the same calendar arguments skip the comparison.
    calendar: usize,
}

/// The state of a transition call, made in the aggregate's context on the first row.
unsafe fn state<'a, C: Collection>(
    fcinfo: FunctionCallInfo,
    params: Params,
    fname: &str,
) -> (Datum, &'a mut State<C>) {
    match arg(fcinfo, 0) {
        Some(d) => {
            let s = &mut *d.cast_mut_ptr::<State<C>>();
            if s.params != params {
                report(params_changed(&s.params, &params));
            }
            (d, s)
        }
        None => {
            let ctx = agg_context(fcinfo, fname);
            let s = alloc_in(
                ctx,
                State {
                    id: id_type(fcinfo, 1),
                    params,
                    data: C::new_in(PgAlloc(ctx)),
                    calendar: 0,
                },
            );
            (Datum::from(s), &mut *s)
        }
    }
}

#[cold]
fn params_changed(a: &Params, b: &Params) -> MetricError {
    match (a, b) {
        (Params::Window(x), Params::Window(w)) => {
            retention::check_window(&retention::new_body(x), w).expect_err("windows differ")
        }
        _ => MetricError::InvalidParameter(
            "the granularity or time zone changed within a group: all rows of one aggregate must use one calendar".into(),
        ),
    }
}

/// The state of a final function, or `None` for a group without customers.
unsafe fn final_state<'a, C: Collection>(fcinfo: FunctionCallInfo) -> Option<&'a mut State<C>> {
    arg(fcinfo, 0).map(|d| &mut *d.cast_mut_ptr::<State<C>>())
}

/// The row's customer id and order time, or `None` to skip the row.
#[inline]
unsafe fn id_and_time(fcinfo: FunctionCallInfo) -> Option<(Datum, i64)> {
    let id = arg(fcinfo, 1)?;
    let ts = arg(fcinfo, 2)?.value() as i64;
    Some((id, check_timestamp(ts, "ordered_at").or_report()))
}

fn id_code(t: IdType) -> u8 {
    match t {
        IdType::Int2 => 0,
        IdType::Int4 => 1,
        IdType::Int8 => 2,
        IdType::Uuid => 3,
        IdType::Text => 4,
    }
}

unsafe fn serialize<C: Collection>(fcinfo: FunctionCallInfo) -> Datum {
    let s = &mut *arg(fcinfo, 0).expect("strict").cast_mut_ptr::<State<C>>();
    let mut out = vec![id_code(s.id)];
    s.params.put(&mut out);
    s.data.write(&mut out);
    new_varlena(&out)
}

unsafe fn deserialize<C: Collection>(fcinfo: FunctionCallInfo, fname: &str) -> Datum {
    let bytes = varlena_bytes(arg(fcinfo, 0).expect("strict"));
    let ctx = agg_context(fcinfo, fname);
    let mut r = Reader::new(bytes);
    let id = match r.byte() {
        Some(0) => IdType::Int2,
        Some(1) => IdType::Int4,
        Some(2) => IdType::Int8,
        Some(3) => IdType::Uuid,
        Some(4) => IdType::Text,
        _ => report(bad_state()),
    };
    let params = Params::get(&mut r).or_report();
    let s = alloc_in(
        ctx,
        State::<C> {
            id,
            params,
            data: C::new_in(PgAlloc(ctx)),
            calendar: 0,
        },
    );
    (*s).data.read_append(&mut r).or_report();
    if !r.at_end() {
        report(bad_state());
    }
    Datum::from(s)
}

unsafe fn combine<C: Collection>(fcinfo: FunctionCallInfo, fname: &str) -> Datum {
    let (a, b) = (arg(fcinfo, 0), arg(fcinfo, 1));
    let (Some(a), Some(b)) = (a, b) else {
        // Either side may be a group's missing state; the other is already in the
        // aggregate's context.
        return a.or(b).unwrap_or_else(|| ret_null(fcinfo));
    };
    let _ = agg_context(fcinfo, fname);
    let (mine, other) = (
        &mut *a.cast_mut_ptr::<State<C>>(),
        &mut *b.cast_mut_ptr::<State<C>>(),
    );
    if mine.params != other.params || mine.id != other.id {
        report(params_changed(&mine.params, &other.params));
    }
    mine.data.absorb(&mut other.data).or_report();
    a
}

/// Serial, deserial and combine functions of one collection type.
macro_rules! support {
    ($C:ty, $ser:ident, $de:ident, $comb:ident) => {
        pg_fn!(fn $ser(fcinfo) { serialize::<$C>(fcinfo) });
        pg_fn!(fn $de(fcinfo) { deserialize::<$C>(fcinfo, stringify!($de)) });
        pg_fn!(fn $comb(fcinfo) { combine::<$C>(fcinfo, stringify!($comb)) });
    };
}

type Flags = IdMap<u8, PgAlloc>;
type Counts = IdMap<u64, PgAlloc>;
type Spans = IdMap<Span, PgAlloc>;
type Orders = OrderLog<PgAlloc>;

support!(
    Flags,
    retention_by_id_serial,
    retention_by_id_deserial,
    retention_by_id_combine
);
support!(
    Counts,
    count_by_id_serial,
    count_by_id_deserial,
    count_by_id_combine
);
support!(
    Spans,
    span_by_id_serial,
    span_by_id_deserial,
    span_by_id_combine
);
support!(
    Orders,
    orders_by_id_serial,
    orders_by_id_deserial,
    orders_by_id_combine
);

/// The state unchanged (a skipped row).
unsafe fn skip(fcinfo: FunctionCallInfo) -> Datum {
    arg(fcinfo, 0).unwrap_or_else(|| ret_null(fcinfo))
}

// --- transitions ------------------------------------------------------------------------------

pg_fn!(
    /// `(state, customer_id, ordered_at, period_start, period_end)`: a customer keeps the
    /// OR of its orders' flags; orders after the period are not kept at all.
    fn retention_by_id_trans(fcinfo) {
        let w = window_args(fcinfo, 3);
        let Some((id, ts)) = id_and_time(fcinfo) else {
            return skip(fcinfo);
        };
        let (d, s) = state::<Flags>(fcinfo, Params::Window(w), "retention_by_id_trans");
        let flag = retention::flag_of(&w, ts);
        if flag != 0 {
            s.data.add(key_of(id, s.id), flag, 0).or_report();
        }
        d
    }
);

pg_fn!(
    /// `(state, customer_id)`: an order is a row.
    fn count_by_id_trans(fcinfo) {
        let Some(id) = arg(fcinfo, 1) else {
            return skip(fcinfo);
        };
        let (d, s) = state::<Counts>(fcinfo, Params::None, "count_by_id_trans");
        s.data.add(key_of(id, s.id), 1, 0).or_report();
        d
    }
);

pg_fn!(
    /// `(state, customer_id, ordered_at)`.
    fn span_by_id_trans(fcinfo) {
        let Some((id, ts)) = id_and_time(fcinfo) else {
            return skip(fcinfo);
        };
        let (d, s) = state::<Spans>(fcinfo, Params::None, "span_by_id_trans");
        s.data.add(key_of(id, s.id), Span::of(ts), Span::ZERO).or_report();
        d
    }
);

/// Log one order row, `amount` at argument `a` (and items, cost after it when `with_extras`),
/// into the state `state` gives (called only for a row that is not skipped).
unsafe fn add_order<'a>(
    fcinfo: FunctionCallInfo,
    state: impl FnOnce() -> (Datum, &'a mut State<Orders>),
    a: Option<usize>,
    with_extras: bool,
) -> Datum {
    let Some((id, ts)) = id_and_time(fcinfo) else {
        return skip(fcinfo);
    };
    let amount = a
        .and_then(|i| arg(fcinfo, i))
        .map(|d| arg_numeric(d, "amount"));
    let (flags, items, cost) = match (with_extras, a) {
        (true, Some(i)) => (
            HAS_ITEMS | HAS_COST,
            arg(fcinfo, i + 1).map(|d| d.value() as i64),
            arg(fcinfo, i + 2).map(|d| arg_numeric(d, "cost")),
        ),
        _ => (0, None, None),
    };
    let (d, s) = state();
    s.data
        .push(key_of(id, s.id), ts, amount, flags, items, cost)
        .or_report();
    d
}

pg_fn!(
    /// `(state, customer_id, ordered_at [, amount [, items, cost]])`.
    fn orders_by_id_trans(fcinfo) {
        let n = nargs(fcinfo);
        let state = || state::<Orders>(fcinfo, Params::None, "orders_by_id_trans");
        add_order(fcinfo, state, (n > 3).then_some(3), n > 4)
    }
);

pg_fn!(
    /// `(state, customer_id, ordered_at, amount, granularity [, zone])`. The calendar
    /// arguments are parsed once per call site (`call_calendar`) and compared with the
    /// state's only when they change.
    fn orders_by_id_series_trans(fcinfo) {
        let zc = call_calendar(fcinfo, 4, nargs(fcinfo) > 5, None);
        let seen = zc as *const _ as usize;
        let state = || match arg(fcinfo, 0) {
            Some(d) if (*d.cast_mut_ptr::<State<Orders>>()).calendar == seen => {
                (d, &mut *d.cast_mut_ptr::<State<Orders>>())
            }
            _ => {
                let params = Params::calendar(zc.unit(), zc.zone_name()).or_report();
                let (d, s) = state::<Orders>(fcinfo, params, "orders_by_id_series_trans");
                s.calendar = seen;
                (d, s)
            }
        };
        add_order(fcinfo, state, Some(3), false)
    }
);

// --- final functions ---------------------------------------------------------------------------

/// Apply a level-2 operation to an owned body until it no longer asks to grow.
fn owned_update(body: &mut Vec<u64>, mut op: impl FnMut(&mut [u64]) -> Result<Grow>) {
    while let Some(grown) = op(body).or_report() {
        *body = grown;
    }
}

/// Run `f` on every customer of an order log, sorted, answering cancel requests.
unsafe fn each_customer(s: &mut State<Orders>, mut f: impl FnMut(&Customer<'_>)) {
    let mut scratch = Builder::new_in(current_alloc());
    let mut i = 0usize;
    s.data
        .each_customer(&mut scratch, |c| {
            check_interrupts_every(i, 4096);
            i += 1;
            f(c);
            Ok(())
        })
        .or_report();
}

/// A hash-table state with every buffered update applied.
unsafe fn flushed<'a, V: StateValue>(
    fcinfo: FunctionCallInfo,
) -> Option<&'a mut State<IdMap<V, PgAlloc>>> {
    let s = final_state::<IdMap<V, PgAlloc>>(fcinfo)?;
    s.data.flush(V::ZERO);
    Some(s)
}

unsafe fn retention_body(fcinfo: FunctionCallInfo) -> Option<Vec<u64>> {
    let s = flushed::<u8>(fcinfo)?;
    let Params::Window(w) = s.params else {
        report(bad_state());
    };
    let mut body = retention::new_body(&w);
    for (i, (_, flags)) in s.data.iter().enumerate() {
        check_interrupts_every(i, 65_536);
        retention::add_flags(&mut body, *flags).or_report();
    }
    Some(body)
}

pg_fn!(fn retention_by_id_final(fcinfo) {
    match retention_body(fcinfo) {
        Some(b) => summary_datum::<Retention>(&b),
        None => ret_null(fcinfo),
    }
});
pg_fn!(fn retention_rate_by_id_final(fcinfo) {
    ret_f64(fcinfo, retention_body(fcinfo).and_then(|b| RetentionRef(&b).retention_rate()))
});
pg_fn!(fn churn_rate_by_id_final(fcinfo) {
    ret_f64(fcinfo, retention_body(fcinfo).and_then(|b| RetentionRef(&b).churn_rate()))
});

pg_fn!(
    /// repeat customers / customers, computed as `repeat_purchase_rate(customer_stats)` does.
    fn repeat_rate_by_id_final(fcinfo) {
        let Some(s) = flushed::<u64>(fcinfo) else {
            return ret_null(fcinfo);
        };
        let customers = s.data.len() as u64;
        let repeat = s.data.iter().filter(|(_, n)| **n >= 2).count() as u64;
        ret_f64(fcinfo, (customers > 0).then(|| repeat as f64 / customers as f64))
    }
);

pg_fn!(
    /// Sum of (last - first) over sum of (orders - 1), as `avg_time_between_purchases
    /// (customer_stats)` computes it.
    fn avg_gap_by_id_final(fcinfo) {
        let Some(s) = flushed::<Span>(fcinfo) else {
            return ret_null(fcinfo);
        };
        let (mut span, mut gaps) = (0i128, 0u64);
        for (i, (_, v)) in s.data.iter().enumerate() {
            check_interrupts_every(i, 65_536);
            span += (v.last - v.first) as i128;
            gaps += v.n - 1;
        }
        ret_interval_us(fcinfo, (gaps > 0).then(|| span as f64 / gaps as f64))
    }
);

unsafe fn stats_body(fcinfo: FunctionCallInfo) -> Option<Vec<u64>> {
    let s = final_state::<Orders>(fcinfo)?;
    let mut body = stats::new_body();
    each_customer(s, |c| {
        owned_update(&mut body, |b| stats::add_customer(b, c))
    });
    Some(body)
}

pg_fn!(fn stats_by_id_final(fcinfo) {
    match stats_body(fcinfo) {
        Some(b) => final_datum::<Stats>(&b),
        None => ret_null(fcinfo),
    }
});
pg_fn!(fn median_gap_by_id_final(fcinfo) {
    ret_interval_us(fcinfo, stats_body(fcinfo).and_then(|b| StatsRef(&b).median_gap()))
});

/// A calendar table of every customer: `init` makes the empty body for the calendar, `add`
/// counts a customer (activity, MRR or cohorts).
pub(crate) unsafe fn table_final<S: Summary>(
    fcinfo: FunctionCallInfo,
    init: fn(Unit, &str) -> Result<Vec<u64>>,
    add: fn(&mut [u64], &Customer<'_>, &mut dyn FnMut(i64) -> Result<i64>) -> Result<Grow>,
) -> Datum {
    let Some(s) = final_state::<Orders>(fcinfo) else {
        return ret_null(fcinfo);
    };
    let Params::Calendar { unit, .. } = s.params else {
        report(bad_state());
    };
    let zone = s.params.zone().to_string();
    let zc = zone_calendar(fcinfo, unit, &zone);
    let mut body = init(unit, &zone).or_report();
    each_customer(s, |c| {
        owned_update(&mut body, |b| add(b, c, &mut |ts| zc.index(ts)))
    });
    final_datum::<S>(&body)
}

pg_fn!(fn series_by_id_final(fcinfo) { table_final::<Activity>(fcinfo, series::new_body, series::add_activity) });
pg_fn!(fn mrr_series_by_id_final(fcinfo) { table_final::<MrrSeries>(fcinfo, series::new_body, series::add_mrr) });
