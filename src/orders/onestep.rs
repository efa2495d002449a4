//! The one-step aggregates, which take `customer_id` directly. Rows stream into a collection
//! in the aggregate's memory context (see `retention_core::orders::ids` and `::log`): a
//! partitioned hash table of customers holding only what the figure needs (1 byte of flags
//! for retention, an order count, first / last / count for the mean gap), or a partitioned
//! log of every order for the figures that need all of them (median gap, customer stats),
//! or, for the calendar tables (period and MRR series, cohorts), a table of each customer's
//! runs: its orders and revenue per period (`retention_core::orders::runs`). At the end the
//! same level-2 code the two-level path runs on histories counts each customer. This module
//! holds the state ([`OneStep`]) and the functions several features share (the order
//! transitions and support functions, the final function of the calendar tables); each
//! feature's own transitions and finals are in its module. SQL in `onestep.sql`.

use super::history::Builder;
use crate::pg::*;
use pgrx::pg_sys::{Datum, FunctionCallInfo};
use retention_core::orders::ids::{bad_state, IdMap, StateValue};
use retention_core::orders::log::OrderLog;
use retention_core::orders::runs::RunMap;
use retention_core::orders::series::Run;
use retention_core::orders::onestep::{read_head, write_head, Params};
use retention_core::orders::words::{Grow, Summary};
use retention_core::orders::{Customer, HAS_COST, HAS_ITEMS};
use retention_core::time::{check_timestamp, Unit};
use retention_core::varint::Reader;
use retention_core::Result;

pgrx::extension_sql_file!("onestep.sql", name = "onestep", requires = ["history"]);

/// What a one-step state collects: a hash table of customers, a log of orders or a table of
/// runs.
pub trait Collection: Sized {
    /// An empty collection for a state with these parameters.
    fn new_in(alloc: PgAlloc, params: &Params) -> Self;
    /// Append the partial-state form (for a parallel leader).
    fn write(&mut self, out: &mut Vec<u8>);
    /// Add a partial state read back.
    fn read_append(&mut self, r: &mut Reader<'_>) -> Result<()>;
    /// Add another state's customers or orders.
    fn absorb(&mut self, other: &mut Self) -> Result<()>;
}

impl<V: StateValue> Collection for IdMap<V, PgAlloc> {
    fn new_in(alloc: PgAlloc, _: &Params) -> Self {
        IdMap::new_in(alloc)
    }
    fn write(&mut self, out: &mut Vec<u8>) {
        self.flush(V::ZERO);
        IdMap::write(self, out);
    }
    fn read_append(&mut self, r: &mut Reader<'_>) -> Result<()> {
        self.read_merge(r)
    }
    fn absorb(&mut self, other: &mut Self) -> Result<()> {
        self.merge_from(other, V::ZERO)
    }
}

/// The orders of a one-step aggregate that needs them: every order in a log, or, with a
/// calendar (the period tables), per customer and period in runs.
pub enum OrderData {
    Log(OrderLog<PgAlloc>),
    Runs(RunMap<PgAlloc>),
}

impl Collection for OrderData {
    fn new_in(alloc: PgAlloc, params: &Params) -> Self {
        match params {
            Params::Calendar { .. } => OrderData::Runs(RunMap::new_in(alloc)),
            _ => OrderData::Log(OrderLog::new_in(alloc)),
        }
    }
    fn write(&mut self, out: &mut Vec<u8>) {
        match self {
            OrderData::Log(l) => l.write(out),
            OrderData::Runs(m) => m.write(out).or_report(),
        }
    }
    fn read_append(&mut self, r: &mut Reader<'_>) -> Result<()> {
        match self {
            OrderData::Log(l) => l.read_append(r),
            OrderData::Runs(m) => m.read_append(r),
        }
    }
    fn absorb(&mut self, other: &mut Self) -> Result<()> {
        match (self, other) {
            (OrderData::Log(a), OrderData::Log(b)) => a.append(b),
            (OrderData::Runs(a), OrderData::Runs(b)) => a.append(b),
            // The states' parameters were compared first.
            _ => Err(bad_state()),
        }
    }
}

/// A one-step state: the id type, the parameters and what it collects. Its partial form is
/// the head (`retention_core::orders::onestep`) and then the collection's.
pub struct OneStep<C: Collection> {
    pub id: IdType,
    pub params: Params,
    pub data: C,
    /// The address of the call site's calendar (see `call_calendar`) last found to agree
    /// with `params`, so that rows with the same calendar arguments skip the comparison.
    calendar: usize,
}

impl<C: Collection + 'static> AggState for OneStep<C> {
    const DROP: bool = false;
    fn write(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        write_head(&mut out, self.id, &self.params);
        self.data.write(&mut out);
        out
    }
    fn read(bytes: &[u8], alloc: PgAlloc) -> Result<Self> {
        let mut r = Reader::new(bytes);
        let (id, params) = read_head(&mut r)?;
        let mut data = C::new_in(alloc, &params);
        data.read_append(&mut r)?;
        if !r.at_end() {
            return Err(bad_state());
        }
        Ok(OneStep {
            id,
            params,
            data,
            calendar: 0,
        })
    }
    fn absorb(&mut self, other: &mut Self) -> Result<()> {
        if self.params != other.params || self.id != other.id {
            return Err(self.params.changed(&other.params));
        }
        self.data.absorb(&mut other.data)
    }
}

pub type Flags = OneStep<IdMap<u8, PgAlloc>>;
pub type Counts = OneStep<IdMap<u64, PgAlloc>>;
pub type Spans = OneStep<IdMap<retention_core::orders::ids::Span, PgAlloc>>;
pub type Orders = OneStep<OrderData>;

/// The state of a transition call with parameters `params`, made in the aggregate's
/// context on the first row (the id type from argument 1's type).
pub unsafe fn onestep_state<'a, C: Collection + 'static>(
    fcinfo: FunctionCallInfo,
    params: Params,
    fname: &str,
) -> (Datum, &'a mut OneStep<C>) {
    let (d, s) = state_of(fcinfo, fname, |alloc| {
        refuse_distinct(fcinfo);
        OneStep {
            id: id_type(fcinfo, 1),
            params,
            data: C::new_in(alloc, &params),
            calendar: 0,
        }
    });
    if s.params != params {
        report(s.params.changed(&params));
    }
    (d, s)
}

/// A hash-table state of a final call with every buffered update applied and the customers
/// of parallel workers merged in, or `None` for a group without customers.
pub unsafe fn flushed<'a, V: StateValue>(
    fcinfo: FunctionCallInfo,
) -> Option<&'a mut OneStep<IdMap<V, PgAlloc>>> {
    let s = final_state::<OneStep<IdMap<V, PgAlloc>>>(fcinfo)?;
    s.data.settle().or_report();
    Some(s)
}

/// The row's customer id and order time, or `None` to skip the row.
#[inline]
pub unsafe fn id_and_time(fcinfo: FunctionCallInfo) -> Option<(Datum, i64)> {
    let id = arg(fcinfo, 1)?;
    let ts = arg(fcinfo, 2)?.value() as i64;
    Some((id, check_timestamp(ts, "ordered_at").or_report()))
}

// --- the order log --------------------------------------------------------------------------

internal_state!(Orders: orders_by_id_serial, orders_by_id_deserial, orders_by_id_combine);

/// Log one order row, `amount` at argument `a` (and items, cost after it when `with_extras`)
/// (called only for a row that is not skipped).
unsafe fn add_order(fcinfo: FunctionCallInfo, a: Option<usize>, with_extras: bool) -> Datum {
    let Some((id, ts)) = id_and_time(fcinfo) else {
        return skip_row(fcinfo);
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
    let (d, s) = onestep_state::<OrderData>(fcinfo, Params::None, "orders_by_id_trans");
    let OrderData::Log(log) = &mut s.data else {
        report(bad_state());
    };
    log.push(key_of(id, s.id), ts, amount, flags, items, cost)
        .or_report();
    d
}

pg_fn!(
    /// `(state, customer_id, ordered_at [, amount [, items, cost]])`.
    fn orders_by_id_trans(fcinfo) {
        let n = nargs(fcinfo);
        add_order(fcinfo, (n > 3).then_some(3), n > 4)
    }
);

pg_fn!(
    /// `(state, customer_id, ordered_at, amount, granularity [, zone])`: the order is added to
    /// the customer's run of its period. The calendar arguments are parsed once per call
    /// site (`call_calendar`) and compared with the state's only when they change.
    fn orders_by_id_series_trans(fcinfo) {
        let Some((id, ts)) = id_and_time(fcinfo) else {
            return skip_row(fcinfo);
        };
        let amount = arg(fcinfo, 3).map(|d| arg_numeric(d, "amount"));
        let zc = call_calendar(fcinfo, 4, nargs(fcinfo) > 5, None);
        add_to_run(fcinfo, "orders_by_id_series_trans", id, ts, amount, zc)
    }
);

pg_fn!(
    /// `(state, customer_id, ordered_at [, zone])`: the order is added to the customer's run
    /// of its day (`activity_series_agg`).
    fn orders_by_id_days_trans(fcinfo) {
        let Some((id, ts)) = id_and_time(fcinfo) else {
            return skip_row(fcinfo);
        };
        let zc = day_calendar(fcinfo, 3);
        add_to_run(fcinfo, "orders_by_id_days_trans", id, ts, None, zc)
    }
);

/// Add an order to its customer's run of the period `zc` puts it in. The state keeps the
/// calendar it was made with; a call site's calendar is the same object while its arguments
/// do not change, so the state's calendar is checked only when the object does.
unsafe fn add_to_run(
    fcinfo: FunctionCallInfo,
    fname: &str,
    id: Datum,
    ts: i64,
    amount: Option<retention_core::decimal::Dec>,
    zc: &mut ZoneCalendar,
) -> Datum {
    let seen = zc as *const _ as usize;
    let (d, s) = match arg(fcinfo, 0) {
        Some(d) if (*d.cast_mut_ptr::<Orders>()).calendar == seen => {
            (d, &mut *d.cast_mut_ptr::<Orders>())
        }
        _ => {
            let params = Params::calendar(zc.unit(), zc.zone_name()).or_report();
            let (d, s) = onestep_state::<OrderData>(fcinfo, params, fname);
            s.calendar = seen;
            (d, s)
        }
    };
    let index = zc.index(ts).or_report();
    let OrderData::Runs(runs) = &mut s.data else {
        report(bad_state());
    };
    runs.push(key_of(id, s.id), index, amount).or_report();
    d
}

/// Run `f` on every customer of an order log, sorted, answering cancel requests.
pub unsafe fn each_customer(s: &mut Orders, mut f: impl FnMut(&Customer<'_>)) {
    let OrderData::Log(log) = &mut s.data else {
        report(bad_state());
    };
    let mut scratch = Builder::new_in(current_alloc());
    let mut i = 0usize;
    log.each_customer(&mut scratch, |c| {
        retention_core::interrupt::check_each(i, 4096);
        i += 1;
        f(c);
        Ok(())
    })
    .or_report();
}

/// A calendar table of every customer of a one-step state's runs: `init` makes the empty
/// body for the calendar, `add` counts a customer by its runs (activity, MRR or cohorts).
pub unsafe fn table_final<S: Summary>(
    fcinfo: FunctionCallInfo,
    init: impl FnOnce(Unit, &str) -> Result<Vec<u64>>,
    add: fn(&mut [u64], &[Run], u8, u16) -> Result<Grow>,
) -> Datum {
    let Some(s) = final_state::<Orders>(fcinfo) else {
        return ret_null(fcinfo);
    };
    let (Params::Calendar { unit, .. }, OrderData::Runs(runs)) = (s.params, &mut s.data) else {
        report(bad_state());
    };
    let mut body = init(unit, s.params.zone()).or_report();
    let mut i = 0usize;
    runs.each_customer(&mut Vec::new(), |runs, scale, display| {
        retention_core::interrupt::check_each(i, 4096);
        i += 1;
        update_owned(&mut body, |b| add(b, runs, scale, display));
        Ok(())
    })
    .or_report();
    final_words::<S>(&body)
}
