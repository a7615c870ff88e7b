//! The audit log as the owner reads it, newest first.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What a staff member did that the log keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuditAction {
    ViewedCustomer,
    Exported,
    PrintedLabels,
    Merged,
    Unmerged,
    Imported,
    ChangedSettings,
    ChangedStaff,
    BackedUp,
    ExportedCustomerData,
    ErasedCustomer,
    ChangedDoNotSell,
    RestoredBackup,
    RotatedKey,
}

impl AuditAction {
    pub const ALL: [AuditAction; 14] = [
        AuditAction::ViewedCustomer,
        AuditAction::Exported,
        AuditAction::PrintedLabels,
        AuditAction::Merged,
        AuditAction::Unmerged,
        AuditAction::Imported,
        AuditAction::ChangedSettings,
        AuditAction::ChangedStaff,
        AuditAction::BackedUp,
        AuditAction::ExportedCustomerData,
        AuditAction::ErasedCustomer,
        AuditAction::ChangedDoNotSell,
        AuditAction::RestoredBackup,
        AuditAction::RotatedKey,
    ];

    /// The stored code (the migration's CHECK lists the same).
    pub fn code(self) -> &'static str {
        match self {
            AuditAction::ViewedCustomer => "viewed_customer",
            AuditAction::Exported => "exported",
            AuditAction::PrintedLabels => "printed_labels",
            AuditAction::Merged => "merged",
            AuditAction::Unmerged => "unmerged",
            AuditAction::Imported => "imported",
            AuditAction::ChangedSettings => "changed_settings",
            AuditAction::ChangedStaff => "changed_staff",
            AuditAction::BackedUp => "backed_up",
            AuditAction::ExportedCustomerData => "exported_customer_data",
            AuditAction::ErasedCustomer => "erased_customer",
            AuditAction::ChangedDoNotSell => "changed_do_not_sell",
            AuditAction::RestoredBackup => "restored_backup",
            AuditAction::RotatedKey => "rotated_key",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AuditAction::ViewedCustomer => "viewed a customer",
            AuditAction::Exported => "exported customers",
            AuditAction::PrintedLabels => "printed labels",
            AuditAction::Merged => "merged customers",
            AuditAction::Unmerged => "undid a merge",
            AuditAction::Imported => "imported customers",
            AuditAction::ChangedSettings => "changed settings",
            AuditAction::ChangedStaff => "changed staff",
            AuditAction::BackedUp => "took a backup",
            AuditAction::ExportedCustomerData => "downloaded a customer's data",
            AuditAction::ErasedCustomer => "erased a customer",
            AuditAction::ChangedDoNotSell => "changed do-not-sell",
            AuditAction::RestoredBackup => "restored a backup",
            AuditAction::RotatedKey => "rotated the encryption key",
        }
    }

    pub fn parse(code: &str) -> Option<AuditAction> {
        AuditAction::ALL.into_iter().find(|a| a.code() == code)
    }
}

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
            crate::admin::auth::guard::require_staff(Role::Owner).await?;
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
