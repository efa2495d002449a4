-- The aggregate state types (src/state_types.sql, src/pg/expanded.rs): what Citus moves
-- between nodes as text. A state made by direct calls of the transition functions, printed,
-- read back and finished, equals the aggregate over the same rows; combine merges exactly;
-- bad text is refused with its SQLSTATE.
\pset null NULL
SET TimeZone = 'UTC';
SET extra_float_digits = 0;

-- Kaplan-Meier over four subjects: durations 3 (churned), 5 (censored), 5 (churned), 8
-- (churned). The state's text form, read back, finishes to the aggregate's curve.
CREATE TABLE km_rows (d double precision, churned boolean);
INSERT INTO km_rows VALUES (3, true), (5, false), (5, true), (8, true);
SELECT kaplan_meier_trans(kaplan_meier_trans(NULL, 3, true), 5, false) AS two_subjects;
SELECT kaplan_meier_final(kaplan_meier_trans(kaplan_meier_trans(kaplan_meier_trans(kaplan_meier_trans(
           NULL, 3, true), 5, false), 5, true), 8, true)::text::kaplan_meier_state)::text
       = (SELECT kaplan_meier(d, churned)::text FROM km_rows) AS same_curve;
-- combine of two halves equals the whole.
SELECT kaplan_meier_final(kaplan_meier_state_combine(
           kaplan_meier_trans(kaplan_meier_trans(NULL, 3, true), 5, false),
           kaplan_meier_trans(kaplan_meier_trans(NULL, 5, true), 8, true)))::text
       = (SELECT kaplan_meier(d, churned)::text FROM km_rows) AS combined_equals_whole;
-- combine with a NULL side is the other side.
SELECT kaplan_meier_final(kaplan_meier_state_combine(NULL, kaplan_meier_trans(NULL, 3, true)))::text
       = (SELECT kaplan_meier(3, true)::text) AS null_side;

-- The fits: an RFM histogram of three customers (frequency, recency, T), printed and read
-- back, gives the same BG/NBD fit; the sBG state of a cohort likewise (Fader & Hardie's
-- regular customers, 1000 down to 491 over seven periods).
SELECT bgnbd_fit_final(bgnbd_fit_trans(bgnbd_fit_trans(bgnbd_fit_trans(NULL, 2, 30.43, 38.86), 0, 0, 38.86), 1, 2, 38.86)::text::rfm_fit_state)::text
       = (SELECT bgnbd_fit(f, r, t)::text FROM (VALUES (2, 30.43, 38.86), (0, 0, 38.86), (1, 2, 38.86)) v(f, r, t)) AS same_bgnbd;
SELECT sbg_fit_final(s::text::sbg_fit_state)::text = (SELECT sbg_fit(p, n)::text FROM (VALUES
           (0, 1000), (1, 869), (2, 743), (3, 653), (4, 593), (5, 551), (6, 517), (7, 491)) v(p, n)) AS same_sbg
FROM (SELECT sbg_fit_trans(sbg_fit_trans(sbg_fit_trans(sbg_fit_trans(sbg_fit_trans(sbg_fit_trans(sbg_fit_trans(
           sbg_fit_trans(NULL, 0, 1000), 1, 869), 2, 743), 3, 653), 4, 593), 5, 551), 6, 517), 7, 491) AS s) x;

-- window_funnel: two events of one user, the state round trip keeps the window and modes.
SELECT window_funnel_final(window_funnel_trans(window_funnel_trans(NULL::window_funnel_state, interval '1 hour',
           text 'strict_order', timestamptz '2026-01-01 10:00', true, false), interval '1 hour', text 'strict_order',
           timestamptz '2026-01-01 10:30', false, true)::text::window_funnel_state) AS level_from_text;
-- strict_once keeps rows, not events: one row matching both steps, then step 2 again, is
-- level 2 (the row is step 1 only; the later row is step 2); without the later row, 1.
SELECT window_funnel_final(window_funnel_trans(window_funnel_trans(NULL::window_funnel_state, interval '1 hour',
           text 'strict_once', timestamptz '2026-01-01 10:00', true, true), interval '1 hour', text 'strict_once',
           timestamptz '2026-01-01 10:30', false, true)::text::window_funnel_state) AS once_level_from_text,
       window_funnel_final(window_funnel_trans(NULL::window_funnel_state, interval '1 hour',
           text 'strict_once', timestamptz '2026-01-01 10:00', true, true)::text::window_funnel_state) AS one_row;
-- funnel_table: two users' steps, the state round trip keeps the steps, the confidence and
-- the times: 2 users at step 1, 1 at step 2, 30 minutes after its step 1.
SELECT step, users, drop_off, median_time
FROM unnest(funnel_table_final(funnel_table_trans(funnel_table_trans(NULL::funnel_table_state,
         ARRAY[timestamptz '2026-01-01 10:00', '2026-01-01 10:30'], 2, 0.9), ARRAY[timestamptz '2026-01-01 11:00'], 2, 0.9)
         ::text::funnel_table_state));
-- Over a GROUP BY of many groups (every state in one memory context of the aggregate's),
-- worked by hand: users 0..499 have the steps 0, 1, 2 at minutes u, u + 1000 and u + 2000,
-- within the two days, so level 3; users 500..999 have step 0 only, so level 1.
SELECT count(*) FILTER (WHERE level = 3) AS reached_3, count(*) FILTER (WHERE level = 1) AS reached_1
FROM (SELECT u, window_funnel('2 days', ts, k = 0, k = 1, k = 2) AS level
      FROM (SELECT i % 1000 AS u, timestamptz '2026-01-01' + i * interval '1 minute' AS ts,
                   CASE WHEN i % 1000 < 500 THEN (i / 1000) % 3 ELSE 0 END AS k
            FROM generate_series(0, 2999) i) e
      GROUP BY u) x;

-- As window aggregates (the same read-write state carried from row to row, read by the
-- final function at each): the running curve's subjects and median (the first duration
-- where S <= 1/2), by hand: {3 churned}: S(3) = 0, median 3; with 5 censored: S(3) = 1/2,
-- median 3; with 5 churned: S(3) = 2/3, S(5) = 2/3 * 1/2 = 1/3, median 5; with 8 churned:
-- S(3) = 3/4, S(5) = 3/4 * 2/3 = 1/2, median 5.
SELECT d, churned, subjects(c), median_lifetime(c)
FROM (SELECT d, churned, kaplan_meier(d, churned) OVER (ORDER BY d, churned ROWS UNBOUNDED PRECEDING) AS c
      FROM km_rows) x ORDER BY d, churned;

-- [text] State types' text input: not \x and hex, odd digits, hex that is no state (a
-- version this build does not read, nothing at all); 22P02, naming the type.
SELECT sqlstate_of($$SELECT 'abc'::kaplan_meier_state$$);
SELECT sqlstate_of($$SELECT '\x0'::rfm_fit_state$$);
SELECT sqlstate_of($$SELECT '\xff'::sbg_fit_state$$);
SELECT sqlstate_of($$SELECT '\x'::window_funnel_state$$);
SELECT sqlstate_of($$SELECT '\x01'::funnel_table_state$$);
