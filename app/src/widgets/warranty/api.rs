//! The warranty widget's server functions.

use super::form::WarrantyForm;
use crate::error::AppError;
use crate::widgets::catalogue::ItemView;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// How many products the form lists whole; a catalogue with more is searched.
pub const LISTED: i64 = 100;
/// How many products a search answers.
pub const FOUND: i64 = 20;

/// What the warranty form needs: the products to choose from (the page's one, or the first
/// [`LISTED`] by name), whether there are more to search, and whether it asks for a postal
/// address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WarrantySetup {
    pub products: Vec<ItemView>,
    pub searchable: bool,
    pub address: crate::domain::AddressMode,
}

/// The form's setup; `sku` is the product the page names (`data-item`), or blank.
#[server(prefix = "/w", endpoint = "warranty_config", output = crate::widgets::wire::Answer)]
pub async fn warranty_config(sku: String) -> Result<WarrantySetup, AppError> {
    crate::server_ctx::answer(
        async move {
            let caller = crate::widgets::caller::widget_caller(crate::domain::WidgetKind::Warranty).await?;
            let pool = crate::server_ctx::pool()?;
            let site = &caller.site;
            let (products, searchable) = if sku.trim().is_empty() {
                crate::widgets::catalogue::db::first(&pool, site, LISTED).await?
            } else {
                let found = crate::widgets::catalogue::db::find_sent(&pool, site, sku.trim()).await?;
                (found.map(|(_, item)| item).into_iter().collect(), false)
            };
            let address = caller.site.address_mode(crate::domain::WidgetKind::Warranty);
            Ok(WarrantySetup { products, searchable, address })
        }
        .await,
    )
}

/// The products a visitor's search finds (at most [`FOUND`]), for a catalogue too large to
/// list whole.
#[server(prefix = "/w", endpoint = "find_products", output = crate::widgets::wire::Answer)]
pub async fn find_products(query: String) -> Result<Vec<ItemView>, AppError> {
    crate::server_ctx::answer(
        async move {
            let caller = crate::widgets::caller::widget_caller(crate::domain::WidgetKind::Warranty).await?;
            let pool = crate::server_ctx::pool()?;
            // A search longer than any name or SKU finds nothing anyway.
            let query: String = query.trim().chars().take(120).collect();
            Ok(crate::widgets::catalogue::db::search(&pool, &caller.site, &query, FOUND).await?)
        }
        .await,
    )
}

/// Registers a product's warranty for the customer with this email (created if new);
/// answers the token this browser keeps from now on.
#[server(prefix = "/w", endpoint = "warranty", output = crate::widgets::wire::Answer)]
pub async fn register_warranty(form: WarrantyForm) -> Result<String, AppError> {
    crate::server_ctx::answer(
        async move {
            use super::db::Registered;
            use super::form::ValidWarranty;
            use crate::domain::{Field, FieldErrors, Problem};
            let caller = crate::widgets::caller::widget_caller(crate::domain::WidgetKind::Warranty).await?;
            let pool = crate::server_ctx::pool()?;
            let today = super::db::today();
            let mode = caller.site.address_mode(crate::domain::WidgetKind::Warranty);
            let warranty = ValidWarranty::parse(&form, Some(&today), mode)?;
            let Some((item_id, _)) = crate::widgets::catalogue::db::find(&pool, &caller.site, &warranty.sku).await?
            else {
                return Err(FieldErrors::one(Field::Item, Problem::UnknownOption).into());
            };
            let page = crate::widgets::caller::page_on_origin(&form.page_url, &caller.origin);
            match super::db::insert(&pool, caller.site.id, item_id, &warranty, &page).await? {
                Registered::New(token) => {
                    tracing::info!(site = caller.site.key.as_str(), item_id, "warranty registered");
                    Ok(token)
                }
                Registered::Already => Err(FieldErrors::one(Field::Serial, Problem::AlreadyRegistered).into()),
            }
        }
        .await,
    )
}
