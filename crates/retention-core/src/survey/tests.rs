use super::*;
use proptest::prelude::*;

fn close(a: f64, b: f64, tol: f64) {
    assert!((a - b).abs() <= tol, "{a} vs {b}");
}

fn build(scale: Scale, scores: &[i32]) -> OwnedSummary {
    let mut s = OwnedSummary::new(&scale);
    for &x in scores {
        s.as_mut().accum(x).unwrap();
    }
    s
}

/// 50 promoters, 30 passives, 20 detractors.
fn nps_50_30_20() -> OwnedSummary {
    let mut scores = vec![10; 25];
    scores.extend([9; 25]);
    scores.extend([8; 15]);
    scores.extend([7; 15]);
    scores.extend([6; 10]);
    scores.extend([0; 10]);
    build(Scale::NPS, &scores)
}

#[test]
fn nps_reference_example() {
    // Worked by hand (and quoted in the issue): 50 promoters, 30 passives, 20 detractors:
    // NPS = 100 (50 - 20) / 100 = 30; stderr = 100 sqrt((0.5 + 0.2 - 0.3^2) / 100) = 7.8102.
    let s = nps_50_30_20();
    let r = s.as_ref();
    assert_eq!(
        (r.promoters(), r.passives(), r.detractors(), r.respondents()),
        (50, 30, 20, 100)
    );
    assert_eq!(r.nps(), Some(30.0));
    close(r.nps_stderr().unwrap(), 7.810_249_675_9, 1e-9);
    // scipy: 30 -/+ norm.ppf(0.975) x 7.810250 = (14.6921919250, 45.3078080750)
    let ci = r.nps_ci(0.95).unwrap().unwrap();
    close(ci.lower, 14.692_191_925_0, 1e-9);
    close(ci.upper, 45.307_808_075_0, 1e-9);
}

#[test]
fn nps_interval_stays_on_the_scale() {
    let s = build(Scale::NPS, &[10, 10, 9]);
    let ci = s.as_ref().nps_ci(0.95).unwrap().unwrap();
    assert_eq!((ci.lower, ci.upper), (100.0, 100.0));
    let s = build(Scale::NPS, &[10, 0]);
    let ci = s.as_ref().nps_ci(0.99).unwrap().unwrap();
    assert_eq!((ci.lower, ci.upper), (-100.0, 100.0));
}

#[test]
fn csat_matches_wilson_reference() {
    // 7 satisfied (4 or 5) of 50: CSAT 0.14; statsmodels proportion_confint(7, 50,
    // method='wilson') = (0.0695083343, 0.2618619371).
    let mut scores = vec![5; 4];
    scores.extend([4; 3]);
    scores.extend([3; 20]);
    scores.extend([1; 23]);
    let s = build(Scale::CSAT_DEFAULT, &scores);
    let r = s.as_ref();
    assert_eq!((r.satisfied(), r.respondents()), (7, 50));
    assert_eq!(r.csat(), Some(0.14));
    let ci = r.csat_ci(0.95).unwrap().unwrap();
    close(ci.lower, 0.069_508_334_3, 1e-9);
    close(ci.upper, 0.261_861_937_1, 1e-9);
}

#[test]
fn csat_other_scales() {
    // 0..10 scale, satisfied from 7: scores 7, 8, 10 of {0, 5, 7, 8, 10} -> 3/5.
    let s = build(Scale::csat(0, 10, 7).unwrap(), &[0, 5, 7, 8, 10]);
    assert_eq!(s.as_ref().csat(), Some(0.6));
    assert!(Scale::csat(1, 7, 1).is_err());
    assert!(Scale::csat(1, 7, 8).is_err());
    assert!(Scale::csat(5, 5, 5).is_err());
    assert!(Scale::csat(0, 101, 50).is_err());
    assert!(Scale::csat(0, 100, 50).is_ok());
    assert!(Scale::csat(-40_000, -39_990, -39_995)
        .unwrap_err()
        .message()
        .contains("between -32768 and 32767"));
}

#[test]
fn ces_formula_and_t_interval_by_hand() {
    // Scores 1..=7 once each plus 7 again: sum 35, n 8, mean 4.375;
    // CES = 4.375 / 7 x 100 = 62.5.
    let s = build(Scale::ces(7).unwrap(), &[1, 2, 3, 4, 5, 6, 7, 7]);
    let r = s.as_ref();
    assert_eq!(r.mean(), Some(4.375));
    assert_eq!(r.ces(), Some(62.5));
    // Sample variance: sum of squares 189 - 8 x 4.375^2 = 35.875, / 7 = 5.125.
    close(r.sample_variance().unwrap(), 5.125, 1e-12);
    // scipy.stats.t.interval(0.95, 7, loc=4.375, scale=sqrt(5.125/8))
    // = (2.4823771428, 6.2676228572).
    let ci = r.mean_ci(0.95).unwrap().unwrap();
    close(ci.lower, 2.482_377_142_8, 1e-9);
    close(ci.upper, 6.267_622_857_2, 1e-9);
    let ci = r.ces_ci(0.95).unwrap().unwrap();
    close(ci.lower, 2.482_377_142_8 / 7.0 * 100.0, 1e-8);
    // CES maps 1..k onto [100/k, 100].
    assert_eq!(
        build(Scale::ces(5).unwrap(), &[1]).as_ref().ces(),
        Some(20.0)
    );
    assert_eq!(
        build(Scale::ces(5).unwrap(), &[5]).as_ref().ces(),
        Some(100.0)
    );
    assert_eq!(
        build(Scale::ces(5).unwrap(), &[5])
            .as_ref()
            .mean_ci(0.95)
            .unwrap(),
        None
    );
}

#[test]
fn empty_summary_has_no_figures() {
    let s = OwnedSummary::new(&Scale::NPS);
    let r = s.as_ref();
    assert_eq!((r.respondents(), r.nps(), r.nps_stderr()), (0, None, None));
    assert_eq!(r.nps_ci(0.95).unwrap(), None);
    assert_eq!(
        OwnedSummary::new(&Scale::CSAT_DEFAULT)
            .as_ref()
            .csat_ci(0.95)
            .unwrap(),
        None
    );
    assert_eq!(
        OwnedSummary::new(&Scale::ces(7).unwrap()).as_ref().ces(),
        None
    );
}

#[test]
fn out_of_range_scores_name_the_value() {
    let mut s = OwnedSummary::new(&Scale::NPS);
    assert_eq!(
        s.as_mut().accum(11).unwrap_err().message(),
        "NPS score 11 is out of range: scores must be integers from 0 to 10"
    );
    assert!(s.as_mut().accum(-1).is_err());
    assert!(s.as_mut().accum(i32::MIN).is_err());
    assert!(s.as_mut().accum(i32::MAX).is_err());
    let mut c = OwnedSummary::new(&Scale::ces(7).unwrap());
    assert_eq!(
        c.as_mut().accum(0).unwrap_err().message(),
        "CES score 0 is out of range: with 7 options scores run from 1 to 7"
    );
    let mut c = OwnedSummary::new(&Scale::CSAT_DEFAULT);
    assert_eq!(
        c.as_mut().accum(6).unwrap_err().message(),
        "CSAT score 6 is out of range: this scale runs from 1 to 5"
    );
    assert_eq!(
        s.as_ref().respondents(),
        0,
        "a rejected score is not counted"
    );
}

#[test]
fn counters_stop_at_the_bigint_limit() {
    let mut counts = [0u64; 11];
    counts[10] = i64::MAX as u64;
    let mut full = OwnedSummary::from_counts(Scale::NPS, &counts).unwrap();
    assert!(matches!(
        full.as_mut().accum(10),
        Err(MetricError::OutOfRange(_))
    ));
    let one = build(Scale::NPS, &[3]);
    assert!(matches!(
        full.as_mut().merge(one.as_ref()),
        Err(MetricError::OutOfRange(_))
    ));
    counts[9] = 1;
    assert!(matches!(
        OwnedSummary::from_counts(Scale::NPS, &counts),
        Err(MetricError::OutOfRange(_))
    ));
}

#[test]
fn removing_undoes_adding() {
    let mut s = build(Scale::NPS, &[10, 3, 3, 7]);
    assert!(s.as_mut().try_remove(3));
    assert_eq!(s, build(Scale::NPS, &[10, 3, 7]));
    assert!(!s.as_mut().try_remove(0), "never counted");
    assert!(!s.as_mut().try_remove(11), "off the scale");
    assert!(!s.as_mut().try_remove(i32::MIN));
    assert_eq!(
        s,
        build(Scale::NPS, &[10, 3, 7]),
        "a refused removal changes nothing"
    );
}

#[test]
fn merging_different_scales_is_an_error() {
    let mut a = build(Scale::CSAT_DEFAULT, &[5]);
    let b = build(Scale::csat(1, 7, 6).unwrap(), &[7]);
    assert_eq!(
        a.as_mut().merge(b.as_ref()).unwrap_err().message(),
        "cannot combine csat_summary values with different scales: 1..5 satisfied from 4 and 1..7 satisfied from 6"
    );
}

#[test]
fn text_form_is_pinned() {
    // The stored text form of version 1. Changing it needs a new version (and reading v1).
    let s = nps_50_30_20();
    assert_eq!(
        s.as_ref().to_text(),
        "(version:1,counts:[10,0,0,0,0,0,10,15,15,25,25])"
    );
    let c = build(Scale::csat(0, 10, 7).unwrap(), &[0, 7, 7]);
    assert_eq!(
        c.as_ref().to_text(),
        "(version:1,min:0,max:10,satisfied_min:7,counts:[1,0,0,0,0,0,0,2,0,0,0])"
    );
    let e = build(Scale::ces(5).unwrap(), &[2, 2, 5]);
    assert_eq!(
        e.as_ref().to_text(),
        "(version:1,options:5,counts:[0,2,0,0,1])"
    );
    for (kind, s) in [(Kind::Nps, &s), (Kind::Csat, &c), (Kind::Ces, &e)] {
        assert_eq!(&from_text(kind, &s.as_ref().to_text()).unwrap(), s);
    }
}

#[test]
fn binary_form_is_pinned() {
    let e = build(Scale::ces(2).unwrap(), &[1, 2, 2]);
    assert_eq!(
        e.as_ref().to_binary(),
        [1, 3, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2]
    );
    assert_eq!(from_binary(Kind::Ces, &e.as_ref().to_binary()).unwrap(), e);
}

#[test]
fn bad_text_is_rejected() {
    for input in [
        "(version:2,counts:[0,0,0,0,0,0,0,0,0,0,0])",
        "(version:1,counts:[0,0,0])",
        "(version:1,counts:[0,0,0,0,0,0,0,0,0,0,-1])",
        "(version:1,counts:[0,0,0,0,0,0,0,0,0,0,0],extra:1)",
        "(counts:[0,0,0,0,0,0,0,0,0,0,0],version:1)",
        "version:1",
    ] {
        let err = from_text(Kind::Nps, input).unwrap_err();
        assert!(
            matches!(err, MetricError::InvalidText(_)),
            "{input}: {err:?}"
        );
    }
    let err = from_text(
        Kind::Csat,
        "(version:1,min:1,max:5,satisfied_min:9,counts:[0,0,0,0,0])",
    )
    .unwrap_err();
    assert!(
        err.message().contains("satisfied_min 9 is out of range"),
        "{err}"
    );
    let big = format!("(version:1,counts:[{},1,0,0,0,0,0,0,0,0,0])", i64::MAX);
    assert!(matches!(
        from_text(Kind::Nps, &big),
        Err(MetricError::OutOfRange(_))
    ));
}

#[test]
fn bad_binary_is_rejected() {
    let good = build(Scale::NPS, &[1]).as_ref().to_binary();
    assert!(from_binary(Kind::Nps, &good).is_ok());
    assert!(from_binary(Kind::Csat, &good).is_err(), "kind is checked");
    assert!(from_binary(Kind::Nps, &good[..good.len() - 1]).is_err());
    assert!(from_binary(Kind::Nps, &[]).is_err());
    let mut v2 = good.clone();
    v2[0] = 2;
    assert!(from_binary(Kind::Nps, &v2).is_err());
    let mut wide = good.clone();
    wide[5] = 11; // hi = 11: not the NPS scale
    assert!(from_binary(Kind::Nps, &wide).is_err());
}

#[test]
fn raw_view_checks_length_and_kind() {
    let s = build(Scale::NPS, &[1, 2]);
    let bytes = s.as_bytes();
    let r = unsafe { summary_ref(bytes.as_ptr(), bytes.len(), Kind::Nps) }.unwrap();
    assert_eq!(r.respondents(), 2);
    assert!(unsafe { summary_ref(bytes.as_ptr(), bytes.len() - 8, Kind::Nps) }.is_err());
    assert!(unsafe { summary_ref(bytes.as_ptr(), bytes.len(), Kind::Ces) }.is_err());
}

/// A datum whose header claims more counts than its length holds is refused before any
/// slice over the missing counts is made (it used to be made first, past the datum's end).
#[test]
fn raw_view_refuses_a_header_wider_than_the_datum() {
    let wide = build(Scale::csat(0, 100, 50).unwrap(), &[100]);
    // The header and one count, in an allocation of exactly that size.
    let words: Vec<u64> = unsafe {
        std::slice::from_raw_parts(wide.as_bytes().as_ptr() as *const u64, HEADER_BYTES / 8 + 1)
    }
    .to_vec();
    let len = words.len() * 8;
    let r = unsafe { summary_ref(words.as_ptr() as *const u8, len, Kind::Csat) };
    assert!(r.is_err());
    assert!(r
        .unwrap_err()
        .message()
        .contains("length does not match its scale"));
}

fn scale_strategy() -> impl Strategy<Value = Scale> {
    prop_oneof![
        Just(Scale::NPS),
        Just(Scale::CSAT_DEFAULT),
        Just(Scale::csat(0, 10, 7).unwrap()),
        Just(Scale::ces(7).unwrap()),
    ]
}

fn scale_and_scores() -> impl Strategy<Value = (Scale, Vec<i32>)> {
    scale_strategy().prop_flat_map(|s| {
        (
            Just(s),
            prop::collection::vec(s.lo as i32..=s.hi as i32, 0..200),
        )
    })
}

fn merged(a: &OwnedSummary, b: &OwnedSummary) -> OwnedSummary {
    let mut out = a.clone();
    out.as_mut().merge(b.as_ref()).unwrap();
    out
}

proptest! {
    #[test]
    fn splitting_anywhere_and_merging_is_exact((scale, scores) in scale_and_scores(), cut in any::<prop::sample::Index>()) {
        let whole = build(scale, &scores);
        let at = if scores.is_empty() { 0 } else { cut.index(scores.len() + 1) };
        let parts = merged(&build(scale, &scores[..at]), &build(scale, &scores[at..]));
        prop_assert_eq!(&parts, &whole);
        prop_assert_eq!(whole.as_ref().respondents(), scores.len() as u64);
    }

    #[test]
    fn merge_is_commutative_and_associative((scale, scores) in scale_and_scores(), i in any::<prop::sample::Index>(), j in any::<prop::sample::Index>()) {
        let len = scores.len() + 1;
        let (mut x, mut y) = (i.index(len), j.index(len));
        if x > y { std::mem::swap(&mut x, &mut y); }
        let a = build(scale, &scores[..x]);
        let b = build(scale, &scores[x..y]);
        let c = build(scale, &scores[y..]);
        prop_assert_eq!(merged(&a, &b), merged(&b, &a));
        prop_assert_eq!(merged(&merged(&a, &b), &c), merged(&a, &merged(&b, &c)));
    }

    #[test]
    fn text_and_binary_round_trip((scale, scores) in scale_and_scores()) {
        let s = build(scale, &scores);
        prop_assert_eq!(&from_text(scale.kind, &s.as_ref().to_text()).unwrap(), &s);
        prop_assert_eq!(&from_binary(scale.kind, &s.as_ref().to_binary()).unwrap(), &s);
    }

    #[test]
    fn text_input_never_panics(input in "\\PC{0,60}") {
        let _ = from_text(Kind::Nps, &input);
        let _ = from_text(Kind::Csat, &input);
    }

    #[test]
    fn nps_is_on_its_scale((scale, scores) in scale_and_scores()) {
        prop_assume!(scale.kind == Kind::Nps && !scores.is_empty());
        let s = build(scale, &scores);
        let r = s.as_ref();
        let nps = r.nps().unwrap();
        prop_assert!((-100.0..=100.0).contains(&nps));
        let ci = r.nps_ci(0.95).unwrap().unwrap();
        prop_assert!(ci.lower <= nps && nps <= ci.upper);
    }
}

/// Scores of other SQL types (issue 16): a whole number of any type is that score; every
/// expected value below is worked by hand from the rule (whole -> the integer, else 22023).
#[test]
fn whole_score_of_every_type() {
    use crate::decimal::Dec;
    let nps = Scale::NPS;
    assert_eq!(nps.whole_score(TypedScore::Int(9)).unwrap(), 9);
    assert_eq!(nps.whole_score(TypedScore::Int(-3)).unwrap(), -3); // accum refuses it later
    assert_eq!(
        nps.whole_score(TypedScore::Dec(Dec::new(900, 2))).unwrap(),
        9
    ); // 9.00
    assert_eq!(nps.whole_score(TypedScore::F64(10.0)).unwrap(), 10);
    assert_eq!(nps.whole_score(TypedScore::F32(7.0)).unwrap(), 7);
    assert_eq!(nps.whole_score(TypedScore::F64(-0.0)).unwrap(), 0);
    let msg = |r: Result<i32>| r.unwrap_err().message().to_string();
    assert_eq!(
        msg(nps.whole_score(TypedScore::Int(3_000_000_000))),
        "NPS score 3000000000 is out of range: scores must be integers from 0 to 10"
    );
    assert_eq!(
        msg(nps.whole_score(TypedScore::Dec(Dec::new(95, 1)))),
        "NPS score 9.5 is not a whole number: scores must be integers from 0 to 10"
    );
    assert_eq!(
        msg(nps.whole_score(TypedScore::F64(f64::NAN))),
        "NPS score NaN is not a whole number: scores must be integers from 0 to 10"
    );
    assert_eq!(
        msg(nps.whole_score(TypedScore::F64(f64::NEG_INFINITY))),
        "NPS score -Infinity is not a whole number: scores must be integers from 0 to 10"
    );
    // real prints as real: 4.1f32 widened would print 4.099999904632568.
    assert_eq!(
        msg(Scale::CSAT_DEFAULT.whole_score(TypedScore::F32(4.1))),
        "CSAT score 4.1 is not a whole number: this scale runs from 1 to 5"
    );
    assert_eq!(
        msg(Scale::ces(7)
            .unwrap()
            .whole_score(TypedScore::NumericText("NaN"))),
        "CES score NaN is not a whole number: with 7 options scores run from 1 to 7"
    );
    assert_eq!(
        msg(nps.whole_score(TypedScore::NumericText(
            "100000000000000000000000000000000000000000"
        ))),
        "NPS score 1e+41 is out of range: scores must be integers from 0 to 10"
    );
    // Long numbers print as PostgreSQL prints such a float (SELECT 1e300::float8 gives 1e+300).
    assert_eq!(
        msg(nps.whole_score(TypedScore::F64(1e300))),
        "NPS score 1e+300 is out of range: scores must be integers from 0 to 10"
    );
    assert_eq!(
        msg(nps.whole_score(TypedScore::Int(i64::MIN))),
        "NPS score -9223372036854775808 is out of range: scores must be integers from 0 to 10"
    );
    assert!(nps.whole_score(TypedScore::F64(1e300)).is_err());
    assert!(nps.whole_score(TypedScore::Dec(Dec::new(1, 30))).is_err());
}
