//! The canonical form of the types that are stored as made (survey summaries, histories,
//! models and curves): text spelled differently, serial and merged builds, and binary input
//! all give the same bytes. The word summaries' paths are in `orders/tests.rs`
//! (`equal_values_have_identical_canonical_bytes`).

use super::compare;
use crate::decimal::Dec;
use crate::orders::history::{self, HistoryBuilder};
use crate::orders::{HAS_COST, HAS_ITEMS};
use crate::predict::{sbg::Sbg, survival::KaplanMeier};
use crate::survey::{self, Kind, Scale};
use allocator_api2::alloc::Global;
use std::cmp::Ordering;

/// A survey summary's payload (its bytes after the length word).
fn survey_payload(s: &survey::OwnedSummary) -> Vec<u8> {
    s.as_bytes()[4..].to_vec()
}

#[test]
fn survey_summaries_are_canonical() {
    // Scores 10, 9, 9, 7, 0 counted one by one, and as two parts merged (a parallel plan, a
    // rollup), give the bytes of the text form, however it is spaced.
    let mut serial = survey::OwnedSummary::new(&Scale::NPS);
    for s in [10, 9, 9, 7, 0] {
        serial.as_mut().accum(s).unwrap();
    }
    let mut part = survey::OwnedSummary::new(&Scale::NPS);
    part.as_mut().accum(9).unwrap();
    part.as_mut().accum(0).unwrap();
    let mut merged = survey::OwnedSummary::new(&Scale::NPS);
    for s in [7, 10, 9] {
        merged.as_mut().accum(s).unwrap();
    }
    merged.as_mut().merge(part.as_ref()).unwrap();
    let text = survey::from_text(Kind::Nps, "( version : 1 , counts : [ 1,0,0,0,0,0,0,1,0,2,1 ] )").unwrap();
    let binary = survey::from_binary(Kind::Nps, &serial.as_ref().to_binary()).unwrap();
    let c = survey_payload(&serial);
    for other in [&merged, &text, &binary] {
        assert_eq!(survey_payload(other), c);
    }
    // A response taken back (a sliding window frame) leaves the bytes of never having it.
    let mut window = serial.clone();
    window.as_mut().accum(3).unwrap();
    assert!(window.as_mut().try_remove(3));
    assert_eq!(survey_payload(&window), c);
}

#[test]
fn histories_are_canonical() {
    let rows = [(3_000_000i64, Some("10.25")), (1_000_000, Some("2")), (3_000_000, Some("1.75")), (2_000_000, None)];
    let dec = |s: &str| Dec::parse(s).unwrap();
    // Rows in arrival order, in reverse, and as two histories merged.
    let build = |rows: &mut dyn Iterator<Item = &(i64, Option<&str>)>| {
        let mut b = HistoryBuilder::new_in(Global);
        for (ts, a) in rows {
            b.add(*ts, a.map(dec), HAS_ITEMS | HAS_COST, Some(2), a.map(dec)).unwrap();
        }
        b.sort();
        history::encode(&b.customer())
    };
    let serial = build(&mut rows.iter());
    assert_eq!(build(&mut rows.iter().rev()), serial);
    let (mut a, mut b) = (HistoryBuilder::new_in(Global), HistoryBuilder::new_in(Global));
    for (i, (ts, amount)) in rows.iter().enumerate() {
        let to = if i % 2 == 0 { &mut a } else { &mut b };
        to.add(*ts, amount.map(dec), HAS_ITEMS | HAS_COST, Some(2), amount.map(dec)).unwrap();
    }
    b.sort();
    a.merge(&b.customer()).unwrap();
    a.sort();
    assert_eq!(history::encode(&a.customer()), serial);
    // The binary form (the stored bytes) decoded and encoded.
    let mut orders = allocator_api2::vec::Vec::new_in(Global);
    let c = history::decode_into(&serial, &mut orders).unwrap();
    assert_eq!(history::encode(&c), serial);
    // But the text form read back keeps the cost total 14.00 (10.25 + 1.75 + 2) at scale 0,
    // where the orders kept it at scale 2: one value, two byte forms. So customer_history
    // is compared by its text form read back (TEXT_CANONICAL), which is a fixed point.
    let text = history::to_text(&c);
    let back = history::encode(&history::from_text(&text, Global).unwrap().customer());
    assert_ne!(back, serial);
    let mut orders2 = allocator_api2::vec::Vec::new_in(Global);
    let again = history::to_text(&history::decode_into(&back, &mut orders2).unwrap());
    assert_eq!(again, text);
    assert!(super::TEXT_CANONICAL.contains(&history::TYPE_NAME));
}

#[test]
fn models_and_curves_are_stored_as_their_canonical_text() {
    // Spelled with spaces and trailing zeros, a model reads back to one text.
    let a = Sbg::from_text(
        "(version:1,model:\"sbg\",alpha:1,beta:2.5,log_likelihood:-3,customers:10,rows:4,iterations:7,converged:true,penalizer:0)",
    )
    .unwrap();
    let b = Sbg::from_text(
        "( version:1, model:\"sbg\", alpha:1.000, beta:2.50, log_likelihood:-3.0, customers:10, rows:4, iterations:7, converged:true, penalizer:0.0 )",
    )
    .unwrap();
    assert_eq!(a.to_text(), b.to_text());
    let k = KaplanMeier::from_text("(version:1,durations:[1.0,2.5],events:[1,0],censored:[0,1])").unwrap();
    let l = KaplanMeier::from_text("( version:1 , durations:[1,2.50], events:[1,0], censored:[0,1] )").unwrap();
    assert_eq!(k.to_text(), l.to_text());
}

#[test]
fn the_order_is_bytea_order_over_the_canonical_bytes() {
    assert_eq!(compare(b"(a", b"(a"), Ordering::Equal);
    assert_eq!(compare(b"(a", b"(b"), Ordering::Less);
    // A prefix sorts first, as in bytea.
    assert_eq!(compare(b"(ab", b"(a"), Ordering::Greater);
    assert_eq!(compare(&[1, 3, 0, 0, 255], &[1, 3, 0, 0, 1, 0]), Ordering::Greater);
}
