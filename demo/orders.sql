-- A small shop schema holding the real CDNOW purchase log (Fader & Hardie: 69,659 purchases
-- of 23,570 customers who first bought at the CD retailer CDNOW in the first quarter of
-- 1997, followed to June 1998). Loaded from the CSV made by tests/reference/cdnow_to_csv.py;
-- run with -v csv=<path>.
SET TimeZone = 'UTC';
CREATE TABLE customers (
    customer_id integer PRIMARY KEY
);
CREATE TABLE orders (
    order_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customers,
    ordered_at  timestamptz NOT NULL,   -- CDNOW records the day only: midnight UTC
    amount      numeric(10,2) NOT NULL, -- dollars
    items       integer NOT NULL        -- CDs in the order
);
CREATE TEMP TABLE cdnow (customer_id integer, ordered_at date, amount numeric(10,2), items integer);
-- (psql does not expand variables inside \copy, so the command is built in a variable)
\set load '\\copy cdnow FROM ' :'csv' ' WITH (FORMAT csv, HEADER true)'
:load
INSERT INTO customers SELECT DISTINCT customer_id FROM cdnow;
INSERT INTO orders (customer_id, ordered_at, amount, items)
SELECT customer_id, ordered_at::timestamptz, amount, items FROM cdnow ORDER BY ordered_at, customer_id;
ANALYZE customers;
ANALYZE orders;

-- Level 1, as a shop would keep it: one history per customer in a materialized view,
-- refreshed nightly; every report below reads 23,570 rows instead of 69,659.
CREATE MATERIALIZED VIEW customer_histories AS
SELECT customer_id, customer_history_agg(ordered_at, amount, items, NULL) AS h
FROM orders GROUP BY customer_id;
CREATE UNIQUE INDEX ON customer_histories (customer_id);
