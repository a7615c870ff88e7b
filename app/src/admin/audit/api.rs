//! The audit log as the owner reads it, newest first.

use crate::error::AppError;
use crate::staff::audit::AuditAction;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub staff_email: String,
    pub action: AuditAction,
    /// The site's key, when the action was about one site.
    pub site: Option<String>,
    pub customer_id: Option<i64>,
    pub detail: String,
}

/// One page of the log and whether older entries exist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    pub more: bool,
}

/// Entries per page.
pub const PER_PAGE: i64 = 50;

/// The log, newest first: only `action` (a code, or empty for all), only about customer
/// `customer` (an id, or empty), older than entry `before` (an id, or empty).
#[server(prefix = "/api/admin", endpoint = "audit_log")]
pub async fn audit_log(action: String, customer: String, before: String) -> Result<AuditPage, AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{Field, FieldErrors, Problem, Role};
            crate::staff::guard::require_staff(Role::Owner).await?;
            let mut errors = FieldErrors::new();
            let action = match action.as_str() {
                "" => None,
                code => errors.check(Field::Rule, AuditAction::parse(code).ok_or(Problem::UnknownOption)),
            };
            let number = |raw: &str| -> Result<Option<i64>, Problem> {
                if raw.trim().is_empty() {
                    return Ok(None);
                }
                raw.trim().parse::<i64>().map(Some).map_err(|_| Problem::NotANumber)
            };
            let customer = errors.check(Field::Value, number(&customer)).flatten();
            let before = errors.check(Field::Second, number(&before)).flatten();
            if !errors.is_empty() {
                return Err(errors.into());
            }
            let pool = crate::server_ctx::pool()?;
            let mut entries = super::db::page(&pool, action, customer, before, PER_PAGE + 1).await?;
            let more = entries.len() as i64 > PER_PAGE;
            entries.truncate(PER_PAGE as usize);
            Ok(AuditPage { entries, more })
        }
        .await,
    )
}
