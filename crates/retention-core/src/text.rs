//! The text form every summary type uses: `(key:value,key:[v,v,...])`.
//!
//! Values are integers (`42`, `-7`), exact decimals (`19.99`), quoted strings
//! (`"2026-01-01T00:00:00Z"`, with `\"` and `\\` escapes), `null`, and lists of those.
//! It is deliberately tiny and strict: what `parse` accepts is what the summaries' output
//! functions write, plus optional white space between tokens. Field order and the set of
//! fields are checked by the caller through the typed getters and [`Fields::finish`];
//! [`Writer`] builds the same form, so each summary writes and reads its fields in one
//! order, in one place.

use crate::decimal::Dec;
use crate::error::{MetricError, Result};

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Int(i64),
    /// An integer outside i64, kept as written: a count reader refuses it, a decimal reader
    /// takes it (a whole-number amount or sum of money can pass i64 at scale 0).
    BigInt(String),
    /// An exact decimal with a fraction (`19.99`), kept as written.
    Dec(String),
    Str(String),
    Null,
    /// `true` or `false`.
    Bool(bool),
    List(Vec<Value>),
}

pub(crate) struct Fields {
    type_name: &'static str,
    input: String,
    fields: Vec<(String, Value)>,
}

fn bad<T>(type_name: &str, input: &str, why: impl std::fmt::Display) -> Result<T> {
    Err(text_error(type_name, input, why))
}

/// A text error for `type_name` that quotes `input` (long inputs shortened).
pub fn text_error(type_name: &str, input: &str, why: impl std::fmt::Display) -> MetricError {
    const MAX: usize = 200;
    let shown = if input.len() > MAX {
        let mut end = MAX;
        while !input.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}...", &input[..end])
    } else {
        input.to_string()
    };
    MetricError::InvalidText(format!(
        "invalid input syntax for type {type_name}: \"{shown}\": {why}"
    ))
}

struct Cursor<'a> {
    s: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn skip_ws(&mut self) {
        while self.pos < self.s.len() && self.s[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }
    fn peek(&mut self) -> Option<u8> {
        self.skip_ws();
        self.s.get(self.pos).copied()
    }
    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    fn ident(&mut self) -> Option<String> {
        self.skip_ws();
        let start = self.pos;
        while self.pos < self.s.len()
            && (self.s[self.pos].is_ascii_lowercase() || self.s[self.pos] == b'_')
        {
            self.pos += 1;
        }
        (self.pos > start).then(|| String::from_utf8_lossy(&self.s[start..self.pos]).into_owned())
    }
    /// An integer or a decimal.
    fn number(&mut self) -> std::result::Result<Value, &'static str> {
        self.skip_ws();
        let start = self.pos;
        if self.s.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        let digits = |c: &mut Self| {
            let from = c.pos;
            while c.pos < c.s.len() && c.s[c.pos].is_ascii_digit() {
                c.pos += 1;
            }
            c.pos > from
        };
        if !digits(self) {
            return Err("expected a number");
        }
        let mut fraction = false;
        if self.s.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if !digits(self) {
                return Err("expected digits after \".\"");
            }
            fraction = true;
        }
        if matches!(self.s.get(self.pos), Some(b'e' | b'E')) {
            return Err("numbers are written without an exponent (0.000001, not 1e-6)");
        }
        // Only ASCII digits, '-' and '.' were consumed.
        let token = std::str::from_utf8(&self.s[start..self.pos]).map_err(|_| "not UTF-8")?;
        if fraction {
            Ok(Value::Dec(token.to_string()))
        } else {
            Ok(token
                .parse::<i64>()
                .map_or_else(|_| Value::BigInt(token.to_string()), Value::Int))
        }
    }
    fn string(&mut self) -> std::result::Result<String, &'static str> {
        // The opening quote has been eaten.
        let mut out = Vec::new();
        loop {
            match self.s.get(self.pos) {
                None => return Err("unterminated string"),
                Some(b'"') => {
                    self.pos += 1;
                    break;
                }
                Some(b'\\') => match self.s.get(self.pos + 1) {
                    Some(&c @ (b'"' | b'\\')) => {
                        out.push(c);
                        self.pos += 2;
                    }
                    _ => return Err("invalid escape in a string"),
                },
                Some(&c) => {
                    out.push(c);
                    self.pos += 1;
                }
            }
        }
        String::from_utf8(out).map_err(|_| "string is not UTF-8")
    }
    fn value(&mut self, depth: u32) -> std::result::Result<Value, &'static str> {
        match self.peek() {
            Some(b'[') if depth == 0 => {
                self.pos += 1;
                let mut list = Vec::new();
                if !self.eat(b']') {
                    loop {
                        // Stored curves and logs hold millions of items.
                        crate::interrupt::check_every(list.len());
                        list.push(self.value(depth + 1)?);
                        if self.eat(b']') {
                            break;
                        }
                        if !self.eat(b',') {
                            return Err("expected \",\" or \"]\" in a list");
                        }
                    }
                }
                Ok(Value::List(list))
            }
            Some(b'[') => Err("lists do not nest"),
            Some(b'"') => {
                self.pos += 1;
                self.string().map(Value::Str)
            }
            Some(b'n') => {
                if self.s[self.pos..].starts_with(b"null") {
                    self.pos += 4;
                    Ok(Value::Null)
                } else {
                    Err("expected a value")
                }
            }
            Some(b't' | b'f') => {
                for (word, v) in [(&b"true"[..], true), (&b"false"[..], false)] {
                    if self.s[self.pos..].starts_with(word) {
                        self.pos += word.len();
                        return Ok(Value::Bool(v));
                    }
                }
                Err("expected a value")
            }
            _ => self.number(),
        }
    }
}

impl Fields {
    pub(crate) fn parse(type_name: &'static str, input: &str) -> Result<Fields> {
        let mut c = Cursor {
            s: input.as_bytes(),
            pos: 0,
        };
        if !c.eat(b'(') {
            return bad(type_name, input, "expected \"(\"");
        }
        let mut fields = Vec::new();
        loop {
            let Some(key) = c.ident() else {
                return bad(type_name, input, "expected a field name");
            };
            if !c.eat(b':') {
                return bad(type_name, input, format!("expected \":\" after {key}"));
            }
            let value = c.value(0).or_else(|e| bad(type_name, input, e))?;
            fields.push((key, value));
            if c.eat(b')') {
                break;
            }
            if !c.eat(b',') {
                return bad(type_name, input, "expected \",\" or \")\"");
            }
        }
        c.skip_ws();
        if c.pos != c.s.len() {
            return bad(type_name, input, "unexpected text after \")\"");
        }
        fields.reverse(); // so that `next` pops them in written order
        Ok(Fields {
            type_name,
            input: input.to_string(),
            fields,
        })
    }

    /// An error about this input.
    pub(crate) fn error(&self, why: impl std::fmt::Display) -> MetricError {
        text_error(self.type_name, &self.input, why)
    }

    fn next(&mut self, key: &str) -> Result<Value> {
        match self.fields.pop() {
            Some((k, v)) if k == key => Ok(v),
            Some((k, _)) => Err(self.error(format!("expected field \"{key}\", found \"{k}\""))),
            None => Err(self.error(format!("missing field \"{key}\""))),
        }
    }

    /// The name of the next field, if any (for optional fields).
    pub(crate) fn peek_key(&self) -> Option<&str> {
        self.fields.last().map(|(k, _)| k.as_str())
    }

    fn wrong(&self, key: &str, what: &str) -> MetricError {
        self.error(format!("field \"{key}\" must be {what}"))
    }

    /// The next field, which must be `key`, as an integer. (`_input` is kept for the survey
    /// summaries' call sites; the input is remembered by `parse`.)
    pub(crate) fn int(&mut self, key: &str, _input: &str) -> Result<i64> {
        match self.next(key)? {
            Value::Int(v) => Ok(v),
            Value::BigInt(v) => Err(self.out_of_range(key, &v)),
            _ => Err(self.wrong(key, "an integer")),
        }
    }

    fn out_of_range(&self, key: &str, v: &str) -> MetricError {
        self.error(format!(
            "{key}: {v} is out of range: integers are 64-bit counts"
        ))
    }

    /// An integer field that must be >= 0.
    pub(crate) fn count(&mut self, key: &str) -> Result<u64> {
        let v = self.int(key, "")?;
        u64::try_from(v).map_err(|_| self.error(format!("{key} {v} is negative")))
    }

    pub(crate) fn string(&mut self, key: &str) -> Result<String> {
        match self.next(key)? {
            Value::Str(s) => Ok(s),
            _ => Err(self.wrong(key, "a quoted string")),
        }
    }

    /// A quoted string or `null`.
    pub(crate) fn nullable_string(&mut self, key: &str) -> Result<Option<String>> {
        match self.next(key)? {
            Value::Str(s) => Ok(Some(s)),
            Value::Null => Ok(None),
            _ => Err(self.wrong(key, "a quoted string or null")),
        }
    }

    /// A timestamp field written by [`Writer::timestamp`].
    pub(crate) fn timestamp(&mut self, key: &str) -> Result<i64> {
        let s = self.string(key)?;
        crate::time::parse_timestamp(&s).map_err(|e| self.error(format!("{key}: {e}")))
    }

    /// A decimal field written by [`Writer::decimal`] (an integer is a decimal of scale 0).
    pub(crate) fn decimal(&mut self, key: &str) -> Result<Dec> {
        let v = self.next(key)?;
        self.to_decimal(key, &v)
    }

    fn to_decimal(&self, key: &str, v: &Value) -> Result<Dec> {
        match v {
            Value::Int(i) => Ok(Dec::new(*i as i128, 0)),
            Value::Dec(s) | Value::BigInt(s) => {
                Dec::parse(s).map_err(|e| self.error(format!("{key}: {e}")))
            }
            _ => Err(self.wrong(key, "a decimal number")),
        }
    }

    /// A floating-point field written by [`Writer::float`]: the decimal is parsed with
    /// correct rounding, so a written float reads back bit for bit. Must be finite.
    pub(crate) fn float(&mut self, key: &str) -> Result<f64> {
        let v = self.next(key)?;
        self.float_of(key, v, "a number")
    }

    /// A finite float from a number value of field `key` (`what` names the field's form).
    fn float_of(&self, key: &str, v: Value, what: &str) -> Result<f64> {
        let f = match v {
            Value::Int(i) => i as f64,
            Value::Dec(s) | Value::BigInt(s) => s
                .parse::<f64>()
                .map_err(|e| self.error(format!("{key}: {e}")))?,
            _ => return Err(self.wrong(key, what)),
        };
        if f.is_finite() {
            Ok(f)
        } else {
            Err(self.error(format!(
                "{key} is out of range for a double precision number"
            )))
        }
    }

    /// A `true` / `false` field.
    pub(crate) fn bool(&mut self, key: &str) -> Result<bool> {
        match self.next(key)? {
            Value::Bool(b) => Ok(b),
            _ => Err(self.wrong(key, "true or false")),
        }
    }

    pub(crate) fn list(&mut self, key: &str, _input: &str) -> Result<Vec<i64>> {
        match self.next(key)? {
            Value::List(items) => items
                .into_iter()
                .map(|v| match v {
                    Value::Int(i) => Ok(i),
                    Value::BigInt(v) => Err(self.out_of_range(key, &v)),
                    _ => Err(self.wrong(key, "a list of integers")),
                })
                .collect(),
            _ => Err(self.wrong(key, "a list")),
        }
    }

    /// A list of counts (integers >= 0).
    pub(crate) fn counts(&mut self, key: &str) -> Result<Vec<u64>> {
        let items = self.list(key, "")?;
        items
            .into_iter()
            .map(|v| {
                u64::try_from(v).map_err(|_| self.error(format!("{key}: count {v} is negative")))
            })
            .collect()
    }

    /// A list of timestamps.
    pub(crate) fn timestamps(&mut self, key: &str) -> Result<Vec<i64>> {
        match self.next(key)? {
            Value::List(items) => items
                .into_iter()
                .map(|v| match v {
                    Value::Str(s) => crate::time::parse_timestamp(&s)
                        .map_err(|e| self.error(format!("{key}: {e}"))),
                    _ => Err(self.wrong(key, "a list of quoted timestamps")),
                })
                .collect(),
            _ => Err(self.wrong(key, "a list")),
        }
    }

    /// A list of finite floats (as [`Writer::floats`] writes them).
    pub(crate) fn floats(&mut self, key: &str) -> Result<Vec<f64>> {
        match self.next(key)? {
            Value::List(items) => items
                .into_iter()
                .map(|v| self.float_of(key, v, "a list of numbers"))
                .collect(),
            _ => Err(self.wrong(key, "a list")),
        }
    }

    /// A list of decimals, `null` allowed.
    pub(crate) fn decimals(&mut self, key: &str) -> Result<Vec<Option<Dec>>> {
        match self.next(key)? {
            Value::List(items) => items
                .iter()
                .map(|v| match v {
                    Value::Null => Ok(None),
                    v => self.to_decimal(key, v).map(Some),
                })
                .collect(),
            _ => Err(self.wrong(key, "a list")),
        }
    }

    pub(crate) fn finish(self, _input: &str) -> Result<()> {
        match self.fields.last() {
            None => Ok(()),
            Some((k, _)) => Err(self.error(format!("unexpected field \"{k}\""))),
        }
    }
}

/// Writes the text form, field by field, in the order [`Fields`] reads it back.
pub(crate) struct Writer {
    out: String,
}

impl Writer {
    pub(crate) fn new(version: u8) -> Writer {
        Writer {
            out: format!("(version:{version}"),
        }
    }
    fn key(&mut self, key: &str) -> &mut String {
        self.out.push(',');
        self.out.push_str(key);
        self.out.push(':');
        &mut self.out
    }
    pub(crate) fn int(&mut self, key: &str, v: impl std::fmt::Display) -> &mut Self {
        let o = self.key(key);
        o.push_str(&v.to_string());
        self
    }
    pub(crate) fn string(&mut self, key: &str, v: &str) -> &mut Self {
        let o = self.key(key);
        push_quoted(o, v);
        self
    }
    pub(crate) fn null(&mut self, key: &str) -> &mut Self {
        self.key(key).push_str("null");
        self
    }
    pub(crate) fn timestamp(&mut self, key: &str, us: i64) -> &mut Self {
        self.string(key, &crate::time::format_timestamp(us))
    }
    pub(crate) fn decimal(&mut self, key: &str, v: Dec) -> &mut Self {
        let o = self.key(key);
        o.push_str(&v.to_string());
        self
    }
    /// A finite float in Rust's shortest round-trip decimal form, always with a fraction
    /// (`3.0`, not `3`), so that it reads back bit for bit through [`Fields::float`] and
    /// never as an integer out of `i64` range. Callers pass finite values only; a
    /// non-finite one is written as `null`, which [`Fields::float`] rejects.
    pub(crate) fn float(&mut self, key: &str, v: f64) -> &mut Self {
        push_float(self.key(key), v);
        self
    }
    /// A list of floats, each written as [`Writer::float`] writes one.
    pub(crate) fn floats(&mut self, key: &str, items: impl IntoIterator<Item = f64>) -> &mut Self {
        self.list(key, items, push_float)
    }
    pub(crate) fn bool(&mut self, key: &str, v: bool) -> &mut Self {
        self.key(key).push_str(if v { "true" } else { "false" });
        self
    }
    pub(crate) fn list<T>(
        &mut self,
        key: &str,
        items: impl IntoIterator<Item = T>,
        f: impl Fn(&mut String, T),
    ) -> &mut Self {
        let o = self.key(key);
        o.push('[');
        for (i, item) in items.into_iter().enumerate() {
            crate::interrupt::check_every(i);
            if i > 0 {
                o.push(',');
            }
            f(o, item);
        }
        o.push(']');
        self
    }
    pub(crate) fn counts(&mut self, key: &str, items: impl IntoIterator<Item = u64>) -> &mut Self {
        self.list(key, items, |o, c| o.push_str(&c.to_string()))
    }
    pub(crate) fn finish(&mut self) -> String {
        let mut s = std::mem::take(&mut self.out);
        s.push(')');
        s
    }
}

/// A float in its shortest round-trip form, always with a fraction (`3.0`), so that it
/// reads back as a decimal, bit for bit; `null` when not finite.
fn push_float(o: &mut String, v: f64) {
    if v.is_finite() {
        let s = v.to_string();
        o.push_str(&s);
        if !s.contains('.') {
            o.push_str(".0");
        }
    } else {
        o.push_str("null");
    }
}

/// `v` in double quotes, with `"` and `\` escaped.
pub(crate) fn push_quoted(o: &mut String, v: &str) {
    o.push('"');
    for ch in v.chars() {
        if ch == '"' || ch == '\\' {
            o.push('\\');
        }
        o.push(ch);
    }
    o.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_fields_in_order() {
        let input = " ( version:1 , counts: [ 1,2, -3] , name: \"a\\\"b\", amount: 19.90, none: null, xs: [1.5, null, 2] )";
        let mut f = Fields::parse("t", input).unwrap();
        assert_eq!(f.int("version", input).unwrap(), 1);
        assert_eq!(f.list("counts", input).unwrap(), vec![1, 2, -3]);
        assert_eq!(f.string("name").unwrap(), "a\"b");
        assert_eq!(f.decimal("amount").unwrap().to_string(), "19.90");
        assert!(f.decimal("none").is_err());
        let xs = f.decimals("xs").unwrap();
        assert_eq!(xs.len(), 3);
        assert_eq!(xs[1], None);
        f.finish(input).unwrap();
    }

    #[test]
    fn an_exponent_is_named_as_the_problem() {
        // "r:1e300" used to be refused with the unrelated 'expected "," or ")"'.
        for input in ["(version:1,r:1e300)", "(version:1,r:2.5E-3)"] {
            let e = Fields::parse("t", input)
                .and_then(|mut f| f.float("r"))
                .unwrap_err();
            assert!(e.message().contains("without an exponent"), "{input}: {e}");
        }
    }

    #[test]
    fn writer_and_parser_agree() {
        let text = Writer::new(1)
            .int("n", 3)
            .string("zone", "Europe/Berlin")
            .decimal("revenue", Dec::new(-1999, 2))
            .counts("c", [1, 2])
            .finish();
        assert_eq!(
            text,
            "(version:1,n:3,zone:\"Europe/Berlin\",revenue:-19.99,c:[1,2])"
        );
        let mut f = Fields::parse("t", &text).unwrap();
        f.int("version", "").unwrap();
        assert_eq!(f.count("n").unwrap(), 3);
        assert_eq!(f.string("zone").unwrap(), "Europe/Berlin");
        assert_eq!(f.decimal("revenue").unwrap(), Dec::new(-1999, 2));
        assert_eq!(f.counts("c").unwrap(), vec![1, 2]);
        f.finish("").unwrap();
    }

    #[test]
    fn rejects_malformed_text() {
        for input in [
            "",
            "(",
            "()",
            "(a)",
            "(a:)",
            "(a:1",
            "(a:1)x",
            "(a:[1,)",
            "(a:-)",
            "(A:1)",
            "(a:\"x)",
            "(a:\"\\x\")",
            "(a:[[1]])",
            "(a:1.)",
            "(a:nul)",
        ] {
            assert!(
                Fields::parse("t", input).is_err(),
                "{input:?} should not parse"
            );
        }
        // An integer past i64 parses, as a decimal: a count refuses it, money takes it.
        let big = "(a:99999999999999999999,b:99999999999999999999,c:[99999999999999999999])";
        let mut f = Fields::parse("t", big).unwrap();
        let e = f.int("a", "").unwrap_err();
        assert!(
            e.message()
                .contains("a: 99999999999999999999 is out of range"),
            "{e}"
        );
        assert_eq!(f.decimal("b").unwrap().to_string(), "99999999999999999999");
        assert!(f.list("c", "").is_err());
    }

    #[test]
    fn floats_and_booleans_round_trip() {
        let values = [
            0.0,
            -0.0,
            3.0,
            0.1,
            -9582.425560567366,
            1e300,
            -1e-300,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
        ];
        let mut w = Writer::new(1);
        for (i, v) in values.iter().enumerate() {
            w.float(&"v".repeat(i + 1), *v);
        }
        let text = w.bool("ok", true).bool("no", false).finish();
        let mut f = Fields::parse("t", &text).unwrap();
        f.int("version", "").unwrap();
        for (i, v) in values.iter().enumerate() {
            let back = f.float(&"v".repeat(i + 1)).unwrap();
            assert_eq!(back.to_bits(), v.to_bits(), "{v}");
        }
        assert!(f.bool("ok").unwrap());
        assert!(!f.bool("no").unwrap());
        f.finish("").unwrap();
        assert!(text.contains(",vvv:3.0,"), "{text}");
        // Integers read as floats; exponents, misspelt words, overflowing decimals and
        // other kinds do not.
        assert!(Fields::parse("t", "(a:1e5)").is_err());
        assert!(Fields::parse("t", "(a:tru)").is_err());
        assert!(Fields::parse("t", "(a:falsy)").is_err());
        let big = format!("(a:7,b:{}.0,c:\"x\")", "9".repeat(400));
        let mut f = Fields::parse("t", &big).unwrap();
        assert_eq!(f.float("a").unwrap(), 7.0);
        assert!(f.float("b").is_err());
        assert!(f.bool("c").is_err());
    }

    proptest::proptest! {
        #[test]
        fn any_finite_float_round_trips(bits in proptest::prelude::any::<u64>()) {
            let v = f64::from_bits(bits);
            proptest::prop_assume!(v.is_finite());
            let text = Writer::new(1).float("v", v).finish();
            let mut f = Fields::parse("t", &text).unwrap();
            f.int("version", "").unwrap();
            proptest::prop_assert_eq!(f.float("v").unwrap().to_bits(), bits);
        }
    }

    #[test]
    fn long_inputs_are_shortened_in_messages() {
        let long = format!("(a:{}", "9".repeat(500));
        let e = Fields::parse("t", &long).err().unwrap();
        assert!(e.message().len() < 400, "{}", e.message());
    }
}
