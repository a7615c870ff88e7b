//! Whole numbers in JSON bodies as JSON Schema reads them: `3` and `3.0` are both the
//! integer 3 (serde reads `3.0` only into a float). `3.5`, or a number past ±2⁵³ written
//! as a float, is refused as the wrong type, as before.

use serde::{Deserialize, Deserializer, de::Error};

/// A number that is whole, written either way.
#[derive(Deserialize)]
#[serde(untagged)]
enum Number {
    Int(i64),
    Float(f64),
}

fn whole<E: Error>(n: Number) -> Result<i64, E> {
    match n {
        Number::Int(i) => Ok(i),
        // 2^53: beyond it a float no longer holds every whole number exactly.
        Number::Float(f) if f.fract() == 0.0 && f.abs() <= 9_007_199_254_740_992.0 => Ok(f as i64),
        Number::Float(f) => Err(E::custom(format!("{f} is not a whole number"))),
    }
}

/// For `#[serde(deserialize_with = "whole::number")]`.
pub fn number<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    whole(Number::deserialize(d)?)
}

/// For an optional field: `#[serde(default, deserialize_with = "whole::optional")]`.
pub fn optional<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    Option::<Number>::deserialize(d)?.map(whole).transpose()
}

#[cfg(test)]
mod tests {
    #[derive(serde::Deserialize, Debug)]
    struct Line {
        #[serde(deserialize_with = "super::number")]
        quantity: i64,
        #[serde(default, deserialize_with = "super::optional")]
        price: Option<i64>,
    }

    fn read(json: &str) -> Result<(i64, Option<i64>), String> {
        serde_json::from_str::<Line>(json).map(|l| (l.quantity, l.price)).map_err(|e| e.to_string())
    }

    #[test]
    fn a_whole_number_is_read_however_it_is_written() {
        assert_eq!(read(r#"{"quantity": 2, "price": 150}"#), Ok((2, Some(150))));
        assert_eq!(read(r#"{"quantity": 2.0, "price": 1.5e2}"#), Ok((2, Some(150))));
        assert_eq!(read(r#"{"quantity": 2, "price": null}"#), Ok((2, None)));
        assert_eq!(read(r#"{"quantity": 2}"#), Ok((2, None)));
        assert!(read(r#"{"quantity": 2.5}"#).is_err());
        assert!(read(r#"{"quantity": "2"}"#).is_err());
        assert!(read(r#"{"quantity": 1e300}"#).is_err());
    }
}
