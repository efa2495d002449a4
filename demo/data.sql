-- Six months of survey answers from a shop's post-purchase survey, by channel: a
-- deterministic synthetic data set (setseed) with a realistic shape. The app's experience
-- improves month by month, email orders suffer from late deliveries, the store is steady.
CREATE EXTENSION pg_retention;
SELECT setseed(0.2026);

CREATE TABLE survey_responses (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    answered_at timestamptz NOT NULL,
    channel     text NOT NULL,
    nps_score   integer,          -- "How likely are you to recommend us?" 0..10, may be skipped
    csat_score  integer,          -- "How satisfied were you with your order?" 1..5
    effort      integer           -- "The shop made it easy to ..." 1..7 (7 = very easy)
);

WITH draws AS (
    SELECT c.channel, c.base, c.trend, c.volume,
           timestamptz '2026-05-01 00:00+00' + random() * (timestamptz '2026-11-01 00:00+00' - timestamptz '2026-05-01 00:00+00') AS at,
           -- a standard normal draw (Box-Muller) per answer, and one for the others
           sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) AS z1,
           sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) AS z2,
           random() AS skip
    FROM (VALUES ('web', 7.6, 0.00, 5200), ('app', 6.9, 0.25, 4100),
                 ('email', 6.8, -0.10, 1900), ('store', 8.1, 0.00, 1300)) c(channel, base, trend, volume),
         LATERAL generate_series(1, c.volume)
)
INSERT INTO survey_responses (answered_at, channel, nps_score, csat_score, effort)
SELECT at, channel,
       CASE WHEN skip < 0.04 THEN NULL
            ELSE least(10, greatest(0, round(mu + 2.1 * z1)))::int END,
       least(5, greatest(1, round(1.2 + (mu / 2.6) + 0.9 * z2)))::int,
       least(7, greatest(1, round(mu * 0.62 + 0.3 + 1.1 * z2)))::int
FROM (SELECT *, base + trend * (extract(month FROM at AT TIME ZONE 'UTC') - 5) AS mu FROM draws) d;
ANALYZE survey_responses;

-- The two-step path a dashboard would use: one summary row per day and channel, kept in a
-- materialized view and refreshed on a schedule; months are rolled up from the days.
CREATE MATERIALIZED VIEW daily_survey AS
SELECT date_trunc('day', answered_at AT TIME ZONE 'UTC')::date AS day, channel,
       nps_agg(nps_score) AS nps, csat_agg(csat_score) AS csat, ces_agg(effort, 7) AS ces
FROM survey_responses
GROUP BY 1, 2;
