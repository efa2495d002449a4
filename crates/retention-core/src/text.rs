//! The text form every summary type uses: `(key:value,key:[v,v,...])`, integers only.
//!
//! It is deliberately tiny and strict: what `parse` accepts is exactly what a summary's
//! output function writes, plus optional white space between tokens. Field order and
//! the set of fields are checked by the caller through [`Fields::take`] and
//! [`Fields::finish`].

use crate::error::{MetricError, Result};

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Int(i64),
    List(Vec<i64>),
}

pub(crate) struct Fields {
    type_name: &'static str,
    fields: Vec<(String, Value)>,
}

fn bad<T>(type_name: &str, input: &str, why: impl std::fmt::Display) -> Result<T> {
    Err(MetricError::InvalidText(format!(
        "invalid input syntax for type {type_name}: \"{input}\": {why}"
    )))
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
    fn eat(&mut self, c: u8) -> bool {
        self.skip_ws();
        if self.s.get(self.pos) == Some(&c) {
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
    fn int(&mut self) -> std::result::Result<i64, &'static str> {
        self.skip_ws();
        let start = self.pos;
        if self.s.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        while self.pos < self.s.len() && self.s[self.pos].is_ascii_digit() {
            self.pos += 1;
        }
        std::str::from_utf8(&self.s[start..self.pos])
            .ok()
            .filter(|t| !t.is_empty() && *t != "-")
            .ok_or("expected an integer")?
            .parse::<i64>()
            .map_err(|_| "integer out of range for a 64-bit count")
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
            let value = if c.eat(b'[') {
                let mut list = Vec::new();
                if !c.eat(b']') {
                    loop {
                        list.push(c.int().or_else(|e| bad(type_name, input, e))?);
                        if c.eat(b']') {
                            break;
                        }
                        if !c.eat(b',') {
                            return bad(type_name, input, "expected \",\" or \"]\" in a list");
                        }
                    }
                }
                Value::List(list)
            } else {
                Value::Int(c.int().or_else(|e| bad(type_name, input, e))?)
            };
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
        fields.reverse(); // so that `take` pops them in written order
        Ok(Fields { type_name, fields })
    }

    fn next(&mut self, key: &str, input: &str) -> Result<Value> {
        match self.fields.pop() {
            Some((k, v)) if k == key => Ok(v),
            Some((k, _)) => bad(
                self.type_name,
                input,
                format!("expected field \"{key}\", found \"{k}\""),
            ),
            None => bad(self.type_name, input, format!("missing field \"{key}\"")),
        }
    }

    pub(crate) fn int(&mut self, key: &str, input: &str) -> Result<i64> {
        match self.next(key, input)? {
            Value::Int(v) => Ok(v),
            Value::List(_) => bad(
                self.type_name,
                input,
                format!("field \"{key}\" must be an integer"),
            ),
        }
    }

    pub(crate) fn list(&mut self, key: &str, input: &str) -> Result<Vec<i64>> {
        match self.next(key, input)? {
            Value::List(v) => Ok(v),
            Value::Int(_) => bad(
                self.type_name,
                input,
                format!("field \"{key}\" must be a list"),
            ),
        }
    }

    pub(crate) fn finish(self, input: &str) -> Result<()> {
        match self.fields.last() {
            None => Ok(()),
            Some((k, _)) => bad(self.type_name, input, format!("unexpected field \"{k}\"")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_fields_in_order() {
        let input = " ( version:1 , counts: [ 1,2, -3] )";
        let mut f = Fields::parse("t", input).unwrap();
        assert_eq!(f.int("version", input).unwrap(), 1);
        assert_eq!(f.list("counts", input).unwrap(), vec![1, 2, -3]);
        f.finish(input).unwrap();
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
            "(a:99999999999999999999)",
            "(a:-)",
            "(A:1)",
        ] {
            assert!(
                Fields::parse("t", input).is_err(),
                "{input:?} should not parse"
            );
        }
    }
}
