//! Writing a dataset as JSON, laid out for people (indented) or compact, through one
//! serialiser: serde writes out a copy of every `Serialize` implementation for each layout it
//! is used with, so the layout is chosen at run time here instead (docs/performance.md).

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};
use std::io;

/// A JSON layout chosen at run time: indented by two spaces, or compact.
struct Layout(Option<PrettyFormatter<'static>>);

macro_rules! either {
    ($self:ident, $method:ident($($arg:expr),*)) => {
        match &mut $self.0 {
            Some(p) => p.$method($($arg),*),
            None => CompactFormatter.$method($($arg),*),
        }
    };
}

impl Formatter for Layout {
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        either!(self, begin_array(w))
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        either!(self, end_array(w))
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        either!(self, begin_array_value(w, first))
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        either!(self, end_array_value(w))
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        either!(self, begin_object(w))
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        either!(self, end_object(w))
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        either!(self, begin_object_key(w, first))
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        either!(self, begin_object_value(w))
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        either!(self, end_object_value(w))
    }
}

/// `value` as JSON: indented when `pretty` (as `serde_json::to_string_pretty` writes it),
/// else compact (as `serde_json::to_string`).
pub fn write<T: Serialize + ?Sized>(value: &T, pretty: bool) -> Result<String, String> {
    let layout = Layout(pretty.then(PrettyFormatter::new));
    let mut out = Vec::with_capacity(4096);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, layout);
    value.serialize(&mut ser).map_err(|e| e.to_string())?;
    // serde_json writes only UTF-8.
    String::from_utf8(out).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn writes_compact_or_indented_by_two_spaces() {
        let mut m = BTreeMap::new();
        m.insert("a", vec![1, 2]);
        m.insert("b", vec![]);
        assert_eq!(write(&m, false).unwrap(), r#"{"a":[1,2],"b":[]}"#);
        assert_eq!(
            write(&m, true).unwrap(),
            "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": []\n}"
        );
    }

    #[test]
    fn the_built_in_dataset_comes_out_as_serde_json_writes_it() {
        // The same bytes as serde_json's own compact and pretty writers, for a whole dataset.
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/data/onesource.json");
        let ds = crate::parse_dataset(&std::fs::read_to_string(path).unwrap()).unwrap();
        assert_eq!(
            write(&ds, false).unwrap(),
            serde_json::to_string(&ds).unwrap()
        );
        assert_eq!(ds.to_json(), serde_json::to_string_pretty(&ds).unwrap());
    }
}
