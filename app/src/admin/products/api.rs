//! Server functions of the Products page: managers and the owner keep a site's products.

use crate::error::AppError;
use crate::products::{Product, ProductForm, Shown};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Products on one page of the list.
pub const PER_PAGE: u32 = 50;

/// What the Products page shows of one site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductsView {
    /// The key of the site shown.
    pub site: String,
    /// How the site's amounts are written for this reader (its currency's code inside).
    pub money: crate::domain::MoneyStyle,
    /// The languages the site writes in besides its default: a name field each.
    pub languages: Vec<String>,
    pub rows: Vec<Product>,
    pub total: i64,
    pub page: u32,
}

/// One page of a site's offered or archived products, by name, matching `query` (a SKU's
/// start, or part of a name or category). A blank `site` is the one the staff member chose.
#[server(prefix = "/api/admin", endpoint = "products_page")]
pub async fn products_page(site: String, query: String, page: u32, shown: Shown) -> Result<ProductsView, AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::Role;
            let staff = crate::staff::guard::require_staff(Role::Manager).await?;
            let pool = crate::server_ctx::pool()?;
            let id = crate::staff::guard::site_for(&pool, &staff, &site).await?;
            let key = crate::sites::db::key_of(&pool, id).await?;
            let query: String = query.trim().chars().take(100).collect();
            let page = page.clamp(1, 100_000);
            let offset = i64::from(page - 1) * i64::from(PER_PAGE);
            let (rows, total) =
                crate::products::db::page(&pool, id, shown, &query, offset, i64::from(PER_PAGE)).await?;
            let (_, languages) = crate::products::db::site_terms(&pool, id).await?;
            let money = crate::sites::money_style::for_site(&pool, id).await?;
            Ok(ProductsView { site: key, money, languages, rows, total, page })
        }
        .await,
    )
}

/// Adds a product (`create`) or changes the one with the form's SKU.
#[server(prefix = "/api/admin", endpoint = "save_product")]
pub async fn save_product(site: String, create: bool, form: ProductForm) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{Field, FieldErrors, Problem};
            use crate::products::db::Saved;
            let (staff, id, pool) = crate::staff::guard::manager_and_site(&site).await?;
            let (_, languages) = crate::products::db::site_terms(&pool, id).await?;
            let product = crate::products::ValidProduct::parse(&form, &languages)?;
            let detail = match crate::products::db::save(&pool, id, &product, create).await? {
                Saved::SkuTaken => return Err(FieldErrors::one(Field::Item, Problem::Taken).into()),
                Saved::NotFound => return Err(AppError::NotFound),
                Saved::Unchanged(_) => return Ok(()),
                Saved::Created(_) => format!("product {} added", product.sku.as_str()),
                Saved::Updated(_) => format!("product {} changed", product.sku.as_str()),
            };
            tracing::info!(staff = staff.id.0, site, sku = product.sku.as_str(), create, "product saved");
            crate::staff::audit::note(
                &staff,
                crate::staff::audit::AuditAction::ChangedSettings,
                Some(id),
                None,
                &detail,
            )
            .await
        }
        .await,
    )
}

/// Archives a product (no longer offered, still on the records that name it) or offers it
/// again.
#[server(prefix = "/api/admin", endpoint = "archive_product")]
pub async fn archive_product(site: String, sku: String, archived: bool) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            let (staff, id, pool) = crate::staff::guard::manager_and_site(&site).await?;
            let sku = crate::domain::Sku::parse(&sku).map_err(|_| AppError::NotFound)?;
            if !crate::products::db::set_archived(&pool, id, sku.as_str(), archived).await? {
                return Err(AppError::NotFound);
            }
            let detail = format!("product {} {}", sku.as_str(), if archived { "archived" } else { "offered again" });
            tracing::info!(staff = staff.id.0, site, sku = sku.as_str(), archived, "product archived");
            crate::staff::audit::note(
                &staff,
                crate::staff::audit::AuditAction::ChangedSettings,
                Some(id),
                None,
                &detail,
            )
            .await
        }
        .await,
    )
}
