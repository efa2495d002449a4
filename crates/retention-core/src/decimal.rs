//! Exact decimal amounts: order values, costs and MRR.
//!
//! Money is summed exactly, as PostgreSQL's `numeric` does: a [`Dec`] is an integer
//! mantissa with a decimal scale (`19.99` is `1999` at scale 2). Sums align scales by
//! multiplying by powers of ten and fail with SQLSTATE 22003 rather than round or wrap.
//! [`Dec::from_pg_numeric`] reads PostgreSQL's on-disk `numeric` format directly, so the
//! per-row path never goes through text.
//!
//! Like `numeric`, a value also has a display scale, the number of decimals it prints
//! with (`sum(x)` keeps the largest of its inputs). It is kept apart from the scale of the
//! mantissa, which values read from outside normalize to the fewest decimals that are
//! exact: `x / 100.0` is a `numeric` with 20 decimals, almost all trailing zeros, and an
//! order amount stored with 20 decimals would overflow long before it reaches real money.

use crate::error::{MetricError, Result};
use std::fmt;

/// The largest scale kept: PostgreSQL allows more, but an amount with more than 30 decimal
/// places is not money. (10^30 still leaves 8 digits of an `i128` for the integer part.)
pub const MAX_SCALE: u8 = 30;

/// The largest display scale kept (PostgreSQL's own limit for `numeric` is 16383).
pub const MAX_DISPLAY: u16 = 1000;

/// An exact decimal `m / 10^scale`, printed with `display` decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Dec {
    pub m: i128,
    pub scale: u8,
    pub display: u16,
}

#[cold]
pub(crate) fn overflow(what: &str) -> MetricError {
    MetricError::OutOfRange(format!(
        "{what} is out of range: exact sums are limited to 38 significant digits"
    ))
}

/// 10^e for e <= 38.
pub fn pow10(e: u32) -> Option<i128> {
    10i128.checked_pow(e)
}

impl Dec {
    pub const ZERO: Dec = Dec {
        m: 0,
        scale: 0,
        display: 0,
    };

    /// `m / 10^scale`, displayed with `scale` decimals.
    pub fn new(m: i128, scale: u8) -> Dec {
        Dec {
            m,
            scale,
            display: scale as u16,
        }
    }

    /// The same value and display scale, with the mantissa at the fewest decimals.
    #[inline]
    pub fn normalized(self) -> Dec {
        let (mut scale, display) = (self.scale, self.display);
        // 64-bit division when the mantissa fits, as every order amount does: 128-bit
        // division is a library call.
        if let Ok(mut m) = i64::try_from(self.m) {
            while scale > 0 && m % 10 == 0 {
                m /= 10;
                scale -= 1;
            }
            return Dec {
                m: m as i128,
                scale,
                display,
            };
        }
        let mut m = self.m;
        while scale > 0 && m % 10 == 0 {
            m /= 10;
            scale -= 1;
        }
        Dec { m, scale, display }
    }

    /// The same value displayed with `display` decimals.
    pub fn with_display(self, display: u16) -> Dec {
        Dec { display, ..self }
    }

    /// The mantissa at a larger (or equal) scale.
    pub fn mantissa_at(self, scale: u8) -> Option<i128> {
        debug_assert!(scale >= self.scale);
        self.m.checked_mul(pow10((scale - self.scale) as u32)?)
    }

    /// `self + other`, exactly, at the larger of the two scales.
    pub fn checked_add(self, other: Dec) -> Option<Dec> {
        let scale = self.scale.max(other.scale);
        let m = self
            .mantissa_at(scale)?
            .checked_add(other.mantissa_at(scale)?)?;
        Some(Dec {
            m,
            scale,
            display: self.display.max(other.display),
        })
    }

    pub fn checked_sub(self, other: Dec) -> Option<Dec> {
        self.checked_add(Dec {
            m: other.m.checked_neg()?,
            ..other
        })
    }

    /// `self + other` or SQLSTATE 22003 naming `what`.
    pub fn add(self, other: Dec, what: &str) -> Result<Dec> {
        self.checked_add(other).ok_or_else(|| overflow(what))
    }

    pub fn is_negative(self) -> bool {
        self.m < 0
    }

    pub fn to_f64(self) -> f64 {
        // Exact for |m| < 2^53; otherwise the closest double of the quotient up to rounding
        // of both parts, which is what a rate needs.
        self.m as f64 / 10f64.powi(self.scale as i32)
    }

    /// Parse `-123.4500` (digits, an optional sign and fraction; no exponent).
    pub fn parse(s: &str) -> std::result::Result<Dec, String> {
        let t = s.trim();
        let (neg, body) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t.strip_prefix('+').unwrap_or(t)),
        };
        let (int, frac) = match body.split_once('.') {
            Some((_, "")) => return Err(format!("\"{s}\" is not a decimal number")),
            Some(parts) => parts,
            None => (body, ""),
        };
        if int.is_empty()
            || !int.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(format!("\"{s}\" is not a decimal number"));
        }
        let significant = frac.trim_end_matches('0').len();
        if significant > MAX_SCALE as usize || frac.len() > MAX_DISPLAY as usize {
            return Err(format!(
                "\"{s}\" has more than {MAX_SCALE} significant decimal places"
            ));
        }
        let frac = &frac[..significant];
        let mut m: i128 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            m = m
                .checked_mul(10)
                .and_then(|m| m.checked_add((b - b'0') as i128))
                .ok_or_else(|| format!("\"{s}\" has more than 38 significant digits"))?;
        }
        let display = body.split_once('.').map_or(0, |(_, f)| f.len()) as u16;
        Ok(Dec {
            m: if neg { -m } else { m },
            scale: frac.len() as u8,
            display,
        }
        .normalized())
    }

    /// Decode PostgreSQL's `numeric` from the bytes after its varlena header.
    ///
    /// The format (src/backend/utils/adt/numeric.c): a 16-bit header word, either the short
    /// form (sign, display scale and weight packed in it) or the long form (sign and display
    /// scale, then a 16-bit weight), followed by base-10000 digits, most significant first;
    /// the value is sum(digit[i] * 10000^(weight - i)). NaN and the infinities are errors.
    pub fn from_pg_numeric(bytes: &[u8], what: &str) -> Result<Dec> {
        const SIGN_MASK: u16 = 0xC000;
        const NEG: u16 = 0x4000;
        const SHORT: u16 = 0x8000;
        const SPECIAL: u16 = 0xC000;
        let word = |at: usize| -> Result<u16> {
            bytes
                .get(at..at + 2)
                .map(|b| u16::from_ne_bytes([b[0], b[1]]))
                .ok_or_else(|| {
                    MetricError::InvalidParameter(format!("{what} is not a valid numeric value"))
                })
        };
        let header = word(0)?;
        let (negative, dscale, weight, digits_at) = match header & SIGN_MASK {
            SHORT => {
                let weight_bits = (header & 0x003F) as i32;
                let weight = if header & 0x0040 != 0 {
                    weight_bits - 64
                } else {
                    weight_bits
                };
                (
                    header & 0x2000 != 0,
                    ((header & 0x1F80) >> 7) as u32,
                    weight,
                    2,
                )
            }
            SPECIAL => {
                let what_special = match header {
                    0xC000 => "NaN",
                    0xD000 => "Infinity",
                    0xF000 => "-Infinity",
                    _ => "not a finite number",
                };
                return Err(MetricError::InvalidParameter(format!(
                    "{what} must be a finite number, got {what_special}"
                )));
            }
            sign => (
                sign == NEG,
                (header & 0x3FFF) as u32,
                word(2)? as i16 as i32,
                4,
            ),
        };
        let digits = bytes[digits_at.min(bytes.len())..].chunks_exact(2);
        let digit = |p: &[u8]| u16::from_ne_bytes([p[0], p[1]]) as i128;
        if digits.clone().any(|p| digit(p) >= 10_000) {
            return Err(MetricError::InvalidParameter(format!(
                "{what} is not a valid numeric value"
            )));
        }
        // Digit i is worth d * 10000^(weight - i). The mantissa needs decimals only down to
        // the last non-zero digit; trailing zeros are dropped below.
        let Some(last) = digits.clone().rposition(|p| digit(p) != 0) else {
            return Ok(Dec {
                m: 0,
                scale: 0,
                display: dscale.min(MAX_DISPLAY as u32) as u16,
            });
        };
        let scale = (4 * (last as i32 - weight)).max(0);
        if scale > 4 * MAX_SCALE as i32 {
            return Err(too_many_decimals(what));
        }
        let mut m: i128 = 0;
        for (i, p) in digits.take(last + 1).enumerate() {
            // In units of 10^-scale, this digit is worth d * 10^(4 * (weight - i) + scale).
            let e = 4 * (weight - i as i32) + scale;
            m = pow10(e as u32)
                .and_then(|p10| digit(p).checked_mul(p10))
                .and_then(|v| m.checked_add(v))
                .ok_or_else(|| overflow(what))?;
        }
        let d = Dec {
            m: if negative { -m } else { m },
            scale: 0,
            display: 0,
        };
        let mut d = Dec {
            scale: scale as u8,
            ..d
        }
        .normalized();
        if d.scale > MAX_SCALE {
            return Err(too_many_decimals(what));
        }
        d.display = dscale.clamp(d.scale as u32, MAX_DISPLAY as u32) as u16;
        Ok(d)
    }
}

#[cold]
fn too_many_decimals(what: &str) -> MetricError {
    MetricError::OutOfRange(format!(
        "{what} has more than {MAX_SCALE} significant decimal places"
    ))
}

impl fmt::Display for Dec {
    /// The value with `display` decimals (or more, when the mantissa has more).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.m.unsigned_abs().to_string();
        let scale = self.scale as usize;
        let sign = if self.m < 0 { "-" } else { "" };
        let pad = (self.display as usize).saturating_sub(scale);
        if scale == 0 {
            return if pad == 0 {
                write!(f, "{sign}{digits}")
            } else {
                write!(f, "{sign}{digits}.{}", "0".repeat(pad))
            };
        }
        let padded = if digits.len() <= scale {
            format!("{}{digits}", "0".repeat(scale + 1 - digits.len()))
        } else {
            digits
        };
        let (int, frac) = padded.split_at(padded.len() - scale);
        write!(f, "{sign}{int}.{frac}{}", "0".repeat(pad))
    }
}

/// The decimal a float amount is taken as (the `float_amount` casts from `double precision`
/// and `real`): the shortest decimal that reads back as the same float, which is what
/// PostgreSQL prints for the float, so the amount equals `amount::text::numeric` (19.99 stays
/// 19.99, where the float's exact binary value is 19.989999999999998436805981327779591...);
/// a `real` (`single`) by its own shortest form, not its widened double. NaN and the
/// infinities are no amount: error 22023.
pub fn float_amount_text(v: f64, single: bool) -> Result<String> {
    let ty = if single { "real" } else { "double precision" };
    if v.is_nan() || v.is_infinite() {
        let shown = if v.is_nan() {
            "NaN"
        } else if v > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        };
        return Err(MetricError::InvalidParameter(format!(
            "a {ty} amount must be a finite number, got {shown}: an amount is money, and NaN or an infinity has no exact decimal value"
        )));
    }
    Ok(if single {
        (v as f32).to_string()
    } else {
        v.to_string()
    })
}

/// A running exact sum that keeps the finest scale and the largest display scale added
/// (as `sum(numeric)` does). Kept as three words so it can live inside a summary's word
/// array.
pub fn add_to_words(words: &mut [u64], amount: Dec, what: &str) -> Result<()> {
    let sum = read_words(words).add(amount, what)?;
    write_words(words, sum);
    Ok(())
}

/// A [`Dec`] stored in three `u64` words: low and high halves of the mantissa, and the
/// scale in the low byte of the third with the display scale above it.
pub fn read_words(w: &[u64]) -> Dec {
    Dec {
        m: ((w[1] as u128) << 64 | w[0] as u128) as i128,
        scale: w[2] as u8,
        display: (w[2] >> 8) as u16,
    }
}

pub fn write_words(w: &mut [u64], d: Dec) {
    let u = d.m as u128;
    w[0] = u as u64;
    w[1] = (u >> 64) as u64;
    w[2] = scale_word(d.scale, d.display);
}

/// The word holding a scale and a display scale (summaries that share one scale among
/// many amounts).
pub fn scale_word(scale: u8, display: u16) -> u64 {
    scale as u64 | (display as u64) << 8
}

/// The (scale, display scale) of such a word.
pub fn read_scale_word(w: u64) -> (u8, u16) {
    (w as u8, (w >> 8) as u16)
}

/// A stored decimal's words are valid: scale and display scale in range.
pub fn words_valid(w: &[u64]) -> bool {
    scale_word_valid(w[2])
}

pub fn scale_word_valid(w: u64) -> bool {
    (w & 0xFF) <= MAX_SCALE as u64 && (w >> 8) <= MAX_DISPLAY as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Float amounts (issue 16). Expected texts are what PostgreSQL 18 prints for the same
    /// floats (`SELECT 19.99::float8, 19.99::real, 0.1::float8 + 0.2::float8, 1e21::float8`
    /// give 19.99, 19.99, 0.30000000000000004, 1e+21), written out without an exponent.
    #[test]
    fn float_amounts_are_their_shortest_decimal() {
        assert_eq!(float_amount_text(19.99, false).unwrap(), "19.99");
        assert_eq!(float_amount_text(19.99f32 as f64, true).unwrap(), "19.99");
        assert_eq!(
            float_amount_text(0.1 + 0.2, false).unwrap(),
            "0.30000000000000004"
        );
        assert_eq!(
            float_amount_text(1e21, false).unwrap(),
            "1000000000000000000000"
        );
        assert_eq!(float_amount_text(-0.0, false).unwrap(), "-0");
        // Every finite float reads back as itself.
        for v in [1.0 / 3.0, 123456.789, 5e-324, f64::MAX] {
            let t = float_amount_text(v, false).unwrap();
            assert_eq!(t.parse::<f64>().unwrap(), v);
        }
        for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let e = float_amount_text(v, false).unwrap_err();
            assert!(matches!(e, MetricError::InvalidParameter(_)), "{e:?}");
        }
        assert_eq!(
            float_amount_text(f64::NAN, true).unwrap_err().message(),
            "a real amount must be a finite number, got NaN: an amount is money, and NaN or an infinity has no exact decimal value"
        );
    }

    /// The bytes PostgreSQL stores for a numeric, built from its definition: `short` form
    /// when it fits (as PostgreSQL chooses), digits in native byte order.
    fn pg_bytes(negative: bool, dscale: u16, weight: i16, digits: &[u16], short: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if short {
            let mut h: u16 = 0x8000 | (dscale << 7) | ((weight as u16) & 0x3F);
            if weight < 0 {
                h |= 0x0040;
            }
            if negative {
                h |= 0x2000;
            }
            out.extend_from_slice(&h.to_ne_bytes());
        } else {
            let h: u16 = if negative { 0x4000 } else { 0 } | dscale;
            out.extend_from_slice(&h.to_ne_bytes());
            out.extend_from_slice(&weight.to_ne_bytes());
        }
        for d in digits {
            out.extend_from_slice(&d.to_ne_bytes());
        }
        out
    }

    #[test]
    fn decodes_postgres_numerics() {
        // 19.99: digits [19, 9900], weight 0, dscale 2 (numeric.c's make_result).
        let d = Dec::from_pg_numeric(&pg_bytes(false, 2, 0, &[19, 9900], true), "amount").unwrap();
        assert_eq!(d, Dec::new(1999, 2));
        // -123456789.5: digits [1, 2345, 6789, 5000], weight 2, dscale 1.
        let d = Dec::from_pg_numeric(&pg_bytes(true, 1, 2, &[1, 2345, 6789, 5000], false), "x")
            .unwrap();
        assert_eq!(d, Dec::new(-1_234_567_895, 1));
        // 0.0005: digits [5], weight -1, dscale 4.
        let d = Dec::from_pg_numeric(&pg_bytes(false, 4, -1, &[5], true), "x").unwrap();
        assert_eq!(d, Dec::new(5, 4));
        // 0.00: no digits at all.
        let d = Dec::from_pg_numeric(&pg_bytes(false, 2, 0, &[], true), "x").unwrap();
        assert_eq!(d, Dec::new(0, 0).with_display(2));
        assert_eq!(d.to_string(), "0.00");
        // x / 100.0 = 0.54 with display scale 20: digits [5400], weight -1. The mantissa keeps
        // two decimals, the display all twenty.
        let d = Dec::from_pg_numeric(&pg_bytes(false, 20, -1, &[5400], false), "x").unwrap();
        assert_eq!((d.m, d.scale, d.display), (54, 2, 20));
        assert_eq!(d.to_string(), "0.54000000000000000000");
        // 120000 = [12], weight 1, dscale 0.
        let d = Dec::from_pg_numeric(&pg_bytes(false, 0, 1, &[12], true), "x").unwrap();
        assert_eq!(d, Dec::new(120_000, 0));
    }

    #[test]
    fn rejects_special_and_huge_numerics() {
        let nan = 0xC000u16.to_ne_bytes();
        let e = Dec::from_pg_numeric(&nan, "amount").unwrap_err();
        assert!(e.message().contains("finite"), "{e}");
        let inf = 0xD000u16.to_ne_bytes();
        assert!(Dec::from_pg_numeric(&inf, "amount")
            .unwrap_err()
            .message()
            .contains("Infinity"));
        // 10^40 does not fit 38 digits.
        let e = Dec::from_pg_numeric(&pg_bytes(false, 0, 10, &[1], false), "amount").unwrap_err();
        assert!(matches!(e, MetricError::OutOfRange(_)), "{e}");
        // 32 significant decimal places (1e-32: digit 1 at weight -8).
        let e = Dec::from_pg_numeric(&pg_bytes(false, 32, -8, &[1], false), "amount").unwrap_err();
        assert!(matches!(e, MetricError::OutOfRange(_)), "{e}");
        // truncated
        assert!(Dec::from_pg_numeric(&[0x80], "amount").is_err());
    }

    #[test]
    fn sums_align_scales_exactly() {
        let a = Dec::new(1999, 2).add(Dec::new(5, 0), "s").unwrap();
        assert_eq!(a, Dec::new(2499, 2));
        let b = a.add(Dec::new(1, 3), "s").unwrap();
        assert_eq!(b.to_string(), "24.991");
        assert!(Dec::new(i128::MAX, 0)
            .add(Dec::new(1, 0), "revenue")
            .is_err());
        assert!(Dec::new(i128::MAX / 10 + 1, 0)
            .add(Dec::new(1, 1), "revenue")
            .is_err());
    }

    #[test]
    fn text_round_trips() {
        // The mantissa keeps the fewest decimals; the display scale is what was written.
        for (s, m, scale, display) in [
            ("19.99", 1999, 2, 2),
            ("-0.05", -5, 2, 2),
            ("0", 0, 0, 0),
            ("100.000", 100, 0, 3),
            ("0.10", 1, 1, 2),
        ] {
            let d = Dec::parse(s).unwrap();
            assert_eq!((d.m, d.scale, d.display), (m, scale, display), "{s}");
            assert_eq!(d.to_string(), s);
        }
        for bad in ["", "-", "1.", ".5", "1e5", "abc", "1.2.3", "--1"] {
            assert!(Dec::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn words_round_trip() {
        let mut w = [0u64; 3];
        for d in [
            Dec::new(-1, 2),
            Dec::new(i128::MAX, 0),
            Dec::new(i128::MIN + 1, 30),
        ] {
            write_words(&mut w, d);
            assert_eq!(read_words(&w), d);
        }
        write_words(&mut w, Dec::ZERO);
        add_to_words(&mut w, Dec::new(1999, 2), "r").unwrap();
        add_to_words(&mut w, Dec::new(1, 0), "r").unwrap();
        assert_eq!(read_words(&w).to_string(), "20.99");
    }
}
