//! Customers by id, for the one-step aggregates that take `customer_id` directly.
//!
//! Ids are compared exactly, never by hash alone: integers (`smallint`, `integer`,
//! `bigint`) by value, `uuid` by its 16 bytes, `text` by its bytes (so under a
//! nondeterministic collation, `'A'` and `'a'` are two customers). Text keys live in one
//! arena. Every allocation goes through the allocator `A`, which the extension points at
//! the aggregate's memory context.
//!
//! Memory per customer: a 16-byte key and the value in a hashbrown table (1 control byte
//! per bucket, at most 7/8 full, so 1.14 to 2.3 slots per customer), plus the text of text
//! ids.

use crate::error::{MetricError, Result};
use crate::varint::{self, Reader};
use allocator_api2::alloc::Allocator;
use allocator_api2::vec::Vec as AVec;
use hashbrown::hash_table::Entry;
use hashbrown::{DefaultHashBuilder, HashTable};
use std::hash::BuildHasher;

/// The SQL type family of the ids of one aggregate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum KeyKind {
    Int = 1,
    Uuid = 2,
    Text = 3,
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
}

/// An entry: the key as two words (the integer; the uuid's halves; the text's offset and
/// length in the arena) and the value.
pub struct Slot<V> {
    a: u64,
    b: u64,
    pub value: V,
}

pub struct IdMap<V, A: Allocator + Clone> {
    kind: Option<KeyKind>,
    table: HashTable<Slot<V>, A>,
    text: AVec<u8, A>,
    hasher: DefaultHashBuilder,
}

fn words(key: Key<'_>) -> (u64, u64) {
    match key {
        Key::Int(v) => (v as u64, 0),
        Key::Uuid(u) => (
            u64::from_le_bytes(u[..8].try_into().expect("8 bytes")),
            u64::from_le_bytes(u[8..].try_into().expect("8 bytes")),
        ),
        Key::Text(_) => (0, 0),
    }
}

impl<V, A: Allocator + Clone> IdMap<V, A> {
    pub fn new_in(alloc: A) -> Self {
        IdMap {
            kind: None,
            table: HashTable::new_in(alloc.clone()),
            text: AVec::new_in(alloc),
            hasher: DefaultHashBuilder::default(),
        }
    }

    pub fn len(&self) -> usize {
        self.table.len()
    }

    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// Bytes allocated for the table and the text arena.
    pub fn allocated_bytes(&self) -> usize {
        self.table.allocation_size() + self.text.capacity()
    }

    fn hash_key(hasher: &DefaultHashBuilder, key: Key<'_>) -> u64 {
        match key {
            Key::Int(v) => hasher.hash_one(v),
            Key::Uuid(u) => hasher.hash_one(u),
            Key::Text(t) => hasher.hash_one(t),
        }
    }

    fn key_of<'s>(text: &'s [u8], kind: KeyKind, slot: &Slot<V>) -> Key<'s> {
        match kind {
            KeyKind::Int => Key::Int(slot.a as i64),
            KeyKind::Uuid => {
                let mut u = [0u8; 16];
                u[..8].copy_from_slice(&slot.a.to_le_bytes());
                u[8..].copy_from_slice(&slot.b.to_le_bytes());
                Key::Uuid(u)
            }
            KeyKind::Text => Key::Text(&text[slot.a as usize..(slot.a + slot.b) as usize]),
        }
    }

    /// The value of `key`, inserted with `new()` when absent.
    #[inline]
    pub fn entry(&mut self, key: Key<'_>, new: impl FnOnce() -> V) -> Result<&mut V> {
        let kind = *self.kind.get_or_insert(key.kind());
        if kind != key.kind() {
            return Err(MetricError::InvalidParameter(
                "customer ids of different types cannot be combined".into(),
            ));
        }
        let hash = Self::hash_key(&self.hasher, key);
        let (text, hasher) = (&self.text, &self.hasher);
        let (a, b) = words(key);
        let eq = |s: &Slot<V>| match key {
            Key::Text(t) => {
                s.b as usize == t.len() && &text[s.a as usize..(s.a + s.b) as usize] == t
            }
            _ => s.a == a && s.b == b,
        };
        let rehash = |s: &Slot<V>| Self::hash_key(hasher, Self::key_of(text, kind, s));
        match self.table.entry(hash, eq, rehash) {
            Entry::Occupied(e) => Ok(&mut e.into_mut().value),
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
                Ok(&mut slot.value)
            }
        }
    }

    /// Every (id, value), in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (Key<'_>, &V)> + '_ {
        let kind = self.kind.unwrap_or(KeyKind::Int);
        self.table
            .iter()
            .map(move |s| (Self::key_of(&self.text, kind, s), &s.value))
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> + '_ {
        self.table.iter_mut().map(|s| &mut s.value)
    }

    /// Serialize (parallel workers send partial states to the leader): kind, count, then
    /// each key and the value `put` writes.
    pub fn write(&self, out: &mut Vec<u8>, mut put: impl FnMut(&V, &mut Vec<u8>)) {
        out.push(self.kind.map_or(0, |k| k as u8));
        varint::put(out, self.len() as u128);
        for (key, v) in self.iter() {
            match key {
                Key::Int(i) => varint::put(out, varint::zigzag(i as i128)),
                Key::Uuid(u) => out.extend_from_slice(&u),
                Key::Text(t) => {
                    varint::put(out, t.len() as u128);
                    out.extend_from_slice(t);
                }
            }
            put(v, out);
        }
    }

    /// Read what [`Self::write`] wrote, combining each value into this map with `merge`
    /// (`get` reads one value).
    pub fn read_merge(
        &mut self,
        r: &mut Reader<'_>,
        mut get: impl FnMut(&mut Reader<'_>) -> Result<V>,
        mut merge: impl FnMut(&mut V, V) -> Result<()>,
        mut new: impl FnMut() -> V,
    ) -> Result<()> {
        let bad = || MetricError::InvalidBinary("invalid partial aggregate state".into());
        let kind = match r.byte().ok_or_else(bad)? {
            0 => None,
            1 => Some(KeyKind::Int),
            2 => Some(KeyKind::Uuid),
            3 => Some(KeyKind::Text),
            _ => return Err(bad()),
        };
        let n = r.u64().ok_or_else(bad)?;
        if n > 0 && kind.is_none() {
            return Err(bad());
        }
        for _ in 0..n {
            let key = match kind.ok_or_else(bad)? {
                KeyKind::Int => Key::Int(r.i64().ok_or_else(bad)?),
                KeyKind::Uuid => {
                    Key::Uuid(r.take(16).ok_or_else(bad)?.try_into().map_err(|_| bad())?)
                }
                KeyKind::Text => {
                    let len = usize::try_from(r.u64().ok_or_else(bad)?).map_err(|_| bad())?;
                    Key::Text(r.take(len).ok_or_else(bad)?)
                }
            };
            let v = get(r)?;
            let slot = self.entry(key, &mut new)?;
            merge(slot, v)?;
        }
        Ok(())
    }
}
