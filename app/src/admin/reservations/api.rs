//! Server functions of the reservations desk.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// An open reservation as the desk lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenReservation {
    pub id: i64,
    pub item_id: i64,
    pub item: String,
    pub sku: String,
    pub stock_expected: Option<String>,
    pub quantity: i64,
    pub note: String,
    pub customer_id: i64,
    pub customer: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub at: String,
    /// The name, phone and postal address typed in the reservation form, when they differ
    /// from the record's (whoever typed the email may not be its customer: see
    /// `widgets::identity`).
    pub typed: Option<String>,
}

/// A reservation handed out or cancelled: what, for whom, when and by whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosedReservation {
    pub id: i64,
    pub item: String,
    pub quantity: i64,
    pub customer_id: i64,
    pub customer: String,
    pub outcome: Outcome,
    pub closed_at: String,
    /// The staff member who closed it; `None` when their account is gone.
    pub by: Option<String>,
}

/// What becomes of a reservation at the desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Fulfilled,
    Cancelled,
}

impl Outcome {
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Fulfilled => "fulfilled",
            Outcome::Cancelled => "cancelled",
        }
    }
}

/// Open reservations, grouped by item (oldest first within each), optionally only those
/// whose customer or item matches `query`.
#[server(prefix = "/api/admin", endpoint = "open_reservations")]
pub async fn open_reservations(query: String) -> Result<Vec<OpenReservation>, AppError> {
    crate::server_ctx::answer(
        async move {
            crate::staff::guard::require_staff(crate::domain::Role::Staff).await?;
            let query: String = query.trim().chars().take(100).collect();
            Ok(super::db::open(&crate::server_ctx::pool()?, &query).await?)
        }
        .await,
    )
}

/// The reservations handed out or cancelled in the last 30 days, newest first, optionally
/// only those whose customer or item matches `query`.
#[server(prefix = "/api/admin", endpoint = "closed_reservations")]
pub async fn closed_reservations(query: String) -> Result<Vec<ClosedReservation>, AppError> {
    crate::server_ctx::answer(
        async move {
            crate::staff::guard::require_staff(crate::domain::Role::Staff).await?;
            let query: String = query.trim().chars().take(100).collect();
            Ok(super::db::closed(&crate::server_ctx::pool()?, &query).await?)
        }
        .await,
    )
}

/// Marks an open reservation fulfilled or cancelled. A reservation already closed is
/// left as it is (two staff at two tills), and the answer says so.
#[server(prefix = "/api/admin", endpoint = "close_reservation")]
pub async fn close_reservation(id: i64, outcome: Outcome) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            let staff = crate::staff::guard::require_staff(crate::domain::Role::Staff).await?;
            if !super::db::close(&crate::server_ctx::pool()?, id, staff.id, outcome).await? {
                return Err(AppError::NotFound);
            }
            tracing::info!(staff = staff.id.0, reservation = id, outcome = outcome.code(), "reservation closed");
            Ok(())
        }
        .await,
    )
}
