-- Scores and amounts of the column types users have (issue 16, item 5): smallint, bigint,
-- numeric, double precision and real scores; double precision and real amounts.
\pset null NULL

-- 1. Which aggregate a call resolves to. resolves_to(call) creates a view over `it_typed` that
-- calls it and lists the functions the view depends on (aggregates first, then casts).
-- Provenance of the old column: the same list run on release 0.2.0's catalog on PostgreSQL
-- 18.6 (2026-12-07). Every call that resolved in 0.2.0 still resolves, to an aggregate with
-- the same result; the only calls that now resolve to a new overload are those PostgreSQL
-- cannot keep on the old one once any overload exists:
--   * smallint scores (0.2.0 cast them to integer): now the smallint aggregate, exact match;
--   * an untyped literal or NULL score or amount ('9', NULL, '19.99'): every overload accepts
--     an untyped value, and PostgreSQL then takes the preferred type of the numeric category,
--     or calls the call ambiguous. Scores go to the double precision aggregate (PostgreSQL's
--     preferred numeric type), amounts to float_amount (preferred, and read by numeric_in, so
--     '19.99' is the same exact 19.99). The values and errors are those of 0.2.0, except that
--     '9.5' as a score is now 22023 (not a whole number) instead of 22P02 (bad integer text).
-- Untyped one-argument nps('9') and csat('4') were already ambiguous in 0.2.0 (nps() is also
-- the read-out of nps_summary) and still are.
CREATE TABLE it_typed(c integer, t timestamptz, i integer, sm smallint, b bigint, n numeric,
                   f double precision, r real);
CREATE FUNCTION resolves_to(call text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN
    EXECUTE format('CREATE TEMP VIEW resolution AS SELECT %s FROM it_typed', call);
    SELECT string_agg(d.refobjid::regprocedure::text, ' + '
                      ORDER BY p.prokind DESC, d.refobjid::regprocedure::text) INTO r
    FROM pg_depend d JOIN pg_rewrite w ON d.classid = 'pg_rewrite'::regclass AND d.objid = w.oid
    JOIN pg_proc p ON d.refclassid = 'pg_proc'::regclass AND p.oid = d.refobjid
    WHERE w.ev_class = 'resolution'::regclass;
    DROP VIEW resolution;
    RETURN r;
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
SELECT call, resolves_to(call), release_0_2_0 FROM (VALUES
    -- integer scores and literals: unchanged
    ('nps(9)', 'nps(integer)'),
    ('nps(i)', 'nps(integer)'),
    ('nps_agg(9)', 'nps_agg(integer)'),
    ('csat(i)', 'csat(integer)'),
    ('csat(i, 1, 5, 4)', 'csat(integer,integer,integer,integer)'),
    ('csat(i, ''1'', ''5'', ''4'')', 'csat(integer,integer,integer,integer)'),
    ('ces(i, 7)', 'ces(integer,integer)'),
    ('ces(i, ''7'')', 'ces(integer,integer)'),
    -- untyped one-argument calls: ambiguous before and after
    ('nps(''9'')', '42725: function nps(unknown) is not unique'),
    ('nps(NULL)', '42725: function nps(unknown) is not unique'),
    ('csat(''4'')', '42725: function csat(unknown) is not unique'),
    -- untyped or NULL scores: the double precision aggregate, same value
    ('nps_agg(''9'')', 'nps_agg(integer)'),
    ('nps_agg(NULL)', 'nps_agg(integer)'),
    ('csat(''4'', 1, 5, 4)', 'csat(integer,integer,integer,integer)'),
    ('csat(NULL, 1, 5, 4)', 'csat(integer,integer,integer,integer)'),
    ('csat_agg(''4'')', 'csat_agg(integer)'),
    ('ces(''3'', 7)', 'ces(integer,integer)'),
    ('ces(NULL, 7)', 'ces(integer,integer)'),
    ('ces_mean(''3'', 7)', 'ces_mean(integer,integer)'),
    ('ces_agg(''3'', 7)', 'ces_agg(integer,integer)'),
    -- smallint: its own aggregate now (0.2.0 cast to integer)
    ('nps(sm)', 'nps(integer)'),
    ('ces(sm, 7)', 'ces(integer,integer)'),
    -- new: bigint, numeric scores (refused by 0.2.0)
    ('nps(b)', '42883: function nps(bigint) does not exist'),
    ('nps(19.99)', '42883: function nps(numeric) does not exist'),
    ('ces(b, 7)', '42883: function ces(bigint, integer) does not exist'),
    -- integer and numeric amounts and literals: unchanged
    ('customer_history_agg(t, 20)', 'customer_history_agg(timestamp with time zone,numeric)'),
    ('customer_history_agg(t, i)', 'customer_history_agg(timestamp with time zone,numeric)'),
    ('customer_history_agg(t, b)', 'customer_history_agg(timestamp with time zone,numeric)'),
    ('customer_history_agg(t, 19.99)', 'customer_history_agg(timestamp with time zone,numeric)'),
    ('customer_history_agg(t, n)', 'customer_history_agg(timestamp with time zone,numeric)'),
    ('customer_history_agg(t, n, 1, n)', 'customer_history_agg(timestamp with time zone,numeric,bigint,numeric)'),
    ('customer_history_agg(t, 20, 1, 5)', 'customer_history_agg(timestamp with time zone,numeric,bigint,numeric)'),
    ('customer_stats_agg(c, t, 19.99)', 'customer_stats_agg(anyelement,timestamp with time zone,numeric)'),
    ('customer_stats_agg(c, t, i)', 'customer_stats_agg(anyelement,timestamp with time zone,numeric)'),
    ('period_series_agg(c, t, n, ''month'')', 'period_series_agg(anyelement,timestamp with time zone,numeric,text)'),
    ('period_series_agg(c, t, 5, ''month'')', 'period_series_agg(anyelement,timestamp with time zone,numeric,text)'),
    ('mrr_series_agg(c, t, i, ''month'')', 'mrr_series_agg(anyelement,timestamp with time zone,numeric,text)'),
    ('cohort_agg(c, t, n, ''month'')', 'cohort_agg(anyelement,timestamp with time zone,numeric,text)'),
    ('recurring_cohort_agg(c, t, 9.5, ''month'', ''UTC'')', 'recurring_cohort_agg(anyelement,timestamp with time zone,numeric,text,text)'),
    ('mrr_movements(n, n)', 'mrr_movements(numeric,numeric)'),
    ('mrr_movements(NULL, 10.5)', 'mrr_movements(numeric,numeric)'),
    ('mrr_movements(0, 10)', 'mrr_movements(numeric,numeric)'),
    -- untyped or NULL amounts: float_amount (numeric_in: the same exact value)
    ('customer_history_agg(t, ''19.99'')', 'customer_history_agg(timestamp with time zone,numeric)'),
    ('customer_history_agg(t, NULL)', 'customer_history_agg(timestamp with time zone,numeric)'),
    ('customer_history_agg(t, NULL, NULL, NULL)', 'customer_history_agg(timestamp with time zone,numeric,bigint,numeric)'),
    ('customer_stats_agg(c, t, NULL)', 'customer_stats_agg(anyelement,timestamp with time zone,numeric)'),
    ('period_series_agg(c, t, NULL, ''month'')', 'period_series_agg(anyelement,timestamp with time zone,numeric,text)'),
    ('mrr_movements(NULL, NULL)', 'mrr_movements(numeric,numeric)'),
    -- new: float amounts (refused by 0.2.0), also beside a numeric cost
    ('customer_history_agg(t, f)', '42883: function customer_history_agg(timestamp with time zone, double precision) does not exist'),
    ('customer_history_agg(t, r)', '42883: function customer_history_agg(timestamp with time zone, real) does not exist'),
    ('customer_history_agg(t, f, 1, n)', '42883: function customer_history_agg(timestamp with time zone, double precision, integer, numeric) does not exist'),
    ('customer_history_agg(t, n, 1, f)', '42883: function customer_history_agg(timestamp with time zone, numeric, integer, double precision) does not exist'),
    ('customer_stats_agg(c, t, f)', '42883: function customer_stats_agg(integer, timestamp with time zone, double precision) does not exist'),
    ('period_series_agg(c, t, f, ''month'', ''UTC'')', '42883: function period_series_agg(integer, timestamp with time zone, double precision, unknown, unknown) does not exist'),
    ('cohort_agg(c, t, r, ''month'')', '42883: function cohort_agg(integer, timestamp with time zone, real, unknown) does not exist'),
    ('mrr_movements(f, f)', '42883: function mrr_movements(double precision, double precision) does not exist'),
    -- still refused: a float beside an integer has no common overload (cast one of them)
    ('customer_history_agg(t, f, 1, i)', '42883: function customer_history_agg(timestamp with time zone, double precision, integer, integer) does not exist'),
    ('mrr_movements(f, 3)', '42883: function mrr_movements(double precision, integer) does not exist')
) v(call, release_0_2_0);
-- The untyped calls that moved give the values 0.2.0 gave (by hand: one score 9 counted;
-- CSAT 4 on 1..5 is satisfied, 1; CES 3 of 7 is 3 / 7 x 100 = 42.857...; a NULL amount is an
-- order without one).
SELECT nps_agg('9')::text AS nps_summary, csat('4', 1, 5, 4), round(ces('3', 7)::numeric, 3) AS ces,
       orders(customer_history_agg('2024-01-01 00:00+00', NULL)) AS orders,
       revenue(customer_history_agg('2024-01-01 00:00+00', NULL)) AS revenue;

-- 2. The same figures from every score type. Scores {10, 9, 9, 8, 7, 6, 3, 0}, by hand: 3
-- promoters and 3 detractors of 8, NPS = 100 x (3 - 3) / 8 = 0. The CES fixture {1, 2, 2, 5, 7} on 7 options: mean 17/5 = 3.4,
-- CES = 3.4 / 7 x 100 = 48.571428...; CSAT on 0..10 satisfied from 7: 5 of 8 = 0.625.
CREATE TABLE it_scores AS
SELECT k, s::integer AS i, s::smallint AS sm, s::bigint AS b, s::numeric(4,1) AS n,
       s::double precision AS f, s::real AS r
FROM unnest(ARRAY[10, 9, 9, 8, 7, 6, 3, 0]) WITH ORDINALITY u(s, k);
SELECT nps(i), nps(sm), nps(b), nps(n), nps(f), nps(r) FROM it_scores;
SELECT nps_agg(i)::text AS int_summary, nps_agg(sm)::text AS smallint_summary, nps_agg(b)::text AS bigint_summary,
       nps_agg(n)::text AS numeric_summary, nps_agg(f)::text AS float_summary,
       nps_agg(r)::text AS real_summary
FROM it_scores;
SELECT csat(i, 0, 10, 7), csat(sm, 0, 10, 7), csat(b, 0, 10, 7), csat(n, 0, 10, 7), csat(f, 0, 10, 7), csat(r, 0, 10, 7),
       satisfied(csat_agg(b, 0, 10, 7)) FROM it_scores;
SELECT ces(s, 7), ces(s::smallint, 7), ces(s::bigint, 7), ces(s::numeric, 7), ces(s::float8, 7), ces(s::real, 7),
       ces_mean(s::bigint, 7), ces_mean(s::float8, 7), respondents(ces_agg(s::numeric, 7))
FROM unnest(ARRAY[1, 2, 2, 5, 7]) s;
-- CSAT on 1..5 from bigint and real (4 and 5 satisfied: 2 of 4 = 0.5, by hand).
SELECT csat(s::bigint), csat(s::real), csat_agg(s::numeric)::text FROM unnest(ARRAY[1, 4, 5, 3]) s;
-- Sliding window frames use the inverse transition: a rolling NPS over 3 rows, the same for
-- integer and bigint (by hand: {10,9,9} 100, {9,9,8} 66.7, {9,8,7} 33.3, {8,7,6} -33.3,
-- {7,6,3} -66.7, {6,3,0} -100).
SELECT k, round(nps(i) OVER w::numeric, 1) AS int_nps, round(nps(b) OVER w::numeric, 1) AS bigint_nps,
       round(nps(f) OVER w::numeric, 1) AS float_nps
FROM it_scores
WINDOW w AS (ORDER BY k ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) ORDER BY k OFFSET 2;
-- Whole numbers of any type count, however written: 9.000, 1e1, -0 (as 0); by hand
-- {9, 10, 0}: 2 promoters, 1 detractor of 3, NPS = 33.33...
SELECT nps(x) FROM (VALUES (9.000::numeric), (1e1), (-0.0)) v(x);
SELECT nps_agg(x)::text FROM (VALUES (9::real), (1e1::real), ('-0'::real)) v(x);
-- NULL scores are skipped, as for integers; only NULLs give NULL.
SELECT nps(x), nps_agg(x) FROM (VALUES (NULL::bigint), (9)) v(x);
SELECT nps(x), csat(x::numeric), ces(x::real, 5) FROM (VALUES (NULL::bigint)) v(x);

-- [range] A fraction, or a whole number off the scale or past integer, is 22023, whatever
-- the type.
SELECT q, sqlstate_of(q) FROM (VALUES
    ($$SELECT nps(x) FROM (VALUES (9.5)) v(x)$$),
    ($$SELECT nps_agg(x) FROM (VALUES (9.5::real)) v(x)$$),
    ($$SELECT nps(x) FROM (VALUES (11::bigint)) v(x)$$),
    ($$SELECT nps_agg(x) FROM (VALUES (11::smallint)) v(x)$$),
    ($$SELECT csat(x) FROM (VALUES (4.5::double precision)) v(x)$$),
    ($$SELECT csat(x, 1, 7, 6) FROM (VALUES (8::bigint)) v(x)$$),
    ($$SELECT csat_agg(x) FROM (VALUES (0::numeric)) v(x)$$),
    ($$SELECT csat_agg(x, 1, 7, 6) FROM (VALUES (6.5)) v(x)$$),
    ($$SELECT ces(x, 5) FROM (VALUES (2.5::real)) v(x)$$),
    ($$SELECT ces_mean(x, 5) FROM (VALUES (6::bigint)) v(x)$$),
    ($$SELECT ces_agg(x, 5) FROM (VALUES (1.25)) v(x)$$),
    -- an untyped literal is a double precision score
    ($$SELECT csat('4.5', 1, 5, 4)$$)
) v(q);

-- [negative] Negative scores of other types, off every scale.
SELECT q, sqlstate_of(q) FROM (VALUES
    ($$SELECT nps(x) FROM (VALUES (-1::bigint)) v(x)$$),
    ($$SELECT nps_agg(x) FROM (VALUES (-1.0)) v(x)$$),
    ($$SELECT csat(x) FROM (VALUES (-4::smallint)) v(x)$$),
    ($$SELECT csat_agg(x, 1, 7, 6) FROM (VALUES (-2::real)) v(x)$$),
    ($$SELECT ces(x, 5) FROM (VALUES (-3::double precision)) v(x)$$),
    ($$SELECT ces_mean(x, 5) FROM (VALUES (-3::numeric)) v(x)$$),
    ($$SELECT ces_agg(x, 5) FROM (VALUES (-3::bigint)) v(x)$$)
) v(q);

-- [huge] Past every integer: the number as its type prints it.
SELECT q, sqlstate_of(q) FROM (VALUES
    ($$SELECT nps(x) FROM (VALUES (9223372036854775807::bigint)) v(x)$$),
    ($$SELECT nps_agg(x) FROM (VALUES (1e40::numeric)) v(x)$$),
    ($$SELECT csat(x) FROM (VALUES (3000000000::bigint)) v(x)$$),
    ($$SELECT csat_agg(x) FROM (VALUES (1e300::double precision)) v(x)$$),
    ($$SELECT ces(x, 5) FROM (VALUES (1e30::real)) v(x)$$),
    ($$SELECT ces_mean(x, 5) FROM (VALUES ('-9223372036854775808'::bigint)) v(x)$$),
    ($$SELECT ces_agg(x, 5) FROM (VALUES (1e1000::numeric)) v(x)$$)
) v(q);

-- [nan] NaN and the infinities are no score.
SELECT q, sqlstate_of(q) FROM (VALUES
    ($$SELECT nps(x) FROM (VALUES ('NaN'::double precision)) v(x)$$),
    ($$SELECT nps_agg(x) FROM (VALUES ('NaN'::numeric)) v(x)$$),
    ($$SELECT csat(x) FROM (VALUES ('Infinity'::real)) v(x)$$),
    ($$SELECT csat_agg(x, 1, 7, 6) FROM (VALUES ('-Infinity'::numeric)) v(x)$$),
    ($$SELECT ces(x, 5) FROM (VALUES ('-Infinity'::double precision)) v(x)$$),
    ($$SELECT ces_mean(x, 5) FROM (VALUES ('NaN'::real)) v(x)$$),
    ($$SELECT ces_agg(x, 5) FROM (VALUES ('Infinity'::double precision)) v(x)$$)
) v(q);

-- [null, empty] NULL scale arguments are refused as for integer scores; no rows is NULL.
SELECT q, sqlstate_of(q) FROM (VALUES
    ($$SELECT csat(x, 1, NULL, 4) FROM (VALUES (4::bigint)) v(x)$$),
    ($$SELECT ces_agg(x, NULL) FROM (VALUES (4::numeric)) v(x)$$),
    ($$SELECT ces(x, NULL) FROM (VALUES (4::real)) v(x)$$)
) v(q);
SELECT nps(x), nps_agg(x), csat(x), csat_agg(x), ces(x, 5), ces_mean(x, 5), ces_agg(x, 5)
FROM (SELECT 1::bigint WHERE false) v(x);

-- [mixed] The scale may not change within a group, whatever the score type.
SELECT q, sqlstate_of(q) FROM (VALUES
    ($$SELECT csat(x, 1, m, 4) FROM (VALUES (4::bigint, 5), (4, 7)) v(x, m)$$),
    ($$SELECT csat_agg(x, 1, m, 4) FROM (VALUES (4::numeric, 5), (4, 7)) v(x, m)$$),
    ($$SELECT ces(x, k) FROM (VALUES (2::real, 5), (2, 7)) v(x, k)$$),
    ($$SELECT ces_mean(x, k) FROM (VALUES (2::bigint, 5), (2, 7)) v(x, k)$$),
    ($$SELECT ces_agg(x, k) FROM (VALUES (2::smallint, 5), (2, 7)) v(x, k)$$)
) v(q);

-- 3. Float amounts: the float's shortest decimal, the digits PostgreSQL prints for it
-- (amount::text::numeric). By hand: 19.99 + 0.1 = 20.09 exactly from numeric, double
-- precision and real columns alike (float8 19.99 is 19.989999999999998436..., real 19.99 is
-- 19.9899997711181640625; both print as 19.99).
CREATE TABLE it_float_orders(c integer, t timestamptz, a numeric, f double precision, r real);
INSERT INTO it_float_orders VALUES
    (1, '2024-01-05 10:00+00', 19.99, 19.99, 19.99), (1, '2024-02-05 10:00+00', 0.1, 0.1, 0.1),
    (2, '2024-02-07 10:00+00', 5, 5, 5), (3, '2024-02-09 10:00+00', 100.5, 100.5, 100.5);
SELECT c, revenue(customer_history_agg(t, a)) AS from_numeric, revenue(customer_history_agg(t, f)) AS from_float8,
       revenue(customer_history_agg(t, r)) AS from_real,
       customer_history_agg(t, a)::text = customer_history_agg(t, f)::text AS same_history
FROM it_float_orders GROUP BY c ORDER BY c;
-- 0.1 + 0.2 in double precision is 0.30000000000000004, and that is the amount taken
-- (PostgreSQL prints the same); an amount is what the column holds, not what was meant.
SELECT revenue(customer_history_agg(t, x)) FROM (VALUES ('2024-01-01'::timestamptz, 0.1::float8 + 0.2::float8)) v(t, x);
-- The one-step and population aggregates take the same amounts (by hand: revenue 125.59,
-- 4 orders, 3 customers; with items 1 each and cost = amount / 2 in float: profit 62.795).
SELECT revenue(customer_stats_agg(c, t, f)) AS float8, revenue(customer_stats_agg(c, t, r)) AS real,
       revenue(customer_stats_agg(c, t, a)) AS numeric,
       profit(customer_stats_agg(c, t, f, 1, f / 2)) AS profit_float,
       profit(customer_stats_agg(c, t, a, 1, f / 2)) AS profit_mixed
FROM it_float_orders;
SELECT (SELECT array_agg(revenue ORDER BY period_start) FROM periods(period_series_agg(c, t, f, 'month', 'UTC'))) AS float8,
       (SELECT array_agg(revenue ORDER BY period_start) FROM periods(period_series_agg(c, t, a, 'month', 'UTC'))) AS numeric
FROM it_float_orders;
SELECT cohort_agg(c, t, f, 'month', 'UTC')::text = cohort_agg(c, t, a, 'month', 'UTC')::text AS cohort_same,
       recurring_cohort_agg(c, t, r, 'month', 'UTC')::text = recurring_cohort_agg(c, t, a, 'month', 'UTC')::text AS recurring_same,
       mrr_series_agg(c, t, f, 'month', 'UTC')::text = mrr_series_agg(c, t, a, 'month', 'UTC')::text AS mrr_series_same
FROM it_float_orders;
-- MRR snapshots in double precision (by hand: 10 -> 12.5 expansion 2.5, 0 -> 7.25 new,
-- 4.75 -> NULL churned 4.75).
SELECT expansion_mrr(m), new_mrr(m), churned_mrr(m), mrr_end(m)
FROM (SELECT mrr_movements(s, e) AS m FROM (VALUES (10::float8, 12.5::float8), (NULL, 7.25), (4.75, NULL)) v(s, e)) x;
-- Untyped literal amounts are read exactly, as in 0.2.0: no float in between.
SELECT revenue(customer_history_agg(t, '12345678901234567.89')) FROM it_float_orders;
-- The casts themselves: shortest decimals, and numeric as it is.
SELECT 19.99::float8::float_amount AS float8, 19.99::real::float_amount AS real,
       1e21::float8::float_amount AS big, 5e-324::float8::float_amount::numeric > 0 AS tiny,
       12.345::numeric::float_amount AS numeric;

-- [nan] NaN and the infinities are no amount: 22023 with the reason.
SELECT q, sqlstate_of(q) FROM (VALUES
    ($$SELECT customer_history_agg(t, x) FROM (VALUES (now(), 'NaN'::float8)) v(t, x)$$),
    ($$SELECT customer_history_agg(t, 1.5, 1, x) FROM (VALUES (now(), '-Infinity'::real)) v(t, x)$$),
    ($$SELECT customer_stats_agg(1, t, x) FROM (VALUES (now(), 'Infinity'::float8)) v(t, x)$$),
    ($$SELECT period_series_agg(1, t, x, 'month') FROM (VALUES (now(), 'NaN'::real)) v(t, x)$$),
    ($$SELECT mrr_series_agg(1, t, x, 'month') FROM (VALUES (now(), 'NaN'::float8)) v(t, x)$$),
    ($$SELECT cohort_agg(1, t, x, 'month') FROM (VALUES (now(), 'Infinity'::float8)) v(t, x)$$),
    ($$SELECT recurring_cohort_agg(1, t, x, 'month') FROM (VALUES (now(), 'NaN'::float8)) v(t, x)$$),
    ($$SELECT mrr_movements(x, 1.5) FROM (VALUES ('NaN'::float8)) v(x)$$),
    ($$SELECT 'NaN'::float8::float_amount$$),
    ($$SELECT 'Infinity'::real::float_amount$$)
) v(q);

-- [negative] A negative float amount is refused as a negative numeric one is.
SELECT q, sqlstate_of(q) FROM (VALUES
    ($$SELECT customer_history_agg(t, x) FROM (VALUES (now(), -19.99::float8)) v(t, x)$$),
    ($$SELECT customer_stats_agg(1, t, x) FROM (VALUES (now(), -1::real)) v(t, x)$$),
    ($$SELECT mrr_movements(x, 1.5) FROM (VALUES (-2::float8)) v(x)$$)
) v(q);

-- [text] float_amount's text input is numeric's.
SELECT q, sqlstate_of(q) FROM (VALUES
    ($$SELECT 'abc'::float_amount$$),
    ($$SELECT '19.99'::float_amount$$)
) v(q);

-- 4. Partial (parallel) plans of the new overloads give the serial answer: they share the
-- combine, serial and deserial functions of the integer and numeric forms.
CREATE TABLE it_big AS
SELECT g AS id, ((g * 7919) % 11)::bigint AS score, ((g * 104729) % 5 + 1)::double precision AS csat_score,
       ((g * 15485863) % 7 + 1)::numeric AS effort, (g % 997)::double precision / 4 AS amount,
       timestamptz '2024-01-01 00:00+00' + (g % 400) * interval '1 day' AS ordered_at
FROM generate_series(1::bigint, 100000) g;
ANALYZE it_big;
CREATE VIEW it_big_aggregates AS
SELECT nps(score)::text AS nps, csat_agg(csat_score)::text AS csat, ces_agg(effort, 7)::text AS ces,
       customer_stats_agg(id % 5000, ordered_at, amount)::text AS stats,
       mrr_movements(amount, amount + 1)::text AS mrr
FROM it_big;
CREATE FUNCTION it_partial_plan() RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE line text; partial boolean := false;
BEGIN
    FOR line IN EXPLAIN (COSTS OFF) SELECT * FROM it_big_aggregates LOOP
        partial := partial OR line LIKE '%Partial Aggregate%';
    END LOOP;
    RETURN partial;
END $$;
SET max_parallel_workers_per_gather = 0;
SELECT md5(string_agg(t::text, ',')) AS it_serial, it_partial_plan() AS partial FROM it_big_aggregates t \gset
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT md5(string_agg(t::text, ',')) = :'it_serial' AS parallel_equals_serial, it_partial_plan() AS partial,
       :'partial' AS serial_was_partial
FROM it_big_aggregates t;
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
