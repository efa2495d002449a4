//! MRR movements between two snapshots: the `mrr_summary` type, `mrr_movements` and the
//! read-outs (revenue churn, NRR, GRR, quick ratio...) (`retention_core::orders::mrr`; SQL
//! in `mrr.sql`). MRR per calendar period is `series`' `mrr_series`.

use crate::pg::*;
use pgrx::pg_sys::FunctionCallInfo;
use retention_core::orders::mrr::{self, Mrr, MrrRef};

pgrx::extension_sql_file!("mrr.sql", name = "mrr", requires = ["series"]);

type_io!(Words<Mrr>: mrr_summary_in, mrr_summary_out, mrr_summary_recv, mrr_summary_send);
pg_fn!(fn mrr_summary_combine(fcinfo) { words_combine::<Mrr>(fcinfo) });
pg_fn!(fn mrr_summary_final(fcinfo) { words_final::<Mrr>(fcinfo) });

pg_fn!(
    /// `mrr_movements(mrr_start, mrr_end)`: NULL is no subscription (0); a row with both
    /// NULL is skipped.
    fn mrr_movements_trans(fcinfo) {
        let (s, e) = (arg(fcinfo, 1), arg(fcinfo, 2));
        if s.is_none() && e.is_none() {
            return skip_row(fcinfo);
        }
        let s = s.map(|d| arg_numeric(d, "mrr_start"));
        let e = e.map(|d| arg_numeric(d, "mrr_end"));
        let (datum, body) = word_state::<Mrr>(fcinfo, arg(fcinfo, 0), false, || Ok(mrr::new_body()));
        mrr::add(body, s, e).or_report();
        datum
    }
);

// --- read-outs -------------------------------------------------------------------------------

unsafe fn mrr_ref<'a>(fcinfo: FunctionCallInfo) -> MrrRef<'a> {
    MrrRef(words_arg0::<Mrr>(fcinfo))
}

pg_fn!(fn mrr_revenue_churn(fcinfo) { ret_f64(fcinfo, mrr_ref(fcinfo).revenue_churn()) });
pg_fn!(fn mrr_gross_churn(fcinfo) { ret_f64(fcinfo, mrr_ref(fcinfo).gross_mrr_churn()) });
pg_fn!(fn mrr_net_churn(fcinfo) { ret_f64(fcinfo, mrr_ref(fcinfo).net_mrr_churn()) });
pg_fn!(fn mrr_nrr(fcinfo) { ret_f64(fcinfo, mrr_ref(fcinfo).net_revenue_retention()) });
pg_fn!(fn mrr_grr(fcinfo) { ret_f64(fcinfo, mrr_ref(fcinfo).gross_revenue_retention()) });
pg_fn!(fn mrr_quick_ratio(fcinfo) { ret_f64(fcinfo, mrr_ref(fcinfo).quick_ratio()) });
pg_fn!(fn mrr_start_total(fcinfo) { numeric_datum(mrr_ref(fcinfo).mrr_start()) });
pg_fn!(fn mrr_end_total(fcinfo) { numeric_datum(mrr_ref(fcinfo).mrr_end()) });
pg_fn!(fn mrr_new(fcinfo) { numeric_datum(mrr_ref(fcinfo).new_mrr()) });
pg_fn!(fn mrr_expansion(fcinfo) { numeric_datum(mrr_ref(fcinfo).expansion()) });
pg_fn!(fn mrr_contraction(fcinfo) { numeric_datum(mrr_ref(fcinfo).contraction()) });
pg_fn!(fn mrr_churned(fcinfo) { numeric_datum(mrr_ref(fcinfo).churned()) });
pg_fn!(fn mrr_customers_start(fcinfo) { ret_count(mrr_ref(fcinfo).count("customers_start")) });
pg_fn!(fn mrr_customers_end(fcinfo) { ret_count(mrr_ref(fcinfo).count("customers_end")) });
pg_fn!(fn mrr_new_customers(fcinfo) { ret_count(mrr_ref(fcinfo).count("new_customers")) });
pg_fn!(fn mrr_churned_customers(fcinfo) { ret_count(mrr_ref(fcinfo).count("churned_customers")) });
pg_fn!(fn mrr_expanded_customers(fcinfo) { ret_count(mrr_ref(fcinfo).count("expanded_customers")) });
pg_fn!(fn mrr_contracted_customers(fcinfo) { ret_count(mrr_ref(fcinfo).count("contracted_customers")) });
