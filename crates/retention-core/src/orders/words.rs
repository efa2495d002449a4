//! The one memory layout of every order-family summary (`retention_summary`,
//! `customer_stats`, `period_series`, `mrr_summary`, `mrr_series`):
//!
//! ```text
//! bytes 0..4  PostgreSQL's varlena length word (written by the extension)
//! byte  4     version
//! byte  5     kind
//! bytes 6..8  zero
//! then        u64 words: the body, laid out by each kind's module
//! ```
//!
//! The datum *is* the aggregate state: the extension updates the body words in place, so a
//! row costs no encoding, partial aggregation needs no serialization, and Citus can ship a
//! state as its text form. A kind whose body must grow (a new period, more distinct gaps)
//! returns a resized copy from the operation, which the extension turns into a new datum
//! and retries the operation on ([`Grow`]).
//!
//! Binary send/receive: version, kind, then the body words in network byte order, then the
//! same checks as text input ([`Summary::validate`]).

use crate::error::{MetricError, Result};

pub const HEADER_BYTES: usize = 8;
pub const VERSION: u8 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    Retention = 10,
    Stats = 11,
    Series = 12,
    Mrr = 13,
    MrrSeries = 14,
    Cohort = 15,
    Activity = 16,
}

/// The outcome of an operation on a summary body: done, or "this body is too small: here is
/// a copy laid out for what is coming; retry on it".
pub type Grow = Option<Vec<u64>>;

/// What every order-family summary provides; the extension's glue is generic over it.
pub trait Summary {
    const KIND: Kind;
    const TYPE_NAME: &'static str;
    /// Structural and semantic checks of a body from outside (text, binary, a datum), so
    /// that no accessor can misbehave on it.
    fn validate(body: &[u64]) -> Result<()>;
    fn to_text(body: &[u64]) -> String;
    fn from_text(input: &str) -> Result<Vec<u64>>;
    /// Add `src` into `dst`: exact, associative and commutative.
    fn merge(dst: &mut [u64], src: &[u64]) -> Result<Grow>;
    /// A copy without spare capacity, if the body has any (final values are stored).
    fn compact(_body: &[u64]) -> Option<Vec<u64>> {
        None
    }
}

/// Bytes 4..8 of a datum of this kind.
pub fn header_bytes(kind: Kind) -> [u8; 4] {
    [VERSION, kind as u8, 0, 0]
}

/// Check the header of a datum's bytes 4..8 against `S`.
pub fn check_header<S: Summary>(header: [u8; 4], len: usize) -> Result<()> {
    if header[0] != VERSION {
        return Err(MetricError::InvalidBinary(format!(
            "{} has unsupported version {} (this build reads version {VERSION})",
            S::TYPE_NAME,
            header[0]
        )));
    }
    if header[1] != S::KIND as u8 || len < HEADER_BYTES || !(len - HEADER_BYTES).is_multiple_of(8) {
        return Err(MetricError::InvalidBinary(format!(
            "value is not a {}",
            S::TYPE_NAME
        )));
    }
    Ok(())
}

pub fn to_binary<S: Summary>(body: &[u64]) -> Vec<u8> {
    let mut out = Vec::with_capacity(2 + 8 * body.len());
    out.push(VERSION);
    out.push(S::KIND as u8);
    for w in body {
        out.extend_from_slice(&w.to_be_bytes());
    }
    out
}

pub fn from_binary<S: Summary>(bytes: &[u8]) -> Result<Vec<u64>> {
    let bad =
        |why: String| MetricError::InvalidBinary(format!("invalid binary {}: {why}", S::TYPE_NAME));
    match bytes {
        [v, ..] if *v != VERSION => Err(bad(format!(
            "unsupported version {v} (this build reads version {VERSION})"
        ))),
        [_, k, ..] if *k != S::KIND as u8 => Err(bad(format!("kind {k} is not {}", S::KIND as u8))),
        [_, _, rest @ ..] if rest.len() % 8 == 0 => {
            let body: Vec<u64> = rest
                .chunks_exact(8)
                .map(|c| u64::from_be_bytes(c.try_into().expect("8 bytes")))
                .collect();
            S::validate(&body).map_err(|e| bad(e.to_string()))?;
            // What binary input may hold is what text input may: a value whose text form
            // does not read back (a count past bigint, a display scale below the amounts'
            // scale, a NUL in a time zone name, all of which the words can carry but no
            // aggregate makes) could not be dumped and restored, so it is refused here.
            let text = S::to_text(&body);
            if text.contains('\0') {
                // PostgreSQL's text output is a C string: it would end at the NUL.
                return Err(bad("its text form would hold a NUL byte".into()));
            }
            match S::from_text(&text) {
                Ok(back) if S::to_text(&back) == text => Ok(body),
                Ok(_) => Err(bad("its text form reads back as another value".into())),
                Err(e) => Err(bad(format!("it has no text form that reads back ({e})"))),
            }
        }
        _ => Err(bad(format!(
            "{} bytes is not a whole number of words",
            bytes.len()
        ))),
    }
}

/// The fields of a summary's text form, its version checked.
pub(crate) fn fields(type_name: &'static str, input: &str) -> Result<crate::text::Fields> {
    let mut f = crate::text::Fields::parse(type_name, input)?;
    let v = f.int("version", input)?;
    if v != VERSION as i64 {
        return Err(f.error(format!(
            "unsupported version {v} (this build reads version {VERSION})"
        )));
    }
    Ok(f)
}

/// A count that must not pass `bigint`.
pub(crate) fn add_count(a: &mut u64, b: u64, what: &str) -> Result<()> {
    match a.checked_add(b).filter(|v| *v <= i64::MAX as u64) {
        Some(v) => {
            *a = v;
            Ok(())
        }
        None => Err(MetricError::OutOfRange(format!(
            "{what} cannot count past {}",
            i64::MAX
        ))),
    }
}

/// A body that breaks its kind's rules; the callers say where it came from.
pub(crate) fn inconsistent(why: impl std::fmt::Display) -> MetricError {
    MetricError::InvalidBinary(why.to_string())
}

/// Check a body read from a datum (a stored value or a state), naming the type.
pub fn check_body<S: Summary>(body: &[u64]) -> Result<()> {
    S::validate(body).map_err(|e| match e {
        MetricError::InvalidBinary(why) => {
            MetricError::InvalidBinary(format!("invalid {}: {why}", S::TYPE_NAME))
        }
        other => other,
    })
}

/// Text input errors are 22P02 (or 22003 for a count past bigint), whatever check failed.
pub(crate) fn as_text_error<S: Summary>(input: &str, e: MetricError) -> MetricError {
    match e {
        MetricError::InvalidText(_) | MetricError::OutOfRange(_) => e,
        other => crate::text::text_error(S::TYPE_NAME, input, other.message()),
    }
}

/// Whether non-negative amounts (mantissas at one scale) add up: the sum of `plus` equals
/// `total` plus the sum of `minus`. Both sides are summed in u128: valid amounts are below
/// 10^38 each, so a side of three of them (3 x 10^38 < 2^128) cannot overflow, where adding
/// them in i128 as start + new + expansion - ... did (start and new of 10^38 - 1 each are a
/// valid summary). A negative amount or an overflowing side is not adding up.
pub fn amounts_add_up(plus: &[i128], minus: &[i128], total: i128) -> bool {
    fn sum(vs: impl Iterator<Item = i128>) -> Option<u128> {
        let mut acc = 0u128;
        for v in vs {
            acc = acc.checked_add(u128::try_from(v).ok()?)?;
        }
        Some(acc)
    }
    match (
        sum(plus.iter().copied()),
        sum(minus.iter().copied().chain(std::iter::once(total))),
    ) {
        (Some(l), Some(r)) => l == r,
        _ => false,
    }
}
