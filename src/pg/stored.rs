//! Type I/O of the extension's base types: one trait, [`TypeIo`], and one macro,
//! [`type_io!`], that defines a type's four C functions (input, output, receive, send)
//! from it. Each stored representation implements the trait once: the word summaries
//! (`summary::Words`), the survey summaries (`survey`), `customer_history` (`history`) and
//! the types stored as their canonical text ([`Text`]: the models and survival curves).

use super::*;
use pgrx::pg_sys::Datum;
use retention_core::{MetricError, Result};

/// How a base type is read and written. Errors are reported (22P02 for text, 22P03 for
/// binary input), so the functions return only good values.
pub trait TypeIo {
    /// The SQL type name, for messages.
    const NAME: &'static str;
    /// Parse the text form into a new datum (type input).
    unsafe fn input(text: &str) -> Datum;
    /// The text form of a datum (type output).
    unsafe fn output(d: Datum) -> String;
    /// Check and store the binary form (type receive).
    unsafe fn receive(bytes: &[u8]) -> Datum;
    /// The binary form of a datum (type send).
    unsafe fn send(d: Datum) -> Vec<u8>;
}

/// Define the type input, output, receive and send functions of `$T: TypeIo` under the
/// given C symbol names (the names the `.sql` files declare).
macro_rules! type_io {
    ($T:ty: $in:ident, $out:ident, $recv:ident, $send:ident) => {
        $crate::pg::pg_fn!(fn $in(fcinfo) {
            let text = $crate::pg::arg_cstr(fcinfo, 0, <$T as $crate::pg::TypeIo>::NAME);
            <$T as $crate::pg::TypeIo>::input(text)
        });
        $crate::pg::pg_fn!(fn $out(fcinfo) {
            let d = $crate::pg::arg(fcinfo, 0).expect("strict");
            $crate::pg::ret_cstring(&<$T as $crate::pg::TypeIo>::output(d))
        });
        $crate::pg::pg_fn!(fn $recv(fcinfo) {
            <$T as $crate::pg::TypeIo>::receive($crate::pg::arg_recv_bytes(fcinfo, 0))
        });
        $crate::pg::pg_fn!(fn $send(fcinfo) {
            let d = $crate::pg::arg(fcinfo, 0).expect("strict");
            $crate::pg::new_varlena(&<$T as $crate::pg::TypeIo>::send(d))
        });
    };
}
pub(crate) use type_io;

/// A value stored as its canonical text form (what the output function prints), so the
/// stored bytes, the text and the binary forms are one thing.
pub trait TextForm: Sized + 'static {
    const TYPE_NAME: &'static str;
    fn to_text(&self) -> String;
    fn from_text(s: &str) -> Result<Self>;
}

/// The type I/O of a [`TextForm`] type.
pub struct Text<T>(std::marker::PhantomData<T>);

/// A datum of `v`'s canonical text.
pub unsafe fn text_form_datum<T: TextForm>(v: &T) -> Datum {
    new_varlena(v.to_text().as_bytes())
}

/// Parse the bytes of a stored value.
pub fn parse_text_form<T: TextForm>(bytes: &[u8]) -> Result<T> {
    let text = std::str::from_utf8(bytes).map_err(|_| {
        MetricError::InvalidText(format!(
            "invalid input syntax for type {}: not UTF-8",
            T::TYPE_NAME
        ))
    })?;
    T::from_text(text)
}

impl<T: TextForm> TypeIo for Text<T> {
    const NAME: &'static str = T::TYPE_NAME;
    unsafe fn input(text: &str) -> Datum {
        text_form_datum(&T::from_text(text).or_report())
    }
    unsafe fn output(d: Datum) -> String {
        String::from_utf8_lossy(varlena_bytes(d)).into_owned()
    }
    /// The text form's bytes, checked and made canonical.
    unsafe fn receive(bytes: &[u8]) -> Datum {
        text_form_datum(&parse_text_form::<T>(bytes).or_report())
    }
    unsafe fn send(d: Datum) -> Vec<u8> {
        varlena_bytes(d).to_vec()
    }
}

/// Implement [`TextForm`] for a type of the pure crate with inherent `to_text` and
/// `from_text` methods.
macro_rules! text_form {
    ($t:ty, $name:expr) => {
        impl $crate::pg::TextForm for $t {
            const TYPE_NAME: &'static str = $name;
            fn to_text(&self) -> String {
                <$t>::to_text(self)
            }
            fn from_text(s: &str) -> retention_core::Result<Self> {
                <$t>::from_text(s)
            }
        }
    };
}
pub(crate) use text_form;

// --- read-outs: parsed arguments cached per call site ----------------------------------------

/// Parsed values of a call site's stored arguments, with the bytes they were parsed from.
struct Cached<T> {
    key: Vec<u8>,
    value: T,
}

/// At most this many stored-type arguments per call (`clv` has two models).
const MAX_CACHED_ARGS: usize = 2;

/// The values of the stored-type arguments `args`, parsed by `parse`, cached in the call
/// site's `fn_extra` while their bytes stay the same. Called on every row of a read-out
/// over a table (`clv` over every customer), so a hit allocates nothing: the arguments'
/// bytes are compared in place with the key they were parsed from.
pub unsafe fn cached<'a, T: 'static>(
    fcinfo: pgrx::pg_sys::FunctionCallInfo,
    args: &[usize],
    parse: impl FnOnce(&[&[u8]]) -> Result<T>,
) -> &'a T {
    let mut parts: [&[u8]; MAX_CACHED_ARGS] = [&[]; MAX_CACHED_ARGS];
    for (part, i) in parts.iter_mut().zip(args) {
        *part = varlena_bytes(arg(fcinfo, *i).expect("strict"));
    }
    let parts = &parts[..args.len()];
    let flinfo: *mut pgrx::pg_sys::FmgrInfo = call_site(fcinfo);
    let c = (*flinfo).fn_extra as *mut Cached<T>;
    if !c.is_null() && same_key(&(*c).key, parts) {
        return &(*c).value;
    }
    let mut key = Vec::new();
    for p in parts {
        key.extend_from_slice(&(p.len() as u64).to_le_bytes());
        key.extend_from_slice(p);
    }
    let value = parse(parts).or_report();
    let p = keep_in((*flinfo).fn_mcxt, Cached { key, value });
    (*flinfo).fn_extra = p as *mut std::ffi::c_void;
    &(*p).value
}

/// Whether `key` (each part's length as 8 bytes, then its bytes) was built from `parts`.
fn same_key(key: &[u8], parts: &[&[u8]]) -> bool {
    let mut rest = key;
    for p in parts {
        let Some((len, tail)) = rest.split_first_chunk::<8>() else {
            return false;
        };
        if u64::from_le_bytes(*len) != p.len() as u64 || !tail.starts_with(p) {
            return false;
        }
        rest = &tail[p.len()..];
    }
    rest.is_empty()
}

/// The stored value of argument 0 of a read-out, parsed once per call site ([`cached`]).
pub unsafe fn stored_arg0<'a, T: TextForm>(fcinfo: pgrx::pg_sys::FunctionCallInfo) -> &'a T {
    cached(fcinfo, &[0], |p| parse_text_form::<T>(p[0]))
}
