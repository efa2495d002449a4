-- A new order, and its customer's stored history merged with it in the same statement:
-- how a shop keeps histories current without re-reading every order. The history is
-- built from the row as inserted (RETURNING), so it carries the column's numeric scale.
-- Ids above 20,000 (and a third of those below) have no order in the seed: a first order
-- inserts the history.
\set customer random(1, 25000)
\set second random(0, 2591999)
\set cents random_exponential(500, 50000, 4.0)
WITH o AS (
    INSERT INTO orders (customer_id, ordered_at, amount)
    VALUES (:customer, timestamptz '2026-06-01 00:00+00' + (:second)::int * interval '1 second', (:cents)::int / 100.0)
    RETURNING customer_id, ordered_at, amount
)
INSERT INTO customer_histories AS c (customer_id, h)
SELECT customer_id, metrics.customer_history_agg(ordered_at, amount) FROM o GROUP BY customer_id
ON CONFLICT (customer_id) DO UPDATE SET h = metrics.customer_history_combine(c.h, excluded.h);
