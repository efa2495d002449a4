-- Customer-base models (docs/predict.md): BG/NBD, Gamma-Gamma and shifted-beta-geometric
-- fits as aggregates, their stored model types, parameters, fit information and
-- predictions, and predicted CLV. IMMUTABLE; every aggregate is PARALLEL SAFE.

CREATE TYPE @extschema@.bgnbd_model;
CREATE FUNCTION @extschema@.bgnbd_model_in(cstring) RETURNS @extschema@.bgnbd_model
AS 'MODULE_PATHNAME', 'bgnbd_model_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.bgnbd_model_out(@extschema@.bgnbd_model) RETURNS cstring
AS 'MODULE_PATHNAME', 'bgnbd_model_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.bgnbd_model_recv(internal) RETURNS @extschema@.bgnbd_model
AS 'MODULE_PATHNAME', 'bgnbd_model_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.bgnbd_model_send(@extschema@.bgnbd_model) RETURNS bytea
AS 'MODULE_PATHNAME', 'bgnbd_model_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.bgnbd_model (INPUT = @extschema@.bgnbd_model_in, OUTPUT = @extschema@.bgnbd_model_out,
    RECEIVE = @extschema@.bgnbd_model_recv, SEND = @extschema@.bgnbd_model_send,
    INTERNALLENGTH = VARIABLE, STORAGE = extended);
COMMENT ON TYPE @extschema@.bgnbd_model IS
    'A fitted BG/NBD model (Fader, Hardie & Lee 2005): r, alpha, a, b, log-likelihood and fit '
    'details, in the time unit of the RFM data it was fitted on. Built by bgnbd_fit(...); text '
    'form (version:1,model:"bgnbd",...).';
COMMENT ON FUNCTION @extschema@.bgnbd_model_in(cstring) IS
    'Input function of bgnbd_model: parses and checks the text form.';
COMMENT ON FUNCTION @extschema@.bgnbd_model_out(@extschema@.bgnbd_model) IS
    'Output function of bgnbd_model: the exact, versioned text form.';
COMMENT ON FUNCTION @extschema@.bgnbd_model_recv(internal) IS
    'Binary input of bgnbd_model: the text form''s bytes, checked.';
COMMENT ON FUNCTION @extschema@.bgnbd_model_send(@extschema@.bgnbd_model) IS
    'Binary output of bgnbd_model: the text form''s bytes.';

CREATE TYPE @extschema@.gamma_gamma_model;
CREATE FUNCTION @extschema@.gamma_gamma_model_in(cstring) RETURNS @extschema@.gamma_gamma_model
AS 'MODULE_PATHNAME', 'gamma_gamma_model_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.gamma_gamma_model_out(@extschema@.gamma_gamma_model) RETURNS cstring
AS 'MODULE_PATHNAME', 'gamma_gamma_model_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.gamma_gamma_model_recv(internal) RETURNS @extschema@.gamma_gamma_model
AS 'MODULE_PATHNAME', 'gamma_gamma_model_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.gamma_gamma_model_send(@extschema@.gamma_gamma_model) RETURNS bytea
AS 'MODULE_PATHNAME', 'gamma_gamma_model_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.gamma_gamma_model (INPUT = @extschema@.gamma_gamma_model_in, OUTPUT = @extschema@.gamma_gamma_model_out,
    RECEIVE = @extschema@.gamma_gamma_model_recv, SEND = @extschema@.gamma_gamma_model_send,
    INTERNALLENGTH = VARIABLE, STORAGE = extended);
COMMENT ON TYPE @extschema@.gamma_gamma_model IS
    'A fitted Gamma-Gamma spend model (Fader & Hardie, note 025): p, q, v, log-likelihood and '
    'fit details. Built by gamma_gamma_fit(...); text form (version:1,model:"gamma_gamma",...).';
COMMENT ON FUNCTION @extschema@.gamma_gamma_model_in(cstring) IS
    'Input function of gamma_gamma_model: parses and checks the text form.';
COMMENT ON FUNCTION @extschema@.gamma_gamma_model_out(@extschema@.gamma_gamma_model) IS
    'Output function of gamma_gamma_model: the exact, versioned text form.';
COMMENT ON FUNCTION @extschema@.gamma_gamma_model_recv(internal) IS
    'Binary input of gamma_gamma_model: the text form''s bytes, checked.';
COMMENT ON FUNCTION @extschema@.gamma_gamma_model_send(@extschema@.gamma_gamma_model) IS
    'Binary output of gamma_gamma_model: the text form''s bytes.';

CREATE TYPE @extschema@.sbg_model;
CREATE FUNCTION @extschema@.sbg_model_in(cstring) RETURNS @extschema@.sbg_model
AS 'MODULE_PATHNAME', 'sbg_model_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.sbg_model_out(@extschema@.sbg_model) RETURNS cstring
AS 'MODULE_PATHNAME', 'sbg_model_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.sbg_model_recv(internal) RETURNS @extschema@.sbg_model
AS 'MODULE_PATHNAME', 'sbg_model_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.sbg_model_send(@extschema@.sbg_model) RETURNS bytea
AS 'MODULE_PATHNAME', 'sbg_model_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.sbg_model (INPUT = @extschema@.sbg_model_in, OUTPUT = @extschema@.sbg_model_out,
    RECEIVE = @extschema@.sbg_model_recv, SEND = @extschema@.sbg_model_send,
    INTERNALLENGTH = VARIABLE, STORAGE = extended);
COMMENT ON TYPE @extschema@.sbg_model IS
    'A fitted shifted-beta-geometric contract retention model (Fader & Hardie 2007): alpha, '
    'beta, log-likelihood and fit details, in the cohort''s periods. Built by sbg_fit(period, '
    'alive).';
COMMENT ON FUNCTION @extschema@.sbg_model_in(cstring) IS
    'Input function of sbg_model: parses and checks the text form.';
COMMENT ON FUNCTION @extschema@.sbg_model_out(@extschema@.sbg_model) IS
    'Output function of sbg_model: the exact, versioned text form.';
COMMENT ON FUNCTION @extschema@.sbg_model_recv(internal) IS
    'Binary input of sbg_model: the text form''s bytes, checked.';
COMMENT ON FUNCTION @extschema@.sbg_model_send(@extschema@.sbg_model) IS
    'Binary output of sbg_model: the text form''s bytes.';
CREATE FUNCTION @extschema@.bgnbd_fit_trans(@extschema@.rfm_fit_state, double precision, double precision, double precision) RETURNS @extschema@.rfm_fit_state
AS 'MODULE_PATHNAME', 'bgnbd_fit_state_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.bgnbd_fit_trans(@extschema@.rfm_fit_state, double precision, double precision, double precision, double precision) RETURNS @extschema@.rfm_fit_state
AS 'MODULE_PATHNAME', 'bgnbd_fit_state_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.bgnbd_fit_final(@extschema@.rfm_fit_state) RETURNS @extschema@.bgnbd_model
AS 'MODULE_PATHNAME', 'bgnbd_fit_state_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgnbd_fit_trans(@extschema@.rfm_fit_state, double precision, double precision, double precision) IS
    'Transition function of bgnbd_fit(frequency, recency, T): adds one customer to the '
    'histogram.';
COMMENT ON FUNCTION @extschema@.bgnbd_fit_trans(@extschema@.rfm_fit_state, double precision, double precision, double precision, double precision) IS
    'Transition function of bgnbd_fit(frequency, recency, T, penalizer).';
COMMENT ON FUNCTION @extschema@.bgnbd_fit_final(@extschema@.rfm_fit_state) IS
    'Final function of bgnbd_fit: maximum-likelihood fit of the histogram.';
CREATE AGGREGATE @extschema@.bgnbd_fit(frequency double precision, recency double precision, t double precision) (
    SFUNC = @extschema@.bgnbd_fit_trans, STYPE = @extschema@.rfm_fit_state, FINALFUNC = @extschema@.bgnbd_fit_final,
    COMBINEFUNC = @extschema@.rfm_fit_state_combine, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.bgnbd_fit(frequency double precision, recency double precision, t double precision, penalizer double precision) (
    SFUNC = @extschema@.bgnbd_fit_trans, STYPE = @extschema@.rfm_fit_state, FINALFUNC = @extschema@.bgnbd_fit_final,
    COMBINEFUNC = @extschema@.rfm_fit_state_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.bgnbd_fit(double precision, double precision, double precision) IS
    'Fit the BG/NBD model by maximum likelihood (as lifetimes'' BetaGeoFitter) to one RFM row '
    'per customer: frequency (repeat purchases), recency and T in one time unit. Rows with a '
    'NULL are skipped; no rows gives NULL.';
COMMENT ON AGGREGATE @extschema@.bgnbd_fit(double precision, double precision, double precision, double precision) IS
    'Fit the BG/NBD model with lifetimes'' L2 penalizer (the same on every row; on the '
    'parameters with time scaled by 1 / max(T), as lifetimes does).';

CREATE FUNCTION @extschema@.gamma_gamma_fit_trans(@extschema@.rfm_fit_state, double precision, double precision) RETURNS @extschema@.rfm_fit_state
AS 'MODULE_PATHNAME', 'gamma_gamma_fit_state_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.gamma_gamma_fit_trans(@extschema@.rfm_fit_state, double precision, double precision, double precision) RETURNS @extschema@.rfm_fit_state
AS 'MODULE_PATHNAME', 'gamma_gamma_fit_state_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.gamma_gamma_fit_final(@extschema@.rfm_fit_state) RETURNS @extschema@.gamma_gamma_model
AS 'MODULE_PATHNAME', 'gamma_gamma_fit_state_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gamma_gamma_fit_trans(@extschema@.rfm_fit_state, double precision, double precision) IS
    'Transition function of gamma_gamma_fit(frequency, monetary_value): adds one repeat '
    'customer.';
COMMENT ON FUNCTION @extschema@.gamma_gamma_fit_trans(@extschema@.rfm_fit_state, double precision, double precision, double precision) IS
    'Transition function of gamma_gamma_fit(frequency, monetary_value, penalizer).';
COMMENT ON FUNCTION @extschema@.gamma_gamma_fit_final(@extschema@.rfm_fit_state) IS
    'Final function of gamma_gamma_fit: maximum-likelihood fit of the repeat customers.';
CREATE AGGREGATE @extschema@.gamma_gamma_fit(frequency double precision, monetary_value double precision) (
    SFUNC = @extschema@.gamma_gamma_fit_trans, STYPE = @extschema@.rfm_fit_state, FINALFUNC = @extschema@.gamma_gamma_fit_final,
    COMBINEFUNC = @extschema@.rfm_fit_state_combine, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.gamma_gamma_fit(frequency double precision, monetary_value double precision, penalizer double precision) (
    SFUNC = @extschema@.gamma_gamma_fit_trans, STYPE = @extschema@.rfm_fit_state, FINALFUNC = @extschema@.gamma_gamma_fit_final,
    COMBINEFUNC = @extschema@.rfm_fit_state_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.gamma_gamma_fit(double precision, double precision) IS
    'Fit the Gamma-Gamma spend model (as lifetimes'' GammaGammaFitter) to the repeat '
    'customers: frequency > 0 and monetary_value (mean spend of the repeat purchases) > 0; '
    'rows with frequency 0 or a NULL are skipped.';
COMMENT ON AGGREGATE @extschema@.gamma_gamma_fit(double precision, double precision, double precision) IS
    'Fit the Gamma-Gamma spend model with lifetimes'' L2 penalizer (the same on every row).';

CREATE FUNCTION @extschema@.sbg_fit_trans(@extschema@.sbg_fit_state, integer, bigint) RETURNS @extschema@.sbg_fit_state
AS 'MODULE_PATHNAME', 'sbg_fit_state_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.sbg_fit_final(@extschema@.sbg_fit_state) RETURNS @extschema@.sbg_model
AS 'MODULE_PATHNAME', 'sbg_fit_state_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_fit_trans(@extschema@.sbg_fit_state, integer, bigint) IS
    'Transition function of sbg_fit(period, alive).';
COMMENT ON FUNCTION @extschema@.sbg_fit_final(@extschema@.sbg_fit_state) IS
    'Final function of sbg_fit: maximum-likelihood fit of the cohort''s survivors.';
CREATE AGGREGATE @extschema@.sbg_fit(period integer, alive bigint) (
    SFUNC = @extschema@.sbg_fit_trans, STYPE = @extschema@.sbg_fit_state, FINALFUNC = @extschema@.sbg_fit_final,
    COMBINEFUNC = @extschema@.sbg_fit_state_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.sbg_fit(integer, bigint) IS
    'Fit the shifted-beta-geometric model (Fader & Hardie 2007) to a cohort: rows (period, '
    'alive) with period 0 the starting cohort, every period 0..n present (rows of one period '
    'add up), alive never increasing, n >= 2.';

-- The rows of parameters() and fit_info(), named types so that they can be stored.
CREATE TYPE @extschema@.bgnbd_parameters AS (
    r double precision, alpha double precision, a double precision, b double precision);
COMMENT ON TYPE @extschema@.bgnbd_parameters IS
    'The parameters (r, alpha, a, b) of a BG/NBD model, the result of parameters(bgnbd_model).';
CREATE TYPE @extschema@.gamma_gamma_parameters AS (p double precision, q double precision, v double precision);
COMMENT ON TYPE @extschema@.gamma_gamma_parameters IS
    'The parameters (p, q, v) of a Gamma-Gamma model, the result of '
    'parameters(gamma_gamma_model).';
CREATE TYPE @extschema@.sbg_parameters AS (alpha double precision, beta double precision);
COMMENT ON TYPE @extschema@.sbg_parameters IS
    'The parameters (alpha, beta) of an sBG model, the result of parameters(sbg_model).';
CREATE TYPE @extschema@.model_fit_info AS (
    log_likelihood double precision, customers bigint, distinct_rows bigint, iterations integer,
    converged boolean, penalizer double precision);
COMMENT ON TYPE @extschema@.model_fit_info IS
    'How a model was fitted (log_likelihood, customers, distinct_rows, iterations, converged, '
    'penalizer), the result of fit_info() for every model type.';

CREATE FUNCTION @extschema@.parameters(m @extschema@.bgnbd_model)
RETURNS @extschema@.bgnbd_parameters AS 'MODULE_PATHNAME', 'bgnbd_parameters_typed' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.parameters(m @extschema@.gamma_gamma_model)
RETURNS @extschema@.gamma_gamma_parameters AS 'MODULE_PATHNAME', 'gamma_gamma_parameters_typed' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.parameters(m @extschema@.sbg_model)
RETURNS @extschema@.sbg_parameters AS 'MODULE_PATHNAME', 'sbg_parameters_typed' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.parameters(@extschema@.bgnbd_model) IS
    'The BG/NBD parameters r, alpha (purchase rate: Gamma(r, alpha)) and a, b (dropout '
    'probability: Beta(a, b)).';
COMMENT ON FUNCTION @extschema@.parameters(@extschema@.gamma_gamma_model) IS
    'The Gamma-Gamma parameters p, q, v (spend per purchase Gamma(p, nu), nu ~ Gamma(q, v)).';
COMMENT ON FUNCTION @extschema@.parameters(@extschema@.sbg_model) IS
    'The sBG parameters alpha, beta (churn probability per period ~ Beta(alpha, beta)).';
CREATE FUNCTION @extschema@.fit_info(m @extschema@.bgnbd_model)
RETURNS @extschema@.model_fit_info AS 'MODULE_PATHNAME', 'bgnbd_fit_info_typed' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.fit_info(m @extschema@.gamma_gamma_model)
RETURNS @extschema@.model_fit_info AS 'MODULE_PATHNAME', 'gamma_gamma_fit_info_typed' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.fit_info(m @extschema@.sbg_model)
RETURNS @extschema@.model_fit_info AS 'MODULE_PATHNAME', 'sbg_fit_info_typed' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.fit_info(@extschema@.bgnbd_model) IS
    'How the BG/NBD model was fitted: log-likelihood (sum over customers, unpenalized, in the '
    'data''s time unit), customers, distinct RFM rows, optimizer iterations, whether it '
    'converged, the penalizer.';
COMMENT ON FUNCTION @extschema@.fit_info(@extschema@.gamma_gamma_model) IS
    'How the Gamma-Gamma model was fitted: log-likelihood, repeat customers, distinct rows, '
    'iterations, converged, penalizer.';
COMMENT ON FUNCTION @extschema@.fit_info(@extschema@.sbg_model) IS
    'How the sBG model was fitted: log-likelihood, customers at period 0, periods, iterations, '
    'converged, penalizer (always 0).';
CREATE FUNCTION @extschema@.expected_purchases(m @extschema@.bgnbd_model, t double precision, frequency double precision, recency double precision, age double precision) RETURNS double precision
AS 'MODULE_PATHNAME', 'bgnbd_expected_purchases' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.expected_purchases(m @extschema@.bgnbd_model, t double precision) RETURNS double precision
AS 'MODULE_PATHNAME', 'bgnbd_expected_purchases' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.probability_alive(m @extschema@.bgnbd_model, frequency double precision, recency double precision, age double precision) RETURNS double precision
AS 'MODULE_PATHNAME', 'bgnbd_probability_alive' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.probability_of_purchases(m @extschema@.bgnbd_model, t double precision, n integer) RETURNS double precision
AS 'MODULE_PATHNAME', 'bgnbd_probability_of_purchases' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.expected_purchases(@extschema@.bgnbd_model, double precision, double precision, double precision, double precision) IS
    'Expected purchases in the next t periods of a customer with this frequency, recency and '
    'age T (FHL 2005 eq. 10; lifetimes'' conditional_expected_number_of_purchases_up_to_time).';
COMMENT ON FUNCTION @extschema@.expected_purchases(@extschema@.bgnbd_model, double precision) IS
    'Expected purchases in the first t periods of a customer just acquired (FHL 2005 eq. 9).';
COMMENT ON FUNCTION @extschema@.probability_alive(@extschema@.bgnbd_model, double precision, double precision, double precision) IS
    'Probability that a customer with this frequency, recency and age T is still alive (FHL '
    'note 021; lifetimes'' conditional_probability_alive). 1 for frequency 0.';
COMMENT ON FUNCTION @extschema@.probability_of_purchases(@extschema@.bgnbd_model, double precision, integer) IS
    'Probability that a customer just acquired makes exactly n purchases in t periods (FHL '
    '2005 eq. 8).';
CREATE FUNCTION @extschema@.expected_average_spend(m @extschema@.gamma_gamma_model, frequency double precision, monetary_value double precision) RETURNS double precision
AS 'MODULE_PATHNAME', 'gamma_gamma_expected_spend' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.expected_average_spend(m @extschema@.gamma_gamma_model) RETURNS double precision
AS 'MODULE_PATHNAME', 'gamma_gamma_expected_spend' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.expected_average_spend(@extschema@.gamma_gamma_model, double precision, double precision) IS
    'Expected mean spend per purchase of a customer with this frequency and mean repeat spend '
    '(note 025 eq. 5; lifetimes'' conditional_expected_average_profit).';
COMMENT ON FUNCTION @extschema@.expected_average_spend(@extschema@.gamma_gamma_model) IS
    'Expected mean spend per purchase of the population, v p / (q - 1).';
CREATE FUNCTION @extschema@.clv(transactions @extschema@.bgnbd_model, spend @extschema@.gamma_gamma_model,
    frequency double precision, recency double precision, age double precision, monetary_value double precision,
    months integer DEFAULT 12, monthly_discount double precision DEFAULT 0.01, periods_per_month double precision DEFAULT 30)
RETURNS double precision AS 'MODULE_PATHNAME', 'predicted_clv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv(@extschema@.bgnbd_model, @extschema@.gamma_gamma_model, double precision, double precision, double precision, double precision, integer, double precision, double precision) IS
    'Predicted CLV over the next months, discounted monthly, as lifetimes'' '
    'customer_lifetime_value: sum over months i of expected spend x expected purchases in '
    'month i / (1 + monthly_discount)^i; periods_per_month converts months into the RFM time '
    'unit (lifetimes: 30 for days, 4.345 for weeks).';
CREATE FUNCTION @extschema@.survival(m @extschema@.sbg_model, t double precision) RETURNS double precision
AS 'MODULE_PATHNAME', 'sbg_survival' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.projected_retention_rate(m @extschema@.sbg_model, t double precision) RETURNS double precision
AS 'MODULE_PATHNAME', 'sbg_retention_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
-- The name of 0.2.0, kept so that its queries run (see crr() in formulas.sql).
CREATE FUNCTION @extschema@.retention_rate(m @extschema@.sbg_model, t double precision) RETURNS double precision
AS 'MODULE_PATHNAME', 'sbg_retention_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.churn_probability(m @extschema@.sbg_model, t integer) RETURNS double precision
AS 'MODULE_PATHNAME', 'sbg_churn_probability' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survival(@extschema@.sbg_model, double precision) IS
    'Projected share of the cohort still a customer after t periods, S(t) = B(alpha, beta + t) '
    '/ B(alpha, beta) (FH 2007).';
COMMENT ON FUNCTION @extschema@.projected_retention_rate(@extschema@.sbg_model, double precision) IS
    'Projected retention rate of period t, S(t) / S(t - 1) = (beta + t - 1) / (alpha + beta + '
    't - 1) (FH 2007 eq. 8).';
COMMENT ON FUNCTION @extschema@.retention_rate(@extschema@.sbg_model, double precision) IS
    'Alias of projected_retention_rate(m, t), the sBG model''s projected retention rate of '
    'period t, kept from 0.2.0; new queries should call projected_retention_rate().';
COMMENT ON FUNCTION @extschema@.churn_probability(@extschema@.sbg_model, integer) IS
    'Probability that a customer of the cohort churns in period t (>= 1), P(T = t) (FH 2007 '
    'eq. 1).';
