-- The shop's raw rows before the first dbt build (tests/checks/dbt_check.py runs this in
-- a fresh database with pg_retention installed). Small enough to check every figure by
-- hand: the orders are those of docs/orders.md's example data; the check lists the figures
-- they give, each worked out beside it.
CREATE SCHEMA shop;
CREATE TABLE shop.orders (
    order_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint,
    ordered_at timestamptz NOT NULL,
    amount numeric(10,2)
);
INSERT INTO shop.orders (customer_id, ordered_at, amount) VALUES
 (1, '2026-01-15 00:00+00', 20.00), (1, '2026-02-15 00:00+00', 10), (1, '2026-02-15 00:00:01+00', 30),
 (1, '2026-04-15 00:00+00', 5),
 (2, '2026-02-15 00:00+00', 7.50), (2, '2026-03-15 00:00+00', 1),
 (3, '2026-01-15 00:00+00', NULL),
 (4, '2025-12-01 00:00+00', 12), (4, '2026-02-20 00:00+00', 8),
 (5, '2026-02-01 00:00+00', 3),
 (NULL, '2026-02-10 00:00+00', 99);

CREATE TABLE shop.survey_responses (answered_at timestamptz NOT NULL, score integer);
INSERT INTO shop.survey_responses VALUES
 ('2026-03-02 10:00+00', 10), ('2026-03-05 10:00+00', 9), ('2026-03-09 10:00+00', 8),
 ('2026-03-12 10:00+00', 7), ('2026-03-20 10:00+00', 0), ('2026-03-28 10:00+00', 6),
 ('2026-03-30 10:00+00', NULL),
 ('2026-04-03 10:00+00', 10), ('2026-04-10 10:00+00', 10), ('2026-04-17 10:00+00', 9),
 ('2026-04-24 10:00+00', 3);
