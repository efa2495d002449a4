//! Level 1: the `customer_history` type, `customer_history_agg(...)` (used with
//! `GROUP BY customer_id`), its `rollup`, and the per-customer accessors
//! (`retention_core::orders::history`; SQL in `history.sql`).

use super::{decode, with_history, Scratch};
use crate::pg::*;
use pgrx::pg_sys::{Datum, FunctionCallInfo};
use retention_core::decimal::float_amount_text;
use retention_core::orders::history::{self, HistoryBuilder};
use retention_core::orders::{Customer, HAS_COST, HAS_ITEMS};
use retention_core::Result;

pgrx::extension_sql_file!("history.sql", name = "history", requires = ["survey"]);

pub type Builder = HistoryBuilder<PgAlloc>;

pg_fn!(
    /// The implicit casts `double precision -> float_amount` and `real -> float_amount` (the
    /// argument type of the overloads taking float amounts, laid out as `numeric`): the
    /// float's shortest round-trip decimal, as `numeric`
    /// (`retention_core::decimal::float_amount_text`). The float is read by its type.
    fn float_amount_from_float(fcinfo) {
        let d = arg(fcinfo, 0).expect("strict");
        let text = match arg_type(fcinfo, 0) {
            Some(pgrx::pg_sys::FLOAT4OID) => {
                float_amount_text(f32::from_bits(d.value() as u32) as f64, true)
            }
            Some(pgrx::pg_sys::FLOAT8OID) => float_amount_text(f64::from_bits(d.value() as u64), false),
            _ => unknown_arg_type(fcinfo, "the float amount"),
        }
        .or_report();
        numeric_datum_of_text(&text)
    }
);

/// A `customer_history` datum of a customer.
pub unsafe fn history_datum(c: &Customer<'_>) -> Datum {
    new_varlena(&history::encode(c))
}

/// The builder is the state of `customer_history_agg` and `rollup(customer_history)`; its
/// partial form is the `customer_history` binary form of what it holds.
impl AggState for Builder {
    const DROP: bool = false;
    fn write(&mut self) -> Vec<u8> {
        self.sort();
        history::encode(&self.customer())
    }
    fn read(bytes: &[u8], alloc: PgAlloc) -> Result<Self> {
        let mut scratch = Scratch::new_in(unsafe { current_alloc() });
        let c = history::decode_into(bytes, &mut scratch)?;
        let mut b = Builder::new_in(alloc);
        b.merge(&c)?;
        Ok(b)
    }
    fn absorb(&mut self, other: &mut Self) -> Result<()> {
        other.sort();
        self.merge(&other.customer())
    }
}

internal_state!(Builder: customer_history_serial, customer_history_deserial, customer_history_state_combine);

unsafe fn builder<'a>(fcinfo: FunctionCallInfo, fname: &str) -> (Datum, &'a mut Builder) {
    state_of(fcinfo, fname, Builder::new_in)
}

pg_fn!(
    /// `(state, ordered_at [, amount [, items, cost]])`: one order row. Rows without a time
    /// are skipped; a NULL amount, items or cost is an order without that value.
    fn customer_history_trans(fcinfo) {
        let Some(ts) = arg(fcinfo, 1) else {
            return skip_row(fcinfo);
        };
        let n = nargs(fcinfo);
        let amount = if n > 2 { arg(fcinfo, 2).map(|d| arg_numeric(d, "amount")) } else { None };
        let (flags, items, cost) = if n > 3 {
            (
                HAS_ITEMS | HAS_COST,
                arg(fcinfo, 3).map(|d| d.value() as i64),
                arg(fcinfo, 4).map(|d| arg_numeric(d, "cost")),
            )
        } else {
            (0, None, None)
        };
        let (datum, b) = builder(fcinfo, "customer_history_trans");
        b.add(ts.value() as i64, amount, flags, items, cost).or_report();
        datum
    }
);

pg_fn!(
    /// `rollup(customer_history)`: merge stored histories of one customer.
    fn customer_history_rollup_trans(fcinfo) {
        let Some(h) = arg(fcinfo, 1) else {
            return skip_row(fcinfo);
        };
        with_history(h, |c| {
            let (datum, b) = builder(fcinfo, "customer_history_rollup_trans");
            b.merge(c).or_report();
            datum
        })
    }
);

pg_fn!(fn customer_history_final(fcinfo) {
    match final_state::<Builder>(fcinfo) {
        Some(b) => {
            b.sort(); // idempotent: the state's content does not change
            history_datum(&b.customer())
        }
        None => ret_null(fcinfo),
    }
});

pg_fn!(
    /// `customer_history_combine(a, b)`: the history of both (for upserts of stored
    /// histories with new orders).
    fn customer_history_combine(fcinfo) {
        let mut s1 = Scratch::new_in(current_alloc());
        let mut s2 = Scratch::new_in(current_alloc());
        let a = decode(arg(fcinfo, 0).expect("strict"), &mut s1);
        let b = decode(arg(fcinfo, 1).expect("strict"), &mut s2);
        let mut out = Builder::new_in(current_alloc());
        out.merge(&a).or_report();
        out.merge(&b).or_report();
        out.sort();
        history_datum(&out.customer())
    }
);

// --- type I/O -------------------------------------------------------------------------------

/// The type I/O of `customer_history`: the binary form is the stored bytes.
pub(crate) struct HistoryIo;

impl TypeIo for HistoryIo {
    const NAME: &'static str = history::TYPE_NAME;
    unsafe fn input(text: &str) -> Datum {
        let b = history::from_text(text, current_alloc()).or_report();
        history_datum(&b.customer())
    }
    unsafe fn output(d: Datum) -> String {
        with_history(d, history::to_text)
    }
    unsafe fn receive(bytes: &[u8]) -> Datum {
        let mut scratch = Scratch::new_in(current_alloc());
        history_datum(&history::decode_into(bytes, &mut scratch).or_report())
    }
    unsafe fn send(d: Datum) -> Vec<u8> {
        varlena_bytes(d).to_vec()
    }
}

type_io!(HistoryIo: customer_history_in, customer_history_out, customer_history_recv, customer_history_send);

// --- accessors ------------------------------------------------------------------------------

/// Run `f` on the customer of argument 0 (accessors are strict).
unsafe fn with_customer<T>(fcinfo: FunctionCallInfo, f: impl FnOnce(&Customer<'_>) -> T) -> T {
    with_history(arg(fcinfo, 0).expect("accessors are strict"), f)
}

/// The order count and first order time of argument 0, from the header alone.
/// A long history stored compressed or out of line is only decompressed as far as its
/// header (at most 4 + 10 + 10 + 10 bytes).
unsafe fn peek(fcinfo: FunctionCallInfo) -> (u64, i64) {
    let d = arg(fcinfo, 0).expect("accessors are strict");
    let p = d.cast_mut_ptr::<pgrx::pg_sys::varlena>();
    let bytes = if pgrx::varatt_is_1b(p) && !pgrx::varatt_is_1b_e(p) || pgrx::varatt_is_4b_u(p) {
        varlena_bytes(d)
    } else {
        let s = pgrx::pg_sys::pg_detoast_datum_slice(p, 0, 40);
        std::slice::from_raw_parts(
            pgrx::vardata_any(s) as *const u8,
            pgrx::varsize_any_exhdr(s),
        )
    };
    history::peek(bytes).or_report()
}

pg_fn!(fn history_first_order(fcinfo) { Datum::from(peek(fcinfo).1) });
pg_fn!(fn history_last_order(fcinfo) { with_customer(fcinfo, |c| Datum::from(c.last())) });
pg_fn!(fn history_orders(fcinfo) { ret_count(peek(fcinfo).0) });
pg_fn!(fn history_revenue(fcinfo) {
    with_customer(fcinfo, |c| ret_numeric(fcinfo, (c.priced_orders() > 0).then(|| c.revenue())))
});
pg_fn!(fn history_avg_order_value(fcinfo) {
    with_customer(fcinfo, |c| ret_numeric_div(fcinfo, Some(c.revenue()), c.priced_orders()))
});
pg_fn!(fn history_items(fcinfo) {
    with_customer(fcinfo, |c| {
        if c.extras.item_orders > 0 { Datum::from(c.extras.items) } else { ret_null(fcinfo) }
    })
});
pg_fn!(fn history_cost(fcinfo) {
    with_customer(fcinfo, |c| ret_numeric(fcinfo, (c.extras.cost_orders > 0).then_some(c.extras.cost)))
});
pg_fn!(fn history_profit(fcinfo) { with_customer(fcinfo, |c| ret_numeric(fcinfo, c.profit())) });
pg_fn!(fn history_lifespan(fcinfo) { with_customer(fcinfo, |c| interval_datum(c.last() - c.first())) });
pg_fn!(fn history_avg_gap(fcinfo) { with_customer(fcinfo, |c| ret_interval_us(fcinfo, c.avg_gap())) });
pg_fn!(
    /// `has_order_between(h, from, to)`: an order in `[from, to)`.
    fn history_has_order_between(fcinfo) {
        let (from, to) = (arg(fcinfo, 1).expect("strict").value() as i64, arg(fcinfo, 2).expect("strict").value() as i64);
        with_customer(fcinfo, |c| {
            let at = c.orders.partition_point(|o| o.ts < from);
            Datum::from(at < c.orders.len() && c.orders[at].ts < to)
        })
    }
);
pg_fn!(
    /// `order_list(h)`: the orders, one row each, in time order.
    fn history_order_list(fcinfo) {
        with_customer(fcinfo, |c| {
            let rows = c
                .orders
                .iter()
                .map(|o| {
                    let amount = o.priced().then(|| numeric_datum(retention_core::decimal::Dec::new(o.amount as i128, c.scale).with_display(c.display)));
                    vec![Some(Datum::from(o.ts)), amount]
                });
            return_rows(fcinfo, rows)
        })
    }
);
