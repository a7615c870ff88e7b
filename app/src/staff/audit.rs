//! What staff did that the audit log keeps, and the writing of it: every feature that views,
//! exports or changes something on a staff member's behalf notes it here. The log's page is
//! `admin::audit`.

use serde::{Deserialize, Serialize};
#[cfg(feature = "ssr")]
use {super::StaffRow, crate::db::Db, crate::domain::SiteId};

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

    pub fn parse(code: &str) -> Option<AuditAction> {
        AuditAction::ALL.into_iter().find(|a| a.code() == code)
    }
}

#[cfg(feature = "ssr")]
/// Appends to the audit log on behalf of `staff` (server functions only).
pub async fn note(
    staff: &super::StaffRow,
    action: AuditAction,
    site: Option<crate::domain::SiteId>,
    customer: Option<i64>,
    detail: &str,
) -> Result<(), crate::error::AppError> {
    Ok(record(&crate::server_ctx::pool()?, staff, action, site, customer, detail).await?)
}

#[cfg(feature = "ssr")]
/// Appends an entry. `detail` names what, never whom (no contact data).
pub async fn record(
    pool: &Db,
    staff: &StaffRow,
    action: AuditAction,
    site: Option<SiteId>,
    customer: Option<i64>,
    detail: &str,
) -> sqlx::Result<()> {
    let detail: String = detail.chars().take(500).collect();
    sqlx::query(
        "INSERT INTO audit_log (staff_id, staff_email, action, site_id, customer_id, detail)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(staff.id)
    .bind(&staff.email)
    .bind(action.code())
    .bind(site)
    .bind(customer)
    .bind(detail)
    .execute(pool)
    .await?;
    Ok(())
}

#[cfg(feature = "ssr")]
/// Appends an entry for something done with the `patron` command on the server, where no
/// staff member is signed in: it is logged as done by "command line".
pub async fn record_command(pool: &Db, action: AuditAction, detail: &str) -> sqlx::Result<()> {
    let detail: String = detail.chars().take(500).collect();
    sqlx::query("INSERT INTO audit_log (staff_email, action, detail) VALUES ('command line', $1, $2)")
        .bind(action.code())
        .bind(detail)
        .execute(pool)
        .await?;
    Ok(())
}
