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
//! increasing times), `strict_once` (a row is one step of a chain at most: the search keeps
//! the chains with their rows) and `allow_reentry` (with strict_order, an event of a step
//! whose previous step was not reached is skipped instead of ending the search). ClickHouse
//! skips a row in which any condition is NULL; here a NULL condition is false, as in the
//! contract of `retention`.

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
    /// A row counts for at most one step of a chain (a row matching two conditions cannot
    /// be two steps).
    pub strict_once: bool,
    /// With `strict_order`: an event of a step whose previous step was not reached is
    /// skipped instead of ending the search, so a chain can start again.
    pub allow_reentry: bool,
}

/// The modes' names, as ClickHouse spells them, in the order of their bits.
const MODE_NAMES: [&str; 5] = [
    "strict_deduplication",
    "strict_order",
    "strict_increase",
    "strict_once",
    "allow_reentry",
];

impl Modes {
    /// A comma-separated list of mode names (ClickHouse's spelling), or the empty string.
    pub fn parse(text: &str) -> Result<Modes> {
        let mut bits = 0u8;
        for name in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            match MODE_NAMES.iter().position(|m| *m == name) {
                Some(i) => bits |= 1 << i,
                None => {
                    return invalid(format!(
                        "window_funnel mode \"{name}\" is not supported: use {}",
                        MODE_NAMES.join(", ")
                    ))
                }
            }
        }
        let m = Modes::from_u8(bits);
        if m.allow_reentry && !m.strict_order {
            return invalid("window_funnel mode allow_reentry needs strict_order");
        }
        Ok(m)
    }

    pub fn to_u8(self) -> u8 {
        self.strict_deduplication as u8
            | (self.strict_order as u8) << 1
            | (self.strict_increase as u8) << 2
            | (self.strict_once as u8) << 3
            | (self.allow_reentry as u8) << 4
    }

    pub fn from_u8(v: u8) -> Modes {
        Modes {
            strict_deduplication: v & 1 != 0,
            strict_order: v & 2 != 0,
            strict_increase: v & 4 != 0,
            strict_once: v & 8 != 0,
            allow_reentry: v & 16 != 0,
        }
    }

    /// The modes of a stored byte, if it is one `parse` can give.
    fn from_stored(v: u8) -> Option<Modes> {
        let m = Modes::from_u8(v);
        (v >> MODE_NAMES.len() == 0 && (!m.allow_reentry || m.strict_order)).then_some(m)
    }
}

/// The events of one group: (time, condition number from 1; 0 for a row with no true
/// condition in strict_order mode). In strict_once mode the group keeps its rows instead:
/// (time, the mask of its true conditions), since the search must know which events came
/// from the same row.
pub struct Funnel<A: Allocator> {
    pub events: AVec<(i64, u8), A>,
    pub rows: AVec<(i64, u32), A>,
}

/// The events of sorted rows (time, mask) of strict_once mode: (time, condition, row number),
/// sorted; a row matching nothing is condition 0.
fn row_events(rows: &[(i64, u32)], n: usize) -> Vec<(i64, u8, u32)> {
    let mut events = Vec::with_capacity(rows.len());
    for (row, &(ts, mask)) in rows.iter().enumerate() {
        let row = row as u32;
        if mask == 0 {
            events.push((ts, 0, row));
        }
        for i in (0..n).filter(|i| mask >> i & 1 == 1) {
            events.push((ts, i as u8 + 1, row));
        }
    }
    events.sort_unstable();
    events
}

/// The chains of the search, as a mode keeps them; levels from 0.
trait Chains {
    /// Whether a chain has reached level `idx`.
    fn reached(&self, idx: usize) -> bool;
    /// An event of step 1, at `ts` in row `row`: a new chain.
    fn start(&mut self, ts: i64, row: u32);
    /// Whether an event of step `idx` (reached already) repeats it (strict_deduplication).
    fn repeats(&self, idx: usize, row: u32) -> bool;
    /// Extend the chains of level `idx - 1` that can take an event of step `idx`.
    fn extend(&mut self, idx: usize, ts: i64, row: u32, window: i64, strict_increase: bool);
    /// Before the first event of a later time: drop chains that no later event can tell
    /// apart.
    fn settle(&mut self) {}
}

/// ClickHouse's search over events sorted by (time, condition[, row]): the deepest level
/// reached by a chain of `n` steps.
fn search<C: Chains>(
    events: impl Iterator<Item = (i64, u8, u32)>,
    chains: &mut C,
    window: i64,
    n: usize,
    modes: Modes,
) -> usize {
    let deepest = |c: &C| (0..n).rev().find(|&i| c.reached(i)).map_or(0, |i| i + 1);
    let mut first_event = false;
    let mut time = i64::MIN;
    for (i, (ts, event, row)) in events.enumerate() {
        crate::interrupt::check_every(i);
        if ts > time {
            chains.settle();
            time = ts;
        }
        if modes.strict_order && event == 0 {
            if first_event {
                break;
            }
            continue;
        }
        let idx = event as usize - 1;
        if idx == 0 {
            chains.start(ts, row);
            first_event = true;
        } else if modes.strict_deduplication && chains.reached(idx) {
            if chains.repeats(idx, row) {
                return deepest(chains);
            }
        } else if modes.strict_order && first_event && !chains.reached(idx - 1) {
            if modes.allow_reentry {
                continue;
            }
            return (0..n).find(|&i| !chains.reached(i)).unwrap_or(n);
        } else if chains.reached(idx - 1) {
            chains.extend(idx, ts, row, window, modes.strict_increase);
            if idx + 1 == n && chains.reached(idx) {
                return n;
            }
        }
    }
    deepest(chains)
}

/// The search without strict_once: per level, the chain that reached it last, as (time of
/// its first step, time of this step).
impl Chains for Vec<Option<(i64, i64)>> {
    fn reached(&self, idx: usize) -> bool {
        self[idx].is_some()
    }

    fn start(&mut self, ts: i64, _row: u32) {
        self[0] = Some((ts, ts));
    }

    fn repeats(&self, _idx: usize, _row: u32) -> bool {
        true
    }

    fn extend(&mut self, idx: usize, ts: i64, _row: u32, window: i64, strict_increase: bool) {
        if let Some((first, prev)) = self[idx - 1] {
            if takes(first, prev, ts, window, strict_increase) {
                self[idx] = Some((first, ts));
            }
        }
    }
}

/// Whether a chain from `first` whose last step was at `prev` takes a next step at `ts`.
fn takes(first: i64, prev: i64, ts: i64, window: i64, strict_increase: bool) -> bool {
    ts <= first.saturating_add(window) && (!strict_increase || prev < ts)
}

/// The search as above, keeping the times of every step of each level's chain: what
/// [`Funnel::steps`] returns.
impl Chains for Vec<Option<Vec<i64>>> {
    fn reached(&self, idx: usize) -> bool {
        self[idx].is_some()
    }

    fn start(&mut self, ts: i64, _row: u32) {
        self[0] = Some(vec![ts]);
    }

    fn repeats(&self, _idx: usize, _row: u32) -> bool {
        true
    }

    fn extend(&mut self, idx: usize, ts: i64, _row: u32, window: i64, strict_increase: bool) {
        if let Some(path) = &self[idx - 1] {
            if takes(path[0], path[path.len() - 1], ts, window, strict_increase) {
                let mut longer = Vec::with_capacity(idx + 1);
                longer.extend_from_slice(path);
                longer.push(ts);
                self[idx] = Some(longer);
            }
        }
    }
}

/// A chain of strict_once mode: the times of its first and last steps, and the row of each
/// step (row numbers of the group's rows in sorted order).
struct Chain {
    first: i64,
    last: i64,
    rows: Vec<u32>,
}

/// strict_once mode keeps every chain that could still go on, with the rows it used, since
/// one row matching two conditions may be the next step of one chain and not of another.
impl Chains for Vec<Vec<Chain>> {
    fn reached(&self, idx: usize) -> bool {
        !self[idx].is_empty()
    }

    fn start(&mut self, ts: i64, row: u32) {
        self[0].push(Chain {
            first: ts,
            last: ts,
            rows: vec![row],
        });
    }

    /// A repeat, unless this row is already in every chain of the level.
    fn repeats(&self, idx: usize, row: u32) -> bool {
        self[idx].iter().any(|c| !c.rows.contains(&row))
    }

    fn extend(&mut self, idx: usize, ts: i64, row: u32, window: i64, strict_increase: bool) {
        let (before, after) = self.split_at_mut(idx);
        let (prev, next) = (&mut before[idx - 1], &mut after[0]);
        // Chains out of the window are dropped, but one always stays, so that the level
        // still counts as reached.
        let mut kept = 0;
        for i in 0..prev.len() {
            let in_window = ts <= prev[i].first.saturating_add(window);
            if !in_window && prev.len() - (i - kept) > 1 {
                continue;
            }
            prev.swap(kept, i);
            let c = &prev[kept];
            kept += 1;
            if !c.rows.contains(&row) && takes(c.first, c.last, ts, window, strict_increase) {
                let mut rows = Vec::with_capacity(idx + 1);
                rows.extend_from_slice(&c.rows);
                rows.push(row);
                next.push(Chain {
                    first: c.first,
                    last: ts,
                    rows,
                });
            }
        }
        prev.truncate(kept);
    }

    /// A later event is in no chain's row and later than every chain's last step, so of the
    /// chains of a level the one with the latest first step takes every such event any other
    /// takes (its window ends last), and leads to chains that do likewise: keep that one. A
    /// level then holds the chains of one time at most, where keeping them all would grow
    /// with the product of the steps' events.
    fn settle(&mut self) {
        for level in self.iter_mut().filter(|l| l.len() > 1) {
            let latest = (0..level.len())
                .max_by_key(|&i| level[i].first)
                .expect("two");
            level.swap(0, latest);
            level.truncate(1);
        }
    }
}

impl<A: Allocator + Clone> Funnel<A> {
    pub fn new_in(alloc: A) -> Self {
        Funnel {
            events: AVec::new_in(alloc.clone()),
            rows: AVec::new_in(alloc),
        }
    }

    /// Add one row's conditions.
    pub fn add(&mut self, ts: i64, conds: impl IntoIterator<Item = Option<bool>>, modes: Modes) {
        if modes.strict_once {
            let mut mask = 0u32;
            for (i, c) in conds.into_iter().enumerate() {
                if c == Some(true) {
                    mask |= 1 << i;
                }
            }
            if mask != 0 || modes.strict_order {
                self.rows.push((ts, mask));
            }
            return;
        }
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

    /// Add the events (or rows) of another group's funnel.
    pub fn extend(&mut self, other: &Funnel<A>) {
        self.events.extend_from_slice(&other.events);
        self.rows.extend_from_slice(&other.rows);
    }

    /// The deepest level reached by a chain of `n` conditions.
    pub fn level(&mut self, window: i64, n: usize, modes: Modes) -> usize {
        if self.events.is_empty() && self.rows.is_empty() {
            return 0;
        }
        if !modes.strict_order && n == 1 {
            return 1;
        }
        if modes.strict_once {
            return self.level_once(window, n, modes);
        }
        self.events.sort_unstable();
        let events = self.events.iter().map(|&(ts, event)| (ts, event, 0));
        let mut chains: Vec<Option<(i64, i64)>> = vec![None; n];
        search(events, &mut chains, window, n, modes)
    }

    /// The times of the steps of the chain that reached the deepest level, as many as
    /// [`Funnel::level`] says: the first chain to reach the last step, or else the chain
    /// that reached the deepest level with the latest first step (of those, the latest
    /// steps). Empty without a first step.
    pub fn steps(&mut self, window: i64, n: usize, modes: Modes) -> Vec<i64> {
        if modes.strict_once {
            self.rows.sort_unstable();
            let events = row_events(&self.rows, n);
            let mut chains: Vec<Vec<Chain>> = (0..n).map(|_| Vec::new()).collect();
            let level = search(events.into_iter(), &mut chains, window, n, modes);
            let Some(deepest) = level.checked_sub(1) else {
                return vec![];
            };
            let chain = chains[deepest]
                .iter()
                .max_by_key(|c| (c.first, c.last))
                .expect("a chain reached the level");
            return chain
                .rows
                .iter()
                .map(|&r| self.rows[r as usize].0)
                .collect();
        }
        self.events.sort_unstable();
        let events = self.events.iter().map(|&(ts, event)| (ts, event, 0));
        let mut chains: Vec<Option<Vec<i64>>> = vec![None; n];
        match search(events, &mut chains, window, n, modes).checked_sub(1) {
            Some(deepest) => chains[deepest].take().expect("a chain reached the level"),
            None => vec![],
        }
    }

    /// strict_once mode: the rows are numbered in sorted order, so that the answer does not
    /// depend on the order they arrived in (rows alike in time and conditions are
    /// interchangeable).
    fn level_once(&mut self, window: i64, n: usize, modes: Modes) -> usize {
        self.rows.sort_unstable();
        let events = row_events(&self.rows, n);
        let mut chains: Vec<Vec<Chain>> = (0..n).map(|_| Vec::new()).collect();
        search(events.into_iter(), &mut chains, window, n, modes)
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
        // A, C, B with strict_order: C, whose step B was not reached, ends the search (1);
        // with allow_reentry it is skipped and B is step 2 (ClickHouse's windowFunnel source,
        // worked by hand; tests/checks/clickhouse_check.py compares with ClickHouse).
        let reentry = m("strict_order, allow_reentry");
        let mut f = Funnel::new_in(Global);
        for (t, c) in [(1, 0), (2, 2), (3, 1)] {
            f.add(t, (0..3).map(|i| Some(i == c)), reentry);
        }
        assert_eq!(f.level(100, 3, m("strict_order")), 1);
        assert_eq!(f.level(100, 3, reentry), 2);
        assert!(Modes::parse("allow_reentry").is_err(), "needs strict_order");
        let unknown = Modes::parse("strict").unwrap_err().to_string();
        assert!(unknown.contains("strict_once, allow_reentry"), "{unknown}");
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
/// event count as varints, then per event its time as a zigzag varint and its condition byte;
/// in strict_once mode the row count and per row its time and its conditions' mask (a varint).
pub struct FunnelState<A: Allocator> {
    pub window: i64,
    pub modes: Modes,
    pub n: usize,
    pub funnel: Funnel<A>,
}

impl<A: Allocator + Clone> FunnelState<A> {
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

    /// The times of the deepest chain's steps ([`Funnel::steps`]).
    pub fn steps(&mut self) -> Vec<i64> {
        self.funnel.steps(self.window, self.n, self.modes)
    }

    /// Add the events of another state of the same parameters.
    pub fn merge(&mut self, other: &FunnelState<A>) -> Result<()> {
        self.check_same(other.window, other.modes, other.n)?;
        self.funnel.extend(&other.funnel);
        Ok(())
    }

    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&[self.modes.to_u8(), self.n as u8]);
        varint::put(out, self.window as u128);
        if self.modes.strict_once {
            varint::put(out, self.funnel.rows.len() as u128);
            for (ts, mask) in self.funnel.rows.iter() {
                varint::put(out, varint::zigzag(*ts as i128));
                varint::put(out, *mask as u128);
            }
            return;
        }
        varint::put(out, self.funnel.events.len() as u128);
        for (ts, e) in self.funnel.events.iter() {
            varint::put(out, varint::zigzag(*ts as i128));
            out.push(*e);
        }
    }

    pub fn read(bytes: &[u8], alloc: A) -> Result<Self> {
        let bad = || MetricError::InvalidBinary("invalid partial aggregate state".into());
        let mut r = Reader::new(bytes);
        let modes = r.byte().and_then(Modes::from_stored).ok_or_else(bad)?;
        let n = r.byte().ok_or_else(bad)? as usize;
        let window = r.u64().filter(|w| *w <= i64::MAX as u64).ok_or_else(bad)? as i64;
        let count = r.u64().ok_or_else(bad)?;
        if n == 0 || n > MAX_CONDITIONS {
            return Err(bad());
        }
        let mut s = FunnelState::new_in(window, modes, n, alloc);
        // An event's condition is one of the n, a row's mask has bits of the n only; the row
        // without a true condition (0) is kept in strict_order mode only.
        let masks = 1..=(u32::MAX >> (MAX_CONDITIONS - n)) as u64;
        for _ in 0..count {
            let ts = r.i64().ok_or_else(bad)?;
            if modes.strict_once {
                let mask = r
                    .u64()
                    .filter(|m| masks.contains(m) || (*m == 0 && modes.strict_order));
                s.funnel.rows.push((ts, mask.ok_or_else(bad)? as u32));
                continue;
            }
            let e = r.byte();
            let e =
                e.filter(|e| (1..=n).contains(&(*e as usize)) || (*e == 0 && modes.strict_order));
            let e = e.ok_or_else(bad)?;
            s.funnel.events.push((ts, e));
        }
        if !r.at_end() {
            return Err(bad());
        }
        Ok(s)
    }
}

#[cfg(test)]
mod strict_once_tests {
    use super::*;
    use allocator_api2::alloc::Global;

    /// Pseudo-random numbers below k (a linear congruential generator: fixed cases).
    fn numbers(mut seed: u64) -> impl FnMut(u64) -> u64 {
        move |k| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % k
        }
    }

    /// The level of rows (time, true conditions from 0) with n conditions and a window of 100.
    fn level(rows: &[(i64, &[usize])], n: usize, modes: &str) -> usize {
        let modes = Modes::parse(modes).unwrap();
        let mut f = Funnel::new_in(Global);
        for (t, conds) in rows {
            f.add(*t, (0..n).map(|i| Some(conds.contains(&i))), modes);
        }
        f.level(100, n, modes)
    }

    #[test]
    fn a_row_is_one_step_at_most() {
        // One row matching c1 and c2: two steps by default, one in strict_once mode; two
        // rows at the same time make the two steps in both.
        assert_eq!(level(&[(1, &[0, 1])], 2, ""), 2);
        assert_eq!(level(&[(1, &[0, 1])], 2, "strict_once"), 1);
        assert_eq!(level(&[(1, &[0]), (1, &[1])], 2, "strict_once"), 2);
        // R0 {c1, c2} at 1, R1 {c2} at 2: R0 cannot be its own step 2, R1 is.
        assert_eq!(level(&[(1, &[0, 1]), (2, &[1])], 2, "strict_once"), 2);
        // R0 {c1} at 1, R1 {c2, c3} at 2, R2 {c2} at 3, R3 {c3} at 4. By default R1 is steps
        // 2 and 3 (level 3). In strict_once mode R1 is step 2 of the chain R0 R1 and cannot
        // be its step 3; R2 makes the chain R0 R2, which R3 ends: 3. With
        // strict_deduplication, R2 repeats step 2 of a chain it is not in, which ends the
        // search at the deepest level reached, 2; by default R1's step 3 came first: 3.
        let rows: [(i64, &[usize]); 4] = [(1, &[0]), (2, &[1, 2]), (3, &[1]), (4, &[2])];
        assert_eq!(level(&rows, 3, ""), 3);
        assert_eq!(level(&rows, 3, "strict_once"), 3);
        assert_eq!(level(&rows, 3, "strict_once, strict_deduplication"), 2);
        assert_eq!(level(&rows, 3, "strict_deduplication"), 3);
        // The window: a chain from c1 at 1 cannot take c2 at 102; the one from c1 at 50 can.
        let rows: [(i64, &[usize]); 3] = [(1, &[0]), (50, &[0]), (102, &[1])];
        assert_eq!(level(&rows, 2, "strict_once"), 2);
        assert_eq!(
            level(
                &rows[..1]
                    .iter()
                    .chain(&rows[2..])
                    .copied()
                    .collect::<Vec<_>>(),
                2,
                "strict_once"
            ),
            1
        );
        // strict_order: a row matching nothing after the first step ends the search.
        assert_eq!(
            level(
                &[(1, &[0]), (2, &[]), (3, &[1])],
                2,
                "strict_once, strict_order"
            ),
            1
        );
        assert_eq!(
            level(&[(1, &[0]), (3, &[1])], 2, "strict_once, strict_order"),
            2
        );
        // strict_increase: the steps at the same time do not count.
        assert_eq!(
            level(&[(1, &[0]), (1, &[1])], 2, "strict_once, strict_increase"),
            1
        );
        assert_eq!(level(&[], 2, "strict_once"), 0);
    }

    /// ClickHouse's search as it is, keeping every chain.
    struct EveryChain(Vec<Vec<Chain>>);

    impl Chains for EveryChain {
        fn reached(&self, idx: usize) -> bool {
            Chains::reached(&self.0, idx)
        }
        fn start(&mut self, ts: i64, row: u32) {
            Chains::start(&mut self.0, ts, row)
        }
        fn repeats(&self, idx: usize, row: u32) -> bool {
            Chains::repeats(&self.0, idx, row)
        }
        fn extend(&mut self, idx: usize, ts: i64, row: u32, window: i64, strict_increase: bool) {
            Chains::extend(&mut self.0, idx, ts, row, window, strict_increase)
        }
    }

    #[test]
    fn keeping_one_chain_per_level_between_times_changes_no_answer() {
        let mut next = numbers(11);
        for case in 0..5000 {
            let modes = Modes::from_u8(next(32) as u8 | 8);
            let modes = Modes {
                allow_reentry: modes.allow_reentry && modes.strict_order,
                ..modes
            };
            let mut f = Funnel::new_in(Global);
            for _ in 0..1 + next(14) {
                let mask = next(16) as u32;
                f.add(
                    next(8) as i64 * 30,
                    (0..4).map(|c| Some(mask >> c & 1 == 1)),
                    modes,
                );
            }
            let settled = f.level(100, 4, modes);
            let events = row_events(&f.rows, 4);
            let mut every = EveryChain((0..4).map(|_| Vec::new()).collect());
            let full = search(events.into_iter(), &mut every, 100, 4, modes);
            assert_eq!(
                settled,
                full,
                "case {case}: {:?} {modes:?}",
                f.rows.as_slice()
            );
        }
    }

    #[test]
    fn many_events_per_step_stay_cheap() {
        // 3,000 events of each of 4 steps within one window, steps interleaved: without
        // dropping the chains that no later event tells apart, level 3 would hold billions
        // of chains before step 4 came. Step 4 is only at the end: level 4.
        let mut rows: Vec<(i64, &[usize])> = Vec::new();
        for t in 0..3000 {
            rows.extend([
                (t * 4, &[0][..]),
                (t * 4 + 1, &[1][..]),
                (t * 4 + 2, &[2][..]),
            ]);
        }
        let modes = Modes::parse("strict_once").unwrap();
        let mut f = Funnel::new_in(Global);
        for (t, conds) in &rows {
            f.add(*t, (0..4).map(|i| Some(conds.contains(&i))), modes);
        }
        assert_eq!(f.level(1_000_000, 4, modes), 3);
        f.add(
            20_000,
            [Some(false), Some(false), Some(false), Some(true)],
            modes,
        );
        assert_eq!(f.level(1_000_000, 4, modes), 4);
    }

    #[test]
    fn the_order_rows_arrive_in_does_not_matter() {
        // Parallel plans add a group's rows in another order than serial ones: every mode on
        // random small groups, rows forwards, backwards and split in two merged states.
        let mut next = numbers(7);
        for case in 0..3000 {
            let rows: Vec<(i64, u32)> = (0..1 + next(9))
                .map(|_| (next(6) as i64 * 40, next(8) as u32))
                .collect();
            let modes = Modes::from_u8(next(32) as u8 | 8);
            let modes = Modes {
                allow_reentry: modes.allow_reentry && modes.strict_order,
                ..modes
            };
            let run = |order: &mut dyn Iterator<Item = &(i64, u32)>, split: usize| {
                let (mut a, mut b) = (Funnel::new_in(Global), Funnel::new_in(Global));
                for (i, (t, mask)) in order.enumerate() {
                    let f = if i < split { &mut a } else { &mut b };
                    f.add(*t, (0..3).map(|c| Some(mask >> c & 1 == 1)), modes);
                }
                a.extend(&b);
                a.level(100, 3, modes)
            };
            let forwards = run(&mut rows.iter(), rows.len());
            assert_eq!(
                forwards,
                run(&mut rows.iter().rev(), rows.len() / 2),
                "case {case}: {rows:?} {modes:?}"
            );
        }
    }
}

/// The state of `funnel_table`: per step, the users who reached it (or a later one) and,
/// from the second step on, the time each took from the step before, in microseconds.
///
/// Binary form: version, the number of steps (one byte), the confidence (8 bytes, little
/// endian), the users per step as varints, then per step from the second on its times as
/// varints (as many as the step's users).
#[derive(Debug, Clone, PartialEq)]
pub struct StepTable {
    pub confidence: f64,
    pub users: Vec<u64>,
    pub times: Vec<Vec<i64>>,
}

const TABLE_VERSION: u8 = 1;

/// One row of `funnel_table`: conversions as fractions with their Wilson intervals, times
/// in microseconds. The first step has no previous one: its step conversion, drop-off and
/// times are `None`, as are the conversions of a funnel nobody entered.
#[derive(Debug, Clone, PartialEq)]
pub struct StepRow {
    pub step: usize,
    pub users: u64,
    pub conversion: Option<f64>,
    pub conversion_ci: Option<crate::interval::Interval>,
    pub step_conversion: Option<f64>,
    pub step_conversion_ci: Option<crate::interval::Interval>,
    pub drop_off: Option<u64>,
    pub mean_time: Option<i64>,
    pub median_time: Option<i64>,
}

impl StepTable {
    /// A table of `steps` steps (1 to 32), intervals at `confidence`.
    pub fn new(steps: i32, confidence: f64) -> Result<StepTable> {
        if !(1..=MAX_CONDITIONS as i32).contains(&steps) {
            return invalid(format!(
                "funnel_table: a funnel has 1 to {MAX_CONDITIONS} steps, got {steps}"
            ));
        }
        crate::interval::check_confidence(confidence)?;
        Ok(StepTable {
            confidence,
            users: vec![0; steps as usize],
            times: vec![Vec::new(); steps as usize],
        })
    }

    /// Check that a row (or another state) has this table's parameters.
    pub fn check_same(&self, steps: i32, confidence: f64) -> Result<()> {
        if self.users.len() as i32 != steps || self.confidence.to_bits() != confidence.to_bits() {
            return invalid(
                "funnel_table: the number of steps or the confidence changed within a group",
            );
        }
        Ok(())
    }

    /// Count one user's step times (as `window_funnel_steps` gives them): the user reached
    /// as many steps as there are times.
    pub fn add(&mut self, times: &[i64]) -> Result<()> {
        if times.len() > self.users.len() {
            let steps = self.users.len();
            return invalid(format!(
                "funnel_table: {} step times for a funnel of {steps} step{}",
                times.len(),
                if steps == 1 { "" } else { "s" }
            ));
        }
        if times.windows(2).any(|w| w[1] < w[0]) {
            return invalid("funnel_table: a user's step times must not decrease");
        }
        if times.iter().any(|t| *t == i64::MIN || *t == i64::MAX) {
            return invalid("funnel_table: step times must be finite");
        }
        let mut gaps = Vec::with_capacity(times.len());
        for w in times.windows(2) {
            gaps.push(w[1].checked_sub(w[0]).ok_or_else(|| {
                MetricError::OutOfRange("funnel_table: a time between steps is out of range".into())
            })?);
        }
        for (k, gap) in gaps.into_iter().enumerate() {
            self.times[k + 1].push(gap);
        }
        for u in &mut self.users[..times.len()] {
            *u += 1;
        }
        Ok(())
    }

    /// Add the users of another state of the same parameters.
    pub fn merge(&mut self, other: &StepTable) -> Result<()> {
        self.check_same(other.users.len() as i32, other.confidence)?;
        for (k, u) in other.users.iter().enumerate() {
            self.users[k] = self.users[k]
                .checked_add(*u)
                .filter(|u| *u <= i64::MAX as u64)
                .ok_or_else(|| MetricError::OutOfRange("funnel_table: too many users".into()))?;
            self.times[k].extend_from_slice(&other.times[k]);
        }
        Ok(())
    }

    /// The rows, one per step.
    pub fn rows(&mut self) -> Result<Vec<StepRow>> {
        let first = self.users[0];
        let mut out = Vec::with_capacity(self.users.len());
        for k in 0..self.users.len() {
            let users = self.users[k];
            let share = |of: u64| (of > 0).then(|| users as f64 / of as f64);
            let wilson =
                |of: u64| crate::interval::wilson(users as f64, of as f64, self.confidence);
            let times = &mut self.times[k];
            times.sort_unstable();
            let (previous, mean_time, median_time) = if k == 0 {
                (None, None, None)
            } else {
                let n = times.len() as i128;
                let mean =
                    (n > 0).then(|| (times.iter().map(|&t| t as i128).sum::<i128>() / n) as i64);
                let median = (n > 0).then(|| {
                    let m = times.len() / 2;
                    if times.len() % 2 == 1 {
                        times[m]
                    } else {
                        ((times[m - 1] as i128 + times[m] as i128) / 2) as i64
                    }
                });
                (Some(self.users[k - 1]), mean, median)
            };
            out.push(StepRow {
                step: k + 1,
                users,
                conversion: share(first),
                conversion_ci: wilson(first)?,
                step_conversion: previous.and_then(share),
                step_conversion_ci: match previous {
                    Some(p) => wilson(p)?,
                    None => None,
                },
                drop_off: previous.map(|p| p - users),
                mean_time,
                median_time,
            });
        }
        Ok(out)
    }

    pub fn serialize(&self) -> Vec<u8> {
        let mut out = vec![TABLE_VERSION, self.users.len() as u8];
        out.extend_from_slice(&self.confidence.to_le_bytes());
        for u in &self.users {
            varint::put(&mut out, *u as u128);
        }
        for times in &self.times[1..] {
            for t in times {
                varint::put(&mut out, *t as u128);
            }
        }
        out
    }

    pub fn deserialize(bytes: &[u8]) -> Result<StepTable> {
        let bad = || MetricError::InvalidBinary("invalid funnel_table state".into());
        let mut r = Reader::new(bytes);
        if r.byte() != Some(TABLE_VERSION) {
            return Err(bad());
        }
        let steps = r.byte().ok_or_else(bad)? as i32;
        let mut conf = [0u8; 8];
        for b in conf.iter_mut() {
            *b = r.byte().ok_or_else(bad)?;
        }
        let mut t = StepTable::new(steps, f64::from_le_bytes(conf)).map_err(|_| bad())?;
        for k in 0..t.users.len() {
            t.users[k] = r.u64().filter(|u| *u <= i64::MAX as u64).ok_or_else(bad)?;
        }
        // Users reach a step only through the ones before it.
        if t.users.windows(2).any(|w| w[1] > w[0]) {
            return Err(bad());
        }
        for k in 1..t.users.len() {
            for _ in 0..t.users[k] {
                let time = r.u64().filter(|v| *v <= i64::MAX as u64).ok_or_else(bad)?;
                t.times[k].push(time as i64);
            }
        }
        if !r.at_end() {
            return Err(bad());
        }
        Ok(t)
    }
}

#[cfg(test)]
mod step_tests {
    use super::*;
    use allocator_api2::alloc::Global;

    fn steps(rows: &[(i64, &[usize])], n: usize, window: i64, modes: &str) -> Vec<i64> {
        let modes = Modes::parse(modes).unwrap();
        let mut f = Funnel::new_in(Global);
        for (t, conds) in rows {
            f.add(*t, (0..n).map(|i| Some(conds.contains(&i))), modes);
        }
        let level = f.level(window, n, modes);
        let path = f.steps(window, n, modes);
        assert_eq!(path.len(), level, "{rows:?} {modes:?}");
        path
    }

    #[test]
    fn the_steps_of_the_deepest_chain() {
        // docs/cohorts.md's clicks (minutes): user 2 views at 0, buys at 1, adds to the cart
        // at 2, buys at 10: view 0, cart 2, buy 10. User 1's one row is a view and a cart add
        // at 0, then a purchase at 20: steps 0, 0, 20; in strict_once mode only the view.
        let user2: [(i64, &[usize]); 4] = [(0, &[0]), (1, &[2]), (2, &[1]), (10, &[2])];
        assert_eq!(steps(&user2, 3, 60, ""), vec![0, 2, 10]);
        assert_eq!(steps(&user2, 3, 60, "strict_order"), vec![0]);
        assert_eq!(
            steps(&user2, 3, 60, "strict_order, allow_reentry"),
            vec![0, 2, 10]
        );
        let user1: [(i64, &[usize]); 2] = [(0, &[0, 1]), (20, &[2])];
        assert_eq!(steps(&user1, 3, 60, ""), vec![0, 0, 20]);
        assert_eq!(steps(&user1, 3, 60, "strict_once"), vec![0]);
        // A at 0, B at 5, A again at 10: the chain that reached step 2 is (0, 5); with
        // another B at 12 the later chain (10, 12) reaches it too and is the one given.
        let rows: [(i64, &[usize]); 4] = [(0, &[0]), (5, &[1]), (10, &[0]), (12, &[1])];
        assert_eq!(steps(&rows[..3], 3, 60, ""), vec![0, 5]);
        assert_eq!(steps(&rows, 3, 60, ""), vec![10, 12]);
        assert_eq!(steps(&rows, 3, 60, "strict_once"), vec![10, 12]);
        // Out of the window, and nothing at all.
        assert_eq!(steps(&rows[..2], 3, 4, ""), vec![0]);
        assert_eq!(steps(&[(3, &[1])], 3, 60, ""), Vec::<i64>::new());
    }

    /// The users of docs/cohorts.md's funnel table example, step times in seconds: A reaches
    /// step 3 (0, 10, 40), B step 2 (5, 25), C step 1 (7), D step 3 (100, 130, 150).
    fn example() -> Vec<Vec<i64>> {
        vec![vec![0, 10, 40], vec![5, 25], vec![7], vec![100, 130, 150]]
    }

    #[test]
    fn a_table_worked_by_hand() {
        let mut t = StepTable::new(3, 0.95).unwrap();
        for u in example() {
            t.add(&u).unwrap();
        }
        let rows = t.rows().unwrap();
        // Users per step 4, 3 (A, B, D), 2 (A, D). Step 2's times 10, 20, 30: mean and
        // median 20; step 3's 30 and 20: mean and median 25.
        let users: Vec<u64> = rows.iter().map(|r| r.users).collect();
        assert_eq!(users, [4, 3, 2]);
        assert_eq!(rows[0].conversion, Some(1.0));
        assert_eq!(
            (rows[1].conversion, rows[2].conversion),
            (Some(0.75), Some(0.5))
        );
        assert_eq!(rows[2].step_conversion, Some(2.0 / 3.0));
        assert_eq!(
            rows.iter().map(|r| r.drop_off).collect::<Vec<_>>(),
            [None, Some(1), Some(1)]
        );
        assert_eq!(
            (rows[1].mean_time, rows[1].median_time),
            (Some(20), Some(20))
        );
        assert_eq!(
            (rows[2].mean_time, rows[2].median_time),
            (Some(25), Some(25))
        );
        assert_eq!((rows[0].mean_time, rows[0].step_conversion), (None, None));
        // Wilson intervals at 95% by the closed form (z = 1.959964), worked in Python:
        // 3 of 4 (0.300642, 0.954413), 2 of 4 (0.150039, 0.849961), 2 of 3 (0.207660,
        // 0.938508).
        let close = |ci: Option<crate::interval::Interval>, lo: f64, hi: f64| {
            let ci = ci.unwrap();
            assert!(
                (ci.lower - lo).abs() < 1e-6 && (ci.upper - hi).abs() < 1e-6,
                "{ci:?}"
            );
        };
        close(rows[1].conversion_ci, 0.300642, 0.954413);
        close(rows[2].conversion_ci, 0.150039, 0.849961);
        close(rows[2].step_conversion_ci, 0.207660, 0.938508);
        // An even count of times: the median is the mean of the middle two, to the
        // microsecond below: 1 and 2 give 1.
        let mut t = StepTable::new(2, 0.9).unwrap();
        t.add(&[0, 1]).unwrap();
        t.add(&[0, 2]).unwrap();
        assert_eq!(t.rows().unwrap()[1].median_time, Some(1));
        // Nobody entered: no conversions.
        let rows = StepTable::new(2, 0.95).unwrap().rows().unwrap();
        assert_eq!(
            (rows[0].users, rows[0].conversion, rows[1].step_conversion),
            (0, None, None)
        );
    }

    #[test]
    fn tables_merge_and_round_trip() {
        let (mut whole, mut a, mut b) = (
            StepTable::new(3, 0.95).unwrap(),
            StepTable::new(3, 0.95).unwrap(),
            StepTable::new(3, 0.95).unwrap(),
        );
        for (i, u) in example().iter().enumerate() {
            whole.add(u).unwrap();
            if i % 2 == 0 { &mut a } else { &mut b }.add(u).unwrap();
        }
        let back = StepTable::deserialize(&b.serialize()).unwrap();
        assert_eq!(back, b);
        a.merge(&back).unwrap();
        assert_eq!(a.rows().unwrap(), whole.rows().unwrap());
        assert!(a.merge(&StepTable::new(4, 0.95).unwrap()).is_err());
        assert!(a.merge(&StepTable::new(3, 0.9).unwrap()).is_err());
        // Bad parameters and rows.
        assert!(StepTable::new(0, 0.95).is_err() && StepTable::new(33, 0.95).is_err());
        assert!(StepTable::new(3, 95.0).is_err());
        assert!(whole.add(&[1, 2, 3, 4]).is_err(), "more times than steps");
        assert!(whole.add(&[5, 4]).is_err(), "decreasing");
        assert!(whole.add(&[0, i64::MAX]).is_err(), "infinity");
        assert!(
            whole
                .add(&[-211_813_488_000_000_000, 9_223_371_331_199_999_999])
                .is_err(),
            "the longest gap"
        );
        assert_eq!(whole.users, [4, 3, 2], "nothing counted from a refused row");
        // Bad bytes: cut short, more users at step 2 than step 1, a trailing byte.
        let bytes = whole.serialize();
        assert!(StepTable::deserialize(&bytes[..bytes.len() - 1]).is_err());
        let mut more = bytes.clone();
        more[11] = more[10] + 1;
        assert!(StepTable::deserialize(&more).is_err());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(StepTable::deserialize(&longer).is_err());
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
        // strict_once keeps rows: (time, mask).
        let once = Modes::parse("strict_once").unwrap();
        let mut c = FunnelState::new_in(100, once, 2, Global);
        c.funnel.add(10, [Some(true), Some(true)], once);
        c.funnel.add(20, [None, Some(true)], once);
        let mut once_bytes = Vec::new();
        c.write(&mut once_bytes);
        let mut back = FunnelState::read(&once_bytes, Global).unwrap();
        assert_eq!(back.funnel.rows.as_slice(), &[(10, 3), (20, 2)]);
        assert_eq!(back.level(), 2);
        // modes byte 8 (strict_once), 2 conditions, window 100, 1 row: time 10 (zigzag 20)
        // and a mask of 3, 4 (a third condition) or 0 (no condition, strict_order only).
        assert!(FunnelState::read(&[8, 2, 100, 1, 20, 3], Global).is_ok());
        for bytes in [
            &[8, 2, 100, 1, 20, 4][..],
            &[8, 2, 100, 1, 20, 0],
            &[16, 2, 100, 0],
            &[32, 2, 100, 0],
        ] {
            assert!(FunnelState::read(bytes, Global).is_err(), "{bytes:?}");
        }
        assert!(FunnelState::read(&[10, 2, 100, 1, 20, 0], Global).is_ok());
        for bytes in [&out[..out.len() - 1], &[0, 0, 0, 0][..], &[0, 33, 0, 0][..]] {
            assert!(FunnelState::read(bytes, Global).is_err(), "{bytes:?}");
        }
    }
}
