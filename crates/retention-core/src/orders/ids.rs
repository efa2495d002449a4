//! Customers by id, for the one-step aggregates that take `customer_id` directly.
//!
//! Ids are compared exactly, never by hash alone: integers (`smallint`, `integer`,
//! `bigint`) by value, `uuid` by its 16 bytes, `text` by its bytes (so under a
//! nondeterministic collation, `'A'` and `'a'` are two customers). Every allocation goes
//! through the allocator `A`, which the extension points at the aggregate's memory
//! context.
//!
//! A table of a million customers does not fit any cache, so updating it row by row is a
//! cache miss per row. [`IdMap`] therefore splits the customers into [`PARTITIONS`] tables
//! by hash, and [`IdMap::add`] only appends the update to a small buffer of its partition;
//! a full buffer is applied to its table at once, while that table (1/64 of the whole) is
//! in cache. Updates must commute ([`Merge`]), which every one-step value does: counts add,
//! flags OR, first/last times min/max.
//!
//! Memory per customer: the key (two words) and the value in a hashbrown table (1 control
//! byte per bucket, at most 7/8 full), plus the text of text ids; and a fixed
//! 64 x 256-entry buffer per aggregate.

use crate::error::{MetricError, Result};
use crate::varint::{self, Reader};
use allocator_api2::alloc::Allocator;
use allocator_api2::vec::Vec as AVec;
use foldhash::fast::FixedState;
use hashbrown::hash_table::Entry;
use hashbrown::HashTable;
use std::hash::BuildHasher;

/// Number of partitions (a power of two).
pub const PARTITIONS: usize = 64;
/// Updates buffered per partition before they are applied.
const PENDING: usize = 256;

/// One hash function for every aggregate, so that workers of a parallel plan put a
/// customer in the same partition and partial states merge partition by partition.
/// (PostgreSQL's own hash aggregation uses fixed hash functions too.)
pub(crate) const HASHER: FixedState = FixedState::with_seed(0x7265_7465_6e74_696f);

/// The partition of a hash: bits that neither hashbrown's bucket index (the low bits) nor
/// its control tag (the top 7) use.
#[inline]
pub(crate) fn partition(hash: u64) -> usize {
    ((hash >> 32) as usize) & (PARTITIONS - 1)
}

/// The SQL type family of the ids of one aggregate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum KeyKind {
    Int = 1,
    Uuid = 2,
    Text = 3,
}

impl KeyKind {
    pub fn from_u8(v: u8) -> Option<KeyKind> {
        match v {
            1 => Some(KeyKind::Int),
            2 => Some(KeyKind::Uuid),
            3 => Some(KeyKind::Text),
            _ => None,
        }
    }
}

/// One id as the extension reads it from a datum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key<'a> {
    Int(i64),
    Uuid([u8; 16]),
    Text(&'a [u8]),
}

impl Key<'_> {
    pub fn kind(&self) -> KeyKind {
        match self {
            Key::Int(_) => KeyKind::Int,
            Key::Uuid(_) => KeyKind::Uuid,
            Key::Text(_) => KeyKind::Text,
        }
    }

    #[inline]
    pub fn hash(&self) -> u64 {
        match self {
            Key::Int(v) => HASHER.hash_one(v),
            Key::Uuid(u) => HASHER.hash_one(u),
            Key::Text(t) => HASHER.hash_one(t),
        }
    }

    /// The key as two words; text keys are stored elsewhere (see [`IdMap`]).
    #[inline]
    fn words(&self) -> (u64, u64) {
        match self {
            Key::Int(v) => (*v as u64, 0),
            Key::Uuid(u) => (
                u64::from_le_bytes(u[..8].try_into().expect("8 bytes")),
                u64::from_le_bytes(u[8..].try_into().expect("8 bytes")),
            ),
            Key::Text(_) => (0, 0),
        }
    }
}

/// Values whose updates commute, so they can be buffered.
pub trait Merge: Copy {
    fn merge(&mut self, other: &Self);
}

impl Merge for u8 {
    fn merge(&mut self, other: &u8) {
        *self |= *other;
    }
}

impl Merge for u64 {
    fn merge(&mut self, other: &u64) {
        *self = self.saturating_add(*other);
    }
}

/// First and last order time and the number of orders of a customer: what the pooled mean
/// gap needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub first: i64,
    pub last: i64,
    pub n: u64,
}

impl Span {
    pub const ZERO: Span = Span {
        first: i64::MAX,
        last: i64::MIN,
        n: 0,
    };

    pub fn of(ts: i64) -> Span {
        Span {
            first: ts,
            last: ts,
            n: 1,
        }
    }
}

impl Merge for Span {
    fn merge(&mut self, o: &Span) {
        self.first = self.first.min(o.first);
        self.last = self.last.max(o.last);
        self.n = self.n.saturating_add(o.n);
    }
}

/// The key of an integer or uuid stored as two words.
fn word_key(kind: KeyKind, a: u64, b: u64) -> Key<'static> {
    match kind {
        KeyKind::Uuid => {
            let mut u = [0u8; 16];
            u[..8].copy_from_slice(&a.to_le_bytes());
            u[8..].copy_from_slice(&b.to_le_bytes());
            Key::Uuid(u)
        }
        _ => Key::Int(a as i64),
    }
}

/// An entry: the key as two words (the integer; the uuid's halves; the text's offset and
/// length in its partition's arena) and the value.
#[derive(Clone, Copy)]
struct Slot<V> {
    a: u64,
    b: u64,
    value: V,
}

/// A buffered update of an integer or uuid key.
#[derive(Clone, Copy)]
struct Pending<V> {
    hash: u64,
    a: u64,
    b: u64,
    value: V,
}

struct Part<V, A: Allocator + Clone> {
    table: HashTable<Slot<V>, A>,
    pending: AVec<Pending<V>, A>,
    text: AVec<u8, A>,
    /// Integer and uuid customers of other states (a parallel leader's input) in their
    /// partial form, sorted by key as their workers wrote them: merged by
    /// [`IdMap::settle`], never inserted into the table one by one.
    encoded: AVec<(u64, AVec<u8, A>), A>,
    /// Customers merged by [`IdMap::settle`], sorted by key; none of them in `table`.
    merged: AVec<Slot<V>, A>,
}

pub struct IdMap<V, A: Allocator + Clone> {
    kind: Option<KeyKind>,
    parts: AVec<Part<V, A>, A>,
    alloc: A,
}

fn slot_key<'s, V>(text: &'s [u8], kind: KeyKind, s: &Slot<V>) -> Key<'s> {
    match kind {
        KeyKind::Text => Key::Text(&text[s.a as usize..(s.a + s.b) as usize]),
        _ => word_key(kind, s.a, s.b),
    }
}

impl<V, A: Allocator + Clone> Part<V, A> {
    /// The value of a key in this partition, inserted with `new()` when absent.
    fn entry(&mut self, kind: KeyKind, key: Key<'_>, hash: u64, new: impl FnOnce() -> V) -> &mut V {
        let text = &self.text;
        let (a, b) = key.words();
        let eq = |s: &Slot<V>| match key {
            Key::Text(t) => {
                s.b as usize == t.len() && &text[s.a as usize..(s.a + s.b) as usize] == t
            }
            _ => s.a == a && s.b == b,
        };
        let rehash = |s: &Slot<V>| slot_key(text, kind, s).hash();
        match self.table.entry(hash, eq, rehash) {
            Entry::Occupied(e) => &mut e.into_mut().value,
            Entry::Vacant(e) => {
                // A text key is appended to the arena once its slot is decided.
                let (a, b) = match key {
                    Key::Text(t) => (self.text.len() as u64, t.len() as u64),
                    _ => (a, b),
                };
                let slot = e.insert(Slot { a, b, value: new() }).into_mut();
                if let Key::Text(t) = key {
                    self.text.extend_from_slice(t);
                }
                &mut slot.value
            }
        }
    }
}

impl<V, A: Allocator + Clone> IdMap<V, A> {
    pub fn new_in(alloc: A) -> Self {
        let mut parts = AVec::with_capacity_in(PARTITIONS, alloc.clone());
        for _ in 0..PARTITIONS {
            parts.push(Part {
                table: HashTable::new_in(alloc.clone()),
                pending: AVec::new_in(alloc.clone()),
                text: AVec::new_in(alloc.clone()),
                encoded: AVec::new_in(alloc.clone()),
                merged: AVec::new_in(alloc.clone()),
            });
        }
        IdMap {
            kind: None,
            parts,
            alloc,
        }
    }

    fn check_kind(&mut self, key: &Key<'_>) -> Result<KeyKind> {
        let kind = *self.kind.get_or_insert(key.kind());
        if kind != key.kind() {
            return Err(MetricError::InvalidParameter(
                "customer ids of different types cannot be combined".into(),
            ));
        }
        Ok(kind)
    }

    /// The value of `key`, inserted with `new()` when absent. Unbuffered: for text keys,
    /// merging partial states and tests.
    pub fn entry(&mut self, key: Key<'_>, new: impl FnOnce() -> V) -> Result<&mut V> {
        let kind = self.check_kind(&key)?;
        let hash = key.hash();
        Ok(self.parts[partition(hash)].entry(kind, key, hash, new))
    }

    /// Number of customers. Call [`IdMap::flush`] (and [`IdMap::settle`]) first.
    pub fn len(&self) -> usize {
        debug_assert!(self
            .parts
            .iter()
            .all(|p| p.pending.is_empty() && p.encoded.is_empty()));
        self.parts
            .iter()
            .map(|p| p.table.len() + p.merged.len())
            .sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes allocated for the tables, buffers and text.
    pub fn allocated_bytes(&self) -> usize {
        self.parts
            .iter()
            .map(|p| {
                p.table.allocation_size()
                    + p.pending.capacity() * std::mem::size_of::<Pending<V>>()
                    + p.text.capacity()
                    + p.merged.capacity() * std::mem::size_of::<Slot<V>>()
                    + p.encoded.iter().map(|(_, b)| b.capacity()).sum::<usize>()
            })
            .sum()
    }

    /// Every (id, value), partition by partition. Call [`IdMap::flush`] (and
    /// [`IdMap::settle`]) first.
    pub fn iter(&self) -> impl Iterator<Item = (Key<'_>, &V)> + '_ {
        let kind = self.kind.unwrap_or(KeyKind::Int);
        self.parts.iter().flat_map(move |p| {
            p.table
                .iter()
                .chain(p.merged.iter())
                .map(move |s| (slot_key(&p.text, kind, s), &s.value))
        })
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> + '_ {
        self.parts.iter_mut().flat_map(|p| {
            p.table
                .iter_mut()
                .chain(p.merged.iter_mut())
                .map(|s| &mut s.value)
        })
    }
}

impl<V: Merge, A: Allocator + Clone> IdMap<V, A> {
    /// Merge `value` into the value of `key` (`zero` when absent), buffered for integer and
    /// uuid keys: the per-row path.
    #[inline]
    pub fn add(&mut self, key: Key<'_>, value: V, zero: V) -> Result<()> {
        let kind = self.check_kind(&key)?;
        let hash = key.hash();
        let p = &mut self.parts[partition(hash)];
        if let Key::Text(_) = key {
            p.entry(kind, key, hash, || zero).merge(&value);
            return Ok(());
        }
        let (a, b) = key.words();
        p.pending.push(Pending { hash, a, b, value });
        if p.pending.len() >= PENDING {
            Self::apply(p, kind, zero);
        }
        Ok(())
    }

    fn apply(p: &mut Part<V, A>, kind: KeyKind, zero: V) {
        let pending = std::mem::replace(&mut p.pending, AVec::new_in(p.text.allocator().clone()));
        for u in pending.iter() {
            p.entry(kind, word_key(kind, u.a, u.b), u.hash, || zero)
                .merge(&u.value);
        }
        let mut pending = pending;
        pending.clear();
        p.pending = pending;
    }

    /// Apply every buffered update.
    pub fn flush(&mut self, zero: V) {
        let Some(kind) = self.kind else {
            return;
        };
        for p in self.parts.iter_mut() {
            if !p.pending.is_empty() {
                Self::apply(p, kind, zero);
            }
        }
    }

    /// Merge another map's customers into this one (combining partial states in memory, as
    /// a parallel leader does with the states it read: their encoded customers are moved
    /// over, to be merged by [`IdMap::settle`]).
    pub fn merge_from(&mut self, other: &mut IdMap<V, A>, zero: V) -> Result<()> {
        other.flush(zero);
        self.flush(zero);
        if let Some(k) = other.kind {
            if *self.kind.get_or_insert(k) != k {
                return Err(bad_state());
            }
        }
        for (key, v) in other.iter() {
            self.entry(key, || zero)?.merge(v);
        }
        for (mine, theirs) in self.parts.iter_mut().zip(other.parts.iter_mut()) {
            mine.encoded.append(&mut theirs.encoded);
        }
        Ok(())
    }

    pub fn allocator(&self) -> &A {
        &self.alloc
    }
}

impl<V: StateValue, A: Allocator + Clone> IdMap<V, A> {
    /// Serialize (parallel workers send partial states to the leader): the kind, then per
    /// partition the number of customers, their length in bytes, and each key and value
    /// (`StateValue::put`). Integer and uuid customers are sorted by key, integers written
    /// as their increase over the one before, so that the leader merges them in one pass
    /// (see [`IdMap::settle`]). Call [`IdMap::flush`] first.
    pub fn write(&self, out: &mut Vec<u8>) {
        out.push(self.kind.map_or(0, |k| k as u8));
        let kind = self.kind.unwrap_or(KeyKind::Int);
        let mut bytes = Vec::new();
        let mut slots: Vec<&Slot<V>> = Vec::new();
        for p in self.parts.iter() {
            bytes.clear();
            slots.clear();
            slots.extend(p.table.iter().chain(p.merged.iter()));
            if kind != KeyKind::Text {
                slots.sort_unstable_by_key(|s| (s.a, s.b));
            }
            let mut n = 0u64;
            let mut prev: Option<(u64, u64, V)> = None;
            // Sorted, a key can only repeat next to itself (in `table` and `merged`).
            let emit =
                |bytes: &mut Vec<u8>, n: &mut u64, last: Option<u64>, (a, b, v): (u64, u64, V)| {
                    match kind {
                        KeyKind::Int => varint::put(bytes, (a - last.unwrap_or(0)) as u128),
                        KeyKind::Uuid => {
                            bytes.extend_from_slice(&a.to_le_bytes());
                            bytes.extend_from_slice(&b.to_le_bytes());
                        }
                        KeyKind::Text => {
                            write_key(bytes, Key::Text(&p.text[a as usize..(a + b) as usize]))
                        }
                    }
                    v.put(bytes);
                    *n += 1;
                };
            let mut last: Option<u64> = None;
            for s in slots.iter() {
                match &mut prev {
                    Some((a, b, v)) if kind != KeyKind::Text && (*a, *b) == (s.a, s.b) => {
                        v.merge(&s.value)
                    }
                    _ => {
                        if let Some(done) = prev.replace((s.a, s.b, s.value)) {
                            emit(&mut bytes, &mut n, last, done);
                            last = Some(done.0);
                        }
                    }
                }
            }
            if let Some(done) = prev {
                emit(&mut bytes, &mut n, last, done);
            }
            put_partition(out, n, &bytes);
        }
    }

    /// Read what [`IdMap::write`] wrote in another process: text customers are merged into
    /// the table; integer and uuid ones are kept as they are, checked and merged by
    /// [`IdMap::settle`].
    pub fn read_merge(&mut self, r: &mut Reader<'_>) -> Result<()> {
        let kind = read_kind(r)?;
        if let Some(k) = kind {
            if *self.kind.get_or_insert(k) != k {
                return Err(bad_state());
            }
        }
        for part in 0..PARTITIONS {
            // Every customer takes at least 2 bytes.
            let (n, bytes) = read_partition(r, 2)?;
            if n == 0 {
                continue;
            }
            match kind.ok_or_else(bad_state)? {
                KeyKind::Text => {
                    let mut r = Reader::new(bytes);
                    for _ in 0..n {
                        let key = read_key(&mut r, KeyKind::Text)?;
                        let v = V::get(&mut r)?;
                        self.entry(key, || V::ZERO)?.merge(&v);
                    }
                    if !r.at_end() {
                        return Err(bad_state());
                    }
                }
                _ => {
                    let copy = copy_in(bytes, self.alloc.clone());
                    self.parts[part].encoded.push((n, copy));
                }
            }
        }
        Ok(())
    }

    /// Merge the encoded customers of other states ([`IdMap::read_merge`]) with this map's
    /// own, partition by partition, in one pass over the keys in order: what a parallel
    /// leader does before it reads the customers. An error if they do not decode.
    pub fn settle(&mut self) -> Result<()> {
        self.flush(V::ZERO);
        let Some(kind) = self.kind else {
            return Ok(());
        };
        let alloc = self.alloc.clone();
        for p in self.parts.iter_mut() {
            // Customers added to the table after an earlier settle may be in `merged` too.
            if p.encoded.is_empty() && (p.merged.is_empty() || p.table.is_empty()) {
                continue;
            }
            let mut own: Vec<Slot<V>> = p.table.drain().chain(p.merged.drain(..)).collect();
            own.sort_unstable_by_key(|s| (s.a, s.b));
            let mut sources: Vec<SlotSource<'_, V>> = vec![SlotSource::Own(own.into_iter())];
            for (n, bytes) in p.encoded.iter() {
                sources.push(SlotSource::Encoded(SlotDecoder {
                    r: Reader::new(bytes),
                    left: *n,
                    kind,
                    last: None,
                }));
            }
            let mut out: AVec<Slot<V>, A> = AVec::new_in(alloc.clone());
            merge_sorted(&mut sources, |a, b| a.merge(b), |s| out.push(s))?;
            p.merged = out;
            p.encoded.clear();
        }
        Ok(())
    }
}

/// One source of [`IdMap::settle`]'s merge: the map's own customers, sorted, or another
/// state's, decoded.
enum SlotSource<'a, V> {
    Own(std::vec::IntoIter<Slot<V>>),
    Encoded(SlotDecoder<'a>),
}

struct SlotDecoder<'a> {
    r: Reader<'a>,
    left: u64,
    kind: KeyKind,
    last: Option<(u64, u64)>,
}

impl<V: StateValue> SlotSource<'_, V> {
    #[inline]
    fn next(&mut self) -> Result<Option<Slot<V>>> {
        let d = match self {
            SlotSource::Own(it) => return Ok(it.next()),
            SlotSource::Encoded(d) => d,
        };
        if d.left == 0 {
            return if d.r.at_end() {
                Ok(None)
            } else {
                Err(bad_state())
            };
        }
        d.left -= 1;
        let (a, b) = match d.kind {
            KeyKind::Int => {
                let step = d.r.u64().ok_or_else(bad_state)?;
                match d.last {
                    Some(_) if step == 0 => return Err(bad_state()),
                    Some((a, _)) => (a.checked_add(step).ok_or_else(bad_state)?, 0),
                    None => (step, 0),
                }
            }
            _ => {
                let w = d.r.take(16).ok_or_else(bad_state)?;
                let a = u64::from_le_bytes(w[..8].try_into().expect("8 bytes"));
                let b = u64::from_le_bytes(w[8..].try_into().expect("8 bytes"));
                if d.last.is_some_and(|l| l >= (a, b)) {
                    return Err(bad_state());
                }
                (a, b)
            }
        };
        d.last = Some((a, b));
        let value = V::get(&mut d.r)?;
        Ok(Some(Slot { a, b, value }))
    }
}

/// Merge sorted sources of customers into `out` in key order, the values of one key merged
/// with `merge`: a scan of the sources' next keys (a parallel leader has one per process).
fn merge_sorted<V: StateValue>(
    sources: &mut [SlotSource<'_, V>],
    merge: impl Fn(&mut V, &V),
    mut out: impl FnMut(Slot<V>),
) -> Result<()> {
    let mut heads: Vec<Option<Slot<V>>> = Vec::with_capacity(sources.len());
    for s in sources.iter_mut() {
        heads.push(s.next()?);
    }
    let mut cur: Option<Slot<V>> = None;
    for i in 0usize.. {
        crate::interrupt::check_every(i);
        let mut best: Option<usize> = None;
        for (i, h) in heads.iter().enumerate() {
            if let Some(s) = h {
                if best.is_none_or(|b| {
                    let t = heads[b].as_ref().expect("a head");
                    (s.a, s.b) < (t.a, t.b)
                }) {
                    best = Some(i);
                }
            }
        }
        let Some(i) = best else { break };
        let next = sources[i].next()?;
        let s = std::mem::replace(&mut heads[i], next).expect("a head");
        match &mut cur {
            Some(c) if (c.a, c.b) == (s.a, s.b) => merge(&mut c.value, &s.value),
            _ => {
                if let Some(done) = cur.replace(s) {
                    out(done);
                }
            }
        }
    }
    if let Some(done) = cur {
        out(done);
    }
    Ok(())
}

/// Append one partition of a partial state: its number of items and their bytes.
pub(crate) fn put_partition(out: &mut Vec<u8>, n: u64, bytes: &[u8]) {
    varint::put(out, n as u128);
    varint::put(out, bytes.len() as u128);
    out.extend_from_slice(bytes);
}

/// Read what [`put_partition`] wrote: the number of items, each of at least `min` bytes,
/// and their bytes.
pub(crate) fn read_partition<'a>(r: &mut Reader<'a>, min: u64) -> Result<(u64, &'a [u8])> {
    let n = r.u64().ok_or_else(bad_state)?;
    let len = usize::try_from(r.u64().ok_or_else(bad_state)?).map_err(|_| bad_state())?;
    let bytes = r.take(len).ok_or_else(bad_state)?;
    if n > len as u64 / min || (n == 0) != (len == 0) {
        return Err(bad_state());
    }
    Ok((n, bytes))
}

/// A copy of `bytes` in `alloc`, as one copy (the allocator-aware Vec copies a slice
/// element by element).
pub(crate) fn copy_in<A: Allocator>(bytes: &[u8], alloc: A) -> AVec<u8, A> {
    let mut copy = AVec::with_capacity_in(bytes.len(), alloc);
    // SAFETY: capacity for bytes.len() bytes, all written here.
    unsafe {
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), copy.as_mut_ptr(), bytes.len());
        copy.set_len(bytes.len());
    }
    copy
}

/// The error of a partial aggregate state that does not decode.
pub fn bad_state() -> MetricError {
    MetricError::InvalidBinary("invalid partial aggregate state".into())
}

pub(crate) fn write_key(out: &mut Vec<u8>, key: Key<'_>) {
    match key {
        Key::Int(i) => varint::put(out, varint::zigzag(i as i128)),
        Key::Uuid(u) => out.extend_from_slice(&u),
        Key::Text(t) => {
            varint::put(out, t.len() as u128);
            out.extend_from_slice(t);
        }
    }
}

pub(crate) fn read_kind(r: &mut Reader<'_>) -> Result<Option<KeyKind>> {
    match r.byte().ok_or_else(bad_state)? {
        0 => Ok(None),
        k => KeyKind::from_u8(k).map(Some).ok_or_else(bad_state),
    }
}

pub(crate) fn read_key<'a>(r: &mut Reader<'a>, kind: KeyKind) -> Result<Key<'a>> {
    Ok(match kind {
        KeyKind::Int => Key::Int(r.i64().ok_or_else(bad_state)?),
        KeyKind::Uuid => Key::Uuid(
            r.take(16)
                .ok_or_else(bad_state)?
                .try_into()
                .map_err(|_| bad_state())?,
        ),
        KeyKind::Text => {
            let len = usize::try_from(r.u64().ok_or_else(bad_state)?).map_err(|_| bad_state())?;
            Key::Text(r.take(len).ok_or_else(bad_state)?)
        }
    })
}

/// A per-customer value of a one-step aggregate's hash-table state: its zero and its
/// partial-state form (what a parallel worker sends its leader).
pub trait StateValue: Merge {
    const ZERO: Self;
    fn put(&self, out: &mut Vec<u8>);
    fn get(r: &mut crate::varint::Reader<'_>) -> Result<Self>;
}

/// Retention flags (before the previous period, in it, in the period).
impl StateValue for u8 {
    const ZERO: u8 = 0;
    fn put(&self, out: &mut Vec<u8>) {
        out.push(*self);
    }
    fn get(r: &mut crate::varint::Reader<'_>) -> Result<u8> {
        r.byte().filter(|f| *f & !7 == 0).ok_or_else(bad_state)
    }
}

/// Order count.
impl StateValue for u64 {
    const ZERO: u64 = 0;
    fn put(&self, out: &mut Vec<u8>) {
        crate::varint::put(out, *self as u128);
    }
    fn get(r: &mut crate::varint::Reader<'_>) -> Result<u64> {
        r.u64().ok_or_else(bad_state)
    }
}

/// The pooled mean gap of customers given by their spans (the one-step aggregate's hash
/// table), as `StatsRef::avg_gap` computes it over the same customers.
pub fn mean_gap_of<'a>(spans: impl IntoIterator<Item = &'a Span>) -> Option<f64> {
    let (mut lifespans, mut gaps) = (0i128, 0u64);
    for (i, v) in spans.into_iter().enumerate() {
        crate::interrupt::check_every(i);
        lifespans += (v.last - v.first) as i128;
        gaps += v.n - 1;
    }
    super::mean_gap(lifespans, gaps)
}

/// First and last order and order count.
impl StateValue for Span {
    const ZERO: Span = Span::ZERO;
    fn put(&self, out: &mut Vec<u8>) {
        crate::varint::put(out, crate::varint::zigzag(self.first as i128));
        crate::varint::put(out, crate::varint::zigzag(self.last as i128));
        crate::varint::put(out, self.n as u128);
    }
    fn get(r: &mut crate::varint::Reader<'_>) -> Result<Span> {
        let s = Span {
            first: r.i64().ok_or_else(bad_state)?,
            last: r.i64().ok_or_else(bad_state)?,
            n: r.u64().ok_or_else(bad_state)?,
        };
        (s.n > 0 && s.first <= s.last)
            .then_some(s)
            .ok_or_else(bad_state)
    }
}

/// Customer ids as the order collections store them (`log::OrderLog`, `runs::RunMap`): one
/// word each. Integers are kept as they are; uuid and text ids are numbered in order of
/// arrival through an [`IdMap`] (exact comparison), one entry per customer. A stored key's
/// partition is that of the id's own hash, so the workers of a parallel plan, which number
/// ids differently, still put a customer in the same partition.
pub struct Numbering<A: Allocator + Clone> {
    kind: Option<KeyKind>,
    ids: IdMap<u32, A>,
    next: u32,
}

/// How another process's stored keys become this one's (see [`Numbering::read`]).
pub struct Renumbering {
    kind: Option<KeyKind>,
    /// (theirs, ours), sorted; empty for integer ids, which are stored as they are.
    pairs: Vec<(u64, u64)>,
}

impl Renumbering {
    /// Integer keys: kept as they are.
    pub fn keep() -> Renumbering {
        Renumbering {
            kind: Some(KeyKind::Int),
            pairs: Vec::new(),
        }
    }

    /// Whether stored keys stay what they were, and so keep their order.
    pub fn keeps_keys(&self) -> bool {
        self.kind == Some(KeyKind::Int)
    }

    /// Our stored key for theirs; `None` for a key they never numbered.
    #[inline]
    pub fn key(&self, theirs: u64) -> Option<u64> {
        if self.keeps_keys() {
            return Some(theirs);
        }
        self.pairs
            .binary_search_by_key(&theirs, |p| p.0)
            .ok()
            .map(|i| self.pairs[i].1)
    }
}

impl<A: Allocator + Clone> Numbering<A> {
    pub fn new_in(alloc: A) -> Self {
        Numbering {
            kind: None,
            ids: IdMap::new_in(alloc),
            next: 0,
        }
    }

    pub fn kind(&self) -> Option<KeyKind> {
        self.kind
    }

    /// Take `kind` as the ids' kind if there is none yet; whether it is theirs now.
    pub fn adopt(&mut self, kind: KeyKind) -> bool {
        *self.kind.get_or_insert(kind) == kind
    }

    /// The stored key of an id and its partition, numbering a new uuid or text id.
    #[inline]
    pub fn stored(&mut self, key: Key<'_>) -> Result<(u64, usize)> {
        let kind = *self.kind.get_or_insert(key.kind());
        if kind != key.kind() {
            return Err(MetricError::InvalidParameter(
                "customer ids of different types cannot be combined".into(),
            ));
        }
        let part = partition(key.hash());
        let stored = match key {
            Key::Int(v) => v as u64,
            _ => {
                let next = &mut self.next;
                let id = *self.ids.entry(key, || {
                    *next += 1;
                    *next - 1
                })?;
                if self.next == u32::MAX {
                    return Err(MetricError::LimitExceeded(
                        "more than 2^32 - 1 customers".into(),
                    ));
                }
                id as u64
            }
        };
        Ok((stored, part))
    }

    /// Serialize (the head of a parallel worker's partial state): the kind, then the
    /// numbered ids with their numbers.
    pub fn write(&self, out: &mut Vec<u8>) {
        out.push(self.kind.map_or(0, |k| k as u8));
        varint::put(out, self.ids.len() as u128);
        for (key, id) in self.ids.iter() {
            varint::put(out, *id as u128);
            write_key(out, key);
        }
    }

    /// Read what [`Numbering::write`] wrote in another process, numbering its ids here.
    pub fn read(&mut self, r: &mut Reader<'_>) -> Result<Renumbering> {
        let kind = read_kind(r)?;
        if let Some(k) = kind {
            let mine = *self.kind.get_or_insert(k);
            if mine != k {
                return Err(bad_state());
            }
        }
        let n = r.u64().ok_or_else(bad_state)?;
        if n > 0 && matches!(kind, None | Some(KeyKind::Int)) {
            return Err(bad_state());
        }
        let mut pairs = Vec::new();
        for _ in 0..n {
            let theirs = r.u64().ok_or_else(bad_state)?;
            let key = read_key(r, kind.ok_or_else(bad_state)?)?;
            let (ours, _) = self.stored(key)?;
            pairs.push((theirs, ours));
        }
        pairs.sort_unstable();
        Ok(Renumbering { kind, pairs })
    }
}
