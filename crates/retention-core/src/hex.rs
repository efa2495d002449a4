//! The text form of the aggregate state types (`rfm_fit_state`, `sbg_fit_state`,
//! `kaplan_meier_state`, `window_funnel_state`): their binary form in lower-case
//! hexadecimal after `\x`, as PostgreSQL prints a `bytea`. What Citus moves between nodes.

use crate::{MetricError, Result};

/// `\x` and the bytes in lower-case hexadecimal.
pub fn encode(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(2 + 2 * bytes.len());
    s.push_str("\\x");
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

/// The bytes of a text form written by [`encode`] (either case; white space around it
/// ignored); 22P02 naming `type_name` for anything else.
pub fn decode(text: &str, type_name: &str) -> Result<Vec<u8>> {
    let bad = || {
        let shown: String = text.chars().take(40).collect();
        MetricError::InvalidText(format!("invalid input syntax for type {type_name}: \"{shown}\""))
    };
    let digits = text.trim().strip_prefix("\\x").ok_or_else(bad)?.as_bytes();
    if digits.len() % 2 != 0 {
        return Err(bad());
    }
    let nibble = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    digits
        .chunks(2)
        .map(|p| Ok(nibble(p[0]).ok_or_else(bad)? << 4 | nibble(p[1]).ok_or_else(bad)?))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let bytes = [0u8, 1, 0xab, 0xff, 0x10];
        assert_eq!(encode(&bytes), "\\x0001abff10");
        assert_eq!(decode("\\x0001abff10", "t").unwrap(), bytes);
        assert_eq!(decode(" \\x0001ABFF10\n", "t").unwrap(), bytes);
        assert_eq!(decode("\\x", "t").unwrap(), Vec::<u8>::new());
    }

    #[test]
    fn refuses_other_text() {
        for bad in ["0001", "\\x001", "\\x0g", "x00", "\\x+1", "\\x 0"] {
            let e = decode(bad, "kaplan_meier_state").unwrap_err();
            assert!(matches!(e, MetricError::InvalidText(_)), "{bad}");
            assert!(e.message().contains("kaplan_meier_state"), "{bad}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_round_trip(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64)) {
            proptest::prop_assert_eq!(decode(&encode(&bytes), "t").unwrap(), bytes);
        }
    }
}
