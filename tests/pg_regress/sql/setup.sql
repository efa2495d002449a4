-- Installs the extension into the regression database and a helper that turns an error
-- into its SQLSTATE and message, so the error catalogue below can list both.
CREATE EXTENSION pg_retention;
CREATE FUNCTION sqlstate_of(query text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE query;
    RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
-- A fixture every test reads: 100 NPS answers, 50 promoters, 30 passives, 20 detractors,
-- spread over two channels and three days.
CREATE TABLE nps_fixture AS
SELECT g AS id,
       CASE WHEN g <= 25 THEN 10 WHEN g <= 50 THEN 9 WHEN g <= 65 THEN 8 WHEN g <= 80 THEN 7
            WHEN g <= 90 THEN 6 ELSE 0 END AS score,
       CASE WHEN g % 2 = 0 THEN 'web' ELSE 'app' END AS channel,
       date '2026-01-01' + (g % 3) AS day
FROM generate_series(1, 100) g;
