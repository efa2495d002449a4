//! Level 1: the `customer_history` type, `customer_history_agg(...)` (used with
//! `GROUP BY customer_id`), its `rollup`, and the per-customer accessors.

use super::{decode, Scratch};
use crate::glue::*;
use pgrx::pg_sys::{Datum, FunctionCallInfo};
use retention_core::orders::history::{self, HistoryBuilder};
use retention_core::orders::{Customer, HAS_COST, HAS_ITEMS};

pub type Builder = HistoryBuilder<PgAlloc>;

/// A `customer_history` datum of a customer.
pub unsafe fn history_datum(c: &Customer<'_>) -> Datum {
    new_varlena(&history::encode(c))
}

/// The running builder of an internal-state call, made in the aggregate's context on first
/// use.
unsafe fn builder<'a>(
    fcinfo: FunctionCallInfo,
    state: Option<Datum>,
    fname: &str,
) -> (Datum, &'a mut Builder) {
    match state {
        Some(d) => (d, &mut *d.cast_mut_ptr::<Builder>()),
        None => {
            let ctx = agg_context(fcinfo, fname);
            let b = alloc_in(ctx, Builder::new_in(PgAlloc(ctx)));
            (Datum::from(b), &mut *b)
        }
    }
}

pg_fn!(
    /// `(state, ordered_at [, amount [, items, cost]])`: one order row. Rows without a time
    /// are skipped; a NULL amount, items or cost is an order without that value.
    fn customer_history_trans(fcinfo) {
        let state = arg(fcinfo, 0);
        let Some(ts) = arg(fcinfo, 1) else {
            return state.unwrap_or_else(|| ret_null(fcinfo));
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
        let (datum, b) = builder(fcinfo, state, "customer_history_trans");
        b.add(ts.value() as i64, amount, flags, items, cost).or_report();
        datum
    }
);

pg_fn!(
    /// `rollup(customer_history)`: merge stored histories of one customer.
    fn customer_history_rollup_trans(fcinfo) {
        let state = arg(fcinfo, 0);
        let Some(h) = arg(fcinfo, 1) else {
            return state.unwrap_or_else(|| ret_null(fcinfo));
        };
        let mut scratch = Scratch::new_in(current_alloc());
        let c = decode(h, &mut scratch);
        let (datum, b) = builder(fcinfo, state, "customer_history_rollup_trans");
        b.merge(&c).or_report();
        datum
    }
);

pg_fn!(fn customer_history_final(fcinfo) {
    let Some(state) = arg(fcinfo, 0) else {
        return ret_null(fcinfo);
    };
    let b = &mut *state.cast_mut_ptr::<Builder>();
    b.sort(); // idempotent: the state's content does not change
    history_datum(&b.customer())
});

pg_fn!(fn customer_history_serial(fcinfo) {
    let b = &mut *arg(fcinfo, 0).expect("strict").cast_mut_ptr::<Builder>();
    b.sort();
    history_datum(&b.customer())
});

pg_fn!(fn customer_history_deserial(fcinfo) {
    let bytes = varlena_bytes(arg(fcinfo, 0).expect("strict"));
    let mut scratch = Scratch::new_in(current_alloc());
    let c = history::decode_into(bytes, &mut scratch).or_report();
    let (datum, b) = builder(fcinfo, None, "customer_history_deserial");
    b.merge(&c).or_report();
    datum
});

pg_fn!(fn customer_history_state_combine(fcinfo) {
    let (a, b) = (arg(fcinfo, 0), arg(fcinfo, 1));
    let Some(b) = b else {
        return a.unwrap_or_else(|| ret_null(fcinfo));
    };
    let other = &mut *b.cast_mut_ptr::<Builder>();
    other.sort();
    let (datum, mine) = builder(fcinfo, a, "customer_history_state_combine");
    mine.merge(&other.customer()).or_report();
    datum
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

pg_fn!(fn customer_history_in(fcinfo) {
    let text = arg_cstr(fcinfo, 0, history::TYPE_NAME);
    let b = history::from_text(text, current_alloc()).or_report();
    history_datum(&b.customer())
});

pg_fn!(fn customer_history_out(fcinfo) {
    let mut scratch = Scratch::new_in(current_alloc());
    let c = decode(arg(fcinfo, 0).expect("strict"), &mut scratch);
    ret_cstring(&history::to_text(&c))
});

pg_fn!(fn customer_history_recv(fcinfo) {
    let bytes = arg_recv_bytes(fcinfo, 0);
    let mut scratch = Scratch::new_in(current_alloc());
    let c = history::decode_into(bytes, &mut scratch).or_report();
    history_datum(&c)
});

pg_fn!(fn customer_history_send(fcinfo) {
    new_varlena(varlena_bytes(arg(fcinfo, 0).expect("strict")))
});

// --- accessors ------------------------------------------------------------------------------

/// Run `f` on the customer of argument 0 (accessors are strict).
unsafe fn with_customer<T>(fcinfo: FunctionCallInfo, f: impl FnOnce(&Customer<'_>) -> T) -> T {
    let mut scratch = Scratch::new_in(current_alloc());
    let c = decode(arg(fcinfo, 0).expect("accessors are strict"), &mut scratch);
    f(&c)
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
pg_fn!(fn history_profit(fcinfo) {
    with_customer(fcinfo, |c| {
        let n = c.orders.len() as u64;
        let complete = c.extras.cost_orders == n && c.priced_orders() == n;
        ret_numeric(fcinfo, complete.then(|| c.revenue().checked_sub(c.extras.cost)).flatten())
    })
});
pg_fn!(fn history_lifespan(fcinfo) { with_customer(fcinfo, |c| interval_datum(c.last() - c.first())) });
pg_fn!(fn history_avg_gap(fcinfo) {
    with_customer(fcinfo, |c| {
        let gaps = c.orders.len() as u64 - 1;
        ret_interval_us(fcinfo, (gaps > 0).then(|| (c.last() - c.first()) as f64 / gaps as f64))
    })
});
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
            let rows: Vec<Vec<Option<Datum>>> = c
                .orders
                .iter()
                .map(|o| {
                    let amount = o.priced().then(|| numeric_datum(retention_core::decimal::Dec::new(o.amount as i128, c.scale).with_display(c.display)));
                    vec![Some(Datum::from(o.ts)), amount]
                })
                .collect();
            return_rows(fcinfo, rows)
        })
    }
);
