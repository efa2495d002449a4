-- Bad input to the order-history functions: every case is an ERROR with a SQLSTATE and a
-- message naming the value (sqlstate_of is defined in setup.sql).
SET TimeZone = 'UTC';
SET DateStyle = 'ISO';
SET IntervalStyle = 'postgres';
SELECT q, sqlstate_of(q) FROM (VALUES
  -- [negative] amounts: negative (refunds are not orders)
  ($$SELECT customer_history_agg(now(), -5.00)$$),
  -- [nan] amounts: NaN, infinite
  ($$SELECT customer_history_agg(now(), 'NaN'::numeric)$$),
  ($$SELECT customer_stats_agg(1, now(), 'Infinity'::numeric)$$),
  -- [huge] amounts: past what an order's amount may be at its scale
  ($$SELECT customer_history_agg(now(), 184467440737095516.16)$$),
  -- [negative] items and cost: negative
  ($$SELECT customer_history_agg(now(), 1, -2, 1)$$),
  ($$SELECT customer_history_agg(now(), 1, 2, -1)$$),
  -- [time] times: infinite, beyond year 9999
  ($$SELECT customer_history_agg('infinity'::timestamptz)$$),
  ($$SELECT customer_stats_agg(1, '-infinity'::timestamptz)$$),
  ($$SELECT customer_stats_agg(1, 'infinity'::timestamptz)$$),
  ($$SELECT customer_history_agg('10000-01-01'::timestamptz)$$),
  -- [range] periods: empty or reversed
  ($$SELECT retention_rate(1, now(), '2026-02-01', '2026-02-01')$$),
  ($$SELECT retention_agg(1, now(), '2026-03-01', '2026-02-01')$$),
  -- [null] periods: NULL bounds
  ($$SELECT retention_rate(1, now(), NULL, '2026-02-01')$$),
  -- [mixed] periods: changing within a group
  ($$SELECT retention_agg(id, now(), '2026-01-01', t) FROM (VALUES (1, '2026-02-01'::timestamptz), (2, '2026-03-01')) v(id, t)$$),
  -- [name] granularity and time zone: unknown
  ($$SELECT period_series_agg(1, now(), 1, 'fortnight')$$),
  ($$SELECT period_series_agg(1, now(), 1, 'month', 'Mars/Olympus_Mons')$$),
  -- [null] granularity: NULL
  ($$SELECT period_series_agg(1, now(), 1, NULL)$$),
  -- [huge] granularity: too many periods
  ($$SELECT period_series_agg(1, t, 1, 'day') FROM (VALUES ('0001-01-01'::timestamptz), ('2026-01-01')) v(t)$$),
  -- [mixed] granularity: changing within a group or between summaries rolled up
  ($$SELECT period_series_agg(id, now(), 1, g) FROM (VALUES (1, 'month'), (2, 'week')) v(id, g)$$),
  ($$SELECT rollup(s) FROM (SELECT period_series_agg(1, now(), 1, 'month') UNION ALL SELECT period_series_agg(1, now(), 1, 'week')) v(s)$$),
  -- [type] customer ids of unsupported types
  ($$SELECT repeat_purchase_rate(1.5)$$),
  ($$SELECT repeat_purchase_rate('a'::char(3))$$),
  -- [negative] MRR
  ($$SELECT mrr_movements(-1, 5)$$),
  ($$SELECT mrr_series_agg(1, now(), -3, 'month')$$),
  -- [range] accessors
  ($$SELECT historic_clv(customer_stats_agg(1, now(), 1), '1 year', 1.5)$$),
  -- [negative] accessors: a negative interval
  ($$SELECT historic_clv(customer_stats_agg(1, now(), 1), '-1 day')$$),
  -- [range] accessors: confidence levels
  ($$SELECT retention_ci(retention_agg(1, now(), '2026-01-01', '2026-02-01'), 95)$$),
  ($$SELECT * FROM periods((SELECT period_series_agg(1, now(), 1, 'month')), 0)$$),
  -- [text] malformed stored values
  ($$SELECT '(version:2,scale:0,times:["2026-01-01 00:00:00+00"],amounts:[1])'::customer_history$$),
  ($$SELECT '(version:1,scale:0,times:["2026-01-01"],amounts:[1])'::customer_history$$),
  ($$SELECT '(version:1,scale:0,times:[],amounts:[])'::customer_history$$),
  ($$SELECT '(version:1,scale:0,times:["2026-01-01 00:00:00+00"],amounts:[-1])'::customer_history$$),
  ($$SELECT '(version:1,period_start:"2026-02-01 00:00:00+00",period_end:"2026-03-01 00:00:00+00",customers_start:1,retained:2,new_customers:0,reactivated:0)'::retention_summary$$),
  ($$SELECT '(version:1,unit:"month",zone:"UTC",first_period:"2026-01-01",scale:0,new_customers:[2,0],retained:[0,0],reactivated:[0,0],churned:[0,1],orders:[2,0],priced_orders:[0,0],revenue:[0,0])'::period_series$$),
  ($$SELECT '(version:1,mrr_start:10,mrr_end:10,new:5,expansion:0,contraction:0,churned:0,customers_start:1,customers_end:1,new_customers:0,expanded_customers:0,contracted_customers:0,churned_customers:0)'::mrr_summary$$),
  ($$SELECT '(version:1,customers:0,repeat_customers:0,orders:0,priced_orders:0,revenue:0,lifespan_sum:0,first_order:"2026-01-01 00:00:00+00",last_order:"2026-01-01 00:00:00+00",gap_shift:0,gaps:[])'::customer_stats$$)
) v(q);

-- Long aggregations answer statement_timeout (and pg_cancel_backend, which raises the same
-- interrupt): 57014 instead of running to the end.
SET statement_timeout = '200ms';
SELECT customer_stats_agg(g % 100000, timestamptz '2026-01-01' + g * interval '1 second', 1.5)
FROM generate_series(1, 20000000) g;
SELECT period_series_agg(g % 100000, timestamptz '2026-01-01' + g * interval '1 second', 1.5, 'day')
FROM generate_series(1, 20000000) g;
RESET statement_timeout;

-- Bad input, kind by kind (the kinds in brackets; docs/errors.md counts them per function).
SELECT q, sqlstate_of(q) FROM (VALUES
  -- [null] customer_history_agg: rows with a NULL time are skipped, a NULL amount is an
  -- order without an amount, NULL items or cost are unknown: accepted
  ($$SELECT customer_history_agg(t) FROM (VALUES (NULL::timestamptz), ('2026-01-01')) v(t)$$),
  ($$SELECT customer_history_agg(now(), NULL::numeric)$$),
  ($$SELECT customer_history_agg(now(), 1, NULL, NULL)$$),
  -- [empty] customer_history_agg: no rows, or only rows without a time: NULL
  ($$SELECT customer_history_agg(t) FROM (VALUES (NULL::timestamptz)) v(t)$$),
  -- [time] customer_history_agg: just inside the years 1..9999 is valid: accepted
  ($$SELECT customer_history_agg('0001-01-01 00:00:00+00'::timestamptz)$$),
  ($$SELECT customer_history_agg('9999-12-31 23:59:59.999999+00'::timestamptz)$$),
  ($$SELECT customer_history_agg('0001-01-01 00:00:00+00'::timestamptz - interval '1 microsecond')$$),
  -- [huge] customer_history_agg: items summed past bigint; a cost past 38 digits; an amount with
  -- more than 30 decimals
  ($$SELECT customer_history_agg(t, 1, 9223372036854775807, 1) FROM (VALUES (now()), (now())) v(t)$$),
  ($$SELECT customer_history_agg(now(), 1, 1, 1e40)$$),
  ($$SELECT customer_history_agg(now(), 1e-31)$$),
  -- [nan] customer_history_agg: a NaN cost
  ($$SELECT customer_history_agg(now(), 1, 1, 'NaN')$$),
  -- [text] customer_history text input: not a history
  ($$SELECT ''::customer_history$$),
  ($$SELECT '(version:1,scale:0,times:["2026-01-01 00:00:00+00"])'::customer_history$$),
  ($$SELECT '(version:1,scale:0,times:["2026-01-01 00:00:00+00"],amounts:[1,2])'::customer_history$$),
  -- [negative] customer_history text input: a negative amount, items or scale
  ($$SELECT '(version:1,scale:0,times:["2026-01-01 00:00:00+00"],amounts:[1],items:-1,item_orders:1,cost:0,cost_orders:0)'::customer_history$$),
  ($$SELECT '(version:1,scale:-1,times:["2026-01-01 00:00:00+00"],amounts:[1])'::customer_history$$),
  -- [empty] customer_history text input: a history without orders
  ($$SELECT '(version:1,scale:0,times:[],amounts:[])'::customer_history$$),
  -- [time] customer_history text input: impossible dates, year 10000, infinity; times out of
  -- order are sorted: accepted
  ($$SELECT '(version:1,scale:0,times:["2026-02-30 00:00:00+00"],amounts:[1])'::customer_history$$),
  ($$SELECT '(version:1,scale:0,times:["10000-01-01 00:00:00+00"],amounts:[1])'::customer_history$$),
  ($$SELECT '(version:1,scale:0,times:["infinity"],amounts:[1])'::customer_history$$),
  ($$SELECT '(version:1,scale:0,times:["2026-01-01 00:00:00+00","2025-01-01 00:00:00+00"],amounts:[1,1])'::customer_history$$),
  -- [huge] customer_history text input: an amount at the 64-bit limit; a display scale past 1000
  ($$SELECT '(version:1,scale:0,times:["2026-01-01 00:00:00+00"],amounts:[18446744073709551615])'::customer_history$$),
  ($$SELECT '(version:1,scale:1001,times:["2026-01-01 00:00:00+00"],amounts:[1])'::customer_history$$),
  -- [range] customer_history text input: more decimals than the scale; items on more orders
  -- than there are
  ($$SELECT '(version:1,scale:0,times:["2026-01-01 00:00:00+00"],amounts:[1.5])'::customer_history$$),
  ($$SELECT '(version:1,scale:0,times:["2026-01-01 00:00:00+00"],amounts:[1],items:1,item_orders:2,cost:0,cost_orders:0)'::customer_history$$),
  -- [null] rollup skips NULL histories; customer_history_combine is STRICT
  ($$SELECT rollup(h) FROM (SELECT customer_history_agg(now()) UNION ALL SELECT NULL::customer_history) v(h)$$),
  ($$SELECT customer_history_combine(customer_history_agg(now()), NULL)$$),
  -- [empty] rollup of no rows: NULL
  ($$SELECT rollup(h) FROM (SELECT customer_history_agg(now()) AS h) x WHERE false$$),
  -- [mixed] histories at different scales merge at the finer one: accepted
  ($$SELECT rollup(h) FROM (SELECT customer_history_agg(now(), 1.5) UNION ALL SELECT customer_history_agg(now(), 2.125)) v(h)$$),
  ($$SELECT customer_history_combine(customer_history_agg(now(), 1.5), customer_history_agg(now(), 2))$$),
  -- [huge] an amount that no longer fits at the finer scale of the merge
  ($$SELECT customer_history_combine(customer_history_agg(now(), 184467440737095516.15), customer_history_agg(now(), 0.001))$$),
  ($$SELECT rollup(h) FROM (SELECT customer_history_agg(now(), 184467440737095516.15) UNION ALL SELECT customer_history_agg(now(), 0.001)) v(h)$$),
  -- [null] the history read-outs are STRICT: a NULL history gives NULL
  ($$SELECT first_order_at(h), last_order_at(h), orders(h), revenue(h), avg_order_value(h), items(h), cost(h), profit(h), lifespan(h), avg_time_between_purchases(h), has_order_between(h, now(), now()) FROM (SELECT NULL::customer_history AS h) x$$),
  ($$SELECT * FROM order_list(NULL::customer_history)$$),
  -- [empty] a history without amounts, items or cost: those read-outs are NULL
  ($$SELECT first_order_at(h), last_order_at(h), orders(h), revenue(h), avg_order_value(h), items(h), cost(h), profit(h), lifespan(h), avg_time_between_purchases(h) FROM (SELECT customer_history_agg(now()) AS h) x$$),
  -- [huge] a history from year 1 to 9999 with amounts at the limit (values below)
  ($$SELECT first_order_at(h), last_order_at(h), orders(h), revenue(h), avg_order_value(h), items(h), cost(h), profit(h), lifespan(h), avg_time_between_purchases(h) FROM (SELECT customer_history_agg(t, a, 9223372036854775807, 99999999999999999999999999999999999999) AS h FROM (VALUES ('0001-01-01 00:00:00+00'::timestamptz, 18446744073709551614)) v(t, a)) x$$),
  ($$SELECT count(*) FROM order_list((SELECT customer_history_agg(t, 18446744073709551614) FROM (VALUES ('0001-01-01 00:00:00+00'::timestamptz), ('9999-12-31 23:59:59.999999+00')) v(t)))$$),
  -- [null] has_order_between: a NULL bound gives NULL (STRICT)
  ($$SELECT has_order_between(customer_history_agg(now()), NULL, now())$$),
  -- [time] has_order_between: infinite bounds are valid: accepted
  ($$SELECT has_order_between(customer_history_agg(now()), '-infinity', 'infinity')$$),
  -- [range] has_order_between: reversed bounds hold no order (false): accepted
  ($$SELECT has_order_between(customer_history_agg(now()), 'infinity', '-infinity')$$),
  -- [empty] one-step retention: no rows, or only NULL ids or times: NULL
  ($$SELECT retention_rate(id, t, '2026-01-01', '2026-02-01') FROM (VALUES (1, now())) v(id, t) WHERE false$$),
  ($$SELECT churn_rate(id, t, '2026-02-01', '2026-03-01') FROM (VALUES (1, NULL::timestamptz)) v(id, t)$$),
  ($$SELECT retention_agg(NULL::integer, now(), '2026-01-01', '2026-02-01')$$),
  -- [time] one-step retention: infinite order times or bounds
  ($$SELECT retention_rate(1, 'infinity', '2026-01-01', '2026-02-01')$$),
  ($$SELECT churn_rate(1, now(), '-infinity', '2026-02-01')$$),
  ($$SELECT retention_agg(1, now(), '2026-01-01', '10000-01-01')$$),
  -- [type] one-step retention: customer ids of unsupported types
  ($$SELECT churn_rate(1.5::float8, now(), '2026-01-01', '2026-02-01')$$),
  ($$SELECT retention_agg(true, now(), '2026-01-01', '2026-02-01')$$),
  -- [null] repeat_purchase_rate(customer_id): NULL ids are skipped: accepted
  ($$SELECT repeat_purchase_rate(x) FROM (VALUES (1), (NULL), (1)) v(x)$$),
  -- [empty] repeat_purchase_rate(customer_id): no rows, or only NULL ids: NULL
  ($$SELECT repeat_purchase_rate(x) FROM (VALUES (NULL::integer)) v(x)$$),
  -- [huge] repeat_purchase_rate(customer_id): the bigint limits and a 100 kB text id: accepted
  ($$SELECT repeat_purchase_rate(x) FROM (VALUES (9223372036854775807), (-9223372036854775808), (9223372036854775807)) v(x)$$),
  ($$SELECT repeat_purchase_rate(repeat('x', 100000))$$),
  -- [type] repeat_purchase_rate(customer_id): arrays and booleans are not ids
  ($$SELECT repeat_purchase_rate(ARRAY[1])$$),
  -- [null] time between purchases: rows with a NULL time are skipped: accepted
  ($$SELECT avg_time_between_purchases(x, t) FROM (VALUES (1, NULL::timestamptz), (1, '2026-01-01')) v(x, t)$$),
  ($$SELECT median_time_between_purchases(x, t) FROM (VALUES (NULL::integer, now())) v(x, t)$$),
  -- [empty] time between purchases: no repeat orders: NULL
  ($$SELECT avg_time_between_purchases(1, now())$$),
  ($$SELECT median_time_between_purchases(x, t) FROM (VALUES (1, now())) v(x, t) WHERE false$$),
  -- [time] time between purchases: infinite or out-of-range times
  ($$SELECT avg_time_between_purchases(1, 'infinity')$$),
  ($$SELECT median_time_between_purchases(1, '10000-01-01')$$),
  -- [type] time between purchases: an unsupported id type
  ($$SELECT median_time_between_purchases(1.5, now())$$),
  -- [negative] customer_stats_agg(customer_id, ...): negative amounts, items or cost
  ($$SELECT customer_stats_agg(1, now(), -1)$$),
  ($$SELECT customer_stats_agg(1, now(), 1, -1, 1)$$),
  ($$SELECT customer_stats_agg(1, now(), 1, 1, -1)$$),
  -- [null] customer_stats_agg(customer_id, ...): NULL ids or times skip the row, a NULL amount is
  -- an order without one: accepted
  ($$SELECT customer_stats_agg(NULL::integer, now(), 1)$$),
  ($$SELECT customer_stats_agg(1, now(), NULL)$$),
  -- [empty] customer_stats_agg(customer_id, ...): no rows: NULL
  ($$SELECT customer_stats_agg(x, t) FROM (VALUES (1, now())) v(x, t) WHERE false$$),
  -- [time] customer_stats_agg(customer_id, ...): out-of-range times
  ($$SELECT customer_stats_agg(1, '-infinity'::timestamptz, 1)$$),
  ($$SELECT customer_stats_agg(1, '0001-01-01 00:00:00+00'::timestamptz - interval '1 day', 1, 1, 1)$$),
  -- [huge] customer_stats_agg(customer_id, ...): an amount past what an order may be; a cost
  -- past 38 digits
  ($$SELECT customer_stats_agg(x, now(), 99999999999999999999999999999999999999) FROM (VALUES (1), (2)) v(x)$$),
  ($$SELECT customer_stats_agg(1, now(), 1, 1, 1e40)$$),
  -- [nan] customer_stats_agg(customer_id, ...): NaN costs
  ($$SELECT customer_stats_agg(1, now(), 1, 1, 'NaN')$$),
  -- [type] customer_stats_agg(customer_id, ...): an unsupported id type
  ($$SELECT customer_stats_agg(now(), now())$$),
  -- [empty] period and MRR series from rows: no rows, or only NULL amounts of MRR: NULL or no periods
  ($$SELECT period_series_agg(x, t, 1, 'month') FROM (VALUES (1, now())) v(x, t) WHERE false$$),
  ($$SELECT mrr_series_agg(1, now(), NULL, 'month')$$),
  -- [name] period and MRR series from rows: names are not case or space sensitive; an empty
  -- zone and an overlong one (it was "too long" for "")
  ($$SELECT period_series_agg(1, '2026-01-15'::timestamptz, 1, ' MONTH ')$$),
  ($$SELECT mrr_series_agg(1, now(), 1, 'month', '')$$),
  ($$SELECT period_series_agg(1, now(), 1, 'month', repeat('x', 300))$$),
  ($$SELECT mrr_series_agg(1, now(), 1, 'months')$$),
  -- [null] MRR series from rows: a NULL time zone
  ($$SELECT mrr_series_agg(1, now(), 1, 'month', NULL)$$),
  -- [time] period and MRR series from rows: out-of-range times; a period whose local start is
  -- past year 9999 (UTC+14) or before year 1 is valid: accepted
  ($$SELECT mrr_series_agg(1, 'infinity', 1, 'month')$$),
  ($$SELECT period_series_agg(1, '10000-01-01'::timestamptz, 1, 'year')$$),
  ($$SELECT period_series_agg(1, '9999-12-31 23:00+00'::timestamptz, 1, 'year', 'Pacific/Kiritimati')::text::period_series$$),
  ($$SELECT mrr_series_agg(1, '0001-01-01 00:00+00'::timestamptz, 1, 'month', 'America/Los_Angeles')::text::mrr_series$$),
  -- [huge] MRR series from rows: too many periods; amounts past 38 digits
  ($$SELECT mrr_series_agg(x, t, 1, 'day') FROM (VALUES (1, '0001-01-01'::timestamptz), (2, '2026-01-01')) v(x, t)$$),
  ($$SELECT period_series_agg(x, now(), 99999999999999999999999999999999999999, 'month') FROM (VALUES (1), (2)) v(x)$$),
  -- [nan] period and MRR series from rows: NaN and infinite amounts
  ($$SELECT period_series_agg(1, now(), 'NaN', 'month')$$),
  ($$SELECT mrr_series_agg(1, now(), 'Infinity', 'month')$$),
  -- [mixed] MRR series from rows: the time zone changes within a group
  ($$SELECT mrr_series_agg(x, now(), 1, 'month', z) FROM (VALUES (1, 'UTC'), (2, 'Asia/Tokyo')) v(x, z)$$),
  -- [type] period series from rows: an unsupported id type
  ($$SELECT period_series_agg(1.5, now(), 1, 'month')$$),
  -- [range] retention_agg(h, ...): an empty period
  ($$SELECT retention_agg(h, '2026-02-01', '2026-02-01') FROM (SELECT customer_history_agg(now()) AS h) x$$),
  -- [null] retention_agg(h, ...): NULL histories are skipped: accepted; NULL bounds are an error
  ($$SELECT retention_agg(h, '2026-01-01', '2026-02-01') FROM (VALUES (NULL::customer_history)) v(h)$$),
  ($$SELECT retention_agg(h, '2026-01-01', NULL) FROM (SELECT customer_history_agg(now()) AS h) x$$),
  -- [empty] retention_agg(h, ...): no rows: NULL
  ($$SELECT retention_agg(h, '2026-01-01', '2026-02-01') FROM (SELECT customer_history_agg(now()) AS h) x WHERE false$$),
  -- [time] retention_agg(h, ...): infinite bounds
  ($$SELECT retention_agg(h, '-infinity', '2026-02-01') FROM (SELECT customer_history_agg(now()) AS h) x$$),
  -- [mixed] retention_agg(h, ...): the period changes within a group
  ($$SELECT retention_agg(h, '2026-01-01', e) FROM (SELECT customer_history_agg(now()) AS h) x, (VALUES ('2026-02-01'::timestamptz), ('2026-03-01')) v(e)$$),
  -- [null] customer_stats_agg(h): NULL histories are skipped: accepted
  ($$SELECT customer_stats_agg(h) FROM (VALUES (NULL::customer_history), ('(version:1,scale:0,times:["2026-01-01 00:00:00+00"],amounts:[1])')) v(h)$$),
  -- [empty] customer_stats_agg(h): no rows: NULL
  ($$SELECT customer_stats_agg(h) FROM (SELECT customer_history_agg(now()) AS h) x WHERE false$$),
  -- [huge] customer_stats_agg(h): amounts at the 64-bit limit sum exactly: accepted
  ($$SELECT customer_stats_agg(h) FROM (SELECT customer_history_agg(now(), 18446744073709551614) AS h FROM generate_series(1, 3)) x$$),
  -- [null] period and MRR series from histories: NULL histories are skipped: accepted; a NULL
  -- granularity is an error
  ($$SELECT period_series_agg(h, 'month') FROM (VALUES (NULL::customer_history), ('(version:1,scale:0,times:["2026-01-01 00:00:00+00"],amounts:[1])')) v(h)$$),
  ($$SELECT mrr_series_agg(h, NULL) FROM (SELECT customer_history_agg(now()) AS h) x$$),
  -- [empty] period and MRR series from histories: no rows: NULL
  ($$SELECT mrr_series_agg(h, 'month') FROM (SELECT customer_history_agg(now()) AS h) x WHERE false$$),
  -- [name] period and MRR series from histories: unknown and empty names
  ($$SELECT period_series_agg(h, 'fortnight') FROM (SELECT customer_history_agg(now()) AS h) x$$),
  ($$SELECT mrr_series_agg(h, 'month', '') FROM (SELECT customer_history_agg(now()) AS h) x$$),
  ($$SELECT period_series_agg(h, 'month', 'Mars/Olympus_Mons') FROM (SELECT customer_history_agg(now()) AS h) x$$),
  -- [huge] period series from histories: too many periods
  ($$SELECT period_series_agg(h, 'day') FROM (SELECT customer_history_agg(t) AS h FROM (VALUES ('0001-01-01'::timestamptz), ('2026-01-01')) v(t)) x$$),
  -- [mixed] MRR series from histories: the granularity changes within a group
  ($$SELECT mrr_series_agg(h, g) FROM (SELECT customer_history_agg(now()) AS h) x, (VALUES ('month'), ('week')) v(g)$$),
  -- [negative] mrr_movements: a negative MRR at the end
  ($$SELECT mrr_movements(5, -1)$$),
  -- [null] mrr_movements: a NULL side is no MRR there (a new or a churned customer): accepted
  ($$SELECT mrr_movements(NULL, 5)$$),
  ($$SELECT mrr_movements(5, NULL)$$),
  -- [empty] mrr_movements: no rows, or only NULL pairs: NULL
  ($$SELECT mrr_movements(NULL, NULL)$$),
  -- [huge] mrr_movements: past 38 digits, in one amount or in the sum
  ($$SELECT mrr_movements(1e40, 1)$$),
  ($$SELECT mrr_movements(a, 1) FROM (VALUES (99999999999999999999999999999999999999::numeric), (1)) v(a)$$),
  ($$SELECT mrr_movements(0.0000000000000000000000000000001, 1)$$),
  -- [nan] mrr_movements: NaN and infinite MRR
  ($$SELECT mrr_movements('NaN', 1)$$),
  ($$SELECT mrr_movements(1, '-Infinity')$$),
  -- [null] rollup of stored summaries skips NULL ones: accepted
  ($$SELECT rollup(s) FROM (SELECT retention_agg(1, now(), '2026-01-01', '2026-02-01') UNION ALL SELECT NULL::retention_summary) v(s)$$),
  ($$SELECT rollup(s) FROM (SELECT customer_stats_agg(1, now()) UNION ALL SELECT NULL::customer_stats) v(s)$$),
  ($$SELECT rollup(s) FROM (SELECT mrr_movements(1, 2) UNION ALL SELECT NULL::mrr_summary) v(s)$$),
  -- [empty] rollup of no rows: NULL
  ($$SELECT rollup(s) FROM (SELECT period_series_agg(1, now(), 1, 'month') AS s) x WHERE false$$),
  ($$SELECT rollup(s) FROM (SELECT mrr_series_agg(1, now(), 1, 'month') AS s) x WHERE false$$),
  -- [huge] rollup past 2^63 - 1 customers, or past 38 digits of revenue or MRR (the sums of
  -- two summaries of 10^38 - 1)
  ($$SELECT rollup(s) FROM (SELECT '(version:1,period_start:"2026-02-01 00:00:00+00",period_end:"2026-03-01 00:00:00+00",customers_start:9223372036854775807,retained:0,new_customers:0,reactivated:0)'::retention_summary UNION ALL SELECT '(version:1,period_start:"2026-02-01 00:00:00+00",period_end:"2026-03-01 00:00:00+00",customers_start:1,retained:0,new_customers:0,reactivated:0)'::retention_summary) v(s)$$),
  ($$SELECT rollup(s) FROM (SELECT '(version:1,customers:1,repeat_customers:0,orders:1,priced_orders:1,revenue:99999999999999999999999999999999999999,lifespan_sum:0,first_order:"2026-01-01 00:00:00+00",last_order:"2026-01-01 00:00:00+00",gap_shift:0,gaps:[])'::customer_stats AS s FROM generate_series(1, 2)) v$$),
  ($$SELECT rollup(s) FROM (SELECT mrr_movements(99999999999999999999999999999999999999, 0) UNION ALL SELECT mrr_movements(99999999999999999999999999999999999999, 0)) v(s)$$),
  -- [mixed] rollup of summaries of different periods or calendars; of different scales: accepted
  ($$SELECT rollup(s) FROM (SELECT retention_agg(1, now(), '2026-01-01', '2026-02-01') UNION ALL SELECT retention_agg(1, now(), '2026-01-01', '2026-03-01')) v(s)$$),
  ($$SELECT rollup(s) FROM (SELECT mrr_series_agg(1, now(), 1, 'month') UNION ALL SELECT mrr_series_agg(1, now(), 1, 'month', 'Asia/Tokyo')) v(s)$$),
  ($$SELECT rollup(s) FROM (SELECT customer_stats_agg(1, now(), 1.5) UNION ALL SELECT customer_stats_agg(2, now(), 2.125)) v(s)$$),
  ($$SELECT rollup(s) FROM (SELECT mrr_movements(1, 2) UNION ALL SELECT mrr_movements(1.5, 2.25)) v(s)$$),
  -- [null] retention_summary read-outs are STRICT: NULL
  ($$SELECT retention_rate(s), churn_rate(s), customers_start(s), retained(s), churned(s), new_customers(s), reactivated(s), customers_end(s), retention_ci(s), churn_ci(s) FROM (SELECT NULL::retention_summary AS s) x$$),
  -- [empty] a retention_summary of nobody: counts 0, rates and intervals NULL
  ($$SELECT retention_rate(s), churn_rate(s), customers_start(s), retained(s), churned(s), new_customers(s), reactivated(s), customers_end(s), retention_ci(s), churn_ci(s) FROM (SELECT '(version:1,period_start:"2026-02-01 00:00:00+00",period_end:"2026-03-01 00:00:00+00",customers_start:0,retained:0,new_customers:0,reactivated:0)'::retention_summary AS s) x$$),
  -- [huge] a retention_summary whose customers (start, new, reactivated) number 2^63 - 1, the
  -- limit (values below)
  ($$SELECT retention_rate(s), churn_rate(s), customers_start(s), retained(s), churned(s), new_customers(s), reactivated(s), customers_end(s) FROM (SELECT '(version:1,period_start:"2026-02-01 00:00:00+00",period_end:"2026-03-01 00:00:00+00",customers_start:4611686018427387904,retained:4611686018427387904,new_customers:4611686018427387903,reactivated:0)'::retention_summary AS s) x$$),
  -- [nan] retention_ci, churn_ci: NaN and infinite levels
  ($$SELECT retention_ci(retention_agg(1, now(), '2026-01-01', '2026-02-01'), 'NaN')$$),
  ($$SELECT churn_ci(retention_agg(1, now(), '2026-01-01', '2026-02-01'), 'Infinity')$$),
  -- [range] churn_ci: a level of 0
  ($$SELECT churn_ci(retention_agg(1, now(), '2026-01-01', '2026-02-01'), 0)$$),
  -- [null] customer_stats read-outs are STRICT: NULL
  ($$SELECT customers(s), repeat_customers(s), repeat_purchase_rate(s), orders(s), orders_per_customer(s), revenue(s), avg_order_value(s), revenue_per_customer(s), items(s), cost(s), profit(s), profit_per_customer(s), avg_time_between_purchases(s), median_time_between_purchases(s), gap_resolution(s), avg_lifespan(s), first_order_at(s), last_order_at(s), repeat_purchase_ci(s), purchase_frequency(s), historic_clv(s) FROM (SELECT NULL::customer_stats AS s) x$$),
  -- [empty] customer_stats of one order without amount, items or cost: those read-outs NULL
  ($$SELECT customers(s), repeat_customers(s), repeat_purchase_rate(s), orders(s), orders_per_customer(s), revenue(s), avg_order_value(s), revenue_per_customer(s), items(s), cost(s), profit(s), profit_per_customer(s), avg_time_between_purchases(s), median_time_between_purchases(s), gap_resolution(s), avg_lifespan(s), first_order_at(s), last_order_at(s), purchase_frequency(s), historic_clv(s) FROM (SELECT customer_stats_agg(1, '2026-01-01'::timestamptz) AS s) x$$),
  -- [huge] customer_stats at the limits: revenue of 38 digits; amounts and items at the 64-bit
  -- limits over 9998 years; a frequency per microsecond (values below)
  ($$SELECT customers(s), repeat_customers(s), repeat_purchase_rate(s), orders(s), orders_per_customer(s), revenue(s), avg_order_value(s), revenue_per_customer(s), items(s), cost(s), profit(s), profit_per_customer(s), avg_time_between_purchases(s), median_time_between_purchases(s), gap_resolution(s), avg_lifespan(s), first_order_at(s), last_order_at(s), purchase_frequency(s), historic_clv(s) FROM (SELECT '(version:1,customers:1,repeat_customers:0,orders:1,priced_orders:1,revenue:99999999999999999999999999999999999999,lifespan_sum:0,first_order:"2026-01-01 00:00:00+00",last_order:"2026-01-01 00:00:00+00",gap_shift:0,gaps:[])'::customer_stats AS s) x$$),
  ($$SELECT customers(s), repeat_customers(s), repeat_purchase_rate(s), orders(s), orders_per_customer(s), revenue(s), avg_order_value(s), revenue_per_customer(s), items(s), cost(s), profit(s), profit_per_customer(s), avg_time_between_purchases(s), median_time_between_purchases(s), gap_resolution(s), avg_lifespan(s), first_order_at(s), last_order_at(s), purchase_frequency(s), historic_clv(s) FROM (SELECT customer_stats_agg(x, t, 18446744073709551614, 3074457345618258602, 1) AS s FROM (VALUES (1, '0001-01-01 00:00+00'::timestamptz), (1, '9999-12-31 23:59:59.999999+00'), (2, '2026-01-01')) v(x, t)) x$$),
  ($$SELECT historic_clv(customer_stats_agg(x, t, 18446744073709551614), '1 microsecond') FROM (VALUES (1, '2026-01-01'::timestamptz), (1, '2026-01-01 00:00:00.000001')) v(x, t)$$),
  -- [huge] historic_clv: a churn rate so small that the lifespan 1 / churn_rate is infinite (it
  -- was returned as Infinity)
  ($$SELECT historic_clv(customer_stats_agg(x, t, 1), '1 year', 5e-324) FROM (VALUES (1, '2026-01-01'::timestamptz), (1, '2026-03-01')) v(x, t)$$),
  -- [range] repeat_purchase_ci, purchase_frequency: a level of 1, a per of 0
  ($$SELECT repeat_purchase_ci(customer_stats_agg(1, now()), 1)$$),
  ($$SELECT purchase_frequency(customer_stats_agg(1, now()), '0')$$),
  -- [negative] purchase_frequency: a negative per
  ($$SELECT purchase_frequency(customer_stats_agg(1, now()), '-1 year')$$),
  -- [null] repeat_purchase_ci, purchase_frequency, historic_clv: a NULL level, per or churn
  -- rate gives NULL (STRICT)
  ($$SELECT repeat_purchase_ci(customer_stats_agg(1, now()), NULL)$$),
  ($$SELECT historic_clv(customer_stats_agg(1, now(), 1), '1 year', NULL)$$),
  -- [nan] repeat_purchase_ci, historic_clv: NaN and infinite levels and churn rates
  ($$SELECT repeat_purchase_ci(customer_stats_agg(1, now()), 'NaN')$$),
  ($$SELECT historic_clv(customer_stats_agg(1, now(), 1), '1 year', 'NaN')$$),
  ($$SELECT historic_clv(customer_stats_agg(1, now(), 1), '1 year', 'Infinity')$$),
  -- [null] mrr_summary read-outs are STRICT: NULL
  ($$SELECT revenue_churn(m), gross_mrr_churn(m), net_mrr_churn(m), net_revenue_retention(m), gross_revenue_retention(m), quick_ratio(m), mrr_start(m), mrr_end(m), new_mrr(m), expansion_mrr(m), contraction_mrr(m), churned_mrr(m), customers_start(m), customers_end(m), new_customers(m), churned_customers(m), expanded_customers(m), contracted_customers(m) FROM (SELECT NULL::mrr_summary AS m) x$$),
  -- [empty] an mrr_summary of nobody: amounts and counts 0, rates NULL
  ($$SELECT revenue_churn(m), gross_mrr_churn(m), net_mrr_churn(m), net_revenue_retention(m), gross_revenue_retention(m), quick_ratio(m), mrr_start(m), mrr_end(m), new_mrr(m), expansion_mrr(m), contraction_mrr(m), churned_mrr(m), customers_start(m), customers_end(m), new_customers(m), churned_customers(m), expanded_customers(m), contracted_customers(m) FROM (SELECT '(version:1,mrr_start:0,mrr_end:0,new:0,expansion:0,contraction:0,churned:0,customers_start:0,customers_end:0,new_customers:0,expanded_customers:0,contracted_customers:0,churned_customers:0)'::mrr_summary AS m) x$$),
  -- [huge] an mrr_summary of 38-digit amounts: one customer churns 10^38 - 1, another brings it
  -- (its check overflowed and called it corrupt, 22P03; values below)
  ($$SELECT revenue_churn(m), gross_mrr_churn(m), net_mrr_churn(m), net_revenue_retention(m), gross_revenue_retention(m), quick_ratio(m), mrr_start(m), mrr_end(m), new_mrr(m), expansion_mrr(m), contraction_mrr(m), churned_mrr(m), customers_start(m), customers_end(m), new_customers(m), churned_customers(m), expanded_customers(m), contracted_customers(m) FROM (SELECT mrr_movements(a, b) AS m FROM (VALUES (99999999999999999999999999999999999999::numeric, 0::numeric), (0, 99999999999999999999999999999999999999)) v(a, b)) x$$),
  -- [null] periods: a NULL summary or level gives no rows (STRICT)
  ($$SELECT * FROM periods(NULL::mrr_series)$$),
  ($$SELECT * FROM periods((SELECT period_series_agg(1, now(), 1, 'month')), NULL)$$),
  -- [nan] periods: a NaN level
  ($$SELECT * FROM periods((SELECT period_series_agg(1, now(), 1, 'month')), 'NaN')$$),
  -- [name] periods: a series whose time zone this server does not know is refused when read
  -- (its input accepts it, so that a restore never fails on another server's zone)
  ($$SELECT * FROM periods('(version:1,unit:"month",zone:"Mars/Olympus_Mons",first_period:"2026-01-01",scale:0,new_customers:[1,0],retained:[0,0],reactivated:[0,0],churned:[0,1],orders:[1,0],priced_orders:[1,0],revenue:[1,0])'::period_series)$$),
  -- [text] stored summaries: not a summary
  ($$SELECT '(version:1)'::retention_summary$$),
  ($$SELECT '(version:1,customers:1)'::customer_stats$$),
  ($$SELECT '(version:1,mrr_start:1)'::mrr_summary$$),
  ($$SELECT '(version:1,unit:"month")'::mrr_series$$),
  ($$SELECT '(version:1,unit:month,zone:"UTC",first_period:"2026-01-01",scale:0,new_customers:[1,0],retained:[0,0],reactivated:[0,0],churned:[0,1],orders:[1,0],priced_orders:[1,0],revenue:[1,0])'::period_series$$),
  -- [empty] stored summaries of nobody: valid (accepted) but customer_stats, which has no
  -- first and last order to hold then
  ($$SELECT '(version:1,period_start:"2026-02-01 00:00:00+00",period_end:"2026-03-01 00:00:00+00",customers_start:0,retained:0,new_customers:0,reactivated:0)'::retention_summary$$),
  ($$SELECT '(version:1,mrr_start:0,mrr_end:0,new:0,expansion:0,contraction:0,churned:0,customers_start:0,customers_end:0,new_customers:0,expanded_customers:0,contracted_customers:0,churned_customers:0)'::mrr_summary$$),
  ($$SELECT mrr_series_agg(1, now(), NULL, 'month')::text::mrr_series$$),
  ($$SELECT '(version:1,unit:"month",zone:"UTC",first_period:null,scale:0,new_customers:[],retained:[],reactivated:[],churned:[],orders:[],priced_orders:[],revenue:[])'::period_series$$),
  ($$SELECT '(version:1,customers:0,repeat_customers:0,orders:0,priced_orders:0,revenue:0,lifespan_sum:0,first_order:"2026-01-01 00:00:00+00",last_order:"2026-01-01 00:00:00+00",gap_shift:0,gaps:[])'::customer_stats$$),
  -- [negative] stored summaries: negative counts or amounts
  ($$SELECT '(version:1,period_start:"2026-02-01 00:00:00+00",period_end:"2026-03-01 00:00:00+00",customers_start:-1,retained:0,new_customers:0,reactivated:0)'::retention_summary$$),
  ($$SELECT '(version:1,customers:1,repeat_customers:0,orders:1,priced_orders:1,revenue:-1,lifespan_sum:0,first_order:"2026-01-01 00:00:00+00",last_order:"2026-01-01 00:00:00+00",gap_shift:0,gaps:[])'::customer_stats$$),
  ($$SELECT '(version:1,mrr_start:-1,mrr_end:0,new:0,expansion:0,contraction:0,churned:0,customers_start:0,customers_end:0,new_customers:0,expanded_customers:0,contracted_customers:0,churned_customers:0)'::mrr_summary$$),
  ($$SELECT '(version:1,unit:"month",zone:"UTC",first_period:"2026-01-01",scale:0,new_customers:[1,0],retained:[0,0],reactivated:[0,0],churned:[0,1],orders:[1,0],priced_orders:[1,0],revenue:[-1,0])'::period_series$$),
  ($$SELECT replace(mrr_series_agg(1, '2026-01-01'::timestamptz, 1, 'month')::text, 'mrr_end:[1,0]', 'mrr_end:[-1,0]')::mrr_series$$),
  -- [time] stored summaries: impossible or infinite dates, dates that do not start a period
  ($$SELECT '(version:1,period_start:"2026-02-30 00:00:00+00",period_end:"2026-03-01 00:00:00+00",customers_start:0,retained:0,new_customers:0,reactivated:0)'::retention_summary$$),
  ($$SELECT '(version:1,period_start:"infinity",period_end:"2026-02-01 00:00:00+00",customers_start:0,retained:0,new_customers:0,reactivated:0)'::retention_summary$$),
  ($$SELECT '(version:1,customers:1,repeat_customers:0,orders:1,priced_orders:1,revenue:1,lifespan_sum:0,first_order:"10000-01-01 00:00:00+00",last_order:"10000-01-01 00:00:00+00",gap_shift:0,gaps:[])'::customer_stats$$),
  ($$SELECT '(version:1,unit:"month",zone:"UTC",first_period:"2026-01-15",scale:0,new_customers:[1,0],retained:[0,0],reactivated:[0,0],churned:[0,1],orders:[1,0],priced_orders:[1,0],revenue:[1,0])'::period_series$$),
  ($$SELECT replace(mrr_series_agg(1, '2026-01-01'::timestamptz, 1, 'month')::text, '2026-01-01', '2026-02-30')::mrr_series$$),
  -- [huge] stored summaries: counts past 2^63 - 1, sums past 38 digits
  ($$SELECT '(version:1,period_start:"2026-02-01 00:00:00+00",period_end:"2026-03-01 00:00:00+00",customers_start:9223372036854775807,retained:9223372036854775807,new_customers:9223372036854775807,reactivated:9223372036854775807)'::retention_summary$$),
  ($$SELECT '(version:1,customers:1,repeat_customers:0,orders:1,priced_orders:1,revenue:999999999999999999999999999999999999999,lifespan_sum:0,first_order:"2026-01-01 00:00:00+00",last_order:"2026-01-01 00:00:00+00",gap_shift:0,gaps:[])'::customer_stats$$),
  ($$SELECT '(version:1,mrr_start:0,mrr_end:0,new:0,expansion:0,contraction:0,churned:0,customers_start:0,customers_end:0,new_customers:9223372036854775808,expanded_customers:0,contracted_customers:0,churned_customers:0)'::mrr_summary$$),
  ($$SELECT '(version:1,unit:"month",zone:"UTC",first_period:"2026-01-01",scale:0,new_customers:[9223372036854775807,0],retained:[0,0],reactivated:[0,0],churned:[0,9223372036854775807],orders:[9223372036854775807,0],priced_orders:[0,0],revenue:[0,0])'::period_series$$),
  ($$SELECT replace(mrr_series_agg(1, '2026-01-01'::timestamptz, 1, 'month')::text, 'new:[1,0]', 'new:[999999999999999999999999999999999999999,0]')::mrr_series$$),
  -- [range] stored summaries: counts that do not add up
  ($$SELECT '(version:1,period_start:"2026-02-01 00:00:00+00",period_end:"2026-03-01 00:00:00+00",customers_start:1,retained:2,new_customers:0,reactivated:0)'::retention_summary$$),
  ($$SELECT '(version:1,customers:1,repeat_customers:2,orders:1,priced_orders:1,revenue:1,lifespan_sum:0,first_order:"2026-01-01 00:00:00+00",last_order:"2026-01-01 00:00:00+00",gap_shift:0,gaps:[])'::customer_stats$$),
  ($$SELECT '(version:1,mrr_start:10,mrr_end:10,new:5,expansion:0,contraction:0,churned:0,customers_start:1,customers_end:1,new_customers:0,expanded_customers:0,contracted_customers:0,churned_customers:0)'::mrr_summary$$),
  ($$SELECT '(version:1,unit:"month",zone:"UTC",first_period:"2026-01-01",scale:0,new_customers:[1,0],retained:[0,0],reactivated:[0,0],churned:[0,2],orders:[1,0],priced_orders:[1,0],revenue:[1,0])'::period_series$$),
  ($$SELECT replace(mrr_series_agg(1, '2026-01-01'::timestamptz, 1, 'month')::text, 'churned_customers:[0,1]', 'churned_customers:[0,2]')::mrr_series$$),
  -- [name] stored series: a time zone this server does not know is accepted, so that a
  -- restore never fails on a zone another server's time zone data had (periods() refuses it)
  ($$SELECT '(version:1,unit:"month",zone:"Mars/Olympus_Mons",first_period:"2026-01-01",scale:0,new_customers:[1,0],retained:[0,0],reactivated:[0,0],churned:[0,1],orders:[1,0],priced_orders:[1,0],revenue:[1,0])'::period_series$$),
  -- [name] stored series: an unknown granularity, an empty time zone; granularity names are
  -- written in lower case; any other zone name is accepted (utc, PST)
  ($$SELECT '(version:1,unit:"fortnight",zone:"UTC",first_period:"2026-01-01",scale:0,new_customers:[1,0],retained:[0,0],reactivated:[0,0],churned:[0,1],orders:[1,0],priced_orders:[1,0],revenue:[1,0])'::period_series$$),
  ($$SELECT replace(mrr_series_agg(1, '2026-01-01'::timestamptz, 1, 'month')::text, '"month"', '"MONTH"')::mrr_series$$),
  ($$SELECT replace(mrr_series_agg(1, '2026-01-01'::timestamptz, 1, 'month')::text, '"UTC"', '""')::mrr_series$$),
  ($$SELECT replace(mrr_series_agg(1, '2026-01-01'::timestamptz, 1, 'month')::text, '"UTC"', '"utc"')::mrr_series$$),
  ($$SELECT replace(mrr_series_agg(1, '2026-01-01'::timestamptz, 1, 'month')::text, '"UTC"', '"PST"')::mrr_series$$)
) v(q);
-- The accepted extremes, pinned: a history from year 1 at the amount limit, a retention
-- summary and customer_stats at the counters' limits, an mrr_summary of 38-digit amounts.
SELECT first_order_at(h), revenue(h), avg_order_value(h), items(h), cost(h), profit(h), lifespan(h)
FROM (SELECT customer_history_agg(t, a, 9223372036854775807, 99999999999999999999999999999999999999) AS h
      FROM (VALUES ('0001-01-01 00:00:00+00'::timestamptz, 18446744073709551614)) v(t, a)) x;
SELECT retention_rate(s), churn_rate(s), customers_end(s)
FROM (SELECT '(version:1,period_start:"2026-02-01 00:00:00+00",period_end:"2026-03-01 00:00:00+00",customers_start:4611686018427387904,retained:4611686018427387904,new_customers:4611686018427387903,reactivated:0)'::retention_summary AS s) x;
SELECT orders(s), revenue(s), avg_order_value(s), revenue_per_customer(s), items(s), profit(s), avg_lifespan(s),
       round(purchase_frequency(s)::numeric, 12) AS purchase_frequency, historic_clv(s)
FROM (SELECT customer_stats_agg(x, t, 18446744073709551614, 3074457345618258602, 1) AS s
      FROM (VALUES (1, '0001-01-01 00:00+00'::timestamptz), (1, '9999-12-31 23:59:59.999999+00'), (2, '2026-01-01')) v(x, t)) x;
SELECT revenue_churn(m), net_revenue_retention(m), quick_ratio(m), mrr_start(m), mrr_end(m)
FROM (SELECT mrr_movements(a, b) AS m FROM (VALUES (99999999999999999999999999999999999999::numeric, 0::numeric), (0, 99999999999999999999999999999999999999)) v(a, b)) x;
-- DISTINCT inside a one-step aggregate keeps one row per distinct argument list, so
-- repeat_purchase_rate(DISTINCT customer_id) would see one order per customer and answer 0
-- (customer 1 has two orders here, so the right answer is 1/2): every aggregate that needs
-- every order row refuses it with 0A000, naming itself.
SELECT q, sqlstate_of(q) FROM (VALUES
  -- [distinct] one-step order aggregates
  ($$SELECT repeat_purchase_rate(DISTINCT c) FROM (VALUES (1), (1), (2)) v(c)$$),
  ($$SELECT retention_rate(DISTINCT c, t, '2026-02-01', '2026-03-01') FROM (VALUES (1, '2026-01-15'::timestamptz)) v(c, t)$$),
  ($$SELECT median_time_between_purchases(DISTINCT c, t) FROM (VALUES (1, '2026-01-15'::timestamptz)) v(c, t)$$),
  ($$SELECT customer_stats_agg(DISTINCT c, t, 1) FROM (VALUES (1, '2026-01-15'::timestamptz)) v(c, t)$$),
  ($$SELECT period_series_agg(DISTINCT c, t, 1, 'month') FROM (VALUES (1, '2026-01-15'::timestamptz)) v(c, t)$$),
  ($$SELECT cohort_agg(DISTINCT c, t, 1, 'month') FROM (VALUES (1, '2026-01-15'::timestamptz)) v(c, t)$$)
) v(q);
-- The same rows without DISTINCT: customer 1 ordered twice, customer 2 once: 1 of 2 = 0.5.
SELECT repeat_purchase_rate(c) FROM (VALUES (1), (1), (2)) v(c);
