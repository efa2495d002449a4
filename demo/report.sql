-- The survey report of the demo: what a shop's monthly customer-experience review shows.
\pset null '-'
\echo
\echo 'pg_retention demo: post-purchase survey, May to October 2026'
\echo '============================================================='
SELECT count(*) AS responses, count(nps_score) AS answered_nps, count(DISTINCT channel) AS channels,
       min(answered_at)::date AS first_answer, max(answered_at)::date AS last_answer
FROM survey_responses;

\echo
\echo 'Net Promoter Score by month and channel (points, -100..100), with its 95% interval'
\echo '(normal interval from the multinomial variance of promoters minus detractors)'
SELECT to_char(month, 'YYYY-MM') AS month, channel, respondents(s) AS answers,
       round(nps(s)::numeric, 1) AS nps,
       round((nps_ci(s)).lower::numeric, 1) AS "95% lower", round((nps_ci(s)).upper::numeric, 1) AS "95% upper"
FROM (SELECT date_trunc('month', answered_at AT TIME ZONE 'UTC') AS month, channel, nps_agg(nps_score) AS s
      FROM survey_responses GROUP BY 1, 2) t
ORDER BY month, channel;

\echo
\echo 'NPS by channel, whole period: promoters (9-10), passives (7-8), detractors (0-6)'
SELECT channel, respondents(s) AS answers, promoters(s) AS promoters, passives(s) AS passives,
       detractors(s) AS detractors, round(nps(s)::numeric, 1) AS nps,
       round(nps_stderr(s)::numeric, 2) AS "std err",
       round((nps_ci(s)).lower::numeric, 1) AS "95% lower", round((nps_ci(s)).upper::numeric, 1) AS "95% upper"
FROM (SELECT channel, nps_agg(nps_score) AS s FROM survey_responses GROUP BY channel
      UNION ALL SELECT 'all', nps_agg(nps_score) FROM survey_responses) t
ORDER BY channel = 'all', channel;

\echo
\echo 'CSAT (share answering 4 or 5 on 1..5, Wilson 95% interval) and CES (7 options,'
\echo '(mean / 7) x 100, Student t 95% interval) by channel'
SELECT channel, respondents(c) AS answers,
       round(100 * csat(c)::numeric, 1) AS "csat %",
       round(100 * (csat_ci(c)).lower::numeric, 1) AS "95% lower", round(100 * (csat_ci(c)).upper::numeric, 1) AS "95% upper",
       round(ces(e)::numeric, 1) AS ces,
       round((ces_ci(e)).lower::numeric, 1) AS "95% lower", round((ces_ci(e)).upper::numeric, 1) AS "95% upper",
       round(ces_mean(e)::numeric, 2) AS "mean effort (1-7)"
FROM (SELECT channel, csat_agg(csat_score) AS c, ces_agg(effort, 7) AS e FROM survey_responses GROUP BY channel) t
ORDER BY channel;

\echo
\echo 'Monthly NPS rolled up from the daily summaries of a materialized view, beside the'
\echo 'same figure computed from the raw answers (they are equal by construction)'
SELECT to_char(d.month, 'YYYY-MM') AS month, round(nps(d.s)::numeric, 3) AS "from daily summaries",
       round(r.nps::numeric, 3) AS "from raw answers", (d.s::text = r.s::text) AS "summaries identical"
FROM (SELECT date_trunc('month', day) AS month, combine(nps) AS s FROM daily_survey GROUP BY 1) d
JOIN (SELECT date_trunc('month', answered_at AT TIME ZONE 'UTC') AS month, nps(nps_score) AS nps, nps_agg(nps_score) AS s
      FROM survey_responses GROUP BY 1) r USING (month)
ORDER BY month;

\echo
\echo 'What a stored summary looks like (text form; it dumps, restores and rolls up exactly):'
SELECT nps AS "nps_summary of app answers on 2026-10-01" FROM daily_survey WHERE day = '2026-10-01' AND channel = 'app';
