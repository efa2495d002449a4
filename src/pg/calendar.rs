//! Calendar periods in a time zone, computed by PostgreSQL itself, so that a period here is
//! exactly `date_trunc(unit, ordered_at, zone)`: what a hand-written report would group by.

use super::*;
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

/// A calendar and the text datums PostgreSQL's functions take, cached for one call site.
pub struct ZoneCalendar {
    pub cal: Calendar<PgAlloc>,
    zone_text: Datum,
    unit_text: Datum,
    /// The arguments it was made from, when made by [`call_calendar`]: the granularity
    /// argument's bytes, the zone argument's bytes or (`None`) the session's zone, and the
    /// extra argument's bytes.
    args: Option<(Datum, Option<Datum>, Option<Datum>)>,
    /// The extra argument, parsed (cohort brackets).
    extra: retention_core::allocator_api2::vec::Vec<i64, PgAlloc>,
    /// The session zone it was made in, when it has no zone argument.
    session: *mut pg_sys::pg_tz,
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
            args: None,
            extra: retention_core::allocator_api2::vec::Vec::new_in(PgAlloc(ctx)),
            session: std::ptr::null_mut(),
        };
        pg_sys::MemoryContextSwitchTo(old);
        zc
    }

    unsafe fn zone(&self) -> &[u8] {
        varlena_bytes(self.zone_text)
    }

    /// The extra argument of [`call_calendar`], parsed.
    pub fn extra(&self) -> &[i64] {
        &self.extra
    }

    /// The granularity.
    pub fn unit(&self) -> Unit {
        self.cal.unit
    }

    /// The time zone's name, as given (or the session's). It lives as long as the calendar,
    /// which lives for the query.
    pub unsafe fn zone_name<'a>(&self) -> &'a str {
        // Made from a &str in `new`.
        let z = self.zone();
        std::str::from_utf8_unchecked(std::slice::from_raw_parts(z.as_ptr(), z.len()))
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

    /// The local date the period with this index starts on, in the calendar's zone (the
    /// `date` column of the read-outs: a label that does not move with the session's
    /// TimeZone), as a `date` datum.
    pub fn date_of(&self, index: i64) -> Datum {
        let local = self.cal.unit.local_start(index).expect("validated period index");
        // Local midnight: whole days since 2000-01-01, PostgreSQL's date.
        Datum::from((local / retention_core::time::US_PER_DAY) as i32)
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
    let flinfo: *mut pg_sys::FmgrInfo = call_site(fcinfo);
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

/// The calendar of a calendar table (`period_series`, `mrr_series`, `cohort_summary`),
/// cached for the call site: its read-outs turn period indexes into timestamps with it.
pub unsafe fn table_calendar<'a>(fcinfo: FunctionCallInfo, body: &[u64]) -> &'a mut ZoneCalendar {
    let (unit, zone) = retention_core::orders::series::calendar(body).or_report();
    zone_calendar(fcinfo, unit, &zone)
}

/// The day calendar of a call whose optional time zone argument is `zone` (when the call
/// has that many arguments; else the session's zone), cached for the call site: the
/// activity aggregates, whose unit is always a day.
pub unsafe fn day_calendar<'a>(fcinfo: FunctionCallInfo, zone: usize) -> &'a mut ZoneCalendar {
    let name = if nargs(fcinfo) > zone {
        let d = arg(fcinfo, zone).unwrap_or_else(|| null_parameter("time zone"));
        arg_text(d, "time zone")
    } else {
        session_zone()
    };
    zone_calendar(fcinfo, Unit::Day, name)
}

/// An argument parsed along with the calendar (see [`call_calendar`]).
pub type Extra = (usize, unsafe fn(FunctionCallInfo, usize) -> Vec<i64>);

/// The calendar of a transition call's granularity argument `i` and, when `zone_arg`, its
/// time zone argument `i + 1` (else the session's zone), with `extra`'s argument parsed by
/// its function, cached in the call site's `fn_extra`. A row whose arguments have the same
/// bytes as the cached ones (and, without a zone argument, the same session zone) gets it
/// back without any parsing: these run on every row, and the arguments are nearly always
/// constants. A row with other arguments makes a new calendar.
pub unsafe fn call_calendar<'a>(
    fcinfo: FunctionCallInfo,
    i: usize,
    zone_arg: bool,
    extra: Option<Extra>,
) -> &'a mut ZoneCalendar {
    call_calendar_at(fcinfo, i, zone_arg.then_some(i + 1), extra)
}

/// [`call_calendar`] with the time zone argument at `zone` (if any) rather than right after
/// the granularity: for functions whose zone comes last, after other arguments.
pub unsafe fn call_calendar_at<'a>(
    fcinfo: FunctionCallInfo,
    i: usize,
    zone: Option<usize>,
    extra: Option<Extra>,
) -> &'a mut ZoneCalendar {
    let unit_d = arg(fcinfo, i).unwrap_or_else(|| null_parameter("granularity"));
    let zone_d = zone.map(|z| arg(fcinfo, z).unwrap_or_else(|| null_parameter("time zone")));
    // A NULL extra argument is never cached: its parser reports it.
    let extra_d = extra.and_then(|(j, _)| arg(fcinfo, j));
    let flinfo: *mut pg_sys::FmgrInfo = call_site(fcinfo);
    let cached = (*flinfo).fn_extra as *mut ZoneCalendar;
    if let Some(c) = cached.as_mut() {
        if let Some((u, z, x)) = c.args {
            let same = |a: Option<Datum>, b: Option<Datum>| match (a, b) {
                (Some(a), Some(b)) => varlena_bytes(a) == varlena_bytes(b),
                (None, None) => true,
                _ => false,
            };
            let same_zone = match (z, zone_d) {
                (None, None) => c.session == pg_sys::session_timezone,
                (z, zd) => same(z, zd),
            };
            if same_zone
                && varlena_bytes(u) == varlena_bytes(unit_d)
                && (extra.is_none() || (extra_d.is_some() && same(x, extra_d)))
            {
                return c;
            }
        }
    }
    let unit_arg = arg_text(unit_d, "granularity");
    let unit = Unit::parse(unit_arg).or_report();
    let zone = match zone_d {
        Some(d) => arg_text(d, "time zone"),
        None => session_zone(),
    };
    let parsed = extra.map(|(j, parse)| parse(fcinfo, j)).unwrap_or_default();
    let ctx = (*flinfo).fn_mcxt;
    let mut zc = ZoneCalendar::new(ctx, unit, zone);
    let old = pg_sys::MemoryContextSwitchTo(ctx);
    zc.args = Some((
        text_datum(unit_arg),
        zone_d.map(|_| text_datum(zone)),
        extra_d.map(|d| new_varlena(varlena_bytes(d))),
    ));
    pg_sys::MemoryContextSwitchTo(old);
    zc.extra.extend_from_slice(&parsed);
    zc.session = pg_sys::session_timezone;
    let zc = alloc_in(ctx, zc);
    (*flinfo).fn_extra = zc as *mut std::ffi::c_void;
    &mut *zc
}
