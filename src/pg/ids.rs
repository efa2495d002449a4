//! Reading `customer_id` arguments of any supported type as exact keys.

use super::*;
use pgrx::pg_sys::{self, Datum, FunctionCallInfo, Oid};
use pgrx::PgSqlErrorCode;
use retention_core::orders::ids::Key;
pub use retention_core::orders::onestep::IdType;

/// The id type of argument `argno` (domains resolve to their base type). Types whose
/// equality is not byte equality are refused rather than compared wrongly: `char(n)`
/// ignores trailing spaces, `numeric` has several forms of one value. The argument is
/// `anyelement`, so only the call's expression gives its type; a call without one (through
/// the function manager, as Citus's `worker_partial_agg` makes) is refused with 42P18.
pub unsafe fn id_type(fcinfo: FunctionCallInfo, argno: usize) -> IdType {
    let Some(oid) = arg_type(fcinfo, argno) else {
        unknown_arg_type(fcinfo, "customer_id");
    };
    match pg_sys::getBaseType(oid) {
        pg_sys::INT2OID => IdType::Int2,
        pg_sys::INT4OID => IdType::Int4,
        pg_sys::INT8OID => IdType::Int8,
        pg_sys::UUIDOID => IdType::Uuid,
        pg_sys::TEXTOID | pg_sys::VARCHAROID => IdType::Text,
        other => unsupported(other),
    }
}

#[cold]
unsafe fn unsupported(oid: Oid) -> ! {
    let name = std::ffi::CStr::from_ptr(pg_sys::format_type_be(oid)).to_string_lossy();
    pgrx::ereport!(
        ERROR,
        PgSqlErrorCode::ERRCODE_DATATYPE_MISMATCH,
        format!("customer_id of type {name} is not supported: use smallint, integer, bigint, uuid, text or varchar (cast it)")
    );
}

/// The key of an id datum of type `t`. Text keys borrow the (detoasted) datum.
#[inline]
pub unsafe fn key_of<'a>(d: Datum, t: IdType) -> Key<'a> {
    match t {
        IdType::Int2 => Key::Int(d.value() as i16 as i64),
        IdType::Int4 => Key::Int(d.value() as i32 as i64),
        IdType::Int8 => Key::Int(d.value() as i64),
        IdType::Uuid => Key::Uuid(*(d.cast_mut_ptr::<[u8; 16]>())),
        IdType::Text => Key::Text(varlena_bytes(d)),
    }
}
