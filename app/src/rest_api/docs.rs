//! `/api/docs`: the OpenAPI document as a page to read — every endpoint with its scope,
//! parameters, body and answers, and every schema with its fields. Written here from the
//! document itself (no script, nothing fetched from elsewhere), so it is always the API
//! the server serves.

use crate::public_pages::html::{escape, html_page};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::Value;
use utoipa::OpenApi;

fn schema_name(v: &Value) -> String {
    if let Some(r) = v.get("$ref").and_then(Value::as_str) {
        return r.rsplit('/').next().unwrap_or(r).to_owned();
    }
    if let Some(items) = v.get("items") {
        return format!("array of {}", schema_name(items));
    }
    if let Some(any) = v.get("oneOf").or_else(|| v.get("anyOf")).and_then(Value::as_array) {
        return any.iter().map(schema_name).collect::<Vec<_>>().join(" or ");
    }
    match v.get("type") {
        Some(Value::String(t)) => t.clone(),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(" or "),
        _ => "any".to_owned(),
    }
}

fn operation(method: &str, path: &str, op: &Value) -> String {
    let mut html = format!("<section><h3><code>{} {}</code></h3>", method.to_uppercase(), escape(path));
    if let Some(scopes) = op.pointer("/security/0/api_key").and_then(Value::as_array) {
        let scopes: Vec<&str> = scopes.iter().filter_map(Value::as_str).collect();
        html += &format!("<p>Scope: <code>{}</code></p>", escape(&scopes.join(", ")));
    }
    if let Some(params) = op.get("parameters").and_then(Value::as_array) {
        html += "<ul>";
        for p in params {
            html += &format!(
                "<li><code>{}</code> ({}, {}) {}</li>",
                escape(p["name"].as_str().unwrap_or("")),
                escape(p["in"].as_str().unwrap_or("")),
                escape(&schema_name(&p["schema"])),
                escape(p["description"].as_str().unwrap_or(""))
            );
        }
        html += "</ul>";
    }
    if let Some(body) = op.pointer("/requestBody/content/application~1json/schema") {
        html += &format!("<p>Body: <a href=\"#{0}\">{0}</a></p>", escape(&schema_name(body)));
    }
    if let Some(responses) = op.get("responses").and_then(Value::as_object) {
        html += "<ul>";
        for (status, r) in responses {
            let schema = r.pointer("/content/application~1json/schema").map(schema_name).unwrap_or_default();
            html += &format!(
                "<li>{} {} <a href=\"#{}\">{}</a></li>",
                escape(status),
                escape(r["description"].as_str().unwrap_or("")),
                escape(&schema),
                escape(&schema)
            );
        }
        html += "</ul>";
    }
    html + "</section>"
}

pub async fn page() -> Response {
    let doc = serde_json::to_value(super::ApiDoc::openapi()).unwrap_or_default();
    let mut html = String::from(
        "<h1>Patron API</h1><p>JSON over HTTPS. Send a site's key as <code>Authorization: Bearer KEY</code>; \
         errors come as <code>{\"error\": {\"code\", \"message\", \"fields\"}}</code>. \
         The machine-readable document: <a href=\"/api/openapi.json\">/api/openapi.json</a>.</p><h2>Endpoints</h2>",
    );
    if let Some(paths) = doc["paths"].as_object() {
        for (path, methods) in paths {
            for (method, op) in methods.as_object().into_iter().flatten() {
                html += &operation(method, path, op);
            }
        }
    }
    html += "<h2>Schemas</h2>";
    if let Some(schemas) = doc.pointer("/components/schemas").and_then(Value::as_object) {
        for (name, schema) in schemas {
            html += &format!("<section id=\"{0}\"><h3>{0}</h3><ul>", escape(name));
            let required: Vec<&str> =
                schema["required"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
            for (field, s) in schema["properties"].as_object().into_iter().flatten() {
                let need = if required.contains(&field.as_str()) { "" } else { ", optional" };
                html += &format!(
                    "<li><code>{}</code> ({}{need}) {}</li>",
                    escape(field),
                    escape(&schema_name(s)),
                    escape(s["description"].as_str().unwrap_or(""))
                );
            }
            html += "</ul></section>";
        }
    }
    html_page(StatusCode::OK, crate::widgets::texts::Lang::En, "Patron API", &html)
}
