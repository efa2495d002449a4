//! One error type for every pure function. Each variant names the SQLSTATE class the
//! extension reports it with, so the mapping lives in exactly one place (the glue's
//! `report` helper) and messages are written once, here, where the check is made.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetricError {
    /// An argument outside its documented range: SQLSTATE 22023 `invalid_parameter_value`.
    InvalidParameter(String),
    /// A counter or sum that would leave its 64-bit range: SQLSTATE 22003
    /// `numeric_value_out_of_range`.
    OutOfRange(String),
    /// A summary's text form that does not parse: SQLSTATE 22P02 `invalid_text_representation`.
    InvalidText(String),
    /// A summary's binary form that does not decode: SQLSTATE 22P03
    /// `invalid_binary_representation`.
    InvalidBinary(String),
    /// A timestamp outside the supported range (infinity, or beyond the years 1..9999):
    /// SQLSTATE 22008 `datetime_field_overflow`.
    DatetimeOutOfRange(String),
    /// A state that would pass a documented size limit: SQLSTATE 54000
    /// `program_limit_exceeded`.
    LimitExceeded(String),
}

pub type Result<T> = std::result::Result<T, MetricError>;

impl MetricError {
    pub fn message(&self) -> &str {
        match self {
            MetricError::InvalidParameter(m)
            | MetricError::OutOfRange(m)
            | MetricError::InvalidText(m)
            | MetricError::InvalidBinary(m)
            | MetricError::DatetimeOutOfRange(m)
            | MetricError::LimitExceeded(m) => m,
        }
    }
}

impl fmt::Display for MetricError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for MetricError {}

/// Shorthand for the most common error.
pub(crate) fn invalid<T>(msg: impl Into<String>) -> Result<T> {
    Err(MetricError::InvalidParameter(msg.into()))
}
