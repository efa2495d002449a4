//! SQL glue of the plain formulas (`retention_rate(start, end, new)` and friends); the math
//! and its checks are in `retention_core::formulas`, the declarations in `formulas.sql`.

use crate::pg::*;
use retention_core::formulas as f;

pgrx::extension_sql_file!("formulas.sql", name = "formulas");

/// Argument `i` of a strict function.
unsafe fn x(fcinfo: pgrx::pg_sys::FunctionCallInfo, i: usize) -> f64 {
    arg_f64(fcinfo, i).expect("formulas are strict")
}

pg_fn!(fn pgr_retention_rate(fcinfo) {
    ret_f64(fcinfo, f::retention_rate(x(fcinfo, 0), x(fcinfo, 1), x(fcinfo, 2)).or_report())
});
pg_fn!(fn pgr_churn_rate(fcinfo) { ret_f64(fcinfo, f::churn_rate(x(fcinfo, 0), x(fcinfo, 1)).or_report()) });
pg_fn!(fn pgr_revenue_churn(fcinfo) { ret_f64(fcinfo, f::revenue_churn(x(fcinfo, 0), x(fcinfo, 1)).or_report()) });
pg_fn!(fn pgr_repeat_purchase_rate(fcinfo) {
    ret_f64(fcinfo, f::repeat_purchase_rate(x(fcinfo, 0), x(fcinfo, 1)).or_report())
});
pg_fn!(fn pgr_return_rate(fcinfo) { ret_f64(fcinfo, f::return_rate(x(fcinfo, 0), x(fcinfo, 1)).or_report()) });
pg_fn!(fn pgr_conversion_rate(fcinfo) { ret_f64(fcinfo, f::conversion_rate(x(fcinfo, 0), x(fcinfo, 1)).or_report()) });
pg_fn!(fn pgr_clv(fcinfo) { ret_f64(fcinfo, Some(f::clv(x(fcinfo, 0), x(fcinfo, 1), x(fcinfo, 2)).or_report())) });
pg_fn!(fn pgr_cac(fcinfo) { ret_f64(fcinfo, f::cac(x(fcinfo, 0), x(fcinfo, 1)).or_report()) });
pg_fn!(fn pgr_wilson_ci(fcinfo) {
    let iv = f::wilson_ci(x(fcinfo, 0), x(fcinfo, 1), x(fcinfo, 2)).or_report();
    ret_interval(fcinfo, iv)
});

// The same functions as 0.3.0 declares them, returning named composite types (release
// 0.2.0's catalog calls the symbols above with OUT parameters; `ret_record` follows the
// declaration).
pg_fn!(fn pgr_wilson_ci_typed = pgr_wilson_ci;);
