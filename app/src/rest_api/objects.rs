//! Nested objects of a JSON body read only from objects: serde's derive would also read a
//! struct from an array of its fields in order (`"address": [null, null]`), which the
//! document does not allow (the body itself is checked in `body`).

use serde::Deserialize;
use serde::de::{DeserializeOwned, Deserializer, Error};
use serde_json::Value;

fn object<T: DeserializeOwned, E: Error>(value: Value) -> Result<T, E> {
    if !value.is_object() {
        return Err(E::custom("expected an object"));
    }
    serde_json::from_value(value).map_err(E::custom)
}

/// An optional object: absent or null is None.
pub fn optional<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<Option<T>, D::Error> {
    match Value::deserialize(d)? {
        Value::Null => Ok(None),
        value => object(value).map(Some),
    }
}

/// A list of objects.
pub fn each<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<Vec<T>, D::Error> {
    match Value::deserialize(d)? {
        Value::Array(items) => items.into_iter().map(object).collect(),
        _ => Err(D::Error::custom("expected a list")),
    }
}

#[cfg(test)]
mod tests {
    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Part {
        a: Option<i64>,
    }

    #[derive(serde::Deserialize, Debug)]
    struct Body {
        #[serde(default, deserialize_with = "super::optional")]
        one: Option<Part>,
        #[serde(default, deserialize_with = "super::each")]
        many: Vec<Part>,
    }

    #[test]
    fn parts_are_read_from_objects_only() {
        let ok: Body = serde_json::from_str(r#"{"one": {"a": 1}, "many": [{"a": 2}, {}]}"#).unwrap();
        assert_eq!((ok.one, ok.many.len()), (Some(Part { a: Some(1) }), 2));
        assert!(serde_json::from_str::<Body>(r#"{"one": null}"#).unwrap().one.is_none());
        assert!(serde_json::from_str::<Body>(r#"{"one": [1]}"#).is_err());
        assert!(serde_json::from_str::<Body>(r#"{"many": [[1]]}"#).is_err());
        assert!(serde_json::from_str::<Body>(r#"{"many": {"a": 1}}"#).is_err());
    }
}
