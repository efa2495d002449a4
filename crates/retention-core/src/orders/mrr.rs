//! MRR movements between two snapshots (`mrr_movements(mrr_start, mrr_end)`), as
//! ChartMogul and Baremetrics define them. Per customer, with s and e its MRR at the start
//! and at the end (NULL = no subscription = 0):
//!
//! - s > 0, e = 0: churned MRR s;      - s = 0, e > 0: new MRR e;
//! - 0 < s < e: expansion e - s;       - 0 < e < s: contraction s - e.
//!
//! Rates are shares of the starting MRR: revenue churn = churned / start, gross MRR churn =
//! (churned + contraction) / start, net MRR churn = (churned + contraction - expansion) /
//! start (negative when expansion wins), net revenue retention = 1 - net MRR churn, gross
//! revenue retention = 1 - gross MRR churn, quick ratio = (new + expansion) / (churned +
//! contraction). All money is summed exactly.
//!
//! Body (`mrr_summary`): scale, then six amounts of two words (start, end, new, expansion,
//! contraction, churned), then six counts.

use super::check_amount;
use super::series::{read_i128, write_i128};
use super::words::{add_count, as_text_error, inconsistent, Grow, Kind, Summary};
use crate::decimal::{overflow, pow10, read_scale_word, scale_word, scale_word_valid, Dec};
use crate::error::Result;
use crate::text::Writer;

const SCALE: usize = 0;
const START: usize = 1;
const END: usize = 3;
const NEW: usize = 5;
const EXPANSION: usize = 7;
const CONTRACTION: usize = 9;
const CHURNED: usize = 11;
const MONEY: [(usize, &str); 6] = [
    (START, "mrr_start"),
    (END, "mrr_end"),
    (NEW, "new"),
    (EXPANSION, "expansion"),
    (CONTRACTION, "contraction"),
    (CHURNED, "churned"),
];
const C_START: usize = 13;
const C_END: usize = 14;
const C_NEW: usize = 15;
const C_EXP: usize = 16;
const C_CONTR: usize = 17;
const C_CHURN: usize = 18;
const COUNTS: [(usize, &str); 6] = [
    (C_START, "customers_start"),
    (C_END, "customers_end"),
    (C_NEW, "new_customers"),
    (C_EXP, "expanded_customers"),
    (C_CONTR, "contracted_customers"),
    (C_CHURN, "churned_customers"),
];
const WORDS: usize = 19;

pub struct Mrr;

pub fn new_body() -> Vec<u64> {
    vec![0; WORDS]
}

/// Raise the shared scale to fit `d`, and the display scale to show it.
fn rescale(b: &mut [u64], d: Dec) -> Result<()> {
    let (old, display) = read_scale_word(b[SCALE]);
    let scale = old.max(d.scale);
    if scale > old {
        let f = pow10((scale - old) as u32).expect("scale <= 30");
        for (at, name) in MONEY {
            let v = read_i128(&b[at..])
                .checked_mul(f)
                .ok_or_else(|| overflow(name))?;
            write_i128(&mut b[at..], v);
        }
    }
    b[SCALE] = scale_word(scale, display.max(d.display));
    Ok(())
}

fn add_money(b: &mut [u64], at: usize, d: Dec, name: &str) -> Result<()> {
    let m = d
        .mantissa_at(read_scale_word(b[SCALE]).0)
        .ok_or_else(|| overflow(name))?;
    let v = read_i128(&b[at..])
        .checked_add(m)
        .ok_or_else(|| overflow(name))?;
    write_i128(&mut b[at..], v);
    Ok(())
}

/// Count one customer's movement. `None` is no subscription (0).
pub fn add(b: &mut [u64], start: Option<Dec>, end: Option<Dec>) -> Result<()> {
    let s = check_amount(start.unwrap_or_default(), "mrr_start")?;
    let e = check_amount(end.unwrap_or_default(), "mrr_end")?;
    rescale(b, s)?;
    rescale(b, e)?;
    let what = "mrr_summary";
    let scale = read_scale_word(b[SCALE]).0;
    let (sm, em) = (
        s.mantissa_at(scale).ok_or_else(|| overflow("mrr_start"))?,
        e.mantissa_at(scale).ok_or_else(|| overflow("mrr_end"))?,
    );
    let d = |m: i128| Dec::new(m, scale);
    add_money(b, START, s, "mrr_start")?;
    add_money(b, END, e, "mrr_end")?;
    if sm > 0 {
        add_count(&mut b[C_START], 1, what)?;
    }
    if em > 0 {
        add_count(&mut b[C_END], 1, what)?;
    }
    match (sm > 0, em > 0) {
        (true, false) => {
            add_money(b, CHURNED, s, "churned")?;
            add_count(&mut b[C_CHURN], 1, what)?;
        }
        (false, true) => {
            add_money(b, NEW, e, "new")?;
            add_count(&mut b[C_NEW], 1, what)?;
        }
        (true, true) if em > sm => {
            add_money(b, EXPANSION, d(em - sm), "expansion")?;
            add_count(&mut b[C_EXP], 1, what)?;
        }
        (true, true) if em < sm => {
            add_money(b, CONTRACTION, d(sm - em), "contraction")?;
            add_count(&mut b[C_CONTR], 1, what)?;
        }
        _ => {}
    }
    Ok(())
}

#[derive(Debug, Clone, Copy)]
pub struct MrrRef<'a>(pub &'a [u64]);

impl MrrRef<'_> {
    fn money(&self, at: usize) -> Dec {
        let (scale, display) = read_scale_word(self.0[SCALE]);
        Dec::new(read_i128(&self.0[at..]), scale).with_display(display)
    }
    pub fn mrr_start(&self) -> Dec {
        self.money(START)
    }
    pub fn mrr_end(&self) -> Dec {
        self.money(END)
    }
    pub fn new_mrr(&self) -> Dec {
        self.money(NEW)
    }
    pub fn expansion(&self) -> Dec {
        self.money(EXPANSION)
    }
    pub fn contraction(&self) -> Dec {
        self.money(CONTRACTION)
    }
    pub fn churned(&self) -> Dec {
        self.money(CHURNED)
    }
    pub fn count(&self, name: &str) -> u64 {
        COUNTS
            .iter()
            .find(|(_, n)| *n == name)
            .map_or(0, |(at, _)| self.0[*at])
    }
    fn of_start(&self, m: i128) -> Option<f64> {
        let start = self.mrr_start();
        (start.m > 0).then(|| Dec::new(m, start.scale).to_f64() / start.to_f64())
    }
    pub fn revenue_churn(&self) -> Option<f64> {
        self.of_start(self.churned().m)
    }
    pub fn gross_mrr_churn(&self) -> Option<f64> {
        self.of_start(self.churned().m + self.contraction().m)
    }
    pub fn net_mrr_churn(&self) -> Option<f64> {
        self.of_start(self.churned().m + self.contraction().m - self.expansion().m)
    }
    pub fn net_revenue_retention(&self) -> Option<f64> {
        self.of_start(
            self.mrr_start().m - self.churned().m - self.contraction().m + self.expansion().m,
        )
    }
    pub fn gross_revenue_retention(&self) -> Option<f64> {
        self.of_start(self.mrr_start().m - self.churned().m - self.contraction().m)
    }
    pub fn quick_ratio(&self) -> Option<f64> {
        let lost = self.churned().m + self.contraction().m;
        (lost > 0).then(|| (self.new_mrr().m + self.expansion().m) as f64 / lost as f64)
    }
}

impl Summary for Mrr {
    const KIND: Kind = Kind::Mrr;
    const TYPE_NAME: &'static str = "mrr_summary";

    fn validate(b: &[u64]) -> Result<()> {
        if b.len() != WORDS || !scale_word_valid(b[SCALE]) {
            return Err(inconsistent("wrong length or scale"));
        }
        let m = |at: usize| read_i128(&b[at..]);
        let c = |at: usize| b[at] as i128;
        let money_ok = MONEY.iter().all(|(at, _)| m(*at) >= 0)
            && super::words::amounts_add_up(
                &[m(START), m(NEW), m(EXPANSION)],
                &[m(CONTRACTION), m(CHURNED)],
                m(END),
            )
            && m(CHURNED)
                .checked_add(m(CONTRACTION))
                .is_some_and(|v| v <= m(START));
        let counts_ok = COUNTS.iter().all(|(at, _)| b[*at] <= i64::MAX as u64)
            && c(C_START) - c(C_CHURN) + c(C_NEW) == c(C_END)
            && c(C_CHURN) + c(C_EXP) + c(C_CONTR) <= c(C_START)
            && (m(START) > 0) == (c(C_START) > 0)
            && (m(END) > 0) == (c(C_END) > 0);
        if !money_ok || !counts_ok {
            return Err(inconsistent("amounts and counts do not add up"));
        }
        Ok(())
    }

    fn to_text(b: &[u64]) -> String {
        let r = MrrRef(b);
        let mut w = Writer::new(super::words::VERSION);
        for (at, name) in MONEY {
            w.decimal(name, r.money(at));
        }
        for (at, name) in COUNTS {
            w.int(name, b[at]);
        }
        w.finish()
    }

    fn from_text(input: &str) -> Result<Vec<u64>> {
        let parse = || -> Result<Vec<u64>> {
            let mut f = super::words::fields(Self::TYPE_NAME, input)?;
            let mut amounts = Vec::new();
            for (_, name) in MONEY {
                amounts.push(f.decimal(name)?);
            }
            let mut b = new_body();
            for d in &amounts {
                rescale(&mut b, *d)?;
            }
            for ((at, name), d) in MONEY.iter().zip(amounts) {
                add_money(&mut b, *at, d, name)?;
            }
            for (at, name) in COUNTS {
                b[at] = f.count(name)?;
            }
            f.finish(input)?;
            Self::validate(&b)?;
            Ok(b)
        };
        parse().map_err(|e| as_text_error::<Self>(input, e))
    }

    fn merge(dst: &mut [u64], src: &[u64]) -> Result<Grow> {
        let mut out = dst.to_vec();
        let from = MrrRef(src);
        for (at, name) in MONEY {
            let d = from.money(at);
            rescale(&mut out, d)?;
            add_money(&mut out, at, d, name)?;
        }
        for (at, name) in COUNTS {
            add_count(&mut out[at], src[at], name)?;
        }
        dst.copy_from_slice(&out);
        Ok(None)
    }
}
