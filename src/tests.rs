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
        let types = one(
            "SELECT string_agg(t.typname || ':' || (obj_description(t.oid, 'pg_type') IS NOT NULL), ',' ORDER BY t.typname)
             FROM pg_type t JOIN pg_depend d ON d.objid = t.oid
             JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_retention'
             WHERE d.deptype = 'e'",
        );
        assert_eq!(
            types,
            "bgnbd_model:true,ces_summary:true,cohort_summary:true,csat_summary:true,customer_history:true,\
             customer_stats:true,gamma_gamma_model:true,mrr_series:true,mrr_summary:true,nps_summary:true,\
             period_series:true,retention_summary:true,sbg_model:true,survival_curve:true"
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
}
