//! `#[pg_test]` tests: behaviour that only a running PostgreSQL shows (in-place updates of
//! aggregate state, memory contexts, window frames, SQLSTATEs). The numbers themselves are
//! checked against references in `retention_core`'s unit tests and in the pg_regress files.

#[pgrx::pg_schema]
mod tests {
    use pgrx::prelude::*;

    fn one(query: &str) -> String {
        Spi::get_one::<String>(query)
            .expect("query runs")
            .expect("query returns a value")
    }

    /// "SQLSTATE: message" of the error `query` raises, through a PL/pgSQL handler so the
    /// transaction stays usable.
    fn sqlstate_of(query: &str) -> String {
        Spi::run(
            "CREATE OR REPLACE FUNCTION pg_temp.sqlstate_of(q text) RETURNS text LANGUAGE plpgsql AS $f$
             BEGIN EXECUTE q; RETURN 'no error';
             EXCEPTION WHEN OTHERS THEN RETURN SQLSTATE || ': ' || SQLERRM; END $f$",
        )
        .unwrap();
        one(&format!("SELECT pg_temp.sqlstate_of($q${query}$q$)"))
    }

    /// numeric_datum builds the numeric without text where it can; the bytes must be those
    /// numeric_in gives for the decimal's text (what it did before), at every edge: zero,
    /// signs, display scales above the mantissa's, scales past a base-10000 digit, values
    /// at and past the int64 range (the text path).
    #[pg_test]
    fn numeric_datum_equals_numeric_in_of_the_text() {
        use crate::pg::{numeric_datum, numeric_datum_of_text, varlena_bytes};
        use retention_core::decimal::Dec;
        let big = i128::from(i64::MAX);
        let cases = [
            Dec::new(0, 0),
            Dec::new(0, 2).with_display(2),
            Dec::new(0, 0).with_display(5),
            Dec::new(1999, 2),
            Dec::new(-1999, 2).with_display(4),
            Dec::new(5, 30),
            Dec::new(-123456789, 5).with_display(9),
            Dec::new(10000, 0),
            Dec::new(100000000, 4),
            Dec::new(big, 0),
            Dec::new(-big - 1, 3),
            Dec::new(big + 1, 0),
            Dec::new(big, 0).with_display(1),
            Dec::new(i128::MAX, 30),
            Dec::new(7, 0).with_display(1000),
        ];
        for d in cases {
            unsafe {
                let fast = varlena_bytes(numeric_datum(d)).to_vec();
                let text = varlena_bytes(numeric_datum_of_text(&d.to_string())).to_vec();
                assert_eq!(fast, text, "{d:?} ({d})");
            }
        }
    }

    #[pg_test]
    fn transition_called_as_a_function_does_not_modify_its_argument() {
        // Inside an aggregate the state is updated in place; called directly, the same
        // function must leave the caller's value alone.
        let got = one(
            "WITH s AS (SELECT '(version:1,counts:[0,0,0,0,0,0,0,0,0,0,1])'::nps_summary AS v)
             SELECT nps_trans(v, 3)::text || ' ' || v::text FROM s",
        );
        assert_eq!(
            got,
            "(version:1,counts:[0,0,0,1,0,0,0,0,0,0,1]) (version:1,counts:[0,0,0,0,0,0,0,0,0,0,1])"
        );
        let got = one("WITH s AS (SELECT ces_agg(2, 3) AS a, ces_agg(3, 3) AS b)
             SELECT ces_summary_combine(a, b)::text || ' ' || a::text FROM s");
        assert_eq!(
            got,
            "(version:1,options:3,counts:[0,1,1]) (version:1,options:3,counts:[0,1,0])"
        );
    }

    #[pg_test]
    fn random_splits_roll_up_to_the_raw_summary() {
        for seed in [0.1, 0.2, 0.3, 0.4, 0.5] {
            Spi::run(&format!(
                "SELECT setseed({seed});
                 DROP TABLE IF EXISTS r;
                 CREATE TEMP TABLE r AS
                 SELECT floor(random() * 11)::int AS s, floor(random() * 5)::int + 1 AS c,
                        floor(random() * 37)::int AS chunk
                 FROM generate_series(1, 3000)"
            ))
            .unwrap();
            let same = one(
                "SELECT ((SELECT rollup(n)::text || rollup(c)::text || rollup(e)::text
                          FROM (SELECT nps_agg(s) n, csat_agg(c) c, ces_agg(c, 5) e FROM r GROUP BY chunk) p)
                      = (SELECT nps_agg(s)::text || csat_agg(c)::text || ces_agg(c, 5)::text FROM r))::text",
            );
            assert_eq!(same, "true", "seed {seed}");
        }
    }

    #[pg_test]
    fn combine_is_rollup_under_a_keyword_free_name() {
        // Every rollup(T) has a combine(T) declared the same way: the same support functions
        // (transition, final, combine, serial, deserial), state, result, parallel safety,
        // volatility and strictness; only the name differs.
        let got = one(
            "WITH agg AS (
               SELECT p.proname, p.proargtypes::text AS args,
                      row(a.aggkind, a.aggnumdirectargs, a.aggtransfn, a.aggfinalfn, a.aggcombinefn,
                          a.aggserialfn, a.aggdeserialfn, a.aggmtransfn, a.aggminvtransfn, a.aggmfinalfn,
                          a.aggfinalextra, a.aggfinalmodify, a.aggsortop, a.aggtranstype, a.aggtransspace,
                          a.agginitval, p.prorettype, p.proparallel, p.provolatile, p.proisstrict,
                          p.pronamespace)::text AS def
               FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
               WHERE p.proname IN ('rollup', 'combine'))
             SELECT (SELECT count(*) FROM agg WHERE proname = 'rollup') || ' '
                 || (SELECT count(*) FROM agg WHERE proname = 'combine') || ' '
                 || (SELECT count(*) FROM ((SELECT args, def FROM agg WHERE proname = 'rollup'
                                            EXCEPT SELECT args, def FROM agg WHERE proname = 'combine')
                                           UNION ALL
                                           (SELECT args, def FROM agg WHERE proname = 'combine'
                                            AND args IN (SELECT args FROM agg WHERE proname = 'rollup')
                                            EXCEPT SELECT args, def FROM agg WHERE proname = 'rollup')) d)",
        );
        // 11 summary types have a rollup: nps, csat, ces summaries, customer_history,
        // retention_summary, customer_stats, period_series, mrr_series, mrr_summary,
        // cohort_summary, survival_curve. A type that came after the rename has combine()
        // alone: activity_series.
        assert_eq!(got, "11 12 0", "rollup aggregates, combine aggregates, definitions that differ");
    }

    #[pg_test]
    fn window_frames_match_recomputation() {
        // Sliding frames use the inverse transition (moving-aggregate mode); every frame must
        // equal the aggregate recomputed over the same rows, NULL scores included.
        Spi::run(
            "SELECT setseed(0.42);
             CREATE TEMP TABLE w AS
             SELECT g AS id, CASE WHEN random() < 0.1 THEN NULL ELSE floor(random() * 11)::int END AS s
             FROM generate_series(1, 400) g",
        )
        .unwrap();
        let mismatches = one(
            "SELECT count(*)::text FROM (
                 SELECT id, nps(s) OVER f AS nps, csat(s % 7 + 1, 1, 7, 6) OVER f AS csat,
                        ces(s % 5 + 1, 5) OVER f AS ces, nps_agg(s) OVER f AS summary
                 FROM w WINDOW f AS (ORDER BY id ROWS BETWEEN 6 PRECEDING AND CURRENT ROW)) f,
             LATERAL (SELECT nps(s) AS nps, csat(s % 7 + 1, 1, 7, 6) AS csat, ces(s % 5 + 1, 5) AS ces,
                             nps_agg(s) AS summary
                      FROM w x WHERE x.id BETWEEN f.id - 6 AND f.id) r
             WHERE f.nps IS DISTINCT FROM r.nps OR f.csat IS DISTINCT FROM r.csat
                OR f.ces IS DISTINCT FROM r.ces OR f.summary::text IS DISTINCT FROM r.summary::text",
        );
        assert_eq!(mismatches, "0");
    }

    #[pg_test]
    fn errors_carry_their_sqlstate() {
        assert!(sqlstate_of("SELECT nps(11)").starts_with("22023: NPS score 11 is out of range"));
        assert!(sqlstate_of("SELECT csat(4, 1, NULL, 4)").starts_with("22004:"));
        assert!(sqlstate_of("SELECT '(version:9,counts:[])'::nps_summary").starts_with("22P02:"));
        assert!(sqlstate_of("SELECT clv(1e300, 1e300, 1)").starts_with("22003:"));
        assert!(sqlstate_of("SELECT churn_rate(1, 2)").starts_with("22023:"));
        assert_eq!(sqlstate_of("SELECT nps(10)"), "no error");
    }

    #[pg_test]
    fn functions_are_parallel_safe_and_documented() {
        // Every function and aggregate the extension defines is PARALLEL SAFE and has a
        // COMMENT ON (so `\df+` and BI tools' pickers show what it computes).
        let undocumented = one(
            "SELECT count(*)::text FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid
             JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_retention'
             WHERE d.deptype = 'e' AND p.pronamespace <> 'tests'::regnamespace -- these test functions
               AND (p.proparallel <> 's' OR obj_description(p.oid, 'pg_proc') IS NULL)",
        );
        assert_eq!(undocumented, "0");
        // Every type the extension defines has a comment.
        let members = "FROM pg_type t JOIN pg_depend d ON d.objid = t.oid
             JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_retention'
             WHERE d.deptype = 'e'";
        let types = one(&format!(
            "SELECT string_agg(t.typname || ':' || (obj_description(t.oid, 'pg_type') IS NOT NULL), ',' ORDER BY t.typname)
             {members} AND t.typcategory <> 'A'"
        ));
        assert_eq!(
            types,
            "activity_series:true,bgnbd_model:true,bgnbd_parameters:true,ces_summary:true,cohort_summary:true,\
             confidence_interval:true,csat_summary:true,customer_history:true,customer_stats:true,\
             float_amount:true,funnel_step:true,funnel_table_state:true,gamma_gamma_model:true,\
             gamma_gamma_parameters:true,kaplan_meier_state:true,\
             model_fit_info:true,mrr_series:true,mrr_summary:true,nps_summary:true,period_series:true,\
             retention_summary:true,rfm_fit_state:true,rfm_holdout_values:true,rfm_values:true,\
             sbg_fit_state:true,sbg_model:true,sbg_parameters:true,survival_curve:true,\
             window_funnel_state:true"
        );
        // A difference between versions: PostgreSQL 18 records each type's array type
        // (_nps_summary, ...) as a member of the extension too; 15 records the base types
        // alone. Array types carry no comment of their own on either.
        let arrays = one(&format!(
            "SELECT count(*) || ' of ' || (SELECT count(*) {members} AND t.typcategory <> 'A') {members} AND t.typcategory = 'A'"
        ));
        let version = one("SELECT current_setting('server_version_num')")
            .parse::<i32>()
            .unwrap();
        assert_eq!(
            arrays,
            if version >= 180000 {
                "29 of 29"
            } else {
                "0 of 29"
            },
            "array types that are members, on {version}"
        );
    }

    #[pg_test]
    fn order_summaries_called_as_functions_do_not_modify_their_arguments() {
        // The transition and combine functions update their state in place inside an
        // aggregate only.
        let got = one(
            "WITH s AS (SELECT '(version:1,period_start:\"2026-02-01 00:00:00+00\",period_end:\"2026-03-01 00:00:00+00\",customers_start:1,retained:0,new_customers:0,reactivated:0)'::retention_summary AS v,
                               '(version:1,scale:0,times:[\"2026-02-10 00:00:00+00\"],amounts:[1])'::customer_history AS h)
             SELECT customers_end(retention_history_trans(v, h, '2026-02-01', '2026-03-01')) || ' ' || customers_end(v)
                    || ' ' || customers_start(retention_summary_combine(v, v)) || ' ' || customers_start(v) FROM s",
        );
        assert_eq!(got, "1 0 2 1");
    }

    #[pg_test]
    fn internal_state_functions_refuse_plain_calls() {
        assert!(sqlstate_of("SELECT customer_history_final(NULL::internal)").starts_with("42"));
        let e = sqlstate_of("SELECT customer_history_serial(customer_history_trans(NULL, now()))");
        assert!(
            e.contains("non-aggregate context") || e.starts_with("42"),
            "{e}"
        );
    }

    /// The aggregates the no-expression test runs: (signature, arguments, rows). Arguments
    /// of a VARIADIC boolean[] are written `VARIADIC ARRAY[...]` (the direct call); the
    /// harness gets the array itself, as its declared argument.
    const THROUGH_FMGR: &[(&str, &str, &str)] = &[
        ("nps(integer)", "score", "o"),
        ("nps_agg(integer)", "score", "o"),
        ("csat(integer)", "small", "o"),
        ("csat(integer,integer,integer,integer)", "small, 1, 5, 4", "o"),
        ("csat_agg(integer)", "small", "o"),
        ("csat_agg(integer,integer,integer,integer)", "small, 1, 5, 4", "o"),
        ("ces(integer,integer)", "small, 5", "o"),
        ("ces_mean(integer,integer)", "small, 5", "o"),
        ("ces_agg(integer,integer)", "small, 5", "o"),
        ("rollup(nps_summary)", "s", "(SELECT nps_agg(score) s FROM o GROUP BY id) x"),
        ("rollup(csat_summary)", "s", "(SELECT csat_agg(small) s FROM o GROUP BY id) x"),
        ("rollup(ces_summary)", "s", "(SELECT ces_agg(small, 5) s FROM o GROUP BY id) x"),
        ("customer_history_agg(timestamp with time zone)", "at", "o"),
        ("customer_history_agg(timestamp with time zone,numeric)", "at, amount", "o"),
        ("customer_history_agg(timestamp with time zone,numeric,bigint,numeric)", "at, amount, items, cost", "o"),
        ("rollup(customer_history)", "h", "h"),
        ("retention_agg(customer_history,timestamp with time zone,timestamp with time zone)",
         "h, '2026-04-01', '2026-05-01'", "h"),
        ("rollup(retention_summary)", "s",
         "(SELECT retention_agg(h, '2026-04-01', '2026-05-01') s FROM h GROUP BY id % 3) x"),
        ("customer_stats_agg(customer_history)", "h", "h"),
        ("rollup(customer_stats)", "s", "(SELECT customer_stats_agg(h) s FROM h GROUP BY id % 3) x"),
        ("period_series_agg(customer_history,text)", "h, 'month'", "h"),
        ("period_series_agg(customer_history,text,text)", "h, 'week', 'Europe/Berlin'", "h"),
        ("rollup(period_series)", "s", "(SELECT period_series_agg(h, 'month', 'UTC') s FROM h GROUP BY id % 3) x"),
        ("mrr_series_agg(customer_history,text)", "h, 'month'", "h"),
        ("mrr_series_agg(customer_history,text,text)", "h, 'month', 'America/New_York'", "h"),
        ("rollup(mrr_series)", "s", "(SELECT mrr_series_agg(h, 'month', 'UTC') s FROM h GROUP BY id % 3) x"),
        ("activity_series_agg(customer_history)", "h", "h"),
        ("activity_series_agg(customer_history,text)", "h, 'Europe/Berlin'", "h"),
        ("combine(activity_series)", "s", "(SELECT activity_series_agg(h, 'UTC') s FROM h GROUP BY id % 3) x"),
        ("mrr_movements(numeric,numeric)", "amount, cost * 3", "o"),
        ("rollup(mrr_summary)", "s", "(SELECT mrr_movements(amount, cost * 3) s FROM o GROUP BY id) x"),
        ("cohort_agg(customer_history,text)", "h, 'month'", "h"),
        ("acquisition_cohort_agg(customer_history,timestamp with time zone,text)",
         "h, first_order_at(h) - interval '40 days', 'month'", "h"),
        ("acquisition_cohort_agg(customer_history,timestamp with time zone,text,text)",
         "h, first_order_at(h) + interval '1 day', 'week', 'Europe/Berlin'", "h"),
        ("cohort_agg(customer_history,text,text)", "h, 'month', 'UTC'", "h"),
        ("cohort_agg(customer_history,text,integer[])", "h, 'week', ARRAY[1, 4, 9]", "h"),
        ("cohort_agg(customer_history,text,text,integer[])", "h, 'week', 'Asia/Tokyo', ARRAY[2, 5]", "h"),
        ("recurring_cohort_agg(customer_history,text)", "h, 'month'", "h"),
        ("recurring_cohort_agg(customer_history,text,text)", "h, 'month', 'UTC'", "h"),
        ("recurring_cohort_agg(customer_history,text,integer[])", "h, 'week', ARRAY[1, 4, 9]", "h"),
        ("recurring_cohort_agg(customer_history,text,text,integer[])", "h, 'week', 'Asia/Tokyo', ARRAY[2, 5]", "h"),
        ("rollup(cohort_summary)", "s", "(SELECT cohort_agg(h, 'month', 'UTC') s FROM h GROUP BY id % 3) x"),
        ("retention(boolean[])", "VARIADIC ARRAY[c1, c2, c3]", "o"),
        ("window_funnel(interval,timestamp with time zone,boolean[])", "'30 days', at, VARIADIC ARRAY[c1, c2, c3]", "o"),
        ("window_funnel(interval,text,timestamp with time zone,boolean[])",
         "'30 days', 'strict_order', at, VARIADIC ARRAY[c1, c2, c3]", "o"),
        ("bgnbd_fit(double precision,double precision,double precision)", "f, r, t", "fit"),
        ("bgnbd_fit(double precision,double precision,double precision,double precision)", "f, r, t, 0.01::float8", "fit"),
        ("gamma_gamma_fit(double precision,double precision)", "f, m", "fit WHERE f > 0"),
        ("gamma_gamma_fit(double precision,double precision,double precision)", "f, m, 0.01::float8", "fit WHERE f > 0"),
        ("sbg_fit(integer,bigint)", "period, alive",
         "unnest(ARRAY[0, 1, 2, 3, 4, 5, 6, 7], ARRAY[1000, 869, 743, 653, 593, 551, 517, 491]::bigint[]) v(period, alive)"),
        ("window_funnel_steps(interval,timestamp with time zone,boolean[])", "'30 days', at, VARIADIC ARRAY[c1, c2, c3]", "o"),
        ("window_funnel_steps(interval,text,timestamp with time zone,boolean[])",
         "'30 days', 'strict_once,strict_order,allow_reentry', at, VARIADIC ARRAY[c1, c2, c3]", "o"),
        ("funnel_table(timestamp with time zone[],integer)", "ARRAY[at, at + amount * interval '1 hour'], 3", "o"),
        ("funnel_table(timestamp with time zone[],integer,double precision)",
         "s, 3, 0.9::float8", "(SELECT window_funnel_steps('30 days', at, c1, c2, c3) s FROM o GROUP BY id) x"),
        ("kaplan_meier(double precision,boolean)", "r, f::int % 2 = 0", "fit"),
        ("rollup(survival_curve)", "s", "(SELECT kaplan_meier(r, f::int % 2 = 0) s FROM fit GROUP BY f::int % 3) x"),
        // customer_id anyelement: the type comes only from the call's expression.
        ("retention_agg(anyelement,timestamp with time zone,timestamp with time zone,timestamp with time zone)",
         "id, at, '2026-04-01', '2026-05-01'", "o"),
        ("retention_rate(anyelement,timestamp with time zone,timestamp with time zone,timestamp with time zone)",
         "id, at, '2026-04-01', '2026-05-01'", "o"),
        ("churn_rate(anyelement,timestamp with time zone,timestamp with time zone,timestamp with time zone)",
         "id, at, '2026-04-01', '2026-05-01'", "o"),
        ("repeat_purchase_rate(anyelement)", "id", "o"),
        ("avg_time_between_purchases(anyelement,timestamp with time zone)", "id, at", "o"),
        ("median_time_between_purchases(anyelement,timestamp with time zone)", "id, at", "o"),
        ("customer_stats_agg(anyelement,timestamp with time zone)", "id, at", "o"),
        ("customer_stats_agg(anyelement,timestamp with time zone,numeric)", "id, at, amount", "o"),
        ("customer_stats_agg(anyelement,timestamp with time zone,numeric,bigint,numeric)",
         "id, at, amount, items, cost", "o"),
        ("period_series_agg(anyelement,timestamp with time zone,numeric,text)", "id, at, amount, 'month'", "o"),
        ("period_series_agg(anyelement,timestamp with time zone,numeric,text,text)",
         "id, at, amount, 'month', 'UTC'", "o"),
        ("mrr_series_agg(anyelement,timestamp with time zone,numeric,text)", "id, at, amount, 'month'", "o"),
        ("activity_series_agg(anyelement,timestamp with time zone)", "id, at", "o"),
        ("activity_series_agg(anyelement,timestamp with time zone,text)", "id, at, 'America/New_York'", "o"),
        ("mrr_series_agg(anyelement,timestamp with time zone,numeric,text,text)",
         "id, at, amount, 'month', 'UTC'", "o"),
        ("cohort_agg(anyelement,timestamp with time zone,numeric,text)", "id, at, amount, 'month'", "o"),
        ("cohort_agg(anyelement,timestamp with time zone,numeric,text,text)", "id, at, amount, 'month', 'UTC'", "o"),
        ("recurring_cohort_agg(anyelement,timestamp with time zone,numeric,text)", "id, at, amount, 'month'", "o"),
        ("recurring_cohort_agg(anyelement,timestamp with time zone,numeric,text,text)",
         "id, at, amount, 'month', 'UTC'", "o"),
    ];

    /// Invalid arguments through the same path: (signature, arguments, rows). Each must give
    /// the SQLSTATE of the direct call, which is never an internal error (XX000).
    /// The no-expression cases of the issue 16 overloads: every score aggregate for each
    /// score type other than integer, and every amount aggregate with float amounts (passed
    /// as `float_amount`, the type the transition receives after the implicit cast).
    fn through_fmgr_typed() -> Vec<(String, String, String)> {
        let mut cases = Vec::new();
        for t in ["smallint", "bigint", "numeric", "double precision", "real"] {
            for (agg, extra_sig, args) in [
                ("nps", "", "score::{t}"),
                ("nps_agg", "", "score::{t}"),
                ("csat", "", "small::{t}"),
                ("csat", ",integer,integer,integer", "small::{t}, 1, 5, 4"),
                ("csat_agg", "", "small::{t}"),
                (
                    "csat_agg",
                    ",integer,integer,integer",
                    "small::{t}, 1, 5, 4",
                ),
                ("ces", ",integer", "small::{t}, 5"),
                ("ces_mean", ",integer", "small::{t}, 5"),
                ("ces_agg", ",integer", "small::{t}, 5"),
            ] {
                cases.push((
                    format!("{agg}({t}{extra_sig})"),
                    args.replace("{t}", t),
                    "o".to_string(),
                ));
            }
        }
        let fa = "float_amount";
        let tz = "timestamp with time zone";
        for (sig, args) in [
            (
                format!("customer_history_agg({tz},{fa})"),
                "at, amount::float8::float_amount",
            ),
            (
                format!("customer_history_agg({tz},{fa},bigint,{fa})"),
                "at, amount::real::float_amount, items, cost::float8::float_amount",
            ),
            (
                format!("customer_stats_agg(anyelement,{tz},{fa})"),
                "id, at, amount::float8::float_amount",
            ),
            (
                format!("customer_stats_agg(anyelement,{tz},{fa},bigint,{fa})"),
                "id, at, amount::float8::float_amount, items, cost::real::float_amount",
            ),
            (
                format!("period_series_agg(anyelement,{tz},{fa},text)"),
                "id, at, amount::float8::float_amount, 'month'",
            ),
            (
                format!("period_series_agg(anyelement,{tz},{fa},text,text)"),
                "id, at, amount::float8::float_amount, 'month', 'Europe/Paris'",
            ),
            (
                format!("mrr_series_agg(anyelement,{tz},{fa},text)"),
                "id, at, amount::float8::float_amount, 'month'",
            ),
            (
                format!("mrr_series_agg(anyelement,{tz},{fa},text,text)"),
                "id, at, amount::real::float_amount, 'month', 'Europe/Paris'",
            ),
            (
                format!("cohort_agg(anyelement,{tz},{fa},text)"),
                "id, at, amount::float8::float_amount, 'month'",
            ),
            (
                format!("cohort_agg(anyelement,{tz},{fa},text,text)"),
                "id, at, amount::float8::float_amount, 'month', 'Europe/Paris'",
            ),
            (
                format!("recurring_cohort_agg(anyelement,{tz},{fa},text)"),
                "id, at, amount::float8::float_amount, 'month'",
            ),
            (
                format!("recurring_cohort_agg(anyelement,{tz},{fa},text,text)"),
                "id, at, amount::float8::float_amount, 'month', 'Europe/Paris'",
            ),
            (
                format!("mrr_movements({fa},{fa})"),
                "amount::float8::float_amount, cost::real::float_amount",
            ),
        ] {
            cases.push((sig, args.to_string(), "o".to_string()));
        }
        cases
    }

    const THROUGH_FMGR_INVALID: &[(&str, &str, &str)] = &[
        // The defect this test was written for: a zone read as brackets without an expression.
        (
            "cohort_agg(customer_history,text,text)",
            "h, 'month', 'UTCé'",
            "h",
        ),
        (
            "cohort_agg(customer_history,text,text)",
            "h, 'month', ''",
            "h",
        ),
        (
            "recurring_cohort_agg(customer_history,text,text)",
            "h, 'month', 'Mars/Olympus'",
            "h",
        ),
        (
            "cohort_agg(customer_history,text,integer[])",
            "h, 'week', ARRAY[[1, 2], [3, 4]]",
            "h",
        ),
        (
            "cohort_agg(customer_history,text,text,integer[])",
            "h, 'week', 'UTC', ARRAY[3, NULL]",
            "h",
        ),
        ("cohort_agg(customer_history,text)", "h, 'fortnight'", "h"),
        (
            "acquisition_cohort_agg(customer_history,timestamp with time zone,text,text)",
            "h, first_order_at(h), 'month', 'Mars/Olympus'",
            "h",
        ),
        (
            "period_series_agg(customer_history,text,text)",
            "h, 'month', NULL",
            "h",
        ),
        (
            "activity_series_agg(customer_history,text)",
            "h, NULL",
            "h",
        ),
        (
            "activity_series_agg(customer_history,text)",
            "h, 'Mars/Olympus'",
            "h",
        ),
        (
            "retention_agg(customer_history,timestamp with time zone,timestamp with time zone)",
            "h, '2026-05-01', '2026-04-01'",
            "h",
        ),
        ("nps(integer)", "score + 2", "o"),
        (
            "csat(integer,integer,integer,integer)",
            "small, 5, 1, 3",
            "o",
        ),
        ("ces_agg(integer,integer)", "small, 0", "o"),
        ("mrr_movements(numeric,numeric)", "-amount, cost", "o"),
        (
            "window_funnel(interval,timestamp with time zone,boolean[])",
            "'-1 day', at, VARIADIC ARRAY[c1, c2]",
            "o",
        ),
        (
            "window_funnel(interval,text,timestamp with time zone,boolean[])",
            "'1 day', 'sideways', at, VARIADIC ARRAY[c1, c2]",
            "o",
        ),
        (
            "bgnbd_fit(double precision,double precision,double precision)",
            "f + 0.5, r, t",
            "fit",
        ),
        (
            "gamma_gamma_fit(double precision,double precision,double precision)",
            "f, m, -1::float8",
            "fit WHERE f > 0",
        ),
        (
            "sbg_fit(integer,bigint)",
            "period, alive",
            "unnest(ARRAY[0, 1, 2], ARRAY[10, 11, 9]::bigint[]) v(period, alive)",
        ),
        (
            "kaplan_meier(double precision,boolean)",
            "-r - 1, true",
            "fit",
        ),
        (
            "customer_history_agg(timestamp with time zone,numeric)",
            "at, -amount",
            "o",
        ),
    ];

    fn through_fmgr_fixture() {
        Spi::run(
            "CREATE FUNCTION tests.through_fmgr_trans(internal, regprocedure, boolean, VARIADIC \"any\")
               RETURNS internal AS '$libdir/pg_retention', 'through_fmgr_trans' LANGUAGE C;
             CREATE FUNCTION tests.through_fmgr_final(internal, regprocedure, boolean, VARIADIC \"any\")
               RETURNS text AS '$libdir/pg_retention', 'through_fmgr_final' LANGUAGE C;
             CREATE AGGREGATE tests.through_fmgr(regprocedure, boolean, VARIADIC \"any\") (
               SFUNC = tests.through_fmgr_trans, STYPE = internal,
               FINALFUNC = tests.through_fmgr_final, FINALFUNC_EXTRA);
             SET TimeZone = 'Pacific/Auckland';
             CREATE TEMP TABLE o AS
             SELECT (g % 7)::bigint AS id,
                    timestamptz '2026-01-01 00:00+00' + (g * 53 % 200) * interval '1 day' + g * interval '1 hour' AS at,
                    (g % 13 + 1)::numeric(10,2) AS amount, (g % 3 + 1)::bigint AS items, (g % 5)::numeric AS cost,
                    g % 10 AS score, g % 5 + 1 AS small, g % 4 = 0 AS c1, g % 3 = 0 AS c2, g % 5 < 2 AS c3
             FROM generate_series(1, 80) g;
             CREATE TEMP TABLE h AS
             SELECT id, customer_history_agg(at, amount, items, cost) AS h FROM o GROUP BY id;
             CREATE TEMP TABLE fit AS
             SELECT (g % 5)::float8 AS f, CASE WHEN g % 5 = 0 THEN 0 ELSE (g % 5) * 4 + g % 3 END::float8 AS r,
                    (30 + g % 11)::float8 AS t, (10 + g % 17)::float8 AS m
             FROM generate_series(1, 200) g;",
        )
        .unwrap();
    }

    fn aggregate_name(signature: &str) -> &str {
        &signature[..signature.find('(').unwrap()]
    }

    #[pg_test]
    fn aggregates_survive_calls_without_an_expression() {
        // Citus's worker_partial_agg and coord_combine_agg, OidFunctionCall and other
        // extensions call transition, combine, serial, deserial and final functions through
        // the function manager with no expression. Every aggregate of the extension is run
        // that way (src/no_expression.rs): two states, each through its partial form (serial
        // and deserial, or text output and input), combined, finished; the answer must be the
        // direct call's. A crash would end this test's own session.
        through_fmgr_fixture();
        let all = one(
            "SELECT string_agg(p.oid::regprocedure::text, ';' ORDER BY 1) FROM pg_aggregate a
             JOIN pg_proc p ON p.oid = a.aggfnoid JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
             JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_retention'",
        );
        // combine(T) is rollup(T) under a keyword-free name: the same case under both names.
        let cases: Vec<(String, String, String)> = THROUGH_FMGR
            .iter()
            .flat_map(|&(sig, args, from)| {
                let combine = sig
                    .strip_prefix("rollup(")
                    .map(|t| (format!("combine({t}"), args.to_string(), from.to_string()));
                std::iter::once((sig.to_string(), args.to_string(), from.to_string())).chain(combine)
            })
            .chain(through_fmgr_typed())
            .collect();
        let covered: std::collections::BTreeSet<String> = cases
            .iter()
            .map(|(sig, _, _)| one(&format!("SELECT '{sig}'::regprocedure::text")))
            .collect();
        let missing: Vec<&str> = all.split(';').filter(|a| !covered.contains(*a)).collect();
        assert!(
            missing.is_empty(),
            "aggregates without a no-expression case: {missing:?}"
        );

        for (sig, args, from) in &cases {
            let (sig, args, from) = (sig.as_str(), args.as_str(), from.as_str());
            let direct = format!("({}({args}))::text", aggregate_name(sig));
            let harness = |expr: bool| {
                format!(
                    "tests.through_fmgr('{sig}'::regprocedure, {expr}, {})",
                    args.replace("VARIADIC ", "")
                )
            };
            let polymorphic = sig.contains("anyelement");
            // With the executor's expression for the transition only where the type of
            // customer_id needs it; every other function of the aggregate gets none.
            let got = one(&format!(
                "SELECT coalesce({h}, 'NULL') || ' | ' || coalesce({direct}, 'NULL') FROM {from}",
                h = harness(polymorphic)
            ));
            let (via, want) = got.split_once(" | ").unwrap();
            assert_eq!(
                via, want,
                "{sig}: through the function manager without an expression"
            );
            assert_ne!(want, "NULL", "{sig}: the case should produce a value");
            if polymorphic {
                // Without any expression, customer_id's type is unknown: a clean 42P18.
                let e = sqlstate_of(&format!("SELECT {} FROM {from}", harness(false)));
                assert!(e.starts_with("42P18: "), "{sig}: {e}");
                assert!(
                    e.contains("the type of customer_id is not known"),
                    "{sig}: {e}"
                );
            }
        }
        for (sig, args, from) in THROUGH_FMGR_INVALID {
            let direct = sqlstate_of(&format!(
                "SELECT {}({args}) FROM {from}",
                aggregate_name(sig)
            ));
            let via = sqlstate_of(&format!(
                "SELECT tests.through_fmgr('{sig}'::regprocedure, false, {}) FROM {from}",
                args.replace("VARIADIC ", "")
            ));
            let code = |e: &str| e.split(':').next().unwrap().to_string();
            assert_ne!(direct, "no error", "{sig}({args}) should be refused");
            assert!(!direct.starts_with("XX"), "{sig}({args}): {direct}");
            assert_eq!(
                code(&via),
                code(&direct),
                "{sig}({args}): {via} against {direct}"
            );
        }
    }
}
