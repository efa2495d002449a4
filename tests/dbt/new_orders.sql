-- What arrives between the two dbt builds of tests/checks/dbt_check.py: two orders (the
-- new_orders of docs/orders.md's upsert example: customer 3 comes back, customer 6 is new)
-- and two survey answers.
INSERT INTO shop.orders (customer_id, ordered_at, amount) VALUES
 (3, '2026-05-02 00:00+00', 42.00), (6, '2026-05-03 00:00+00', 9.99);
INSERT INTO shop.survey_responses VALUES ('2026-04-29 10:00+00', 0), ('2026-05-06 10:00+00', 9);
