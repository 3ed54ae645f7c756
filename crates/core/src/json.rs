//! A small JSON reader for the content pack.
//!
//! Why not serde_json here: its generic deserializers, instantiated for every type in the
//! pack, were a tenth of the app's wasm; a non-generic tree plus the typed reading in
//! `content/read.rs` does the same job in a fraction, and reports every structural problem with
//! its JSON path rather than stopping at the first. (The CLI still writes packs with serde.)

#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    /// Members in document order; duplicate keys are kept (the reader reports them).
    Obj(Vec<(String, Json)>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct JsonError {
    pub message: &'static str,
    /// 1-based, as editors count.
    pub line: usize,
    pub column: usize,
}

/// Nesting deeper than this is refused: no pack needs it, and unbounded recursion on hostile
/// input would overflow the stack.
const MAX_DEPTH: usize = 64;

pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
    };
    p.ws();
    let v = p.value(0)?;
    p.ws();
    if p.i < p.s.len() {
        return Err(p.err("unexpected text after the end"));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn err(&self, message: &'static str) -> JsonError {
        let before = &self.s[..self.i.min(self.s.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
        JsonError {
            message,
            line,
            column,
        }
    }

    fn ws(&mut self) {
        while matches!(self.s.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        let ok = self.s.get(self.i) == Some(&b);
        self.i += usize::from(ok);
        ok
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.err("nested too deeply"));
        }
        match self.s.get(self.i) {
            None => Err(self.err("the text ends too early (cut off?)")),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Json::Str),
            Some(b't') => self.word(b"true", Json::Bool(true)),
            Some(b'f') => self.word(b"false", Json::Bool(false)),
            Some(b'n') => self.word(b"null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.err("expected a value")),
        }
    }

    fn word(&mut self, w: &[u8], v: Json) -> Result<Json, JsonError> {
        if self.s[self.i..].starts_with(w) {
            self.i += w.len();
            Ok(v)
        } else {
            Err(self.err("expected a value"))
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.i += 1;
        let mut members = Vec::new();
        self.ws();
        if self.eat(b'}') {
            return Ok(Json::Obj(members));
        }
        loop {
            self.ws();
            if self.s.get(self.i) != Some(&b'"') {
                return Err(self.err(if self.i >= self.s.len() {
                    "the text ends too early (cut off?)"
                } else {
                    "expected a field name"
                }));
            }
            let key = self.string()?;
            self.ws();
            if !self.eat(b':') {
                return Err(self.err("expected `:`"));
            }
            self.ws();
            members.push((key, self.value(depth + 1)?));
            self.ws();
            if self.eat(b'}') {
                return Ok(Json::Obj(members));
            }
            if !self.eat(b',') {
                return Err(self.err(if self.i >= self.s.len() {
                    "the text ends too early (cut off?)"
                } else {
                    "expected `,` or `}`"
                }));
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if self.eat(b']') {
            return Ok(Json::Arr(items));
        }
        loop {
            self.ws();
            items.push(self.value(depth + 1)?);
            self.ws();
            if self.eat(b']') {
                return Ok(Json::Arr(items));
            }
            if !self.eat(b',') {
                return Err(self.err(if self.i >= self.s.len() {
                    "the text ends too early (cut off?)"
                } else {
                    "expected `,` or `]`"
                }));
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let h = self
            .s
            .get(self.i..self.i + 4)
            .ok_or_else(|| self.err("bad \\u escape"))?;
        let h = std::str::from_utf8(h)
            .ok()
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .ok_or_else(|| self.err("bad \\u escape"))?;
        self.i += 4;
        Ok(h)
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.i += 1; // the opening quote
        let mut out = String::new();
        loop {
            // Copy a run of plain bytes at once; the input is a &str, so runs are valid UTF-8.
            let start = self.i;
            while let Some(&b) = self.s.get(self.i) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.i += 1;
            }
            out.push_str(
                std::str::from_utf8(&self.s[start..self.i])
                    .map_err(|_| self.err("invalid UTF-8"))?,
            );
            match self.s.get(self.i) {
                None => return Err(self.err("the text ends too early (cut off?)")),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let e = *self
                        .s
                        .get(self.i)
                        .ok_or_else(|| self.err("the text ends too early (cut off?)"))?;
                    self.i += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let mut c = self.hex4()?;
                            if (0xD800..0xDC00).contains(&c) {
                                if !(self.eat(b'\\') && self.eat(b'u')) {
                                    return Err(self.err("bad \\u escape"));
                                }
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.err("bad \\u escape"));
                                }
                                c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                            }
                            out.push(char::from_u32(c).ok_or_else(|| self.err("bad \\u escape"))?);
                        }
                        _ => return Err(self.err("bad escape")),
                    }
                }
                Some(_) => return Err(self.err("control character in a string")),
            }
        }
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.i;
        self.eat(b'-');
        let digits = |p: &mut Self| {
            let s = p.i;
            while matches!(p.s.get(p.i), Some(b'0'..=b'9')) {
                p.i += 1;
            }
            p.i > s
        };
        if !digits(self) {
            return Err(self.err("bad number"));
        }
        if self.eat(b'.') && !digits(self) {
            return Err(self.err("bad number"));
        }
        if matches!(self.s.get(self.i), Some(b'e' | b'E')) {
            self.i += 1;
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            if !digits(self) {
                return Err(self.err("bad number"));
            }
        }
        let text =
            std::str::from_utf8(&self.s[start..self.i]).map_err(|_| self.err("bad number"))?;
        text.parse()
            .map(Json::Num)
            .map_err(|_| self.err("bad number"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_value() {
        let v = parse(
            r#" {"a": [1, -2.5e2, true, false, null], "s": "x\"\\\/\n\u00e9\ud83c\udf0a乔"} "#,
        )
        .unwrap();
        let Json::Obj(m) = v else { panic!() };
        assert_eq!(
            m[0].1,
            Json::Arr(vec![
                Json::Num(1.0),
                Json::Num(-250.0),
                Json::Bool(true),
                Json::Bool(false),
                Json::Null
            ])
        );
        assert_eq!(m[1].1, Json::Str("x\"\\/\né🌊乔".into()));
    }

    #[test]
    fn errors_say_where() {
        let e = parse("{\n  \"a\": [1, 2\n").unwrap_err();
        assert_eq!(
            (e.message, e.line),
            ("the text ends too early (cut off?)", 3)
        );
        let e = parse("{\"乔\": tru}").unwrap_err();
        assert_eq!((e.message, e.line, e.column), ("expected a value", 1, 7));
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "01x",
            "\"\\q\"",
            "\"\\ud800\"",
            "1 2",
            "-",
            "1.",
            "{\"a\":1,}",
            "\"a\u{1}\"",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_a_crash() {
        let deep = "[".repeat(100_000);
        assert_eq!(parse(&deep).unwrap_err().message, "nested too deeply");
    }

    #[test]
    fn agrees_with_serde_json_on_the_shipped_pack() {
        let text = include_str!("../../../public/content/pack.json");
        fn to_json(v: &serde_json::Value) -> Json {
            match v {
                serde_json::Value::Null => Json::Null,
                serde_json::Value::Bool(b) => Json::Bool(*b),
                serde_json::Value::Number(n) => Json::Num(n.as_f64().unwrap()),
                serde_json::Value::String(s) => Json::Str(s.clone()),
                serde_json::Value::Array(a) => Json::Arr(a.iter().map(to_json).collect()),
                serde_json::Value::Object(o) => {
                    Json::Obj(o.iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
                }
            }
        }
        // serde_json's maps are sorted by key; compare with members in the same order.
        fn sorted(v: Json) -> Json {
            match v {
                Json::Arr(a) => Json::Arr(a.into_iter().map(sorted).collect()),
                Json::Obj(mut o) => {
                    o.sort_by(|a, b| a.0.cmp(&b.0));
                    Json::Obj(o.into_iter().map(|(k, v)| (k, sorted(v))).collect())
                }
                v => v,
            }
        }
        let reference: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(sorted(parse(text).unwrap()), to_json(&reference));
    }
}
