//! SQL glue of the predictive features, one module per feature of `retention_core::predict`:
//! `models` (BG/NBD, Gamma-Gamma, shifted-beta-geometric, CLV) and `survival`
//! (Kaplan-Meier). One customer's RFM columns, their input, are `orders::rfm`.

mod models;
mod survival;
