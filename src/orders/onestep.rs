//! The one-step aggregates, which take `customer_id` directly. Rows stream into a collection
//! in the aggregate's memory context (see `retention_core::orders::ids` and `::log`): a
//! partitioned hash table of customers holding only what the figure needs (1 byte of flags
//! for retention, an order count, first / last / count for the mean gap), or a partitioned
//! log of every order for the figures that need all of them (median gap, customer stats,
//! period tables, cohorts). At the end the same level-2 code the two-level path runs on
//! histories counts each customer. This module holds the state ([`OneStep`]) and the
//! functions several features share (the order log's transitions and support functions, the
//! final function of the calendar tables); each feature's own transitions and finals are in
//! its module. SQL in `onestep.sql`.

use super::history::Builder;
use crate::pg::*;
use pgrx::pg_sys::{Datum, FunctionCallInfo};
use retention_core::orders::ids::{bad_state, IdMap, StateValue};
use retention_core::orders::log::OrderLog;
use retention_core::orders::onestep::{read_head, write_head, Params};
use retention_core::orders::words::{Grow, Summary};
use retention_core::orders::{Customer, HAS_COST, HAS_ITEMS};
use retention_core::time::{check_timestamp, Unit};
use retention_core::varint::Reader;
use retention_core::Result;

pgrx::extension_sql_file!("onestep.sql", name = "onestep", requires = ["history"]);

/// What a one-step state collects: a hash table of customers or a log of orders.
pub trait Collection: Sized {
    fn new_in(alloc: PgAlloc) -> Self;
    /// Append the partial-state form (for a parallel leader).
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
        let mut data = C::new_in(alloc);
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
pub type Orders = OneStep<OrderLog<PgAlloc>>;

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
            data: C::new_in(alloc),
            calendar: 0,
        }
    });
    if s.params != params {
        report(s.params.changed(&params));
    }
    (d, s)
}

/// A hash-table state of a final call with every buffered update applied, or `None` for a
/// group without customers.
pub unsafe fn flushed<'a, V: StateValue>(
    fcinfo: FunctionCallInfo,
) -> Option<&'a mut OneStep<IdMap<V, PgAlloc>>> {
    let s = final_state::<OneStep<IdMap<V, PgAlloc>>>(fcinfo)?;
    s.data.flush(V::ZERO);
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

/// Log one order row, `amount` at argument `a` (and items, cost after it when `with_extras`),
/// into the state `state` gives (called only for a row that is not skipped).
unsafe fn add_order<'a>(
    fcinfo: FunctionCallInfo,
    state: impl FnOnce() -> (Datum, &'a mut Orders),
    a: Option<usize>,
    with_extras: bool,
) -> Datum {
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
        let state = || onestep_state::<OrderLog<PgAlloc>>(fcinfo, Params::None, "orders_by_id_trans");
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
            Some(d) if (*d.cast_mut_ptr::<Orders>()).calendar == seen => {
                (d, &mut *d.cast_mut_ptr::<Orders>())
            }
            _ => {
                let params = Params::calendar(zc.unit(), zc.zone_name()).or_report();
                let (d, s) = onestep_state::<OrderLog<PgAlloc>>(fcinfo, params, "orders_by_id_series_trans");
                s.calendar = seen;
                (d, s)
            }
        };
        add_order(fcinfo, state, Some(3), false)
    }
);

/// Run `f` on every customer of an order log, sorted, answering cancel requests.
pub unsafe fn each_customer(s: &mut Orders, mut f: impl FnMut(&Customer<'_>)) {
    let mut scratch = Builder::new_in(current_alloc());
    let mut i = 0usize;
    s.data
        .each_customer(&mut scratch, |c| {
            retention_core::interrupt::check_each(i, 4096);
            i += 1;
            f(c);
            Ok(())
        })
        .or_report();
}

/// A calendar table of every customer of an order log: `init` makes the empty body for the
/// calendar, `add` counts a customer (activity, MRR or cohorts).
pub unsafe fn table_final<S: Summary>(
    fcinfo: FunctionCallInfo,
    init: impl FnOnce(Unit, &str) -> Result<Vec<u64>>,
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
        update_owned(&mut body, |b| add(b, c, &mut |ts| zc.index(ts)))
    });
    final_words::<S>(&body)
}
