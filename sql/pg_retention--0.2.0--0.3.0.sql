-- pg_retention 0.2.0 -> 0.3.0, run by ALTER EXTENSION pg_retention UPDATE.
-- (Refuse to run outside it, as contrib's scripts do.)
\echo Use "ALTER EXTENSION pg_retention UPDATE TO '0.3.0'" to load this file. \quit

-- 0.3.0 makes the extension at home in the tools analysts use (BI tools that parse SQL,
-- drivers, dbt). Each section below names the change of the SQL surface it carries.
