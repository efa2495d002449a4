//! The fixed part of a one-step aggregate's state (the aggregates that take `customer_id`
//! directly): the id type and the parameters its first row set, and their partial-state
//! form, which a parallel worker sends its leader ahead of the collected customers or
//! orders (`ids::IdMap::write`, `log::OrderLog::write`).
//!
//! Partial form: one byte of id type, then the parameters: `0` (none); `1`, then the window's
//! start and end as zigzag varints; `2`, then the unit's byte, the zone name's length (one
//! byte) and its UTF-8 bytes.

use super::ids::bad_state;
use super::retention::Window;
use crate::error::{MetricError, Result};
use crate::time::Unit;
use crate::varint::{self, Reader};

/// How the ids of one aggregate call are read; fixed by the argument's SQL type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum IdType {
    Int2 = 0,
    Int4 = 1,
    Int8 = 2,
    Uuid = 3,
    Text = 4,
}

impl IdType {
    pub fn from_u8(v: u8) -> Option<IdType> {
        [
            IdType::Int2,
            IdType::Int4,
            IdType::Int8,
            IdType::Uuid,
            IdType::Text,
        ]
        .get(v as usize)
        .copied()
    }
}

/// The parameters of a one-step aggregate, fixed by its first row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Params {
    None,
    Window(Window),
    Calendar {
        unit: Unit,
        zone_len: u8,
        zone: [u8; 255],
    },
}

impl Params {
    pub fn calendar(unit: Unit, zone: &str) -> Result<Params> {
        // The same check and message as the two-step aggregates' (it said "too long" of "").
        super::series::check_zone_name(zone)?;
        let mut z = [0u8; 255];
        z[..zone.len()].copy_from_slice(zone.as_bytes());
        Ok(Params::Calendar {
            unit,
            zone_len: zone.len() as u8,
            zone: z,
        })
    }

    /// The time zone of a calendar (UTC for the other kinds, which have none).
    pub fn zone(&self) -> &str {
        match self {
            Params::Calendar { zone_len, zone, .. } => {
                std::str::from_utf8(&zone[..*zone_len as usize]).unwrap_or("UTC")
            }
            _ => "UTC",
        }
    }

    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Params::None => out.push(0),
            Params::Window(w) => {
                out.push(1);
                varint::put(out, varint::zigzag(w.start as i128));
                varint::put(out, varint::zigzag(w.end as i128));
            }
            Params::Calendar {
                unit,
                zone_len,
                zone,
            } => {
                out.push(2);
                out.push(*unit as u8);
                out.push(*zone_len);
                out.extend_from_slice(&zone[..*zone_len as usize]);
            }
        }
    }

    fn get(r: &mut Reader<'_>) -> Result<Params> {
        match r.byte().ok_or_else(bad_state)? {
            0 => Ok(Params::None),
            1 => Ok(Params::Window(Window::new(
                r.i64().ok_or_else(bad_state)?,
                r.i64().ok_or_else(bad_state)?,
            )?)),
            2 => {
                let unit = Unit::from_u8(r.byte().ok_or_else(bad_state)?).ok_or_else(bad_state)?;
                let len = r.byte().ok_or_else(bad_state)? as usize;
                let zone = std::str::from_utf8(r.take(len).ok_or_else(bad_state)?)
                    .map_err(|_| bad_state())?;
                Params::calendar(unit, zone)
            }
            _ => Err(bad_state()),
        }
    }

    /// The error for rows (or partial states) of one group with other parameters.
    #[cold]
    pub fn changed(&self, other: &Params) -> MetricError {
        match (self, other) {
            (Params::Window(x), Params::Window(w)) => {
                super::retention::check_window(&super::retention::new_body(x), w)
                    .expect_err("windows differ")
            }
            _ => MetricError::InvalidParameter(
                "the granularity or time zone changed within a group: all rows of one aggregate must use one calendar".into(),
            ),
        }
    }
}

/// Write the id type and parameters: the head of a partial state.
pub fn write_head(out: &mut Vec<u8>, id: IdType, params: &Params) {
    out.push(id as u8);
    params.put(out);
}

/// Read back what [`write_head`] wrote.
pub fn read_head(r: &mut Reader<'_>) -> Result<(IdType, Params)> {
    let id = r.byte().and_then(IdType::from_u8).ok_or_else(bad_state)?;
    Ok((id, Params::get(r)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_round_trip() {
        let cases = [
            (IdType::Int2, Params::None),
            (
                IdType::Uuid,
                Params::Window(Window::new(-5, 1_000_000).unwrap()),
            ),
            (
                IdType::Text,
                Params::calendar(Unit::Month, "Europe/Berlin").unwrap(),
            ),
        ];
        for (id, params) in cases {
            let mut out = Vec::new();
            write_head(&mut out, id, &params);
            let mut r = Reader::new(&out);
            assert_eq!(read_head(&mut r).unwrap(), (id, params));
            assert!(r.at_end());
        }
    }

    #[test]
    fn bad_heads_are_refused() {
        for bytes in [
            &[][..],
            &[5, 0],
            &[0, 3],
            &[0, 2, 200, 0],
            &[0, 2, 4, 3, b'a'],
        ] {
            assert!(read_head(&mut Reader::new(bytes)).is_err(), "{bytes:?}");
        }
    }
}
