//! `GET /admin/customer-data?id=N&format=json|csv`: everything held about one customer, as
//! the answer to their access (portability) request. A page the browser downloads itself,
//! so it checks the session like a server function; managers and owners only, audited, and
//! logged as a request answered.

use super::db::By;
use crate::csv_cells::csv_line;
use crate::db::Db;
use crate::domain::{CustomerId, Role};
use crate::error::AppError;
use crate::extract::Query;
use crate::staff::audit::AuditAction;
use crate::staff::guard::{plain, plain_refusal, staff_at_least};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Map, Value, json};

#[derive(Deserialize)]
pub struct DataQuery {
    id: i64,
    #[serde(default)]
    format: String,
}

pub async fn customer_data(State(pool): State<Db>, headers: HeaderMap, Query(q): Query<DataQuery>) -> Response {
    let format = match q.format.as_str() {
        "" | "json" => "json",
        "csv" => "csv",
        _ => return plain(StatusCode::UNPROCESSABLE_ENTITY, "The format is json or csv."),
    };
    let staff = match staff_at_least(&pool, &headers, Role::Manager).await {
        Ok(staff) => staff,
        Err(e) => return plain_refusal(&e),
    };
    bundle_response(&pool, CustomerId(q.id), By::Staff(&staff), format).await
}

/// Everything held about the customer as a file to download (`format`: json or csv),
/// logged as an access request answered and, for staff, in the audit log. A download
/// that cannot be noted is not given.
pub async fn bundle_response(pool: &Db, id: CustomerId, by: By<'_>, format: &str) -> Response {
    let (site, tables) = match super::db::bundle(pool, id).await {
        Ok(Some(found)) => found,
        Ok(None) => return plain_refusal(&AppError::NotFound),
        Err(e) => return plain_refusal(&AppError::internal("customer data export", e)),
    };
    let rows: usize = tables.values().map(|t| t.as_array().map_or(0, Vec::len)).sum();
    let noted = async {
        if let By::Staff(staff) = by {
            let action = AuditAction::ExportedCustomerData;
            crate::staff::audit::record(pool, staff, action, Some(site), Some(id.0), format).await?;
        }
        super::db::log_access(pool, site, id, by, rows).await
    };
    if let Err(e) = noted.await {
        return plain_refusal(&AppError::internal("customer data export: log", e));
    }
    let (body, content_type) = match format {
        "csv" => (as_csv(&tables), "text/csv; charset=utf-8"),
        _ => {
            let doc = json!({ "customer": id.0, "exported_at": crate::domain::iso_timestamp(crate::server_ctx::now()), "tables": tables });
            (serde_json::to_string_pretty(&doc).unwrap_or_default(), "application/json")
        }
    };
    let disposition = format!("attachment; filename=\"customer-{}.{format}\"", id.0);
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        body,
    )
        .into_response()
}

/// The tables as one CSV in long form (table, row, field, value): every table has its own
/// columns, and one sheet that a spreadsheet opens beats a zip of twenty.
fn as_csv(tables: &Map<String, Value>) -> String {
    let mut out = csv_line(["table", "row", "field", "value"].into_iter().map(Into::into));
    for (table, rows) in tables {
        for (n, row) in rows.as_array().into_iter().flatten().enumerate() {
            for (field, value) in row.as_object().into_iter().flatten() {
                let value = match value {
                    Value::Null => String::new(),
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                let row_number = (n + 1).to_string();
                out.push_str(&csv_line(
                    [table.as_str(), row_number.as_str(), field.as_str(), value.as_str()].into_iter().map(Into::into),
                ));
            }
        }
    }
    out
}
