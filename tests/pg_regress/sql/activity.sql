-- Daily activity: DAU, WAU, MAU and stickiness (activity_series) on a fixture small enough
-- to work by hand. Every expected value is worked out in the comment above its query.
\pset null NULL
SET TimeZone = 'UTC';
SET DateStyle = 'ISO';

-- Events (UTC):
--   1: Mar 1, Mar 2 (twice), Mar 10
--   2: Mar 5
--   3: Mar 1, Mar 30
--   NULL customer: Mar 3 (skipped)
CREATE TABLE events (customer_id int, at timestamptz);
INSERT INTO events VALUES
 (1, '2026-03-01 09:00'), (1, '2026-03-02 10:00'), (1, '2026-03-02 18:00'), (1, '2026-03-10 12:00'),
 (2, '2026-03-05 08:00'),
 (3, '2026-03-01 23:00'), (3, '2026-03-30 07:00'),
 (NULL, '2026-03-03 12:00');
CREATE TABLE histories AS
SELECT customer_id, customer_history_agg(at) AS h FROM events WHERE customer_id IS NOT NULL GROUP BY customer_id;

-- WAU of day d counts the customers active on a day of [d-6, d], MAU of [d-27, d].
-- Mar 1: 1 and 3 active: DAU 2, WAU 2, MAU 2, stickiness 1.
-- Mar 2: 1 (two events, one customer): DAU 1; WAU and MAU 2 (3 was active Mar 1).
-- Mar 7: nobody; WAU = 1 (Mar 2), 2 (Mar 5), 3 (Mar 1): 3. Mar 8: Mar 1 has left: 1 (Mar 2),
--   2 (Mar 5): 2. Mar 9: Mar 2 has left: 2 only.
-- Mar 12: [Mar 6, Mar 12] holds 1's Mar 10 only: 1. Mar 17: [11, 17] nobody: WAU 0.
-- Mar 28: [Mar 1, Mar 28] all three: MAU 3. Mar 29: Mar 1 has left, 3 is out: MAU 2.
-- Mar 30: 3 is back: DAU 1, WAU 1, MAU 3, DAU/MAU 1/3.
SELECT date, dau, wau, mau, round(dau_mau::numeric, 4) AS dau_mau, round(dau_wau::numeric, 4) AS dau_wau,
       round(wau_mau::numeric, 4) AS wau_mau
FROM periods((SELECT activity_series_agg(customer_id, at) FROM events))
WHERE date IN ('2026-03-01', '2026-03-02', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-12',
               '2026-03-17', '2026-03-28', '2026-03-29', '2026-03-30');
-- One row per day from the first to the last active day: 30 rows, each a whole UTC day.
SELECT count(*) AS days, min(period_start) AS first_start, max(period_end) AS last_end,
       bool_and(period_end - period_start = interval '1 day') AS whole_days
FROM periods((SELECT activity_series_agg(customer_id, at) FROM events));

-- The text form: per day the active customers and, per window, the spans that start and
-- end there. 1's days 1, 2, 10 make one 7-day span from Mar 1 to Mar 2 and another on
-- Mar 10, and one 28-day span from Mar 1 to Mar 10; 3's days 1 and 30 are 29 days apart:
-- two spans in both windows.
SELECT activity_series_agg(customer_id, at) FROM events;

-- Both paths give the same summary; so do the parts of a split combined; the text and
-- form reads back; the explicit session zone changes nothing.
SELECT (SELECT activity_series_agg(customer_id, at) FROM events)::text
         = (SELECT activity_series_agg(h) FROM histories)::text AS one_step_same,
       (SELECT combine(s)::text FROM (SELECT activity_series_agg(h) s FROM histories GROUP BY customer_id % 2) x)
         = (SELECT activity_series_agg(h)::text FROM histories) AS combine_same,
       (SELECT activity_series_agg(h) s FROM histories)::text::activity_series::text
         = (SELECT activity_series_agg(h) FROM histories)::text AS text_round_trip,
       (SELECT activity_series_agg(h, 'UTC') FROM histories)::text
         = (SELECT activity_series_agg(h) FROM histories)::text AS explicit_zone_same;

-- A summary is a value: equal summaries compare equal, and JSON holds the rows.
SELECT (SELECT activity_series_agg(h) FROM histories) = (SELECT activity_series_agg(customer_id, at) FROM events) AS equal,
       jsonb_array_length((SELECT activity_series_agg(h) FROM histories)::jsonb -> 'days') AS json_days,
       (SELECT activity_series_agg(h) FROM histories)::jsonb -> 'days' -> 0 AS first_day;

-- The calendar is the given zone's: 23:00 UTC on Mar 1 is Mar 2 in Berlin, so customer 3's
-- first day moves and Mar 1 has customer 1 only.
SELECT date, dau, wau FROM periods((SELECT activity_series_agg(customer_id, at, 'Europe/Berlin') FROM events))
WHERE date <= '2026-03-02';

-- Empty input gives NULL; NULL histories and NULL ids or times are skipped.
SELECT activity_series_agg(customer_id, at) IS NULL AS empty_null FROM events WHERE false;
SELECT activity_series_agg(h) IS NULL AS empty_null FROM histories WHERE false;
SELECT dau FROM periods((SELECT activity_series_agg(customer_id, at) FROM (VALUES (1, NULL::timestamptz), (NULL, now()), (2, '2026-01-01'::timestamptz)) v(customer_id, at)));

-- Bad input: each case's SQLSTATE and message (the catalogue of docs/errors.md).
SELECT q, sqlstate_of(q) FROM (VALUES
  -- [null] activity_series_agg from rows: a NULL time zone; NULL ids and times are skipped
  ($$SELECT activity_series_agg(customer_id, at, NULL) FROM events$$),
  ($$SELECT activity_series_agg(x, t) FROM (VALUES (NULL::int, now()), (1, NULL)) v(x, t)$$),
  -- [empty] no rows gives NULL
  ($$SELECT activity_series_agg(customer_id, at) FROM events WHERE false$$),
  -- [name] an unknown or empty time zone
  ($$SELECT activity_series_agg(customer_id, at, 'Mars/Olympus') FROM events$$),
  ($$SELECT activity_series_agg(customer_id, at, '') FROM events$$),
  -- [time] an infinite time
  ($$SELECT activity_series_agg(1, 'infinity'::timestamptz)$$),
  -- [huge] more than 100,000 days
  ($$SELECT activity_series_agg(x, t) FROM (VALUES (1, '1000-01-01'::timestamptz), (2, '2000-01-01')) v(x, t)$$),
  -- [mixed] a time zone that changes within a group
  ($$SELECT activity_series_agg(x, now(), z) FROM (VALUES (1, 'UTC'), (2, 'Europe/Berlin')) v(x, z)$$),
  -- [type] a customer id of an unsupported type
  ($$SELECT activity_series_agg(1.5, now())$$),
  -- [distinct] DISTINCT would drop a customer's repeated rows before the aggregate sees them
  ($$SELECT activity_series_agg(DISTINCT customer_id, at) FROM events$$),
  -- [null] activity_series_agg over histories: a NULL zone; NULL histories are skipped
  ($$SELECT activity_series_agg(h, NULL) FROM histories$$),
  ($$SELECT activity_series_agg(h) FROM (VALUES (NULL::customer_history)) v(h)$$),
  -- [empty] no histories
  ($$SELECT activity_series_agg(h) FROM histories WHERE false$$),
  -- [name] an unknown zone
  ($$SELECT activity_series_agg(h, 'Mars/Olympus') FROM histories$$),
  -- [huge] more than 100,000 days
  ($$SELECT activity_series_agg(h) FROM (SELECT customer_history_agg(t) h FROM (VALUES ('1000-01-01'::timestamptz), ('2000-01-01')) v(t)) x$$),
  -- [mixed] histories with another zone within a group
  ($$SELECT activity_series_agg(h, z) FROM histories, (VALUES ('UTC'), ('Europe/Berlin')) v(z)$$),
  -- [null] combine: NULL summaries are skipped
  ($$SELECT combine(s) FROM (VALUES (NULL::activity_series)) v(s)$$),
  -- [empty] combine of no rows gives NULL
  ($$SELECT combine(s) FROM (SELECT activity_series_agg(h) s FROM histories WHERE false) x$$),
  -- [mixed] summaries of two time zones
  ($$SELECT combine(s) FROM (SELECT activity_series_agg(h, 'UTC') s FROM histories UNION ALL SELECT activity_series_agg(h, 'Europe/Berlin') FROM histories) x$$),
  -- [huge] two summaries 100,001 days apart
  ($$SELECT combine(s) FROM (SELECT activity_series_agg(1, '1800-01-01'::timestamptz) UNION ALL SELECT activity_series_agg(1, '2100-01-01'::timestamptz)) v(s)$$),
  -- [null] periods() of NULL: no rows
  ($$SELECT count(*) FROM periods(NULL::activity_series)$$),
  -- [name] periods() of a summary whose time zone is unknown
  ($$SELECT * FROM periods('(version:1,unit:"day",zone:"Mars/Olympus",first_period:"2026-03-01",scale:0,active:[1,0],wau_span_starts:[1,0],wau_span_lasts:[1,0],mau_span_starts:[1,0],mau_span_lasts:[1,0])'::activity_series)$$),
  -- [text] activity_series text input: malformed, another unit, a span that never ends
  ($$SELECT '(version:1,unit:"day"'::activity_series$$),
  ($$SELECT '(version:1,unit:"month",zone:"UTC",first_period:"2026-03-01",scale:0,active:[1,0],wau_span_starts:[1,0],wau_span_lasts:[1,0],mau_span_starts:[1,0],mau_span_lasts:[1,0])'::activity_series$$),
  ($$SELECT '(version:1,unit:"day",zone:"UTC",first_period:"2026-03-01",scale:0,active:[1,0],wau_span_starts:[1,0],wau_span_lasts:[0,0],mau_span_starts:[1,0],mau_span_lasts:[1,0])'::activity_series$$),
  -- [negative] a negative count
  ($$SELECT '(version:1,unit:"day",zone:"UTC",first_period:"2026-03-01",scale:0,active:[-1,0],wau_span_starts:[1,0],wau_span_lasts:[1,0],mau_span_starts:[1,0],mau_span_lasts:[1,0])'::activity_series$$),
  -- [empty] no days: an empty summary, accepted; no customer on the first day
  ($$SELECT '(version:1,unit:"day",zone:"UTC",first_period:null,scale:0,active:[],wau_span_starts:[],wau_span_lasts:[],mau_span_starts:[],mau_span_lasts:[])'::activity_series$$),
  ($$SELECT '(version:1,unit:"day",zone:"UTC",first_period:"2026-03-01",scale:0,active:[0,0],wau_span_starts:[0,0],wau_span_lasts:[0,0],mau_span_starts:[0,0],mau_span_lasts:[0,0])'::activity_series$$),
  -- [huge] a count past bigint
  ($$SELECT '(version:1,unit:"day",zone:"UTC",first_period:"2026-03-01",scale:0,active:[9223372036854775808,0],wau_span_starts:[1,0],wau_span_lasts:[1,0],mau_span_starts:[1,0],mau_span_lasts:[1,0])'::activity_series$$),
  -- [range] more spans than active customers; WAU above MAU; a scale (an activity series has
  -- no amounts)
  ($$SELECT '(version:1,unit:"day",zone:"UTC",first_period:"2026-03-01",scale:0,active:[1,0],wau_span_starts:[2,0],wau_span_lasts:[2,0],mau_span_starts:[1,0],mau_span_lasts:[1,0])'::activity_series$$),
  ($$SELECT '(version:1,unit:"day",zone:"UTC",first_period:"2026-03-01",scale:0,active:[1,0,1,0],wau_span_starts:[1,0,1,0],wau_span_lasts:[1,0,1,0],mau_span_starts:[1,0,0,0],mau_span_lasts:[0,0,1,0])'::activity_series$$),
  ($$SELECT '(version:1,unit:"day",zone:"UTC",first_period:"2026-03-01",scale:2,active:[1,0],wau_span_starts:[1,0],wau_span_lasts:[1,0],mau_span_starts:[1,0],mau_span_lasts:[1,0])'::activity_series$$),
  -- [time] a first day that is no date
  ($$SELECT '(version:1,unit:"day",zone:"UTC",first_period:"2026-02-30",scale:0,active:[1,0],wau_span_starts:[1,0],wau_span_lasts:[1,0],mau_span_starts:[1,0],mau_span_lasts:[1,0])'::activity_series$$),
  -- [name] an empty time zone name
  ($$SELECT '(version:1,unit:"day",zone:"",first_period:"2026-03-01",scale:0,active:[1,0],wau_span_starts:[1,0],wau_span_lasts:[1,0],mau_span_starts:[1,0],mau_span_lasts:[1,0])'::activity_series$$)
) v(q);
