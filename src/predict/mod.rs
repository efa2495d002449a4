//! SQL glue of the predictive family: lifetimes-compatible RFM summaries of customer
//! histories (`rfm`), the model-fitting aggregates (BG/NBD, Gamma-Gamma, shifted-beta-
//! geometric), their predictions, and Kaplan-Meier survival curves. Declarations and
//! `COMMENT ON` texts are in `predict.sql`; the math is in `retention_core::predict` and
//! `retention_core::orders::rfm`.

mod models;
mod rfm;

pgrx::extension_sql_file!("../predict.sql", name = "predict", requires = ["orders"]);
