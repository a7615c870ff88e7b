//! Server functions of duplicates: find likely pairs, merge one into the other, say "not
//! a duplicate", list merges, undo one. Customer work: managers and owners.

use super::Reason;
use crate::domain::Minor;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One side of a pair, as the review shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Side {
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub joined: String,
    pub purchases: i64,
    pub spent: Minor,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairView {
    pub a: Side,
    pub b: Side,
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duplicates {
    /// The strongest pairs, at most [`SHOWN`].
    pub pairs: Vec<PairView>,
    /// How many pairs were found in all.
    pub total: usize,
    /// How the site's amounts are written for this reader.
    pub money: crate::domain::MoneyStyle,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeRow {
    pub id: i64,
    pub target_id: i64,
    pub source_id: i64,
    pub target_name: String,
    pub source_name: String,
    pub staff: Option<String>,
    pub created_at: String,
    pub undone_at: Option<String>,
}

/// Pairs shown at once; merging or dismissing them brings the next.
pub const SHOWN: usize = 20;

#[cfg(feature = "ssr")]
fn refused(e: super::db::MergeError) -> AppError {
    use super::db::MergeError;
    let w = crate::staff::texts::of_caller().refusals();
    AppError::Conflict(
        match e {
            MergeError::NotFound => return AppError::NotFound,
            MergeError::Db(e) => return AppError::internal("merge", e),
            MergeError::Same => w.merge_same,
            MergeError::Undone => w.merge_undone,
            MergeError::Later => w.merge_later,
            MergeError::IdTaken => w.merge_id_taken,
        }
        .into(),
    )
}

#[server(prefix = "/api/admin", endpoint = "find_duplicates")]
pub async fn find_duplicates(site: String) -> Result<Duplicates, AppError> {
    crate::server_ctx::answer(
        async move {
            let (_, site, pool) = crate::staff::guard::manager_and_site(&site).await?;
            let people = super::db::people(&pool, site).await?;
            let dismissed = super::db::dismissed(&pool, site).await?;
            let found = tokio::task::spawn_blocking(move || super::finder::find(&people, &dismissed))
                .await
                .map_err(|e| AppError::internal("duplicate finder", e))?;
            let mut pairs = Vec::new();
            for pair in found.iter().take(SHOWN) {
                if let (Some(a), Some(b)) =
                    (super::db::side(&pool, site, pair.a).await?, super::db::side(&pool, site, pair.b).await?)
                {
                    pairs.push(PairView { a, b, reasons: pair.reasons.clone() });
                }
            }
            let money = crate::sites::money_style::for_site(&pool, site).await?;
            Ok(Duplicates { pairs, total: found.len(), money })
        }
        .await,
    )
}

/// Merges customer `merge` into customer `keep`; the merge's id.
#[server(prefix = "/api/admin", endpoint = "merge_customers")]
pub async fn merge_customers(site: String, keep: i64, merge: i64) -> Result<i64, AppError> {
    crate::server_ctx::answer(
        async move {
            let (staff, site, pool) = crate::staff::guard::manager_and_site(&site).await?;
            let id = super::db::merge(&pool, site, keep, merge, staff.id).await.map_err(refused)?;
            let detail = format!("customer {merge} into {keep}, merge {id}");
            crate::staff::audit::note(
                &staff,
                crate::staff::audit::AuditAction::Merged,
                Some(site),
                Some(keep),
                &detail,
            )
            .await?;
            Ok(id)
        }
        .await,
    )
}

#[server(prefix = "/api/admin", endpoint = "dismiss_pair")]
pub async fn dismiss_pair(site: String, a: i64, b: i64) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            let (staff, site, pool) = crate::staff::guard::manager_and_site(&site).await?;
            Ok(super::db::dismiss(&pool, site, a, b, staff.id).await?)
        }
        .await,
    )
}

#[server(prefix = "/api/admin", endpoint = "list_merges")]
pub async fn list_merges(site: String) -> Result<Vec<MergeRow>, AppError> {
    crate::server_ctx::answer(
        async move {
            let (_, site, pool) = crate::staff::guard::manager_and_site(&site).await?;
            Ok(super::db::merges(&pool, site, 50).await?)
        }
        .await,
    )
}

#[server(prefix = "/api/admin", endpoint = "undo_merge")]
pub async fn undo_merge(site: String, id: i64) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            let (staff, site, pool) = crate::staff::guard::manager_and_site(&site).await?;
            super::db::undo(&pool, site, id, staff.id).await.map_err(refused)?;
            crate::staff::audit::note(
                &staff,
                crate::staff::audit::AuditAction::Unmerged,
                Some(site),
                None,
                &format!("merge {id}"),
            )
            .await
        }
        .await,
    )
}
