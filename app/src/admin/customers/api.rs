//! Server functions of the customers list.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The newsletter consent state of a customer, from their newest consent record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConsentState {
    Granted,
    Withdrawn,
    /// Never asked, or never agreed.
    None,
}

/// One row of the customers list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerRow {
    pub id: i64,
    pub site_name: String,
    pub first_name: String,
    pub last_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub newsletter: ConsentState,
    /// When the newsletter consent state last changed.
    pub consent_at: Option<String>,
    pub created_at: String,
}

/// One page of the list and how many customers match in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerPage {
    pub rows: Vec<CustomerRow>,
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
}

/// Rows per page of the list.
#[cfg(feature = "ssr")]
const PER_PAGE: u32 = 25;
/// Longer searches are not names, emails or phone numbers.
#[cfg(feature = "ssr")]
const MAX_QUERY_CHARS: usize = 100;

/// Customers, newest first, optionally filtered by a search over name, email and phone.
#[server(prefix = "/api/admin", endpoint = "list_customers")]
pub async fn list_customers(query: String, page: u32) -> Result<CustomerPage, AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::Role;
            crate::staff::guard::require_staff(Role::Staff).await?;
            let query: String = query.trim().chars().take(MAX_QUERY_CHARS).collect();
            let page = page.clamp(1, 100_000);
            let pool = crate::server_ctx::pool()?;
            let (rows, total) = super::db::list(&pool, &query, page, PER_PAGE).await?;
            Ok(CustomerPage { rows, total, page, per_page: PER_PAGE })
        }
        .await,
    )
}
