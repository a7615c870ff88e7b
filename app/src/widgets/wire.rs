//! How a widget bundle reads JSON: the answers of its server functions, the answer
//! `embed.js` preloaded, and what it keeps in localStorage. The server writes the same JSON
//! as ever (with `serde_json`: the API tests, the bench and the admin read it); the widget
//! parses it with the browser's own `JSON.parse` and hands the value to our types' serde
//! decoders through the small deserializer below.
//!
//! Written by hand because no crate reads a `JsValue` without text in its errors:
//! `serde_json` (its parser, its error messages) and the float formatting that serde's
//! messages pull in (`Unexpected::Float` → `f64`'s `Display`) were 33 KB of the favourite
//! button's 293 KB of WASM; `serde-wasm-bindgen` formats its messages too. A widget only
//! needs to know that an answer could not be read (it then says "please try again"), so
//! [`Unreadable`] carries no text and the formatting is never compiled in.

use leptos::server_fn::codec::{JsonEncoding, Post};
use leptos::server_fn::{Bytes, ContentType, Decodes, Encodes, Format, FormatType};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// The widgets' server functions' answers: JSON, read as above in the widget bundle
/// (`#[server(..., output = Answer)]`).
pub type Answer = Post<JsonAnswer>;

/// The encoding of [`Answer`]: `server_fn`'s `Json` on the server, read as above.
pub struct JsonAnswer;

impl ContentType for JsonAnswer {
    const CONTENT_TYPE: &'static str = JsonEncoding::CONTENT_TYPE;
}

impl FormatType for JsonAnswer {
    const FORMAT_TYPE: Format = Format::Text;
}

impl<T: Serialize> Encodes<T> for JsonAnswer {
    type Error = serde_json::Error;

    fn encode(output: &T) -> Result<Bytes, Self::Error> {
        <JsonEncoding as Encodes<T>>::encode(output)
    }
}

impl<T: DeserializeOwned> Decodes<T> for JsonAnswer {
    type Error = Unreadable;

    fn decode(bytes: Bytes) -> Result<T, Unreadable> {
        from_json(std::str::from_utf8(&bytes).map_err(|_| Unreadable)?)
    }
}

/// JSON that is not what the widget expected (or not JSON). No text on purpose: see above.
#[derive(Debug, thiserror::Error)]
#[error("the answer could not be read")]
pub struct Unreadable;

impl serde::de::Error for Unreadable {
    fn custom<T: std::fmt::Display>(_message: T) -> Self {
        Unreadable
    }
}

/// `text` read as a `T`.
#[cfg(feature = "widgets")]
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, Unreadable> {
    let value = web_sys::js_sys::JSON::parse(text).map_err(|_| Unreadable)?;
    T::deserialize(js::Value(value))
}

/// Outside the widget bundle (the admin's, the server's) there is no `JSON.parse`, and
/// `serde_json` is there anyway.
#[cfg(not(feature = "widgets"))]
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, Unreadable> {
    serde_json::from_str(text).map_err(|_| Unreadable)
}

#[cfg(feature = "widgets")]
mod js {
    use super::Unreadable;
    use serde::de::{self, DeserializeSeed, Visitor};
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::js_sys::{Array, Object};

    /// A value `JSON.parse` made: null, a boolean, a number, a string, an array or an object.
    pub struct Value(pub JsValue);

    impl Value {
        fn is_none(&self) -> bool {
            self.0.is_null() || self.0.is_undefined()
        }
    }

    /// A whole number a JavaScript number holds exactly. (Serde's visitors take any integer
    /// through `visit_i64` and check their own range; no answer of ours has a fraction
    /// where a whole number is expected. One beyond 2^53, which `JSON.parse` would round,
    /// is unreadable rather than wrong; the widgets' answers carry none: ids and tokens
    /// they send back are small or strings.)
    fn whole(n: f64) -> Option<i64> {
        const SAFE: f64 = 9_007_199_254_740_991.0;
        (n.trunc() == n && n.abs() <= SAFE).then_some(n as i64)
    }

    impl<'de> de::Deserializer<'de> for Value {
        type Error = Unreadable;

        fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unreadable> {
            if self.is_none() {
                return visitor.visit_unit();
            }
            let value = self.0;
            if let Some(b) = value.as_bool() {
                visitor.visit_bool(b)
            } else if let Some(n) = value.as_f64() {
                visitor.visit_i64(whole(n).ok_or(Unreadable)?)
            } else if let Some(s) = value.as_string() {
                visitor.visit_string(s)
            } else if Array::is_array(&value) {
                visitor.visit_seq(Items { items: value.unchecked_into(), next: 0 })
            } else if value.is_object() {
                let entries = Object::entries(value.unchecked_ref());
                visitor.visit_map(Entries { entries, next: 0, value: None })
            } else {
                Err(Unreadable)
            }
        }

        fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unreadable> {
            visitor.visit_f64(self.0.as_f64().ok_or(Unreadable)?)
        }

        fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unreadable> {
            self.deserialize_f64(visitor)
        }

        fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unreadable> {
            if self.is_none() { visitor.visit_none() } else { visitor.visit_some(self) }
        }

        fn deserialize_newtype_struct<V: Visitor<'de>>(
            self,
            _name: &'static str,
            visitor: V,
        ) -> Result<V::Value, Unreadable> {
            visitor.visit_newtype_struct(self)
        }

        /// Serde's external tagging: `"Variant"`, or `{"Variant": content}`.
        fn deserialize_enum<V: Visitor<'de>>(
            self,
            _name: &'static str,
            _variants: &'static [&'static str],
            visitor: V,
        ) -> Result<V::Value, Unreadable> {
            if self.0.is_string() {
                return visitor.visit_enum(Variant { name: self.0, content: JsValue::UNDEFINED });
            }
            let object: &Object = self.0.dyn_ref().ok_or(Unreadable)?;
            let entries = Object::entries(object);
            if entries.length() != 1 {
                return Err(Unreadable);
            }
            let pair = Array::from(&entries.get(0));
            visitor.visit_enum(Variant { name: pair.get(0), content: pair.get(1) })
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 char str string bytes byte_buf unit
            unit_struct seq tuple tuple_struct map struct identifier ignored_any
        }
    }

    struct Items {
        items: Array,
        next: u32,
    }

    impl<'de> de::SeqAccess<'de> for Items {
        type Error = Unreadable;

        fn next_element_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>, Unreadable> {
            if self.next >= self.items.length() {
                return Ok(None);
            }
            let item = self.items.get(self.next);
            self.next += 1;
            seed.deserialize(Value(item)).map(Some)
        }

        fn size_hint(&self) -> Option<usize> {
            Some((self.items.length() - self.next) as usize)
        }
    }

    /// An object's `[key, value]` pairs, in order.
    struct Entries {
        entries: Array,
        next: u32,
        value: Option<JsValue>,
    }

    impl<'de> de::MapAccess<'de> for Entries {
        type Error = Unreadable;

        fn next_key_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>, Unreadable> {
            if self.next >= self.entries.length() {
                return Ok(None);
            }
            let pair = Array::from(&self.entries.get(self.next));
            self.next += 1;
            self.value = Some(pair.get(1));
            seed.deserialize(Value(pair.get(0))).map(Some)
        }

        fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Unreadable> {
            seed.deserialize(Value(self.value.take().ok_or(Unreadable)?))
        }
    }

    /// An enum's variant: its name, and its content (`undefined` for `"Variant"`).
    struct Variant {
        name: JsValue,
        content: JsValue,
    }

    impl<'de> de::EnumAccess<'de> for Variant {
        type Error = Unreadable;
        type Variant = Value;

        fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Value), Unreadable> {
            Ok((seed.deserialize(Value(self.name))?, Value(self.content)))
        }
    }

    impl<'de> de::VariantAccess<'de> for Value {
        type Error = Unreadable;

        fn unit_variant(self) -> Result<(), Unreadable> {
            Ok(())
        }

        fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, Unreadable> {
            seed.deserialize(self)
        }

        fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Unreadable> {
            de::Deserializer::deserialize_any(self, visitor)
        }

        fn struct_variant<V: Visitor<'de>>(
            self,
            _fields: &'static [&'static str],
            visitor: V,
        ) -> Result<V::Value, Unreadable> {
            de::Deserializer::deserialize_any(self, visitor)
        }
    }
}
