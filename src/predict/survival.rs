//! Kaplan-Meier survival curves: `kaplan_meier`, the `survival_curve` type, its `rollup`,
//! and the curve's rows, median and subjects (`retention_core::predict::survival`; SQL in
//! `survival.sql`). A curve is stored as its canonical text form, like the models.

use crate::pg::*;
use pgrx::pg_sys::{Datum, FunctionCallInfo};
use retention_core::predict::survival::{self, KaplanMeier};

pgrx::extension_sql_file!("survival.sql", name = "survival", requires = ["models"]);

text_form!(KaplanMeier, survival::TYPE_NAME);
type_io!(Text<KaplanMeier>: survival_curve_in, survival_curve_out, survival_curve_recv, survival_curve_send);

binary_state!(KaplanMeier);

internal_state!(KaplanMeier: kaplan_meier_serial, kaplan_meier_deserial, kaplan_meier_combine);
expanded_state!(KaplanMeier, "kaplan_meier_state": kaplan_meier_state_in, kaplan_meier_state_out,
    kaplan_meier_state_recv, kaplan_meier_state_send, kaplan_meier_state_combine);

/// `kaplan_meier(duration, churned)`: one subject; a NULL churned flag is an error (a
/// subject is churned or still observed).
unsafe fn kaplan_meier_add<P: Placement>(fcinfo: FunctionCallInfo) -> Datum {
    let Some(duration) = arg_f64(fcinfo, 1) else {
        return skip_row(fcinfo);
    };
    let churned = arg(fcinfo, 2)
        .unwrap_or_else(|| null_parameter("churned"))
        .value()
        != 0;
    let (datum, s) = P::state(fcinfo, "kaplan_meier_trans", |_| KaplanMeier::default());
    s.add(duration, churned).or_report();
    datum
}
placed!(kaplan_meier_add: kaplan_meier_trans, kaplan_meier_state_trans);

/// `combine(survival_curve)`: merge curves of disjoint sets of subjects.
unsafe fn survival_curve_add<P: Placement>(fcinfo: FunctionCallInfo) -> Datum {
    let Some(c) = arg(fcinfo, 1) else {
        return skip_row(fcinfo);
    };
    let other = parse_text_form::<KaplanMeier>(varlena_bytes(c)).or_report();
    let (datum, s) = P::state(fcinfo, "survival_curve_rollup_trans", |_| {
        KaplanMeier::default()
    });
    s.merge(&other).or_report();
    datum
}
placed!(survival_curve_add: survival_curve_rollup_trans, survival_curve_state_trans);

unsafe fn kaplan_meier_curve<P: Placement>(fcinfo: FunctionCallInfo) -> Datum {
    match P::final_state::<KaplanMeier>(fcinfo) {
        Some(km) if !km.is_empty() => text_form_datum(km),
        _ => ret_null(fcinfo),
    }
}
placed!(kaplan_meier_curve: kaplan_meier_final, kaplan_meier_state_final);

// --- read-outs ------------------------------------------------------------------------------

pg_fn!(
    /// `survival_curve(c, confidence)`: the curve, one row per distinct duration (and 0).
    fn survival_curve_rows(fcinfo) {
        let km = stored_arg0::<KaplanMeier>(fcinfo);
        let points = km.curve(confidence_arg(fcinfo, 1)).or_report();
        let rows = points
            .iter()
            .map(|p| {
                vec![
                    Some(Datum::from(p.time.to_bits())),
                    Some(ret_count(p.at_risk)),
                    Some(ret_count(p.events)),
                    Some(ret_count(p.censored)),
                    Some(Datum::from(p.survival.to_bits())),
                    Some(Datum::from(p.lower.to_bits())),
                    Some(Datum::from(p.upper.to_bits())),
                ]
            });
        return_rows(fcinfo, rows)
    }
);
pg_fn!(fn survival_curve_median(fcinfo) { ret_f64(fcinfo, stored_arg0::<KaplanMeier>(fcinfo).median()) });
pg_fn!(fn survival_curve_subjects(fcinfo) { ret_count(stored_arg0::<KaplanMeier>(fcinfo).subjects()) });
