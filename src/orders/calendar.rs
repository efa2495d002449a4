//! Calendar periods in a time zone, computed by PostgreSQL itself, so that a period here is
//! exactly `date_trunc(unit, ordered_at, zone)`: what a hand-written report would group by.

use crate::glue::*;
use pgrx::pg_sys::{self, Datum, FunctionCallInfo};
use retention_core::time::{local_date, Calendar, Period, Unit};
use retention_core::Result;

/// The session's `TimeZone` name (what `SHOW TimeZone` prints). It lives as long as the
/// session's time zone setting, which cannot change during a query.
pub unsafe fn session_zone<'a>() -> &'a str {
    std::ffi::CStr::from_ptr(pg_sys::pg_get_timezone_name(pg_sys::session_timezone))
        .to_str()
        .unwrap_or("UTC")
}

/// The granularity argument `i` and the zone argument `i + 1` (the session's zone when the
/// function has no such argument). No allocation: it runs on every row.
pub unsafe fn calendar_args<'a>(fcinfo: FunctionCallInfo, i: usize) -> (Unit, &'a str) {
    let unit = match arg(fcinfo, i) {
        Some(d) => Unit::parse(arg_text(d, "granularity")).or_report(),
        None => null_parameter("granularity"),
    };
    let zone = if nargs(fcinfo) > i + 1 {
        match arg(fcinfo, i + 1) {
            Some(d) => arg_text(d, "time zone"),
            None => null_parameter("time zone"),
        }
    } else {
        session_zone()
    };
    (unit, zone)
}

#[cold]
pub unsafe fn null_parameter(name: &str) -> ! {
    pgrx::ereport!(
        ERROR,
        pgrx::PgSqlErrorCode::ERRCODE_NULL_VALUE_NOT_ALLOWED,
        format!("{name} must not be NULL")
    );
}

/// A calendar and the text datums PostgreSQL's functions take, cached for one call site.
pub struct ZoneCalendar {
    pub cal: Calendar<PgAlloc>,
    zone_text: Datum,
    unit_text: Datum,
}

unsafe fn trunc(unit_text: Datum, zone_text: Datum, ts: i64) -> i64 {
    call_builtin(
        pg_sys::timestamptz_trunc_zone,
        &[unit_text, Datum::from(ts), zone_text],
    )
    .value() as i64
}

/// The local timestamp of `ts` in the zone.
unsafe fn local_time(zone_text: Datum, ts: i64) -> i64 {
    call_builtin(pg_sys::timestamptz_zone, &[zone_text, Datum::from(ts)]).value() as i64
}

/// The period containing `ts`: date_trunc gives its start, the truncation of a time just
/// inside the next period its end, and the local start date its index.
unsafe fn period_of(unit: Unit, unit_text: Datum, zone_text: Datum, ts: i64) -> Result<Period> {
    let start = trunc(unit_text, zone_text, ts);
    let end = trunc(unit_text, zone_text, start + unit.overshoot_us());
    Ok(Period {
        index: unit.index_of(local_date(local_time(zone_text, start))),
        start,
        end,
    })
}

impl ZoneCalendar {
    unsafe fn new(ctx: pg_sys::MemoryContext, unit: Unit, zone: &str) -> ZoneCalendar {
        let old = pg_sys::MemoryContextSwitchTo(ctx);
        let zc = ZoneCalendar {
            cal: Calendar::new_in(unit, PgAlloc(ctx)),
            zone_text: text_datum(zone),
            unit_text: text_datum(unit.name()),
        };
        pg_sys::MemoryContextSwitchTo(old);
        zc
    }

    unsafe fn zone(&self) -> &[u8] {
        varlena_bytes(self.zone_text)
    }

    /// The period index of `ts`.
    #[inline]
    pub unsafe fn index(&mut self, ts: i64) -> Result<i64> {
        let (unit, unit_text, zone_text) = (self.cal.unit, self.unit_text, self.zone_text);
        self.cal
            .locate(ts, &mut |t| period_of(unit, unit_text, zone_text, t))
            .map(|p| p.index)
    }

    /// Start and end of the period with this index, as timestamps.
    pub unsafe fn bounds(&self, index: i64) -> (i64, i64) {
        (self.start_of(index), self.start_of(index + 1))
    }

    unsafe fn start_of(&self, index: i64) -> i64 {
        let local = self
            .cal
            .unit
            .local_start(index)
            .expect("validated period index");
        let ts = call_builtin(
            pg_sys::timestamp_zone,
            &[self.zone_text, Datum::from(local)],
        )
        .value() as i64;
        // Local midnight may not exist (a DST change at midnight); date_trunc decides then.
        trunc(self.unit_text, self.zone_text, ts)
    }
}

/// The calendar cached in this call site's `fn_extra` for (unit, zone), made on first use
/// (or when the arguments change) in the function's memory context.
pub unsafe fn zone_calendar<'a>(
    fcinfo: FunctionCallInfo,
    unit: Unit,
    zone: &str,
) -> &'a mut ZoneCalendar {
    let flinfo = (*fcinfo).flinfo;
    let cached = (*flinfo).fn_extra as *mut ZoneCalendar;
    if !cached.is_null() && (*cached).cal.unit == unit && (*cached).zone() == zone.as_bytes() {
        return &mut *cached;
    }
    let zc = alloc_in(
        (*flinfo).fn_mcxt,
        ZoneCalendar::new((*flinfo).fn_mcxt, unit, zone),
    );
    (*flinfo).fn_extra = zc as *mut std::ffi::c_void;
    &mut *zc
}
