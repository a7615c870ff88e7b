//! The customer corrects their own details on their page (`/p/SITEKEY/me/details`): name,
//! phone, address and how they would like to be contacted. Each change goes through the same
//! parsing and the same write as a staff member's edit, lands in the record's history as the
//! customer's, and is logged as a rectification they asked for. A field that does not parse
//! is shown beside itself and nothing is saved.

use super::acting;
use super::html::{at, page};
use crate::customer_changes::{Updated, update_field_by};
use crate::db::Db;
use crate::domain::{CustomerField, CustomerId, Problem};
use crate::error::AppError;
use crate::extract::{Form, Query};
use crate::public_pages::SelfService;
use crate::public_pages::html::{Visit, escape as e};
use crate::public_pages::language::Asked;
use crate::public_pages::texts::Details;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use sqlx::Row;
use std::collections::HashMap;

/// A field's label in the page's words.
type Label = fn(&Details) -> &'static str;

/// The fields a customer corrects themselves: `(field, label, input type, autocomplete)`.
const FIELDS: [(CustomerField, Label, &str, &str); 6] = [
    (CustomerField::FirstName, |t| t.first_name, "text", "given-name"),
    (CustomerField::LastName, |t| t.last_name, "text", "family-name"),
    (CustomerField::Phone, |t| t.phone, "tel", "tel"),
    (CustomerField::Street, |t| t.street, "text", "street-address"),
    (CustomerField::Postcode, |t| t.postcode, "text", "postal-code"),
    (CustomerField::City, |t| t.city, "text", "address-level2"),
];

/// How a customer may choose to be contacted, as the select offers it.
const CHANNELS: [(&str, Label); 5] = [
    ("", |t| t.no_preference),
    ("email", |t| t.by_email),
    ("phone", |t| t.by_phone),
    ("sms", |t| t.by_sms),
    ("post", |t| t.by_post),
];

/// Every field the page corrects: the inputs, then the choice of contact.
fn all_fields() -> impl Iterator<Item = CustomerField> {
    FIELDS.iter().map(|(f, ..)| *f).chain([CustomerField::PreferredChannel])
}

/// The customer's values of the page's fields, as stored, read in one query.
pub async fn current(pool: &Db, customer: CustomerId) -> sqlx::Result<HashMap<&'static str, String>> {
    // Column expressions from the fixed list of fields, never from the request.
    let columns: Vec<String> = all_fields().map(|f| f.stored_sql("c")).collect();
    let sql = format!("SELECT {} FROM customers c WHERE id = $1", columns.join(", "));
    let Some(row) = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(customer).fetch_optional(pool).await? else {
        return Ok(HashMap::new());
    };
    all_fields()
        .enumerate()
        .map(|(i, field)| {
            let value = crate::pii::read_field(pool.pii(), field, row.try_get(i)?)?;
            Ok((field.column(), value.unwrap_or_default()))
        })
        .collect()
}

/// The form, filled with `values`, each problem beside its field.
pub fn form(v: &Visit, values: &HashMap<&'static str, String>, problems: &HashMap<&'static str, Problem>) -> String {
    let t = &v.words().details;
    let inputs: String = FIELDS
        .iter()
        .map(|(field, label, kind, auto)| {
            let name = field.column();
            let value = values.get(name).map_or("", String::as_str);
            let (error, invalid) = match problems.get(name) {
                Some(p) => (
                    format!(
                        "<p class=\"error\" id=\"{name}-error\" role=\"alert\">{}</p>",
                        e(v.lang.forms().problem(*p))
                    ),
                    format!(" aria-invalid=\"true\" aria-describedby=\"{name}-error\""),
                ),
                None => (String::new(), String::new()),
            };
            format!(
                "<label for=\"{name}\">{}</label><input type=\"{kind}\" id=\"{name}\" name=\"{name}\" \
                 autocomplete=\"{auto}\" value=\"{}\"{invalid}>{error}",
                e(label(t)),
                e(value)
            )
        })
        .collect();
    let chosen = values.get("preferred_channel").map_or("", String::as_str);
    let channels: String = CHANNELS
        .iter()
        .map(|(code, label)| {
            let selected = if *code == chosen { " selected" } else { "" };
            format!("<option value=\"{code}\"{selected}>{}</option>", e(label(t)))
        })
        .collect();
    format!(
        "<form method=\"post\" action=\"{action}\" class=\"details\">{inputs}\
         <label for=\"preferred_channel\">{contact}</label>\
         <select id=\"preferred_channel\" name=\"preferred_channel\">{channels}</select>\
         <button type=\"submit\">{save}</button></form>",
        action = at(v, "/details"),
        contact = e(t.contact),
        save = e(t.save),
    )
}

/// Saves the corrections, or shows the form again with what does not parse.
pub async fn save(
    State(s): State<SelfService>,
    Path(key): Path<String>,
    Query(asked): Query<Asked>,
    headers: HeaderMap,
    Form(posted): Form<HashMap<String, String>>,
) -> Response {
    let (v, customer, _) = match acting(&s, &key, &asked, &headers).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let mut parsed = Vec::new();
    let mut problems = HashMap::new();
    let mut values = HashMap::new();
    for field in all_fields() {
        let raw = posted.get(field.column()).map_or("", String::as_str);
        values.insert(field.column(), raw.to_owned());
        match field.parse(raw) {
            Ok(value) => parsed.push((field, value)),
            Err(problem) => {
                problems.insert(field.column(), problem);
            }
        }
    }
    if !problems.is_empty() {
        let t = v.words();
        let body = format!(
            "<h1>{}</h1><p class=\"error\" role=\"alert\">{}</p>{}<p><a href=\"{}\">{}</a></p>",
            e(t.me.details),
            e(t.details.not_saved),
            form(&v, &values, &problems),
            at(&v, ""),
            e(t.me.back)
        );
        return page(StatusCode::UNPROCESSABLE_ENTITY, &v, &body);
    }
    for (field, value) in parsed {
        match update_field_by(&s.pool, customer, None, field, &value, true).await {
            Ok(Updated::Done) => {}
            Ok(_) => return v.broken(&AppError::NotFound),
            Err(e) => return v.broken(&AppError::internal("my page: details", e)),
        }
    }
    tracing::info!(site = v.site.key.as_str(), "a customer corrected their details on their page");
    Redirect::to(&format!("{}#details", at(&v, ""))).into_response()
}
