//! Hand-worked fixtures for every order-family figure (the working is in the comments),
//! the stored forms pinned, and property tests: histories round-trip, merging in any
//! split and order gives the summary of the whole, and the one-step path (customers by id)
//! equals the two-level path (histories).

use super::cohort::{self, Cohorts};
use super::history::{self, HistoryBuilder};
use super::ids::{IdMap, Key};
use super::log::OrderLog;
use super::mrr::{self, Mrr, MrrRef};
use super::retention::{self, Retention, RetentionRef, Window};
use super::series::{self, Activity, MrrSeries};
use super::stats::{self, Stats, StatsRef};
use super::words::{self, Summary};
use super::*;
use crate::decimal::Dec;
use crate::time::{utc, utc_period, Unit, US_PER_DAY};
use allocator_api2::alloc::Global;
use proptest::prelude::*;

fn dec(s: &str) -> Dec {
    Dec::parse(s).unwrap()
}

/// A sorted history from (time, amount) rows.
fn history(rows: &[(i64, Option<&str>)]) -> HistoryBuilder<Global> {
    let mut b = HistoryBuilder::new_in(Global);
    for (ts, a) in rows {
        b.add(*ts, a.map(dec), 0, None, None).unwrap();
    }
    b.sort();
    b
}

/// Apply an operation that may ask to grow until it is done.
fn grow_loop(body: &mut Vec<u64>, mut op: impl FnMut(&mut [u64]) -> crate::Result<words::Grow>) {
    while let Some(grown) = op(body).unwrap() {
        *body = grown;
    }
}

fn month(ts: i64) -> crate::Result<i64> {
    utc_period(Unit::Month, ts).map(|p| p.index)
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() <= 1e-9 * b.abs().max(1.0), "{a} vs {b}");
}

// --- retention -------------------------------------------------------------------------------

#[test]
fn retention_fixture_by_hand() {
    // Period [2026-02-01, 2026-03-01): L = 28 days, previous period [2026-01-04, 2026-02-01).
    let w = Window::new(utc(2026, 2, 1, 0, 0, 0), utc(2026, 3, 1, 0, 0, 0)).unwrap();
    assert_eq!(w.prev_start, utc(2026, 1, 4, 0, 0, 0));
    let customers = [
        // A: Jan 10 (prev) and Feb 5 (period): active at start, retained.
        history(&[
            (utc(2026, 1, 10, 0, 0, 0), None),
            (utc(2026, 2, 5, 0, 0, 0), None),
        ]),
        // B: Jan 20 only: active at start, churned.
        history(&[(utc(2026, 1, 20, 0, 0, 0), None)]),
        // C: exactly at period_start (belongs to the period), nothing earlier: new.
        history(&[(utc(2026, 2, 1, 0, 0, 0), None)]),
        // D: 2025-12-01 (before the previous period) and Feb 20: reactivated.
        history(&[
            (utc(2025, 12, 1, 0, 0, 0), None),
            (utc(2026, 2, 20, 0, 0, 0), None),
        ]),
        // E: one second before the previous period, and exactly at period_end (excluded):
        // counts nowhere.
        history(&[
            (utc(2026, 1, 3, 23, 59, 59), None),
            (utc(2026, 3, 1, 0, 0, 0), None),
        ]),
        // F: exactly at the previous period's start, then at period_end: churned.
        history(&[
            (utc(2026, 1, 4, 0, 0, 0), None),
            (utc(2026, 3, 1, 0, 0, 0), None),
        ]),
    ];
    let mut body = retention::new_body(&w);
    for c in &customers {
        retention::add_flags(&mut body, retention::flags_of(&w, &c.customer())).unwrap();
    }
    let r = RetentionRef(&body);
    // customers_start = A, B, F; retained = A; churned = B, F; new = C; reactivated = D;
    // customers_end = A, C, D.
    assert_eq!(
        (
            r.customers_start(),
            r.retained(),
            r.churned(),
            r.new_customers(),
            r.reactivated(),
            r.customers_end()
        ),
        (3, 1, 2, 1, 1, 3)
    );
    close(r.retention_rate().unwrap(), 1.0 / 3.0);
    close(r.churn_rate().unwrap(), 2.0 / 3.0);
    // statsmodels proportion_confint(1, 3, method='wilson') = (0.0614919, 0.7923404)
    let ci = r.retention_ci(0.95).unwrap().unwrap();
    assert!(
        (ci.lower - 0.061_491_9).abs() < 1e-6 && (ci.upper - 0.792_340_4).abs() < 1e-6,
        "{ci:?}"
    );
    // Text form pinned.
    assert_eq!(
        Retention::to_text(&body),
        "(version:1,period_start:\"2026-02-01 00:00:00+00\",period_end:\"2026-03-01 00:00:00+00\",customers_start:3,retained:1,new_customers:1,reactivated:1)"
    );
    assert_eq!(
        Retention::from_text(&Retention::to_text(&body)).unwrap(),
        body
    );
}

#[test]
fn retention_checks_its_period() {
    assert!(Window::new(10, 10)
        .unwrap_err()
        .message()
        .contains("must be later"));
    let w = Window::new(0, 10).unwrap();
    let body = retention::new_body(&w);
    let other = Window::new(0, 20).unwrap();
    assert!(retention::check_window(&body, &other)
        .unwrap_err()
        .message()
        .contains("changed within a group"));
    let mut a = body.clone();
    assert!(Retention::merge(&mut a, &retention::new_body(&other)).is_err());
    // Inconsistent text: more retained than at start.
    let bad = "(version:1,period_start:\"2026-02-01 00:00:00+00\",period_end:\"2026-03-01 00:00:00+00\",customers_start:1,retained:2,new_customers:0,reactivated:0)";
    let e = Retention::from_text(bad).unwrap_err();
    assert!(matches!(e, crate::MetricError::InvalidText(_)), "{e}");
}

// --- stats -----------------------------------------------------------------------------------

fn stats_fixture() -> Vec<u64> {
    let t0 = utc(2026, 1, 1, 12, 0, 0);
    let customers = [
        // A: 3 orders over 30 days (gaps 10 and 20 days), amounts 10.00, 20.50 and unknown.
        history(&[
            (t0, Some("10.00")),
            (t0 + 10 * US_PER_DAY, Some("20.50")),
            (t0 + 30 * US_PER_DAY, None),
        ]),
        // B: one order of 5.
        history(&[(t0 + 5 * US_PER_DAY, Some("5"))]),
        // C: two orders at the same instant (gap 0), 1.5 and 2.25.
        history(&[
            (t0 + 40 * US_PER_DAY, Some("1.5")),
            (t0 + 40 * US_PER_DAY, Some("2.25")),
        ]),
    ];
    let mut body = stats::new_body();
    for c in &customers {
        grow_loop(&mut body, |b| stats::add_customer(b, &c.customer()));
    }
    body
}

#[test]
fn stats_fixture_by_hand() {
    let body = stats_fixture();
    let s = StatsRef(&body);
    // customers 3, repeat A and C; orders 6, priced 5; revenue 10 + 20.5 + 5 + 1.5 + 2.25.
    assert_eq!(
        (
            s.customers(),
            s.repeat_customers(),
            s.orders(),
            s.priced_orders()
        ),
        (3, 2, 6, 5)
    );
    assert_eq!(s.revenue(), dec("39.25"));
    close(s.repeat_purchase_rate().unwrap(), 2.0 / 3.0);
    close(s.orders_per_customer().unwrap(), 2.0);
    close(s.avg_order_value().unwrap(), 39.25 / 5.0);
    // Pooled mean gap: lifespans 30 + 0 + 0 days over (3-1) + (1-1) + (2-1) = 3 gaps.
    close(s.avg_gap().unwrap(), 10.0 * US_PER_DAY as f64);
    // Gaps {10 d, 20 d, 0}: median 10 days.
    close(s.median_gap().unwrap(), 10.0 * US_PER_DAY as f64);
    assert_eq!(s.gap_resolution(), 1);
    // Mean lifespan 30 / 3 = 10 days; window t0 .. t0 + 40 d.
    close(s.avg_lifespan().unwrap(), 10.0 * US_PER_DAY as f64);
    assert_eq!(s.observation_window(), Some(40 * US_PER_DAY));
    // Purchase frequency per 40 days = 2 orders per customer; CLV observed =
    // AOV 7.85 x 2 x (10 / 40) = 3.925; with a churn rate of 0.5 per 40 days: 7.85 x 2 x 2.
    let per = 40.0 * US_PER_DAY as f64;
    close(s.purchase_frequency(per).unwrap(), 2.0);
    close(s.historic_clv(per, None).unwrap().unwrap(), 3.925);
    close(s.historic_clv(per, Some(0.5)).unwrap().unwrap(), 31.4);
    assert!(s.historic_clv(per, Some(1.5)).is_err());
    // A churn rate so small that 1 / churn_rate is infinite: an error, not Infinity.
    let e = s.historic_clv(per, Some(5e-324)).unwrap_err();
    assert!(matches!(e, MetricError::OutOfRange(_)), "{e:?}");
    assert!(
        e.message()
            .starts_with("historic_clv overflows double precision"),
        "{e}"
    );
    // No cost column: no profit.
    assert_eq!(s.profit(), None);
    assert_eq!(
        Stats::to_text(&body),
        "(version:1,customers:3,repeat_customers:2,orders:6,priced_orders:5,revenue:39.25,lifespan_sum:2592000.000000,first_order:\"2026-01-01 12:00:00+00\",last_order:\"2026-02-10 12:00:00+00\",gap_shift:0,gaps:[0,1,864000000000,1,1728000000000,1])"
    );
    let compact = Stats::compact(&body).unwrap_or(body.clone());
    assert_eq!(Stats::from_text(&Stats::to_text(&body)).unwrap(), compact);
}

#[test]
fn median_of_an_even_count_is_the_mean_of_the_middle_two() {
    // Gaps 1, 2, 3, 10 seconds: pandas' median = 2.5 s.
    let t0 = utc(2026, 1, 1, 0, 0, 0);
    let s = 1_000_000;
    let h = history(&[
        (t0, None),
        (t0 + s, None),
        (t0 + 3 * s, None),
        (t0 + 6 * s, None),
        (t0 + 16 * s, None),
    ]);
    let mut body = stats::new_body();
    grow_loop(&mut body, |b| stats::add_customer(b, &h.customer()));
    close(StatsRef(&body).median_gap().unwrap(), 2.5e6);
}

#[test]
fn profit_needs_a_cost_on_every_order() {
    let mut b = HistoryBuilder::new_in(Global);
    b.add(
        0,
        Some(dec("100")),
        HAS_COST | HAS_ITEMS,
        Some(2),
        Some(dec("60.50")),
    )
    .unwrap();
    b.add(
        10,
        Some(dec("50")),
        HAS_COST | HAS_ITEMS,
        Some(1),
        Some(dec("20")),
    )
    .unwrap();
    b.sort();
    let mut body = stats::new_body();
    grow_loop(&mut body, |x| stats::add_customer(x, &b.customer()));
    let s = StatsRef(&body);
    // 150 - 80.50 = 69.50; items 3.
    assert_eq!(s.profit(), Some(dec("69.50")));
    assert_eq!(s.items(), Some(3));
    // A second customer with an order without cost makes profit unknown.
    let c = history(&[(5, Some("10"))]);
    grow_loop(&mut body, |x| stats::add_customer(x, &c.customer()));
    assert_eq!(StatsRef(&body).profit(), None);
    assert_eq!(StatsRef(&body).cost(), Some(dec("80.50")));
}

#[test]
fn gap_histogram_coarsens_the_same_way_in_any_order() {
    // 40,000 customers with distinct gaps force the histogram past GAP_BUCKETS; adding
    // them in two orders, or in two halves merged, gives the same bytes.
    let mut rng = 0x2545F4914F6CDD1Du64;
    let mut next = || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    let hs: Vec<_> = (0..40_000)
        .map(|_| {
            let gap = (next() % (400 * US_PER_DAY as u64)) as i64;
            history(&[(0, None), (gap, None)])
        })
        .collect();
    let build = |order: &mut dyn Iterator<Item = &HistoryBuilder<Global>>| {
        let mut body = stats::new_body();
        for h in order {
            grow_loop(&mut body, |b| stats::add_customer(b, &h.customer()));
        }
        body
    };
    let forward = build(&mut hs.iter());
    let backward = build(&mut hs.iter().rev());
    let mut halves = build(&mut hs[..17_000].iter());
    let second = build(&mut hs[17_000..].iter());
    grow_loop(&mut halves, |b| Stats::merge(b, &second));
    let fwd = StatsRef(&forward);
    assert!(
        fwd.gap_resolution() > 1,
        "the histogram must have coarsened"
    );
    assert_eq!(Stats::compact(&forward), Stats::compact(&backward));
    assert_eq!(Stats::to_text(&forward), Stats::to_text(&halves));
    // The median is within half a bucket of the exact one.
    let mut gaps: Vec<i64> = hs.iter().map(|h| h.customer().last()).collect();
    gaps.sort();
    let exact = (gaps[19_999] + gaps[20_000]) as f64 / 2.0;
    assert!(
        (fwd.median_gap().unwrap() - exact).abs() <= fwd.gap_resolution() as f64,
        "{} vs {exact}",
        fwd.median_gap().unwrap()
    );
    Stats::validate(&forward).unwrap();
}

// --- series ----------------------------------------------------------------------------------

fn series_fixture() -> Vec<u64> {
    let m = |mo: u32| utc(2026, mo, 15, 0, 0, 0);
    let customers = [
        // A: Jan, Feb, Apr (two orders in Feb: 10 and 30).
        history(&[
            (m(1), Some("20")),
            (m(2), Some("10")),
            (m(2) + 1, Some("30")),
            (m(4), Some("5")),
        ]),
        // B: Feb, Mar.
        history(&[(m(2), Some("7.5")), (m(3), Some("1"))]),
        // C: Jan only, no amount.
        history(&[(m(1), None)]),
    ];
    let mut body = series::new_body(Unit::Month, "UTC").unwrap();
    for c in &customers {
        grow_loop(&mut body, |b| {
            series::add_activity(b, &c.customer(), &mut month)
        });
    }
    body
}

#[test]
fn period_series_fixture_by_hand() {
    let body = series_fixture();
    let rows = series::activity_rows(&body);
    let got: Vec<_> = rows
        .iter()
        .map(|r| {
            (
                r.customers_start,
                r.new_customers,
                r.retained,
                r.reactivated,
                r.churned,
                r.customers_end,
                r.orders,
                r.revenue.to_string(),
            )
        })
        .collect();
    // Jan: A, C new. Feb: A retained, B new, C churned. Mar: B retained, A churned.
    // Apr: A reactivated, B churned. (May: A churned; not a reported row.)
    assert_eq!(
        got,
        vec![
            (0, 2, 0, 0, 0, 2, 2, "20.0".to_string()),
            (2, 1, 1, 0, 1, 2, 3, "47.5".to_string()),
            (2, 0, 1, 0, 1, 1, 1, "1.0".to_string()),
            (1, 0, 0, 1, 1, 1, 1, "5.0".to_string()),
        ]
    );
    assert_eq!(rows[0].retention_rate(), None);
    close(rows[1].retention_rate().unwrap(), 0.5);
    close(rows[1].crr().unwrap(), 0.5); // (2 - 1) / 2
                                        // April: nobody retained, yet CRR = (1 - 0) / 1 = 1 because of the reactivation.
    close(rows[3].retention_rate().unwrap(), 0.0);
    close(rows[3].crr().unwrap(), 1.0);
    close(rows[1].returning_customer_rate().unwrap(), 0.5);
    assert_eq!(
        Activity::to_text(&body),
        "(version:1,unit:\"month\",zone:\"UTC\",first_period:\"2026-01-01\",scale:1,new_customers:[2,1,0,0,0],retained:[0,1,1,0,0],reactivated:[0,0,0,1,0],churned:[0,1,1,1,1],orders:[2,3,1,1,0],priced_orders:[1,3,1,1,0],revenue:[20.0,47.5,1.0,5.0,0.0])"
    );
    let parsed = Activity::from_text(&Activity::to_text(&body)).unwrap();
    assert_eq!(
        Some(parsed.clone()),
        Activity::compact(&body).or(Some(body.clone()))
    );
    assert_eq!(
        words::from_binary::<Activity>(&words::to_binary::<Activity>(&parsed)).unwrap(),
        parsed
    );
}

#[test]
fn series_rejects_mixed_calendars_and_inconsistent_text() {
    let a = series_fixture();
    let mut b = series::new_body(Unit::Week, "UTC").unwrap();
    assert!(Activity::merge(&mut b, &a)
        .unwrap_err()
        .message()
        .contains("calendar changed"));
    let mut c = series::new_body(Unit::Month, "Europe/Berlin").unwrap();
    assert!(Activity::merge(&mut c, &a).is_err());
    // Retained + churned must equal the customers active the period before.
    let bad = "(version:1,unit:\"month\",zone:\"UTC\",first_period:\"2026-01-01\",scale:0,new_customers:[2,0],retained:[0,0],reactivated:[0,0],churned:[0,1],orders:[2,0],priced_orders:[0,0],revenue:[0,0])";
    assert!(Activity::from_text(bad)
        .unwrap_err()
        .message()
        .contains("does not add up"));
    let not_a_start = "(version:1,unit:\"month\",zone:\"UTC\",first_period:\"2026-01-02\",scale:0,new_customers:[1,0],retained:[0,0],reactivated:[0,0],churned:[0,1],orders:[1,0],priced_orders:[0,0],revenue:[0,0])";
    assert!(Activity::from_text(not_a_start)
        .unwrap_err()
        .message()
        .contains("not the start"));
    assert!(Unit::parse("fortnight")
        .unwrap_err()
        .message()
        .contains("day, week, month"));
}

#[test]
fn series_span_is_limited() {
    let h = history(&[
        (utc(1, 1, 1, 0, 0, 0), None),
        (utc(9999, 1, 1, 0, 0, 0), None),
    ]);
    let mut body = series::new_body(Unit::Day, "UTC").unwrap();
    let day = |ts: i64| utc_period(Unit::Day, ts).map(|p| p.index);
    let e = series::add_activity(&mut body, &h.customer(), &mut { day }).unwrap_err();
    assert!(matches!(e, crate::MetricError::LimitExceeded(_)), "{e}");
}

// --- cohorts ---------------------------------------------------------------------------------

fn cohort_fixture(recurring: bool) -> Vec<u64> {
    let m = |mo: u32| utc(2026, mo, 10, 0, 0, 0);
    let customers = [
        // A: Jan 10, Feb 20, Apr 5.
        history(&[(m(1), Some("10")), (m(2), Some("20")), (m(4), Some("5"))]),
        // B: Jan 7, Mar 3.
        history(&[(m(1), Some("7")), (m(3), Some("3"))]),
        // C: Feb, Mar, Apr (no amounts).
        history(&[(m(2), None), (m(3), None), (m(4), None)]),
        // D: Feb only, 1.
        history(&[(m(2), Some("1"))]),
    ];
    let mut body = cohort::new_body(Unit::Month, "UTC", recurring, &[1, 2, 4]).unwrap();
    for c in &customers {
        grow_loop(&mut body, |b| {
            cohort::add_customer(b, &c.customer(), &mut month)
        });
    }
    body
}

#[test]
fn acquisition_cohorts_by_hand() {
    let d = |mo: u32, day: u32| utc(2026, mo, day, 0, 0, 0);
    // (acquired, orders): A acquired Jan 5, orders Jan 10 (10), Feb 10 (20); B acquired Jan
    // 20, no order; C acquired Feb 1, orders Dec 15 2025 (before: not counted) and Mar 3
    // (3); D acquired Feb 10, its one order on Feb 9 (before: not counted).
    let customers = [
        (
            d(1, 5),
            history(&[(d(1, 10), Some("10")), (d(2, 10), Some("20"))]),
        ),
        (d(1, 20), history(&[])),
        (
            d(2, 1),
            history(&[
                (utc(2025, 12, 15, 0, 0, 0), Some("9")),
                (d(3, 3), Some("3")),
            ]),
        ),
        (d(2, 10), history(&[(d(2, 9), Some("1"))])),
    ];
    let mut body = cohort::new_body(Unit::Month, "UTC", false, &[]).unwrap();
    for (acquired, h) in &customers {
        grow_loop(&mut body, |b| {
            cohort::add_acquired(b, &h.customer(), *acquired, &mut month)
        });
    }
    Cohorts::validate(&body).unwrap();
    let jan = utc_period(Unit::Month, d(1, 5)).unwrap().index;
    let got: Vec<_> = cohort::cells(&body)
        .iter()
        .map(|c| {
            (
                c.cohort - jan,
                c.offset(),
                c.cohort_size,
                c.active,
                c.orders,
                c.revenue.to_string(),
            )
        })
        .collect();
    // January {A, B}: both active in January (A with its order, B by its acquisition), A in
    // February, nobody in March. February {C, D}: both active in February without an order,
    // C in March.
    let s = |x: &str| x.to_string();
    assert_eq!(
        got,
        vec![
            (0, 0, 2, 2, 1, s("10")),
            (0, 1, 2, 1, 1, s("20")),
            (0, 2, 2, 0, 0, s("0")),
            (1, 0, 2, 2, 0, s("0")),
            (1, 1, 2, 1, 1, s("3")),
        ]
    );
    // The text form of a table with period-0 customers without orders reads back.
    let back = Cohorts::from_text(&Cohorts::to_text(&body)).unwrap();
    assert_eq!(Cohorts::to_text(&back), Cohorts::to_text(&body));
}

#[test]
fn first_time_cohorts_by_hand() {
    let body = cohort_fixture(false);
    let jan = utc_period(Unit::Month, utc(2026, 1, 10, 0, 0, 0))
        .unwrap()
        .index;
    let got: Vec<_> = cohort::cells(&body)
        .iter()
        .map(|c| {
            (
                c.cohort - jan,
                c.offset(),
                c.cohort_size,
                c.active,
                c.active_on_or_after,
                c.revenue.to_string(),
                c.cumulative_revenue.to_string(),
            )
        })
        .collect();
    // January cohort {A, B}: Feb A, Mar B, Apr A; last orders A Apr (offset 3), B Mar (2);
    // revenue 17, 20, 3, 5. February cohort {C, D}: Mar C, Apr C; last C Apr, D Feb;
    // revenue 1, 0, 0.
    let s = |x: &str| x.to_string();
    assert_eq!(
        got,
        vec![
            (0, 0, 2, 2, 2, s("17"), s("17")),
            (0, 1, 2, 1, 2, s("20"), s("37")),
            (0, 2, 2, 1, 2, s("3"), s("40")),
            (0, 3, 2, 1, 1, s("5"), s("45")),
            (1, 0, 2, 2, 2, s("1"), s("1")),
            (1, 1, 2, 1, 1, s("0"), s("1")),
            (1, 2, 2, 1, 1, s("0"), s("1")),
        ]
    );
    let cells = cohort::cells(&body);
    close(cells[1].retention().unwrap(), 0.5);
    close(cells[1].revenue_retention().unwrap(), 20.0 / 17.0);
    // Brackets [1, 2) and [2, 4): January A | A, B; February C | C.
    let b: Vec<_> = cohort::brackets(&body)
        .iter()
        .map(|x| (x.1, x.2, x.3, x.4, x.5))
        .collect();
    assert_eq!(
        b,
        vec![
            (0, 1, 2, 2, 1),
            (1, 2, 4, 2, 2),
            (0, 1, 2, 2, 1),
            (1, 2, 4, 2, 1)
        ]
    );
    // Weighted curve over every cell: offset 1 (1 + 1) / (2 + 2), offset 2 (1 + 1) / 4,
    // offset 3 only January: 1 / 2.
    let curve = cohort::curve(&body, false, &mut |_, _| true);
    let pts: Vec<_> = curve
        .iter()
        .map(|p| (p.offset, p.cohorts, p.customers, p.active))
        .collect();
    assert_eq!(
        pts,
        vec![(0, 2, 4, 4), (1, 2, 4, 2), (2, 2, 4, 2), (3, 1, 2, 1)]
    );
    // Only cohorts whose period N has ended count: say March is the last complete month.
    let mar = jan + 2;
    let matured = cohort::curve(&body, true, &mut |_, p| p <= mar);
    let pts: Vec<_> = matured
        .iter()
        .map(|p| (p.offset, p.cohorts, p.customers, p.active))
        .collect();
    assert_eq!(pts, vec![(0, 2, 4, 4), (1, 2, 4, 3), (2, 1, 2, 2)]);
    assert_eq!(
        Cohorts::from_text(&Cohorts::to_text(&body)).map(|b| Cohorts::to_text(&b)),
        Ok(Cohorts::to_text(&body))
    );
}

#[test]
fn recurring_cohorts_by_hand() {
    let body = cohort_fixture(true);
    assert!(cohort::is_recurring(&body));
    let jan = utc_period(Unit::Month, utc(2026, 1, 10, 0, 0, 0))
        .unwrap()
        .index;
    let got: Vec<_> = cohort::cells(&body)
        .iter()
        .map(|c| (c.cohort - jan, c.offset(), c.cohort_size, c.active))
        .collect();
    // Every active month starts a cohort: Jan {A, B}; Feb {A, C, D} (A again in Apr, C in
    // Mar and Apr); Mar {B, C} (C in Apr); Apr {A, C}.
    assert_eq!(
        got,
        vec![
            (0, 0, 2, 2),
            (0, 1, 2, 1),
            (0, 2, 2, 1),
            (0, 3, 2, 1),
            (1, 0, 3, 3),
            (1, 1, 3, 1),
            (1, 2, 3, 2),
            (2, 0, 2, 2),
            (2, 1, 2, 1),
            (3, 0, 2, 2),
        ]
    );
    let mut first_time = cohort_fixture(false);
    assert!(Cohorts::merge(&mut first_time, &body)
        .unwrap_err()
        .message()
        .contains("different kinds"));
}

#[test]
fn cohort_grid_is_limited() {
    let h = history(&[
        (utc(1, 1, 1, 0, 0, 0), None),
        (utc(9999, 1, 1, 0, 0, 0), None),
    ]);
    let mut body = cohort::new_body(Unit::Month, "UTC", false, &[]).unwrap();
    let e = cohort::add_customer(&mut body, &h.customer(), &mut month).unwrap_err();
    assert!(matches!(e, crate::MetricError::LimitExceeded(_)), "{e}");
    assert!(cohort::new_body(Unit::Month, "UTC", false, &[0, 2]).is_err());
    assert!(cohort::new_body(Unit::Month, "UTC", false, &[3, 2]).is_err());
    assert!(cohort::new_body(Unit::Month, "UTC", false, &[3]).is_err());
}

// --- MRR -------------------------------------------------------------------------------------

#[test]
fn mrr_movements_match_the_published_definitions() {
    // Starting MRR 100 from ten customers at 10: one churns (10 -> 0), two contract
    // (10 -> 5 each: contraction 10), one expands (10 -> 20: expansion 10), six stay; one
    // new customer at 15. ChartMogul: net MRR churn = (churn + contraction - expansion) /
    // start = (10 + 10 - 10) / 100 = 10%; quick ratio = (15 + 10) / (10 + 10) = 1.25.
    let mut b = mrr::new_body();
    let pairs = [("10", "0"), ("10", "5"), ("10", "5.00"), ("10", "20")]
        .into_iter()
        .chain(std::iter::repeat_n(("10", "10"), 6));
    for (s, e) in pairs {
        mrr::add(&mut b, Some(dec(s)), Some(dec(e))).unwrap();
    }
    mrr::add(&mut b, None, Some(dec("15"))).unwrap();
    let r = MrrRef(&b);
    assert_eq!((r.mrr_start(), r.mrr_end()), (dec("100.00"), dec("105.00")));
    close(r.revenue_churn().unwrap(), 0.10);
    close(r.gross_mrr_churn().unwrap(), 0.20);
    close(r.net_mrr_churn().unwrap(), 0.10);
    close(r.net_revenue_retention().unwrap(), 0.90);
    close(r.gross_revenue_retention().unwrap(), 0.80);
    close(r.quick_ratio().unwrap(), 1.25);
    assert_eq!(
        (
            r.count("customers_start"),
            r.count("customers_end"),
            r.count("churned_customers")
        ),
        (10, 10, 1)
    );
    assert_eq!(
        Mrr::to_text(&b),
        "(version:1,mrr_start:100.00,mrr_end:105.00,new:15.00,expansion:10.00,contraction:10.00,churned:10.00,customers_start:10,customers_end:10,new_customers:1,expanded_customers:1,contracted_customers:2,churned_customers:1)"
    );
    assert_eq!(Mrr::from_text(&Mrr::to_text(&b)).unwrap(), b);
    assert!(mrr::add(&mut b, Some(dec("-1")), None)
        .unwrap_err()
        .message()
        .contains("negative"));
    // Expansion beyond the start: net MRR churn is negative, NRR above 1.
    let mut g = mrr::new_body();
    mrr::add(&mut g, Some(dec("10")), Some(dec("25"))).unwrap();
    close(MrrRef(&g).net_mrr_churn().unwrap(), -1.5);
    close(MrrRef(&g).net_revenue_retention().unwrap(), 2.5);
    assert_eq!(MrrRef(&g).quick_ratio(), None);
}

#[test]
fn mrr_series_fixture_by_hand() {
    let m = |mo: u32| utc(2026, mo, 1, 0, 0, 0);
    let customers = [
        // A: 10 in Jan, 15 in Feb (expansion 5), nothing in Mar (churn 15), 10 in Apr
        // (reactivation 10).
        history(&[(m(1), Some("10")), (m(2), Some("15")), (m(4), Some("10"))]),
        // B: 20 in Feb (new), 12 in Mar (contraction 8), 12 in Apr.
        history(&[(m(2), Some("20")), (m(3), Some("12")), (m(4), Some("12"))]),
        // C: a row of 0 in Jan (no MRR), 5 + 5 in Mar (two rows: new 10).
        history(&[(m(1), Some("0")), (m(3), Some("5")), (m(3) + 1, Some("5"))]),
    ];
    let mut body = series::new_body(Unit::Month, "UTC").unwrap();
    for c in &customers {
        grow_loop(&mut body, |b| series::add_mrr(b, &c.customer(), &mut month));
    }
    let rows = series::mrr_rows(&body);
    let got: Vec<_> = rows
        .iter()
        .map(|r| {
            [
                r.mrr_start,
                r.new,
                r.reactivation,
                r.expansion,
                r.contraction,
                r.churned,
                r.mrr_end,
            ]
            .map(|d| d.to_string())
        })
        .collect();
    // Jan: 0 -> 10 (A new). Feb: 10 -> 35 (B new 20, A +5). Mar: 35 -> 22 (A churns 15, B -8,
    // C new 10). Apr: 22 -> 32 (A reactivates 10, C churns 10, B flat).
    let want = [
        ["0", "10", "0", "0", "0", "0", "10"],
        ["10", "20", "0", "5", "0", "0", "35"],
        ["35", "10", "0", "0", "8", "15", "22"],
        ["22", "0", "10", "0", "0", "10", "22"],
    ];
    assert_eq!(got, want.map(|r| r.map(String::from)).to_vec());
    // Apr: quick ratio = (0 + 10 + 0) / (10 + 0) = 1; Mar: net MRR churn = (15 + 8) / 35.
    close(rows[3].quick_ratio().unwrap(), 1.0);
    close(rows[2].net_mrr_churn().unwrap(), 23.0 / 35.0);
    assert_eq!(
        (
            rows[2].customers_start,
            rows[2].customers_end,
            rows[2].churned_customers
        ),
        (2, 2, 1)
    );
    let parsed = MrrSeries::from_text(&MrrSeries::to_text(&body)).unwrap();
    assert_eq!(MrrSeries::to_text(&parsed), MrrSeries::to_text(&body));
}

// --- histories -------------------------------------------------------------------------------

#[test]
fn history_stored_form_is_pinned() {
    let h = history(&[
        (utc(1997, 1, 18, 0, 0, 0), Some("29.73")),
        (utc(1997, 1, 1, 0, 0, 0), Some("29.33")),
        (utc(1997, 8, 2, 0, 0, 0), None),
    ]);
    let c = h.customer();
    assert_eq!(
        history::to_text(&c),
        "(version:1,scale:2,times:[\"1997-01-01 00:00:00+00\",\"1997-01-18 00:00:00+00\",\"1997-08-02 00:00:00+00\"],amounts:[29.33,29.73,null])"
    );
    let bytes = history::encode(&c);
    // version 1, flags 0, scale 2, display scale 2, 3 orders, first time zigzag-encoded,
    // then (delta, amount + 1) pairs: 0 and 2934, 17 days and 2974, 196 days and 0 (no
    // amount).
    let mut expect = vec![1u8, 0, 2, 2, 3];
    crate::varint::put(
        &mut expect,
        crate::varint::zigzag(utc(1997, 1, 1, 0, 0, 0) as i128),
    );
    for v in [
        0u128,
        2934,
        17 * US_PER_DAY as u128,
        2974,
        196 * US_PER_DAY as u128,
        0,
    ] {
        crate::varint::put(&mut expect, v);
    }
    assert_eq!(bytes, expect);
    let mut buf = allocator_api2::vec::Vec::new_in(Global);
    let back = history::decode_into(&bytes, &mut buf).unwrap();
    assert_eq!(back.orders, c.orders);
    let parsed = history::from_text(&history::to_text(&c), Global).unwrap();
    assert_eq!(history::encode(&parsed.customer()), bytes);
}

#[test]
fn display_scale_is_kept_apart_from_the_mantissa() {
    // `x / 100.0` gives numerics with 20 decimals: 0.54 is kept as 54 at scale 2 and shown
    // with 20 decimals, like sum() of such values in SQL.
    let h = history(&[(0, Some("0.54000000000000000000")), (1, Some("1000000000"))]);
    let c = h.customer();
    assert_eq!((c.scale, c.display), (2, 20));
    assert_eq!(c.revenue().to_string(), "1000000000.54000000000000000000");
    assert!(history::to_text(&c)
        .contains("amounts:[0.54000000000000000000,1000000000.00000000000000000000]"));
    let parsed = history::from_text(&history::to_text(&c), Global).unwrap();
    assert_eq!(history::encode(&parsed.customer()), history::encode(&c));
}

#[test]
fn history_rejects_bad_input() {
    let mut b = HistoryBuilder::new_in(Global);
    assert!(b
        .add(0, Some(dec("-5")), 0, None, None)
        .unwrap_err()
        .message()
        .contains("refund"));
    assert!(b
        .add(i64::MAX, None, 0, None, None)
        .unwrap_err()
        .message()
        .contains("infinity"));
    assert!(b.add(0, None, HAS_ITEMS, Some(-1), None).is_err());
    // 2^64 cents does not fit an order amount.
    assert!(matches!(
        b.add(0, Some(dec("184467440737095516.16")), 0, None, None),
        Err(crate::MetricError::OutOfRange(_))
    ));
    let mut buf = allocator_api2::vec::Vec::new_in(Global);
    for bad in [
        &[][..],
        &[2, 0, 0, 1, 0, 0, 0],
        &[1, 0, 0, 0],
        &[1, 0, 0, 1, 0, 0],
        &[1, 0, 0, 1, 0, 0, 0, 9],
        &[1, 4, 0, 1, 0, 0, 0],
    ] {
        assert!(history::decode_into(bad, &mut buf).is_err(), "{bad:?}");
        if bad.len() < 7 || bad[0] != 1 {
            assert!(history::peek(bad).is_err(), "{bad:?}");
        }
    }
    for bad in [
        "(version:1,scale:2,times:[],amounts:[])",
        "(version:1,scale:0,times:[\"1997-01-01 00:00:00+00\"],amounts:[1.5])",
        "(version:1,scale:2,times:[\"1997-01-01 00:00:00+00\"],amounts:[-1])",
        "(version:2,scale:2,times:[\"1997-01-01 00:00:00+00\"],amounts:[1])",
        "(version:1,scale:2,times:[\"1997-01-01\"],amounts:[1])",
    ] {
        let e = history::from_text(bad, Global).err().unwrap();
        assert!(
            matches!(e, crate::MetricError::InvalidText(_)),
            "{bad}: {e}"
        );
    }
}

// --- properties: merging and the two paths ---------------------------------------------------

/// Random order rows: (customer, day offset, seconds, amount in cents or NULL).
fn rows_strategy() -> impl Strategy<Value = Vec<(u8, i64, i64, Option<u32>)>> {
    proptest::collection::vec(
        (
            0u8..12,
            0i64..400,
            0i64..86_400,
            proptest::option::weighted(0.9, 0u32..50_000),
        ),
        1..80,
    )
}

fn ts_of(day: i64, secs: i64) -> i64 {
    utc(2025, 1, 1, 0, 0, 0) + day * US_PER_DAY + secs * 1_000_000
}

/// The histories of the rows, customers in id order.
fn histories(rows: &[(u8, i64, i64, Option<u32>)]) -> Vec<HistoryBuilder<Global>> {
    let mut map: std::collections::BTreeMap<u8, HistoryBuilder<Global>> = Default::default();
    for &(c, d, s, a) in rows {
        map.entry(c)
            .or_insert_with(|| HistoryBuilder::new_in(Global))
            .add(
                ts_of(d, s),
                a.map(|a| Dec::new(a as i128, 2)),
                0,
                None,
                None,
            )
            .unwrap();
    }
    map.into_values()
        .map(|mut h| {
            h.sort();
            h
        })
        .collect()
}

/// All four summaries of a set of customers.
fn summaries(hs: &[HistoryBuilder<Global>], w: &Window) -> [Vec<u64>; 4] {
    let mut r = retention::new_body(w);
    let mut s = stats::new_body();
    let mut a = series::new_body(Unit::Month, "UTC").unwrap();
    let mut m = series::new_body(Unit::Month, "UTC").unwrap();
    for h in hs {
        let c = h.customer();
        retention::add_flags(&mut r, retention::flags_of(w, &c)).unwrap();
        grow_loop(&mut s, |b| stats::add_customer(b, &c));
        grow_loop(&mut a, |b| series::add_activity(b, &c, &mut month));
        grow_loop(&mut m, |b| series::add_mrr(b, &c, &mut month));
    }
    [r, s, a, m]
}

fn texts(s: &[Vec<u64>; 4]) -> [String; 4] {
    [
        Retention::to_text(&s[0]),
        Stats::to_text(&s[1]),
        Activity::to_text(&s[2]),
        MrrSeries::to_text(&s[3]),
    ]
}

fn merge_all(mut a: [Vec<u64>; 4], b: &[Vec<u64>; 4]) -> [Vec<u64>; 4] {
    grow_loop(&mut a[0], |x| Retention::merge(x, &b[0]));
    grow_loop(&mut a[1], |x| Stats::merge(x, &b[1]));
    grow_loop(&mut a[2], |x| Activity::merge(x, &b[2]));
    grow_loop(&mut a[3], |x| MrrSeries::merge(x, &b[3]));
    a
}

fn window() -> Window {
    Window::new(utc(2025, 6, 1, 0, 0, 0), utc(2025, 9, 1, 0, 0, 0)).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn histories_round_trip(rows in rows_strategy()) {
        for h in histories(&rows) {
            let c = h.customer();
            let bytes = history::encode(&c);
            let mut buf = allocator_api2::vec::Vec::new_in(Global);
            let back = history::decode_into(&bytes, &mut buf).unwrap();
            prop_assert_eq!(back.orders, c.orders);
            // The header-only reader agrees with the full decoder, on the header's bytes alone.
            let head = &bytes[..bytes.len().min(40)];
            prop_assert_eq!(history::peek(head).unwrap(), (c.orders.len() as u64, c.first()));
            let parsed = history::from_text(&history::to_text(&c), Global).unwrap();
            prop_assert_eq!(history::encode(&parsed.customer()), bytes);
        }
    }

    #[test]
    fn splitting_customers_anywhere_and_merging_is_exact(rows in rows_strategy(), cut in any::<prop::sample::Index>()) {
        let hs = histories(&rows);
        let w = window();
        let whole = summaries(&hs, &w);
        let k = cut.index(hs.len() + 1);
        let (left, right) = (summaries(&hs[..k], &w), summaries(&hs[k..], &w));
        let lr = merge_all(left.clone(), &right);
        let rl = merge_all(right, &left);
        // Empty halves have empty bodies; compare the text forms (slack-free).
        if k > 0 && k < hs.len() {
            prop_assert_eq!(texts(&lr), texts(&whole));
            prop_assert_eq!(texts(&rl), texts(&whole));
        }
        // Every summary's text and binary forms round-trip.
        for (i, t) in texts(&whole).iter().enumerate() {
            let back = match i {
                0 => Retention::to_text(&Retention::from_text(t).unwrap()),
                1 => Stats::to_text(&Stats::from_text(t).unwrap()),
                2 => Activity::to_text(&Activity::from_text(t).unwrap()),
                3 => MrrSeries::to_text(&MrrSeries::from_text(t).unwrap()),
                _ => Cohorts::to_text(&Cohorts::from_text(t).unwrap()),
            };
            prop_assert_eq!(&back, t);
        }
        let bin = words::to_binary::<Stats>(&whole[1]);
        prop_assert_eq!(words::from_binary::<Stats>(&bin).unwrap(), whole[1].clone());
    }

    #[test]
    fn one_step_by_id_equals_histories(rows in rows_strategy(), seed in any::<u64>(), cut in any::<prop::sample::Index>()) {
        // The one-step aggregates log every row by customer id, rows in any order, split
        // between two workers whose logs are merged, and feed the same level-2 code: shuffle
        // the rows and compare with the histories.
        let mut shuffled = rows.clone();
        let mut x = seed | 1;
        for i in (1..shuffled.len()).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            shuffled.swap(i, (x % (i as u64 + 1)) as usize);
        }
        let k = cut.index(shuffled.len() + 1);
        let w = window();
        let expected = texts(&summaries(&histories(&rows), &w));
        // Text ids are numbered per log (and renumbered when merged), integer ids kept.
        for text_ids in [true, false] {
            let log_of = |part: &[(u8, i64, i64, Option<u32>)]| {
                let mut log: OrderLog<Global> = OrderLog::new_in(Global);
                for &(c, d, s, a) in part {
                    let id = format!("customer-{c}");
                    let key = if text_ids { Key::Text(id.as_bytes()) } else { Key::Int(c as i64) };
                    log.push(key, ts_of(d, s), a.map(|a| Dec::new(a as i128, 2)), 0, None, None).unwrap();
                }
                log
            };
            let mut log = log_of(&shuffled[..k]);
            let mut other = log_of(&shuffled[k..]);
            let mut bytes = Vec::new();
            other.write(&mut bytes);
            log.read_append(&mut crate::varint::Reader::new(&bytes)).unwrap();
            prop_assert_eq!(log.len(), rows.len());
            let mut by_id: Vec<HistoryBuilder<Global>> = Vec::new();
            let mut scratch = HistoryBuilder::new_in(Global);
            log.each_customer(&mut scratch, |c| {
                let mut copy = HistoryBuilder::new_in(Global);
                copy.merge(c)?;
                copy.sort();
                by_id.push(copy);
                Ok(())
            }).unwrap();
            prop_assert_eq!(by_id.len(), histories(&rows).len());
            // Customer order does not matter to the summaries.
            prop_assert_eq!(&texts(&summaries(&by_id, &w)), &expected);
        }
    }

    #[test]
    fn id_maps_serialize_and_merge(ids in proptest::collection::vec(0i64..2000, 0..3000), cut in any::<prop::sample::Index>()) {
        // Enough rows that buffered updates are applied both when a partition's buffer fills
        // and at the final flush.
        let k = cut.index(ids.len() + 1);
        let count = |part: &[i64]| {
            let mut m: IdMap<u64, Global> = IdMap::new_in(Global);
            for &i in part {
                m.add(Key::Int(i), 1, 0).unwrap();
            }
            m.flush(0);
            m
        };
        let mut left = count(&ids[..k]);
        let right = count(&ids[k..]);
        let mut bytes = Vec::new();
        right.write(&mut bytes);
        let mut r = crate::varint::Reader::new(&bytes);
        left.read_merge(&mut r).unwrap();
        prop_assert!(r.at_end());
        left.settle().unwrap();
        // Rows added after a settle, then settled again: each customer once.
        for &i in &ids[..k.min(3)] {
            left.add(Key::Int(i), 0, 0).unwrap();
        }
        left.settle().unwrap();
        let whole = count(&ids);
        let mut a: Vec<_> = left.iter().map(|(k, v)| (format!("{k:?}"), *v)).collect();
        let mut b: Vec<_> = whole.iter().map(|(k, v)| (format!("{k:?}"), *v)).collect();
        a.sort();
        b.sort();
        prop_assert_eq!(&a, &b);
        // And against a plain count.
        let mut expected: std::collections::BTreeMap<i64, u64> = Default::default();
        for &i in &ids {
            *expected.entry(i).or_default() += 1;
        }
        prop_assert_eq!(b.len(), expected.len());
    }

    #[test]
    fn summary_text_input_never_panics(input in "\\PC{0,80}") {
        let _ = Retention::from_text(&input);
        let _ = Stats::from_text(&input);
        let _ = Activity::from_text(&input);
        let _ = Mrr::from_text(&input);
        let _ = Cohorts::from_text(&input);
        let _ = history::from_text(&input, Global);
    }

    #[test]
    fn binary_input_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = words::from_binary::<Retention>(&bytes);
        let _ = words::from_binary::<Stats>(&bytes);
        let _ = words::from_binary::<Activity>(&bytes);
        let _ = words::from_binary::<MrrSeries>(&bytes);
        let _ = words::from_binary::<Mrr>(&bytes);
        let _ = words::from_binary::<Cohorts>(&bytes);
        let _ = history::check_binary(&bytes);
    }
}

#[test]
fn ids_are_compared_exactly() {
    let mut m: IdMap<u32, Global> = IdMap::new_in(Global);
    for key in [
        Key::Text(b"A"),
        Key::Text(b"a"),
        Key::Text(b"A"),
        Key::Text(b""),
        Key::Text(b"A "),
    ] {
        *m.entry(key, || 0).unwrap() += 1;
    }
    assert_eq!(m.len(), 4);
    let mut u: IdMap<u32, Global> = IdMap::new_in(Global);
    let mut a = [0u8; 16];
    let mut b = [0u8; 16];
    a[15] = 1;
    b[0] = 1;
    u.entry(Key::Uuid(a), || 0).unwrap();
    u.entry(Key::Uuid(b), || 0).unwrap();
    u.entry(Key::Uuid(a), || 0).unwrap();
    assert_eq!(u.len(), 2);
    assert!(u.entry(Key::Int(1), || 0).is_err());
}

#[test]
fn time_zone_names_are_checked_with_one_message() {
    // "" was "too long" in the one-step aggregates and "must have 1 to 255 bytes" in the
    // two-step ones; a long name was repeated whole.
    let e = series::check_zone_name("").unwrap_err();
    assert_eq!(e.message(), "time zone \"\" not recognized");
    let e = series::check_zone_name(&"x".repeat(10_000)).unwrap_err();
    assert_eq!(
        e.message(),
        "time zone name is too long: 10000 bytes, at most 255"
    );
    assert!(series::check_zone_name(&"x".repeat(255)).is_ok());
    assert!(series::calendar_header(crate::time::Unit::Month, "").is_err());
}

#[test]
fn mrr_summaries_of_38_digit_amounts_are_valid() {
    // One customer churns 10^38 - 1 and another arrives with it: start, end, new and churned
    // are all 10^38 - 1. The check summed start + new in i128, which overflows there, and
    // called the summary corrupt (22P03 from mrr_movements over two rows).
    let big = "99999999999999999999999999999999999999";
    let mut b = mrr::new_body();
    mrr::add(&mut b, Some(dec(big)), Some(dec("0"))).unwrap();
    mrr::add(&mut b, Some(dec("0")), Some(dec(big))).unwrap();
    words::check_body::<Mrr>(&b).unwrap();
    assert_eq!(Mrr::from_text(&Mrr::to_text(&b)).unwrap(), b);
    close(MrrRef(&b).revenue_churn().unwrap(), 1.0);
    // Amounts that do not add up are still refused, overflowing or not.
    assert!(!words::amounts_add_up(
        &[i128::MAX, i128::MAX, i128::MAX],
        &[],
        1
    ));
    assert!(!words::amounts_add_up(&[5, -1], &[], 4));
    assert!(words::amounts_add_up(
        &[i128::MAX, i128::MAX],
        &[i128::MAX],
        i128::MAX
    ));
}

// --- the one-step finals' formulas, against the level-2 summaries and by hand ------------------

#[test]
fn one_step_formulas_agree_with_the_summaries_by_hand() {
    // Three customers, days as times. A: days 0, 10, 40 (two gaps, lifespan 40 days);
    // B: day 5 only; C: days 3 and 4 (one gap of 1 day). By hand: repeat customers A and C,
    // rate 2/3; pooled mean gap (40 + 0 + 1) days / (2 + 0 + 1) gaps = 41/3 days.
    let d = US_PER_DAY;
    let a = history(&[(0, Some("10.00")), (10 * d, Some("5.50")), (40 * d, None)]);
    let b = history(&[(5 * d, Some("3"))]);
    let c = history(&[(3 * d, Some("1")), (4 * d, Some("2"))]);
    let customers = [a.customer(), b.customer(), c.customer()];
    let mut body = stats::new_body();
    for cu in &customers {
        grow_loop(&mut body, |b| stats::add_customer(b, cu));
    }
    let s = StatsRef(&body);
    close(stats::repeat_rate_of([3, 1, 2]).unwrap(), 2.0 / 3.0);
    close(s.repeat_purchase_rate().unwrap(), 2.0 / 3.0);
    assert_eq!(stats::repeat_rate_of([]), None);
    let spans: Vec<ids::Span> = customers
        .iter()
        .map(|cu| ids::Span {
            first: cu.first(),
            last: cu.last(),
            n: cu.orders.len() as u64,
        })
        .collect();
    close(ids::mean_gap_of(&spans).unwrap(), 41.0 / 3.0 * d as f64);
    close(s.avg_gap().unwrap(), 41.0 / 3.0 * d as f64);
    // One customer's mean gap: A's is 40 / 2 = 20 days; B has none.
    close(customers[0].avg_gap().unwrap(), 20.0 * d as f64);
    assert_eq!(customers[1].avg_gap(), None);
    assert_eq!(ids::mean_gap_of(&spans[1..2]), None);
}

#[test]
fn profit_needs_every_amount_and_cost() {
    // 12.50 revenue from two priced orders, costs 4.25 on both: profit 8.25. With one cost
    // (or one amount) missing there is no profit: it would subtract costs of some orders
    // from the revenue of others.
    let (rev, cost) = (dec("12.50"), Some(dec("4.25")));
    assert_eq!(profit(rev, 2, cost, 2, 2), Some(dec("8.25")));
    assert_eq!(profit(rev, 2, cost, 1, 2), None);
    assert_eq!(profit(rev, 1, cost, 2, 2), None);
    assert_eq!(profit(rev, 2, None, 0, 2), None);
    let mut b = HistoryBuilder::new_in(Global);
    b.add(
        0,
        Some(dec("10.00")),
        HAS_ITEMS | HAS_COST,
        Some(1),
        Some(dec("4.25")),
    )
    .unwrap();
    b.add(1, Some(dec("2.50")), HAS_ITEMS | HAS_COST, Some(1), None)
        .unwrap();
    b.sort();
    assert_eq!(b.customer().profit(), None, "one order without a cost");
}

#[test]
fn one_step_retention_body_equals_the_history_path() {
    let w = Window::new(utc(2026, 2, 1, 0, 0, 0), utc(2026, 3, 1, 0, 0, 0)).unwrap();
    let hs = [
        history(&[
            (utc(2026, 1, 10, 0, 0, 0), None),
            (utc(2026, 2, 5, 0, 0, 0), None),
        ]),
        history(&[(utc(2026, 1, 20, 0, 0, 0), None)]),
        history(&[(utc(2026, 2, 20, 0, 0, 0), None)]),
    ];
    let mut by_history = retention::new_body(&w);
    let mut flags = Vec::new();
    for h in &hs {
        let f = retention::flags_of(&w, &h.customer());
        retention::add_flags(&mut by_history, f).unwrap();
        flags.push(f);
    }
    assert_eq!(retention::body_of_flags(&w, flags).unwrap(), by_history);
    // By hand: one retained, one churned, one new.
    let r = RetentionRef(&by_history);
    assert_eq!((r.retained(), r.churned(), r.new_customers()), (1, 1, 1));
}

// --- drill-down: one customer's status per period and its cohort cells ------------------------

#[test]
fn statuses_of_one_customer_by_hand() {
    use series::Status::*;
    // A of series_fixture: orders in Jan, Feb (two), Apr 2026.
    let m = |mo: u32| utc(2026, mo, 15, 0, 0, 0);
    let a = history(&[(m(1), None), (m(2), None), (m(2) + 1, None), (m(4), None)]);
    let runs = series::runs(&a.customer(), &mut month).unwrap();
    let jan = month(m(1)).unwrap();
    // Dec: before the first order; Jan: first order; Feb: Jan too; Mar: no order, Feb had
    // one; Apr: order, none in Mar, ordered before; May: Apr had one; Jun: neither.
    let want = [
        (-1, Inactive),
        (0, New),
        (1, Retained),
        (2, Churned),
        (3, Reactivated),
        (4, Churned),
        (5, Inactive),
    ];
    for (k, s) in want {
        assert_eq!(series::status_at(&runs, jan + k), s, "month {k}");
    }
    // Every period from the first order's to the one after the last.
    let all: Vec<_> = series::statuses(&runs)
        .unwrap()
        .into_iter()
        .map(|(i, s)| (i - jan, s.name()))
        .collect();
    assert_eq!(
        all,
        vec![
            (0, "new"),
            (1, "retained"),
            (2, "churned"),
            (3, "reactivated"),
            (4, "churned")
        ]
    );
    assert!(series::statuses(&[]).unwrap().is_empty());
}

#[test]
fn memberships_of_one_customer_by_hand() {
    // A of cohort_fixture: Jan, Feb, Apr. First-time: cohort Jan, active at offsets 0, 1,
    // 3, "on or after" up to offset 3 (its last order). Recurring: cohorts Jan, Feb, Apr.
    let m = |mo: u32| utc(2026, mo, 10, 0, 0, 0);
    let a = history(&[(m(1), Some("10")), (m(2), Some("20")), (m(4), Some("5"))]);
    let runs = series::runs(&a.customer(), &mut month).unwrap();
    let jan = month(m(1)).unwrap();
    let cells = |recurring| -> Vec<(i64, i64, bool, bool)> {
        cohort::memberships(&runs, recurring)
            .unwrap()
            .iter()
            .map(|c| (c.cohort - jan, c.offset(), c.active, c.active_on_or_after))
            .collect()
    };
    assert_eq!(
        cells(false),
        vec![
            (0, 0, true, true),
            (0, 1, true, true),
            (0, 2, false, true),
            (0, 3, true, true)
        ]
    );
    assert_eq!(
        cells(true),
        vec![
            (0, 0, true, true),
            (0, 1, true, true),
            (0, 2, false, true),
            (0, 3, true, true),
            (1, 0, true, true),
            (1, 1, false, true),
            (1, 2, true, true),
            (3, 0, true, true),
        ]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Counting each customer's status per period gives periods()' counts, and counting its
    /// cohort cells gives the grid's, on random customers.
    #[test]
    fn drill_down_counts_equal_the_summaries(rows in rows_strategy(), recurring in any::<bool>()) {
        use std::collections::BTreeMap;
        let hs = histories(&rows);
        let mut body = series::new_body(Unit::Month, "UTC").unwrap();
        let mut grid = cohort::new_body(Unit::Month, "UTC", recurring, &[]).unwrap();
        let mut by_status: BTreeMap<(i64, &str), u64> = BTreeMap::new();
        let mut by_cell: BTreeMap<(i64, i64), (u64, u64, u64)> = BTreeMap::new();
        for h in &hs {
            let c = h.customer();
            grow_loop(&mut body, |b| series::add_activity(b, &c, &mut month));
            grow_loop(&mut grid, |b| cohort::add_customer(b, &c, &mut month));
            let runs = series::runs(&c, &mut month).unwrap();
            for (i, s) in series::statuses(&runs).unwrap() {
                *by_status.entry((i, s.name())).or_default() += 1;
            }
            for m in cohort::memberships(&runs, recurring).unwrap() {
                let e = by_cell.entry((m.cohort, m.period)).or_default();
                e.0 += (m.period == m.cohort) as u64;
                e.1 += m.active as u64;
                e.2 += m.active_on_or_after as u64;
            }
        }
        let n = |i: i64, s: &str| by_status.get(&(i, s)).copied().unwrap_or(0);
        for r in series::activity_rows(&body) {
            prop_assert_eq!(
                (r.new_customers, r.retained, r.reactivated, r.churned),
                (n(r.index, "new"), n(r.index, "retained"), n(r.index, "reactivated"), n(r.index, "churned"))
            );
        }
        for c in cohort::cells(&grid) {
            let size = by_cell.get(&(c.cohort, c.cohort)).map_or(0, |e| e.0);
            let (_, active, later) = by_cell.get(&(c.cohort, c.period)).copied().unwrap_or_default();
            prop_assert_eq!((c.cohort_size, c.active, c.active_on_or_after), (size, active, later));
        }
    }
}

#[test]
fn cell_status_by_hand() {
    use cohort::CellStatus::*;
    // A of cohort_fixture: Jan, Feb, Apr; its first-time cohort is January.
    let m = |mo: u32| utc(2026, mo, 10, 0, 0, 0);
    let a = history(&[(m(1), Some("10")), (m(2), Some("20")), (m(4), Some("5"))]);
    let runs = series::runs(&a.customer(), &mut month).unwrap();
    let jan = month(m(1)).unwrap();
    // Offsets 0, 1 ordered; 2 (Mar) not, but Apr later; 3 ordered; 4 after the last order.
    let got: Vec<_> = (0..5)
        .map(|k| cohort::cell_status(&runs, jan, jan + k))
        .collect();
    assert_eq!(got, vec![Active, Active, ReturnsLater, Active, Lapsed]);
    // February is not A's first-time cohort (it is one of its recurring cohorts).
    assert_eq!(cohort::cell_status(&runs, jan + 1, jan + 1), NotInCohort);
    assert_eq!(cohort::cell_status(&runs, jan - 1, jan), NotInCohort);
}
// --- canonical form (crate::value) -----------------------------------------------------------

/// A word summary body's canonical form: its text read back and compacted, as a final
/// function stores it (`crate::value::TEXT_CANONICAL`).
fn canonical<S: Summary>(body: &[u64]) -> Vec<u64> {
    let back = S::from_text(&S::to_text(body)).unwrap();
    S::compact(&back).unwrap_or(back)
}

/// A cohort summary of the histories, customers in the given order.
fn cohorts_of(hs: &[HistoryBuilder<Global>]) -> Vec<u64> {
    let mut body = cohort::new_body(Unit::Month, "UTC", false, &[1, 3]).unwrap();
    for h in hs {
        grow_loop(&mut body, |b| cohort::add_customer(b, &h.customer(), &mut month));
    }
    body
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// Equal values have one canonical form whichever way they were made: serially, merged
    /// from parts in either order (a parallel plan, a rollup), read back from their binary
    /// form; the canonical form is a fixed point. retention_summary's stored bytes are
    /// canonical themselves; the others' are not always (a merge keeps the amounts at the
    /// larger scale of its parts, text input at the fewest decimals).
    #[test]
    fn equal_values_have_identical_canonical_bytes(rows in rows_strategy(), cut in any::<prop::sample::Index>()) {
        let hs = histories(&rows);
        let w = window();
        let whole = summaries(&hs, &w);
        let k = cut.index(hs.len() + 1);
        if k == 0 || k == hs.len() {
            return Ok(());
        }
        let (left, right) = (summaries(&hs[..k], &w), summaries(&hs[k..], &w));
        let lr = merge_all(left.clone(), &right);
        let rl = merge_all(right, &left);
        fn all_paths<S: Summary>(whole: &[u64], lr: &[u64], rl: &[u64]) -> std::result::Result<(), TestCaseError> {
            let c = canonical::<S>(whole);
            prop_assert_eq!(&canonical::<S>(lr), &c);
            prop_assert_eq!(&canonical::<S>(rl), &c);
            prop_assert_eq!(&canonical::<S>(&c), &c);
            let bin = words::from_binary::<S>(&words::to_binary::<S>(rl)).unwrap();
            prop_assert_eq!(&canonical::<S>(&bin), &c);
            Ok(())
        }
        all_paths::<Retention>(&whole[0], &lr[0], &rl[0])?;
        prop_assert_eq!(&lr[0], &whole[0]);
        prop_assert_eq!(&canonical::<Retention>(&whole[0]), &whole[0]);
        all_paths::<Stats>(&whole[1], &lr[1], &rl[1])?;
        all_paths::<Activity>(&whole[2], &lr[2], &rl[2])?;
        all_paths::<MrrSeries>(&whole[3], &lr[3], &rl[3])?;
        let mut cl = cohorts_of(&hs[..k]);
        grow_loop(&mut cl, |b| Cohorts::merge(b, &cohorts_of(&hs[k..])));
        let reversed: Vec<_> = hs.iter().rev().map(|h| {
            let mut copy = HistoryBuilder::new_in(Global);
            copy.merge(&h.customer()).unwrap();
            copy.sort();
            copy
        }).collect();
        all_paths::<Cohorts>(&cohorts_of(&hs), &cl, &cohorts_of(&reversed))?;
        // Different values differ: drop one customer.
        let fewer = summaries(&hs[1..], &w);
        prop_assert_ne!(canonical::<Stats>(&fewer[1]), canonical::<Stats>(&whole[1]));
    }
}
