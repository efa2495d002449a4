//! ClickHouse's behavioural aggregates, with ClickHouse's semantics:
//!
//! - `retention(cond1, ..., condN)`: which conditions held on any row of the group, as
//!   `[c1, c1 AND c2, ..., c1 AND cN]` (0/1 flags; the first condition gates the others);
//! - `window_funnel(window, ts, cond1, ..., condN)`: the deepest step of the chain
//!   cond1 -> cond2 -> ... reached within `window` of the chain's first event.
//!
//! The funnel follows ClickHouse's `windowFunnel` (src/AggregateFunctions/
//! AggregateFunctionWindowFunnel.h): every true condition of a row is an event `(ts, i)`;
//! events are sorted by time then condition number; an event of condition 1 starts (or
//! restarts) a chain; an event of condition i extends a chain that has reached i - 1 when it
//! lies within `window` of that chain's first event (`ts <= first + window`, the window
//! includes its end). The result is the deepest level reached. Modes: `strict_deduplication`
//! (a repeated event of a level already reached stops the search, which then reports the
//! deepest level reached, as ClickHouse does since its PR #99003 of 2026; before, it
//! reported the level of the event just before the repeat), `strict_order` (no other event
//! may come between the steps of a chain), `strict_increase` (steps must have strictly
//! increasing times). ClickHouse skips a row in which any condition is NULL; here a NULL
//! condition is false, as in the contract of `retention`.

use crate::error::{invalid, MetricError, Result};
use crate::varint::{self, Reader};
use allocator_api2::alloc::Allocator;
use allocator_api2::vec::Vec as AVec;

/// Most conditions of `retention` and `window_funnel` (as in ClickHouse).
pub const MAX_CONDITIONS: usize = 32;

/// Check a number of conditions.
pub fn check_conditions(n: usize, function: &str) -> Result<()> {
    if !(2..=MAX_CONDITIONS).contains(&n) && !(function == "window_funnel" && n == 1) {
        return invalid(format!(
            "{function} takes {} to {MAX_CONDITIONS} conditions, got {n}",
            if function == "window_funnel" { 1 } else { 2 }
        ));
    }
    Ok(())
}

/// `retention`'s running state: the number of conditions in the top bits, the conditions
/// seen true in the low 32.
pub fn retention_state(n: usize) -> u64 {
    (n as u64) << 32
}

/// Add one row's conditions (`None` for NULL, which counts as false).
pub fn retention_add(state: u64, conds: impl IntoIterator<Item = Option<bool>>) -> u64 {
    let mut mask = state as u32;
    for (i, c) in conds.into_iter().enumerate() {
        if c == Some(true) {
            mask |= 1 << i;
        }
    }
    (state & !0xFFFF_FFFF) | mask as u64
}

/// Merge two states of the same number of conditions.
pub fn retention_merge(a: u64, b: u64) -> Result<u64> {
    if a >> 32 != b >> 32 {
        return Err(MetricError::InvalidParameter(format!(
            "cannot combine retention states of {} and {} conditions",
            a >> 32,
            b >> 32
        )));
    }
    Ok(a | b)
}

/// The result array: `[c1, c1 AND c2, ..., c1 AND cN]`.
pub fn retention_result(state: u64) -> Vec<i32> {
    let n = (state >> 32) as usize;
    let mask = state as u32;
    let first = mask & 1;
    (0..n)
        .map(|i| {
            if i == 0 {
                first as i32
            } else {
                (first & (mask >> i) & 1) as i32
            }
        })
        .collect()
}

/// Funnel modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Modes {
    pub strict_deduplication: bool,
    pub strict_order: bool,
    pub strict_increase: bool,
}

impl Modes {
    /// A comma-separated list of mode names (ClickHouse's spelling), or the empty string.
    pub fn parse(text: &str) -> Result<Modes> {
        let mut m = Modes::default();
        for name in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            match name {
                "strict_deduplication" => m.strict_deduplication = true,
                "strict_order" => m.strict_order = true,
                "strict_increase" => m.strict_increase = true,
                other => {
                    return invalid(format!(
                        "window_funnel mode \"{other}\" is not supported: use strict_deduplication, strict_order or strict_increase"
                    ))
                }
            }
        }
        Ok(m)
    }

    pub fn to_u8(self) -> u8 {
        self.strict_deduplication as u8
            | (self.strict_order as u8) << 1
            | (self.strict_increase as u8) << 2
    }

    pub fn from_u8(v: u8) -> Modes {
        Modes {
            strict_deduplication: v & 1 != 0,
            strict_order: v & 2 != 0,
            strict_increase: v & 4 != 0,
        }
    }
}

/// The events of one group: (time, condition number from 1; 0 for a row with no true
/// condition in strict_order mode).
pub struct Funnel<A: Allocator> {
    pub events: AVec<(i64, u8), A>,
}

impl<A: Allocator> Funnel<A> {
    pub fn new_in(alloc: A) -> Self {
        Funnel {
            events: AVec::new_in(alloc),
        }
    }

    /// Add one row's conditions.
    pub fn add(&mut self, ts: i64, conds: impl IntoIterator<Item = Option<bool>>, modes: Modes) {
        let before = self.events.len();
        for (i, c) in conds.into_iter().enumerate() {
            if c == Some(true) {
                self.events.push((ts, i as u8 + 1));
            }
        }
        if modes.strict_order && self.events.len() == before {
            self.events.push((ts, 0));
        }
    }

    /// The deepest level reached by a chain of `n` conditions.
    pub fn level(&mut self, window: i64, n: usize, modes: Modes) -> usize {
        let events = &mut self.events;
        if events.is_empty() {
            return 0;
        }
        if !modes.strict_order && n == 1 {
            return 1;
        }
        events.sort_unstable();
        // For each level reached: (time of the chain's first event, time of this step).
        let mut reached: Vec<Option<(i64, i64)>> = vec![None; n];
        let mut first_event = false;
        for &(ts, event) in events.iter() {
            if modes.strict_order && event == 0 {
                if first_event {
                    break;
                }
                continue;
            }
            let idx = event as usize - 1;
            if idx == 0 {
                reached[0] = Some((ts, ts));
                first_event = true;
            } else if modes.strict_deduplication && reached[idx].is_some() {
                return reached
                    .iter()
                    .rposition(|r| r.is_some())
                    .map_or(0, |i| i + 1);
            } else if modes.strict_order && first_event && reached[idx - 1].is_none() {
                return reached.iter().position(|r| r.is_none()).unwrap_or(n);
            } else if let Some((first, prev)) = reached[idx - 1] {
                let in_window =
                    ts <= first.saturating_add(window) && (!modes.strict_increase || prev < ts);
                if in_window {
                    reached[idx] = Some((first, ts));
                    if idx + 1 == n {
                        return n;
                    }
                }
            }
        }
        reached
            .iter()
            .rposition(|r| r.is_some())
            .map_or(0, |i| i + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use allocator_api2::alloc::Global;

    #[test]
    fn retention_matches_the_clickhouse_documentation() {
        // ClickHouse docs, retention(): uid 0-4 visited on 2020-01-01, -02 and -03, uids
        // 5-9 on -02 and -03, 10-14 on -03 only. retention(date = -01, date = -02, date =
        // -03) per uid is [1,1,1] for 0-4 and [0,0,0] for the others; sums 5, 5, 5.
        let mut sums = [0; 3];
        for uid in 0..15 {
            let mut s = retention_state(3);
            for day in 1..=3 {
                let visited = match uid {
                    0..=4 => true,
                    5..=9 => day >= 2,
                    _ => day == 3,
                };
                if visited {
                    s = retention_add(s, [Some(day == 1), Some(day == 2), Some(day == 3)]);
                }
            }
            let r = retention_result(s);
            assert_eq!(
                r,
                if uid < 5 {
                    vec![1, 1, 1]
                } else {
                    vec![0, 0, 0]
                },
                "uid {uid}"
            );
            for i in 0..3 {
                sums[i] += r[i];
            }
        }
        assert_eq!(sums, [5, 5, 5]);
        // NULL is false; without the first condition nothing counts.
        let s = retention_add(retention_state(2), [None, Some(true)]);
        assert_eq!(retention_result(s), vec![0, 0]);
        assert!(retention_merge(retention_state(2), retention_state(3)).is_err());
        assert!(check_conditions(1, "retention").is_err());
        assert!(check_conditions(33, "retention").is_err());
    }

    #[test]
    fn window_funnel_matches_the_clickhouse_documentation() {
        // ClickHouse docs, windowFunnel: user 1's events 1003 at 2019-01-29 10:00, 1009 at
        // 2019-01-30 08:00, 1007 at 2019-01-31 09:00, 1010 at 2019-02-01 08:00; the chain
        // 1003 -> 1009 -> 1007 -> 1010 within a large window reaches level 4.
        let h = 3_600_000_000i64;
        let events = [
            (29 * 24 + 10, 1003),
            (31 * 24 + 9, 1007),
            (30 * 24 + 8, 1009),
            (32 * 24 + 8, 1010),
        ];
        let chain = [1003, 1009, 1007, 1010];
        let mut f = Funnel::new_in(Global);
        for (t, id) in events {
            f.add(
                t * h,
                chain.iter().map(|c| Some(*c == id)),
                Modes::default(),
            );
        }
        assert_eq!(f.level(7 * 24 * h, 4, Modes::default()), 4);
        // 1009 comes 22 hours after 1003, 1007 47 hours after, 1010 70 hours after: a
        // 46-hour window reaches level 2, and a 47-hour one level 3, because the window
        // includes its end.
        assert_eq!(f.level(46 * h, 4, Modes::default()), 2);
        assert_eq!(f.level(47 * h, 4, Modes::default()), 3);
    }

    #[test]
    fn window_funnel_modes() {
        let m = |s: &str| Modes::parse(s).unwrap();
        // A, B, B, C: deduplication stops at the repeated B (level 2); by default the chain
        // goes on to C (3). A repeated first step only restarts the chain, in both modes.
        let mut f = Funnel::new_in(Global);
        for (t, c) in [(1, 0), (2, 1), (3, 1), (4, 2)] {
            f.add(t, (0..3).map(|i| Some(i == c)), Modes::default());
        }
        assert_eq!(f.level(100, 3, Modes::default()), 3);
        assert_eq!(f.level(100, 3, m("strict_deduplication")), 2);
        // c1, c2, c1, c2 and c1, c2, c4, c2 (four conditions): the repeated c2 stops the
        // search at the deepest level reached, 2 (ClickHouse 26.9, checked with chdb; older
        // ClickHouse answered 1 and 4).
        for events in [[0, 1, 0, 1], [0, 1, 3, 1]] {
            let mut f = Funnel::new_in(Global);
            for (t, c) in events.iter().enumerate() {
                f.add(t as i64, (0..4).map(|i| Some(i == *c)), Modes::default());
            }
            assert_eq!(f.level(3600, 4, m("strict_deduplication")), 2, "{events:?}");
        }
        // A, x, B with strict_order: the unrelated event x breaks the chain.
        let mut f = Funnel::new_in(Global);
        for (t, c) in [(1, Some(0)), (2, None), (3, Some(1))] {
            f.add(t, (0..2).map(|i| Some(Some(i) == c)), m("strict_order"));
        }
        assert_eq!(f.level(100, 2, m("strict_order")), 1);
        // A and B at the same time: strict_increase needs later steps.
        let mut f = Funnel::new_in(Global);
        f.add(5, [Some(true), Some(false)], Modes::default());
        f.add(5, [Some(false), Some(true)], Modes::default());
        assert_eq!(f.level(100, 2, Modes::default()), 2);
        assert_eq!(f.level(100, 2, m("strict_increase")), 1);
        assert!(Modes::parse("strict_deduplication, strict_order").is_ok());
        assert!(Modes::parse("loose").is_err());
        // No events, or events but no first step.
        assert_eq!(Funnel::new_in(Global).level(10, 2, Modes::default()), 0);
        let mut f = Funnel::new_in(Global);
        f.add(1, [Some(false), Some(true)], Modes::default());
        assert_eq!(f.level(10, 2, Modes::default()), 0);
    }
}

/// The state of `window_funnel`: its parameters (the same on every row of a group) and the
/// group's events.
///
/// Partial form: the modes' byte, the number of conditions (one byte), the window and the
/// event count as varints, then per event its time as a zigzag varint and its condition byte.
pub struct FunnelState<A: Allocator> {
    pub window: i64,
    pub modes: Modes,
    pub n: usize,
    pub funnel: Funnel<A>,
}

impl<A: Allocator> FunnelState<A> {
    pub fn new_in(window: i64, modes: Modes, n: usize, alloc: A) -> Self {
        FunnelState {
            window,
            modes,
            n,
            funnel: Funnel::new_in(alloc),
        }
    }

    /// Check that a row (or another state) has this state's parameters.
    pub fn check_same(&self, window: i64, modes: Modes, n: usize) -> Result<()> {
        if self.window != window || self.modes != modes || self.n != n {
            return invalid(
                "window_funnel: the window, the mode or the number of conditions changed within a group",
            );
        }
        Ok(())
    }

    /// The deepest level reached.
    pub fn level(&mut self) -> usize {
        self.funnel.level(self.window, self.n, self.modes)
    }

    /// Add the events of another state of the same parameters.
    pub fn merge(&mut self, other: &FunnelState<A>) -> Result<()> {
        self.check_same(other.window, other.modes, other.n)?;
        self.funnel.events.extend_from_slice(&other.funnel.events);
        Ok(())
    }

    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&[self.modes.to_u8(), self.n as u8]);
        varint::put(out, self.window as u128);
        varint::put(out, self.funnel.events.len() as u128);
        for (ts, e) in self.funnel.events.iter() {
            varint::put(out, varint::zigzag(*ts as i128));
            out.push(*e);
        }
    }

    pub fn read(bytes: &[u8], alloc: A) -> Result<Self> {
        let bad = || MetricError::InvalidBinary("invalid partial aggregate state".into());
        let mut r = Reader::new(bytes);
        let modes = Modes::from_u8(r.byte().ok_or_else(bad)?);
        let n = r.byte().ok_or_else(bad)? as usize;
        let window = r.u64().filter(|w| *w <= i64::MAX as u64).ok_or_else(bad)? as i64;
        let count = r.u64().ok_or_else(bad)?;
        if n == 0 || n > MAX_CONDITIONS {
            return Err(bad());
        }
        let mut s = FunnelState::new_in(window, modes, n, alloc);
        for _ in 0..count {
            let ts = r.i64().ok_or_else(bad)?;
            let e = r.byte().filter(|e| (*e as usize) <= n).ok_or_else(bad)?;
            s.funnel.events.push((ts, e));
        }
        if !r.at_end() {
            return Err(bad());
        }
        Ok(s)
    }
}

#[cfg(test)]
mod state_tests {
    use super::*;
    use allocator_api2::alloc::Global;

    #[test]
    fn funnel_states_round_trip_and_merge() {
        let modes = Modes::parse("strict_order").unwrap();
        let mut a = FunnelState::new_in(100, modes, 2, Global);
        a.funnel.add(10, [Some(true), None], modes);
        a.funnel.add(50, [None, Some(true)], modes);
        let mut out = Vec::new();
        a.write(&mut out);
        let mut back = FunnelState::read(&out, Global).unwrap();
        assert_eq!(back.funnel.events.as_slice(), a.funnel.events.as_slice());
        assert_eq!(back.level(), 2);
        let other = FunnelState::new_in(100, Modes::default(), 2, Global);
        assert!(a.merge(&other).is_err(), "other modes");
        for bytes in [&out[..out.len() - 1], &[0, 0, 0, 0][..], &[0, 33, 0, 0][..]] {
            assert!(FunnelState::read(bytes, Global).is_err(), "{bytes:?}");
        }
    }
}
