//! The customer corrects their own details on their page (`/p/SITEKEY/me/details`): name,
//! phone, address and how they would like to be contacted. Each change goes through the same
//! parsing and the same write as a staff member's edit, lands in the record's history as the
//! customer's, and is logged as a rectification they asked for. A field that does not parse
//! is shown beside itself and nothing is saved.

use super::html::page;
use super::{acting, home};
use crate::customer_changes::{Updated, update_field_by};
use crate::domain::{CustomerField, CustomerId, Problem};
use crate::error::AppError;
use crate::extract::Form;
use crate::public_pages::SelfService;
use crate::public_pages::html::{broken, escape as e};
use crate::sites::Site;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use sqlx::{Row, SqlitePool};
use std::collections::HashMap;

/// The fields a customer corrects themselves: `(field, label, input type, autocomplete)`.
const FIELDS: [(CustomerField, &str, &str, &str); 6] = [
    (CustomerField::FirstName, "First name", "text", "given-name"),
    (CustomerField::LastName, "Last name", "text", "family-name"),
    (CustomerField::Phone, "Phone", "tel", "tel"),
    (CustomerField::Street, "Street and number", "text", "street-address"),
    (CustomerField::Postcode, "Postcode", "text", "postal-code"),
    (CustomerField::City, "Town or city", "text", "address-level2"),
];

/// How a customer may choose to be contacted, as the select offers it.
const CHANNELS: [(&str, &str); 5] = [
    ("", "No preference"),
    ("email", "By email"),
    ("phone", "By phone"),
    ("sms", "By text message"),
    ("post", "By post"),
];

/// Every field the page corrects: the inputs, then the choice of contact.
fn all_fields() -> impl Iterator<Item = CustomerField> {
    FIELDS.iter().map(|(f, ..)| *f).chain([CustomerField::PreferredChannel])
}

/// The customer's values of the page's fields, as stored, read in one query.
pub async fn current(pool: &SqlitePool, customer: CustomerId) -> sqlx::Result<HashMap<&'static str, String>> {
    // Column expressions from the fixed list of fields, never from the request.
    let columns: Vec<String> = all_fields().map(|f| f.read_sql("c")).collect();
    let sql = format!("SELECT {} FROM customers c WHERE id = ?", columns.join(", "));
    let Some(row) = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(customer).fetch_optional(pool).await? else {
        return Ok(HashMap::new());
    };
    all_fields()
        .enumerate()
        .map(|(i, field)| Ok((field.column(), row.try_get::<Option<String>, _>(i)?.unwrap_or_default())))
        .collect()
}

/// The form, filled with `values`, each problem beside its field.
pub fn form(site: &Site, values: &HashMap<&'static str, String>, problems: &HashMap<&'static str, Problem>) -> String {
    let inputs: String = FIELDS
        .iter()
        .map(|(field, label, kind, auto)| {
            let name = field.column();
            let value = values.get(name).map_or("", String::as_str);
            let (error, invalid) = match problems.get(name) {
                Some(p) => (
                    format!("<p class=\"error\" id=\"{name}-error\" role=\"alert\">{}</p>", e(&p.to_string())),
                    format!(" aria-invalid=\"true\" aria-describedby=\"{name}-error\""),
                ),
                None => (String::new(), String::new()),
            };
            format!(
                "<label for=\"{name}\">{label}</label><input type=\"{kind}\" id=\"{name}\" name=\"{name}\" \
                 autocomplete=\"{auto}\" value=\"{}\"{invalid}>{error}",
                e(value)
            )
        })
        .collect();
    let chosen = values.get("preferred_channel").map_or("", String::as_str);
    let channels: String = CHANNELS
        .iter()
        .map(|(code, label)| {
            let selected = if *code == chosen { " selected" } else { "" };
            format!("<option value=\"{code}\"{selected}>{label}</option>")
        })
        .collect();
    format!(
        "<form method=\"post\" action=\"{home}/details\" class=\"details\">{inputs}\
         <label for=\"preferred_channel\">How we may contact you</label>\
         <select id=\"preferred_channel\" name=\"preferred_channel\">{channels}</select>\
         <button type=\"submit\">Save my details</button></form>",
        home = home(site),
    )
}

/// Saves the corrections, or shows the form again with what does not parse.
pub async fn save(
    State(s): State<SelfService>,
    Path(key): Path<String>,
    headers: HeaderMap,
    Form(posted): Form<HashMap<String, String>>,
) -> Response {
    let (site, customer, _) = match acting(&s, &key, &headers).await {
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
        let body = format!(
            "<h1>Your details</h1><p class=\"error\" role=\"alert\">Nothing was saved: please correct what is marked.</p>{}\
             <p><a href=\"{}\">Back to your page</a></p>",
            form(&site, &values, &problems),
            home(&site)
        );
        return page(StatusCode::UNPROCESSABLE_ENTITY, &site, &body);
    }
    for (field, value) in parsed {
        match update_field_by(&s.pool, customer, None, field, &value, true).await {
            Ok(Updated::Done) => {}
            Ok(_) => return broken(&AppError::NotFound),
            Err(e) => return broken(&AppError::internal("my page: details", e)),
        }
    }
    tracing::info!(site = site.key.as_str(), "a customer corrected their details on their page");
    Redirect::to(&format!("{}#details", home(&site))).into_response()
}
