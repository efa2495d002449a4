-- Bad input to the order-history functions: every case is an ERROR with a SQLSTATE and a
-- message naming the value (sqlstate_of is defined in setup.sql).
SET TimeZone = 'UTC';
SET DateStyle = 'ISO';
SET IntervalStyle = 'postgres';
SELECT q, sqlstate_of(q) FROM (VALUES
  -- amounts: negative (refunds are not orders), NaN, infinite
  ($$SELECT customer_history_agg(now(), -5.00)$$),
  ($$SELECT customer_history_agg(now(), 'NaN'::numeric)$$),
  ($$SELECT customer_stats_agg(1, now(), 'Infinity'::numeric)$$),
  ($$SELECT customer_history_agg(now(), 184467440737095516.16)$$),
  ($$SELECT customer_history_agg(now(), 1, -2, 1)$$),
  ($$SELECT customer_history_agg(now(), 1, 2, -1)$$),
  -- times: infinite, beyond year 9999
  ($$SELECT customer_history_agg('infinity'::timestamptz)$$),
  ($$SELECT customer_stats_agg(1, '-infinity'::timestamptz)$$),
  ($$SELECT customer_stats_agg(1, 'infinity'::timestamptz)$$),
  ($$SELECT customer_history_agg('10000-01-01'::timestamptz)$$),
  -- periods: empty or reversed, NULL bounds, changing within a group
  ($$SELECT retention_rate(1, now(), '2026-02-01', '2026-02-01')$$),
  ($$SELECT retention_agg(1, now(), '2026-03-01', '2026-02-01')$$),
  ($$SELECT retention_rate(1, now(), NULL, '2026-02-01')$$),
  ($$SELECT retention_agg(id, now(), '2026-01-01', t) FROM (VALUES (1, '2026-02-01'::timestamptz), (2, '2026-03-01')) v(id, t)$$),
  -- granularity and time zone
  ($$SELECT period_series_agg(1, now(), 1, 'fortnight')$$),
  ($$SELECT period_series_agg(1, now(), 1, NULL)$$),
  ($$SELECT period_series_agg(1, now(), 1, 'month', 'Mars/Olympus_Mons')$$),
  ($$SELECT period_series_agg(1, t, 1, 'day') FROM (VALUES ('0001-01-01'::timestamptz), ('2026-01-01')) v(t)$$),
  ($$SELECT period_series_agg(id, now(), 1, g) FROM (VALUES (1, 'month'), (2, 'week')) v(id, g)$$),
  ($$SELECT rollup(s) FROM (SELECT period_series_agg(1, now(), 1, 'month') UNION ALL SELECT period_series_agg(1, now(), 1, 'week')) v(s)$$),
  -- customer ids of unsupported types
  ($$SELECT repeat_purchase_rate(1.5)$$),
  ($$SELECT repeat_purchase_rate('a'::char(3))$$),
  -- MRR
  ($$SELECT mrr_movements(-1, 5)$$),
  ($$SELECT mrr_series_agg(1, now(), -3, 'month')$$),
  -- accessors
  ($$SELECT historic_clv(customer_stats_agg(1, now(), 1), '1 year', 1.5)$$),
  ($$SELECT historic_clv(customer_stats_agg(1, now(), 1), '-1 day')$$),
  ($$SELECT retention_ci(retention_agg(1, now(), '2026-01-01', '2026-02-01'), 95)$$),
  ($$SELECT * FROM periods((SELECT period_series_agg(1, now(), 1, 'month')), 0)$$),
  -- malformed stored values
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
