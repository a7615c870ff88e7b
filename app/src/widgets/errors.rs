//! How a widget bundle reads a server function's error: the same JSON the server writes
//! (`AppError`'s serde form, which the admin and the API tests read), taken apart with the
//! browser's own `JSON.parse` and the small tables below instead of serde's derived
//! decoders. Those decoders of `AppError`, `problem::Field` (every field of the admin's
//! forms) and `Problem` were ~20 KB of every widget bundle's WASM; a widget needs only to
//! tell its form's fields' problems, a full disk, and "something else went wrong".
//!
//! Written by hand because no crate does this: it is a cut of our own types' wire form.
//! The tests check every table entry against what serde writes, so the two cannot drift.

use crate::domain::{CustomerField, Field, Problem, ProfileField};
use crate::error::AppError;

/// `[(Type::Variant, "Variant"), ...]`: each variant with the name serde gives it.
macro_rules! by_name {
    ($ty:ident: $($variant:ident),* $(,)?) => {
        [$(($ty::$variant, stringify!($variant))),*]
    };
}

/// Every problem, by the name serde gives it. (One added to `Problem` and not here is left
/// out of a widget's errors: its field is not marked, the form still says to correct it.)
const PROBLEMS: [(Problem, &str); 25] = by_name!(
    Problem:
    Required,
    TooLong,
    TooShort,
    NotAnEmail,
    NotAPhone,
    BadCharacters,
    PasswordTooShort,
    OutOfRange,
    UnknownOption,
    NotARanking,
    NotANumber,
    NotAnAmount,
    NotADate,
    AlreadyRegistered,
    MustAgree,
    Taken,
    NotAUrl,
    NotACode,
    NeedsEmailOrPhone,
    DuplicateInFile,
    NeedsLink,
    NeedsCode,
    NeedsUnsubscribe,
    WrongPassword,
    Voided,
);

/// The fields of the widgets' forms, by their serde code (`Profile` and `Customer` fields
/// are `{"profile": code}` and `{"customer": code}`). A problem of another field has no
/// input in any widget to be shown beside, so it is left out.
const FIELDS: [(Field, &str); 15] = [
    (Field::FirstName, "first_name"),
    (Field::LastName, "last_name"),
    (Field::Email, "email"),
    (Field::Phone, "phone"),
    (Field::Consent, "consent"),
    (Field::Score, "score"),
    (Field::Reason, "reason"),
    (Field::Ranking, "ranking"),
    (Field::Choice, "choice"),
    (Field::Other, "other"),
    (Field::Item, "item"),
    (Field::Quantity, "quantity"),
    (Field::Note, "note"),
    (Field::Serial, "serial"),
    (Field::PurchaseDate, "purchase_date"),
];

/// The errors without a value, by the name serde gives them.
const UNITS: [(AppError, &str); 13] = by_name!(
    AppError:
    Unauthenticated,
    Forbidden,
    WrongCredentials,
    TooManyAttempts,
    Busy,
    AlreadySetUp,
    SetupCode,
    UnknownSite,
    WidgetOff,
    LastOwner,
    NotFound,
    Unavailable,
    Internal,
);

fn problem(name: &str) -> Option<Problem> {
    PROBLEMS.iter().find(|(_, n)| *n == name).map(|(p, _)| *p)
}

/// A field from its code, or from the kind (`profile`, `customer`) and code of a nested one.
fn field(code: &str, nested: Option<&str>) -> Option<Field> {
    match (code, nested) {
        ("profile", Some(inner)) => ProfileField::from_code(inner).map(Field::Profile),
        ("customer", Some(inner)) => CustomerField::ALL.into_iter().find(|f| f.column() == inner).map(Field::Customer),
        (code, None) => FIELDS.iter().find(|(_, c)| *c == code).map(|(f, _)| *f),
        _ => None,
    }
}

/// An error without a value, or one carrying a sentence, from its serde name.
fn named(name: &str, sentence: Option<String>) -> AppError {
    match (name, sentence) {
        ("Conflict", Some(s)) => AppError::Conflict(s),
        ("BadRequest", Some(s)) => AppError::BadRequest(s),
        ("Transport", Some(s)) => AppError::Transport(s),
        (name, _) => UNITS.iter().find(|(_, n)| *n == name).map(|(e, _)| e.clone()).unwrap_or(AppError::Internal),
    }
}

/// The error in an answer's body; `Internal` (the widget's "please try again") for a body
/// it cannot read.
#[cfg(feature = "widgets")]
pub fn decode(body: &[u8]) -> AppError {
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::js_sys::{Array, JSON, Object, Reflect};
    let Some(value) = std::str::from_utf8(body).ok().and_then(|text| JSON::parse(text).ok()) else {
        return AppError::Internal;
    };
    if let Some(name) = value.as_string() {
        return named(&name, None);
    }
    let Some(object) = value.dyn_ref::<Object>() else { return AppError::Internal };
    let Some(name) = Object::keys(object).get(0).as_string() else { return AppError::Internal };
    let inner = Reflect::get(&value, &JsValue::from_str(&name)).unwrap_or(JsValue::UNDEFINED);
    if name != "Invalid" {
        return named(&name, inner.as_string());
    }
    // `[[field, problem], ...]`, a field being `"code"` or `{"kind": "code"}`.
    let mut errors = crate::domain::FieldErrors::new();
    for pair in Array::from(&inner).iter() {
        let pair = Array::from(&pair);
        let (code, problem_name) = (pair.get(0), pair.get(1).as_string().unwrap_or_default());
        let found = match code.as_string() {
            Some(code) => field(&code, None),
            None => code.dyn_ref::<Object>().and_then(|o| {
                let kind = Object::keys(o).get(0).as_string()?;
                let inner = Reflect::get(&code, &JsValue::from_str(&kind)).ok()?.as_string()?;
                field(&kind, Some(&inner))
            }),
        };
        if let (Some(field), Some(problem)) = (found, problem(&problem_name)) {
            errors.add(field, problem);
        }
    }
    AppError::Invalid(errors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    #[test]
    fn every_name_in_the_tables_is_what_serde_writes() {
        for (p, name) in PROBLEMS {
            assert_eq!(serde_json::to_value(p).unwrap(), json!(name));
            assert_eq!(problem(name), Some(p));
        }
        for (f, code) in FIELDS {
            assert_eq!(serde_json::to_value(f).unwrap(), json!(code));
            assert_eq!(field(code, None), Some(f));
        }
        for f in ProfileField::ALL {
            let Value::Object(o) = serde_json::to_value(Field::Profile(f)).unwrap() else { panic!() };
            let (kind, code) = o.into_iter().next().unwrap();
            assert_eq!(field(&kind, code.as_str()), Some(Field::Profile(f)));
        }
        for f in CustomerField::ALL {
            let Value::Object(o) = serde_json::to_value(Field::Customer(f)).unwrap() else { panic!() };
            let (kind, code) = o.into_iter().next().unwrap();
            assert_eq!(field(&kind, code.as_str()), Some(Field::Customer(f)));
        }
        for (e, name) in UNITS {
            assert_eq!(serde_json::to_value(&e).unwrap(), json!(name));
            assert_eq!(named(name, None), e);
        }
        for e in [AppError::Conflict("x".into()), AppError::BadRequest("y".into()), AppError::Transport("z".into())] {
            let Value::Object(o) = serde_json::to_value(&e).unwrap() else { panic!() };
            let (name, sentence) = o.into_iter().next().unwrap();
            assert_eq!(named(&name, sentence.as_str().map(str::to_owned)), e);
        }
    }
}
