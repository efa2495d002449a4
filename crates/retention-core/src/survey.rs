//! Survey metrics: NPS, CSAT and CES from integer scores.
//!
//! All three keep the same state: a histogram of scores over a small integer scale, plus
//! the number of responses. It is exact, mergeable by adding counts (associative and
//! commutative), bounded in size (at most 101 points), and holds enough to give every figure
//! users ask for: the metric, its counts, means and variances, and intervals.
//!
//! The state has one memory layout, [`Header`] followed by one `u64` count per point of the
//! scale, and that layout *is* the PostgreSQL datum of `nps_summary`, `csat_summary` and
//! `ces_summary` (after PostgreSQL's 4-byte length word, which the header reserves). So the
//! transition function updates a count in place and nothing is encoded per row. The
//! portable forms are the text form ([`SummaryRef::to_text`]) and the binary send/receive
//! form ([`SummaryRef::to_binary`]); both start with a version number.

use crate::error::{MetricError, Result};
use crate::interval::{self, Interval};
use crate::text::Fields;

/// Version of the in-memory layout and of the text and binary forms. Bump it (and keep
/// reading the old one) whenever any of them changes.
pub const VERSION: u8 = 1;

/// The largest number of points a scale may have (0..100 is the widest common survey scale).
pub const MAX_POINTS: usize = 101;

/// Largest response count, so that every count fits a SQL `bigint`.
const MAX_COUNT: u64 = i64::MAX as u64;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    Nps = 1,
    Csat = 2,
    Ces = 3,
}

impl Kind {
    pub const fn from_u8(v: u8) -> Option<Kind> {
        match v {
            1 => Some(Kind::Nps),
            2 => Some(Kind::Csat),
            3 => Some(Kind::Ces),
            _ => None,
        }
    }
    /// The SQL type that carries this kind of summary.
    pub const fn type_name(self) -> &'static str {
        match self {
            Kind::Nps => "nps_summary",
            Kind::Csat => "csat_summary",
            Kind::Ces => "ces_summary",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Kind::Nps => "NPS",
            Kind::Csat => "CSAT",
            Kind::Ces => "CES",
        }
    }
}

/// The integer scale of a summary: scores run from `lo` to `hi`. `threshold` is the first
/// "satisfied" score for CSAT, the first promoter score (9) for NPS, and unused (0) for CES.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub kind: Kind,
    pub lo: i16,
    pub hi: i16,
    pub threshold: i16,
}

impl Scale {
    /// NPS: 0..10; promoters 9-10, passives 7-8, detractors 0-6.
    pub const NPS: Scale = Scale {
        kind: Kind::Nps,
        lo: 0,
        hi: 10,
        threshold: 9,
    };
    /// CSAT's usual scale: 1..5, satisfied from 4.
    pub const CSAT_DEFAULT: Scale = Scale {
        kind: Kind::Csat,
        lo: 1,
        hi: 5,
        threshold: 4,
    };

    /// A CSAT scale `scale_min..scale_max` with "satisfied" meaning `score >= satisfied_min`.
    pub fn csat(scale_min: i32, scale_max: i32, satisfied_min: i32) -> Result<Scale> {
        let width = scale_max as i64 - scale_min as i64 + 1;
        if scale_min >= scale_max || width > MAX_POINTS as i64 {
            return Err(MetricError::InvalidParameter(format!(
                "CSAT scale {scale_min}..{scale_max} is invalid: scale_min must be below scale_max and the scale may have at most {MAX_POINTS} points"
            )));
        }
        if scale_min < i16::MIN as i32 || scale_max > i16::MAX as i32 {
            return Err(MetricError::InvalidParameter(format!(
                "CSAT scale {scale_min}..{scale_max} is out of range: scale bounds must be between {} and {}",
                i16::MIN,
                i16::MAX
            )));
        }
        if satisfied_min <= scale_min || satisfied_min > scale_max {
            return Err(MetricError::InvalidParameter(format!(
                "CSAT satisfied_min {satisfied_min} is out of range: on the scale {scale_min}..{scale_max} it must be from {} to {scale_max}",
                scale_min + 1
            )));
        }
        Ok(Scale {
            kind: Kind::Csat,
            lo: scale_min as i16,
            hi: scale_max as i16,
            threshold: satisfied_min as i16,
        })
    }

    /// A CES scale of `options` points, scores 1..options.
    pub fn ces(options: i32) -> Result<Scale> {
        if !(2..=(MAX_POINTS as i32 - 1)).contains(&options) {
            return Err(MetricError::InvalidParameter(format!(
                "CES options {options} is out of range: a CES scale has from 2 to {} options (scores 1..options)",
                MAX_POINTS - 1
            )));
        }
        Ok(Scale {
            kind: Kind::Ces,
            lo: 1,
            hi: options as i16,
            threshold: 0,
        })
    }

    /// Number of points on the scale, and so of counts in the state.
    pub fn points(&self) -> usize {
        (self.hi as i32 - self.lo as i32 + 1) as usize
    }

    fn describe(&self) -> String {
        match self.kind {
            Kind::Nps => "0..10".to_string(),
            Kind::Csat => format!("{}..{} satisfied from {}", self.lo, self.hi, self.threshold),
            Kind::Ces => format!("{} options", self.hi),
        }
    }

    /// Is this a scale a summary of this kind may have? Used on every outside input.
    fn validate(&self) -> Result<()> {
        match self.kind {
            Kind::Nps if *self == Scale::NPS => Ok(()),
            Kind::Nps => Err(MetricError::InvalidParameter(
                "NPS scale must be 0..10".into(),
            )),
            Kind::Csat => {
                Scale::csat(self.lo.into(), self.hi.into(), self.threshold.into()).map(|_| ())
            }
            Kind::Ces if self.lo == 1 && self.threshold == 0 => {
                Scale::ces(self.hi.into()).map(|_| ())
            }
            Kind::Ces => Err(MetricError::InvalidParameter(
                "CES scale must start at 1".into(),
            )),
        }
    }
}

/// The fixed part of a summary. `#[repr(C)]`, 24 bytes, 8-byte aligned; the counts follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C)]
pub struct Header {
    /// PostgreSQL's varlena length word; written by the glue, never read here.
    pub varlena: [u8; 4],
    pub version: u8,
    pub kind: u8,
    pub _pad0: [u8; 2],
    pub lo: i16,
    pub hi: i16,
    pub threshold: i16,
    pub _pad1: [u8; 2],
    /// Number of responses: the sum of the counts, kept so the overflow check is one compare.
    pub n: u64,
}

pub const HEADER_BYTES: usize = std::mem::size_of::<Header>();
const _: () = assert!(HEADER_BYTES == 24);

/// Bytes of a summary on this scale, length word included.
pub fn summary_bytes(scale: &Scale) -> usize {
    HEADER_BYTES + 8 * scale.points()
}

impl Header {
    pub fn new(scale: &Scale) -> Header {
        Header {
            varlena: [0; 4],
            version: VERSION,
            kind: scale.kind as u8,
            _pad0: [0; 2],
            lo: scale.lo,
            hi: scale.hi,
            threshold: scale.threshold,
            _pad1: [0; 2],
            n: 0,
        }
    }

    /// The scale, if the header is one this version wrote (checks version and kind only; the
    /// scale itself was validated when the summary was made).
    pub fn scale(&self, expected: Kind) -> Result<Scale> {
        if self.version != VERSION {
            return Err(MetricError::InvalidBinary(format!(
                "{} has unsupported version {} (this build reads version {VERSION})",
                expected.type_name(),
                self.version
            )));
        }
        if self.kind != expected as u8 {
            return Err(MetricError::InvalidBinary(format!(
                "value is not a {}: kind {}",
                expected.type_name(),
                self.kind
            )));
        }
        Ok(Scale {
            kind: expected,
            lo: self.lo,
            hi: self.hi,
            threshold: self.threshold,
        })
    }
}

/// A read-only view of a summary.
#[derive(Debug, Clone, Copy)]
pub struct SummaryRef<'a> {
    pub scale: Scale,
    pub n: u64,
    pub counts: &'a [u64],
}

/// A writable view of a summary (the aggregate's running state).
#[derive(Debug)]
pub struct SummaryMut<'a> {
    pub header: &'a mut Header,
    pub counts: &'a mut [u64],
}

/// A score that came as another SQL type than `integer` (smallint, bigint, numeric, double
/// precision, real), read from its datum as that type. [`Scale::whole_score`] turns it into
/// the integer score the summaries count, by one rule for every type: a whole number is that
/// score; anything else (a fraction, NaN, an infinity) is refused.
#[derive(Debug, Clone, Copy)]
pub enum TypedScore<'a> {
    /// smallint, integer, bigint.
    Int(i64),
    /// numeric, as an exact decimal.
    Dec(crate::decimal::Dec),
    /// numeric that an exact decimal cannot hold (NaN, the infinities, past 38 digits): its
    /// text, as `numeric` prints it.
    NumericText(&'a str),
    /// double precision.
    F64(f64),
    /// real (shown as real prints, not widened).
    F32(f32),
}

/// A float as PostgreSQL prints it (`NaN`, `Infinity`, `-Infinity`, else the shortest
/// decimal that reads back as the same float).
fn float_text(v: f64, shown: String) -> String {
    match v {
        v if v.is_nan() => "NaN".into(),
        v if v == f64::INFINITY => "Infinity".into(),
        v if v == f64::NEG_INFINITY => "-Infinity".into(),
        _ => shown,
    }
}

/// A long whole number (more than 15 digits, past every scale) as PostgreSQL prints a float
/// that large: `1e+40`, `-9.2e+18`; shorter ones as they are.
fn short_number(shown: String) -> String {
    let (sign, digits) = match shown.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", shown.as_str()),
    };
    if digits.len() <= 15 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return shown;
    }
    let mantissa = digits[1..].trim_end_matches('0');
    let point = if mantissa.is_empty() { "" } else { "." };
    format!(
        "{sign}{}{point}{mantissa}e+{}",
        &digits[..1],
        digits.len() - 1
    )
}

impl Scale {
    /// The integer score `s` stands for: a whole number, whatever its type, is that score
    /// (then checked against the scale by [`SummaryMut::accum`] like any integer); a whole
    /// number past the integer range is out of range; a fraction, NaN or an infinity is
    /// not a score. Errors are 22023 with the scale, like an integer score off the scale.
    pub fn whole_score(&self, s: TypedScore) -> Result<i32> {
        let (whole, shown): (Option<i64>, String) = match s {
            TypedScore::Int(v) => (Some(v), v.to_string()),
            TypedScore::Dec(d) => {
                let unit = crate::decimal::pow10(d.scale as u32).unwrap_or(i128::MAX);
                let whole =
                    (d.m % unit == 0).then(|| i64::try_from(d.m / unit).unwrap_or(i64::MAX));
                (whole, d.to_string())
            }
            TypedScore::NumericText(t) => {
                let frac = t.split_once('.').map(|(_, f)| f).unwrap_or("");
                let integral = t
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b'-' || b == b'.')
                    && frac.bytes().all(|b| b == b'0');
                (integral.then_some(i64::MAX), t.to_string())
            }
            TypedScore::F64(v) => (
                (v.is_finite() && v.fract() == 0.0).then(|| v as i64),
                float_text(v, v.to_string()),
            ),
            TypedScore::F32(v) => (
                (v.is_finite() && v.fract() == 0.0).then(|| v as i64),
                float_text(v as f64, v.to_string()),
            ),
        };
        match whole.map(i32::try_from) {
            Some(Ok(v)) => Ok(v),
            // An integer type prints its digits; numeric and floats as PostgreSQL prints a
            // float that large.
            Some(Err(_)) if matches!(s, TypedScore::Int(_)) => Err(score_out_of_range(self, shown)),
            Some(Err(_)) => Err(score_out_of_range(self, short_number(shown))),
            None => Err(score_not_whole(self, shown)),
        }
    }
}

#[cold]
fn score_not_whole(scale: &Scale, shown: String) -> MetricError {
    score_refused(scale, shown, "is not a whole number")
}

#[cold]
fn score_out_of_range(scale: &Scale, score: impl std::fmt::Display) -> MetricError {
    score_refused(scale, score, "is out of range")
}

/// "<KIND> score <score> <why>: <the scale>", the one message of every refused score.
#[cold]
fn score_refused(scale: &Scale, score: impl std::fmt::Display, why: &str) -> MetricError {
    let kind = match scale.kind {
        Kind::Nps => "NPS",
        Kind::Csat => "CSAT",
        Kind::Ces => "CES",
    };
    let range = match scale.kind {
        Kind::Nps => "scores must be integers from 0 to 10".to_string(),
        Kind::Csat => format!("this scale runs from {} to {}", scale.lo, scale.hi),
        Kind::Ces => format!(
            "with {} options scores run from 1 to {}",
            scale.hi, scale.hi
        ),
    };
    MetricError::InvalidParameter(format!("{kind} score {score} {why}: {range}"))
}

#[cold]
fn too_many_responses(kind: Kind) -> MetricError {
    MetricError::OutOfRange(format!(
        "{} cannot count more than {MAX_COUNT} responses",
        kind.type_name()
    ))
}

impl SummaryMut<'_> {
    pub fn as_ref(&self) -> SummaryRef<'_> {
        SummaryRef {
            scale: self.scale(),
            n: self.header.n,
            counts: self.counts,
        }
    }

    pub fn scale(&self) -> Scale {
        let kind =
            Kind::from_u8(self.header.kind).expect("state was initialised with a valid kind");
        Scale {
            kind,
            lo: self.header.lo,
            hi: self.header.hi,
            threshold: self.header.threshold,
        }
    }

    /// Add one response if that cannot fail: the per-row path, a range check, an overflow
    /// check and two additions. Returns false, changing nothing, when [`Self::accum`] would
    /// return an error. It never panics, so the extension may run it outside its panic guard.
    #[inline(always)]
    pub fn try_accum(&mut self, score: i32) -> bool {
        let idx = (score as i64 - self.header.lo as i64) as u64;
        if idx >= self.counts.len() as u64 || self.header.n >= MAX_COUNT {
            return false;
        }
        self.header.n += 1;
        if let Some(c) = self.counts.get_mut(idx as usize) {
            *c += 1; // <= n < MAX_COUNT: cannot overflow
        }
        true
    }

    /// Add one response, or say why it cannot be counted.
    #[inline]
    pub fn accum(&mut self, score: i32) -> Result<()> {
        if self.try_accum(score) {
            return Ok(());
        }
        let idx = (score as i64 - self.header.lo as i64) as u64;
        Err(if idx >= self.counts.len() as u64 {
            score_out_of_range(&self.scale(), score)
        } else {
            too_many_responses(self.scale().kind)
        })
    }

    /// Take back one response added earlier (the inverse transition of a sliding window
    /// frame). Returns false, changing nothing, when the score was never counted here, which
    /// a correct caller never asks; PostgreSQL then recomputes the frame.
    #[inline]
    pub fn try_remove(&mut self, score: i32) -> bool {
        let idx = (score as i64 - self.header.lo as i64) as u64;
        match self.counts.get_mut(idx as usize) {
            Some(c) if *c > 0 => {
                *c -= 1;
                self.header.n -= 1; // >= *c + 1 > 0
                true
            }
            _ => false,
        }
    }

    /// Does the running state have this scale? (The scale arguments of CSAT and CES come with
    /// every row and must not change within a group.)
    #[inline]
    pub fn has_scale(&self, scale: &Scale) -> bool {
        self.header.lo == scale.lo
            && self.header.hi == scale.hi
            && self.header.threshold == scale.threshold
    }

    #[cold]
    pub fn scale_changed(&self, scale: &Scale) -> MetricError {
        MetricError::InvalidParameter(format!(
            "{} scale changed within a group: {} then {}; all rows of one aggregate must use the same scale",
            scale.kind.label(),
            self.scale().describe(),
            scale.describe()
        ))
    }

    /// Add another summary's counts into this one. Exact, associative and commutative.
    pub fn merge(&mut self, other: SummaryRef<'_>) -> Result<()> {
        let mine = self.scale();
        if mine != other.scale {
            return Err(MetricError::InvalidParameter(format!(
                "cannot combine {} values with different scales: {} and {}",
                mine.kind.type_name(),
                mine.describe(),
                other.scale.describe()
            )));
        }
        let n = self
            .header
            .n
            .checked_add(other.n)
            .filter(|n| *n <= MAX_COUNT);
        self.header.n = n.ok_or_else(|| too_many_responses(mine.kind))?;
        for (a, b) in self.counts.iter_mut().zip(other.counts) {
            *a += b; // cannot overflow: each count <= n <= MAX_COUNT
        }
        Ok(())
    }
}

/// An owned summary (text and binary input, tests). Stored as `u64` words so that it has the
/// same alignment as the datum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnedSummary {
    words: Vec<u64>,
}

impl OwnedSummary {
    pub fn new(scale: &Scale) -> OwnedSummary {
        let mut words = vec![0u64; summary_bytes(scale) / 8];
        // SAFETY: `words` is 8-byte aligned and at least HEADER_BYTES long.
        unsafe { std::ptr::write(words.as_mut_ptr() as *mut Header, Header::new(scale)) };
        OwnedSummary { words }
    }

    /// From a scale and counts, checking what outside input must satisfy.
    pub fn from_counts(scale: Scale, counts: &[u64]) -> Result<OwnedSummary> {
        scale.validate()?;
        if counts.len() != scale.points() {
            return Err(MetricError::InvalidParameter(format!(
                "{} on the scale {} needs {} counts, got {}",
                scale.kind.type_name(),
                scale.describe(),
                scale.points(),
                counts.len()
            )));
        }
        let mut s = OwnedSummary::new(&scale);
        let mut n: u64 = 0;
        for &c in counts {
            n = n
                .checked_add(c)
                .filter(|n| *n <= MAX_COUNT)
                .ok_or_else(|| too_many_responses(scale.kind))?;
        }
        let m = s.as_mut();
        m.header.n = n;
        m.counts.copy_from_slice(counts);
        Ok(s)
    }

    pub fn as_mut(&mut self) -> SummaryMut<'_> {
        // SAFETY: the words hold a header followed by `points` counts (see `new`).
        unsafe { summary_mut(self.words.as_mut_ptr() as *mut u8) }
    }

    pub fn as_ref(&self) -> SummaryRef<'_> {
        // SAFETY: as above; the kind was written by `new`.
        let (header, counts) = unsafe { parts(self.words.as_ptr() as *const u8) };
        let kind = Kind::from_u8(header.kind).expect("valid kind");
        SummaryRef {
            scale: Scale {
                kind,
                lo: header.lo,
                hi: header.hi,
                threshold: header.threshold,
            },
            n: header.n,
            counts,
        }
    }

    /// The bytes of the datum, length word included (left zero).
    pub fn as_bytes(&self) -> &[u8] {
        // SAFETY: plain old data.
        unsafe {
            std::slice::from_raw_parts(self.words.as_ptr() as *const u8, self.words.len() * 8)
        }
    }
}

/// Split a summary at `ptr` into its header and counts.
///
/// # Safety
/// `ptr` is 8-byte aligned and points at a [`Header`] whose `lo..hi` matches the number of
/// counts that follow it, all valid for `'a`.
#[inline]
pub unsafe fn parts<'a>(ptr: *const u8) -> (&'a Header, &'a [u64]) {
    let header = &*(ptr as *const Header);
    let counts = std::slice::from_raw_parts(ptr.add(HEADER_BYTES) as *const u64, points(header));
    (header, counts)
}

/// The number of counts a header's scale calls for (0 when it is reversed).
fn points(header: &Header) -> usize {
    (header.hi as i32 - header.lo as i32 + 1).max(0) as usize
}

/// Writable form of [`parts`].
///
/// # Safety
/// As [`parts`], and nothing else refers to the summary for `'a`.
#[inline]
pub unsafe fn summary_mut<'a>(ptr: *mut u8) -> SummaryMut<'a> {
    let header = &mut *(ptr as *mut Header);
    let counts = std::slice::from_raw_parts_mut(ptr.add(HEADER_BYTES) as *mut u64, points(header));
    SummaryMut { header, counts }
}

/// Read a summary of `kind` from raw bytes of `len` bytes (length word included), checking
/// that the header is one this version wrote and agrees with the length.
///
/// # Safety
/// `ptr` is 8-byte aligned and valid for `len` bytes for `'a`.
pub unsafe fn summary_ref<'a>(ptr: *const u8, len: usize, kind: Kind) -> Result<SummaryRef<'a>> {
    if len < HEADER_BYTES {
        return Err(MetricError::InvalidBinary(format!(
            "{} is truncated",
            kind.type_name()
        )));
    }
    // The header alone first: the counts slice is made only once the length is known to
    // hold as many counts as the header's scale says (a slice past the datum's end would be
    // undefined behaviour even unread).
    let header = &*(ptr as *const Header);
    let scale = header.scale(kind)?;
    if header.hi < header.lo || HEADER_BYTES + 8 * points(header) != len {
        return Err(MetricError::InvalidBinary(format!(
            "{} is corrupt: its length does not match its scale",
            kind.type_name()
        )));
    }
    let (header, counts) = parts(ptr);
    Ok(SummaryRef {
        scale,
        n: header.n,
        counts,
    })
}

impl<'a> SummaryRef<'a> {
    /// Sum of counts for scores in `from..=to` (clipped to the scale).
    fn count_between(&self, from: i32, to: i32) -> u64 {
        let lo = self.scale.lo as i32;
        self.counts
            .iter()
            .enumerate()
            .filter(|(i, _)| (from..=to).contains(&(lo + *i as i32)))
            .map(|(_, c)| *c)
            .sum()
    }

    fn nonempty(&self) -> Option<f64> {
        (self.n > 0).then_some(self.n as f64)
    }

    /// Number of responses.
    pub fn respondents(&self) -> u64 {
        self.n
    }

    /// Count of one score (0 outside the scale).
    pub fn count_of(&self, score: i32) -> u64 {
        self.count_between(score, score)
    }

    // --- NPS -------------------------------------------------------------------------------

    pub fn promoters(&self) -> u64 {
        self.count_between(9, 10)
    }
    pub fn passives(&self) -> u64 {
        self.count_between(7, 8)
    }
    pub fn detractors(&self) -> u64 {
        self.count_between(0, 6)
    }

    /// NPS = 100 (promoters - detractors) / respondents, in [-100, 100].
    pub fn nps(&self) -> Option<f64> {
        let n = self.nonempty()?;
        Some(100.0 * (self.promoters() as f64 - self.detractors() as f64) / n)
    }

    /// Standard error of NPS in points. With p and d the promoter and detractor shares,
    /// NPS/100 = p - d is a difference of multinomial proportions, whose variance is
    /// (p + d - (p - d)^2) / n.
    pub fn nps_stderr(&self) -> Option<f64> {
        let n = self.nonempty()?;
        let p = self.promoters() as f64 / n;
        let d = self.detractors() as f64 / n;
        Some(100.0 * ((p + d - (p - d) * (p - d)).max(0.0) / n).sqrt())
    }

    /// Normal (Wald) interval NPS -/+ z * stderr, cut to the scale's range [-100, 100].
    pub fn nps_ci(&self, confidence: f64) -> Result<Option<Interval>> {
        let z = interval::z_value(confidence)?;
        Ok(self.nps().zip(self.nps_stderr()).map(|(nps, se)| Interval {
            lower: (nps - z * se).max(-100.0),
            upper: (nps + z * se).min(100.0),
        }))
    }

    // --- CSAT ------------------------------------------------------------------------------

    /// Responses at or above the satisfied threshold.
    pub fn satisfied(&self) -> u64 {
        self.count_between(self.scale.threshold as i32, self.scale.hi as i32)
    }

    /// CSAT = satisfied / respondents, a fraction in [0, 1].
    pub fn csat(&self) -> Option<f64> {
        Some(self.satisfied() as f64 / self.nonempty()?)
    }

    /// Wilson score interval of CSAT.
    pub fn csat_ci(&self, confidence: f64) -> Result<Option<Interval>> {
        interval::wilson(self.satisfied() as f64, self.n as f64, confidence)
    }

    // --- means (CES) -----------------------------------------------------------------------

    /// Mean score.
    pub fn mean(&self) -> Option<f64> {
        let n = self.nonempty()?;
        let lo = self.scale.lo as f64;
        let sum: f64 = self
            .counts
            .iter()
            .enumerate()
            .map(|(i, c)| (lo + i as f64) * *c as f64)
            .sum();
        Some(sum / n)
    }

    /// Sample variance of the scores (n - 1 denominator), computed in two passes over the
    /// histogram so that it is exact up to rounding of the final sums.
    pub fn sample_variance(&self) -> Option<f64> {
        if self.n < 2 {
            return None;
        }
        let mean = self.mean()?;
        let lo = self.scale.lo as f64;
        let ss: f64 = self
            .counts
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let d = lo + i as f64 - mean;
                d * d * *c as f64
            })
            .sum();
        Some(ss / (self.n - 1) as f64)
    }

    /// Student t interval of the mean score.
    pub fn mean_ci(&self, confidence: f64) -> Result<Option<Interval>> {
        interval::check_confidence(confidence)?;
        match (self.mean(), self.sample_variance()) {
            (Some(m), Some(v)) => interval::mean_t(self.n, m, v, confidence),
            _ => Ok(None),
        }
    }

    /// CES = (mean score / options) x 100: maps a 1..k scale onto [100/k, 100].
    pub fn ces(&self) -> Option<f64> {
        Some(self.mean()? / self.scale.hi as f64 * 100.0)
    }

    /// The t interval of the mean, on the CES scale.
    pub fn ces_ci(&self, confidence: f64) -> Result<Option<Interval>> {
        let k = self.scale.hi as f64;
        Ok(self.mean_ci(confidence)?.map(|i| Interval {
            lower: i.lower / k * 100.0,
            upper: i.upper / k * 100.0,
        }))
    }

    // --- stored forms ----------------------------------------------------------------------

    /// The text form, e.g. `(version:1,counts:[0,0,0,0,0,0,20,10,20,30,20])` for NPS,
    /// `(version:1,min:1,max:5,satisfied_min:4,counts:[...])` for CSAT and
    /// `(version:1,options:7,counts:[...])` for CES. Counts run from the lowest score up.
    pub fn to_text(&self) -> String {
        let counts = self
            .counts
            .iter()
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
            .join(",");
        let s = &self.scale;
        match s.kind {
            Kind::Nps => format!("(version:{VERSION},counts:[{counts}])"),
            Kind::Csat => format!(
                "(version:{VERSION},min:{},max:{},satisfied_min:{},counts:[{counts}])",
                s.lo, s.hi, s.threshold
            ),
            Kind::Ces => format!("(version:{VERSION},options:{},counts:[{counts}])", s.hi),
        }
    }

    /// The binary send form (network byte order): version (1 byte), kind (1 byte), lo, hi,
    /// threshold (2 bytes each), then one 8-byte count per point of the scale.
    pub fn to_binary(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(8 + 8 * self.counts.len());
        out.push(VERSION);
        out.push(self.scale.kind as u8);
        for v in [self.scale.lo, self.scale.hi, self.scale.threshold] {
            out.extend_from_slice(&v.to_be_bytes());
        }
        for c in self.counts {
            out.extend_from_slice(&c.to_be_bytes());
        }
        out
    }
}

fn text_error(kind: Kind, input: &str, why: impl std::fmt::Display) -> MetricError {
    MetricError::InvalidText(format!(
        "invalid input syntax for type {}: \"{input}\": {why}",
        kind.type_name()
    ))
}

fn to_i32(kind: Kind, input: &str, key: &str, v: i64) -> Result<i32> {
    i32::try_from(v).map_err(|_| text_error(kind, input, format!("{key} {v} is out of range")))
}

/// Parse the text form written by [`SummaryRef::to_text`].
pub fn from_text(kind: Kind, input: &str) -> Result<OwnedSummary> {
    let mut f = Fields::parse(kind.type_name(), input)?;
    let version = f.int("version", input)?;
    if version != VERSION as i64 {
        return Err(text_error(
            kind,
            input,
            format!("unsupported version {version} (this build reads version {VERSION})"),
        ));
    }
    let scale = match kind {
        Kind::Nps => Ok(Scale::NPS),
        Kind::Csat => {
            let lo = to_i32(kind, input, "min", f.int("min", input)?)?;
            let hi = to_i32(kind, input, "max", f.int("max", input)?)?;
            let t = to_i32(kind, input, "satisfied_min", f.int("satisfied_min", input)?)?;
            Scale::csat(lo, hi, t)
        }
        Kind::Ces => Scale::ces(to_i32(kind, input, "options", f.int("options", input)?)?),
    }
    .map_err(|e| text_error(kind, input, e))?;
    let counts = f.list("counts", input)?;
    f.finish(input)?;
    if let Some(c) = counts.iter().find(|c| **c < 0) {
        return Err(text_error(kind, input, format!("count {c} is negative")));
    }
    let counts: Vec<u64> = counts.iter().map(|c| *c as u64).collect();
    OwnedSummary::from_counts(scale, &counts).map_err(|e| match e {
        MetricError::OutOfRange(_) => e,
        other => text_error(kind, input, other),
    })
}

/// Decode the binary form written by [`SummaryRef::to_binary`].
pub fn from_binary(kind: Kind, bytes: &[u8]) -> Result<OwnedSummary> {
    let bad = |why: String| {
        MetricError::InvalidBinary(format!("invalid binary {}: {why}", kind.type_name()))
    };
    if bytes.len() < 8 {
        return Err(bad(format!("{} bytes is too short", bytes.len())));
    }
    if bytes[0] != VERSION {
        return Err(bad(format!(
            "unsupported version {} (this build reads version {VERSION})",
            bytes[0]
        )));
    }
    if bytes[1] != kind as u8 {
        return Err(bad(format!("kind {} is not {}", bytes[1], kind as u8)));
    }
    let i16_at = |at: usize| i16::from_be_bytes([bytes[at], bytes[at + 1]]);
    let scale = Scale {
        kind,
        lo: i16_at(2),
        hi: i16_at(4),
        threshold: i16_at(6),
    };
    scale.validate().map_err(|e| bad(e.to_string()))?;
    let body = &bytes[8..];
    if body.len() != 8 * scale.points() {
        return Err(bad(format!(
            "expected {} counts, got {} bytes",
            scale.points(),
            body.len()
        )));
    }
    let counts: Vec<u64> = body
        .chunks_exact(8)
        .map(|c| u64::from_be_bytes(c.try_into().unwrap()))
        .collect();
    OwnedSummary::from_counts(scale, &counts).map_err(|e| match e {
        MetricError::OutOfRange(_) => e,
        other => bad(other.to_string()),
    })
}

#[cfg(test)]
mod tests;
