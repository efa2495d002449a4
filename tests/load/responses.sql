-- A new survey response, and the stored summary of its day and channel merged with it.
-- One in eight respondents skips the effort question: its ces_agg is NULL, and the
-- combine functions are strict, so the stored summary must be kept, not replaced by NULL.
\set day random(0, 29)
\set channel random(1, 3)
\set score random(0, 10)
\set csat random(1, 5)
\set effort random(0, 7)
WITH r AS (
    INSERT INTO responses (day, channel, score, csat, effort)
    VALUES (date '2026-06-01' + (:day)::int, (ARRAY['web', 'app', 'email'])[(:channel)::int], :score, :csat,
            nullif((:effort)::int, 0))
    RETURNING day, channel, score, csat, effort
)
INSERT INTO daily_surveys AS d (day, channel, nps, csat, ces)
SELECT day, channel, metrics.nps_agg(score), metrics.csat_agg(csat), metrics.ces_agg(effort, 7)
FROM r GROUP BY day, channel
ON CONFLICT (day, channel) DO UPDATE
SET nps = metrics.nps_summary_combine(d.nps, excluded.nps),
    csat = metrics.csat_summary_combine(d.csat, excluded.csat),
    ces = coalesce(metrics.ces_summary_combine(d.ces, excluded.ces), d.ces, excluded.ces);
